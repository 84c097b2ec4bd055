// Backups: see backup.h for the folder, the names and when they are taken.
#include "core/store/backup.h"

#include "core/store/library.h"
#include "core/store/sql.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <atomic>
#include <cstdio>

namespace dubao {

using sql::Store;

namespace {

std::atomic<quint64> s_nextConnection{1};

const QRegularExpression &namePattern()
{
    static const QRegularExpression re(QStringLiteral("^(.+)-(\\d{8}T\\d{6}Z)-([A-Za-z0-9._-]+)\\.sqlite$"));
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

void prune(const QString &libraryPath, int keep, const QString &justMade)
{
    if (keep <= 0)
        return;
    const QList<BackupInfo> all = Backup::list(libraryPath);
    for (qsizetype k = keep; k < all.size(); ++k) {
        if (all[k].path != justMade)
            QFile::remove(all[k].path);
    }
}

/// A private read-only (or read-write) connection to `file`, closed and removed on destruction.
class BareConnection
{
public:
    BareConnection(const QString &file, bool readOnly)
        : m_name(QStringLiteral("dubao-backup-%1").arg(s_nextConnection.fetch_add(1)))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(file);
        if (readOnly)
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        m_ok = db.open();
        if (!m_ok)
            m_error = db.lastError().text();
        else
            QSqlQuery(db).exec(QStringLiteral("PRAGMA busy_timeout = 5000"));
    }
    ~BareConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    bool ok() const { return m_ok; }
    QString error() const { return m_error; }
    QSqlDatabase db() const { return QSqlDatabase::database(m_name, false); }

private:
    QString m_name;
    bool m_ok = false;
    QString m_error;
};

} // namespace

QString Backup::folderFor(const QString &libraryPath)
{
    return QFileInfo(libraryPath).absoluteFilePath() + QStringLiteral(".backups");
}

QString Backup::fileNameFor(const QString &libraryPath, const QDateTime &utc, const QString &reason)
{
    QString base = QFileInfo(libraryPath).completeBaseName();
    if (base.isEmpty())
        base = QStringLiteral("library");
    return QStringLiteral("%1-%2-%3.sqlite").arg(base, timestamp(utc), sanitizedReason(reason));
}

QList<BackupInfo> Backup::list(const QString &libraryPath)
{
    QList<BackupInfo> result;
    const QDir dir(folderFor(libraryPath));
    if (!dir.exists())
        return result;
    const QFileInfoList files = dir.entryInfoList({QStringLiteral("*.sqlite")}, QDir::Files, QDir::Name);
    for (const QFileInfo &f : files) {
        const auto m = namePattern().match(f.fileName());
        if (!m.hasMatch())
            continue;
        QDateTime created = QDateTime::fromString(m.captured(2), QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
        if (!created.isValid())
            continue;
        created.setTimeSpec(Qt::UTC);
        result.append(BackupInfo{f.absoluteFilePath(), created, m.captured(3), f.size()});
    }
    std::sort(result.begin(), result.end(), [](const BackupInfo &a, const BackupInfo &b) {
        return a.created != b.created ? a.created > b.created : a.path > b.path;
    });
    return result;
}

Result<QString> Backup::createFrom(QSqlDatabase &db, const QString &libraryPath, const QString &reason, int keep)
{
    if (libraryPath.isEmpty() || libraryPath == QLatin1String(":memory:"))
        return Error(Store::tr("an in-memory library has no backups"));
    const QString folder = folderFor(libraryPath);
    if (!QDir().mkpath(folder))
        return Error(Store::tr("cannot create the backup folder %1").arg(folder));

    // A free name: one second later if two backups of the same reason fall in the same second.
    QDateTime when = QDateTime::currentDateTimeUtc();
    if (const QList<BackupInfo> existing = list(libraryPath); !existing.isEmpty() && existing.front().created >= when)
        when = existing.front().created.addSecs(1); // names sort in the order the backups were made
    QString target;
    for (int k = 0; k < 100; ++k) {
        target = QDir(folder).filePath(fileNameFor(libraryPath, when.addSecs(k), reason));
        if (!QFileInfo::exists(target))
            break;
    }
    // Written under a temporary name and renamed: a crash mid-copy never leaves a half file that looks
    // like a backup.
    // The temporary name is this process's own: two programs backing up at once never share it.
    const QString partial =
        target + QStringLiteral(".partial-%1-%2").arg(QCoreApplication::applicationPid()).arg(s_nextConnection++);
    QFile::remove(partial);
    QSqlQuery query(db);
    if (!query.prepare(QStringLiteral("VACUUM INTO ?")))
        return Error(Store::tr("cannot back up: %1").arg(query.lastError().text()));
    query.addBindValue(partial);
    if (!query.exec()) {
        const QString message = query.lastError().text();
        QFile::remove(partial);
        return Error(Store::tr("cannot back up to %1: %2").arg(target, message));
    }
    query.finish();
    if (std::rename(QFile::encodeName(partial).constData(), QFile::encodeName(target).constData()) != 0) {
        QFile::remove(partial);
        return Error(Store::tr("cannot rename the backup to %1").arg(target));
    }
    prune(libraryPath, keep, target);
    return target;
}

Result<QString> Backup::create(Library &library, const QString &reason, int keep)
{
    if (!library.isOpen())
        return Error(Store::tr("the library is not open"));
    QSqlDatabase db = library.database();
    return createFrom(db, library.path(), reason, keep);
}

Result<QString> Backup::ensureDaily(Library &library, int keep)
{
    if (!library.isOpen() || library.isReadOnly() || library.path() == QLatin1String(":memory:"))
        return QString();
    const QList<BackupInfo> existing = list(library.path());
    const QDateTime dayAgo = QDateTime::currentDateTimeUtc().addSecs(-24 * 3600);
    if (!existing.isEmpty() && existing.front().created > dayAgo)
        return QString();
    QSqlQuery query(library.database());
    if (query.exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM issues) OR EXISTS (SELECT 1 FROM tags) "
                                  "OR EXISTS (SELECT 1 FROM notebooks)")) &&
        query.next() && !query.value(0).toBool()) {
        return QString(); // nothing to lose yet
    }
    query.finish();
    return create(library, QStringLiteral("daily"), keep);
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
    BareConnection connection(file, true);
    if (!connection.ok())
        return fail(Store::tr("cannot open: %1").arg(connection.error()));
    QSqlDatabase db = connection.db();
    QSqlQuery query(db);
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
    if (!query.exec(QStringLiteral("PRAGMA integrity_check")))
        return fail(Store::tr("damaged: %1").arg(query.lastError().text()));
    QStringList problems;
    while (query.next())
        problems << query.value(0).toString();
    if (problems != QStringList{QStringLiteral("ok")})
        return fail(Store::tr("damaged: %1").arg(problems.mid(0, 5).join(QStringLiteral("; "))));
    return {};
}

Result<QString> Backup::restore(const QString &file, const QString &libraryPath, int keep)
{
    if (Result<void> verified = verify(file); !verified)
        return verified.error();
    QString keptCopy;
    const QFileInfo libraryInfo(libraryPath);
    if (libraryInfo.exists() && libraryInfo.size() > 0) {
        // Keep what is replaced. VACUUM INTO reads through the -wal file, so the copy holds every commit.
        Result<QString> copy = Error();
        {
            BareConnection connection(libraryPath, false);
            if (connection.ok()) {
                QSqlDatabase db = connection.db();
                copy = createFrom(db, libraryPath, QStringLiteral("before-restore"), keep);
            } else {
                copy = Error(connection.error());
            }
        }
        if (!copy) {
            // A library too damaged for SQLite to copy: keep its bytes as they are (and its -wal, if any).
            const QString folder = folderFor(libraryPath);
            QDir().mkpath(folder);
            const QString target = QDir(folder).filePath(
                fileNameFor(libraryPath, QDateTime::currentDateTimeUtc(), QStringLiteral("before-restore")));
            if (!QFile::copy(libraryPath, target))
                return Error(Store::tr("cannot keep a copy of %1 (%2); nothing was restored")
                                 .arg(libraryPath, copy.error().message()));
            if (QFileInfo::exists(libraryPath + QStringLiteral("-wal")))
                QFile::copy(libraryPath + QStringLiteral("-wal"), target + QStringLiteral("-wal"));
            copy = target;
        }
        keptCopy = *copy;
    }
    const QString temp = libraryPath + QStringLiteral(".restoring");
    QFile::remove(temp);
    if (!QFile::copy(file, temp))
        return Error(Store::tr("cannot copy %1 beside the library").arg(file));
    QFile(temp).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                               QFileDevice::ReadOther);
    // The old -wal belongs to the old file: replayed onto the restored one it would corrupt it.
    QFile::remove(libraryPath + QStringLiteral("-wal"));
    QFile::remove(libraryPath + QStringLiteral("-shm"));
    if (std::rename(QFile::encodeName(temp).constData(), QFile::encodeName(libraryPath).constData()) != 0) {
        QFile::remove(temp);
        return Error(Store::tr("cannot replace %1").arg(libraryPath));
    }
    return keptCopy;
}

} // namespace dubao
