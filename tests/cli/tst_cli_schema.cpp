// Library files from elsewhere (issue 17, docs/safety.md): crafted files whose schema holds what Dubao did not make,
// used with dubao-cli as a new user would. Each: nothing of the user's work is lost, writes are refused saying why,
// `check` names the objects, and `check --repair` (after a copy of the file) makes the schema Dubao's own again.
#include "core/store/backup.h"
#include "core/store/library.h"
#include "tests/support/cliprocess.h"
#include "tests/support/sampleissue.h"
#include "tests/support/scalar.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace dubao;
using namespace Qt::StringLiterals;

namespace {

/// A plain connection, as another SQLite program would make one: nothing of Dubao's, nothing defensive.
bool tamper(const QString &path, const QStringList &statements)
{
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"tamper"_s);
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery q(db);
        for (const QString &s : statements) {
            if (ok && !q.exec(s)) {
                qWarning("%s: %s", qPrintable(s), qPrintable(q.lastError().text()));
                ok = false;
            }
        }
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"tamper"_s);
    return ok;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestCliSchema : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void issueScenario_triggerDeletingHighlights_writeRefusedCheckNamesRepairRemoves();
    void extraTriggerOnEveryTable_allNamedAndRepaired();
    void viewNamedLikeTable_namedAndTableMadeAgain();
    void ourTriggerAltered_namedAndMadeAgain();
    void tableAltered_rebuiltKeepingRows();
    void expressionIndexCallingOurFunction_refusedClearly();
    void futureUserVersion_refusedUntouched();

private:
    test::CliRun cli(const QStringList &args) { return test::runCli(args + QStringList{u"--library"_s, m_path}); }
    qint64 highlights();

    QTemporaryDir m_tmp;
    QString m_fixture;
    QString m_path;
    int m_case = 0;
    qint64 m_block = 0;
};

void TestCliSchema::initTestCase()
{
    m_fixture = m_tmp.filePath(u"fixture.sqlite"_s);
    Library library;
    QVERIFY(library.open(m_fixture));
    QVERIFY(test::importSampleIssue(library));
    m_block = test::scalar(library, u"SELECT id FROM blocks WHERE length(text) > 10 ORDER BY id LIMIT 1"_s);
    QVERIFY(m_block > 0);
    library.close();
    // Two highlights made through dubao-cli, as in the issue.
    m_path = m_fixture;
    for (const auto &[start, end] : {std::pair{0, 2}, std::pair{3, 6}}) {
        const test::CliRun r = cli({u"highlight"_s, u"add"_s, u"--block"_s, QString::number(m_block), u"--start"_s,
                                    QString::number(start), u"--end"_s, QString::number(end)});
        QVERIFY2(r.code == 0, r.err.constData());
    }
    QCOMPARE(highlights(), 2);
}

void TestCliSchema::init()
{
    m_path = m_tmp.filePath(u"lib%1.sqlite"_s.arg(++m_case));
    QVERIFY(QFile::copy(m_fixture, m_path));
}

qint64 TestCliSchema::highlights()
{
    const test::CliRun r = cli({u"highlight"_s, u"list"_s, u"--json"_s});
    return r.code == 0 ? r.out.count("\"id\"") : -1;
}

void TestCliSchema::issueScenario_triggerDeletingHighlights_writeRefusedCheckNamesRepairRemoves()
{
    QVERIFY(tamper(m_path, {u"CREATE TRIGGER evil AFTER INSERT ON notes BEGIN DELETE FROM highlights; END;"_s}));
    test::CliRun r = cli({u"check"_s});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.out.contains("trigger evil (unknown)"), r.out.constData());

    r = cli({u"note"_s, u"add"_s, u"--block"_s, QString::number(m_block), u"--text"_s, u"hi"_s});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("trigger evil (unknown)") && r.err.contains("nothing was changed") &&
                 r.err.contains("check --repair"),
             r.err.constData());
    QCOMPARE(highlights(), 2);

    r = cli({u"check"_s, u"--repair"_s});
    QVERIFY2(r.code == 0, r.out.constData());
    QVERIFY2(r.out.contains("Removed the trigger evil"), r.out.constData());
    const QList<BackupInfo> backups = Backup::list(m_path);
    QVERIFY(std::any_of(backups.begin(), backups.end(),
                        [](const BackupInfo &b) { return b.reason == u"before-repair"_s && b.fullCopy; }));
    r = cli({u"note"_s, u"add"_s, u"--block"_s, QString::number(m_block), u"--text"_s, u"hi"_s});
    QVERIFY2(r.code == 0, r.err.constData());
    QCOMPARE(highlights(), 2);
    QVERIFY(cli({u"check"_s}).out.contains("The library is healthy."));
}

void TestCliSchema::extraTriggerOnEveryTable_allNamedAndRepaired()
{
    QStringList tables;
    {
        Library library;
        QVERIFY(library.open(m_path));
        QSqlQuery q(library.database());
        // Every ordinary table (FTS5's are virtual; a trigger on their shadow tables would be one more of them).
        QVERIFY(q.exec(u"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND "
                       "sql NOT LIKE 'CREATE VIRTUAL%'"_s));
        while (q.next())
            tables << q.value(0).toString();
    }
    QVERIFY(tables.contains(u"highlights"_s) && tables.contains(u"notes"_s) && tables.size() > 15);
    QStringList statements;
    for (const QString &t : std::as_const(tables))
        statements << u"CREATE TRIGGER evil_%1 AFTER INSERT ON \"%1\" BEGIN DELETE FROM highlights; END"_s.arg(t);
    QVERIFY(tamper(m_path, statements));

    Library library;
    QVERIFY(library.open(m_path));
    QVERIFY(library.isReadOnly());
    QCOMPARE(library.schemaFindings().size(), tables.size());
    library.close();
    test::CliRun r = cli({u"check"_s});
    QCOMPARE(r.code, 1);
    for (const QString &t : std::as_const(tables))
        QVERIFY2(r.out.contains(u"trigger evil_%1 (unknown)"_s.arg(t).toUtf8()), qPrintable(t));
    // Writing commands refuse.
    for (const QStringList &write : {QStringList{u"tag"_s, u"add"_s, u"x"_s}, QStringList{u"reindex"_s}}) {
        r = cli(write);
        QVERIFY2(r.code == 1 && r.err.contains("did not make"),
                 qPrintable(write.join(u' ') + QString::fromUtf8(r.err)));
    }
    QCOMPARE(cli({u"check"_s, u"--repair"_s}).code, 0);
    QVERIFY(cli({u"tag"_s, u"add"_s, u"x"_s}).code == 0);
    QCOMPARE(highlights(), 2);
}

void TestCliSchema::viewNamedLikeTable_namedAndTableMadeAgain()
{
    QVERIFY(tamper(m_path, {u"DROP TABLE notebook_entries"_s,
                            u"CREATE VIEW notebook_entries AS SELECT id, id AS notebook_id FROM highlights"_s}));
    test::CliRun r = cli({u"check"_s});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.out.contains("view notebook_entries (unknown)") && r.out.contains("table notebook_entries (missing)"),
             r.out.constData());
    QCOMPARE(cli({u"notebook"_s, u"add"_s, u"n"_s}).code, 1);
    QCOMPARE(highlights(), 2);
    r = cli({u"check"_s, u"--repair"_s});
    QVERIFY2(r.code == 0, r.out.constData());
    QCOMPARE(cli({u"notebook"_s, u"add"_s, u"n"_s}).code, 0);
    QCOMPARE(cli({u"notebook"_s, u"append"_s, u"n"_s, u"--text"_s, u"t"_s}).code, 0);
    QCOMPARE(highlights(), 2);
}

void TestCliSchema::ourTriggerAltered_namedAndMadeAgain()
{
    QVERIFY(tamper(m_path, {u"DROP TRIGGER search_notes_insert"_s,
                            u"CREATE TRIGGER search_notes_insert AFTER INSERT ON notes BEGIN "
                            "DELETE FROM highlights; END"_s}));
    test::CliRun r = cli({u"check"_s});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.out.contains("trigger search_notes_insert (changed)"), r.out.constData());
    QCOMPARE(cli({u"note"_s, u"add"_s, u"--block"_s, QString::number(m_block), u"--text"_s, u"甲乙"_s}).code, 1);
    QCOMPARE(highlights(), 2);
    r = cli({u"check"_s, u"--repair"_s});
    QVERIFY2(r.code == 0 && r.out.contains("search_notes_insert"), r.out.constData());
    QCOMPARE(cli({u"note"_s, u"add"_s, u"--block"_s, QString::number(m_block), u"--text"_s, u"甲乙"_s}).code, 0);
    QCOMPARE(highlights(), 2);
    // The trigger of ours works again: the note is found.
    r = cli({u"search"_s, u"in:notes 甲乙"_s, u"--json"_s});
    QVERIFY2(r.code == 0 && r.out.contains("\"total\": 1"), r.out.constData());
}

void TestCliSchema::tableAltered_rebuiltKeepingRows()
{
    // A column default of the file's own on a table of ours: the table's SQL differs.
    QVERIFY(tamper(m_path, {u"ALTER TABLE highlights ADD COLUMN spy TEXT DEFAULT 'x'"_s}));
    test::CliRun r = cli({u"check"_s});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.out.contains("table highlights (changed)"), r.out.constData());
    r = cli({u"check"_s, u"--repair"_s});
    QVERIFY2(r.code == 0, r.out.constData());
    QCOMPARE(highlights(), 2);
    Library library;
    QVERIFY(library.open(m_path));
    QVERIFY(library.schemaFindings().isEmpty());
    QCOMPARE(test::scalar(library, u"SELECT count(*) FROM pragma_table_info('highlights') WHERE name = 'spy'"_s), 0);
}

void TestCliSchema::expressionIndexCallingOurFunction_refusedClearly()
{
    // SQLite itself refuses to create an index on dubao_uid() (not deterministic): the file is edited as an
    // attacker would, through writable_schema.
    QVERIFY(tamper(m_path, {u"CREATE INDEX evil_index ON highlights(quote)"_s, u"PRAGMA writable_schema = ON"_s,
                            u"UPDATE sqlite_master SET sql = 'CREATE INDEX evil_index ON highlights(dubao_uid())' "
                            "WHERE name = 'evil_index'"_s}));
    const QByteArray before = readAll(m_path);
    test::CliRun r = cli({u"note"_s, u"add"_s, u"--block"_s, QString::number(m_block), u"--text"_s, u"hi"_s});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("evil_index"), r.err.constData());
    r = cli({u"check"_s});
    QCOMPARE(r.code, 1);
    const QByteArray said = r.out + r.err;
    QVERIFY2(said.contains("evil_index"), said.constData());
    QCOMPARE(readAll(m_path), before);
}

void TestCliSchema::futureUserVersion_refusedUntouched()
{
    QVERIFY(tamper(m_path, {u"PRAGMA user_version = %1"_s.arg(Library::currentSchemaVersion() + 1)}));
    const QByteArray before = readAll(m_path);
    test::CliRun r = cli({u"note"_s, u"add"_s, u"--block"_s, QString::number(m_block), u"--text"_s, u"hi"_s});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("made by a newer Dubao"), r.err.constData());
    r = cli({u"check"_s});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains("made by a newer Dubao"), r.err.constData());
    QCOMPARE(readAll(m_path), before);
}

QTEST_GUILESS_MAIN(TestCliSchema)
#include "tst_cli_schema.moc"
