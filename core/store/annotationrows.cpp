// Rows of the annotation tables: see annotationrows.h.
#include "core/store/annotationrows.h"

#include "core/store/sql.h"

#include <algorithm>

namespace dubao::sql {

Error noTag(qint64 id)
{
    return Error(Store::tr("no tag with id %1").arg(id));
}

Error noHighlight(qint64 id)
{
    return Error(Store::tr("no highlight with id %1").arg(id));
}

Error noNote(qint64 id)
{
    return Error(Store::tr("no note with id %1").arg(id));
}

qint64 idValue(const QVariant &value)
{
    return value.isNull() ? 0 : value.toLongLong();
}

int intValue(const QVariant &value, int fallback)
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

namespace {

HighlightOrigin originFromName(const QString &name)
{
    if (name == QLatin1String("block_tag"))
        return HighlightOrigin::BlockTag;
    if (name == QLatin1String("article_tag"))
        return HighlightOrigin::ArticleTag;
    return HighlightOrigin::Highlight;
}

/// The anchor columns, in anchorValues() order, from `c` on; start and end are the caller's.
TextAnchor anchorFromQuery(const QSqlQuery &q, int c)
{
    TextAnchor a;
    a.quote = q.value(c).toString();
    a.prefix = q.value(c + 1).toString();
    a.suffix = q.value(c + 2).toString();
    a.issueId = idValue(q.value(c + 3));
    a.articlePosition = intValue(q.value(c + 4));
    a.articleTitle = q.value(c + 5).toString();
    a.blockPosition = intValue(q.value(c + 6));
    a.articleStart = intValue(q.value(c + 7));
    return a;
}

} // namespace

Highlight highlightFromQuery(const QSqlQuery &q, int c)
{
    Highlight h;
    h.id = q.value(c).toLongLong();
    h.blockId = idValue(q.value(c + 1));
    h.start = intValue(q.value(c + 2), 0);
    h.end = intValue(q.value(c + 3), 0);
    h.anchor = anchorFromQuery(q, c + 4);
    h.anchor.start = intValue(q.value(c + 2));
    h.anchor.end = intValue(q.value(c + 3));
    h.origin = originFromName(q.value(c + 12).toString());
    h.orphan = q.value(c + 13).toInt() != 0 || h.blockId == 0;
    h.createdAt = timeFromText(q.value(c + 14).toString());
    h.modifiedAt = timeFromText(q.value(c + 15).toString());
    h.createdBy = q.value(c + 16).toString();
    h.changedBy = q.value(c + 17).toString();
    h.rowVersion = q.value(c + 18).toInt();
    return h;
}

Note noteFromQuery(const QSqlQuery &q, int c)
{
    Note n;
    n.id = q.value(c).toLongLong();
    n.blockId = idValue(q.value(c + 1));
    n.highlightId = idValue(q.value(c + 2));
    n.text = q.value(c + 3).toString();
    n.orphan = q.value(c + 4).toInt() != 0 || n.blockId == 0;
    n.createdAt = timeFromText(q.value(c + 5).toString());
    n.modifiedAt = timeFromText(q.value(c + 6).toString());
    n.anchor = anchorFromQuery(q, c + 7);
    n.anchor.start = 0;
    n.anchor.end = int(n.anchor.quote.size());
    n.createdBy = q.value(c + 15).toString();
    n.changedBy = q.value(c + 16).toString();
    n.rowVersion = q.value(c + 17).toInt();
    return n;
}

QVariantList anchorValues(const TextAnchor &a)
{
    auto intOrNull = [](int v) {
        return v >= 0 ? QVariant(v) : QVariant(QMetaType(QMetaType::Int));
    };
    return {notNull(a.quote),
            notNull(a.prefix),
            notNull(a.suffix),
            idOrNull(a.issueId),
            intOrNull(a.articlePosition),
            textOrNull(a.articleTitle),
            intOrNull(a.blockPosition),
            intOrNull(a.articleStart)};
}

QString sourceJoins(const QString &alias)
{
    return QStringLiteral("LEFT JOIN blocks b ON b.id = %1.block_id "
                          "LEFT JOIN articles a ON a.id = b.article_id "
                          "LEFT JOIN issues i ON i.id = coalesce(a.issue_id, %1.issue_id) "
                          "LEFT JOIN publications p ON p.id = i.publication_id ")
        .arg(alias);
}

QString sourceColumns(const QString &alias)
{
    return QStringLiteral("i.id, p.name, i.date, a.id, coalesce(a.title, %1.article_title), b.id, "
                          "coalesce(b.position, %1.block_position), coalesce(a.position, %1.article_position)")
        .arg(alias);
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

QHash<qint64, QList<qint64>> tagMap(QSqlDatabase db, const char *table, const char *column, const QString &where,
                                    const QVariantList &values)
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

Result<void> placeHighlight(QSqlDatabase db, qint64 highlightId, qint64 blockId, int start, int end, bool orphan,
                            const TextAnchor &anchor)
{
    QVariantList values{idOrNull(blockId), start >= 0 ? QVariant(start) : QVariant(QMetaType(QMetaType::Int)),
                        end >= 0 ? QVariant(end) : QVariant(QMetaType(QMetaType::Int))};
    values += anchorValues(anchor);
    values += QVariantList{orphan ? 1 : 0, highlightId};
    return exec(db,
                QStringLiteral("UPDATE highlights SET block_id = ?, start = ?, \"end\" = ?, quote = ?, prefix = ?, "
                               "suffix = ?, issue_id = ?, article_position = ?, article_title = ?, block_position = ?, "
                               "article_start = ?, orphan = ? WHERE id = ?"),
                values);
}

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

NotebookEntry notebookEntryFromQuery(const QSqlQuery &query, int column)
{
    NotebookEntry entry;
    entry.id = query.value(column).toLongLong();
    entry.notebookId = query.value(column + 1).toLongLong();
    entry.position = query.value(column + 2).toInt();
    entry.highlightId = query.value(column + 3).isNull() ? 0 : query.value(column + 3).toLongLong();
    entry.noteId = query.value(column + 4).isNull() ? 0 : query.value(column + 4).toLongLong();
    entry.text = query.value(column + 5).isNull() ? QString() : query.value(column + 5).toString();
    entry.createdAt = timeFromText(query.value(column + 6).toString());
    entry.createdBy = query.value(column + 7).toString();
    entry.changedBy = query.value(column + 8).toString();
    entry.changedAt = timeFromText(query.value(column + 9).toString());
    return entry;
}

QList<NotebookEntry> notebookEntries(QSqlDatabase db, const QString &where, const QVariantList &values)
{
    QList<NotebookEntry> entries;
    QSqlQuery query(db);
    if (!select(query,
                QStringLiteral("SELECT %1 FROM notebook_entries WHERE %2 ORDER BY notebook_id, position, id")
                    .arg(QLatin1String(kNotebookEntryColumns), where),
                values))
        return entries;
    while (query.next())
        entries.append(notebookEntryFromQuery(query));
    return entries;
}

Result<void> removeNotebookEntries(QSqlDatabase db, const QList<NotebookEntry> &entries)
{
    // Highest positions first, so each gap closes without disturbing the ones still to delete.
    QList<NotebookEntry> sorted = entries;
    std::sort(sorted.begin(), sorted.end(), [](const NotebookEntry &a, const NotebookEntry &b) {
        return a.notebookId != b.notebookId ? a.notebookId < b.notebookId : a.position > b.position;
    });
    for (const NotebookEntry &entry : std::as_const(sorted)) {
        const QVariant position =
            scalar(db, QStringLiteral("SELECT position FROM notebook_entries WHERE id = ?"), {entry.id});
        if (!position.isValid())
            continue;
        if (Result<void> removed = exec(db, {{QStringLiteral("DELETE FROM notebook_entries WHERE id = ?"), {entry.id}},
                                             {QStringLiteral("UPDATE notebook_entries SET position = position - 1 "
                                                             "WHERE notebook_id = ? AND position > ?"),
                                              {entry.notebookId, position}}});
            !removed)
            return removed;
    }
    return {};
}

Result<void> reinsertNotebookEntries(QSqlDatabase db, QList<NotebookEntry> entries)
{
    std::sort(entries.begin(), entries.end(), [](const NotebookEntry &a, const NotebookEntry &b) {
        return a.notebookId != b.notebookId ? a.notebookId < b.notebookId : a.position < b.position;
    });
    for (const NotebookEntry &entry : std::as_const(entries)) {
        if (Result<void> inserted = exec(
                db, {{QStringLiteral("UPDATE notebook_entries SET position = position + 1 "
                                     "WHERE notebook_id = ? AND position >= ?"),
                      {entry.notebookId, entry.position}},
                     {QStringLiteral("INSERT INTO notebook_entries (id, notebook_id, position, highlight_id, note_id, "
                                     "text, created_at, created_by, changed_by, changed_at) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                      {entry.id, entry.notebookId, entry.position, idOrNull(entry.highlightId), idOrNull(entry.noteId),
                       entry.isFreeText() ? QVariant(notNull(entry.text)) : QVariant(QMetaType(QMetaType::QString)),
                       timeToText(entry.createdAt), notNull(entry.createdBy), notNull(entry.changedBy),
                       notNull(timeToText(entry.changedAt))}}});
            !inserted)
            return inserted;
    }
    return {};
}

} // namespace dubao::sql
