// An open library as the desktop app holds it: the Library, its repository and a lock file next to it, so two
// running instances never work on the same library.
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
    IssueRepository &issues() { return m_issues; }
    /// The size of the library file on disk, in bytes.
    qint64 fileSize() const;

private:
    explicit LibrarySession(const QString &lockPath);

    QLockFile m_lock;
    Library m_library;
    IssueRepository m_issues{m_library};
};

} // namespace dubao
