// bench_startup: the fixed cost of a short command — what dubao-cli does before its query — measured inside fresh
// processes, step by step (everything after the dynamic linker, which the process's own clock cannot see).
//
//   bench_startup LIBRARY [QUERY] [--runs N]
//
// Runs itself N times (default 15) as a new process; each run times, from the start of main(): registering the
// search schema, the QCoreApplication, opening the library (schema checks, pragmas, the tokenizer), the index
// check dubao-cli search makes, and then the search itself (first page of 20). Prints the medians in ms.

#include "core/search/searchindex.h"
#include "core/search/searchschema.h"
#include "core/search/searchservice.h"
#include "core/store/library.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QStringList>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <vector>

using namespace dubao;

namespace {

int once(int argc, char *argv[], const QString &query)
{
    QElapsedTimer timer;
    timer.start();
    std::vector<double> marks;
    auto mark = [&] {
        marks.push_back(double(timer.nsecsElapsed()) / 1e6);
    };
    registerSearchSchema();
    mark();
    QCoreApplication app(argc, argv);
    mark();
    Library library;
    if (!library.open(QString::fromLocal8Bit(argv[1]))) {
        std::fprintf(stderr, "bench_startup: cannot open %s\n", argv[1]);
        return 1;
    }
    mark();
    if (SearchIndex::needsRebuild(library)) {
        std::fprintf(stderr, "bench_startup: the index needs a rebuild\n");
        return 1;
    }
    mark();
    const SearchResult result = SearchService(library).search(query);
    mark();
    for (const double ms : marks)
        std::printf("%.3f ", ms);
    std::printf("%lld\n", static_cast<long long>(result.total));
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc >= 4 && std::strcmp(argv[argc - 1], "--once") == 0)
        return once(argc, argv, QString::fromLocal8Bit(argv[2]));
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_startup LIBRARY [QUERY] [--runs N]\n");
        return 2;
    }
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString query = args.size() > 2 && !args[2].startsWith(u'-') ? args[2] : QStringLiteral("永川");
    const qsizetype runsAt = args.indexOf(QStringLiteral("--runs"));
    const int runs = runsAt > 0 && runsAt + 1 < args.size() ? args[runsAt + 1].toInt() : 15;

    const int steps = 5;
    std::vector<std::vector<double>> ms(steps);
    QString total;
    for (int k = 0; k < runs; ++k) {
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(), {args[1], query, QStringLiteral("--once")});
        if (!child.waitForFinished(60000) || child.exitCode() != 0) {
            std::fprintf(stderr, "bench_startup: a run failed: %s\n", child.readAllStandardError().constData());
            return 1;
        }
        const QStringList fields = QString::fromLatin1(child.readAllStandardOutput()).split(u' ');
        for (int s = 0; s < steps && s < fields.size(); ++s)
            ms[size_t(s)].push_back(fields[s].toDouble());
        total = fields.value(steps).trimmed();
    }
    const char *names[steps] = {"search schema registered", "QCoreApplication", "library open",
                                "index checked (the query starts)", "search done (20 hits with snippets)"};
    std::printf("bench_startup %s, query %s (%s hits), median of %d fresh processes, ms from main():\n",
                qPrintable(args[1]), qPrintable(query), qPrintable(total), runs);
    for (int s = 0; s < steps; ++s) {
        std::vector<double> v = ms[size_t(s)];
        std::sort(v.begin(), v.end());
        std::printf("  %-40s %8.2f\n", names[s], v[v.size() / 2]);
    }
    return 0;
}
