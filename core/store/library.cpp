// The library file: opening it safely (refusing files that are not ours), PRAGMAs, schema migrations and
// transactions. The schema is documented in docs/schema.md; keep the two in step.
#include "store/library.h"

#include "store/backup.h"
#include "store/schema.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

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

/// Runs one statement; on failure sets `error` to the SQL error and returns false.
bool exec(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery query(db);
    if (query.exec(sql))
        return true;
    if (error)
        *error = query.lastError().text();
    return false;
}

/// The first column of the first row of a one-value query such as a PRAGMA.
std::optional<QVariant> scalar(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(sql)) {
        if (error)
            *error = query.lastError().text();
        return std::nullopt;
    }
    if (!query.next()) {
        if (error)
            *error = QStringLiteral("no result from: ") + sql;
        return std::nullopt;
    }
    return query.value(0);
}

// Schema version 1: publications, source files, issues, articles (with normalised reporters) and blocks.
// Annotations, tags and the FTS index come in later versions, each as its own step.
bool migrateTo1(QSqlDatabase &db, QString *error)
{
    static const char *const statements[] = {
        R"(CREATE TABLE publications (
            id   INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE CHECK (name <> '')
        ))",
        R"(CREATE TABLE source_files (
            id          INTEGER PRIMARY KEY,
            path        TEXT NOT NULL,
            sha256      TEXT NOT NULL UNIQUE CHECK (sha256 <> ''),
            encoding    TEXT NOT NULL,
            size        INTEGER,
            imported_at TEXT NOT NULL
        ))",
        R"(CREATE TABLE issues (
            id             INTEGER PRIMARY KEY,
            publication_id INTEGER REFERENCES publications(id) ON DELETE SET NULL,
            source_file_id INTEGER NOT NULL UNIQUE REFERENCES source_files(id) ON DELETE CASCADE,
            date           TEXT CHECK (date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            month          INTEGER NOT NULL DEFAULT 0 CHECK (month BETWEEN 0 AND 12),
            day            INTEGER NOT NULL DEFAULT 0 CHECK (day BETWEEN 0 AND 31),
            date_inferred  INTEGER NOT NULL DEFAULT 0 CHECK (date_inferred IN (0, 1)),
            created_at     TEXT NOT NULL
        ))",
        "CREATE INDEX issues_publication ON issues(publication_id)",
        "CREATE INDEX issues_date ON issues(date, month, day)",
        R"(CREATE TABLE articles (
            id            INTEGER PRIMARY KEY,
            issue_id      INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
            position      INTEGER NOT NULL,
            kicker        TEXT NOT NULL DEFAULT '',
            title         TEXT NOT NULL DEFAULT '',
            subtitles     TEXT NOT NULL DEFAULT '[]',
            has_byline    INTEGER NOT NULL DEFAULT 0 CHECK (has_byline IN (0, 1)),
            byline_source TEXT,
            byline_date   TEXT CHECK (byline_date IS NULL OR byline_date = ''
                                      OR byline_date GLOB '[0-9][0-9]-[0-9][0-9]'),
            byline_raw    TEXT,
            first_line    INTEGER NOT NULL,
            last_line     INTEGER NOT NULL,
            UNIQUE (issue_id, position)
        ))",
        R"(CREATE TABLE reporters (
            id   INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE CHECK (name <> '')
        ))",
        R"(CREATE TABLE article_reporters (
            article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            position    INTEGER NOT NULL,
            reporter_id INTEGER NOT NULL REFERENCES reporters(id),
            PRIMARY KEY (article_id, position)
        ) WITHOUT ROWID)",
        "CREATE INDEX article_reporters_reporter ON article_reporters(reporter_id)",
        R"(CREATE TABLE blocks (
            id         INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            position   INTEGER NOT NULL,
            kind       TEXT NOT NULL CHECK (kind IN ('body', 'heading', 'speaker', 'caption', 'note')),
            text       TEXT NOT NULL,
            raw        TEXT NOT NULL,
            first_line INTEGER NOT NULL,
            last_line  INTEGER NOT NULL,
            UNIQUE (article_id, position)
        ))",
        "PRAGMA application_id = 1146438209", // kApplicationId, checked by a static_assert below
    };
    static_assert(kApplicationId == 1146438209);
    for (const char *sql : statements) {
        if (!exec(db, QString::fromUtf8(sql), error))
            return false;
    }
    return true;
}

using MigrationStep = std::function<bool(QSqlDatabase &, QString *)>;

/// steps[n] migrates from user_version n to n + 1.
const QList<MigrationStep> &migrationSteps()
{
    static const QList<MigrationStep> steps{migrateTo1, schema::migrateTo2, schema::migrateTo3};
    return steps;
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

bool Library::open(const QString &path, QString *error)
{
    close();
    auto fail = [&](const QString &message) {
        if (error)
            *error = path + QStringLiteral(": ") + message;
        qCWarning(lcStore).noquote() << path << message;
        return false;
    };

    const bool inMemory = path == memoryPath();
    const QFileInfo info(path);
    const bool existed = !inMemory && info.exists();
    bool readOnly = false;
    if (existed) {
        if (info.isDir())
            return fail(QStringLiteral("is a folder, not a Dubao library"));
        QMutexLocker locker(&s_openFilesMutex);
        if (info.size() > 0 && !s_openFiles.contains(info.canonicalFilePath())) {
            // Look at the header ourselves before SQLite does anything with the file: a text file or an
            // image handed to us by mistake must stay byte-for-byte as it was. (Only when no connection of
            // this process has it open: see s_openFiles.)
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return fail(QStringLiteral("cannot read: ") + file.errorString());
            if (file.read(16) != sqliteMagic())
                return fail(QStringLiteral("not a Dubao library (not an SQLite file)"));
        }
        readOnly = !isWritableFile(info);
    }

    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(path);
        if (readOnly)
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        m_path = path;
        m_readOnly = readOnly;
        QString message;
        ok = db.open();
        if (!ok)
            message = QStringLiteral("cannot open: ") + db.lastError().text();
        if (ok)
            ok = exec(db, QStringLiteral("PRAGMA busy_timeout = 5000"), &message) &&
                 exec(db, QStringLiteral("PRAGMA foreign_keys = ON"), &message);
        if (ok)
            ok = schema::setUpConnection(db, &message);
        if (ok)
            ok = migrate(&message);
        if (!ok) {
            if (error)
                *error = message.startsWith(path) ? message : path + QStringLiteral(": ") + message;
            qCWarning(lcStore).noquote() << "cannot open library" << message;
            db.close();
        }
    }
    if (ok && !inMemory)
        registerOpenFile(m_connectionName, QFileInfo(path).canonicalFilePath());
    if (!ok) {
        QSqlDatabase::removeDatabase(m_connectionName);
        m_path.clear();
        m_readOnly = false;
        // A file we created ourselves and could not set up is ours to remove; anything else stays.
        if (!existed && !inMemory) {
            QFile::remove(path);
            QFile::remove(path + QStringLiteral("-wal"));
            QFile::remove(path + QStringLiteral("-shm"));
            QFile::remove(path + QStringLiteral("-journal"));
        }
    }
    return ok;
}

bool Library::migrate(QString *error)
{
    QSqlDatabase db = database();
    QString message;
    auto fail = [&](const QString &text) {
        if (error)
            *error = m_path + QStringLiteral(": ") + text;
        return false;
    };

    // Read everything needed to decide before writing anything: reading leaves the file untouched.
    const auto appId = scalar(db, QStringLiteral("PRAGMA application_id"), &message);
    const auto version = appId ? scalar(db, QStringLiteral("PRAGMA user_version"), &message) : std::nullopt;
    const auto tables = version ? scalar(db,
                                         QStringLiteral("SELECT count(*) FROM sqlite_master "
                                                        "WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"),
                                         &message)
                                : std::nullopt;
    if (!tables)
        return fail(QStringLiteral("cannot read: ") + message);

    const int applicationId = appId->toInt();
    const int userVersion = version->toInt();
    const bool hasTables = tables->toInt() > 0;
    if (applicationId != 0 && applicationId != kApplicationId) {
        return fail(QStringLiteral("not a Dubao library (an SQLite file of another application, id 0x%1)")
                        .arg(quint32(applicationId), 8, 16, QLatin1Char('0')));
    }
    if (applicationId == 0 && (userVersion != 0 || hasTables))
        return fail(QStringLiteral("not a Dubao library (an SQLite file with other tables)"));
    if (applicationId == kApplicationId && userVersion == 0 && hasTables) {
        // Step 1 sets application_id and user_version in the transaction that creates the tables, so
        // this cannot come from Dubao; migrating would fail half-way anyway.
        return fail(QStringLiteral("not a Dubao library (Dubao's id but no schema version)"));
    }
    if (userVersion > currentSchemaVersion()) {
        return fail(QStringLiteral("library was made by a newer Dubao (schema %1, this version knows %2)")
                        .arg(userVersion)
                        .arg(currentSchemaVersion()));
    }
    if (userVersion < currentSchemaVersion() && m_readOnly) {
        return fail(QStringLiteral("the library is read-only and needs an upgrade from schema %1 to %2")
                        .arg(userVersion)
                        .arg(currentSchemaVersion()));
    }

    if (!m_readOnly && m_path != memoryPath()) {
        // WAL: readers (the UI) and one writer (an import job) at once; NORMAL is durable enough with WAL
        // (a power cut may lose the last commits, never corrupt). journal_mode cannot change inside a
        // transaction, so it is set here, before the migrations.
        const auto mode = scalar(db, QStringLiteral("PRAGMA journal_mode = WAL"), &message);
        if (!mode)
            return fail(QStringLiteral("cannot set journal mode: ") + message);
        if (mode->toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
            qCWarning(lcStore).noquote() << m_path << "journal mode is" << mode->toString() << "instead of wal";
    }
    if (!m_readOnly && !exec(db, QStringLiteral("PRAGMA synchronous = NORMAL"), &message))
        return fail(QStringLiteral("cannot set synchronous mode: ") + message);

    // Before upgrading a library that holds data, keep a copy of it as it is, in the old schema
    // (core/store/backup.h: `<library>.backups/…-migration-vN.sqlite`). No backup, no upgrade.
    if (userVersion > 0 && userVersion < currentSchemaVersion() && m_path != memoryPath()) {
        if (!Backup::createFrom(db, m_path, QStringLiteral("migration-v%1").arg(currentSchemaVersion()),
                                Backup::kDefaultKeep, &message))
            return fail(QStringLiteral("cannot back up before upgrading the schema: ") + message);
    }

    const auto &steps = migrationSteps();
    Q_ASSERT(steps.size() == currentSchemaVersion());
    for (int from = userVersion; from < currentSchemaVersion(); ++from) {
        Transaction transaction(db);
        if (!transaction.isActive())
            return fail(QStringLiteral("cannot start a transaction: ") + db.lastError().text());
        if (!steps.at(from)(db, &message) ||
            !exec(db, QStringLiteral("PRAGMA user_version = %1").arg(from + 1), &message) ||
            !transaction.commit(&message)) {
            return fail(QStringLiteral("cannot upgrade schema %1 to %2: %3").arg(from).arg(from + 1).arg(message));
        }
    }
    return true;
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
    m_path.clear();
    m_readOnly = false;
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

int Library::currentSchemaVersion()
{
    return 3;
}

int Library::applicationId()
{
    return kApplicationId;
}

QString Library::defaultPath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (!QDir().mkpath(folder))
        qCWarning(lcStore).noquote() << "cannot create the folder" << folder;
    return folder + QStringLiteral("/library.sqlite");
}

Transaction::Transaction(QSqlDatabase db)
    : m_db(std::move(db))
{
    const bool readOnly = m_db.connectOptions().contains(QLatin1String("QSQLITE_OPEN_READONLY"));
    QSqlQuery query(m_db);
    m_active = query.exec(readOnly ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE"));
    if (!m_active)
        qCWarning(lcStore).noquote() << "cannot begin a transaction:" << query.lastError().text();
}

Transaction::~Transaction()
{
    if (!m_active)
        return;
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("ROLLBACK")))
        qCWarning(lcStore).noquote() << "cannot roll back:" << query.lastError().text();
}

bool Transaction::commit(QString *error)
{
    if (!m_active) {
        if (error)
            *error = QStringLiteral("no transaction to commit");
        return false;
    }
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("COMMIT"))) {
        // Still active: the destructor rolls back.
        if (error)
            *error = query.lastError().text();
        return false;
    }
    m_active = false;
    return true;
}

} // namespace dubao
