// For the migration tests: turning a current library back into an older schema version, as an older Dubao made it.
#pragma once

#include "core/search/searchindex.h"

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

namespace dubao::test {

/// Undoes schema version 20 (core/store/schemasteps.cpp): articles' page and page_name. Nothing to do without them.
/// Leaves user_version to the caller. False when a statement fails.
inline bool dropSchemaVersion20(QSqlDatabase db)
{
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM pragma_table_info('articles') WHERE name = 'page'")) || !q.next())
        return false;
    const bool present = q.value(0).toInt() > 0;
    q.finish();
    return !present || (q.exec(QStringLiteral("ALTER TABLE articles DROP COLUMN page")) &&
                        q.exec(QStringLiteral("ALTER TABLE articles DROP COLUMN page_name")));
}

/// Undoes schema version 17 (core/search/searchindex.cpp): the paragraph index made again with v3–v16's keys (day << 32
/// | block id) and triggers, without the index on the keys. Nothing to do without it (an older file, or done already).
/// Drops version 20 first. Leaves user_version to the caller. False when a statement fails.
inline bool dropSchemaVersion17(QSqlDatabase db)
{
    if (!dropSchemaVersion20(db))
        return false;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'search_block_keys_key'")) || !q.next())
        return false;
    if (q.value(0).toInt() == 0)
        return true;
    q.finish();
    return SearchIndex::build(db, {}, nullptr, SearchIndex::KeyLayout::DayBlockId) &&
           q.exec(QStringLiteral("DROP INDEX search_block_keys_key"));
}

inline bool dropSchemaVersion15(QSqlDatabase db);

/// Drops what schema version 4 added (uids, their indexes and triggers, issues.parser_version, the lineage tables),
/// and what 15 and 17 added first. Leaves user_version to the caller. False when a statement fails.
inline bool dropSchemaVersion4(QSqlDatabase db)
{
    if (!dropSchemaVersion15(db)) // and 17
        return false;
    QSqlQuery q(db);
    for (const char *table : {"issues", "articles", "blocks", "tags", "highlights", "notes", "notebooks"}) {
        const QString name = QString::fromLatin1(table);
        if (!q.exec(QStringLiteral("DROP TRIGGER %1_new_uid").arg(name)) ||
            !q.exec(QStringLiteral("DROP INDEX %1_uid").arg(name)) ||
            !q.exec(QStringLiteral("ALTER TABLE %1 DROP COLUMN uid").arg(name)))
            return false;
    }
    return q.exec(QStringLiteral("ALTER TABLE issues DROP COLUMN parser_version")) &&
           q.exec(QStringLiteral("DROP TABLE block_lineage")) && q.exec(QStringLiteral("DROP TABLE article_lineage"));
}

// Schema version 13 (a team library's search index, core/search/postgresindex.h) adds nothing to an SQLite file: a
// v12 file is a v13 file with user_version 12, so there is nothing to drop for it.

// Schema version 16 (a team library's people index, core/analysis/peoplepostgres.cpp) adds nothing to an SQLite
// file: a v15 file is a v16 file with user_version 15, so there is nothing to drop for it.

// Schema version 18 (a team library's text reuse, core/reuse/reusepostgres.cpp) adds nothing to an SQLite file: a v17
// file is a v18 file with user_version 17, so there is nothing to drop for it. Version 19 (re-anchored taggings keep
// their maker on a team library, core/store/authorship.cpp) is the same: nothing in an SQLite file, and so is version
// 21 (a team library records its deletions for the change notices, core/store/changedeletions.cpp).

/// Undoes schema version 15 (core/store/authorship.h): the authorship columns, row versions, notebooks' `shared` and
/// their triggers. Leaves user_version to the caller. False when a statement fails.
inline bool dropSchemaVersion15(QSqlDatabase db)
{
    if (!dropSchemaVersion17(db))
        return false;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT count(*) FROM pragma_table_info('notes') WHERE name = 'created_by'")) ||
        !q.next())
        return false;
    const bool present = q.value(0).toInt() > 0;
    q.finish();
    if (!present)
        return true;
    const struct
    {
        const char *table;
        const char *columns;
    } tables[] = {
        {"highlights", "created_by changed_by row_version"},
        {"notes", "created_by changed_by row_version"},
        {"article_tags", "created_by"},
        {"block_tags", "created_by"},
        {"highlight_tags", "created_by created_at"},
        {"note_tags", "created_by created_at"},
        {"notebooks", "created_by changed_by changed_at shared"},
        {"notebook_entries", "created_by changed_by changed_at"},
    };
    for (const auto &t : tables) {
        const QString table = QString::fromLatin1(t.table);
        if (!q.exec(QStringLiteral("DROP TRIGGER IF EXISTS %1_authored").arg(table)) ||
            !q.exec(QStringLiteral("DROP TRIGGER IF EXISTS %1_changed").arg(table)))
            return false;
        for (const QString &column : QString::fromLatin1(t.columns).split(QLatin1Char(' ')))
            if (!q.exec(QStringLiteral("ALTER TABLE %1 DROP COLUMN %2").arg(table, column)))
                return false;
    }
    return true;
}

/// Undoes schema versions 17, 15 and 14 (core/analysis/peopleindex.cpp): the appearances table made again as v6 made
/// it, every appearance with its sentence copy (cut from its block's text as v12's extraction stored it), and the index
/// on person_id. Leaves user_version to the caller. False when a statement fails.
inline bool dropSchemaVersion14(QSqlDatabase db)
{
    if (!dropSchemaVersion15(db))
        return false;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT count(*), count(*) FILTER (WHERE name = 'sentence') "
                               "FROM pragma_table_info('appearances')")) ||
        !q.next())
        return false;
    if (q.value(0).toInt() == 0) // no people index (an older version's file): nothing to undo
        return true;
    const bool present = q.value(1).toInt() > 0;
    q.finish();
    if (present)
        return q.exec(QStringLiteral("CREATE INDEX IF NOT EXISTS appearances_person ON appearances(person_id)"));
    const char *const statements[] = {
        "CREATE TEMP TABLE v14_appearances AS SELECT a.*, b.text AS block_text FROM appearances a "
        "JOIN blocks b ON b.id = a.block_id",
        "DROP TABLE appearances",
        R"(CREATE TABLE appearances (
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
        "INSERT INTO appearances SELECT id, person_id, article_id, block_id, offices, role, rank, sentence_start, "
        "sentence_length, '' FROM v14_appearances",
        "CREATE INDEX appearances_person ON appearances(person_id)",
        "CREATE INDEX appearances_article ON appearances(article_id)",
        "CREATE INDEX appearances_block ON appearances(block_id)",
        "CREATE INDEX appearances_person_offices ON appearances(person_id, offices, article_id)",
    };
    for (const char *statement : statements)
        if (!q.exec(QString::fromUtf8(statement)))
            return false;
    QList<std::pair<qint64, QString>> sentences;
    if (!q.exec(QStringLiteral("SELECT id, sentence_start, sentence_length, block_text FROM v14_appearances")))
        return false;
    while (q.next())
        sentences.append({q.value(0).toLongLong(), q.value(3).toString().mid(q.value(1).toInt(), q.value(2).toInt())});
    q.finish();
    for (const auto &[id, sentence] : std::as_const(sentences)) {
        q.prepare(QStringLiteral("UPDATE appearances SET sentence = ? WHERE id = ?"));
        q.addBindValue(sentence.trimmed());
        q.addBindValue(id);
        if (!q.exec())
            return false;
    }
    return q.exec(QStringLiteral("DROP TABLE v14_appearances"));
}

/// Drops what schema versions 12 (the paragraphs' share of reuse that search's own: reads) and 14 added. Leaves
/// user_version to the caller. False when a statement fails.
inline bool dropSchemaVersion12(QSqlDatabase db)
{
    if (!dropSchemaVersion14(db))
        return false;
    QSqlQuery q(db);
    return q.exec(QStringLiteral("DROP TABLE IF EXISTS reuse_paragraphs"));
}

/// Undoes schema versions 11 (core/store/sourcebytes.h: the stored files uncompressed, the codec column and the
/// table of the compression still to do dropped) and 12. Leaves user_version to the caller. False when a statement
/// fails.
inline bool dropSchemaVersion11(QSqlDatabase db)
{
    if (!dropSchemaVersion12(db))
        return false;
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("DROP TABLE IF EXISTS source_packing")))
        return false;
    if (!q.exec(QStringLiteral("SELECT count(*) FROM pragma_table_info('source_contents') WHERE name = 'codec'")) ||
        !q.next())
        return false;
    const bool present = q.value(0).toInt() > 0;
    q.finish();
    if (!present)
        return true;
    QList<std::pair<qint64, QByteArray>> packed;
    if (!q.exec(QStringLiteral("SELECT source_file_id, bytes FROM source_contents WHERE codec = 1")))
        return false;
    while (q.next())
        packed.append({q.value(0).toLongLong(), qUncompress(q.value(1).toByteArray())});
    q.finish();
    for (const auto &[id, bytes] : std::as_const(packed)) {
        q.prepare(QStringLiteral("UPDATE source_contents SET bytes = ? WHERE source_file_id = ?"));
        q.addBindValue(bytes);
        q.addBindValue(id);
        if (!q.exec())
            return false;
    }
    return q.exec(QStringLiteral("ALTER TABLE source_contents DROP COLUMN codec"));
}

/// Drops what schema version 10 (text reuse: its tables and triggers) added. Leaves user_version to the caller. False
/// when a statement fails.
inline bool dropSchemaVersion10(QSqlDatabase db)
{
    if (!dropSchemaVersion15(db)) // and 17
        return false;
    QSqlQuery q(db);
    for (const char *trigger : {"reuse_block_inserted", "reuse_block_changed", "reuse_block_deleted"})
        if (!q.exec(QStringLiteral("DROP TRIGGER IF EXISTS ") + QLatin1String(trigger)))
            return false;
    for (const char *table : {"reuse_articles", "reuse_fingerprints", "reuse_hashes", "reuse_pairs", "reuse_sources",
                              "reuse_built", "reuse_pending"})
        if (!q.exec(QStringLiteral("DROP TABLE IF EXISTS ") + QLatin1String(table)))
            return false;
    return true;
}

/// Drops what schema versions 9 (the corrections of the OCR, their indexes and change-counter triggers), 10 (text
/// reuse) and 11 (the compressed files) added. Leaves user_version to the caller. False when a statement fails.
inline bool dropSchemaVersion9(QSqlDatabase db)
{
    if (!dropSchemaVersion11(db) || !dropSchemaVersion10(db))
        return false;
    QSqlQuery q(db);
    for (const char *trigger : {"count_corrections_insert", "count_corrections_update", "count_corrections_delete"})
        if (!q.exec(QStringLiteral("DROP TRIGGER IF EXISTS ") + QLatin1String(trigger)))
            return false;
    return q.exec(QStringLiteral("DROP TABLE IF EXISTS corrections"));
}

/// Drops what schema versions 7 (the article sizes, their triggers), 8 (the year's evidence) and later added. Leaves
/// user_version to the caller. False when a statement fails.
inline bool dropSchemaVersions7And8(QSqlDatabase db)
{
    if (!dropSchemaVersion9(db))
        return false;
    QSqlQuery q(db);
    for (const char *trigger : {"article_sizes_block_inserted", "article_sizes_block_changed",
                                "article_sizes_block_deleted", "article_sizes_article_moved"})
        if (!q.exec(QStringLiteral("DROP TRIGGER IF EXISTS ") + QLatin1String(trigger)))
            return false;
    if (!q.exec(QStringLiteral("DROP TABLE IF EXISTS article_sizes")) ||
        !q.exec(QStringLiteral("DROP INDEX IF EXISTS appearances_person_offices")))
        return false;
    for (const char *column : {"date_alternatives", "date_evidence"}) {
        if (!q.exec(QStringLiteral("SELECT count(*) FROM pragma_table_info('issues') WHERE name = '%1'")
                        .arg(QLatin1String(column))) ||
            !q.next())
            return false;
        const bool present = q.value(0).toInt() > 0;
        q.finish();
        if (present && !q.exec(QStringLiteral("ALTER TABLE issues DROP COLUMN ") + QLatin1String(column)))
            return false;
    }
    return true;
}

/// Drops what schema versions 5 (the change counters and their triggers), 6 (the people index), 7 (the article sizes)
/// and 8 (the year's evidence) added, so that an older version's library is what that version made (Library::open()
/// verifies the schema against it). Leaves user_version to the caller. False when a statement fails.
inline bool dropSchemaVersions5To8(QSqlDatabase db)
{
    if (!dropSchemaVersion15(db)) // and 17
        return false;
    QSqlQuery q(db);
    QStringList triggers;
    if (!q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'trigger' AND "
                               "(name LIKE 'count\\_%' ESCAPE '\\' OR name LIKE 'analysis\\_%' ESCAPE '\\')")))
        return false;
    while (q.next())
        triggers << q.value(0).toString();
    for (const QString &t : std::as_const(triggers))
        if (!q.exec(QStringLiteral("DROP TRIGGER ") + t))
            return false;
    if (!dropSchemaVersions7And8(db))
        return false;
    for (const char *table : {"appearances", "person_edits", "persons", "analysis_pending", "change_counter"})
        if (!q.exec(QStringLiteral("DROP TABLE IF EXISTS ") + QLatin1String(table)))
            return false;
    return true;
}

} // namespace dubao::test
