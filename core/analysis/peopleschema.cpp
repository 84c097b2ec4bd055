// The people index's schema steps on SQLite: v6 makes its tables, v14 drops the sentence copies; v7 (term trends)
// and v16 (the index on a team library) are registered here too. See peopleindex.h.
#include "core/analysis/peopleindex.h"
#include "core/analysis/peoplepostgres.h"
#include "core/analysis/termtrends.h"
#include "core/store/schema.h"
#include "core/store/sql.h"

#include <QSqlQuery>

namespace dubao {

namespace {

// Written to run again on a file that has the tables (IF NOT EXISTS): tests and tools that lower user_version to
// replay older migrations keep these tables.
Result<void> migrateTo6(QSqlDatabase &db)
{
    static const char *const statements[] = {
        R"(CREATE TABLE IF NOT EXISTS persons (
            id   INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE CHECK (name <> '')
        ))",
        R"(CREATE TABLE IF NOT EXISTS appearances (
            id              INTEGER PRIMARY KEY,
            person_id       INTEGER NOT NULL REFERENCES persons(id),
            article_id      INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            block_id        INTEGER NOT NULL REFERENCES blocks(id) ON DELETE CASCADE,
            offices         TEXT NOT NULL DEFAULT '',
            role            TEXT CHECK (role IS NULL OR role IN ('主持', '出席', '列席', '讲话', '调研', '参加')),
            rank            INTEGER,
            sentence_start  INTEGER NOT NULL,
            sentence_length INTEGER NOT NULL,
            sentence        TEXT NOT NULL
        ))",
        "CREATE INDEX IF NOT EXISTS appearances_person ON appearances(person_id)",
        "CREATE INDEX IF NOT EXISTS appearances_article ON appearances(article_id)",
        "CREATE INDEX IF NOT EXISTS appearances_block ON appearances(block_id)",
        R"(CREATE TABLE IF NOT EXISTS person_edits (
            id         INTEGER PRIMARY KEY,
            kind       TEXT NOT NULL CHECK (kind IN ('merge', 'split', 'office', 'false_hit')),
            name       TEXT NOT NULL CHECK (name <> ''),
            block_id   INTEGER,
            value      TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        ))",
        // No foreign key: an article that is deleted leaves its row here, and update() drops it.
        "CREATE TABLE IF NOT EXISTS analysis_pending (article_id INTEGER PRIMARY KEY)",
        R"(CREATE TRIGGER IF NOT EXISTS analysis_block_inserted AFTER INSERT ON blocks BEGIN
            INSERT OR IGNORE INTO analysis_pending(article_id) VALUES (NEW.article_id);
        END)",
        R"(CREATE TRIGGER IF NOT EXISTS analysis_block_changed AFTER UPDATE OF text, kind, article_id ON blocks BEGIN
            INSERT OR IGNORE INTO analysis_pending(article_id) VALUES (NEW.article_id);
            INSERT OR IGNORE INTO analysis_pending(article_id) VALUES (OLD.article_id);
        END)",
        R"(CREATE TRIGGER IF NOT EXISTS analysis_block_deleted AFTER DELETE ON blocks BEGIN
            INSERT OR IGNORE INTO analysis_pending(article_id) VALUES (OLD.article_id);
        END)",
        // A library with articles gets them all on the to-do list; the first update() reads them.
        "INSERT OR IGNORE INTO analysis_pending(article_id) SELECT id FROM articles",
    };
    for (const char *statement : statements)
        if (Result<void> done = sql::exec(db, QString::fromUtf8(statement)); !done)
            return done;
    return {};
}

// Schema v14: an appearance no longer keeps a copy of its sentence (it is cut from the block's text by
// sentence_start and sentence_length when read: 18 of the 40 MB the people index took for 100 MB of text), and the
// index on person_id alone goes (appearances_person_offices starts with person_id and serves those lookups).
// Self-contained and written to run again (tests replay it), so it can be renumbered.
Result<void> migrateTo14(QSqlDatabase &db)
{
    if (Result<void> dropped = sql::exec(db, QStringLiteral("DROP INDEX IF EXISTS appearances_person")); !dropped)
        return dropped;
    const bool hasSentence =
        sql::scalar(db, QStringLiteral("SELECT count(*) FROM pragma_table_info('appearances') WHERE name = 'sentence'"))
            .toLongLong() > 0;
    if (!hasSentence)
        return {};
    return sql::exec(db, QStringLiteral("ALTER TABLE appearances DROP COLUMN sentence"));
}

} // namespace

void registerAnalysisSchema()
{
    schema::registerStep(6, "analysis", migrateTo6);
    registerTrendSchema();
    schema::registerStep(14, "analysis", migrateTo14);
    registerPeoplePostgres(); // v16: the people index on a team library
    // Extracted from the blocks: a restore re-queues every article (the block triggers) instead. The user's edits
    // (person_edits) are the user's work and go into backups.
    schema::registerDerivedTables(
        {QStringLiteral("persons"), QStringLiteral("appearances"), QStringLiteral("analysis_pending")});
}

} // namespace dubao
