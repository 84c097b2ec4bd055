// Who may do what on a team library (issue 13, docs/safety.md "Roles on a team library"): three group roles per
// database, made by `dubao-cli team init`, with the GRANTs the server enforces — a reader reads, searches and
// exports; an annotator also tags text and makes highlights, notes and notebooks; an editor also imports,
// replaces, re-parses, corrects the OCR and defines tags. Users are LOGIN roles in one of the groups.
#pragma once

#include "core/model/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <optional>

namespace dubao {

class Library;

namespace team {

enum class Role
{
    Reader,
    Annotator,
    Editor,
};

/// "reader", "annotator", "editor": the words of the command line and of the group roles' names.
QString roleKeyword(Role role);
std::optional<Role> roleFromKeyword(const QString &keyword);
/// The group role of `role` for the database: `<database>_reader` and so on.
QString groupName(const QString &database, Role role);

/// What the connected user may do on a team library, read from the server when the library opens.
struct Access
{
    QString user;
    /// "owner" (owns the library's tables, or a superuser), "editor", "annotator", "reader", or empty (no group of
    /// this library's: whatever the owner granted by hand).
    QString role;
    bool mayAnnotate = true; ///< highlights, notes, notebooks, tags on text
    bool mayEdit = true;     ///< import, replace, re-parse, corrections of the OCR, tag definitions
    /// The server lets the user change only the annotations they made (an annotator on a library with row-level
    /// security, teampolicies.h); editors and the owner change anyone's.
    bool ownRowsOnly = false;
};

/// What a user may own on a team library, for the sentences of refusals.
enum class Owned
{
    Highlight,
    Note,
    TagOnText,
    Notebook,
};

/// Whether the user may change (edit, delete, retag) an annotation `author` made: always on a library file, on a
/// team library without row-level security, and for editors and the owner; an annotator's own only.
bool mayChange(const Access &access, const QString &author);
/// Why not, as the server says it too: "this note is bo's: an annotator changes only their own notes".
QString refusal(Owned kind, const QString &author);

/// Reads the connected user's role and privileges (the tables must exist).
Result<Access> readAccess(const QSqlDatabase &db);
/// The sentence naming the user's role and what it may do, for the server's refusals (dialect::permissionNote):
/// "alice is a reader of this team library: a reader may read, search and export, not annotate or change it".
QString describe(const Access &access);

/// Makes (or brings up to date: every step is idempotent) the three group roles of the library's database, grants
/// them their privileges on the store's tables, sequences and functions, sets default privileges so that tables of
/// later schema versions follow (readers read them, editors write them), and revokes PUBLIC's access. Needs the
/// library's owner (or a superuser) with CREATEROLE. One transaction. `done` gets a line per group.
Result<void> init(Library &library, QStringList *done);

/// A user: a LOGIN role in the group of `role`, with `password` (sent to the server only as a SCRAM verifier, made
/// here with libpq). The groups must exist (init()); a role of that name must not.
Result<void> addUser(Library &library, const QString &name, Role role, const QString &password);

/// Takes a user out of the library: their membership of its groups goes, and their login role too when it belongs to
/// no other group and owns nothing on the server (otherwise it stays, without this library). What they made keeps
/// their name (the authorship columns are names). `droppedLogin` says which. The owner (or a superuser) with
/// CREATEROLE runs it.
Result<void> removeUser(Library &library, const QString &name, bool *droppedLogin);

struct User
{
    QString name;
    Role role = Role::Reader;
    bool canLogin = true;
};

/// The members of the library's groups (the highest group when several), by name.
Result<QList<User>> users(Library &library);

} // namespace team
} // namespace dubao
