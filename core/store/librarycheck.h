// Checking a library (dubao-cli check, Help → Check Library…): SQLite's own checks, the full-text index's
// and Dubao's invariants. Every problem is described in plain words with how to repair it. repair() fixes
// only what is derived (the search index) or can be made safe without losing anything (annotations whose
// anchor no longer matches become orphans, keeping quote, tags and notes); it never deletes user data.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace dubao {

class Library;

struct CheckProblem
{
    QString code;            ///< stable id: "integrity", "foreign-key", "search-index", "anchor", "structure", ...
    QString message;         ///< what is wrong, in plain words
    QString repair;          ///< how to repair it
    bool repairable = false; ///< LibraryCheck::repair() fixes it
};

struct CheckReport
{
    QList<CheckProblem> problems;
    QStringList notices;  ///< harmless states worth saying (e.g. the search index is waiting for a rebuild)
    QStringList repaired; ///< what repair() did
    bool healthy() const { return problems.isEmpty(); }
};

class LibraryCheck final
{
public:
    /// Runs every check; changes nothing.
    static CheckReport check(Library &library);

    /// Repairs what can be repaired (see the top of the file), then checks again; the returned report's
    /// `repaired` lists what was done, `problems` what remains.
    static CheckReport repair(Library &library);
};

} // namespace dubao
