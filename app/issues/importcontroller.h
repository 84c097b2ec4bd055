// Runs one import at a time on a worker thread for a window (a JobRunner): progress dialog with Cancel, then the
// results, both through the window's UserFeedback.
#pragma once

#include "core/jobs/importjob.h"
#include "core/jobs/jobrunner.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

class QProgressDialog;
class QWidget;

namespace dubao {

class UserFeedback;

class ImportController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportController)

public:
    /// `window` parents the progress and result dialogs; `feedback` is asked for the window's current feedback.
    ImportController(QWidget *window, std::function<UserFeedback &()> feedback);
    ~ImportController() override;

    bool isRunning() const { return m_runner.isRunning(); }

    /// Starts importing into the library file at `libraryPath`. False when an import is already running.
    bool start(const QString &libraryPath, const QStringList &paths);
    void cancel();
    /// Cancels a running import and waits for its thread (used when the window closes or the library changes).
    void cancelAndWait();

    const ImportReport &lastReport() const { return m_lastReport; }

signals:
    void started();
    void progress(int done, int total, const QString &currentPath);
    /// After the job ended and the library holds its results.
    void finished(const dubao::ImportReport &report, const QString &error);

private:
    void onProgress(int done, int total, const QString &currentPath);
    void onFinished(const ImportOutcome &outcome);

    QWidget *m_window;
    std::function<UserFeedback &()> m_feedback;
    JobRunner m_runner;
    QPointer<QProgressDialog> m_progressDialog;
    ImportReport m_lastReport;
};

} // namespace dubao
