#include "core/search/hitscan.h"

#include "core/search/ranking.h"
#include "core/search/searchservice.h"
#include "core/store/sql.h"

#include <QVariant>

#include <sqlite3.h>

#include <algorithm>
#include <memory>

namespace dubao::search {

namespace {

using Statement = std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt *)>;

QString databaseError(sqlite3 *handle)
{
    return SearchService::tr("database error: %1").arg(QString::fromUtf8(sqlite3_errmsg(handle)));
}

Result<Statement> prepare(sqlite3 *handle, const QString &sql, const QVariantList &binds)
{
    const QByteArray text = sql.toUtf8();
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(handle, text.constData(), int(text.size()), &statement, nullptr) != SQLITE_OK)
        return Error(databaseError(handle));
    Statement owner(statement, sqlite3_finalize);
    for (qsizetype k = 0; k < binds.size(); ++k) {
        const QVariant &value = binds[k];
        if (value.typeId() == QMetaType::LongLong || value.typeId() == QMetaType::Int) {
            sqlite3_bind_int64(statement, int(k) + 1, value.toLongLong());
        } else {
            const QByteArray utf8 = value.toString().toUtf8();
            sqlite3_bind_text(statement, int(k) + 1, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
        }
    }
    return owner;
}

} // namespace

// The rowids come in ascending order, so a day's hits are a run of rowids with the same upper half. A GROUP BY of
// the same (a sort of every hit in a temp b-tree) took 1.4 s for the 870,000 hits of 永川 on the 1 GB library; this
// loop a fraction of it.
Result<QMap<qint64, qint64>> hitsByKeyDay(QSqlDatabase db, const QString &fromWhere, const QVariantList &binds)
{
    sqlite3 *handle = sql::handle(db);
    Result<Statement> statement = prepare(handle, QStringLiteral("SELECT search_blocks.rowid") + fromWhere, binds);
    if (!statement)
        return statement.error();
    QMap<qint64, qint64> days;
    qint64 day = -1;
    qint64 run = 0;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(statement->get())) == SQLITE_ROW) {
        const qint64 rowDay = sqlite3_column_int64(statement->get(), 0) >> 32;
        if (rowDay != day) {
            if (run > 0)
                days[day] += run;
            day = rowDay;
            run = 0;
        }
        ++run;
    }
    if (run > 0)
        days[day] += run;
    if (rc != SQLITE_DONE)
        return Error(databaseError(handle));
    return days;
}

Result<QList<ScoredHit>> newestScoredHits(QSqlDatabase db, const QString &fromWhere, const QVariantList &binds,
                                          qint64 most)
{
    sqlite3 *handle = sql::handle(db);
    Result<Statement> statement =
        prepare(handle,
                QStringLiteral("SELECT search_blocks.rowid, %1(search_blocks)").arg(QLatin1String(kRankFunctionName)) +
                    fromWhere + QStringLiteral(" ORDER BY search_blocks.rowid DESC LIMIT %1").arg(most),
                binds);
    if (!statement)
        return statement.error();
    QList<ScoredHit> hits;
    hits.reserve(qsizetype(std::min<qint64>(most, 100000)));
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(statement->get())) == SQLITE_ROW)
        hits.append({sqlite3_column_int64(statement->get(), 0), sqlite3_column_double(statement->get(), 1)});
    if (rc != SQLITE_DONE)
        return Error(databaseError(handle));
    return hits;
}

void sortByScore(QList<ScoredHit> &hits)
{
    std::sort(hits.begin(), hits.end(), [](const ScoredHit &a, const ScoredHit &b) {
        return a.score < b.score || (a.score == b.score && a.rowid > b.rowid);
    });
}

} // namespace dubao::search
