#include "core/store/dialect.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

#include <libpq-fe.h>

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

bool inTransaction(const QSqlDatabase &db)
{
    if (!db.isValid() || !db.driver())
        return false;
    const QVariant v = db.driver()->handle();
    if (!v.isValid())
        return false;
    // Qt 6 names the type by its struct: "pg_conn*" (Qt 5: "PGconn*").
    if (qstrcmp(v.typeName(), "pg_conn*") == 0 || qstrcmp(v.typeName(), "PGconn*") == 0) {
        PGconn *connection = *static_cast<PGconn *const *>(v.constData());
        if (!connection)
            return false;
        const PGTransactionStatusType status = PQtransactionStatus(connection);
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
    }
    if (qstrcmp(v.typeName(), "sqlite3*") == 0) {
        sqlite3 *connection = *static_cast<sqlite3 *const *>(v.constData());
        return connection && sqlite3_get_autocommit(connection) == 0;
    }
    return false;
}

} // namespace dubao::dialect
