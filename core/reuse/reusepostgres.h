// Text reuse on a team library (schema v18, PostgreSQL only; docs/schema.md "Team libraries on PostgreSQL").
#pragma once

#include <QSqlDatabase>
#include <QString>

namespace dubao {

/// Registers schema v18: the reuse tables (v10 and v12 in a file) and the block trigger that queues an article in a
/// team library's script, and an SQLite step that changes nothing. registerReuseSchema() calls it.
void registerReusePostgres();

namespace reuse {

/// The SQL of the Julian day of an issue date column as SQLite counts it, CAST(julianday(date) AS INTEGER), on
/// either engine (PostgreSQL's 'J' counts from noon: one more).
QString dayOfDate(const QSqlDatabase &db, const QString &column);

/// The rows of a JSON array of arrays bound to its one '?' (a FROM item whose rows have `value`): json_each on
/// SQLite, json_array_elements on PostgreSQL; jsonInteger() reads the k-th element of a row as an integer (NULL for
/// null).
QString jsonRows(const QSqlDatabase &db);
QString jsonInteger(const QSqlDatabase &db, int k);

} // namespace reuse

} // namespace dubao
