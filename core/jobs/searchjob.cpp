#include "core/jobs/searchjob.h"

#include "core/store/library.h"

#include <QCoreApplication>
#include <QLoggingCategory>

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

SearchResult SearchRunner::searchIn(const QString &libraryPath, const QString &text, const SearchOptions &options,
                                    const std::atomic_bool *cancel)
{
    SearchResult result;
    result.order = options.order;
    result.offset = options.offset;
    if (cancel && cancel->load()) { // superseded before it ran
        result.cancelled = true;
        return result;
    }
    Library library;
    if (const Result<void> opened = openForSearch(library, libraryPath); !opened) {
        result.error = cannotOpen(opened.error());
        return result;
    }
    return SearchService(library).search(text, options, cancel);
}

ConcordanceResult SearchRunner::concordanceIn(const QString &libraryPath, const QString &term,
                                              const ConcordanceOptions &options, const std::atomic_bool *cancel)
{
    ConcordanceResult result;
    result.term = term;
    if (cancel && cancel->load()) {
        result.cancelled = true;
        return result;
    }
    Library library;
    if (const Result<void> opened = openForSearch(library, libraryPath); !opened) {
        result.error = cannotOpen(opened.error());
        return result;
    }
    return Concordance(library).lines(term, options, cancel);
}

SearchRunner::SearchRunner(const QString &libraryPath, QObject *parent)
    : QObject(parent)
    , m_path(libraryPath)
    , m_runner(QStringLiteral("search"))
{
    qRegisterMetaType<dubao::SearchResult>();
    qRegisterMetaType<dubao::ConcordanceResult>();
}

SearchRunner::~SearchRunner() = default; // m_runner cancels and joins

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
    if (m_runner.isRunning())
        m_pending = std::move(request);
    else
        run(request);
    return m_lastId;
}

void SearchRunner::cancel()
{
    m_runner.cancel();
    if (m_pending)
        drop(*std::exchange(m_pending, std::nullopt));
}

void SearchRunner::run(const Request &request)
{
    auto next = [this] {
        if (m_pending && !m_runner.isRunning())
            run(*std::exchange(m_pending, std::nullopt));
    };
    const QString path = m_path;
    if (request.concordance) {
        m_runner.start(
            [path, request](JobContext &job) {
                return concordanceIn(path, request.text, request.concordanceOptions, job.cancelFlag());
            },
            [this, id = request.id, next](const ConcordanceResult &result) {
                emit concordanceFinished(id, result);
                next();
            });
    } else {
        m_runner.start(
            [path, request](JobContext &job) {
                return searchIn(path, request.text, request.searchOptions, job.cancelFlag());
            },
            [this, id = request.id, next](const SearchResult &result) {
                emit searchFinished(id, result);
                next();
            });
    }
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
