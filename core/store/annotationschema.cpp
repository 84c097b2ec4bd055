// Schema v2: tags, highlights, notes, notebooks, and the stored bytes of each source file (so that an
// issue can be re-parsed later). Documented in docs/schema.md ("Schema version 2"); keep the two in step.
#include "store/schema.h"

#include <QSqlError>
#include <QSqlQuery>

namespace dubao::schema {

bool migrateTo2(QSqlDatabase &db, QString *error)
{
    // Anchor columns (highlights and notes): where the annotation belongs in a way that survives a re-parse
    // (W3C Web Annotation TextQuote + TextPosition selectors). Offsets are QString (UTF-16) positions.
    static const char *const statements[] = {
        R"(CREATE TABLE source_contents (
            source_file_id INTEGER PRIMARY KEY REFERENCES source_files(id) ON DELETE CASCADE,
            bytes          BLOB NOT NULL
        ))",
        R"(CREATE TABLE tags (
            id         INTEGER PRIMARY KEY,
            name       TEXT NOT NULL CHECK (name <> '' AND instr(name, '/') = 0),
            parent_id  INTEGER NULL REFERENCES tags(id),
            color      TEXT NOT NULL CHECK (length(color) = 7 AND color GLOB '#[0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F]'),
            created_at TEXT NOT NULL
        ))",
        "CREATE UNIQUE INDEX tags_sibling_name ON tags(ifnull(parent_id, 0), name)",
        "CREATE INDEX tags_parent ON tags(parent_id)",
        R"(CREATE TABLE article_tags (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            tag_id     INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            created_at TEXT NOT NULL,
            PRIMARY KEY (article_id, tag_id)
        ) WITHOUT ROWID)",
        "CREATE INDEX article_tags_tag ON article_tags(tag_id)",
        R"(CREATE TABLE block_tags (
            block_id   INTEGER NOT NULL REFERENCES blocks(id) ON DELETE CASCADE,
            tag_id     INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            created_at TEXT NOT NULL,
            PRIMARY KEY (block_id, tag_id)
        ) WITHOUT ROWID)",
        "CREATE INDEX block_tags_tag ON block_tags(tag_id)",
        R"(CREATE TABLE highlights (
            id               INTEGER PRIMARY KEY,
            block_id         INTEGER NULL REFERENCES blocks(id) ON DELETE SET NULL,
            start            INTEGER,
            "end"            INTEGER,
            quote            TEXT NOT NULL,
            prefix           TEXT NOT NULL DEFAULT '',
            suffix           TEXT NOT NULL DEFAULT '',
            issue_id         INTEGER NULL REFERENCES issues(id) ON DELETE SET NULL,
            article_position INTEGER,
            article_title    TEXT,
            block_position   INTEGER,
            article_start    INTEGER,
            origin           TEXT NOT NULL DEFAULT 'highlight'
                             CHECK (origin IN ('highlight', 'block_tag', 'article_tag')),
            orphan           INTEGER NOT NULL DEFAULT 0 CHECK (orphan IN (0, 1)),
            created_at       TEXT NOT NULL,
            modified_at      TEXT NOT NULL,
            CHECK (start IS NULL OR (start >= 0 AND "end" >= start))
        ))",
        "CREATE INDEX highlights_block ON highlights(block_id)",
        "CREATE INDEX highlights_issue ON highlights(issue_id)",
        R"(CREATE TABLE highlight_tags (
            highlight_id INTEGER NOT NULL REFERENCES highlights(id) ON DELETE CASCADE,
            tag_id       INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            PRIMARY KEY (highlight_id, tag_id)
        ) WITHOUT ROWID)",
        "CREATE INDEX highlight_tags_tag ON highlight_tags(tag_id)",
        R"(CREATE TABLE notes (
            id               INTEGER PRIMARY KEY,
            block_id         INTEGER NULL REFERENCES blocks(id) ON DELETE SET NULL,
            highlight_id     INTEGER NULL REFERENCES highlights(id),
            text             TEXT NOT NULL,
            orphan           INTEGER NOT NULL DEFAULT 0 CHECK (orphan IN (0, 1)),
            created_at       TEXT NOT NULL,
            modified_at      TEXT NOT NULL,
            quote            TEXT NOT NULL DEFAULT '',
            prefix           TEXT NOT NULL DEFAULT '',
            suffix           TEXT NOT NULL DEFAULT '',
            issue_id         INTEGER NULL REFERENCES issues(id) ON DELETE SET NULL,
            article_position INTEGER,
            article_title    TEXT,
            block_position   INTEGER,
            article_start    INTEGER
        ))",
        "CREATE INDEX notes_block ON notes(block_id)",
        "CREATE INDEX notes_highlight ON notes(highlight_id)",
        "CREATE INDEX notes_issue ON notes(issue_id)",
        R"(CREATE TABLE note_tags (
            note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
            tag_id  INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            PRIMARY KEY (note_id, tag_id)
        ) WITHOUT ROWID)",
        "CREATE INDEX note_tags_tag ON note_tags(tag_id)",
        R"(CREATE TABLE notebooks (
            id         INTEGER PRIMARY KEY,
            name       TEXT NOT NULL UNIQUE CHECK (name <> ''),
            created_at TEXT NOT NULL
        ))",
        R"(CREATE TABLE notebook_entries (
            id           INTEGER PRIMARY KEY,
            notebook_id  INTEGER NOT NULL REFERENCES notebooks(id) ON DELETE CASCADE,
            position     INTEGER NOT NULL,
            highlight_id INTEGER NULL REFERENCES highlights(id),
            note_id      INTEGER NULL REFERENCES notes(id),
            text         TEXT NULL,
            created_at   TEXT NOT NULL,
            CHECK ((highlight_id IS NOT NULL) + (note_id IS NOT NULL) + (text IS NOT NULL) = 1)
        ))",
        "CREATE INDEX notebook_entries_order ON notebook_entries(notebook_id, position)",
        "CREATE INDEX notebook_entries_highlight ON notebook_entries(highlight_id)",
        "CREATE INDEX notebook_entries_note ON notebook_entries(note_id)",
    };
    for (const char *sql : statements) {
        QSqlQuery query(db);
        if (!query.exec(QString::fromUtf8(sql))) {
            if (error)
                *error = query.lastError().text();
            return false;
        }
    }
    return true;
}

} // namespace dubao::schema
