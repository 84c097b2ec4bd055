#include "app/shell/librarysession.h"

#include "core/store/backup.h"
#include "core/store/dialect.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QUrl>

namespace dubao {

LibrarySession::LibrarySession(const QString &lockPath)
    : m_lock(lockPath.isEmpty() ? QDir::tempPath() + QStringLiteral("/dubao-team-session-unused.lock") : lockPath)
{
    // 0: never stale by age; QLockFile still takes over a lock whose process is gone (a crash).
    m_lock.setStaleLockTime(0);
}

LibrarySession::~LibrarySession()
{
    m_library.close();
    m_lock.unlock();
}

Result<std::unique_ptr<LibrarySession>> LibrarySession::open(const QString &path)
{
    if (dialect::isServerUrl(path)) {
        // A team library: the server keeps several users and their connections apart; there is no file to lock.
        std::unique_ptr<LibrarySession> session(new LibrarySession(QString()));
        if (const Result<void> opened = session->m_library.open(path); !opened)
            return opened.error();
        return session;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (!QDir().mkpath(QFileInfo(absolute).absolutePath()))
        return Error(QCoreApplication::translate("dubao::LibrarySession", "Cannot create the folder for “%1”.")
                         .arg(QDir::toNativeSeparators(absolute)));
    Backup::removeAbandonedLock(lockFilePath(absolute)); // a kill as it was made: never taken over otherwise
    std::unique_ptr<LibrarySession> session(new LibrarySession(lockFilePath(absolute)));
    if (!session->m_lock.tryLock(0)) {
        qint64 pid = 0;
        QString host;
        QString application;
        if (session->m_lock.error() == QLockFile::LockFailedError &&
            session->m_lock.getLockInfo(&pid, &host, &application))
            return Error(QCoreApplication::translate("dubao::LibrarySession",
                                                     "The library “%1” is in use by another running Dubao "
                                                     "(process %2 on %3). Close it there, or open another library.")
                             .arg(QDir::toNativeSeparators(absolute))
                             .arg(pid)
                             .arg(host));
        return Error(QCoreApplication::translate("dubao::LibrarySession",
                                                 "Cannot lock the library “%1”: the folder may be read-only.")
                         .arg(QDir::toNativeSeparators(absolute)));
    }
    if (const Result<void> opened = session->m_library.open(absolute); !opened)
        return opened.error();
    return session;
}

bool LibrarySession::isTeamLibrary() const
{
    return m_library.isTeamLibrary();
}

QString LibrarySession::displayName() const
{
    if (!m_library.isTeamLibrary())
        return QFileInfo(m_library.path()).fileName();
    return teamLibraryName(m_library.path());
}

QString LibrarySession::teamLibraryName(const QString &url)
{
    const QUrl parsed(url);
    return QStringLiteral("%1@%2/%3").arg(parsed.userName(), parsed.host(), parsed.path().mid(1));
}

qint64 LibrarySession::fileSize() const
{
    if (m_library.isTeamLibrary())
        return 0;
    const QString file = m_library.path();
    qint64 size = QFileInfo(file).size();
    // In WAL mode recent writes live in the -wal file until a checkpoint.
    size += QFileInfo(file + QStringLiteral("-wal")).size();
    return size;
}

} // namespace dubao
