// Schema v16 on a team library (issue 13): the people index (v6 as v14 left it) in PostgreSQL's words. An SQLite file
// gets v16 with nothing to do (schema::unchangedOnSQLite). The block triggers queue an article in analysis_pending as
// SQLite's do; PeopleIndex::update() reads the queue, extracts in C++ and writes persons and appearances, the same
// code on both engines. The script queues every existing article, so the first update after the upgrade builds the
// index of a team library that had none.
#include "core/analysis/peoplepostgres.h"

#include "core/store/schema.h"

namespace dubao {

namespace {

// clang-format off
const char *const kPeopleV16 = R"sql(
CREATE TABLE persons (
    id   bigserial PRIMARY KEY,
    name text NOT NULL UNIQUE CHECK (name <> '')
);
CREATE TABLE appearances (
    id              bigserial PRIMARY KEY,
    person_id       bigint NOT NULL REFERENCES persons(id),
    article_id      bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    block_id        bigint NOT NULL REFERENCES blocks(id) ON DELETE CASCADE,
    offices         text NOT NULL DEFAULT '',
    role            text CHECK (role IS NULL OR role IN ('主持', '出席', '列席', '讲话', '调研', '参加')),
    rank            integer,
    sentence_start  integer NOT NULL,
    sentence_length integer NOT NULL
);
CREATE INDEX appearances_article ON appearances(article_id);
CREATE INDEX appearances_block ON appearances(block_id);
CREATE INDEX appearances_person_offices ON appearances(person_id, offices, article_id);
CREATE TABLE person_edits (
    id         bigserial PRIMARY KEY,
    kind       text NOT NULL CHECK (kind IN ('merge', 'split', 'office', 'false_hit')),
    name       text NOT NULL CHECK (name <> ''),
    block_id   bigint,
    value      text NOT NULL DEFAULT '',
    created_at text NOT NULL
);
CREATE TABLE analysis_pending (article_id bigint PRIMARY KEY);
CREATE FUNCTION dubao_analysis_queue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO analysis_pending (article_id) VALUES (NEW.article_id) ON CONFLICT DO NOTHING;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        INSERT INTO analysis_pending (article_id) VALUES (OLD.article_id) ON CONFLICT DO NOTHING;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER analysis_block_queue AFTER INSERT OR DELETE OR UPDATE OF text, kind, article_id ON blocks
    FOR EACH ROW EXECUTE FUNCTION dubao_analysis_queue();
INSERT INTO analysis_pending (article_id) SELECT id FROM articles;
)sql";
// clang-format on

} // namespace

void registerPeoplePostgres()
{
    schema::registerPostgresStep(16, "analysis", kPeopleV16);
    schema::registerStep(16, "analysis", schema::unchangedOnSQLite);
}

} // namespace dubao
