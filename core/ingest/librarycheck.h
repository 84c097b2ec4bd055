// Checking a library (dubao-cli check, Help → Check Library…): SQLite's own checks, the full-text index's
// and Dubao's invariants. Every problem is described in plain words with how to repair it. repair() fixes
// only what is derived (the search index) or can be made safe without losing anything (annotations whose
// anchor no longer matches become orphans, keeping quote, tags and notes); it never deletes user data.
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

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
    bool full = false;      ///< the full check ran (every page); a quick check says what it left out in `scope`
    QString scope;          ///< what the check read, and what it left out (empty after a cancel)
    bool healthy() const { return !cancelled && problems.isEmpty(); }
};

struct CheckOptions
{
    /// SQLite's full integrity check of every page and index, every foreign key and FTS5's own check of the
    /// search index (about a minute per GB of text) instead of the quick check (see check()).
    bool full = false;
    const std::atomic_bool *cancel = nullptr; ///< may be set from another thread: the check stops within ms
    /// Called on the checking thread before each step: `done` of `total` steps, and what the step reads.
    std::function<void(int done, int total, const QString &step)> progress;
};

/// Texts are English; an application that installs a translator gets them translated (context
/// "dubao::LibraryCheck", in translations/). dubao-cli prints them in English.
class LibraryCheck final
{
    Q_DECLARE_TR_FUNCTIONS(dubao::LibraryCheck)

public:
    /// Runs every check; changes nothing. A cancelled check stops within milliseconds and returns an empty
    /// report with `cancelled` set.
    /// The quick check (the default; seconds for a library of 4 GB) reads page by page only what no restore or
    /// re-index could make again: the issues, their original bytes and the user's work (PRAGMA quick_check and
    /// foreign_key_check per table); what is derived from the issues' bytes (paragraphs, articles, the search
    /// and people indexes) it probes by counts and references only. The report's `scope` says so.
    static CheckReport check(Library &library, const CheckOptions &options);
    static CheckReport check(Library &library, const std::atomic_bool *cancel = nullptr, bool full = false)
    {
        return check(library, CheckOptions{full, cancel, {}});
    }

    /// Repairs what can be repaired (see the top of the file), then checks again; the returned report's
    /// `repaired` lists what was done, `problems` what remains.
    static CheckReport repair(Library &library);

private:
    static void checkAnnotations(QSqlDatabase &db, CheckReport &report);
    /// check() on a team library (PostgreSQL): the server keeps its own storage sound and enforces the references
    /// between tables on every write, so what is read is Dubao's own: the structure and the annotations.
    static CheckReport checkTeamLibrary(Library &library, const CheckOptions &options);
    /// Whether the team library's row-level security is on (a notice) or missing where it should be (a problem).
    static void checkTeamPolicies(QSqlDatabase &db, CheckReport &report);
    /// Steps 3 and 4 of check() on either engine: paragraphs in articles, articles in issues; the annotations.
    static void checkStructure(QSqlDatabase &db, CheckReport &report);
    static QString restoreAdvice();
};

} // namespace dubao
