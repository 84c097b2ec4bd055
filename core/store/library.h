// The library: one SQLite file holding publications, issues, articles and blocks (and later annotations).
// Owns one QSqlDatabase connection; Qt allows a connection only in the thread that opened it, so a worker
// thread opens its own Library on the same file (WAL lets readers and one writer share it).
#pragma once

#include "core/model/result.h"
#include "core/store/schemaverifier.h"
#include "core/store/teamroles.h"

#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QString>

namespace dubao {

/// "dubao.core.store": warnings from the library, the repositories and the importer.
Q_DECLARE_LOGGING_CATEGORY(lcStore)

class Library final
{
    Q_DISABLE_COPY_MOVE(Library)

public:
    Library();
    ~Library();

    enum class OpenMode
    {
        Normal,
        /// For `dubao-cli check --repair`: a library whose schema holds objects Dubao did not make opens writable
        /// (and is not migrated) so that repairSchema() can remove them. Nothing else may write to it first.
        SchemaRepair,
    };

    /// Opens (creating if missing) and migrates to the current schema. Sets foreign_keys=ON, WAL,
    /// busy_timeout. On failure an error of one line naming the file; nothing is changed: a file that is not
    /// SQLite, or whose schema is newer than this build knows, is left untouched.
    /// Every connection is defensive (SQLITE_DBCONFIG_DEFENSIVE) and does not trust the schema
    /// (trusted_schema=OFF) until SchemaVerifier found it to be exactly Dubao's; a library whose schema holds
    /// anything else opens read-only (schemaFindings() names the objects), and one that would need an upgrade
    /// as well does not open. docs/safety.md.
    ///
    /// A team library (issue 13) opens from `postgresql://USER@HOST:PORT/DATABASE` through Qt's QPSQL driver: an
    /// empty database becomes a library of the current schema, one with other tables is refused. The password is
    /// never in the URL: libpq reads it from ~/.pgpass (or the file PGPASSFILE names). path() is the URL.
    Result<void> open(const QString &path, OpenMode mode = OpenMode::Normal);
    void close();
    bool isOpen() const;
    QString path() const;

    /// True when the file was opened read-only because it is not writable (no write permission bits, or
    /// the user may not write it). Reads work; every write fails, and open() does not migrate.
    bool isReadOnly() const;

    /// The objects of the file's schema that this version of Dubao did not make (or made differently): when
    /// not empty, the library is read-only (unless opened for repair) and nothing in its schema is trusted.
    QList<SchemaFinding> schemaFindings() const;

    /// Backs the library up (a copy of the file, reason "before-repair"), then removes the objects Dubao did
    /// not make and makes its own again (SchemaVerifier::repair), and brings the schema up to date. Only on a
    /// library opened with OpenMode::SchemaRepair; `done` lists what was changed.
    Result<void> repairSchema(QStringList *done);

    QSqlDatabase database() const;

    /// True for a team library on a PostgreSQL server (dialect::Engine::PostgreSQL).
    bool isTeamLibrary() const;
    /// On a team library: who is connected and what the server lets them do (read when it opened). On a file:
    /// everything (isReadOnly() says whether the file can be written).
    team::Access teamAccess() const;

    /// The password for a team library's address (postgresql://USER@HOST:PORT/DB), kept in this process's memory
    /// only: every Library opened on that address in this process (the app's worker threads too) connects with it.
    /// An empty password forgets it (libpq then reads ~/.pgpass).
    static void setServerPassword(const QString &url, const QString &password);

    /// Schema version of this build (PRAGMA user_version after migration).
    static int currentSchemaVersion();

    /// PRAGMA application_id of every Dubao library: 0x44554241, "DUBA" in ASCII.
    static int applicationId();

    /// The embedded default: QStandardPaths::AppDataLocation/library.sqlite (folder created on demand).
    static QString defaultPath();

    /// What a file is by its content, not its name: its first 72 bytes (the SQLite header with the application_id
    /// at offset 68). Reads the header only; SQLite never sees the file.
    enum class FileKind
    {
        NotSqlite,     ///< not an SQLite database (a folder, an issue, unreadable)
        DubaoLibrary,  ///< SQLite with Dubao's application_id
        OtherDatabase, ///< SQLite with another (or, not yet written, no) application_id: open() says why not
    };
    static FileKind recognise(const QString &path);

private:
    Result<void> openServer(const QString &url);
    Result<void> migrate();
    Result<void> verifySchema(int version);

    QString m_connectionName;
    QString m_path;
    bool m_readOnly = false;
    bool m_server = false;
    team::Access m_access;
    OpenMode m_mode = OpenMode::Normal;
    QList<SchemaFinding> m_schemaFindings;
};

} // namespace dubao
