#include "core/jobs/exportjob.h"

#include "core/export/exportformat.h"
#include "core/store/library.h"

#include <QCoreApplication>

namespace dubao {

ExportJob::ExportJob(ExportRequest request, QObject *parent)
    : QObject(parent)
    , m_request(std::move(request))
    , m_runner(QStringLiteral("dubao-export"))
{
    connect(&m_runner, &JobRunner::progress, this, [this](qint64 done, qint64 total) { emit progress(done, total); });
}

ExportJob::~ExportJob()
{
    cancel();
    m_runner.cancelAndWait(); // before the members the task writes go
}

void ExportJob::cancel()
{
    m_cancel.store(true);
    m_runner.cancel();
}

bool ExportJob::run()
{
    emit started();
    JobContext job(
        &m_cancel, [this](qint64 done, qint64 total, const QString &) { emit progress(done, total); },
        std::chrono::milliseconds(0));
    const bool ok = write(job);
    emit finished(ok, m_error, m_count);
    return ok;
}

void ExportJob::start()
{
    emit started();
    // m_error and m_count are written on the worker thread and read here only after it ended.
    m_runner.start(
        [this](JobContext &runner) {
            // The job's own flag, so that a cancel() before start() counts too.
            JobContext job(&m_cancel, [&runner](qint64 done, qint64 total, const QString &text) {
                runner.progress(done, total, text);
            });
            return write(job);
        },
        [this](bool ok) { emit finished(ok, m_error, m_count); });
}

bool ExportJob::write(JobContext &job)
{
    m_error.clear();
    m_count = 0;
    const auto writer = createExportWriter(m_request.format);
    if (!writer) {
        m_error = QCoreApplication::translate("dubao::ExportJob", "Unknown export format.");
        return false;
    }
    Library library;
    if (const Result<void> opened = library.open(m_request.libraryPath); !opened) {
        m_error = opened.error().message();
        return false;
    }
    ExcerptCollector collector(library);
    const Result<ExportDocument> collected = collector.collect(m_request.selection, 0, job.cancelFlag());
    if (!collected) {
        m_error = collected.error().message();
        return false;
    }
    const ExportDocument &document = *collected;
    m_count = document.excerpts.size();
    const ExportProgress progress = [&job](qsizetype done, qsizetype total) {
        job.progress(done, total);
        return !job.isCancelled();
    };
    if (const Result<void> written = exportToFile(*writer, document, m_request.options, m_request.outputPath, progress);
        !written) {
        m_error = written.error().message();
        return false;
    }
    return true;
}

} // namespace dubao
