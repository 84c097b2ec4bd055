// Applying the reader's corrections of the OCR to a parse (docs/corrections.md). Pure functions, no database: the
// store keeps the corrections, IssueReplacer applies them to every parse of an issue before it compares and writes,
// so the paragraphs the library holds are always the parse with its corrections applied.
#pragma once

#include "core/model/article.h"
#include "core/model/correction.h"

#include <QList>
#include <QStringView>

#include <optional>

namespace dubao::correcting {

/// A piece of a corrected paragraph: [finalStart, finalEnd) of its text comes from [parseStart, parseEnd) of the
/// parsed paragraph `parseBlock` of the same article, as it was (correction -1) or as corrections[correction] has it.
/// Offsets are UTF-16 units.
struct Segment
{
    int parseBlock = -1;
    int parseStart = 0;
    int parseEnd = 0;
    int finalStart = 0;
    int finalEnd = 0;
    int correction = -1;

    friend bool operator==(const Segment &, const Segment &) = default;
};

/// Where a correction went (UTF-16 units): in the parse, and in the corrected articles.
struct Placement
{
    bool placed = false;
    int article = -1;
    int parseBlock = -1;
    int parseStart = 0;
    int parseEnd = 0;
    int block = -1; ///< the corrected paragraph showing it
    int start = 0;  ///< Text: the corrected text's span in that paragraph; Join: the seam (start == end); else 0
    int end = 0;
};

struct CorrectedIssue
{
    QList<Article> articles;               ///< the parse with the corrections applied
    QList<QList<QList<Segment>>> segments; ///< [article][corrected paragraph]: where its text comes from
    QList<Placement> placements;           ///< one per correction, in their order
};

/// Applies `corrections` to `parsed`. Each is found again by its anchor (quote, context, positions: the
/// re-anchoring of core/annotate/anchoring.h) in the parse, so they survive a re-parse that moved their text.
/// One that cannot be placed (its text is gone, it overlaps an earlier text correction, a join of an article's last
/// paragraph, a split at a paragraph's end) is left out: its placement says placed false, and the caller keeps it as
/// an orphan. Splits, joins and kinds are applied after the text corrections; a corrected paragraph has the kind of
/// the first parsed paragraph it holds (the newest kind correction of that one, else the parser's).
CorrectedIssue apply(const QList<Article> &parsed, const QList<Correction> &corrections);

/// Where [start, end) of corrected paragraph `block` of `article` is in the parse: one parsed paragraph and offsets
/// in it (UTF-16). nullopt when the span is not within one parsed paragraph; `touches` is then, or when the span
/// overlaps an applied text correction, that correction's index (else -1).
struct ParseSpan
{
    int parseBlock = -1;
    int start = 0;
    int end = 0;
};
std::optional<ParseSpan> toParse(const CorrectedIssue &issue, int article, int block, int start, int end,
                                 int *touches = nullptr);

/// The number of code points in text.left(utf16).
int codePoints(QStringView text, int utf16);
/// The UTF-16 offset of code point `points` in `text` (clamped to its length).
int utf16Offset(QStringView text, int points);

} // namespace dubao::correcting
