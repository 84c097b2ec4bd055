// Import as a job: runs core's Importer in a worker thread on its own Library connection (Qt allows a
// QSqlDatabase connection only in the thread that opened it), reporting progress and honouring cancel().
#pragma once

#include "core/ingest/importer.h"
#include "core/jobs/jobrunner.h"

#include <QObject>
#include <QStringList>

#include <atomic>

// Declared before any signal carries it (queued across the worker thread).
Q_DECLARE_METATYPE(dubao::ImportReport)

namespace dubao {

/// What an import did; `error` is set when the library could not be opened at all (then the report is empty).
struct ImportOutcome
{
    ImportReport report;
    QString error;
};

class ImportJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportJob)

public:
    ImportJob(const QString &libraryPath, const QStringList &paths, QObject *parent = nullptr);
    ~ImportJob() override;

    /// Thread-safe: asks the job to stop after the file it is importing.
    void cancel() { m_cancel.store(true); }
    bool isCancelled() const { return m_cancel.load(); }

    /// The import itself, on the calling thread, on its own connection: a JobRunner's task (progress text: the
    /// file being imported).
    static ImportOutcome import(const QString &libraryPath, const QStringList &paths, JobContext &job);

public slots:
    /// Does the work in the calling thread (the worker thread when the job was moved there).
    void run();

signals:
    void started();
    void progress(int done, int total, const QString &currentPath);
    /// `error` is set when the library could not be opened at all (then the report is empty).
    void finished(const dubao::ImportReport &report, const QString &error);

private:
    QString m_libraryPath;
    QStringList m_paths;
    std::atomic_bool m_cancel{false};
};

} // namespace dubao
