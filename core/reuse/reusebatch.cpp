// What one batch of the reuse index's update reads ahead and writes in few statements (reusebatch.h).
#include "core/reuse/reusebatch.h"

#include "core/reuse/reusepostgres.h"
#include "core/reuse/reusetext.h"
#include "core/store/dialect.h"
#include "core/store/sql.h"

#include <QSet>

#include <algorithm>

namespace dubao::reuse {

QByteArray hashesToBlob(const std::vector<std::uint64_t> &hashes)
{
    QByteArray blob(qsizetype(hashes.size() * 8), Qt::Uninitialized);
    for (std::size_t k = 0; k < hashes.size(); ++k)
        for (int byte = 0; byte < 8; ++byte)
            blob[qsizetype(k * 8 + byte)] = char((hashes[k] >> (8 * byte)) & 0xFF);
    return blob;
}

std::vector<std::uint64_t> hashesFromBlob(const QByteArray &blob)
{
    std::vector<std::uint64_t> hashes(std::size_t(blob.size() / 8));
    for (std::size_t k = 0; k < hashes.size(); ++k)
        for (int byte = 0; byte < 8; ++byte)
            hashes[k] |= std::uint64_t(static_cast<unsigned char>(blob[qsizetype(k * 8 + byte)])) << (8 * byte);
    return hashes;
}

QString hashesJson(const std::vector<std::uint64_t> &hashes)
{
    QByteArray json;
    json.reserve(qsizetype(hashes.size() * 21 + 2));
    json.append('[');
    for (std::size_t k = 0; k < hashes.size(); ++k) {
        if (k > 0)
            json.append(',');
        json.append(QByteArray::number(asColumn(hashes[k])));
    }
    json.append(']');
    return QString::fromLatin1(json);
}

QString idsJson(const QList<qint64> &ids)
{
    QByteArray json;
    json.reserve(ids.size() * 12 + 2);
    json.append('[');
    for (qsizetype k = 0; k < ids.size(); ++k) {
        if (k > 0)
            json.append(',');
        json.append(QByteArray::number(ids[k]));
    }
    json.append(']');
    return QString::fromLatin1(json);
}

std::vector<std::uint64_t> fingerprintsOf(const ArticleText &text)
{
    std::vector<std::uint64_t> hashes;
    for (const Fingerprint &f : winnow(shingleHashes(text.folded.chars)))
        hashes.push_back(f.hash);
    std::sort(hashes.begin(), hashes.end());
    hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
    return hashes;
}

QString dayOfSql(const QSqlDatabase &db)
{
    return QStringLiteral("SELECT %1 FROM articles a JOIN issues i ON i.id = a.issue_id WHERE a.id = ?")
        .arg(dayOfDate(db, QStringLiteral("i.date")));
}

Result<std::optional<int>> dayOf(QSqlQuery &prepared, qint64 article)
{
    prepared.bindValue(0, article);
    if (!prepared.exec())
        return Error(sql::failureOf(prepared, sql::Store::tr("cannot read the library: %1"), false));
    std::optional<int> day;
    if (prepared.next() && !prepared.value(0).isNull())
        day = prepared.value(0).toInt();
    prepared.finish();
    return day;
}

Result<Window> readWindow(QSqlDatabase db, const QList<qint64> &articles)
{
    Window window;
    const QString ids = idsJson(articles);
    const QString in = u'(' + dialect::idsFromJson(db) + u')';
    QSqlQuery q(db);
    // The articles that exist, with their issue's day: readArticleText() and the statement dayOf, for all at once.
    if (Result<void> read =
            sql::select(q,
                        QStringLiteral("SELECT a.id, %1 FROM articles a LEFT JOIN issues i ON i.id = a.issue_id "
                                       "WHERE a.id IN %2")
                            .arg(dayOfDate(db, QStringLiteral("i.date")), in),
                        {ids});
        !read)
        return read.error();
    QHash<qint64, QList<QString>> texts;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        window.days.insert(id, q.value(1).isNull() ? std::nullopt : std::optional(q.value(1).toInt()));
        texts[id];
    }
    QHash<qint64, QList<qint64>> blockIds;
    if (Result<void> read = sql::select(
            q,
            QStringLiteral("SELECT article_id, id, text FROM blocks WHERE article_id IN %1 ORDER BY article_id, "
                           "position")
                .arg(in),
            {ids});
        !read)
        return read.error();
    while (q.next()) {
        const qint64 article = q.value(0).toLongLong();
        blockIds[article].append(q.value(1).toLongLong());
        texts[article].append(q.value(2).toString());
    }
    std::vector<std::uint64_t> all;
    for (auto it = texts.cbegin(); it != texts.cend(); ++it) {
        ArticleText text;
        text.id = it.key();
        text.blockIds = blockIds.value(it.key());
        text.texts = it.value();
        text.folded = foldBlocks(text.texts);
        std::vector<std::uint64_t> hashes = fingerprintsOf(text);
        all.insert(all.end(), hashes.begin(), hashes.end());
        window.fingerprints.insert(it.key(), std::move(hashes));
        window.texts.insert(it.key(), std::move(text));
    }

    if (Result<void> read = sql::select(
            q, QStringLiteral("SELECT article_id, fingerprints FROM reuse_articles WHERE article_id IN %1").arg(in),
            {ids});
        !read)
        return read.error();
    while (q.next())
        window.oldBlobs.insert(q.value(0).toLongLong(), q.value(1).toByteArray());

    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end()), all.end());
    if (!all.empty()) {
        if (Result<void> read = sql::select(
                q,
                QStringLiteral(
                    "SELECT hash, articles, first_day, last_day, frequent FROM reuse_hashes WHERE hash IN %1")
                    .arg(in),
                {hashesJson(all)});
            !read)
            return read.error();
        while (q.next())
            window.stats.insert(q.value(0).toLongLong(),
                                HashStats{q.value(1).toInt(),
                                          q.value(2).isNull() ? std::nullopt : std::optional(q.value(2).toInt()),
                                          q.value(3).isNull() ? std::nullopt : std::optional(q.value(3).toInt()),
                                          q.value(4).toInt() != 0});
    }
    return window;
}

PairBuffer::PairBuffer(QSqlDatabase db)
    : m_insert(db,
               QStringLiteral("INSERT INTO reuse_pairs(a, b, shared_chars, coverage_a, coverage_b, boilerplate, "
                              "fingerprints, formulas, passages)"),
               9,
               QStringLiteral("ON CONFLICT (a, b) DO UPDATE SET shared_chars = excluded.shared_chars, coverage_a = "
                              "excluded.coverage_a, coverage_b = excluded.coverage_b, boilerplate = "
                              "excluded.boilerplate, fingerprints = excluded.fingerprints, formulas = "
                              "excluded.formulas, passages = excluded.passages"))
{}

void PairBuffer::put(const QVariantList &row)
{
    m_rows.insert({row[0].toLongLong(), row[1].toLongLong()}, row);
}

QList<qint64> PairBuffer::takePairsOf(qint64 article, int minChars)
{
    QList<qint64> partners;
    for (auto it = m_rows.begin(); it != m_rows.end();) {
        const auto [a, b] = it.key();
        if (a != article && b != article) {
            ++it;
            continue;
        }
        if (it.value()[2].toInt() >= minChars && it.value()[5].toInt() == 0)
            partners.append(a == article ? b : a);
        it = m_rows.erase(it);
    }
    return partners;
}

Result<void> PairBuffer::flush()
{
    for (const QVariantList &row : std::as_const(m_rows))
        if (Result<void> added = m_insert.add(row); !added)
            return added;
    m_rows.clear();
    return m_insert.flush();
}

} // namespace dubao::reuse
