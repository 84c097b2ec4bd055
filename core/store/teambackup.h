// A team library's backup (issue 13): what cannot be rebuilt (librarycopy's store rows: source bytes, issue edits,
// ids, uids, lineage, the users' work) copied from the server into a library file in a temporary folder beside the
// backup, and that file written as one self-contained `.dubao-backup` (Backup::makeSelfContained), which a restore
// reads like any other: into a new library file, or into an empty team library
// (BackupRestorer::restoreIntoTeam). `dubao-cli backup --to FILE` and File → Back Up Team Library… call it.
//
// On a team library with row-level security the server shows each user only the notebooks shared with them, and only
// the library's owner may write rows under their makers' names: backUp() and BackupRestorer::restoreIntoTeam refuse
// anyone else (ownerOnly()), and the app greys its menu entries with the same sentence.
#pragma once

#include "core/model/result.h"
#include "core/store/backup.h"

#include <QString>

#include <atomic>
#include <functional>

namespace dubao {

class Library;

namespace teambackup {

/// The two steps of a team backup, for progress.
enum class Step
{
    CopyingRows, ///< the store's rows read from the server into the temporary library file
    WritingFile, ///< that file's issue lists and objects written into the backup
};

struct Options
{
    /// Stops within a row (or a running statement): nothing is left behind, the result's path is empty.
    const std::atomic_bool *cancel = nullptr;
    /// Rows copied of all, then issue lists written of all; on the caller's thread.
    std::function<void(Step step, qint64 done, qint64 total)> progress;
};

/// Whether the connected user may back up and restore the team library `team`: only its owner (or a superuser), who
/// reads every private notebook and whose restore keeps who made each row. The refusal names the user and their role;
/// nothing to refuse on a library file.
Result<void> ownerOnly(const Library &team);

/// Backs up the team library `team` (open, on the caller's thread) into the one file `file`. Refuses an existing
/// `file` unless `overwrite`, a library file (Backup::makeSelfContained backs those up) and anyone but the owner
/// (ownerOnly()). The new file's path in
/// BackupMade::path; empty when cancelled. A failure or cancel leaves nothing behind (`file`, if it existed, as
/// it was).
Result<BackupMade> backUp(Library &team, const QString &file, const Options &options = {}, bool overwrite = false);

} // namespace teambackup

} // namespace dubao
