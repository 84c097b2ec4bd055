#include "core/jobs/searchjob.h"

#include "core/store/library.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcSearchJob, "dubao.app.search")

namespace dubao {

SearchWorker::SearchWorker(const QString &libraryPath)
    : m_path(libraryPath)
{}

SearchWorker::~SearchWorker() = default;

Result<Library *> SearchWorker::library()
{
    if (!m_library) {
        auto library = std::make_unique<Library>();
        if (const Result<void> opened = library->open(m_path); !opened) {
            qCWarning(lcSearchJob) << "cannot open library for search:" << opened.error().message();
            return opened.error();
        }
        m_library = std::move(library);
    }
    return m_library.get();
}

void SearchWorker::runSearch(quint64 id, const QString &text, const SearchOptions &options,
                             const std::shared_ptr<std::atomic_bool> &cancel)
{
    SearchResult result;
    result.order = options.order;
    result.offset = options.offset;
    if (cancel->load()) { // superseded while queued
        result.cancelled = true;
        emit searchFinished(id, result);
        return;
    }
    if (const Result<Library *> lib = library()) {
        SearchService service(**lib);
        result = service.search(text, options, cancel.get());
    } else {
        result.error = tr("The library cannot be opened for searching: %1").arg(lib.error().message());
    }
    emit searchFinished(id, result);
}

void SearchWorker::runConcordance(quint64 id, const QString &term, const ConcordanceOptions &options,
                                  const std::shared_ptr<std::atomic_bool> &cancel)
{
    ConcordanceResult result;
    result.term = term;
    if (cancel->load()) {
        result.cancelled = true;
        emit concordanceFinished(id, result);
        return;
    }
    if (const Result<Library *> lib = library()) {
        Concordance concordance(**lib);
        result = concordance.lines(term, options, cancel.get());
    } else {
        result.error = tr("The library cannot be opened for searching: %1").arg(lib.error().message());
    }
    emit concordanceFinished(id, result);
}

SearchRunner::SearchRunner(const QString &libraryPath, QObject *parent)
    : QObject(parent)
    , m_path(libraryPath)
    , m_worker(new SearchWorker(libraryPath))
{
    qRegisterMetaType<dubao::SearchResult>();
    qRegisterMetaType<dubao::ConcordanceResult>();
    m_thread.setObjectName(QStringLiteral("search"));
    m_worker->moveToThread(&m_thread);
    // Deleted in the worker thread as it ends, so the Library's connection closes in the thread that opened it.
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SearchWorker::searchFinished, this, &SearchRunner::searchFinished);
    connect(m_worker, &SearchWorker::concordanceFinished, this, &SearchRunner::concordanceFinished);
    m_thread.start();
}

SearchRunner::~SearchRunner()
{
    cancel();
    m_thread.quit();
    m_thread.wait();
}

std::shared_ptr<std::atomic_bool> SearchRunner::newRequest()
{
    cancel();
    m_cancel = std::make_shared<std::atomic_bool>(false);
    return m_cancel;
}

void SearchRunner::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

quint64 SearchRunner::search(const QString &text, const SearchOptions &options)
{
    const quint64 id = ++m_lastId;
    auto flag = newRequest();
    SearchWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, id, text, options, flag] { worker->runSearch(id, text, options, flag); },
        Qt::QueuedConnection);
    return id;
}

quint64 SearchRunner::concordance(const QString &term, const ConcordanceOptions &options)
{
    const quint64 id = ++m_lastId;
    auto flag = newRequest();
    SearchWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, id, term, options, flag] { worker->runConcordance(id, term, options, flag); },
        Qt::QueuedConnection);
    return id;
}

} // namespace dubao
