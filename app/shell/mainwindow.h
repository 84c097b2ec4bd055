// The reader's main window: the layout (Library dock with the tree, reading pane with the original text beside
// it, toolbar, status bar), the library session, the shell's own actions, settings, and the feature parts it
// composes (navigation, search, issues, maintenance, export, annotations), each registering its actions.
#pragma once

#include "app/shell/actionregistry.h"
#include "app/shell/userfeedback.h"
#include "core/jobs/importjob.h"
#include "core/model/issue.h"
#include "core/model/result.h"

#include <QMainWindow>
#include <QUrl>

#include <functional>
#include <memory>

class QDockWidget;
class QSplitter;
class QTreeView;
class QUndoStack;

namespace dubao {

class AnnotationController;
class ConcordanceView;
class ExportPart;
class FindBar;
class ImportController;
class IssuesPart;
class LibrarySession;
class LibrarySwitcher;
class LibraryTreeModel;
class MaintenancePart;
class Navigator;
class OriginalView;
class ReaderView;
class ReusePart;
class SearchPanel;
class SearchPart;
class StatusFields;
class TeamChangeListener;
class ViewOptions;
struct CheckReport;
struct ConcordanceLine;
struct ReparseOutcome;
struct SearchHit;
struct SearchQuery;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// How the window speaks to the user (message boxes and dialogs; tests give their own).
    UserFeedback &feedback() { return *m_feedback; }
    void setFeedback(std::unique_ptr<UserFeedback> feedback);
    /// Every action of the window, registered by the part that owns it; the menu bar is built from it.
    ActionRegistry &actions() { return *m_actions; }

    /// Opens (creating if needed) and locks a library, shows where the reader last was. No dialogs: on failure
    /// returns the reason as an error, and the library that was open stays open.
    Result<void> openLibrary(const QString &path);
    /// Closes the open library (its jobs stopped, its lock released), e.g. before its file is replaced.
    void closeLibrary();
    bool hasLibrary() const { return m_session != nullptr; }
    QString libraryPath() const;
    LibrarySession *session() const { return m_session.get(); }

    /// Imports files and folders into the open library in the background; the tree refreshes when it ends.
    bool importPaths(const QStringList &paths);
    bool isImporting() const;
    /// First run: when the library is empty, offers to import a folder or the shipped sample issue.
    void offerFirstImport();
    /// The sample issue shipped with the app, copied to a file the importer can read; empty when not shipped.
    static QString sampleIssuePath();

    bool showArticle(qint64 articleId);
    void showFirstArticle();
    qint64 currentArticleId() const;
    qint64 currentIssueId() const;

    bool nextArticle();
    bool previousArticle();
    bool nextIssue();
    bool previousIssue();
    bool goBack();
    bool goForward();

    /// Issue → Re-parse All Issues: re-parses every issue on a worker thread, with a progress dialog (Cancel stops
    /// after the issue being re-parsed); `done` gets the outcome in this thread. False when one is running.
    bool reparseAllIssues(std::function<void(const ReparseOutcome &)> done);

    /// Sets an issue's details through the undo stack (Edit → Undo reverts it).
    void editIssueInfo(qint64 issueId, const IssueInfo &info);

    void setShowOriginal(bool show);
    bool isOriginalShown() const;

    /// Writes window layout, text size, view options and the reading position to QSettings.
    void saveSettings();

    ReaderView *reader() const { return m_reader; }
    OriginalView *originalView() const { return m_original; }
    QTreeView *libraryTree() const { return m_tree; }
    LibraryTreeModel *libraryModel() const { return m_model; }
    QUndoStack *undoStack() const { return m_undoStack; }
    ImportController *importController() const;
    QString statusText() const; ///< the permanent status bar fields, joined (for tests)

    // Annotations (app/annotations/annotationcontroller.h holds the rest)
    AnnotationController *annotations() const { return m_annotations; }
    /// A team library's change notices: what colleagues commit shows in this window (app/shell/teamchangelistener.h).
    TeamChangeListener *teamChanges() const { return m_teamChanges; }

    // Search (app/search/searchpart.h)
    SearchPanel *searchPanel() const;
    ConcordanceView *concordanceView() const;
    FindBar *findBar() const;
    /// The search index is being rebuilt (search is disabled meanwhile).
    bool isIndexing() const;
    /// Shows a search hit: the article, scrolled to the paragraph, every match of `query` highlighted.
    void openSearchHit(const SearchHit &hit, const SearchQuery &query);
    /// Shows a concordance line: the article, scrolled to the occurrence, which is selected.
    void openConcordanceLine(const ConcordanceLine &line);
    /// Rebuilds the search index on a worker thread (progress dialog when the feedback shows dialogs).
    void rebuildSearchIndex();
    /// Opens dubao://block/ID and dubao://article/ID links (shows the article, scrolls to and flashes the
    /// paragraph); a file:// URL is imported. False when the link names nothing in the library.
    bool openLink(const QUrl &url);
    /// Re-reads the tree and the shown article after issues changed underneath (replaced, re-parsed, deleted);
    /// shows the first article when the shown one is gone.
    void reloadLibrary();
    /// Re-reads the tree, keeping the shown article.
    void reloadTree();
    /// Brings the actions' enabled state up to date (library open, article shown, history).
    void updateActions();

    // Maintenance (app/maintenance/maintenancepart.h): backups, checks, read-only mode, changes made by other
    // programs.
    /// File → Back Up Now without dialogs: returns the backup's path, or an error.
    Result<QString> backUpNow();
    /// File → Back Up to File… without the save dialog: a self-contained backup written to `file`; its path.
    Result<QString> backUpToFile(const QString &file);
    /// Closes the library, replaces it with `backupFile` (Backup::restore keeps a copy of what it replaces),
    /// reopens it. No dialogs. An error when nothing was restored (the library is reopened as it was).
    Result<void> restoreFromBackup(const QString &backupFile);
    /// Help → Check Library… without the dialog (`repair`: LibraryCheck::repair, then the tree is reloaded; a
    /// library read-only for objects Dubao did not make is repaired as dubao-cli check --repair does and opened
    /// again).
    CheckReport checkLibrary(bool repair);
    /// Reloads the tree when another connection (dubao-cli, a second window) committed since the last poll
    /// (PRAGMA data_version; polled every 2 s). Returns true when it reloaded.
    bool pollExternalChanges();
    /// The open library is read-only: a banner says so and editing actions are off.
    bool isReadOnlyMode() const;
    /// Backups kept per library (QSettings "backups/keep", default Backup::kDefaultKeep).
    static int backupsToKeep();

signals:
    void libraryOpened(const QString &path);
    /// The open library is about to close (closeLibrary(): a restore replaces its file). Whoever keeps a pointer
    /// into the session lets go of it now; the library is still open while the signal is delivered.
    void libraryClosing();
    void articleShown(qint64 articleId);
    /// An import ended and the tree shows its result.
    void importFinished(const dubao::ImportReport &report);

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void registerActions();
    void registerHelpActions();
    void createToolBar();
    void setUpAnnotations();
    void restoreSettings();
    /// The docks give way to the reading pane: while the reader is narrower than its readable width, the side docks
    /// shrink (each in proportion to what it has above its minimum) until it has it or they are at their minimums.
    void balanceDocks();
    void updateStatus();
    void stopJobs();

    void focusLibrary();
    void focusReader();
    void toggleFocus();
    void about();
    void showShortcuts();   ///< Help → Keyboard Shortcuts
    void showPreferences(); ///< Edit → Preferences…

    std::unique_ptr<LibrarySession> m_session;
    std::unique_ptr<UserFeedback> m_feedback;
    ActionRegistry *m_actions;
    LibraryTreeModel *m_model;
    QTreeView *m_tree;
    QDockWidget *m_treeDock;
    QSplitter *m_splitter;
    ReaderView *m_reader;
    OriginalView *m_original;
    QUndoStack *m_undoStack;
    StatusFields *m_status;
    ViewOptions *m_view = nullptr;
    bool m_balanceQueued = false;

    Navigator *m_navigator;
    LibrarySwitcher *m_switcher;
    IssuesPart *m_issues;
    ExportPart *m_export;
    SearchPart *m_search;
    MaintenancePart *m_maintenance;
    ReusePart *m_reuse = nullptr;
    AnnotationController *m_annotations = nullptr;
    TeamChangeListener *m_teamChanges = nullptr;
};

} // namespace dubao
