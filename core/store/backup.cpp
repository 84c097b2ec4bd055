// Backups: see backup.h for the folder, the names, the two kinds and when they are taken.
#include "core/store/backup.h"

#include "core/store/backupchunks.h"
#include "core/store/backupobjects.h"
#include "core/store/bareconnection.h"
#include "core/store/library.h"
#include "core/store/sql.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QRegularExpression>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>

namespace dubao {

using sql::Store;

namespace {

std::atomic<quint64> s_nextPartial{1};

const QRegularExpression &namePattern()
{
    static const QRegularExpression re(
        QStringLiteral("^(.+)-(\\d{8}T\\d{6}Z)-([A-Za-z0-9._-]+?)(\\.sqlite|\\.dubao-backup)$"));
    return re;
}

const QRegularExpression &partialPattern()
{
    static const QRegularExpression re(
        QStringLiteral("\\.(?:partial|restoring)-(\\d+)(?:-\\d+)?(?:-journal|-wal|-shm)?$"));
    return re;
}

QString timestamp(const QDateTime &utc)
{
    return utc.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
}

/// A reason as it may appear in a file name: letters, digits, '.', '_' and '-'.
QString sanitizedReason(const QString &reason)
{
    QString r;
    for (const QChar c : reason)
        r += (c.isLetterOrNumber() && c.unicode() < 128) || c == u'.' || c == u'_' || c == u'-' ? c : QChar(u'-');
    return r.isEmpty() ? QStringLiteral("manual") : r;
}

bool processRuns(qint64 pid)
{
    if (pid <= 0)
        return false;
    if (pid == QCoreApplication::applicationPid())
        return true;
    return ::kill(pid_t(pid), 0) == 0 || errno == EPERM;
}

QString partialName(const QString &target)
{
    return target + QStringLiteral(".partial-%1-%2").arg(QCoreApplication::applicationPid()).arg(s_nextPartial++);
}

void removeWithJournals(const QString &file)
{
    for (const char *suffix : {"", "-journal", "-wal", "-shm"})
        QFile::remove(file + QLatin1String(suffix));
}

/// A free name in the folder: one second later than the newest backup if two fall in the same second, so names
/// sort in the order the backups were made.
QString freeTarget(const QString &libraryPath, const QString &reason, bool fullCopy)
{
    const QString folder = Backup::folderFor(libraryPath);
    QDateTime when = QDateTime::currentDateTimeUtc();
    if (const QList<BackupInfo> existing = Backup::list(libraryPath);
        !existing.isEmpty() && existing.front().created >= when)
        when = existing.front().created.addSecs(1);
    QString target;
    for (int k = 0; k < 100; ++k) {
        target = QDir(folder).filePath(Backup::fileNameFor(libraryPath, when.addSecs(k), reason, fullCopy));
        if (!QFileInfo::exists(target))
            break;
    }
    return target;
}

/// Removes the objects no remaining backup names (after backups were pruned).
void collectGarbage(const QString &libraryPath, BackupObjects &objects)
{
    QSet<QString> needed;
    QSet<QString> listsSeen;
    for (const BackupInfo &b : Backup::list(libraryPath)) {
        if (b.fullCopy)
            continue;
        if (const Result<BackupContents> c = backupmanifest::contents(b.path); c && c->selfContained)
            continue; // its objects are its own
        const Result<QList<QString>> lists = backupmanifest::issueLists(b.path);
        const Result<QStringList> chunks = backupchunks::chunkHashes(b.path);
        if (!lists || !chunks)
            return; // a backup that cannot be read: keep everything
        for (const QString &hash : *chunks)
            needed.insert(hash);
        for (const QString &hash : *lists) {
            needed.insert(hash);
            if (listsSeen.contains(hash))
                continue;
            listsSeen.insert(hash);
            const Result<QByteArray> json = objects.get(hash);
            const Result<QStringList> sources = json ? backupmanifest::sourcesOfList(*json) : json.error();
            if (!sources)
                return;
            for (const QString &source : *sources)
                needed.insert(source);
        }
    }
    if (const Result<int> removed = objects.removeAllBut(needed); !removed)
        qCWarning(lcStore).noquote() << "backups: cannot remove unused objects:" << removed.error().message();
}

void prune(const QString &libraryPath, int keep, const QString &justMade, BackupObjects *objects)
{
    if (keep <= 0)
        return;
    const QList<BackupInfo> all = Backup::list(libraryPath);
    bool manifestGone = false;
    for (qsizetype k = keep; k < all.size(); ++k) {
        if (all[k].path != justMade && QFile::remove(all[k].path))
            manifestGone = manifestGone || !all[k].fullCopy;
    }
    if (manifestGone && objects)
        collectGarbage(libraryPath, *objects);
}

/// What a backup that could not be written says: that nothing changed (the objects' transaction is rolled back and
/// the partial file removed), and that the disk is full when SQLite says so.
QString diskFullHint(const QString &message)
{
    return message.contains(QLatin1String("full"), Qt::CaseInsensitive)
               ? Store::tr("the disk is full (%1); no backup was made, the library and the earlier backups are "
                           "unchanged")
                     .arg(message)
               : Store::tr("%1; no backup was made, the library and the earlier backups are unchanged").arg(message);
}

} // namespace

QString Backup::folderFor(const QString &libraryPath)
{
    return QFileInfo(libraryPath).absoluteFilePath() + QStringLiteral(".backups");
}

QString Backup::fileNameFor(const QString &libraryPath, const QDateTime &utc, const QString &reason, bool fullCopy)
{
    QString base = QFileInfo(libraryPath).completeBaseName();
    if (base.isEmpty())
        base = QStringLiteral("library");
    return QStringLiteral("%1-%2-%3%4")
        .arg(base, timestamp(utc), sanitizedReason(reason),
             fullCopy ? QStringLiteral(".sqlite") : backupmanifest::suffix());
}

QList<BackupInfo> Backup::list(const QString &libraryPath)
{
    QList<BackupInfo> result;
    const QDir dir(folderFor(libraryPath));
    if (!dir.exists())
        return result;
    const QFileInfoList files = dir.entryInfoList(
        {QStringLiteral("*.sqlite"), QStringLiteral("*") + backupmanifest::suffix()}, QDir::Files, QDir::Name);
    for (const QFileInfo &f : files) {
        const auto m = namePattern().match(f.fileName());
        if (!m.hasMatch())
            continue;
        QDateTime created = QDateTime::fromString(m.captured(2), QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
        if (!created.isValid())
            continue;
        created.setTimeSpec(Qt::UTC);
        result.append(BackupInfo{f.absoluteFilePath(), created, m.captured(3), f.size(), m.captured(4) == u".sqlite"});
    }
    std::sort(result.begin(), result.end(), [](const BackupInfo &a, const BackupInfo &b) {
        return a.created != b.created ? a.created > b.created : a.path > b.path;
    });
    return result;
}

QStringList Backup::sweep(const QString &libraryPath)
{
    QStringList removed;
    auto sweepIn = [&](const QDir &dir, const QString &prefix) {
        for (const QFileInfo &f : dir.entryInfoList({prefix + QStringLiteral("*")}, QDir::Files | QDir::Hidden)) {
            const auto m = partialPattern().match(f.fileName());
            if (m.hasMatch() && !processRuns(m.captured(1).toLongLong()) && QFile::remove(f.absoluteFilePath()))
                removed << f.absoluteFilePath();
        }
    };
    const QString folder = folderFor(libraryPath);
    sweepIn(QDir(folder), QString());
    sweepIn(QFileInfo(libraryPath).absoluteDir(), QFileInfo(libraryPath).fileName() + QStringLiteral(".restoring-"));
    // A backup killed while it wrote objects left their journal: rolled back now (opening the store does it) and
    // its lock file removed, when no running process holds the lock.
    const QString journal = BackupObjects::fileIn(folder) + QStringLiteral("-journal");
    const QString lockPath = QDir(folder).filePath(QStringLiteral(".lock"));
    // QLockFile's own "<lock>.rmlock", held while it takes over a stale lock: left behind by a kill at that moment.
    if (const QString rmlock = lockPath + QStringLiteral(".rmlock"); QFileInfo::exists(rmlock)) {
        removeAbandonedLock(rmlock);
        QLockFile stale(rmlock);
        if (stale.tryLock(0)) // taken over when its process is gone; removed by the unlock
            stale.unlock();
    }
    if (QFileInfo::exists(journal) || QFileInfo::exists(lockPath)) {
        removeAbandonedLock(lockPath);
        QLockFile lock(lockPath);
        if (lock.tryLock(0)) {
            if (QFileInfo::exists(journal)) {
                BackupObjects objects;
                if (objects.open(BackupObjects::fileIn(folder), true) && !QFileInfo::exists(journal))
                    removed << journal;
            }
            lock.unlock();
        }
    }
    return removed;
}

bool Backup::removeAbandonedLock(const QString &lockPath)
{
    const QFileInfo info(lockPath);
    if (!info.exists() || info.size() != 0)
        return false;
    // Removed only when no process holds its native lock (flock), which QLockFile takes right after creating the
    // file, before writing into it: what is empty and not locked was left by a process that is gone (or one
    // between those two system calls, the only moment this can mistake).
    QLockFile lock(lockPath);
    return lock.removeStaleLockFile();
}

Result<BackupMade> Backup::make(const QString &libraryPath, const Options &options)
{
    if (libraryPath.isEmpty() || libraryPath == QLatin1String(":memory:"))
        return Error(Store::tr("an in-memory library has no backups"));
    const QString folder = folderFor(libraryPath);
    if (!QDir().mkpath(folder))
        return Error(Store::tr("cannot create the backup folder %1").arg(folder));
    BackupMade made;
    // One backup of a library at a time, across processes (the lock of an ended process is taken over).
    removeAbandonedLock(QDir(folder).filePath(QStringLiteral(".lock")));
    QLockFile lock(QDir(folder).filePath(QStringLiteral(".lock")));
    if (!lock.tryLock(options.onlyWhenChanged ? 0 : 60000)) {
        if (options.onlyWhenChanged)
            return made; // another program is backing this library up
        return Error(Store::tr("another program is backing up this library"));
    }
    made.swept = sweep(libraryPath);

    const QList<BackupInfo> existing = list(libraryPath);
    QString previous;
    for (const BackupInfo &b : existing) {
        if (!b.fullCopy) {
            previous = b.path;
            break;
        }
    }
    if (options.onlyWhenChanged && !previous.isEmpty()) {
        const BareConnection connection(libraryPath, true);
        const auto counters = backupmanifest::changeCounters(connection.db());
        const Result<BackupContents> before = backupmanifest::contents(previous);
        if (before && counters.first >= 0 && before->libraryChanges == counters.first &&
            before->workChanges == counters.second && !backupmanifest::uncountedWorkChanged(connection.db(), previous))
            return made; // nothing changed: nothing is written
    }

    BackupObjects objects;
    if (Result<void> opened = objects.open(BackupObjects::fileIn(folder), true); !opened)
        return Error(diskFullHint(opened.error().message()));
    const QString target = freeTarget(libraryPath, options.reason, false);
    const QString partial = partialName(target);
    removeWithJournals(partial);
    if (Result<void> begun = objects.begin(); !begun)
        return Error(diskFullHint(begun.error().message()));
    Result<BackupWrite> written = backupmanifest::write(libraryPath, partial, &objects, options.reason, previous,
                                                        options.cancel, options.progress);
    if (written && !written->cancelled) {
        if (Result<void> committed = objects.commit(); !committed)
            written = committed.error();
    }
    if (!written || written->cancelled) {
        objects.rollback();
        removeWithJournals(partial);
        if (!written)
            return Error(diskFullHint(written.error().message()));
        made.write = *written;
        return made;
    }
    if (std::rename(QFile::encodeName(partial).constData(), QFile::encodeName(target).constData()) != 0) {
        removeWithJournals(partial);
        return Error(Store::tr("cannot rename the backup to %1").arg(target));
    }
    made.path = target;
    made.write = *written;
    prune(libraryPath, options.keep, target, &objects);
    return made;
}

Result<BackupMade> Backup::makeSelfContained(const QString &libraryPath, const QString &file, const Options &options,
                                             bool overwrite)
{
    if (libraryPath.isEmpty() || libraryPath == QLatin1String(":memory:"))
        return Error(Store::tr("an in-memory library has no backups"));
    const QFileInfo target(file);
    const QString absolute = target.absoluteFilePath();
    if (target.isDir())
        return Error(Store::tr("%1 is a folder; give the name of the backup file to write").arg(file));
    if (!target.absoluteDir().exists())
        return Error(Store::tr("the folder %1 does not exist").arg(target.absolutePath()));
    const QString library = QFileInfo(libraryPath).absoluteFilePath();
    for (const char *suffix : {"", "-wal", "-shm", "-journal", ".lock"})
        if (absolute == library + QLatin1String(suffix) ||
            (target.exists() &&
             target.canonicalFilePath() == QFileInfo(library + QLatin1String(suffix)).canonicalFilePath()))
            return Error(Store::tr("%1 is the library itself; choose another file").arg(file));
    if (target.exists() && !overwrite)
        return Error(Store::tr("%1 exists; nothing was written (choose another name, or remove it first)").arg(file));

    BackupMade made;
    // What a killed earlier backup to the same name left beside it.
    for (const QFileInfo &f : target.absoluteDir().entryInfoList({target.fileName() + QStringLiteral(".partial-*")},
                                                                 QDir::Files | QDir::Hidden)) {
        const auto m = partialPattern().match(f.fileName());
        if (m.hasMatch() && !processRuns(m.captured(1).toLongLong()) && QFile::remove(f.absoluteFilePath()))
            made.swept << f.absoluteFilePath();
    }
    const QString partial = partialName(absolute);
    removeWithJournals(partial);
    const Result<BackupWrite> written = backupmanifest::write(libraryPath, partial, nullptr, options.reason, QString(),
                                                              options.cancel, options.progress);
    if (!written || written->cancelled) {
        removeWithJournals(partial);
        if (!written)
            return Error(diskFullHint(written.error().message()));
        made.write = *written;
        return made;
    }
    if (std::rename(QFile::encodeName(partial).constData(), QFile::encodeName(absolute).constData()) != 0) {
        removeWithJournals(partial);
        return Error(Store::tr("cannot rename the backup to %1").arg(file));
    }
    made.path = absolute;
    made.write = *written;
    return made;
}

Result<QString> Backup::create(Library &library, const QString &reason, int keep)
{
    if (!library.isOpen())
        return Error(Store::tr("the library is not open"));
    Options options;
    options.reason = reason;
    options.keep = keep;
    const Result<BackupMade> made = make(library.path(), options);
    if (!made)
        return made.error();
    return made->path;
}

Result<QString> Backup::createFrom(QSqlDatabase &db, const QString &libraryPath, const QString &reason, int keep)
{
    if (libraryPath.isEmpty() || libraryPath == QLatin1String(":memory:"))
        return Error(Store::tr("an in-memory library has no backups"));
    const QString folder = folderFor(libraryPath);
    if (!QDir().mkpath(folder))
        return Error(Store::tr("cannot create the backup folder %1").arg(folder));
    const QString target = freeTarget(libraryPath, reason, true);
    // Written under a temporary name of this process and renamed: a crash mid-copy never leaves a half file
    // that looks like a backup, and a later start removes it (sweep()).
    const QString partial = partialName(target);
    QFile::remove(partial);
    QSqlQuery query(db);
    if (!query.prepare(QStringLiteral("VACUUM INTO ?")))
        return Error(Store::tr("cannot back up: %1").arg(query.lastError().text()));
    query.addBindValue(partial);
    if (!query.exec()) {
        const QString message = query.lastError().text();
        removeWithJournals(partial);
        return Error(Store::tr("cannot back up to %1: %2").arg(target, diskFullHint(message)));
    }
    query.finish();
    if (std::rename(QFile::encodeName(partial).constData(), QFile::encodeName(target).constData()) != 0) {
        removeWithJournals(partial);
        return Error(Store::tr("cannot rename the backup to %1").arg(target));
    }
    prune(libraryPath, keep, target, nullptr);
    return target;
}

Result<QString> Backup::ensureDaily(Library &library, int keep, const std::atomic_bool *cancel)
{
    if (!library.isOpen() || library.isReadOnly() || library.path() == QLatin1String(":memory:"))
        return QString();
    const QList<BackupInfo> existing = list(library.path());
    const QDateTime dayAgo = QDateTime::currentDateTimeUtc().addSecs(-24 * 3600);
    if (!existing.isEmpty() && existing.front().created > dayAgo) {
        sweep(library.path());
        return QString();
    }
    QSqlQuery query(library.database());
    if (query.exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM issues) OR EXISTS (SELECT 1 FROM tags) "
                                  "OR EXISTS (SELECT 1 FROM notebooks)")) &&
        query.next() && !query.value(0).toBool()) {
        return QString(); // nothing to lose yet
    }
    query.finish();
    Options options;
    options.reason = QStringLiteral("daily");
    options.keep = keep;
    options.onlyWhenChanged = true;
    options.cancel = cancel;
    const Result<BackupMade> made = make(library.path(), options);
    if (!made)
        return made.error();
    return made->path;
}

bool Backup::isManifest(const QString &file)
{
    const BareConnection connection(file, true);
    return connection.ok() &&
           sql::scalar(connection.db(), QStringLiteral("SELECT 1 FROM sqlite_master WHERE name = 'issue_lists'"))
               .isValid();
}

QString Backup::objectsFileOf(const QString &manifest)
{
    const Result<BackupContents> contents = backupmanifest::contents(manifest);
    if (contents && contents->selfContained)
        return manifest;
    return BackupObjects::fileIn(QFileInfo(manifest).absolutePath());
}

Result<void> Backup::verify(const QString &file)
{
    auto fail = [&](const QString &message) -> Result<void> {
        return Error(message).prefixed(file);
    };
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return fail(Store::tr("cannot read: %1").arg(f.errorString()));
    if (f.read(16) != QByteArray("SQLite format 3\0", 16))
        return fail(Store::tr("not a Dubao library (not an SQLite file)"));
    f.close();
    const BareConnection connection(file, true);
    if (!connection.ok())
        return fail(Store::tr("cannot open: %1").arg(connection.error()));
    QSqlDatabase db = connection.db();
    QSqlQuery query(db);
    // A truncated or damaged file (a copy that did not finish, a bad disk) often cannot even list its tables.
    if (!query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !query.next())
        return fail(Store::tr("the file is damaged or incomplete (%1), perhaps not copied or downloaded completely")
                        .arg(query.lastError().databaseText()));
    query.finish();
    auto integrity = [&]() -> Result<void> {
        if (!query.exec(QStringLiteral("PRAGMA integrity_check")))
            return fail(Store::tr("damaged: %1").arg(query.lastError().text()));
        QStringList problems;
        while (query.next())
            problems << query.value(0).toString();
        if (problems != QStringList{QStringLiteral("ok")})
            return fail(
                Store::tr("the file is damaged or incomplete (%1)").arg(problems.mid(0, 5).join(QStringLiteral("; "))));
        return {};
    };
    if (isManifest(file)) {
        if (Result<void> whole = integrity(); !whole)
            return whole;
        const Result<BackupContents> contents = backupmanifest::contents(file);
        if (!contents)
            return contents.error();
        const Result<QList<QString>> lists = backupmanifest::issueLists(file);
        if (!lists)
            return lists.error();
        BackupObjects objects;
        if (Result<void> opened = objects.open(objectsFileOf(file), false); !opened)
            return fail(opened.error().message());
        const QSet<QString> present = objects.hashes();
        for (const QString &hash : *lists) {
            const Result<QByteArray> json = objects.get(hash);
            const Result<QStringList> sources = json ? backupmanifest::sourcesOfList(*json) : json.error();
            if (!sources)
                return fail(sources.error().message());
            for (const QString &source : *sources)
                if (!present.contains(source))
                    return fail(Store::tr("the object %1 is missing from %2").arg(source, objectsFileOf(file)));
        }
        // The chunks of the user's tables (format 2): every one there and as its hash says.
        const Result<QStringList> chunks = backupchunks::chunkHashes(file);
        if (!chunks)
            return chunks.error();
        for (const QString &hash : *chunks)
            if (const Result<QByteArray> chunk = objects.get(hash); !chunk)
                return fail(chunk.error().message());
        return {};
    }
    if (!query.exec(QStringLiteral("PRAGMA application_id")) || !query.next())
        return fail(Store::tr("cannot read: %1").arg(query.lastError().text()));
    if (query.value(0).toInt() != Library::applicationId())
        return fail(Store::tr("not a Dubao library (wrong application id)"));
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return fail(Store::tr("cannot read: %1").arg(query.lastError().text()));
    const int version = query.value(0).toInt();
    if (version < 1 || version > Library::currentSchemaVersion())
        return fail(Store::tr("schema version %1 is not one this Dubao can open (1 to %2)")
                        .arg(version)
                        .arg(Library::currentSchemaVersion()));
    return integrity();
}

Result<QString> Backup::keepBeforeRestore(const QString &libraryPath, int keep)
{
    const QFileInfo libraryInfo(libraryPath);
    if (!libraryInfo.exists() || libraryInfo.size() == 0)
        return QString();
    Options options;
    options.reason = QStringLiteral("before-restore");
    options.keep = keep;
    // The reader reads through the -wal file, so the backup holds every commit.
    const Result<BackupMade> made = make(libraryPath, options);
    if (made && !made->path.isEmpty())
        return made->path;
    // A library too damaged to read: keep its bytes as they are (and its -wal, if any).
    const QString folder = folderFor(libraryPath);
    QDir().mkpath(folder);
    const QString target = freeTarget(libraryPath, QStringLiteral("before-restore"), true);
    const QString partial = partialName(target);
    if (!QFile::copy(libraryPath, partial) ||
        std::rename(QFile::encodeName(partial).constData(), QFile::encodeName(target).constData()) != 0) {
        QFile::remove(partial);
        return Error(Store::tr("cannot keep a copy of %1 (%2); nothing was restored")
                         .arg(libraryPath, made ? QString() : made.error().message()));
    }
    if (QFileInfo::exists(libraryPath + QStringLiteral("-wal")))
        QFile::copy(libraryPath + QStringLiteral("-wal"), target + QStringLiteral("-wal"));
    return target;
}

Result<void> Backup::replaceLibrary(const QString &built, const QString &libraryPath)
{
    QFile(built).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                                QFileDevice::ReadOther);
    // The old -wal belongs to the old file: replayed onto the restored one it would corrupt it.
    QFile::remove(libraryPath + QStringLiteral("-wal"));
    QFile::remove(libraryPath + QStringLiteral("-shm"));
    if (std::rename(QFile::encodeName(built).constData(), QFile::encodeName(libraryPath).constData()) != 0)
        return Error(Store::tr("cannot replace %1").arg(libraryPath));
    return {};
}

Result<QString> Backup::restore(const QString &file, const QString &libraryPath, int keep)
{
    if (Result<void> verified = verify(file); !verified)
        return verified.error();
    if (isManifest(file))
        return Error(Store::tr("%1 is a backup to rebuild the library from, not a copy of it").arg(file));
    const Result<QString> kept = keepBeforeRestore(libraryPath, keep);
    if (!kept)
        return kept.error();
    const QString temp = libraryPath + QStringLiteral(".restoring-%1").arg(QCoreApplication::applicationPid());
    removeWithJournals(temp);
    if (!QFile::copy(file, temp)) {
        QFile::remove(temp);
        return Error(Store::tr("cannot copy %1 beside the library").arg(file));
    }
    if (Result<void> replaced = replaceLibrary(temp, libraryPath); !replaced) {
        QFile::remove(temp);
        return replaced.error();
    }
    return *kept;
}

} // namespace dubao
