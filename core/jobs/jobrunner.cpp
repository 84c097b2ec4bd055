#include "core/jobs/jobrunner.h"

#include "core/store/cancelguard.h"

#include <QThread>

namespace dubao {

JobContext::JobContext(const std::atomic_bool *cancel, ProgressSink sink, std::chrono::milliseconds interval)
    : m_cancel(cancel)
    , m_sink(std::move(sink))
    , m_interval(interval)
{}

void JobContext::progress(qint64 done, qint64 total, const QString &text)
{
    const auto now = std::chrono::steady_clock::now();
    if (m_reported && done < total && now - m_last < m_interval)
        return;
    m_reported = true;
    m_last = now;
    if (m_sink)
        m_sink(done, total, text);
}

JobRunner::JobRunner(const QString &name, QObject *parent)
    : QObject(parent)
    , m_name(name)
{}

JobRunner::~JobRunner()
{
    cancelAndWait();
}

bool JobRunner::startTask(ErasedTask task)
{
    if (m_thread)
        return false;
    const quint64 run = ++m_run;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    auto delivery = std::make_shared<Delivery>();
    m_delivery = delivery;
    m_thread = QThread::create([this, task = std::move(task), cancel = m_cancel, delivery, run]() mutable {
        JobContext context(cancel.get(), [this, run](qint64 done, qint64 total, const QString &text) {
            QMetaObject::invokeMethod(
                this,
                [this, run, done, total, text] {
                    if (run == m_run && m_thread)
                        emit progress(done, total, text);
                },
                Qt::QueuedConnection);
        });
        *delivery = task(context);
        // Queued behind the progress this task sent; dropped with the runner (which joined this thread first).
        QMetaObject::invokeMethod(
            this, [this, run, delivery] { deliver(run, delivery); }, Qt::QueuedConnection);
    });
    m_thread->setObjectName(m_name);
    m_thread->start();
    return true;
}

void JobRunner::deliver(quint64 run, const std::shared_ptr<Delivery> &delivery)
{
    if (run != m_run || !m_thread)
        return; // dropped by cancelAndWait(), or already delivered by waitForResult()
    join();
    m_delivery.reset();
    if (*delivery)
        (*delivery)(); // last: it may start the next task, or delete this runner's owner
}

void JobRunner::join()
{
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

void JobRunner::cancel()
{
    if (m_thread && m_cancel) {
        m_cancel->store(true);
        CancelGuard::interrupt(m_cancel.get()); // a team library's running statement ends on the server
    }
}

void JobRunner::cancelAndWait()
{
    if (!m_thread)
        return;
    m_cancel->store(true);
    CancelGuard::interrupt(m_cancel.get());
    ++m_run; // what the task still has queued is not delivered
    join();
    m_delivery.reset();
}

void JobRunner::waitForResult()
{
    if (!m_thread)
        return;
    const std::shared_ptr<Delivery> delivery = m_delivery;
    ++m_run; // delivered here, not by what the task queued
    join();  // the task has set its delivery when its thread ends
    m_delivery.reset();
    if (*delivery)
        (*delivery)();
}

} // namespace dubao
