// Keeping the library safe, for the window: File → Back Up Now, Back Up to File… and Restore from Backup…, Help → Check
// Library…, the daily backup when a library opens (on a worker thread), the read-only banner and mode, and the poll for
// changes other programs made (dubao-cli import, a second window).
#pragma once

#include "core/model/result.h"

#include <QObject>

class QAction;
class QTimer;
class QLabel;
class QToolBar;

namespace dubao {

class ActionRegistry;
class JobRunner;
class MainWindow;
struct CheckReport;
struct RestoreReport;

class MaintenancePart final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MaintenancePart)

public:
    MaintenancePart(MainWindow &window, ActionRegistry &actions);
    ~MaintenancePart() override;

    /// Backups kept per library (QSettings "backups/keep", default Backup::kDefaultKeep).
    static int backupsToKeep();

    bool isReadOnlyMode() const;
    Result<QString> backUpNow();
    /// File → Back Up to File…'s work: a self-contained backup written to `file` (replaced when it exists: the save
    /// dialog asked) on a worker thread, with a progress dialog whose Cancel stops it (when dialogs are shown). The
    /// new file's path; empty when cancelled (nothing is left behind).
    Result<QString> backUpToFile(const QString &file);
    Result<void> restoreFromBackup(const QString &backupFile);
    /// Checks, or repairs (a library read-only for objects Dubao did not make: as dubao-cli check --repair).
    CheckReport checkLibrary(bool repair);
    /// After a repair: the window shows the library again (opened again when the repair removed objects Dubao
    /// did not make, so that it is no longer read-only).
    void reopenAfterRepair();
    bool pollExternalChanges();
    /// Waits for a daily backup still being written.
    void waitForDailyBackup();
    /// Interrupts a daily backup still being written (within milliseconds; it leaves nothing behind and is made
    /// at the next start): closing a library or quitting never waits for it.
    void stopDailyBackup();

private:
    void onLibraryOpened();
    void applyReadOnlyMode();
    /// A team library's role: the editing actions it does not allow are off, their tooltip naming it.
    void applyRoleLimit();
    void startDailyBackup();
    Result<RestoreReport> runRestore(const QString &backupFile, const QString &libraryPath);
    void restoreBackupDialog();
    void backUpToFileDialog();
    void checkLibraryDialog();

    MainWindow &m_window;
    ActionRegistry &m_actions;
    QAction *m_backUp;
    QAction *m_backUpToFile;
    QAction *m_restore;
    QAction *m_check;
    QToolBar *m_readOnlyBanner;
    QAction *m_repairFromBanner; ///< on the banner while objects Dubao did not make keep the library read-only
    QLabel *m_readOnlyText;
    QTimer *m_changePoll;
    JobRunner *m_dailyBackup; ///< joined before the library changes hands
    qint64 m_dataVersion = -1;
};

} // namespace dubao
