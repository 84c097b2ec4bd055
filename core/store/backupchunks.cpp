// The user's tables of a backup as content-addressed chunks: see backupchunks.h.
#include "core/store/backupchunks.h"

#include "core/store/backupobjects.h"
#include "core/store/bareconnection.h"
#include "core/store/sql.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlRecord>
#include <QTemporaryDir>

#include <algorithm>

namespace dubao::backupchunks {

using sql::Store;

namespace {

QString quoted(QString identifier)
{
    return QStringLiteral("\"%1\"").arg(identifier.replace(u'"', QStringLiteral("\"\"")));
}

/// One value as JSON, keeping its SQLite type (backupchunks.h).
QJsonValue encode(const QVariant &value)
{
    if (value.isNull())
        return QJsonValue();
    switch (value.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::ULongLong:
    case QMetaType::UInt:
        return QJsonValue(value.toLongLong());
    case QMetaType::Double:
        return QJsonObject{{QStringLiteral("r"), QString::number(value.toDouble(), 'g', 17)}};
    case QMetaType::QByteArray:
        return QJsonObject{{QStringLiteral("b"), QString::fromLatin1(value.toByteArray().toHex())}};
    default:
        return QJsonValue(value.toString());
    }
}

QVariant decode(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return QVariant(QMetaType(QMetaType::QString));
    case QJsonValue::Double:
        // An integer (JSON numbers in a chunk are integers; reals are {"r": …}).
        return QVariant(value.toInteger());
    case QJsonValue::String: {
        // Never a null QString: Qt's SQLite driver binds that as NULL, and '' must stay ''.
        const QString text = value.toString();
        return text.isNull() ? QVariant(QStringLiteral("")) : QVariant(text);
    }
    case QJsonValue::Object: {
        const QJsonObject object = value.toObject();
        if (object.contains(QStringLiteral("b"))) {
            const QByteArray bytes = QByteArray::fromHex(object.value(QStringLiteral("b")).toString().toLatin1());
            return QVariant(bytes.isNull() ? QByteArray("", 0) : bytes);
        }
        return QVariant(object.value(QStringLiteral("r")).toString().toDouble());
    }
    default:
        return QVariant(value.toString());
    }
}

/// A stable hash of a row's key (the same in every process, unlike qHash): FNV-1a, then MurmurHash3's finalizer,
/// without which consecutive ids ("[1001]", "[1002]") hash close together and end chunks in runs.
quint32 keyHash(const QByteArray &bytes)
{
    quint32 h = 2166136261u;
    for (const char c : bytes) {
        h ^= quint8(c);
        h *= 16777619u;
    }
    h ^= h >> 16;
    h *= 0x85ebca6bu;
    h ^= h >> 13;
    h *= 0xc2b2ae35u;
    h ^= h >> 16;
    return h;
}

/// Whether a chunk of `chunkBytes` ends after a row of `rowBytes` whose key hashes to `hash`: the probability is the
/// row's share of kAverageBytes, so a chunk holds about kAverageBytes whatever its rows' size.
bool endsChunk(qint64 chunkBytes, qint64 rowBytes, quint32 hash)
{
    if (chunkBytes >= kMaxBytes)
        return true;
    if (chunkBytes < kMinBytes)
        return false;
    const double share = double(rowBytes) / double(kAverageBytes);
    return double(hash) < share * 4294967296.0;
}

QByteArray chunkHead(const TableSource &source)
{
    QJsonArray columns;
    for (const QString &column : source.columns)
        columns.append(column);
    return QByteArrayLiteral("{\"format\":") + QByteArray::number(kChunkFormat) + QByteArrayLiteral(",\"table\":") +
           QJsonDocument(QJsonArray{source.name}).toJson(QJsonDocument::Compact).mid(1).chopped(1) +
           QByteArrayLiteral(",\"columns\":") + QJsonDocument(columns).toJson(QJsonDocument::Compact) +
           QByteArrayLiteral(",\"rows\":[");
}

bool tableExists(QSqlDatabase db, const QString &schema, const QString &table)
{
    return sql::scalar(db,
                       QStringLiteral("SELECT 1 FROM %1.sqlite_master WHERE type = 'table' AND name = ?").arg(schema),
                       {table})
        .isValid();
}

} // namespace

std::optional<TableSource> tableSource(QSqlDatabase db, const QString &schema, const QString &table,
                                       const QString &create)
{
    TableSource source;
    source.name = table;
    source.create = create;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT name, pk FROM pragma_table_info(%1, %2) ORDER BY cid")
                    .arg(QStringLiteral("'%1'").arg(QString(table).replace(u'\'', QStringLiteral("''"))),
                         QStringLiteral("'%1'").arg(schema))))
        return std::nullopt;
    QList<std::pair<int, int>> keys; // pk position, column index
    while (q.next()) {
        if (const int pk = q.value(1).toInt(); pk > 0)
            keys.append({pk, int(source.columns.size())});
        source.columns.append(q.value(0).toString());
    }
    if (source.columns.isEmpty())
        return std::nullopt;
    std::sort(keys.begin(), keys.end());
    QStringList order;
    for (const auto &[pk, column] : std::as_const(keys)) {
        source.key.append(column);
        order.append(quoted(source.columns.at(column)));
    }
    QStringList columns;
    for (const QString &column : std::as_const(source.columns))
        columns.append(quoted(column));
    source.selects << QStringLiteral("SELECT %1 FROM %2.%3 ORDER BY %4")
                          .arg(columns.join(QStringLiteral(", ")), schema, quoted(table),
                               order.isEmpty() ? QStringLiteral("rowid") : order.join(QStringLiteral(", ")));
    return source;
}

Result<QList<Chunk>> cut(QSqlDatabase db, const TableSource &source, const std::atomic_bool *cancel)
{
    QList<Chunk> chunks;
    const QByteArray head = chunkHead(source);
    QByteArray chunk;
    qint64 rows = 0;
    qint64 inChunk = 0;
    for (const QString &select : source.selects) {
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (Result<void> read = sql::select(q, select); !read)
            return read.error();
        const int columns = q.record().count();
        while (q.next()) {
            if ((rows & 1023) == 0 && cancel && cancel->load())
                return Error(Store::tr("the backup was cancelled"));
            QJsonArray row;
            for (int k = 0; k < columns; ++k)
                row.append(encode(q.value(k)));
            const QByteArray bytes = QJsonDocument(row).toJson(QJsonDocument::Compact);
            QByteArray key;
            if (source.key.isEmpty()) {
                key = bytes;
            } else {
                QJsonArray values;
                for (const int k : source.key)
                    values.append(row.at(k));
                key = QJsonDocument(values).toJson(QJsonDocument::Compact);
            }
            if (chunk.isEmpty())
                chunk = head;
            else
                chunk += ',';
            chunk += bytes;
            ++rows;
            ++inChunk;
            if (endsChunk(chunk.size() - head.size(), bytes.size(), keyHash(key))) {
                chunks.append({chunk + QByteArrayLiteral("]}"), inChunk});
                chunk.clear();
                inChunk = 0;
            }
        }
    }
    if (!chunk.isEmpty())
        chunks.append({chunk + QByteArrayLiteral("]}"), inChunk});
    return chunks;
}

Result<void> createManifestTables(QSqlDatabase db)
{
    return sql::exec(db, {{QStringLiteral("CREATE TABLE bk.work_tables (position INTEGER PRIMARY KEY, name TEXT NOT "
                                          "NULL UNIQUE, columns TEXT NOT NULL, sql TEXT NOT NULL, "
                                          "rows INTEGER NOT NULL)"),
                           {}},
                          {QStringLiteral("CREATE TABLE bk.work_chunks (table_name TEXT NOT NULL, seq INTEGER NOT "
                                          "NULL, rows INTEGER NOT NULL, hash TEXT NOT NULL, "
                                          "PRIMARY KEY (table_name, seq)) WITHOUT ROWID"),
                           {}}});
}

Result<void> write(QSqlDatabase db, const TableSource &source, int position, BackupObjects &objects,
                   BackupWrite &report, const std::atomic_bool *cancel)
{
    const Result<QList<Chunk>> chunks = cut(db, source, cancel);
    if (!chunks)
        return chunks.error();
    QSqlQuery insert(db);
    qint64 total = 0;
    for (qsizetype k = 0; k < chunks->size(); ++k) {
        const QByteArray &chunk = chunks->at(k).bytes;
        const qint64 rows = chunks->at(k).rows;
        total += rows;
        const QString hash = objectHash(chunk);
        const Result<qint64> stored = objects.put(QStringLiteral("rows"), chunk, hash);
        if (!stored)
            return stored.error();
        report.newObjects += *stored > 0;
        report.newObjectBytes += *stored;
        if (Result<void> named = sql::exec(insert,
                                           QStringLiteral("INSERT INTO bk.work_chunks (table_name, seq, rows, hash) "
                                                          "VALUES (?, ?, ?, ?)"),
                                           {source.name, k, rows, hash});
            !named)
            return named;
    }
    QJsonArray columns;
    for (const QString &column : source.columns)
        columns.append(column);
    return sql::exec(insert,
                     QStringLiteral("INSERT INTO bk.work_tables (position, name, columns, sql, rows) "
                                    "VALUES (?, ?, ?, ?, ?)"),
                     {position, source.name, QString::fromUtf8(QJsonDocument(columns).toJson(QJsonDocument::Compact)),
                      source.create, total});
}

bool hasChunks(const QString &manifest)
{
    const BareConnection connection(manifest, true);
    return connection.ok() && tableExists(connection.db(), QStringLiteral("main"), QStringLiteral("work_chunks"));
}

Result<QStringList> chunkHashes(const QString &manifest)
{
    const BareConnection connection(manifest, true);
    if (!connection.ok())
        return Error(Store::tr("cannot open: %1").arg(connection.error())).prefixed(manifest);
    QStringList hashes;
    if (!tableExists(connection.db(), QStringLiteral("main"), QStringLiteral("work_chunks")))
        return hashes;
    QSqlQuery q(connection.db());
    if (!q.exec(QStringLiteral("SELECT c.hash FROM work_chunks c JOIN work_tables t ON t.name = c.table_name "
                               "ORDER BY t.position, c.seq")))
        return Error(Store::tr("not a Dubao backup (%1)").arg(q.lastError().text())).prefixed(manifest);
    while (q.next())
        hashes.append(q.value(0).toString());
    return hashes;
}

std::optional<bool> sameChunks(QSqlDatabase library, const QString &table, const QString &manifest)
{
    QStringList now;
    if (tableExists(library, QStringLiteral("main"), table)) {
        const std::optional<TableSource> source = tableSource(library, QStringLiteral("main"), table, QString());
        if (!source)
            return std::nullopt;
        const Result<QList<Chunk>> chunks = cut(library, *source);
        if (!chunks)
            return std::nullopt;
        for (const Chunk &chunk : *chunks)
            now.append(objectHash(chunk.bytes));
    }
    const BareConnection connection(manifest, true);
    if (!connection.ok())
        return std::nullopt;
    QSqlQuery q(connection.db());
    if (!q.exec(QStringLiteral("SELECT hash FROM work_chunks WHERE table_name = '%1' ORDER BY seq")
                    .arg(QString(table).replace(u'\'', QStringLiteral("''")))))
        return std::nullopt;
    QStringList before;
    while (q.next())
        before.append(q.value(0).toString());
    return now == before;
}

Result<WorkFile> expand(const QString &manifest, const QString &objectsFile, const std::atomic_bool *cancel)
{
    WorkFile work;
    if (!hasChunks(manifest)) {
        work.m_path = manifest;
        return work;
    }
    struct Table
    {
        QString name;
        QStringList columns;
        QStringList chunks;
    };
    QList<Table> tables;
    {
        const BareConnection connection(manifest, true);
        if (!connection.ok())
            return Error(Store::tr("cannot open: %1").arg(connection.error())).prefixed(manifest);
        QSqlQuery q(connection.db());
        if (!q.exec(QStringLiteral("SELECT name, columns FROM work_tables ORDER BY position")))
            return Error(Store::tr("not a Dubao backup (%1)").arg(q.lastError().text())).prefixed(manifest);
        while (q.next()) {
            Table table{q.value(0).toString(), {}, {}};
            for (const QJsonValue column : QJsonDocument::fromJson(q.value(1).toString().toUtf8()).array())
                table.columns.append(column.toString());
            if (table.columns.isEmpty())
                return Error(Store::tr("not a Dubao backup (the table %1 has no columns)").arg(table.name))
                    .prefixed(manifest);
            tables.append(table);
        }
        QSqlQuery c(connection.db());
        for (Table &table : tables) {
            if (!c.exec(QStringLiteral("SELECT hash FROM work_chunks WHERE table_name = '%1' ORDER BY seq")
                            .arg(QString(table.name).replace(u'\'', QStringLiteral("''")))))
                return Error(Store::tr("not a Dubao backup (%1)").arg(c.lastError().text())).prefixed(manifest);
            while (c.next())
                table.chunks.append(c.value(0).toString());
        }
    }
    BackupObjects objects;
    if (Result<void> opened = objects.open(objectsFile, false); !opened)
        return opened.error();
    work.m_dir = std::make_shared<QTemporaryDir>();
    if (!work.m_dir->isValid())
        return Error(Store::tr("cannot make a temporary folder: %1").arg(work.m_dir->errorString()));
    work.m_path = work.m_dir->filePath(QStringLiteral("work.sqlite"));
    const BareConnection connection(work.m_path, false);
    if (!connection.ok())
        return Error(Store::tr("cannot open: %1").arg(connection.error())).prefixed(work.m_path);
    QSqlDatabase db = connection.db();
    sql::WriteScope transaction(db);
    if (!transaction.isActive())
        return transaction.error();
    for (const Table &table : std::as_const(tables)) {
        // Columns without types: every value keeps the type the chunk gives it; the library's own CREATE
        // statement (work_tables.sql) is for the reader, never run.
        QStringList columns;
        for (const QString &column : table.columns)
            columns.append(quoted(column));
        if (Result<void> created = sql::exec(
                db, QStringLiteral("CREATE TABLE %1 (%2)").arg(quoted(table.name), columns.join(QStringLiteral(", "))));
            !created)
            return created.error();
        QSqlQuery insert(db);
        if (!insert.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                                .arg(quoted(table.name), columns.join(QStringLiteral(", ")),
                                     QStringList(columns.size(), QStringLiteral("?")).join(QStringLiteral(", ")))))
            return Error(Store::tr("cannot store: %1").arg(insert.lastError().text()));
        for (const QString &hash : table.chunks) {
            if (cancel && cancel->load())
                return Error(Store::tr("the restore was cancelled"));
            const Result<QByteArray> bytes = objects.get(hash); // checked against its hash
            if (!bytes)
                return bytes.error();
            QJsonParseError error;
            const QJsonObject chunk = QJsonDocument::fromJson(*bytes, &error).object();
            QStringList chunkColumns;
            for (const QJsonValue column : chunk.value(QStringLiteral("columns")).toArray())
                chunkColumns.append(column.toString());
            if (error.error != QJsonParseError::NoError ||
                chunk.value(QStringLiteral("table")).toString() != table.name || chunkColumns != table.columns ||
                chunk.value(QStringLiteral("format")).toInt() > kChunkFormat)
                return Error(Store::tr("the object %1 in %2 is damaged").arg(hash, objectsFile));
            for (const QJsonValue row : chunk.value(QStringLiteral("rows")).toArray()) {
                const QJsonArray values = row.toArray();
                QVariantList bound;
                for (qsizetype k = 0; k < table.columns.size(); ++k)
                    bound.append(decode(values.at(k)));
                if (Result<void> done = sql::execPrepared(insert, bound); !done)
                    return done.error();
            }
        }
    }
    if (Result<void> committed = transaction.commit(); !committed)
        return committed.error();
    return work;
}

} // namespace dubao::backupchunks
