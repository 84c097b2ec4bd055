// Makes file permissions apply to a test that runs as root (as CI does): root reads a file of mode 000, so a test
// of "cannot read" would otherwise pass by skipping. While a FilePermissionsApply lives, the whole process (every
// thread: glibc applies setresuid to all of them) runs with the real and effective uid and gid of "nobody"; the
// destructor goes back to root. For an ordinary user it does nothing: permissions already apply.
//
// The folders the code under test touches must be usable by "nobody" (open them up with openToEveryone());
// files already open stay usable, so a library opened before the scope keeps working inside it.
#pragma once

#include <QFile>
#include <QString>

#include <pwd.h>
#include <sys/types.h>
#include <unistd.h>

namespace dubao::test {

class FilePermissionsApply
{
public:
    FilePermissionsApply()
    {
        if (::geteuid() != 0)
            return;
        const passwd *nobody = ::getpwnam("nobody");
        const uid_t uid = nobody ? nobody->pw_uid : 65534;
        const gid_t gid = nobody ? nobody->pw_gid : 65534;
        // Real ids too (access(), which QFileInfo::isReadable() uses, asks about the real uid); the saved ids
        // stay root's so the destructor may come back.
        m_dropped = ::setresgid(gid, gid, 0) == 0 && ::setresuid(uid, uid, 0) == 0;
        m_failed = !m_dropped;
    }
    ~FilePermissionsApply()
    {
        if (m_dropped) {
            [[maybe_unused]] const int uidRestored = ::setresuid(0, 0, 0);
            [[maybe_unused]] const int gidRestored = ::setresgid(0, 0, 0);
        }
    }
    FilePermissionsApply(const FilePermissionsApply &) = delete;
    FilePermissionsApply &operator=(const FilePermissionsApply &) = delete;

    // False only when running as root and the switch to "nobody" failed: the test must fail, not skip.
    bool ok() const { return !m_failed; }

    // rwx for everyone on a folder the test owns (its temporary folder), so "nobody" may work in it.
    static bool openToEveryone(const QString &folder)
    {
        return QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                                 QFileDevice::ReadGroup | QFileDevice::WriteGroup |
                                                 QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                                 QFileDevice::WriteOther | QFileDevice::ExeOther);
    }

private:
    bool m_dropped = false;
    bool m_failed = false;
};

} // namespace dubao::test
