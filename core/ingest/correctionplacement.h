// Applying an issue's corrections to a new parse of it and writing where each one went (IssueReplacer, Corrector;
// docs/corrections.md).
#pragma once

#include "core/annotate/correcting.h"
#include "core/model/correction.h"
#include "core/model/issue.h"
#include "core/model/result.h"

#include <functional>

namespace dubao {

class Library;

namespace correctionplacement {

struct Applied
{
    QList<Correction> corrections;    ///< the issue's, by id (placed and orphans)
    correcting::CorrectedIssue issue; ///< empty when there are none
    ParsedIssue parsed;               ///< the parse with them applied
};

/// The issue's corrections applied to `parsed` (a new parse of the issue, as the parser gives it).
Result<Applied> applyTo(Library &library, qint64 issueId, const ParsedIssue &parsed);

/// The anchor and offsets of [start, end) (UTF-16) of parsed paragraph `block` of `article`: what a correction
/// stores (start and end in code points, the quote as `original`).
void anchorTo(Correction &correction, const ParsedIssue &pristine, int article, int block, int start, int end);

/// Writes where each correction of `applied` is now, `blockId(article, paragraph)` giving the id of a corrected
/// paragraph; a correction that was not placed becomes an orphan (kept). Writes only what changed.
Result<void> place(Library &library, qint64 issueId, const Applied &applied, const ParsedIssue &pristine,
                   const std::function<qint64(int, int)> &blockId);

} // namespace correctionplacement
} // namespace dubao
