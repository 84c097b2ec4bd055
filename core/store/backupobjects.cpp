// The backups' object store: see backupobjects.h.
#include "core/store/backupobjects.h"

#include "core/store/sql.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <atomic>
#include <zlib.h>

namespace dubao {

using sql::Store;

namespace {

std::atomic<quint64> s_nextConnection{1};

constexpr int kGzipWindow = 15 + 16; // zlib's "gzip wrapper" window bits

} // namespace

namespace gzip {

QByteArray compress(const QByteArray &bytes, int level)
{
    z_stream stream{};
    if (deflateInit2(&stream, level, Z_DEFLATED, kGzipWindow, 9, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(qsizetype(deflateBound(&stream, uLong(bytes.size())) + 32), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(bytes.constData()));
    stream.avail_in = uInt(bytes.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    const int status = deflate(&stream, Z_FINISH);
    const qsizetype written = qsizetype(stream.total_out);
    deflateEnd(&stream);
    if (status != Z_STREAM_END)
        return {};
    out.truncate(written);
    return out;
}

std::optional<QByteArray> decompress(const QByteArray &member)
{
    z_stream stream{};
    if (inflateInit2(&stream, kGzipWindow) != Z_OK)
        return std::nullopt;
    QByteArray out;
    char buffer[64 * 1024];
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(member.constData()));
    stream.avail_in = uInt(member.size());
    int status = Z_OK;
    while (status == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef *>(buffer);
        stream.avail_out = sizeof buffer;
        status = inflate(&stream, Z_NO_FLUSH);
        if (status == Z_OK || status == Z_STREAM_END)
            out.append(buffer, qsizetype(sizeof buffer - stream.avail_out));
        if (status == Z_OK && stream.avail_in == 0 && stream.avail_out != 0)
            status = Z_DATA_ERROR; // the member ends before its end
    }
    inflateEnd(&stream);
    if (status != Z_STREAM_END)
        return std::nullopt;
    return out;
}

} // namespace gzip

QString objectHash(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString BackupObjects::fileIn(const QString &folder)
{
    return QDir(folder).filePath(QStringLiteral("objects.sqlite"));
}

BackupObjects::BackupObjects()
    : m_connection(QStringLiteral("dubao-backup-objects-%1").arg(s_nextConnection.fetch_add(1)))
{}

QString BackupObjects::table() const
{
    return m_schema + QStringLiteral(".objects");
}

Result<void> BackupObjects::attach(const QSqlDatabase &db, const QString &schema)
{
    close();
    m_connection = db.connectionName();
    m_schema = schema;
    m_borrowed = true;
    m_file = db.databaseName();
    return sql::exec(QSqlDatabase::database(m_connection, false),
                     QStringLiteral("CREATE TABLE IF NOT EXISTS %1 (hash TEXT PRIMARY KEY, kind TEXT NOT NULL, "
                                    "size INTEGER NOT NULL, data BLOB NOT NULL)")
                         .arg(table()));
}

BackupObjects::~BackupObjects()
{
    close();
}

Result<void> BackupObjects::open(const QString &file, bool create)
{
    close();
    if (!create && !QFileInfo::exists(file))
        return Error(Store::tr("the backup's objects are missing: %1").arg(file));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        db.setDatabaseName(file);
        if (!create)
            db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        if (!db.open()) {
            const QString message = db.lastError().text();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(m_connection);
            return Error(Store::tr("cannot open %1: %2").arg(file, message));
        }
    }
    m_file = file;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    Result<void> ready = sql::exec(db, QStringLiteral("PRAGMA busy_timeout = 10000"));
    if (ready && create) {
        // Objects of a few KB each overflow their page into a chain whose last page is half empty on average:
        // 1 KB pages waste 0.5 KB per object where 4 KB pages wasted 2 KB (on the 1 GB library's 60,742 issue
        // files, 480 MB instead of 521 MB). Only a new, empty file takes the page size.
        ready = sql::exec(db, {{QStringLiteral("PRAGMA page_size = 1024"), {}},
                               {QStringLiteral("PRAGMA journal_mode = DELETE"), {}},
                               {QStringLiteral("CREATE TABLE IF NOT EXISTS objects ("
                                               "hash TEXT PRIMARY KEY, kind TEXT NOT NULL, size INTEGER NOT NULL, "
                                               "data BLOB NOT NULL)"),
                                {}}});
    }
    if (!ready) {
        close();
        return ready.error().prefixed(file);
    }
    return {};
}

bool BackupObjects::isOpen() const
{
    return QSqlDatabase::contains(m_connection);
}

void BackupObjects::close()
{
    if (m_borrowed) {
        m_borrowed = false;
        m_schema = QStringLiteral("main");
        m_connection = QStringLiteral("dubao-backup-objects-%1").arg(s_nextConnection.fetch_add(1));
        m_file.clear();
        return;
    }
    if (!QSqlDatabase::contains(m_connection))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
    m_file.clear();
}

bool BackupObjects::contains(const QString &hash) const
{
    return sql::scalar(QSqlDatabase::database(m_connection, false),
                       QStringLiteral("SELECT 1 FROM %1 WHERE hash = ?").arg(table()), {hash})
        .isValid();
}

QSet<QString> BackupObjects::hashes() const
{
    QSet<QString> result;
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (sql::select(query, QStringLiteral("SELECT hash FROM %1").arg(table()))) {
        while (query.next())
            result.insert(query.value(0).toString());
    }
    return result;
}

Result<qint64> BackupObjects::put(const QString &kind, const QByteArray &bytes, QString hash)
{
    if (hash.isEmpty())
        hash = objectHash(bytes);
    if (contains(hash))
        return qint64(0);
    const QByteArray data = gzip::compress(bytes);
    if (data.isEmpty())
        return Error(Store::tr("cannot compress an object of %1 bytes").arg(bytes.size()));
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (Result<void> done =
            sql::exec(query, QStringLiteral("INSERT INTO %1 (hash, kind, size, data) VALUES (?, ?, ?, ?)").arg(table()),
                      {hash, kind, bytes.size(), data});
        !done)
        return done.error();
    return qint64(data.size());
}

Result<QByteArray> BackupObjects::get(const QString &hash) const
{
    QSqlQuery query(QSqlDatabase::database(m_connection, false));
    if (Result<void> read =
            sql::select(query, QStringLiteral("SELECT data FROM %1 WHERE hash = ?").arg(table()), {hash});
        !read)
        return read.error();
    if (!query.next())
        return Error(Store::tr("the object %1 is missing from %2").arg(hash, m_file));
    const std::optional<QByteArray> bytes = gzip::decompress(query.value(0).toByteArray());
    if (!bytes || objectHash(*bytes) != hash)
        return Error(Store::tr("the object %1 in %2 is damaged").arg(hash, m_file));
    return *bytes;
}

Result<void> BackupObjects::begin()
{
    return sql::exec(QSqlDatabase::database(m_connection, false), QStringLiteral("BEGIN IMMEDIATE"));
}

Result<void> BackupObjects::commit()
{
    return sql::exec(QSqlDatabase::database(m_connection, false), QStringLiteral("COMMIT"));
}

void BackupObjects::rollback()
{
    QSqlQuery(QSqlDatabase::database(m_connection, false)).exec(QStringLiteral("ROLLBACK"));
}

Result<int> BackupObjects::removeAllBut(const QSet<QString> &keep)
{
    QSet<QString> gone = hashes();
    gone.subtract(keep);
    if (gone.isEmpty())
        return 0;
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (Result<void> begun = begin(); !begun)
        return begun.error();
    QSqlQuery query(db);
    for (const QString &hash : std::as_const(gone)) {
        if (Result<void> done = sql::exec(query, QStringLiteral("DELETE FROM %1 WHERE hash = ?").arg(table()), {hash});
            !done) {
            rollback();
            return done.error();
        }
    }
    if (Result<void> committed = commit(); !committed) {
        rollback();
        return committed.error();
    }
    return int(gone.size());
}

qint64 BackupObjects::fileSize() const
{
    return QFileInfo(m_file).size();
}

} // namespace dubao
