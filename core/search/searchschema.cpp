// Schema v3 — the full-text index — and the per-connection set-up (the tokenizer and the ranking function), registered
// with the store. The tables and triggers themselves are in searchindex.cpp; docs/search.md describes them.
#include "core/search/searchschema.h"

#include "core/search/postgresindex.h"
#include "core/search/ranking.h"
#include "core/search/searchindex.h"
#include "core/search/tokenizer.h"
#include "core/store/schema.h"
#include "core/store/sql.h"

namespace dubao {

namespace {

Result<void> migrateTo3(QSqlDatabase &db)
{
    // Runs inside the migration's transaction: a library with data gets its index here, in one go.
    // (SearchIndex::rebuild() is the same with progress and cancellation.)
    return SearchIndex::build(db, {}, nullptr, SearchIndex::KeyLayout::DayBlockId);
}

// Version 17: paragraph keys day << 20 | ordinal instead of day << 32 | block id (searchindex.cpp): the index made
// again, in this transaction (a fifth smaller; docs/search.md, sixth round). A team library's index keeps its keys.
Result<void> migrateTo17(QSqlDatabase &db)
{
    return SearchIndex::build(db, {}, nullptr, SearchIndex::KeyLayout::DayOrdinal);
}

Result<void> setUpConnection(QSqlDatabase &db)
{
    if (Result<void> registered = search::registerTokenizer(sql::handle(db)); !registered)
        return registered;
    return search::registerRankFunction(sql::handle(db));
}

} // namespace

void registerSearchSchema()
{
    schema::registerStep(3, "search", migrateTo3);
    // Version 13 is the index of a team library (postgresindex.h); an SQLite library's FTS5 index needs nothing new.
    schema::registerStep(13, "search", schema::unchangedOnSQLite);
    schema::registerStep(17, "search", migrateTo17);
    search::postgres::registerPostgresIndex();
    schema::registerConnectionSetUp("search", setUpConnection);
}

} // namespace dubao
