// The store's SQL plumbing, shared by the library, the repositories and the layers above the store (search,
// ingest): running statements, the one write scope (a transaction, or a savepoint inside one), the sqlite3
// handle behind a Qt connection, timestamps, and row helpers several repositories share.
#pragma once

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVariantList>

struct sqlite3;

namespace dubao::sql {

/// ISO 8601 UTC with milliseconds, as every timestamp in the library.
QString nowUtc();
QDateTime timeFromText(const QString &text);
QString timeToText(const QDateTime &time);

/// NULL for 0 (an id that is not set).
QVariant idOrNull(qint64 id);
QVariant textOrNull(const QString &text);
/// '' for a null QString, for NOT NULL columns.
QString notNull(const QString &text);

/// Prepares and runs `sql` with `values` bound in order; on failure sets `error` and returns false.
bool exec(QSqlQuery &query, const QString &sql, const QVariantList &values, QString *error);
bool exec(QSqlDatabase db, const QString &sql, const QVariantList &values, QString *error);
/// The first column of the first row, or an invalid QVariant when there is no row or on error.
QVariant scalar(QSqlDatabase db, const QString &sql, const QVariantList &values = {}, QString *error = nullptr);
QList<qint64> ids(QSqlDatabase db, const QString &sql, const QVariantList &values = {});

/// The sqlite3* behind a Qt connection (Debian's QSQLITE links the system libsqlite3), or null.
sqlite3 *handle(const QSqlDatabase &db);
/// True while a transaction is open on the connection.
bool inTransaction(const QSqlDatabase &db);

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
    QString error() const { return m_error; }
    bool commit(QString *error = nullptr);

private:
    QSqlDatabase m_db;
    QString m_name;
    QString m_error;
    bool m_active = false;
    bool m_savepoint = false;
};

/// Sets *error (when given) and returns false/0/nullopt: `return fail(error, "...")`.
inline bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace dubao::sql

#include "core/model/annotation.h"

namespace dubao::sql {

/// notebook_entries rows: "id, notebook_id, position, highlight_id, note_id, text, created_at".
extern const char *const kNotebookEntryColumns;
NotebookEntry notebookEntryFromQuery(const QSqlQuery &query, int column = 0);
QList<NotebookEntry> notebookEntries(QSqlDatabase db, const QString &where, const QVariantList &values);
/// Deletes the entries and closes the gaps they leave in their notebooks' positions.
bool removeNotebookEntries(QSqlDatabase db, const QList<NotebookEntry> &entries, QString *error);
/// Puts entries back with their ids and positions (in ascending position, shifting the others down).
bool reinsertNotebookEntries(QSqlDatabase db, QList<NotebookEntry> entries, QString *error);

} // namespace dubao::sql

namespace dubao::sql {

/// Keeps the original bytes of an imported file (source_contents) so that the issue can be re-parsed later.
bool storeSourceBytes(QSqlDatabase db, qint64 sourceId, const QByteArray &bytes, QString *error);
/// The same for a ParsedIssue that came without its bytes: reads `path` and stores it when its SHA-256 is
/// `sha256`. A file that cannot be read or has changed is skipped (returns true); only a failed INSERT returns
/// false.
bool storeSourceBytesFromFile(QSqlDatabase db, qint64 sourceId, const QString &path, const QString &sha256,
                              QString *error);

} // namespace dubao::sql
