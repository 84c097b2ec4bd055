// Re-anchoring: finding where an annotation belongs in a new version of an issue's text. Pure functions, no
// database. The store (IssueReplacer) calls them for every highlight, note and tag of an issue it re-parses.
//
// The algorithm follows Hypothesis (W3C TextQuote + TextPosition selectors), per article:
//   1. Position: the quote is still at its old offset in the (preferred) article's text.
//   2. Quote: exact occurrences of the quote anywhere in the issue, the best chosen by prefix/suffix
//      context, the preferred article and closeness to the old offset.
//   3. Fuzzy: approximate occurrences of the quote (bounded edit distance, Sellers/Ukkonen), scored by
//      quote similarity and context; then, for short quotes, the place between approximate matches of
//      prefix and suffix ("context").
//   4. None: the caller makes the annotation an orphan. Nothing is ever dropped.
// The article text is the article's block texts concatenated without separators, so a paragraph split in
// two or two paragraphs joined leave it unchanged: re-anchoring then succeeds by position and the caller
// maps the span back to blocks with blockSpans().
#pragma once

#include "core/model/annotation.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace dubao::anchoring {

/// An article as re-anchoring sees it.
struct ArticleText
{
    QString title;
    QStringList blocks; ///< Block::text of each block, in reading order
};

/// The blocks concatenated without separators.
QString articleText(const QStringList &blocks);

/// The anchor of [start, end) of `article.blocks[block]` (the article being at `articlePosition` in its
/// issue): quote, prefix/suffix context (article text, never cutting a surrogate pair), offsets, article
/// position and title. issueId is left 0 for the caller. Offsets are clamped to the block.
TextAnchor makeAnchor(const ArticleText &article, int articlePosition, int block, int start, int end);

enum class Method
{
    None,     ///< not found: orphan
    Position, ///< the quote is at its old offset
    Quote,    ///< an exact occurrence of the quote, chosen by context
    Fuzzy,    ///< an approximate occurrence of the quote
    Context,  ///< between approximate occurrences of prefix and suffix
};

/// A place in the new text: [articleStart, articleEnd) of issue[article]'s article text.
struct Placement
{
    Method method = Method::None;
    int article = -1;
    int articleStart = 0;
    int articleEnd = 0;
    double score = 0; ///< the winning candidate's score (1 for Position)

    bool found() const { return method != Method::None; }
};

/// Thresholds (documented in docs/schema.md, "Re-anchoring").
struct Thresholds
{
    int minSpecificQuote = 8;             ///< an exact quote this long is accepted without matching context
    double minContext = 0.5;              ///< otherwise prefix/suffix similarity (0..1) must reach this
    int minFuzzyQuote = 4;                ///< shorter quotes are not searched approximately (only by context)
    double maxQuoteErrorRate = 0.25;      ///< fuzzy: at most this fraction of the quote's length in edits
    int minFuzzyQuoteWithoutContext = 24; ///< a fuzzy quote this long is accepted whatever its context
    int minBracketContext = 8;            ///< "context" path: prefix and suffix at least this long
};

/// Finds the anchor's place in `issue`. The preferred article is the one with the anchor's title closest
/// to its old position, else the one at its old position.
Placement locate(const TextAnchor &anchor, const QList<ArticleText> &issue, const Thresholds &thresholds = {});

/// A part of an article-text span inside one block.
struct BlockSpan
{
    int block = -1;
    int start = 0; ///< in the block's text
    int end = 0;

    int length() const { return end - start; }
    friend bool operator==(const BlockSpan &, const BlockSpan &) = default;
};

/// The blocks that [articleStart, articleEnd) overlaps, in order, each clipped to its block (empty blocks
/// are skipped). A non-empty span gives at least one entry.
QList<BlockSpan> blockSpans(const QStringList &blocks, int articleStart, int articleEnd);

/// The entry holding most of the span (the first on a tie): where a highlight crossing a paragraph split
/// goes. BlockSpan{} (block -1) for an empty list.
BlockSpan largestSpan(const QList<BlockSpan> &spans);

/// Levenshtein distance (UTF-16 units).
int editDistance(QStringView a, QStringView b);

/// 1 - editDistance / longer length; 1 for two empty strings.
double similarity(QStringView a, QStringView b);

struct ApproximateMatch
{
    int start = 0;
    int end = 0; ///< exclusive
    int errors = 0;
    friend bool operator==(const ApproximateMatch &, const ApproximateMatch &) = default;
};

/// Occurrences of `pattern` in `text` with at most `maxErrors` insertions, deletions or substitutions
/// (Sellers' algorithm with Ukkonen's cut-off, O(maxErrors × text length)). One match per run of
/// neighbouring end positions: the one with fewest errors, then the length closest to the pattern's.
QList<ApproximateMatch> findApproximate(QStringView pattern, QStringView text, int maxErrors);

} // namespace dubao::anchoring
