// The roles of a team library (issues 13 and 17): `dubao-cli team init`, `team add-user`, `team list-users` on a
// real PostgreSQL server the test starts, and the server enforcing them — a reader cannot tag, note or import,
// not even with raw SQL on its own connection; an annotator annotates but cannot import or define tags; an editor
// imports. The refusals name the user's role and come from the server (SQLSTATE 42501).
#include "core/store/dialect.h"
#include "core/store/library.h"
#include "tests/support/cliprocess.h"
#include "tests/support/pgserver.h"
#include "tests/support/sampleissue.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace dubao;
using namespace Qt::StringLiterals;
using dubao::test::runCli;

namespace {

QString text(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes);
}

/// dubao-cli with `input` on its standard input (closed after it).
test::CliRun runWithInput(const QStringList &args, const QByteArray &input)
{
    return test::runCliWith(args, {}, input);
}

} // namespace

class TestCliTeamRoles : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void init_isIdempotent_andLeavesPublicOut();
    void addUser_passwordFromStdinOnly_storedAsScram();
    void listUsers_namesEachRole();
    void reader_cannotTagNoteOrImport_serverSaysWhy();
    void reader_rawSqlOnItsOwnConnection_refusedByTheServer();
    void annotator_annotatesButCannotImportOrDefineTags();
    void editor_importsAndDefinesTags();
    void removeUser_loginGoes_whatTheyMadeKeepsTheirName();
    void teamOnAFile_isAUsageError();

private:
    QString url(const QString &user) const { return m_server->url(m_db, user); }
    test::CliRun as(const QString &user, const QStringList &args) const
    {
        return runCli(args + QStringList{u"--library"_s, url(user)});
    }
    QString psql(const QString &sql) const { return m_server->psql(m_db, sql).valueOr(u"(error)"_s); }
    /// A copy of the sample issue with other bytes (another file to the library), in the test's folder.
    QString otherIssueFile(const QString &name);

    std::unique_ptr<test::PgServer> m_server;
    QTemporaryDir m_dir;
    QString m_db;
    QString m_block;
    QString m_article;
};

void TestCliTeamRoles::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<test::PgServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
    const Result<QString> db = m_server->createDatabase(u"team"_s);
    QVERIFY2(db, qPrintable(db.error().message()));
    m_db = *db;
    // The owner (the superuser here) makes the library, a tag, and the roles.
    const QString owner = test::PgServer::superuser();
    const test::CliRun imported = as(owner, {u"import"_s, test::sampleIssuePath()});
    QVERIFY2(imported.code == 0, imported.err.constData());
    QCOMPARE(as(owner, {u"tag"_s, u"add"_s, u"people"_s}).code, 0);
    const test::CliRun init = as(owner, {u"team"_s, u"init"_s});
    QVERIFY2(init.code == 0, init.err.constData());
    QVERIFY2(text(init.out).contains(u"%1_annotator: may also annotate"_s.arg(m_db)), init.out.constData());
    for (const auto &[user, role] :
         {std::pair{u"rita"_s, u"reader"_s}, std::pair{u"anna"_s, u"annotator"_s}, std::pair{u"ed"_s, u"editor"_s}}) {
        const test::CliRun added =
            runWithInput({u"team"_s, u"add-user"_s, user, u"--role"_s, role, u"--library"_s, url(owner)},
                         "pw-of-" + user.toUtf8() + "\n");
        QVERIFY2(added.code == 0, added.err.constData());
        QVERIFY(text(added.out).contains(u"Added the user %1 as %2"_s.arg(user, role)));
    }
    m_block = psql(u"SELECT min(id) FROM blocks"_s);
    m_article = psql(u"SELECT min(id) FROM articles"_s);
    QVERIFY(m_block.toLongLong() > 0);
}

void TestCliTeamRoles::cleanupTestCase()
{
    m_server.reset();
}

QString TestCliTeamRoles::otherIssueFile(const QString &name)
{
    QFile sample(test::sampleIssuePath());
    if (!sample.open(QIODevice::ReadOnly))
        return {};
    const QString path = m_dir.filePath(name);
    QFile copy(path);
    if (!copy.open(QIODevice::WriteOnly) || copy.write(sample.readAll() + "\n\n" + name.toUtf8() + "\n") < 0)
        return {};
    return path;
}

void TestCliTeamRoles::init_isIdempotent_andLeavesPublicOut()
{
    const test::CliRun again = as(test::PgServer::superuser(), {u"team"_s, u"init"_s});
    QVERIFY2(again.code == 0, again.err.constData());
    QVERIFY2(again.err.isEmpty(), again.err.constData()); // nothing to say the second time (no server notices)
    QCOMPARE(psql(u"SELECT count(*) FROM pg_roles WHERE rolname LIKE '%1\\_%%'"_s.arg(m_db)), u"3"_s);
    QCOMPARE(psql(u"SELECT has_database_privilege('public', current_database(), 'CONNECT')"_s), u"f"_s);
    // A role of the server that is in no group of the library cannot even connect to it.
    QVERIFY(m_server->psql(m_db, u"CREATE ROLE outsider LOGIN"_s));
    const test::CliRun outsider = as(u"outsider"_s, {u"list"_s});
    QCOMPARE(outsider.code, 1);
    QVERIFY2(text(outsider.err).contains(u"the user outsider may not connect to the database %1"_s.arg(m_db)),
             outsider.err.constData());
    // Editors write the store's tables, not the library's version; tables of a later schema follow by default.
    QCOMPARE(psql(u"SELECT has_table_privilege('%1_editor', 'dubao_library', 'UPDATE')"_s.arg(m_db)), u"f"_s);
    QVERIFY(m_server->psql(m_db, u"CREATE TABLE later_version (id bigserial PRIMARY KEY)"_s));
    QCOMPARE(psql(u"SELECT has_table_privilege('%1_reader', 'later_version', 'SELECT')::text || "
                  "has_table_privilege('%1_reader', 'later_version', 'INSERT')::text || "
                  "has_table_privilege('%1_editor', 'later_version', 'INSERT')::text"_s.arg(m_db)),
             u"truefalsetrue"_s);
    QVERIFY(m_server->psql(m_db, u"DROP TABLE later_version"_s));
    // Only the owner (with the right to create roles) sets them up.
    const test::CliRun byEditor = as(u"ed"_s, {u"team"_s, u"init"_s});
    QCOMPARE(byEditor.code, 1);
    QVERIFY2(text(byEditor.err).contains(u"the user ed may not set up the roles"_s), byEditor.err.constData());
}

void TestCliTeamRoles::addUser_passwordFromStdinOnly_storedAsScram()
{
    QCOMPARE(psql(u"SELECT rolpassword LIKE 'SCRAM-SHA-256$%' FROM pg_authid WHERE rolname = 'rita'"_s), u"t"_s);
    const QStringList add{u"team"_s,
                          u"add-user"_s,
                          u"nobody"_s,
                          u"--role"_s,
                          u"reader"_s,
                          u"--library"_s,
                          url(test::PgServer::superuser())};
    const test::CliRun noInput = runWithInput(add, {});
    QCOMPARE(noInput.code, 1);
    QVERIFY2(text(noInput.err).contains(u"no password on standard input"_s), noInput.err.constData());
    const test::CliRun empty = runWithInput(add, "\n");
    QCOMPARE(empty.code, 1);
    QVERIFY2(text(empty.err).contains(u"the password is empty"_s), empty.err.constData());
    QCOMPARE(psql(u"SELECT count(*) FROM pg_roles WHERE rolname = 'nobody'"_s), u"0"_s);
    const test::CliRun twice = runWithInput(
        {u"team"_s, u"add-user"_s, u"rita"_s, u"--role"_s, u"editor"_s, u"--library"_s, url(u"dubao"_s)}, "x\n");
    QCOMPARE(twice.code, 1);
    QVERIFY2(text(twice.err).contains(u"already has a user (or role) rita"_s), twice.err.constData());
    QCOMPARE(as(u"dubao"_s, {u"team"_s, u"add-user"_s, u"x"_s, u"--role"_s, u"admin"_s}).code, 2);
    QCOMPARE(as(u"dubao"_s, {u"team"_s, u"add-user"_s, u"x"_s, u"--role"_s, u"reader"_s, u"--password"_s, u"p"_s}).code,
             2); // no such option (the password is never an argument): not even the command runs
}

void TestCliTeamRoles::listUsers_namesEachRole()
{
    const test::CliRun list = as(u"anna"_s, {u"team"_s, u"list-users"_s, u"--json"_s});
    QVERIFY2(list.code == 0, list.err.constData());
    for (const QString &role : {u"reader"_s, u"annotator"_s, u"editor"_s})
        QVERIFY2(text(list.out).contains(u"\"role\": \"%1\""_s.arg(role)), list.out.constData());
    const test::CliRun plain = as(u"rita"_s, {u"team"_s, u"list-users"_s});
    QVERIFY2(plain.code == 0, plain.err.constData());
    const QStringList lines = text(plain.out).split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines.at(0).simplified(), u"anna annotator"_s);
    QCOMPARE(lines.at(1).simplified(), u"ed editor"_s);
    QCOMPARE(lines.at(2).simplified(), u"rita reader"_s);
}

void TestCliTeamRoles::reader_cannotTagNoteOrImport_serverSaysWhy()
{
    const QString notes = psql(u"SELECT count(*) FROM notes"_s);
    QVERIFY2(as(u"rita"_s, {u"list"_s}).code == 0, as(u"rita"_s, {u"list"_s}).err.constData());
    QCOMPARE(as(u"rita"_s, {u"show"_s, m_article}).code, 0);
    const QList<QStringList> writes{
        {u"note"_s, u"add"_s, u"--block"_s, m_block, u"--text"_s, u"hi"_s},
        {u"tag"_s, u"apply"_s, u"people"_s, u"--article"_s, m_article},
        {u"highlight"_s, u"add"_s, u"--block"_s, m_block, u"--start"_s, u"0"_s, u"--end"_s, u"2"_s},
        {u"import"_s, otherIssueFile(u"reader.txt"_s)},
    };
    for (const QStringList &write : writes) {
        const test::CliRun run = as(u"rita"_s, write);
        QCOMPARE(run.code, 1);
        const QString err = text(run.err);
        QVERIFY2(err.contains(u"rita is a reader of this team library: a reader may read, search and export"_s),
                 run.err.constData());
        QVERIFY2(err.contains(u"(the server refused: permission denied for table"_s), run.err.constData());
    }
    QCOMPARE(psql(u"SELECT count(*) FROM notes"_s), notes);
    QCOMPARE(psql(u"SELECT count(*) FROM article_tags"_s), u"0"_s);
    QCOMPARE(psql(u"SELECT count(*) FROM issues"_s), u"1"_s);
}

void TestCliTeamRoles::reader_rawSqlOnItsOwnConnection_refusedByTheServer()
{
    Library library;
    const Result<void> opened = library.open(url(u"rita"_s));
    QVERIFY2(opened, qPrintable(opened.error().message()));
    QCOMPARE(library.teamAccess().role, u"reader"_s);
    QVERIFY(!library.teamAccess().mayAnnotate);
    QVERIFY(!library.teamAccess().mayEdit);
    QSqlDatabase db = library.database();
    for (const QString &sql :
         {u"INSERT INTO notes (block_id, issue_id, text, created_at, modified_at) SELECT id, 1, 'x', '', '' FROM "
          "blocks LIMIT 1"_s,
          u"DELETE FROM highlights"_s, u"UPDATE blocks SET text = 'gone'"_s, u"DELETE FROM issues"_s,
          u"INSERT INTO tags (name) VALUES ('mine')"_s, u"UPDATE dubao_library SET version = 1"_s,
          u"CREATE TABLE sneaky (id int)"_s, u"TRUNCATE notes"_s}) {
        QSqlQuery query(db);
        QVERIFY2(!query.exec(sql), qPrintable(sql));
        QVERIFY2(dialect::isPermissionDenied(query.lastError()),
                 qPrintable(sql + u": "_s + query.lastError().nativeErrorCode() + u" "_s + query.lastError().text()));
    }
    QCOMPARE(psql(u"SELECT count(*) FROM blocks WHERE text = 'gone'"_s), u"0"_s);
    QCOMPARE(psql(u"SELECT count(*) FROM issues"_s), u"1"_s);
}

void TestCliTeamRoles::annotator_annotatesButCannotImportOrDefineTags()
{
    QCOMPARE(as(u"anna"_s, {u"tag"_s, u"apply"_s, u"people"_s, u"--article"_s, m_article}).code, 0);
    const test::CliRun highlight = as(u"anna"_s, {u"highlight"_s, u"add"_s, u"--block"_s, m_block, u"--start"_s, u"0"_s,
                                                  u"--end"_s, u"2"_s, u"--tag"_s, u"people"_s});
    QVERIFY2(highlight.code == 0, highlight.err.constData());
    const test::CliRun note = as(u"anna"_s, {u"note"_s, u"add"_s, u"--block"_s, m_block, u"--text"_s, u"mine"_s});
    QVERIFY2(note.code == 0, note.err.constData());
    QCOMPARE(as(u"anna"_s, {u"notebook"_s, u"add"_s, u"reading"_s}).code, 0);
    const test::CliRun append = as(u"anna"_s, {u"notebook"_s, u"append"_s, u"reading"_s, u"--text"_s, u"a thought"_s});
    QVERIFY2(append.code == 0, append.err.constData());
    QCOMPARE(psql(u"SELECT count(*) FROM notes WHERE text = 'mine'"_s), u"1"_s);
    QCOMPARE(psql(u"SELECT count(*) FROM highlights"_s), u"1"_s);

    for (const QStringList &write : {QStringList{u"import"_s, otherIssueFile(u"annotator.txt"_s)},
                                     QStringList{u"tag"_s, u"add"_s, u"own-tag"_s}}) {
        const test::CliRun run = as(u"anna"_s, write);
        QCOMPARE(run.code, 1);
        QVERIFY2(text(run.err).contains(u"anna is an annotator of this team library: an annotator may read, search, "
                                        "export and annotate"_s),
                 run.err.constData());
        QVERIFY2(text(run.err).contains(u"permission denied for table"_s), run.err.constData());
    }
    QCOMPARE(psql(u"SELECT count(*) FROM issues"_s), u"1"_s);
    QCOMPARE(psql(u"SELECT count(*) FROM tags"_s), u"1"_s);
}

void TestCliTeamRoles::editor_importsAndDefinesTags()
{
    const test::CliRun imported = as(u"ed"_s, {u"import"_s, otherIssueFile(u"editor.txt"_s)});
    QVERIFY2(imported.code == 0, imported.err.constData());
    QVERIFY(text(imported.out).contains(u"1 imported"_s));
    QCOMPARE(as(u"ed"_s, {u"tag"_s, u"add"_s, u"places"_s}).code, 0);
    QCOMPARE(psql(u"SELECT count(*) FROM issues"_s), u"2"_s);
    // And the annotator annotates what the editor imported, with the editor's tag.
    const QString block = psql(u"SELECT max(id) FROM blocks"_s);
    QCOMPARE(as(u"anna"_s, {u"tag"_s, u"apply"_s, u"places"_s, u"--block"_s, block}).code, 0);
}

void TestCliTeamRoles::removeUser_loginGoes_whatTheyMadeKeepsTheirName()
{
    const QString owner = test::PgServer::superuser();
    const test::CliRun added = runWithInput(
        {u"team"_s, u"add-user"_s, u"ulla"_s, u"--role"_s, u"annotator"_s, u"--library"_s, url(owner)}, "pw-ulla\n");
    QVERIFY2(added.code == 0, added.err.constData());
    const test::CliRun note =
        as(u"ulla"_s, {u"note"_s, u"add"_s, u"--block"_s, m_block, u"--text"_s, u"ulla was here"_s});
    QVERIFY2(note.code == 0, note.err.constData());

    const test::CliRun removed = as(owner, {u"team"_s, u"remove-user"_s, u"ulla"_s});
    QVERIFY2(removed.code == 0, removed.err.constData());
    QVERIFY2(text(removed.out).contains(u"Removed the user ulla"_s), removed.out.constData());
    QVERIFY2(text(removed.out).contains(u"their login is gone"_s), removed.out.constData());
    QCOMPARE(psql(u"SELECT count(*) FROM pg_roles WHERE rolname = 'ulla'"_s), u"0"_s);
    QVERIFY(!text(as(u"rita"_s, {u"team"_s, u"list-users"_s}).out).contains(u"ulla"_s));
    QCOMPARE(psql(u"SELECT created_by FROM notes WHERE text = 'ulla was here'"_s), u"ulla"_s);
    const test::CliRun gone = as(u"ulla"_s, {u"list"_s});
    QCOMPARE(gone.code, 1);

    // Not a user of this library (a role of the server, or nobody): refused, nothing changed.
    const test::CliRun notOurs = as(owner, {u"team"_s, u"remove-user"_s, owner});
    QCOMPARE(notOurs.code, 1);
    QVERIFY2(text(notOurs.err).contains(u"is not a user of the team library"_s), notOurs.err.constData());
    QCOMPARE(as(owner, {u"team"_s, u"remove-user"_s}).code, 2);
}

void TestCliTeamRoles::teamOnAFile_isAUsageError()
{
    const test::CliRun run = runCli({u"team"_s, u"init"_s, u"--library"_s, m_dir.filePath(u"file.sqlite"_s)});
    QCOMPARE(run.code, 2);
    QVERIFY2(text(run.err).contains(u"team works on a team library"_s), run.err.constData());
    QVERIFY(!QFile::exists(m_dir.filePath(u"file.sqlite"_s)));
}

QTEST_GUILESS_MAIN(TestCliTeamRoles)
#include "tst_cli_teamroles.moc"
