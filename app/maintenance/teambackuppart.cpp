#include "app/maintenance/teambackuppart.h"

#include "app/shell/actionregistry.h"
#include "app/shell/librarysession.h"
#include "app/shell/mainwindow.h"
#include "core/ingest/backuprestorer.h"
#include "core/jobs/jobrunner.h"
#include "core/store/backupmanifest.h"
#include "core/store/library.h"
#include "core/store/teambackup.h"

#include <QAction>
#include <QDate>
#include <QDir>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QPointer>
#include <QProgressDialog>
#include <QSettings>
#include <QStatusBar>
#include <QUrl>

namespace dubao {

TeamBackupPart::TeamBackupPart(MainWindow &window, ActionRegistry &actions)
    : QObject(&window)
    , m_window(window)
{
    m_backUp = actions.add(ActionRegistry::Menu::File, ActionRegistry::Section::FileBackup,
                           QStringLiteral("actionBackUpTeamLibrary"), tr("Back Up &Team Library…"));
    m_restore = actions.add(ActionRegistry::Menu::File, ActionRegistry::Section::FileBackup,
                            QStringLiteral("actionRestoreTeamLibrary"), tr("Restore T&eam Library…"));
    for (QAction *action : {m_backUp, m_restore}) {
        action->setEnabled(false);
        action->setVisible(false); // a library file has its own backups
    }
    connect(m_backUp, &QAction::triggered, this, &TeamBackupPart::backUpDialog);
    connect(m_restore, &QAction::triggered, this, &TeamBackupPart::restoreDialog);
    connect(&window, &MainWindow::libraryOpened, this, &TeamBackupPart::onLibraryOpened);
    connect(&window, &MainWindow::libraryClosing, this, [this] {
        m_backUp->setEnabled(false);
        m_restore->setEnabled(false);
    });
}

TeamBackupPart::~TeamBackupPart() = default;

QString TeamBackupPart::refusal() const
{
    const LibrarySession *session = m_window.session();
    if (!session)
        return tr("No library is open.");
    if (!session->isTeamLibrary())
        return tr("This is a library file: File → Back Up to File… and Restore from Backup… keep it safe.");
    // The core's own check (dubao-cli backup --to and restore refuse with it too), as a tooltip's sentence.
    if (const Result<void> allowed = teambackup::ownerOnly(session->library()); !allowed) {
        QString why = allowed.error().message();
        if (!why.isEmpty())
            why[0] = why.at(0).toUpper();
        return why + u'.';
    }
    return {};
}

void TeamBackupPart::onLibraryOpened()
{
    const LibrarySession *session = m_window.session();
    const bool team = session && session->isTeamLibrary();
    const QString why = refusal();
    m_backUp->setVisible(team);
    m_restore->setVisible(team);
    m_backUp->setEnabled(team && why.isEmpty());
    m_restore->setEnabled(team && why.isEmpty());
    m_backUp->setToolTip(why.isEmpty() ? tr("One file on this computer that holds the team library's issues and "
                                            "everyone's work; Restore Team Library… reads it into an empty one")
                                       : why);
    m_restore->setToolTip(why.isEmpty() ? tr("Reads a backup into this team library, which must be empty") : why);
    m_backUp->setStatusTip(m_backUp->toolTip());
    m_restore->setStatusTip(m_restore->toolTip());
}

void TeamBackupPart::cancel()
{
    if (m_runner)
        m_runner->cancel();
}

template<typename T, typename Task>
Result<T> TeamBackupPart::run(const QString &title, Task task)
{
    JobRunner runner(QStringLiteral("teamBackup"));
    m_runner = &runner;
    QPointer<QProgressDialog> dialog;
    if (m_window.feedback().showsDialogs()) {
        dialog = new QProgressDialog(title, tr("Cancel"), 0, 0, &m_window);
        dialog->setWindowTitle(title);
        dialog->setWindowModality(Qt::WindowModal);
        dialog->setMinimumDuration(0);
        connect(dialog, &QProgressDialog::canceled, &runner, &JobRunner::cancel);
    }
    connect(&runner, &JobRunner::progress, this, [this, dialog](qint64 done, qint64 total, const QString &text) {
        if (dialog) {
            dialog->setMaximum(int(std::min<qint64>(total, INT_MAX)));
            dialog->setValue(int(std::min<qint64>(done, INT_MAX)));
            dialog->setLabelText(text);
        }
        emit progressed(text, done, total);
    });
    Result<T> result = Error();
    QEventLoop loop;
    runner.start(std::move(task), [&](Result<T> ended) {
        result = std::move(ended);
        loop.quit();
    });
    if (runner.isRunning())
        loop.exec();
    m_runner = nullptr;
    delete dialog;
    return result;
}

Result<QString> TeamBackupPart::backUpTo(const QString &file)
{
    if (const QString why = refusal(); !why.isEmpty())
        return Error(why);
    const QString url = m_window.libraryPath();
    const Result<BackupMade> made =
        run<BackupMade>(tr("Back Up Team Library"), [url, file](JobContext &context) -> Result<BackupMade> {
            Library team; // the worker's own connection
            if (const Result<void> opened = team.open(url); !opened)
                return opened.error();
            teambackup::Options options;
            options.cancel = context.cancelFlag();
            options.progress = [&context](teambackup::Step step, qint64 done, qint64 total) {
                const QLocale locale;
                context.progress(done, total,
                                 (step == teambackup::Step::CopyingRows
                                      ? tr("Copying the rows from the server: %1 of %2…")
                                      : tr("Writing the backup: %1 of %2 issue lists…"))
                                     .arg(locale.toString(done), locale.toString(total)));
            };
            return teambackup::backUp(team, file, options, true);
        });
    QStatusBar *status = m_window.statusBar();
    if (!made) {
        status->showMessage(tr("No backup of the team library was made: %1").arg(made.error().message()), 15000);
        return made.error();
    }
    if (made->path.isEmpty()) {
        status->showMessage(tr("The backup was cancelled; nothing was written."), 10000);
        return QString();
    }
    status->showMessage(
        tr("Backed up the team library to %1 (%2)")
            .arg(QDir::toNativeSeparators(made->path), QLocale().formattedDataSize(QFileInfo(made->path).size())),
        15000);
    return made->path;
}

Result<RestoreReport> TeamBackupPart::restoreFrom(const QString &file)
{
    if (const QString why = refusal(); !why.isEmpty())
        return Error(why);
    const QString url = m_window.libraryPath();
    Result<RestoreReport> restored =
        run<RestoreReport>(tr("Restore Team Library"), [url, file](JobContext &context) -> Result<RestoreReport> {
            Library team; // the worker's own connection
            if (const Result<void> opened = team.open(url); !opened)
                return opened.error();
            RestoreOptions options;
            options.cancel = context.cancelFlag();
            options.progress = [&context](qint64 done, qint64 total) {
                const QLocale locale;
                context.progress(done, total,
                                 tr("Rebuilding the issues: %1 of %2 parsed and indexed…")
                                     .arg(locale.toString(done), locale.toString(total)));
            };
            options.rowProgress = [&context](qint64 done, qint64 total) {
                const QLocale locale;
                context.progress(
                    done, total,
                    tr("Copying the rows to the server: %1 of %2…").arg(locale.toString(done), locale.toString(total)));
            };
            return BackupRestorer::restoreIntoTeam(file, team, options);
        });
    QStatusBar *status = m_window.statusBar();
    if (!restored) {
        status->showMessage(tr("Nothing was restored: %1").arg(restored.error().message()), 15000);
        return restored;
    }
    if (restored->cancelled) {
        status->showMessage(tr("The restore was cancelled; the team library is still empty."), 10000);
        return restored;
    }
    // Everything is new to the window: the library is opened again, as after a restore of a library file.
    m_window.closeLibrary();
    if (const Result<void> reopened = m_window.openLibrary(url); !reopened)
        return Error(tr("the backup was restored, but the team library could not be opened again: %1")
                         .arg(reopened.error().message()));
    QString line =
        tr("Restored %1 into the team library (issues: %2)").arg(QFileInfo(file).fileName()).arg(restored->issues);
    if (restored->orphaned > 0)
        line += tr("; annotations that could not be placed: %1 (see the Orphans panel)").arg(restored->orphaned);
    status->showMessage(line, 15000);
    return restored;
}

void TeamBackupPart::backUpDialog()
{
    if (!refusal().isEmpty())
        return;
    QSettings settings;
    const QString folder = settings.value(QStringLiteral("backups/sendFolder"), QDir::homePath()).toString();
    const QString database = QUrl(m_window.libraryPath()).path().section(QLatin1Char('/'), -1);
    const QString suggested = QDir(folder).filePath(
        QStringLiteral("%1-%2%3").arg(database.isEmpty() ? QStringLiteral("team") : database,
                                      QDate::currentDate().toString(Qt::ISODate), backupmanifest::suffix()));
    QString file = QFileDialog::getSaveFileName(&m_window, tr("Back Up Team Library"), suggested,
                                                tr("Dubao backups (*.dubao-backup)"));
    if (file.isEmpty())
        return;
    if (QFileInfo(file).suffix().isEmpty())
        file += backupmanifest::suffix();
    settings.setValue(QStringLiteral("backups/sendFolder"), QFileInfo(file).absolutePath());
    if (const Result<QString> made = backUpTo(file); !made)
        m_window.feedback().warn(&m_window, tr("Back Up Team Library"),
                                 tr("No backup was made: %1").arg(made.error().message()));
}

void TeamBackupPart::restoreDialog()
{
    if (!refusal().isEmpty())
        return;
    QSettings settings;
    const QString folder = settings.value(QStringLiteral("backups/sendFolder"), QDir::homePath()).toString();
    const QString file = QFileDialog::getOpenFileName(&m_window, tr("Restore Team Library"), folder,
                                                      tr("Dubao backups (*.dubao-backup *.sqlite)"));
    if (file.isEmpty())
        return;
    if (!m_window.feedback().confirm(&m_window, tr("Restore Team Library"),
                                     tr("Restore %1 into this team library?\n\nIt must be empty. Everyone connected "
                                        "to it sees the restored issues and work once it is done.")
                                         .arg(QFileInfo(file).fileName())))
        return;
    if (const Result<RestoreReport> restored = restoreFrom(file); !restored)
        m_window.feedback().warn(&m_window, tr("Restore Team Library"),
                                 tr("Nothing was restored: %1").arg(restored.error().message()));
}

} // namespace dubao
