// Text reuse on a team library against a file (issues 13 and 22): imports DIR's issue files into a new SQLite file and
// into a new team library on a PostgreSQL test server it starts (tests/support/pgserver.h), builds the reuse index on
// both (ReuseIndex::rebuild(), the full computation), then imports EXTRA more files into both (the incremental update),
// and prints wall and CPU seconds — this process's and, on PostgreSQL, the server backend's (/proc/PID/stat) — with
// the pairs and clusters, which must be the same on both engines.
//
//   bench_reuse_team DIR [--extra N] [--serve]     (DIR: e.g. make_corpus OUT --mb 100)
//   --serve: then keeps the server running, with a reader rita, until standard input closes (to look with the app)
#include "core/ingest/importer.h"
#include "core/reuse/reuseindex.h"
#include "core/store/dialect.h"
#include "core/store/library.h"
#include "core/store/sql.h"
#include "core/store/teamroles.h"
#include "tests/support/pgserver.h"
#include "tests/support/procstats.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <cstdio>
#include <ctime>
#include <functional>
#include <unistd.h>

using namespace dubao;
using test::processCpuMs;

namespace {

struct Cost
{
    double wallMs = 0, cpuMs = 0, serverMs = 0;
};

Cost measure(Library &library, const std::function<bool()> &work)
{
    const qint64 backend = dialect::backendPid(library.database());
    const double cpu = processCpuMs(), server = processCpuMs(backend);
    QElapsedTimer timer;
    timer.start();
    if (!work()) {
        std::fprintf(stderr, "failed\n");
        std::exit(1);
    }
    return {double(timer.nsecsElapsed()) / 1e6, processCpuMs() - cpu, processCpuMs(backend) - server};
}

void print(const char *step, const char *engine, const Cost &cost, const QString &what)
{
    std::printf("%-22s %-10s %9.1f %9.1f %9.1f  %s\n", step, engine, cost.wallMs / 1e3, cost.cpuMs / 1e3,
                cost.serverMs / 1e3, qPrintable(what));
    std::fflush(stdout);
}

QString summary(Library &library)
{
    ReuseIndex index(library);
    const Result<QList<ReusePair>> pairs = index.pairs(1);
    if (!pairs)
        return pairs.error().message();
    int boilerplate = 0;
    for (const ReusePair &p : *pairs)
        boilerplate += p.boilerplate ? 1 : 0;
    return QStringLiteral("%1 pairs (%2 boilerplate), %3 clusters, %4 fingerprint rows")
        .arg(pairs->size())
        .arg(boilerplate)
        .arg(index.clusters(*pairs).size())
        .arg(sql::scalar(library.database(), QStringLiteral("SELECT count(*) FROM reuse_fingerprints")).toLongLong());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.isEmpty()) {
        std::fprintf(stderr, "usage: bench_reuse_team DIR [--extra N]\n");
        return 2;
    }
    const int extra = args.indexOf(QStringLiteral("--extra")) >= 0
                          ? args.value(args.indexOf(QStringLiteral("--extra")) + 1).toInt()
                          : 60;
    QStringList files;
    for (QDirIterator it(args.front(), {QStringLiteral("*.txt")}, QDir::Files, QDirIterator::Subdirectories);
         it.hasNext();)
        files.append(it.next());
    files.sort();
    const QStringList later = files.mid(files.size() - extra), first = files.mid(0, files.size() - extra);

    test::PgServer server;
    if (!server.isRunning()) {
        std::fprintf(stderr, "cannot start PostgreSQL: %s\n", qPrintable(server.error()));
        return 1;
    }
    const Result<QString> database = server.createDatabase(QStringLiteral("bench"));
    QTemporaryDir temporary;
    Library file, team;
    if (!database || !file.open(temporary.filePath(QStringLiteral("bench.sqlite"))) ||
        !team.open(server.url(*database))) {
        std::fprintf(stderr, "cannot open the libraries\n");
        return 1;
    }
    std::printf("%d + %d files; %-22s %-10s %9s %9s %9s\n", int(first.size()), int(later.size()), "step", "engine",
                "wall s", "CPU s", "server s");
    QStringList results[2];
    int k = 0;
    for (Library *library : {&file, &team}) {
        const char *engine = library == &team ? "PostgreSQL" : "SQLite";
        // Each cost is measured before its line is printed: the summary reads what the step made.
        Cost cost = measure(*library, [&] { return Importer(*library).importPaths(first).allOk(); });
        print("import", engine, cost,
              QStringLiteral("%1 articles")
                  .arg(sql::scalar(library->database(), QStringLiteral("SELECT count(*) FROM articles")).toLongLong()));
        cost = measure(*library, [&] { return bool(ReuseIndex(*library).rebuild()); });
        print("reuse rebuild", engine, cost, summary(*library));
        cost = measure(*library, [&] { return Importer(*library).importPaths(later).allOk(); });
        print("import more", engine, cost, {});
        cost = measure(*library, [&] { return bool(ReuseIndex(*library).update()); });
        print("reuse update", engine, cost, summary(*library));
        results[k++] = {summary(*library)};
    }
    std::printf("same pairs and clusters on both engines: %s\n", results[0] == results[1] ? "yes" : "NO");
    if (args.contains(QStringLiteral("--serve"))) {
        // Keeps the server for a look with the app: a reader, rita (password rita-pw), beside the owner.
        QStringList done;
        if (!team::init(team, &done) ||
            !team::addUser(team, QStringLiteral("rita"), team::Role::Reader, QStringLiteral("rita-pw"))) {
            std::fprintf(stderr, "cannot add the reader\n");
            return 1;
        }
        std::printf("serving: %s (owner), %s (reader, password rita-pw); close standard input to stop\n",
                    qPrintable(server.url(*database)), qPrintable(server.url(*database, QStringLiteral("rita"))));
        std::fflush(stdout);
        while (std::getchar() != EOF) {
        }
    }
    return results[0] == results[1] ? 0 : 1;
}
