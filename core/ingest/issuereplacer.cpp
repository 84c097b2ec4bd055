// Replace and re-parse an issue, re-anchoring its annotations (design in docs/schema.md, "Re-anchoring").
#include "core/ingest/issuereplacer.h"

#include "core/annotate/anchoring.h"
#include "core/annotate/blockmatching.h"
#include "core/parse/issuefile.h"
#include "core/search/searchindex.h"
#include "core/store/annotationrows.h"
#include "core/store/issuerepository.h"
#include "core/store/issuerows.h"
#include "core/store/library.h"
#include "core/store/sql.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace dubao {

using namespace sql;

ReanchorCounts &ReanchorCounts::operator+=(const ReanchorCounts &o)
{
    stayed += o.stayed;
    moved += o.moved;
    orphaned += o.orphaned;
    reattached += o.reattached;
    stillOrphan += o.stillOrphan;
    clipped += o.clipped;
    return *this;
}

IdentityCounts &IdentityCounts::operator+=(const IdentityCounts &o)
{
    blocksKept += o.blocksKept;
    blocksNew += o.blocksNew;
    blocksUpdated += o.blocksUpdated;
    blocksRemoved += o.blocksRemoved;
    articlesKept += o.articlesKept;
    articlesNew += o.articlesNew;
    articlesRemoved += o.articlesRemoved;
    lineageRows += o.lineageRows;
    return *this;
}

namespace {

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
    Result<void> orphanHighlight(HighlightOrigin origin, const TextAnchor &anchor, qint64 tagId);

    QSqlDatabase m_db;
    qint64 m_issueId;
    const Texts &m_t;
    QList<Highlight> m_highlights; ///< `orphan`: was an orphan before; `anchor`: in the old text
    QList<Note> m_notes;
    QList<Tagging> m_blockTags;
    QList<Tagging> m_articleTags;
    int m_attached = 0;
};

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
            out.append({t.value(0).toLongLong(), t.value(1).toLongLong(), t.value(2).toString()});
            ++m_attached;
        }
        return {};
    };
    if (Result<void> loaded =
            loadTaggings(QStringLiteral("SELECT t.block_id, t.tag_id, t.created_at FROM block_tags t "
                                        "JOIN blocks b ON b.id = t.block_id JOIN articles a ON a.id = b.article_id "
                                        "WHERE a.issue_id = ? ORDER BY t.block_id, t.tag_id"),
                         m_blockTags, m_t.untouched);
        !loaded)
        return loaded;
    return loadTaggings(QStringLiteral("SELECT t.article_id, t.tag_id, t.created_at FROM article_tags t "
                                       "JOIN articles a ON a.id = t.article_id WHERE a.issue_id = ? "
                                       "ORDER BY t.article_id, t.tag_id"),
                        m_articleTags, m_t.keptArticles);
}

Result<void> Reanchorer::orphanHighlight(HighlightOrigin origin, const TextAnchor &anchor, qint64 tagId)
{
    const QString now = nowUtc();
    QVariantList values{anchor.start >= 0 ? QVariant(anchor.start) : QVariant(QMetaType(QMetaType::Int)),
                        anchor.end >= 0 ? QVariant(anchor.end) : QVariant(QMetaType(QMetaType::Int))};
    values += anchorValues(anchor);
    values += QVariantList{originName(origin), now, now};
    QSqlQuery insert(m_db);
    if (Result<void> inserted =
            exec(insert,
                 QStringLiteral("INSERT INTO highlights (block_id, start, \"end\", quote, prefix, suffix, issue_id, "
                                "article_position, article_title, block_position, article_start, origin, orphan, "
                                "created_at, modified_at) VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)"),
                 values);
        !inserted)
        return inserted;
    return exec(m_db, QStringLiteral("INSERT INTO highlight_tags (highlight_id, tag_id) VALUES (?, ?)"),
                {insert.lastInsertId(), tagId});
}

Result<void> Reanchorer::apply(ReanchorCounts &counts)
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
            if (Result<void> orphaned = orphanHighlight(HighlightOrigin::BlockTag, anchor, t.tagId); !orphaned)
                return orphaned;
            ++counts.orphaned;
            continue;
        }
        for (const int block : std::as_const(targets)) {
            if (Result<void> done = exec(
                    m_db,
                    QStringLiteral("INSERT OR IGNORE INTO block_tags (block_id, tag_id, created_at) VALUES (?, ?, ?)"),
                    {newBlockId(p.article, block), t.tagId, t.createdAt.isEmpty() ? now : t.createdAt});
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
            if (Result<void> orphaned = orphanHighlight(HighlightOrigin::ArticleTag, anchor, t.tagId); !orphaned)
                return orphaned;
            ++counts.orphaned;
            continue;
        }
        if (Result<void> done = exec(
                m_db,
                QStringLiteral("INSERT OR IGNORE INTO article_tags (article_id, tag_id, created_at) VALUES (?, ?, ?)"),
                {m_t.newIssue.parsed.articles.at(target).id, t.tagId, t.createdAt.isEmpty() ? now : t.createdAt});
            !done)
            return done;
        count(counts, false, true, target == old && m_t.newTexts.at(target).title == oldText.title);
    }
    return {};
}

QString contentSha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

IssueReplacer::IssueReplacer(Library &library, ParseFunction parse, int parserVersion)
    : m_library(library)
    , m_parse(parse ? std::move(parse) : ParseFunction([](const QByteArray &bytes, const QString &path) {
        return parseIssueBytes(bytes, path);
    }))
    , m_parserVersion(parserVersion)
    , m_rows(std::make_unique<IssueRowStore>(library))
{}

IssueReplacer::~IssueReplacer() = default;

Result<ReanchorCounts> IssueReplacer::replace(qint64 issueId, const QString &filePath)
{
    const QFileInfo info(filePath);
    if (!info.exists())
        return Error(tr("no such file")).prefixed(filePath);
    if (!info.isFile())
        return Error(tr("not a regular file")).prefixed(filePath);
    if (info.size() > maxFileBytes())
        return Error(tr("file too large")).prefixed(filePath);
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly))
        return Error(tr("cannot read: %1").arg(file.errorString())).prefixed(filePath);
    const QByteArray bytes = file.readAll();
    const Result<IssueUpdate> done = replaceWith(issueId, bytes, info.absoluteFilePath(), true);
    if (!done)
        return done.error();
    return done->counts;
}

Result<ReanchorCounts> IssueReplacer::replaceBytes(qint64 issueId, const QByteArray &bytes, const QString &path)
{
    const Result<IssueUpdate> done = replaceWith(issueId, bytes, path, true);
    if (!done)
        return done.error();
    return done->counts;
}

Result<IssueUpdate> IssueReplacer::replaceIssue(qint64 issueId, const QByteArray &bytes, const QString &path)
{
    return replaceWith(issueId, bytes, path, true);
}

Result<IssueUpdate> IssueReplacer::replaceWith(qint64 issueId, const QByteArray &bytes, const QString &path,
                                               bool replacing)
{
    const Result<IssueUpdate> replaced = [&]() -> Result<IssueUpdate> {
        if (m_library.isReadOnly())
            return Error(tr("the library is read-only"));
        const IssueFileResult parsed = m_parse(bytes, path);
        if (!parsed.ok)
            return Error(parsed.error).prefixed(path);
        sql::WriteScope transaction(m_library.database());
        if (!transaction.isActive())
            return transaction.error();
        const Result<IssueUpdate> updated = updateIssue(issueId, parsed.issue, bytes, path, replacing);
        if (!updated)
            return updated;
        return transaction.commit(*updated);
    }();
    if (!replaced)
        qCWarning(lcStore).noquote() << (replacing ? "replace issue" : "re-parse issue") << issueId
                                     << replaced.error().message();
    return replaced;
}

Result<IssueUpdate> IssueReplacer::updateIssue(qint64 issueId, const ParsedIssue &parsed, const QByteArray &bytes,
                                               const QString &path, bool replacing)
{
    QSqlDatabase db = m_library.database();
    const Result<IssueRows> before = m_rows->read(issueId);
    if (!before)
        return before.error();
    IssueRows after = IssueRowStore::fromParse(parsed);
    const QString sha = parsed.source.sha256.toLower();
    const bool sourceChanged = sha != before->sha256;
    if (replacing && sourceChanged) {
        if (const auto other = IssueRepository(m_library).findBySha256(sha); other && *other != issueId)
            return Error(tr("%1 is already in the library as issue %2").arg(path).arg(*other));
    }

    IssueUpdate result;
    if (before->sameContent(after)) {
        // Nothing to write but the stamp (and, for a replace, the new source).
        result.counts.stayed = m_rows->annotationsOn(issueId);
        if (sourceChanged) {
            const QVariant sourceId =
                scalar(db, QStringLiteral("SELECT source_file_id FROM issues WHERE id = ?"), {issueId});
            Result<void> stored =
                exec(db,
                     QStringLiteral("UPDATE source_files SET path = ?, sha256 = ?, encoding = ?, "
                                    "size = ?, imported_at = ? WHERE id = ?"),
                     {notNull(path), sha, notNull(parsed.source.encoding), qint64(bytes.size()), nowUtc(), sourceId});
            if (stored)
                stored = storeSourceBytes(db, sourceId.toLongLong(), bytes);
            if (!stored)
                return stored.error();
        }
        if (before->parserVersion != m_parserVersion)
            if (Result<void> stamped = m_rows->stamp(issueId, m_parserVersion); !stamped)
                return stamped.error();
        return result;
    }
    result.changed = true;
    if (m_inBatch && !m_batchDeferred) {
        Result<void> deferred = SearchIndex::deferIndexing(db);
        if (deferred)
            deferred = SearchIndex::allowManySegments(db);
        if (!deferred)
            return deferred.error();
        m_batchDeferred = true;
    }

    // Which new rows are which old ones (core/annotate/blockmatching.h).
    Texts texts;
    for (int a = 0; a < before->articles.size(); ++a) {
        const ArticleRow &article = before->articles.at(a);
        anchoring::ArticleText t{article.title, {}};
        texts.oldArticles.insert(article.id, a);
        for (int b = 0; b < article.blocks.size(); ++b) {
            t.blocks.append(article.blocks.at(b).text);
            texts.oldBlocks.insert(article.blocks.at(b).id, {a, b});
        }
        texts.oldTexts.append(t);
    }
    for (const ArticleRow &article : std::as_const(after.articles)) {
        anchoring::ArticleText t{article.title, {}};
        for (const BlockRow &block : article.blocks)
            t.blocks.append(block.text);
        texts.newTexts.append(t);
    }
    const matching::IssueMatching match = matching::matchIssue(texts.oldTexts, texts.newTexts);

    IssueRowsUpdate update;
    update.parserVersion = m_parserVersion;
    for (int a = 0; a < after.articles.size(); ++a) {
        ArticleRow &article = after.articles[a];
        if (const int from = match.articleFrom.at(a); from >= 0) {
            article.id = before->articles.at(from).id;
            texts.keptArticles.insert(article.id);
            ++result.ids.articlesKept;
        } else {
            ++result.ids.articlesNew;
        }
        for (int b = 0; b < article.blocks.size(); ++b) {
            BlockRow &block = article.blocks[b];
            if (const matching::BlockRef from = match.blockFrom.at(a).at(b); from.isValid()) {
                const BlockRow &old = before->articles.at(from.article).blocks.at(from.block);
                block.id = old.id;
                if (old.text == block.text)
                    texts.untouched.insert(block.id);
                ++result.ids.blocksKept;
            } else {
                ++result.ids.blocksNew;
            }
        }
    }
    auto kindName = [](matching::LineageKind kind) {
        switch (kind) {
        case matching::LineageKind::Split:
            return QStringLiteral("split");
        case matching::LineageKind::Joined:
            return QStringLiteral("joined");
        case matching::LineageKind::Removed:
            break;
        }
        return QStringLiteral("removed");
    };
    for (const matching::BlockLineage &l : match.blockLineage) {
        const BlockRow &old = before->articles.at(l.old.article).blocks.at(l.old.block);
        update.lineage.append({false, old.id, old.uid, l.now.article, l.now.block, kindName(l.kind)});
    }
    for (const matching::ArticleLineage &l : match.articleLineage) {
        const ArticleRow &old = before->articles.at(l.old);
        update.lineage.append({true, old.id, old.uid, l.now, -1, kindName(l.kind)});
    }
    update.after = after.articles;

    // The annotations of what changed are read against the old text before the rows change.
    const int attachedBefore = m_rows->annotationsOn(issueId);
    Reanchorer reanchorer(db, issueId, texts);
    if (Result<void> loaded = reanchorer.load(); !loaded)
        return loaded.error();

    if (m_batchDeferred) {
        // The paragraphs whose text or article changes, and those that go, leave the search index with the rest of
        // the batch's index writes (SearchIndex::deferRemoval): no FTS5 segment per issue.
        QHash<qint64, const BlockRow *> oldBlocks;
        QHash<qint64, qint64> oldArticleOf;
        for (const ArticleRow &article : std::as_const(before->articles)) {
            for (const BlockRow &block : article.blocks) {
                oldBlocks.insert(block.id, &block);
                oldArticleOf.insert(block.id, article.id);
            }
        }
        QList<qint64> leaving;
        for (const ArticleRow &article : std::as_const(update.after)) {
            for (const BlockRow &block : article.blocks) {
                if (block.id == 0)
                    continue;
                const BlockRow *old = oldBlocks.take(block.id);
                if (!old || article.id == 0 || oldArticleOf.value(block.id) != article.id || old->text != block.text)
                    leaving.append(block.id);
            }
        }
        for (auto it = oldBlocks.cbegin(); it != oldBlocks.cend(); ++it)
            leaving.append(it.key());
        if (Result<void> deferred = SearchIndex::deferRemoval(db, leaving); !deferred)
            return deferred.error();
    }
    const Result<RowCounts> written = m_rows->write(*before, update);
    if (!written)
        return written.error();
    result.ids.blocksUpdated = written->blocksUpdated;
    result.ids.blocksRemoved = written->blocksDeleted;
    result.ids.articlesRemoved = written->articlesDeleted;
    result.ids.lineageRows = written->lineageRows;

    if (sourceChanged) {
        const QVariant sourceId =
            scalar(db, QStringLiteral("SELECT source_file_id FROM issues WHERE id = ?"), {issueId});
        Result<void> stored =
            exec(db,
                 QStringLiteral("UPDATE source_files SET path = ?, sha256 = ?, encoding = ?, size = ?, "
                                "imported_at = ? WHERE id = ?"),
                 {notNull(path), sha, notNull(parsed.source.encoding), qint64(bytes.size()), nowUtc(), sourceId});
        if (stored)
            stored = storeSourceBytes(db, sourceId.toLongLong(), bytes);
        if (!stored)
            return stored.error();
    }

    // The new rows' ids, where the re-anchoring puts the annotations.
    texts.newIssue.id = issueId;
    for (const ArticleRow &row : std::as_const(update.after)) {
        Article article;
        article.id = row.id;
        article.title = row.title;
        for (const BlockRow &blockRow : row.blocks) {
            Block block;
            block.id = blockRow.id;
            article.blocks.append(block);
        }
        texts.newIssue.parsed.articles.append(article);
    }
    if (Result<void> applied = reanchorer.apply(result.counts); !applied)
        return applied.error();
    result.counts.stayed += std::max(0, attachedBefore - reanchorer.attached());
    qCInfo(lcStore).noquote() << "updated issue" << issueId << "blocks kept" << result.ids.blocksKept << "new"
                              << result.ids.blocksNew << "removed" << result.ids.blocksRemoved;
    return result;
}

Result<IssueReplacer::SourceBytes> IssueReplacer::storedSource(qint64 issueId)
{
    QSqlDatabase db = m_library.database();
    QSqlQuery q(db);
    if (Result<void> read = select(q,
                                   QStringLiteral("SELECT s.path, s.sha256, c.bytes FROM issues i JOIN source_files s "
                                                  "ON s.id = i.source_file_id LEFT JOIN source_contents c "
                                                  "ON c.source_file_id = s.id WHERE i.id = ?"),
                                   {issueId});
        !read)
        return read.error();
    if (!q.next())
        return Error(tr("no issue with id %1").arg(issueId));
    SourceBytes source{q.value(0).toString(), q.value(2).toByteArray()};
    const QString sha = q.value(1).toString();
    const bool stored = !q.value(2).isNull();
    q.finish();
    if (!stored) {
        // Imported before the library kept originals: the file itself, if it is still the same content.
        QFile file(source.path);
        if (QFileInfo(source.path).isFile() && QFileInfo(source.path).size() <= maxFileBytes() &&
            file.open(QIODevice::ReadOnly))
            source.bytes = file.readAll();
        if (source.bytes.isEmpty() || contentSha256(source.bytes) != sha)
            return Error(tr("issue %1: the original text is not stored and %2 is missing or changed")
                             .arg(issueId)
                             .arg(source.path));
    }
    return source;
}

Result<ReanchorCounts> IssueReplacer::reparse(qint64 issueId)
{
    const Result<IssueUpdate> done = reparseIssue(issueId);
    if (!done)
        return done.error();
    return done->counts;
}

Result<IssueUpdate> IssueReplacer::reparseIssue(qint64 issueId)
{
    const Result<SourceBytes> source = storedSource(issueId);
    if (!source)
        return source.error();
    return replaceWith(issueId, source->bytes, source->path, false);
}

namespace {

/// Parses the issues on a thread of its own, a few ahead of the writer (as the importer's FilePreparer does). The
/// writer hands in the bytes in order and takes the parses back in the same order.
class ParseAhead final
{
    Q_DISABLE_COPY_MOVE(ParseAhead)

public:
    struct Item
    {
        qint64 issueId = 0;
        QString path;
        QByteArray bytes;
        QString error; ///< reading the source failed: not parsed
        IssueFileResult parsed;
    };

    explicit ParseAhead(IssueReplacer::ParseFunction parse)
        : m_parse(std::move(parse))
        , m_thread([this] { run(); })
    {}
    ~ParseAhead()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_changed.notify_all();
        m_thread.join();
    }

    // Bounded by count and bytes, like the importer's read-ahead.
    static constexpr int kMaxItems = 32;
    static constexpr qint64 kMaxBytes = 32 * 1024 * 1024;

    bool hasRoom() const
    {
        const std::lock_guard lock(m_mutex);
        return m_queued < kMaxItems && m_queuedBytes < kMaxBytes;
    }
    void push(Item item)
    {
        {
            const std::lock_guard lock(m_mutex);
            ++m_queued;
            m_queuedBytes += item.bytes.size();
            m_input.push_back(std::move(item));
        }
        m_changed.notify_all();
    }
    Item next()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_output.empty(); });
        Item item = std::move(m_output.front());
        m_output.pop_front();
        --m_queued;
        m_queuedBytes -= item.bytes.size();
        return item;
    }

private:
    void run()
    {
        for (;;) {
            Item item;
            {
                std::unique_lock lock(m_mutex);
                m_changed.wait(lock, [this] { return m_stop || !m_input.empty(); });
                if (m_stop)
                    return;
                item = std::move(m_input.front());
                m_input.pop_front();
            }
            if (item.error.isEmpty())
                item.parsed = m_parse(item.bytes, item.path);
            {
                const std::lock_guard lock(m_mutex);
                m_output.push_back(std::move(item));
            }
            m_changed.notify_all();
        }
    }

    IssueReplacer::ParseFunction m_parse;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Item> m_input;
    std::deque<Item> m_output;
    int m_queued = 0;
    qint64 m_queuedBytes = 0;
    bool m_stop = false;
    std::thread m_thread; // last: starts once everything above is constructed
};

} // namespace

ReparseReport IssueReplacer::reparseAll(const std::function<void(int, int)> &progress, const std::atomic_bool *cancel)
{
    ReparseOptions options;
    options.all = true;
    if (progress)
        options.progress = [&progress](const ReparseProgress &p) {
            if (p.done > 0)
                progress(p.done, p.total);
        };
    options.cancel = cancel;
    return reparseAll(options);
}

namespace {

/// A page cache big enough for a batch's pages while a re-parse runs, restored after. With SQLite's default
/// (2 MB) a batch that touches more spills dirty pages into the WAL before its commit and writes them again when
/// it changes them once more.
class BatchCache final
{
    Q_DISABLE_COPY_MOVE(BatchCache)

public:
    explicit BatchCache(QSqlDatabase db)
        : m_db(std::move(db))
    {
        QSqlQuery q(m_db);
        if (q.exec(QStringLiteral("PRAGMA cache_size")) && q.next())
            m_old = q.value(0).toLongLong();
        QSqlQuery(m_db).exec(QStringLiteral("PRAGMA cache_size = -65536")); // 64 MiB
    }
    ~BatchCache() { QSqlQuery(m_db).exec(QStringLiteral("PRAGMA cache_size = %1").arg(m_old)); }

private:
    QSqlDatabase m_db;
    qint64 m_old = -2000;
};

} // namespace

ReparseReport IssueReplacer::reparseAll(const ReparseOptions &options)
{
    ReparseReport report;
    QSqlDatabase db = m_library.database();
    const BatchCache cache(db);
    const QList<qint64> issueIds =
        options.all
            ? ids(db, QStringLiteral("SELECT id FROM issues ORDER BY id"))
            : ids(db, QStringLiteral("SELECT id FROM issues WHERE parser_version <> ? ORDER BY id"), {m_parserVersion});
    const QVariant all = scalar(db, QStringLiteral("SELECT count(*) FROM issues"));
    report.skipped = all.toInt() - int(issueIds.size());

    ReparseProgress state;
    state.total = int(issueIds.size());
    state.skipped = report.skipped;
    if (options.progress)
        options.progress(state);
    if (m_library.isReadOnly()) {
        for (const qint64 id : issueIds)
            report.failed.append({id, tr("the library is read-only")});
        return report;
    }

    // Transactions of about a second, as the importer's: a savepoint per issue inside.
    constexpr qint64 kBatchMilliseconds = 1000;
    std::unique_ptr<sql::WriteScope> batch;
    QElapsedTimer batchTimer;
    struct Pending
    {
        qint64 issueId = 0;
        IssueUpdate update;
    };
    QList<Pending> pending;
    QList<qint64> changedInBatch;
    auto commitBatch = [&]() {
        if (!batch)
            return;
        Result<void> committed = m_batchDeferred ? SearchIndex::indexDeferred(db, changedInBatch) : Result<void>{};
        if (committed)
            committed = batch->commit();
        for (const Pending &p : std::as_const(pending)) {
            if (!committed) {
                report.failed.append({p.issueId, committed.error().message()});
                continue;
            }
            ++report.issues;
            ++(p.update.changed ? report.changed : report.unchanged);
            report.counts += p.update.counts;
            report.ids += p.update.ids;
        }
        batch.reset();
        m_inBatch = false;
        m_batchDeferred = false;
        pending.clear();
        changedInBatch.clear();
    };

    ParseAhead ahead(m_parse);
    qsizetype fed = 0;
    auto feed = [&]() {
        while (fed < issueIds.size() && ahead.hasRoom()) {
            ParseAhead::Item item;
            item.issueId = issueIds.at(fed++);
            if (const Result<SourceBytes> source = storedSource(item.issueId)) {
                item.path = source->path;
                item.bytes = source->bytes;
            } else {
                item.error = source.error().message();
            }
            ahead.push(std::move(item));
        }
    };

    for (qsizetype k = 0; k < issueIds.size(); ++k) {
        if (options.cancel && options.cancel->load()) {
            report.cancelled = true;
            break;
        }
        feed();
        ParseAhead::Item item = ahead.next();
        feed();
        state.bytes += item.bytes.size();
        bool ok = false;
        if (!item.error.isEmpty()) {
            report.failed.append({item.issueId, item.error});
        } else if (!item.parsed.ok) {
            report.failed.append({item.issueId, Error(item.parsed.error).prefixed(item.path).message()});
        } else {
            if (!batch) {
                batch = std::make_unique<sql::WriteScope>(db);
                batchTimer.start();
                if (!batch->isActive())
                    batch.reset();
                m_inBatch = batch != nullptr;
                m_batchDeferred = false;
            }
            if (!batch) {
                report.failed.append({item.issueId, tr("cannot start a transaction")});
            } else {
                sql::WriteScope issueScope(db, "reparse_issue");
                Result<IssueUpdate> updated =
                    issueScope.isActive() ? updateIssue(item.issueId, item.parsed.issue, item.bytes, item.path, false)
                                          : Result<IssueUpdate>(issueScope.error());
                if (updated)
                    updated = issueScope.commit(*updated);
                if (updated) {
                    ok = true;
                    if (updated->changed)
                        changedInBatch.append(item.issueId);
                    pending.append({item.issueId, *updated});
                    ++(updated->changed ? state.changed : state.unchanged);
                } else {
                    qCWarning(lcStore).noquote() << "re-parse issue" << item.issueId << updated.error().message();
                    report.failed.append({item.issueId, updated.error().message()});
                }
            }
            if (batch && batchTimer.elapsed() >= kBatchMilliseconds)
                commitBatch();
        }
        if (!ok)
            ++state.failed;
        ++state.done;
        if (options.progress)
            options.progress(state);
    }
    commitBatch();
    return report;
}

AnnotationCounts IssueReplacer::annotationsOfIssue(qint64 issueId) const
{
    return AnnotationRepository(m_library).countsForIssue(issueId);
}

Result<void> IssueReplacer::deleteIssue(qint64 issueId)
{
    QSqlDatabase db = m_library.database();
    sql::WriteScope transaction(db);
    if (!transaction.isActive())
        return transaction.error();
    if (!scalar(db, QStringLiteral("SELECT 1 FROM issues WHERE id = ?"), {issueId}).isValid())
        return Error(tr("no issue with id %1").arg(issueId));
    const QString highlights =
        QStringLiteral("SELECT h.id FROM highlights h LEFT JOIN blocks b ON b.id = h.block_id LEFT JOIN articles a "
                       "ON a.id = b.article_id WHERE a.issue_id = %1 OR (h.block_id IS NULL AND h.issue_id = %1)")
            .arg(issueId);
    const QString notes =
        QStringLiteral("SELECT n.id FROM notes n LEFT JOIN blocks b ON b.id = n.block_id LEFT JOIN articles a "
                       "ON a.id = b.article_id WHERE a.issue_id = %1 OR (n.block_id IS NULL AND n.issue_id = %1) "
                       "OR n.highlight_id IN (%2)")
            .arg(issueId)
            .arg(highlights);
    const QList<NotebookEntry> entries =
        notebookEntries(db, QStringLiteral("highlight_id IN (%1) OR note_id IN (%2)").arg(highlights, notes), {});
    const QList<qint64> noteIds = ids(db, notes);
    const QList<qint64> highlightIds = ids(db, highlights);
    if (Result<void> removed = removeNotebookEntries(db, entries); !removed)
        return removed;
    for (const qint64 id : noteIds) {
        if (Result<void> removed = exec(db, QStringLiteral("DELETE FROM notes WHERE id = ?"), {id}); !removed)
            return removed;
    }
    for (const qint64 id : highlightIds) {
        if (Result<void> removed = exec(db, QStringLiteral("DELETE FROM highlights WHERE id = ?"), {id}); !removed)
            return removed;
    }
    if (Result<void> removed = exec(
            db, QStringLiteral("DELETE FROM source_files WHERE id = (SELECT source_file_id FROM issues WHERE id = ?)"),
            {issueId});
        !removed)
        return removed;
    return transaction.commit();
}

} // namespace dubao
