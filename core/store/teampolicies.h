// Row-level security on a team library (issues 13 and 17, docs/schema.md "Team libraries on PostgreSQL"): an
// annotator changes only their own highlights, notes, tags on text and notebooks; editors and the owner change any;
// a notebook is seen by its creator only until it is shared. Installed by `dubao-cli team init` (teamroles.h), not
// by a schema version: the policies name the library's editor group, which only exists once the roles are made.
#pragma once

#include "core/model/result.h"

#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace dubao::team {

/// The statements that make (or bring up to date: each step is idempotent) the policies, the functions they call
/// and the guard triggers, for the library in `database` whose editors are the group `editorGroup`. They run in
/// team::init()'s transaction, after the groups exist.
QStringList policyStatements(const QString &editorGroup);

/// The tables the policies guard, in the order init() installs them.
const QStringList &guardedTables();

enum class PolicyState
{
    Missing,    ///< no table of the library has them (made before they existed, or `team init` never ran)
    Incomplete, ///< some tables have them, some not (a library upgraded since: run `team init` again)
    Installed,
};

/// Whether the connected team library has the policies (read from the server's catalogue).
Result<PolicyState> policyState(const QSqlDatabase &db);

/// The sentence for `team status` and `check`: what the server enforces, or what to run when it does not.
QString describe(PolicyState state);

} // namespace dubao::team
