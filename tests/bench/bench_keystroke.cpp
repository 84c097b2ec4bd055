// bench_keystroke: how long a keystroke in the search panel takes to put its results on screen.
//
//   bench_keystroke LIBRARY [--runs 5] [--pause MS] [TERM ...]        (default terms: 永川区委 高质量发展 会议)
//
// Shows the Search dock's panel on LIBRARY (read only: nothing is written) and types each term one character at a
// time, as an input method commits them; each keystroke is timed from the key event to its results being shown and
// the results list painted (a synchronous repaint of the list after the panel's resultsShown). Prints, per term and
// character, the median and the slowest of the runs, the panel's own first-page time (the worker's round trip), and
// the CPU time of the whole process (UI and worker threads) per keystroke. Runs offscreen unless QT_QPA_PLATFORM
// says otherwise. Settings go to a temporary folder, never the user's. --pause MS waits that long after each
// keystroke's results before the next one (a typist who stops to think): past the panel's count delay (300 ms) the
// exact count of a common term has started when the next character comes.

#include "app/search/searchpanel.h"
#include "app/search/searchresultsmodel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QListView>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

namespace {

using namespace dubao;

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/// Processes events until the panel shows the results of its current text (false after 30 s).
bool waitForResults(SearchPanel &panel)
{
    QElapsedTimer timeout;
    timeout.start();
    while (timeout.elapsed() < 30000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
        if (!panel.isBusy() && !panel.isWaitingForPause() && panel.model() &&
            (panel.query().trimmed().isEmpty() || !panel.shownQuery().clauses.isEmpty() ||
             !panel.messageText().isEmpty()))
            return true;
    }
    return false;
}

/// One character as an input method commits it: a key press and release carrying the text.
void typeCharacter(QWidget *field, QChar c)
{
    QTest::sendKeyEvent(QTest::Press, field, Qt::Key_unknown, QString(c), Qt::NoModifier);
    QTest::sendKeyEvent(QTest::Release, field, Qt::Key_unknown, QString(c), Qt::NoModifier);
}

double median(std::vector<double> v)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QTemporaryDir settingsDir;
    qputenv("XDG_CONFIG_HOME", settingsDir.path().toLocal8Bit());
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("dubao-bench"));
    QStandardPaths::setTestModeEnabled(true);

    QStringList args = app.arguments().mid(1);
    int runs = 5;
    if (const qsizetype at = args.indexOf(QStringLiteral("--runs")); at >= 0 && at + 1 < args.size()) {
        runs = std::max(1, args.at(at + 1).toInt());
        args.remove(at, 2);
    }
    int pauseMs = 0;
    if (const qsizetype at = args.indexOf(QStringLiteral("--pause")); at >= 0 && at + 1 < args.size()) {
        pauseMs = std::max(0, args.at(at + 1).toInt());
        args.remove(at, 2);
    }
    if (args.isEmpty()) {
        std::fprintf(stderr, "usage: bench_keystroke LIBRARY [--runs N] [--pause MS] [TERM ...]\n");
        return 2;
    }
    const QString library = args.takeFirst();
    const QStringList terms =
        args.isEmpty() ? QStringList{QStringLiteral("永川区委"), QStringLiteral("高质量发展"), QStringLiteral("会议")}
                       : args;

    SearchPanel panel;
    panel.resize(480, 900);
    panel.show();
    panel.setLibraryPath(library);
    if (!waitForResults(panel)) {
        std::fprintf(stderr, "bench_keystroke: the panel did not come up on %s\n", qPrintable(library));
        return 1;
    }
    // One search first, so the worker's file pages are as warm as a user's after the first query.
    panel.setQuery(QStringLiteral("永川"));
    waitForResults(panel);

    std::printf("keystroke -> results painted, %d runs (ms: median / slowest; first page: the worker's round trip)%s\n",
                runs, pauseMs > 0 ? qPrintable(QStringLiteral(", %1 ms pause after each").arg(pauseMs)) : "");
    std::vector<double> all;
    const double cpuBefore = cpuSeconds();
    int keystrokes = 0;
    for (const QString &term : terms) {
        std::vector<std::vector<double>> times(size_t(term.size()));
        std::vector<std::vector<double>> pages(size_t(term.size()));
        std::vector<qint64> totals(size_t(term.size()), 0);
        std::vector<bool> lowerBounds(size_t(term.size()), false);
        for (int run = 0; run < runs; ++run) {
            panel.queryField()->clear();
            if (!waitForResults(panel))
                return 1;
            for (qsizetype i = 0; i < term.size(); ++i) {
                QElapsedTimer clock;
                clock.start();
                typeCharacter(panel.queryField(), term.at(i));
                if (!waitForResults(panel)) {
                    std::fprintf(stderr, "bench_keystroke: no results for %s\n", qPrintable(term.left(i + 1)));
                    return 1;
                }
                panel.resultsView()->viewport()->repaint();
                const double ms = double(clock.nsecsElapsed()) / 1e6;
                times[size_t(i)].push_back(ms);
                pages[size_t(i)].push_back(double(panel.lastSearchMs()));
                totals[size_t(i)] = panel.model()->total();
                lowerBounds[size_t(i)] = panel.model()->isTotalLowerBound();
                all.push_back(ms);
                ++keystrokes;
                if (pauseMs > 0)
                    QTest::qWait(pauseMs);
            }
        }
        for (qsizetype i = 0; i < term.size(); ++i) {
            const auto &t = times[size_t(i)];
            std::printf("  %-12s %7.1f / %7.1f ms   first page %6.1f ms   %lld%s hits\n", qPrintable(term.left(i + 1)),
                        median(t), *std::max_element(t.begin(), t.end()), median(pages[size_t(i)]), totals[size_t(i)],
                        lowerBounds[size_t(i)] ? "+" : "");
        }
    }
    const double cpu = cpuSeconds() - cpuBefore;
    std::printf("all %d keystrokes: median %.1f ms, slowest %.1f ms; CPU (both threads) %.1f ms per keystroke\n",
                keystrokes, median(all), *std::max_element(all.begin(), all.end()), cpu * 1000.0 / keystrokes);
    return 0;
}
