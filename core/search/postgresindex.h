// The full-text index of a team library (schema v13, docs/search.md "On a team library"): Dubao's own tokens
// (tokenizer.h, the same as FTS5's) computed here and stored per paragraph, headline and note as a PostgreSQL
// tsvector of the `simple` configuration under a GIN index; a query becomes a tsquery of the same token phrases
// (`<->`). Server triggers queue what a transaction writes in search_pending; indexPending() indexes it before the
// transaction commits (schema::registerBeforeCommit), so the index and the text commit together.
#pragma once

#include "core/model/result.h"
#include "core/search/hitscan.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace dubao {
struct SearchQuery;
struct QueryTerm;
} // namespace dubao

namespace dubao::search::postgres {

/// A text's tokens as a tsvector literal (`'ab':1 'bc':2 'c':3`), positions 1-based, one per token position.
struct Vector
{
    QString literal;
    int length = 0; ///< tokens, as FTS5 counts a row's size (ranking)
    /// The text does not fit PostgreSQL's tsvector exactly (a position past 16,383, more than 255 positions of one
    /// token, a token over 2 KB, or a very large vector): `literal` is empty and the row is matched in C++ instead.
    bool overflow = false;
};

/// The tokens of `columns` (one text each: kicker, title, subtitles), a gap between columns so that no phrase
/// spans two of them (as FTS5's columns).
Vector documentVector(const QStringList &columns);

/// tsquery of one term: its tokens joined by `<->`, a prefix token as `'c':*`.
QString phraseQuery(const QList<QByteArray> &tokens);
/// tsquery of a query's text terms: clauses AND-ed, each an OR of its terms, then AND NOT the excluded terms. Empty
/// without text terms. What FTS5's SearchQuery::matchExpression() says, in PostgreSQL's words.
QString textQuery(const SearchQuery &query);
/// tsquery of the title: terms, AND-ed. Empty without them.
QString titleQuery(const SearchQuery &query);

/// Whether `text` holds the query's text terms as the index would find them (clauses, alternatives, exclusions):
/// for rows whose vector overflowed.
bool matchesText(const SearchQuery &query, const QString &text);
/// Whether every title: term is in one of the columns.
bool matchesTitle(const SearchQuery &query, const QStringList &columns);

/// The rows of search_paragraphs, search_headlines or search_notes that overflowed (few or none) and match: their
/// ids (block, article or note), to be OR-ed into the tsquery's condition.
struct OverflowMatches
{
    QList<qint64> paragraphs;
    QList<qint64> headlines;
    QList<qint64> notes;
};
Result<OverflowMatches> overflowMatches(QSqlDatabase db, const SearchQuery &query);

/// Hits per key day of a paragraph search's " FROM … WHERE …" (searchplan.h), as search::hitsByKeyDay on SQLite.
Result<QMap<qint64, qint64>> hitsByKeyDay(QSqlDatabase db, const QString &fromWhere, const QVariantList &binds);

/// The newest `most` hits of a paragraph search with dubao_rank()'s score (ranking.h), computed here: each hit's
/// matches per phrase counted in its text by the highlighter, its length from the index, the average length over
/// the whole index — what FTS5 gives dubao_rank() on SQLite. With `inverseDocumentFrequency`, each phrase weighs as
/// in FTS5's bm25() (what SQLite ranks with when all hits are ranked).
Result<QList<ScoredHit>> newestScoredHits(QSqlDatabase db, const QString &fromWhere, const QVariantList &binds,
                                          const SearchQuery &query, qint64 most, bool inverseDocumentFrequency);

/// Indexes what search_pending lists (paragraphs, headlines, notes written in this transaction) and empties it. Runs
/// inside the caller's transaction; nothing when the library has no index yet (schema < 13).
Result<void> indexPending(QSqlDatabase &db);

/// The SQLite day of an issue date in a paragraph's key (key = day << 32 | block id): CAST(julianday(date) AS
/// INTEGER), i.e. QDate's Julian day minus one; 0 without a full date.
qint64 keyDay(const QString &isoDate);

/// Registers schema v13's PostgreSQL script and indexPending() as a step before every commit on a team library.
void registerPostgresIndex();

} // namespace dubao::search::postgres
