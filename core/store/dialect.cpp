#include "core/store/dialect.h"

#include "core/store/libpq.h"
#include "core/store/sql.h"

#include <QHash>
#include <QMutex>
#include <QRegularExpression>
#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace dubao::dialect {

Engine engine(const QSqlDatabase &db)
{
    return db.driverName() == QLatin1String("QPSQL") ? Engine::PostgreSQL : Engine::SQLite;
}

bool isPostgres(const QSqlDatabase &db)
{
    return engine(db) == Engine::PostgreSQL;
}

QString engineName(Engine engine)
{
    return engine == Engine::PostgreSQL ? QStringLiteral("PostgreSQL") : QStringLiteral("SQLite");
}

bool isServerUrl(const QString &location)
{
    return location.startsWith(QLatin1String("postgresql://")) || location.startsWith(QLatin1String("postgres://"));
}

QString insertOrIgnore(const QSqlDatabase &db)
{
    return isPostgres(db) ? QStringLiteral("INSERT INTO") : QStringLiteral("INSERT OR IGNORE INTO");
}

QString onConflictIgnore(const QSqlDatabase &db)
{
    return isPostgres(db) ? QStringLiteral(" ON CONFLICT DO NOTHING") : QString();
}

QString returningId(const QSqlDatabase &db)
{
    return isPostgres(db) ? QStringLiteral(" RETURNING id") : QString();
}

qint64 insertedId(QSqlQuery &query)
{
    if (query.driver() && query.driver()->dbmsType() == QSqlDriver::PostgreSQL) {
        if (!query.isSelect() || !query.next())
            return 0;
        return query.value(0).toLongLong();
    }
    return query.lastInsertId().toLongLong();
}

QString substringPosition(const QSqlDatabase &db)
{
    return isPostgres(db) ? QStringLiteral("strpos") : QStringLiteral("instr");
}

QString idsFromJson(const QSqlDatabase &db)
{
    return isPostgres(db) ? QStringLiteral("SELECT value::bigint FROM json_array_elements_text(CAST(? AS json))")
                          : QStringLiteral("SELECT value FROM json_each(?)");
}

void readForwardOnly(QSqlQuery &query)
{
    query.setForwardOnly(!query.driver() || query.driver()->dbmsType() != QSqlDriver::PostgreSQL);
}

namespace {

/// The libpq connection behind a QPSQL connection, or null.
PGconn *pgConnection(const QSqlDatabase &db)
{
    if (!db.isValid() || !db.driver())
        return nullptr;
    const QVariant v = db.driver()->handle();
    // Qt 6 names the type by its struct: "pg_conn*" (Qt 5: "PGconn*").
    if (!v.isValid() || (qstrcmp(v.typeName(), "pg_conn*") != 0 && qstrcmp(v.typeName(), "PGconn*") != 0) ||
        !libpq::functions())
        return nullptr;
    return *static_cast<PGconn *const *>(v.constData());
}

QMutex s_notesMutex;
QHash<QString, QString> s_permissionNotes;              // connection name -> what its user may do
QHash<const QSqlDriver *, QString> s_serverConnections; // a team library's driver -> its connection's name
QHash<QString, int> s_topLevelScopes;                   // connection name -> open top-level write scopes

} // namespace

bool inTransaction(const QSqlDatabase &db)
{
    if (!db.isValid() || !db.driver())
        return false;
    if (isPostgres(db)) {
        PGconn *connection = pgConnection(db);
        if (!connection)
            return false;
        if (libpq::functions()->status(connection) ==
            CONNECTION_BAD) { // libpq no longer knows: a scope of ours was open or not
            QMutexLocker locker(&s_notesMutex);
            return s_topLevelScopes.contains(db.connectionName());
        }
        const PGTransactionStatusType status = libpq::functions()->transactionStatus(connection);
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
    }
    const QVariant v = db.driver()->handle();
    if (v.isValid() && qstrcmp(v.typeName(), "sqlite3*") == 0) {
        sqlite3 *connection = *static_cast<sqlite3 *const *>(v.constData());
        return connection && sqlite3_get_autocommit(connection) == 0;
    }
    return false;
}

bool isPermissionDenied(const QSqlError &error)
{
    return error.nativeErrorCode() == QLatin1String("42501");
}

bool connectionLost(const QSqlDatabase &db)
{
    if (!isPostgres(db))
        return false;
    if (!db.isOpen()) // a reconnect that failed: the server is still away
        return true;
    PGconn *connection = pgConnection(db);
    return !connection || libpq::functions()->status(connection) == CONNECTION_BAD;
}

bool reconnect(QSqlDatabase db)
{
    if (!isPostgres(db))
        return false;
    db.close();
    return db.open();
}

qint64 backendPid(const QSqlDatabase &db)
{
    PGconn *connection = isPostgres(db) ? pgConnection(db) : nullptr;
    return connection && libpq::functions()->status(connection) == CONNECTION_OK
               ? libpq::functions()->backendPID(connection)
               : 0;
}

QString failureText(const QSqlDatabase &db, const QSqlError &error, const QString &generic, bool writing)
{
    if (!isPostgres(db))
        return generic.arg(error.text());
    if (isPermissionDenied(error)) {
        QString note = permissionNote(db);
        if (note.isEmpty())
            note = sql::Store::tr("the user %1 may not do this on this team library").arg(db.userName());
        // "ERROR:  permission denied for table notes\n(42501)" -> "permission denied for table notes"
        QString refusal = error.databaseText().simplified();
        refusal.remove(QRegularExpression(QStringLiteral("^[A-Z]+:\\s*")));
        refusal.remove(QRegularExpression(QStringLiteral("\\s*\\(42501\\)$")));
        // Where a refusal was raised (a policy's function, core/store/teampolicies.cpp) is no reader's business.
        refusal.remove(QRegularExpression(QStringLiteral("\\s*CONTEXT:.*$")));
        // A refusal written for people (row-level security: "this note is bo's: an annotator changes only their own
        // notes") says it all; the server's own words ("permission denied for table notes") get the role's note.
        if (!refusal.startsWith(QLatin1String("permission denied")) &&
            !refusal.contains(QLatin1String("row-level security")))
            return sql::Store::tr("not allowed: %1").arg(refusal);
        return sql::Store::tr("not allowed: %1 (the server refused: %2)").arg(note, refusal);
    }
    if (connectionLost(db)) {
        const QString where = QStringLiteral("%1:%2").arg(db.hostName()).arg(db.port());
        return writing ? sql::Store::tr("the connection to the PostgreSQL server %1 was lost; the change was not saved")
                             .arg(where)
                       : sql::Store::tr("the connection to the PostgreSQL server %1 was lost").arg(where);
    }
    return generic.arg(error.text());
}

void registerServerConnection(const QSqlDatabase &db)
{
    QMutexLocker locker(&s_notesMutex);
    s_serverConnections.insert(db.driver(), db.connectionName());
}

void unregisterServerConnection(const QString &connectionName)
{
    QMutexLocker locker(&s_notesMutex);
    s_serverConnections.removeIf([&](const auto &entry) { return entry.value() == connectionName; });
    s_topLevelScopes.remove(connectionName);
    s_permissionNotes.remove(connectionName);
}

QString serverConnectionName(const QSqlDriver *driver)
{
    QMutexLocker locker(&s_notesMutex);
    return s_serverConnections.value(driver);
}

void enterTopLevelScope(const QSqlDatabase &db)
{
    QMutexLocker locker(&s_notesMutex);
    ++s_topLevelScopes[db.connectionName()];
}

void leaveTopLevelScope(const QSqlDatabase &db)
{
    QMutexLocker locker(&s_notesMutex);
    if (--s_topLevelScopes[db.connectionName()] <= 0)
        s_topLevelScopes.remove(db.connectionName());
}

bool retryableWhenLost(const QSqlDatabase &db)
{
    if (!isPostgres(db))
        return false;
    PGconn *connection = pgConnection(db);
    if (connection && libpq::functions()->status(connection) == CONNECTION_OK)
        return libpq::functions()->transactionStatus(connection) == PQTRANS_IDLE;
    QMutexLocker locker(&s_notesMutex);
    return !s_topLevelScopes.contains(db.connectionName());
}

void setPermissionNote(const QString &connectionName, const QString &note)
{
    QMutexLocker locker(&s_notesMutex);
    if (note.isEmpty())
        s_permissionNotes.remove(connectionName);
    else
        s_permissionNotes.insert(connectionName, note);
}

QString permissionNote(const QSqlDatabase &db)
{
    QMutexLocker locker(&s_notesMutex);
    return s_permissionNotes.value(db.connectionName());
}

QString nameEquals(bool postgres, const QString &column)
{
    // SQLite's NOCASE and PostgreSQL's lower() in the C locale both fold ASCII letters only.
    return postgres ? QStringLiteral("lower(%1) = lower(?)").arg(column)
                    : QStringLiteral("%1 = ? COLLATE NOCASE").arg(column);
}

} // namespace dubao::dialect
