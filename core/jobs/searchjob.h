// Search and concordance on a worker thread. A SearchRunner (UI thread) owns a QThread with a SearchWorker
// that opens its OWN Library on the same file (a QSqlDatabase connection belongs to the thread that opened
// it). Each request gets a fresh cancel flag; a new request sets the previous one's flag, so a running
// search stops promptly (SQLite's progress handler checks it) and queued stale requests are skipped.
#pragma once

#include "core/model/result.h"
#include "core/search/concordance.h"
#include "core/search/searchservice.h"

#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>
#include <memory>

// Declared before any signal carries them (queued across the worker thread).
Q_DECLARE_METATYPE(dubao::SearchResult)
Q_DECLARE_METATYPE(dubao::ConcordanceResult)

namespace dubao {

class Library;

/// Lives in the worker thread; opens its Library on first use and keeps it until destroyed there.
class SearchWorker final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SearchWorker)

public:
    explicit SearchWorker(const QString &libraryPath);
    ~SearchWorker() override;

    void runSearch(quint64 id, const QString &text, const dubao::SearchOptions &options,
                   const std::shared_ptr<std::atomic_bool> &cancel);
    void runConcordance(quint64 id, const QString &term, const dubao::ConcordanceOptions &options,
                        const std::shared_ptr<std::atomic_bool> &cancel);

signals:
    void searchFinished(quint64 id, const dubao::SearchResult &result);
    void concordanceFinished(quint64 id, const dubao::ConcordanceResult &result);

private:
    Result<Library *> library();

    QString m_path;
    std::unique_ptr<Library> m_library;
};

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

signals:
    void searchFinished(quint64 id, const dubao::SearchResult &result);
    void concordanceFinished(quint64 id, const dubao::ConcordanceResult &result);

private:
    std::shared_ptr<std::atomic_bool> newRequest();

    QString m_path;
    QThread m_thread;
    SearchWorker *m_worker;
    std::shared_ptr<std::atomic_bool> m_cancel;
    quint64 m_lastId = 0;
};

} // namespace dubao
