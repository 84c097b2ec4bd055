#include "core/store/sourcebytes.h"

#include "core/store/library.h"
#include "core/store/sql.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>

#include <mutex>
#include <unordered_map>

namespace dubao::sourcebytes {

namespace {

// Files packed ahead of their write, by their data: the entry holds a reference, so the data cannot be freed (and
// its address reused) while it is here.
struct Prepared
{
    std::mutex mutex;
    std::unordered_map<const char *, std::pair<QByteArray, Packed>> packed;
};

Prepared &prepared()
{
    static Prepared p;
    return p;
}

Packed compress(const QByteArray &original)
{
    // Level 6 (zlib's default): 2.44× on the corpus against 2.28× at level 1, at about the same speed.
    QByteArray compressed = qCompress(original, 6);
    // Never keep what would not give the original back, nor what saves nothing.
    if (compressed.size() >= original.size() || qUncompress(compressed) != original)
        return {original, Plain};
    return {std::move(compressed), Zlib};
}

} // namespace

void prepare(const QByteArray &original)
{
    Packed packed = compress(original);
    Prepared &p = prepared();
    const std::lock_guard lock(p.mutex);
    p.packed.insert_or_assign(original.constData(), std::make_pair(original, std::move(packed)));
}

void forgetPrepared()
{
    Prepared &p = prepared();
    const std::lock_guard lock(p.mutex);
    p.packed.clear();
}

Packed pack(const QByteArray &original)
{
    {
        Prepared &p = prepared();
        const std::lock_guard lock(p.mutex);
        if (const auto found = p.packed.find(original.constData()); found != p.packed.end()) {
            const bool same = found->second.first.size() == original.size();
            Packed packed = std::move(found->second.second);
            p.packed.erase(found);
            if (same)
                return packed;
        }
    }
    return compress(original);
}

std::optional<QByteArray> unpack(const QVariant &codec, const QByteArray &stored)
{
    switch (codec.isNull() ? int(Plain) : codec.toInt()) {
    case Plain:
        return stored;
    case Zlib: {
        QByteArray original = qUncompress(stored);
        if (original.isEmpty())
            return std::nullopt; // damaged: qUncompress() gives nothing (pack() never compresses empty bytes)
        return original;
    }
    default:
        return std::nullopt;
    }
}

std::optional<QByteArray> read(QSqlDatabase &db, qint64 sourceId)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    // Preparing fails on a library from before v10 (no such column): then every row is Plain.
    if (!q.prepare(QStringLiteral("SELECT codec, bytes FROM source_contents WHERE source_file_id = ?")) &&
        !q.prepare(QStringLiteral("SELECT NULL, bytes FROM source_contents WHERE source_file_id = ?")))
        return std::nullopt;
    q.addBindValue(sourceId);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return unpack(q.value(0), q.value(1).toByteArray());
}

Result<void> migrateTo10(QSqlDatabase &db)
{
    // A column a library already has (one whose version was set back) is not added twice.
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("SELECT count(*) FROM pragma_table_info('source_contents') WHERE name = 'codec'")) ||
        !query.next())
        return Error(sql::Store::tr("cannot store: %1").arg(query.lastError().text()));
    const bool present = query.value(0).toInt() > 0;
    query.finish();
    if (!present)
        if (Result<void> added = sql::exec(
                db, QStringLiteral("ALTER TABLE source_contents ADD COLUMN codec INTEGER NOT NULL DEFAULT 0"));
            !added)
            return added;

    // Every file stored so far, a batch at a time so that memory stays bounded (a 1 GB library: about a minute).
    const qint64 total =
        sql::scalar(db, QStringLiteral("SELECT count(*) FROM source_contents WHERE codec = 0")).toLongLong();
    QSqlQuery update(db);
    update.prepare(QStringLiteral("UPDATE source_contents SET bytes = ?, codec = ? WHERE source_file_id = ?"));
    QElapsedTimer timer;
    timer.start();
    qint64 last = 0;
    qint64 done = 0;
    qint64 logged = 0;
    for (;;) {
        QList<std::pair<qint64, QByteArray>> batch;
        if (Result<void> read = sql::select(query,
                                            QStringLiteral("SELECT source_file_id, bytes FROM source_contents "
                                                           "WHERE codec = 0 AND source_file_id > ? "
                                                           "ORDER BY source_file_id LIMIT 256"),
                                            {last});
            !read)
            return read;
        while (query.next())
            batch.append({query.value(0).toLongLong(), query.value(1).toByteArray()});
        query.finish();
        if (batch.isEmpty())
            break;
        for (const auto &[id, bytes] : std::as_const(batch)) {
            Packed packed = pack(bytes);
            if (packed.codec == Plain)
                continue;
            update.addBindValue(packed.bytes);
            update.addBindValue(packed.codec);
            update.addBindValue(id);
            if (!update.exec())
                return Error(sql::Store::tr("cannot store: %1").arg(update.lastError().text()));
        }
        last = batch.back().first;
        done += batch.size();
        if (done - logged >= 10000 || done == total) {
            logged = done;
            qCInfo(lcStore).noquote() << QStringLiteral("compressing the stored files: %1/%2, %3 s")
                                             .arg(done)
                                             .arg(total)
                                             .arg(timer.elapsed() / 1000.0, 0, 'f', 1);
        }
    }
    return {};
}

} // namespace dubao::sourcebytes
