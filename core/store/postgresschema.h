// A team library's schema on PostgreSQL (issue 13): created in one step at the current version, from the scripts
// the layers register beside their SQLite steps (schema::registerPostgresStep), with the version kept in the table
// dubao_library. For Library only.
#pragma once

#include "core/model/result.h"

#include <QSqlDatabase>

namespace dubao::schema {

/// The first version a team library can have: version 11's scripts make the whole schema of their layer.
constexpr int kPostgresBaseline = 11;

/// Makes a new team library in an empty database (every registered script up to `current`, in one transaction) or
/// brings an existing one up to `current`. An empty database becomes a library; a database with other tables, or
/// a library of a newer version, is refused and left as it was.
Result<void> openPostgres(QSqlDatabase &db, int current);

} // namespace dubao::schema
