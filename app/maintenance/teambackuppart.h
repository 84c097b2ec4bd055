// File → Back Up Team Library… and Restore Team Library… (issue 13): a team library backed up into one
// self-contained `.dubao-backup` on this computer (core/store/teambackup.h), and such a backup restored into an
// empty team library (BackupRestorer::restoreIntoTeam), as dubao-cli backup --to FILE and restore do. Each runs on
// a worker thread with its own connection to the server, with a progress dialog whose Cancel stops it (nothing is
// left half-written: no file, or a team library still empty), and says its result in the status bar.
//
// Shown for a team library only (a library file has Back Up to File… and Restore from Backup…), and on only for
// the library's owner: the server shows others only the notebooks shared with them, so their backup would miss
// colleagues' private notebooks, and only the owner's restore keeps who made each row. Off with that reason as
// tooltip for everyone else.
#pragma once

#include "core/model/result.h"

#include <QObject>

#include <memory>

class QAction;

namespace dubao {

class ActionRegistry;
class JobRunner;
class MainWindow;
struct RestoreReport;

class TeamBackupPart final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TeamBackupPart)

public:
    TeamBackupPart(MainWindow &window, ActionRegistry &actions);
    ~TeamBackupPart() override;

    /// Backs up the open team library into `file` (replaced when it exists: the save dialog asked). The new
    /// file's path; empty when cancelled (nothing is left behind). The status bar says which.
    Result<QString> backUpTo(const QString &file);
    /// Restores the backup `file` into the open team library, which must be empty, then shows it. The report
    /// (cancelled: the library is still empty); the status bar says what was restored.
    Result<RestoreReport> restoreFrom(const QString &file);
    /// Cancels the running backup or restore (the progress dialog's Cancel).
    void cancel();

signals:
    /// The running work's progress, as its dialog shows it: "Copying rows from the server: 1,000 of 5,000".
    void progressed(const QString &text, qint64 done, qint64 total);

private:
    void onLibraryOpened();
    /// Why the open library may not be backed up or restored from here; empty when it may.
    QString refusal() const;
    /// Runs `task` on the worker, with the progress dialog titled `title` when dialogs are shown; returns
    /// when it has ended.
    template<typename T, typename Task>
    Result<T> run(const QString &title, Task task);
    void backUpDialog();
    void restoreDialog();

    MainWindow &m_window;
    QAction *m_backUp;
    QAction *m_restore;
    JobRunner *m_runner = nullptr; ///< while a backup or restore runs
};

} // namespace dubao
