#include "core/jobs/searchjob.h"

#include "core/store/cancelguard.h"
#include "core/store/library.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QSqlQuery>
#include <QThread>

Q_LOGGING_CATEGORY(lcSearchJob, "dubao.app.search")

namespace dubao {

namespace {

/// Opens the library for one request on the calling thread.
Result<void> openForSearch(Library &library, const QString &path)
{
    const Result<void> opened = library.open(path);
    if (!opened)
        qCWarning(lcSearchJob) << "cannot open library for search:" << opened.error().message();
    return opened;
}

QString cannotOpen(const Error &error)
{
    return QCoreApplication::translate("dubao::SearchWorker", "The library cannot be opened for searching: %1")
        .arg(error.message());
}

} // namespace

/// Lives in the runner's worker thread and holds its connection: opened by the first request, kept across
/// requests, closed by closeConnection() or with the worker (on its thread).
class SearchRunner::Worker final : public QObject
{
public:
    explicit Worker(const QString &path)
        : m_path(path)
    {}

    /// The open library, opened (again) when needed. Null with `error` set when it cannot be opened.
    Library *library(QString *error)
    {
        if (m_library && schemaVersion(*m_library) == m_schemaVersion)
            return m_library.get();
        // Another connection changed the schema (an index rebuilt, an upgrade): open afresh, so that the schema is
        // verified again as at any open.
        m_library.reset();
        auto library = std::make_unique<Library>();
        if (const Result<void> opened = openForSearch(*library, m_path); !opened) {
            *error = cannotOpen(opened.error());
            return nullptr;
        }
        m_schemaVersion = schemaVersion(*library);
        m_library = std::move(library);
        m_opened.fetch_add(1);
        return m_library.get();
    }

    void close() { m_library.reset(); }
    int opened() const { return m_opened.load(); }

private:
    static qint64 schemaVersion(Library &library)
    {
        QSqlQuery query(library.database());
        return query.exec(QStringLiteral("PRAGMA schema_version")) && query.next() ? query.value(0).toLongLong() : -1;
    }

    QString m_path;
    std::unique_ptr<Library> m_library;
    qint64 m_schemaVersion = -1;
    std::atomic_int m_opened{0};
};

SearchRunner::SearchRunner(const QString &libraryPath, QObject *parent)
    : QObject(parent)
    , m_path(libraryPath)
    , m_thread(new QThread)
    , m_worker(new Worker(libraryPath))
{
    qRegisterMetaType<dubao::SearchResult>();
    qRegisterMetaType<dubao::ConcordanceResult>();
    m_thread->setObjectName(QStringLiteral("search"));
    m_worker->moveToThread(m_thread);
    // The worker, and with it the connection, is deleted on its own thread as the thread ends.
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

SearchRunner::~SearchRunner()
{
    if (m_cancel) {
        m_cancel->store(true);
        CancelGuard::interrupt(m_cancel.get());
    }
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
}

quint64 SearchRunner::search(const QString &text, const SearchOptions &options)
{
    Request request;
    request.text = text;
    request.searchOptions = options;
    return enqueue(std::move(request));
}

quint64 SearchRunner::concordance(const QString &term, const ConcordanceOptions &options)
{
    Request request;
    request.concordance = true;
    request.text = term;
    request.concordanceOptions = options;
    return enqueue(std::move(request));
}

quint64 SearchRunner::enqueue(Request request)
{
    request.id = ++m_lastId;
    cancel();
    if (m_cancel)
        m_pending = std::move(request);
    else
        run(request);
    return m_lastId;
}

void SearchRunner::cancel()
{
    if (m_cancel) {
        m_cancel->store(true);
        CancelGuard::interrupt(m_cancel.get()); // a team library's statement ends on the server
    }
    if (m_pending)
        drop(*std::exchange(m_pending, std::nullopt));
}

void SearchRunner::closeConnection()
{
    cancel();
    // Queued behind the running request, which the cancel ends promptly.
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->close(); }, Qt::BlockingQueuedConnection);
}

int SearchRunner::connectionsOpened() const
{
    return m_worker->opened();
}

void SearchRunner::run(const Request &request)
{
    auto cancel = std::make_shared<std::atomic_bool>(false);
    m_cancel = cancel;
    // Runs on the worker thread; the result comes back to this thread, where the next request may start. (A result
    // still queued when the runner is deleted is dropped with it: the destructor waits for the worker first.)
    QMetaObject::invokeMethod(
        m_worker,
        [this, worker = m_worker, request, cancel] {
            QString error;
            if (request.concordance) {
                ConcordanceResult result;
                result.term = request.text;
                if (cancel->load())
                    result.cancelled = true;
                else if (Library *library = worker->library(&error))
                    result = Concordance(*library).lines(request.text, request.concordanceOptions, cancel.get());
                else
                    result.error = error;
                QMetaObject::invokeMethod(
                    this,
                    [this, id = request.id, cancel, result] {
                        finish(cancel, [&] { emit concordanceFinished(id, result); });
                    },
                    Qt::QueuedConnection);
            } else {
                SearchResult result;
                result.order = request.searchOptions.order;
                result.offset = request.searchOptions.offset;
                if (cancel->load())
                    result.cancelled = true;
                else if (Library *library = worker->library(&error))
                    result = SearchService(*library).search(request.text, request.searchOptions, cancel.get());
                else
                    result.error = error;
                QMetaObject::invokeMethod(
                    this,
                    [this, id = request.id, cancel, result] {
                        finish(cancel, [&] { emit searchFinished(id, result); });
                    },
                    Qt::QueuedConnection);
            }
        },
        Qt::QueuedConnection);
}

void SearchRunner::finish(const std::shared_ptr<std::atomic_bool> &cancel, const std::function<void()> &deliver)
{
    if (m_cancel == cancel)
        m_cancel.reset();
    deliver();
    if (m_pending && !m_cancel)
        run(*std::exchange(m_pending, std::nullopt));
}

void SearchRunner::drop(const Request &request)
{
    QMetaObject::invokeMethod(
        this,
        [this, request] {
            if (request.concordance) {
                ConcordanceResult result;
                result.term = request.text;
                result.cancelled = true;
                emit concordanceFinished(request.id, result);
            } else {
                SearchResult result;
                result.order = request.searchOptions.order;
                result.offset = request.searchOptions.offset;
                result.cancelled = true;
                emit searchFinished(request.id, result);
            }
        },
        Qt::QueuedConnection);
}

} // namespace dubao
