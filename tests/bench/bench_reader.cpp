// bench_reader: how fast the reader opens a big library and how long its interactions block the UI.
//
//   bench_reader LIBRARY [--runs 3] [--all-docks]
//
// LIBRARY is a big library (see make_library). The bench remembers an article of it as the last one read (with a
// paragraph further down as the reading position), then:
//  1. starts itself --runs times as a new process that does what main() does (QApplication, MainWindow, show,
//     openLibrary) and measures from the process's exec to the reader and the tree having painted the
//     remembered article, and that process's peak RSS;
//  2. in this process, opens a window on the library and times the interactions that must not block the UI:
//     expanding the largest year, its largest month and an issue, opening articles from the tree, next/previous
//     article and issue, jumping to articles anywhere in the library (as history does); each time is the call
//     plus every event it posts, up to and including the repaint;
//  3. prints the peak RSS of this process.
// --all-docks opens every dock of the window (tree, search, concordance, tags, notes, notebooks, annotations, orphans,
// people, trends, calendar, reuse, ...) before the library is opened, in the start-up runs and the interactions, so
// that every view that follows the current article or the library does its work in the times measured.
// Runs offscreen unless QT_QPA_PLATFORM says otherwise (e.g. xcb under xvfb-run). Settings go to a temporary
// folder, never the user's.

#include "app/reader/originalview.h"
#include "app/reader/readerview.h"
#include "app/shell/appsettings.h"
#include "app/shell/librarysession.h"
#include "app/shell/librarytreemodel.h"
#include "app/shell/mainwindow.h"
#include "core/store/issuerepository.h"
#include "core/store/library.h"
#include "tests/support/recordingfeedback.h"

#include <QAbstractEventDispatcher>
#include <QApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeView>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fcntl.h>
#include <random>
#include <unistd.h>

namespace {

using namespace dubao;

/// Shows every dock of the window (what a user who opened every view has, remembered across starts); returns how many.
int showAllDocks(MainWindow &window)
{
    const QList<QDockWidget *> docks = window.findChildren<QDockWidget *>();
    for (QDockWidget *dock : docks)
        dock->show();
    return int(docks.size());
}

/// Milliseconds since this process was exec'd (from /proc; the kernel's start time has clock-tick resolution).
double msSinceExec()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // Fields after the command name (which may hold spaces) start after the last ')'; starttime is field 22.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    const double startTicks = fields.at(19).toDouble();
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double nowMs = double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6;
    return nowMs - startTicks * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

/// A field of /proc/self/status in MB (VmHWM = peak RSS, VmRSS = current).
double statusMb(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field)) {
            const QList<QByteArray> parts = line.simplified().split(' ');
            return parts.size() >= 2 ? parts.at(1).toDouble() / 1024.0 : -1;
        }
    }
    return -1;
}

/// Drops the file's pages from the OS cache (clean pages only; no privileges needed), for a cold start.
void evictFromCache(const QString &path)
{
    for (const QString &file : QStringList{path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm")}) {
        const int fd = ::open(QFile::encodeName(file).constData(), O_RDONLY);
        if (fd < 0)
            continue;
        ::fdatasync(fd);
        ::posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
        ::close(fd);
    }
}

void isolateSettings(const QString &dir)
{
    QCoreApplication::setOrganizationName(QStringLiteral("Dubao"));
    QCoreApplication::setApplicationName(QStringLiteral("DubaoBench"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir);
}

/// Runs the event loop until nothing is pending: what the user waits for after an action, paint included.
void settle()
{
    for (int i = 0; i < 3; ++i)
        QCoreApplication::processEvents(QEventLoop::AllEvents);
}

/// Milliseconds an action blocks the event loop, counting the events it posts (layout, repaint).
template<typename Action>
double blockingMs(Action &&action)
{
    QElapsedTimer timer;
    timer.start();
    action();
    settle();
    return double(timer.nsecsElapsed()) / 1e6;
}

struct Stats
{
    QList<double> samples;
    void add(double ms) { samples.append(ms); }
    double max() const { return samples.isEmpty() ? 0 : *std::max_element(samples.begin(), samples.end()); }
    double median() const
    {
        if (samples.isEmpty())
            return 0;
        QList<double> sorted = samples;
        std::sort(sorted.begin(), sorted.end());
        return sorted.at(sorted.size() / 2);
    }
};

/// `limit` 0: information only, no verdict.
void printRow(const char *name, const Stats &stats, double limit)
{
    std::printf("  %-38s %5lld x  median %8.1f ms  max %8.1f ms  %s\n", name,
                static_cast<long long>(stats.samples.size()), stats.median(), stats.max(),
                limit <= 0             ? ""
                : stats.max() <= limit ? "ok"
                                       : "SLOW");
}

/// The count in a year or month node's tooltip ("Issues: 1234").
int issuesBelow(const QModelIndex &index)
{
    static const QRegularExpression number(QStringLiteral("(\\d+)"));
    return number.match(index.data(Qt::ToolTipRole).toString()).captured(1).toInt();
}

QModelIndex largestChild(const QAbstractItemModel *model, const QModelIndex &parent, LibraryTreeModel::NodeKind kind)
{
    QModelIndex best;
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex child = model->index(row, 0, parent);
        if (child.data(LibraryTreeModel::KindRole).toInt() == int(kind) &&
            (!best.isValid() || issuesBelow(child) > issuesBelow(best)))
            best = child;
    }
    return best;
}

// ------------------------------------------------------------------------------------------------ start-up

/// The child process: main()'s start-up, timed. Prints one line of key=value pairs.
int runStartup(int argc, char **argv, const QString &libraryPath, const QString &settingsDir, qint64 expectedArticle,
               bool allDocks)
{
    const double atMain = msSinceExec();
    QElapsedTimer clock;
    clock.start();
    auto sinceExec = [&] {
        return atMain + double(clock.nsecsElapsed()) / 1e6;
    };

    QApplication app(argc, argv);
    isolateSettings(settingsDir);
    applyTheme(AppSettings::theme());
    const double afterApp = sinceExec();

    MainWindow window;
    window.setFeedback(std::make_unique<test::RecordingFeedback>());
    if (allDocks)
        showAllDocks(window);
    const double afterWindow = sinceExec();
    window.show();
    const double afterShow = sinceExec();
    if (const Result<void> opened = window.openLibrary(libraryPath); !opened) {
        std::fprintf(stderr, "cannot open %s: %s\n", qPrintable(libraryPath), qPrintable(opened.error().message()));
        return 1;
    }
    const double afterOpen = sinceExec();

    // Usable = both the reader and the tree have painted after the library was opened.
    bool readerPainted = false;
    bool treePainted = false;
    struct PaintWatch : QObject
    {
        bool *painted;
        PaintWatch(bool *flag)
            : painted(flag)
        {}
        bool eventFilter(QObject *, QEvent *event) override
        {
            if (event->type() == QEvent::Paint)
                *painted = true;
            return false;
        }
    } readerWatch(&readerPainted), treeWatch(&treePainted);
    window.reader()->viewport()->installEventFilter(&readerWatch);
    window.libraryTree()->viewport()->installEventFilter(&treeWatch);
    QElapsedTimer limit;
    limit.start();
    while (!(readerPainted && treePainted) && limit.elapsed() < 20000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
    }
    const double usable = sinceExec();
    const bool shown = window.reader()->articleId() == expectedArticle;
    const bool selected =
        window.libraryTree()->currentIndex().data(LibraryTreeModel::ArticleIdRole).toLongLong() == expectedArticle;
    std::printf("startup main=%.1f qapp=%.1f window=%.1f show=%.1f open=%.1f usable=%.1f shown=%d selected=%d "
                "painted=%d hwm=%.1f\n",
                atMain, afterApp, afterWindow, afterShow, afterOpen, usable, shown ? 1 : 0, selected ? 1 : 0,
                readerPainted && treePainted ? 1 : 0, statusMb("VmHWM:"));
    std::fflush(stdout);
    return 0;
}

// ------------------------------------------------------------------------------------------- interactions

int runInteractions(const QString &libraryPath, qint64 articleCount, bool allDocks)
{
    MainWindow window;
    window.setFeedback(std::make_unique<test::RecordingFeedback>());
    if (allDocks)
        std::printf("\n%d docks open\n", showAllDocks(window));
    window.show();
    if (!window.openLibrary(libraryPath)) {
        std::fprintf(stderr, "cannot open %s\n", qPrintable(libraryPath));
        return 1;
    }
    settle();
    QTreeView *tree = window.libraryTree();
    LibraryTreeModel *model = window.libraryModel();
    tree->collapseAll();
    settle();

    std::printf("\ninteractions (each: the call and all events it posts, repaint included; limit 50 ms)\n");
    Stats year, month, issue, open, next, nextIssue, jump, reload;

    // The largest year, its largest month, then issues in it (each issue expanded for the first time).
    const QModelIndex largestYear = largestChild(model, {}, LibraryTreeModel::NodeKind::Year);
    year.add(blockingMs([&] { tree->expand(largestYear); }));
    const QModelIndex largestMonth = largestChild(model, largestYear, LibraryTreeModel::NodeKind::Month);
    month.add(blockingMs([&] { tree->expand(largestMonth); }));
    // Other years and months, expanded for the first time too.
    for (int row = 0; row < model->rowCount() && year.samples.size() < 10; ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index == largestYear || tree->isExpanded(index))
            continue;
        year.add(blockingMs([&] { tree->expand(index); }));
        const QModelIndex m = largestChild(model, index, LibraryTreeModel::NodeKind::Month);
        if (m.isValid())
            month.add(blockingMs([&] { tree->expand(m); }));
    }
    const int issues = model->rowCount(largestMonth);
    for (int row = 0; row < std::min(issues, 20); ++row) {
        const QModelIndex index = model->index(row, 0, largestMonth);
        issue.add(blockingMs([&] { tree->expand(index); }));
        // Opening an article as a click in the tree does: the current index changes.
        const QModelIndex article = model->index(model->rowCount(index) - 1, 0, index);
        if (article.isValid())
            open.add(blockingMs([&] { tree->setCurrentIndex(article); }));
    }
    for (int i = 0; i < 30; ++i)
        next.add(blockingMs([&] { window.nextArticle(); }));
    for (int i = 0; i < 30; ++i)
        nextIssue.add(blockingMs([&] { window.previousIssue(); }));

    // Articles anywhere (as Back/Forward or a search result would open them): the tree fetches its way there.
    std::mt19937 rng(7);
    std::uniform_int_distribution<qint64> anyArticle(1, std::max<qint64>(1, articleCount));
    for (int i = 0; i < 50; ++i) {
        const qint64 id = anyArticle(rng);
        jump.add(blockingMs([&] { window.showArticle(id); }));
    }
    // Where the time of showing an article goes, step by step (the steps of MainWindow::showArticle).
    Stats query, locate, typeset, original, remember, paint;
    IssueRepository &repository = window.session()->issues();
    for (int i = 0; i < 30; ++i) {
        const qint64 id = anyArticle(rng);
        std::optional<Article> article;
        query.add(blockingMs([&] { article = repository.article(id); }));
        QModelIndex index;
        locate.add(blockingMs([&] { index = model->indexOfArticle(id); }));
        if (!article || !index.isValid())
            continue;
        const IssueInfo info = model->issueSummary(model->issueId(index)).value_or(IssueSummary{}).info;
        typeset.add(blockingMs([&] { window.reader()->setArticle(*article, info); }));
        original.add(blockingMs([&] { window.originalView()->setArticle(*article); }));
        remember.add(blockingMs([&] { AppSettings::setReadingPosition(libraryPath, {id, 0}); }));
        paint.add(blockingMs([&] { window.repaint(); }));
    }
    const QString largestYearName = largestYear.data().toString();
    const int largestYearIssues = issuesBelow(largestYear);
    const QString largestMonthName = largestMonth.data().toString();
    const int largestMonthIssues = issuesBelow(largestMonth);
    for (int i = 0; i < 3; ++i)
        reload.add(blockingMs([&] { model->reload(); }));

    printRow("expand a year (largest first)", year, 50);
    printRow("expand a month (largest first)", month, 50);
    printRow("expand an issue", issue, 50);
    printRow("open an article from the tree", open, 50);
    printRow("next article", next, 50);
    printRow("previous issue", nextIssue, 50);
    printRow("show an article anywhere (history)", jump, 50);
    printRow("reload the tree (after import) [info]", reload, 0);
    std::printf("  largest year: %s (%d issues), largest month: %s (%d issues)\n", qPrintable(largestYearName),
                largestYearIssues, qPrintable(largestMonthName), largestMonthIssues);
    std::printf("\nshowing an article, step by step [info]\n");
    printRow("read the article (IssueRepository)", query, 0);
    printRow("find it in the tree (indexOfArticle)", locate, 0);
    printRow("typeset it (ReaderView::setArticle)", typeset, 0);
    printRow("original text (OriginalView)", original, 0);
    printRow("remember the position (QSettings)", remember, 0);
    printRow("repaint the window", paint, 0);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");

    // The child: bench_reader --startup LIBRARY SETTINGS_DIR ARTICLE_ID ALL_DOCKS
    if (argc == 6 && qstrcmp(argv[1], "--startup") == 0)
        return runStartup(argc, argv, QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]),
                          QByteArray(argv[4]).toLongLong(), qstrcmp(argv[5], "1") == 0);

    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2 || args.at(1).startsWith(QLatin1Char('-'))) {
        std::fprintf(stderr, "usage: bench_reader LIBRARY [--runs 3] [--all-docks]\n");
        return 2;
    }
    const QString libraryPath = QFileInfo(args.at(1)).absoluteFilePath();
    int runs = 3;
    if (const qsizetype at = args.indexOf(QLatin1String("--runs")); at > 0 && at + 1 < args.size())
        runs = std::max(1, args.at(at + 1).toInt());
    const bool allDocks = args.contains(QLatin1String("--all-docks"));
    QTemporaryDir settingsDir;
    isolateSettings(settingsDir.path());

    // The remembered position: an article in the middle of the library, a paragraph down from its top.
    qint64 articleId = 0;
    qint64 topBlock = 0;
    int issueCount = 0;
    qint64 articleCount = 0;
    {
        auto opened = LibrarySession::open(libraryPath);
        if (!opened) {
            std::fprintf(stderr, "cannot open %s\n", qPrintable(libraryPath));
            return 1;
        }
        const std::unique_ptr<LibrarySession> session = std::move(*opened);
        issueCount = session->issues().issueCount();
        articleCount = session->issues().articleCount();
        for (qint64 id = articleCount * 3 / 5; id > 0 && articleId == 0; --id) {
            if (const auto article = session->issues().article(id); article && article->blocks.size() > 3) {
                articleId = id;
                topBlock = article->blocks.at(3).id;
            }
        }
    }
    AppSettings::setReadingPosition(libraryPath, {articleId, topBlock});
    AppSettings::addRecentLibrary(libraryPath);
    QSettings().sync();

    std::printf("library %s: %d issues, %lld articles, %.1f MB; platform %s\n", qPrintable(libraryPath), issueCount,
                static_cast<long long>(articleCount), double(QFileInfo(libraryPath).size()) / 1e6,
                qPrintable(QGuiApplication::platformName()));
    std::printf("\nstart-up (ms since exec; limit: usable < 1000 ms, peak RSS < 300 MB)\n");
    std::printf("  %-7s %8s %8s %8s %8s %8s %8s %8s  %s\n", "run", "main", "qapp", "window", "show", "open", "usable",
                "hwm MB", "checks");
    Stats usable;
    Stats coldUsable;
    for (int run = 1; run <= 2 * runs; ++run) {
        // Warm runs first (the library's pages in the OS cache, as on a second start), then cold ones.
        const bool cold = run > runs;
        if (cold)
            evictFromCache(libraryPath);
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--startup"), libraryPath, settingsDir.path(), QString::number(articleId),
                     QLatin1String(allDocks ? "1" : "0")});
        if (!child.waitForFinished(60000) || child.exitCode() != 0) {
            std::fprintf(stderr, "start-up run %d failed\n", run);
            return 1;
        }
        QHash<QString, QString> values;
        for (const QString &pair :
             QString::fromUtf8(child.readAllStandardOutput()).simplified().split(QLatin1Char(' ')))
            if (const qsizetype eq = pair.indexOf(QLatin1Char('=')); eq > 0)
                values.insert(pair.left(eq), pair.mid(eq + 1));
        const bool ok = values.value(QStringLiteral("shown")) == QLatin1String("1") &&
                        values.value(QStringLiteral("selected")) == QLatin1String("1") &&
                        values.value(QStringLiteral("painted")) == QLatin1String("1");
        const double total = values.value(QStringLiteral("usable")).toDouble();
        (cold ? coldUsable : usable).add(total);
        const QByteArray name =
            QStringLiteral("%1 %2").arg(QLatin1String(cold ? "cold" : "warm")).arg(cold ? run - runs : run).toLatin1();
        std::printf("  %-7s %8s %8s %8s %8s %8s %8s %8s  %s\n", name.constData(),
                    qPrintable(values.value(QStringLiteral("main"))), qPrintable(values.value(QStringLiteral("qapp"))),
                    qPrintable(values.value(QStringLiteral("window"))),
                    qPrintable(values.value(QStringLiteral("show"))), qPrintable(values.value(QStringLiteral("open"))),
                    qPrintable(values.value(QStringLiteral("usable"))), qPrintable(values.value(QStringLiteral("hwm"))),
                    ok ? "article shown, selected, painted" : "ARTICLE NOT SHOWN");
    }
    std::printf("  usable, warm: median %.1f ms, max %.1f ms  %s\n", usable.median(), usable.max(),
                usable.max() < 1000 ? "ok" : "SLOW");
    std::printf("  usable, cold library file: median %.1f ms, max %.1f ms  %s\n", coldUsable.median(), coldUsable.max(),
                coldUsable.max() < 1000 ? "ok" : "SLOW");

    // The reads of start-up, one by one (warm).
    {
        Stats open, list, dates, countIssues, countArticles, headlines, wholeIssue;
        for (int i = 0; i < 5; ++i) {
            std::unique_ptr<LibrarySession> session;
            open.add(blockingMs([&] {
                if (Result<std::unique_ptr<LibrarySession>> opened = LibrarySession::open(libraryPath))
                    session = std::move(*opened);
            }));
            if (!session)
                return 1;
            list.add(blockingMs([&] { session->issues().listIssues(IssueRepository::Listing::IssuesOnly); }));
            dates.add(blockingMs([&] { session->issues().issueDates(); }));
            countIssues.add(blockingMs([&] { session->issues().issueCount(); }));
            const qint64 someIssue = 1 + i * issueCount / 5;
            headlines.add(blockingMs([&] { session->issues().articleSummaries(someIssue); }));
            wholeIssue.add(blockingMs([&] { session->issues().issue(someIssue); }));
            countArticles.add(blockingMs([&] { session->issues().articleCount(); }));
        }
        std::printf("\nstart-up reads [info]\n");
        printRow("open and lock the library", open, 0);
        printRow("list the issues (listIssues IssuesOnly)", list, 0);
        printRow("list the issues (issueDates, the tree's)", dates, 0);
        printRow("count issues", countIssues, 0);
        printRow("count articles", countArticles, 0);
        printRow("an issue's headlines (articleSummaries)", headlines, 0);
        printRow("a whole issue with its text (issue)", wholeIssue, 0);
    }

    if (const int rc = runInteractions(libraryPath, articleCount, allDocks); rc != 0)
        return rc;
    const double hwm = statusMb("VmHWM:");
    std::printf("\npeak RSS of this process (after all of the above): %.1f MB  %s\n", hwm, hwm < 300 ? "ok" : "HIGH");
    return 0;
}
