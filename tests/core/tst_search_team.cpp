// Chinese search on a team library (issue 13, docs/search.md "On a team library"): the corpus imported into an SQLite
// file and into a PostgreSQL server the test starts, the same queries run on both — counts, every hit in date order,
// the first page by relevance, hits per day and KWIC lines must be equal. Also: edits, re-dating and deleting keep
// the team library's index current in the writing transaction, and a paragraph too long for a tsvector is still
// found.
#include "core/analysis/termtrends.h"
#include "core/ingest/importer.h"
#include "core/ingest/issuereplacer.h"
#include "core/search/concordance.h"
#include "core/search/searchservice.h"
#include "core/store/library.h"
#include "core/store/sql.h"
#include "tests/support/pgserver.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <numeric>

using namespace dubao;
using namespace Qt::StringLiterals;

namespace {

// What a hit is, comparably across engines (ids are the same: both libraries imported the same files in order).
QStringList describe(const SearchResult &result)
{
    QStringList hits;
    for (const SearchHit &hit : result.hits) {
        QStringList ranges;
        for (const TextRange &r : hit.matches)
            ranges.append(u"%1+%2"_s.arg(r.start).arg(r.length));
        hits.append(u"%1 b%2 a%3 n%4 %5 [%6] %7"_s.arg(int(hit.kind))
                        .arg(hit.blockId)
                        .arg(hit.articleId)
                        .arg(hit.noteId)
                        .arg(hit.dateText(), ranges.join(u','), hit.snippet.text));
    }
    return hits;
}

QStringList describe(const ConcordanceResult &result)
{
    QStringList lines;
    for (const ConcordanceLine &line : result.lines)
        lines.append(u"b%1 %2 %3|%4|%5"_s.arg(line.blockId).arg(line.offset).arg(line.left, line.keyword, line.right));
    return lines;
}

qint64 count(Library &library, const QString &text)
{
    const Result<qint64> n = SearchService(library).count(QueryParser::parse(text));
    return n ? *n : -1;
}

} // namespace

class TestSearchTeam : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void sameQuery_sameHitsOnBothEngines_data();
    void sameQuery_sameHitsOnBothEngines();
    void sameTerm_sameKwicLines_data();
    void sameTerm_sameKwicLines();
    void sameQueries_sameTrend();
    void paragraphTooLongForATsvector_stillFound();
    void writes_keepTheTeamIndexCurrent();
    void teamLibraryOfVersion12_indexedOnUpgrade();

private:
    void compareQuery(const QString &text);

    std::unique_ptr<test::PgServer> m_server;
    QTemporaryDir m_dir;
    Library m_sqlite;
    Library m_team;
};

void TestSearchTeam::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<test::PgServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
    const Result<QString> db = m_server->createDatabase();
    QVERIFY2(db, qPrintable(db.error().message()));
    QVERIFY(m_sqlite.open(m_dir.filePath(u"same.sqlite"_s)));
    const Result<void> opened = m_team.open(m_server->url(*db));
    QVERIFY2(opened, qPrintable(opened.error().message()));

    // An issue of the test's own with a paragraph past a tsvector's limits (positions up to 16,383, 255 of one
    // token) and the term only at its end; and one whose paragraph has a term split by an OCR space.
    const QString longIssue = m_dir.filePath(u"long.txt"_s);
    QFile file(longIssue);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(u"## 长段落测试\n\n本报讯 %1测试末尾词语。\n\n## 空格测试\n\n这是一段 测 试文字。\n"_s
                   .arg(QString(u"天地玄黄宇宙洪荒"_s).repeated(2200))
                   .toUtf8());
    file.close();
    for (Library *library : {&m_sqlite, &m_team}) {
        const ImportReport report = Importer(*library).importPaths({QStringLiteral(DUBAO_CORPUS_DIR), longIssue});
        QVERIFY2(report.allOk(), qPrintable(report.failed.isEmpty() ? QString() : report.failed.front().reason));
        QCOMPARE(report.imported.size(), 6);
    }
    QCOMPARE(sql::scalar(m_team.database(), u"SELECT count(*) FROM search_pending"_s).toLongLong(), 0);
    QCOMPARE(sql::scalar(m_team.database(), u"SELECT count(*) FROM search_paragraphs"_s).toLongLong(),
             sql::scalar(m_team.database(), u"SELECT count(*) FROM blocks"_s).toLongLong());
}

void TestSearchTeam::cleanupTestCase()
{
    m_team.close();
    m_server.reset();
}

void TestSearchTeam::sameQuery_sameHitsOnBothEngines_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<bool>("hits");
    QTest::newRow("one character") << u"会"_s << true;
    QTest::newRow("two characters") << u"永川"_s << true;
    QTest::newRow("four characters") << u"区委书记"_s << true;
    QTest::newRow("five characters") << u"高质量发展"_s << true;
    QTest::newRow("phrase") << u"\"永川 区委\""_s << true;
    QTest::newRow("traditional input") << u"發展"_s << true;
    QTest::newRow("term split by an OCR space") << u"测试文字"_s << true;
    QTest::newRow("two terms") << u"永川 会议"_s << true;
    QTest::newRow("or") << u"永川 OR 江津"_s << true;
    QTest::newRow("not") << u"区委 -永川"_s << true;
    QTest::newRow("letters and digits") << u"2024"_s << true;
    QTest::newRow("from") << u"会议 from:2023-06-14"_s << true;
    QTest::newRow("from to") << u"发展 from:2023 to:2023-12"_s << true;
    QTest::newRow("title") << u"title:常委会 永川"_s << true;
    QTest::newRow("title only") << u"title:永川"_s << true;
    QTest::newRow("publication") << u"publication:渝西 发展"_s << true;
    QTest::newRow("reporter") << u"reporter:彭禹乔 会议"_s << true;
    QTest::newRow("no hit") << u"量子纠缠"_s << false;
}

void TestSearchTeam::compareQuery(const QString &text)
{
    const SearchQuery query = QueryParser::parse(text);
    QVERIFY2(query.isValid(), qPrintable(query.error));
    SearchService onFile(m_sqlite);
    SearchService onServer(m_team);
    const Result<qint64> fileCount = onFile.count(query);
    const Result<qint64> serverCount = onServer.count(query);
    QVERIFY2(fileCount, qPrintable(fileCount.error().message()));
    QVERIFY2(serverCount, qPrintable(serverCount.error().message()));
    QCOMPARE(*serverCount, *fileCount);
    for (const SearchOrder order : {SearchOrder::Newest, SearchOrder::Oldest}) {
        SearchOptions all;
        all.order = order;
        all.limit = 100000;
        const SearchResult a = onFile.search(query, all);
        const SearchResult b = onServer.search(query, all);
        QVERIFY2(a.ok(), qPrintable(a.error));
        QVERIFY2(b.ok(), qPrintable(b.error));
        QCOMPARE(b.total, a.total);
        QCOMPARE(describe(b), describe(a));
    }
    // The first page by relevance, and a later one. (Headlines and notes are ranked only on SQLite: on a team
    // library their relevance is the newest first, docs/search.md.)
    const bool ranked = query.scope == SearchQuery::Scope::Paragraphs && !query.isTitleOnly();
    for (const int offset : {0, 7}) {
        if (!ranked)
            break;
        SearchOptions page;
        page.offset = offset;
        page.limit = 10;
        const SearchResult a = onFile.search(query, page);
        const SearchResult b = onServer.search(query, page);
        QVERIFY2(b.ok(), qPrintable(b.error));
        QCOMPARE(b.total, a.total);
        QCOMPARE(describe(b), describe(a));
    }
    const Result<QMap<qint64, qint64>> fileDays = onFile.countByDay(query);
    const Result<QMap<qint64, qint64>> serverDays = onServer.countByDay(query);
    QVERIFY2(serverDays, qPrintable(serverDays.error().message()));
    QCOMPARE(*serverDays, *fileDays);
}

void TestSearchTeam::sameQuery_sameHitsOnBothEngines()
{
    QFETCH(QString, query);
    QFETCH(bool, hits);
    compareQuery(query);
    QCOMPARE(count(m_team, query) > 0, hits);
}

void TestSearchTeam::sameTerm_sameKwicLines_data()
{
    QTest::addColumn<QString>("term");
    QTest::newRow("one character") << u"会"_s;
    QTest::newRow("two characters") << u"永川"_s;
    QTest::newRow("five characters") << u"高质量发展"_s;
    QTest::newRow("traditional") << u"發展"_s;
    QTest::newRow("no hit") << u"量子纠缠"_s;
}

void TestSearchTeam::sameTerm_sameKwicLines()
{
    QFETCH(QString, term);
    const ConcordanceResult a = Concordance(m_sqlite).lines(term);
    const ConcordanceResult b = Concordance(m_team).lines(term);
    QVERIFY2(b.ok(), qPrintable(b.error));
    QCOMPARE(b.paragraphs, a.paragraphs);
    QCOMPARE(describe(b), describe(a));
}

void TestSearchTeam::sameQueries_sameTrend()
{
    const QStringList queries{u"永川"_s, u"发展 -永川"_s, u"title:会议"_s};
    for (const TrendMeasure measure : {TrendMeasure::PerIssue, TrendMeasure::Per10k}) {
        const Result<Trend> a = TermTrends(m_sqlite).compute(queries, TrendPeriod::Month, measure);
        const Result<Trend> b = TermTrends(m_team).compute(queries, TrendPeriod::Month, measure);
        QVERIFY2(a, qPrintable(a.error().message()));
        QVERIFY2(b, qPrintable(b.error().message()));
        QCOMPARE(QString::fromUtf8(TermTrends::toCsv(*b)), QString::fromUtf8(TermTrends::toCsv(*a)));
        QVERIFY(std::accumulate(b->series.front().hits.cbegin(), b->series.front().hits.cend(), qint64(0)) > 0);
    }
}

void TestSearchTeam::paragraphTooLongForATsvector_stillFound()
{
    const qint64 overflowed =
        sql::scalar(m_team.database(), u"SELECT count(*) FROM search_paragraphs WHERE overflow"_s).toLongLong();
    QCOMPARE(overflowed, 1);
    QCOMPARE(count(m_team, u"测试末尾词语"_s), 1);
    QCOMPARE(count(m_team, u"测试末尾词语 -天地"_s), 0);
    QCOMPARE(count(m_team, u"玄黄宇宙"_s), count(m_sqlite, u"玄黄宇宙"_s));
    compareQuery(u"末尾 OR 永川"_s);
}

void TestSearchTeam::writes_keepTheTeamIndexCurrent()
{
    const QString word = u"新添词语"_s;
    QCOMPARE(count(m_team, word), 0);
    for (Library *library : {&m_sqlite, &m_team}) {
        QSqlDatabase db = library->database();
        // A paragraph's text changed (as an OCR correction or a re-parse writes it), in one transaction.
        sql::WriteScope scope(db);
        QVERIFY(scope.isActive());
        QVERIFY(sql::exec(db, u"UPDATE blocks SET text = text || ? WHERE id = 3"_s, {word}));
        QVERIFY(scope.commit());
    }
    QCOMPARE(count(m_team, word), 1);
    QCOMPARE(sql::scalar(m_team.database(), u"SELECT count(*) FROM search_pending"_s).toLongLong(), 0);
    compareQuery(word);

    // A rolled back write leaves the index as it was.
    {
        QSqlDatabase db = m_team.database();
        sql::WriteScope scope(db);
        QVERIFY(sql::exec(db, u"UPDATE blocks SET text = ? WHERE id = 3"_s, {u"回滚"_s}));
    }
    QCOMPARE(count(m_team, word), 1);
    QCOMPARE(count(m_team, u"回滚"_s), 0);

    // Re-dating an issue moves its paragraphs in date order; deleting one takes them out.
    const QString issue = u"SELECT a.issue_id FROM blocks b JOIN articles a ON a.id = b.article_id WHERE b.id = 3"_s;
    for (Library *library : {&m_sqlite, &m_team}) {
        QSqlDatabase db = library->database();
        sql::WriteScope scope(db);
        QVERIFY(sql::exec(db, u"UPDATE issues SET date = '2021-01-02' WHERE id = (%1)"_s.arg(issue)));
        QVERIFY(scope.commit());
    }
    compareQuery(u"永川 to:2021"_s);
    QVERIFY(count(m_team, u"永川 to:2021"_s) > 0);
    for (Library *library : {&m_sqlite, &m_team}) {
        const qint64 id = sql::scalar(library->database(), issue).toLongLong();
        const Result<void> deleted = IssueReplacer(*library).deleteIssue(id);
        QVERIFY2(deleted, qPrintable(deleted.error().message()));
    }
    QCOMPARE(count(m_team, word), 0);
    compareQuery(u"永川"_s);

    // A note is found with in:notes; its edit reaches the index.
    for (Library *library : {&m_sqlite, &m_team}) {
        QSqlDatabase db = library->database();
        sql::WriteScope scope(db);
        QVERIFY(sql::exec(db, u"INSERT INTO notes (text, created_at, modified_at) VALUES (?, ?, ?)"_s,
                          {u"读永川区委的会议笔记"_s, sql::nowUtc(), sql::nowUtc()}));
        QVERIFY(scope.commit());
    }
    compareQuery(u"in:notes 会议笔记"_s);
    QCOMPARE(count(m_team, u"in:notes 会议笔记"_s), 1);
    for (Library *library : {&m_sqlite, &m_team}) {
        QSqlDatabase db = library->database();
        sql::WriteScope scope(db);
        QVERIFY(sql::exec(db, u"UPDATE notes SET text = ?"_s, {u"改写后的笔记"_s}));
        QVERIFY(scope.commit());
    }
    QCOMPARE(count(m_team, u"in:notes 会议笔记"_s), 0);
    compareQuery(u"in:notes 改写"_s);
    QCOMPARE(count(m_team, u"in:notes 改写"_s), 1);
    QCOMPARE(sql::scalar(m_team.database(), u"SELECT count(*) FROM search_paragraphs"_s).toLongLong(),
             sql::scalar(m_team.database(), u"SELECT count(*) FROM blocks"_s).toLongLong());
}

void TestSearchTeam::teamLibraryOfVersion12_indexedOnUpgrade()
{
    const Result<QString> db = m_server->createDatabase(u"v12"_s);
    QVERIFY(db);
    {
        Library library;
        QVERIFY(library.open(m_server->url(*db)));
        QVERIFY(Importer(library).importPaths({QStringLiteral(DUBAO_CORPUS_DIR)}).allOk());
    }
    // What a team library of schema 12 was: no index tables, no queue triggers, no people index (v16), no text reuse
    // (v18), no record of deletions (v21).
    QVERIFY(m_server->psql(*db, u"DROP TABLE search_paragraphs, search_headlines, search_notes, search_pending; "
                                "DROP FUNCTION dubao_search_queue() CASCADE; "
                                "DROP FUNCTION dubao_search_queue_issue() CASCADE; "
                                "DROP TABLE appearances, persons, person_edits, analysis_pending; "
                                "DROP FUNCTION dubao_analysis_queue() CASCADE; "
                                "DROP TABLE reuse_articles, reuse_fingerprints, reuse_hashes, reuse_pairs, "
                                "reuse_sources, reuse_built, reuse_pending, reuse_paragraphs; "
                                "DROP FUNCTION dubao_reuse_queue() CASCADE; "
                                "DROP TABLE change_deletions; DROP FUNCTION dubao_record_deletions() CASCADE; "
                                "DROP FUNCTION dubao_take_deletions(); "
                                "UPDATE dubao_library SET version = 12;"_s));
    Library upgraded;
    const Result<void> opened = upgraded.open(m_server->url(*db));
    QVERIFY2(opened, qPrintable(opened.error().message()));
    QCOMPARE(sql::scalar(upgraded.database(), u"SELECT max(version) FROM dubao_library"_s).toInt(),
             Library::currentSchemaVersion());
    QCOMPARE(sql::scalar(upgraded.database(), u"SELECT count(*) FROM search_pending"_s).toLongLong(), 0);
    // v18 made the text-reuse tables, empty: the index is built when an editor asks for it, as in a file.
    QCOMPARE(sql::scalar(upgraded.database(), u"SELECT count(*) FROM reuse_built"_s).toLongLong(), 0);
    QCOMPARE(sql::scalar(upgraded.database(), u"SELECT count(*) FROM reuse_pending"_s).toLongLong(), 0);
    // v16 queued every article for the people index.
    QCOMPARE(sql::scalar(upgraded.database(), u"SELECT count(*) FROM analysis_pending"_s).toLongLong(),
             sql::scalar(upgraded.database(), u"SELECT count(*) FROM articles"_s).toLongLong());
    QCOMPARE(sql::scalar(upgraded.database(), u"SELECT count(*) FROM search_paragraphs"_s).toLongLong(),
             sql::scalar(upgraded.database(), u"SELECT count(*) FROM blocks"_s).toLongLong());
    // The paragraphs that hold the term, spaces left out (the corpus writes it in Simplified characters).
    const qint64 holding = sql::scalar(upgraded.database(), u"SELECT count(*) FROM blocks WHERE "
                                                            "strpos(replace(text, ' ', ''), '区委书记') > 0"_s)
                               .toLongLong();
    QVERIFY(holding > 0);
    QCOMPARE(count(upgraded, u"区委书记"_s), holding);
}

QTEST_GUILESS_MAIN(TestSearchTeam)
#include "tst_search_team.moc"
