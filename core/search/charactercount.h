// The exact count of a one-character query, read term by term so that a cancel stops it. FTS5 answers `"会" *` by
// merging the doclists of every token that starts with the character before its first row (~0.4 s at 1 GB), inside
// one call that SQLite's progress handler never reaches; this count walks the same doclists through an fts5vocab
// table, a row per step.
#pragma once

#include "core/model/result.h"

#include <QSqlDatabase>

#include <atomic>
#include <optional>

namespace dubao::search {

/// The number of paragraphs whose index holds a token starting with `character` (what FTS5's prefix query
/// `"character" *` counts: the index holds folded characters, so `character` is one too, as singleCharacter()
/// gives it). Reads the index's instances of those tokens, term by term, and counts the distinct rows; a set
/// `cancel` stops it within a few thousand SQLite VM steps and the result is the error "cancelled". Nothing
/// (std::nullopt) when the connection cannot make the temporary fts5vocab table it reads through (a query-only
/// connection): the caller then counts with FTS5.
Result<std::optional<qint64>> countCharacterRows(QSqlDatabase db, char32_t character, const std::atomic_bool *cancel);

} // namespace dubao::search
