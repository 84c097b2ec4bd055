// The row-level security policies of a team library (teampolicies.h). Why it looks the way it does:
//  - No FORCE ROW LEVEL SECURITY: the owner of the tables (who made the library) runs the schema upgrades, `copy`
//    (which keeps authorship with dubao.copy) and `team init`, and can turn the policies off anyway; a superuser
//    bypasses them whatever the table says. The policies are for the groups' users.
//  - A refused UPDATE is a WITH CHECK that fails, and a refused DELETE a guard trigger that fails, both with the
//    sentence the user reads ("this note is bo's: an annotator changes only their own notes", SQLSTATE 42501). A
//    USING clause would instead make the row silently untouched (an edit that "worked" and changed nothing). The
//    check runs only on the row being written, so nobody's query fails because of a row it does not touch.
//  - The authorship triggers (authorship.cpp) run before the checks: created_by is the server's current_user on
//    INSERT and the old value on UPDATE, so checking the new row checks who made it.
//  - search_notes and search_pending have no policies: they are the note search index, written by a trigger in the
//    writer's transaction for whoever changes a note (an editor re-anchoring everyone's), and rebuilt from the notes.
//  - Foreign-key cascades run as the tables' owner: deleting one's highlight takes its tag links along.
#include "core/store/teampolicies.h"

#include "core/store/sql.h"

#include <QSqlQuery>
#include <QVariant>

namespace dubao::team {

namespace {

struct Guarded
{
    const char *table;
    const char *what;  ///< "this note is bo's"
    const char *whose; ///< "only their own notes"
    /// Whose creator decides: the row's own (nullptr) or the parent's (the note of a tag link, the notebook of an
    /// entry): "parent table|key column".
    const char *parent;
    const char *parentKey;
};

constexpr Guarded kGuarded[] = {
    {"highlights", "highlight", "highlights", nullptr, nullptr},
    {"notes", "note", "notes", nullptr, nullptr},
    {"article_tags", "tag on the text", "tags on text", nullptr, nullptr},
    {"block_tags", "tag on the text", "tags on text", nullptr, nullptr},
    {"highlight_tags", "highlight", "highlights", "highlights", "highlight_id"},
    {"note_tags", "note", "notes", "notes", "note_id"},
    {"notebooks", "notebook", "notebooks", nullptr, nullptr},
    {"notebook_entries", "notebook", "notebooks", "notebooks", "notebook_id"},
};

QString quoteLiteral(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'\'', QStringLiteral("''"));
    return u'\'' + quoted + u'\'';
}

// clang-format off
const char *const kFunctions = R"sql(
CREATE OR REPLACE FUNCTION dubao_team_editor() RETURNS boolean LANGUAGE sql STABLE AS $f$
    SELECT pg_has_role(current_user, @EDITOR@, 'MEMBER')
        OR pg_has_role((SELECT relowner FROM pg_class WHERE oid = 'dubao_library'::regclass), 'MEMBER')
$f$;
CREATE OR REPLACE FUNCTION dubao_may_change(author text, what text, whose text) RETURNS boolean
LANGUAGE plpgsql STABLE AS $f$
BEGIN
    IF author = current_user OR dubao_team_editor() THEN
        RETURN true;
    END IF;
    IF author IS NULL THEN
        RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = format('there is no such %s for %s', what, current_user);
    END IF;
    IF author = '' THEN
        RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = format('this %s has no known author (it is older than '
            'authorship): only an editor changes it', what);
    END IF;
    RAISE EXCEPTION USING ERRCODE = '42501',
        MESSAGE = format('this %s is %s''s: an annotator changes only their own %s', what, author, whose);
END $f$;
CREATE OR REPLACE FUNCTION dubao_notebook_visible(creator text, shared integer) RETURNS boolean
LANGUAGE sql STABLE AS $f$
    SELECT shared = 1 OR creator = current_user OR creator = ''
$f$;
CREATE OR REPLACE FUNCTION dubao_guard_delete() RETURNS trigger LANGUAGE plpgsql AS $f$
DECLARE
    author text;
BEGIN
    -- TG_ARGV: what, whose, and the parent table whose creator decides (none: the row's own creator).
    IF TG_ARGV[2] = 'highlights' THEN
        author := (SELECT created_by FROM highlights WHERE id = OLD.highlight_id);
    ELSIF TG_ARGV[2] = 'notes' THEN
        author := (SELECT created_by FROM notes WHERE id = OLD.note_id);
    ELSIF TG_ARGV[2] = 'notebooks' THEN
        author := (SELECT created_by FROM notebooks WHERE id = OLD.notebook_id);
    ELSE
        author := OLD.created_by;
    END IF;
    -- No parent any more: the cascade of a delete already allowed (a highlight with its tag links).
    IF author IS NOT NULL THEN
        PERFORM dubao_may_change(author, TG_ARGV[0], TG_ARGV[1]);
    END IF;
    RETURN OLD;
END $f$;
)sql";
// clang-format on

} // namespace

const QStringList &guardedTables()
{
    static const QStringList tables = [] {
        QStringList list;
        for (const Guarded &g : kGuarded)
            list << QString::fromLatin1(g.table);
        return list;
    }();
    return tables;
}

QStringList policyStatements(const QString &editorGroup)
{
    QStringList statements{
        QStringLiteral("SET LOCAL client_min_messages = warning"),
        QString::fromUtf8(kFunctions).replace(QStringLiteral("@EDITOR@"), quoteLiteral(editorGroup))};
    for (const Guarded &g : kGuarded) {
        const QString table = QString::fromLatin1(g.table);
        const QString what = quoteLiteral(QString::fromLatin1(g.what));
        const QString whose = quoteLiteral(QString::fromLatin1(g.whose));
        const QString parent = g.parent ? QString::fromLatin1(g.parent) : QString();
        // Who decides, as an expression on the row: its creator, or its parent's.
        const QString author = parent.isEmpty() ? QStringLiteral("created_by")
                                                : QStringLiteral("(SELECT p.created_by FROM %1 p WHERE p.id = %2)")
                                                      .arg(parent, QLatin1String(g.parentKey));
        const QString check = QStringLiteral("dubao_may_change(%1, %2, %3)").arg(author, what, whose);
        // Everyone reads everything but the notebooks nobody shared with them (and their entries).
        QString visible = QStringLiteral("true");
        if (table == QLatin1String("notebooks"))
            visible = QStringLiteral("dubao_notebook_visible(created_by, shared)");
        else if (table == QLatin1String("notebook_entries"))
            visible = QStringLiteral("EXISTS (SELECT 1 FROM notebooks p WHERE p.id = notebook_id AND "
                                     "dubao_notebook_visible(p.created_by, p.shared))");
        auto policy = [&](const QString &name, const QString &rest) {
            statements << QStringLiteral("DROP POLICY IF EXISTS %1 ON %2").arg(name, table)
                       << QStringLiteral("CREATE POLICY %1 ON %2 %3").arg(name, table, rest);
        };
        statements << QStringLiteral("ALTER TABLE %1 ENABLE ROW LEVEL SECURITY").arg(table);
        policy(QStringLiteral("dubao_read"), QStringLiteral("FOR SELECT USING (%1)").arg(visible));
        policy(QStringLiteral("dubao_insert"), QStringLiteral("FOR INSERT WITH CHECK (%1)").arg(check));
        policy(QStringLiteral("dubao_update"),
               QStringLiteral("FOR UPDATE USING (%1) WITH CHECK (%2)").arg(visible, check));
        policy(QStringLiteral("dubao_delete"), QStringLiteral("FOR DELETE USING (%1)").arg(visible));
        statements << QStringLiteral("DROP TRIGGER IF EXISTS %1_guard ON %1").arg(table)
                   << QStringLiteral("CREATE TRIGGER %1_guard BEFORE DELETE ON %1 FOR EACH ROW EXECUTE FUNCTION "
                                     "dubao_guard_delete(%2, %3, %4)")
                          .arg(table, what, whose, quoteLiteral(parent));
    }
    return statements;
}

Result<PolicyState> policyState(const QSqlDatabase &db)
{
    QStringList names;
    for (const QString &table : guardedTables())
        names << quoteLiteral(table);
    QSqlQuery query(db);
    if (Result<void> read = sql::select(
            query, QStringLiteral("SELECT count(*) FILTER (WHERE c.relrowsecurity AND (SELECT count(*) FROM pg_policy "
                                  "p WHERE p.polrelid = c.oid AND p.polname LIKE 'dubao\\_%') = 4 AND EXISTS (SELECT 1 "
                                  "FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = c.relname || '_guard')), "
                                  "count(*) FROM pg_class c WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE "
                                  "nspname = current_schema()) AND "
                                  "c.relkind = 'r' AND c.relname IN (%1)")
                       .arg(names.join(u',')));
        !read)
        return read.error();
    if (!query.next())
        return Error(sql::Store::tr("cannot read the library's row-level security"));
    const int guarded = query.value(0).toInt();
    if (guarded == 0)
        return PolicyState::Missing;
    return guarded == query.value(1).toInt() ? PolicyState::Installed : PolicyState::Incomplete;
}

QString describe(PolicyState state)
{
    switch (state) {
    case PolicyState::Installed:
        return sql::Store::tr("row-level security is on: an annotator changes only their own highlights, notes, tags "
                              "on text and notebooks, and a notebook is seen by others only once shared");
    case PolicyState::Incomplete:
        return sql::Store::tr("row-level security is on only for some of the annotation tables: the library's owner "
                              "runs dubao-cli team init again to complete it");
    case PolicyState::Missing:
        break;
    }
    return sql::Store::tr("row-level security is off: any annotator may change or delete a colleague's annotations "
                          "and every notebook is seen by all; the library's owner runs dubao-cli team init to turn it "
                          "on");
}

} // namespace dubao::team
