// The exact count of a one-character query (core/search/charactercount.h): the same number as FTS5's prefix query
// and a scan of the text, and a cancel that stops it at once instead of after FTS5's merge of every doclist.
#include "core/search/charactercount.h"
#include "core/search/queryparser.h"
#include "core/search/searchservice.h"
#include "core/store/library.h"
#include "core/store/sql.h"
#include "tests/support/sampleissue.h"
#include "tests/support/temporarylibrary.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <ctime>

using namespace dubao;
using namespace Qt::StringLiterals;

namespace {

// This thread's CPU time: what the load of other processes does not inflate.
double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

qint64 scalar(Library &library, const QString &sql)
{
    QSqlQuery q(library.database());
    if (!q.exec(sql) || !q.next()) {
        qWarning() << sql << q.lastError().text();
        return -1;
    }
    return q.value(0).toLongLong();
}

// What FTS5's prefix query counts: the count the old code asked for.
qint64 fts5Count(Library &library, const QString &character)
{
    return scalar(library, u"SELECT count(*) FROM search_blocks WHERE search_blocks MATCH '\"%1\" *'"_s.arg(character));
}

// Paragraphs holding 会 (or 會, which the index folds to it) many times, each time before another character: many
// index terms starting with 会 (会一, 会丁, …), each with a long doclist, which FTS5's prefix query merges at once.
bool addParagraphs(Library &library, qint64 articleId, int count)
{
    QSqlDatabase db = library.database();
    sql::WriteScope scope(db);
    QSqlQuery insert(db);
    insert.prepare(u"INSERT INTO blocks (article_id, position, kind, text, raw, first_line, last_line) "
                   "VALUES (?, ?, 'body', ?, '', 1, 1)"_s);
    for (int x = 0; x < count; ++x) {
        QString text = u"第%1段"_s.arg(x);
        for (int k = 0; k < 24; ++k) {
            text += (k % 5 == 0) ? u"會"_s : u"会"_s;
            text += QChar(0x4E00 + (x * 7 + k * 131) % 2000);
        }
        insert.addBindValue(articleId);
        insert.addBindValue(1000 + x);
        insert.addBindValue(text);
        if (!insert.exec()) {
            qWarning() << insert.lastError().text();
            return false;
        }
    }
    return bool(scope.commit());
}

} // namespace

class TestCharacterCount : public QObject
{
    Q_OBJECT

private slots:
    void count_oneCharacter_sameAsFts5AndTheText()
    {
        test::TemporaryLibrary library;
        QVERIFY(library.create());
        const std::optional<StoredIssue> issue = test::importSampleIssue(*library);
        QVERIFY(issue);
        QVERIFY(addParagraphs(*library, issue->parsed.articles.front().id, 300));
        SearchService service(*library);
        // 会 and 會 (folded to it), characters of the sample issue only, one in no paragraph.
        for (const QString &character : {u"会"_s, u"會"_s, u"粮"_s, u"永"_s, u"鑫"_s}) {
            const Result<qint64> counted = service.count(QueryParser::parse(character));
            QVERIFY2(counted, qPrintable(character));
            QCOMPARE(*counted, fts5Count(*library, character == u"會"_s ? u"会"_s : character));
            const SearchResult exact = service.search(character);
            QVERIFY(exact.ok());
            QCOMPARE(exact.total, *counted);
        }
        // Against the text itself: the paragraphs holding either form (none is cut by an OCR space here).
        const qint64 inText =
            scalar(*library, u"SELECT count(*) FROM blocks WHERE instr(text, '会') > 0 OR instr(text, '會') > 0"_s);
        QVERIFY(inText > 300);
        QCOMPARE(*service.count(QueryParser::parse(u"会"_s)), inText);
        QCOMPARE(*service.count(QueryParser::parse(u"鑫"_s)), 0);
    }

    void count_cancelled_stopsAtOnce()
    {
        test::TemporaryLibrary library;
        QVERIFY(library.create());
        const std::optional<StoredIssue> issue = test::importSampleIssue(*library);
        QVERIFY(issue);
        QVERIFY(addParagraphs(*library, issue->parsed.articles.front().id, 6000));
        SearchService service(*library);
        const SearchQuery query = QueryParser::parse(u"会"_s);

        double start = threadCpuMs();
        const Result<qint64> whole = service.count(query);
        const double wholeMs = threadCpuMs() - start;
        QVERIFY(whole);
        QVERIFY(*whole > 6000);

        // A cancel set before (or while) the count runs: the count stops within a few thousand VM steps. FTS5's prefix
        // query merged every doclist before SQLite's progress handler could see the flag, so it took the whole
        // count's time before it failed.
        std::atomic_bool cancel{true};
        start = threadCpuMs();
        const Result<qint64> stopped = service.count(query, &cancel);
        const double stoppedMs = threadCpuMs() - start;
        QVERIFY(!stopped);
        QCOMPARE(stopped.error().message(), u"cancelled"_s);
        qInfo("whole count %.1f ms of CPU, cancelled %.2f ms", wholeMs, stoppedMs);
        QVERIFY2(stoppedMs * 5 < wholeMs,
                 qPrintable(u"cancelled after %1 ms, whole %2 ms"_s.arg(stoppedMs).arg(wholeMs)));

        // The connection is fine afterwards: the same count again.
        cancel = false;
        const Result<qint64> again = service.count(query, &cancel);
        QVERIFY(again);
        QCOMPARE(*again, *whole);
        QCOMPARE(*again, fts5Count(*library, u"会"_s));
    }
};

QTEST_GUILESS_MAIN(TestCharacterCount)
#include "tst_charactercount.moc"
