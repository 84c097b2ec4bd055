// bench_import: import throughput into an on-disk library, or a team library on PostgreSQL (issue 13).
//
//   bench_import DIR [--library FILE|postgresql://USER@HOST:PORT/DB]
//
// Imports DIR into a fresh library in a temporary folder (or into FILE), then imports DIR again, when every
// file is already present. Prints files, MB, seconds, MB/s and the library's size. MB = 1,000,000 bytes.

#include "core/ingest/importer.h"
#include "core/store/library.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

namespace {

qint64 fileSize(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() ? info.size() : 0;
}

struct Pass
{
    dubao::ImportReport report;
    double seconds = 0;
};

Pass importOnce(dubao::Library &library, const QString &dir)
{
    dubao::Importer importer(library);
    QElapsedTimer timer;
    timer.start();
    Pass pass;
    pass.report = importer.importPaths({dir});
    pass.seconds = double(timer.nsecsElapsed()) / 1e9;
    return pass;
}

void printPass(const char *name, const Pass &pass, qint64 bytes)
{
    const dubao::ImportReport &report = pass.report;
    std::printf("%-16s %6lld imported %6lld present %4lld failed  %8.1f MB  %8.2f s  %8.1f MB/s\n", name,
                static_cast<long long>(report.imported.size()), static_cast<long long>(report.alreadyPresent.size()),
                static_cast<long long>(report.failed.size()), double(bytes) / 1e6, pass.seconds,
                double(bytes) / 1e6 / std::max(pass.seconds, 1e-9));
    for (qsizetype i = 0; i < std::min<qsizetype>(report.failed.size(), 5); ++i) {
        std::fprintf(stderr, "  failed: %s: %s\n", qPrintable(report.failed.at(i).path),
                     qPrintable(report.failed.at(i).reason));
    }
}

} // namespace

int main(int argc, char **argv)
{
    // QSqlDatabase loads its driver as a plugin, which needs an application object.
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bench_import"));

    QString dir;
    QString libraryPath;
    const QStringList args = QCoreApplication::arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args.at(i) == QStringLiteral("--library") && i + 1 < args.size()) {
            libraryPath = args.at(++i);
        } else if (!args.at(i).startsWith(QLatin1Char('-')) && dir.isEmpty()) {
            dir = args.at(i);
        } else {
            dir.clear();
            break;
        }
    }
    if (dir.isEmpty()) {
        std::fprintf(stderr, "usage: bench_import DIR [--library FILE]\n");
        return 2;
    }

    QTemporaryDir temporary;
    if (libraryPath.isEmpty()) {
        if (!temporary.isValid()) {
            std::fprintf(stderr, "bench_import: cannot create a temporary folder: %s\n",
                         qPrintable(temporary.errorString()));
            return 1;
        }
        libraryPath = temporary.filePath(QStringLiteral("library.sqlite"));
    } else if (QFileInfo::exists(libraryPath)) {
        std::printf("bench_import: note: %s exists; its content counts as already present\n", qPrintable(libraryPath));
    }

    QList<dubao::ImportReport::Failure> unreadable;
    const QStringList files = dubao::Importer::expandPaths({dir}, &unreadable);
    qint64 bytes = 0;
    for (const QString &file : files)
        bytes += fileSize(file);

    dubao::Library library;
    if (const dubao::Result<void> opened = library.open(libraryPath); !opened) {
        std::fprintf(stderr, "bench_import: %s\n", qPrintable(opened.error().message()));
        return 1;
    }

    std::printf("bench_import: %lld files, %.1f MB from %s into %s\n", static_cast<long long>(files.size()),
                double(bytes) / 1e6, qPrintable(dir), qPrintable(libraryPath));
    const Pass first = importOnce(library, dir);
    printPass("first import", first, bytes);
    qint64 librarySize = fileSize(libraryPath);
    const qint64 walSize = fileSize(libraryPath + QStringLiteral("-wal"));
    if (library.isTeamLibrary()) {
        QSqlQuery size(library.database());
        if (size.exec(QStringLiteral("SELECT pg_database_size(current_database())")) && size.next())
            librarySize = size.value(0).toLongLong();
    }
    std::printf("library size     %.1f MB (+ %.1f MB write-ahead log), %.2f x the input\n", double(librarySize) / 1e6,
                double(walSize) / 1e6, bytes > 0 ? double(librarySize + walSize) / double(bytes) : 0.0);

    const Pass second = importOnce(library, dir);
    printPass("second import", second, bytes);

    const bool ok = first.report.allOk() && second.report.allOk() && unreadable.isEmpty();
    return ok ? 0 : 1;
}
