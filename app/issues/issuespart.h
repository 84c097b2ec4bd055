// The window's issues: File → Import Files…/Import Folder… (ImportController: a worker thread, progress, the
// results), the first-run offer to import, Issue → Edit Details… and the changer that makes its undo command, and
// the re-parse of every issue on a worker thread (started by the annotations part, which re-anchors and reports).
#pragma once

#include "core/jobs/importjob.h"
#include "core/model/issue.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QAction;
class QProgressDialog;

namespace dubao {

class ActionRegistry;
class ImportController;
class JobRunner;
class MainWindow;
struct ReparseOutcome;

class IssuesPart final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IssuesPart)

public:
    IssuesPart(MainWindow &window, ActionRegistry &actions);
    ~IssuesPart() override;

    ImportController *importController() const { return m_import; }
    bool importPaths(const QStringList &paths);
    void importFilesDialog();
    void importFolderDialog();
    void offerFirstImport();
    static QString sampleIssuePath();

    /// The one place an issue's details change: pushes the undo command (Edit → Undo reverts it).
    void setIssueInfo(qint64 issueId, const IssueInfo &info);
    bool reparseAll(std::function<void(const ReparseOutcome &)> done);
    /// Stops what runs on worker threads (the library changes hands, the window closes); results are dropped.
    void stopJobs();

    void updateActions(bool library, bool issue);

private:
    IssueInfo storedInfo(qint64 issueId, const IssueInfo &listed);
    void editIssueDetails();
    void onImportFinished(const ImportReport &report, const QString &error);
    void onIssueInfoApplied(qint64 issueId, bool ok, const QString &error);

    MainWindow &m_window;
    ImportController *m_import;
    JobRunner *m_reparse;
    QPointer<QProgressDialog> m_reparseProgress;
    QAction *m_importFiles;
    QAction *m_importFolder;
    QAction *m_editIssue;
};

} // namespace dubao
