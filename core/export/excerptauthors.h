// Who made the excerpts an export gathers (issue 13): highlights and notes carry their authors; the people who
// tagged a paragraph or an article are read here, and an author selection keeps what those people made.
#pragma once

#include "core/export/exportdocument.h"

#include <QList>
#include <QSet>
#include <QStringList>

namespace dubao {

class Library;

/// Sets createdBy of the tagged paragraphs and articles among `excerpts` (not those kept as orphan highlights): the
/// people who put their tags on them (only the tags `tagIds`, when set), sorted, joined with ", ". One query per table.
void fillTaggers(Library &library, QList<Excerpt> &excerpts, const QSet<qint64> &tagIds);

/// Whether one of `authors` (ASCII letters folded) made the excerpt, tagged it, or wrote a note it carries.
bool madeByAny(const Excerpt &e, const QStringList &authors);

} // namespace dubao
