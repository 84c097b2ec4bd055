#include "app/issues/importcontroller.h"

#include "app/issues/importresultdialog.h"
#include "app/shell/userfeedback.h"

#include <QFileInfo>
#include <QProgressDialog>

namespace dubao {

ImportController::ImportController(QWidget *window, std::function<UserFeedback &()> feedback)
    : QObject(window)
    , m_window(window)
    , m_feedback(std::move(feedback))
    , m_runner(QStringLiteral("dubao-import"))
{
    qRegisterMetaType<dubao::ImportReport>();
    connect(&m_runner, &JobRunner::progress, this,
            [this](qint64 done, qint64 total, const QString &path) { onProgress(int(done), int(total), path); });
}

ImportController::~ImportController()
{
    cancelAndWait();
}

bool ImportController::start(const QString &libraryPath, const QStringList &paths)
{
    if (isRunning() || paths.isEmpty())
        return false;
    m_runner.start([libraryPath, paths](JobContext &job) { return ImportJob::import(libraryPath, paths, job); },
                   [this](const ImportOutcome &outcome) { onFinished(outcome); });

    if (m_feedback().showsDialogs()) {
        m_progressDialog = new QProgressDialog(tr("Preparing the import…"), tr("Cancel"), 0, 0, m_window);
        m_progressDialog->setWindowTitle(tr("Importing"));
        m_progressDialog->setWindowModality(Qt::WindowModal);
        m_progressDialog->setMinimumDuration(400);
        m_progressDialog->setAutoClose(false);
        m_progressDialog->setAutoReset(false);
        m_progressDialog->setMinimumWidth(420);
        connect(m_progressDialog, &QProgressDialog::canceled, this, &ImportController::cancel);
    }
    emit started();
    return true;
}

void ImportController::cancel()
{
    m_runner.cancel();
    if (m_progressDialog)
        m_progressDialog->setLabelText(tr("Cancelling after the current file…"));
}

void ImportController::cancelAndWait()
{
    if (!isRunning())
        return;
    m_runner.cancelAndWait(); // its result is dropped
    if (m_progressDialog)
        m_progressDialog->deleteLater();
}

void ImportController::onProgress(int done, int total, const QString &currentPath)
{
    if (m_progressDialog) {
        m_progressDialog->setMaximum(total);
        m_progressDialog->setValue(done);
        if (!m_runner.isCancelled())
            m_progressDialog->setLabelText(tr("Importing %1 of %2:\n%3")
                                               .arg(done + 1 > total ? total : done + 1)
                                               .arg(total)
                                               .arg(QFileInfo(currentPath).fileName()));
    }
    emit progress(done, total, currentPath);
}

void ImportController::onFinished(const ImportOutcome &outcome)
{
    m_lastReport = outcome.report;
    if (m_progressDialog) {
        m_progressDialog->close();
        m_progressDialog->deleteLater();
    }
    emit finished(outcome.report, outcome.error);
    m_feedback().show(new ImportResultDialog(outcome.report, outcome.error, m_window));
}

} // namespace dubao
