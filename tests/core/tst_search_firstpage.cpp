// The first page of a search before its exact count (SearchOptions::exactTotal = false): counted and ranked in one
// pass, a single character read from the newest paragraphs (core/search/hitscan.h); the pages, scores and counts
// must be those of an exact search.
#include "core/search/searchservice.h"
#include "core/store/library.h"
#include "tests/support/sampleissue.h"
#include "tests/support/temporarylibrary.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace dubao;
using namespace Qt::StringLiterals;

namespace {

bool exec(Library &library, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery q(library.database());
    q.prepare(sql);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec()) {
        qWarning() << sql << q.lastError().text();
        return false;
    }
    return true;
}

} // namespace

class TestSearchFirstPage : public QObject
{
    Q_OBJECT

private slots:
    void inexactTotal_manyHits_samePagesAndALowerBound()
    {
        // More hits than SearchService::kRankedHits: 5,100 paragraphs added to the sample issue's first article.
        test::TemporaryLibrary library;
        QVERIFY(library.create());
        const std::optional<StoredIssue> issue = test::importSampleIssue(*library);
        QVERIFY(issue);
        const qint64 article = issue->parsed.articles.front().id;
        SearchService service(*library);
        const auto samePages = [&service](const QString &term) {
            SearchOptions quick;
            quick.exactTotal = false;
            const SearchResult a = service.search(term);
            const SearchResult b = service.search(term, quick);
            QVERIFY(a.ok() && b.ok());
            QCOMPARE(b.total, a.total);
            QVERIFY(!b.totalIsLowerBound);
            QCOMPARE(b.hits.size(), a.hits.size());
            for (qsizetype i = 0; i < a.hits.size(); ++i)
                QCOMPARE(b.hits[i].blockId, a.hits[i].blockId);
        };
        // The sample issue alone: a one-character query's scan of the newest paragraphs reads them all; with a
        // filter FTS5 answers it.
        for (const QString &term : {u"会"_s, u"粮"_s, u"鑫"_s, u"会 from:2024-03-05"_s, u"会 publication:滨江"_s,
                                    u"会 publication:不存在"_s}) {
            samePages(term);
            if (QTest::currentTestFailed())
                return;
        }
        QVERIFY(exec(
            *library,
            u"WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 5100) "
            "INSERT INTO blocks (article_id, position, kind, text, raw, first_line, last_line) "
            "SELECT ?, 1000 + x, 'body', '第' || x || '次会议听取永川区委报告' || substr('会会会会会会', 1, x % 7) || "
            "substr('报告全文如下', 1, x % 5), '', 1, 1 FROM n"_s,
            {article}));
        const auto counted = [&service](const QString &text) {
            const Result<qint64> n = service.count(QueryParser::parse(text));
            return n ? *n : -1;
        };
        // A phrase, one character (会, and 會 folded to it), which the first page finds by reading the newest
        // paragraphs instead of FTS5's prefix query, and two phrases: the same pages and scores either way.
        for (const QString &term : {u"永川区委"_s, u"会"_s, u"會"_s, u"永川 报告"_s}) {
            const qint64 exact = counted(term);
            QVERIFY(exact > SearchService::kRankedHits + 50);
            for (const SearchOrder order : {SearchOrder::Relevance, SearchOrder::Newest, SearchOrder::Oldest}) {
                for (const int offset : {0, SearchService::kRankedHits - 10, SearchService::kRankedHits + 20}) {
                    const SearchOptions precise{order, offset, 20};
                    SearchOptions quick = precise;
                    quick.exactTotal = false;
                    const SearchResult a = service.search(term, precise);
                    const SearchResult b = service.search(term, quick);
                    QVERIFY(a.ok() && b.ok());
                    QCOMPARE(a.total, exact);
                    QVERIFY(!a.totalIsLowerBound);
                    QVERIFY(b.totalIsLowerBound);
                    QVERIFY(b.total < exact);
                    QCOMPARE(b.total, std::max<qint64>(SearchService::kRankedHits, offset + 20));
                    QCOMPARE(b.rankCapped, a.rankCapped);
                    QCOMPARE(b.hits.size(), a.hits.size());
                    for (qsizetype i = 0; i < a.hits.size(); ++i) {
                        QCOMPARE(b.hits[i].blockId, a.hits[i].blockId);
                        QCOMPARE(b.hits[i].matches, a.hits[i].matches);
                    }
                }
            }
        }
        // A term with fewer hits than that is counted exactly either way: a phrase, characters rarer than the
        // paragraph scan allows (FTS5 answers them) and one with no hit.
        SearchOptions quick;
        quick.exactTotal = false;
        for (const QString &term : {u"第1次"_s, u"粮"_s, u"糧"_s, u"鑫"_s}) {
            const SearchResult few = service.search(term, quick);
            QVERIFY(few.ok());
            QVERIFY(!few.totalIsLowerBound);
            QCOMPARE(few.total, counted(term));
            const SearchResult precise = service.search(term);
            QCOMPARE(few.hits.size(), precise.hits.size());
            for (qsizetype i = 0; i < few.hits.size(); ++i)
                QCOMPARE(few.hits[i].blockId, precise.hits[i].blockId);
        }
        QVERIFY(counted(u"粮"_s) > 0);
    }
};

QTEST_GUILESS_MAIN(TestSearchFirstPage)
#include "tst_search_firstpage.moc"
