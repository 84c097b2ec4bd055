// Rebuilding the full-text index as a job: SearchIndex::rebuild in a worker thread on its own Library
// connection, reporting progress and honouring cancel() (a cancelled rebuild is rolled back).
#pragma once

#include <QObject>
#include <QString>

#include <atomic>

namespace dubao {

class IndexJob final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IndexJob)

public:
    explicit IndexJob(const QString &libraryPath, QObject *parent = nullptr);
    ~IndexJob() override;

    /// Thread-safe.
    void cancel() { m_cancel.store(true); }
    bool isCancelled() const { return m_cancel.load(); }

public slots:
    /// Does the work in the calling thread (the worker thread when the job was moved there).
    void run();

signals:
    void progress(qint64 done, qint64 total);
    /// `ok` false: cancelled (nothing changed) or `error` says why.
    void finished(bool ok, bool cancelled, const QString &error);

private:
    QString m_libraryPath;
    std::atomic_bool m_cancel{false};
};

} // namespace dubao
