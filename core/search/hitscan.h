// Passes over a search's hits read with SQLite's own API, where QSqlQuery's cost per row would show: the hits per
// day (term trends) and the newest hits with their scores (the first page of a common term, counted and ranked in
// one pass). `fromWhere` is " FROM … WHERE …" of a paragraph search (rowid = the search key, docs/search.md).
#pragma once

#include "core/model/result.h"

#include <QList>
#include <QMap>
#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

namespace dubao::search {

struct ScoredHit
{
    qint64 rowid = 0;
    double score = 0; ///< dubao_rank(): lower is better
};

/// Hits per SQLite day number (the key's upper half; 0 for undated issues), in ascending order.
Result<QMap<qint64, qint64>> hitsByKeyDay(QSqlDatabase db, const QString &fromWhere, const QVariantList &binds);

/// The newest `most` hits (rowid descending) with their dubao_rank() scores.
Result<QList<ScoredHit>> newestScoredHits(QSqlDatabase db, const QString &fromWhere, const QVariantList &binds,
                                          qint64 most);

/// Sorts hits as SQL's "ORDER BY score, rowid DESC" does.
void sortByScore(QList<ScoredHit> &hits);

} // namespace dubao::search
