// bench_reparse: re-parsing a library in place (docs/development.md, "Re-parse numbers").
//
//   bench_reparse LIBRARY [PASS...]
//
// Runs, one after the other on LIBRARY (which it changes: make a copy first):
//   1. unchanged parser, every issue stamped: the skip path (reparse);
//   2. unchanged parser, --all: every issue parsed and compared, nothing written;
//   3. a parser change that alters 5 % of the issues (a paragraph split in those whose content hash is 0 mod 20),
//      as a new parser version: every issue parsed, compared and stamped, 5 % rewritten;
//   4. a parser change that alters every issue (the first article's first long paragraph split), a newer version.
// Prints per pass: issues, changed, seconds, CPU seconds of all threads, MB of original text per second, bytes
// written (/proc/self/io write_bytes), peak RSS so far, and the library's size (file + WAL). MB = 1,000,000 bytes.
// PASS (1-4) runs only those passes, in the order given (e.g. `3` on a fresh copy measures the 5 % change alone).

#include "core/ingest/issuereplacer.h"
#include "core/parse/issuefile.h"
#include "core/store/library.h"
#include "tests/support/procstats.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <cstdio>
#include <sys/resource.h>

using namespace dubao;
using test::peakRssKb;
using test::writtenBytes;

namespace {

qint64 librarySize(const QString &path)
{
    return QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
}

/// Splits the first paragraph of at least 20 characters of the first article holding one, after 70 % of it.
void splitOneParagraph(ParsedIssue &issue)
{
    for (Article &article : issue.articles) {
        for (qsizetype b = 0; b < article.blocks.size(); ++b) {
            if (article.blocks.at(b).text.size() < 20)
                continue;
            Block second = article.blocks.at(b);
            const qsizetype cut = second.text.size() * 7 / 10;
            second.text = second.text.mid(cut);
            article.blocks[b].text.truncate(cut);
            article.blocks.insert(b + 1, second);
            return;
        }
    }
}

IssueFileResult alterFivePercent(const QByteArray &bytes, const QString &path)
{
    IssueFileResult result = parseIssueBytes(bytes, path);
    const QByteArray hash = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
    if (result.ok && quint8(hash.at(0)) % 20 == 0)
        splitOneParagraph(result.issue);
    return result;
}

IssueFileResult alterEvery(const QByteArray &bytes, const QString &path)
{
    IssueFileResult result = parseIssueBytes(bytes, path);
    if (result.ok)
        splitOneParagraph(result.issue);
    return result;
}

/// CPU seconds (user + system, every thread) this process has used: on a shared machine the wall time says how
/// busy the machine was, this says what the pass cost.
double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval &t) {
        return double(t.tv_sec) + double(t.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

void pass(const char *name, Library &library, IssueReplacer::ParseFunction parse, int version, bool all)
{
    const qint64 writtenBefore = writtenBytes();
    const double cpuBefore = cpuSeconds();
    QElapsedTimer timer;
    timer.start();
    qint64 bytes = 0;
    ReparseOptions options;
    options.all = all;
    options.progress = [&bytes](const ReparseProgress &p) {
        bytes = p.bytes;
    };
    const ReparseReport report = IssueReplacer(library, std::move(parse), version).reparseAll(options);
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const qint64 written = writtenBytes() - writtenBefore;
    std::printf("%-22s %7d issues %7d changed %7d skipped %3lld failed %8.2f s (cpu %7.2f s) %7.1f MB/s  "
                "written %9.1f MB  peak RSS %6lld MB  library %8.1f MB  blocks kept %d new %d lineage %d\n",
                name, report.issues, report.changed, report.skipped, static_cast<long long>(report.failed.size()),
                seconds, cpuSeconds() - cpuBefore, double(bytes) / 1e6 / std::max(seconds, 1e-9), double(written) / 1e6,
                static_cast<long long>(peakRssKb() / 1024), double(librarySize(library.path())) / 1e6,
                report.ids.blocksKept, report.ids.blocksNew, report.ids.lineageRows);
    for (qsizetype i = 0; i < std::min<qsizetype>(report.failed.size(), 5); ++i)
        std::fprintf(stderr, "  failed: issue %lld: %s\n", static_cast<long long>(report.failed.at(i).issueId),
                     qPrintable(report.failed.at(i).reason));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: bench_reparse LIBRARY [PASS...] (changed in place: use a copy)\n");
        return 2;
    }
    QList<int> passes;
    for (qsizetype k = 2; k < args.size(); ++k) {
        bool ok = false;
        const int n = args.at(k).toInt(&ok);
        if (!ok || n < 1 || n > 4) {
            std::fprintf(stderr, "bench_reparse: PASS is 1 to 4, not %s\n", qPrintable(args.at(k)));
            return 2;
        }
        passes.append(n);
    }
    if (passes.isEmpty())
        passes = {1, 2, 3, 4};
    Library library;
    if (const Result<void> opened = library.open(args.at(1)); !opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message()));
        return 1;
    }
    std::printf("library %s: %.1f MB\n", qPrintable(args.at(1)), double(librarySize(args.at(1))) / 1e6);
    for (const int n : std::as_const(passes)) {
        switch (n) {
        case 1:
            pass("unchanged (skip)", library, {}, kParserVersion, false);
            break;
        case 2:
            pass("unchanged (--all)", library, {}, kParserVersion, true);
            break;
        case 3:
            pass("5% of issues altered", library, alterFivePercent, kParserVersion + 1, false);
            break;
        case 4:
            pass("every issue altered", library, alterEvery, kParserVersion + 2, false);
            break;
        }
    }
    return 0;
}
