// Search and concordance on a worker thread. A SearchRunner (UI thread) runs one request at a time on a JobRunner;
// each request opens its own Library on the same file on the worker thread (a QSqlDatabase connection belongs to
// the thread that opened it). A new request cancels the running one (SQLite's progress handler checks the flag,
// so it stops promptly) and waits its turn; a request superseded before it ran comes back cancelled.
#pragma once

#include "core/jobs/jobrunner.h"
#include "core/search/concordance.h"
#include "core/search/searchservice.h"

#include <QObject>
#include <QString>

#include <optional>

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
    /// Cancels what runs and waits for the worker thread.
    ~SearchRunner() override;

    QString libraryPath() const { return m_path; }

    /// Cancels the previous request and queues this one; returns its id (results carry it).
    quint64 search(const QString &text, const SearchOptions &options);
    quint64 concordance(const QString &term, const ConcordanceOptions &options);
    /// Cancels the running or queued request, if any.
    void cancel();
    /// The id of the last request (0 before the first).
    quint64 lastId() const { return m_lastId; }

    /// The searches themselves, on the calling thread with their own connection (a JobRunner's task).
    static SearchResult searchIn(const QString &libraryPath, const QString &text, const SearchOptions &options,
                                 const std::atomic_bool *cancel);
    static ConcordanceResult concordanceIn(const QString &libraryPath, const QString &term,
                                           const ConcordanceOptions &options, const std::atomic_bool *cancel);

signals:
    void searchFinished(quint64 id, const dubao::SearchResult &result);
    void concordanceFinished(quint64 id, const dubao::ConcordanceResult &result);

private:
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
    /// Answers a request that will not run: cancelled, later (never inside search() or concordance()).
    void drop(const Request &request);

    QString m_path;
    JobRunner m_runner;
    std::optional<Request> m_pending; ///< waits for the running request to end
    quint64 m_lastId = 0;
};

} // namespace dubao
