// Schema v18 on a team library (issues 13 and 22): the text-reuse tables (v10 and v12 in a file) in PostgreSQL's
// words. An SQLite file gets v18 with nothing to do (schema::unchangedOnSQLite). As in a file the tables stay empty
// until an editor builds the index (ReuseIndex::rebuild()); from then on the block trigger queues every article whose
// text is written on reuse_pending, and ReuseIndex::update() — the same code on both engines — compares it.
#include "core/reuse/reusepostgres.h"

#include "core/store/dialect.h"
#include "core/store/schema.h"

namespace dubao {

namespace {

// clang-format off
const char *const kReuseV18 = R"sql(
CREATE TABLE reuse_articles (
    article_id   bigint PRIMARY KEY,
    characters   integer NOT NULL,
    fingerprints bytea NOT NULL
);
CREATE TABLE reuse_fingerprints (
    hash       bigint NOT NULL,
    article_id bigint NOT NULL,
    PRIMARY KEY (hash, article_id)
);
CREATE TABLE reuse_hashes (
    hash      bigint PRIMARY KEY,
    articles  integer NOT NULL,
    first_day integer,
    last_day  integer,
    frequent  integer NOT NULL DEFAULT 0
);
CREATE TABLE reuse_pairs (
    a            bigint NOT NULL,
    b            bigint NOT NULL,
    shared_chars integer NOT NULL,
    coverage_a   double precision NOT NULL,
    coverage_b   double precision NOT NULL,
    boilerplate  integer NOT NULL DEFAULT 0,
    fingerprints integer NOT NULL DEFAULT 0,
    formulas     integer NOT NULL DEFAULT 0,
    passages     text NOT NULL,
    PRIMARY KEY (a, b),
    CHECK (a < b)
);
CREATE INDEX reuse_pairs_b ON reuse_pairs(b);
CREATE TABLE reuse_sources (
    publication_id bigint PRIMARY KEY REFERENCES publications(id) ON DELETE CASCADE
);
CREATE TABLE reuse_built (built_at text NOT NULL);
CREATE TABLE reuse_pending (article_id bigint PRIMARY KEY);
CREATE TABLE reuse_paragraphs (
    block_id     bigint PRIMARY KEY,
    article_id   bigint NOT NULL,
    characters   integer NOT NULL,
    shared_chars integer NOT NULL,
    copies       integer NOT NULL
);
CREATE INDEX reuse_paragraphs_article ON reuse_paragraphs(article_id);
CREATE FUNCTION dubao_reuse_queue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM reuse_built) THEN
        RETURN NULL;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO reuse_pending (article_id) VALUES (NEW.article_id) ON CONFLICT DO NOTHING;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO reuse_pending (article_id) VALUES (OLD.article_id) ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER reuse_block_queue AFTER INSERT OR DELETE OR UPDATE OF text, article_id ON blocks
    FOR EACH ROW EXECUTE FUNCTION dubao_reuse_queue();
)sql";
// clang-format on

} // namespace

void registerReusePostgres()
{
    schema::registerPostgresStep(18, "reuse", kReuseV18);
    schema::registerStep(18, "reuse", schema::unchangedOnSQLite);
}

namespace reuse {

QString dayOfDate(const QSqlDatabase &db, const QString &column)
{
    return dialect::isPostgres(db) ? QStringLiteral("(CAST(to_char(CAST(%1 AS date), 'J') AS integer) - 1)").arg(column)
                                   : QStringLiteral("CAST(julianday(%1) AS INTEGER)").arg(column);
}

QString jsonRows(const QSqlDatabase &db)
{
    return dialect::isPostgres(db) ? QStringLiteral("json_array_elements(CAST(? AS json))")
                                   : QStringLiteral("json_each(?)");
}

QString jsonInteger(const QSqlDatabase &db, int k)
{
    return dialect::isPostgres(db) ? QStringLiteral("CAST(value ->> %1 AS bigint)").arg(k)
                                   : QStringLiteral("value ->> %1").arg(k);
}

} // namespace reuse

} // namespace dubao
