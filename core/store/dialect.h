// The SQL that differs between the two engines a library lives on: an SQLite file (the default) or a team library
// on a PostgreSQL server (issue 13). The repositories keep one copy of their SQL and ask here only where the
// engines differ: upserts, returned ids, substring tests, a JSON list of ids, transactions. Everything SQLite-only
// (the FTS5 tokenizer, SQL functions, pragmas, WAL, schema verification) stays behind Library's SQLite path.
#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>

namespace dubao::dialect {

enum class Engine
{
    SQLite,
    PostgreSQL,
};

/// The engine behind a connection (QPSQL: PostgreSQL; anything else: SQLite).
Engine engine(const QSqlDatabase &db);
bool isPostgres(const QSqlDatabase &db);
/// "SQLite" or "PostgreSQL", for messages.
QString engineName(Engine engine);

/// True for `postgresql://…` and `postgres://…`: what Library::open() opens on a server.
bool isServerUrl(const QString &location);

/// An insert that skips rows a unique constraint already holds: `insertOrIgnore(db) + " t (a) VALUES (?)" +
/// onConflictIgnore(db)`. "INSERT OR IGNORE INTO" and "" on SQLite; "INSERT INTO" and " ON CONFLICT DO NOTHING" on
/// PostgreSQL.
QString insertOrIgnore(const QSqlDatabase &db);
QString onConflictIgnore(const QSqlDatabase &db);

/// Appended to an INSERT into a table with an `id` column: " RETURNING id" on PostgreSQL, nothing on SQLite.
QString returningId(const QSqlDatabase &db);
/// The id of the row an INSERT (ending with returningId()) just made: the RETURNING row on PostgreSQL, SQLite's
/// last insert rowid of the statement on SQLite. 0 when there is none.
qint64 insertedId(QSqlQuery &query);

/// The function giving the 1-based position of a substring (0: absent), arguments (haystack, needle): instr / strpos.
QString substringPosition(const QSqlDatabase &db);

/// A subquery of the ids in a JSON array bound to its one '?': json_each on SQLite, json_array_elements_text on
/// PostgreSQL.
QString idsFromJson(const QSqlDatabase &db);

/// Makes `query` read forward only where that lets another statement run on the connection while it is read: on
/// SQLite. QPSQL reads a forward-only result row by row from the server and loses the rest when another statement
/// runs on the connection, as the repositories do (a lookup per row read): on PostgreSQL the whole result is fetched.
void readForwardOnly(QSqlQuery &query);

/// True while a transaction is open on the connection (sqlite3_get_autocommit / PQtransactionStatus).
bool inTransaction(const QSqlDatabase &db);

} // namespace dubao::dialect
