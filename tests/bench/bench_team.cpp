// bench_team: search on a team library beside an SQLite file, same run (issue 13, docs/search.md "On a team
// library"). Starts a PostgreSQL test server (tests/support/pgserver.h: fsync off, small shared_buffers, loopback),
// imports DIR into a new SQLite file and into a new team library, then times each term's exact count and first page
// (relevance, 20 hits, the count stopping where the page needs it, as the search panel asks) on both. Before the
// searches: the people index built on both (PeopleIndex::update over every article), and an export of 1,000
// excerpts (highlights, each tagged, every tenth with a note, on 1,000 paragraphs spread over the library):
// collected (ExcerptCollector) and written as CSV and as a REFI-QDA project.
//
//   bench_team DIR [--runs N] [--notices N] [TERM...]        (default terms: 永川 会议 高质量发展 会)
//
// Prints wall and CPU milliseconds: the client's (this process) and, on PostgreSQL, the server backend's (its
// /proc/PID/stat, the same machine), medians of N runs (default 5). MB = 1,000,000 bytes of the files.
//
// Then the change notices' latency (issue 13): this process adds N notes (default 200) one at a time, at most 20 ms
// apart, to the team library; another process (bench_team --listen URL N, started here) listens with a ChangeListener
// and prints the time it received each notice. Median and p95 of (received − the write call's start) and of (received −
// the write call's return, i.e. its COMMIT acknowledged; negative when the notice came first), CLOCK_REALTIME on the
// same machine.
#include "core/analysis/peopleindex.h"
#include "core/export/excerptcollector.h"
#include "core/export/exportformat.h"
#include "core/ingest/importer.h"
#include "core/search/searchservice.h"
#include "core/store/annotationrepository.h"
#include "core/store/changelistener.h"
#include "core/store/library.h"
#include "core/store/sql.h"
#include "core/store/tagrepository.h"
#include "tests/support/pgserver.h"
#include "tests/support/procstats.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <unistd.h>

using namespace dubao;
using test::processCpuMs;

namespace {

qint64 realtimeNs()
{
    timespec t{};
    clock_gettime(CLOCK_REALTIME, &t);
    return qint64(t.tv_sec) * 1000000000 + t.tv_nsec;
}

/// `bench_team --listen URL N`: prints "ready", then the CLOCK_REALTIME nanoseconds at which each of N notices
/// arrived, one a line; gives up after 60 s.
int listen(const QString &url, int count)
{
    Library library;
    ChangeListener listener;
    if (!library.open(url) || !listener.listen(library)) {
        std::fprintf(stderr, "listener: cannot listen to %s\n", qPrintable(url));
        return 1;
    }
    int received = 0;
    QObject::connect(&listener, &ChangeListener::changed, [&received, count](const changes::ChangeNotice &) {
        std::printf("%lld\n", static_cast<long long>(realtimeNs()));
        std::fflush(stdout);
        if (++received == count)
            QCoreApplication::quit();
    });
    QTimer::singleShot(60000, [] { QCoreApplication::exit(1); });
    std::printf("ready\n");
    std::fflush(stdout);
    return QCoreApplication::exec();
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(std::min<qsizetype>(values.size() - 1, qsizetype(p * double(values.size()))));
}

struct Cost
{
    double wallMs = 0;
    double cpuMs = 0;    ///< this process
    double serverMs = 0; ///< the PostgreSQL backend (0 on SQLite)
};

Cost measure(qint64 backend, const std::function<void()> &work)
{
    const double cpu = processCpuMs();
    const double server = processCpuMs(backend);
    QElapsedTimer timer;
    timer.start();
    work();
    return {double(timer.nsecsElapsed()) / 1e6, processCpuMs() - cpu, processCpuMs(backend) - server};
}

Cost median(QList<Cost> runs)
{
    auto pick = [&](auto member) {
        QList<double> values;
        for (const Cost &c : runs)
            values.append(c.*member);
        std::sort(values.begin(), values.end());
        return values.at(values.size() / 2);
    };
    return {pick(&Cost::wallMs), pick(&Cost::cpuMs), pick(&Cost::serverMs)};
}

qint64 folderBytes(const QString &dir)
{
    qint64 bytes = 0;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        bytes += QFileInfo(it.next()).size();
    return bytes;
}

/// 1,000 highlights, each tagged 摘录, every tenth with a note, on paragraphs spread evenly over the library.
bool annotate(Library &library)
{
    const Result<Tag> tag = TagRepository(library).create(QStringLiteral("摘录"));
    if (!tag)
        return false;
    const QList<qint64> blocks =
        sql::ids(library.database(), QStringLiteral("SELECT id FROM blocks WHERE kind = 'body' AND "
                                                    "length(text) >= 20 ORDER BY id"));
    if (blocks.size() < 1000)
        return false;
    AnnotationRepository annotations(library);
    for (int k = 0; k < 1000; ++k) {
        const qint64 block = blocks.at(qsizetype(k) * blocks.size() / 1000);
        const Result<qint64> highlight = annotations.addHighlight(block, 2, 18, {tag->id});
        if (!highlight || (k % 10 == 0 && !annotations.addNote(0, *highlight, QStringLiteral("笔记 %1").arg(k))))
            return false;
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    int runs = 5;
    if (const qsizetype at = args.indexOf(QStringLiteral("--runs")); at >= 0 && at + 1 < args.size()) {
        runs = std::max(1, args.at(at + 1).toInt());
        args.remove(at, 2);
    }
    if (args.value(0) == QLatin1String("--listen") && args.size() == 3)
        return listen(args.at(1), args.at(2).toInt());
    int notices = 200;
    if (const qsizetype at = args.indexOf(QStringLiteral("--notices")); at >= 0 && at + 1 < args.size()) {
        notices = std::max(1, args.at(at + 1).toInt());
        args.remove(at, 2);
    }
    if (args.isEmpty()) {
        std::fprintf(stderr, "usage: bench_team DIR [--runs N] [--notices N] [TERM...]\n");
        return 2;
    }
    const QString dir = args.takeFirst();
    const QStringList terms = args.isEmpty() ? QStringList{QStringLiteral("永川"), QStringLiteral("会议"),
                                                           QStringLiteral("高质量发展"), QStringLiteral("会")}
                                             : args;
    const double megabytes = double(folderBytes(dir)) / 1e6;

    test::PgServer server;
    if (!server.isRunning()) {
        std::fprintf(stderr, "cannot start PostgreSQL: %s\n", qPrintable(server.error()));
        return 1;
    }
    const Result<QString> database = server.createDatabase(QStringLiteral("bench"));
    QTemporaryDir temporary;
    if (!database || !temporary.isValid()) {
        std::fprintf(stderr, "cannot make the libraries\n");
        return 1;
    }
    Library file;
    Library team;
    if (!file.open(temporary.filePath(QStringLiteral("bench.sqlite"))) || !team.open(server.url(*database))) {
        std::fprintf(stderr, "cannot open the libraries\n");
        return 1;
    }
    const qint64 backend = sql::scalar(team.database(), QStringLiteral("SELECT pg_backend_pid()")).toLongLong();

    std::printf("corpus %s: %.1f MB\n\n", qPrintable(dir), megabytes);
    std::printf("%-12s %10s %10s %10s %10s %14s %12s\n", "import", "wall s", "CPU s", "server s", "MB/s wall",
                "MB/CPU s (all)", "size MB");
    for (Library *library : {&file, &team}) {
        const bool onServer = library == &team;
        ImportReport report;
        const Cost cost = measure(onServer ? backend : 0, [&] { report = Importer(*library).importPaths({dir}); });
        const double size =
            onServer ? sql::scalar(team.database(), QStringLiteral("SELECT pg_database_size(current_database())"))
                               .toDouble() /
                           1e6
                     : double(QFileInfo(temporary.filePath(QStringLiteral("bench.sqlite"))).size() +
                              QFileInfo(temporary.filePath(QStringLiteral("bench.sqlite-wal"))).size()) /
                           1e6;
        std::printf("%-12s %10.1f %10.1f %10.1f %10.2f %14.2f %12.1f   (%lld imported, %lld failed)\n",
                    onServer ? "PostgreSQL" : "SQLite", cost.wallMs / 1e3, cost.cpuMs / 1e3, cost.serverMs / 1e3,
                    megabytes / (cost.wallMs / 1e3), megabytes / ((cost.cpuMs + cost.serverMs) / 1e3), size,
                    static_cast<long long>(report.imported.size()), static_cast<long long>(report.failed.size()));
        std::fflush(stdout);
    }

    std::printf("\n%-12s %10s %10s %10s %12s\n", "people", "wall s", "CPU s", "server s", "appearances");
    for (Library *library : {&file, &team}) {
        const bool onServer = library == &team;
        Result<qint64> articles = qint64(0);
        const Cost cost = measure(onServer ? backend : 0, [&] { articles = PeopleIndex(*library).update(); });
        std::printf("%-12s %10.1f %10.1f %10.1f %12lld   (%lld articles)\n", onServer ? "PostgreSQL" : "SQLite",
                    cost.wallMs / 1e3, cost.cpuMs / 1e3, cost.serverMs / 1e3,
                    sql::scalar(library->database(), QStringLiteral("SELECT count(*) FROM appearances")).toLongLong(),
                    static_cast<long long>(articles.valueOr(-1)));
        std::fflush(stdout);
    }

    std::printf("\n%-12s %-8s %10s %10s %10s %10s\n", "export", "step", "wall ms", "CPU ms", "server ms", "bytes");
    for (Library *library : {&file, &team}) {
        const bool onServer = library == &team;
        if (!annotate(*library)) {
            std::fprintf(stderr, "cannot make 1,000 highlights\n");
            return 1;
        }
        Result<ExportDocument> document = Error(QString());
        const Cost collect =
            measure(onServer ? backend : 0, [&] { document = ExcerptCollector(*library).collect({}); });
        std::printf("%-12s %-8s %10.1f %10.1f %10.1f %10lld excerpts\n", onServer ? "PostgreSQL" : "SQLite", "collect",
                    collect.wallMs, collect.cpuMs, collect.serverMs,
                    static_cast<long long>(document ? document->excerpts.size() : -1));
        for (const char *format : {"csv", "qdpx"}) {
            QBuffer buffer;
            buffer.open(QIODevice::WriteOnly);
            const auto writer = createExportWriter(QString::fromLatin1(format));
            const Cost written = measure(0, [&] {
                if (document && writer)
                    (void)writer->write(*document, {}, buffer);
            });
            std::printf("%-12s %-8s %10.1f %10.1f %10s %10lld\n", "", format, written.wallMs, written.cpuMs, "",
                        static_cast<long long>(buffer.size()));
        }
        std::fflush(stdout);
    }

    std::printf("\nmedians of %d runs, ms: wall / client CPU / server CPU\n", runs);
    std::printf("%-14s %-11s %9s %28s %28s\n", "term", "engine", "hits", "exact count", "first page (20)");
    for (const QString &term : terms) {
        for (Library *library : {&file, &team}) {
            const bool onServer = library == &team;
            SearchService search(*library);
            const SearchQuery query = QueryParser::parse(term);
            qint64 hits = 0;
            QList<Cost> counts;
            QList<Cost> pages;
            for (int r = 0; r < runs; ++r) {
                counts.append(measure(onServer ? backend : 0, [&] { hits = search.count(query).valueOr(-1); }));
                SearchOptions page;
                page.exactTotal = false;
                pages.append(measure(onServer ? backend : 0, [&] { search.search(query, page); }));
            }
            const Cost count = median(counts);
            const Cost first = median(pages);
            std::printf("%-14s %-11s %9lld %10.1f /%7.1f /%7.1f %10.1f /%7.1f /%7.1f\n", qPrintable(term),
                        onServer ? "PostgreSQL" : "SQLite", static_cast<long long>(hits), count.wallMs, count.cpuMs,
                        count.serverMs, first.wallMs, first.cpuMs, first.serverMs);
            std::fflush(stdout);
        }
    }

    // Notification latency: a note committed here, its notice received by another process.
    QProcess listener;
    listener.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    listener.start(QCoreApplication::applicationFilePath(),
                   {QStringLiteral("--listen"), server.url(*database), QString::number(notices)});
    if (!listener.waitForReadyRead(30000) || listener.readLine().trimmed() != "ready") {
        std::fprintf(stderr, "the listening process did not start\n");
        return 1;
    }
    const qint64 block = sql::scalar(team.database(), QStringLiteral("SELECT min(id) FROM blocks")).toLongLong();
    AnnotationRepository annotations(team);
    QList<qint64> starts;
    QList<qint64> commits;
    QList<double> writeMs;
    const double cpuBefore = processCpuMs();
    const double serverBefore = processCpuMs(backend);
    for (int k = 0; k < notices; ++k) {
        starts.append(realtimeNs());
        if (!annotations.addNote(block, 0, QStringLiteral("latency %1").arg(k))) {
            std::fprintf(stderr, "cannot add a note\n");
            return 1;
        }
        commits.append(realtimeNs());
        writeMs.append(double(commits.last() - starts.last()) / 1e6);
        listener.waitForReadyRead(20); // up to 20 ms apart: until the listener printed the notice's arrival
    }
    const double cpu = processCpuMs() - cpuBefore;
    const double serverCpu = processCpuMs(backend) - serverBefore;
    if (!listener.waitForFinished(60000) || listener.exitCode() != 0) {
        std::fprintf(stderr, "the listening process did not receive every notice\n");
        return 1;
    }
    QList<double> fromStart;
    QList<double> fromCommit;
    const QList<QByteArray> lines = listener.readAllStandardOutput().trimmed().split('\n');
    for (qsizetype k = 0; k < std::min<qsizetype>(lines.size(), notices); ++k) {
        const qint64 received = lines.at(k).toLongLong();
        fromStart.append(double(received - starts.at(k)) / 1e6);
        fromCommit.append(double(received - commits.at(k)) / 1e6);
    }
    std::printf("\nchange notices: %lld of %d notes received by another process (ms)\n",
                static_cast<long long>(lines.size()), notices);
    std::printf("%-36s %10s %10s %10s\n", "", "median", "p95", "max");
    std::printf("%-36s %10.2f %10.2f %10.2f\n", "write call (addNote, with its notice)", percentile(writeMs, 0.5),
                percentile(writeMs, 0.95), percentile(writeMs, 1.0));
    std::printf("%-36s %10.2f %10.2f %10.2f\n", "received − write call's start", percentile(fromStart, 0.5),
                percentile(fromStart, 0.95), percentile(fromStart, 1.0));
    std::printf("%-36s %10.2f %10.2f %10.2f\n", "received − COMMIT acknowledged", percentile(fromCommit, 0.5),
                percentile(fromCommit, 0.95), percentile(fromCommit, 1.0));
    std::printf("CPU of the %d writes: client %.1f ms, server backend %.1f ms\n", notices, cpu, serverCpu);
    team.close();
    return 0;
}
