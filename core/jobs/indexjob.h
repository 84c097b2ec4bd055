// Rebuilding the full-text index as a job: SearchIndex::rebuild on its own Library connection (run it on a
// JobRunner's worker thread), reporting progress and honouring the cancel flag (a cancelled rebuild is rolled
// back).
#pragma once

#include "core/jobs/jobrunner.h"

#include <QString>

namespace dubao {

struct IndexOutcome
{
    bool ok = false;
    bool cancelled = false; ///< nothing changed
    QString error;          ///< why it failed, when not cancelled
};

namespace IndexJob {

/// Rebuilds the index of the library at `libraryPath` on the calling thread.
IndexOutcome rebuild(const QString &libraryPath, JobContext &job);

} // namespace IndexJob

} // namespace dubao
