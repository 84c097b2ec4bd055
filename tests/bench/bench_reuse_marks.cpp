// bench_reuse_marks: what the reader's text-reuse marks cost when an article is shown (ReuseIndex::articleReuse():
// the article's stored pairs, its copies' titles and dates, the marks and its own text), on a library whose index is
// built (dubao-cli reuse --rebuild). It only reads.
//
//   bench_reuse_marks LIBRARY [N]     N articles at random (default 200), then the N with the most pairs that
//                                     are not boilerplate, then the N with the most stored pairs of any kind
//
// Prints the median, 95th percentile and maximum wall-clock time per article, and the CPU time (user + system) of
// each run of N.
#include "core/reuse/reuseindex.h"
#include "core/store/library.h"
#include "core/store/sql.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace dubao;

namespace {

void run(ReuseIndex &index, const QList<qint64> &articles, const char *what)
{
    QList<double> ms;
    qint64 marks = 0, copies = 0;
    const std::clock_t cpu = std::clock();
    for (qint64 id : articles) {
        QElapsedTimer t;
        t.start();
        const Result<ArticleReuse> reuse = index.articleReuse(id);
        ms.append(double(t.nsecsElapsed()) / 1e6);
        if (!reuse) {
            std::fprintf(stderr, "article %lld: %s\n", qlonglong(id), qPrintable(reuse.error().message()));
            continue;
        }
        marks += reuse->marks.size();
        copies += reuse->copies.size();
    }
    const double cpuMs = 1000.0 * double(std::clock() - cpu) / CLOCKS_PER_SEC;
    std::sort(ms.begin(), ms.end());
    if (ms.isEmpty())
        return;
    std::printf("%-24s %4lld articles: median %7.2f ms, p95 %7.2f ms, max %7.2f ms wall; CPU %.2f ms an article; "
                "%.1f marks and %.1f copies an article\n",
                what, qlonglong(ms.size()), ms[ms.size() / 2], ms[qMin(ms.size() - 1, ms.size() * 95 / 100)], ms.back(),
                cpuMs / ms.size(), double(marks) / ms.size(), double(copies) / ms.size());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_reuse_marks LIBRARY [N]\n");
        return 2;
    }
    const int n = argc > 2 ? std::max(1, std::atoi(argv[2])) : 200;
    Library library;
    if (const Result<void> opened = library.open(QString::fromLocal8Bit(argv[1])); !opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message()));
        return 1;
    }
    ReuseIndex index(library);
    if (!index.exists()) {
        std::fprintf(stderr, "no reuse index: run dubao-cli reuse --rebuild --library %s first\n", argv[1]);
        return 1;
    }
    const QList<qint64> all = sql::ids(library.database(), QStringLiteral("SELECT id FROM articles"));
    QList<qint64> random;
    QRandomGenerator generator(1);
    for (int k = 0; k < n && !all.isEmpty(); ++k)
        random.append(all[generator.bounded(int(all.size()))]);
    run(index, random, "random articles");
    const QList<qint64> most = sql::ids(
        library.database(),
        QStringLiteral("SELECT id FROM (SELECT a AS id FROM reuse_pairs WHERE shared_chars >= 50 AND NOT boilerplate "
                       "UNION ALL SELECT b FROM reuse_pairs WHERE shared_chars >= 50 AND NOT boilerplate) "
                       "GROUP BY id ORDER BY count(*) DESC LIMIT %1")
            .arg(n));
    run(index, most, "most pairs");
    // Boilerplate pairs are read and dropped: the articles with the most stored pairs of any kind.
    const QList<qint64> stored = sql::ids(
        library.database(), QStringLiteral("SELECT id FROM (SELECT a AS id FROM reuse_pairs UNION ALL SELECT b FROM "
                                           "reuse_pairs) GROUP BY id ORDER BY count(*) DESC LIMIT %1")
                                .arg(n));
    run(index, stored, "most stored pairs");
    return 0;
}
