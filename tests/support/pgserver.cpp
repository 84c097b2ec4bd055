#include "tests/support/pgserver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QProcess>
#include <QTemporaryDir>

#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace dubao::test {

namespace {

const QString kBin = QStringLiteral("/usr/lib/postgresql/15/bin/");

bool isRoot()
{
    return ::geteuid() == 0;
}

/// Who owns the server's files and runs it: the system user postgres as root, else the user running the test.
bool chownToServerUser(const QString &path)
{
    if (!isRoot())
        return true;
    const passwd *pw = ::getpwnam("postgres");
    return pw && ::chown(QFile::encodeName(path).constData(), pw->pw_uid, pw->pw_gid) == 0;
}

/// A loopback port nothing listens on right now (the kernel's choice for port 0).
int freePort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0)
        port = ntohs(address.sin_port);
    ::close(fd);
    return port;
}

QString templatePath()
{
    return QStringLiteral("/tmp/dubao-pg15-template-%1").arg(::getuid());
}

constexpr const char *kConfig = "listen_addresses = '127.0.0.1'\n"
                                "unix_socket_directories = ''\n"
                                "fsync = off\n"
                                "synchronous_commit = off\n"
                                "full_page_writes = off\n"
                                "shared_buffers = 16MB\n"
                                "max_connections = 40\n"
                                "max_wal_size = 256MB\n"
                                "log_min_messages = warning\n";

constexpr const char *kHba = "host all dubao_pw 127.0.0.1/32 scram-sha-256\n"
                             "host all all 127.0.0.1/32 trust\n";

} // namespace

Result<QString> PgServer::runTool(const QString &tool, const QStringList &arguments, const QString &input) const
{
    QProcess process;
    QString program = tool.startsWith(u'/') ? tool : kBin + tool;
    QStringList args = arguments;
    if (isRoot()) {
        args.prepend(program);
        args = QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--")} + args;
        program = QStringLiteral("runuser");
    }
    process.setProgram(program);
    process.setArguments(args);
    process.setWorkingDirectory(QStringLiteral("/"));
    process.start();
    if (!process.waitForStarted(10000))
        return Error(QStringLiteral("cannot run %1: %2").arg(program, process.errorString()));
    if (!input.isEmpty())
        process.write(input.toUtf8());
    process.closeWriteChannel();
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return Error(QStringLiteral("%1 did not finish").arg(tool));
    }
    const QString output = QString::fromUtf8(process.readAllStandardOutput());
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return Error(QStringLiteral("%1 %2 failed: %3%4")
                         .arg(tool, arguments.join(u' '), output, QString::fromUtf8(process.readAllStandardError())));
    return output;
}

PgServer::PgServer()
{
    QElapsedTimer timer;
    timer.start();
    if (Result<void> started = start(); !started)
        m_error = started.error().message();
    m_startMs = timer.elapsed();
}

Result<void> PgServer::start()
{
    // The template, once per user: made in a folder of its own, then renamed into place under the lock.
    const QString templ = templatePath();
    {
        QLockFile lock(templ + QStringLiteral(".lock"));
        lock.setStaleLockTime(0);
        if (!lock.tryLock(120000))
            return Error(QStringLiteral("cannot lock %1.lock").arg(templ));
        if (!QFileInfo::exists(templ + QStringLiteral("/PG_VERSION"))) {
            const QString making = templ + QStringLiteral(".making");
            QDir(making).removeRecursively();
            if (!QDir().mkpath(making) || !chownToServerUser(making))
                return Error(QStringLiteral("cannot make %1").arg(making));
            QFile::setPermissions(making, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
            if (Result<QString> made = runTool(QStringLiteral("initdb"),
                                               {QStringLiteral("-D"), making, QStringLiteral("-U"), superuser(),
                                                QStringLiteral("--auth=trust"), QStringLiteral("--encoding=UTF8"),
                                                QStringLiteral("--locale=C"), QStringLiteral("--no-sync")});
                !made)
                return made.error();
            QFile config(making + QStringLiteral("/postgresql.auto.conf"));
            QFile hba(making + QStringLiteral("/pg_hba.conf"));
            if (!config.open(QIODevice::Append) || config.write(kConfig) < 0 ||
                !hba.open(QIODevice::WriteOnly | QIODevice::Truncate) || hba.write(kHba) < 0)
                return Error(QStringLiteral("cannot configure %1").arg(making));
            config.close();
            hba.close();
            if (!QDir().rename(making, templ))
                return Error(QStringLiteral("cannot rename %1 to %2").arg(making, templ));
        }
    }

    reapServersOfEndedPrograms();
    m_dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/dubao-pg-XXXXXX"));
    if (!m_dir->isValid() || !chownToServerUser(m_dir->path()))
        return Error(QStringLiteral("cannot make a folder for the server"));
    QFile owner(m_dir->filePath(QStringLiteral("owner.pid")));
    if (!owner.open(QIODevice::WriteOnly) || owner.write(QByteArray::number(qint64(::getpid()))) < 0)
        return Error(QStringLiteral("cannot write %1").arg(owner.fileName()));
    owner.close();
    m_data = m_dir->filePath(QStringLiteral("data"));
    if (Result<QString> copied = runTool(QStringLiteral("/bin/cp"), {QStringLiteral("-a"), templ, m_data}); !copied)
        return copied.error();

    // A port another program takes between freePort() and the start: try another.
    for (int attempt = 0; attempt < 4 && !m_running; ++attempt) {
        m_port = freePort();
        const Result<QString> started =
            runTool(QStringLiteral("pg_ctl"),
                    {QStringLiteral("-D"), m_data, QStringLiteral("-o"), QStringLiteral("-p %1").arg(m_port),
                     QStringLiteral("-l"), m_dir->filePath(QStringLiteral("server.log")), QStringLiteral("-w"),
                     QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("start")});
        m_running = bool(started);
        if (!started && attempt == 3) {
            QFile log(m_dir->filePath(QStringLiteral("server.log")));
            log.open(QIODevice::ReadOnly);
            return Error(started.error().message() + QString::fromUtf8(log.readAll()));
        }
    }
    if (Result<QString> role =
            psql(QStringLiteral("postgres"),
                 QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD '%2';").arg(passwordUser(), passwordUserPassword()));
        !role)
        return role.error();
    return {};
}

void PgServer::reapServersOfEndedPrograms() const
{
    // A test program that crashed or was killed never ran its destructor: its server still runs. The next one stops
    // it and removes its folder (each folder names its program in owner.pid; one without it is being made now).
    const QDir temp(QDir::tempPath());
    for (const QString &name : temp.entryList({QStringLiteral("dubao-pg-*")}, QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile owner(temp.filePath(name + QStringLiteral("/owner.pid")));
        if (!owner.open(QIODevice::ReadOnly))
            continue;
        const qint64 pid = owner.readAll().trimmed().toLongLong();
        if (pid <= 0 || ::kill(pid_t(pid), 0) == 0 || errno != ESRCH)
            continue;
        const QString data = temp.filePath(name + QStringLiteral("/data"));
        if (QFileInfo::exists(data + QStringLiteral("/postmaster.pid")))
            (void)runTool(QStringLiteral("pg_ctl"),
                          {QStringLiteral("-D"), data, QStringLiteral("-m"), QStringLiteral("immediate"),
                           QStringLiteral("-w"), QStringLiteral("stop")});
        QDir(temp.filePath(name)).removeRecursively();
    }
}

PgServer::~PgServer()
{
    if (m_running)
        (void)runTool(QStringLiteral("pg_ctl"),
                      {QStringLiteral("-D"), m_data, QStringLiteral("-m"), QStringLiteral("immediate"),
                       QStringLiteral("-w"), QStringLiteral("stop")});
    // m_dir removes the folder (as root too: root may remove the files of postgres).
}

Result<void> PgServer::stop()
{
    if (!m_running)
        return {};
    const Result<QString> stopped =
        runTool(QStringLiteral("pg_ctl"), {QStringLiteral("-D"), m_data, QStringLiteral("-m"), QStringLiteral("fast"),
                                           QStringLiteral("-w"), QStringLiteral("stop")});
    if (!stopped)
        return stopped.error();
    m_running = false;
    return {};
}

Result<void> PgServer::startAgain()
{
    if (m_running)
        return {};
    const Result<QString> started =
        runTool(QStringLiteral("pg_ctl"),
                {QStringLiteral("-D"), m_data, QStringLiteral("-o"), QStringLiteral("-p %1").arg(m_port),
                 QStringLiteral("-l"), m_dir->filePath(QStringLiteral("server.log")), QStringLiteral("-w"),
                 QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("start")});
    if (!started)
        return started.error();
    m_running = true;
    return {};
}

Result<QString> PgServer::createDatabase(const QString &prefix)
{
    const QString name = QStringLiteral("%1_%2").arg(prefix).arg(++m_databases);
    if (Result<QString> made =
            psql(QStringLiteral("postgres"), QStringLiteral("CREATE DATABASE %1 TEMPLATE template0 ENCODING 'UTF8' "
                                                            "LC_COLLATE 'C' LC_CTYPE 'C';")
                                                 .arg(name));
        !made)
        return made.error();
    return name;
}

QString PgServer::url(const QString &database, const QString &user) const
{
    return QStringLiteral("postgresql://%1@127.0.0.1:%2/%3").arg(user).arg(m_port).arg(database);
}

Result<QString> PgServer::psql(const QString &database, const QString &sql) const
{
    QProcess process;
    process.start(kBin + QStringLiteral("psql"),
                  {QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-A"), QStringLiteral("-t"),
                   QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"), QStringLiteral("-h"),
                   QStringLiteral("127.0.0.1"), QStringLiteral("-p"), QString::number(m_port), QStringLiteral("-U"),
                   superuser(), QStringLiteral("-d"), database, QStringLiteral("-c"), sql});
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return Error(QStringLiteral("psql %1 failed: %2").arg(sql, QString::fromUtf8(process.readAllStandardError())));
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

} // namespace dubao::test
