#include "core/store/authorshiplookup.h"

#include "core/store/dialect.h"
#include "core/store/library.h"

#include <QSqlQuery>
#include <QVariant>

namespace dubao {

namespace {

// The ids as the JSON array dialect::idsFromJson() reads: one bound value, however many ids.
QVariant idArray(const QList<qint64> &ids)
{
    QString list = QStringLiteral("[");
    for (const qint64 id : ids) {
        if (list.size() > 1)
            list += u',';
        list += QString::number(id);
    }
    return QString(list + u']');
}

bool run(QSqlQuery &query, const QString &sql, const QList<qint64> &ids)
{
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        return false;
    query.addBindValue(idArray(ids));
    return query.exec();
}

} // namespace

QHash<qint64, QHash<qint64, QString>> taggersOf(Library &library, const char *table, const char *key,
                                                const QList<qint64> &ids)
{
    QHash<qint64, QHash<qint64, QString>> result;
    if (ids.isEmpty())
        return result;
    QSqlQuery query(library.database());
    if (!run(query,
             QStringLiteral("SELECT %2, tag_id, created_by FROM %1 WHERE %2 IN (%3)")
                 .arg(QLatin1String(table), QLatin1String(key), dialect::idsFromJson(library.database())),
             ids))
        return result;
    while (query.next())
        result[query.value(0).toLongLong()].insert(query.value(1).toLongLong(), query.value(2).toString());
    return result;
}

} // namespace dubao
