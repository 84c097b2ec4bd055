// File → Merge Personal Library…: the user's work of a personal library file (highlights, notes, taggings,
// notebooks) carried into the open library — a team library, or another file — that holds the same issues
// (core/store/librarymerge.h, as dubao-cli merge). A dry run first says what matches and what does not; the merge,
// one transaction, happens only when the user confirms that preview; its report is shown and the window reads the
// annotations again. An Editing action: off while read-only and for a team library's readers and annotators (it
// may define tags), its tooltip saying why.
#pragma once

#include "core/model/result.h"

#include <QObject>

class QAction;

namespace dubao {

class ActionRegistry;
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

private:
    void chooseAndMerge();

    MainWindow &m_window;
    QAction *m_merge;
};

} // namespace dubao
