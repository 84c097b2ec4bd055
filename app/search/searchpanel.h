// The Search dock: search as you type (each search on the worker thread, a new keystroke cancelling the previous
// one; a keystroke searches at once while searches are fast, and waits for a pause in typing only after a slow one),
// order, the hit count, the parser's messages, and the hits with their snippets highlighted, page by page. Opening a
// hit (Enter, click, double-click) emits hitActivated().
#pragma once

#include "core/search/searchservice.h"

#include <QElapsedTimer>
#include <QWidget>

#include <algorithm>
#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QTimer;

namespace dubao {

class QueryCompleter;
class SearchResultsModel;
class SearchRunner;

class SearchPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SearchPanel)

public:
    /// The pause in typing a keystroke waits for after a slow search (one that took more than FastSearchMs).
    static constexpr int DebounceMs = 150;
    /// A first page that came this fast: the next keystroke searches at once, without waiting for a pause.
    static constexpr int FastSearchMs = 100;
    /// The exact count of a first page shown with "More than 5,000 hits" is asked for after this pause in typing:
    /// a one-character term's count cannot be interrupted (FTS5 merges its doclists in one call), and it would
    /// hold the next keystroke's search behind it.
    static constexpr int CountDelayMs = 300;
    static constexpr int DefaultPageSize = 50;

    explicit SearchPanel(QWidget *parent = nullptr);
    ~SearchPanel() override;

    /// Searches this library from now on (empty: none). Clears the results.
    void setLibraryPath(const QString &path);
    /// Cancels what runs and closes the worker's connection to the library (it is closing, or its file is about
    /// to be replaced); the results stay, and the next search opens it again.
    void closeConnection();
    /// Off while the index is being built: the field is disabled and `message` shown instead.
    void setSearchEnabled(bool enabled, const QString &message = {});
    bool isSearchEnabled() const { return m_enabled; }

    QString query() const;
    void setQuery(const QString &text); ///< as if typed
    SearchOrder order() const;
    void setOrder(SearchOrder order);
    /// Hits per page (fetched as the list scrolls to its end).
    int pageSize() const { return m_pageSize; }
    void setPageSize(int hits) { m_pageSize = std::max(1, hits); }
    /// Runs the current query now (after an import, or to skip the debounce).
    void refresh();
    void focusQuery();
    /// The library's tag paths, which `tag:` completes in the field.
    void setTagNames(const QStringList &paths);
    /// The names `author:` completes.
    void setAuthorNames(const QStringList &names);
    QueryCompleter *completer() const { return m_completer; }

    SearchResultsModel *model() const { return m_model; }
    QLineEdit *queryField() const { return m_field; }
    QListView *resultsView() const { return m_list; }
    /// The parsed query of the shown results (what the reader highlights).
    const SearchQuery &shownQuery() const { return m_shownQuery; }
    QString countText() const;
    QString messageText() const;
    bool isBusy() const { return m_busy; }
    /// A keystroke is waiting for a pause in typing (the last search was slow).
    bool isWaitingForPause() const;
    /// How long the last first page took to come back, in ms (-1 before the first).
    qint64 lastSearchMs() const { return m_lastSearchMs; }

signals:
    void hitActivated(const dubao::SearchHit &hit, const dubao::SearchQuery &query);
    /// A search ended and its results (or its message) are shown.
    void resultsShown();
    /// Esc in the results list: the reader's search highlighting should go.
    void clearHighlightingRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void scheduleSearch();
    void startSearch();
    void fetchPage(int offset);
    /// Asks for the exact count when the shown total is a lower bound and nothing else is running.
    void countExactly();
    void onSearchFinished(quint64 id, const SearchResult &result);
    void onCountFinished(quint64 id, const SearchResult &result);
    /// Drops the exact count asked for the text shown, if one runs (its result would be for another text).
    void cancelCount();
    void showMessage(const QString &text, bool error);
    void updateCount();
    /// Shows m_moreText in the Load more button, elided to the button's width.
    void elideLoadMore();
    void activate(const QModelIndex &index);

    QLineEdit *m_field;
    QComboBox *m_order;
    QLabel *m_count;
    QLabel *m_message;
    QListView *m_list;
    QPushButton *m_more;
    QTimer *m_debounce;
    QTimer *m_countDelay;
    QueryCompleter *m_completer;
    SearchResultsModel *m_model;
    std::unique_ptr<SearchRunner> m_runner;
    /// Exact counts run on their own worker and connection: a one-character term's count spends ~0.4 s at 1 GB
    /// inside one FTS5 call that no cancel reaches, and the next keystroke's first page must not queue behind it.
    std::unique_ptr<SearchRunner> m_counter;
    QString m_libraryPath;
    bool m_enabled = true;
    bool m_busy = false;
    int m_pageSize = DefaultPageSize;
    quint64 m_searchId = 0; ///< the request whose first page is awaited
    quint64 m_pageId = 0;   ///< the request for a further page
    quint64 m_countId = 0;  ///< the exact count that follows a first page shown with "more than N hits"
    QString m_shownText;    ///< the query text of the shown results
    SearchQuery m_shownQuery;
    QString m_disabledMessage;
    QString m_moreText;          ///< the Load more button's whole text
    QElapsedTimer m_searchClock; ///< since the awaited first page was asked for
    qint64 m_lastSearchMs = -1;
};

} // namespace dubao
