#include "core/jobs/reparsejob.h"

#include "core/analysis/peopleindex.h"
#include "core/reuse/reuseindex.h"
#include "core/store/library.h"

namespace dubao {

ReparseJob::ReparseJob(const QString &libraryPath, QObject *parent)
    : QObject(parent)
    , m_libraryPath(libraryPath)
{
    qRegisterMetaType<dubao::ReparseReport>();
}

ReparseJob::~ReparseJob() = default;

void ReparseJob::run()
{
    JobContext job(
        &m_cancel, [this](qint64 done, qint64 total, const QString &) { emit progress(int(done), int(total)); },
        std::chrono::milliseconds(0));
    const ReparseOutcome outcome = reparseAll(m_libraryPath, job);
    emit finished(outcome.report, outcome.error);
}

ReparseOutcome ReparseJob::reparseAll(const QString &libraryPath, JobContext &job)
{
    ReparseOutcome outcome;
    Library library;
    if (const Result<void> opened = library.open(libraryPath); !opened)
        outcome.error = opened.error().message();
    else
        outcome.report = IssueReplacer(library).reparseAll([&job](int done, int total) { job.progress(done, total); },
                                                           job.cancelFlag());
    // The officials of the paragraphs the re-parse changed (a failure leaves them waiting for the next update).
    if (library.isOpen()) {
        (void)PeopleIndex(library).update(job.cancelFlag());
        (void)ReuseIndex(library).update(job.cancelFlag()); // the same for text reuse
    }
    return outcome;
}

} // namespace dubao
