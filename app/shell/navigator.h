// Where the reader is and how it moves: the shown article and issue, the tree's selection kept in step, next and
// previous article and issue, Back/Forward history, the reading position remembered per library, and the Go
// menu's actions.
#pragma once

#include <QList>
#include <QObject>
#include <QPersistentModelIndex>

class QAction;
class QTimer;
class QTreeView;

namespace dubao {

class ActionRegistry;
class LibrarySession;
class LibraryTreeModel;
class MainWindow;
class OriginalView;
class ReaderView;

class Navigator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Navigator)

public:
    /// Registers the Go menu's history and article actions in `actions`.
    Navigator(MainWindow &window, LibraryTreeModel *model, QTreeView *tree, ActionRegistry &actions);
    ~Navigator() override;

    /// Shows an article (and selects it in the tree); `recordHistory` adds it to Back/Forward.
    bool showArticle(qint64 articleId, bool recordHistory = true);
    /// The first article of the first issue, or the placeholder of an empty (or no) library.
    void showFirstArticle();
    bool stepArticle(int step);
    bool stepIssue(int step);
    bool goBack();
    bool goForward();

    qint64 currentArticleId() const { return m_currentArticle; }
    qint64 currentIssueId() const { return m_currentIssue; }
    QModelIndex currentIndex() const { return m_currentIndex; }
    int articleCount() const { return m_articleCount; }

    /// A new session: forgets history and position (after writing the position in the library being left).
    void leaveLibrary();
    /// The session is open: shows where the reader last was in it, or its first article.
    void enterLibrary(LibrarySession &session);
    /// Re-reads the tree, keeping the shown article selected.
    void reloadTree();
    /// Re-reads the tree and shows the article again (its text may have changed), or the first one.
    void reloadArticle();

    /// Remembers the reader's position; written a moment later (or now by writeReadingPosition()).
    void saveReadingPosition();
    void writeReadingPosition();
    /// Writes a position still waiting for the timer (the window closes, the library changes hands).
    void flushReadingPosition();

    void updateActions();

signals:
    void articleShown(qint64 articleId);
    /// The position changed (article, issue, tree): status fields and actions follow.
    void changed();

private:
    void onTreeCurrentChanged(const QModelIndex &current);
    void selectInTree(const QModelIndex &index);

    MainWindow &m_window;
    LibraryTreeModel *m_model;
    QTreeView *m_tree;
    QTimer *m_positionTimer; ///< writes the reading position a moment after it last changed
    QAction *m_back;
    QAction *m_forward;
    QList<QAction *> m_stepActions; ///< next/previous article/issue: on while an article is shown

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
