// The library: one SQLite file holding publications, issues, articles and blocks (and later annotations).
// Owns one QSqlDatabase connection; Qt allows a connection only in the thread that opened it, so a worker
// thread opens its own Library on the same file (WAL lets readers and one writer share it).
#pragma once

#include "core/model/result.h"

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

    /// Opens (creating if missing) and migrates to the current schema. Sets foreign_keys=ON, WAL,
    /// busy_timeout. On failure an error of one line naming the file; nothing is changed: a file that is not
    /// SQLite, or whose schema is newer than this build knows, is left untouched.
    Result<void> open(const QString &path);
    void close();
    bool isOpen() const;
    QString path() const;

    /// True when the file was opened read-only because it is not writable (no write permission bits, or
    /// the user may not write it). Reads work; every write fails, and open() does not migrate.
    bool isReadOnly() const;

    QSqlDatabase database() const;

    /// Schema version of this build (PRAGMA user_version after migration).
    static int currentSchemaVersion();

    /// PRAGMA application_id of every Dubao library: 0x44554241, "DUBA" in ASCII.
    static int applicationId();

    /// The embedded default: QStandardPaths::AppDataLocation/library.sqlite (folder created on demand).
    static QString defaultPath();

private:
    Result<void> migrate();

    QString m_connectionName;
    QString m_path;
    bool m_readOnly = false;
};

} // namespace dubao
