// The SQL that differs between the two engines a library lives on: an SQLite file (the default) or a team library
// on a PostgreSQL server (issue 13). The repositories keep one copy of their SQL and ask here only where the
// engines differ: upserts, returned ids, substring tests, a JSON list of ids, transactions. Everything SQLite-only
// (the FTS5 tokenizer, SQL functions, pragmas, WAL, schema verification) stays behind Library's SQLite path.
#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

class QSqlDriver;

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
/// `column` equals a bound name, ASCII letters folded (as tag names: "Bo" finds bo) on both engines: the author
/// filters of the annotations panel, the exports and search's author: agree.
QString nameEquals(bool postgres, const QString &column);

/// A subquery of the ids in a JSON array bound to its one '?': json_each on SQLite, json_array_elements_text on
/// PostgreSQL.
QString idsFromJson(const QSqlDatabase &db);

/// Makes `query` read forward only where that lets another statement run on the connection while it is read: on
/// SQLite. QPSQL reads a forward-only result row by row from the server and loses the rest when another statement
/// runs on the connection, as the repositories do (a lookup per row read): on PostgreSQL the whole result is fetched.
void readForwardOnly(QSqlQuery &query);

/// True while a transaction is open on the connection (sqlite3_get_autocommit / PQtransactionStatus).
bool inTransaction(const QSqlDatabase &db);

/// SQLSTATE 42501: the server refused a statement for want of a privilege (a team library's role, docs/safety.md).
bool isPermissionDenied(const QSqlError &error);
/// True when a team library's connection to its server is gone (the server stopped or restarted, the connection
/// was terminated, the network dropped): libpq's status is CONNECTION_BAD. Always false on SQLite.
bool connectionLost(const QSqlDatabase &db);
/// Connects a team library's connection again (same server, user and password), after connectionLost(). False when
/// the server cannot be reached; the connection then stays closed.
bool reconnect(QSqlDatabase db);

/// The server process (backend) of a team library's connection (libpq's PQbackendPID, no round trip); 0 on SQLite
/// or when not connected. A change notice (changenotice.h) names its sender by it.
qint64 backendPid(const QSqlDatabase &db);

/// Why a statement failed, in the user's words: on a team library a refusal of the server (42501) names the user's
/// role and what it may do (permissionNote()) and a lost connection names the server and says that nothing of the
/// statement's transaction was saved (`writing`); otherwise `generic` with the driver's text in its %1.
QString failureText(const QSqlDatabase &db, const QSqlError &error, const QString &generic, bool writing);

/// A team library's connection, known by its driver so that a failed query can find it to connect again (Library
/// registers it on open and removes it on close). The name of the connection of `driver`, or empty.
void registerServerConnection(const QSqlDatabase &db);
void unregisterServerConnection(const QString &connectionName);
QString serverConnectionName(const QSqlDriver *driver);

/// The write scopes (sql::WriteScope) open at the top level of a connection: how a connection whose server is gone,
/// and whose transaction state libpq therefore no longer knows, tells a transaction of ours that was cut (no retry:
/// its other statements are gone with it) from a statement on its own (connect again and run it once more).
void enterTopLevelScope(const QSqlDatabase &db);
void leaveTopLevelScope(const QSqlDatabase &db);
/// True when a statement on `db` may be retried after connecting again: a team library, no transaction open (libpq
/// says idle, or its connection is gone and no top-level scope of ours is open).
bool retryableWhenLost(const QSqlDatabase &db);

/// What a team library's user may do, said when the server refuses a statement: set by Library on open ("alice is a
/// reader of this team library: a reader may read, search and export…"), kept per connection until it is removed.
void setPermissionNote(const QString &connectionName, const QString &note);
QString permissionNote(const QSqlDatabase &db);

} // namespace dubao::dialect
