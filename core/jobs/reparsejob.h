// Issue → Re-parse All Issues as a job: IssueReplacer::reparseAll on its own Library connection, with progress
// and cancel. The app runs reparseAll() on a JobRunner; ReparseJob runs it on the caller's thread with signals.
#pragma once

#include "core/ingest/issuereplacer.h"
#include "core/jobs/jobrunner.h"

#include <QObject>
#include <QString>

#include <atomic>

Q_DECLARE_METATYPE(dubao::ReparseReport)

namespace dubao {

struct ReparseOutcome
{
    ReparseReport report;
    QString error; ///< the library could not be opened (then the report is empty)
};

class ReparseJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReparseJob)

public:
    explicit ReparseJob(const QString &libraryPath, QObject *parent = nullptr);
    ~ReparseJob() override;

    /// Thread-safe: stops after the issue being re-parsed (each issue is its own transaction).
    void cancel() { m_cancel.store(true); }

    /// Re-parses every issue of the library at `libraryPath` on the calling thread (a JobRunner's task).
    static ReparseOutcome reparseAll(const QString &libraryPath, JobContext &job);

public slots:
    void run();

signals:
    void progress(int done, int total);
    void finished(const dubao::ReparseReport &report, const QString &error);

private:
    QString m_libraryPath;
    std::atomic_bool m_cancel{false};
};

} // namespace dubao
