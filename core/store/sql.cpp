#include "core/store/sql.h"

#include "core/store/changenotice.h"
#include "core/store/dialect.h"
#include "core/store/library.h"
#include "core/store/schema.h"
#include "core/store/sourcebytes.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QSqlDriver>

#include <sqlite3.h>

namespace dubao::sql {

QString nowUtc()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QDateTime timeFromText(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    time.setTimeSpec(Qt::UTC);
    return time;
}

QString timeToText(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QVariant idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType(QMetaType::LongLong));
}

QVariant textOrNull(const QString &text)
{
    return text.isNull() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

namespace {

/// Prepares `sql` and binds `values`; a statement that does not prepare is a bug, so it is logged with its SQL.
bool prepare(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    if (!query.prepare(sql)) {
        qCWarning(lcStore).noquote() << "cannot prepare" << sql << query.lastError().text();
        return false;
    }
    for (qsizetype k = 0; k < values.size(); ++k)
        query.bindValue(int(k), values.at(k));
    return true;
}

/// The team library's connection `query` runs on (invalid on SQLite or when it is not a library's).
QSqlDatabase serverConnection(const QSqlQuery &query)
{
    if (!query.driver() || query.driver()->dbmsType() != QSqlDriver::PostgreSQL)
        return {};
    const QString name = dialect::serverConnectionName(query.driver());
    return name.isEmpty() ? QSqlDatabase() : QSqlDatabase::database(name, false);
}

// A statement that fails on PostgreSQL aborts the open transaction, and until it rolls back the server runs nothing
// else, not even the DEALLOCATE with which Qt's driver frees a prepared statement when its QSqlQuery goes. The
// repositories' queries are locals declared after their WriteScope, so they go first: the driver's DEALLOCATE was
// refused and it printed "QPSQLResult: Unable to free statement: ERROR: current transaction is aborted" on stderr
// before the caller's clear error (and the statement stayed prepared on the server). So a failed statement is
// kept (a QSqlQuery shares its result) until its transaction has rolled back, and freed then.
QMutex s_failedMutex;
QHash<QString, QList<QSqlQuery>> s_failed; // connection name -> statements that failed in its open transaction

void keepUntilRollback(const QSqlQuery &query)
{
    const QSqlDatabase db = serverConnection(query);
    if (!db.isValid() || !inTransaction(db))
        return;
    const QMutexLocker lock(&s_failedMutex);
    s_failed[db.connectionName()].append(query);
}

/// Frees the statements kept for `db`, once its transaction rolled back (or ended otherwise).
void freeFailed(const QSqlDatabase &db)
{
    QList<QSqlQuery> failed;
    {
        const QMutexLocker lock(&s_failedMutex);
        if (s_failed.isEmpty())
            return;
        failed = s_failed.take(db.connectionName());
    }
    failed.clear(); // outside the lock: each frees its statement on the server
}

/// Runs `sql`. On a team library whose connection to the server was lost (the server restarted, the connection was
/// terminated) while no transaction of ours was open, connects again and runs it once more on a new query: a
/// statement on its own is all or nothing, so the retry cannot write it twice. Inside a transaction there is no
/// retry (the transaction's other statements are gone); the connection is made again by the next top-level scope.
bool run(QSqlQuery &query, const QString &sql, const QVariantList &values, bool forwardOnly)
{
    if (forwardOnly)
        dialect::readForwardOnly(query);
    QSqlDatabase db = serverConnection(query);
    const bool retryable = db.isValid() && dialect::retryableWhenLost(db);
    if (db.isValid() && !inTransaction(db))
        freeFailed(db); // of a transaction that ended without a write scope (a caller's own ROLLBACK)
    if (prepare(query, sql, values) && query.exec())
        return true;
    keepUntilRollback(query);
    if (!retryable || !dialect::connectionLost(db))
        return false;
    qCWarning(lcStore).noquote() << "the connection to" << db.hostName() << "was lost; connecting again";
    if (!dialect::reconnect(db))
        return false;
    query = QSqlQuery(db);
    if (forwardOnly)
        dialect::readForwardOnly(query);
    return prepare(query, sql, values) && query.exec();
}

} // namespace

QString failureOf(const QSqlQuery &query, const QString &generic, bool writing)
{
    const QSqlDatabase db = serverConnection(query);
    if (!db.isValid())
        return generic.arg(query.lastError().text());
    return dialect::failureText(db, query.lastError(), generic, writing);
}

Result<void> exec(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    if (!run(query, sql, values, false))
        return Error(failureOf(query, Store::tr("cannot store: %1"), true));
    return {};
}

Result<void> execPrepared(QSqlQuery &prepared, const QVariantList &values)
{
    for (qsizetype k = 0; k < values.size(); ++k)
        prepared.bindValue(int(k), values[k]);
    if (!prepared.exec()) {
        keepUntilRollback(prepared);
        return Error(failureOf(prepared, Store::tr("cannot store: %1"), true));
    }
    return {};
}

Result<void> exec(QSqlDatabase db, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(db);
    return exec(query, sql, values);
}

Result<void> exec(QSqlDatabase db, std::initializer_list<Statement> statements)
{
    for (const Statement &statement : statements) {
        if (Result<void> done = exec(db, statement.sql, statement.values); !done)
            return done;
    }
    return {};
}

Result<void> select(QSqlQuery &query, const QString &sql, const QVariantList &values)
{
    if (!run(query, sql, values, true))
        return Error(failureOf(query, Store::tr("cannot read the library: %1"), false));
    return {};
}

QVariant scalar(QSqlDatabase db, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(db);
    if (!select(query, sql, values) || !query.next())
        return {};
    return query.value(0);
}

QList<qint64> ids(QSqlDatabase db, const QString &sql, const QVariantList &values)
{
    QList<qint64> result;
    QSqlQuery query(db);
    if (!select(query, sql, values))
        return result;
    while (query.next())
        result.append(query.value(0).toLongLong());
    return result;
}

sqlite3 *handle(const QSqlDatabase &db)
{
    if (!db.isValid() || !db.driver())
        return nullptr;
    const QVariant v = db.driver()->handle();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(v.constData());
}

bool inTransaction(const QSqlDatabase &db)
{
    return dialect::inTransaction(db);
}

bool harden(const QSqlDatabase &db)
{
    sqlite3 *connection = handle(db);
    return connection && sqlite3_db_config(connection, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr) == SQLITE_OK &&
           trustSchema(db, false);
}

bool trustSchema(const QSqlDatabase &db, bool trusted)
{
    sqlite3 *connection = handle(db);
    return connection &&
           sqlite3_db_config(connection, SQLITE_DBCONFIG_TRUSTED_SCHEMA, trusted ? 1 : 0, nullptr) == SQLITE_OK;
}

WriteScope::WriteScope(QSqlDatabase db, const char *savepointName)
    : m_db(std::move(db))
    , m_name(QString::fromLatin1(savepointName))
{
    if (!m_db.isOpen() && !dialect::isPostgres(m_db)) { // (a team library's lost connection is made again below)
        m_error = Error(Store::tr("the library is not open"));
        return;
    }
    m_savepoint = inTransaction(m_db);
    m_readOnly = m_db.connectOptions().contains(QLatin1String("QSQLITE_OPEN_READONLY"));
    QSqlQuery query(m_db);
    // PostgreSQL's rows are locked as they are written, so a plain BEGIN queues two writers there.
    const bool immediate = !m_readOnly && !dialect::isPostgres(m_db);
    const QString begin = m_savepoint ? QStringLiteral("SAVEPOINT ") + m_name
                                      : (immediate ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN"));
    const bool retryable = !m_savepoint && dialect::retryableWhenLost(m_db);
    m_active = query.exec(begin);
    if (!m_active && retryable && dialect::connectionLost(m_db)) {
        // A team library whose connection was lost between two writes (the server restarted, the connection was
        // terminated): nothing was open, so the write starts again on a new connection.
        qCWarning(lcStore).noquote() << "the connection to" << m_db.hostName() << "was lost; connecting again";
        if (dialect::reconnect(m_db)) {
            query = QSqlQuery(m_db);
            m_active = query.exec(begin);
        }
    }
    if (!m_active) {
        m_error =
            Error(dialect::failureText(m_db, query.lastError(), Store::tr("cannot start a transaction: %1"), true));
        return;
    }
    if (!m_savepoint && dialect::isPostgres(m_db)) {
        dialect::enterTopLevelScope(m_db);
        changes::begin(m_db);
    }
}

WriteScope::~WriteScope()
{
    if (!m_active)
        return;
    QSqlQuery query(m_db);
    if (m_savepoint) {
        query.exec(QStringLiteral("ROLLBACK TO ") + m_name);
        query.exec(QStringLiteral("RELEASE ") + m_name);
        freeFailed(m_db);
        return;
    }
    if (!query.exec(QStringLiteral("ROLLBACK")))
        qCWarning(lcStore).noquote() << "cannot roll back:" << query.lastError().text();
    freeFailed(m_db);
    if (dialect::isPostgres(m_db))
        dialect::leaveTopLevelScope(m_db);
}

Result<void> beforeCommit(QSqlDatabase db)
{
    if (!dialect::isPostgres(db))
        return {};
    for (const schema::Step step : schema::beforeCommitSteps())
        if (Result<void> done = step(db); !done)
            return done;
    // Last, so that what the steps wrote is in it: the one notification of the commit to the other clients.
    return changes::announce(db);
}

Result<void> WriteScope::commit()
{
    if (!m_active)
        return m_error.message().isEmpty() ? Error(Store::tr("no transaction to commit")) : m_error;
    if (!m_savepoint && !m_readOnly)
        if (Result<void> done = beforeCommit(m_db); !done)
            return done;
    QSqlQuery query(m_db);
    if (!m_savepoint && !m_readOnly && !dialect::isPostgres(m_db)) {
        // Every transaction of Dubao's rewrites the page that holds the library's identity, so a -wal whose commits
        // never wrote that page is another database's (walcheck.h). A library older than the change_counter table
        // (a migration's first steps) has no such row: nothing to do. A team library has no -wal (nor the table).
        query.exec(QStringLiteral("UPDATE change_counter SET value = value + 1 "
                                  "WHERE name >= 'identity:' AND name < 'identity;'"));
    }
    if (!query.exec(m_savepoint ? QStringLiteral("RELEASE ") + m_name : QStringLiteral("COMMIT")))
        return Error(dialect::failureText(m_db, query.lastError(), Store::tr("cannot store: %1"), true));
    m_active = false;
    freeFailed(m_db); // a failure the transaction got over (a savepoint rolled back)
    if (!m_savepoint && dialect::isPostgres(m_db))
        dialect::leaveTopLevelScope(m_db);
    return {};
}

Result<void> storeSourceBytes(QSqlDatabase db, qint64 sourceId, const QByteArray &bytes)
{
    const sourcebytes::Packed packed = sourcebytes::pack(bytes);
    return exec(db, sourceBytesUpsert(), {sourceId, packed.bytes, packed.codec});
}

QString sourceBytesUpsert()
{
    // The same upsert on both engines (SQLite >= 3.24).
    return QStringLiteral("INSERT INTO source_contents (source_file_id, bytes, codec) VALUES (?, ?, ?) "
                          "ON CONFLICT (source_file_id) DO UPDATE SET bytes = excluded.bytes, codec = excluded.codec");
}

Result<void> storeSourceBytesFromFile(QSqlDatabase db, qint64 sourceId, const QString &path, const QString &sha256)
{
    constexpr qint64 maxBytes = qint64(64) * 1024 * 1024; // parse/issuefile.h's maxFileBytes()
    const QFileInfo info(path);
    if (path.isEmpty() || !info.isFile() || info.size() > maxBytes)
        return {};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.readAll();
    if (QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()) != sha256.toLower())
        return {};
    return storeSourceBytes(db, sourceId, bytes);
}

QByteArray uidOf(QSqlDatabase db, const char *table, qint64 id)
{
    return scalar(db, QStringLiteral("SELECT uid FROM %1 WHERE id = ?").arg(QLatin1String(table)), {id}).toByteArray();
}

Result<void> restoreUid(QSqlDatabase db, const char *table, qint64 id, const QByteArray &uid)
{
    if (uid.isEmpty())
        return {};
    return exec(db, QStringLiteral("UPDATE %1 SET uid = ? WHERE id = ?").arg(QLatin1String(table)), {uid, id});
}

CacheSizeScope::CacheSizeScope(const QSqlDatabase &db, qint64 kibibytes)
    : m_db(db)
{
    if (dialect::isPostgres(m_db)) { // the server keeps its own cache; a failed PRAGMA would abort the transaction
        m_db = QSqlDatabase();
        return;
    }
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("PRAGMA cache_size")) && q.next())
        m_old = q.value(0).toLongLong();
    QSqlQuery(m_db).exec(QStringLiteral("PRAGMA cache_size = -%1").arg(kibibytes));
}

CacheSizeScope::~CacheSizeScope()
{
    if (!m_db.isValid())
        return;
    QSqlQuery(m_db).exec(QStringLiteral("PRAGMA cache_size = %1").arg(m_old));
}

TempStoreInMemoryScope::TempStoreInMemoryScope(const QSqlDatabase &db)
    : m_db(db)
{
    if (dialect::isPostgres(m_db) || inTransaction(m_db)) {
        m_db = QSqlDatabase();
        return;
    }
    QSqlQuery q(m_db);
    if (q.exec(QStringLiteral("PRAGMA temp_store")) && q.next())
        m_old = q.value(0).toInt();
    QSqlQuery(m_db).exec(QStringLiteral("PRAGMA temp_store = MEMORY"));
}

TempStoreInMemoryScope::~TempStoreInMemoryScope()
{
    if (!m_db.isValid())
        return;
    QSqlQuery(m_db).exec(QStringLiteral("PRAGMA temp_store = %1").arg(m_old));
}

} // namespace dubao::sql
