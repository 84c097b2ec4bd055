// Re-anchoring an issue's annotations when its text is replaced or re-parsed (internal to dubao_ingest; the
// design is in docs/schema.md, "Re-anchoring"): the issue's highlights, notes and tags are read before its blocks
// change and written back against the new blocks — in place, moved, or orphaned.
#pragma once

#include "core/annotate/anchoring.h"
#include "core/ingest/issuereplacer.h"
#include "core/model/annotation.h"
#include "core/model/result.h"
#include "core/store/issuerepository.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QSqlDatabase>

namespace dubao::reanchoring {

struct BlockRef
{
    int article = -1;
    int block = -1;
};

/// The old and new text of the issue, with the ids of the new blocks and articles.
struct Texts
{
    QList<anchoring::ArticleText> oldTexts;
    QHash<qint64, BlockRef> oldBlocks; ///< block id → position
    QHash<qint64, int> oldArticles;    ///< article id → position
    QList<anchoring::ArticleText> newTexts;
    StoredIssue newIssue;
    QSet<qint64> untouched;    ///< kept blocks with the same text: their annotations stay as they are
    QSet<qint64> keptArticles; ///< articles that kept their identity: their tags stay
};

class Reanchorer
{
public:
    Reanchorer(QSqlDatabase db, qint64 issueId, const Texts &texts)
        : m_db(std::move(db))
        , m_issueId(issueId)
        , m_t(texts)
    {}

    /// Reads the issue's annotations (before its blocks are deleted).
    Result<void> load();
    /// Writes them back against the new blocks.
    Result<void> apply(ReanchorCounts &counts);
    /// Annotations loaded that were on a block or article (not orphans).
    int attached() const { return m_attached; }

private:
    struct Tagging
    {
        qint64 targetId = 0;
        qint64 tagId = 0;
        QString createdAt;
        QString createdBy; ///< who tagged it: re-anchored, it stays theirs
    };

    qint64 newBlockId(int article, int block) const
    {
        return m_t.newIssue.parsed.articles.at(article).blocks.at(block).id;
    }
    TextAnchor newAnchor(int article, int block, int start, int end) const
    {
        TextAnchor a = anchoring::makeAnchor(m_t.newTexts.at(article), article, block, start, end);
        a.issueId = m_issueId;
        return a;
    }
    /// apply()'s work, with the makers' names kept.
    Result<void> placeAll(ReanchorCounts &counts);
    /// A tagging that found no place: an orphan highlight with its tag, made by whoever made the tagging.
    Result<void> orphanHighlight(HighlightOrigin origin, const TextAnchor &anchor, const Tagging &tagging);

    QSqlDatabase m_db;
    qint64 m_issueId;
    const Texts &m_t;
    QList<Highlight> m_highlights; ///< `orphan`: was an orphan before; `anchor`: in the old text
    QList<Note> m_notes;
    QList<Tagging> m_blockTags;
    QList<Tagging> m_articleTags;
    int m_attached = 0;
};

} // namespace dubao::reanchoring
