// The store's schema steps (v1, v2, v4 and v5) and the registry of the steps and connection set-ups of the layers above
// it. Documented in docs/schema.md; keep the two in step.
#include "core/store/authorship.h"
#include "core/store/schema.h"
#include "core/store/sourcebytes.h"
#include "core/store/sql.h"
#include "core/store/uid.h"
#include "core/store/upgradeprogress.h"

#include <QMutex>
#include <QSqlError>
#include <QSqlQuery>

namespace dubao::schema {

namespace {

constexpr int kApplicationId = 0x44554241; // "DUBA", Library::applicationId()

template<size_t N>
Result<void> execAll(QSqlDatabase &db, const char *const (&statements)[N])
{
    for (const char *statement : statements) {
        if (Result<void> done = sql::exec(db, QString::fromUtf8(statement)); !done)
            return done;
    }
    return {};
}

struct Registry
{
    QMutex mutex;
    QList<RegisteredStep> steps;
    QList<Step> setUps;
    QList<Step> beforeCommit;
    QStringList derivedTables;
};

Registry &registry()
{
    static Registry instance;
    return instance;
}

/// Which layer makes each version: what Library::open() names when a program did not register it.
QString layerOfVersion(int version)
{
    if (version == 3 || version == 13 || version == 17)
        return QStringLiteral("search");
    if (version == 10 || version == 12 || version == 18)
        return QStringLiteral("reuse");
    return version == 6 || version == 7 || version == 14 || version == 16 ? QStringLiteral("analysis")
                                                                          : QStringLiteral("store");
}

} // namespace

Result<void> unchangedOnSQLite(QSqlDatabase &)
{
    return {};
}

void registerStep(int version, const char *layer, Step step)
{
    Registry &r = registry();
    QMutexLocker locker(&r.mutex);
    for (const RegisteredStep &known : std::as_const(r.steps))
        if (known.version == version && known.step == step)
            return;
    r.steps.append({version, QString::fromLatin1(layer), step});
}

void registerConnectionSetUp(const char *, Step setUp)
{
    Registry &r = registry();
    QMutexLocker locker(&r.mutex);
    if (!r.setUps.contains(setUp))
        r.setUps.append(setUp);
}

void registerBeforeCommit(const char *, Step step)
{
    Registry &r = registry();
    QMutexLocker locker(&r.mutex);
    if (!r.beforeCommit.contains(step))
        r.beforeCommit.append(step);
}

QList<Step> beforeCommitSteps()
{
    Registry &r = registry();
    QMutexLocker locker(&r.mutex);
    return r.beforeCommit;
}

void registerDerivedTables(const QStringList &tables)
{
    Registry &r = registry();
    QMutexLocker locker(&r.mutex);
    for (const QString &table : tables)
        if (!r.derivedTables.contains(table))
            r.derivedTables.append(table);
}

bool isRegisteredDerivedTable(const QString &table)
{
    Registry &r = registry();
    QMutexLocker locker(&r.mutex);
    return r.derivedTables.contains(table);
}

QList<RegisteredStep> steps(int current)
{
    QList<RegisteredStep> result;
    Registry &r = registry();
    QMutexLocker locker(&r.mutex);
    for (int version = 1; version <= current; ++version) {
        RegisteredStep step{version, layerOfVersion(version), nullptr};
        if (version == 1)
            step.step = migrateTo1;
        else if (version == 2)
            step.step = migrateTo2;
        else if (version == 4)
            step.step = migrateTo4;
        else if (version == 5)
            step.step = migrateTo5;
        else if (version == 8)
            step.step = migrateTo8;
        else if (version == 9)
            step.step = migrateTo9;
        else if (version == 11)
            step.step = sourcebytes::migrateTo11;
        else if (version == 15)
            step.step = authorship::migrateTo15;
        else if (version == 19) // re-anchored taggings keep their maker on a team library (authorship.h)
            step.step = unchangedOnSQLite;
        else if (version == 20)
            step.step = migrateTo20;
        else if (version == 21) // a team library records its deletions for the change notices (changedeletions.h)
            step.step = unchangedOnSQLite;
        for (const RegisteredStep &known : std::as_const(r.steps))
            if (known.version == version)
                step = known;
        result.append(step);
    }
    return result;
}

QList<Step> connectionSetUps()
{
    Registry &r = registry();
    QMutexLocker locker(&r.mutex);
    QList<Step> setUps{setUpStoreConnection};
    setUps += r.setUps;
    return setUps;
}

Result<void> setUpStoreConnection(QSqlDatabase &db)
{
    if (!uid::registerSqlFunction(sql::handle(db)))
        return Error(sql::Store::tr("cannot open: %1").arg(QStringLiteral("cannot register dubao_uid()")));
    if (!authorship::registerSqlFunction(sql::handle(db)))
        return Error(sql::Store::tr("cannot open: %1").arg(QStringLiteral("cannot register dubao_user()")));
    return {};
}

// Schema version 1: publications, source files, issues, articles (with normalised reporters) and blocks.
// Annotations, tags and the FTS index come in later versions, each as its own step.
Result<void> migrateTo1(QSqlDatabase &db)
{
    static const char *const statements[] = {
        R"(CREATE TABLE publications (
            id   INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE CHECK (name <> '')
        ))",
        R"(CREATE TABLE source_files (
            id          INTEGER PRIMARY KEY,
            path        TEXT NOT NULL,
            sha256      TEXT NOT NULL UNIQUE CHECK (sha256 <> ''),
            encoding    TEXT NOT NULL,
            size        INTEGER,
            imported_at TEXT NOT NULL
        ))",
        R"(CREATE TABLE issues (
            id             INTEGER PRIMARY KEY,
            publication_id INTEGER REFERENCES publications(id) ON DELETE SET NULL,
            source_file_id INTEGER NOT NULL UNIQUE REFERENCES source_files(id) ON DELETE CASCADE,
            date           TEXT CHECK (date IS NULL OR date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
            month          INTEGER NOT NULL DEFAULT 0 CHECK (month BETWEEN 0 AND 12),
            day            INTEGER NOT NULL DEFAULT 0 CHECK (day BETWEEN 0 AND 31),
            date_inferred  INTEGER NOT NULL DEFAULT 0 CHECK (date_inferred IN (0, 1)),
            created_at     TEXT NOT NULL
        ))",
        "CREATE INDEX issues_publication ON issues(publication_id)",
        "CREATE INDEX issues_date ON issues(date, month, day)",
        R"(CREATE TABLE articles (
            id            INTEGER PRIMARY KEY,
            issue_id      INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
            position      INTEGER NOT NULL,
            kicker        TEXT NOT NULL DEFAULT '',
            title         TEXT NOT NULL DEFAULT '',
            subtitles     TEXT NOT NULL DEFAULT '[]',
            has_byline    INTEGER NOT NULL DEFAULT 0 CHECK (has_byline IN (0, 1)),
            byline_source TEXT,
            byline_date   TEXT CHECK (byline_date IS NULL OR byline_date = ''
                                      OR byline_date GLOB '[0-9][0-9]-[0-9][0-9]'),
            byline_raw    TEXT,
            first_line    INTEGER NOT NULL,
            last_line     INTEGER NOT NULL,
            UNIQUE (issue_id, position)
        ))",
        R"(CREATE TABLE reporters (
            id   INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE CHECK (name <> '')
        ))",
        R"(CREATE TABLE article_reporters (
            article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            position    INTEGER NOT NULL,
            reporter_id INTEGER NOT NULL REFERENCES reporters(id),
            PRIMARY KEY (article_id, position)
        ) WITHOUT ROWID)",
        "CREATE INDEX article_reporters_reporter ON article_reporters(reporter_id)",
        R"(CREATE TABLE blocks (
            id         INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            position   INTEGER NOT NULL,
            kind       TEXT NOT NULL CHECK (kind IN ('body', 'heading', 'speaker', 'caption', 'note')),
            text       TEXT NOT NULL,
            raw        TEXT NOT NULL,
            first_line INTEGER NOT NULL,
            last_line  INTEGER NOT NULL,
            UNIQUE (article_id, position)
        ))",
        "PRAGMA application_id = 1146438209", // kApplicationId, checked by a static_assert below
    };
    static_assert(kApplicationId == 1146438209);
    return execAll(db, statements);
}

Result<void> migrateTo2(QSqlDatabase &db)
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
    return execAll(db, statements);
}

// Schema version 4: stable identities. A uid (a version 7 UUID, 16 bytes) on every row a link, an export or
// another library may name, filled here for the rows that exist; the parser version each issue was last parsed
// with; and the lineage of blocks and articles that a re-parse or replace split, joined or removed.
Result<void> migrateTo4(QSqlDatabase &db)
{
    static const char *const tables[] = {"issues", "articles", "blocks", "tags", "highlights", "notes", "notebooks"};
    for (const char *table : tables) {
        const QString name = QString::fromLatin1(table);
        // Rows get their uids in rowid order, so each unique index is built from ascending keys.
        const Result<void> done = sql::exec(
            db,
            {{QStringLiteral("ALTER TABLE %1 ADD COLUMN uid BLOB CHECK (uid IS NULL OR length(uid) = 16)").arg(name),
              {}},
             {QStringLiteral("UPDATE %1 SET uid = dubao_uid()").arg(name), {}},
             {QStringLiteral("CREATE UNIQUE INDEX %1_uid ON %1(uid)").arg(name), {}},
             // A row inserted without a uid (an older code path, a restore) gets one.
             {QStringLiteral("CREATE TRIGGER %1_new_uid AFTER INSERT ON %1 WHEN new.uid IS NULL BEGIN "
                             "UPDATE %1 SET uid = dubao_uid() WHERE rowid = new.rowid; END")
                  .arg(name),
              {}}});
        if (!done)
            return done;
    }
    static const char *const statements[] = {
        "ALTER TABLE issues ADD COLUMN parser_version INTEGER NOT NULL DEFAULT 0",
        R"(CREATE TABLE block_lineage (
            id             INTEGER PRIMARY KEY,
            issue_id       INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
            old_id         INTEGER NOT NULL,
            old_uid        BLOB NOT NULL,
            new_id         INTEGER,
            new_uid        BLOB,
            kind           TEXT NOT NULL CHECK (kind IN ('split', 'joined', 'removed')),
            parser_version INTEGER NOT NULL,
            created_at     TEXT NOT NULL,
            CHECK ((kind = 'removed') = (new_uid IS NULL))
        ))",
        "CREATE INDEX block_lineage_old_uid ON block_lineage(old_uid)",
        "CREATE INDEX block_lineage_old_id ON block_lineage(old_id)",
        "CREATE INDEX block_lineage_issue ON block_lineage(issue_id)",
        R"(CREATE TABLE article_lineage (
            id             INTEGER PRIMARY KEY,
            issue_id       INTEGER NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
            old_id         INTEGER NOT NULL,
            old_uid        BLOB NOT NULL,
            new_id         INTEGER,
            new_uid        BLOB,
            kind           TEXT NOT NULL CHECK (kind IN ('split', 'joined', 'removed')),
            parser_version INTEGER NOT NULL,
            created_at     TEXT NOT NULL,
            CHECK ((kind = 'removed') = (new_uid IS NULL))
        ))",
        "CREATE INDEX article_lineage_old_uid ON article_lineage(old_uid)",
        "CREATE INDEX article_lineage_old_id ON article_lineage(old_id)",
        "CREATE INDEX article_lineage_issue ON article_lineage(issue_id)",
    };
    return execAll(db, statements);
}

// Schema version 5: two change counters, so a backup is made only when something changed since the last one
// (PRAGMA data_version only counts other connections' commits, and only while one stays open). Triggers count every
// row written: `library` for the issues and what a restore rebuilds from them, `work` for the user's own tables.
// Inserts into articles and blocks are not counted (each comes with an issue's insert or update, or a lineage row),
// so an import pays one counter update per issue.
Result<void> migrateTo5(QSqlDatabase &db)
{
    if (Result<void> done = sql::exec(
            db, {{QStringLiteral("CREATE TABLE IF NOT EXISTS change_counter (name TEXT PRIMARY KEY, "
                                 "value INTEGER NOT NULL) WITHOUT ROWID"),
                  {}},
                 {QStringLiteral("INSERT OR IGNORE INTO change_counter VALUES ('library', 0), ('work', 0)"), {}}});
        !done)
        return done;
    struct Counted
    {
        const char *table;
        const char *counter;
        bool inserts;
    };
    static const Counted counted[] = {
        {"issues", "library", true},
        {"source_files", "library", true},
        {"articles", "library", false},
        {"blocks", "library", false},
        {"block_lineage", "library", true},
        {"article_lineage", "library", true},
        {"publications", "library", true},
        {"tags", "work", true},
        {"article_tags", "work", true},
        {"block_tags", "work", true},
        {"highlights", "work", true},
        {"highlight_tags", "work", true},
        {"notes", "work", true},
        {"note_tags", "work", true},
        {"notebooks", "work", true},
        {"notebook_entries", "work", true},
    };
    for (const Counted &c : counted) {
        for (const char *op : {"INSERT", "UPDATE", "DELETE"}) {
            if (!c.inserts && qstrcmp(op, "INSERT") == 0)
                continue;
            const QString sql = QStringLiteral("CREATE TRIGGER IF NOT EXISTS count_%1_%2 AFTER %3 ON %1 BEGIN "
                                               "UPDATE change_counter SET value = value + 1 WHERE name = '%4'; END")
                                    .arg(QLatin1String(c.table), QString::fromLatin1(op).toLower(), QLatin1String(op),
                                         QLatin1String(c.counter));
            if (Result<void> done = sql::exec(db, sql); !done)
                return done;
        }
    }
    return {};
}

// Schema version 8: how sure an issue's year is (issue 15). The other years the evidence points at
// ("2022,2024"; NULL: none) — a non-empty list makes an inferred date uncertain — and the evidence itself, a JSON
// array of {kind, year, last, text} (docs/schema.md). Existing issues get them at their next re-parse (the parser
// version was raised with them).
Result<void> migrateTo8(QSqlDatabase &db)
{
    // A column a library already has (one whose version was set back) is not added twice.
    for (const char *column : {"date_alternatives", "date_evidence"}) {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("SELECT count(*) FROM pragma_table_info('issues') WHERE name = '%1'")
                            .arg(QLatin1String(column))) ||
            !query.next())
            return Error(sql::Store::tr("cannot store: %1").arg(query.lastError().text()));
        if (query.value(0).toInt() > 0)
            continue;
        if (Result<void> done =
                sql::exec(db, QStringLiteral("ALTER TABLE issues ADD COLUMN %1 TEXT").arg(QLatin1String(column)));
            !done)
            return done;
    }
    return {};
}

// Schema version 20: the page (版次) an article is on, when the issue file names it (docs/parser.md, rule
// "page-header"): the number as printed and the page's name, both NULL when the file names no page. Existing issues
// get them at their next re-parse (the parser version was raised with them).
Result<void> migrateTo20(QSqlDatabase &db)
{
    for (const char *column : {"page", "page_name"}) {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("SELECT count(*) FROM pragma_table_info('articles') WHERE name = '%1'")
                            .arg(QLatin1String(column))) ||
            !query.next())
            return Error(sql::Store::tr("cannot store: %1").arg(query.lastError().text()));
        if (query.value(0).toInt() > 0)
            continue;
        if (Result<void> done =
                sql::exec(db, QStringLiteral("ALTER TABLE articles ADD COLUMN %1 TEXT").arg(QLatin1String(column)));
            !done)
            return done;
    }
    return {};
}

// Schema version 9: the reader's corrections of the OCR (issue 15; docs/corrections.md). The user's work: backups keep
// the table (it is not derived), a re-parse or replace re-applies and re-anchors its rows (IssueReplacer), a row that
// cannot be placed is an orphan (block_id NULL, orphan 1), never deleted. Self-contained, so that it can be renumbered.
Result<void> migrateTo9(QSqlDatabase &db)
{
    static const char *const statements[] = {
        "CREATE TABLE IF NOT EXISTS corrections ("
        " id INTEGER PRIMARY KEY,"
        " kind TEXT NOT NULL CHECK (kind IN ('text', 'join', 'split', 'kind')),"
        " block_id INTEGER NULL REFERENCES blocks(id) ON DELETE SET NULL,"
        " issue_id INTEGER NULL REFERENCES issues(id) ON DELETE SET NULL,"
        " start INTEGER NOT NULL, \"end\" INTEGER NOT NULL,"
        " text TEXT NOT NULL, original TEXT NOT NULL, prefix TEXT NOT NULL, suffix TEXT NOT NULL,"
        " article_position INTEGER NOT NULL, article_title TEXT NOT NULL, block_position INTEGER NOT NULL,"
        " article_start INTEGER NOT NULL, shown_start INTEGER NOT NULL DEFAULT 0, shown_end INTEGER NOT NULL DEFAULT 0,"
        " author TEXT NOT NULL, orphan INTEGER NOT NULL DEFAULT 0,"
        " created_at TEXT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS corrections_issue ON corrections(issue_id)",
        "CREATE INDEX IF NOT EXISTS corrections_block ON corrections(block_id)",
        "CREATE TRIGGER IF NOT EXISTS count_corrections_insert AFTER INSERT ON corrections BEGIN "
        "UPDATE change_counter SET value = value + 1 WHERE name = 'work'; END",
        "CREATE TRIGGER IF NOT EXISTS count_corrections_update AFTER UPDATE ON corrections BEGIN "
        "UPDATE change_counter SET value = value + 1 WHERE name = 'work'; END",
        "CREATE TRIGGER IF NOT EXISTS count_corrections_delete AFTER DELETE ON corrections BEGIN "
        "UPDATE change_counter SET value = value + 1 WHERE name = 'work'; END",
    };
    return execAll(db, statements);
}

} // namespace dubao::schema

namespace dubao {

namespace {
thread_local UpgradeProgress *t_upgradeProgress = nullptr;
} // namespace

UpgradeProgress::UpgradeProgress(Report report)
    : m_report(std::move(report))
    , m_previous(t_upgradeProgress)
{
    t_upgradeProgress = this;
}

UpgradeProgress::~UpgradeProgress()
{
    t_upgradeProgress = m_previous;
}

void UpgradeProgress::report(const QString &what, qint64 done, qint64 total)
{
    if (t_upgradeProgress && t_upgradeProgress->m_report)
        t_upgradeProgress->m_report(what, done, total);
}

} // namespace dubao
