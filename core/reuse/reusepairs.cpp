// The queries of text reuse (reuseindex.h): the stored pairs, one article's pairs, a comparison made now, the
// clusters and their likely sources, and the reference collections.
#include "core/reuse/reusearticles.h"
#include "core/reuse/reuseindex.h"
#include "core/store/library.h"
#include "core/store/sql.h"

#include <QHash>
#include <QMap>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>
#include <numeric>

namespace dubao {

namespace {

void markQuotation(ReusePair &p, const ReuseParameters &parameters)
{
    int longest = 0; // in code points of a's text: what is stored of a passage
    for (const ReusePassage &passage : std::as_const(p.passages))
        longest = std::max(longest, passage.aEnd - passage.aStart);
    p.quotation =
        !p.boilerplate && p.sharedChars < parameters.quotationChars && longest < parameters.quotationPassageChars;
}

Result<QList<ReusePair>> readPairs(QSqlDatabase db, const ReuseParameters &parameters, const QString &where,
                                   const QVariantList &values)
{
    QList<ReusePair> pairs;
    QSqlQuery q(db);
    if (Result<void> read = sql::select(
            q,
            QStringLiteral("SELECT a, b, shared_chars, coverage_a, coverage_b, boilerplate, passages FROM reuse_pairs "
                           "WHERE %1 ORDER BY a, b")
                .arg(where),
            values);
        !read)
        return read.error();
    while (q.next()) {
        ReusePair p;
        p.a = q.value(0).toLongLong();
        p.b = q.value(1).toLongLong();
        p.sharedChars = q.value(2).toInt();
        p.coverageA = q.value(3).toDouble();
        p.coverageB = q.value(4).toDouble();
        p.boilerplate = q.value(5).toInt() != 0;
        p.passages = reuse::passagesFromJson(q.value(6).toString());
        markQuotation(p, parameters);
        pairs.append(p);
    }
    return pairs;
}

} // namespace

ReusePair ReusePair::swapped() const
{
    ReusePair s = *this;
    std::swap(s.a, s.b);
    std::swap(s.coverageA, s.coverageB);
    for (ReusePassage &p : s.passages) {
        std::swap(p.aBlock, p.bBlock);
        std::swap(p.aStart, p.bStart);
        std::swap(p.aEnd, p.bEnd);
        for (QPair<int, int> &m : p.matched)
            std::swap(m.first, m.second);
    }
    return s;
}

Result<QList<ReusePair>> ReuseIndex::pairs(int minChars) const
{
    return readPairs(m_library.database(), m_parameters, QStringLiteral("shared_chars >= ?"), {minChars});
}

Result<QList<ReusePair>> ReuseIndex::pairsOf(qint64 article, int minChars) const
{
    // Two indexed lookups (the primary key by a, reuse_pairs_b by b) rather than one OR over the table.
    Result<QList<ReusePair>> asA = readPairs(m_library.database(), m_parameters,
                                             QStringLiteral("a = ? AND shared_chars >= ?"), {article, minChars});
    if (!asA)
        return asA;
    Result<QList<ReusePair>> asB = readPairs(m_library.database(), m_parameters,
                                             QStringLiteral("b = ? AND shared_chars >= ?"), {article, minChars});
    if (!asB)
        return asB;
    QList<ReusePair> all = *asA;
    for (const ReusePair &p : std::as_const(*asB))
        all.append(p.swapped());
    std::stable_sort(all.begin(), all.end(),
                     [](const ReusePair &x, const ReusePair &y) { return x.sharedChars > y.sharedChars; });
    return all;
}

Result<ReusePair> ReuseIndex::compare(qint64 first, qint64 second) const
{
    QSqlDatabase db = m_library.database();
    const Result<reuse::ArticleText> a = reuse::readArticleText(db, first);
    if (!a)
        return a.error();
    const Result<reuse::ArticleText> b = reuse::readArticleText(db, second);
    if (!b)
        return b.error();
    for (const reuse::ArticleText *t : {&*a, &*b})
        if (t->id == 0)
            return Error(tr("no article with id %1").arg(t == &*a ? first : second));
    ReusePair pair = reuse::alignArticles(*a, *b, nullptr, true);
    // The boilerplate mark is the index's: a comparison made now reports what the index says of the pair.
    if (const QVariant stored =
            sql::scalar(db, QStringLiteral("SELECT boilerplate FROM reuse_pairs WHERE a = ? AND b = ?"),
                        {std::min(first, second), std::max(first, second)});
        stored.isValid())
        pair.boilerplate = stored.toInt() != 0;
    else if (pair.sharedChars > 0) // not stored: what they share is boilerplate, or a template years apart?
        pair.boilerplate =
            sharesOnlyBoilerplate(first, second) ||
            reuse::isTemplatePair(pair, reuse::articleDay(db, first), reuse::articleDay(db, second), m_parameters);
    markQuotation(pair, m_parameters);
    return pair;
}

QList<ReuseCluster> ReuseIndex::clusters(const QList<ReusePair> &pairs) const
{
    // Union-find over the articles of the pairs that are copies: not boilerplate, not a shared quotation.
    QHash<qint64, qint64> parent;
    auto find = [&](qint64 x) {
        while (parent.value(x, x) != x) {
            const qint64 up = parent.value(parent.value(x));
            parent[x] = up;
            x = up;
        }
        return x;
    };
    for (const ReusePair &p : pairs) {
        if (p.boilerplate || p.quotation)
            continue;
        parent.insert(p.a, parent.value(p.a, p.a));
        parent.insert(p.b, parent.value(p.b, p.b));
        const qint64 ra = find(p.a), rb = find(p.b);
        if (ra != rb)
            parent[std::max(ra, rb)] = std::min(ra, rb);
    }
    QMap<qint64, QList<qint64>> groups;
    for (auto it = parent.cbegin(); it != parent.cend(); ++it)
        groups[find(it.key())].append(it.key());

    // Each article's date and whether it is in a reference collection.
    QHash<qint64, QPair<QString, bool>> dated;
    QSqlQuery q(m_library.database());
    if (sql::select(q, QStringLiteral("SELECT a.id, i.date, s.publication_id IS NOT NULL FROM articles a "
                                      "JOIN issues i ON i.id = a.issue_id "
                                      "LEFT JOIN reuse_sources s ON s.publication_id = i.publication_id "
                                      "WHERE i.date IS NOT NULL AND a.id IN (SELECT a FROM reuse_pairs "
                                      "UNION SELECT b FROM reuse_pairs)")))
        while (q.next())
            dated.insert(q.value(0).toLongLong(), {q.value(1).toString(), q.value(2).toBool()});

    QList<ReuseCluster> result;
    for (QList<qint64> &articles : groups) {
        std::sort(articles.begin(), articles.end());
        ReuseCluster cluster;
        cluster.articles = articles;
        // The earliest dated copy, from a reference collection when the cluster has one; ties to the lower id.
        for (bool referenceOnly : {true, false}) {
            for (qint64 id : std::as_const(articles)) {
                const auto it = dated.constFind(id);
                if (it == dated.cend() || (referenceOnly && !it->second))
                    continue;
                if (!cluster.source || it->first < dated.value(*cluster.source).first)
                    cluster.source = id;
            }
            if (cluster.source)
                break;
        }
        result.append(cluster);
    }
    std::stable_sort(result.begin(), result.end(), [](const ReuseCluster &x, const ReuseCluster &y) {
        return x.articles.size() != y.articles.size() ? x.articles.size() > y.articles.size()
                                                      : x.articles.front() < y.articles.front();
    });
    return result;
}

Result<void> ReuseIndex::setReferenceCollection(const QString &publication, bool reference)
{
    QSqlDatabase db = m_library.database();
    const QVariant id = sql::scalar(db, QStringLiteral("SELECT id FROM publications WHERE name = ?"), {publication});
    if (!id.isValid())
        return Error(tr("no publication named %1").arg(publication));
    return sql::exec(db,
                     reference ? QStringLiteral("INSERT INTO reuse_sources(publication_id) VALUES (?) ON CONFLICT DO "
                                                "NOTHING")
                               : QStringLiteral("DELETE FROM reuse_sources WHERE publication_id = ?"),
                     {id});
}

QStringList ReuseIndex::referenceCollections() const
{
    QStringList names;
    QSqlQuery q(m_library.database());
    if (sql::select(q, QStringLiteral("SELECT p.name FROM reuse_sources s JOIN publications p "
                                      "ON p.id = s.publication_id ORDER BY p.name")))
        while (q.next())
            names.append(q.value(0).toString());
    return names;
}

} // namespace dubao
