// The store's SQL plumbing, shared by the library, the repositories and the layers above the store (search,
// ingest): running statements, the one write scope (a transaction, or a savepoint inside one), the sqlite3
// handle behind a Qt connection, timestamps, the store's translatable messages, and keeping an issue's original
// bytes. The rows of the annotation tables are in annotationrows.h.
#pragma once

#include "core/model/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVariantList>

#include <initializer_list>

struct sqlite3;

namespace dubao::sql {

/// The store's messages for the user, in the translation context "dubao::Store": `Store::tr("no tag with id %1")`.
/// English where no translator is installed (dubao-cli), the app's language in the app.
struct Store
{
    Q_DECLARE_TR_FUNCTIONS(dubao::Store)
};

/// ISO 8601 UTC with milliseconds, as every timestamp in the library.
QString nowUtc();
QDateTime timeFromText(const QString &text);
QString timeToText(const QDateTime &time);

/// NULL for 0 (an id that is not set).
QVariant idOrNull(qint64 id);
QVariant textOrNull(const QString &text);
/// '' for a null QString, for NOT NULL columns.
QString notNull(const QString &text);

/// A statement that writes, with the values bound to its '?' in order.
struct Statement
{
    QString sql;
    QVariantList values;
};

/// Prepares and runs a statement that writes. On failure: "cannot store: <SQLite's text>".
Result<void> exec(QSqlQuery &query, const QString &sql, const QVariantList &values = {});
Result<void> exec(QSqlDatabase db, const QString &sql, const QVariantList &values = {});
/// Runs a statement prepared once (QSqlQuery::prepare) with `values` bound in order: the inner loop of a bulk write
/// (the people index, the reuse index). On failure: "cannot store: …" in the words of failureOf().
Result<void> execPrepared(QSqlQuery &prepared, const QVariantList &values);
/// Runs the statements in order, stopping at the first that fails.
Result<void> exec(QSqlDatabase db, std::initializer_list<Statement> statements);
/// Prepares and runs a query that reads, forward only; then call query.next(). On failure: "cannot read the
/// library: <SQLite's text>".
Result<void> select(QSqlQuery &query, const QString &sql, const QVariantList &values = {});
/// Why `query` failed, in the user's words: `generic` (with a %1 for the driver's text), or on a team library the
/// server's refusal naming the user's role, or the lost connection (dialect::failureText). For code that runs its
/// own prepared queries instead of exec()/select().
QString failureOf(const QSqlQuery &query, const QString &generic, bool writing = true);

/// The first column of the first row, or an invalid QVariant when there is no row or on error.
QVariant scalar(QSqlDatabase db, const QString &sql, const QVariantList &values = {});
QList<qint64> ids(QSqlDatabase db, const QString &sql, const QVariantList &values = {});

/// The sqlite3* behind a Qt connection (Debian's QSQLITE links the system libsqlite3), or null.
sqlite3 *handle(const QSqlDatabase &db);
/// True while a transaction is open on the connection.
bool inTransaction(const QSqlDatabase &db);
/// For every connection to a file that may come from elsewhere (docs/safety.md): SQLITE_DBCONFIG_DEFENSIVE (no
/// writable_schema, no writes to FTS5's shadow tables, no journal_mode=OFF) and an untrusted schema (no SQL
/// function or virtual table that is not innocuous runs from a trigger, view, index or default). False when the
/// handle is missing or SQLite refused.
bool harden(const QSqlDatabase &db);
/// trusted_schema on (after the schema was verified to be exactly Dubao's: its triggers write FTS5 tables,
/// which SQLite does not mark innocuous) or off.
bool trustSchema(const QSqlDatabase &db, bool trusted);

/// On a team library, inside its outermost transaction: the steps the layers registered to run before every commit
/// (schema::registerBeforeCommit: the search index of what the transaction wrote), then the change notice to the
/// other clients (changenotice.h: one pg_notify, delivered only if the commit happens). WriteScope::commit() runs
/// them; a caller that commits a transaction of its own (QSqlDatabase::commit()) calls this first. Nothing on SQLite.
Result<void> beforeCommit(QSqlDatabase db);

/// The one way to make a write atomic. When no transaction is open: BEGIN IMMEDIATE ... COMMIT (plain BEGIN on a
/// read-only connection), so two writers (two threads, two processes) queue on busy_timeout instead of failing
/// when a deferred read lock cannot be upgraded. Inside the caller's transaction: a SAVEPOINT, so a repository
/// call is all or nothing on its own and still nests in the caller's transaction (IssueReplacer runs many in
/// one; the Importer makes one per file). Rolls back unless commit() succeeded.
class WriteScope final
{
    Q_DISABLE_COPY_MOVE(WriteScope)

public:
    explicit WriteScope(QSqlDatabase db, const char *savepointName = "dubao_write");
    ~WriteScope();
    bool isActive() const { return m_active; }
    /// Why the scope is not active: the library is not open, or the transaction could not begin.
    const Error &error() const { return m_error; }
    Result<void> commit();
    /// commit(), then `value`: `return scope.commit(id);`
    template<typename T>
    Result<T> commit(T value)
    {
        if (Result<void> committed = commit(); !committed)
            return committed.error();
        return value;
    }
    /// Runs one last statement, commits, then gives back `value`: the end of a write that replaces a value and
    /// returns the old one for undo (`return scope.commitAfter({sql, {name, id}}, current->name);`).
    template<typename T>
    Result<T> commitAfter(const Statement &statement, T value)
    {
        if (Result<void> done = exec(m_db, statement.sql, statement.values); !done)
            return done.error();
        return commit(std::move(value));
    }

private:
    QSqlDatabase m_db;
    QString m_name;
    Error m_error;
    bool m_active = false;
    bool m_savepoint = false;
    bool m_readOnly = false;
};

/// The uid (schema v4) of a row of `table` (issues, articles, blocks, tags, highlights, notes, notebooks); empty
/// when there is none.
QByteArray uidOf(QSqlDatabase db, const char *table, qint64 id);
/// Gives a row back the uid it had (undo of a deletion); nothing for an empty uid.
Result<void> restoreUid(QSqlDatabase db, const char *table, qint64 id, const QByteArray &uid);

/// Keeps the original bytes of an imported file (source_contents) so that the issue can be re-parsed later.
Result<void> storeSourceBytes(QSqlDatabase db, qint64 sourceId, const QByteArray &bytes);
/// The statement storeSourceBytes() runs (source_file_id, bytes, codec), an upsert on both engines.
QString sourceBytesUpsert();
/// The same for a ParsedIssue that came without its bytes: reads `path` and stores it when its SHA-256 is
/// `sha256`. A file that cannot be read or has changed is skipped (success); only a failed INSERT fails.
Result<void> storeSourceBytesFromFile(QSqlDatabase db, qint64 sourceId, const QString &path, const QString &sha256);

/// A bigger page cache (`PRAGMA cache_size`, in KiB) while bulk work writes, the old size restored after. An
/// import, a rebuild of the index or a batch of re-parses reads back pages it wrote (FTS5 merges, the tables'
/// indexes); with SQLite's default 2 MB cache a transaction that touches more also spills dirty pages into the WAL
/// before its commit and writes them again when it changes them once more.
class CacheSizeScope final
{
    Q_DISABLE_COPY_MOVE(CacheSizeScope)

public:
    CacheSizeScope(const QSqlDatabase &db, qint64 kibibytes);
    ~CacheSizeScope();

private:
    QSqlDatabase m_db;
    qint64 m_old = -2000;
};

/// PRAGMA temp_store = MEMORY while it lives, then what it was (SQLite; nothing on PostgreSQL or inside a
/// transaction, where SQLite refuses to change it). A statement that writes many rows inside a transaction and may
/// fail half-way keeps the original of every page it changes in a statement journal, which spills to a file in
/// /var/tmp past 64 KiB: written and thrown away each time. The reuse index's batch writes thousands of rows in one
/// statement; their journals were 60 % of the bytes a rebuild wrote (docs/reuse.md). In memory they cost what one
/// statement changes (a few MB), and the pages are not written twice. Set before the write transaction begins: SQLite
/// decides where the statement journals go when it starts one.
class TempStoreInMemoryScope final
{
    Q_DISABLE_COPY_MOVE(TempStoreInMemoryScope)

public:
    explicit TempStoreInMemoryScope(const QSqlDatabase &db);
    ~TempStoreInMemoryScope();

private:
    QSqlDatabase m_db;
    int m_old = 0;
};

} // namespace dubao::sql
