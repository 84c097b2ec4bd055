// Term trends: hits per period counted by the index, normalised per issue and per 10,000 characters, gaps shown
// as no value, undated hits kept apart; the article sizes (schema v7) kept right by the block triggers.
#include "core/analysis/termtrends.h"
#include "core/search/searchservice.h"
#include "core/store/issuerepository.h"
#include "core/store/library.h"
#include "core/store/sql.h"
#include "tests/support/handbuiltissue.h"
#include "tests/support/scalar.h"
#include "tests/support/temporarylibrary.h"

#include <QTest>

using namespace dubao;
using namespace Qt::StringLiterals;

class TestTrends : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_library.create());
        IssueRepository issues(*m_library);
        // 垃圾 is in one paragraph of each hand-built issue.
        QVERIFY(issues.insert(test::makeIssue(test::sha('1'), QDate(2023, 6, 15))).valueOr(0) > 0);
        QVERIFY(issues.insert(test::makeIssue(test::sha('2'), QDate(2023, 6, 20), 6, 20)).valueOr(0) > 0);
        QVERIFY(issues.insert(test::makeIssue(test::sha('3'), QDate(2023, 8, 1), 8, 1)).valueOr(0) > 0);
        QVERIFY(issues.insert(test::makeIssue(test::sha('4'), QDate(), 9, 3)).valueOr(0) > 0); // no year
    }

    void month_perIssue_countsHitsAndShowsGaps()
    {
        const Result<Trend> t = TermTrends(*m_library).compute({u"垃圾"_s}, TrendPeriod::Month, TrendMeasure::PerIssue);
        QVERIFY2(t, qPrintable(t ? QString() : t.error().message()));
        QCOMPARE(t->buckets.size(), 3);
        QCOMPARE(t->buckets[0].label(TrendPeriod::Month), u"2023-06"_s);
        QCOMPARE(t->buckets[0].issues, 2);
        QCOMPARE(t->buckets[1].issues, 0);
        QCOMPARE(t->buckets[2].end, QDate(2023, 8, 31));
        QCOMPARE(t->series.size(), 1);
        QCOMPARE(t->series[0].hits, QList<qint64>({2, 0, 1}));
        QCOMPARE(t->series[0].values[0].value_or(-1), 1.0);
        QVERIFY(!t->series[0].values[1]); // July has no issue: a gap, not a zero
        QCOMPARE(t->series[0].undatedHits, 1);
        // Every hit is counted once: the dated ones and the undated ones add up to the search's count.
        QCOMPARE(3 + t->series[0].undatedHits,
                 SearchService(*m_library).count(QueryParser::parse(u"垃圾"_s)).valueOr(-1));
    }

    void per10k_dividesByThePeriodsCharacters()
    {
        const Result<Trend> t =
            TermTrends(*m_library).compute({u"垃圾"_s, u"评论"_s}, TrendPeriod::Quarter, TrendMeasure::Per10k);
        QVERIFY(t);
        QCOMPARE(t->buckets.size(), 2);
        QCOMPARE(t->buckets[0].label(TrendPeriod::Quarter), u"2023-Q2"_s);
        QCOMPARE(t->buckets[1].label(TrendPeriod::Quarter), u"2023-Q3"_s);
        const qint64 perIssue =
            test::scalar(*m_library, u"SELECT sum(length(b.text)) FROM blocks b JOIN articles a ON a.id = b.article_id "
                                     "WHERE a.issue_id = 1"_s);
        QCOMPARE(t->buckets[0].characters, 2 * perIssue);
        QCOMPARE(t->series[1].hits, QList<qint64>({2, 1}));
        QCOMPARE(*t->series[0].values[0], 2 * 10000.0 / double(2 * perIssue));
    }

    void filtersAndYears()
    {
        const Result<Trend> t =
            TermTrends(*m_library).compute({u"垃圾 from:2023-06-18"_s}, TrendPeriod::Year, TrendMeasure::PerIssue);
        QVERIFY(t);
        QCOMPARE(t->buckets.size(), 1);
        QCOMPARE(t->buckets[0].label(TrendPeriod::Year), u"2023"_s);
        QCOMPARE(t->series[0].hits, QList<qint64>({2}));
        QCOMPARE(t->series[0].undatedHits, 0);
    }

    void badQuery_failsNamingIt()
    {
        const Result<Trend> t =
            TermTrends(*m_library).compute({u"垃圾"_s, u"-只排除"_s}, TrendPeriod::Month, TrendMeasure::PerIssue);
        QVERIFY(!t);
        QVERIFY2(t.error().message().startsWith(u"-只排除: "_s), qPrintable(t.error().message()));
    }

    void emptyLibrary_hasNoPeriods()
    {
        QVERIFY(m_library.create());
        const Result<Trend> t = TermTrends(*m_library).compute({u"垃圾"_s}, TrendPeriod::Month, TrendMeasure::Per10k);
        QVERIFY(t);
        QVERIFY(t->buckets.isEmpty());
        QCOMPARE(t->series.size(), 1);
    }

    void csv_hasAHeaderAndARowPerPeriod()
    {
        const Result<Trend> t = TermTrends(*m_library).compute({u"垃圾"_s}, TrendPeriod::Month, TrendMeasure::PerIssue);
        QVERIFY(t);
        const QList<QByteArray> lines = TermTrends::toCsv(*t).split('\n');
        QCOMPARE(lines.size(), 5); // header, three months, the empty piece after the last CRLF
        QCOMPARE(lines[0], "\xEF\xBB\xBFperiod,start,end,issues,characters,垃圾 hits,垃圾 per issue\r");
        QCOMPARE(lines[1].left(30), "2023-06,2023-06-01,2023-06-30,");
        QVERIFY(lines[2].endsWith(",0,\r")); // July: no hits, no value
        // Per issue no character is counted: the characters are empty, not a 0 the month's issue did not have.
        QVERIFY2(lines[1].split(',').at(3).toInt() > 0 && lines[1].split(',').at(4).isEmpty(), lines[1].constData());

        const Result<Trend> per10k =
            TermTrends(*m_library).compute({u"垃圾"_s}, TrendPeriod::Month, TrendMeasure::Per10k);
        QVERIFY(per10k);
        const QList<QByteArray> counted = TermTrends::toCsv(*per10k).split('\n');
        QVERIFY(per10k->buckets[0].characters > 0);
        QCOMPARE(counted[1].split(',').at(4), QByteArray::number(per10k->buckets[0].characters));
    }

    void articleSizes_followEveryChangeOfText()
    {
        QSqlDatabase db = m_library->database();
        const QString sizes = u"SELECT coalesce(sum(characters), 0) FROM article_sizes"_s;
        const QString actual = u"SELECT coalesce(sum(length(text)), 0) FROM blocks"_s;
        QVERIFY(test::scalar(*m_library, actual) > 0);
        QCOMPARE(test::scalar(*m_library, sizes), test::scalar(*m_library, actual));
        QVERIFY(sql::exec(db, u"UPDATE blocks SET text = text || '再加一句。' WHERE id = 1"_s));
        QVERIFY(sql::exec(db, u"UPDATE blocks SET article_id = (SELECT max(id) FROM articles) WHERE id = 2"_s));
        QVERIFY(sql::exec(db, u"DELETE FROM blocks WHERE id = 3"_s));
        QCOMPARE(test::scalar(*m_library, sizes), test::scalar(*m_library, actual));
        QVERIFY(sql::exec(db, u"DELETE FROM articles WHERE id = 1"_s));
        QVERIFY(sql::exec(db, u"DELETE FROM issues WHERE id = 2"_s));
        QCOMPARE(test::scalar(*m_library, sizes), test::scalar(*m_library, actual));
        // Per article, not only in sum.
        QCOMPARE(test::scalar(*m_library,
                              u"SELECT count(*) FROM article_sizes s WHERE characters <> (SELECT "
                              "coalesce(sum(length(text)), 0) FROM blocks WHERE article_id = s.article_id)"_s),
                 0);
    }

private:
    test::TemporaryLibrary m_library;
};

QTEST_GUILESS_MAIN(TestTrends)
#include "tst_trends.moc"
