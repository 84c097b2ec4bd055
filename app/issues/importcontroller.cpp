#include "app/issues/importcontroller.h"

#include "app/issues/importresultdialog.h"
#include "core/jobs/importjob.h"

#include <QDir>
#include <QFileInfo>
#include <QProgressDialog>
#include <QThread>

namespace dubao {

ImportController::ImportController(QWidget *window)
    : QObject(window)
    , m_window(window)
{}

ImportController::~ImportController()
{
    cancelAndWait();
}

bool ImportController::start(const QString &libraryPath, const QStringList &paths)
{
    if (isRunning() || paths.isEmpty())
        return false;
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("dubao-import"));
    m_job = new ImportJob(libraryPath, paths);
    m_job->moveToThread(m_thread);
    connect(m_thread, &QThread::started, m_job, &ImportJob::run);
    connect(m_thread, &QThread::finished, m_job, &QObject::deleteLater);
    connect(m_job, &ImportJob::progress, this, &ImportController::onProgress);
    connect(m_job, &ImportJob::finished, this, &ImportController::onFinished);

    if (m_interactive) {
        m_progressDialog = new QProgressDialog(tr("Preparing the import…"), tr("Cancel"), 0, 0, m_window);
        m_progressDialog->setWindowTitle(tr("Importing"));
        m_progressDialog->setWindowModality(Qt::WindowModal);
        m_progressDialog->setMinimumDuration(400);
        m_progressDialog->setAutoClose(false);
        m_progressDialog->setAutoReset(false);
        m_progressDialog->setMinimumWidth(420);
        connect(m_progressDialog, &QProgressDialog::canceled, this, &ImportController::cancel);
    }
    m_thread->start();
    emit started();
    return true;
}

void ImportController::cancel()
{
    if (m_job)
        m_job->cancel();
    if (m_progressDialog)
        m_progressDialog->setLabelText(tr("Cancelling after the current file…"));
}

void ImportController::cancelAndWait()
{
    if (!m_thread)
        return;
    m_job->cancel();
    m_thread->quit();
    m_thread->wait();
    // The job deletes itself with its thread; a finished signal still queued is ignored (see onFinished).
    m_job = nullptr;
    delete m_thread;
    m_thread = nullptr;
    if (m_progressDialog)
        m_progressDialog->deleteLater();
}

void ImportController::onProgress(int done, int total, const QString &currentPath)
{
    if (m_progressDialog) {
        m_progressDialog->setMaximum(total);
        m_progressDialog->setValue(done);
        if (m_job && !m_job->isCancelled())
            m_progressDialog->setLabelText(tr("Importing %1 of %2:\n%3")
                                               .arg(done + 1 > total ? total : done + 1)
                                               .arg(total)
                                               .arg(QFileInfo(currentPath).fileName()));
    }
    emit progress(done, total, currentPath);
}

void ImportController::onFinished(const ImportReport &report, const QString &error)
{
    if (!m_job || sender() != m_job.data())
        return; // a job cancelled by cancelAndWait()
    m_lastReport = report;
    if (m_thread) {
        m_thread->quit();
        m_thread->wait();
        m_thread->deleteLater();
        m_thread = nullptr;
        m_job = nullptr; // deleted by the thread's finished signal
    }
    if (m_progressDialog) {
        m_progressDialog->close();
        m_progressDialog->deleteLater();
    }
    emit finished(report, error);
    if (m_interactive) {
        auto *dialog = new ImportResultDialog(report, error, m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    }
}

} // namespace dubao
