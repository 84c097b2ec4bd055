// bench_reuse: text reuse on a generated archive (make_corpus: articles recombined from the corpus's paragraphs, so
// almost everything is reuse — the worst case).
//
//   bench_reuse DIR [--extra N]             import DIR but its last N files (default 50) into a fresh library, then
//                                           the full computation; then import the N files and compare them alone
//   bench_reuse --library COPY [DIR]        the full computation (rebuild) on a library (it changes it: give it a
//                                           copy); with DIR, then import DIR's files and compare them alone
//   --batch N                               articles compared per write transaction (ReuseParameters::batchArticles)
//
// Prints the time, peak RSS and bytes written of each step, the index's size, the pairs, the clusters, and the time
// of one article's pairs (what the reader's margin marks will read) for 200 articles.
#include "core/ingest/importer.h"
#include "core/reuse/reuseindex.h"
#include "core/store/library.h"
#include "core/store/sql.h"
#include "tests/support/procstats.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace dubao;

namespace {

struct Step
{
    QElapsedTimer timer;
    qint64 written = test::writtenBytes();
    std::clock_t cpu = std::clock();
    Step() { timer.start(); }
    double seconds() const { return double(timer.nsecsElapsed()) / 1e9; }
    /// The process's CPU time (user + system): on a loaded machine the wall-clock time says little.
    double cpuSeconds() const { return double(std::clock() - cpu) / CLOCKS_PER_SEC; }
    void print(const char *name) const
    {
        std::printf("%-28s %9.2f s  CPU %8.2f s  peak RSS %6lld MB  written %8.1f MB\n", name, seconds(), cpuSeconds(),
                    test::peakRssKb() / 1024, double(test::writtenBytes() - written) / 1e6);
        std::fflush(stdout);
    }
};

qint64 count(Library &library, const char *sql)
{
    return sql::scalar(library.database(), QString::fromLatin1(sql)).toLongLong();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QString dir, libraryPath;
    int extra = 50;
    ReuseParameters parameters;
    const QStringList args = app.arguments().mid(1);
    for (qsizetype k = 0; k < args.size(); ++k) {
        if (args[k] == u"--library" && k + 1 < args.size())
            libraryPath = args[++k];
        else if (args[k] == u"--extra" && k + 1 < args.size())
            extra = args[++k].toInt();
        else if (args[k] == u"--batch" && k + 1 < args.size())
            parameters.batchArticles = args[++k].toInt();
        else
            dir = args[k];
    }
    if (dir.isEmpty() && libraryPath.isEmpty()) {
        std::fprintf(stderr,
                     "usage: bench_reuse DIR [--extra N] [--batch N] | bench_reuse --library COPY [DIR] [--batch N]\n");
        return 2;
    }
    QStringList files;
    if (!dir.isEmpty()) {
        QDirIterator it(dir, {QStringLiteral("*.txt")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(it.next());
        std::sort(files.begin(), files.end());
    }
    QTemporaryDir tmp;
    Library library;
    if (!library.open(libraryPath.isEmpty() ? tmp.filePath(QStringLiteral("reuse.sqlite")) : libraryPath)) {
        std::fprintf(stderr, "bench_reuse: cannot open the library\n");
        return 1;
    }
    QStringList extraFiles;
    ReuseIndex index(library, parameters);
    if (libraryPath.isEmpty()) {
        extraFiles = files.mid(std::max<qsizetype>(0, files.size() - extra));
        const QStringList base = files.mid(0, files.size() - extraFiles.size());
        Step step;
        const ImportReport report = Importer(library).importPaths(base);
        std::printf("imported %lld files\n", qlonglong(report.imported.size()));
        step.print("import (without reuse)");
    } else {
        extraFiles = files;
    }
    {
        Step full;
        const Result<qint64> done = index.rebuild();
        if (!done) {
            std::fprintf(stderr, "bench_reuse: %s\n", qPrintable(done.error().message()));
            return 1;
        }
        std::printf("full computation%s: %lld articles\n", libraryPath.isEmpty() ? "" : " (rebuild)", qlonglong(*done));
        full.print("full computation");
    }
    std::printf("index: %lld fingerprint rows, %lld boilerplate fingerprints, %lld pairs (%lld boilerplate)\n",
                qlonglong(count(library, "SELECT count(*) FROM reuse_fingerprints")),
                qlonglong(count(library, "SELECT count(*) FROM reuse_hashes WHERE frequent")),
                qlonglong(count(library, "SELECT count(*) FROM reuse_pairs")),
                qlonglong(count(library, "SELECT count(*) FROM reuse_pairs WHERE boilerplate")));

    if (!extraFiles.isEmpty()) {
        Step importStep;
        const ImportReport report = Importer(library).importPaths(extraFiles);
        const double importSeconds = importStep.seconds(), importCpu = importStep.cpuSeconds();
        importStep.print("import of the new files");
        Step compareStep;
        const Result<qint64> done = index.update();
        const double compareSeconds = compareStep.seconds(), compareCpu = compareStep.cpuSeconds();
        compareStep.print("their comparison");
        std::printf("incremental: %lld files, %lld articles compared, overhead %.1f %% of the import (CPU: %.1f %%)\n",
                    qlonglong(report.imported.size()), qlonglong(done ? *done : -1),
                    100.0 * compareSeconds / std::max(importSeconds, 1e-9),
                    100.0 * compareCpu / std::max(importCpu, 1e-9));
    }

    // One article's pairs, as the reader's margin marks will ask: 200 articles at random.
    const QList<qint64> articles = sql::ids(library.database(), QStringLiteral("SELECT id FROM articles"));
    QList<double> ms;
    QRandomGenerator random(1);
    qint64 passages = 0;
    for (int k = 0; k < 200 && !articles.isEmpty(); ++k) {
        QElapsedTimer t;
        t.start();
        const Result<QList<ReusePair>> pairs = index.pairsOf(articles[random.bounded(int(articles.size()))]);
        ms.append(double(t.nsecsElapsed()) / 1e6);
        for (const ReusePair &p : *pairs)
            passages += p.passages.size();
    }
    std::sort(ms.begin(), ms.end());
    if (!ms.isEmpty())
        std::printf("one article's pairs: median %.2f ms, max %.2f ms (%lld passages over 200 articles)\n",
                    ms[ms.size() / 2], ms.back(), qlonglong(passages));

    Step clusterStep;
    const QList<ReuseCluster> clusters = index.clusters(*index.pairs(50));
    std::printf("clusters: %lld, the largest %lld articles\n", qlonglong(clusters.size()),
                qlonglong(clusters.isEmpty() ? 0 : clusters.front().articles.size()));
    clusterStep.print("listing pairs and clusters");
    std::printf("library: %.1f MB\n", double(QFileInfo(library.path()).size()) / 1e6);
    return 0;
}
