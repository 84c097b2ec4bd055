// Backups of the library file: SQLite online copies (VACUUM INTO on the open connection) kept in a folder
// beside the library, `<library file>.backups/` (for ~/…/library.sqlite: ~/…/library.sqlite.backups/), named
// `<base>-<UTC yyyyMMddTHHmmssZ>-<reason>.sqlite`, e.g. `library-20261122T045500Z-migration-v2.sqlite`.
// Only the newest `keep` files are kept (default 10; the GUI stores the number in QSettings).
// Taken before every schema migration (Library::open), once a day of use (ensureDaily: the GUI on open,
// dubao-cli before commands that write), on demand (`dubao-cli backup`, File → Back Up Now) and before a
// restore replaces the library (reason `before-restore`).
#pragma once

#include "core/model/result.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace dubao {

class Library;

struct BackupInfo
{
    QString path;      ///< absolute path of the backup file
    QDateTime created; ///< UTC, from the file name
    QString reason;    ///< e.g. "daily", "manual", "migration-v2", "before-restore"
    qint64 size = 0;   ///< bytes
};

class Backup final
{
public:
    static constexpr int kDefaultKeep = 10;

    /// `<libraryPath>.backups`
    static QString folderFor(const QString &libraryPath);

    /// The backups of a library, newest first (files following the naming scheme only).
    static QList<BackupInfo> list(const QString &libraryPath);

    /// Copies the open library into a new backup file and prunes to `keep` files (keep <= 0: keep all).
    /// Returns the new file's path. Fails on an in-memory library.
    static Result<QString> create(Library &library, const QString &reason, int keep = kDefaultKeep);

    /// The same on a bare connection to `libraryPath` (used by Library::open before migrating, when the
    /// Library object is not ready yet). Must not be inside a transaction.
    static Result<QString> createFrom(QSqlDatabase &db, const QString &libraryPath, const QString &reason,
                                      int keep = kDefaultKeep);

    /// Makes a "daily" backup unless one of any reason was made in the last 24 hours, or the library holds
    /// nothing yet (no issues, tags or notebooks), or it is read-only or in memory. Returns the new file's path,
    /// or an empty string when none was needed.
    static Result<QString> ensureDaily(Library &library, int keep = kDefaultKeep);

    /// Checks that `file` is a usable Dubao library: SQLite, integrity_check ok, Dubao's application_id,
    /// 1 <= user_version <= current schema. Opens it read-only; never changes it.
    static Result<void> verify(const QString &file);

    /// Replaces the library at `libraryPath` (which nobody may have open) with the backup `file` after
    /// verify(). First keeps a copy of the current library as a backup with reason "before-restore" and
    /// returns its path (empty when there was no library to keep). The library's -wal/-shm are removed and the
    /// new file is renamed into place atomically. On failure the library is unchanged.
    static Result<QString> restore(const QString &file, const QString &libraryPath, int keep = kDefaultKeep);

    /// "library-20261122T045500Z-daily.sqlite" for the library "…/library.sqlite".
    static QString fileNameFor(const QString &libraryPath, const QDateTime &utc, const QString &reason);
};

} // namespace dubao
