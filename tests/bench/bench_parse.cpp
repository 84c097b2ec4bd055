// bench_parse: parsing throughput on one thread, from bytes already in memory.
//
//   bench_parse [--corpus DIR] [--mb 50] [--runs 5] [FOLDER]
//
// Measures the corpus files repeated to at least --mb MB and, when given, every *.txt file of FOLDER (for
// instance one written by make_corpus). For each: decodeText alone, then the whole parseIssueBytes (hash,
// decode, normalise, parse). Prints the median of --runs runs. MB = 1,000,000 bytes.

#include "core/parse/issuefile.h"
#include "core/text/textdecoder.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QList>
#include <QString>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>

namespace {

struct Dataset
{
    QString name;
    QList<QByteArray> files;
    QStringList paths;
    int repeat = 1; ///< the files are processed this many times per run
    qint64 bytesPerRun = 0;
};

struct Outcome
{
    qint64 failures = 0;
    qint64 articles = 0;
};

bool loadFolder(const QString &folder, Dataset &dataset)
{
    const QDir dir(folder);
    const QStringList names = dir.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "bench_parse: cannot read %s: %s\n", qPrintable(file.fileName()),
                         qPrintable(file.errorString()));
            return false;
        }
        dataset.files.append(file.readAll());
        dataset.paths.append(file.fileName());
    }
    if (dataset.files.isEmpty()) {
        std::fprintf(stderr, "bench_parse: no *.txt files in %s\n", qPrintable(folder));
        return false;
    }
    return true;
}

qint64 totalBytes(const QList<QByteArray> &files)
{
    qint64 total = 0;
    for (const QByteArray &bytes : files)
        total += bytes.size();
    return total;
}

// Runs `work` over the dataset `runs` times; returns the median MB/s and the outcome of the last run.
double medianThroughput(const Dataset &dataset, int runs, const std::function<void(int, Outcome &)> &work,
                        Outcome &outcome)
{
    QList<double> rates;
    for (int run = 0; run < runs; ++run) {
        outcome = {};
        QElapsedTimer timer;
        timer.start();
        for (int round = 0; round < dataset.repeat; ++round) {
            for (int i = 0; i < dataset.files.size(); ++i)
                work(i, outcome);
        }
        const double seconds = double(std::max<qint64>(timer.nsecsElapsed(), 1)) / 1e9;
        rates.append(double(dataset.bytesPerRun) / 1e6 / seconds);
    }
    std::sort(rates.begin(), rates.end());
    return rates.at(rates.size() / 2);
}

void measure(const Dataset &dataset, int runs)
{
    Outcome decoded;
    const double decodeRate = medianThroughput(
        dataset, runs,
        [&](int i, Outcome &outcome) {
            const dubao::DecodedText text = dubao::decodeText(dataset.files.at(i));
            if (!text.ok)
                ++outcome.failures;
        },
        decoded);

    Outcome parsed;
    const double parseRate = medianThroughput(
        dataset, runs,
        [&](int i, Outcome &outcome) {
            const dubao::IssueFileResult result = dubao::parseIssueBytes(dataset.files.at(i), dataset.paths.at(i));
            if (result.ok)
                outcome.articles += result.issue.articles.size();
            else
                ++outcome.failures;
        },
        parsed);

    std::printf("%-34s %8.1f %12.1f %12.1f %10lld %9lld\n", qPrintable(dataset.name), double(dataset.bytesPerRun) / 1e6,
                decodeRate, parseRate, static_cast<long long>(parsed.articles),
                static_cast<long long>(decoded.failures + parsed.failures));
}

} // namespace

int main(int argc, char **argv)
{
    QString corpusDir = QStringLiteral(DUBAO_CORPUS_DIR);
    QString folder;
    double megabytes = 50;
    int runs = 5;
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        const bool hasValue = i + 1 < argc;
        if (arg == QStringLiteral("--corpus") && hasValue) {
            corpusDir = QString::fromLocal8Bit(argv[++i]);
        } else if (arg == QStringLiteral("--mb") && hasValue) {
            megabytes = std::atof(argv[++i]);
        } else if (arg == QStringLiteral("--runs") && hasValue) {
            runs = std::max(1, std::atoi(argv[++i]));
        } else if (!arg.startsWith(QLatin1Char('-')) && folder.isEmpty()) {
            folder = arg;
        } else {
            std::fprintf(stderr, "usage: bench_parse [--corpus DIR] [--mb 50] [--runs 5] [FOLDER]\n");
            return 2;
        }
    }

    QList<Dataset> datasets;
    Dataset corpus;
    if (!loadFolder(corpusDir, corpus))
        return 1;
    const qint64 corpusBytes = totalBytes(corpus.files);
    corpus.repeat = int(std::max<qint64>(1, qint64(megabytes * 1e6 + double(corpusBytes) - 1) / corpusBytes));
    corpus.bytesPerRun = corpusBytes * corpus.repeat;
    corpus.name = QStringLiteral("corpus (%1 files x %2)").arg(corpus.files.size()).arg(corpus.repeat);
    datasets.append(corpus);

    if (!folder.isEmpty()) {
        Dataset extra;
        if (!loadFolder(folder, extra))
            return 1;
        extra.bytesPerRun = totalBytes(extra.files);
        extra.name = QStringLiteral("%1 (%2 files)").arg(QDir(folder).dirName()).arg(extra.files.size());
        datasets.append(extra);
    }

    std::printf("bench_parse: one thread, bytes in memory, median of %d runs, MB = 10^6 bytes\n", runs);
    std::printf("%-34s %8s %12s %12s %10s %9s\n", "dataset", "MB", "decode MB/s", "parse MB/s", "articles", "failures");
    for (const Dataset &dataset : datasets)
        measure(dataset, runs);
    return 0;
}
