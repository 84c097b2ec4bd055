// The paragraph index's keys since schema v17 (core/search/searchindex.h): day << 20 | the paragraph's ordinal among
// its day's, undated below every day. Date order, from:/to:, moves of an issue to another day, edits that keep a
// paragraph's place, a full day refused, and the migration from v16's keys (day << 32 | block id).
#include "core/ingest/importer.h"
#include "core/search/queryparser.h"
#include "core/search/searchindex.h"
#include "core/search/searchservice.h"
#include "core/store/issuerepository.h"
#include "core/store/library.h"
#include "tests/support/handbuiltissue.h"
#include "tests/support/sampleissue.h"
#include "tests/support/schemaversions.h"
#include "tests/support/temporarylibrary.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace dubao;
using namespace Qt::StringLiterals;

namespace {

qint64 scalar(Library &library, const QString &sql, const QVariantList &binds = {})
{
    QSqlQuery q(library.database());
    q.prepare(sql);
    for (const QVariant &v : binds)
        q.addBindValue(v);
    if (!q.exec() || !q.next()) {
        qWarning() << sql << q.lastError().text();
        return -1;
    }
    return q.value(0).toLongLong();
}

/// The keys of an issue's indexed paragraphs, in block order.
QList<qint64> keysOf(Library &library, qint64 issueId)
{
    QSqlQuery q(library.database());
    q.prepare(u"SELECT k.key FROM search_block_keys k JOIN blocks b ON b.id = k.block_id JOIN articles a ON "
              "a.id = b.article_id WHERE a.issue_id = ? ORDER BY b.id"_s);
    q.addBindValue(issueId);
    QList<qint64> keys;
    if (q.exec())
        while (q.next())
            keys.append(q.value(0).toLongLong());
    return keys;
}

qint64 sqliteDay(const QDate &date)
{
    return date.toJulianDay() - 1;
}

/// The block ids of a search's hits, newest first.
QList<qint64> newestHits(Library &library, const QString &query)
{
    SearchOptions options;
    options.order = SearchOrder::Newest;
    options.limit = 1000;
    const SearchResult result = SearchService(library).search(query, options);
    QList<qint64> ids;
    for (const SearchHit &hit : result.hits)
        ids.append(hit.blockId);
    return ids;
}

/// The paragraphs whose text holds `needle`, by issue date newest first, then the later block first: what a search
/// newest first finds (its rowid order, descending).
QList<qint64> bruteForceNewest(Library &library, const QString &needle)
{
    QSqlQuery q(library.database());
    q.prepare(u"SELECT b.id FROM blocks b JOIN articles a ON a.id = b.article_id JOIN issues i ON i.id = a.issue_id "
              "WHERE instr(b.text, ?) > 0 ORDER BY coalesce(julianday(i.date), 0) DESC, b.id DESC"_s);
    q.addBindValue(needle);
    QList<qint64> ids;
    if (q.exec())
        while (q.next())
            ids.append(q.value(0).toLongLong());
    return ids;
}

} // namespace

class TestSearchKeys : public QObject
{
    Q_OBJECT

private slots:
    void keys_byDay_denseOrdinalsInInsertOrder()
    {
        test::TemporaryLibrary library;
        QVERIFY(library.create());
        IssueRepository repository(*library);
        const QDate june15(2023, 6, 15);
        const qint64 first = repository.insert(test::makeIssue(test::sha('1'), june15)).valueOr(0);
        const qint64 second = repository.insert(test::makeIssue(test::sha('2'), june15)).valueOr(0);
        const qint64 earlier = repository.insert(test::makeIssue(test::sha('3'), QDate(2023, 6, 14))).valueOr(0);
        const qint64 undated = repository.insert(test::makeIssue(test::sha('4'), QDate(), 6, 13)).valueOr(0);
        QVERIFY(first && second && earlier && undated);

        // Both issues of 15 June: ordinals 0, 1, 2, … in block order, the second issue's after the first's.
        const QList<qint64> keys = keysOf(*library, first) + keysOf(*library, second);
        QCOMPARE(keys.size(), 2 * keysOf(*library, first).size());
        for (qsizetype i = 0; i < keys.size(); ++i)
            QCOMPARE(keys[i], search::firstKeyOfDay(sqliteDay(june15)) + i);
        for (const qint64 key : keysOf(*library, earlier))
            QCOMPARE(search::dayOfKey(key), sqliteDay(QDate(2023, 6, 14)));
        for (const qint64 key : keysOf(*library, undated)) {
            QVERIFY(key < 0);
            QCOMPARE(search::dayOfKey(key), 0);
        }
        // Newest first is date order, undated last; from:/to: are the days' key ranges.
        QCOMPARE(newestHits(*library, u"正文"_s), bruteForceNewest(*library, u"正文"_s));
        QCOMPARE(newestHits(*library, u"正文 from:2023-06-15"_s).size(), 2);
        QCOMPARE(newestHits(*library, u"正文 to:2023-06-14"_s),
                 QList<qint64>{bruteForceNewest(*library, u"正文"_s)[2]});
        QCOMPARE(newestHits(*library, u"正文 from:2023-06-14 to:2023-06-14"_s).size(), 1);
        // The hits per day (what Trends adds up) come from the keys' days.
        const Result<QMap<qint64, qint64>> days = SearchService(*library).countByDay(QueryParser::parse(u"正文"_s));
        QVERIFY(days);
        QCOMPARE(days->value(june15.toJulianDay()), 2);
        QCOMPARE(days->value(QDate(2023, 6, 14).toJulianDay()), 1);
        QCOMPARE(days->value(0), 1);
    }

    void issueDate_changed_movesItsParagraphsAfterTheNewDays()
    {
        test::TemporaryLibrary library;
        QVERIFY(library.create());
        IssueRepository repository(*library);
        const QDate june15(2023, 6, 15);
        const qint64 first = repository.insert(test::makeIssue(test::sha('1'), june15)).valueOr(0);
        const qint64 moved = repository.insert(test::makeIssue(test::sha('2'), QDate(2023, 6, 14))).valueOr(0);
        QVERIFY(first && moved);
        IssueInfo info = repository.issue(moved)->parsed.issue;
        info.date = june15;
        QVERIFY(repository.updateIssueInfo(moved, info));
        const QList<qint64> keys = keysOf(*library, first) + keysOf(*library, moved);
        for (qsizetype i = 0; i < keys.size(); ++i)
            QCOMPARE(keys[i], search::firstKeyOfDay(sqliteDay(june15)) + i);
        QCOMPARE(newestHits(*library, u"评论 from:2023-06-15 to:2023-06-15"_s).size(), 2);
        QCOMPARE(newestHits(*library, u"评论 to:2023-06-14"_s).size(), 0);
        QCOMPARE(newestHits(*library, u"评论"_s), bruteForceNewest(*library, u"评论"_s));
        // Undated, it goes below every day.
        info.date = QDate();
        QVERIFY(repository.updateIssueInfo(moved, info));
        for (const qint64 key : keysOf(*library, moved))
            QVERIFY(key < 0);
        QCOMPARE(newestHits(*library, u"评论"_s), bruteForceNewest(*library, u"评论"_s));
    }

    void paragraphEdited_keepsItsKeyAndIsFoundByItsNewText()
    {
        test::TemporaryLibrary library;
        QVERIFY(library.create());
        IssueRepository repository(*library);
        const qint64 issue = repository.insert(test::makeIssue(test::sha('1'))).valueOr(0);
        QVERIFY(issue);
        const QList<qint64> before = keysOf(*library, issue);
        const qint64 block = scalar(*library, u"SELECT min(id) FROM blocks WHERE text = '正文。'"_s);
        QSqlQuery q(library->database());
        QVERIFY(q.exec(u"UPDATE blocks SET text = '改过的正文。' WHERE id = %1"_s.arg(block)));
        QCOMPARE(keysOf(*library, issue), before);
        QCOMPARE(newestHits(*library, u"改过"_s), QList<qint64>{block});
        QCOMPARE(newestHits(*library, u"正文"_s), QList<qint64>{block});
    }

    void importer_sameDayAgain_continuesTheDaysOrdinals()
    {
        test::TemporaryLibrary library;
        QVERIFY(library.create());
        const std::optional<StoredIssue> sample = test::importSampleIssue(*library); // deferred indexing
        QVERIFY(sample);
        const QDate date = sample->parsed.issue.date;
        QVERIFY(date.isValid());
        const QList<qint64> imported = keysOf(*library, sample->id);
        QVERIFY(!imported.isEmpty());
        for (qsizetype i = 0; i < imported.size(); ++i)
            QCOMPARE(imported[i], search::firstKeyOfDay(sqliteDay(date)) + i);
        const qint64 more = IssueRepository(*library).insert(test::makeIssue(test::sha('9'), date)).valueOr(0);
        QVERIFY(more);
        const QList<qint64> added = keysOf(*library, more);
        QCOMPARE(added.front(), imported.back() + 1);
        QCOMPARE(newestHits(*library, u"正文"_s), bruteForceNewest(*library, u"正文"_s));
    }

    void dayFull_newParagraphRefusedAndNothingStored()
    {
        test::TemporaryLibrary library;
        QVERIFY(library.create());
        IssueRepository repository(*library);
        const QDate date(2023, 6, 15);
        QVERIFY(repository.insert(test::makeIssue(test::sha('1'), date)).valueOr(0));
        // The day's last key taken (2^20 paragraphs on one day): the next paragraph of that day has none.
        QSqlQuery q(library->database());
        QVERIFY(q.exec(u"UPDATE search_block_keys SET key = %1 WHERE block_id = (SELECT max(block_id) FROM "
                       "search_block_keys)"_s.arg(search::firstKeyOfDay(sqliteDay(date) + 1) - 1)));
        const qint64 issues = scalar(*library, u"SELECT count(*) FROM issues"_s);
        const Result<qint64> refused = repository.insert(test::makeIssue(test::sha('2'), date));
        QVERIFY(!refused);
        QVERIFY2(refused.error().message().contains(u"no key left for that day"_s),
                 qPrintable(refused.error().message()));
        QCOMPARE(scalar(*library, u"SELECT count(*) FROM issues"_s), issues);
        // Another day still takes paragraphs.
        QVERIFY(repository.insert(test::makeIssue(test::sha('3'), date.addDays(1))).valueOr(0));
    }

    void migration_fromV16Keys_sameHitsDenseKeys()
    {
        test::TemporaryLibrary library;
        QVERIFY(library.create());
        IssueRepository repository(*library);
        for (int i = 0; i < 6; ++i)
            QVERIFY(
                repository.insert(test::makeIssue(test::sha(char('a' + i)), QDate(2023, 6, 10 + i % 3))).valueOr(0));
        QVERIFY(repository.insert(test::makeIssue(test::sha('z'), QDate())).valueOr(0));
        const QList<qint64> newest = newestHits(*library, u"会议"_s);
        QCOMPARE(newest, bruteForceNewest(*library, u"会议"_s));
        const qint64 blocks = scalar(*library, u"SELECT count(*) FROM search_block_keys"_s);

        // Back to a v16 file: v3–v16's keys and triggers.
        QVERIFY(test::dropSchemaVersion17(library->database()));
        QVERIFY(QSqlQuery(library->database()).exec(u"PRAGMA user_version = 16"_s));
        const qint64 undated = blocks / 7; // one issue of seven
        QCOMPARE(scalar(*library, u"SELECT count(*) FROM search_block_keys WHERE key >= 4294967296"_s),
                 blocks - undated);
        QCOMPARE(newestHits(*library, u"会议"_s), newest); // v16's key still decodes the same hits (as before)
        const QString path = library.filePath(u"lib.sqlite"_s);
        library->close();
        QVERIFY(library->open(path));
        QCOMPARE(scalar(*library, u"PRAGMA user_version"_s), Library::currentSchemaVersion());
        QVERIFY(!SearchIndex::needsRebuild(*library));
        QCOMPARE(scalar(*library, u"SELECT count(*) FROM search_block_keys"_s), blocks);
        // Each dated key: its issue's day, and an ordinal below the day's paragraphs (two issues a day).
        QCOMPARE(scalar(*library,
                        u"SELECT count(*) FROM search_block_keys k JOIN blocks b ON b.id = k.block_id JOIN articles a "
                        "ON a.id = b.article_id JOIN issues i ON i.id = a.issue_id WHERE i.date IS NOT NULL AND "
                        "((k.key >> 20) != CAST(julianday(i.date) AS INTEGER) OR (k.key & 1048575) >= ?)"_s,
                        {2 * undated}),
                 0);
        QCOMPARE(scalar(*library, u"SELECT count(*) FROM search_block_keys WHERE key < 0"_s), undated);
        QCOMPARE(newestHits(*library, u"会议"_s), newest);
        QCOMPARE(newestHits(*library, u"会议 from:2023-06-11 to:2023-06-11"_s).size(), 4); // two issues, two each
    }
};

QTEST_GUILESS_MAIN(TestSearchKeys)
#include "tst_searchkeys.moc"
