#include "core/search/ranking.h"

#include "core/search/searchindex.h"
#include "core/search/tokenizer.h"

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <vector>

namespace dubao::search {

namespace {

// BM25's parameters, as FTS5's bm25() has them.
constexpr double kK1 = 1.2;
constexpr double kB = 0.75;

struct QueryStats
{
    double averageLength = 1.0; ///< tokens per row
    int phrases = 0;
};

void deleteStats(void *p)
{
    delete static_cast<QueryStats *>(p);
}

// score = -Σ over phrases of tf·(k1 + 1) / (tf + k1·(1 − b + b·|row| / average)): bm25() with every phrase's
// weight 1. Negative, so that ascending order is best first, as with bm25().
void rank(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context, int, sqlite3_value **)
{
    auto *stats = static_cast<QueryStats *>(api->xGetAuxdata(fts, 0));
    if (!stats) {
        sqlite3_int64 rows = 0;
        sqlite3_int64 tokens = 0;
        auto *fresh = new QueryStats;
        if (api->xRowCount(fts, &rows) == SQLITE_OK && api->xColumnTotalSize(fts, -1, &tokens) == SQLITE_OK &&
            rows > 0 && tokens > 0)
            fresh->averageLength = double(tokens) / double(rows);
        fresh->phrases = api->xPhraseCount(fts);
        if (api->xSetAuxdata(fts, fresh, deleteStats) != SQLITE_OK) {
            sqlite3_result_error_nomem(context); // xSetAuxdata has freed it
            return;
        }
        stats = fresh;
    }
    int instances = 0;
    if (api->xInstCount(fts, &instances) != SQLITE_OK) {
        sqlite3_result_error(context, "dubao_rank: cannot read the matches", -1);
        return;
    }
    std::vector<int> frequency(size_t(std::max(stats->phrases, 0)), 0);
    for (int i = 0; i < instances; ++i) {
        int phrase = 0;
        int column = 0;
        int offset = 0;
        if (api->xInst(fts, i, &phrase, &column, &offset) == SQLITE_OK && phrase >= 0 &&
            size_t(phrase) < frequency.size())
            ++frequency[size_t(phrase)];
    }
    int length = 0;
    api->xColumnSize(fts, -1, &length);
    double score = 0;
    for (const int tf : frequency)
        score += phraseScore(tf, length, stats->averageLength);
    sqlite3_result_double(context, -score);
}

void phraseCounts(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context, int, sqlite3_value **)
{
    int instances = 0;
    if (api->xInstCount(fts, &instances) != SQLITE_OK) {
        sqlite3_result_error(context, "dubao_phrase_counts: cannot read the matches", -1);
        return;
    }
    // Called for every one of a common term's newest 5,000 hits: no allocation for the usual few phrases.
    const size_t phrases = size_t(std::max(api->xPhraseCount(fts), 0));
    std::array<int, 16> few{};
    std::vector<int> many(phrases > few.size() ? phrases : 0, 0);
    int *frequency = phrases > few.size() ? many.data() : few.data();
    for (int i = 0; i < instances; ++i) {
        int phrase = 0;
        int column = 0;
        int offset = 0;
        if (api->xInst(fts, i, &phrase, &column, &offset) == SQLITE_OK && phrase >= 0 && size_t(phrase) < phrases)
            ++frequency[phrase];
    }
    sqlite3_result_blob(context, frequency, int(phrases * sizeof(int)), SQLITE_TRANSIENT);
}

} // namespace

double phraseScore(int frequency, int length, double averageLength)
{
    const double norm = kK1 * (1.0 - kB + kB * double(length) / averageLength);
    return double(frequency) * (kK1 + 1.0) / (double(frequency) + norm);
}

Result<void> registerRankFunction(sqlite3 *db)
{
    const Result<fts5_api *> api = fts5Api(db);
    if (!api)
        return api.error();
    if ((*api)->xCreateFunction(*api, kRankFunctionName, nullptr, rank, nullptr) != SQLITE_OK ||
        (*api)->xCreateFunction(*api, kPhraseCountsFunctionName, nullptr, phraseCounts, nullptr) != SQLITE_OK)
        return Error(
            SearchIndex::tr("cannot register the search ranking: %1").arg(QString::fromUtf8(sqlite3_errmsg(db))));
    return {};
}

} // namespace dubao::search
