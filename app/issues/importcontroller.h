// Runs one ImportJob at a time in a worker thread for a window: progress dialog with Cancel, then the results.
#pragma once

#include "core/jobs/importjob.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

class QProgressDialog;
class QThread;
class QWidget;

namespace dubao {

class ImportJob;

class ImportController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportController)

public:
    /// `window` parents the progress and result dialogs.
    explicit ImportController(QWidget *window);
    ~ImportController() override;

    /// With interactive off (tests), no dialogs are shown.
    void setInteractive(bool interactive) { m_interactive = interactive; }
    bool isRunning() const { return m_thread != nullptr; }

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
    void onFinished(const ImportReport &report, const QString &error);

    QWidget *m_window;
    bool m_interactive = true;
    QThread *m_thread = nullptr;
    QPointer<ImportJob> m_job;
    QPointer<QProgressDialog> m_progressDialog;
    ImportReport m_lastReport;
};

} // namespace dubao
