// The library's schema as steps, one per version, and the set-up every new connection needs. The store's own
// steps (v1 issues, v2 annotations) are built in (schemasteps.cpp). A layer above the store that keeps tables in
// the library file registers its step and its connection set-up here before the first Library::open() — the
// search index does (core/search/searchschema.h) — so the store never links the layers above it. Library::open()
// refuses every library while a step is missing, and names it.
#pragma once

#include "core/model/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace dubao::schema {

/// A migration step (runs inside the migration's transaction) or a connection set-up (runs after every open,
/// before migrating).
using Step = Result<void> (*)(QSqlDatabase &db);

/// Registers the step that migrates a library from `version` - 1 to `version`. Registering the same step again
/// does nothing. Thread-safe.
void registerStep(int version, const char *layer, Step step);
/// The step of a version that changes nothing in an SQLite library (a version that only a team library's schema
/// needs): registered as a version's step, it lets Library::open() upgrade without first keeping a copy of the
/// library (a 1 GB library's copy is 3.7 GB of disk for nothing).
Result<void> unchangedOnSQLite(QSqlDatabase &db);
/// Registers a set-up that every connection runs right after it opens (e.g. an FTS5 tokenizer, which SQLite
/// keeps per connection). Registering the same set-up again does nothing. Thread-safe.
void registerConnectionSetUp(const char *layer, Step setUp);
/// Registers work that every outermost transaction on a team library (PostgreSQL) does just before it commits, in
/// that transaction: the search layer indexes there the paragraphs, headlines and notes the transaction wrote
/// (their tokens are Dubao's, computed in C++, so no server trigger can make them). Not run on SQLite, whose
/// layers keep their tables current with triggers. Registering the same step again does nothing. Thread-safe.
void registerBeforeCommit(const char *layer, Step step);
QList<Step> beforeCommitSteps();
/// Registers tables a layer above the store derives from the issues (an index, an extraction): a backup leaves
/// them out and a restore rebuilds them. Every other table of a layer's is the user's and goes into backups.
/// Thread-safe.
void registerDerivedTables(const QStringList &tables);
/// True for a table registered by registerDerivedTables().
bool isRegisteredDerivedTable(const QString &table);

struct RegisteredStep
{
    int version = 0;
    QString layer;
    Step step = nullptr;
};
/// For Library: the steps for versions 1..`current`, in order; a version nobody registered has a null step and
/// the layer expected to register it.
QList<RegisteredStep> steps(int current);
QList<Step> connectionSetUps();

/// A script of PostgreSQL statements for a team library (issue 13), beside the layer's SQLite step of the same
/// version. A team library is always made new at the current version: version 11's scripts (the baseline) make
/// the whole schema of their layer as of v11; each later version registers the script that brings a library of
/// the version before to it (for a v12 table: `registerPostgresStep(12, "store", "CREATE TABLE …;")`). Thread-safe.
void registerPostgresStep(int version, const char *layer, const char *script);
struct PostgresStep
{
    int version = 0;
    QString layer;
    QString script;
};
/// Every registered PostgreSQL script, the store's own (its v11 baseline, core/store/postgresschema.cpp) first.
QList<PostgresStep> postgresSteps();

/// The store's own steps.
Result<void> migrateTo1(QSqlDatabase &db);  ///< publications, source files, issues, articles, blocks
Result<void> migrateTo2(QSqlDatabase &db);  ///< tags, highlights, notes, notebooks, source contents
Result<void> migrateTo4(QSqlDatabase &db);  ///< uids, issues.parser_version, block and article lineage
Result<void> migrateTo5(QSqlDatabase &db);  ///< the change counters backups compare
Result<void> migrateTo8(QSqlDatabase &db);  ///< issues.date_alternatives and date_evidence: how sure the year is
Result<void> migrateTo9(QSqlDatabase &db);  ///< corrections: the reader's corrections of the OCR
Result<void> migrateTo20(QSqlDatabase &db); ///< articles.page and page_name: the page (版次) an article is on
/// The store's own connection set-up (the SQL function dubao_uid()); connectionSetUps() lists it first.
Result<void> setUpStoreConnection(QSqlDatabase &db);

} // namespace dubao::schema
