// dubao-cli's commands. Each returns the process exit code: 0 when everything succeeded, 1 when anything
// failed (one line per failure on stderr), 2 for a usage error. Commands are grouped by area in their own
// files (commands.cpp: parse/import/list/show; annotationcommands.cpp; searchcommands.cpp), each adding its
// entries to the command table.
#pragma once

#include "core/store/library.h"

#include <QMultiMap>
#include <QSet>
#include <QStringList>
#include <QTextStream>

#include <algorithm>
#include <functional>
#include <map>

class QJsonArray;
class QJsonDocument;

namespace dubao::cli {

struct Streams
{
    QTextStream &out;
    QTextStream &err;
};

/// The parsed command line. Flags (--json, --raw, --all-tags, --repair, --force, --help, --version) take no
/// value; every other --name takes one (`--name VALUE` or `--name=VALUE`) and may repeat (--tag A --tag B).
struct Args
{
    QString command;
    QStringList positional;
    QMultiMap<QString, QString> options; ///< without the leading "--"; values() returns newest first
    QSet<QString> flags;                 ///< with the leading "--"
    QString library;                     ///< --library
    bool json = false;                   ///< --json
    bool raw = false;                    ///< --raw
    QString error;                       ///< a usage error, if any

    QString option(const QString &name) const { return options.value(name); }
    bool has(const QString &name) const { return options.contains(name); }
    QStringList all(const QString &name) const
    {
        QStringList v = options.values(name);
        std::reverse(v.begin(), v.end()); // in command-line order
        return v;
    }
};

using Command = std::function<int(const Args &, Streams)>;
using CommandTable = std::map<QString, Command>;

Args parseArgs(const QStringList &arguments);

/// Opens --library (or the default library); on failure prints one line on stderr and returns false.
bool openLibrary(Library &library, const Args &args, Streams io, Library::OpenMode mode = Library::OpenMode::Normal);

void printJson(QTextStream &out, const QJsonDocument &doc);

/// The command groups of the other files.
void addAnnotationCommands(CommandTable &table);  // annotationcommands.cpp: tag, highlight, note, notebook, orphans
void addIssueCommands(CommandTable &table);       // issuecommands.cpp: replace, reparse, resolve
void addSearchCommands(CommandTable &table);      // searchcommands.cpp: search, kwic, reindex
void addExportCommands(CommandTable &table);      // exportcommands.cpp: export
void addAnalysisCommands(CommandTable &table);    // analysiscommands.cpp: people, person
void addReuseCommands(CommandTable &table);       // reusecommands.cpp: reuse, compare
void addMaintenanceCommands(CommandTable &table); // maintenancecommands.cpp: backup, restore, check
void addTeamCommands(CommandTable &table);        // teamcommands.cpp: team init, add-user, list-users
void addCorrectionCommands(
    CommandTable &table); // correctioncommands.cpp: correct, corrections, uncorrect, export-corrected

/// The corrections a re-parse or replace could not place (correctioncommands.cpp), for `orphans`: a JSON object
/// each, or one line each on io.out. Returns how many there are, or -1 (after a line on io.err) when they could
/// not be read.
int orphanCorrections(Library &library, Streams io, QJsonArray *json);

int run(const QStringList &arguments, Streams io);

} // namespace dubao::cli
