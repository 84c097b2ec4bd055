// The content-addressed objects of backups: an issue's original bytes and the lists of ids and uids, each stored
// once as a gzip member under the SHA-256 of its uncompressed bytes (restic's and borg's idea: a backup that
// finds an object already there reuses it). Kept in an SQLite file: `<library>.backups/objects.sqlite`, shared
// by every backup in the folder, or in the backup file itself (a backup made to be sent on its own).
//
//   sqlite3 objects.sqlite "SELECT writefile('issue.txt.gz', data) FROM objects WHERE hash = '…'"
//   gunzip issue.txt.gz
#pragma once

#include "core/model/result.h"

#include <QByteArray>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace dubao {

namespace gzip {
/// One gzip member (RFC 1952) of `bytes`; empty on failure (out of memory).
QByteArray compress(const QByteArray &bytes, int level = 9);
/// The bytes of one gzip member; nullopt when `member` is not one.
std::optional<QByteArray> decompress(const QByteArray &member);
} // namespace gzip

/// SHA-256 of `bytes`, lowercase hex: an object's name.
QString objectHash(const QByteArray &bytes);

/// The object table on a connection (`schema` "main" or an attached name). Not thread-safe; one per thread.
class BackupObjects final
{
    Q_DISABLE_COPY_MOVE(BackupObjects)

public:
    /// `<folder>/objects.sqlite`
    static QString fileIn(const QString &folder);

    BackupObjects();
    ~BackupObjects();

    /// Opens (creating when `create`) an object file: rollback journal, so an idle store is one file.
    Result<void> open(const QString &file, bool create);
    /// Uses (creating it) the object table of the database attached as `schema` on the open connection `db`, in
    /// that connection's transaction: a backup made to be sent on its own writes its objects into itself. The
    /// connection must stay open while this is used; close() leaves it open. begin()/commit() are the caller's.
    Result<void> attach(const QSqlDatabase &db, const QString &schema);
    bool isOpen() const;
    void close();

    /// Whether an object is stored.
    bool contains(const QString &hash) const;
    /// Every object's hash.
    QSet<QString> hashes() const;

    /// Stores `bytes` compressed under `hash` (their SHA-256, computed when empty) unless it is there. Returns
    /// the bytes written (0 when it was there). Inside begin()/commit() when many are stored.
    Result<qint64> put(const QString &kind, const QByteArray &bytes, QString hash = {});
    /// The bytes of an object, checked against its hash.
    Result<QByteArray> get(const QString &hash) const;

    Result<void> begin();
    Result<void> commit();
    void rollback();

    /// Removes every object not in `keep`; returns how many. Frees their pages for later objects.
    Result<int> removeAllBut(const QSet<QString> &keep);

    /// Bytes of the file.
    qint64 fileSize() const;

private:
    /// "schema.objects"
    QString table() const;

    QString m_connection;
    QString m_file;
    QString m_schema = QStringLiteral("main");
    bool m_borrowed = false; ///< attach(): the connection is the caller's
};

} // namespace dubao
