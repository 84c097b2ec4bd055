// The people index on a team library (schema v16, PostgreSQL only; docs/schema.md "Team libraries on PostgreSQL").
#pragma once

namespace dubao {

/// Registers schema v16: the people index's tables and queue triggers in a team library's script, and an SQLite step
/// that changes nothing. registerAnalysisSchema() calls it.
void registerPeoplePostgres();

} // namespace dubao
