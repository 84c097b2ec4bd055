#include "core/store/sourcebytes.h"

#include "core/store/library.h"
#include "core/store/sql.h"
#include "core/store/upgradeprogress.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>

#include <future>
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

Result<void> migrateTo11(QSqlDatabase &db)
{
    // A column a library already has (one whose version was set back) is not added twice.
    const bool present = sql::scalar(db, QStringLiteral("SELECT count(*) FROM pragma_table_info('source_contents') "
                                                        "WHERE name = 'codec'"))
                             .toInt() > 0;
    if (!present)
        if (Result<void> added = sql::exec(
                db, QStringLiteral("ALTER TABLE source_contents ADD COLUMN codec INTEGER NOT NULL DEFAULT 0"));
            !added)
            return added;
    // The compression itself is packPending()'s, in transactions of its own: one transaction for a whole 1 GB
    // library took 20 minutes and a kill lost all of it.
    return sql::exec(db, {{QStringLiteral("CREATE TABLE source_packing (after_id INTEGER NOT NULL)"), {}},
                          {QStringLiteral("INSERT INTO source_packing (after_id) "
                                          "SELECT 0 WHERE EXISTS (SELECT 1 FROM source_contents)"),
                           {}}});
}

namespace {

constexpr int kPackBatch = 512; // files per transaction: ~8 MB of text

struct Unpacked
{
    qint64 id = 0;
    QByteArray bytes;
};

struct PackedBatch
{
    QList<qint64> ids;
    QList<Packed> packed;
};

PackedBatch compressAll(const QList<Unpacked> &files)
{
    PackedBatch batch;
    for (const Unpacked &file : files) {
        Packed packed = compress(file.bytes);
        if (packed.codec == Plain)
            continue;
        batch.ids.append(file.id);
        batch.packed.append(std::move(packed));
    }
    return batch;
}

} // namespace

Result<void> packPending(QSqlDatabase &db)
{
    const QVariant after = sql::scalar(db, QStringLiteral("SELECT after_id FROM source_packing"));
    if (after.isNull())
        return {};
    const QString what = sql::Store::tr("Compressing the stored files");
    qint64 last = after.toLongLong();
    const qint64 total = sql::scalar(db, QStringLiteral("SELECT count(*) FROM source_contents")).toLongLong();
    qint64 done =
        sql::scalar(db, QStringLiteral("SELECT count(*) FROM source_contents WHERE source_file_id <= ?"), {last})
            .toLongLong();
    UpgradeProgress::report(what, done, total);
    QElapsedTimer timer;
    timer.start();

    QSqlQuery read(db);
    read.setForwardOnly(true);
    QSqlQuery update(db);
    if (!update.prepare(QStringLiteral("UPDATE source_contents SET bytes = ?, codec = ? WHERE source_file_id = ?")))
        return Error(sql::Store::tr("cannot store: %1").arg(update.lastError().text()));
    // Batch k is compressed on another thread while batch k + 1 is read and batch k - 1 written.
    std::future<PackedBatch> compressing;
    qint64 compressingLast = last;
    qint64 compressingCount = 0;
    for (;;) {
        QList<Unpacked> files;
        if (Result<void> selected = sql::select(read,
                                                QStringLiteral("SELECT source_file_id, bytes FROM source_contents "
                                                               "WHERE source_file_id > ? AND codec = 0 "
                                                               "ORDER BY source_file_id LIMIT %1")
                                                    .arg(kPackBatch),
                                                {last});
            !selected)
            return selected;
        while (read.next())
            files.append({read.value(0).toLongLong(), read.value(1).toByteArray()});
        read.finish();
        if (compressing.valid()) {
            const PackedBatch batch = compressing.get();
            sql::WriteScope transaction(db);
            if (!transaction.isActive())
                return transaction.error();
            for (qsizetype k = 0; k < batch.ids.size(); ++k) {
                update.addBindValue(batch.packed.at(k).bytes);
                update.addBindValue(batch.packed.at(k).codec);
                update.addBindValue(batch.ids.at(k));
                if (!update.exec())
                    return Error(sql::Store::tr("cannot store: %1").arg(update.lastError().text()));
            }
            if (Result<void> marked =
                    sql::exec(db, QStringLiteral("UPDATE source_packing SET after_id = ?"), {compressingLast});
                !marked)
                return marked;
            if (Result<void> committed = transaction.commit(); !committed)
                return committed;
            done += compressingCount;
            UpgradeProgress::report(what, done, total);
            qCInfo(lcStore).noquote() << QStringLiteral("compressing the stored files: %1/%2, %3 s")
                                             .arg(done)
                                             .arg(total)
                                             .arg(timer.elapsed() / 1000.0, 0, 'f', 1);
        }
        if (files.isEmpty())
            break;
        last = files.back().id;
        compressingLast = last;
        compressingCount = files.size();
        compressing = std::async(std::launch::async, [files = std::move(files)] { return compressAll(files); });
    }
    if (done != total) // files stored compressed already were in no batch
        UpgradeProgress::report(what, total, total);
    return sql::exec(db, QStringLiteral("DELETE FROM source_packing"));
}

} // namespace dubao::sourcebytes
