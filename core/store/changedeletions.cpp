#include "core/store/changedeletions.h"

#include "core/store/sql.h"

#include <QSqlQuery>

namespace dubao::changes {

namespace {

// Written to run again over its own objects (IF NOT EXISTS, OR REPLACE), as the steps before it.
// clang-format off
const char *const kV21 = R"sql(
CREATE TABLE IF NOT EXISTS change_deletions (
    xact       xid8 NOT NULL DEFAULT pg_current_xact_id(),
    kind       text NOT NULL,
    source     text NOT NULL,
    row_id     bigint,
    article_id bigint,
    issue_id   bigint
);
CREATE INDEX IF NOT EXISTS change_deletions_xact ON change_deletions(xact);
REVOKE ALL ON change_deletions FROM PUBLIC;
CREATE OR REPLACE FUNCTION dubao_record_deletions() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
AS $$
BEGIN
    IF TG_TABLE_NAME IN ('notes', 'highlights', 'corrections') THEN
        INSERT INTO change_deletions (kind, source, row_id, article_id, issue_id)
            SELECT TG_ARGV[0], TG_TABLE_NAME, o.id, b.article_id, o.issue_id
            FROM old o LEFT JOIN blocks b ON b.id = o.block_id;
    ELSIF TG_TABLE_NAME = 'article_tags' THEN
        INSERT INTO change_deletions (kind, source, row_id, article_id, issue_id)
            SELECT 'tag', TG_TABLE_NAME, o.tag_id, o.article_id, a.issue_id
            FROM old o LEFT JOIN articles a ON a.id = o.article_id;
    ELSIF TG_TABLE_NAME = 'block_tags' THEN
        INSERT INTO change_deletions (kind, source, row_id, article_id, issue_id)
            SELECT 'tag', TG_TABLE_NAME, o.tag_id, b.article_id, a.issue_id
            FROM old o LEFT JOIN blocks b ON b.id = o.block_id LEFT JOIN articles a ON a.id = b.article_id;
    ELSIF TG_TABLE_NAME = 'note_tags' THEN
        INSERT INTO change_deletions (kind, source, row_id, article_id, issue_id)
            SELECT 'note', TG_TABLE_NAME, o.note_id, b.article_id, n.issue_id
            FROM old o LEFT JOIN notes n ON n.id = o.note_id LEFT JOIN blocks b ON b.id = n.block_id;
    ELSIF TG_TABLE_NAME = 'highlight_tags' THEN
        INSERT INTO change_deletions (kind, source, row_id, article_id, issue_id)
            SELECT 'highlight', TG_TABLE_NAME, o.highlight_id, b.article_id, h.issue_id
            FROM old o LEFT JOIN highlights h ON h.id = o.highlight_id LEFT JOIN blocks b ON b.id = h.block_id;
    END IF;
    RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER notes_deletions AFTER DELETE ON notes REFERENCING OLD TABLE AS old
    FOR EACH STATEMENT EXECUTE FUNCTION dubao_record_deletions('note');
CREATE OR REPLACE TRIGGER highlights_deletions AFTER DELETE ON highlights REFERENCING OLD TABLE AS old
    FOR EACH STATEMENT EXECUTE FUNCTION dubao_record_deletions('highlight');
CREATE OR REPLACE TRIGGER corrections_deletions AFTER DELETE ON corrections REFERENCING OLD TABLE AS old
    FOR EACH STATEMENT EXECUTE FUNCTION dubao_record_deletions('correction');
CREATE OR REPLACE TRIGGER article_tags_deletions AFTER DELETE ON article_tags REFERENCING OLD TABLE AS old
    FOR EACH STATEMENT EXECUTE FUNCTION dubao_record_deletions('tag');
CREATE OR REPLACE TRIGGER block_tags_deletions AFTER DELETE ON block_tags REFERENCING OLD TABLE AS old
    FOR EACH STATEMENT EXECUTE FUNCTION dubao_record_deletions('tag');
CREATE OR REPLACE TRIGGER note_tags_deletions AFTER DELETE ON note_tags REFERENCING OLD TABLE AS old
    FOR EACH STATEMENT EXECUTE FUNCTION dubao_record_deletions('note');
CREATE OR REPLACE TRIGGER highlight_tags_deletions AFTER DELETE ON highlight_tags REFERENCING OLD TABLE AS old
    FOR EACH STATEMENT EXECUTE FUNCTION dubao_record_deletions('highlight');
CREATE OR REPLACE FUNCTION dubao_take_deletions()
    RETURNS TABLE (deleted_kind text, deleted_from text, deleted_row bigint, deleted_article bigint,
                   deleted_issue bigint)
    LANGUAGE sql SECURITY DEFINER SET search_path FROM CURRENT
AS $$
    WITH gone AS (
        DELETE FROM change_deletions d
        WHERE d.xact = pg_current_xact_id() OR d.xact < pg_snapshot_xmin(pg_current_snapshot())
        RETURNING d.xact = pg_current_xact_id() AS mine, d.kind, d.source, d.row_id, d.article_id, d.issue_id)
    SELECT kind, source, row_id, article_id, issue_id FROM gone WHERE mine
$$;
)sql";
// clang-format on

} // namespace

const char *postgresScriptV21()
{
    return kV21;
}

Result<QList<DeletedRow>> takeDeletions(QSqlDatabase db)
{
    QList<DeletedRow> rows;
    QSqlQuery query(db);
    if (Result<void> read = sql::select(query, QStringLiteral("SELECT * FROM dubao_take_deletions()")); !read)
        return read.error();
    while (query.next())
        rows.append({query.value(0).toString(), query.value(1).toString(), query.value(2).toLongLong(),
                     query.value(3).toLongLong(), query.value(4).toLongLong()});
    return rows;
}

} // namespace dubao::changes
