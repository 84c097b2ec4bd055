// Merges the user's work of one library (a personal SQLite file) into another that holds the same issues (a team
// library on PostgreSQL, or another file): issue 13's `dubao-cli merge`. Issues are matched by their source's
// SHA-256, paragraphs by their text in the matched issue, articles by their headline; tags by their path (made
// when missing, with their colour), notebooks by name. Highlights and notes keep their uid, so a second merge finds
// them and adds nothing; an annotation the destination already has at the same place is not added twice.
// Everything is one transaction of the destination; a dry run rolls it back and reports what it would have done.
#pragma once

#include "core/model/result.h"

#include <QStringList>

#include <atomic>
#include <functional>

namespace dubao {

class Library;

struct MergeReport
{
    int issuesMatched = 0;   ///< issues of `from` with work on them whose source the destination holds
    int issuesUnmatched = 0; ///< ... whose source it does not hold
    int tagsCreated = 0;
    int highlightsAdded = 0;
    int notesAdded = 0;
    int paragraphTagsAdded = 0;
    int articleTagsAdded = 0;
    int annotationTagsAdded = 0; ///< tags put on highlights and notes (new ones and ones already there)
    int notebooksCreated = 0;
    int notebookEntriesAdded = 0;
    int alreadyThere = 0; ///< highlights, notes, taggings and notebook entries the destination had
    /// One line per highlight, note, tagging or notebook entry that could not be carried, saying what and why.
    QStringList unmatched;
    /// One line per tag, highlight, note, tagging, notebook and notebook entry added, saying what and where it is now
    /// in the library merged into (a merge is not undone: the lines are what there is to review).
    QStringList addedItems;
    bool dryRun = false;

    int added() const
    {
        return tagsCreated + highlightsAdded + notesAdded + paragraphTagsAdded + articleTagsAdded +
               annotationTagsAdded + notebooksCreated + notebookEntriesAdded;
    }
};

namespace librarymerge {

/// Carries the user's work of `from` into `into` in one transaction of `into` (committed unless `dryRun`). A
/// failure leaves `into` as it was. Corrections of the issues' text are not carried (they are edits of the
/// library, not annotations).
Result<MergeReport> merge(Library &from, Library &into, bool dryRun = false);

/// What a merge on a worker thread is given: a cancel flag (another thread sets it: the merge stops between two rows,
/// or ends the statement running, and rolls back: the error is cancelledMessage()) and its progress, a step of all
/// ("highlights", 3 of 7), on the merging thread.
struct Options
{
    bool dryRun = false;
    const std::atomic_bool *cancel = nullptr;
    std::function<void(int step, int steps, const QString &what)> progress;
};
Result<MergeReport> merge(Library &from, Library &into, const Options &options);
/// The error of a cancelled merge.
QString cancelledMessage();

} // namespace librarymerge

} // namespace dubao
