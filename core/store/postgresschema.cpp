// The store's tables on PostgreSQL, as of schema version 11, and the registry of the PostgreSQL scripts. The same
// tables, columns and constraints as the SQLite steps in schemasteps.cpp (docs/schema.md), in PostgreSQL's words:
// bigserial ids (a BEFORE INSERT trigger gives a row inserted with a NULL id the next one, as SQLite's rowid does),
// bytea for BLOB, regular expressions for GLOB, num_nonnulls for a sum of booleans. Not here: the change counters
// and the compression queue of v5 and v11 (backups and re-packing are SQLite's), and the tables of the layers above
// the store, which register their own scripts.
#include "core/store/postgresschema.h"

#include "core/store/authorship.h"
#include "core/store/changedeletions.h"
#include "core/store/schema.h"
#include "core/store/sql.h"

#include <QMutex>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace dubao::schema {

namespace {

// clang-format off
const char *const kStoreV11 = R"sql(
CREATE FUNCTION dubao_uid() RETURNS bytea LANGUAGE plpgsql VOLATILE AS $$
DECLARE r bytea := uuid_send(gen_random_uuid());
BEGIN
    -- A version 7 UUID (core/store/uid.h): 48 bits of Unix milliseconds, then random bits.
    r := overlay(r PLACING substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
                 FROM 1 FOR 6);
    RETURN set_byte(r, 6, (get_byte(r, 6) & 15) | 112);
END $$;
CREATE FUNCTION dubao_fill_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.id IS NULL THEN
        NEW.id := nextval(TG_ARGV[0]::regclass);
    ELSIF NEW.id > coalesce(pg_sequence_last_value(TG_ARGV[0]::regclass), 0) THEN
        PERFORM setval(TG_ARGV[0]::regclass, NEW.id);
    END IF;
    RETURN NEW;
END $$;
CREATE FUNCTION dubao_fill_uid() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.uid IS NULL THEN
        NEW.uid := dubao_uid();
    END IF;
    RETURN NEW;
END $$;

CREATE TABLE publications (
    id   bigserial PRIMARY KEY,
    name text NOT NULL UNIQUE CHECK (name <> '')
);
CREATE TABLE source_files (
    id          bigserial PRIMARY KEY,
    path        text NOT NULL,
    sha256      text NOT NULL UNIQUE CHECK (sha256 <> ''),
    encoding    text NOT NULL,
    size        bigint,
    imported_at text NOT NULL
);
CREATE TABLE issues (
    id                bigserial PRIMARY KEY,
    publication_id    bigint REFERENCES publications(id) ON DELETE SET NULL,
    source_file_id    bigint NOT NULL UNIQUE REFERENCES source_files(id) ON DELETE CASCADE,
    date              text CHECK (date IS NULL OR date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
    month             integer NOT NULL DEFAULT 0 CHECK (month BETWEEN 0 AND 12),
    day               integer NOT NULL DEFAULT 0 CHECK (day BETWEEN 0 AND 31),
    date_inferred     integer NOT NULL DEFAULT 0 CHECK (date_inferred IN (0, 1)),
    created_at        text NOT NULL,
    uid               bytea CHECK (uid IS NULL OR octet_length(uid) = 16),
    parser_version    integer NOT NULL DEFAULT 0,
    date_alternatives text,
    date_evidence     text
);
CREATE INDEX issues_publication ON issues(publication_id);
CREATE INDEX issues_date ON issues(date, month, day);
CREATE TABLE articles (
    id            bigserial PRIMARY KEY,
    issue_id      bigint NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
    position      integer NOT NULL,
    kicker        text NOT NULL DEFAULT '',
    title         text NOT NULL DEFAULT '',
    subtitles     text NOT NULL DEFAULT '[]',
    has_byline    integer NOT NULL DEFAULT 0 CHECK (has_byline IN (0, 1)),
    byline_source text,
    byline_date   text CHECK (byline_date IS NULL OR byline_date = '' OR byline_date ~ '^[0-9]{2}-[0-9]{2}$'),
    byline_raw    text,
    first_line    integer NOT NULL,
    last_line     integer NOT NULL,
    uid           bytea CHECK (uid IS NULL OR octet_length(uid) = 16),
    UNIQUE (issue_id, position)
);
CREATE TABLE reporters (
    id   bigserial PRIMARY KEY,
    name text NOT NULL UNIQUE CHECK (name <> '')
);
CREATE TABLE article_reporters (
    article_id  bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position    integer NOT NULL,
    reporter_id bigint NOT NULL REFERENCES reporters(id),
    PRIMARY KEY (article_id, position)
);
CREATE INDEX article_reporters_reporter ON article_reporters(reporter_id);
CREATE TABLE blocks (
    id         bigserial PRIMARY KEY,
    article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position   integer NOT NULL,
    kind       text NOT NULL CHECK (kind IN ('body', 'heading', 'speaker', 'caption', 'note')),
    text       text NOT NULL,
    raw        text NOT NULL,
    first_line integer NOT NULL,
    last_line  integer NOT NULL,
    uid        bytea CHECK (uid IS NULL OR octet_length(uid) = 16),
    UNIQUE (article_id, position)
);
CREATE TABLE source_contents (
    source_file_id bigint PRIMARY KEY REFERENCES source_files(id) ON DELETE CASCADE,
    bytes          bytea NOT NULL,
    codec          integer NOT NULL DEFAULT 0
);
CREATE TABLE tags (
    id         bigserial PRIMARY KEY,
    name       text NOT NULL CHECK (name <> '' AND strpos(name, '/') = 0),
    parent_id  bigint NULL REFERENCES tags(id),
    color      text NOT NULL CHECK (color ~ '^#[0-9A-F]{6}$'),
    created_at text NOT NULL,
    uid        bytea CHECK (uid IS NULL OR octet_length(uid) = 16)
);
CREATE UNIQUE INDEX tags_sibling_name ON tags(coalesce(parent_id, 0), name);
CREATE INDEX tags_parent ON tags(parent_id);
CREATE TABLE article_tags (
    article_id bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    tag_id     bigint NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    created_at text NOT NULL,
    PRIMARY KEY (article_id, tag_id)
);
CREATE INDEX article_tags_tag ON article_tags(tag_id);
CREATE TABLE block_tags (
    block_id   bigint NOT NULL REFERENCES blocks(id) ON DELETE CASCADE,
    tag_id     bigint NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    created_at text NOT NULL,
    PRIMARY KEY (block_id, tag_id)
);
CREATE INDEX block_tags_tag ON block_tags(tag_id);
CREATE TABLE highlights (
    id               bigserial PRIMARY KEY,
    block_id         bigint NULL REFERENCES blocks(id) ON DELETE SET NULL,
    start            integer,
    "end"            integer,
    quote            text NOT NULL,
    prefix           text NOT NULL DEFAULT '',
    suffix           text NOT NULL DEFAULT '',
    issue_id         bigint NULL REFERENCES issues(id) ON DELETE SET NULL,
    article_position integer,
    article_title    text,
    block_position   integer,
    article_start    integer,
    origin           text NOT NULL DEFAULT 'highlight' CHECK (origin IN ('highlight', 'block_tag', 'article_tag')),
    orphan           integer NOT NULL DEFAULT 0 CHECK (orphan IN (0, 1)),
    created_at       text NOT NULL,
    modified_at      text NOT NULL,
    uid              bytea CHECK (uid IS NULL OR octet_length(uid) = 16),
    CHECK (start IS NULL OR (start >= 0 AND "end" >= start))
);
CREATE INDEX highlights_block ON highlights(block_id);
CREATE INDEX highlights_issue ON highlights(issue_id);
CREATE TABLE highlight_tags (
    highlight_id bigint NOT NULL REFERENCES highlights(id) ON DELETE CASCADE,
    tag_id       bigint NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (highlight_id, tag_id)
);
CREATE INDEX highlight_tags_tag ON highlight_tags(tag_id);
CREATE TABLE notes (
    id               bigserial PRIMARY KEY,
    block_id         bigint NULL REFERENCES blocks(id) ON DELETE SET NULL,
    highlight_id     bigint NULL REFERENCES highlights(id),
    text             text NOT NULL,
    orphan           integer NOT NULL DEFAULT 0 CHECK (orphan IN (0, 1)),
    created_at       text NOT NULL,
    modified_at      text NOT NULL,
    quote            text NOT NULL DEFAULT '',
    prefix           text NOT NULL DEFAULT '',
    suffix           text NOT NULL DEFAULT '',
    issue_id         bigint NULL REFERENCES issues(id) ON DELETE SET NULL,
    article_position integer,
    article_title    text,
    block_position   integer,
    article_start    integer,
    uid              bytea CHECK (uid IS NULL OR octet_length(uid) = 16)
);
CREATE INDEX notes_block ON notes(block_id);
CREATE INDEX notes_highlight ON notes(highlight_id);
CREATE INDEX notes_issue ON notes(issue_id);
CREATE TABLE note_tags (
    note_id bigint NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
    tag_id  bigint NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (note_id, tag_id)
);
CREATE INDEX note_tags_tag ON note_tags(tag_id);
CREATE TABLE notebooks (
    id         bigserial PRIMARY KEY,
    name       text NOT NULL UNIQUE CHECK (name <> ''),
    created_at text NOT NULL,
    uid        bytea CHECK (uid IS NULL OR octet_length(uid) = 16)
);
CREATE TABLE notebook_entries (
    id           bigserial PRIMARY KEY,
    notebook_id  bigint NOT NULL REFERENCES notebooks(id) ON DELETE CASCADE,
    position     integer NOT NULL,
    highlight_id bigint NULL REFERENCES highlights(id),
    note_id      bigint NULL REFERENCES notes(id),
    text         text NULL,
    created_at   text NOT NULL,
    CHECK (num_nonnulls(highlight_id, note_id, text) = 1)
);
CREATE INDEX notebook_entries_order ON notebook_entries(notebook_id, position);
CREATE INDEX notebook_entries_highlight ON notebook_entries(highlight_id);
CREATE INDEX notebook_entries_note ON notebook_entries(note_id);
CREATE TABLE block_lineage (
    id             bigserial PRIMARY KEY,
    issue_id       bigint NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
    old_id         bigint NOT NULL,
    old_uid        bytea NOT NULL,
    new_id         bigint,
    new_uid        bytea,
    kind           text NOT NULL CHECK (kind IN ('split', 'joined', 'removed')),
    parser_version integer NOT NULL,
    created_at     text NOT NULL,
    CHECK ((kind = 'removed') = (new_uid IS NULL))
);
CREATE INDEX block_lineage_old_uid ON block_lineage(old_uid);
CREATE INDEX block_lineage_old_id ON block_lineage(old_id);
CREATE INDEX block_lineage_issue ON block_lineage(issue_id);
CREATE TABLE article_lineage (
    id             bigserial PRIMARY KEY,
    issue_id       bigint NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
    old_id         bigint NOT NULL,
    old_uid        bytea NOT NULL,
    new_id         bigint,
    new_uid        bytea,
    kind           text NOT NULL CHECK (kind IN ('split', 'joined', 'removed')),
    parser_version integer NOT NULL,
    created_at     text NOT NULL,
    CHECK ((kind = 'removed') = (new_uid IS NULL))
);
CREATE INDEX article_lineage_old_uid ON article_lineage(old_uid);
CREATE INDEX article_lineage_old_id ON article_lineage(old_id);
CREATE INDEX article_lineage_issue ON article_lineage(issue_id);
CREATE TABLE corrections (
    id               bigserial PRIMARY KEY,
    kind             text NOT NULL CHECK (kind IN ('text', 'join', 'split', 'kind')),
    block_id         bigint NULL REFERENCES blocks(id) ON DELETE SET NULL,
    issue_id         bigint NULL REFERENCES issues(id) ON DELETE SET NULL,
    start            integer NOT NULL,
    "end"            integer NOT NULL,
    text             text NOT NULL,
    original         text NOT NULL,
    prefix           text NOT NULL,
    suffix           text NOT NULL,
    article_position integer NOT NULL,
    article_title    text NOT NULL,
    block_position   integer NOT NULL,
    article_start    integer NOT NULL,
    shown_start      integer NOT NULL DEFAULT 0,
    shown_end        integer NOT NULL DEFAULT 0,
    author           text NOT NULL,
    orphan           integer NOT NULL DEFAULT 0,
    created_at       text NOT NULL
);
CREATE INDEX corrections_issue ON corrections(issue_id);
CREATE INDEX corrections_block ON corrections(block_id);
DO $$
DECLARE t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['publications', 'source_files', 'issues', 'articles', 'reporters', 'blocks', 'tags',
                             'highlights', 'notes', 'notebooks', 'notebook_entries', 'block_lineage',
                             'article_lineage', 'corrections'] LOOP
        EXECUTE format('CREATE TRIGGER %I BEFORE INSERT ON %I FOR EACH ROW EXECUTE FUNCTION dubao_fill_id(%L)',
                       t || '_fill_id', t, t || '_id_seq');
    END LOOP;
    FOREACH t IN ARRAY ARRAY['issues', 'articles', 'blocks', 'tags', 'highlights', 'notes', 'notebooks'] LOOP
        EXECUTE format('CREATE UNIQUE INDEX %I ON %I(uid)', t || '_uid', t);
        EXECUTE format('CREATE TRIGGER %I BEFORE INSERT ON %I FOR EACH ROW EXECUTE FUNCTION dubao_fill_uid()',
                       t || '_new_uid', t);
    END LOOP;
END $$;
)sql";
// clang-format on

struct PostgresRegistry
{
    QMutex mutex;
    QList<PostgresStep> steps{{kPostgresBaseline, QStringLiteral("store"), QString::fromUtf8(kStoreV11)},
                              {15, QStringLiteral("store"), QString::fromUtf8(authorship::postgresScript())},
                              {19, QStringLiteral("store"), QString::fromUtf8(authorship::postgresScriptV19())},
                              // v20: the page (版次) an article is on (schemasteps.cpp's migrateTo20)
                              {20, QStringLiteral("store"),
                               QStringLiteral("ALTER TABLE articles ADD COLUMN IF NOT EXISTS page text;\n"
                                              "ALTER TABLE articles ADD COLUMN IF NOT EXISTS page_name text;")},
                              {21, QStringLiteral("store"), QString::fromUtf8(changes::postgresScriptV21())}};
};

PostgresRegistry &postgresRegistry()
{
    static PostgresRegistry instance;
    return instance;
}

Result<void> run(QSqlDatabase &db, const QString &script)
{
    QSqlQuery query(db);
    if (!query.exec(script)) // a script of many statements: sent as one simple query
        return Error(sql::Store::tr("cannot store: %1").arg(query.lastError().text()));
    return {};
}

/// The scripts that bring a team library from `from` to `to`, in order of version (the registry's order within
/// one version).
QList<PostgresStep> stepsBetween(int from, int to)
{
    QList<PostgresStep> result;
    const QList<PostgresStep> all = postgresSteps();
    for (const PostgresStep &step : all)
        if (step.version > from && step.version <= to)
            result.append(step);
    std::stable_sort(result.begin(), result.end(),
                     [](const PostgresStep &a, const PostgresStep &b) { return a.version < b.version; });
    return result;
}

} // namespace

void registerPostgresStep(int version, const char *layer, const char *script)
{
    PostgresRegistry &r = postgresRegistry();
    QMutexLocker locker(&r.mutex);
    const QString text = QString::fromUtf8(script);
    for (const PostgresStep &known : std::as_const(r.steps))
        if (known.version == version && known.script == text)
            return;
    r.steps.append({version, QString::fromLatin1(layer), text});
}

QList<PostgresStep> postgresSteps()
{
    PostgresRegistry &r = postgresRegistry();
    QMutexLocker locker(&r.mutex);
    return r.steps;
}

Result<void> openPostgres(QSqlDatabase &db, int current)
{
    sql::WriteScope transaction(db);
    if (!transaction.isActive())
        return transaction.error();
    // Two clients opening a new database at once: the second waits here, then finds the library made.
    if (Result<void> locked = run(db, QStringLiteral("SELECT pg_advisory_xact_lock(1146438209)")); !locked)
        return locked;
    const bool isLibrary = sql::scalar(db, QStringLiteral("SELECT to_regclass('dubao_library') IS NOT NULL")).toBool();
    int version = 0;
    if (isLibrary) {
        version = sql::scalar(db, QStringLiteral("SELECT max(version) FROM dubao_library")).toInt();
    } else {
        const qint64 tables = sql::scalar(db, QStringLiteral("SELECT count(*) FROM pg_catalog.pg_tables "
                                                             "WHERE schemaname = current_schema()"))
                                  .toLongLong();
        if (tables > 0)
            return Error(sql::Store::tr("not a Dubao library (a PostgreSQL database with other tables)"));
    }
    if (version > current) {
        return Error(sql::Store::tr("library was made by a newer Dubao (schema %1, this version knows %2)")
                         .arg(version)
                         .arg(current));
    }
    if (version == current)
        return transaction.commit();
    if (isLibrary && version < kPostgresBaseline)
        return Error(sql::Store::tr("not a Dubao library (a team library of schema %1)").arg(version));
    if (!isLibrary) {
        if (Result<void> made = run(db, QStringLiteral("CREATE TABLE dubao_library (version integer NOT NULL, "
                                                       "application text NOT NULL DEFAULT 'DUBA', "
                                                       "upgraded_at text NOT NULL)"));
            !made)
            return made;
    }
    for (const PostgresStep &step : stepsBetween(version, current)) {
        if (Result<void> done = run(db, step.script); !done) {
            return Error(sql::Store::tr("cannot upgrade schema %1 to %2: %3")
                             .arg(version)
                             .arg(step.version)
                             .arg(done.error().message()));
        }
    }
    if (Result<void> noted = sql::exec(db, QStringLiteral("DELETE FROM dubao_library")); !noted)
        return noted;
    if (Result<void> noted = sql::exec(db,
                                       QStringLiteral("INSERT INTO dubao_library (version, upgraded_at) "
                                                      "VALUES (?, ?)"),
                                       {current, sql::nowUtc()});
        !noted)
        return noted;
    return transaction.commit();
}

} // namespace dubao::schema
