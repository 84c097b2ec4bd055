// `dubao-cli copy SOURCE DEST` (issue 13): a library copied SQLite -> PostgreSQL -> SQLite gives back every row of the
// store with its id and uid (tests/support/libraryrows.h, plus source bytes, corrections and article lineage), the
// copy searches as the original does, a team copy takes new rows after the copied ids; a DEST that is not empty or
// new is refused and left as it was.
#include "core/store/library.h"
#include "tests/support/cliprocess.h"
#include "tests/support/corpus.h"
#include "tests/support/libraryrows.h"
#include "tests/support/pgserver.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace dubao;
using namespace Qt::StringLiterals;
using test::runCli;

namespace {

/// libraryRows and the rows it leaves out: the source bytes, corrections and article lineage.
QStringList allRows(const QString &location)
{
    Library library;
    if (const Result<void> opened = library.open(location); !opened)
        return {u"cannot open: "_s + opened.error().message()};
    QStringList rows = test::libraryRows(library);
    QSqlQuery q(library.database());
    for (const QString &table : {u"source_contents"_s, u"corrections"_s, u"article_lineage"_s, u"reuse_sources"_s}) {
        if (!q.exec(u"SELECT * FROM %1 ORDER BY 1"_s.arg(table))) {
            rows << u"cannot read "_s + table;
            continue;
        }
        while (q.next()) {
            QStringList values;
            for (int c = 0; c < q.record().count(); ++c)
                values << (q.value(c).isNull() ? u"NULL"_s : QString::fromLatin1(q.value(c).toByteArray().toHex()));
            rows << table + u": "_s + values.join(u'|');
        }
    }
    return rows;
}

} // namespace

class TestCliCopy : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void roundTrip_sqlitePostgresSqlite_sameRows();
    void intoNonEmpty_refusedAndLeftAlone();

private:
    std::unique_ptr<test::PgServer> m_server;
    QTemporaryDir m_dir;
    QString m_source;
};

void TestCliCopy::initTestCase()
{
    m_server = std::make_unique<test::PgServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
    // The corpus with every kind of annotation, a correction, and an issue replaced (lineage, an orphan).
    m_source = m_dir.filePath(u"source.sqlite"_s);
    auto cli = [&](QStringList args) {
        args << u"--library"_s << m_source;
        const test::CliRun run = runCli(args);
        if (run.code != 0)
            qWarning("%s: %s", qPrintable(args.join(u' ')), run.err.constData());
        return run;
    };
    QCOMPARE(cli({u"import"_s, test::corpusDir()}).code, 0);
    QCOMPARE(cli({u"tag"_s, u"add"_s, u"政法"_s}).code, 0);
    QCOMPARE(cli({u"tag"_s, u"add"_s, u"政法/法院"_s}).code, 0);
    QCOMPARE(cli({u"tag"_s, u"apply"_s, u"政法"_s, u"--block"_s, u"3"_s}).code, 0);
    QCOMPARE(cli({u"tag"_s, u"apply"_s, u"政法/法院"_s, u"--article"_s, u"2"_s}).code, 0);
    const QString h = QString::fromUtf8(cli({u"highlight"_s, u"add"_s, u"--block"_s, u"5"_s, u"--start"_s, u"0"_s,
                                             u"--end"_s, u"3"_s, u"--tag"_s, u"政法"_s})
                                            .out.trimmed());
    QVERIFY(h.toLongLong() > 0);
    QCOMPARE(cli({u"note"_s, u"add"_s, u"--block"_s, u"5"_s, u"--highlight"_s, h, u"--text"_s, u"**注意**"_s,
                  u"--author"_s, u"rita"_s})
                 .code,
             0);
    QCOMPARE(cli({u"notebook"_s, u"add"_s, u"研究"_s}).code, 0);
    QCOMPARE(cli({u"notebook"_s, u"append"_s, u"研究"_s, u"--highlight"_s, h}).code, 0);
    QCOMPARE(cli({u"notebook"_s, u"append"_s, u"研究"_s, u"--text"_s, u"我的话"_s}).code, 0);
    QCOMPARE(cli({u"reuse"_s, u"--source"_s, u"渝西都市报"_s}).code, 0); // a reference collection: the user's
    QCOMPARE(cli({u"correct"_s, u"7"_s, u"--start"_s, u"0"_s, u"--end"_s, u"1"_s, u"--text"_s, u"X"_s}).code, 0);
    // Replace the first issue with its text less a few lines: lineage rows.
    Library library;
    QVERIFY(library.open(m_source));
    QSqlQuery q(library.database());
    QVERIFY(q.exec(u"SELECT s.path FROM issues i JOIN source_files s ON s.id = i.source_file_id ORDER BY i.id"_s) &&
            q.next());
    QFile in(q.value(0).toString());
    QVERIFY(in.open(QIODevice::ReadOnly));
    QList<QByteArray> lines = in.readAll().split('\n');
    q.finish();
    library.close();
    lines.remove(11, 2);
    const QString edited = m_dir.filePath(u"edited.txt"_s);
    QFile out(edited);
    QVERIFY(out.open(QIODevice::WriteOnly) && out.write(lines.join('\n')) > 0);
    out.close();
    QCOMPARE(cli({u"replace"_s, u"1"_s, edited}).code, 0);
}

void TestCliCopy::cleanupTestCase()
{
    m_server.reset();
}

void TestCliCopy::roundTrip_sqlitePostgresSqlite_sameRows()
{
    const Result<QString> db = m_server->createDatabase(u"copy"_s);
    QVERIFY(db);
    const QString team = m_server->url(*db);
    const QString back = m_dir.filePath(u"back.sqlite"_s);
    const test::CliRun there = runCli({u"copy"_s, m_source, team});
    QVERIFY2(there.code == 0, there.err.constData());
    QVERIFY2(there.err.isEmpty(), there.err.constData());
    const test::CliRun again = runCli({u"copy"_s, team, back});
    QVERIFY2(again.code == 0, again.err.constData());
    QVERIFY(again.out.startsWith("Copied "));
    const QStringList original = allRows(m_source);
    qInfo("%lld rows compared", qint64(original.size()));
    QVERIFY(original.size() > 100);
    for (const QString &row : original)
        QVERIFY2(!row.startsWith(u"error: "_s) && !row.startsWith(u"cannot "_s), qPrintable(row));
    QVERIFY(!original.filter(u"source_contents: "_s).isEmpty());
    QVERIFY(!original.filter(u"corrections: "_s).isEmpty());
    QCOMPARE(original.filter(u"reuse_sources: "_s).size(), 1);
    QCOMPARE(allRows(back), original); // the search results included: the copy's index is built
    QCOMPARE(QDir(m_dir.path()).entryList({u"back.sqlite.*"_s}), QStringList());
    // Authorship (schema v15) goes both ways as it was, though the team library's server writes it otherwise.
    QCOMPARE(m_server->psql(*db, u"SELECT created_by || '/' || changed_by FROM notes"_s).valueOr({}).trimmed(),
             u"rita/rita"_s);
    QVERIFY(!original.filter(u"rita"_s).isEmpty());
    // The team copy takes new rows after the copied ids.
    const QString maxTag = m_server->psql(*db, u"SELECT max(id) FROM tags"_s).valueOr({});
    QCOMPARE(runCli({u"tag"_s, u"add"_s, u"新"_s, u"--library"_s, team}).code, 0);
    QCOMPARE(m_server->psql(*db, u"SELECT id FROM tags WHERE name = '新'"_s).valueOr({}),
             QString::number(maxTag.toLongLong() + 1));
}

void TestCliCopy::intoNonEmpty_refusedAndLeftAlone()
{
    const Result<QString> db = m_server->createDatabase(u"full"_s);
    QVERIFY(db);
    const QString team = m_server->url(*db);
    QCOMPARE(runCli({u"tag"_s, u"add"_s, u"已有"_s, u"--library"_s, team}).code, 0);
    const test::CliRun refused = runCli({u"copy"_s, m_source, team});
    QCOMPARE(refused.code, 1);
    QVERIFY2(refused.err.contains("the destination is not empty: its table tags holds 1 rows"),
             refused.err.constData());
    QCOMPARE(m_server->psql(*db, u"SELECT count(*) FROM issues"_s).valueOr({}), u"0"_s);
    // An existing file is never written over.
    const QString existing = m_dir.filePath(u"existing.sqlite"_s);
    QVERIFY(QFile::copy(m_source, existing));
    const QByteArray before = [&] {
        QFile f(existing);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    const test::CliRun file = runCli({u"copy"_s, team, existing});
    QCOMPARE(file.code, 1);
    QVERIFY2(file.err.contains("already exists; copy makes a new library file"), file.err.constData());
    QFile f(existing);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
    QCOMPARE(runCli({u"copy"_s, m_source}).code, 2);
}

QTEST_GUILESS_MAIN(TestCliCopy)
#include "tst_cli_copy.moc"
