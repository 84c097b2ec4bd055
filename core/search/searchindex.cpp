// Schema v3 (the full-text index) and its (re)building. Design and trade-offs: docs/search.md.
//
// search_blocks   FTS5, contentless, one row per block; rowid = the block's key (below). Newest/oldest first is
//                 then FTS5's own rowid order, and from:/to: are rowid ranges: no join per hit.
// search_block_keys  block id ↔ that key (unique index on the key since schema v17). A contentless FTS5 row is
//                 deleted by giving its rowid and text again; when an issue is deleted its blocks go by cascade
//                 after the issue row is gone, so the key is kept here.
//
// The key (schema v17, index layout 3): day << 20 | the paragraph's ordinal within its day, where day is the issue's
// Julian day as SQLite counts it; ordinals are given in the order paragraphs are indexed (block id order in a
// rebuild), a day's next one after its largest. Undated paragraphs take keys from -2^62 up, below every day.
// FTS5 stores each doclist entry's rowid as a varint delta from the one before: with schema v3–v16's key
// (day << 32 | block id, layout 2, kept below for the migrations) every step to another day cost a 5-byte delta;
// this one costs 2–4 bytes, a fifth of the index (docs/search.md, sixth round). The block id is no longer in the key:
// search_block_keys maps it back.
// search_articles FTS5, contentless, rowid = article id; columns kicker, title, subtitles (joined with " / ").
// search_notes    FTS5, contentless, rowid = note id (when the annotation tables exist).
// search_meta     tokenizer version and build state.
#include "core/search/searchindex.h"

#include "core/search/postgresindex.h"
#include "core/search/tokenizer.h"
#include "core/store/dialect.h"
#include "core/store/library.h"
#include "core/store/sql.h"

#include <QElapsedTimer>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

namespace dubao {

namespace {

/// Runs one statement of the index's; on failure "cannot update the search index: <SQLite's text>".
Result<void> exec(QSqlDatabase &db, const QString &sql, const QVariantList &values = {})
{
    QSqlQuery query(db);
    bool ok = query.prepare(sql);
    for (const QVariant &value : values)
        query.addBindValue(value);
    ok = ok && query.exec();
    if (!ok)
        return Error(SearchIndex::tr("cannot update the search index: %1").arg(query.lastError().text()));
    return {};
}

Result<void> exec(QSqlDatabase &db, const char *sql, const QVariantList &values = {})
{
    return exec(db, QString::fromUtf8(sql), values);
}

/// Runs the statements in order, stopping at the first that fails.
Result<void> execAll(QSqlDatabase &db, std::initializer_list<const char *> statements)
{
    for (const char *sql : statements) {
        if (Result<void> done = exec(db, sql); !done)
            return done;
    }
    return {};
}

bool tableExists(QSqlDatabase &db, const QString &name)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT 1 FROM sqlite_master WHERE name = ?"));
    query.addBindValue(name);
    return query.exec() && query.next();
}

qint64 scalar(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    return query.exec(sql) && query.next() ? query.value(0).toLongLong() : 0;
}

// The tokenizer's version and the layout of the index tables and triggers: a library indexed with another
// stamp is rebuilt (needsRebuild()). Layout 2: deferred indexing per import transaction, no pending tables (schema
// v3–v16). Layout 3: dense keys (schema v17).
int indexLayout(SearchIndex::KeyLayout layout)
{
    return layout == SearchIndex::KeyLayout::DayOrdinal ? 3 : 2;
}

QString tokenizerStamp(SearchIndex::KeyLayout layout = SearchIndex::KeyLayout::DayOrdinal)
{
    return QStringLiteral("dubao/%1 layout/%2").arg(search::tokenizerVersion()).arg(indexLayout(layout));
}

// Layout 2 (schema v3–v16): the rowid of a block in search_blocks, from the issue's date and the block's id.
#define DUBAO_BLOCK_KEY(dateExpr, idExpr)                                                                              \
    "(coalesce(CAST(julianday(" dateExpr ") AS INTEGER), 0) * 4294967296 + " idExpr ")"

// Layout 3 (schema v17): a day's keys are [LOW, HIGH); 1048576 = 2^20 = 1 << search::kKeyDayBits.
#define DUBAO_DAY(dateExpr) "CAST(julianday(" dateExpr ") AS INTEGER)"
#define DUBAO_KEY_LOW(dateExpr) "coalesce(" DUBAO_DAY(dateExpr) " * 1048576, -4611686018427387904)"
#define DUBAO_KEY_HIGH(dateExpr) "coalesce((" DUBAO_DAY(dateExpr) " + 1) * 1048576, 0)"
// The day's next free key: one after its largest, or its first.
#define DUBAO_NEXT_KEY(dateExpr)                                                                                       \
    "coalesce((SELECT nk.key + 1 FROM search_block_keys nk WHERE nk.key >= " DUBAO_KEY_LOW(                            \
        dateExpr) " AND nk.key < " DUBAO_KEY_HIGH(dateExpr) " ORDER BY nk.key DESC LIMIT 1), " DUBAO_KEY_LOW(dateExpr) ")"
#define DUBAO_DAY_FULL "'more than 1048576 paragraphs on one day: the search index has no key left for that day'"

#define DUBAO_SUBTITLES(col)                                                                                           \
    "(CASE WHEN json_valid(" col ") AND json_type(" col ") = 'array' THEN "                                            \
    "(SELECT group_concat(value, ' / ') FROM json_each(" col ")) ELSE " col " END)"

// Set inside an import transaction (SearchIndex::deferIndexing) and cleared before it commits, so only that
// transaction ever sees it: its new blocks and headlines skip the per-row index triggers and are indexed
// together by SearchIndex::indexDeferred().
#define DUBAO_DEFERRED "EXISTS (SELECT 1 FROM search_meta WHERE key = 'defer')"
// A block is in the index exactly when it has a key; a headline when FTS5 has its size row.
#define DUBAO_BLOCK_INDEXED(id) "EXISTS (SELECT 1 FROM search_block_keys WHERE block_id = " id ")"
#define DUBAO_ARTICLE_INDEXED(id) "EXISTS (SELECT 1 FROM search_articles_docsize WHERE id = " id ")"
#define DUBAO_NEW_BLOCK_KEY                                                                                            \
    "  INSERT INTO search_block_keys (block_id, key) SELECT new.id, " DUBAO_BLOCK_KEY(                                 \
        "i.date", "new.id") "    FROM articles a LEFT JOIN issues i ON i.id = a.issue_id WHERE a.id = new.article_id;"
// Layout 3: the new block's key, the next of its day, unless it has one (an update that keeps its day).
#define DUBAO_NEXT_BLOCK_KEY                                                                                           \
    "  INSERT INTO search_block_keys (block_id, key) SELECT new.id, " DUBAO_NEXT_KEY(                                  \
        "i.date") "    FROM articles a LEFT JOIN issues i ON i.id = a.issue_id WHERE a.id = new.article_id "           \
                  "    AND NOT EXISTS (SELECT 1 FROM search_block_keys WHERE block_id = new.id);"                      \
                  "  SELECT RAISE(ABORT, " DUBAO_DAY_FULL ") FROM search_block_keys k, articles a "                    \
                  "    LEFT JOIN issues i ON i.id = a.issue_id WHERE k.block_id = new.id AND a.id = new.article_id "   \
                  "    AND k.key >= " DUBAO_KEY_HIGH("i.date") ";"
// The blocks of issue new.id.
#define DUBAO_ISSUE_BLOCKS                                                                                             \
    "(SELECT ib.id FROM articles ia JOIN blocks ib ON ib.article_id = ia.id WHERE ia.issue_id = new.id)"

const char *const kTables[] = {
    "CREATE TABLE IF NOT EXISTS search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_blocks USING fts5(text, content='', tokenize='dubao')",
    "CREATE TABLE IF NOT EXISTS search_block_keys (block_id INTEGER PRIMARY KEY, key INTEGER NOT NULL)",
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_articles "
    "USING fts5(kicker, title, subtitles, content='', tokenize='dubao')",
    // FTS5 writes a segment whenever its in-memory hash passes `hashsize` (default 1 MB): a bigger hash makes
    // bulk indexing (rebuild, an import transaction) write fewer, larger segments and merge less — one segment
    // per import transaction (~8 MB of files). Memory is only used inside a transaction that indexes that much.
    "INSERT INTO search_blocks (search_blocks, rank) VALUES ('hashsize', 33554432)",
    // Merge eight segments of a level at a time rather than four: an import writes a segment per transaction,
    // and merging less often keeps indexing ~30 % cheaper, while a query still sees few segments.
    "INSERT INTO search_blocks (search_blocks, rank) VALUES ('automerge', 8)",
    // The bulk-import queue of index layout 1, replaced by deferred indexing inside each import transaction.
    "DROP TABLE IF EXISTS search_pending_blocks",
    "DROP TABLE IF EXISTS search_pending_articles",
    "DELETE FROM search_meta WHERE key IN ('bulk', 'defer')",
};

// Layout 3: hits map their key back to their block through it (search::blockIdOfRowid), and a day's next key is the
// one after its largest.
constexpr const char *kKeyIndex = "CREATE UNIQUE INDEX search_block_keys_key ON search_block_keys(key)";

const char *const kTriggerNames[] = {"search_blocks_insert",   "search_blocks_delete",   "search_blocks_update",
                                     "search_issues_date",     "search_articles_insert", "search_articles_delete",
                                     "search_articles_update", "search_notes_insert",    "search_notes_delete",
                                     "search_notes_update"};

// Every committed change reaches the index at once. Only rows inserted while indexing is deferred (inside an
// import transaction, until indexDeferred() indexes them before the commit) are not in the index yet: edits and
// deletes of those leave the index alone.
// clang-format off
// Layout 2 (schema v3–v16): what migrateTo3 makes, so that an older library's schema is recognised before it is
// upgraded.
const char *const kTriggersLayout2[] = {
    "CREATE TRIGGER search_blocks_insert AFTER INSERT ON blocks WHEN NOT " DUBAO_DEFERRED " BEGIN "
    DUBAO_NEW_BLOCK_KEY
    "  INSERT INTO search_blocks (rowid, text) SELECT key, new.text FROM search_block_keys WHERE block_id = new.id;"
    "END",
    "CREATE TRIGGER search_blocks_delete AFTER DELETE ON blocks WHEN " DUBAO_BLOCK_INDEXED("old.id") " BEGIN "
    "  INSERT INTO search_blocks (search_blocks, rowid, text) SELECT 'delete', key, old.text "
    "    FROM search_block_keys WHERE block_id = old.id;"
    "  DELETE FROM search_block_keys WHERE block_id = old.id;"
    "END",
    "CREATE TRIGGER search_blocks_update AFTER UPDATE OF text, article_id ON blocks "
    "WHEN " DUBAO_BLOCK_INDEXED("old.id") " BEGIN "
    "  INSERT INTO search_blocks (search_blocks, rowid, text) SELECT 'delete', key, old.text "
    "    FROM search_block_keys WHERE block_id = old.id;"
    "  DELETE FROM search_block_keys WHERE block_id = old.id;"
    DUBAO_NEW_BLOCK_KEY
    "  INSERT INTO search_blocks (rowid, text) SELECT key, new.text FROM search_block_keys WHERE block_id = new.id;"
    "END",
    // Dating an issue (or correcting its date) moves its blocks to their new place in date order.
    "CREATE TRIGGER search_issues_date AFTER UPDATE OF date ON issues WHEN old.date IS NOT new.date BEGIN "
    "  INSERT INTO search_blocks (search_blocks, rowid, text) SELECT 'delete', k.key, b.text "
    "    FROM articles a JOIN blocks b ON b.article_id = a.id JOIN search_block_keys k ON k.block_id = b.id "
    "    WHERE a.issue_id = new.id;"
    "  UPDATE search_block_keys SET key = " DUBAO_BLOCK_KEY("new.date", "block_id")
    "    WHERE block_id IN (SELECT b.id FROM articles a JOIN blocks b ON b.article_id = a.id "
    "                       WHERE a.issue_id = new.id);"
    "  INSERT INTO search_blocks (rowid, text) SELECT k.key, b.text "
    "    FROM articles a JOIN blocks b ON b.article_id = a.id JOIN search_block_keys k ON k.block_id = b.id "
    "    WHERE a.issue_id = new.id;"
    "END",

    "CREATE TRIGGER search_articles_insert AFTER INSERT ON articles WHEN NOT " DUBAO_DEFERRED " BEGIN "
    "  INSERT INTO search_articles (rowid, kicker, title, subtitles) "
    "    VALUES (new.id, new.kicker, new.title, " DUBAO_SUBTITLES("new.subtitles") ");"
    "END",
    "CREATE TRIGGER search_articles_delete AFTER DELETE ON articles WHEN " DUBAO_ARTICLE_INDEXED("old.id") " BEGIN "
    "  INSERT INTO search_articles (search_articles, rowid, kicker, title, subtitles) "
    "    VALUES ('delete', old.id, old.kicker, old.title, " DUBAO_SUBTITLES("old.subtitles") ");"
    "END",
    "CREATE TRIGGER search_articles_update AFTER UPDATE OF kicker, title, subtitles ON articles "
    "WHEN " DUBAO_ARTICLE_INDEXED("old.id") " BEGIN "
    "  INSERT INTO search_articles (search_articles, rowid, kicker, title, subtitles) "
    "    VALUES ('delete', old.id, old.kicker, old.title, " DUBAO_SUBTITLES("old.subtitles") ");"
    "  INSERT INTO search_articles (rowid, kicker, title, subtitles) "
    "    VALUES (new.id, new.kicker, new.title, " DUBAO_SUBTITLES("new.subtitles") ");"
    "END",
};
const char *const kTriggers[] = {
    "CREATE TRIGGER search_blocks_insert AFTER INSERT ON blocks WHEN NOT " DUBAO_DEFERRED " BEGIN "
    DUBAO_NEXT_BLOCK_KEY
    "  INSERT INTO search_blocks (rowid, text) SELECT key, new.text FROM search_block_keys WHERE block_id = new.id;"
    "END",
    "CREATE TRIGGER search_blocks_delete AFTER DELETE ON blocks WHEN " DUBAO_BLOCK_INDEXED("old.id") " BEGIN "
    "  INSERT INTO search_blocks (search_blocks, rowid, text) SELECT 'delete', key, old.text "
    "    FROM search_block_keys WHERE block_id = old.id;"
    "  DELETE FROM search_block_keys WHERE block_id = old.id;"
    "END",
    // A paragraph keeps its key (its place among its day's) while its article's issue has the same day.
    "CREATE TRIGGER search_blocks_update AFTER UPDATE OF text, article_id ON blocks "
    "WHEN " DUBAO_BLOCK_INDEXED("old.id") " BEGIN "
    "  INSERT INTO search_blocks (search_blocks, rowid, text) SELECT 'delete', key, old.text "
    "    FROM search_block_keys WHERE block_id = old.id;"
    "  DELETE FROM search_block_keys WHERE block_id = old.id AND NOT EXISTS (SELECT 1 FROM articles a "
    "    LEFT JOIN issues i ON i.id = a.issue_id WHERE a.id = new.article_id "
    "    AND search_block_keys.key >= " DUBAO_KEY_LOW("i.date") " AND search_block_keys.key < " DUBAO_KEY_HIGH("i.date") ");"
    DUBAO_NEXT_BLOCK_KEY
    "  INSERT INTO search_blocks (rowid, text) SELECT key, new.text FROM search_block_keys WHERE block_id = new.id;"
    "END",
    // Dating an issue (or correcting its date to another day) moves its blocks after the new day's, in block order.
    "CREATE TRIGGER search_issues_date AFTER UPDATE OF date ON issues "
    "WHEN " DUBAO_DAY("old.date") " IS NOT " DUBAO_DAY("new.date") " BEGIN "
    "  INSERT INTO search_blocks (search_blocks, rowid, text) SELECT 'delete', k.key, b.text "
    "    FROM articles a JOIN blocks b ON b.article_id = a.id JOIN search_block_keys k ON k.block_id = b.id "
    "    WHERE a.issue_id = new.id;"
    "  UPDATE search_block_keys SET key = coalesce((SELECT nk.key + 1 FROM search_block_keys nk "
    "    WHERE nk.key >= " DUBAO_KEY_LOW("new.date") " AND nk.key < " DUBAO_KEY_HIGH("new.date")
    "    AND nk.block_id NOT IN " DUBAO_ISSUE_BLOCKS " ORDER BY nk.key DESC LIMIT 1), " DUBAO_KEY_LOW("new.date") ") + "
    "    (SELECT count(*) FROM search_block_keys ok WHERE ok.block_id IN " DUBAO_ISSUE_BLOCKS
    "     AND ok.block_id < search_block_keys.block_id) "
    "    WHERE block_id IN " DUBAO_ISSUE_BLOCKS ";"
    "  SELECT RAISE(ABORT, " DUBAO_DAY_FULL ") FROM search_block_keys "
    "    WHERE block_id IN " DUBAO_ISSUE_BLOCKS " AND key >= " DUBAO_KEY_HIGH("new.date") ";"
    "  INSERT INTO search_blocks (rowid, text) SELECT k.key, b.text "
    "    FROM articles a JOIN blocks b ON b.article_id = a.id JOIN search_block_keys k ON k.block_id = b.id "
    "    WHERE a.issue_id = new.id ORDER BY k.key;"
    "END",

    "CREATE TRIGGER search_articles_insert AFTER INSERT ON articles WHEN NOT " DUBAO_DEFERRED " BEGIN "
    "  INSERT INTO search_articles (rowid, kicker, title, subtitles) "
    "    VALUES (new.id, new.kicker, new.title, " DUBAO_SUBTITLES("new.subtitles") ");"
    "END",
    "CREATE TRIGGER search_articles_delete AFTER DELETE ON articles WHEN " DUBAO_ARTICLE_INDEXED("old.id") " BEGIN "
    "  INSERT INTO search_articles (search_articles, rowid, kicker, title, subtitles) "
    "    VALUES ('delete', old.id, old.kicker, old.title, " DUBAO_SUBTITLES("old.subtitles") ");"
    "END",
    "CREATE TRIGGER search_articles_update AFTER UPDATE OF kicker, title, subtitles ON articles "
    "WHEN " DUBAO_ARTICLE_INDEXED("old.id") " BEGIN "
    "  INSERT INTO search_articles (search_articles, rowid, kicker, title, subtitles) "
    "    VALUES ('delete', old.id, old.kicker, old.title, " DUBAO_SUBTITLES("old.subtitles") ");"
    "  INSERT INTO search_articles (rowid, kicker, title, subtitles) "
    "    VALUES (new.id, new.kicker, new.title, " DUBAO_SUBTITLES("new.subtitles") ");"
    "END",
};
// clang-format on

const char *const kNoteTables[] = {
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_notes USING fts5(text, content='', tokenize='dubao')",
    "CREATE TRIGGER search_notes_insert AFTER INSERT ON notes BEGIN "
    "  INSERT INTO search_notes (rowid, text) VALUES (new.id, new.text);"
    "END",
    "CREATE TRIGGER search_notes_delete AFTER DELETE ON notes BEGIN "
    "  INSERT INTO search_notes (search_notes, rowid, text) VALUES ('delete', old.id, old.text);"
    "END",
    "CREATE TRIGGER search_notes_update AFTER UPDATE OF text ON notes BEGIN "
    "  INSERT INTO search_notes (search_notes, rowid, text) VALUES ('delete', old.id, old.text);"
    "  INSERT INTO search_notes (rowid, text) VALUES (new.id, new.text);"
    "END",
};

// Tables are created when missing; triggers are always dropped and re-created, so a rebuild also brings
// the triggers of an older index up to date.
Result<void> createSchema(QSqlDatabase &db, SearchIndex::KeyLayout layout)
{
    const bool dense = layout == SearchIndex::KeyLayout::DayOrdinal;
    for (const char *name : kTriggerNames) {
        if (Result<void> dropped = exec(db, QStringLiteral("DROP TRIGGER IF EXISTS ") + QLatin1String(name)); !dropped)
            return dropped;
    }
    QList<const char *> statements;
    for (const char *sql : kTables)
        statements.append(sql);
    if (dense) {
        for (const char *sql : kTriggers)
            statements.append(sql);
    } else {
        for (const char *sql : kTriggersLayout2)
            statements.append(sql);
    }
    if (tableExists(db, QStringLiteral("notes"))) {
        for (const char *sql : kNoteTables)
            statements.append(sql);
    }
    for (const char *sql : std::as_const(statements)) {
        if (Result<void> created = exec(db, sql); !created)
            return created;
    }
    return {};
}

Result<void> setMeta(QSqlDatabase &db, const QString &key, const QString &value)
{
    return exec(db, QStringLiteral("INSERT OR REPLACE INTO search_meta (key, value) VALUES (?, ?)"), {key, value});
}

QString dayFullMessage()
{
    return SearchIndex::tr("more than 1,048,576 paragraphs on one day: the search index has no key left for that day");
}

QString meta(QSqlDatabase &db, const QString &key)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT value FROM search_meta WHERE key = ?"));
    query.addBindValue(key);
    return query.exec() && query.next() ? query.value(0).toString() : QString();
}

} // namespace

Result<void> SearchIndex::build(QSqlDatabase &db, const ProgressCallback &progress, const std::atomic_bool *cancel,
                                KeyLayout layout)
{
    const bool dense = layout == KeyLayout::DayOrdinal;
    auto cancelled = [&] {
        return cancel && cancel->load();
    };
    const Error cancelledError(tr("cancelled"));
    if (Result<void> created = createSchema(db, layout); !created)
        return created;
    if (Result<void> building = setMeta(db, QStringLiteral("state"), QStringLiteral("building")); !building)
        return building;
    const sql::CacheSizeScope cache(db, 128 * 1024); // KiB
    const bool notes = tableExists(db, QStringLiteral("search_notes"));

    // Contentless tables cannot be told which rows they hold; 'delete-all' empties them.
    if (Result<void> emptied = execAll(db, {"INSERT INTO search_blocks (search_blocks) VALUES ('delete-all')",
                                            "INSERT INTO search_articles (search_articles) VALUES ('delete-all')"});
        !emptied)
        return emptied;
    if (notes) {
        if (Result<void> emptied = exec(db, "INSERT INTO search_notes (search_notes) VALUES ('delete-all')"); !emptied)
            return emptied;
    }
    // Layout 3: each day's paragraphs numbered in block order; the key index is made after the keys (faster than
    // keeping it up to date row by row).
    if (Result<void> keyed =
            dense
                ? execAll(
                      db,
                      {"DROP INDEX IF EXISTS search_block_keys_key", "DELETE FROM search_block_keys",
                       "INSERT INTO search_block_keys (block_id, key) SELECT b.id, " DUBAO_KEY_LOW(
                           "i.date") " + row_number() OVER (PARTITION BY " DUBAO_DAY("i.date") " ORDER BY "
                                                                                               "b.id) - 1 FROM blocks "
                                                                                               "b JOIN articles a ON "
                                                                                               "a.id = b.article_id "
                                                                                               "LEFT JOIN issues i ON "
                                                                                               "i.id = a.issue_id",
                       kKeyIndex})
                : execAll(db, {"DELETE FROM search_block_keys",
                               "INSERT INTO search_block_keys (block_id, key) SELECT b.id, " DUBAO_BLOCK_KEY(
                                   "i.date", "b.id") " FROM blocks b JOIN articles a ON a.id = b.article_id "
                                                     "LEFT JOIN issues i ON i.id = a.issue_id"});
        !keyed)
        return keyed;
    if (dense &&
        scalar(db, QStringLiteral("SELECT count(*) FROM search_block_keys k JOIN blocks b ON b.id = k.block_id "
                                  "JOIN articles a ON a.id = b.article_id LEFT JOIN issues i ON "
                                  "i.id = a.issue_id WHERE k.key >= " DUBAO_KEY_HIGH("i.date"))) > 0)
        return Error(tr("cannot update the search index: %1").arg(dayFullMessage()));

    Progress state;
    state.total = scalar(db, QStringLiteral("SELECT count(*) FROM blocks")) +
                  scalar(db, QStringLiteral("SELECT count(*) FROM articles")) +
                  (notes ? scalar(db, QStringLiteral("SELECT count(*) FROM notes")) : 0);
    if (progress)
        progress(state);

    // Paragraphs in key order (FTS5 writes a new segment whenever a rowid is not larger than the one before),
    // in batches so progress and cancellation are checked between them: a temporary table numbers the keys.
    constexpr int kBatch = 4000;
    if (Result<void> ordered = execAll(
            db, {"DROP TABLE IF EXISTS temp.search_build_order",
                 "CREATE TEMP TABLE search_build_order AS SELECT key, block_id FROM search_block_keys ORDER BY key"});
        !ordered)
        return ordered;
    const qint64 rows = scalar(db, QStringLiteral("SELECT max(rowid) FROM temp.search_build_order"));
    QSqlQuery batch(db);
    batch.prepare(
        QStringLiteral("INSERT INTO search_blocks (rowid, text) "
                       "SELECT o.key, b.text FROM temp.search_build_order o JOIN blocks b ON b.id = o.block_id "
                       "WHERE o.rowid > ? AND o.rowid <= ? ORDER BY o.rowid"));
    for (qint64 low = 0; low < rows; low += kBatch) {
        if (cancelled())
            return cancelledError;
        batch.addBindValue(low);
        batch.addBindValue(low + kBatch);
        if (!batch.exec())
            return Error(tr("cannot update the search index: %1").arg(batch.lastError().text()));
        state.done = std::min(state.total, state.done + batch.numRowsAffected());
        if (progress)
            progress(state);
    }
    batch.finish();
    if (Result<void> dropped = exec(db, "DROP TABLE temp.search_build_order"); !dropped)
        return dropped;
    if (cancelled())
        return cancelledError;

    if (Result<void> headlines = exec(db, "INSERT INTO search_articles (rowid, kicker, title, subtitles) "
                                          "SELECT id, kicker, title, " DUBAO_SUBTITLES("subtitles") " FROM articles");
        !headlines)
        return headlines;
    if (notes) {
        if (Result<void> indexed = exec(db, "INSERT INTO search_notes (rowid, text) SELECT id, text FROM notes");
            !indexed)
            return indexed;
    }
    state.done = state.total;
    if (progress)
        progress(state);

    if (Result<void> stamped = setMeta(db, QStringLiteral("tokenizer"), tokenizerStamp(layout)); !stamped)
        return stamped;
    return setMeta(db, QStringLiteral("state"), QStringLiteral("ready"));
}

bool SearchIndex::needsRebuild(Library &library)
{
    QSqlDatabase db = library.database();
    if (dialect::isPostgres(db)) // a team library's index is written with every commit (postgresindex.h)
        return false;
    if (!tableExists(db, QStringLiteral("search_meta")) || !tableExists(db, QStringLiteral("search_blocks")))
        return true;
    if (tableExists(db, QStringLiteral("notes")) && !tableExists(db, QStringLiteral("search_notes")))
        return true;
    // A deferral flag can only be seen here if a transaction committed without indexDeferred().
    return meta(db, QStringLiteral("tokenizer")) != tokenizerStamp() ||
           meta(db, QStringLiteral("state")) != QLatin1String("ready") || !meta(db, QStringLiteral("defer")).isEmpty();
}

Result<void> SearchIndex::deferIndexing(QSqlDatabase &db)
{
    if (dialect::isPostgres(db)) // a team library's index is written before each commit (postgresindex.h)
        return {};
    return setMeta(db, QStringLiteral("defer"), QStringLiteral("1"));
}

namespace {

QString jsonIds(const QList<qint64> &list)
{
    QString ids = QStringLiteral("[");
    for (qint64 id : list) {
        if (ids.size() > 1)
            ids += QLatin1Char(',');
        ids += QString::number(id);
    }
    ids += QLatin1Char(']');
    return ids;
}

// Paragraphs taken out of the index inside a deferred transaction (SearchIndex::deferRemoval): their keys and the
// text FTS5 holds for them, removed from FTS5 by indexDeferred(). Temporary, so rolled back with the transaction.
// The block id lets indexDeferred() give a changed paragraph its key back (its place among its day's).
constexpr const char *kCreateRemovals = "CREATE TEMP TABLE IF NOT EXISTS search_removed_keys "
                                        "(key INTEGER PRIMARY KEY, block_id INTEGER NOT NULL, text TEXT NOT NULL)";

} // namespace

Result<void> SearchIndex::deferRemoval(QSqlDatabase &db, const QList<qint64> &blockIds)
{
    if (dialect::isPostgres(db)) // a team library's index is written before each commit (postgresindex.h)
        return {};
    if (blockIds.isEmpty())
        return {};
    const QString ids = jsonIds(blockIds);
    if (Result<void> created = exec(db, kCreateRemovals); !created)
        return created;
    if (Result<void> kept =
            exec(db,
                 "INSERT INTO temp.search_removed_keys (key, block_id, text) SELECT k.key, b.id, b.text "
                 "FROM search_block_keys k JOIN blocks b ON b.id = k.block_id "
                 "WHERE k.block_id IN (SELECT value FROM json_each(?))",
                 {ids});
        !kept)
        return kept;
    return exec(db, "DELETE FROM search_block_keys WHERE block_id IN (SELECT value FROM json_each(?))", {ids});
}

Result<void> SearchIndex::allowManySegments(QSqlDatabase &db)
{
    if (dialect::isPostgres(db)) // a team library's index is written before each commit (postgresindex.h)
        return {};
    QSqlQuery query(db);
    if (query.exec(QStringLiteral("SELECT v FROM search_blocks_config WHERE k = 'crisismerge'")) && query.next() &&
        query.value(0).toInt() >= kCrisisMerge)
        return {};
    query.finish();
    return exec(
        db,
        QStringLiteral("INSERT INTO search_blocks (search_blocks, rank) VALUES ('crisismerge', %1)").arg(kCrisisMerge));
}

Result<void> SearchIndex::indexDeferred(QSqlDatabase &db, const QList<qint64> &issueIds)
{
    // A team library's server queued every row the transaction wrote (postgresindex.h): index them all now.
    if (dialect::isPostgres(db))
        return search::postgres::indexPending(db);
    const QString ids = jsonIds(issueIds);
    // The new blocks' keys, numbered in key order by the temporary table's rowid: FTS5 then takes them as one
    // ascending run and writes one segment for the whole transaction. A paragraph taken out by deferRemoval() that
    // is still on the same day gets its key back (its place among the day's); the others the next keys of their day,
    // in block order.
#define DUBAO_NEW_BLOCKS(extra)                                                                                        \
    " FROM articles a LEFT JOIN issues i ON i.id = a.issue_id JOIN blocks b ON b.article_id = a.id " extra             \
    " WHERE a.issue_id IN (SELECT value FROM json_each(?)) AND NOT " DUBAO_BLOCK_INDEXED("b.id")
    // clang-format off
    const std::pair<const char *, bool> statements[] = {
        {"CREATE TEMP TABLE IF NOT EXISTS search_new_keys (key INTEGER PRIMARY KEY, block_id INTEGER NOT NULL, "
         "high INTEGER NOT NULL, kept INTEGER NOT NULL)", false},
        {"DELETE FROM temp.search_new_keys", false},
        {kCreateRemovals, false},
        {"INSERT INTO temp.search_new_keys (key, block_id, high, kept) SELECT r.key, b.id, "
         DUBAO_KEY_HIGH("i.date") ", 1"
         DUBAO_NEW_BLOCKS("JOIN temp.search_removed_keys r ON r.block_id = b.id")
         " AND r.key >= " DUBAO_KEY_LOW("i.date") " AND r.key < " DUBAO_KEY_HIGH("i.date"), true},
        {"INSERT INTO search_block_keys (block_id, key) SELECT block_id, key FROM temp.search_new_keys", false},
        {"INSERT INTO temp.search_new_keys (key, block_id, high, kept) SELECT " DUBAO_NEXT_KEY("d") " + n, id, high, 0 "
         "FROM (SELECT b.id, i.date AS d, " DUBAO_KEY_HIGH("i.date") " AS high, "
         "row_number() OVER (PARTITION BY " DUBAO_DAY("i.date") " ORDER BY b.id) - 1 AS n"
         DUBAO_NEW_BLOCKS("") ")", true},
        {nullptr, false}, // a key past its day's: the day is full (checked below)
        {"INSERT INTO search_block_keys (block_id, key) SELECT block_id, key FROM temp.search_new_keys WHERE kept = 0",
         false},
        // Removals (deferRemoval) and new rows in one key-ordered pass: a 'delete' and a new row of the same key
        // in that order are one ascending run for FTS5 too, so the transaction still writes one segment.
        {"INSERT INTO search_blocks (search_blocks, rowid, text) SELECT command, key, text FROM ("
         "SELECT 'delete' AS command, key, text, 0 AS step FROM temp.search_removed_keys "
         "UNION ALL SELECT NULL, n.key, b.text, 1 FROM temp.search_new_keys n JOIN blocks b ON b.id = n.block_id) "
         "ORDER BY key, step", false},
        {"DELETE FROM temp.search_new_keys", false},
        {"DELETE FROM temp.search_removed_keys", false},
        {"INSERT INTO search_articles (rowid, kicker, title, subtitles) SELECT a.id, a.kicker, a.title, "
         DUBAO_SUBTITLES("a.subtitles") " FROM articles a "
         "WHERE a.issue_id IN (SELECT value FROM json_each(?)) AND NOT " DUBAO_ARTICLE_INDEXED("a.id") " ORDER BY a.id",
         true},
        {"DELETE FROM search_meta WHERE key = 'defer'", false},
    };
    // clang-format on
#undef DUBAO_NEW_BLOCKS
    for (const auto &[sql, bindIds] : statements) {
        if (!sql) {
            if (scalar(db, QStringLiteral("SELECT count(*) FROM temp.search_new_keys WHERE key >= high")) > 0)
                return Error(tr("cannot update the search index: %1").arg(dayFullMessage()));
            continue;
        }
        if (Result<void> done = exec(db, sql, bindIds ? QVariantList{ids} : QVariantList{}); !done)
            return done;
    }
    return {};
}

Result<void> SearchIndex::rebuild(Library &library, const ProgressCallback &progress, const std::atomic_bool *cancel)
{
    if (!library.isOpen())
        return Error(tr("the library is not open"));
    if (library.isReadOnly())
        return Error(tr("the library is read-only"));
    QSqlDatabase db = library.database();
    sql::WriteScope transaction(db);
    if (!transaction.isActive())
        return transaction.error();
    if (dialect::isPostgres(db)) {
        // Every row queued again; the commit indexes them (postgresindex.h).
        if (Result<void> queued = execAll(db, {"DELETE FROM search_pending",
                                               "INSERT INTO search_pending (kind, id) SELECT 'b', id FROM blocks",
                                               "INSERT INTO search_pending (kind, id) SELECT 'a', id FROM articles",
                                               "INSERT INTO search_pending (kind, id) SELECT 'n', id FROM notes"});
            !queued)
            return queued;
        return transaction.commit();
    }
    if (Result<void> built = build(db, progress, cancel); !built)
        return built;
    return transaction.commit();
}

SearchIndex::Stats SearchIndex::stats(Library &library)
{
    QSqlDatabase db = library.database();
    Stats s;
    if (dialect::isPostgres(db)) {
        s.blocks = scalar(db, QStringLiteral("SELECT count(*) FROM search_paragraphs"));
        s.articles = scalar(db, QStringLiteral("SELECT count(*) FROM search_headlines"));
        s.notes = scalar(db, QStringLiteral("SELECT count(*) FROM search_notes"));
        s.textBytes = scalar(db, QStringLiteral("SELECT (SELECT coalesce(sum(octet_length(text)), 0) FROM blocks) + "
                                                "(SELECT coalesce(sum(octet_length(kicker || title || subtitles)), 0) "
                                                "FROM articles) + (SELECT coalesce(sum(octet_length(text)), 0) FROM "
                                                "notes)"));
        s.indexBytes = scalar(db, QStringLiteral("SELECT pg_total_relation_size('search_paragraphs') + "
                                                 "pg_total_relation_size('search_headlines') + "
                                                 "pg_total_relation_size('search_notes')"));
        return s;
    }
    s.blocks = scalar(db, QStringLiteral("SELECT count(*) FROM search_block_keys"));
    s.articles = scalar(db, QStringLiteral("SELECT count(*) FROM search_articles_docsize"));
    const bool notes = tableExists(db, QStringLiteral("search_notes"));
    if (notes)
        s.notes = scalar(db, QStringLiteral("SELECT count(*) FROM search_notes_docsize"));
    s.textBytes = scalar(db, QStringLiteral("SELECT sum(length(CAST(text AS BLOB))) FROM blocks")) +
                  scalar(db, QStringLiteral("SELECT sum(length(CAST(kicker || title || subtitles AS BLOB))) "
                                            "FROM articles")) +
                  (notes ? scalar(db, QStringLiteral("SELECT sum(length(CAST(text AS BLOB))) FROM notes")) : 0);
    // Pages of the index tables (dbstat); without dbstat, the payload bytes of the shadow tables.
    {
        QSqlQuery query(db);
        if (query.exec(QStringLiteral("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search\\_%' ESCAPE '\\'")) &&
            query.next()) {
            s.indexBytes = query.value(0).toLongLong();
            return s;
        }
    }
    QStringList tables{QStringLiteral("search_blocks"), QStringLiteral("search_articles")};
    if (notes)
        tables.append(QStringLiteral("search_notes"));
    for (const QString &t : std::as_const(tables)) {
        s.indexBytes += scalar(db, QStringLiteral("SELECT sum(length(block)) + 12 * count(*) FROM %1_data").arg(t));
        s.indexBytes += scalar(db, QStringLiteral("SELECT sum(length(term)) + 16 * count(*) FROM %1_idx").arg(t));
        s.indexBytes += scalar(db, QStringLiteral("SELECT sum(length(sz)) + 9 * count(*) FROM %1_docsize").arg(t));
    }
    s.indexBytes += 18 * s.blocks; // search_block_keys rows
    return s;
}

} // namespace dubao
