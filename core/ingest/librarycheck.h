// Checking a library (dubao-cli check, Help → Check Library…): SQLite's own checks, the full-text index's
// and Dubao's invariants. Every problem is described in plain words with how to repair it. repair() fixes
// only what is derived (the search index) or can be made safe without losing anything (annotations whose
// anchor no longer matches become orphans, keeping quote, tags and notes); it never deletes user data.
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>

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
    QStringList notices;    ///< harmless states worth saying (e.g. the search index is waiting for a rebuild)
    QStringList repaired;   ///< what repair() did
    bool cancelled = false; ///< check() was cancelled: the report says nothing about the library
    bool healthy() const { return !cancelled && problems.isEmpty(); }
};

/// Texts are English; an application that installs a translator gets them translated (context
/// "dubao::LibraryCheck", in translations/). dubao-cli prints them in English.
class LibraryCheck final
{
    Q_DECLARE_TR_FUNCTIONS(dubao::LibraryCheck)

public:
    /// Runs every check; changes nothing. `cancel` (may be null) may be set from another thread: the check
    /// then stops within milliseconds and returns an empty report with `cancelled` set.
    /// `full`: SQLite's full integrity check (every index against its table; about a minute for a library of
    /// 4 GB) instead of its quick check (the pages and records, not the indexes' contents).
    static CheckReport check(Library &library, const std::atomic_bool *cancel = nullptr, bool full = false);

    /// Repairs what can be repaired (see the top of the file), then checks again; the returned report's
    /// `repaired` lists what was done, `problems` what remains.
    static CheckReport repair(Library &library);
};

} // namespace dubao
