// File → Merge Personal Library…: the user's work of a personal library file (highlights, notes, taggings,
// notebooks) carried into the open library — a team library, or another file — that holds the same issues
// (core/store/librarymerge.h, as dubao-cli merge). A dry run first says what matches and what does not (on a worker
// thread with a progress dialog and Cancel: it reads both libraries through); the merge, one transaction, happens
// only when the user confirms that preview, on a worker thread with a progress dialog whose Cancel rolls it back
// (nothing is merged); its report is shown, saved whole to a file, and the window reads the annotations again.
// A merge is not undoable: on a shared library colleagues may tag, note or put into notebooks what it added as soon
// as it commits, and taking it back would take their work's anchors with it; so the question says so before it
// commits, and the report lists everything added (MergeReport::addedItems) for review. An Editing
// action: off while read-only and for a team library's readers and annotators (it may define tags), its tooltip saying
// why.
#pragma once

#include "core/model/result.h"

#include <QObject>

class QAction;

namespace dubao {

class ActionRegistry;
class JobRunner;
class MainWindow;
struct MergeReport;

class MergePart final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MergePart)

public:
    MergePart(MainWindow &window, ActionRegistry &actions);
    ~MergePart() override;

    /// Merges the library file `file` into the open library: the dry run's preview is put to the user
    /// (UserFeedback::confirm), then the merge is made and its report shown (UserFeedback::inform). Gives the
    /// report (dryRun still true when the user declined: nothing changed), or why nothing was merged.
    Result<MergeReport> mergeFrom(const QString &file);
    /// The report in the user's words, a line per group of counts.
    static QString describe(const MergeReport &report);
    /// Cancels the merge running after the confirmation (its progress dialog's Cancel): nothing is merged.
    void cancel();

signals:
    /// The running merge's progress, as its dialog shows it: "Merging the highlights (3 of 7)…".
    void progressed(const QString &text, int step, int steps);

private:
    void chooseAndMerge();
    /// The merge (or its dry run, the preview), on a worker thread with connections of its own, a progress dialog
    /// and Cancel.
    Result<MergeReport> runMerge(const QString &from, bool dryRun);
    /// Writes the whole report (everything added, everything not matched) to a text file in the application's data
    /// folder (merge-reports/), for review: a merge cannot be undone. Gives the file's path.
    Result<QString> saveReport(const QString &name, const MergeReport &report) const;

    MainWindow &m_window;
    QAction *m_merge;
    JobRunner *m_runner = nullptr; ///< while a merge runs
};

} // namespace dubao
