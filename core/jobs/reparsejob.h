// Issue → Re-parse All Issues as a job: IssueReplacer::reparseAll in a worker thread on its own Library
// connection (like ImportJob), with progress and cancel.
#pragma once

#include "core/ingest/issuereplacer.h"

#include <QObject>

#include <atomic>

Q_DECLARE_METATYPE(dubao::ReparseReport)

namespace dubao {

class ReparseJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReparseJob)

public:
    explicit ReparseJob(const QString &libraryPath, QObject *parent = nullptr);
    ~ReparseJob() override;

    /// Thread-safe: stops after the issue being re-parsed (each issue is its own transaction).
    void cancel() { m_cancel.store(true); }

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
