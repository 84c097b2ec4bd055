// One article as the reader sees its reuse (ReuseIndex::articleReuse()): the copies that share its passages, the
// marks of those passages, and its own text — from the stored pairs, without aligning anything.
#include "core/reuse/reusearticles.h"
#include "core/reuse/reuseindex.h"
#include "core/store/dialect.h"
#include "core/store/library.h"
#include "core/store/sql.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

#include <algorithm>

namespace dubao {

int ArticleReuse::sourceCopy() const
{
    if (copies.isEmpty() || !date.isValid())
        return -1;
    const ReuseCopy &first = copies.front(); // earliest first, undated last
    return first.date.isValid() && first.date <= date ? 0 : -1;
}

Result<ArticleReuse> ReuseIndex::articleReuse(qint64 article, int minChars) const
{
    ArticleReuse reuse;
    if (!exists())
        return reuse;
    reuse.indexed = true;
    QSqlDatabase db = m_library.database();
    const Result<reuse::ArticleText> text = reuse::readArticleText(db, article);
    if (!text)
        return text.error();
    if (text->id == 0)
        return Error(tr("no article with id %1").arg(article));
    reuse.foldedChars = text->folded.size();
    reuse.date = QDate::fromString(
        sql::scalar(db,
                    QStringLiteral("SELECT i.date FROM articles a JOIN issues i ON i.id = a.issue_id WHERE a.id = ?"),
                    {article})
            .toString(),
        Qt::ISODate);

    Result<QList<ReusePair>> pairs = pairsOf(article, minChars);
    if (!pairs)
        return pairs.error();
    QList<ReusePair> shared;
    for (const ReusePair &p : std::as_const(*pairs))
        if (!p.boilerplate)
            shared.append(p);

    // The copies: their titles, publications and dates in one statement.
    QHash<qint64, ReuseCopy> copies;
    QStringList ids;
    for (const ReusePair &p : std::as_const(shared)) {
        copies.insert(p.b, ReuseCopy{p.b, {}, {}, {}, false, p.sharedChars, p.coverageA, p.coverageB});
        ids.append(QString::number(p.b));
    }
    if (!ids.isEmpty()) {
        QSqlQuery q(db);
        if (Result<void> read = sql::select(
                q, QStringLiteral("SELECT a.id, a.title, p.name, i.date, s.publication_id IS NOT NULL FROM articles a "
                                  "JOIN issues i ON i.id = a.issue_id "
                                  "LEFT JOIN publications p ON p.id = i.publication_id "
                                  "LEFT JOIN reuse_sources s ON s.publication_id = i.publication_id "
                                  "WHERE a.id IN (%1)")
                       .arg(ids.join(u','))); // ids of integers read from the pairs
            !read)
            return read.error();
        while (q.next()) {
            ReuseCopy &c = copies[q.value(0).toLongLong()];
            c.title = q.value(1).toString();
            c.publication = q.value(2).toString();
            c.date = QDate::fromString(q.value(3).toString(), Qt::ISODate);
            c.reference = q.value(4).toBool();
        }
    }
    reuse.copies = copies.values();
    // Earliest first; on one day a reference collection first; undated last; then the most shared.
    std::sort(reuse.copies.begin(), reuse.copies.end(), [](const ReuseCopy &x, const ReuseCopy &y) {
        if (x.date.isValid() != y.date.isValid())
            return x.date.isValid();
        if (x.date != y.date)
            return x.date < y.date;
        if (x.reference != y.reference)
            return x.reference;
        if (x.sharedChars != y.sharedChars)
            return x.sharedChars > y.sharedChars;
        return x.article < y.article;
    });
    QHash<qint64, int> indexOf;
    for (int i = 0; i < reuse.copies.size(); ++i)
        indexOf.insert(reuse.copies[i].article, i);

    // The marks: per block, the union of the passages' ranges, each with the copies whose passages overlap it.
    struct Range
    {
        int start, end, copy;
    };
    QHash<qint64, QList<Range>> byBlock;
    for (const ReusePair &p : std::as_const(shared))
        for (const ReusePassage &passage : p.passages)
            byBlock[passage.aBlock].append({passage.aStart, passage.aEnd, indexOf.value(p.b)});
    for (int blockIndex = 0; blockIndex < text->blockIds.size(); ++blockIndex) {
        const qint64 blockId = text->blockIds[blockIndex];
        auto it = byBlock.find(blockId);
        if (it == byBlock.end())
            continue;
        QList<Range> &ranges = *it;
        std::sort(ranges.begin(), ranges.end(), [](const Range &x, const Range &y) { return x.start < y.start; });
        ReuseMark mark{blockId, ranges.front().start, ranges.front().end, {}};
        for (const Range &r : std::as_const(ranges)) {
            if (r.start >= mark.end) {
                std::sort(mark.copies.begin(), mark.copies.end());
                reuse.marks.append(mark);
                mark = ReuseMark{blockId, r.start, r.end, {}};
            }
            mark.end = std::max(mark.end, r.end);
            if (!mark.copies.contains(r.copy))
                mark.copies.append(r.copy);
        }
        std::sort(mark.copies.begin(), mark.copies.end());
        reuse.marks.append(mark);
    }

    // Own text: the folded characters no mark covers.
    QHash<qint64, QList<QPair<int, int>>> covered;
    for (const ReuseMark &m : std::as_const(reuse.marks))
        covered[m.blockId].append({m.start, m.end});
    for (int i = 0; i < reuse.foldedChars; ++i) {
        bool inside = false;
        for (const auto &[start, end] : covered.value(text->blockIds[text->folded.blocks[i]]))
            inside = inside || (text->folded.starts[i] >= start && text->folded.starts[i] < end);
        if (!inside)
            ++reuse.ownChars;
    }
    return reuse;
}

Result<QList<ReuseClusterDetails>> ReuseIndex::clusterDetails(int minChars, const std::atomic_bool *cancel) const
{
    const Result<QList<ReusePair>> all = pairs(minChars);
    if (!all)
        return all.error();
    QHash<qint64, double> shared; // per article: the most another shares of it
    for (const ReusePair &p : std::as_const(*all)) {
        if (p.boilerplate || p.quotation) // a copy's share, not a quotation's
            continue;
        shared[p.a] = std::max(shared.value(p.a), p.coverageA);
        shared[p.b] = std::max(shared.value(p.b), p.coverageB);
    }
    if (cancel && cancel->load())
        return Error(tr("cancelled"));
    const QList<ReuseCluster> clusters = this->clusters(*all);

    QJsonArray ids;
    for (auto it = shared.cbegin(); it != shared.cend(); ++it)
        ids.append(it.key());
    QHash<qint64, ReuseClusterCopy> info;
    QSqlQuery q(m_library.database());
    if (Result<void> read = sql::select(
            q,
            QStringLiteral("SELECT a.id, a.title, p.name, i.date FROM articles a JOIN issues i ON i.id = a.issue_id "
                           "LEFT JOIN publications p ON p.id = i.publication_id "
                           "WHERE a.id IN (%1)")
                .arg(dialect::idsFromJson(m_library.database())),
            {QString::fromUtf8(QJsonDocument(ids).toJson(QJsonDocument::Compact))});
        !read)
        return read.error();
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        info.insert(id, ReuseClusterCopy{id, q.value(1).toString(), q.value(2).toString(),
                                         QDate::fromString(q.value(3).toString(), Qt::ISODate), std::nullopt,
                                         shared.value(id)});
    }

    QList<ReuseClusterDetails> details;
    details.reserve(clusters.size());
    for (const ReuseCluster &cluster : clusters) {
        ReuseClusterDetails d;
        d.source = cluster.source;
        const QDate sourceDate = cluster.source ? info.value(*cluster.source).date : QDate();
        for (qint64 id : cluster.articles) {
            ReuseClusterCopy copy = info.value(id);
            copy.article = id;
            if (cluster.source && id != *cluster.source && sourceDate.isValid() && copy.date.isValid())
                copy.lagDays = int(sourceDate.daysTo(copy.date));
            d.copies.append(copy);
        }
        std::stable_sort(d.copies.begin(), d.copies.end(), [&](const ReuseClusterCopy &x, const ReuseClusterCopy &y) {
            const bool xs = cluster.source && x.article == *cluster.source,
                       ys = cluster.source && y.article == *cluster.source;
            if (xs != ys)
                return xs;
            if (x.date.isValid() != y.date.isValid())
                return x.date.isValid();
            return x.date < y.date;
        });
        details.append(d);
    }
    return details;
}

} // namespace dubao
