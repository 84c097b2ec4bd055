// The user's tables in a backup (format 2) as content-addressed chunks: each table's rows in key order, cut into
// chunks where a row's key says so (content-defined boundaries), each chunk one object of kind `rows` in the same
// store as the issues' original bytes (backupobjects.h), stored once by its hash. Adding or changing a few rows
// changes the one or two chunks that hold them; the others are the objects the previous backup already stored, so a
// day of annotating writes kilobytes.
//
// A chunk is gzip'ed UTF-8 JSON, readable with gunzip and jq:
//   {"format":1,"table":"highlights","columns":["id","block_id",…],"rows":[[1,52,…],[2,52,…]]}
// Values: null, integers and text as JSON's null, numbers and strings; a real as {"r":"<17 significant digits>"}, a
// blob as {"b":"<hex>"}, so every value comes back with its SQLite type.
//
// The backup file names them: `work_tables` (position, name, columns as a JSON array, the library's CREATE
// statement, rows) and `work_chunks` (table_name, seq, rows, hash) in the order a restore inserts them.
#pragma once

#include "core/model/result.h"
#include "core/store/backupmanifest.h"

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>

class QTemporaryDir;

namespace dubao {

class BackupObjects;

namespace backupchunks {

inline constexpr int kChunkFormat = 1;
/// A chunk ends at a row whose key hash falls under the row's share of kAverageBytes, once it holds kMinBytes; it
/// always ends at kMaxBytes (serialized, before compression).
inline constexpr qint64 kMinBytes = 2 * 1024;
inline constexpr qint64 kAverageBytes = 16 * 1024;
inline constexpr qint64 kMaxBytes = 128 * 1024;

/// One table as a backup stores it.
struct TableSource
{
    QString name;
    QString create;      ///< the library's CREATE statement, kept for the reader
    QStringList columns; ///< in the order the rows list them
    QStringList selects; ///< the rows, in key order: one query after the other
    QList<int> key;      ///< indexes into `columns` that make the key (empty: the whole row)
};

/// A library table's source: every column, in primary key order (rowid without one). Nullopt when it has no columns.
std::optional<TableSource> tableSource(QSqlDatabase db, const QString &schema, const QString &table,
                                       const QString &create);

/// A chunk: its serialized rows (uncompressed JSON, see above) and how many.
struct Chunk
{
    QByteArray bytes;
    qint64 rows = 0;
};

/// The chunks of `source`'s rows on `db`.
Result<QList<Chunk>> cut(QSqlDatabase db, const TableSource &source, const std::atomic_bool *cancel = nullptr);

/// Creates `work_tables` and `work_chunks` in the backup attached as `bk` on `db` (inside the caller's transaction).
Result<void> createManifestTables(QSqlDatabase db);

/// Cuts `source` into chunks, stores those `objects` lacks (counted in `report`) and names them in the backup
/// attached as `bk` on `db` at `position`.
Result<void> write(QSqlDatabase db, const TableSource &source, int position, BackupObjects &objects,
                   BackupWrite &report, const std::atomic_bool *cancel);

/// Whether `manifest` keeps the user's tables as chunks (format 2), not as tables of its own (format 1).
bool hasChunks(const QString &manifest);

/// The hashes of the chunks `manifest` names (all tables, in order); empty for format 1.
Result<QStringList> chunkHashes(const QString &manifest);

/// Whether `table` on `library` now gives the very chunks `manifest` holds of it (a table either lacks is an
/// empty one). Nullopt when either cannot be read.
std::optional<bool> sameChunks(QSqlDatabase library, const QString &table, const QString &manifest);

/// The user's tables of a backup as tables of an SQLite file (and `tag_anchors` when it has them): the backup itself
/// for format 1, else a temporary file filled from its chunks (each checked against its hash), removed with this.
class WorkFile final
{
public:
    QString path() const { return m_path; }

private:
    friend Result<WorkFile> expand(const QString &manifest, const QString &objectsFile, const std::atomic_bool *cancel);
    QString m_path;
    std::shared_ptr<QTemporaryDir> m_dir;
};
/// `objectsFile`: where the backup's objects are (Backup::objectsFileOf()).
Result<WorkFile> expand(const QString &manifest, const QString &objectsFile, const std::atomic_bool *cancel = nullptr);

} // namespace backupchunks

} // namespace dubao
