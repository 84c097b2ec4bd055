// An open library as the desktop app holds it: the Library, its repository and a lock file next to it, so two
// running instances never work on the same library file (a team library on a server has no lock file).
#pragma once

#include "core/model/result.h"
#include "core/store/issuerepository.h"
#include "core/store/library.h"

#include <QLockFile>
#include <QString>

#include <memory>

namespace dubao {

class LibrarySession final
{
    Q_DISABLE_COPY_MOVE(LibrarySession)

public:
    ~LibrarySession();

    /// Locks "<path>.lock" (a lock left by a process that no longer runs is taken over) and opens the library.
    /// On failure returns an error for the user.
    static Result<std::unique_ptr<LibrarySession>> open(const QString &path);

    static QString lockFilePath(const QString &libraryPath) { return libraryPath + QStringLiteral(".lock"); }

    QString path() const { return m_library.path(); }
    Library &library() { return m_library; }
    const Library &library() const { return m_library; }
    IssueRepository &issues() { return m_issues; }
    /// The size of the library file on disk, in bytes (0 for a team library).
    qint64 fileSize() const;
    /// A team library on a PostgreSQL server (opened from postgresql://USER@HOST:PORT/DB: no lock file, the server
    /// keeps its users apart).
    bool isTeamLibrary() const;
    /// What the window's title names: the file's name, or `user@host/db` for a team library.
    QString displayName() const;
    static QString teamLibraryName(const QString &url);

private:
    explicit LibrarySession(const QString &lockPath);

    QLockFile m_lock;
    Library m_library;
    IssueRepository m_issues{m_library};
};

} // namespace dubao
