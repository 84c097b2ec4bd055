#include "app/maintenance/maintenancepart.h"

#include "app/annotations/annotationcontroller.h"
#include "app/annotations/notespanel.h"
#include "app/maintenance/checkdialog.h"
#include "app/maintenance/restoredialog.h"
#include "app/reader/readerview.h"
#include "app/shell/actionregistry.h"
#include "app/shell/librarysession.h"
#include "app/shell/mainwindow.h"
#include "core/ingest/backuprestorer.h"
#include "core/ingest/librarycheck.h"
#include "core/jobs/jobrunner.h"
#include "core/store/backup.h"
#include "core/store/library.h"

#include <QAction>
#include <QApplication>
#include <QDate>
#include <QDir>
#include <QEventLoop>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QProgressDialog>
#include <QSettings>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>

namespace dubao {

using Menu = ActionRegistry::Menu;
using Section = ActionRegistry::Section;
using Kind = ActionRegistry::Kind;

MaintenancePart::MaintenancePart(MainWindow &window, ActionRegistry &actions)
    : QObject(&window)
    , m_window(window)
    , m_actions(actions)
    , m_dailyBackup(new JobRunner(QStringLiteral("dailyBackup"), this))
{
    m_backUp = actions.add(Menu::File, Section::FileBackup, QStringLiteral("actionBackUpNow"),
                           QCoreApplication::translate("dubao::MainWindow", "&Back Up Now"));
    connect(m_backUp, &QAction::triggered, this, [this] {
        const Result<QString> path = backUpNow();
        if (!path)
            m_window.feedback().warn(
                &m_window, QCoreApplication::translate("dubao::MainWindow", "Back Up"),
                QCoreApplication::translate("dubao::MainWindow", "The library could not be backed up: %1")
                    .arg(path.error().message()));
        else
            m_window.statusBar()->showMessage(QCoreApplication::translate("dubao::MainWindow", "Backed up to %1")
                                                  .arg(QDir::toNativeSeparators(*path)),
                                              5000);
    });
    m_backUpToFile = actions.add(Menu::File, Section::FileBackup, QStringLiteral("actionBackUpToFile"),
                                 QCoreApplication::translate("dubao::MainWindow", "Back &Up to File…"));
    m_backUpToFile->setStatusTip(QCoreApplication::translate(
        "dubao::MainWindow", "One file that holds the issues and your work, to copy or send; Restore from Backup… "
                             "→ Other File… (or dubao-cli restore) reads it on any computer"));
    connect(m_backUpToFile, &QAction::triggered, this, &MaintenancePart::backUpToFileDialog);
    m_restore = actions.add(Menu::File, Section::FileBackup, QStringLiteral("actionRestoreBackup"),
                            QCoreApplication::translate("dubao::MainWindow", "Re&store from Backup…"), QKeySequence(),
                            Kind::Editing);
    connect(m_restore, &QAction::triggered, this, &MaintenancePart::restoreBackupDialog);
    m_check = actions.add(Menu::Help, Section::HelpLibrary, QStringLiteral("actionCheckLibrary"),
                          QCoreApplication::translate("dubao::MainWindow", "&Check Library…"));
    connect(m_check, &QAction::triggered, this, &MaintenancePart::checkLibraryDialog);
    for (QAction *a : {m_backUp, m_backUpToFile, m_restore, m_check})
        a->setEnabled(false);

    m_readOnlyBanner = new QToolBar(QCoreApplication::translate("dubao::MainWindow", "Read-only"), &window);
    m_readOnlyBanner->setObjectName(QStringLiteral("readOnlyBanner"));
    m_readOnlyBanner->setMovable(false);
    m_readOnlyBanner->toggleViewAction()->setVisible(false);
    auto *label = new QLabel(m_readOnlyBanner);
    m_readOnlyText = label;
    label->setObjectName(QStringLiteral("readOnlyBannerText"));
    label->setWordWrap(true);
    label->setContentsMargins(8, 4, 8, 4);
    m_readOnlyBanner->addWidget(label);
    // The way out of a read-only library that holds objects Dubao did not make: the check dialog, whose Repair
    // keeps a copy of the library and removes them.
    m_repairFromBanner = m_readOnlyBanner->addAction(QCoreApplication::translate("dubao::MainWindow", "Repair…"));
    m_repairFromBanner->setObjectName(QStringLiteral("actionRepairFromBanner"));
    connect(m_repairFromBanner, &QAction::triggered, this, &MaintenancePart::checkLibraryDialog);
    m_readOnlyBanner->setStyleSheet(QStringLiteral("QToolBar#readOnlyBanner { background: #FFF3CD; color: #664D03; }"));
    window.addToolBarBreak(Qt::TopToolBarArea);
    window.addToolBar(Qt::TopToolBarArea, m_readOnlyBanner);
    m_readOnlyBanner->hide();

    connect(&window, &MainWindow::libraryOpened, this, &MaintenancePart::onLibraryOpened);

    // PRAGMA data_version changes when another connection commits: cheap to ask every 2 s.
    m_changePoll = new QTimer(this);
    m_changePoll->setObjectName(QStringLiteral("externalChangePoll"));
    m_changePoll->setInterval(2000);
    connect(m_changePoll, &QTimer::timeout, this, &MaintenancePart::pollExternalChanges);
    m_changePoll->start();
}

MaintenancePart::~MaintenancePart() = default;

void MaintenancePart::onLibraryOpened()
{
    const bool readOnly = isReadOnlyMode();
    // Backups, restore and check are a library file's; a team library's server keeps its data (its administrator
    // backs it up).
    const bool file = !m_window.session()->isTeamLibrary();
    m_backUp->setEnabled(file);
    m_backUpToFile->setEnabled(file);
    m_restore->setEnabled(file); // held off by the registry while read-only
    m_check->setEnabled(file);
    applyReadOnlyMode();
    m_dataVersion = -1;
    pollExternalChanges(); // remembers the current version
    if (!readOnly && file)
        startDailyBackup();
}

bool MaintenancePart::isReadOnlyMode() const
{
    const LibrarySession *session = m_window.session();
    if (!session)
        return false;
    // A team library's reader may not annotate or edit: the server refuses it, and the app does not offer it.
    return session->library().isReadOnly() || !session->library().teamAccess().mayAnnotate;
}

int MaintenancePart::backupsToKeep()
{
    return QSettings().value(QStringLiteral("backups/keep"), Backup::kDefaultKeep).toInt();
}

void MaintenancePart::applyReadOnlyMode()
{
    const bool readOnly = isReadOnlyMode();
    const QList<SchemaFinding> findings =
        m_window.session() ? m_window.session()->library().schemaFindings() : QList<SchemaFinding>();
    const team::Access access = m_window.session() ? m_window.session()->library().teamAccess() : team::Access();
    const bool teamReader = m_window.session() && m_window.session()->isTeamLibrary() && !access.mayAnnotate;
    m_readOnlyText->setText(
        teamReader ? QCoreApplication::translate(
                         "dubao::MainWindow", "You are %1 on this team library as a reader: you can read, search and "
                                              "export, but not annotate or edit (the library's owner gives roles).")
                         .arg(access.user)
        : findings.isEmpty()
            ? QCoreApplication::translate("dubao::MainWindow",
                                          "This library is read-only (its file may not be written): "
                                          "you can read and search, but not import, annotate or edit.")
            : QCoreApplication::translate("dubao::MainWindow",
                                          "This library is read-only: it holds database objects that Dubao did not "
                                          "make and that could change or delete your work (%1). You can read and "
                                          "search. Repair… removes them (it keeps a copy of the library first; "
                                          "dubao-cli check --repair does the same).")
                  .arg(SchemaVerifier::describe(findings)));
    m_readOnlyBanner->setVisible(readOnly);
    m_repairFromBanner->setVisible(!findings.isEmpty());
    // Every editing action stays off while the library is read-only, whoever registered or enables it.
    m_actions.setReadOnly(readOnly);
    applyRoleLimit();
    if (!readOnly)
        m_window.updateActions(); // what the parts asked for while it was read-only, brought up to date
    m_window.setAcceptDrops(!readOnly);
}

void MaintenancePart::applyRoleLimit()
{
    const LibrarySession *session = m_window.session();
    NotesPanel *notes = m_window.annotations()->notesPanel();
    // The Notes panel's own buttons and editor follow what the menus' actions follow.
    notes->setWriteLimit(session && session->library().isReadOnly()
                             ? QCoreApplication::translate("dubao::MainWindow",
                                                           "The library is open read-only: notes cannot be changed.")
                             : QString());
    if (!session || !session->isTeamLibrary()) {
        m_actions.setRoleLimit({}, {});
        return;
    }
    const team::Access access = session->library().teamAccess();
    if (access.mayEdit) {
        m_actions.setRoleLimit({}, {});
        return;
    }
    const QString reason =
        access.mayAnnotate
            ? QCoreApplication::translate("dubao::MainWindow",
                                          "You are an annotator of this team library: you may annotate, not import, "
                                          "replace, correct the OCR or define tags.")
            : QCoreApplication::translate("dubao::MainWindow",
                                          "You are a reader of this team library: you may read, search and export, "
                                          "not annotate or edit.");
    // An annotator keeps the Annotate menu's tagging, highlighting, notes and notebooks; the corrections of the OCR
    // and new tags are the editors' (the server refuses them too).
    const bool annotator = access.mayAnnotate;
    if (!annotator)
        notes->setWriteLimit(reason);
    m_actions.setRoleLimit(
        [annotator](ActionRegistry::Menu menu, const QAction *action) {
            static const QStringList editors{
                QStringLiteral("actionCorrect"),        QStringLiteral("actionJoinParagraph"),
                QStringLiteral("actionSplitParagraph"), QStringLiteral("actionMarkHeading"),
                QStringLiteral("actionMarkCaption"),    QStringLiteral("actionMarkBody"),
                QStringLiteral("actionNewTag")};
            return annotator && menu == ActionRegistry::Menu::Annotate && !editors.contains(action->objectName());
        },
        reason);
}

bool MaintenancePart::pollExternalChanges()
{
    LibrarySession *session = m_window.session();
    if (!session || session->isTeamLibrary()) // (PRAGMA data_version is SQLite's)
        return false;
    QSqlQuery query(session->library().database());
    if (!query.exec(QStringLiteral("PRAGMA data_version")) || !query.next())
        return false;
    const qint64 version = query.value(0).toLongLong();
    const qint64 last = std::exchange(m_dataVersion, version);
    // The app's own import and index jobs write on their own connections and reload when they end.
    if (last < 0 || version == last || m_window.isImporting() || m_window.isIndexing())
        return false;
    m_window.reloadTree();
    m_window.statusBar()->showMessage(
        QCoreApplication::translate("dubao::MainWindow",
                                    "The library was changed by another program; the list is up to date."),
        3000);
    return true;
}

Result<QString> MaintenancePart::backUpNow()
{
    LibrarySession *session = m_window.session();
    if (!session)
        return Error(QCoreApplication::translate("dubao::MainWindow", "No library is open."));
    QApplication::setOverrideCursor(Qt::WaitCursor);
    // One backup at a time: a daily backup still being written finishes first (and counts when old backups
    // beyond the number to keep are removed).
    waitForDailyBackup();
    const Result<QString> path = Backup::create(session->library(), QStringLiteral("manual"), backupsToKeep());
    QApplication::restoreOverrideCursor();
    return path;
}

// A backup to send holds every issue's original bytes (seconds to minutes for a large library): on a worker thread
// with its own connection, a progress dialog and Cancel; the window waits for it in an event loop, as for a restore.
Result<QString> MaintenancePart::backUpToFile(const QString &file)
{
    if (!m_window.session())
        return Error(QCoreApplication::translate("dubao::MainWindow", "No library is open."));
    JobRunner runner(QStringLiteral("backUpToFile"));
    QPointer<QProgressDialog> progress;
    if (m_window.feedback().showsDialogs()) {
        progress = new QProgressDialog(
            QCoreApplication::translate("dubao::MainWindow", "Backing up to %1…").arg(QFileInfo(file).fileName()),
            QCoreApplication::translate("dubao::MainWindow", "Cancel"), 0, 0, &m_window);
        progress->setWindowTitle(QCoreApplication::translate("dubao::MainWindow", "Back Up to File"));
        progress->setWindowModality(Qt::WindowModal);
        progress->setMinimumDuration(0);
        connect(progress, &QProgressDialog::canceled, &runner, &JobRunner::cancel);
        connect(&runner, &JobRunner::progress, progress, [progress](qint64 done, qint64 total, const QString &) {
            progress->setMaximum(int(total));
            progress->setValue(int(done));
        });
    }
    Result<BackupMade> result = Error();
    QEventLoop loop;
    const QString libraryPath = m_window.libraryPath();
    runner.start(
        [libraryPath, file](JobContext &context) {
            Backup::Options options;
            options.reason = QStringLiteral("sent");
            options.cancel = context.cancelFlag();
            options.progress = [&context](qint64 done, qint64 total) {
                context.progress(done, total);
            };
            return Backup::makeSelfContained(libraryPath, file, options, true);
        },
        [&](Result<BackupMade> made) {
            result = std::move(made);
            loop.quit();
        });
    if (runner.isRunning())
        loop.exec();
    delete progress;
    if (!result)
        return result.error();
    return result->path;
}

void MaintenancePart::backUpToFileDialog()
{
    if (!m_window.session())
        return;
    QSettings settings;
    const QString folder = settings.value(QStringLiteral("backups/sendFolder"), QDir::homePath()).toString();
    const QString suggested = QDir(folder).filePath(
        QStringLiteral("%1-%2%3").arg(QFileInfo(m_window.libraryPath()).completeBaseName(),
                                      QDate::currentDate().toString(Qt::ISODate), backupmanifest::suffix()));
    QString file = QFileDialog::getSaveFileName(
        &m_window, QCoreApplication::translate("dubao::MainWindow", "Back Up to File"), suggested,
        QCoreApplication::translate("dubao::MainWindow", "Dubao backups (*.dubao-backup)"));
    if (file.isEmpty())
        return;
    if (QFileInfo(file).suffix().isEmpty())
        file += backupmanifest::suffix();
    settings.setValue(QStringLiteral("backups/sendFolder"), QFileInfo(file).absolutePath());
    const Result<QString> made = backUpToFile(file);
    if (!made) {
        m_window.feedback().warn(
            &m_window, QCoreApplication::translate("dubao::MainWindow", "Back Up to File"),
            QCoreApplication::translate("dubao::MainWindow", "No backup was written: %1").arg(made.error().message()));
    } else if (made->isEmpty()) {
        m_window.statusBar()->showMessage(
            QCoreApplication::translate("dubao::MainWindow", "The backup was cancelled; nothing was written."), 5000);
    } else {
        m_window.statusBar()->showMessage(
            QCoreApplication::translate("dubao::MainWindow", "Backed up to %1 (%2)")
                .arg(QDir::toNativeSeparators(*made), QLocale().formattedDataSize(QFileInfo(*made).size())),
            15000);
    }
}

Result<void> MaintenancePart::restoreFromBackup(const QString &backupFile)
{
    if (!m_window.session() || isReadOnlyMode())
        return Error(m_window.session() ? QCoreApplication::translate("dubao::MainWindow", "The library is read-only.")
                                        : QCoreApplication::translate("dubao::MainWindow", "No library is open."));
    if (const Result<void> verified = Backup::verify(backupFile); !verified)
        return verified;
    const QString path = m_window.libraryPath();
    // Close the library (jobs stopped, lock released) before its file is replaced, then open it again.
    waitForDailyBackup();
    m_window.closeLibrary();
    const Result<RestoreReport> restored = runRestore(backupFile, path);
    if (restored && restored->cancelled) {
        if (const Result<void> reopened = m_window.openLibrary(path); !reopened)
            return reopened;
        m_window.statusBar()->showMessage(
            QCoreApplication::translate("dubao::MainWindow", "The restore was cancelled; the library is unchanged."),
            10000);
        return {};
    }
    const Result<QString> kept = restored ? Result<QString>(restored->keptCopy) : Result<QString>(restored.error());
    if (const Result<void> reopened = m_window.openLibrary(path); !reopened) {
        m_window.reader()->showPlaceholder(
            QCoreApplication::translate("dubao::MainWindow", "The library could not be opened again: %1")
                .arg(reopened.error().message()));
        return reopened;
    }
    if (!kept)
        return kept.error();
    m_window.statusBar()->showMessage(
        QCoreApplication::translate("dubao::MainWindow", "Restored %1; the replaced library is kept in %2")
            .arg(QFileInfo(backupFile).fileName(), QDir::toNativeSeparators(*kept)),
        10000);
    return {};
}

// A restore parses and indexes every issue again (minutes for a large library): on a worker thread, with a progress
// dialog whose Cancel stops it (the library is then left as it was); the window waits for it in an event loop.
Result<RestoreReport> MaintenancePart::runRestore(const QString &backupFile, const QString &libraryPath)
{
    JobRunner runner(QStringLiteral("restore"));
    QPointer<QProgressDialog> progress;
    if (m_window.feedback().showsDialogs()) {
        progress = new QProgressDialog(QCoreApplication::translate("dubao::MainWindow", "Rebuilding the library…"),
                                       QCoreApplication::translate("dubao::MainWindow", "Cancel"), 0, 0, &m_window);
        progress->setWindowModality(Qt::WindowModal);
        progress->setMinimumDuration(0);
        connect(progress, &QProgressDialog::canceled, &runner, &JobRunner::cancel);
        connect(&runner, &JobRunner::progress, progress, [progress](qint64 done, qint64 total, const QString &) {
            progress->setMaximum(int(total));
            progress->setValue(int(done));
            progress->setLabelText(QCoreApplication::translate("dubao::MainWindow", "Rebuilding the library: %1 of %2 "
                                                                                    "issues parsed and indexed…")
                                       .arg(done)
                                       .arg(total));
        });
    }
    Result<RestoreReport> result = Error();
    QEventLoop loop;
    const int keep = backupsToKeep();
    runner.start(
        [backupFile, libraryPath, keep](JobContext &context) {
            RestoreOptions options;
            options.keep = keep;
            options.cancel = context.cancelFlag();
            options.progress = [&context](qint64 done, qint64 total) {
                context.progress(done, total);
            };
            return BackupRestorer::restore(backupFile, libraryPath, options);
        },
        [&](Result<RestoreReport> report) {
            result = std::move(report);
            loop.quit();
        });
    if (runner.isRunning())
        loop.exec();
    delete progress;
    return result;
}

// The daily backup (when the library changed: seconds the first time on a large library, little after) runs on its
// own thread and connection, so opening a library never waits for it, and closing it interrupts it.
void MaintenancePart::startDailyBackup()
{
    waitForDailyBackup();
    const QString path = m_window.libraryPath();
    const int keep = backupsToKeep();
    m_dailyBackup->start(
        [path, keep](JobContext &context) {
            Library library;
            Result<void> backedUp = library.open(path);
            if (backedUp) {
                if (const Result<QString> daily = Backup::ensureDaily(library, keep, context.cancelFlag()); !daily)
                    backedUp = daily.error();
            }
            return backedUp.error().message();
        },
        [this](const QString &error) {
            if (!error.isEmpty())
                m_window.statusBar()->showMessage(
                    QCoreApplication::translate("dubao::MainWindow", "No daily backup: %1").arg(error), 10000);
        });
}

void MaintenancePart::waitForDailyBackup()
{
    m_dailyBackup->waitForResult();
}

void MaintenancePart::stopDailyBackup()
{
    m_dailyBackup->cancelAndWait();
}

void MaintenancePart::restoreBackupDialog()
{
    waitForDailyBackup();
    if (!m_window.session())
        return;
    RestoreDialog dialog(Backup::list(m_window.libraryPath()), &m_window);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedPath().isEmpty())
        return;
    if (!m_window.feedback().confirm(
            &m_window, QCoreApplication::translate("dubao::MainWindow", "Restore from Backup"),
            QCoreApplication::translate("dubao::MainWindow",
                                        "Replace the library with the backup %1?\n\nWhat the library holds now is "
                                        "kept as another backup.")
                .arg(QFileInfo(dialog.selectedPath()).fileName())))
        return;
    if (const Result<void> restored = restoreFromBackup(dialog.selectedPath()); !restored)
        m_window.feedback().warn(&m_window, QCoreApplication::translate("dubao::MainWindow", "Restore from Backup"),
                                 QCoreApplication::translate("dubao::MainWindow", "Nothing was restored: %1")
                                     .arg(restored.error().message()));
}

CheckReport MaintenancePart::checkLibrary(bool repair)
{
    LibrarySession *session = m_window.session();
    if (!session)
        return {};
    const bool foreignObjects = !session->library().schemaFindings().isEmpty();
    if (repair && foreignObjects) {
        // As dubao-cli check --repair: on a connection opened for the schema repair, then the library reopened.
        const CheckReport report = CheckDialog::onOwnConnection(m_window.libraryPath(), false)(true, {});
        reopenAfterRepair();
        return report;
    }
    if (!repair || isReadOnlyMode())
        return LibraryCheck::check(session->library());
    const CheckReport report = LibraryCheck::repair(session->library());
    m_window.reloadLibrary();
    return report;
}

void MaintenancePart::reopenAfterRepair()
{
    LibrarySession *session = m_window.session();
    if (!session || session->library().schemaFindings().isEmpty()) {
        m_window.reloadLibrary();
        return;
    }
    // Read-only for objects Dubao did not make: the session keeps that state until it is opened again.
    const QString path = m_window.libraryPath();
    m_window.closeLibrary();
    if (const Result<void> opened = m_window.openLibrary(path); !opened)
        m_window.feedback().warn(&m_window, QCoreApplication::translate("dubao::MainWindow", "Check Library"),
                                 opened.error().message());
}

void MaintenancePart::checkLibraryDialog()
{
    if (!m_window.session())
        return;
    // Read-only because of objects Dubao did not make: the dialog's Repair removes them (check --repair).
    const bool cannotWrite = isReadOnlyMode() && m_window.session()->library().schemaFindings().isEmpty();
    CheckDialog dialog(CheckDialog::onOwnConnection(m_window.libraryPath(), cannotWrite), cannotWrite, &m_window);
    connect(&dialog, &CheckDialog::checkFinished, this, [this](bool repaired) {
        if (repaired)
            reopenAfterRepair();
    });
    dialog.runCheck(false);
    dialog.exec();
}

} // namespace dubao
