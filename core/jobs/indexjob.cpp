#include "core/jobs/indexjob.h"

#include "core/search/searchindex.h"
#include "core/store/library.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcIndexJob, "dubao.app.index")

namespace dubao::IndexJob {

IndexOutcome rebuild(const QString &libraryPath, JobContext &job)
{
    IndexOutcome outcome;
    {
        Library library;
        Result<void> rebuilt = library.open(libraryPath);
        if (rebuilt)
            rebuilt = SearchIndex::rebuild(
                library, [&job](const SearchIndex::Progress &p) { job.progress(p.done, p.total); }, job.cancelFlag());
        outcome.ok = rebuilt.ok();
        if (!outcome.ok)
            outcome.error = rebuilt.error().message();
    }
    outcome.cancelled = !outcome.ok && job.isCancelled();
    if (outcome.cancelled)
        outcome.error.clear();
    else if (!outcome.ok)
        qCWarning(lcIndexJob) << "index rebuild failed:" << outcome.error;
    return outcome;
}

} // namespace dubao::IndexJob
