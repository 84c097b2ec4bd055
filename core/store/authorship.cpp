// Schema version 15 (issue 13): who made and last changed each annotation, on both engines. Documented in
// docs/schema.md, "Schema version 15"; keep the two in step.
#include "core/store/authorship.h"

#include "core/store/dialect.h"
#include "core/store/sql.h"

#include <QMutex>
#include <QSqlQuery>

#include <sqlite3.h>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace dubao::authorship {

namespace {

struct UserName
{
    QMutex mutex;
    QString name;
};

UserName &userNameState()
{
    static UserName instance;
    return instance;
}

void sqlUser(sqlite3_context *context, int, sqlite3_value **)
{
    const QByteArray name = userName().toUtf8();
    sqlite3_result_text(context, name.constData(), int(name.size()), SQLITE_TRANSIENT);
}

Result<void> execAll(QSqlDatabase &db, const QStringList &statements)
{
    for (const QString &statement : statements)
        if (Result<void> done = sql::exec(db, statement); !done)
            return done;
    return {};
}

} // namespace

QString loginName()
{
    for (const char *variable : {"USER", "LOGNAME", "USERNAME"}) {
        const QString name = qEnvironmentVariable(variable).trimmed();
        if (!name.isEmpty())
            return name;
    }
#ifdef Q_OS_UNIX
    if (const passwd *user = getpwuid(getuid()); user && user->pw_name && *user->pw_name)
        return QString::fromLocal8Bit(user->pw_name);
#endif
    return QStringLiteral("unknown");
}

QString userName()
{
    UserName &state = userNameState();
    {
        QMutexLocker locker(&state.mutex);
        if (!state.name.isEmpty())
            return state.name;
    }
    return loginName();
}

void setUserName(const QString &name)
{
    UserName &state = userNameState();
    QMutexLocker locker(&state.mutex);
    state.name = name.simplified();
}

bool registerSqlFunction(sqlite3 *db)
{
    // Not SQLITE_DETERMINISTIC: the name may change while the connection is open (Preferences). SQLITE_INNOCUOUS:
    // it reads and writes nothing of the database, so the library's own triggers may call it under
    // trusted_schema=OFF.
    return db && sqlite3_create_function_v2(db, "dubao_user", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS, nullptr, sqlUser,
                                            nullptr, nullptr, nullptr) == SQLITE_OK;
}

Result<void> migrateTo15(QSqlDatabase &db)
{
    const QString now = QStringLiteral("strftime('%Y-%m-%dT%H:%M:%fZ', 'now')");
    QStringList statements;
    // Highlights and notes: modified_at is already their "changed at"; row_version counts their edits (a save
    // names the version it read, so a second save cannot overwrite the first unseen).
    for (const char *table : {"highlights", "notes"}) {
        const QString t = QString::fromLatin1(table);
        statements << QStringLiteral("ALTER TABLE %1 ADD COLUMN created_by TEXT NOT NULL DEFAULT ''").arg(t)
                   << QStringLiteral("ALTER TABLE %1 ADD COLUMN changed_by TEXT NOT NULL DEFAULT ''").arg(t)
                   << QStringLiteral("ALTER TABLE %1 ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1").arg(t)
                   << QStringLiteral("UPDATE %1 SET created_by = dubao_user(), changed_by = dubao_user()").arg(t)
                   << QStringLiteral("CREATE TRIGGER %1_authored AFTER INSERT ON %1 WHEN new.created_by = '' BEGIN "
                                     "UPDATE %1 SET created_by = dubao_user(), changed_by = dubao_user() "
                                     "WHERE id = new.id; END")
                          .arg(t)
                   // The repositories set modified_at exactly when the user changes the row (a re-parse that moves
                   // it does not): that is an edit, even within the millisecond of the one before.
                   << QStringLiteral("CREATE TRIGGER %1_changed AFTER UPDATE OF modified_at ON %1 BEGIN "
                                     "UPDATE %1 SET changed_by = dubao_user(), row_version = old.row_version + 1 "
                                     "WHERE id = new.id; END")
                          .arg(t);
    }
    // Tag assignments are made or removed, never changed: who made them and when.
    const struct
    {
        const char *table, *key, *parent;
    } taggings[] = {
        {"article_tags", "article_id", nullptr},
        {"block_tags", "block_id", nullptr},
        {"highlight_tags", "highlight_id", "highlights"},
        {"note_tags", "note_id", "notes"},
    };
    for (const auto &tagging : taggings) {
        const QString t = QString::fromLatin1(tagging.table), key = QString::fromLatin1(tagging.key);
        statements << QStringLiteral("ALTER TABLE %1 ADD COLUMN created_by TEXT NOT NULL DEFAULT ''").arg(t);
        if (tagging.parent) {
            // They had no time: a tag put on a highlight or note before v15 is dated as the highlight or note.
            statements << QStringLiteral("ALTER TABLE %1 ADD COLUMN created_at TEXT NOT NULL DEFAULT ''").arg(t)
                       << QStringLiteral("UPDATE %1 SET created_at = ifnull((SELECT p.created_at FROM %2 p "
                                         "WHERE p.id = %1.%3), '')")
                              .arg(t, QString::fromLatin1(tagging.parent), key);
        }
        statements << QStringLiteral("UPDATE %1 SET created_by = dubao_user()").arg(t)
                   << QStringLiteral("CREATE TRIGGER %1_authored AFTER INSERT ON %1 WHEN new.created_by = ''%3 BEGIN "
                                     "UPDATE %1 SET created_by = iif(created_by = '', dubao_user(), created_by)%4 "
                                     "WHERE %2 = new.%2 AND tag_id = new.tag_id; END")
                          .arg(t, key, tagging.parent ? QStringLiteral(" OR new.created_at = ''") : QString(),
                               tagging.parent
                                   ? QStringLiteral(", created_at = iif(created_at = '', %1, created_at)").arg(now)
                                   : QString());
    }
    // Notebooks (personal unless shared) and their entries: a rename, sharing, or an entry's text is a change; an
    // entry moving because another one moved is not.
    const struct
    {
        const char *table, *changes;
    } notebooks[] = {{"notebooks", "name, shared"}, {"notebook_entries", "text"}};
    for (const auto &notebook : notebooks) {
        const QString t = QString::fromLatin1(notebook.table);
        statements << QStringLiteral("ALTER TABLE %1 ADD COLUMN created_by TEXT NOT NULL DEFAULT ''").arg(t)
                   << QStringLiteral("ALTER TABLE %1 ADD COLUMN changed_by TEXT NOT NULL DEFAULT ''").arg(t)
                   << QStringLiteral("ALTER TABLE %1 ADD COLUMN changed_at TEXT NOT NULL DEFAULT ''").arg(t);
        if (t == QLatin1String("notebooks"))
            statements << QStringLiteral(
                "ALTER TABLE notebooks ADD COLUMN shared INTEGER NOT NULL DEFAULT 0 CHECK (shared IN (0, 1))");
        statements << QStringLiteral("UPDATE %1 SET created_by = dubao_user(), changed_by = dubao_user(), "
                                     "changed_at = created_at")
                          .arg(t)
                   << QStringLiteral("CREATE TRIGGER %1_authored AFTER INSERT ON %1 WHEN new.created_by = '' BEGIN "
                                     "UPDATE %1 SET created_by = dubao_user(), changed_by = dubao_user(), "
                                     "changed_at = new.created_at WHERE id = new.id; END")
                          .arg(t)
                   << QStringLiteral("CREATE TRIGGER %1_changed AFTER UPDATE OF %2 ON %1 BEGIN "
                                     "UPDATE %1 SET changed_by = dubao_user(), changed_at = %3 WHERE id = new.id; END")
                          .arg(t, QString::fromLatin1(notebook.changes), now);
    }
    return execAll(db, statements);
}

namespace {

/// On a team library, whether the login owns the annotation tables: only the owner's server lets a row's authorship
/// be written as given (`dubao.copy`, docs/schema.md "Schema version 15"); anyone else's writes are theirs.
bool ownsTheTables(const QSqlDatabase &db)
{
    return sql::scalar(db, QStringLiteral("SELECT pg_has_role((SELECT relowner FROM pg_class WHERE oid = "
                                          "'highlights'::regclass), 'MEMBER')"))
        .toBool();
}

/// Runs `update` on a team library with the given authorship kept (the owner's `dubao.copy`, for this statement
/// only); on SQLite as it is (its triggers keep a name an update gives).
Result<bool> updateAuthorship(const QSqlDatabase &db, const QString &update, const QVariantList &values)
{
    const bool postgres = dialect::isPostgres(db);
    if (postgres) {
        if (!ownsTheTables(db))
            return false;
        if (Result<void> on = sql::exec(db, QStringLiteral("SELECT set_config('dubao.copy', 'on', true)")); !on)
            return on.error();
    }
    QSqlQuery q(db);
    Result<void> done = sql::exec(q, update, values);
    if (postgres) {
        if (Result<void> off = sql::exec(db, QStringLiteral("SELECT set_config('dubao.copy', '', true)")); !off && done)
            done = off;
    }
    if (!done)
        return done.error();
    return q.numRowsAffected() > 0;
}

} // namespace

Result<bool> recordAuthors(const QSqlDatabase &db, const QString &table, qint64 id, const QString &createdBy,
                           const QString &changedBy)
{
    if (createdBy.isEmpty())
        return false;
    if (table != QLatin1String("highlights") && table != QLatin1String("notes"))
        return Error(QStringLiteral("no authorship in %1").arg(table));
    return updateAuthorship(db, QStringLiteral("UPDATE %1 SET created_by = ?, changed_by = ? WHERE id = ?").arg(table),
                            {createdBy, changedBy.isEmpty() ? createdBy : changedBy, id});
}

Result<bool> recordTagger(const QSqlDatabase &db, char target, qint64 targetId, qint64 tagId, const QString &createdBy)
{
    if (createdBy.isEmpty())
        return false;
    const char *table = target == 'a'   ? "article_tags"
                        : target == 'b' ? "block_tags"
                        : target == 'h' ? "highlight_tags"
                                        : "note_tags";
    const char *key = target == 'a'   ? "article_id"
                      : target == 'b' ? "block_id"
                      : target == 'h' ? "highlight_id"
                                      : "note_id";
    return updateAuthorship(db,
                            QStringLiteral("UPDATE %1 SET created_by = ? WHERE %2 = ? AND tag_id = ?")
                                .arg(QLatin1String(table), QLatin1String(key)),
                            {createdBy, targetId, tagId});
}

const char *postgresScript()
{
    // Written to run again (a test's downgraded library). Rows that exist when a team library is upgraded get the
    // empty name (an unknown author: never the name of
    // whoever happens to upgrade). New rows: the server's current_user, whatever the client sent. Only the owner
    // of the tables (who made the library), with `SET LOCAL dubao.copy = 'on'` (dubao-cli copy), writes the
    // columns as given.
    return R"sql(
SET LOCAL client_min_messages = warning; -- no NOTICE of a DROP ... IF EXISTS on the client's stderr
CREATE OR REPLACE FUNCTION dubao_now() RETURNS text LANGUAGE sql VOLATILE AS $$
    SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$;
CREATE OR REPLACE FUNCTION dubao_keeps_authorship(relation oid) RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT coalesce(current_setting('dubao.copy', true), '') = 'on'
       AND pg_has_role((SELECT relowner FROM pg_class WHERE oid = relation), 'MEMBER')
$$;
CREATE OR REPLACE FUNCTION dubao_annotation_authorship() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF dubao_keeps_authorship(TG_RELID) THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        NEW.created_by := current_user;
        NEW.changed_by := current_user;
    ELSE
        NEW.created_by := OLD.created_by;
        NEW.created_at := OLD.created_at;
        NEW.changed_by := OLD.changed_by;
        NEW.modified_at := OLD.modified_at;
        NEW.row_version := OLD.row_version;
    END IF;
    RETURN NEW;
END $$;
-- An edit: an UPDATE that sets modified_at, as the repositories do exactly when a person changes the row (even
-- within the millisecond of the one before). Runs after <table>_authorship (triggers fire in order of name).
CREATE OR REPLACE FUNCTION dubao_annotation_edited() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT dubao_keeps_authorship(TG_RELID) THEN
        NEW.changed_by := current_user;
        NEW.modified_at := dubao_now();
        NEW.row_version := OLD.row_version + 1;
    END IF;
    RETURN NEW;
END $$;
CREATE OR REPLACE FUNCTION dubao_tagging_authorship() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF dubao_keeps_authorship(TG_RELID) THEN
        RETURN NEW;
    END IF;
    NEW.created_by := CASE WHEN TG_OP = 'INSERT' THEN current_user ELSE OLD.created_by END;
    RETURN NEW;
END $$;
CREATE OR REPLACE FUNCTION dubao_notebook_authorship() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- TG_ARGV[0]: 'name' for notebooks (a rename or sharing is a change), 'text' for their entries (an entry that
    -- moves because another moved is not).
    IF dubao_keeps_authorship(TG_RELID) THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        NEW.created_by := current_user;
        NEW.changed_by := current_user;
        NEW.changed_at := NEW.created_at;
        RETURN NEW;
    END IF;
    NEW.created_by := OLD.created_by;
    NEW.created_at := OLD.created_at;
    NEW.changed_by := OLD.changed_by;
    NEW.changed_at := OLD.changed_at;
    IF TG_ARGV[0] = 'name' THEN
        IF NEW.name IS DISTINCT FROM OLD.name OR NEW.shared IS DISTINCT FROM OLD.shared THEN
            NEW.changed_by := current_user;
            NEW.changed_at := dubao_now();
        END IF;
    ELSIF NEW.text IS DISTINCT FROM OLD.text THEN
        NEW.changed_by := current_user;
        NEW.changed_at := dubao_now();
    END IF;
    RETURN NEW;
END $$;

ALTER TABLE highlights ADD COLUMN IF NOT EXISTS created_by text NOT NULL DEFAULT '', ADD COLUMN IF NOT EXISTS changed_by text NOT NULL DEFAULT '',
    ADD COLUMN IF NOT EXISTS row_version integer NOT NULL DEFAULT 1;
ALTER TABLE notes ADD COLUMN IF NOT EXISTS created_by text NOT NULL DEFAULT '', ADD COLUMN IF NOT EXISTS changed_by text NOT NULL DEFAULT '',
    ADD COLUMN IF NOT EXISTS row_version integer NOT NULL DEFAULT 1;
ALTER TABLE article_tags ADD COLUMN IF NOT EXISTS created_by text NOT NULL DEFAULT '';
ALTER TABLE block_tags ADD COLUMN IF NOT EXISTS created_by text NOT NULL DEFAULT '';
ALTER TABLE highlight_tags ADD COLUMN IF NOT EXISTS created_by text NOT NULL DEFAULT '', ADD COLUMN IF NOT EXISTS created_at text NOT NULL DEFAULT '';
ALTER TABLE note_tags ADD COLUMN IF NOT EXISTS created_by text NOT NULL DEFAULT '', ADD COLUMN IF NOT EXISTS created_at text NOT NULL DEFAULT '';
UPDATE highlight_tags t SET created_at = p.created_at FROM highlights p WHERE p.id = t.highlight_id AND t.created_at = '';
UPDATE note_tags t SET created_at = p.created_at FROM notes p WHERE p.id = t.note_id AND t.created_at = '';
ALTER TABLE highlight_tags ALTER COLUMN created_at SET DEFAULT dubao_now();
ALTER TABLE note_tags ALTER COLUMN created_at SET DEFAULT dubao_now();
ALTER TABLE notebooks ADD COLUMN IF NOT EXISTS created_by text NOT NULL DEFAULT '', ADD COLUMN IF NOT EXISTS changed_by text NOT NULL DEFAULT '',
    ADD COLUMN IF NOT EXISTS changed_at text NOT NULL DEFAULT '',
    ADD COLUMN IF NOT EXISTS shared integer NOT NULL DEFAULT 0 CHECK (shared IN (0, 1));
ALTER TABLE notebook_entries ADD COLUMN IF NOT EXISTS created_by text NOT NULL DEFAULT '',
    ADD COLUMN IF NOT EXISTS changed_by text NOT NULL DEFAULT '', ADD COLUMN IF NOT EXISTS changed_at text NOT NULL DEFAULT '';
UPDATE notebooks SET changed_at = created_at WHERE changed_at = '';
UPDATE notebook_entries SET changed_at = created_at WHERE changed_at = '';
DROP TRIGGER IF EXISTS highlights_authorship ON highlights;
CREATE TRIGGER highlights_authorship BEFORE INSERT OR UPDATE ON highlights
    FOR EACH ROW EXECUTE FUNCTION dubao_annotation_authorship();
DROP TRIGGER IF EXISTS notes_authorship ON notes;
CREATE TRIGGER notes_authorship BEFORE INSERT OR UPDATE ON notes
    FOR EACH ROW EXECUTE FUNCTION dubao_annotation_authorship();
DROP TRIGGER IF EXISTS highlights_edited ON highlights;
CREATE TRIGGER highlights_edited BEFORE UPDATE OF modified_at ON highlights
    FOR EACH ROW EXECUTE FUNCTION dubao_annotation_edited();
DROP TRIGGER IF EXISTS notes_edited ON notes;
CREATE TRIGGER notes_edited BEFORE UPDATE OF modified_at ON notes
    FOR EACH ROW EXECUTE FUNCTION dubao_annotation_edited();
DROP TRIGGER IF EXISTS article_tags_authorship ON article_tags;
CREATE TRIGGER article_tags_authorship BEFORE INSERT OR UPDATE ON article_tags
    FOR EACH ROW EXECUTE FUNCTION dubao_tagging_authorship();
DROP TRIGGER IF EXISTS block_tags_authorship ON block_tags;
CREATE TRIGGER block_tags_authorship BEFORE INSERT OR UPDATE ON block_tags
    FOR EACH ROW EXECUTE FUNCTION dubao_tagging_authorship();
DROP TRIGGER IF EXISTS highlight_tags_authorship ON highlight_tags;
CREATE TRIGGER highlight_tags_authorship BEFORE INSERT OR UPDATE ON highlight_tags
    FOR EACH ROW EXECUTE FUNCTION dubao_tagging_authorship();
DROP TRIGGER IF EXISTS note_tags_authorship ON note_tags;
CREATE TRIGGER note_tags_authorship BEFORE INSERT OR UPDATE ON note_tags
    FOR EACH ROW EXECUTE FUNCTION dubao_tagging_authorship();
DROP TRIGGER IF EXISTS notebooks_authorship ON notebooks;
CREATE TRIGGER notebooks_authorship BEFORE INSERT OR UPDATE ON notebooks
    FOR EACH ROW EXECUTE FUNCTION dubao_notebook_authorship('name');
DROP TRIGGER IF EXISTS notebook_entries_authorship ON notebook_entries;
CREATE TRIGGER notebook_entries_authorship BEFORE INSERT OR UPDATE ON notebook_entries
    FOR EACH ROW EXECUTE FUNCTION dubao_notebook_authorship('text');
)sql";
}

const char *postgresScriptV19()
{
    // Replaces three functions of v15 (written to run again). A re-parse by an editor deletes the taggings of a
    // changed paragraph and inserts them on the new paragraphs, and an editor's undo of a deletion inserts the row
    // again: without this they became the editor's, and whoever made them could no longer change or remove them
    // (row-level security decides by created_by).
    return R"sql(
SET LOCAL client_min_messages = warning;
CREATE OR REPLACE FUNCTION dubao_keeps_given_author() RETURNS boolean LANGUAGE plpgsql STABLE AS $$
DECLARE
    editor boolean := false;
BEGIN
    IF coalesce(current_setting('dubao.keep_authors', true), '') <> 'on' THEN
        RETURN false;
    END IF;
    IF pg_has_role((SELECT relowner FROM pg_class WHERE oid = 'dubao_library'::regclass), 'MEMBER') THEN
        RETURN true;
    END IF;
    -- The editors' group exists once `team init` made the roles (teampolicies.cpp).
    IF to_regprocedure('dubao_team_editor()') IS NOT NULL THEN
        EXECUTE 'SELECT dubao_team_editor()' INTO editor;
    END IF;
    RETURN coalesce(editor, false);
END $$;
CREATE OR REPLACE FUNCTION dubao_annotation_authorship() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF dubao_keeps_authorship(TG_RELID) THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.created_by <> '' AND dubao_keeps_given_author() THEN
            NEW.changed_by := CASE WHEN NEW.changed_by = '' THEN NEW.created_by ELSE NEW.changed_by END;
            RETURN NEW;
        END IF;
        NEW.created_by := current_user;
        NEW.changed_by := current_user;
    ELSE
        NEW.created_by := OLD.created_by;
        NEW.created_at := OLD.created_at;
        NEW.changed_by := OLD.changed_by;
        NEW.modified_at := OLD.modified_at;
        NEW.row_version := OLD.row_version;
    END IF;
    RETURN NEW;
END $$;
CREATE OR REPLACE FUNCTION dubao_tagging_authorship() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF dubao_keeps_authorship(TG_RELID) THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' AND NEW.created_by <> '' AND dubao_keeps_given_author() THEN
        RETURN NEW;
    END IF;
    NEW.created_by := CASE WHEN TG_OP = 'INSERT' THEN current_user ELSE OLD.created_by END;
    RETURN NEW;
END $$;
CREATE OR REPLACE FUNCTION dubao_notebook_authorship() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- TG_ARGV[0]: 'name' for notebooks (a rename or sharing is a change), 'text' for their entries (an entry that
    -- moves because another moved is not).
    IF dubao_keeps_authorship(TG_RELID) THEN
        RETURN NEW;
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.created_by <> '' AND dubao_keeps_given_author() THEN
            NEW.changed_by := CASE WHEN NEW.changed_by = '' THEN NEW.created_by ELSE NEW.changed_by END;
            NEW.changed_at := CASE WHEN NEW.changed_at = '' THEN NEW.created_at ELSE NEW.changed_at END;
            RETURN NEW;
        END IF;
        NEW.created_by := current_user;
        NEW.changed_by := current_user;
        NEW.changed_at := NEW.created_at;
        RETURN NEW;
    END IF;
    NEW.created_by := OLD.created_by;
    NEW.created_at := OLD.created_at;
    NEW.changed_by := OLD.changed_by;
    NEW.changed_at := OLD.changed_at;
    IF TG_ARGV[0] = 'name' THEN
        IF NEW.name IS DISTINCT FROM OLD.name OR NEW.shared IS DISTINCT FROM OLD.shared THEN
            NEW.changed_by := current_user;
            NEW.changed_at := dubao_now();
        END IF;
    ELSIF NEW.text IS DISTINCT FROM OLD.text THEN
        NEW.changed_by := current_user;
        NEW.changed_at := dubao_now();
    END IF;
    RETURN NEW;
END $$;
)sql";
}

Result<void> keepGivenAuthors(QSqlDatabase &db, bool on)
{
    if (!dialect::isPostgres(db))
        return {};
    // set_config(…, true) is SET LOCAL as a statement that can be prepared.
    return sql::exec(db, QStringLiteral("SELECT set_config('dubao.keep_authors', ?, true)"),
                     {on ? QStringLiteral("on") : QStringLiteral("off")});
}

} // namespace dubao::authorship
