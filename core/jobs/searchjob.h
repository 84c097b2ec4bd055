// Search and concordance on a worker thread. A SearchRunner (UI thread) runs one request at a time on its own
// worker thread, which lives as long as the runner and keeps one read connection to the library open across
// requests (opened by the first request, on that thread: a QSqlDatabase connection belongs to the thread that
// opened it), so a keystroke does not pay for opening the library. No statement stays active between requests,
// so the connection holds no read snapshot that would keep a WAL checkpoint from truncating. A new request
// cancels the running one (SQLite's progress handler checks the flag, so it stops promptly) and waits its turn;
// a request superseded before it ran comes back cancelled.
#pragma once

#include "core/search/concordance.h"
#include "core/search/searchservice.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QThread;

// Declared before any signal carries them (queued across the worker thread).
Q_DECLARE_METATYPE(dubao::SearchResult)
Q_DECLARE_METATYPE(dubao::ConcordanceResult)

namespace dubao {

class SearchRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SearchRunner)

public:
    explicit SearchRunner(const QString &libraryPath, QObject *parent = nullptr);
    /// Cancels what runs, closes the connection and ends the worker thread.
    ~SearchRunner() override;

    QString libraryPath() const { return m_path; }

    /// Cancels the previous request and queues this one; returns its id (results carry it).
    quint64 search(const QString &text, const SearchOptions &options);
    quint64 concordance(const QString &term, const ConcordanceOptions &options);
    /// Cancels the running or queued request, if any.
    void cancel();
    /// The id of the last request (0 before the first).
    quint64 lastId() const { return m_lastId; }
    /// Cancels what runs and closes the worker's connection (waiting for both), e.g. before the library file is
    /// replaced or its schema rebuilt; the next request opens it again.
    void closeConnection();
    /// How many times the worker opened the library (for tests: once for any number of requests).
    int connectionsOpened() const;

signals:
    void searchFinished(quint64 id, const dubao::SearchResult &result);
    void concordanceFinished(quint64 id, const dubao::ConcordanceResult &result);

private:
    class Worker;

    struct Request
    {
        quint64 id = 0;
        bool concordance = false;
        QString text;
        SearchOptions searchOptions;
        ConcordanceOptions concordanceOptions;
    };

    quint64 enqueue(Request request);
    void run(const Request &request);
    /// In this thread, when a request's result is back: delivers it, then starts the pending request.
    void finish(const std::shared_ptr<std::atomic_bool> &cancel, const std::function<void()> &deliver);
    /// Answers a request that will not run: cancelled, later (never inside search() or concordance()).
    void drop(const Request &request);

    QString m_path;
    QThread *m_thread = nullptr;
    Worker *m_worker = nullptr;                 ///< lives in m_thread, holds the connection
    std::shared_ptr<std::atomic_bool> m_cancel; ///< the running request's flag; null when none runs
    std::optional<Request> m_pending;           ///< waits for the running request to end
    quint64 m_lastId = 0;
};

} // namespace dubao
