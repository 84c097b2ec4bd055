// Stable identities: the 16-byte UUIDs stored in the `uid` columns (schema v4) of issues, articles, blocks, tags,
// highlights, notes and notebooks, which survive re-parsing, replacing and copying a library (docs/schema.md).
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <optional>

struct sqlite3;

namespace dubao::uid {

/// A new version 7 UUID (RFC 9562): 48 bits of Unix milliseconds, the version and variant bits, random rest.
/// Monotonic within the process (a 12-bit counter in rand_a carries over within one millisecond), so rows
/// inserted one after another get ascending uids and the unique indexes grow at their end. Thread-safe.
QByteArray make();

/// Canonical text: 8-4-4-4-12 lowercase hex digits. Empty for anything that is not 16 bytes.
QString toText(const QByteArray &uid);
/// Parses canonical text (either case, with or without the hyphens, or in braces); nullopt otherwise.
std::optional<QByteArray> fromText(QStringView text);

/// Registers the SQL function dubao_uid() (a new uid per call, never constant-folded) on a connection. The
/// store's connection set-up calls it: the schema v4 insert triggers of the annotation tables use it.
bool registerSqlFunction(sqlite3 *db);

} // namespace dubao::uid
