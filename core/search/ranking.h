// The FTS5 ranking function dubao_rank(): BM25 without the inverse document frequency. SearchService ranks the
// newest SearchService::kRankedHits hits of a common query with it. FTS5's own bm25() first counts the documents
// that hold each phrase of the query, a scan of every hit (as long as the count itself); within the newest hits of
// a one-phrase query that weight is the same for every row, so the order is the same without it. See docs/search.md.
#pragma once

#include "core/model/result.h"

struct sqlite3;

namespace dubao::search {

/// The function's SQL name: `dubao_rank(search_blocks)`, smaller is better (as bm25()).
inline constexpr const char *kRankFunctionName = "dubao_rank";

/// `dubao_phrase_counts(search_blocks)`: the row's matches per phrase of the query, as a blob of native ints (what
/// dubao_rank() scores, without reading the row's length), for callers that read the lengths themselves in order.
inline constexpr const char *kPhraseCountsFunctionName = "dubao_phrase_counts";

/// One phrase's share of dubao_rank()'s score (positive; the function returns minus the sum over phrases): `frequency`
/// matches in a row of `length` tokens, `averageLength` tokens per row in the table.
double phraseScore(int frequency, int length, double averageLength);

/// Registers dubao_rank() and dubao_phrase_counts() with FTS5 on this connection (per connection, as the tokenizer).
Result<void> registerRankFunction(sqlite3 *db);

} // namespace dubao::search
