// bench_backup: backups and restore of a large library (issue 21; numbers in docs/schema.md, "Backup numbers").
//
//   bench_backup LIBRARY
//
// LIBRARY is changed (migrated, annotated, backed up): give it a copy. Runs, one after the other:
//   0. open (a library of an older schema is migrated, after its copy of the whole file);
//   8. (--steps 8,…) annotate first, up to 10,000 highlights, 2,000 notes and 20,000 paragraph taggings (a reader's
//      years of work: every backup copies it, and a day's backup must not copy it again);
//   1. the first backup: seconds, bytes written, the backup's size (objects.sqlite + the .dubao-backup file);
//   2. nothing changed: the daily backup again (nothing may be written);
//   3. 20 new highlights, then the next day's backup: seconds, size of what it added (the new chunks of the user's
//      tables and the .dubao-backup file), bytes written;
//   3b. (--steps 7) a self-contained backup to send (`backup --to FILE`): seconds, its size;
//   4. quit during a backup: a first backup into a fresh folder, cancelled after 3 s — seconds until it returned;
//   5. restore (rebuild) into a new file beside LIBRARY: seconds, issues/s;
//   6. check (quick, twice: cold then warm cache) and check --full: seconds.
// Also: imported text (sum of source_files.size) and the ratio of the first backup to it, peak RSS, written bytes
// (/proc/self/io write_bytes), CPU seconds (user + system, getrusage) and the load average (/proc/loadavg) beside
// each step's elapsed seconds, which a loaded machine inflates. MB = 1,000,000 bytes.
//
//   bench_backup LIBRARY --steps 5,6   only those steps (1 is made anyway when a later step needs a backup)

#include "core/ingest/backuprestorer.h"
#include "core/ingest/librarycheck.h"
#include "core/store/annotationrepository.h"
#include "core/store/backup.h"
#include "core/store/backupobjects.h"
#include "core/store/library.h"
#include "core/store/sql.h"
#include "core/store/tagrepository.h"
#include "tests/support/procstats.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSet>

#include <cstdio>
#include <sys/resource.h>
#include <thread>

using namespace dubao;
using test::peakRssKb;
using test::writtenBytes;

namespace {

double mb(qint64 bytes)
{
    return double(bytes) / 1e6;
}

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll().split(' ').front()) : QStringLiteral("?");
}

double s_cpuAtStart = 0;

/// Starts a step: its CPU time is counted from here.
void begin()
{
    s_cpuAtStart = cpuSeconds();
}

void line(const char *what, double seconds, qint64 written, const QString &more = {})
{
    std::printf("%-34s %8.2f s  CPU %7.2f s  load %5s  written %9.1f MB  peak RSS %6lld MB  %s\n", what, seconds,
                cpuSeconds() - s_cpuAtStart, qPrintable(loadAverage()), mb(written), peakRssKb() / 1000,
                qPrintable(more));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: bench_backup LIBRARY [--steps 1,2,...] (a copy: it is changed)\n");
        return 2;
    }
    const QString path = QFileInfo(QString::fromLocal8Bit(argv[1])).absoluteFilePath();
    QSet<int> steps{1, 2, 3, 4, 5, 6, 7}; // 8 (annotate) only when asked
    if (argc >= 4 && QByteArray(argv[2]) == "--steps") {
        steps.clear();
        for (const QByteArray &n : QByteArray(argv[3]).split(','))
            steps.insert(n.toInt());
    }
    QElapsedTimer timer;
    qint64 written = writtenBytes();
    begin();
    timer.start();
    Library library;
    if (const Result<void> opened = library.open(path); !opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message()));
        return 1;
    }
    line("0. open (and migrate)", timer.elapsed() / 1000.0, writtenBytes() - written);
    const qint64 text =
        sql::scalar(library.database(), QStringLiteral("SELECT sum(size) FROM source_files")).toLongLong();
    const qint64 issues = sql::scalar(library.database(), QStringLiteral("SELECT count(*) FROM issues")).toLongLong();
    std::printf("library: %lld issues, %.1f MB of imported text, file %.1f MB\n", issues, mb(text),
                mb(QFileInfo(path).size()));
    const QString objectsFile = BackupObjects::fileIn(Backup::folderFor(path));

    // 8. Many annotations, as years of reading leave them.
    if (steps.contains(8)) {
        written = writtenBytes();
        begin();
        timer.restart();
        QSqlDatabase db = library.database();
        auto count = [&](const char *table) {
            return sql::scalar(db, QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table))).toLongLong();
        };
        TagRepository tags(library);
        AnnotationRepository annotations(library);
        QList<qint64> tagIds;
        for (int k = 0; k < 40; ++k)
            if (const Result<Tag> tag = tags.create(QStringLiteral("主题%1").arg(k)))
                tagIds.append(tag->id);
        const qint64 maxBlock = sql::scalar(db, QStringLiteral("SELECT max(id) FROM blocks")).toLongLong();
        QRandomGenerator random(21);
        sql::WriteScope batch(db);
        for (int tries = 0; count("highlights") < 10000 && tries < 100000; ++tries) {
            const qint64 block = 1 + qint64(random.bounded(quint64(maxBlock)));
            const int start = int(random.bounded(4));
            const Result<qint64> id = annotations.addHighlight(
                block, start, start + 4 + int(random.bounded(12)),
                tries % 3 == 0 ? QList<qint64>{tagIds.at(tries % tagIds.size())} : QList<qint64>{});
            if (id && count("notes") < 2000 && tries % 5 == 0)
                (void)annotations.addNote(
                    block, *id, QStringLiteral("第%1条批注：这篇报道和前几天的那篇说法不同，要再核对。").arg(tries));
        }
        for (int tries = 0; count("block_tags") < 20000 && tries < 200000; ++tries)
            (void)tags.addTagging(TagTarget::Block, tagIds.at(tries % tagIds.size()),
                                  1 + qint64(random.bounded(quint64(maxBlock))));
        if (Result<void> committed = batch.commit(); !committed) {
            std::fprintf(stderr, "%s\n", qPrintable(committed.error().message()));
            return 1;
        }
        line("8. annotate", timer.elapsed() / 1000.0, writtenBytes() - written,
             QStringLiteral("%1 highlights, %2 notes, %3 paragraph taggings, %4 highlight taggings")
                 .arg(count("highlights"))
                 .arg(count("notes"))
                 .arg(count("block_tags"))
                 .arg(count("highlight_tags")));
    }
    auto newestBackup = [&] {
        for (const BackupInfo &b : Backup::list(path))
            if (!b.fullCopy)
                return b.path;
        return QString();
    };

    // 1. The first backup.
    Backup::Options options;
    options.reason = QStringLiteral("daily");
    if (steps.contains(1) ||
        (newestBackup().isEmpty() && (steps.contains(2) || steps.contains(3) || steps.contains(5)))) {
        written = writtenBytes();
        begin();
        timer.restart();
        const Result<BackupMade> first = Backup::make(path, options);
        if (!first) {
            std::fprintf(stderr, "%s\n", qPrintable(first.error().message()));
            return 1;
        }
        const qint64 firstSize = QFileInfo(objectsFile).size() + QFileInfo(first->path).size();
        line("1. first backup", timer.elapsed() / 1000.0, writtenBytes() - written,
             QStringLiteral("size %1 MB = %2 x the imported text (target <= 0.5)")
                 .arg(mb(firstSize), 0, 'f', 1)
                 .arg(double(firstSize) / double(qMax<qint64>(text, 1)), 0, 'f', 3));
    }

    // 2. Nothing changed.
    options.onlyWhenChanged = true;
    if (steps.contains(2)) {
        written = writtenBytes();
        begin();
        timer.restart();
        const Result<BackupMade> none = Backup::make(path, options);
        line("2. nothing changed", timer.elapsed() / 1000.0, writtenBytes() - written,
             none && none->path.isEmpty() ? QStringLiteral("no backup made") : QStringLiteral("A BACKUP WAS MADE"));
    }

    // 3. 20 highlights, then the next day's backup.
    if (steps.contains(3)) {
        AnnotationRepository annotations(library);
        const qint64 maxBlock =
            sql::scalar(library.database(), QStringLiteral("SELECT max(id) FROM blocks")).toLongLong();
        int added = 0;
        for (int k = 0; added < 20 && k < 1000; ++k) {
            const qint64 block = 1 + qint64(QRandomGenerator::global()->bounded(quint64(maxBlock)));
            added += annotations.addHighlight(block, 0, 2, {}).ok() ? 1 : 0;
        }
        const qint64 objectsBefore = QFileInfo(objectsFile).size();
        written = writtenBytes();
        begin();
        timer.restart();
        const Result<BackupMade> next = Backup::make(path, options);
        if (!next || next->path.isEmpty()) {
            std::fprintf(stderr, "no next backup: %s\n", next ? "nothing made" : qPrintable(next.error().message()));
            return 1;
        }
        line("3. next day, 20 highlights", timer.elapsed() / 1000.0, writtenBytes() - written,
             QStringLiteral("added %1 KB (file %2 KB, %3 new objects of %4 KB, objects.sqlite +%5 KB; target <= 1 MB)")
                 .arg((QFileInfo(next->path).size() + next->write.newObjectBytes) / 1000)
                 .arg(QFileInfo(next->path).size() / 1000)
                 .arg(next->write.newObjects)
                 .arg(next->write.newObjectBytes / 1000)
                 .arg((QFileInfo(objectsFile).size() - objectsBefore) / 1000));
    }

    // 3b. A self-contained backup to send: one file with every object.
    if (steps.contains(7)) {
        const QString sent = path + QStringLiteral("-sent.dubao-backup");
        QFile::remove(sent);
        written = writtenBytes();
        begin();
        timer.restart();
        const Result<BackupMade> made = Backup::makeSelfContained(path, sent, {});
        line("3b. self-contained, to send", timer.elapsed() / 1000.0, writtenBytes() - written,
             made ? QStringLiteral("size %1 MB = %2 x the imported text")
                        .arg(mb(QFileInfo(sent).size()), 0, 'f', 1)
                        .arg(double(QFileInfo(sent).size()) / double(qMax<qint64>(text, 1)), 0, 'f', 3)
                  : made.error().message());
        QFile::remove(sent);
    }

    // 4. Quit while a backup runs: a first backup of the same library into another folder, cancelled.
    if (steps.contains(4)) {
        const QString other = path + QStringLiteral("-quit.sqlite");
        QFile::remove(other);
        QFile::link(path, other);
        std::atomic_bool cancel{false};
        Backup::Options quitting;
        quitting.cancel = &cancel;
        QElapsedTimer stop;
        std::thread worker([&] { (void)Backup::make(other, quitting); });
        std::this_thread::sleep_for(std::chrono::seconds(3));
        begin();
        stop.start();
        cancel = true;
        worker.join();
        line("4. quit during a backup", stop.elapsed() / 1000.0, 0,
             QStringLiteral("target <= 1 s; folder left: %1 files")
                 .arg(QDir(Backup::folderFor(other)).entryList(QDir::Files | QDir::Hidden).size()));
        QDir(Backup::folderFor(other)).removeRecursively();
        QFile::remove(other);
    }

    // 5. Restore.
    if (steps.contains(5)) {
        const QString restored = path + QStringLiteral("-restored.sqlite");
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(restored + QLatin1String(suffix));
        written = writtenBytes();
        begin();
        timer.restart();
        const Result<RestoreReport> rebuilt = BackupRestorer::rebuild(newestBackup(), restored);
        const double restoreSeconds = timer.elapsed() / 1000.0;
        line("5. restore (rebuild)", restoreSeconds, writtenBytes() - written,
             rebuilt ? QStringLiteral("%1 issues, %2 issues/s, %3 MB/s of text; restored file %4 MB")
                           .arg(rebuilt->issues)
                           .arg(double(rebuilt->issues) / restoreSeconds, 0, 'f', 0)
                           .arg(mb(text) / restoreSeconds, 0, 'f', 1)
                           .arg(mb(QFileInfo(restored).size()), 0, 'f', 1)
                     : rebuilt.error().message());
        if (rebuilt) {
            // The user's work came back (restored from the backup's chunks), against the library's.
            Library back;
            if (back.open(restored)) {
                QStringList same;
                for (const char *table : {"highlights", "notes", "block_tags", "highlight_tags", "tags"}) {
                    const QString count = QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table));
                    const qint64 there = sql::scalar(back.database(), count).toLongLong();
                    same << QStringLiteral("%1 %2 %3")
                                .arg(QLatin1String(table))
                                .arg(there)
                                .arg(there == sql::scalar(library.database(), count).toLongLong()
                                         ? QStringLiteral("(same)")
                                         : QStringLiteral("(DIFFERENT)"));
                }
                std::printf("   restored: %s\n", qPrintable(same.join(QStringLiteral(", "))));
            }
        }
        for (const char *suffix : {"", "-wal", "-shm"})
            QFile::remove(restored + QLatin1String(suffix));
    }

    // 6. check and check --full.
    if (steps.contains(6)) {
        for (const bool full : {false, false, true}) {
            begin();
            timer.restart();
            const CheckReport report = LibraryCheck::check(library, nullptr, full);
            line(full ? "6. check --full" : "6. check", timer.elapsed() / 1000.0, 0,
                 report.healthy() ? QStringLiteral("healthy")
                                  : QStringLiteral("%1 problems").arg(report.problems.size()));
        }
    }
    return 0;
}
