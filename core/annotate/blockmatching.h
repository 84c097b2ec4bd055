// Which blocks and articles of a new parse of an issue are the stored ones (and keep their ids), and the lineage of
// those that were split, joined or removed: the comparison that lets a re-parse or replace update an issue in place
// (design in docs/schema.md, "Stable identities"). Pure functions over the issue's texts.
#pragma once

#include "core/annotate/anchoring.h"

#include <QList>

namespace dubao::matching {

/// A block by its place: article index in the issue, block index in the article.
struct BlockRef
{
    int article = -1;
    int block = -1;

    bool isValid() const { return article >= 0 && block >= 0; }
    friend bool operator==(const BlockRef &, const BlockRef &) = default;
};

enum class LineageKind
{
    Split,   ///< the old block (article) is now also, in part, the new one
    Joined,  ///< the old block (article) is now part of the new one, which kept another's identity
    Removed, ///< no part of it is in the new text
};

struct BlockLineage
{
    BlockRef old;
    BlockRef now; ///< invalid for Removed
    LineageKind kind = LineageKind::Removed;
};

struct ArticleLineage
{
    int old = -1;
    int now = -1; ///< -1 for Removed
    LineageKind kind = LineageKind::Removed;
};

struct IssueMatching
{
    /// Per new article, per new block: the old block whose identity it keeps, or an invalid ref (a new row).
    QList<QList<BlockRef>> blockFrom;
    /// Per new article: the old article whose identity it keeps, or -1.
    QList<int> articleFrom;
    QList<BlockLineage> blockLineage;
    QList<ArticleLineage> articleLineage;
};

/// Matches the blocks of `now` to those of `old`:
/// 1. a new block with the same text as an old one keeps its identity (in reading order when a text repeats);
/// 2. every other old block is located in the new text (anchoring::locate: exact, then approximate — so a
///    block whose OCR was corrected is recognised, and a split block is found across its parts); the new block
///    holding most of it keeps its identity, and any other new block holding a quarter of it (or a quarter of
///    itself) is a split part, with a new identity and Split lineage;
/// 3. when several old blocks land on one new block (a join), the one contributing most text keeps its identity,
///    the others get Joined lineage; an old block found nowhere is Removed.
/// Articles: a new article keeps the identity of the old article most of its blocks' text came from (the same
/// title counts too), one to one; an old article left over is Joined into the article that received most of its
/// blocks, or Removed; a new article holding blocks of an old article that kept its identity elsewhere is Split.
IssueMatching matchIssue(const QList<anchoring::ArticleText> &old, const QList<anchoring::ArticleText> &now);

} // namespace dubao::matching
