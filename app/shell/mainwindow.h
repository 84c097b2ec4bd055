// The reader's main window: Library dock (tree), reading pane with the original text beside it, menus,
// navigation and history, import, and the window's settings.
#pragma once

#include "app/shell/actionregistry.h"
#include "app/shell/userfeedback.h"
#include "core/jobs/importjob.h"
#include "core/model/issue.h"

#include <QList>
#include <QMainWindow>
#include <QPersistentModelIndex>
#include <QPointer>
#include <QUrl>

#include <functional>
#include <memory>

class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QSplitter;
class QProgressDialog;
class QTimer;
class QTreeView;
class QUndoStack;

namespace dubao {

class AnnotationController;
class ConcordanceView;
class FindBar;
class JobRunner;
class SearchPanel;
struct ConcordanceLine;
struct SearchHit;
struct SearchQuery;
struct CheckReport;
struct ReparseOutcome;
class ImportController;
class LibrarySession;
class LibraryTreeModel;
class OriginalView;
class ReaderView;

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
    /// returns false with the reason in `error`, and the library that was open stays open.
    bool openLibrary(const QString &path, QString *error = nullptr);
    bool hasLibrary() const { return m_session != nullptr; }
    QString libraryPath() const;
    LibrarySession *session() const { return m_session.get(); }

    /// Imports files and folders into the open library in the background; the tree refreshes when it ends.
    bool importPaths(const QStringList &paths);
    /// First run: when the library is empty, offers to import a folder or the shipped sample issue.
    void offerFirstImport();
    /// The sample issue shipped with the app, copied to a file the importer can read; empty when not shipped.
    static QString sampleIssuePath();

    bool showArticle(qint64 articleId);
    qint64 currentArticleId() const { return m_currentArticle; }
    qint64 currentIssueId() const { return m_currentIssue; }

    bool nextArticle() { return stepArticle(1); }
    bool previousArticle() { return stepArticle(-1); }
    bool nextIssue() { return stepIssue(1); }
    bool previousIssue() { return stepIssue(-1); }
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
    ImportController *importController() const { return m_import; }
    QString statusText() const; ///< the permanent status bar fields, joined (for tests)

    // Annotations (gui/annotationcontroller.h holds the rest)
    AnnotationController *annotations() const { return m_annotations; }

    // Search (setUpSearch() and the functions after it)
    SearchPanel *searchPanel() const { return m_searchPanel; }
    ConcordanceView *concordanceView() const { return m_concordance; }
    FindBar *findBar() const { return m_findBar; }
    /// The search index is being rebuilt (search is disabled meanwhile).
    bool isIndexing() const;
    /// Shows a search hit: the article, scrolled to the paragraph, every match of `query` highlighted.
    void openSearchHit(const SearchHit &hit, const SearchQuery &query);
    /// Shows a concordance line: the article, scrolled to the occurrence, which is selected.
    void openConcordanceLine(const ConcordanceLine &line);
    /// Rebuilds the search index on a worker thread (progress dialog when interactive).
    void rebuildSearchIndex();
    /// Opens dubao://block/ID and dubao://article/ID links (shows the article, scrolls to and flashes the
    /// paragraph); a file:// URL is imported. False when the link names nothing in the library.
    bool openLink(const QUrl &url);
    /// Re-reads the tree and the shown article after issues changed underneath (replaced, re-parsed, deleted);
    /// shows the first article when the shown one is gone.
    void reloadLibrary();

    // Maintenance (setUpMaintenance() and the functions after it): backups, checks, read-only mode, changes
    // made by other programs.
    /// File → Back Up Now without dialogs: returns the backup's path, or empty with `error`.
    QString backUpNow(QString *error = nullptr);
    /// Closes the library, replaces it with `backupFile` (Backup::restore keeps a copy of what it replaces),
    /// reopens it. No dialogs. False with `error` when nothing was restored (the library is reopened as it was).
    bool restoreFromBackup(const QString &backupFile, QString *error = nullptr);
    /// Help → Check Library… without the dialog (`repair`: LibraryCheck::repair, then the tree is reloaded).
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
    void articleShown(qint64 articleId);
    /// An import ended and the tree shows its result.
    void importFinished(const dubao::ImportReport &report);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createMenus();
    void createExportAction(QMenu *file); ///< File → Export… (the export dialog)
    void connectPanelExports();           ///< Export… in the annotations panel and the notebook view
    void setUpAnnotations();
    void setUpSearch();      ///< search dock, find bar, concordance dock, their actions
    void setUpMaintenance(); ///< backup/restore/check actions, read-only banner, external-change poll
    void applyReadOnlyMode();
    void restoreBackupDialog();
    void checkLibraryDialog();
    void checkSearchIndex();
    void stopIndexing();
    void onIndexProgress(qint64 done, qint64 total);
    void restoreSettings();
    QAction *addAction(QMenu *menu, const QString &name, const QString &text, const QKeySequence &shortcut,
                       void (MainWindow::*slot)());

    bool showArticle(qint64 articleId, bool recordHistory);
    bool stepArticle(int step);
    bool stepIssue(int step);
    void onTreeCurrentChanged(const QModelIndex &current);
    void selectInTree(const QModelIndex &index);
    void reloadTree();
    void showFirstArticle();
    void updateStatus();
    void updateActions();
    void updateOriginalLayout();
    void updateRecentMenu();
    void saveReadingPosition();
    void writeReadingPosition();
    void reportProblem(const QString &title, const QString &message);
    void onImportFinished(const ImportReport &report, const QString &error);
    void onIssueInfoApplied(qint64 issueId, bool ok, const QString &error);

    // Menu commands
    void newLibrary();
    void openLibraryDialog();
    void importFilesDialog();
    void importFolderDialog();
    void editIssueDetails();
    void focusLibrary();
    void focusReader();
    void toggleFocus();
    void about();
    void showShortcuts();    ///< Help → Keyboard Shortcuts
    void startDailyBackup(); ///< Backup::ensureDaily on a worker thread with its own connection
    void waitForDailyBackup();

    std::unique_ptr<LibrarySession> m_session;
    LibraryTreeModel *m_model;
    QTreeView *m_tree;
    QDockWidget *m_treeDock;
    QSplitter *m_splitter;
    ReaderView *m_reader;
    OriginalView *m_original;
    QUndoStack *m_undoStack;
    QTimer *m_positionTimer; ///< writes the reading position a moment after it last changed
    ImportController *m_import;
    QLabel *m_issueStatus;
    QLabel *m_positionStatus;
    QLabel *m_libraryStatus;
    QMenu *m_recentMenu = nullptr;
    QActionGroup *m_themeGroup = nullptr;
    QActionGroup *m_languageGroup = nullptr;

    std::unique_ptr<UserFeedback> m_feedback;
    ActionRegistry *m_actions;
    bool m_syncingTree = false;
    qint64 m_currentArticle = 0;
    qint64 m_currentIssue = 0;
    qint64 m_topBlock = 0; ///< the paragraph at the top of the reader when last seen
    QPersistentModelIndex m_currentIndex;
    AnnotationController *m_annotations = nullptr;
    SearchPanel *m_searchPanel = nullptr;
    QDockWidget *m_searchDock = nullptr;
    ConcordanceView *m_concordance = nullptr;
    QDockWidget *m_concordanceDock = nullptr;
    FindBar *m_findBar = nullptr;
    JobRunner *m_indexRunner;
    QPointer<QProgressDialog> m_indexProgress;
    QList<qint64> m_history;
    int m_historyPosition = -1;
    int m_articleCount = 0;
    QWidget *m_readOnlyBanner = nullptr; ///< setUpMaintenance()
    QTimer *m_changePoll = nullptr;
    JobRunner *m_reparseRunner;
    JobRunner *m_dailyBackup; ///< startDailyBackup(); joined before the library changes hands
    qint64 m_dataVersion = -1;
};

} // namespace dubao
