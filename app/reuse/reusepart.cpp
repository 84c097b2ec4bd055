// The window's text reuse (reusepart.h).
#include "app/reuse/reusepart.h"

#include "app/annotations/annotationcontroller.h"
#include "app/annotations/annotationdocument.h"
#include "app/export/exportdefaults.h"
#include "app/reader/readerview.h"
#include "app/reuse/comparisonview.h"
#include "app/reuse/reuseview.h"
#include "app/search/querycompleter.h"
#include "app/shell/actionregistry.h"
#include "app/shell/analysisdock.h"
#include "app/shell/librarysession.h"
#include "app/shell/librarytreemodel.h"
#include "app/shell/mainwindow.h"
#include "core/jobs/jobrunner.h"
#include "core/model/issuedate.h"
#include "core/reuse/reuseexport.h"
#include "core/search/searchservice.h"
#include "core/store/issuerepository.h"
#include "core/store/library.h"

#include <QAction>
#include <QCoreApplication>
#include <QDialog>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLineEdit>
#include <QProgressDialog>
#include <QSaveFile>
#include <QSet>
#include <QStatusBar>
#include <QVBoxLayout>

#include <limits>

namespace dubao {

namespace {

/// "新华社 2023-01-05 《title》"
QString describe(const ReuseCopy &copy)
{
    QStringList parts;
    if (!copy.publication.isEmpty())
        parts << copy.publication;
    if (copy.date.isValid())
        parts << copy.date.toString(Qt::ISODate);
    if (!copy.title.isEmpty())
        parts << QStringLiteral("《%1》").arg(copy.title);
    return parts.join(QLatin1Char(' '));
}

/// The UTF-16 offset of code point `codePoint` of `text` (its length past the end).
int utf16Offset(const QString &text, int codePoint)
{
    int offset = 0;
    for (int cp = 0; cp < codePoint && offset < text.size(); ++cp)
        offset += text[offset].isHighSurrogate() && offset + 1 < text.size() ? 2 : 1;
    return offset;
}

} // namespace

ReusePart::ReusePart(MainWindow &window, ActionRegistry &actions)
    : QObject(&window)
    , m_window(window)
    , m_runner(new JobRunner(QStringLiteral("reuse-index"), this))
    , m_view(new ReuseView)
    , m_dock(addAnalysisDock(window, actions, m_view, QCoreApplication::translate("dubao::MainWindow", "Reuse"),
                             QStringLiteral("reuseDock"), QStringLiteral("actionReuse"),
                             QCoreApplication::translate("dubao::MainWindow", "Re&use"),
                             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U)))
    , m_listRunner(new JobRunner(QStringLiteral("reuse-clusters"), this))
    , m_queryRunner(new JobRunner(QStringLiteral("reuse-query"), this))
{
    reloadWhileShown(window, m_dock, this, [this] { reload(); });
    connect(m_view, &ReuseView::comparisonRequested, this, &ReusePart::openComparison);
    connect(m_view, &ReuseView::exportRequested, this, &ReusePart::exportDialog);
    connect(m_view, &ReuseView::queryChanged, this, &ReusePart::applyQuery);
    AnnotationDocument &document = window.annotations()->document();
    const auto updateTags = [this, &document] {
        m_view->setTagNames(QueryCompleter::tagPaths(document.tagList()));
    };
    connect(&document, &AnnotationDocument::tagsChanged, this, updateTags);
    updateTags();
    using Menu = ActionRegistry::Menu;
    using Section = ActionRegistry::Section;
    m_build = actions.add(Menu::Tools, Section::ToolsIndex, QStringLiteral("actionBuildReuseIndex"),
                          tr("Build &Reuse Index"), {}, ActionRegistry::Kind::Editing);
    m_build->setStatusTip(tr("Find the passages articles share (reprints, wire copy): marks in the reader's margin "
                             "and side-by-side comparisons"));
    connect(m_build, &QAction::triggered, this, &ReusePart::buildIndex);
    m_compare = actions.add(Menu::View, Section::ViewText, QStringLiteral("actionCompareWith"), tr("Co&mpare With…"),
                            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    m_compare->setStatusTip(tr("Compare the article side by side with another that shares its passages"));
    connect(m_compare, &QAction::triggered, this, &ReusePart::chooseCopy);

    connect(&window, &MainWindow::articleShown, this, &ReusePart::showMarks);
    connect(&window, &MainWindow::importFinished, this, &ReusePart::showMarks);
    connect(&window, &MainWindow::libraryOpened, this, [this] {
        m_runner->cancelAndWait();
        m_queryRunner->cancelAndWait();
        m_view->queryFilter()->clear(); // the other library's articles
        m_view->setMatchingArticles(std::nullopt);
        if (m_comparisonWindow)
            m_comparisonWindow->close(); // it compared articles of the other library
        showMarks();
    });
    connect(window.reader(), &ReaderView::reuseMarkClicked, this, [this](int index) {
        if (index < 0 || index >= m_reuse.marks.size() || m_reuse.marks[index].copies.isEmpty())
            return;
        compareWith(m_reuse.copies[m_reuse.marks[index].copies.front()].article); // the earliest copy
    });
    connect(m_runner, &JobRunner::progress, this, [this](qint64 done, qint64 total) {
        const int permille = total > 0 ? int(std::min<qint64>(1000, done * 1000 / total)) : 0;
        if (m_progress)
            m_progress->setValue(permille);
        m_window.statusBar()->showMessage(tr("Building the reuse index: %1 of %2 articles").arg(done).arg(total));
    });
    updateActions();
}

ReusePart::~ReusePart()
{
    m_runner->cancelAndWait();
    m_listRunner->cancelAndWait();
    m_queryRunner->cancelAndWait();
}

ComparisonView *ReusePart::comparison() const
{
    return m_comparison;
}

bool ReusePart::isLoading() const
{
    return m_listRunner->isRunning();
}

void ReusePart::reload()
{
    if (m_listRunner->isRunning()) {
        m_again = true;
        return;
    }
    const QString path = m_window.libraryPath();
    if (path.isEmpty()) {
        m_view->setClusters({});
        return;
    }
    m_view->setMessage(tr("Reading the clusters…"));
    struct Listing
    {
        bool exists = false;
        QList<ReuseClusterDetails> clusters;
    };
    m_listRunner->start(
        [path](JobContext &context) -> Result<Listing> {
            Library library; // this thread's own connection
            if (const Result<void> opened = library.open(path); !opened)
                return opened.error();
            ReuseIndex index(library);
            Listing listing;
            listing.exists = index.exists();
            if (!listing.exists)
                return listing;
            if (index.pendingArticles() > 0)
                if (const Result<qint64> updated = index.update(context.cancelFlag()); !updated)
                    return updated.error();
            const Result<QList<ReuseClusterDetails>> clusters = index.clusterDetails(50, context.cancelFlag());
            if (!clusters)
                return clusters.error();
            listing.clusters = *clusters;
            return listing;
        },
        [this](Result<Listing> listing) {
            if (m_again) {
                m_again = false;
                reload();
                return;
            }
            if (!listing) {
                m_view->setClusters({});
                m_view->setMessage(listing.error().message());
            } else {
                m_view->setClusters(listing->clusters);
                if (!listing->exists)
                    m_view->setMessage(m_window.session() && !m_window.session()->library().teamAccess().mayEdit
                                           ? tr("No reuse index yet: an editor of this team library builds it with "
                                                "Tools → Build Reuse Index.")
                                           : tr("No reuse index yet: Tools → Build Reuse Index builds it."));
            }
            emit loaded();
        });
}

bool ReusePart::openComparison(qint64 article, qint64 other)
{
    if (!m_window.showArticle(article))
        return false;
    return compareWith(other);
}

void ReusePart::updateActions()
{
    m_compare->setEnabled(!m_reuse.copies.isEmpty());
    // On a team library the index is the editors' (schema v18): a reader or annotator reads it, and is told why the
    // action is off.
    const LibrarySession *session = m_window.session();
    const bool editor = !session || session->library().teamAccess().mayEdit;
    m_build->setEnabled(session != nullptr && editor && !m_runner->isRunning());
    m_build->setToolTip(editor ? m_build->text().remove(u'&')
                               : tr("Only an editor of this team library builds its reuse index; its editors' imports "
                                    "keep it up to date."));
}

void ReusePart::showMarks()
{
    ReaderView *reader = m_window.reader();
    const qint64 articleId = reader->articleId();
    m_reuse = {};
    m_reuseArticle = articleId;
    LibrarySession *session = m_window.session();
    if (session && articleId > 0)
        if (Result<ArticleReuse> read = ReuseIndex(session->library()).articleReuse(articleId); read)
            m_reuse = *read;
    updateActions();
    if (m_reuse.copies.isEmpty()) { // never built, or nothing shared
        reader->setReuseMarks({});
        reader->setReuseLine({});
        return;
    }
    QList<ReuseMarginMark> marks;
    for (const ReuseMark &mark : std::as_const(m_reuse.marks)) {
        QString text;
        for (const Block &block : reader->article().blocks)
            if (block.id == mark.blockId)
                text = block.text;
        const ReuseCopy &earliest = m_reuse.copies[mark.copies.front()];
        marks.append({mark.blockId, utf16Offset(text, mark.start), utf16Offset(text, mark.end), int(mark.copies.size()),
                      tr("Shared with %n other article(s); the earliest: %1", nullptr, int(mark.copies.size()))
                              .arg(describe(earliest)) +
                          u'\n' + tr("Click to compare side by side.")});
    }
    reader->setReuseMarks(marks);
    const int shared = qRound(m_reuse.sharedShare() * 100);
    const int source = m_reuse.sourceCopy();
    if (source >= 0) {
        const ReuseCopy &copy = m_reuse.copies[source];
        reader->setReuseLine(tr("%1% shared with %2 %3 · own text %4%")
                                 .arg(shared)
                                 .arg(copy.publication.isEmpty() ? tr("another article") : copy.publication,
                                      copy.date.toString(Qt::ISODate))
                                 .arg(100 - shared));
    } else {
        reader->setReuseLine(
            tr("%1% shared with %n later article(s) · own text %2%", nullptr, int(m_reuse.copies.size()))
                .arg(shared)
                .arg(100 - shared));
    }
}

bool ReusePart::compareWith(qint64 other)
{
    LibrarySession *session = m_window.session();
    const qint64 articleId = m_window.reader()->articleId();
    if (!session || articleId <= 0 || other <= 0)
        return false;
    const Result<ReusePair> pair = ReuseIndex(session->library()).compare(articleId, other);
    auto side = [&](qint64 id) -> std::optional<ComparisonView::Side> {
        const std::optional<Article> article = session->issues().article(id);
        if (!article)
            return std::nullopt;
        const qint64 issueId = session->issues().issueIdOfArticle(id).value_or(0);
        return ComparisonView::Side{*article,
                                    m_window.libraryModel()->issueSummary(issueId).value_or(IssueSummary{}).info};
    };
    const std::optional<ComparisonView::Side> left = side(articleId), right = side(other);
    if (!pair || !left || !right) {
        m_window.feedback().warn(&m_window, tr("Compare"),
                                 pair ? tr("The article is no longer in the library.") : pair.error().message());
        return false;
    }
    if (!m_comparisonWindow) {
        m_comparisonWindow = new QDialog(&m_window, Qt::Window);
        m_comparisonWindow->setObjectName(QStringLiteral("comparisonWindow"));
        m_comparisonWindow->setAttribute(Qt::WA_DeleteOnClose);
        m_comparison = new ComparisonView(m_comparisonWindow);
        auto *layout = new QVBoxLayout(m_comparisonWindow);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(m_comparison);
        m_comparisonWindow->resize(m_window.size() * 0.9);
    }
    m_comparison->setComparison(*left, *right, *pair);
    m_comparisonWindow->setWindowTitle(
        tr("Compare: %1 — %2")
            .arg(left->article.title, right->article.title.isEmpty() ? QString::number(other) : right->article.title));
    m_comparisonWindow->show();
    m_comparisonWindow->raise();
    return true;
}

void ReusePart::chooseCopy()
{
    if (m_reuse.copies.isEmpty())
        return;
    if (m_reuse.copies.size() == 1 || !m_window.feedback().showsDialogs()) {
        compareWith(m_reuse.copies.front().article);
        return;
    }
    QStringList items;
    for (const ReuseCopy &copy : std::as_const(m_reuse.copies))
        items << tr("%1 — %2% of this article").arg(describe(copy)).arg(qRound(copy.coverage * 100));
    bool ok = false;
    const QString chosen =
        QInputDialog::getItem(&m_window, tr("Compare With"),
                              tr("Articles that share passages with this one, earliest first:"), items, 0, false, &ok);
    if (ok && items.contains(chosen))
        compareWith(m_reuse.copies[items.indexOf(chosen)].article);
}

void ReusePart::applyQuery(const QString &query)
{
    m_queryRunner->cancelAndWait(); // the newest query wins
    const QString path = m_window.libraryPath();
    if (query.isEmpty() || path.isEmpty()) {
        m_view->setMatchingArticles(std::nullopt);
        emit queryApplied();
        return;
    }
    m_view->setMessage(tr("Searching…"));
    m_queryRunner->start(
        [path, query](JobContext &context) -> Result<QSet<qint64>> {
            Library library; // this thread's own connection
            if (const Result<void> opened = library.open(path); !opened)
                return opened.error();
            return SearchService(library).articles(QueryParser::parse(query), context.cancelFlag());
        },
        [this](Result<QSet<qint64>> articles) {
            if (articles) {
                m_view->setMatchingArticles(*articles);
            } else {
                m_view->setMatchingArticles(QSet<qint64>()); // a query that cannot run matches nothing
                m_view->setMessage(articles.error().message());
            }
            emit queryApplied();
        });
}

Result<void> ReusePart::exportTo(const QString &path, ReuseView::ExportKind kind)
{
    constexpr int kMinChars = 50; // what the view lists and dubao-cli reuse prints by default
    LibrarySession *session = m_window.session();
    if (!session)
        return Error(tr("No library is open."));
    Library &library = session->library();
    ReuseIndex index(library);
    if (!index.exists())
        return Error(tr("No reuse index yet: Tools → Build Reuse Index builds it."));
    // What the view shows: with a filter, the clusters it keeps and the pairs between their articles (those pairs
    // make the same clusters again); without one, everything, exactly as dubao-cli reuse --json prints it.
    const bool filtered = m_view->isFiltered();
    const QList<ReuseClusterDetails> shown = m_view->shownClusterDetails();
    QSet<qint64> shownArticles;
    for (const ReuseClusterDetails &cluster : shown)
        for (const ReuseClusterCopy &copy : cluster.copies)
            shownArticles.insert(copy.article);
    QByteArray bytes;
    if (kind == ReuseView::ExportKind::ClustersCsv) {
        const Result<QList<ReuseClusterDetails>> clusters =
            filtered ? Result<QList<ReuseClusterDetails>>(shown) : index.clusterDetails(kMinChars);
        if (!clusters)
            return clusters.error();
        bytes = reuseClustersCsv(*clusters);
    } else {
        Result<QList<ReusePair>> pairs = index.pairs(kMinChars);
        if (!pairs)
            return pairs.error();
        if (filtered)
            pairs->removeIf(
                [&](const ReusePair &p) { return !shownArticles.contains(p.a) || !shownArticles.contains(p.b); });
        if (kind == ReuseView::ExportKind::Json) {
            bytes = QJsonDocument(reuseJson(*pairs, index.clusters(*pairs))).toJson(QJsonDocument::Indented);
        } else {
            const Result<QByteArray> csv = reusePairsCsv(library, *pairs);
            if (!csv)
                return csv.error();
            bytes = *csv;
        }
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error(file.errorString());
    if (file.write(bytes) != bytes.size() || !file.commit()) {
        const QString error = file.errorString();
        file.cancelWriting();
        return Error(error);
    }
    return {};
}

void ReusePart::exportDialog(ReuseView::ExportKind kind)
{
    const bool json = kind == ReuseView::ExportKind::Json;
    const QString name = json                                      ? QStringLiteral("reuse.json")
                         : kind == ReuseView::ExportKind::PairsCsv ? QStringLiteral("reuse-pairs.csv")
                                                                   : QStringLiteral("reuse-clusters.csv");
    // The dialog says what is written: every cluster, or what the filters show.
    const QString scope = m_view->exportScope();
    const QString path = QFileDialog::getSaveFileName(&m_window, tr("Export Reuse: %1").arg(scope),
                                                      QDir(defaultExportFolder()).filePath(name),
                                                      json ? tr("JSON files (*.json)") : tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (const Result<void> written = exportTo(path, kind); !written)
        m_window.feedback().warn(&m_window, tr("Export Reuse"),
                                 tr("Could not write %1: %2").arg(path, written.error().message()));
    else
        m_window.statusBar()->showMessage(tr("Exported %1 to %2.").arg(scope, path), 6000);
}

bool ReusePart::isBuilding() const
{
    return m_runner->isRunning();
}

void ReusePart::stopJobs()
{
    m_runner->cancelAndWait();
    m_listRunner->cancelAndWait();
    m_queryRunner->cancelAndWait();
    if (m_progress)
        m_progress->deleteLater();
    updateActions();
}

bool ReusePart::buildIndex()
{
    LibrarySession *session = m_window.session();
    if (!session || m_runner->isRunning() || session->library().isReadOnly())
        return false;
    const QString path = m_window.libraryPath();
    const bool existed = ReuseIndex(session->library()).exists();
    if (m_window.feedback().showsDialogs()) {
        m_progress = new QProgressDialog(tr("Finding the passages articles share…"), tr("Cancel"), 0, 1000, &m_window);
        m_progress->setObjectName(QStringLiteral("reuseProgress"));
        m_progress->setWindowTitle(tr("Reuse Index"));
        m_progress->setWindowModality(Qt::WindowModal);
        m_progress->setMinimumDuration(300);
        m_progress->setAutoClose(false);
        m_progress->setAutoReset(false);
        connect(m_progress, &QProgressDialog::canceled, m_runner, &JobRunner::cancel);
    }
    m_window.statusBar()->showMessage(tr("Building the reuse index…"));
    m_runner->start(
        [path, existed](JobContext &job) -> Result<qint64> {
            Library library; // this thread's own connection
            if (const Result<void> opened = library.open(path); !opened)
                return opened.error();
            ReuseIndex index(library);
            const auto progress = [&job](qint64 done, qint64 total) {
                job.progress(done, total);
            };
            // A first build forgets itself when cancelled (no index, as before); a later one recomputes in place.
            const Result<qint64> built =
                existed ? index.recompute(job.cancelFlag(), progress) : index.rebuild(job.cancelFlag(), progress);
            if (job.isCancelled()) {
                if (!existed)
                    if (const Result<void> forgotten = index.forget(); !forgotten)
                        return forgotten.error();
                return Error(tr("cancelled"));
            }
            return built;
        },
        [this, path](Result<qint64> built) { onBuilt(path, built); });
    updateActions();
    return true;
}

void ReusePart::onBuilt(const QString &path, const Result<qint64> &articles)
{
    if (m_progress)
        m_progress->deleteLater();
    updateActions();
    if (m_window.libraryPath() != path)
        return;
    if (articles) {
        m_window.statusBar()->showMessage(tr("The reuse index is ready: %n article(s) compared.", nullptr,
                                             int(std::min<qint64>(*articles, std::numeric_limits<int>::max()))),
                                          6000);
    } else if (m_runner->isCancelled() || articles.error().message() == tr("cancelled")) {
        m_window.statusBar()->showMessage(tr("Building the reuse index was cancelled; nothing changed."), 6000);
    } else {
        m_window.feedback().warn(&m_window, tr("Reuse Index"),
                                 tr("The reuse index could not be built: %1").arg(articles.error().message()));
    }
    showMarks();
    if (m_dock->isVisible())
        reload();
    emit built(bool(articles));
}

} // namespace dubao
