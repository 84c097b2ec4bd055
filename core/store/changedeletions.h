// Schema v21 on a team library (issue 13): the server records the annotation rows every transaction deletes — a
// note, a highlight, a correction, a tagging — with their article and issue, whoever deletes them and however (a
// repository, a cascade, a tag deleted with its taggings, SQL behind Dubao's back), so that the transaction's change
// notice (changenotice.h) names each deletion instead of saying "many". Statement-level AFTER DELETE triggers with
// transition tables write them into change_deletions, stamped with the transaction's id; announce() takes its own
// out again (dubao_take_deletions(), which also drops what finished transactions left behind). Both functions are
// SECURITY DEFINER: an annotator deleting a note may not read or write the table itself. Nothing on SQLite (no
// notices there).
#pragma once

#include "core/model/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

namespace dubao::changes {

/// One row the open transaction deleted.
struct DeletedRow
{
    QString kind;       ///< note, highlight, correction or tag (a tagging)
    QString table;      ///< the table it was deleted from
    qint64 id = 0;      ///< the note's, highlight's or correction's id; a tagging's tag id
    qint64 article = 0; ///< 0 when unknown (its paragraph went in the same transaction)
    qint64 issue = 0;   ///< 0 when unknown
};

/// The schema v21 script (PostgreSQL only).
const char *postgresScriptV21();

/// The rows the open transaction deleted as the server recorded them, taken out of its record (so a second call gives
/// none). Inside a write transaction on a team library of schema v21.
Result<QList<DeletedRow>> takeDeletions(QSqlDatabase db);

} // namespace dubao::changes
