// Whether the -wal file beside a library belongs to it (docs/safety.md). SQLite applies whatever committed frames a
// -wal holds to the file beside it, with nothing that ties the two together: a -wal left by another database (a
// library copied over one whose -wal stayed behind) would write that database's pages into this one. Each library
// keeps an identity in a row of its change_counter table ("identity:" and 32 hex digits), whose page every write
// transaction rewrites (sql::WriteScope bumps the identity's row before it commits); a -wal whose committed frames
// of that page do not carry the identity, or whose commits never wrote that page, is another database's.
#pragma once

#include "core/model/result.h"

#include <QSqlDatabase>
#include <QString>

namespace dubao::walcheck {

/// Reads `libraryPath` (without its -wal) and `libraryPath`-wal directly, before SQLite opens either: an error
/// naming the -wal when its committed frames of the identity's page lack the library's identity, or when it holds
/// commits none of which wrote that page. Succeeds when there is no -wal, no commit in it, or no identity yet (a
/// library older than this check).
Result<void> verify(const QString &libraryPath);

/// Gives a writable library its identity when it has none (one INSERT; nothing when it has one).
Result<void> ensureIdentity(QSqlDatabase db);

} // namespace dubao::walcheck
