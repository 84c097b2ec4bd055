// Verifying a library's schema against the one this build of Dubao makes (issue 17: a file from elsewhere). A
// library from a colleague or a shared drive may hold triggers, views or indexes SQLite would run on every write;
// the only ones allowed are those the migrations of this build create for the file's schema version, with the SQL
// they create. The expected schema is what the registered steps make in a fresh in-memory database brought to the
// same version (cached per version), so a layer or branch that adds a step needs no list of its own here.
// docs/safety.md describes the threat and what the app and the CLI do.
#pragma once

#include "core/model/result.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace dubao {

/// One object of sqlite_master that is not as this build would have made it.
struct SchemaFinding
{
    enum class Kind
    {
        Unknown,
        Altered,
        Missing
    };
    Kind kind = Kind::Unknown;
    QString type; ///< "table", "index", "trigger" or "view" (of the object found, or expected when Missing)
    QString name;
};

class SchemaVerifier final
{
    Q_DECLARE_TR_FUNCTIONS(dubao::SchemaVerifier)

public:
    /// Compares the schema of `db` with the one the migrations make for `version` (1..current). Reads
    /// sqlite_master only: safe on any file, whatever it defines. SQLite's own objects (sqlite_*) are not looked at;
    /// an FTS5 table's shadow tables are compared like any other table.
    static Result<QList<SchemaFinding>> verify(QSqlDatabase &db, int version);

    /// Drops every unknown object and re-creates every altered or missing one of ours (a table of ours that was
    /// altered keeps its rows: it is rebuilt with the columns both have). Runs in one transaction; `done` lists
    /// what it did. The caller backs the library up first.
    static Result<void> repair(QSqlDatabase &db, int version, QStringList *done);

    /// SHA-256 (hex) of the schema the registered steps make for `version` (built as verify() builds it).
    static Result<QByteArray> expectedDigest(int version);

    /// The digest kept in the source for `version` (empty when none is): a library whose schema has it is verified
    /// without building the expected schema.
    static QByteArray knownDigest(int version);

    /// "trigger evil (unknown), view highlights (unknown), table highlights (missing)": for messages.
    static QString describe(const QList<SchemaFinding> &findings);

    /// The SQL text as compared: whitespace collapsed, none around punctuation, "IF NOT EXISTS" dropped.
    static QString normalised(const QString &sql);
};

} // namespace dubao
