// dubao-cli on a team library (issue 13): `--library postgresql://USER@HOST:PORT/DB` on a real PostgreSQL server the
// test starts (tests/support/pgserver.h). Import, list and show give what they give on an SQLite file; the errors a
// team user meets are clear (server unreachable, wrong or missing password, no such database, a database of
// something else, a command not on PostgreSQL yet) and never an SQL error.
#include "core/store/library.h"
#include "tests/support/cliprocess.h"
#include "tests/support/pgserver.h"
#include "tests/support/sampleissue.h"

#include <QFile>
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

/// dubao-cli with PGPASSFILE set (an empty value: no password file at all).
test::CliRun runWithPassFile(const QStringList &args, const QString &passFile)
{
    return test::runCliWith(args, {{u"PGPASSFILE"_s, passFile}});
}

} // namespace

class TestCliTeam : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void importListShow_sameAsOnSqlite();
    void import_twice_alreadyPresent();
    void reopen_keepsTheSchemaVersion();
    void unreachableServer_namesHostAndPort();
    void password_fromPassFile_wrongOrMissingSaysSo();
    void noPermission_saysSo();
    void noSuchDatabase_saysSo();
    void databaseOfSomethingElse_refusedAndLeftAlone();
    void passwordInTheAddress_refused();
    void commandNotOnPostgres_saysSoWithoutSqlError();
    void refusedWrite_stderrIsTheRefusalOnly();

private:
    std::unique_ptr<test::PgServer> m_server;
    QTemporaryDir m_dir;
};

void TestCliTeam::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<test::PgServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
    qInfo("PostgreSQL server started in %lld ms", m_server->startMilliseconds());
}

void TestCliTeam::cleanupTestCase()
{
    m_server.reset();
}

void TestCliTeam::importListShow_sameAsOnSqlite()
{
    const Result<QString> db = m_server->createDatabase();
    QVERIFY2(db, qPrintable(db.error().message()));
    const QString team = m_server->url(*db);
    const QString file = m_dir.filePath(u"same.sqlite"_s);
    for (const QString &library : {team, file}) {
        const test::CliRun imported = runCli({u"import"_s, test::sampleIssuePath(), u"--library"_s, library});
        QVERIFY2(imported.code == 0, imported.err.constData());
        QVERIFY2(imported.err.isEmpty(), imported.err.constData()); // no warning, no SQL error
        QVERIFY(text(imported.out).contains(u"1 imported, 0 already present, 0 failed"_s));
    }
    for (const QStringList &command :
         {QStringList{u"list"_s}, QStringList{u"list"_s, u"--json"_s}, QStringList{u"show"_s, u"2"_s},
          QStringList{u"show"_s, u"2"_s, u"--json"_s}, QStringList{u"show"_s, u"3"_s, u"--raw"_s}}) {
        const test::CliRun onTeam = runCli(command + QStringList{u"--library"_s, team});
        const test::CliRun onFile = runCli(command + QStringList{u"--library"_s, file});
        QVERIFY2(onTeam.code == 0, onTeam.err.constData());
        QVERIFY(!onTeam.out.isEmpty());
        QCOMPARE(text(onTeam.out), text(onFile.out));
    }
    // Search and KWIC (docs/search.md, "On a team library"): the same output as on the file.
    for (const QStringList &command : {QStringList{u"search"_s, u"会议"_s},
                                       QStringList{u"search"_s, u"会议"_s, u"--json"_s, u"--order"_s, u"oldest"_s},
                                       QStringList{u"search"_s, u"title:会议"_s}, QStringList{u"kwic"_s, u"会议"_s},
                                       QStringList{u"trend"_s, u"会议"_s, u"--per"_s, u"10k"_s, u"--json"_s}}) {
        const test::CliRun onTeam = runCli(command + QStringList{u"--library"_s, team});
        const test::CliRun onFile = runCli(command + QStringList{u"--library"_s, file});
        QVERIFY2(onTeam.code == 0, onTeam.err.constData());
        QVERIFY2(text(onTeam.out).contains(u"会议"_s), onTeam.out.constData());
        QCOMPARE(text(onTeam.out), text(onFile.out));
    }
    const test::CliRun missing = runCli({u"show"_s, u"999"_s, u"--library"_s, team});
    QCOMPARE(missing.code, 1);
    QCOMPARE(text(missing.err).trimmed(), u"dubao-cli: no article with id 999"_s);
}

void TestCliTeam::import_twice_alreadyPresent()
{
    const Result<QString> db = m_server->createDatabase();
    QVERIFY(db);
    const QString team = m_server->url(*db);
    QCOMPARE(runCli({u"import"_s, test::sampleIssuePath(), u"--library"_s, team}).code, 0);
    const test::CliRun again = runCli({u"import"_s, test::sampleIssuePath(), u"--library"_s, team});
    QCOMPARE(again.code, 0);
    QVERIFY2(text(again.out).contains(u"0 imported, 1 already present, 0 failed"_s), again.out.constData());
    QCOMPARE(m_server->psql(*db, u"SELECT count(*) FROM issues"_s).valueOr({}), u"1"_s);
}

void TestCliTeam::reopen_keepsTheSchemaVersion()
{
    const Result<QString> db = m_server->createDatabase();
    QVERIFY(db);
    QCOMPARE(runCli({u"list"_s, u"--library"_s, m_server->url(*db)}).code, 0);
    QCOMPARE(m_server->psql(*db, u"SELECT version FROM dubao_library"_s).valueOr({}),
             QString::number(Library::currentSchemaVersion()));
    // A library of a newer Dubao is refused, and left as it was.
    QVERIFY(m_server->psql(*db, u"UPDATE dubao_library SET version = 99"_s));
    const test::CliRun newer = runCli({u"list"_s, u"--library"_s, m_server->url(*db)});
    QCOMPARE(newer.code, 1);
    QVERIFY2(text(newer.err).contains(u"made by a newer Dubao (schema 99"_s), newer.err.constData());
    QCOMPARE(m_server->psql(*db, u"SELECT version FROM dubao_library"_s).valueOr({}), u"99"_s);
}

void TestCliTeam::unreachableServer_namesHostAndPort()
{
    // The port of a server that has stopped: nothing listens there.
    int port = 0;
    {
        test::PgServer stopped;
        QVERIFY2(stopped.isRunning(), qPrintable(stopped.error()));
        port = stopped.port();
    }
    const test::CliRun run =
        runCli({u"list"_s, u"--library"_s, u"postgresql://dubao@127.0.0.1:%1/library"_s.arg(port)});
    QCOMPARE(run.code, 1);
    QVERIFY2(text(run.err).contains(u"cannot reach the PostgreSQL server at 127.0.0.1:%1"_s.arg(port)),
             run.err.constData());
}

void TestCliTeam::password_fromPassFile_wrongOrMissingSaysSo()
{
    const Result<QString> db = m_server->createDatabase();
    QVERIFY(db);
    const QString url = m_server->url(*db, test::PgServer::passwordUser());
    QVERIFY(m_server->psql(*db, u"GRANT CREATE ON SCHEMA public TO dubao_pw"_s));
    auto passFile = [&](const QString &name, const QString &password) {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return QString();
        file.write(
            u"127.0.0.1:%1:*:%2:%3\n"_s.arg(m_server->port()).arg(test::PgServer::passwordUser(), password).toUtf8());
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner); // libpq ignores a readable one
        return path;
    };
    const test::CliRun wrong = runWithPassFile({u"list"_s, u"--library"_s, url}, passFile(u"wrong"_s, u"nope"_s));
    QCOMPARE(wrong.code, 1);
    QVERIFY2(text(wrong.err).contains(u"wrong password for the user dubao_pw"_s), wrong.err.constData());
    const test::CliRun none = runWithPassFile({u"list"_s, u"--library"_s, url}, m_dir.filePath(u"absent"_s));
    QCOMPARE(none.code, 1);
    QVERIFY2(text(none.err).contains(u"wants a password for the user dubao_pw"_s), none.err.constData());
    const test::CliRun right =
        runWithPassFile({u"list"_s, u"--library"_s, url}, passFile(u"right"_s, test::PgServer::passwordUserPassword()));
    QVERIFY2(right.code == 0, right.err.constData());
    QVERIFY(text(right.out).contains(u"The library is empty"_s));
}

void TestCliTeam::noPermission_saysSo()
{
    const Result<QString> db = m_server->createDatabase();
    QVERIFY(db);
    const QString path = m_dir.filePath(u"pass"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(u"*:*:*:dubao_pw:%1\n"_s.arg(test::PgServer::passwordUserPassword()).toUtf8());
    file.close();
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    const test::CliRun run =
        runWithPassFile({u"list"_s, u"--library"_s, m_server->url(*db, test::PgServer::passwordUser())}, path);
    QCOMPARE(run.code, 1);
    QVERIFY2(text(run.err).contains(u"the user dubao_pw may not make a library in the database %1"_s.arg(*db)),
             run.err.constData());
}

void TestCliTeam::noSuchDatabase_saysSo()
{
    const test::CliRun run = runCli({u"list"_s, u"--library"_s, m_server->url(u"nosuch"_s)});
    QCOMPARE(run.code, 1);
    QVERIFY2(
        text(run.err).contains(u"the PostgreSQL server 127.0.0.1:%1 has no database nosuch"_s.arg(m_server->port())),
        run.err.constData());
}

void TestCliTeam::databaseOfSomethingElse_refusedAndLeftAlone()
{
    const Result<QString> db = m_server->createDatabase();
    QVERIFY(db);
    QVERIFY(m_server->psql(*db, u"CREATE TABLE accounts (id int); INSERT INTO accounts VALUES (7)"_s));
    const test::CliRun run = runCli({u"import"_s, test::sampleIssuePath(), u"--library"_s, m_server->url(*db)});
    QCOMPARE(run.code, 1);
    QVERIFY2(text(run.err).contains(u"not a Dubao library (a PostgreSQL database with other tables)"_s),
             run.err.constData());
    QCOMPARE(m_server->psql(*db, u"SELECT string_agg(tablename, ',') FROM pg_tables WHERE schemaname = 'public'"_s)
                 .valueOr({}),
             u"accounts"_s);
}

void TestCliTeam::passwordInTheAddress_refused()
{
    const test::CliRun run =
        runCli({u"list"_s, u"--library"_s, u"postgresql://dubao:hunter2@127.0.0.1:%1/x"_s.arg(m_server->port())});
    QCOMPARE(run.code, 1);
    QVERIFY2(text(run.err).contains(u"a password does not belong in the address"_s), run.err.constData());
    QVERIFY(!text(run.err).contains(u"hunter2"_s));
}

void TestCliTeam::commandNotOnPostgres_saysSoWithoutSqlError()
{
    const Result<QString> db = m_server->createDatabase();
    QVERIFY(db);
    // Every command but copy (which names its two libraries itself) works on a team library now.
    for (const QStringList &command : {QStringList{u"copy"_s}}) {
        const test::CliRun run = runCli(command + QStringList{u"--library"_s, m_server->url(*db)});
        QCOMPARE(run.code, 1);
        QCOMPARE(text(run.err).trimmed(), u"dubao-cli: %1 is not supported on a team library (PostgreSQL) yet; it "
                                          "works on an SQLite library file"_s.arg(command.front()));
    }
}

// A write the server refuses aborts the transaction; the statement that failed is freed only once it has rolled
// back, so Qt's driver has nothing to complain about ("QPSQLResult: Unable to free statement: ERROR: current
// transaction is aborted…" used to come before the message): stderr is the one clear line.
void TestCliTeam::refusedWrite_stderrIsTheRefusalOnly()
{
    const Result<QString> db = m_server->createDatabase(u"refused"_s);
    QVERIFY2(db, qPrintable(db.error().message()));
    const QString owner = m_server->url(*db);
    QCOMPARE(runCli({u"import"_s, test::sampleIssuePath(), u"--library"_s, owner}).code, 0);
    QCOMPARE(runCli({u"tag"_s, u"add"_s, u"people"_s, u"--library"_s, owner}).code, 0);
    QCOMPARE(runCli({u"team"_s, u"init"_s, u"--library"_s, owner}).code, 0);
    const test::CliRun added = test::runCliWith(
        {u"team"_s, u"add-user"_s, u"rosa"_s, u"--role"_s, u"reader"_s, u"--library"_s, owner}, {}, "pw-of-rosa\n");
    QVERIFY2(added.code == 0, added.err.constData());
    const QString block = m_server->psql(*db, u"SELECT min(id) FROM blocks"_s).valueOr(QString());
    const QString article = m_server->psql(*db, u"SELECT min(id) FROM articles"_s).valueOr(QString());
    QVERIFY(block.toLongLong() > 0 && article.toLongLong() > 0);
    const QList<std::pair<QStringList, QString>> writes{
        {{u"note"_s, u"add"_s, u"--block"_s, block, u"--text"_s, u"hi"_s}, u"notes"_s},
        {{u"tag"_s, u"apply"_s, u"people"_s, u"--article"_s, article}, u"article_tags"_s},
        {{u"highlight"_s, u"add"_s, u"--block"_s, block, u"--start"_s, u"0"_s, u"--end"_s, u"2"_s}, u"highlights"_s},
    };
    for (const auto &[write, table] : writes) {
        const test::CliRun run = runCli(write + QStringList{u"--library"_s, m_server->url(*db, u"rosa"_s)});
        QCOMPARE(run.code, 1);
        const QString expected = u"dubao-cli: not allowed: rosa is a reader of this team library: a reader may read, "
                                 u"search and export, not annotate or change it (the server refused: permission "
                                 u"denied for table %1)\n"_s.arg(table);
        QCOMPARE(text(run.err), expected);
    }
    QCOMPARE(m_server->psql(*db, u"SELECT count(*) FROM notes"_s).valueOr(QString()), u"0"_s);
}

QTEST_GUILESS_MAIN(TestCliTeam)
#include "tst_cli_team.moc"
