// SQL for highlights and notes (schema v2, docs/schema.md).
#include "core/store/annotationrepository.h"

#include "core/annotate/anchoring.h"
#include "core/store/library.h"
#include "core/store/sql.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <tuple>

namespace dubao {

using namespace sql;

namespace {

const char *const kHighlightColumns =
    "h.id, h.block_id, h.start, h.\"end\", h.quote, h.prefix, h.suffix, h.issue_id, h.article_position, "
    "h.article_title, h.block_position, h.article_start, h.origin, h.orphan, h.created_at, h.modified_at";
constexpr int kHighlightColumnCount = 16;

const char *const kNoteColumns = "n.id, n.block_id, n.highlight_id, n.text, n.orphan, n.created_at, n.modified_at, "
                                 "n.quote, n.prefix, n.suffix, n.issue_id, n.article_position, n.article_title, "
                                 "n.block_position, n.article_start";
constexpr int kNoteColumnCount = 15;

/// Joins giving the source of `alias` (h or n): its block, article, issue, publication.
QString sourceJoins(const QString &alias)
{
    return QStringLiteral("LEFT JOIN blocks b ON b.id = %1.block_id "
                          "LEFT JOIN articles a ON a.id = b.article_id "
                          "LEFT JOIN issues i ON i.id = coalesce(a.issue_id, %1.issue_id) "
                          "LEFT JOIN publications p ON p.id = i.publication_id ")
        .arg(alias);
}
const char *const kSourceColumns = "i.id, p.name, i.date, a.id, coalesce(a.title, %1.article_title), b.id, "
                                   "coalesce(b.position, %1.block_position), coalesce(a.position, %1.article_position)";
constexpr int kSourceColumnCount = 8;

QString sourceColumns(const QString &alias)
{
    return QString::fromLatin1(kSourceColumns).arg(alias);
}

qint64 idValue(const QVariant &value)
{
    return value.isNull() ? 0 : value.toLongLong();
}

int intValue(const QVariant &value, int fallback = -1)
{
    return value.isNull() ? fallback : value.toInt();
}

QString originName(HighlightOrigin origin)
{
    switch (origin) {
    case HighlightOrigin::BlockTag:
        return QStringLiteral("block_tag");
    case HighlightOrigin::ArticleTag:
        return QStringLiteral("article_tag");
    case HighlightOrigin::Highlight:
        break;
    }
    return QStringLiteral("highlight");
}

HighlightOrigin originFromName(const QString &name)
{
    if (name == QLatin1String("block_tag"))
        return HighlightOrigin::BlockTag;
    if (name == QLatin1String("article_tag"))
        return HighlightOrigin::ArticleTag;
    return HighlightOrigin::Highlight;
}

Highlight highlightFromQuery(const QSqlQuery &q, int c = 0)
{
    Highlight h;
    h.id = q.value(c).toLongLong();
    h.blockId = idValue(q.value(c + 1));
    h.start = intValue(q.value(c + 2), 0);
    h.end = intValue(q.value(c + 3), 0);
    h.anchor.quote = q.value(c + 4).toString();
    h.anchor.prefix = q.value(c + 5).toString();
    h.anchor.suffix = q.value(c + 6).toString();
    h.anchor.issueId = idValue(q.value(c + 7));
    h.anchor.articlePosition = intValue(q.value(c + 8));
    h.anchor.articleTitle = q.value(c + 9).toString();
    h.anchor.blockPosition = intValue(q.value(c + 10));
    h.anchor.articleStart = intValue(q.value(c + 11));
    h.anchor.start = intValue(q.value(c + 2));
    h.anchor.end = intValue(q.value(c + 3));
    h.origin = originFromName(q.value(c + 12).toString());
    h.orphan = q.value(c + 13).toInt() != 0 || h.blockId == 0;
    h.createdAt = timeFromText(q.value(c + 14).toString());
    h.modifiedAt = timeFromText(q.value(c + 15).toString());
    return h;
}

Note noteFromQuery(const QSqlQuery &q, int c = 0)
{
    Note n;
    n.id = q.value(c).toLongLong();
    n.blockId = idValue(q.value(c + 1));
    n.highlightId = idValue(q.value(c + 2));
    n.text = q.value(c + 3).toString();
    n.orphan = q.value(c + 4).toInt() != 0 || n.blockId == 0;
    n.createdAt = timeFromText(q.value(c + 5).toString());
    n.modifiedAt = timeFromText(q.value(c + 6).toString());
    n.anchor.quote = q.value(c + 7).toString();
    n.anchor.prefix = q.value(c + 8).toString();
    n.anchor.suffix = q.value(c + 9).toString();
    n.anchor.issueId = idValue(q.value(c + 10));
    n.anchor.articlePosition = intValue(q.value(c + 11));
    n.anchor.articleTitle = q.value(c + 12).toString();
    n.anchor.blockPosition = intValue(q.value(c + 13));
    n.anchor.articleStart = intValue(q.value(c + 14));
    n.anchor.start = 0;
    n.anchor.end = int(n.anchor.quote.size());
    return n;
}

AnnotationSource sourceFromQuery(const QSqlQuery &q, int c)
{
    AnnotationSource s;
    s.issueId = idValue(q.value(c));
    s.publication = q.value(c + 1).toString();
    s.issueDate = q.value(c + 2).isNull() ? QDate() : QDate::fromString(q.value(c + 2).toString(), Qt::ISODate);
    s.articleId = idValue(q.value(c + 3));
    s.articleTitle = q.value(c + 4).toString();
    s.blockId = idValue(q.value(c + 5));
    s.blockPosition = intValue(q.value(c + 6));
    return s;
}

QHash<qint64, QList<qint64>> tagMap(QSqlDatabase db, const char *table, const char *column, const QString &where = {},
                                    const QVariantList &values = {})
{
    QHash<qint64, QList<qint64>> map;
    QSqlQuery query(db);
    if (!select(query,
                QStringLiteral("SELECT %2, tag_id FROM %1 %3 ORDER BY %2, tag_id")
                    .arg(QLatin1String(table), QLatin1String(column), where),
                values))
        return map;
    while (query.next())
        map[query.value(0).toLongLong()].append(query.value(1).toLongLong());
    return map;
}

/// The stored article of a block: its texts, position, title and issue, and the block's position.
struct StoredArticleText
{
    anchoring::ArticleText text;
    qint64 issueId = 0;
    int articlePosition = -1;
    int blockPosition = -1;
};

std::optional<StoredArticleText> articleTextOfBlock(QSqlDatabase db, qint64 blockId)
{
    QSqlQuery q(db);
    if (!select(q,
                QStringLiteral("SELECT a.id, a.issue_id, a.position, a.title, b.position FROM blocks b "
                               "JOIN articles a ON a.id = b.article_id WHERE b.id = ?"),
                {blockId}) ||
        !q.next())
        return std::nullopt;
    StoredArticleText result;
    const qint64 articleId = q.value(0).toLongLong();
    result.issueId = q.value(1).toLongLong();
    result.articlePosition = q.value(2).toInt();
    result.text.title = q.value(3).toString();
    result.blockPosition = q.value(4).toInt();
    q.finish();
    QSqlQuery blocks(db);
    if (!select(blocks, QStringLiteral("SELECT text FROM blocks WHERE article_id = ? ORDER BY position"), {articleId}))
        return std::nullopt;
    while (blocks.next())
        result.text.blocks.append(blocks.value(0).toString());
    return result;
}

Result<void> isValidRange(const QString &text, int start, int end)
{
    if (start < 0 || end <= start || end > text.size()) {
        return Error(Store::tr("range %1..%2 is outside the paragraph's text (0..%3) or empty")
                         .arg(start)
                         .arg(end)
                         .arg(text.size()));
    }
    if (text.at(start).isLowSurrogate() || (end < text.size() && text.at(end).isLowSurrogate()))
        return Error(Store::tr("range %1..%2 splits a character").arg(start).arg(end));
    return {};
}

Error noBlock(qint64 id)
{
    return Error(Store::tr("no paragraph (block) with id %1").arg(id));
}

Error noHighlight(qint64 id)
{
    return Error(Store::tr("no highlight with id %1").arg(id));
}

Error noNote(qint64 id)
{
    return Error(Store::tr("no note with id %1").arg(id));
}

QVariantList anchorValues(const TextAnchor &a)
{
    return {notNull(a.quote),
            notNull(a.prefix),
            notNull(a.suffix),
            idOrNull(a.issueId),
            a.articlePosition >= 0 ? QVariant(a.articlePosition) : QVariant(QMetaType(QMetaType::Int)),
            textOrNull(a.articleTitle),
            a.blockPosition >= 0 ? QVariant(a.blockPosition) : QVariant(QMetaType(QMetaType::Int)),
            a.articleStart >= 0 ? QVariant(a.articleStart) : QVariant(QMetaType(QMetaType::Int))};
}

/// True when block `blockId` exists and has `quote` at [start, end).
bool quoteStillThere(QSqlDatabase db, qint64 blockId, int start, int end, const QString &quote)
{
    if (blockId == 0 || start < 0 || end < start)
        return false;
    const QVariant text = scalar(db, QStringLiteral("SELECT text FROM blocks WHERE id = ?"), {blockId});
    return text.isValid() && QStringView(text.toString()).mid(start, end - start) == quote &&
           end <= text.toString().size();
}

/// Sets a note's block and anchor (the whole block's text) without touching its text or times.
Result<void> placeNote(QSqlDatabase db, qint64 noteId, qint64 blockId, bool orphan, const TextAnchor &anchor)
{
    QVariantList values{idOrNull(blockId), orphan ? 1 : 0};
    values += anchorValues(anchor);
    values.append(noteId);
    return exec(db,
                QStringLiteral("UPDATE notes SET block_id = ?, orphan = ?, quote = ?, prefix = ?, suffix = ?, "
                               "issue_id = ?, article_position = ?, article_title = ?, block_position = ?, "
                               "article_start = ? WHERE id = ?"),
                values);
}

} // namespace

AnnotationRepository::AnnotationRepository(Library &library)
    : m_library(library)
{}

Result<TextAnchor> AnnotationRepository::anchorFor(qint64 blockId, int start, int end) const
{
    const auto stored = articleTextOfBlock(m_library.database(), blockId);
    if (!stored)
        return noBlock(blockId);
    const QString &text = stored->text.blocks.at(stored->blockPosition);
    if (!(start == 0 && end == 0 && text.isEmpty())) {
        if (Result<void> valid = isValidRange(text, start, end); !valid)
            return valid.error();
    }
    TextAnchor anchor = anchoring::makeAnchor(stored->text, stored->articlePosition, stored->blockPosition, start, end);
    anchor.issueId = stored->issueId;
    return anchor;
}

Result<qint64> AnnotationRepository::addHighlight(qint64 blockId, int start, int end, const QList<qint64> &tagIds)
{
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    if (!scope.isActive())
        return scope.error();
    const Result<TextAnchor> anchor = anchorFor(blockId, start, end);
    if (!anchor)
        return anchor.error();
    for (const qint64 tagId : tagIds) {
        if (!scalar(db, QStringLiteral("SELECT 1 FROM tags WHERE id = ?"), {tagId}).isValid())
            return Error(Store::tr("no tag with id %1").arg(tagId));
    }
    const QString now = nowUtc();
    QVariantList values{blockId, start, end};
    values += anchorValues(*anchor);
    values += QVariantList{now, now};
    QSqlQuery insert(db);
    if (Result<void> inserted =
            exec(insert,
                 QStringLiteral("INSERT INTO highlights (block_id, start, \"end\", quote, prefix, suffix, issue_id, "
                                "article_position, article_title, block_position, article_start, created_at, "
                                "modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                 values);
        !inserted)
        return inserted.error();
    const qint64 id = insert.lastInsertId().toLongLong();
    for (const qint64 tagId : tagIds) {
        if (Result<void> tagged =
                exec(db, QStringLiteral("INSERT OR IGNORE INTO highlight_tags (highlight_id, tag_id) VALUES (?, ?)"),
                     {id, tagId});
            !tagged)
            return tagged.error();
    }
    return scope.commit(id);
}

std::optional<Highlight> AnnotationRepository::highlight(qint64 id) const
{
    QSqlDatabase db = m_library.database();
    QSqlQuery q(db);
    if (!select(q, QStringLiteral("SELECT %1 FROM highlights h WHERE h.id = ?").arg(QLatin1String(kHighlightColumns)),
                {id}) ||
        !q.next())
        return std::nullopt;
    Highlight h = highlightFromQuery(q);
    h.tagIds =
        ids(db, QStringLiteral("SELECT tag_id FROM highlight_tags WHERE highlight_id = ? ORDER BY tag_id"), {id});
    return h;
}

QList<Highlight> AnnotationRepository::highlightsOfBlock(qint64 blockId) const
{
    QList<Highlight> result;
    QSqlDatabase db = m_library.database();
    QSqlQuery q(db);
    if (!select(q,
                QStringLiteral("SELECT %1 FROM highlights h WHERE h.block_id = ? ORDER BY h.start, h.id")
                    .arg(QLatin1String(kHighlightColumns)),
                {blockId}))
        return result;
    const auto tags =
        tagMap(db, "highlight_tags", "highlight_id",
               QStringLiteral("WHERE highlight_id IN (SELECT id FROM highlights WHERE block_id = ?)"), {blockId});
    while (q.next()) {
        Highlight h = highlightFromQuery(q);
        h.tagIds = tags.value(h.id);
        result.append(h);
    }
    return result;
}

QList<Highlight> AnnotationRepository::highlightsOfArticle(qint64 articleId) const
{
    QList<Highlight> result;
    QSqlDatabase db = m_library.database();
    QSqlQuery q(db);
    if (!select(q,
                QStringLiteral("SELECT %1 FROM highlights h JOIN blocks b ON b.id = h.block_id WHERE b.article_id = ? "
                               "ORDER BY b.position, h.start, h.id")
                    .arg(QLatin1String(kHighlightColumns)),
                {articleId}))
        return result;
    const auto tags =
        tagMap(db, "highlight_tags", "highlight_id",
               QStringLiteral("WHERE highlight_id IN (SELECT h.id FROM highlights h JOIN blocks b ON b.id = h.block_id "
                              "WHERE b.article_id = ?)"),
               {articleId});
    while (q.next()) {
        Highlight h = highlightFromQuery(q);
        h.tagIds = tags.value(h.id);
        result.append(h);
    }
    return result;
}

Result<HighlightDeletion> AnnotationRepository::removeHighlight(qint64 id)
{
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    if (!scope.isActive())
        return scope.error();
    const auto current = highlight(id);
    if (!current)
        return noHighlight(id);
    HighlightDeletion deletion;
    deletion.highlight = *current;
    deletion.detachedNotes = ids(db, QStringLiteral("SELECT id FROM notes WHERE highlight_id = ? ORDER BY id"), {id});
    deletion.notebookEntries = notebookEntries(db, QStringLiteral("highlight_id = ?"), {id});
    Result<void> removed = removeNotebookEntries(db, deletion.notebookEntries);
    if (removed)
        removed = exec(db, {{QStringLiteral("UPDATE notes SET highlight_id = NULL WHERE highlight_id = ?"), {id}},
                            {QStringLiteral("DELETE FROM highlight_tags WHERE highlight_id = ?"), {id}},
                            {QStringLiteral("DELETE FROM highlights WHERE id = ?"), {id}}});
    if (!removed)
        return removed.error();
    return scope.commit(deletion);
}

Result<void> AnnotationRepository::restore(const HighlightDeletion &deletion)
{
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    if (!scope.isActive())
        return scope.error();
    const Highlight &h = deletion.highlight;
    // A block that no longer holds the quote there (its issue was re-parsed since, and SQLite may reuse the
    // id) leaves the highlight an orphan rather than on the wrong text.
    const bool blockExists = quoteStillThere(db, h.blockId, h.start, h.end, h.anchor.quote);
    QVariantList values{h.id, blockExists ? QVariant(h.blockId) : idOrNull(0), h.start, h.end};
    values += anchorValues(h.anchor);
    values += QVariantList{originName(h.origin), (h.orphan || !blockExists) ? 1 : 0, timeToText(h.createdAt),
                           timeToText(h.modifiedAt)};
    if (Result<void> inserted = exec(
            db,
            QStringLiteral("INSERT INTO highlights (id, block_id, start, \"end\", quote, prefix, suffix, issue_id, "
                           "article_position, article_title, block_position, article_start, origin, orphan, "
                           "created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            values);
        !inserted)
        return inserted;
    for (const qint64 tagId : h.tagIds) {
        if (Result<void> tagged = exec(db,
                                       QStringLiteral("INSERT OR IGNORE INTO highlight_tags (highlight_id, tag_id) "
                                                      "SELECT ?, id FROM tags WHERE id = ?"),
                                       {h.id, tagId});
            !tagged)
            return tagged;
    }
    for (const qint64 noteId : deletion.detachedNotes) {
        if (Result<void> attached =
                exec(db, QStringLiteral("UPDATE notes SET highlight_id = ? WHERE id = ?"), {h.id, noteId});
            !attached)
            return attached;
    }
    if (Result<void> reinserted = reinsertNotebookEntries(db, deletion.notebookEntries); !reinserted)
        return reinserted;
    return scope.commit();
}

Result<qint64> AnnotationRepository::addNote(qint64 blockId, qint64 highlightId, const QString &text)
{
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    if (!scope.isActive())
        return scope.error();
    if (highlightId != 0) {
        const auto h = highlight(highlightId);
        if (!h)
            return noHighlight(highlightId);
        if (blockId == 0)
            blockId = h->blockId;
        if (h->blockId == 0 || h->blockId != blockId)
            return Error(Store::tr("highlight %1 is not in paragraph %2").arg(highlightId).arg(blockId));
    }
    const auto stored = articleTextOfBlock(db, blockId);
    if (!stored)
        return noBlock(blockId);
    TextAnchor anchor = anchoring::makeAnchor(stored->text, stored->articlePosition, stored->blockPosition, 0,
                                              int(stored->text.blocks.at(stored->blockPosition).size()));
    anchor.issueId = stored->issueId;
    const QString now = nowUtc();
    QVariantList values{blockId, idOrNull(highlightId), notNull(text), now, now};
    values += anchorValues(anchor);
    QSqlQuery insert(db);
    if (Result<void> inserted = exec(
            insert,
            QStringLiteral("INSERT INTO notes (block_id, highlight_id, text, created_at, modified_at, quote, prefix, "
                           "suffix, issue_id, article_position, article_title, block_position, article_start) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            values);
        !inserted)
        return inserted.error();
    return scope.commit(insert.lastInsertId().toLongLong());
}

std::optional<Note> AnnotationRepository::note(qint64 id) const
{
    QSqlDatabase db = m_library.database();
    QSqlQuery q(db);
    if (!select(q, QStringLiteral("SELECT %1 FROM notes n WHERE n.id = ?").arg(QLatin1String(kNoteColumns)), {id}) ||
        !q.next())
        return std::nullopt;
    Note n = noteFromQuery(q);
    n.tagIds = ids(db, QStringLiteral("SELECT tag_id FROM note_tags WHERE note_id = ? ORDER BY tag_id"), {id});
    return n;
}

namespace {

QList<Note> notesWhere(QSqlDatabase db, const QString &joinWhere, const QVariantList &values)
{
    QList<Note> result;
    QSqlQuery q(db);
    if (!select(q, QStringLiteral("SELECT %1 FROM notes n %2").arg(QLatin1String(kNoteColumns), joinWhere), values))
        return result;
    while (q.next())
        result.append(noteFromQuery(q));
    const auto tags = tagMap(db, "note_tags", "note_id");
    for (Note &n : result)
        n.tagIds = tags.value(n.id);
    return result;
}

} // namespace

QList<Note> AnnotationRepository::notesOfBlock(qint64 blockId) const
{
    return notesWhere(m_library.database(), QStringLiteral("WHERE n.block_id = ? ORDER BY n.created_at, n.id"),
                      {blockId});
}

QList<Note> AnnotationRepository::notesOfArticle(qint64 articleId) const
{
    return notesWhere(m_library.database(),
                      QStringLiteral("JOIN blocks b ON b.id = n.block_id WHERE b.article_id = ? "
                                     "ORDER BY b.position, n.created_at, n.id"),
                      {articleId});
}

QList<Note> AnnotationRepository::notesOfHighlight(qint64 highlightId) const
{
    return notesWhere(m_library.database(), QStringLiteral("WHERE n.highlight_id = ? ORDER BY n.created_at, n.id"),
                      {highlightId});
}

Result<QString> AnnotationRepository::editNote(qint64 id, const QString &text)
{
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    const auto current = note(id);
    if (!current)
        return noNote(id);
    if (Result<void> edited = exec(db, QStringLiteral("UPDATE notes SET text = ?, modified_at = ? WHERE id = ?"),
                                   {notNull(text), nowUtc(), id});
        !edited)
        return edited.error();
    return scope.commit(current->text);
}

Result<NoteDeletion> AnnotationRepository::removeNote(qint64 id)
{
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    const auto current = note(id);
    if (!current)
        return noNote(id);
    NoteDeletion deletion;
    deletion.note = *current;
    deletion.notebookEntries = notebookEntries(db, QStringLiteral("note_id = ?"), {id});
    Result<void> removed = removeNotebookEntries(db, deletion.notebookEntries);
    if (removed)
        removed = exec(db, {{QStringLiteral("DELETE FROM note_tags WHERE note_id = ?"), {id}},
                            {QStringLiteral("DELETE FROM notes WHERE id = ?"), {id}}});
    if (!removed)
        return removed.error();
    return scope.commit(deletion);
}

Result<void> AnnotationRepository::restore(const NoteDeletion &deletion)
{
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    if (!scope.isActive())
        return scope.error();
    const Note &n = deletion.note;
    const bool blockExists = quoteStillThere(db, n.blockId, 0, int(n.anchor.quote.size()), n.anchor.quote);
    const bool highlightExists =
        n.highlightId != 0 &&
        scalar(db, QStringLiteral("SELECT 1 FROM highlights WHERE id = ?"), {n.highlightId}).isValid();
    QVariantList values{n.id,
                        blockExists ? QVariant(n.blockId) : idOrNull(0),
                        highlightExists ? QVariant(n.highlightId) : idOrNull(0),
                        notNull(n.text),
                        (n.orphan || !blockExists) ? 1 : 0,
                        timeToText(n.createdAt),
                        timeToText(n.modifiedAt)};
    values += anchorValues(n.anchor);
    if (Result<void> inserted =
            exec(db,
                 QStringLiteral("INSERT INTO notes (id, block_id, highlight_id, text, orphan, created_at, modified_at, "
                                "quote, prefix, suffix, issue_id, article_position, article_title, block_position, "
                                "article_start) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                 values);
        !inserted)
        return inserted;
    for (const qint64 tagId : n.tagIds) {
        if (Result<void> tagged = exec(
                db,
                QStringLiteral("INSERT OR IGNORE INTO note_tags (note_id, tag_id) SELECT ?, id FROM tags WHERE id = ?"),
                {n.id, tagId});
            !tagged)
            return tagged;
    }
    if (Result<void> reinserted = reinsertNotebookEntries(db, deletion.notebookEntries); !reinserted)
        return reinserted;
    return scope.commit();
}

Result<AnnotationPlacement> AnnotationRepository::attachHighlight(qint64 id, qint64 blockId, int start, int end)
{
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    const auto current = highlight(id);
    if (!current)
        return noHighlight(id);
    const Result<TextAnchor> anchor = anchorFor(blockId, start, end);
    if (!anchor)
        return anchor.error();
    AnnotationPlacement previous{id, current->blockId, current->orphan, current->anchor, {}};
    for (const Note &n : notesOfHighlight(id))
        previous.notes.append({n.id, n.blockId, n.orphan, n.anchor, {}});
    QVariantList values{blockId, start, end};
    values += anchorValues(*anchor);
    values += QVariantList{nowUtc(), id};
    if (Result<void> placed = exec(
            db,
            QStringLiteral("UPDATE highlights SET block_id = ?, start = ?, \"end\" = ?, quote = ?, prefix = ?, "
                           "suffix = ?, issue_id = ?, article_position = ?, article_title = ?, block_position = ?, "
                           "article_start = ?, orphan = 0, modified_at = ? WHERE id = ?"),
            values);
        !placed)
        return placed.error();
    const auto stored = articleTextOfBlock(db, blockId);
    TextAnchor noteAnchor = anchoring::makeAnchor(stored->text, stored->articlePosition, stored->blockPosition, 0,
                                                  int(stored->text.blocks.at(stored->blockPosition).size()));
    noteAnchor.issueId = stored->issueId;
    for (const AnnotationPlacement &n : std::as_const(previous.notes)) {
        if (Result<void> placed = placeNote(db, n.id, blockId, false, noteAnchor); !placed)
            return placed.error();
    }
    return scope.commit(previous);
}

Result<AnnotationPlacement> AnnotationRepository::attachNote(qint64 id, qint64 blockId)
{
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    const auto current = note(id);
    if (!current)
        return noNote(id);
    if (current->highlightId != 0)
        return Error(Store::tr("note %1 is on highlight %2: attach the highlight").arg(id).arg(current->highlightId));
    const auto stored = articleTextOfBlock(db, blockId);
    if (!stored)
        return noBlock(blockId);
    TextAnchor anchor = anchoring::makeAnchor(stored->text, stored->articlePosition, stored->blockPosition, 0,
                                              int(stored->text.blocks.at(stored->blockPosition).size()));
    anchor.issueId = stored->issueId;
    AnnotationPlacement previous{id, current->blockId, current->orphan, current->anchor, {}};
    if (Result<void> placed = placeNote(db, id, blockId, false, anchor); !placed)
        return placed.error();
    return scope.commit(previous);
}

Result<void> AnnotationRepository::restoreHighlightPlacement(const AnnotationPlacement &p)
{
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    if (!scope.isActive())
        return scope.error();
    const bool blockExists = quoteStillThere(db, p.blockId, p.anchor.start, p.anchor.end, p.anchor.quote);
    QVariantList values{blockExists ? QVariant(p.blockId) : idOrNull(0),
                        p.anchor.start >= 0 ? QVariant(p.anchor.start) : QVariant(QMetaType(QMetaType::Int)),
                        p.anchor.end >= 0 ? QVariant(p.anchor.end) : QVariant(QMetaType(QMetaType::Int))};
    values += anchorValues(p.anchor);
    values += QVariantList{(p.orphan || !blockExists) ? 1 : 0, p.id};
    if (Result<void> placed = exec(
            db,
            QStringLiteral("UPDATE highlights SET block_id = ?, start = ?, \"end\" = ?, quote = ?, prefix = ?, "
                           "suffix = ?, issue_id = ?, article_position = ?, article_title = ?, block_position = ?, "
                           "article_start = ?, orphan = ? WHERE id = ?"),
            values);
        !placed)
        return placed;
    for (const AnnotationPlacement &n : p.notes) {
        if (Result<void> placed = restoreNotePlacement(n); !placed)
            return placed;
    }
    return scope.commit();
}

Result<void> AnnotationRepository::restoreNotePlacement(const AnnotationPlacement &p)
{
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    if (!scope.isActive())
        return scope.error();
    const bool blockExists = quoteStillThere(db, p.blockId, 0, int(p.anchor.quote.size()), p.anchor.quote);
    if (Result<void> placed = placeNote(db, p.id, blockExists ? p.blockId : 0, p.orphan || !blockExists, p.anchor);
        !placed)
        return placed;
    return scope.commit();
}

QList<AnnotationItem> AnnotationRepository::list(const AnnotationFilter &filter) const
{
    QList<AnnotationItem> items;
    QSqlDatabase db = m_library.database();

    // Tag ids (with descendants) inlined as integers: they are numbers, never user text.
    QStringList tagList;
    if (!filter.tagIds.isEmpty()) {
        TagRepository tags(m_library);
        QSet<qint64> wanted;
        for (const qint64 tagId : filter.tagIds) {
            if (filter.includeChildTags) {
                for (const qint64 id : tags.subtree(tagId))
                    wanted.insert(id);
            } else {
                wanted.insert(tagId);
            }
        }
        for (const qint64 id : std::as_const(wanted))
            tagList.append(QString::number(id));
        if (tagList.isEmpty())
            return items;
    }

    auto conditions = [&](const QString &alias, QVariantList &values, const QString &tagTable, const QString &tagColumn,
                          const QString &textCondition) {
        QStringList where;
        const QString orphan = QStringLiteral("(%1.orphan = 1 OR %1.block_id IS NULL)").arg(alias);
        if (filter.orphans == AnnotationFilter::Orphans::Exclude)
            where.append(QStringLiteral("NOT ") + orphan);
        else if (filter.orphans == AnnotationFilter::Orphans::Only)
            where.append(orphan);
        if (!tagList.isEmpty())
            where.append(QStringLiteral("EXISTS (SELECT 1 FROM %1 x WHERE x.%2 = %3.id AND x.tag_id IN (%4))")
                             .arg(tagTable, tagColumn, alias, tagList.join(u',')));
        if (filter.articleId != 0) {
            where.append(QStringLiteral("a.id = ?"));
            values.append(filter.articleId);
        }
        if (filter.issueId != 0) {
            where.append(QStringLiteral("i.id = ?"));
            values.append(filter.issueId);
        }
        if (filter.from.isValid()) {
            where.append(QStringLiteral("i.date >= ?"));
            values.append(filter.from.toString(Qt::ISODate));
        }
        if (filter.to.isValid()) {
            where.append(QStringLiteral("i.date <= ?"));
            values.append(filter.to.toString(Qt::ISODate));
        }
        if (!filter.text.isEmpty()) {
            where.append(textCondition);
            values.append(filter.text.toLower());
            if (textCondition.count(u'?') == 2)
                values.append(filter.text.toLower());
        }
        return where.isEmpty() ? QString() : QStringLiteral("WHERE ") + where.join(QStringLiteral(" AND "));
    };

    using SortKey = std::tuple<bool, QString, qint64, int, int, int, int, qint64>;
    QList<std::pair<SortKey, AnnotationItem>> sorted;

    if (filter.highlights) {
        QVariantList values;
        const QString where =
            conditions(QStringLiteral("h"), values, QStringLiteral("highlight_tags"), QStringLiteral("highlight_id"),
                       QStringLiteral("instr(lower(h.quote), ?) > 0"));
        QSqlQuery q(db);
        if (select(q,
                   QStringLiteral("SELECT %1, %2 FROM highlights h %3 %4")
                       .arg(QLatin1String(kHighlightColumns), sourceColumns(QStringLiteral("h")),
                            sourceJoins(QStringLiteral("h")), where),
                   values)) {
            const auto tags = tagMap(db, "highlight_tags", "highlight_id");
            while (q.next()) {
                AnnotationItem item;
                item.kind = AnnotationItem::Kind::Highlight;
                item.highlight = highlightFromQuery(q);
                item.highlight.tagIds = tags.value(item.highlight.id);
                item.source = sourceFromQuery(q, kHighlightColumnCount);
                const int articlePosition = intValue(q.value(kHighlightColumnCount + kSourceColumnCount - 1));
                const SortKey key{!item.source.issueDate.isValid(),
                                  item.source.issueDate.toString(Qt::ISODate),
                                  item.source.issueId,
                                  articlePosition,
                                  item.source.blockPosition,
                                  item.highlight.start,
                                  0,
                                  item.highlight.id};
                sorted.append({key, item});
            }
        }
    }
    if (filter.notes) {
        QVariantList values;
        const QString where =
            conditions(QStringLiteral("n"), values, QStringLiteral("note_tags"), QStringLiteral("note_id"),
                       QStringLiteral("(instr(lower(n.text), ?) > 0 OR instr(lower(ifnull((SELECT quote FROM "
                                      "highlights WHERE id = n.highlight_id), '')), ?) > 0)"));
        QSqlQuery q(db);
        if (select(q,
                   QStringLiteral("SELECT %1, %2 FROM notes n %3 %4")
                       .arg(QLatin1String(kNoteColumns), sourceColumns(QStringLiteral("n")),
                            sourceJoins(QStringLiteral("n")), where),
                   values)) {
            const auto tags = tagMap(db, "note_tags", "note_id");
            while (q.next()) {
                AnnotationItem item;
                item.kind = AnnotationItem::Kind::Note;
                item.note = noteFromQuery(q);
                item.note.tagIds = tags.value(item.note.id);
                item.source = sourceFromQuery(q, kNoteColumnCount);
                if (item.note.highlightId != 0) {
                    if (const auto h = highlight(item.note.highlightId))
                        item.highlight = *h;
                }
                const int articlePosition = intValue(q.value(kNoteColumnCount + kSourceColumnCount - 1));
                const SortKey key{!item.source.issueDate.isValid(),
                                  item.source.issueDate.toString(Qt::ISODate),
                                  item.source.issueId,
                                  articlePosition,
                                  item.source.blockPosition,
                                  item.highlight.id != 0 ? item.highlight.start : 0,
                                  1,
                                  item.note.id};
                sorted.append({key, item});
            }
        }
    }
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    items.reserve(sorted.size());
    for (const auto &entry : std::as_const(sorted))
        items.append(entry.second);
    return items;
}

QList<AnnotationItem> AnnotationRepository::orphans() const
{
    AnnotationFilter filter;
    filter.orphans = AnnotationFilter::Orphans::Only;
    return list(filter);
}

AnnotationSource AnnotationRepository::sourceOfHighlight(qint64 id) const
{
    QSqlQuery q(m_library.database());
    if (!select(q,
                QStringLiteral("SELECT %1 FROM highlights h %2 WHERE h.id = ?")
                    .arg(sourceColumns(QStringLiteral("h")), sourceJoins(QStringLiteral("h"))),
                {id}) ||
        !q.next())
        return {};
    return sourceFromQuery(q, 0);
}

AnnotationSource AnnotationRepository::sourceOfNote(qint64 id) const
{
    QSqlQuery q(m_library.database());
    if (!select(q,
                QStringLiteral("SELECT %1 FROM notes n %2 WHERE n.id = ?")
                    .arg(sourceColumns(QStringLiteral("n")), sourceJoins(QStringLiteral("n"))),
                {id}) ||
        !q.next())
        return {};
    return sourceFromQuery(q, 0);
}

namespace {

AnnotationCounts countsWhere(QSqlDatabase db, const QString &blockCondition, const QString &articleCondition,
                             const QString &issueColumnCondition, qint64 id)
{
    // An annotation belongs to the issue/article through its block, or (orphans) through its anchor's issue.
    AnnotationCounts c;
    const QString highlightIds =
        QStringLiteral("SELECT h.id FROM highlights h LEFT JOIN blocks b ON b.id = h.block_id "
                       "LEFT JOIN articles a ON a.id = b.article_id WHERE %1")
            .arg(blockCondition + (issueColumnCondition.isEmpty() ? QString()
                                                                  : QStringLiteral(" OR (h.block_id IS NULL AND h.") +
                                                                        issueColumnCondition + u')'));
    const QString noteIds =
        QStringLiteral("SELECT n.id FROM notes n LEFT JOIN blocks b ON b.id = n.block_id "
                       "LEFT JOIN articles a ON a.id = b.article_id WHERE %1")
            .arg(blockCondition + (issueColumnCondition.isEmpty() ? QString()
                                                                  : QStringLiteral(" OR (n.block_id IS NULL AND n.") +
                                                                        issueColumnCondition + u')'));
    const int binds = issueColumnCondition.isEmpty() ? 1 : 2;
    QVariantList values;
    for (int k = 0; k < binds; ++k)
        values.append(id);
    c.highlights = scalar(db, QStringLiteral("SELECT count(*) FROM (%1)").arg(highlightIds), values).toInt();
    c.notes = scalar(db, QStringLiteral("SELECT count(*) FROM (%1)").arg(noteIds), values).toInt();
    c.blockTags = scalar(db,
                         QStringLiteral("SELECT count(*) FROM block_tags t JOIN blocks b ON b.id = t.block_id "
                                        "JOIN articles a ON a.id = b.article_id WHERE %1")
                             .arg(blockCondition),
                         {id})
                      .toInt();
    c.articleTags =
        scalar(db,
               QStringLiteral("SELECT count(*) FROM article_tags t JOIN articles a ON a.id = t.article_id WHERE %1")
                   .arg(articleCondition),
               {id})
            .toInt();
    QVariantList twice = values + values;
    c.notebookEntries = scalar(db,
                               QStringLiteral("SELECT count(*) FROM notebook_entries WHERE highlight_id IN (%1) "
                                              "OR note_id IN (%2)")
                                   .arg(highlightIds, noteIds),
                               twice)
                            .toInt();
    return c;
}

} // namespace

AnnotationCounts AnnotationRepository::countsForIssue(qint64 issueId) const
{
    return countsWhere(m_library.database(), QStringLiteral("a.issue_id = ?"), QStringLiteral("a.issue_id = ?"),
                       QStringLiteral("issue_id = ?"), issueId);
}

AnnotationCounts AnnotationRepository::countsForArticle(qint64 articleId) const
{
    return countsWhere(m_library.database(), QStringLiteral("a.id = ?"), QStringLiteral("a.id = ?"), QString(),
                       articleId);
}

} // namespace dubao
