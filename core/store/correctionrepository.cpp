// The corrections table: see correctionrepository.h.
#include "core/store/correctionrepository.h"

#include "core/store/bareconnection.h"
#include "core/store/changenotice.h"
#include "core/store/dialect.h"
#include "core/store/library.h"
#include "core/store/sql.h"

namespace dubao {

using namespace sql;

namespace {

const char kColumns[] =
    "id, kind, block_id, issue_id, start, \"end\", text, original, prefix, suffix, article_position, "
    "article_title, block_position, article_start, author, orphan, created_at, shown_start, shown_end";

Correction fromRow(const QSqlQuery &q)
{
    Correction c;
    c.id = q.value(0).toLongLong();
    c.kind = correctionKindFromName(q.value(1).toString()).value_or(CorrectionKind::Text);
    c.blockId = q.value(2).toLongLong();
    c.anchor.issueId = q.value(3).toLongLong();
    c.start = q.value(4).toInt();
    c.end = q.value(5).toInt();
    c.text = q.value(6).toString();
    c.original = q.value(7).toString();
    c.anchor.quote = c.original;
    c.anchor.prefix = q.value(8).toString();
    c.anchor.suffix = q.value(9).toString();
    c.anchor.articlePosition = q.value(10).toInt();
    c.anchor.articleTitle = q.value(11).toString();
    c.anchor.blockPosition = q.value(12).toInt();
    c.anchor.articleStart = q.value(13).toInt();
    c.author = q.value(14).toString();
    c.orphan = q.value(15).toInt() != 0;
    c.createdAt = q.value(16).toString();
    c.shownStart = q.value(17).toInt();
    c.shownEnd = q.value(18).toInt();
    return c;
}

Result<QList<Correction>> read(QSqlDatabase db, const QString &where, const QVariantList &values = {})
{
    QSqlQuery q(db);
    if (Result<void> done =
            select(q, QStringLiteral("SELECT %1 FROM corrections %2").arg(QLatin1String(kColumns), where), values);
        !done)
        return done.error();
    QList<Correction> result;
    while (q.next())
        result.append(fromRow(q));
    return result;
}

} // namespace

CorrectionRepository::CorrectionRepository(Library &library)
    : m_library(library)
{}

Result<qint64> CorrectionRepository::insert(const Correction &c)
{
    QSqlDatabase db = m_library.database();
    WriteScope transaction(db);
    if (!transaction.isActive())
        return transaction.error();
    QSqlQuery q(db);
    if (Result<void> done =
            exec(q,
                 QStringLiteral(
                     "INSERT INTO corrections (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                         .arg(QLatin1String(kColumns)) +
                     dialect::returningId(db),
                 {idOrNull(c.id), correctionKindName(c.kind), idOrNull(c.blockId), idOrNull(c.anchor.issueId), c.start,
                  c.end, notNull(c.text), notNull(c.original), notNull(c.anchor.prefix), notNull(c.anchor.suffix),
                  c.anchor.articlePosition, notNull(c.anchor.articleTitle), c.anchor.blockPosition,
                  c.anchor.articleStart, notNull(c.author), c.orphan ? 1 : 0,
                  c.createdAt.isEmpty() ? nowUtc() : c.createdAt, c.shownStart, c.shownEnd});
        !done)
        return done.error();
    return transaction.commit(dialect::insertedId(q));
}

Result<Correction> CorrectionRepository::remove(qint64 id)
{
    const Result<std::optional<Correction>> found = find(id);
    if (!found)
        return found.error();
    if (!*found)
        return Error(Store::tr("no correction with id %1").arg(id));
    changes::deleting(m_library.database(), QStringLiteral("corrections"), QStringLiteral("t.id = ?"), {id});
    if (Result<void> done = exec(m_library.database(), QStringLiteral("DELETE FROM corrections WHERE id = ?"), {id});
        !done)
        return done.error();
    return **found;
}

Result<std::optional<Correction>> CorrectionRepository::find(qint64 id) const
{
    const Result<QList<Correction>> rows = read(m_library.database(), QStringLiteral("WHERE id = ?"), {id});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<Correction>();
    return std::optional<Correction>(rows->first());
}

Result<QList<Correction>> CorrectionRepository::list() const
{
    return read(m_library.database(), QStringLiteral("ORDER BY id"));
}

Result<QList<Correction>> CorrectionRepository::ofIssue(qint64 issueId) const
{
    return read(m_library.database(), QStringLiteral("WHERE issue_id = ? ORDER BY id"), {issueId});
}

Result<QList<Correction>> CorrectionRepository::ofBlocks(const QList<qint64> &blockIds) const
{
    if (blockIds.isEmpty())
        return QList<Correction>();
    QStringList ids;
    for (const qint64 id : blockIds)
        ids << QString::number(id);
    return read(m_library.database(),
                QStringLiteral("WHERE block_id IN (%1) AND orphan = 0 ORDER BY id").arg(ids.join(QLatin1Char(','))));
}

Result<QList<Correction>> CorrectionRepository::orphans() const
{
    return read(m_library.database(), QStringLiteral("WHERE orphan = 1 OR block_id IS NULL ORDER BY id DESC"));
}

Result<void> CorrectionRepository::place(const Correction &c)
{
    // Where a correction sits now; the row is written only when one of them changed (a re-parse places every
    // correction of the issue again, and most stay where they were).
    static const QStringList columns = {
        QStringLiteral("block_id"),         QStringLiteral("start"),         QStringLiteral("\"end\""),
        QStringLiteral("original"),         QStringLiteral("prefix"),        QStringLiteral("suffix"),
        QStringLiteral("article_position"), QStringLiteral("article_title"), QStringLiteral("block_position"),
        QStringLiteral("article_start"),    QStringLiteral("orphan"),        QStringLiteral("shown_start"),
        QStringLiteral("shown_end")};
    static const QString sql = [] {
        QStringList set;
        QStringList same;
        for (const QString &column : columns) {
            set << column + QStringLiteral(" = ?");
            same << column + QStringLiteral(" IS NOT DISTINCT FROM ?"); // both engines (SQLite >= 3.39)
        }
        return QStringLiteral("UPDATE corrections SET %1 WHERE id = ? AND NOT (%2)")
            .arg(set.join(QStringLiteral(", ")), same.join(QStringLiteral(" AND ")));
    }();
    const QVariantList place = {idOrNull(c.blockId),
                                c.start,
                                c.end,
                                notNull(c.original),
                                notNull(c.anchor.prefix),
                                notNull(c.anchor.suffix),
                                c.anchor.articlePosition,
                                notNull(c.anchor.articleTitle),
                                c.anchor.blockPosition,
                                c.anchor.articleStart,
                                c.orphan ? 1 : 0,
                                c.shownStart,
                                c.shownEnd};
    Q_ASSERT(place.size() == columns.size());
    return exec(m_library.database(), sql, place + QVariantList{c.id} + place);
}

QHash<qint64, QList<Correction>> CorrectionRepository::inBackup(const QString &backupFile)
{
    QHash<qint64, QList<Correction>> result;
    const BareConnection connection(backupFile, true);
    if (!connection.ok())
        return result;
    const Result<QList<Correction>> rows =
        read(connection.db(), QStringLiteral("WHERE issue_id IS NOT NULL AND orphan = 0 ORDER BY id"));
    if (rows)
        for (const Correction &c : *rows)
            result[c.anchor.issueId].append(c);
    return result;
}

} // namespace dubao
