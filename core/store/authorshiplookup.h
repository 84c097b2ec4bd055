// Who tagged the paragraphs and articles an export names (schema v15, docs/schema.md; highlights and notes carry
// their authors in their rows), read for many rows at once: one query, whatever the number of rows.
#pragma once

#include <QHash>
#include <QList>
#include <QString>

namespace dubao {

class Library;

/// Who put each tag on the paragraphs (`table` "block_tags", key "block_id") or articles ("article_tags",
/// "article_id") `ids`: target id → tag id → created_by.
QHash<qint64, QHash<qint64, QString>> taggersOf(Library &library, const char *table, const char *key,
                                                const QList<qint64> &ids);

} // namespace dubao
