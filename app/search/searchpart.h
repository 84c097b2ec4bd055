// The window's search: the Search dock (full-text search of the library), the find bar under the reader, the
// Concordance dock, their actions in Edit and View, opening what they found, and the search index (checked when
// a library opens, rebuilt on a worker thread when it is missing or stale).
#pragma once

#include <QObject>
#include <QPointer>

class QDockWidget;
class QProgressDialog;
class QSplitter;

namespace dubao {

class ActionRegistry;
class ConcordanceView;
class FindBar;
class JobRunner;
class MainWindow;
class SearchPanel;
struct ConcordanceLine;
struct IndexOutcome;
struct SearchHit;
struct SearchQuery;

class SearchPart final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SearchPart)

public:
    /// Puts the find bar under the reader (the splitter's first pane), the Search dock beside `libraryDock`, the
    /// Concordance dock at the bottom, and registers the actions.
    SearchPart(MainWindow &window, QSplitter *splitter, QDockWidget *libraryDock, ActionRegistry &actions);
    ~SearchPart() override;

    SearchPanel *panel() const { return m_panel; }
    ConcordanceView *concordance() const { return m_concordance; }
    FindBar *findBar() const { return m_findBar; }

    bool isIndexing() const;
    /// Rebuilds the search index on a worker thread (with a progress dialog when the feedback shows dialogs).
    void rebuildIndex();
    /// Cancels a rebuild and waits for it (the library changes hands, the window closes).
    void stopIndexing();
    /// stopIndexing(), and the search and concordance workers close their connections (the library closes or
    /// its file is about to be replaced); the next search opens them again.
    void stopJobs();
    void openSearchHit(const SearchHit &hit, const SearchQuery &query);
    void openConcordanceLine(const ConcordanceLine &line);

private:
    void checkIndex();
    void onIndexProgress(qint64 done, qint64 total);
    void onIndexed(const QString &path, const IndexOutcome &outcome);
    void setSearchLibrary(const QString &path, const QString &offMessage = {});

    MainWindow &m_window;
    FindBar *m_findBar;
    SearchPanel *m_panel;
    QDockWidget *m_dock;
    ConcordanceView *m_concordance;
    QDockWidget *m_concordanceDock;
    JobRunner *m_indexRunner;
    QPointer<QProgressDialog> m_indexProgress;
};

} // namespace dubao
