// A real PostgreSQL 15 server for the team-library tests (issue 13), started by the test program itself on a free
// loopback port and removed again when it ends.
//
// Once per OS user, a template cluster is made with initdb in /tmp/dubao-pg15-template-$UID (UTF-8, locale C,
// fsync off, a small shared_buffers, 127.0.0.1 only and no Unix socket; trust on 127.0.0.1 for every user but
// dubao_pw, who needs a password); a lock file keeps parallel test programs from racing to make it. Each PgServer
// copies it to a temporary folder of its own and runs pg_ctl there; as root the server runs as the system user
// postgres (initdb refuses root). createDatabase() gives each test function a database of its own. The server of a
// test program that crashed is stopped and removed by the next PgServer.
#pragma once

#include "core/model/result.h"

#include <QString>

#include <memory>

class QTemporaryDir;

namespace dubao::test {

class PgServer final
{
    Q_DISABLE_COPY_MOVE(PgServer)

public:
    /// Starts the server; error() says why when it could not.
    PgServer();
    /// Stops the server (immediately: nothing of a test's is kept) and removes its folder.
    ~PgServer();

    bool isRunning() const { return m_running; }
    QString error() const { return m_error; }
    int port() const { return m_port; }

    /// The superuser every test connects as (trusted on 127.0.0.1).
    static QString superuser() { return QStringLiteral("dubao"); }
    /// A user with the password passwordUserPassword(), for the tests of passwords.
    static QString passwordUser() { return QStringLiteral("dubao_pw"); }
    static QString passwordUserPassword() { return QStringLiteral("s3cret-pw"); }

    /// Makes a new, empty database (from template0, UTF-8, locale C) and gives its name: `prefix` and a number.
    Result<QString> createDatabase(const QString &prefix = QStringLiteral("t"));
    /// postgresql://USER@127.0.0.1:PORT/DATABASE
    QString url(const QString &database, const QString &user = superuser()) const;
    /// Runs SQL statements on `database` as the superuser (through psql).
    Result<QString> psql(const QString &database, const QString &sql) const;

    /// Stops the server (fast shutdown: connections end) and keeps its data; startAgain() starts it on the same
    /// port. For the tests of a lost connection.
    Result<void> stop();
    Result<void> startAgain();

    /// Wall milliseconds the constructor took (template made or found, copied, started).
    qint64 startMilliseconds() const { return m_startMs; }

private:
    Result<void> start();
    void reapServersOfEndedPrograms() const;
    Result<QString> runTool(const QString &tool, const QStringList &arguments, const QString &input = {}) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_data;
    int m_port = 0;
    int m_databases = 0;
    bool m_running = false;
    QString m_error;
    qint64 m_startMs = 0;
};

} // namespace dubao::test
