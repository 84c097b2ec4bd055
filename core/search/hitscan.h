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

#include <atomic>
#include <optional>

namespace dubao {
struct SearchQuery;
}

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

/// The character of a query that is one Han character and nothing else (no filters, no dates): FTS5 answers it with
/// a prefix query, which merges the doclists of every bigram that starts with it before the first row. 0 otherwise.
char32_t singleCharacter(const SearchQuery &query);

/// The newest `most` hits of such a character with their dubao_rank() scores, found by reading the newest paragraphs'
/// text (the index's rows, newest first, through its docsize table) instead: a common character is in a good share of
/// them. Nothing (std::nullopt) when the character turns out too rare for that (it would take more than about
/// `maxRows` paragraphs): FTS5's prefix query is then the faster way, as its doclists are short.
Result<std::optional<QList<ScoredHit>>> newestHitsOfCharacter(QSqlDatabase db, char32_t character, qint64 most,
                                                              qint64 maxRows, const std::atomic_bool *cancel);

/// Sorts hits as SQL's "ORDER BY score, rowid DESC" does.
void sortByScore(QList<ScoredHit> &hits);

} // namespace dubao::search
