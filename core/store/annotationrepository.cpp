// SQL for highlights and notes (schema v2, docs/schema.md): creating, editing, deleting and restoring them,
// re-attaching, and reading them by id, block, article or highlight. The listings are in annotationlisting.cpp.
#include "core/store/annotationrepository.h"

#include "core/annotate/anchoring.h"
#include "core/store/annotationrows.h"
#include "core/store/authorship.h"
#include "core/store/changenotice.h"
#include "core/store/dialect.h"
#include "core/store/library.h"
#include "core/store/sql.h"

namespace dubao {

using namespace sql;

namespace {

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

/// The anchor of a whole paragraph: what a note on it keeps.
TextAnchor blockAnchor(const StoredArticleText &stored)
{
    TextAnchor anchor = anchoring::makeAnchor(stored.text, stored.articlePosition, stored.blockPosition, 0,
                                              int(stored.text.blocks.at(stored.blockPosition).size()));
    anchor.issueId = stored.issueId;
    return anchor;
}

/// The highlights of `joinWhere` (on alias h) with their tags, which `tagWhere` selects from highlight_tags.
QList<Highlight> highlightsWhere(QSqlDatabase db, const QString &joinWhere, const QString &tagWhere,
                                 const QVariantList &values)
{
    QList<Highlight> result;
    QSqlQuery q(db);
    if (!select(q, QStringLiteral("SELECT %1 FROM highlights h %2").arg(QLatin1String(kHighlightColumns), joinWhere),
                values))
        return result;
    const auto tags = tagMap(db, "highlight_tags", "highlight_id", tagWhere, values);
    while (q.next()) {
        Highlight h = highlightFromQuery(q);
        h.tagIds = tags.value(h.id);
        result.append(h);
    }
    return result;
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

/// Who put each tag on the row `id` of a tagging table, and when (for a restore).
QList<TaggingStamp> tagStamps(QSqlDatabase db, const char *table, const char *column, qint64 id)
{
    QList<TaggingStamp> stamps;
    QSqlQuery q(db);
    if (!select(q,
                QStringLiteral("SELECT tag_id, created_by, created_at FROM %1 WHERE %2 = ? ORDER BY tag_id")
                    .arg(QLatin1String(table), QLatin1String(column)),
                {id}))
        return stamps;
    while (q.next())
        stamps.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()});
    return stamps;
}

/// Puts the tags back on a restored highlight or note (the tags that still exist), each with its authorship.
Result<void> restoreTaggings(QSqlDatabase db, const char *table, const char *column, qint64 id,
                             const QList<qint64> &tagIds, const QList<TaggingStamp> &stamps)
{
    for (const qint64 tagId : tagIds) {
        TaggingStamp stamp{tagId, QString(), nowUtc()};
        for (const TaggingStamp &known : stamps)
            if (known.tagId == tagId)
                stamp = known;
        if (Result<void> tagged = exec(db,
                                       dialect::insertOrIgnore(db) +
                                           QStringLiteral(" %1 (%2, tag_id, created_by, created_at) "
                                                          "SELECT CAST(? AS bigint), id, ?, ? FROM tags WHERE id = ?")
                                               .arg(QLatin1String(table), QLatin1String(column)) +
                                           dialect::onConflictIgnore(db),
                                       {id, notNull(stamp.createdBy), notNull(stamp.createdAt), tagId});
            !tagged)
            return tagged;
    }
    return {};
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
            return noTag(tagId);
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
                                "modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") +
                     dialect::returningId(db),
                 values);
        !inserted)
        return inserted.error();
    const qint64 id = dialect::insertedId(insert);
    changes::written(db, QStringLiteral("highlights"), QStringLiteral("t.id = ?"), {id});
    for (const qint64 tagId : tagIds) {
        if (Result<void> tagged = exec(db,
                                       dialect::insertOrIgnore(db) +
                                           QStringLiteral(" highlight_tags (highlight_id, tag_id) VALUES (?, ?)") +
                                           dialect::onConflictIgnore(db),
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
    return highlightsWhere(m_library.database(), QStringLiteral("WHERE h.block_id = ? ORDER BY h.start, h.id"),
                           QStringLiteral("WHERE highlight_id IN (SELECT id FROM highlights WHERE block_id = ?)"),
                           {blockId});
}

QList<Highlight> AnnotationRepository::highlightsOfArticle(qint64 articleId) const
{
    return highlightsWhere(
        m_library.database(),
        QStringLiteral("JOIN blocks b ON b.id = h.block_id WHERE b.article_id = ? ORDER BY b.position, h.start, h.id"),
        QStringLiteral("WHERE highlight_id IN (SELECT h.id FROM highlights h JOIN blocks b ON b.id = h.block_id "
                       "WHERE b.article_id = ?)"),
        {articleId});
}

Result<HighlightDeletion> AnnotationRepository::removeHighlight(qint64 id, int readVersion)
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
    deletion.uid = uidOf(db, "highlights", id);
    deletion.detachedNotes = ids(db, QStringLiteral("SELECT id FROM notes WHERE highlight_id = ? ORDER BY id"), {id});
    deletion.tagStamps = tagStamps(db, "highlight_tags", "highlight_id", id);
    deletion.notebookEntries = notebookEntries(db, QStringLiteral("highlight_id = ?"), {id});
    changes::deleting(db, QStringLiteral("highlight_tags"), QStringLiteral("t.highlight_id = ?"), {id});
    changes::deleting(db, QStringLiteral("highlights"), QStringLiteral("t.id = ?"), {id});
    Result<void> removed = removeNotebookEntries(db, deletion.notebookEntries);
    if (removed)
        removed = exec(db, {{QStringLiteral("UPDATE notes SET highlight_id = NULL WHERE highlight_id = ?"), {id}},
                            {QStringLiteral("DELETE FROM highlight_tags WHERE highlight_id = ?"), {id}}});
    // The version check is the DELETE's own condition (as editNote's UPDATE): a change committed meanwhile wins.
    QSqlQuery remove(db);
    if (removed)
        removed = exec(remove, QStringLiteral("DELETE FROM highlights WHERE id = ? AND (? = 0 OR row_version = ?)"),
                       {id, readVersion, readVersion});
    if (!removed)
        return removed.error();
    if (remove.numRowsAffected() == 0) {
        // Nothing was deleted (the scope rolls the detaching back): say who changed it since.
        const auto now = highlight(id);
        return now ? highlightConflict(*now) : noHighlight(id);
    }
    return scope.commit(deletion);
}

Error AnnotationRepository::highlightConflict(const Highlight &now)
{
    return Error(Store::tr("highlight %1 was changed by %2 at %3 since you read it (version %4); nothing was deleted")
                     .arg(now.id)
                     .arg(now.changedBy.isEmpty() ? Store::tr("an unknown author") : now.changedBy,
                          now.modifiedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")))
                     .arg(now.rowVersion));
}

Result<void> AnnotationRepository::restore(const HighlightDeletion &deletion)
{
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    if (!scope.isActive())
        return scope.error();
    // Put back as it was, by whoever made it (an editor may undo the deletion of a colleague's row).
    if (Result<void> keeping = authorship::keepGivenAuthors(db, true); !keeping)
        return keeping;
    const Highlight &h = deletion.highlight;
    // A block that no longer holds the quote there (its issue was re-parsed since, and SQLite may reuse the
    // id) leaves the highlight an orphan rather than on the wrong text.
    const bool blockExists = quoteStillThere(db, h.blockId, h.start, h.end, h.anchor.quote);
    QVariantList values{h.id, blockExists ? QVariant(h.blockId) : idOrNull(0), h.start, h.end};
    values += anchorValues(h.anchor);
    values += QVariantList{originName(h.origin),
                           (h.orphan || !blockExists) ? 1 : 0,
                           timeToText(h.createdAt),
                           timeToText(h.modifiedAt),
                           notNull(h.createdBy),
                           notNull(h.changedBy),
                           h.rowVersion};
    if (Result<void> inserted = exec(
            db,
            QStringLiteral("INSERT INTO highlights (id, block_id, start, \"end\", quote, prefix, suffix, issue_id, "
                           "article_position, article_title, block_position, article_start, origin, orphan, "
                           "created_at, modified_at, created_by, changed_by, row_version) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            values);
        !inserted)
        return inserted;
    if (Result<void> kept = restoreUid(db, "highlights", h.id, deletion.uid); !kept)
        return kept;
    if (Result<void> tagged = restoreTaggings(db, "highlight_tags", "highlight_id", h.id, h.tagIds, deletion.tagStamps);
        !tagged)
        return tagged;
    for (const qint64 noteId : deletion.detachedNotes) {
        if (Result<void> attached =
                exec(db, QStringLiteral("UPDATE notes SET highlight_id = ? WHERE id = ?"), {h.id, noteId});
            !attached)
            return attached;
    }
    if (Result<void> reinserted = reinsertNotebookEntries(db, deletion.notebookEntries); !reinserted)
        return reinserted;
    if (Result<void> kept = authorship::keepGivenAuthors(db, false); !kept)
        return kept;
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
    const QString now = nowUtc();
    QVariantList values{blockId, idOrNull(highlightId), notNull(text), now, now};
    values += anchorValues(blockAnchor(*stored));
    QSqlQuery insert(db);
    if (Result<void> inserted = exec(
            insert,
            QStringLiteral("INSERT INTO notes (block_id, highlight_id, text, created_at, modified_at, quote, prefix, "
                           "suffix, issue_id, article_position, article_title, block_position, article_start) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") +
                dialect::returningId(db),
            values);
        !inserted)
        return inserted.error();
    const qint64 id = dialect::insertedId(insert);
    changes::written(db, QStringLiteral("notes"), QStringLiteral("t.id = ?"), {id});
    return scope.commit(id);
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

QHash<qint64, QList<Note>> AnnotationRepository::notesOfHighlights() const
{
    QHash<qint64, QList<Note>> byHighlight;
    const QList<Note> notes =
        notesWhere(m_library.database(),
                   QStringLiteral("WHERE n.highlight_id IS NOT NULL ORDER BY n.highlight_id, n.created_at, n.id"), {});
    for (const Note &n : notes)
        byHighlight[n.highlightId].append(n);
    return byHighlight;
}

Result<QString> AnnotationRepository::editNote(qint64 id, const QString &text, int readVersion,
                                               std::optional<Note> *changedSince)
{
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    if (!scope.isActive())
        return scope.error();
    if (changedSince)
        changedSince->reset();
    const auto current = note(id);
    if (!current)
        return noNote(id);
    // The version check is the UPDATE's own condition, so that two savers cannot both pass it (on a team library
    // the second waits for the first's row lock, then finds the new version).
    QSqlQuery update(db);
    if (Result<void> done = exec(update,
                                 QStringLiteral("UPDATE notes SET text = ?, modified_at = ? WHERE id = ? "
                                                "AND (? = 0 OR row_version = ?)"),
                                 {notNull(text), nowUtc(), id, readVersion, readVersion});
        !done)
        return done.error();
    changes::written(db, QStringLiteral("notes"), QStringLiteral("t.id = ?"), {id});
    if (update.numRowsAffected() == 0) {
        const std::optional<Note> now = note(id);
        if (changedSince)
            *changedSince = now;
        if (!now)
            return noNote(id);
        return editConflict(*now);
    }
    return scope.commit(current->text);
}

Error AnnotationRepository::editConflict(const Note &now)
{
    return Error(Store::tr("note %1 was changed by %2 at %3 since you read it (version %4); your text is not saved")
                     .arg(now.id)
                     .arg(now.changedBy.isEmpty() ? Store::tr("an unknown author") : now.changedBy,
                          now.modifiedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")))
                     .arg(now.rowVersion));
}

Error AnnotationRepository::noteDeletionConflict(const Note &now)
{
    return Error(Store::tr("note %1 was changed by %2 at %3 since you read it (version %4); nothing was deleted")
                     .arg(now.id)
                     .arg(now.changedBy.isEmpty() ? Store::tr("an unknown author") : now.changedBy,
                          now.modifiedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")))
                     .arg(now.rowVersion));
}

Result<NoteDeletion> AnnotationRepository::removeNote(qint64 id, int readVersion)
{
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    const auto current = note(id);
    if (!current)
        return noNote(id);
    NoteDeletion deletion;
    deletion.note = *current;
    deletion.uid = uidOf(db, "notes", id);
    deletion.tagStamps = tagStamps(db, "note_tags", "note_id", id);
    deletion.notebookEntries = notebookEntries(db, QStringLiteral("note_id = ?"), {id});
    changes::deleting(db, QStringLiteral("note_tags"), QStringLiteral("t.note_id = ?"), {id});
    changes::deleting(db, QStringLiteral("notes"), QStringLiteral("t.id = ?"), {id});
    Result<void> removed = removeNotebookEntries(db, deletion.notebookEntries);
    if (removed)
        removed = exec(db, QStringLiteral("DELETE FROM note_tags WHERE note_id = ?"), {id});
    // The version check is the DELETE's own condition (as removeHighlight's): a change committed meanwhile wins.
    QSqlQuery remove(db);
    if (removed)
        removed = exec(remove, QStringLiteral("DELETE FROM notes WHERE id = ? AND (? = 0 OR row_version = ?)"),
                       {id, readVersion, readVersion});
    if (!removed)
        return removed.error();
    if (remove.numRowsAffected() == 0) {
        // Nothing was deleted (the scope rolls the rest back): say who changed it since.
        const auto now = note(id);
        return now ? noteDeletionConflict(*now) : noNote(id);
    }
    return scope.commit(deletion);
}

Result<void> AnnotationRepository::restore(const NoteDeletion &deletion)
{
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    if (!scope.isActive())
        return scope.error();
    // Put back as it was, by whoever made it (an editor may undo the deletion of a colleague's row).
    if (Result<void> keeping = authorship::keepGivenAuthors(db, true); !keeping)
        return keeping;
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
    values += QVariantList{notNull(n.createdBy), notNull(n.changedBy), n.rowVersion};
    if (Result<void> inserted =
            exec(db,
                 QStringLiteral("INSERT INTO notes (id, block_id, highlight_id, text, orphan, created_at, modified_at, "
                                "quote, prefix, suffix, issue_id, article_position, article_title, block_position, "
                                "article_start, created_by, changed_by, row_version) "
                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                 values);
        !inserted)
        return inserted;
    if (Result<void> kept = restoreUid(db, "notes", n.id, deletion.uid); !kept)
        return kept;
    if (Result<void> tagged = restoreTaggings(db, "note_tags", "note_id", n.id, n.tagIds, deletion.tagStamps); !tagged)
        return tagged;
    if (Result<void> reinserted = reinsertNotebookEntries(db, deletion.notebookEntries); !reinserted)
        return reinserted;
    if (Result<void> kept = authorship::keepGivenAuthors(db, false); !kept)
        return kept;
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
    Result<void> placed = placeHighlight(db, id, blockId, start, end, false, *anchor);
    if (placed)
        placed = exec(db, QStringLiteral("UPDATE highlights SET modified_at = ? WHERE id = ?"), {nowUtc(), id});
    if (!placed)
        return placed.error();
    const TextAnchor noteAnchor = blockAnchor(*articleTextOfBlock(db, blockId));
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
    AnnotationPlacement previous{id, current->blockId, current->orphan, current->anchor, {}};
    if (Result<void> placed = placeNote(db, id, blockId, false, blockAnchor(*stored)); !placed)
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
    if (Result<void> placed = placeHighlight(db, p.id, blockExists ? p.blockId : 0, p.anchor.start, p.anchor.end,
                                             p.orphan || !blockExists, p.anchor);
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

} // namespace dubao
