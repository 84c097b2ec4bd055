// Re-anchoring an issue's annotations (see reanchorer.h).
#include "core/ingest/reanchorer.h"

#include "core/store/annotationrows.h"
#include "core/store/authorship.h"
#include "core/store/dialect.h"
#include "core/store/sql.h"

namespace dubao::reanchoring {

using namespace sql;

namespace {

void count(ReanchorCounts &c, bool wasOrphan, bool placed, bool same)
{
    if (wasOrphan)
        ++(placed ? c.reattached : c.stillOrphan);
    else if (!placed)
        ++c.orphaned;
    else
        ++(same ? c.stayed : c.moved);
}

bool sameAnchor(const TextAnchor &a, const TextAnchor &b)
{
    return a.articlePosition == b.articlePosition && a.blockPosition == b.blockPosition && a.start == b.start &&
           a.end == b.end && a.quote == b.quote;
}

/// Block-level anchor (the whole paragraph) of an old block.
TextAnchor blockAnchor(const QList<anchoring::ArticleText> &texts, BlockRef ref, qint64 issueId)
{
    TextAnchor anchor = anchoring::makeAnchor(texts.at(ref.article), ref.article, ref.block, 0,
                                              int(texts.at(ref.article).blocks.at(ref.block).size()));
    anchor.issueId = issueId;
    return anchor;
}

/// The new block for a block-level anchor: the one holding most of the located span; -1 if none.
std::pair<int, int> locateBlock(const TextAnchor &anchor, const QList<anchoring::ArticleText> &texts)
{
    const anchoring::Placement p = anchoring::locate(anchor, texts);
    if (!p.found())
        return {-1, -1};
    const auto span =
        anchoring::largestSpan(anchoring::blockSpans(texts.at(p.article).blocks, p.articleStart, p.articleEnd));
    return {p.article, span.block};
}

/// Reads the highlights or notes (`Row`) on the issue's blocks and the orphans whose anchor names the issue. A row
/// on one of the old blocks gets the anchor `anchorOnBlock` makes; any other is (now) an orphan keeping its own.
template<typename Row, typename AnchorOnBlock>
Result<void> loadAnnotations(QSqlDatabase db, qint64 issueId, const Texts &t, const char *columns, const char *table,
                             const char *alias, Row (*fromQuery)(const QSqlQuery &, int), QList<Row> &rows,
                             AnchorOnBlock anchorOnBlock)
{
    QSqlQuery q(db);
    if (Result<void> read = select(q,
                                   QStringLiteral("SELECT %1 FROM %2 %3 LEFT JOIN blocks b ON b.id = %3.block_id "
                                                  "LEFT JOIN articles a ON a.id = b.article_id "
                                                  "WHERE a.issue_id = ? OR (%3.block_id IS NULL AND %3.issue_id = ?) "
                                                  "ORDER BY %3.id")
                                       .arg(QLatin1String(columns), QLatin1String(table), QLatin1String(alias)),
                                   {issueId, issueId});
        !read)
        return read;
    while (q.next()) {
        Row row = fromQuery(q, 0);
        if (!row.orphan && t.untouched.contains(row.blockId))
            continue;
        const auto ref = t.oldBlocks.constFind(row.blockId);
        if (!row.orphan && ref != t.oldBlocks.cend())
            row.anchor = anchorOnBlock(row, *ref);
        else
            row.orphan = true;
        row.anchor.issueId = issueId;
        rows.append(row);
    }
    return {};
}

} // namespace

Result<void> Reanchorer::load()
{
    // Highlights and notes on the issue's blocks, and orphans whose anchor names the issue. On a block, their
    // anchor is made anew from the current text (the stored one was made from it anyway); an orphan keeps its own.
    if (Result<void> loaded = loadAnnotations(
            m_db, m_issueId, m_t, kHighlightColumns, "highlights", "h", highlightFromQuery, m_highlights,
            [&](const Highlight &h, BlockRef ref) {
                return anchoring::makeAnchor(m_t.oldTexts.at(ref.article), ref.article, ref.block, h.start, h.end);
            });
        !loaded)
        return loaded;
    if (Result<void> loaded =
            loadAnnotations(m_db, m_issueId, m_t, kNoteColumns, "notes", "n", noteFromQuery, m_notes,
                            [&](const Note &, BlockRef ref) { return blockAnchor(m_t.oldTexts, ref, m_issueId); });
        !loaded)
        return loaded;

    for (const Highlight &h : std::as_const(m_highlights))
        m_attached += h.orphan ? 0 : 1;
    for (const Note &n : std::as_const(m_notes))
        m_attached += n.orphan ? 0 : 1;
    // Taggings of untouched blocks and kept articles stay on their rows.
    auto loadTaggings = [&](const QString &sql, QList<Tagging> &out, const QSet<qint64> &skip) -> Result<void> {
        QSqlQuery t(m_db);
        if (Result<void> read = select(t, sql, {m_issueId}); !read)
            return read;
        while (t.next()) {
            if (skip.contains(t.value(0).toLongLong()))
                continue;
            out.append(
                {t.value(0).toLongLong(), t.value(1).toLongLong(), t.value(2).toString(), t.value(3).toString()});
            ++m_attached;
        }
        return {};
    };
    if (Result<void> loaded =
            loadTaggings(QStringLiteral("SELECT t.block_id, t.tag_id, t.created_at, t.created_by FROM block_tags t "
                                        "JOIN blocks b ON b.id = t.block_id JOIN articles a ON a.id = b.article_id "
                                        "WHERE a.issue_id = ? ORDER BY t.block_id, t.tag_id"),
                         m_blockTags, m_t.untouched);
        !loaded)
        return loaded;
    return loadTaggings(QStringLiteral("SELECT t.article_id, t.tag_id, t.created_at, t.created_by FROM article_tags t "
                                       "JOIN articles a ON a.id = t.article_id WHERE a.issue_id = ? "
                                       "ORDER BY t.article_id, t.tag_id"),
                        m_articleTags, m_t.keptArticles);
}

Result<void> Reanchorer::orphanHighlight(HighlightOrigin origin, const TextAnchor &anchor, const Tagging &tagging)
{
    const QString now = nowUtc();
    QVariantList values{anchor.start >= 0 ? QVariant(anchor.start) : QVariant(QMetaType(QMetaType::Int)),
                        anchor.end >= 0 ? QVariant(anchor.end) : QVariant(QMetaType(QMetaType::Int))};
    values += anchorValues(anchor);
    values += QVariantList{originName(origin), now, now, tagging.createdBy, tagging.createdBy};
    QSqlQuery insert(m_db);
    if (Result<void> inserted =
            exec(insert,
                 QStringLiteral("INSERT INTO highlights (block_id, start, \"end\", quote, prefix, suffix, issue_id, "
                                "article_position, article_title, block_position, article_start, origin, orphan, "
                                "created_at, modified_at, created_by, changed_by) "
                                "VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)") +
                     dialect::returningId(m_db),
                 values);
        !inserted)
        return inserted;
    return exec(m_db, QStringLiteral("INSERT INTO highlight_tags (highlight_id, tag_id, created_by) VALUES (?, ?, ?)"),
                {dialect::insertedId(insert), tagging.tagId, tagging.createdBy});
}

Result<void> Reanchorer::apply(ReanchorCounts &counts)
{
    // The taggings put back below are inserted under their makers' names; on a team library the server keeps a
    // given name only while this says so (authorship.h), and only for an editor or the owner.
    if (Result<void> keeping = authorship::keepGivenAuthors(m_db, true); !keeping)
        return keeping;
    if (Result<void> placed = placeAll(counts); !placed)
        return placed;
    return authorship::keepGivenAuthors(m_db, false);
}

Result<void> Reanchorer::placeAll(ReanchorCounts &counts)
{
    const QString now = nowUtc();
    // Highlights: located, then clipped to the paragraph holding most of them.
    QHash<qint64, std::pair<qint64, TextAnchor>> placedHighlights; // id → (new block id or 0, anchor)
    for (const Highlight &h : std::as_const(m_highlights)) {
        const anchoring::Placement p = anchoring::locate(h.anchor, m_t.newTexts);
        if (p.found()) {
            const QList<anchoring::BlockSpan> spans =
                anchoring::blockSpans(m_t.newTexts.at(p.article).blocks, p.articleStart, p.articleEnd);
            const anchoring::BlockSpan span = anchoring::largestSpan(spans);
            const TextAnchor anchor = newAnchor(p.article, span.block, span.start, span.end);
            const qint64 blockId = newBlockId(p.article, span.block);
            if (Result<void> placed = placeHighlight(m_db, h.id, blockId, span.start, span.end, false, anchor); !placed)
                return placed;
            if (spans.size() > 1)
                ++counts.clipped;
            count(counts, h.orphan, true, sameAnchor(anchor, h.anchor));
            placedHighlights.insert(h.id, {blockId, anchor});
        } else {
            if (Result<void> orphaned = placeHighlight(m_db, h.id, 0, h.anchor.start, h.anchor.end, true, h.anchor);
                !orphaned)
                return orphaned;
            count(counts, h.orphan, false, false);
            placedHighlights.insert(h.id, {0, h.anchor});
        }
    }

    // Notes: on a highlight, they follow it; on a paragraph, the paragraph holding most of it.
    for (const Note &n : std::as_const(m_notes)) {
        int article = -1;
        int block = -1;
        if (n.highlightId != 0 && placedHighlights.contains(n.highlightId)) {
            const auto &[blockId, anchor] = placedHighlights.value(n.highlightId);
            if (blockId != 0) {
                article = anchor.articlePosition;
                block = anchor.blockPosition;
            }
        } else if (n.highlightId != 0) {
            // Its highlight belongs to another issue (cannot happen through the API): leave the note alone.
            continue;
        } else {
            std::tie(article, block) = locateBlock(n.anchor, m_t.newTexts);
        }
        const bool placed = article >= 0 && block >= 0;
        TextAnchor anchor = n.anchor;
        if (placed)
            anchor = newAnchor(article, block, 0, int(m_t.newTexts.at(article).blocks.at(block).size()));
        if (Result<void> done = placeNote(m_db, n.id, placed ? newBlockId(article, block) : 0, !placed, anchor); !done)
            return done;
        count(counts, n.orphan, placed, placed && sameAnchor(anchor, n.anchor));
    }

    // Block tags: every new paragraph that holds a good part of the old one (both halves of a split). The old
    // tagging goes first: its block may have kept its id but no longer be where the tag belongs.
    for (const Tagging &t : std::as_const(m_blockTags)) {
        if (Result<void> removed =
                exec(m_db, QStringLiteral("DELETE FROM block_tags WHERE block_id = ? AND tag_id = ?"),
                     {t.targetId, t.tagId});
            !removed)
            return removed;
    }
    for (const Tagging &t : std::as_const(m_blockTags)) {
        const BlockRef ref = m_t.oldBlocks.value(t.targetId);
        const TextAnchor anchor = blockAnchor(m_t.oldTexts, ref, m_issueId);
        const anchoring::Placement p = anchoring::locate(anchor, m_t.newTexts);
        QList<int> targets;
        if (p.found()) {
            const QStringList &blocks = m_t.newTexts.at(p.article).blocks;
            for (const anchoring::BlockSpan &span : anchoring::blockSpans(blocks, p.articleStart, p.articleEnd)) {
                const int smaller = std::min(int(blocks.at(span.block).size()), int(anchor.quote.size()));
                if (span.length() * 4 >= smaller)
                    targets.append(span.block);
            }
        }
        if (targets.isEmpty()) {
            if (Result<void> orphaned = orphanHighlight(HighlightOrigin::BlockTag, anchor, t); !orphaned)
                return orphaned;
            ++counts.orphaned;
            continue;
        }
        for (const int block : std::as_const(targets)) {
            if (Result<void> done = exec(
                    m_db,
                    dialect::insertOrIgnore(m_db) +
                        QStringLiteral(" block_tags (block_id, tag_id, created_at, created_by) VALUES (?, ?, ?, ?)") +
                        dialect::onConflictIgnore(m_db),
                    {newBlockId(p.article, block), t.tagId, t.createdAt.isEmpty() ? now : t.createdAt, t.createdBy});
                !done)
                return done;
        }
        const bool same = targets.size() == 1 && p.article == ref.article && targets.front() == ref.block &&
                          m_t.newTexts.at(p.article).blocks.at(targets.front()) == anchor.quote;
        count(counts, false, true, same);
    }

    // Article tags: the article with the same title (nearest position), else where its first paragraph went.
    for (const Tagging &t : std::as_const(m_articleTags)) {
        const int old = m_t.oldArticles.value(t.targetId, -1);
        const anchoring::ArticleText &oldText = m_t.oldTexts.at(old);
        int target = -1;
        for (int a = 0; a < m_t.newTexts.size(); ++a) {
            if (!oldText.title.isEmpty() && m_t.newTexts.at(a).title == oldText.title &&
                (target < 0 || std::abs(a - old) < std::abs(target - old)))
                target = a;
        }
        TextAnchor anchor;
        if (!oldText.blocks.isEmpty())
            anchor = blockAnchor(m_t.oldTexts, {old, 0}, m_issueId);
        else {
            anchor.quote = oldText.title;
            anchor.articleTitle = oldText.title;
            anchor.articlePosition = old;
            anchor.issueId = m_issueId;
        }
        if (target < 0 && !oldText.blocks.isEmpty())
            target = locateBlock(anchor, m_t.newTexts).first;
        if (target < 0) {
            if (Result<void> orphaned = orphanHighlight(HighlightOrigin::ArticleTag, anchor, t); !orphaned)
                return orphaned;
            ++counts.orphaned;
            continue;
        }
        if (Result<void> done = exec(
                m_db,
                dialect::insertOrIgnore(m_db) +
                    QStringLiteral(" article_tags (article_id, tag_id, created_at, created_by) VALUES (?, ?, ?, ?)") +
                    dialect::onConflictIgnore(m_db),
                {m_t.newIssue.parsed.articles.at(target).id, t.tagId, t.createdAt.isEmpty() ? now : t.createdAt,
                 t.createdBy});
            !done)
            return done;
        count(counts, false, true, target == old && m_t.newTexts.at(target).title == oldText.title);
    }
    return {};
}

} // namespace dubao::reanchoring
