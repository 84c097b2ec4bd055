// An export as a job: opens its own connection to the library (a QSqlDatabase belongs to the thread that opened
// it), collects the excerpts, writes the file through a QSaveFile, and reports progress. Run it on a worker
// thread (ExportJob::start) so the window stays responsive; cancel() stops it and leaves any old file as it was.
// The writer comes from the registry of export formats (core/export/exportformat.h): a format that needs Qt Gui
// (ODT, PDF) is there only in a program that registered it, and writes only while a QGuiApplication exists.
#pragma once

#include "core/export/excerptcollector.h"
#include "core/export/exportdocument.h"

#include <QObject>
#include <QString>

#include <atomic>

class QThread;

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

    /// Runs run() on a new thread; finished() arrives in the caller's thread. The job deletes nothing itself.
    void start();
    /// Does the whole export on the calling thread (the CLI, tests).
    bool run();
    void cancel() { m_cancel.store(true); }
    bool isRunning() const;
    /// Waits for a start()ed job's thread to end.
    void wait();

    const ExportRequest &request() const { return m_request; }
    QString errorString() const { return m_error; }
    qsizetype exportedCount() const { return m_count; }

signals:
    void started();
    /// `done` of `total` excerpts (or articles, for citations) written.
    void progress(qsizetype done, qsizetype total);
    void finished(bool ok, const QString &error, qsizetype count);

private:
    ExportRequest m_request;
    std::atomic_bool m_cancel{false};
    QThread *m_thread = nullptr;
    QString m_error;
    qsizetype m_count = 0;
};

} // namespace dubao
