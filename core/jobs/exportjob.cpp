#include "core/jobs/exportjob.h"

#include "core/export/exportformat.h"
#include "core/store/library.h"

#include <QCoreApplication>
#include <QThread>

namespace dubao {

ExportJob::ExportJob(ExportRequest request, QObject *parent)
    : QObject(parent)
    , m_request(std::move(request))
{}

ExportJob::~ExportJob()
{
    cancel();
    wait();
}

bool ExportJob::run()
{
    emit started();
    m_error.clear();
    m_count = 0;
    auto finish = [&](bool ok) {
        emit finished(ok, m_error, m_count);
        return ok;
    };
    const auto writer = createExportWriter(m_request.format);
    if (!writer) {
        m_error = QCoreApplication::translate("dubao::ExportJob", "Unknown export format.");
        return finish(false);
    }
    Library library;
    if (const Result<void> opened = library.open(m_request.libraryPath); !opened) {
        m_error = opened.error().message();
        return finish(false);
    }
    ExcerptCollector collector(library);
    const ExportDocument document = collector.collect(m_request.selection, &m_error, 0, &m_cancel);
    if (!m_error.isEmpty())
        return finish(false);
    m_count = document.excerpts.size();
    const ExportProgress progress = [this](qsizetype done, qsizetype total) {
        emit this->progress(done, total);
        return !m_cancel.load();
    };
    if (!exportToFile(*writer, document, m_request.options, m_request.outputPath, progress, &m_error))
        return finish(false);
    return finish(true);
}

void ExportJob::start()
{
    if (m_thread)
        return;
    m_thread = QThread::create([this] { run(); });
    m_thread->setObjectName(QStringLiteral("dubao-export"));
    m_thread->start();
}

bool ExportJob::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void ExportJob::wait()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
        m_thread = nullptr;
    }
}

} // namespace dubao
