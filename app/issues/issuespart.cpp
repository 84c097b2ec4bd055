#include "app/issues/issuespart.h"

#include "app/issues/editissueinfocommand.h"
#include "app/issues/importcontroller.h"
#include "app/issues/importresultdialog.h"
#include "app/issues/issuedetailsdialog.h"
#include "app/shell/actionregistry.h"
#include "app/shell/librarysession.h"
#include "app/shell/librarytreemodel.h"
#include "app/shell/mainwindow.h"
#include "core/jobs/jobrunner.h"
#include "core/jobs/reparsejob.h"

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTreeView>
#include <QUndoStack>

namespace dubao {

using Menu = ActionRegistry::Menu;
using Section = ActionRegistry::Section;
using Kind = ActionRegistry::Kind;

IssuesPart::IssuesPart(MainWindow &window, ActionRegistry &actions)
    : QObject(&window)
    , m_window(window)
    , m_import(new ImportController(&window, [&window]() -> UserFeedback & { return window.feedback(); }))
    , m_reparse(new JobRunner(QStringLiteral("reparse"), this))
{
    m_importFiles = actions.add(Menu::File, Section::FileImport, QStringLiteral("actionImportFiles"),
                                QCoreApplication::translate("dubao::MainWindow", "&Import Files…"),
                                QKeySequence(Qt::CTRL | Qt::Key_O), Kind::Editing);
    connect(m_importFiles, &QAction::triggered, this, &IssuesPart::importFilesDialog);
    m_importFolder = actions.add(Menu::File, Section::FileImport, QStringLiteral("actionImportFolder"),
                                 QCoreApplication::translate("dubao::MainWindow", "Import &Folder…"),
                                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), Kind::Editing);
    connect(m_importFolder, &QAction::triggered, this, &IssuesPart::importFolderDialog);
    m_editIssue = actions.add(Menu::Issue, Section::IssueDetails, QStringLiteral("actionEditIssue"),
                              QCoreApplication::translate("dubao::MainWindow", "Edit &Details…"),
                              QKeySequence(Qt::CTRL | Qt::Key_I), Kind::Editing);
    connect(m_editIssue, &QAction::triggered, this, &IssuesPart::editIssueDetails);

    connect(m_import, &ImportController::finished, this, &IssuesPart::onImportFinished);
    connect(m_import, &ImportController::progress, this, [this](int done, int total, const QString &) {
        m_window.statusBar()->showMessage(
            QCoreApplication::translate("dubao::MainWindow", "Importing: %1 of %2 files").arg(done).arg(total));
    });
}

IssuesPart::~IssuesPart() = default;

void IssuesPart::stopJobs()
{
    m_reparse->cancelAndWait();
    if (m_reparseProgress)
        m_reparseProgress->deleteLater();
    m_import->cancelAndWait();
}

void IssuesPart::updateActions(bool library, bool issue)
{
    m_importFiles->setEnabled(library);
    m_importFolder->setEnabled(library);
    m_editIssue->setEnabled(library && issue);
}

// ---------------------------------------------------------------------------------------------------- import

bool IssuesPart::importPaths(const QStringList &paths)
{
    const char *problem =
        !m_window.session()     ? QT_TRANSLATE_NOOP("dubao::MainWindow", "Open or create a library before importing.")
        : m_import->isRunning() ? QT_TRANSLATE_NOOP("dubao::MainWindow", "An import is already running.")
                                : nullptr;
    if (problem) {
        m_window.feedback().warn(&m_window, QCoreApplication::translate("dubao::MainWindow", "Import"),
                                 QCoreApplication::translate("dubao::MainWindow", problem));
        return false;
    }
    return m_import->start(m_window.libraryPath(), paths);
}

void IssuesPart::onImportFinished(const ImportReport &report, const QString &error)
{
    m_window.reloadTree();
    if (m_window.currentArticleId() == 0)
        m_window.showFirstArticle();
    m_window.statusBar()->showMessage(error.isEmpty() ? ImportResultDialog::summary(report) : error, 8000);
    emit m_window.importFinished(report);
}

QString IssuesPart::sampleIssuePath()
{
    const QString resource = QStringLiteral(":/sample/sample-issue.txt");
    if (!QFile::exists(resource))
        return {};
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(folder);
    const QString target = folder + QStringLiteral("/sample-issue.txt");
    if (!QFile::exists(target)) {
        if (!QFile::copy(resource, target))
            return {};
        QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    }
    return target;
}

void IssuesPart::offerFirstImport()
{
    if (!m_window.session() || m_window.libraryModel()->issueCount() > 0 || !m_window.feedback().showsDialogs())
        return;
    QMessageBox box(QMessageBox::Question, QCoreApplication::translate("dubao::MainWindow", "Welcome to Dubao"),
                    QCoreApplication::translate("dubao::MainWindow",
                                                "Your library is empty. Import a folder of OCR'd newspaper issues "
                                                "(text files), or start with a sample issue?"),
                    QMessageBox::NoButton, &m_window);
    box.setInformativeText(QCoreApplication::translate("dubao::MainWindow", "Library: %1")
                               .arg(QDir::toNativeSeparators(m_window.libraryPath())));
    QPushButton *folder =
        box.addButton(QCoreApplication::translate("dubao::MainWindow", "Import &Folder…"), QMessageBox::AcceptRole);
    QPushButton *sample = nullptr;
    const QString samplePath = sampleIssuePath();
    if (!samplePath.isEmpty())
        sample = box.addButton(QCoreApplication::translate("dubao::MainWindow", "Import the &Sample Issue"),
                               QMessageBox::ActionRole);
    box.addButton(QCoreApplication::translate("dubao::MainWindow", "Not Now"), QMessageBox::RejectRole);
    box.exec();
    if (box.clickedButton() == folder)
        importFolderDialog();
    else if (sample && box.clickedButton() == sample)
        importPaths({samplePath});
}

void IssuesPart::importFilesDialog()
{
    const QStringList files = QFileDialog::getOpenFileNames(
        &m_window, QCoreApplication::translate("dubao::MainWindow", "Import Issue Files"), QString(),
        QCoreApplication::translate("dubao::MainWindow", "Text files (*.txt);;All files (*)"));
    if (!files.isEmpty())
        importPaths(files);
}

void IssuesPart::importFolderDialog()
{
    const QString folder = QFileDialog::getExistingDirectory(
        &m_window, QCoreApplication::translate("dubao::MainWindow", "Import Folder of Issues"));
    if (!folder.isEmpty())
        importPaths({folder});
}

// ---------------------------------------------------------------------------------------------- issue details

void IssuesPart::editIssueDetails()
{
    if (!m_window.session())
        return;
    LibraryTreeModel *model = m_window.libraryModel();
    qint64 issueId = model->issueId(m_window.libraryTree()->currentIndex());
    if (issueId == 0)
        issueId = m_window.currentIssueId();
    const auto summary = model->issueSummary(issueId);
    if (!summary)
        return;
    const IssueInfo before = storedInfo(issueId, summary->info);
    IssueDetailsDialog dialog(before, &m_window);
    if (dialog.exec() == QDialog::Accepted && dialog.info() != before)
        setIssueInfo(issueId, dialog.info());
}

IssueInfo IssuesPart::storedInfo(qint64 issueId, const IssueInfo &listed)
{
    // The listing leaves out the year's evidence; the details and their undo keep it.
    IssueInfo info = listed;
    if (LibrarySession *session = m_window.session()) {
        if (const auto stored = session->issues().issue(issueId))
            info.yearEvidence = stored->parsed.issue.yearEvidence;
    }
    return info;
}

void IssuesPart::setIssueInfo(qint64 issueId, const IssueInfo &info)
{
    const auto summary = m_window.libraryModel()->issueSummary(issueId);
    LibrarySession *session = m_window.session();
    if (!session || !summary)
        return;
    m_window.undoStack()->push(new EditIssueInfoCommand(
        session->issues(), issueId, storedInfo(issueId, summary->info), info,
        [this](qint64 id, bool ok, const QString &error) { onIssueInfoApplied(id, ok, error); }));
}

void IssuesPart::onIssueInfoApplied(qint64 issueId, bool ok, const QString &error)
{
    if (!ok) {
        m_window.feedback().warn(
            &m_window, QCoreApplication::translate("dubao::MainWindow", "Issue Details"),
            QCoreApplication::translate("dubao::MainWindow", "The issue could not be changed: %1").arg(error));
        return;
    }
    m_window.reloadTree();
    // Show the user where the issue went (e.g. from Undated to its year), keeping the article selected.
    const QModelIndex issue = m_window.libraryModel()->indexOfIssue(issueId);
    if (issue.isValid() && issueId != m_window.currentIssueId())
        m_window.libraryTree()->scrollTo(issue);
}

// ---------------------------------------------------------------------------------------------------- re-parse

bool IssuesPart::reparseAll(std::function<void(const ReparseOutcome &)> done)
{
    if (!m_window.session() || m_reparse->isRunning())
        return false;
    QProgressDialog *progress = nullptr;
    if (m_window.feedback().showsDialogs()) {
        // The annotations part asks for the re-parse; its texts keep their translation context.
        progress =
            new QProgressDialog(QCoreApplication::translate("dubao::AnnotationController", "Re-parsing issues…"),
                                QCoreApplication::translate("dubao::AnnotationController", "Cancel"), 0, 0, &m_window);
        progress->setWindowModality(Qt::WindowModal);
        progress->setMinimumDuration(0);
        progress->setAutoClose(false);
        progress->setAutoReset(false);
        connect(progress, &QProgressDialog::canceled, m_reparse, &JobRunner::cancel);
        connect(m_reparse, &JobRunner::progress, progress, [progress](qint64 done, qint64 total) {
            progress->setMaximum(int(total));
            progress->setValue(int(done));
        });
        progress->show();
        m_reparseProgress = progress;
    }
    const QString path = m_window.libraryPath();
    return m_reparse->start([path](JobContext &job) { return ReparseJob::reparseAll(path, job); },
                            [this, done = std::move(done)](const ReparseOutcome &outcome) {
                                if (m_reparseProgress)
                                    m_reparseProgress->deleteLater();
                                // The job's connection wrote the library: take note of it now, so that the check
                                // for other programs' changes does not report this re-parse as one.
                                m_window.pollExternalChanges();
                                m_window.statusBar()->clearMessage();
                                done(outcome);
                            });
}

} // namespace dubao
