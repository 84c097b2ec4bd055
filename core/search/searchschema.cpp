// Schema v3 — the full-text index — and the per-connection set-up (the tokenizer). The tables and triggers
// themselves are in searchindex.cpp; docs/search.md describes them.
#include "search/searchindex.h"
#include "search/tokenizer.h"
#include "store/schema.h"

namespace dubao::schema {

bool migrateTo3(QSqlDatabase &db, QString *error)
{
    // Runs inside the migration's transaction: a library with data gets its index here, in one go.
    // (SearchIndex::rebuild() is the same with progress and cancellation.)
    return SearchIndex::build(db, {}, nullptr, error);
}

bool setUpConnection(QSqlDatabase &db, QString *error)
{
    return search::registerTokenizer(SearchIndex::handle(db), error);
}

} // namespace dubao::schema
