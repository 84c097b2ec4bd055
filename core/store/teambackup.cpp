// A team library's backup: see teambackup.h.
#include "core/store/teambackup.h"

#include "core/store/library.h"
#include "core/store/librarycopy.h"
#include "core/store/sql.h"
#include "core/store/teamroles.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>

namespace dubao::teambackup {

using sql::Store;

Result<void> ownerOnly(const Library &team)
{
    if (!team.isTeamLibrary())
        return {};
    const team::Access access = team.teamAccess();
    if (access.role == QLatin1String("owner"))
        return {};
    return Error(
        Store::tr("only the owner of this team library backs it up and restores it (%1's role: %2): the "
                  "server shows others only the notebooks shared with them, and only the owner's restore keeps who "
                  "made each annotation")
            .arg(access.user, access.role.isEmpty() ? Store::tr("not a member") : access.role));
}

Result<BackupMade> backUp(Library &team, const QString &file, const Options &options, bool overwrite)
{
    const auto cancelled = [&options] {
        return options.cancel && options.cancel->load();
    };
    if (!team.isTeamLibrary())
        return Error(Store::tr("not a team library"));
    if (Result<void> allowed = ownerOnly(team); !allowed)
        return allowed.error();
    if (file.isEmpty())
        return Error(Store::tr("no backup file was named"));
    if (QFileInfo::exists(file) && !overwrite)
        return Error(Store::tr("%1 already exists").arg(QDir::toNativeSeparators(file)));
    // Beside the backup, so that the copy is on the disk that has room for the backup (it is removed either way).
    QTemporaryDir staging(QFileInfo(file).absoluteDir().filePath(QStringLiteral(".dubao-team-backup-XXXXXX")));
    if (!staging.isValid())
        return Error(Store::tr("cannot make a temporary folder beside %1: %2")
                         .arg(QDir::toNativeSeparators(file), staging.errorString()));
    const QString copyPath = staging.filePath(QStringLiteral("team.sqlite"));
    {
        Library copy;
        if (const Result<void> opened = copy.open(copyPath); !opened)
            return opened.error();
        std::function<void(qint64, qint64)> rows;
        if (options.progress)
            rows = [&options](qint64 done, qint64 total) {
                options.progress(Step::CopyingRows, done, total);
            };
        const Result<qint64> copied = librarycopy::copyRows(team, copy, rows, options.cancel);
        if (cancelled())
            return BackupMade{};
        if (!copied)
            return copied.error();
    }
    Backup::Options write;
    write.reason = QStringLiteral("team");
    write.cancel = options.cancel;
    if (options.progress)
        write.progress = [&options](qint64 done, qint64 total) {
            options.progress(Step::WritingFile, done, total);
        };
    Result<BackupMade> made = Backup::makeSelfContained(copyPath, file, write, overwrite);
    if (!made && cancelled())
        return BackupMade{}; // (makeSelfContained left nothing behind)
    return made;
}

} // namespace dubao::teambackup
