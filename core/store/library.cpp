// The library file: opening it safely (refusing files that are not ours), PRAGMAs, schema migrations and
// transactions. The schema is documented in docs/schema.md; keep the two in step.
#include "core/store/library.h"

#include "core/store/backup.h"
#include "core/store/dialect.h"
#include "core/store/postgresschema.h"
#include "core/store/schema.h"
#include "core/store/sourcebytes.h"
#include "core/store/sql.h"
#include "core/store/walcheck.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUrl>
#include <QVariant>

#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <optional>
#include <utility>

namespace dubao {

Q_LOGGING_CATEGORY(lcStore, "dubao.core.store", QtWarningMsg)

namespace {

constexpr int kApplicationId = 0x44554241; // "DUBA"

/// The first 16 bytes of every SQLite 3 database file.
QByteArray sqliteMagic()
{
    return QByteArray("SQLite format 3\0", 16);
}

std::atomic<quint64> s_nextConnection{1};

QString memoryPath()
{
    return QStringLiteral(":memory:");
}

/// The one value of a PRAGMA.
Result<QVariant> pragma(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    if (Result<void> read = sql::select(query, sql); !read)
        return read.error();
    if (!query.next())
        return Error(sql::Store::tr("cannot read the library: %1").arg(sql));
    return query.value(0);
}

// POSIX advisory locks belong to the process, and closing *any* descriptor of a file releases all of them
// (fcntl(2)). Reading a library's header with our own QFile while another connection of this process (the
// app's session, an import or index job) has it open would silently drop that connection's SQLite locks:
// another program (dubao-cli) closing its last connection could then take the exclusive lock, checkpoint and
// delete the -wal file under it, and every later commit of this process would go to the deleted file.
// (Found by tests/app/tst_maintenance's app-import + dubao-cli-import test: 40 issues lost.) So the header
// is read only while no connection of this process has the file open; the registry below counts them.
QMutex s_openFilesMutex;
QHash<QString, int> s_openFiles;          // canonical path -> open Library connections in this process
QHash<QString, QString> s_connectionFile; // connection name -> canonical path

void registerOpenFile(const QString &connection, const QString &file)
{
    if (file.isEmpty())
        return;
    QMutexLocker locker(&s_openFilesMutex);
    ++s_openFiles[file];
    s_connectionFile.insert(connection, file);
}

void unregisterOpenFile(const QString &connection)
{
    QMutexLocker locker(&s_openFilesMutex);
    const QString file = s_connectionFile.take(connection);
    if (!file.isEmpty() && --s_openFiles[file] <= 0)
        s_openFiles.remove(file);
}

// Team libraries' passwords given in the app (setServerPassword), in memory only, by address.
QMutex s_passwordsMutex;
QHash<QString, QString> s_passwords;

QString serverPassword(const QString &url)
{
    QMutexLocker locker(&s_passwordsMutex);
    return s_passwords.value(url);
}

bool isWritableFile(const QFileInfo &info)
{
    // A library file the user marked read-only (no write bit at all) is opened read-only even by root,
    // whom access(2) would let write it anyway.
    constexpr auto anyWrite = QFileDevice::WriteOwner | QFileDevice::WriteGroup | QFileDevice::WriteOther;
    return info.isWritable() && (info.permissions() & anyWrite);
}

} // namespace

Library::Library()
    : m_connectionName(QStringLiteral("dubao-library-%1").arg(s_nextConnection.fetch_add(1)))
{}

Library::~Library()
{
    close();
}

Result<void> Library::open(const QString &path, OpenMode mode)
{
    close();
    m_mode = mode;
    if (dialect::isServerUrl(path))
        return openServer(path);
    auto fail = [&](const QString &message) -> Result<void> {
        qCWarning(lcStore).noquote() << path << message;
        return Error(message).prefixed(path);
    };

    const bool inMemory = path == memoryPath();
    const QFileInfo info(path);
    const bool existed = !inMemory && info.exists();
    bool readOnly = false;
    if (existed) {
        if (info.isDir())
            return fail(sql::Store::tr("is a folder, not a Dubao library"));
        QMutexLocker locker(&s_openFilesMutex);
        if (info.size() > 0 && !s_openFiles.contains(info.canonicalFilePath())) {
            // Look at the header ourselves before SQLite does anything with the file: a text file or an
            // image handed to us by mistake must stay byte-for-byte as it was. (Only when no connection of
            // this process has it open: see s_openFiles.)
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return fail(sql::Store::tr("cannot read: %1").arg(file.errorString()));
            if (file.read(16) != sqliteMagic())
                return fail(sql::Store::tr("not a Dubao library (not an SQLite file)"));
            // A -wal of another database beside it would be applied to it by SQLite's first read.
            if (Result<void> wal = walcheck::verify(path); !wal)
                return fail(wal.error().message());
        }
        readOnly = !isWritableFile(info);
    }

    Result<void> opened;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(path);
        if (readOnly)
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        m_path = path;
        m_readOnly = readOnly;
        if (!db.open())
            opened = Error(sql::Store::tr("cannot open: %1").arg(db.lastError().text()));
        else if (!sql::harden(db))
            opened = Error(sql::Store::tr("cannot open: %1").arg(QStringLiteral("cannot make the connection safe")));
        if (opened)
            opened = sql::exec(db, {{QStringLiteral("PRAGMA busy_timeout = 5000"), {}},
                                    {QStringLiteral("PRAGMA foreign_keys = ON"), {}}});
        for (const schema::Step setUp : schema::connectionSetUps()) {
            if (opened)
                opened = setUp(db);
        }
        if (opened)
            opened = migrate();
        if (opened && !m_readOnly && !inMemory && mode == OpenMode::Normal)
            opened = walcheck::ensureIdentity(db);
        if (!opened) {
            qCWarning(lcStore).noquote() << "cannot open library" << path << opened.error().message();
            db.close();
        }
    }
    if (opened && !inMemory)
        registerOpenFile(m_connectionName, QFileInfo(path).canonicalFilePath());
    if (!opened) {
        QSqlDatabase::removeDatabase(m_connectionName);
        m_path.clear();
        m_readOnly = false;
        m_schemaFindings.clear();
        // A file we created ourselves and could not set up is ours to remove; anything else stays.
        if (!existed && !inMemory) {
            QFile::remove(path);
            QFile::remove(path + QStringLiteral("-wal"));
            QFile::remove(path + QStringLiteral("-shm"));
            QFile::remove(path + QStringLiteral("-journal"));
        }
        return opened.error().prefixed(path);
    }
    return {};
}

namespace {

/// What went wrong connecting to a server, in words a team user can act on (issue 13).
QString connectionError(const QString &driverText, const QString &host, int port, const QString &user,
                        const QString &database)
{
    const QString where = QStringLiteral("%1:%2").arg(host).arg(port);
    if (driverText.contains(QLatin1String("password authentication failed")))
        return sql::Store::tr("wrong password for the user %1 on the PostgreSQL server %2 (the password is read from "
                              "~/.pgpass or the file PGPASSFILE names)")
            .arg(user, where);
    if (driverText.contains(QLatin1String("no password supplied")) || driverText.contains(QLatin1String("fe_sendauth")))
        return sql::Store::tr("the PostgreSQL server %1 wants a password for the user %2: put it in ~/.pgpass (or "
                              "the file PGPASSFILE names)")
            .arg(where, user);
    if (driverText.contains(QLatin1String("database \"")) && driverText.contains(QLatin1String("does not exist")))
        return sql::Store::tr("the PostgreSQL server %1 has no database %2").arg(where, database);
    if (driverText.contains(QLatin1String("permission denied for database")))
        return sql::Store::tr("the user %1 may not connect to the database %2 on the PostgreSQL server %3 (its owner "
                              "gives access: dubao-cli team add-user)")
            .arg(user, database, where);
    if (driverText.contains(QLatin1String("role \"")) && driverText.contains(QLatin1String("does not exist")))
        return sql::Store::tr("the PostgreSQL server %1 has no user %2").arg(where, user);
    if (driverText.contains(QLatin1String("Connection refused")) ||
        driverText.contains(QLatin1String("could not translate host name")) ||
        driverText.contains(QLatin1String("timeout expired")) || driverText.contains(QLatin1String("No route")))
        return sql::Store::tr("cannot reach the PostgreSQL server at %1 (is it running, and listening there?)")
            .arg(where);
    QString detail = driverText.simplified();
    return sql::Store::tr("cannot connect to the PostgreSQL server at %1: %2").arg(where, detail);
}

} // namespace

Result<void> Library::openServer(const QString &url)
{
    const QUrl parsed(url, QUrl::StrictMode);
    const QString database = parsed.path().mid(1);
    if (!parsed.isValid() || parsed.host().isEmpty() || database.isEmpty() || database.contains(QLatin1Char('/')))
        return Error(sql::Store::tr("not a team library address; write postgresql://USER@HOST:PORT/DATABASE"))
            .prefixed(url);
    if (!parsed.password().isEmpty())
        return Error(sql::Store::tr("a password does not belong in the address: put it in ~/.pgpass (or the file "
                                    "PGPASSFILE names)"))
            .prefixed(parsed.toString(QUrl::RemovePassword));
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return Error(sql::Store::tr("cannot open a team library: Qt's PostgreSQL driver (QPSQL, Debian's package "
                                    "libqt6sql6-psql) is not installed"))
            .prefixed(url);
    const int port = parsed.port(5432);
    Result<void> opened;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
        db.setHostName(parsed.host());
        db.setPort(port);
        db.setDatabaseName(database);
        if (!parsed.userName().isEmpty())
            db.setUserName(parsed.userName());
        if (const QString password = serverPassword(url); !password.isEmpty())
            db.setPassword(password);
        db.setConnectOptions(QStringLiteral("connect_timeout=10;application_name=dubao"));
        m_path = url;
        m_server = true;
        if (!db.open()) {
            opened = Error(connectionError(db.lastError().text(), parsed.host(), port, parsed.userName(), database));
        } else {
            opened = schema::openPostgres(db, currentSchemaVersion()); // (QPSQL sets the client encoding to UTF-8)
            if (!opened && opened.error().message().contains(QLatin1String("permission denied")))
                opened = Error(sql::Store::tr("the user %1 may not make a library in the database %2 (its owner can "
                                              "allow it: GRANT CREATE ON SCHEMA public TO %1)")
                                   .arg(parsed.userName(), database));
            if (opened) {
                // What the server lets this user do: for the app's actions and for the words of its refusals.
                Result<team::Access> access = team::readAccess(db);
                if (access) {
                    m_access = *access;
                    dialect::registerServerConnection(db);
                    dialect::setPermissionNote(m_connectionName, team::describe(m_access));
                } else {
                    opened = access.error();
                }
            }
        }
        if (!opened) {
            qCWarning(lcStore).noquote() << "cannot open team library" << url << opened.error().message();
            db.close();
        }
    }
    if (!opened) {
        QSqlDatabase::removeDatabase(m_connectionName);
        dialect::unregisterServerConnection(m_connectionName);
        m_path.clear();
        m_server = false;
        m_access = {};
        return opened.error().prefixed(url);
    }
    return {};
}

Result<void> Library::migrate()
{
    QSqlDatabase db = database();

    // Read everything needed to decide before writing anything: reading leaves the file untouched.
    const Result<QVariant> appId = pragma(db, QStringLiteral("PRAGMA application_id"));
    if (!appId)
        return appId.error();
    const Result<QVariant> version = pragma(db, QStringLiteral("PRAGMA user_version"));
    if (!version)
        return version.error();
    const Result<QVariant> tables =
        pragma(db, QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"));
    if (!tables)
        return tables.error();

    const int applicationId = appId->toInt();
    const int userVersion = version->toInt();
    const bool hasTables = tables->toInt() > 0;
    if (applicationId != 0 && applicationId != kApplicationId) {
        return Error(sql::Store::tr("not a Dubao library (an SQLite file of another application, id 0x%1)")
                         .arg(quint32(applicationId), 8, 16, QLatin1Char('0')));
    }
    if (applicationId == 0 && (userVersion != 0 || hasTables))
        return Error(sql::Store::tr("not a Dubao library (an SQLite file with other tables)"));
    if (applicationId == kApplicationId && userVersion == 0 && hasTables) {
        // Step 1 sets application_id and user_version in the transaction that creates the tables, so
        // this cannot come from Dubao; migrating would fail half-way anyway.
        return Error(sql::Store::tr("not a Dubao library (Dubao's id but no schema version)"));
    }
    if (userVersion > currentSchemaVersion()) {
        return Error(sql::Store::tr("library was made by a newer Dubao (schema %1, this version knows %2)")
                         .arg(userVersion)
                         .arg(currentSchemaVersion()));
    }
    if (userVersion < currentSchemaVersion() && m_readOnly) {
        return Error(sql::Store::tr("the library is read-only and needs an upgrade from schema %1 to %2")
                         .arg(userVersion)
                         .arg(currentSchemaVersion()));
    }
    // Before anything runs a statement that could fire a trigger: is every object of the file ours?
    if (userVersion > 0) {
        if (Result<void> verified = verifySchema(userVersion); !verified)
            return verified;
        if (!m_schemaFindings.isEmpty()) {
            if (m_mode == OpenMode::SchemaRepair)
                return {}; // writable, untrusted, not migrated: for repairSchema() only
            m_readOnly = true;
            if (Result<void> set = sql::exec(db, QStringLiteral("PRAGMA query_only = ON")); !set)
                return set;
            // A -wal beside the file may be what brought the objects (one from another database): closing must
            // not checkpoint it into the file.
            sqlite3_db_config(sql::handle(db), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
            if (userVersion < currentSchemaVersion()) {
                return Error(sql::Store::tr("the library needs an upgrade from schema %1 to %2 but holds database "
                                            "objects Dubao did not make (%3); nothing was changed. Run dubao-cli "
                                            "check --repair to remove them (a backup is made first).")
                                 .arg(userVersion)
                                 .arg(currentSchemaVersion())
                                 .arg(SchemaVerifier::describe(m_schemaFindings)));
            }
            return {};
        }
    }
    if (!sql::trustSchema(db, true))
        return Error(sql::Store::tr("cannot open: %1").arg(QStringLiteral("cannot trust the verified schema")));

    if (!m_readOnly && m_path != memoryPath()) {
        // WAL: readers (the UI) and one writer (an import job) at once; NORMAL is durable enough with WAL
        // (a power cut may lose the last commits, never corrupt). journal_mode cannot change inside a
        // transaction, so it is set here, before the migrations.
        const Result<QVariant> mode = pragma(db, QStringLiteral("PRAGMA journal_mode = WAL"));
        if (!mode)
            return Error(sql::Store::tr("cannot set journal mode: %1").arg(mode.error().message()));
        if (mode->toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
            qCWarning(lcStore).noquote() << m_path << "journal mode is" << mode->toString() << "instead of wal";
    }
    if (!m_readOnly) {
        if (Result<void> set = sql::exec(db, QStringLiteral("PRAGMA synchronous = NORMAL")); !set)
            return Error(sql::Store::tr("cannot set synchronous mode: %1").arg(set.error().message()));
    }

    const QList<schema::RegisteredStep> steps = schema::steps(currentSchemaVersion());
    // Before upgrading a library that holds data, keep a copy of it as it is, in the old schema
    // (core/store/backup.h: `<library>.backups/…-migration-vN.sqlite`). No backup, no upgrade — unless no step
    // changes anything in an SQLite library (schema::unchangedOnSQLite).
    const bool changes =
        std::any_of(steps.begin() + std::min<qsizetype>(qMax(userVersion, 0), steps.size()), steps.end(),
                    [](const schema::RegisteredStep &step) { return step.step != &schema::unchangedOnSQLite; });
    if (userVersion > 0 && userVersion < currentSchemaVersion() && changes && m_path != memoryPath()) {
        if (Result<QString> backup = Backup::createFrom(
                db, m_path, QStringLiteral("migration-v%1").arg(currentSchemaVersion()), Backup::kDefaultKeep);
            !backup)
            return Error(
                sql::Store::tr("cannot back up before upgrading the schema: %1").arg(backup.error().message()));
    }

    for (const schema::RegisteredStep &step : steps) {
        if (!step.step) {
            return Error(sql::Store::tr("this program cannot open Dubao libraries: schema step %1 of the %2 layer is "
                                        "not registered")
                             .arg(step.version)
                             .arg(step.layer));
        }
    }
    for (int from = userVersion; from < currentSchemaVersion(); ++from) {
        sql::WriteScope transaction(db);
        if (!transaction.isActive())
            return transaction.error();
        Result<void> upgraded = steps.at(from).step(db);
        if (upgraded)
            upgraded = sql::exec(db, QStringLiteral("PRAGMA user_version = %1").arg(from + 1));
        if (upgraded)
            upgraded = transaction.commit();
        if (!upgraded) {
            return Error(sql::Store::tr("cannot upgrade schema %1 to %2: %3")
                             .arg(from)
                             .arg(from + 1)
                             .arg(upgraded.error().message()));
        }
    }
    // Work a step left to do after it, in transactions of its own so that a kill loses little (schema v10).
    if (Result<void> packed = m_readOnly ? Result<void>() : sourcebytes::packPending(db); !packed)
        return Error(sql::Store::tr("cannot compress the stored files: %1").arg(packed.error().message()));
    return {};
}

Result<void> Library::verifySchema(int version)
{
    QSqlDatabase db = database();
    QElapsedTimer timer;
    timer.start();
    Result<QList<SchemaFinding>> findings = SchemaVerifier::verify(db, version);
    qCInfo(lcStore).noquote() << m_path << "schema version" << version << "verified in"
                              << QString::number(double(timer.nsecsElapsed()) / 1e6, 'f', 2) << "ms";
    if (!findings)
        return Error(sql::Store::tr("cannot verify the schema: %1").arg(findings.error().message()));
    m_schemaFindings = *findings;
    if (!m_schemaFindings.isEmpty())
        qCInfo(lcStore).noquote() << m_path
                                  << "schema objects Dubao did not make:" << SchemaVerifier::describe(m_schemaFindings);
    return {};
}

Result<void> Library::repairSchema(QStringList *done)
{
    if (m_schemaFindings.isEmpty())
        return {};
    if (m_readOnly || m_mode != OpenMode::SchemaRepair)
        return Error(sql::Store::tr("the library is read-only; cannot repair its schema"));
    QSqlDatabase db = database();
    const Result<QVariant> version = pragma(db, QStringLiteral("PRAGMA user_version"));
    if (!version)
        return version.error();
    if (m_path != memoryPath()) {
        if (Result<QString> backup =
                Backup::createFrom(db, m_path, QStringLiteral("before-repair"), Backup::kDefaultKeep);
            !backup)
            return Error(sql::Store::tr("cannot back up before the repair: %1").arg(backup.error().message()));
        else if (done)
            *done << sql::Store::tr("Kept a copy of the library as it was in %1.").arg(*backup);
    }
    if (Result<void> repaired = SchemaVerifier::repair(db, version->toInt(), done); !repaired)
        return Error(sql::Store::tr("cannot repair the schema: %1").arg(repaired.error().message()));
    if (Result<void> verified = verifySchema(version->toInt()); !verified)
        return verified;
    if (!m_schemaFindings.isEmpty())
        return Error(sql::Store::tr("the schema still holds objects Dubao did not make: %1")
                         .arg(SchemaVerifier::describe(m_schemaFindings)));
    return migrate();
}

QList<SchemaFinding> Library::schemaFindings() const
{
    return m_schemaFindings;
}

void Library::close()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    unregisterOpenFile(m_connectionName);
    dialect::unregisterServerConnection(m_connectionName);
    m_path.clear();
    m_readOnly = false;
    m_server = false;
    m_access = {};
    m_schemaFindings.clear();
}

bool Library::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) && database().isOpen();
}

QString Library::path() const
{
    return m_path;
}

bool Library::isReadOnly() const
{
    return m_readOnly;
}

QSqlDatabase Library::database() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

bool Library::isTeamLibrary() const
{
    return m_server;
}

team::Access Library::teamAccess() const
{
    return m_access;
}

void Library::setServerPassword(const QString &url, const QString &password)
{
    QMutexLocker locker(&s_passwordsMutex);
    if (password.isEmpty())
        s_passwords.remove(url);
    else
        s_passwords.insert(url, password);
}

int Library::currentSchemaVersion()
{
    return 21;
}

int Library::applicationId()
{
    return kApplicationId;
}

Library::FileKind Library::recognise(const QString &path)
{
    QFile file(path);
    if (QFileInfo(path).isDir() || !file.open(QIODevice::ReadOnly))
        return FileKind::NotSqlite;
    const QByteArray header = file.read(72);
    if (!header.startsWith(sqliteMagic()))
        return FileKind::NotSqlite;
    if (header.size() < 72)
        return FileKind::OtherDatabase;
    const auto *bytes = reinterpret_cast<const uchar *>(header.constData()) + 68; // big-endian, as SQLite writes it
    const quint32 applicationId = quint32(bytes[0]) << 24 | quint32(bytes[1]) << 16 | quint32(bytes[2]) << 8 | bytes[3];
    return applicationId == quint32(kApplicationId) ? FileKind::DubaoLibrary : FileKind::OtherDatabase;
}

QString Library::defaultPath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (!QDir().mkpath(folder))
        qCWarning(lcStore).noquote() << "cannot create the folder" << folder;
    return folder + QStringLiteral("/library.sqlite");
}

} // namespace dubao
