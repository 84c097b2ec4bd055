// The group roles of a team library and their GRANTs (teamroles.h). What each role may write is said here once:
// the annotation tables are the annotators'; every other table of the store (and, by default privileges, every
// table a later schema version adds) is the editors'; everything is the readers' to read.
#include "core/store/teamroles.h"

#include "core/store/dialect.h"
#include "core/store/libpq.h"
#include "core/store/library.h"
#include "core/store/sql.h"
#include "core/store/teampolicies.h"

#include <QRegularExpression>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <array>

namespace dubao::team {

namespace {

constexpr std::array kRoles{Role::Reader, Role::Annotator, Role::Editor};

/// The tables an annotator writes: tags on text, highlights, notes, notebooks. (Tag definitions, `tags`, are the
/// editors'.) A schema version that adds a table annotators write lists it here; `team init` run again grants it.
const QStringList &annotationTables()
{
    static const QStringList tables{
        QStringLiteral("article_tags"),
        QStringLiteral("block_tags"),
        QStringLiteral("highlights"),
        QStringLiteral("highlight_tags"),
        QStringLiteral("notes"),
        QStringLiteral("note_tags"),
        QStringLiteral("notebooks"),
        QStringLiteral("notebook_entries"),
        // A note's text is indexed for search in the note's transaction (core/search/postgresindex.cpp: a trigger
        // queues it, the vectors are written before the commit).
        QStringLiteral("search_notes"),
        QStringLiteral("search_pending"),
    };
    return tables;
}

QString quoteIdentifier(const QString &name)
{
    QString quoted = name;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString quoteLiteral(const QString &text)
{
    QString quoted = text;
    quoted.replace(u'\'', QStringLiteral("''"));
    return u'\'' + quoted + u'\'';
}

Result<void> run(QSqlDatabase db, const QString &statement)
{
    QSqlQuery query(db);
    if (!query.exec(statement))
        return Error(dialect::failureText(db, query.lastError(), sql::Store::tr("cannot set up the roles: %1"), true));
    return {};
}

Result<QString> text(QSqlDatabase db, const QString &statement, const QVariantList &values = {})
{
    QSqlQuery query(db);
    if (Result<void> read = sql::select(query, statement, values); !read)
        return read.error();
    return query.next() ? query.value(0).toString() : QString();
}

PGconn *pgConnection(const QSqlDatabase &db)
{
    const QVariant v = db.driver() ? db.driver()->handle() : QVariant();
    if (!v.isValid() || (qstrcmp(v.typeName(), "pg_conn*") != 0 && qstrcmp(v.typeName(), "PGconn*") != 0) ||
        !libpq::functions())
        return nullptr;
    return *static_cast<PGconn *const *>(v.constData());
}

Result<void> requireTeamLibrary(Library &library)
{
    if (!library.isTeamLibrary())
        return Error(sql::Store::tr("roles belong to a team library (postgresql://USER@HOST:PORT/DATABASE), not to a "
                                    "library file"));
    return {};
}

} // namespace

QString roleKeyword(Role role)
{
    switch (role) {
    case Role::Reader:
        return QStringLiteral("reader");
    case Role::Annotator:
        return QStringLiteral("annotator");
    case Role::Editor:
        return QStringLiteral("editor");
    }
    return {};
}

std::optional<Role> roleFromKeyword(const QString &keyword)
{
    for (const Role role : kRoles)
        if (keyword == roleKeyword(role))
            return role;
    return std::nullopt;
}

QString groupName(const QString &database, Role role)
{
    return database + u'_' + roleKeyword(role);
}

Result<Access> readAccess(const QSqlDatabase &db)
{
    const QString database = db.databaseName();
    QSqlQuery query(db);
    if (Result<void> read = sql::select(
            query,
            QStringLiteral(
                "SELECT current_user, "
                "(SELECT rolsuper FROM pg_roles WHERE rolname = current_user) OR coalesce((SELECT tableowner = "
                "current_user FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'dubao_library'), "
                "false), has_table_privilege('highlights', 'INSERT'), has_table_privilege('issues', 'INSERT'), "
                "(SELECT string_agg(rolname, ',') FROM pg_roles WHERE rolname IN (?, ?, ?) AND "
                "pg_has_role(current_user, oid, 'MEMBER')), "
                "coalesce((SELECT relrowsecurity FROM pg_class WHERE oid = to_regclass('notes')), false)"),
            {groupName(database, Role::Reader), groupName(database, Role::Annotator),
             groupName(database, Role::Editor)});
        !read)
        return read.error();
    if (!query.next())
        return Error(sql::Store::tr("cannot read the user's role"));
    Access access;
    access.user = query.value(0).toString();
    access.mayAnnotate = query.value(2).toBool();
    access.mayEdit = query.value(3).toBool();
    const QStringList groups = query.value(4).toString().split(u',', Qt::SkipEmptyParts);
    access.ownRowsOnly = access.mayAnnotate && !access.mayEdit && query.value(5).toBool();
    if (query.value(1).toBool())
        access.role = QStringLiteral("owner");
    else
        for (const Role role : {Role::Editor, Role::Annotator, Role::Reader})
            if (access.role.isEmpty() && groups.contains(groupName(database, role)))
                access.role = roleKeyword(role);
    return access;
}

QString describe(const Access &access)
{
    if (access.role == QLatin1String("reader"))
        return sql::Store::tr("%1 is a reader of this team library: a reader may read, search and export, not "
                              "annotate or change it")
            .arg(access.user);
    if (access.role == QLatin1String("annotator"))
        return sql::Store::tr("%1 is an annotator of this team library: an annotator may read, search, export and "
                              "annotate (tags on text, highlights, notes, notebooks), not import, replace, re-parse, "
                              "correct the OCR or define tags")
            .arg(access.user);
    if (access.role == QLatin1String("editor"))
        return sql::Store::tr("%1 is an editor of this team library: an editor may read, annotate, import, replace, "
                              "re-parse, correct the OCR and define tags, not change the schema or the roles")
            .arg(access.user);
    if (access.role == QLatin1String("owner"))
        return sql::Store::tr("%1 owns this team library").arg(access.user);
    return sql::Store::tr("%1 has no role on this team library (its owner gives one with dubao-cli team add-user)")
        .arg(access.user);
}

bool mayChange(const Access &access, const QString &author)
{
    return !access.ownRowsOnly || author == access.user;
}

QString refusal(Owned kind, const QString &author)
{
    if (author.isEmpty()) {
        switch (kind) {
        case Owned::Highlight:
            return sql::Store::tr("this highlight has no known author (it is older than authorship): only an editor "
                                  "changes it");
        case Owned::Note:
            return sql::Store::tr("this note has no known author (it is older than authorship): only an editor "
                                  "changes it");
        case Owned::TagOnText:
            return sql::Store::tr("this tag on the text has no known author (it is older than authorship): only an "
                                  "editor changes it");
        case Owned::Notebook:
            return sql::Store::tr("this notebook has no known author (it is older than authorship): only an editor "
                                  "changes it");
        }
    }
    switch (kind) {
    case Owned::Highlight:
        return sql::Store::tr("this highlight is %1's: an annotator changes only their own highlights").arg(author);
    case Owned::Note:
        return sql::Store::tr("this note is %1's: an annotator changes only their own notes").arg(author);
    case Owned::TagOnText:
        return sql::Store::tr("this tag on the text is %1's: an annotator changes only their own tags on text")
            .arg(author);
    case Owned::Notebook:
        break;
    }
    return sql::Store::tr("this notebook is %1's: an annotator changes only their own notebooks").arg(author);
}

Result<void> init(Library &library, QStringList *done)
{
    if (Result<void> team = requireTeamLibrary(library); !team)
        return team;
    QSqlDatabase db = library.database();
    const QString database = db.databaseName();
    const Result<QString> owner = text(db, QStringLiteral("SELECT tableowner FROM pg_tables WHERE schemaname = "
                                                          "current_schema() AND tablename = 'dubao_library'"));
    if (!owner)
        return owner.error();
    const Result<QString> allowed =
        text(db,
             QStringLiteral("SELECT CASE WHEN rolsuper OR (rolcreaterole AND ? = current_user) THEN 'yes' "
                            "ELSE current_user END FROM pg_roles WHERE rolname = current_user"),
             {*owner});
    if (!allowed)
        return allowed.error();
    if (*allowed != QLatin1String("yes"))
        return Error(sql::Store::tr("the user %1 may not set up the roles: it takes the library's owner (%2) with the "
                                    "right to create roles (a superuser grants it: ALTER ROLE %2 CREATEROLE)")
                         .arg(*allowed, *owner));

    sql::WriteScope transaction(db);
    if (!transaction.isActive())
        return transaction.error();
    const QString reader = quoteIdentifier(groupName(database, Role::Reader));
    const QString annotator = quoteIdentifier(groupName(database, Role::Annotator));
    const QString editor = quoteIdentifier(groupName(database, Role::Editor));
    const QString ownerRole = quoteIdentifier(*owner);
    QStringList statements;
    for (const Role role : kRoles) {
        const QString group = groupName(database, role);
        statements << QStringLiteral("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = %1) THEN "
                                     "CREATE ROLE %2 NOLOGIN; END IF; END $$")
                          .arg(quoteLiteral(group), quoteIdentifier(group));
    }
    // The rows each user may change (teampolicies.cpp): after the groups exist (the policies name the editors),
    // before the functions are granted (the policies' functions are among them).
    statements << policyStatements(groupName(database, Role::Editor));
    const QString schemaName = QStringLiteral("public");
    // Membership once (granting it again would print a notice on every run).
    for (const auto &[group, member] :
         {std::pair{Role::Reader, Role::Annotator}, std::pair{Role::Annotator, Role::Editor}})
        statements << QStringLiteral("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_auth_members a JOIN pg_roles g ON "
                                     "g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member WHERE g.rolname = %1 AND "
                                     "m.rolname = %2) THEN GRANT %3 TO %4; END IF; END $$")
                          .arg(quoteLiteral(groupName(database, group)), quoteLiteral(groupName(database, member)),
                               quoteIdentifier(groupName(database, group)),
                               quoteIdentifier(groupName(database, member)));
    statements
        // Nobody but the groups: no connecting, no reading, no functions for PUBLIC.
        << QStringLiteral("REVOKE ALL ON DATABASE %1 FROM PUBLIC").arg(quoteIdentifier(database))
        << QStringLiteral("GRANT CONNECT, TEMPORARY ON DATABASE %1 TO %2").arg(quoteIdentifier(database), reader)
        << QStringLiteral("REVOKE CREATE ON SCHEMA %1 FROM PUBLIC").arg(schemaName)
        << QStringLiteral("GRANT USAGE ON SCHEMA %1 TO %2").arg(schemaName, reader)
        << QStringLiteral("REVOKE ALL ON ALL TABLES IN SCHEMA %1 FROM PUBLIC").arg(schemaName)
        << QStringLiteral("REVOKE ALL ON ALL SEQUENCES IN SCHEMA %1 FROM PUBLIC").arg(schemaName)
        << QStringLiteral("REVOKE ALL ON ALL FUNCTIONS IN SCHEMA %1 FROM PUBLIC").arg(schemaName)
        // Readers read everything and run the store's functions (the triggers that give ids and uids).
        << QStringLiteral("GRANT SELECT ON ALL TABLES IN SCHEMA %1 TO %2").arg(schemaName, reader)
        << QStringLiteral("GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA %1 TO %2").arg(schemaName, reader)
        // Editors write every table but the library's version (schema changes are the owner's).
        << QStringLiteral("GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %1 TO %2").arg(schemaName, editor)
        << QStringLiteral("REVOKE INSERT, UPDATE, DELETE ON dubao_library FROM %1").arg(editor)
        << QStringLiteral("GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %1 TO %2").arg(schemaName, editor);
    // Annotators write the annotation tables and take their ids.
    QStringList tables;
    for (const QString &table : annotationTables())
        tables << quoteIdentifier(table);
    statements
        << QStringLiteral("GRANT INSERT, UPDATE, DELETE ON %1 TO %2").arg(tables.join(QStringLiteral(", ")), annotator);
    QSqlQuery sequences(db);
    QStringList quotedTables;
    for (const QString &table : annotationTables())
        quotedTables << quoteLiteral(table);
    if (Result<void> read =
            sql::select(sequences, QStringLiteral("SELECT pg_get_serial_sequence(quote_ident(table_name), "
                                                  "'id') FROM information_schema.columns WHERE "
                                                  "table_schema = current_schema() AND column_name = "
                                                  "'id' AND table_name IN (%1)")
                                       .arg(quotedTables.join(u',')));
        !read)
        return read.error();
    while (sequences.next())
        if (!sequences.value(0).isNull())
            statements << QStringLiteral("GRANT USAGE, SELECT, UPDATE ON SEQUENCE %1 TO %2")
                              .arg(sequences.value(0).toString(), annotator);
    // Tables, sequences and functions a later schema version adds (made by the owner, who runs the upgrade).
    const QString defaults =
        QStringLiteral("ALTER DEFAULT PRIVILEGES FOR ROLE %1 IN SCHEMA %2 ").arg(ownerRole, schemaName);
    statements
        << defaults + QStringLiteral("REVOKE ALL ON TABLES FROM PUBLIC")
        << defaults + QStringLiteral("GRANT SELECT ON TABLES TO %1").arg(reader)
        << defaults + QStringLiteral("GRANT INSERT, UPDATE, DELETE ON TABLES TO %1").arg(editor)
        << defaults + QStringLiteral("GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO %1").arg(editor)
        << QStringLiteral("ALTER DEFAULT PRIVILEGES FOR ROLE %1 REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC").arg(ownerRole)
        << defaults + QStringLiteral("GRANT EXECUTE ON FUNCTIONS TO %1").arg(reader);
    for (const QString &statement : std::as_const(statements))
        if (Result<void> ran = run(db, statement); !ran)
            return ran;
    if (Result<void> committed = transaction.commit(); !committed)
        return committed;
    if (done) {
        *done << sql::Store::tr("%1: may read, search and export").arg(groupName(database, Role::Reader))
              << sql::Store::tr("%1: may also annotate (tags on text, highlights, notes, notebooks)")
                     .arg(groupName(database, Role::Annotator))
              << sql::Store::tr("%1: may also import, replace, re-parse, correct the OCR and define tags")
                     .arg(groupName(database, Role::Editor));
    }
    return {};
}

Result<void> addUser(Library &library, const QString &name, Role role, const QString &password)
{
    if (Result<void> team = requireTeamLibrary(library); !team)
        return team;
    static const QRegularExpression validName(QStringLiteral("^[A-Za-z_][A-Za-z0-9_.-]{0,62}$"));
    if (!validName.match(name).hasMatch())
        return Error(sql::Store::tr("“%1” is not a user name for the server: letters, digits, _ . and -, starting "
                                    "with a letter or _, at most 63")
                         .arg(name));
    if (password.isEmpty())
        return Error(sql::Store::tr("the password is empty"));
    QSqlDatabase db = library.database();
    const QString group = groupName(db.databaseName(), role);
    const Result<QString> known = text(db,
                                       QStringLiteral("SELECT string_agg(CASE WHEN rolname = ? THEN 'group' ELSE "
                                                      "'user' END, ',') FROM pg_roles WHERE rolname IN (?, ?)"),
                                       {group, group, name});
    if (!known)
        return known.error();
    if (!known->contains(QLatin1String("group")))
        return Error(sql::Store::tr("the team library has no roles yet: run dubao-cli team init first"));
    if (known->contains(QLatin1String("user")))
        return Error(sql::Store::tr("the server already has a user (or role) %1").arg(name));
    PGconn *connection = pgConnection(db);
    if (!connection)
        return Error(sql::Store::tr("cannot reach the server's connection"));
    // The server gets a SCRAM verifier, never the password itself (nor does its log).
    const libpq::Functions &pq = *libpq::functions();
    char *verifier =
        pq.encryptPasswordConn(connection, password.toUtf8().constData(), name.toUtf8().constData(), nullptr);
    if (!verifier)
        return Error(sql::Store::tr("cannot encrypt the password: %1")
                         .arg(QString::fromUtf8(pq.errorMessage(connection)).trimmed()));
    const QString encrypted = QString::fromUtf8(verifier);
    pq.freemem(verifier);
    return run(db, QStringLiteral("CREATE ROLE %1 LOGIN PASSWORD %2 IN ROLE %3")
                       .arg(quoteIdentifier(name), quoteLiteral(encrypted), quoteIdentifier(group)));
}

Result<void> removeUser(Library &library, const QString &name, bool *droppedLogin)
{
    if (droppedLogin)
        *droppedLogin = false;
    if (Result<void> team = requireTeamLibrary(library); !team)
        return team;
    QSqlDatabase db = library.database();
    const QString database = db.databaseName();
    QStringList groups;
    for (const Role role : kRoles)
        groups << groupName(database, role);
    QSqlQuery query(db);
    if (Result<void> read = sql::select(query,
                                        QStringLiteral("SELECT g.rolname FROM pg_auth_members a JOIN pg_roles g ON "
                                                       "g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member WHERE "
                                                       "m.rolname = ? AND g.rolname IN (?, ?, ?)"),
                                        {name, groups[0], groups[1], groups[2]});
        !read)
        return read;
    QStringList memberOf;
    while (query.next())
        memberOf << quoteIdentifier(query.value(0).toString());
    query.finish();
    if (memberOf.isEmpty())
        return Error(sql::Store::tr("%1 is not a user of the team library %2").arg(name, database));
    if (Result<void> revoked =
            run(db, QStringLiteral("REVOKE %1 FROM %2").arg(memberOf.join(u", "), quoteIdentifier(name)));
        !revoked)
        return revoked;
    // The login goes with the last group; a role still in another group (another library on the server) or owning
    // something stays, and can no longer reach this library (PUBLIC has no access to it).
    const Result<QString> elsewhere =
        text(db,
             QStringLiteral("SELECT count(*) FROM pg_auth_members a JOIN pg_roles m ON m.oid = a.member "
                            "WHERE m.rolname = ?"),
             {name});
    if (!elsewhere)
        return elsewhere.error();
    if (*elsewhere != u"0")
        return {};
    // One statement on its own (the connection commits each): a refusal (the role owns something) changes nothing.
    const Result<void> dropped = run(db, QStringLiteral("DROP ROLE %1").arg(quoteIdentifier(name)));
    if (dropped && droppedLogin)
        *droppedLogin = true;
    return {}; // a role the server keeps (it owns something) is no user of this library any more
}

Result<QList<User>> users(Library &library)
{
    if (Result<void> team = requireTeamLibrary(library); !team)
        return team.error();
    QSqlDatabase db = library.database();
    const QString database = db.databaseName();
    QStringList groups;
    for (const Role role : kRoles)
        groups << groupName(database, role);
    QSqlQuery query(db);
    if (Result<void> read =
            sql::select(query,
                        QStringLiteral("SELECT m.rolname, g.rolname, m.rolcanlogin FROM pg_auth_members "
                                       "a JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid "
                                       "= a.member WHERE g.rolname IN (?, ?, ?) AND m.rolname NOT IN "
                                       "(?, ?, ?) ORDER BY m.rolname"),
                        {groups[0], groups[1], groups[2], groups[0], groups[1], groups[2]});
        !read)
        return read.error();
    QList<User> result;
    while (query.next()) {
        const QString name = query.value(0).toString();
        const Role role = kRoles[size_t(groups.indexOf(query.value(1).toString()))];
        if (!result.isEmpty() && result.back().name == name) {
            result.back().role = std::max(result.back().role, role);
            continue;
        }
        result.append({name, role, query.value(2).toBool()});
    }
    return result;
}

} // namespace dubao::team
