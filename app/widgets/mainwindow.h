// The reader's main window: Library dock (tree), reading pane with the original text beside it, menus,
// navigation and history, import, and the window's settings.
#pragma once

#include "gui/importjob.h"
#include "model/issue.h"

#include <QList>
#include <QMainWindow>
#include <QPersistentModelIndex>

#include <memory>

class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QSplitter;
class QTimer;
class QTreeView;
class QUndoStack;

namespace dubao {

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

    /// With interactive off (tests), problems go to the status bar instead of message boxes and imports show
    /// no dialogs.
    void setInteractive(bool interactive);

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

    bool m_interactive = true;
    bool m_syncingTree = false;
    qint64 m_currentArticle = 0;
    qint64 m_currentIssue = 0;
    qint64 m_topBlock = 0; ///< the paragraph at the top of the reader when last seen
    QPersistentModelIndex m_currentIndex;
    QList<qint64> m_history;
    int m_historyPosition = -1;
    int m_articleCount = 0;
};

} // namespace dubao
