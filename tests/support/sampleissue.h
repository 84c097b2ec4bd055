// The sample issue, resources/sample/sample-issue.txt: a fictional issue the project wrote itself, for tests that
// need an issue in a library but nothing of the real corpus.
#pragma once

#include "core/ingest/importer.h"
#include "core/model/issuelisting.h"
#include "core/store/issuerepository.h"
#include "core/store/library.h"

#include <QString>

#include <optional>

namespace dubao::test {

inline QString sampleIssuePath()
{
    return QStringLiteral(DUBAO_SOURCE_DIR "/resources/sample/sample-issue.txt");
}

/// Imports the sample issue into `library` and reads it back with its ids; nullopt when it was not imported
/// as a new issue.
inline std::optional<StoredIssue> importSampleIssue(Library &library)
{
    const ImportReport report = Importer(library).importPaths({sampleIssuePath()});
    if (report.imported.size() != 1)
        return std::nullopt;
    return IssueRepository(library).issue(report.imported.front().issueId);
}

} // namespace dubao::test
