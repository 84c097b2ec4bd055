// The window's text reuse (issue 22): the reader's margin marks of the passages the open article shares and its
// header line ("83% shared with 新华社 2023-01-05 · own text 17%"), read from the index each time an article is
// shown (nothing while the index was never built); the side-by-side comparison (a click on a mark, View → Compare
// With…), made by the core's alignment (ReuseIndex::compare(), what dubao-cli compare prints); Tools → Build Reuse
// Index, the full computation on a worker thread with progress and Cancel, after which the marks appear; the Reuse
// dock (View → Reuse), its clusters read on a worker thread when it is shown, a copy opening in the reader compared
// with its source, narrowed by a query (its articles found on a worker thread); its Export, the pairs and clusters as
// JSON (what dubao-cli reuse --json prints) or CSV.
#pragma once

#include "app/reuse/reuseview.h"
#include "core/model/result.h"
#include "core/reuse/reuseindex.h"

#include <QObject>
#include <QPointer>

class QAction;
class QDialog;
class QDockWidget;
class QProgressDialog;

namespace dubao {

class ActionRegistry;
class ComparisonView;
class JobRunner;
class MainWindow;

class ReusePart final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReusePart)

public:
    ReusePart(MainWindow &window, ActionRegistry &actions);
    ~ReusePart() override;

    /// What the index says of the shown article (empty and not indexed when none is shown or never built).
    const ArticleReuse &shownReuse() const { return m_reuse; }
    /// Reads the shown article's marks and header line from the index again.
    void showMarks();
    /// Opens the comparison of the shown article with `other`; false (and the user told why) when it fails.
    bool compareWith(qint64 other);
    /// The comparison window, null until one was opened.
    ComparisonView *comparison() const;
    /// Tools → Build Reuse Index: the full computation on a worker thread (progress dialog when the feedback shows
    /// dialogs). A cancel leaves what was there: no index when there was none, else the pairs as they were.
    bool buildIndex();
    bool isBuilding() const;
    /// Stops the build (a first build is forgotten, as a cancel does) and the clusters' reading; before the library
    /// closes.
    void stopJobs();
    JobRunner *buildRunner() const { return m_runner; }
    /// The Reuse dock's view.
    ReuseView *view() const { return m_view; }
    bool isLoading() const;
    /// Shows `article` in the reader and opens its comparison with `other`.
    bool openComparison(qint64 article, qint64 other);
    /// Writes the open library's pairs and clusters of 50 or more shared characters to `path` (replaced whole or
    /// left as it was): JSON as dubao-cli reuse --json prints it, or CSV (core/reuse/reuseexport.h).
    Result<void> exportTo(const QString &path, ReuseView::ExportKind kind);

signals:
    /// A build ended: true when the index was built, false when it failed or was cancelled.
    void built(bool ok);
    /// The Reuse view shows what the index holds now.
    void loaded();
    /// The Reuse view's query filter was applied (or failed, its error shown).
    void queryApplied();

private:
    void chooseCopy();
    void exportDialog(ReuseView::ExportKind kind);
    void applyQuery(const QString &query);
    void onBuilt(const QString &path, const Result<qint64> &articles);
    void updateActions();
    void reload();

    MainWindow &m_window;
    JobRunner *m_runner;
    ReuseView *m_view;
    QDockWidget *m_dock;
    JobRunner *m_listRunner;
    JobRunner *m_queryRunner;
    bool m_again = false; ///< a reload was asked for while one ran
    QAction *m_build;
    QAction *m_compare;
    ArticleReuse m_reuse;
    qint64 m_reuseArticle = 0;
    QPointer<QDialog> m_comparisonWindow;
    QPointer<ComparisonView> m_comparison;
    QPointer<QProgressDialog> m_progress;
};

} // namespace dubao
