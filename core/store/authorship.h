// Who made and last changed each annotation (schema v15, issue 13; docs/schema.md "Schema version 15"): the name
// an SQLite library writes into the authorship columns, the SQL function its triggers call for it, and the schema
// step of both engines. On a team library the server writes the columns itself (its login role, its clock), so a
// client cannot forge them.
#pragma once

#include "core/model/result.h"

#include <QSqlDatabase>
#include <QString>

struct sqlite3;

namespace dubao::authorship {

/// The name an SQLite library records as the author of what this process writes: the name set by
/// setUserName() (the app's Preferences, `dubao-cli --author`), else the operating system's login name. Never
/// empty. Thread-safe.
QString userName();
/// The operating system's login name (USER, LOGNAME, USERNAME, then the password database; "unknown" when none).
QString loginName();
/// Sets the name userName() gives; an empty or blank name goes back to the login name. Thread-safe.
void setUserName(const QString &name);

/// Registers the SQL function dubao_user() (userName() at the time of the call) on a connection. The store's
/// connection set-up calls it: the schema v15 triggers of the annotation tables use it.
bool registerSqlFunction(sqlite3 *db);

/// Records who made a highlight or note an import brings (REFI-QDA's creatingUser and modifyingUser): `createdBy`,
/// and `changedBy` (createdBy when empty), on the row `id` of `table` ("highlights" or "notes"), in the caller's
/// transaction. On a team library only its owner's server writes a name other than the login's (`dubao.copy`, for
/// this statement): for anyone else the row stays the importer's, and this writes nothing and gives false.
Result<bool> recordAuthors(const QSqlDatabase &db, const QString &table, qint64 id, const QString &createdBy,
                           const QString &changedBy);
/// The same for a tag put on something: `target` 'a'rticle, 'b'lock (paragraph), 'h'ighlight or 'n'ote, the link of
/// tag `tagId` to `targetId`.
Result<bool> recordTagger(const QSqlDatabase &db, char target, qint64 targetId, qint64 tagId, const QString &createdBy);

/// Schema version 15 on SQLite: the authorship columns, the notes' and highlights' row versions, notebooks'
/// `shared`, and the triggers that fill them. Existing rows are recorded as made by userName() (whoever upgrades
/// the library: a personal library's owner).
Result<void> migrateTo15(QSqlDatabase &db);
/// The same version on PostgreSQL (rows that exist are by an unknown author: the empty name).
const char *postgresScript();
/// Schema version 19 on PostgreSQL (nothing on SQLite): rows put back as they were keep their maker's name — a
/// colleague's tagging that a re-parse puts on the new paragraph (or keeps as an orphan highlight), a colleague's
/// highlight, note or notebook whose deletion an editor undoes. Within a transaction that says
/// `SET LOCAL dubao.keep_authors = 'on'` (keepGivenAuthors()), an editor or the owner may insert rows naming their
/// creator; anyone else still gets their own login, as do rows that name nobody.
const char *postgresScriptV19();
/// On a team library, says (or stops saying) for the rest of the transaction that the rows the writes that follow
/// insert are put back as they were and keep the creator they name. Nothing on SQLite, whose triggers keep a given
/// name anyway.
Result<void> keepGivenAuthors(QSqlDatabase &db, bool on);

} // namespace dubao::authorship
