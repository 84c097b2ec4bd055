// Backups of a library, in a folder beside it, `<library file>.backups/` (for ~/…/library.sqlite:
// ~/…/library.sqlite.backups/), named `<base>-<UTC yyyyMMddTHHmmssZ>-<reason><suffix>`.
//
// Two kinds:
// - a backup of what cannot be rebuilt (`.dubao-backup`, backupmanifest.h): the issues' original bytes and the
//   lists of their ids and uids as shared, compressed objects in the folder's `objects.sqlite` (each stored once
//   across backups), and the user's own tables. A restore parses and indexes the issues again
//   (core/ingest/backuprestorer.h). Made once a day of use when the library changed since the last one
//   (ensureDaily: the GUI on open, dubao-cli before commands that write), on demand (`dubao-cli backup`, File →
//   Back Up Now) and before a restore replaces the library (reason `before-restore`);
// - a copy of the whole library file (`.sqlite`, VACUUM INTO), made before a schema migration, in the old schema.
// A `.dubao-backup` can also carry its objects itself, to travel alone (makeSelfContained: `dubao-cli backup --to
// FILE`, File → Back Up to File…). Only the newest `keep` are kept (default 10; the GUI stores the number in
// QSettings); objects no kept backup needs are removed with the last backup that did.
//
// Every file is written under a name of its own process (`….partial-<pid>-<n>`) and renamed when complete; a
// start sweeps such files of processes that no longer run (sweep()).
#pragma once

#include "core/model/result.h"
#include "core/store/backupmanifest.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <atomic>
#include <functional>

namespace dubao {

class Library;

struct BackupInfo
{
    QString path;          ///< absolute path of the backup file
    QDateTime created;     ///< UTC, from the file name
    QString reason;        ///< e.g. "daily", "manual", "migration-v2", "before-restore"
    qint64 size = 0;       ///< bytes of the file (a `.dubao-backup` also needs the objects it names)
    bool fullCopy = false; ///< a copy of the library file (`.sqlite`), not a `.dubao-backup`
};

/// What make() did.
struct BackupMade
{
    QString path; ///< the new backup; empty when none was needed (nothing changed) or it was cancelled
    BackupWrite write;
    QStringList swept; ///< partial files of ended processes that were removed
};

class Backup final
{
public:
    static constexpr int kDefaultKeep = 10;

    /// `<libraryPath>.backups`
    static QString folderFor(const QString &libraryPath);

    /// The backups of a library, newest first (files following the naming scheme only).
    static QList<BackupInfo> list(const QString &libraryPath);

    struct Options
    {
        QString reason = QStringLiteral("manual");
        int keep = kDefaultKeep; ///< <= 0: keep all
        /// Make none when the library did not change since the newest backup (its change counters).
        bool onlyWhenChanged = false;
        const std::atomic_bool *cancel = nullptr; ///< stops within milliseconds; nothing is left behind
        backupmanifest::Progress progress;
    };
    /// Backs up the library file `libraryPath` (open or not) as a `.dubao-backup` and prunes to `keep`. Fails
    /// on an in-memory library. A failure (a full disk) leaves the library and the earlier backups as they were.
    static Result<BackupMade> make(const QString &libraryPath, const Options &options);

    /// Backs up the library file `libraryPath` (open or not) into the one file `file`, a `.dubao-backup` that holds
    /// its objects itself (self-contained: every issue's original bytes, compressed), to be copied or sent and
    /// restored where there is no backups folder. Written under a partial name beside `file` and renamed when
    /// complete; refuses an existing `file` unless `overwrite`. `options.keep` and `onlyWhenChanged` are not used.
    /// A failure or cancel leaves nothing behind (and `file`, if it existed, as it was).
    static Result<BackupMade> makeSelfContained(const QString &libraryPath, const QString &file, const Options &options,
                                                bool overwrite = false);

    /// make() for an open library; returns the new file's path.
    static Result<QString> create(Library &library, const QString &reason, int keep = kDefaultKeep);

    /// A copy of the whole library file on a bare connection to `libraryPath` (Library::open before migrating,
    /// when the Library object is not ready yet). Must not be inside a transaction.
    static Result<QString> createFrom(QSqlDatabase &db, const QString &libraryPath, const QString &reason,
                                      int keep = kDefaultKeep);

    /// Makes a "daily" backup unless one of any reason was made in the last 24 hours, or the library did not
    /// change since the newest backup, or holds nothing yet (no issues, tags or notebooks), or is read-only or in
    /// memory. Returns the new file's path, or an empty string when none was needed (or it was cancelled).
    static Result<QString> ensureDaily(Library &library, int keep = kDefaultKeep,
                                       const std::atomic_bool *cancel = nullptr);

    /// Removes the partial files (`….partial-<pid>-<n>` and their journals) that processes no longer running
    /// left in the library's backups folder, and `<library>.restoring-<pid>`s beside it. Returns their paths.
    static QStringList sweep(const QString &libraryPath);

    /// Removes the lock file `lockPath` when it is empty and no process holds its native lock: a process was
    /// killed between QLockFile creating it and writing its process id into it. QLockFile cannot tell whose such a
    /// file is, so it never takes it over with a stale time of 0 (the library's lock) and only after 30 s otherwise
    /// (the backups folder's). True when one was removed. Call it before QLockFile::tryLock().
    static bool removeAbandonedLock(const QString &lockPath);

    /// Checks that `file` is a usable backup. A copy of a library: SQLite, integrity_check ok, Dubao's
    /// application_id, 1 <= user_version <= current schema. A `.dubao-backup`: its own integrity, its format,
    /// and every object it names present. Opens everything read-only; never changes it.
    static Result<void> verify(const QString &file);

    /// Whether `file` is a `.dubao-backup` (by its tables, not its name); false for a copy of a library.
    static bool isManifest(const QString &file);

    /// The objects file a `.dubao-backup` reads: its own (made to travel alone) or the folder's objects.sqlite.
    static QString objectsFileOf(const QString &manifest);

    /// Before a restore: keeps what the library at `libraryPath` holds as a backup with reason
    /// "before-restore" (a copy of its bytes when it is too damaged to read). Empty when there is no library.
    static Result<QString> keepBeforeRestore(const QString &libraryPath, int keep = kDefaultKeep);

    /// Replaces the library at `libraryPath` (which nobody may have open) with the library copy `file` after
    /// verify() and keepBeforeRestore(), whose path it returns. The library's -wal/-shm are removed and the new
    /// file is renamed into place atomically. On failure the library is unchanged. (A `.dubao-backup` is
    /// restored by BackupRestorer, core/ingest, which rebuilds the library.)
    static Result<QString> restore(const QString &file, const QString &libraryPath, int keep = kDefaultKeep);

    /// Puts the finished library `built` in the place of `libraryPath`: removes the old -wal/-shm, renames.
    static Result<void> replaceLibrary(const QString &built, const QString &libraryPath);

    /// "library-20261122T045500Z-daily.dubao-backup" for the library "…/library.sqlite" (`.sqlite` for a copy).
    static QString fileNameFor(const QString &libraryPath, const QDateTime &utc, const QString &reason,
                               bool fullCopy = false);
};

} // namespace dubao
