// Replace and re-parse an issue, re-anchoring its annotations (design in docs/schema.md, "Re-anchoring").
#include "core/ingest/issuereplacer.h"

#include "core/annotate/anchoring.h"
#include "core/parse/issuefile.h"
#include "core/store/annotationrows.h"
#include "core/store/issuerepository.h"
#include "core/store/library.h"
#include "core/store/sql.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>

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

namespace {

QList<anchoring::ArticleText> articleTexts(const ParsedIssue &issue)
{
    QList<anchoring::ArticleText> texts;
    for (const Article &a : issue.articles) {
        anchoring::ArticleText t;
        t.title = a.title;
        for (const Block &b : a.blocks)
            t.blocks.append(b.text);
        texts.append(t);
    }
    return texts;
}

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

    auto loadTaggings = [&](const QString &sql, QList<Tagging> &out) -> Result<void> {
        QSqlQuery t(m_db);
        if (Result<void> read = select(t, sql, {m_issueId}); !read)
            return read;
        while (t.next())
            out.append({t.value(0).toLongLong(), t.value(1).toLongLong(), t.value(2).toString()});
        return {};
    };
    if (Result<void> loaded =
            loadTaggings(QStringLiteral("SELECT t.block_id, t.tag_id, t.created_at FROM block_tags t "
                                        "JOIN blocks b ON b.id = t.block_id JOIN articles a ON a.id = b.article_id "
                                        "WHERE a.issue_id = ? ORDER BY t.block_id, t.tag_id"),
                         m_blockTags);
        !loaded)
        return loaded;
    return loadTaggings(QStringLiteral("SELECT t.article_id, t.tag_id, t.created_at FROM article_tags t "
                                       "JOIN articles a ON a.id = t.article_id WHERE a.issue_id = ? "
                                       "ORDER BY t.article_id, t.tag_id"),
                        m_articleTags);
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

    // Block tags: every new paragraph that holds a good part of the old one (both halves of a split).
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

IssueReplacer::IssueReplacer(Library &library)
    : m_library(library)
{}

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
    return replaceWith(issueId, bytes, info.absoluteFilePath());
}

Result<ReanchorCounts> IssueReplacer::replaceBytes(qint64 issueId, const QByteArray &bytes, const QString &path)
{
    return replaceWith(issueId, bytes, path);
}

Result<ReanchorCounts> IssueReplacer::replaceWith(qint64 issueId, const QByteArray &bytes, const QString &path)
{
    const Result<ReanchorCounts> replaced = replaceInTransaction(issueId, bytes, path);
    if (!replaced)
        qCWarning(lcStore).noquote() << "replace issue" << issueId << replaced.error().message();
    return replaced;
}

Result<ReanchorCounts> IssueReplacer::replaceInTransaction(qint64 issueId, const QByteArray &bytes, const QString &path)
{
    if (m_library.isReadOnly())
        return Error(tr("the library is read-only"));
    const IssueFileResult parsed = parseIssueBytes(bytes, path);
    if (!parsed.ok)
        return Error(parsed.error).prefixed(path);

    QSqlDatabase db = m_library.database();
    sql::WriteScope transaction(db);
    if (!transaction.isActive())
        return transaction.error();
    IssueRepository issues(m_library);
    const std::optional<StoredIssue> old = issues.issue(issueId);
    if (!old)
        return Error(tr("no issue with id %1").arg(issueId));
    const QString sha = parsed.issue.source.sha256.toLower();
    if (const auto other = issues.findBySha256(sha); other && *other != issueId)
        return Error(tr("%1 is already in the library as issue %2").arg(path).arg(*other));

    Texts texts;
    texts.oldTexts = articleTexts(old->parsed);
    for (int a = 0; a < old->parsed.articles.size(); ++a) {
        texts.oldArticles.insert(old->parsed.articles.at(a).id, a);
        for (int b = 0; b < old->parsed.articles.at(a).blocks.size(); ++b)
            texts.oldBlocks.insert(old->parsed.articles.at(a).blocks.at(b).id, {a, b});
    }
    texts.newTexts = articleTexts(parsed.issue);

    Reanchorer reanchorer(db, issueId, texts);
    if (Result<void> loaded = reanchorer.load(); !loaded)
        return loaded.error();

    // The new articles are inserted as a scratch issue by the importer's own code, then moved over.
    ParsedIssue scratch = parsed.issue;
    scratch.source.sha256 = QStringLiteral("replacing-") + sha;
    const QVariant sourceId = scalar(db, QStringLiteral("SELECT source_file_id FROM issues WHERE id = ?"), {issueId});
    if (Result<void> removed = exec(db, QStringLiteral("DELETE FROM articles WHERE issue_id = ?"), {issueId}); !removed)
        return removed.error();
    const Result<qint64> scratchId = issues.insert(scratch);
    if (!scratchId)
        return scratchId.error();
    Result<void> moved = exec(
        db, {{QStringLiteral("UPDATE articles SET issue_id = ? WHERE issue_id = ?"), {issueId, *scratchId}},
             {QStringLiteral("DELETE FROM source_files WHERE id = (SELECT source_file_id FROM issues WHERE id = ?)"),
              {*scratchId}},
             {QStringLiteral("UPDATE source_files SET path = ?, sha256 = ?, encoding = ?, size = ?, imported_at = ? "
                             "WHERE id = ?"),
              {notNull(path), sha, notNull(parsed.issue.source.encoding), qint64(bytes.size()), nowUtc(), sourceId}}});
    if (moved)
        moved = storeSourceBytes(db, sourceId.toLongLong(), bytes);
    if (!moved)
        return moved.error();

    const std::optional<StoredIssue> stored = issues.issue(issueId);
    if (!stored)
        return Error(tr("cannot read the new text back"));
    texts.newIssue = *stored;
    ReanchorCounts counts;
    if (Result<void> applied = reanchorer.apply(counts); !applied)
        return applied.error();
    if (Result<void> committed = transaction.commit(); !committed)
        return committed.error();
    qCInfo(lcStore).noquote() << "replaced issue" << issueId << "stayed" << counts.stayed << "moved" << counts.moved
                              << "orphaned" << counts.orphaned;
    return counts;
}

Result<ReanchorCounts> IssueReplacer::reparse(qint64 issueId)
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
    const QString path = q.value(0).toString();
    const QString sha = q.value(1).toString();
    QByteArray bytes = q.value(2).toByteArray();
    const bool stored = !q.value(2).isNull();
    q.finish();
    if (!stored) {
        // Imported before the library kept originals: the file itself, if it is still the same content.
        QFile file(path);
        if (QFileInfo(path).isFile() && QFileInfo(path).size() <= maxFileBytes() && file.open(QIODevice::ReadOnly))
            bytes = file.readAll();
        if (bytes.isEmpty() || contentSha256(bytes) != sha)
            return Error(
                tr("issue %1: the original text is not stored and %2 is missing or changed").arg(issueId).arg(path));
    }
    return replaceWith(issueId, bytes, path);
}

ReparseReport IssueReplacer::reparseAll(const std::function<void(int, int)> &progress, const std::atomic_bool *cancel)
{
    ReparseReport report;
    const QList<qint64> issueIds = ids(m_library.database(), QStringLiteral("SELECT id FROM issues ORDER BY id"));
    int done = 0;
    for (const qint64 id : issueIds) {
        if (cancel && cancel->load()) {
            report.cancelled = true;
            break;
        }
        if (const Result<ReanchorCounts> counts = reparse(id)) {
            report.counts += *counts;
            ++report.issues;
        } else {
            report.failed.append({id, counts.error().message()});
        }
        if (progress)
            progress(++done, int(issueIds.size()));
    }
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
