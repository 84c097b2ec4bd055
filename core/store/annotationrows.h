// Rows of the annotation tables as the repositories and the issue replacer read and write them: the column
// lists of highlights and notes and a row read back into the model, an anchor as column values, where an
// annotation is (its block, article, issue and publication), the tags on many rows at once, placing a
// highlight or note on a block (or making it an orphan), and the notebook entries that show annotations.
#pragma once

#include "core/model/annotation.h"
#include "core/model/annotationlisting.h"
#include "core/model/result.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVariantList>

namespace dubao::sql {

/// 0 for NULL (an id that is not set).
qint64 idValue(const QVariant &value);
/// `fallback` for NULL.
int intValue(const QVariant &value, int fallback = -1);

/// The store's refusals of an unknown id: "no tag with id 7", ...
Error noTag(qint64 id);
Error noHighlight(qint64 id);
Error noNote(qint64 id);

/// highlights rows, table alias h: id, block_id, start, end, the anchor, origin, orphan, created_at, modified_at,
/// created_by, changed_by, row_version.
inline constexpr const char *kHighlightColumns =
    "h.id, h.block_id, h.start, h.\"end\", h.quote, h.prefix, h.suffix, h.issue_id, h.article_position, "
    "h.article_title, h.block_position, h.article_start, h.origin, h.orphan, h.created_at, h.modified_at, "
    "h.created_by, h.changed_by, h.row_version";
constexpr int kHighlightColumnCount = 19;
/// notes rows, table alias n: id, block_id, highlight_id, text, orphan, created_at, modified_at, the anchor,
/// created_by, changed_by, row_version.
inline constexpr const char *kNoteColumns =
    "n.id, n.block_id, n.highlight_id, n.text, n.orphan, n.created_at, n.modified_at, n.quote, n.prefix, n.suffix, "
    "n.issue_id, n.article_position, n.article_title, n.block_position, n.article_start, n.created_by, n.changed_by, "
    "n.row_version";
constexpr int kNoteColumnCount = 18;

/// The row at `column` (of kHighlightColumns / kNoteColumns), without its tags.
Highlight highlightFromQuery(const QSqlQuery &query, int column = 0);
Note noteFromQuery(const QSqlQuery &query, int column = 0);
/// The value of highlights.origin.
QString originName(HighlightOrigin origin);

/// The anchor columns quote, prefix, suffix, issue_id, article_position, article_title, block_position,
/// article_start, in this order.
QVariantList anchorValues(const TextAnchor &anchor);

/// Where an annotation of `alias` (h or n) is: joins to its block b, article a, issue i and publication p (for
/// an orphan, the issue its anchor names), and the kSourceColumnCount columns sourceFromQuery() reads; the last
/// of them is the article's position.
QString sourceJoins(const QString &alias);
QString sourceColumns(const QString &alias);
constexpr int kSourceColumnCount = 8;
AnnotationSource sourceFromQuery(const QSqlQuery &query, int column);

/// The tag ids of every row of a tagging table (`column` the tagged row's id) matching `where`, by row id.
QHash<qint64, QList<qint64>> tagMap(QSqlDatabase db, const char *table, const char *column, const QString &where = {},
                                    const QVariantList &values = {});

/// Puts a highlight on [start, end) of a block, or (blockId 0) makes it an orphan that keeps `anchor`; a
/// negative start or end is stored as NULL.
Result<void> placeHighlight(QSqlDatabase db, qint64 highlightId, qint64 blockId, int start, int end, bool orphan,
                            const TextAnchor &anchor);
/// Sets a note's block (0: none) and anchor without touching its text or times.
Result<void> placeNote(QSqlDatabase db, qint64 noteId, qint64 blockId, bool orphan, const TextAnchor &anchor);

/// notebook_entries rows.
inline constexpr const char *kNotebookEntryColumns =
    "id, notebook_id, position, highlight_id, note_id, text, created_at, created_by, changed_by, changed_at";
NotebookEntry notebookEntryFromQuery(const QSqlQuery &query, int column = 0);
QList<NotebookEntry> notebookEntries(QSqlDatabase db, const QString &where, const QVariantList &values);
/// Deletes the entries and closes the gaps they leave in their notebooks' positions.
Result<void> removeNotebookEntries(QSqlDatabase db, const QList<NotebookEntry> &entries);
/// Puts entries back with their ids and positions (in ascending position, shifting the others down).
Result<void> reinsertNotebookEntries(QSqlDatabase db, QList<NotebookEntry> entries);

} // namespace dubao::sql
