// Runs one long task at a time on a worker thread for its owner (qBittorrent's load thread, Zeal's
// std::atomic_bool cancel): the task gets a JobContext with the cancel flag (hand it to the core's functions that
// take one; those that run SQL interrupt their statements with it through CancelGuard) and a progress callback;
// progress and the task's result arrive in the owner's thread. Destroying the runner cancels the task and joins
// its thread: no worker thread outlives its owner.
#pragma once

#include <QObject>
#include <QString>

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <type_traits>
#include <utility>

class QThread;

namespace dubao {

/// What a task sees of its runner, on the worker thread.
class JobContext final
{
    Q_DISABLE_COPY_MOVE(JobContext)

public:
    using ProgressSink = std::function<void(qint64 done, qint64 total, const QString &text)>;

    /// `interval` 0: every report goes to `sink` (a job run on the caller's thread, whose tests count them).
    JobContext(const std::atomic_bool *cancel, ProgressSink sink,
               std::chrono::milliseconds interval = kProgressInterval);

    /// The flag the owner sets to cancel; pass it to Importer, SearchIndex::rebuild, LibraryCheck::check...
    const std::atomic_bool *cancelFlag() const { return m_cancel; }
    bool isCancelled() const { return m_cancel->load(); }
    /// Reports `done` of `total` (and what is being done). Throttled: the first report, then at most one per
    /// interval, and always the last (done == total), so a fast task does not flood the owner's event loop.
    void progress(qint64 done, qint64 total, const QString &text = {});

    static constexpr std::chrono::milliseconds kProgressInterval{50};

private:
    const std::atomic_bool *m_cancel;
    ProgressSink m_sink;
    std::chrono::milliseconds m_interval;
    std::chrono::steady_clock::time_point m_last{};
    bool m_reported = false;
};

class JobRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobRunner)

public:
    /// `name` names the worker thread (for debuggers and logs).
    explicit JobRunner(const QString &name, QObject *parent = nullptr);
    /// Cancels a running task and waits for its thread; its result is dropped.
    ~JobRunner() override;

    /// Runs `task(JobContext &)` on a new worker thread; when it returns, `done(result)` (or `done()` for a task
    /// that returns nothing) is called in this runner's thread, after the thread has ended, so `done` may start
    /// the next task. False (nothing started) while a task is running.
    template<typename Task, typename Done>
    bool start(Task task, Done done)
    {
        using Result = std::invoke_result_t<Task &, JobContext &>;
        return startTask([task = std::move(task), done = std::move(done)](JobContext &context) mutable {
            if constexpr (std::is_void_v<Result>) {
                task(context);
                return Delivery([done = std::move(done)]() mutable { done(); });
            } else {
                auto result = std::make_shared<Result>(task(context));
                return Delivery([done = std::move(done), result]() mutable { done(std::move(*result)); });
            }
        });
    }

    /// From start() until the result has been delivered (or dropped by cancelAndWait()).
    bool isRunning() const { return m_thread != nullptr; }
    /// Asks the running task to stop; its result still arrives (a task says itself what a cancel did).
    void cancel();
    /// Whether cancel() was called on the running task.
    bool isCancelled() const { return m_cancel && m_cancel->load(); }
    /// Cancels the running task and waits for its thread; its progress and result are dropped.
    void cancelAndWait();
    /// Waits for the running task to end and delivers its result now (for callers that must not return before
    /// the work is done, e.g. a backup that must not overlap another).
    void waitForResult();

signals:
    /// Throttled (see JobContext::progress); in the runner's thread, before the result.
    void progress(qint64 done, qint64 total, const QString &text);

private:
    using Delivery = std::function<void()>;
    using ErasedTask = std::function<Delivery(JobContext &)>;

    bool startTask(ErasedTask task);
    void deliver(quint64 run, const std::shared_ptr<Delivery> &delivery);
    void join();

    QString m_name;
    QThread *m_thread = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel;
    quint64 m_run = 0;                    ///< numbers the tasks; what a dropped task still sends is ignored
    std::shared_ptr<Delivery> m_delivery; ///< the running task's result, set on its thread before it ends
};

} // namespace dubao
