// The incremental update writes a batch's index rows at the batch's end, the articles later in a batch seeing the
// earlier ones in memory (docs/reuse.md, "Speed"): whatever the batches, the index, the pairs, the clusters and the
// own-text paragraphs are what a rebuild of the same library computes, and what batches of one article (each
// article's rows written before the next is compared) give after changed articles too.
#include "core/reuse/reuseindex.h"
#include "core/store/sql.h"
#include "tests/support/reusedocuments.h"
#include "tests/support/scalar.h"
#include "tests/support/temporarylibrary.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace dubao;
using namespace Qt::StringLiterals;

using test::hanText;

namespace {

/// Small thresholds, so that a few dozen articles reach every path: fingerprints over the index's cap, formulas
/// that turn stored pairs boilerplate, pairs inside one batch and across batches.
ReuseParameters parameters(int batchArticles, int windowArticles = 200)
{
    ReuseParameters p;
    p.indexCap = 9;
    p.batchArticles = batchArticles;
    p.windowArticles = windowArticles; // read ahead in windows inside a batch: the same index as one by one
    return p;
}

/// 90 articles: 18 stories of 2 to 4 copies each, run within days of each other; slogans that come back over two
/// years (formulas) and one line nearly every article has (over the cap); and each article's own paragraph. In an
/// order that spreads each story's copies over several batches.
QList<test::ReuseDocument> documents()
{
    QRandomGenerator random(22);
    QList<test::ReuseDocument> documents;
    const QString everywhere = hanText(900, 60);
    for (int story = 0; story < 18; ++story) {
        const QString text = hanText(100 + story, 80 + 10 * (story % 5));
        const QDate day = QDate(2021, 1, 1).addDays(random.bounded(700));
        for (int copy = 0, copies = 2 + story % 3; copy < copies; ++copy) {
            const int n = int(documents.size());
            QStringList paragraphs{hanText(2000 + n, 40 + random.bounded(40))};
            paragraphs.insert(random.bounded(2), copy == 2 ? text.left(70) : text);
            if (random.bounded(3) == 0)
                paragraphs.append(hanText(300 + random.bounded(4), 55)); // a slogan
            if (random.bounded(5) > 0)
                paragraphs.append(everywhere);
            documents.append({u"d%1"_s.arg(n), day.addDays(random.bounded(9)), paragraphs});
        }
    }
    while (documents.size() < 90) {
        const int n = int(documents.size());
        documents.append({u"d%1"_s.arg(n),
                          QDate(2021, 1, 1).addDays(random.bounded(700)),
                          {hanText(2000 + n, 60), hanText(300 + random.bounded(4), 55), everywhere}});
    }
    for (qsizetype k = documents.size() - 1; k > 0; --k)
        documents.swapItemsAt(k, random.bounded(k + 1));
    return documents;
}

/// A table's rows as text, sorted: equal libraries give equal lists.
QStringList rows(Library &library, const QString &table)
{
    QStringList rows;
    QSqlQuery q(library.database());
    if (!q.exec(u"SELECT * FROM %1"_s.arg(table)))
        return {u"cannot read %1: %2"_s.arg(table, q.lastError().text())};
    while (q.next()) {
        QStringList values;
        for (int column = 0; column < q.record().count(); ++column)
            values.append(q.value(column).isNull() ? u"NULL"_s : q.value(column).toString());
        rows.append(values.join(u'|'));
    }
    rows.sort();
    return rows;
}

const QStringList kTables{u"reuse_pairs"_s,        u"reuse_paragraphs"_s, u"reuse_hashes"_s,
                          u"reuse_fingerprints"_s, u"reuse_articles"_s,   u"reuse_pending"_s};

QString clustersOf(ReuseIndex &index)
{
    QStringList out;
    for (const ReuseCluster &cluster : index.clusters(index.pairs().valueOr({}))) {
        QStringList articles;
        for (qint64 article : cluster.articles)
            articles.append(QString::number(article));
        out.append(articles.join(u',') + u" source "_s + QString::number(cluster.source.value_or(0)));
    }
    return out.join(u';');
}

void compareLibraries(Library &first, Library &second)
{
    for (const QString &table : kTables) {
        const QStringList a = rows(first, table), b = rows(second, table);
        QVERIFY2(a == b, qPrintable(u"%1 differs: %2 rows against %3"_s.arg(table).arg(a.size()).arg(b.size())));
    }
    ReuseIndex a(first), b(second);
    QCOMPARE(clustersOf(a), clustersOf(b));
}

} // namespace

class TestReuseBatches : public QObject
{
    Q_OBJECT

private slots:
    void importInBatches_isWhatARebuildComputes()
    {
        const QList<test::ReuseDocument> all = documents();

        // Imported in three parts into a library with an index, each compared in batches of 7 articles read ahead
        // 3 at a time.
        test::TemporaryLibrary incremental;
        QVERIFY(incremental.create());
        ReuseIndex inBatches(*incremental, parameters(7, 3));
        QVERIFY(inBatches.rebuild()); // the (empty) index exists: imports queue their articles
        for (const auto &[from, to] : {std::pair{0, 25}, std::pair{25, 61}, std::pair{61, 90}}) {
            for (int k = from; k < to; ++k)
                QVERIFY(test::storeReuseDocument(*incremental, all[k]));
            const Result<qint64> compared = inBatches.update();
            QVERIFY(compared);
            QCOMPARE(*compared, qint64(to - from));
        }

        // The same library imported at once, then built in one batch (two windows), and built with batches of one
        // article.
        test::TemporaryLibrary rebuilt, oneByOne;
        QVERIFY(rebuilt.create());
        QVERIFY(oneByOne.create());
        for (const test::ReuseDocument &document : all)
            QVERIFY(test::storeReuseDocument(*rebuilt, document) && test::storeReuseDocument(*oneByOne, document));
        QVERIFY(ReuseIndex(*rebuilt, parameters(200, 50)).rebuild());
        QVERIFY(ReuseIndex(*oneByOne, parameters(1)).rebuild());

        // Every path was taken: pairs that count and boilerplate ones, fingerprints over the cap, shared paragraphs.
        QVERIFY(test::scalar(*incremental, u"SELECT count(*) FROM reuse_pairs WHERE NOT boilerplate AND shared_chars "
                                           u">= 50"_s) >= 15);
        QVERIFY(test::scalar(*incremental, u"SELECT count(*) FROM reuse_pairs WHERE boilerplate"_s) > 0);
        QVERIFY(test::scalar(*incremental, u"SELECT count(*) FROM reuse_pairs WHERE formulas > 0"_s) > 0);
        QVERIFY(test::scalar(*incremental, u"SELECT count(*) FROM reuse_hashes WHERE frequent"_s) > 0);
        QVERIFY(test::scalar(*incremental, u"SELECT count(*) FROM reuse_paragraphs"_s) >= 20);
        QCOMPARE(test::scalar(*incremental, u"SELECT count(*) FROM reuse_pending"_s), 0);

        compareLibraries(*incremental, *rebuilt);
        compareLibraries(*incremental, *oneByOne);
    }

    void changedArticles_inBatches_asOneByOne()
    {
        // Articles whose text changes are compared again: their old rows go while the batch's new ones are still in
        // memory. Batches of 7 articles read ahead 2 at a time and batches of 1 article give the same index.
        const QList<test::ReuseDocument> all = documents();
        test::TemporaryLibrary libraries[2];
        const int batches[2] = {7, 1}, windows[2] = {2, 1};
        for (int k = 0; k < 2; ++k) {
            QVERIFY(libraries[k].create());
            Library &library = *libraries[k];
            for (const test::ReuseDocument &document : all)
                QVERIFY(test::storeReuseDocument(library, document));
            ReuseIndex index(library, parameters(batches[k], windows[k]));
            QVERIFY(index.rebuild());
            // An OCR correction's kind of change: a story pasted into some articles, another article's text cut.
            QVERIFY(sql::exec(library.database(),
                              u"UPDATE blocks SET text = text || ? WHERE article_id % 11 = 3 AND "
                              u"id = (SELECT min(id) FROM blocks b WHERE b.article_id = "
                              u"blocks.article_id)"_s,
                              {hanText(101, 90)}));
            QVERIFY(sql::exec(library.database(), u"UPDATE blocks SET text = substr(text, 1, 20) WHERE article_id % 13 "
                                                  u"= 5"_s));
            QVERIFY(test::storeReuseDocument(library, {u"late"_s, QDate(2021, 6, 1), {hanText(101, 90)}}));
            QVERIFY(test::scalar(library, u"SELECT count(*) FROM reuse_pending"_s) > 10);
            QVERIFY(index.update());
        }
        QVERIFY(test::scalar(*libraries[0], u"SELECT count(*) FROM reuse_pairs WHERE NOT boilerplate AND "
                                            u"shared_chars >= 50"_s) >= 15);
        compareLibraries(*libraries[0], *libraries[1]);
    }

    void cancelInsideABatch_rollsItBack_andProgressMovesInside()
    {
        // A batch is thousands of articles on a large library: a cancel ends it at the next article, its transaction
        // rolled back (nothing half-stored, every article still waiting), and progress moves every 250 articles.
        test::TemporaryLibrary library;
        QVERIFY(library.create());
        QList<test::ReuseDocument> all = documents();
        for (int n = 0; all.size() < 300; ++n)
            all.append({u"x%1"_s.arg(n),
                        QDate(2022, 1, 1).addDays(n),
                        {hanText(5000 + n, 40), all[n % 90].paragraphs.front()}});
        for (const test::ReuseDocument &document : std::as_const(all))
            QVERIFY(test::storeReuseDocument(*library, document));
        ReuseIndex index(*library, parameters(1000));
        std::atomic_bool cancel = false;
        QList<qint64> steps;
        const Result<qint64> cancelled = index.rebuild(&cancel, [&](qint64 done, qint64 total) {
            QCOMPARE(total, qint64(300));
            steps.append(done);
            cancel = done >= 250;
        });
        QVERIFY(!cancelled);
        QCOMPARE(cancelled.error().message(), u"cancelled"_s);
        QCOMPARE(steps, QList<qint64>({250}));
        QCOMPARE(test::scalar(*library, u"SELECT count(*) FROM reuse_pending"_s), 300);
        QCOMPARE(test::scalar(*library, u"SELECT count(*) FROM reuse_fingerprints"_s), 0);
        QCOMPARE(test::scalar(*library, u"SELECT count(*) FROM reuse_pairs"_s), 0);
        cancel = false;
        steps.clear();
        QCOMPARE(*index.update(&cancel, [&](qint64 done, qint64) { steps.append(done); }), qint64(300));
        QCOMPARE(steps, QList<qint64>({250, 300}));
        QVERIFY(test::scalar(*library, u"SELECT count(*) FROM reuse_pairs"_s) > 0);
    }
};

QTEST_GUILESS_MAIN(TestReuseBatches)
#include "tst_reusebatches.moc"
