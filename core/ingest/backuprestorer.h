// Restoring a library from a backup. A `.dubao-backup` (core/store/backupmanifest.h) is rebuilt: every issue's
// original bytes are parsed again and stored with the ids and uids they had, the search index is built as an
// import builds it, and the user's own tables are copied back, so links, annotations and exports find what they
// named. A copy of a library file (`.sqlite`, made before a migration) is put back as it is (Backup::restore).
// The new library is built beside the old one (`<library>.restoring-<pid>`) and renamed into place only when
// complete, after a backup of what it replaces: a failure, a cancel or a kill leaves the library as it was.
#pragma once

#include "core/model/result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace dubao {

class Library;

struct RestoreOptions
{
    int keep = 10; ///< backups kept (Backup::kDefaultKeep) when the replaced library is backed up
    const std::atomic_bool *cancel = nullptr;
    /// Issues stored of all; on the caller's thread.
    std::function<void(qint64 done, qint64 total)> progress;
    /// restoreIntoTeam(): then the rows copied to the server of all; on the caller's thread.
    std::function<void(qint64 done, qint64 total)> rowProgress;
};

struct RestoreReport
{
    QString keptCopy;     ///< the backup of the library that was replaced (empty when there was none)
    qint64 issues = 0;    ///< issues restored
    qint64 newShapes = 0; ///< issues whose parse is no longer what it was (a newer parser): new paragraph ids
    qint64 orphaned = 0;  ///< annotations that became orphans because of that
    QStringList warnings;
    bool cancelled = false; ///< nothing was changed
};

class BackupRestorer final
{
    Q_DECLARE_TR_FUNCTIONS(dubao::BackupRestorer)

public:
    /// Verifies `backup`, rebuilds the library from it and replaces the one at `libraryPath` (which nobody may
    /// have open) with it.
    static Result<RestoreReport> restore(const QString &backup, const QString &libraryPath,
                                         const RestoreOptions &options = {});

    /// Restores `backup` into the team library `team` (open, on the caller's thread), which must hold no row of
    /// the store's tables (refused otherwise, counting them): the backup is rebuilt into a library file in a
    /// temporary folder, as restore() rebuilds it, then its rows are copied to the server in one transaction
    /// (librarycopy::copyRows; the team's search index is written in it). A failure or a cancel leaves the team
    /// library empty, as it was. The rows keep who made them only when the user owns the library's tables.
    static Result<RestoreReport> restoreIntoTeam(const QString &backup, Library &team,
                                                 const RestoreOptions &options = {});

    /// Builds a new library file `target` (which must not exist) from the `.dubao-backup` `backup`. On failure or
    /// cancel `target` is removed.
    static Result<RestoreReport> rebuild(const QString &backup, const QString &target,
                                         const RestoreOptions &options = {});
};

} // namespace dubao
