// own:yes / own:no (docs/reuse.md, "Own text in search"): the paragraphs' share of reuse the reuse layer keeps in
// reuse_paragraphs (schema v12), read by search, KWIC and trends — equal to what the index's pairs say, kept current
// by update, rebuild and forget, filled on the upgrade of a library with an index, and a clear error without one.
#include "core/analysis/termtrends.h"
#include "core/reuse/reuseindex.h"
#include "core/search/concordance.h"
#include "core/search/searchservice.h"
#include "core/store/sql.h"
#include "tests/support/engines.h"
#include "tests/support/reusedocuments.h"
#include "tests/support/scalar.h"
#include "tests/support/schemaversions.h"
#include "tests/support/temporarylibrary.h"

#include <QSet>
#include <QTest>

using namespace dubao;
using namespace Qt::StringLiterals;

using test::hanText;

namespace {

qint64 hits(Library &library, const QString &query)
{
    const Result<qint64> n = SearchService(library).count(QueryParser::parse(query));
    return n ? *n : -1;
}

/// The paragraphs of `article` search calls shared: those at least half covered by the passages of its pairs of 50
/// or more characters that are not boilerplate (what dubao-cli reuse ARTICLE_ID lists), found by searching each
/// paragraph's first characters with own:no.
QSet<qint64> sharedBySearch(Library &library, qint64 article)
{
    QSet<qint64> shared;
    QSqlQuery q(library.database());
    q.exec(u"SELECT id, text FROM blocks WHERE article_id = %1"_s.arg(article));
    while (q.next()) {
        const SearchResult r = SearchService(library).search(u"\"%1\" own:no"_s.arg(q.value(1).toString().left(12)),
                                                             SearchOptions{SearchOrder::Oldest, 0, 50});
        for (const SearchHit &hit : r.hits)
            if (hit.blockId == q.value(0).toLongLong())
                shared.insert(hit.blockId);
    }
    return shared;
}

QSet<qint64> sharedByPairs(ReuseIndex &index, qint64 article)
{
    QSet<qint64> blocks;
    const QList<ReusePair> pairs = index.pairsOf(article, 50).valueOr({});
    for (const ReusePair &pair : pairs)
        if (!pair.boilerplate)
            for (const ReusePassage &p : pair.passages)
                blocks.insert(p.aBlock);
    return blocks;
}

} // namespace

class TestReuseOwn : public QObject
{
    Q_OBJECT

private slots:
    void own_countsEqualThePairs_andFollowUpdateAndForget()
    {
        test::TemporaryLibrary library;
        QVERIFY(library.create());
        const QString story = hanText(80, 120), local = hanText(81, 80), other = hanText(82, 100);
        const qint64 wire = test::storeReuseDocument(*library, {u"wire"_s, QDate(2023, 1, 5), {story}, u"新华社"_s});
        const qint64 copy = test::storeReuseDocument(*library, {u"copy"_s, QDate(2023, 1, 6), {local, story}});
        const qint64 later = test::storeReuseDocument(*library, {u"later"_s, QDate(2023, 1, 9), {story.left(90)}});
        const qint64 alone = test::storeReuseDocument(*library, {u"alone"_s, QDate(2023, 1, 9), {other}});
        QVERIFY(wire && copy && later && alone);
        const QString inStory = story.mid(20, 3), inLocal = local.mid(20, 3);

        // No index: own: says so instead of counting everything.
        const SearchResult none = SearchService(*library).search(inStory + u" own:yes"_s);
        QVERIFY(!none.ok());
        QVERIFY2(none.error.contains(u"dubao-cli reuse --rebuild"_s), qPrintable(none.error));
        QVERIFY(!SearchService(*library).countByDay(QueryParser::parse(QString(inStory + u" own:no"_s))));

        ReuseIndex index(*library);
        QVERIFY(index.rebuild());
        QCOMPARE(hits(*library, inStory), 3);
        QCOMPARE(hits(*library, inStory + u" own:no"_s), 3); // the wire story and both copies of it
        QCOMPARE(hits(*library, inStory + u" own:yes"_s), 0);
        QCOMPARE(hits(*library, inLocal + u" own:yes"_s), 1); // the copy's own paragraph
        QCOMPARE(hits(*library, inLocal + u" own:no"_s), 0);
        QCOMPARE(hits(*library, other.mid(5, 3) + u" own:yes"_s), 1);
        // Full-width colon and other spellings, as for every filter; a wrong value is reported, not guessed.
        QCOMPARE(hits(*library, inLocal + u" OWN：yes"_s), 1);
        QVERIFY(!QueryParser::parse(QString(inLocal + u" own:maybe"_s)).messages.isEmpty());
        QCOMPARE(QueryParser::parse(QString(inLocal + u" own:maybe"_s)).own, SearchQuery::Own::Any);
        QVERIFY(!QueryParser::parse(u"own:yes"_s).isValid()); // a filter only narrows a search
        // Headlines: an article with a shared paragraph is not the paper's own.
        QCOMPARE(hits(*library, u"title:copy own:no"_s), 1);
        QCOMPARE(hits(*library, u"title:alone own:yes"_s), 1);
        QCOMPARE(hits(*library, u"title:alone own:no"_s), 0);

        // What search calls shared is what the pairs say, for every article.
        for (const qint64 article : {wire, copy, later, alone})
            QCOMPARE(sharedBySearch(*library, article), sharedByPairs(index, article));
        QCOMPARE(sharedBySearch(*library, copy).size(), 1); // its second paragraph, not its own first
        QCOMPARE(sharedBySearch(*library, alone).size(), 0);
        QCOMPARE(test::scalar(*library, u"SELECT copies FROM reuse_paragraphs WHERE article_id = %1"_s.arg(copy)), 2);
        QCOMPARE(
            test::scalar(*library, u"SELECT shared_chars FROM reuse_paragraphs WHERE article_id = %1"_s.arg(later)),
            90);

        // KWIC and trends read the same filter.
        QCOMPARE(Concordance(*library).lines(inStory + u" own:no"_s).lines.size(), 3);
        QCOMPARE(Concordance(*library).lines(inStory + u" own:yes"_s).lines.size(), 0);
        QCOMPARE(Concordance(*library).lines(inLocal + u" own:yes"_s).lines.size(), 1);
        QVERIFY(!Concordance(*library).lines(inLocal + u" own:perhaps"_s).ok());
        const Result<Trend> trend = TermTrends(*library).compute({inStory, inStory + u" own:yes"_s}, TrendPeriod::Month,
                                                                 TrendMeasure::PerIssue);
        QVERIFY(trend);
        QCOMPARE(trend->series[0].hits.value(0), 3);
        QCOMPARE(trend->series[1].hits.value(0), 0);

        // A correction turns the later copy into the paper's own text: the next update says so, and the wire story
        // and the first copy are shared with one article less.
        QVERIFY(sql::exec(library->database(), u"UPDATE blocks SET text = ? WHERE article_id = ?"_s,
                          {QString(hanText(83, 90) + inStory), later}));
        QVERIFY(index.update());
        QCOMPARE(hits(*library, inStory + u" own:yes"_s), 1);
        QCOMPARE(hits(*library, inStory + u" own:no"_s), 2);
        QCOMPARE(test::scalar(*library, u"SELECT copies FROM reuse_paragraphs WHERE article_id = %1"_s.arg(copy)), 1);
        for (const qint64 article : {wire, copy, later})
            QCOMPARE(sharedBySearch(*library, article), sharedByPairs(index, article));
        // The wire story deleted: the copy is the paper's own again.
        QVERIFY(sql::exec(library->database(), u"DELETE FROM articles WHERE id = ?"_s, {wire}));
        QVERIFY(index.update());
        QCOMPARE(hits(*library, inStory + u" own:no"_s), 0);
        QCOMPARE(test::scalar(*library, u"SELECT count(*) FROM reuse_paragraphs"_s), 0);

        QVERIFY(index.forget());
        QVERIFY(!SearchService(*library).search(inStory + u" own:yes"_s).ok());
        QVERIFY(!Concordance(*library).lines(inStory + u" own:yes"_s).ok());
    }

    void migration_fromVersion11_fillsTheParagraphsOfABuiltIndex()
    {
        test::TemporaryLibrary library;
        QVERIFY(library.create());
        const QString story = hanText(90, 100);
        QVERIFY(test::storeReuseDocument(*library, {u"a"_s, QDate(2023, 1, 1), {hanText(91, 60), story}}));
        QVERIFY(test::storeReuseDocument(*library, {u"b"_s, QDate(2023, 1, 2), {story}}));
        QVERIFY(ReuseIndex(*library).rebuild());
        QCOMPARE(test::scalar(*library, u"SELECT count(*) FROM reuse_paragraphs"_s), 2);
        QVERIFY(test::dropSchemaVersion12(library->database()));
        QVERIFY(QSqlQuery(library->database()).exec(u"PRAGMA user_version = 11"_s));
        const QString path = library->path();
        library->close();
        Library reopened;
        QVERIFY(reopened.open(path));
        QCOMPARE(test::scalar(reopened, u"PRAGMA user_version"_s), qint64(Library::currentSchemaVersion()));
        QCOMPARE(test::scalar(reopened, u"SELECT count(*) FROM reuse_paragraphs"_s), 2);
        QCOMPARE(hits(reopened, story.mid(3, 3) + u" own:no"_s), 2);
    }
};

// On both engines: search's and the concordance's own: on a team library read the same reuse_paragraphs (schema v18).
DUBAO_TEST_MAIN_BOTH_ENGINES(TestReuseOwn, {u"migration_fromVersion11_fillsTheParagraphsOfABuiltIndex"_s})
#include "tst_reuseown.moc"
