// Copies the store's rows from one library into another, empty one, SQLite or PostgreSQL on either side (issue 13's
// `dubao-cli copy`): issues with their source bytes, articles and blocks with their uids, annotations with their
// anchors, notes, tags, notebooks, corrections, lineage and the user's edits of the people index, every row with its
// id. The derived tables (the search
// index, people, reuse) are not copied: the caller builds them on the destination.
#pragma once

#include "core/model/result.h"

#include <QStringList>

#include <atomic>
#include <functional>

namespace dubao {

class Library;

namespace librarycopy {

/// The store's tables a copy carries, parents before children.
QStringList tables();

/// Rows in the store's tables of `library` (0 for an empty library); an error when they cannot be counted.
Result<qint64> storeRows(Library &library);

/// Copies every row of tables() from `from` into `to` in one transaction of `to`, which must hold no row in them
/// (refused otherwise, naming the table). On PostgreSQL the id sequences then continue after the copied ids.
/// `progress(done, total)` counts rows. On failure `to` is rolled back to as it was. Returns the rows copied.
/// `cancel`, when set (by another thread), stops the copy between two rows (and, through CancelGuard, a statement
/// either connection is running): `to` is rolled back and the result is an error; the caller that set the flag
/// knows it was a cancel.
Result<qint64> copyRows(Library &from, Library &to, const std::function<void(qint64, qint64)> &progress = {},
                        const std::atomic_bool *cancel = nullptr);

} // namespace librarycopy

} // namespace dubao
