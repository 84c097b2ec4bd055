// The pairs and clusters as JSON and CSV (reuseexport.h).
#include "core/reuse/reuseexport.h"

#include "core/reuse/reusearticles.h"
#include "core/store/dialect.h"
#include "core/store/library.h"
#include "core/store/sql.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace dubao {

namespace {

/// One CSV field: quoted (quotes doubled) when it holds a comma, a quote or a line break.
QByteArray field(const QString &value)
{
    QByteArray bytes = value.toUtf8();
    if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\n') || bytes.contains('\r')) {
        bytes.replace("\"", "\"\"");
        bytes = '"' + bytes + '"';
    }
    return bytes;
}

QByteArray number(double value)
{
    return QByteArray::number(value, 'g', 6);
}

QByteArray row(const QList<QByteArray> &fields)
{
    QByteArray line;
    for (qsizetype k = 0; k < fields.size(); ++k) {
        if (k > 0)
            line += ',';
        line += fields[k];
    }
    return line + "\r\n";
}

const QByteArray kBom("\xEF\xBB\xBF");

struct ArticleInfo
{
    QString date, publication, title;
};

} // namespace

QJsonObject reusePairJson(const ReusePair &p)
{
    return QJsonObject{{QStringLiteral("a"), p.a},
                       {QStringLiteral("b"), p.b},
                       {QStringLiteral("shared_chars"), p.sharedChars},
                       {QStringLiteral("coverage_a"), p.coverageA},
                       {QStringLiteral("coverage_b"), p.coverageB},
                       {QStringLiteral("boilerplate"), p.boilerplate},
                       {QStringLiteral("quotation"), p.quotation},
                       {QStringLiteral("passages"), reusePassagesJson(p.passages)}};
}

QJsonObject reuseJson(const QList<ReusePair> &pairs, const QList<ReuseCluster> &clusters)
{
    QJsonArray pairList;
    for (const ReusePair &p : pairs)
        pairList.append(reusePairJson(p));
    QJsonArray clusterList;
    for (const ReuseCluster &c : clusters) {
        QJsonArray articles;
        for (qint64 id : c.articles)
            articles.append(id);
        clusterList.append(QJsonObject{{QStringLiteral("articles"), articles},
                                       {QStringLiteral("source"), c.source ? QJsonValue(*c.source) : QJsonValue()}});
    }
    return QJsonObject{{QStringLiteral("pairs"), pairList}, {QStringLiteral("clusters"), clusterList}};
}

Result<QByteArray> reusePairsCsv(Library &library, const QList<ReusePair> &pairs)
{
    QJsonArray ids;
    for (const ReusePair &p : pairs)
        ids << p.a << p.b;
    QHash<qint64, ArticleInfo> info;
    QSqlQuery q(library.database());
    if (Result<void> read = sql::select(
            q,
            QStringLiteral("SELECT a.id, i.date, p.name, a.title FROM articles a JOIN issues i ON i.id = a.issue_id "
                           "LEFT JOIN publications p ON p.id = i.publication_id "
                           "WHERE a.id IN (%1)")
                .arg(dialect::idsFromJson(library.database())),
            {QString::fromUtf8(QJsonDocument(ids).toJson(QJsonDocument::Compact))});
        !read)
        return read.error();
    while (q.next())
        info.insert(q.value(0).toLongLong(), {q.value(1).toString(), q.value(2).toString(), q.value(3).toString()});

    QByteArray out = kBom;
    out += row({"a", "b", "a_date", "a_publication", "a_title", "b_date", "b_publication", "b_title", "shared_chars",
                "coverage_a", "coverage_b", "boilerplate", "quotation", "passage_count", "passages"});
    for (const ReusePair &p : pairs) {
        const ArticleInfo a = info.value(p.a), b = info.value(p.b);
        out +=
            row({QByteArray::number(p.a), QByteArray::number(p.b), field(a.date), field(a.publication), field(a.title),
                 field(b.date), field(b.publication), field(b.title), QByteArray::number(p.sharedChars),
                 number(p.coverageA), number(p.coverageB), p.boilerplate ? "1" : "0", p.quotation ? "1" : "0",
                 QByteArray::number(p.passages.size()), field(reuse::passagesToJson(p.passages))});
    }
    return out;
}

QByteArray reuseClustersCsv(const QList<ReuseClusterDetails> &clusters)
{
    QByteArray out = kBom;
    out += row({"cluster", "article", "source", "publication", "date", "title", "lag_days", "shared"});
    for (qsizetype c = 0; c < clusters.size(); ++c) {
        for (const ReuseClusterCopy &copy : clusters[c].copies) {
            const bool source = clusters[c].source && *clusters[c].source == copy.article;
            out += row({QByteArray::number(c + 1), QByteArray::number(copy.article), source ? "1" : "0",
                        field(copy.publication),
                        field(copy.date.isValid() ? copy.date.toString(Qt::ISODate) : QString()), field(copy.title),
                        copy.lagDays ? QByteArray::number(*copy.lagDays) : QByteArray(), number(copy.shared)});
        }
    }
    return out;
}

} // namespace dubao
