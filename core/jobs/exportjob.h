// An export as a job: opens its own connection to the library (a QSqlDatabase belongs to the thread that opened
// it), collects the excerpts, writes the file through a QSaveFile, and reports progress. Run it on a worker
// thread (ExportJob::start, through a JobRunner) so the window stays responsive; cancel() stops it and leaves any
// old file as it was.
// The writer comes from the registry of export formats (core/export/exportformat.h): a format that needs Qt Gui
// (ODT, PDF) is there only in a program that registered it, and writes only while a QGuiApplication exists.
#pragma once

#include "core/export/excerptcollector.h"
#include "core/export/exportdocument.h"
#include "core/jobs/jobrunner.h"

#include <QObject>
#include <QString>

#include <atomic>

namespace dubao {

struct ExportRequest
{
    QString libraryPath;
    ExportSelection selection;
    QString format = QStringLiteral("md"); ///< a registered format's name (core/export/exportformat.h)
    ExportOptions options;
    QString outputPath;
};

class ExportJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportJob)

public:
    explicit ExportJob(ExportRequest request, QObject *parent = nullptr);
    ~ExportJob() override;

    /// Does the export on a worker thread; progress() and finished() arrive in the caller's thread. Destroying the
    /// job cancels it and waits for its thread (finished() then does not come).
    void start();
    /// Does the whole export on the calling thread (the CLI, tests).
    bool run();
    void cancel();
    bool isRunning() const { return m_runner.isRunning(); }
    /// Waits for a start()ed export to end; its finished() is emitted before this returns.
    void wait() { m_runner.waitForResult(); }

    const ExportRequest &request() const { return m_request; }
    QString errorString() const { return m_error; }
    qsizetype exportedCount() const { return m_count; }

signals:
    void started();
    /// `done` of `total` excerpts (or articles, for citations) written.
    void progress(qsizetype done, qsizetype total);
    void finished(bool ok, const QString &error, qsizetype count);

private:
    bool write(JobContext &job);

    ExportRequest m_request;
    std::atomic_bool m_cancel{false};
    JobRunner m_runner;
    QString m_error;
    qsizetype m_count = 0;
};

} // namespace dubao
