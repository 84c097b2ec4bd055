// JobRunner (core/jobs/jobrunner.h): the one way long work leaves the UI thread. Progress and the result come
// back in the owner's thread and in order; cancel reaches the task; a second start waits its turn; destroying
// the runner joins its thread.
#include "core/jobs/jobrunner.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <optional>

using namespace dubao;
using namespace Qt::StringLiterals;

class TestJobRunner : public QObject
{
    Q_OBJECT

private slots:
    void start_deliversProgressInOrderThenResult_inOwnersThread();
    void progress_isThrottled_lastAlwaysArrives();
    void cancel_reachesTheTask_resultStillDelivered();
    void start_whileRunning_isRefused();
    void done_mayStartTheNextTask();
    void destruction_cancelsAndJoinsARunningTask();
    void cancelAndWait_dropsTheResult();
    void waitForResult_deliversAtOnce();
};

void TestJobRunner::start_deliversProgressInOrderThenResult_inOwnersThread()
{
    JobRunner runner(u"test"_s);
    QList<qint64> seen;
    connect(&runner, &JobRunner::progress, this, [&](qint64 done, qint64 total, const QString &text) {
        QCOMPARE(QThread::currentThread(), thread());
        QCOMPARE(total, 3);
        QCOMPARE(text, u"step %1"_s.arg(done));
        seen << done;
    });
    const Qt::HANDLE owner = QThread::currentThreadId();
    std::optional<int> result;
    Qt::HANDLE worker = nullptr;
    QVERIFY(runner.start(
        [&worker](JobContext &job) {
            worker = QThread::currentThreadId();
            for (int i = 1; i <= 3; ++i) {
                job.progress(i, 3, u"step %1"_s.arg(i));
                QThread::msleep(2 * JobContext::kProgressInterval.count());
            }
            return 42;
        },
        [&](int value) {
            QCOMPARE(QThread::currentThreadId(), owner);
            QCOMPARE(seen.size(), 3); // every progress before the result
            result = value;
        }));
    QVERIFY(runner.isRunning());
    QTRY_VERIFY(result.has_value());
    QCOMPARE(*result, 42);
    QVERIFY(worker != owner);
    QCOMPARE(seen, (QList<qint64>{1, 2, 3}));
    QVERIFY(!runner.isRunning());
}

void TestJobRunner::progress_isThrottled_lastAlwaysArrives()
{
    JobRunner runner(u"test"_s);
    QSignalSpy progress(&runner, &JobRunner::progress);
    bool done = false;
    runner.start(
        [](JobContext &job) {
            for (int i = 0; i <= 100000; ++i)
                job.progress(i, 100000);
        },
        [&] { done = true; });
    QTRY_VERIFY(done);
    QVERIFY(!progress.isEmpty());
    QVERIFY2(progress.size() < 1000, qPrintable(QString::number(progress.size())));
    QCOMPARE(progress.first().at(0).toLongLong(), 0);
    QCOMPARE(progress.last().at(0).toLongLong(), 100000);
    for (qsizetype i = 1; i < progress.size(); ++i)
        QVERIFY(progress.at(i).at(0).toLongLong() > progress.at(i - 1).at(0).toLongLong());
}

void TestJobRunner::cancel_reachesTheTask_resultStillDelivered()
{
    JobRunner runner(u"test"_s);
    std::atomic_bool started{false};
    std::optional<bool> cancelled;
    runner.start(
        [&started](JobContext &job) {
            started = true;
            while (!job.isCancelled())
                QThread::msleep(1);
            return job.cancelFlag()->load();
        },
        [&](bool value) { cancelled = value; });
    QTRY_VERIFY(started.load());
    QVERIFY(!runner.isCancelled());
    runner.cancel();
    QVERIFY(runner.isCancelled());
    QTRY_VERIFY(cancelled.has_value());
    QVERIFY(*cancelled);
}

void TestJobRunner::start_whileRunning_isRefused()
{
    JobRunner runner(u"test"_s);
    std::atomic_bool release{false};
    int results = 0;
    QVERIFY(runner.start(
        [&release](JobContext &) {
            while (!release)
                QThread::msleep(1);
        },
        [&] { ++results; }));
    bool secondRan = false;
    QVERIFY(!runner.start([&secondRan](JobContext &) { secondRan = true; }, [] {}));
    release = true;
    QTRY_COMPARE(results, 1);
    QVERIFY(!secondRan);
    QVERIFY(!runner.isRunning());
}

void TestJobRunner::done_mayStartTheNextTask()
{
    JobRunner runner(u"test"_s);
    QList<int> order;
    runner.start([](JobContext &) { return 1; },
                 [&](int first) {
                     order << first;
                     QVERIFY(!runner.isRunning());
                     QVERIFY(runner.start([](JobContext &) { return 2; }, [&](int second) { order << second; }));
                 });
    QTRY_COMPARE(order.size(), 2);
    QCOMPARE(order, (QList<int>{1, 2}));
}

void TestJobRunner::destruction_cancelsAndJoinsARunningTask()
{
    auto ended = std::make_shared<std::atomic_bool>(false);
    auto started = std::make_shared<std::atomic_bool>(false);
    bool delivered = false;
    {
        JobRunner runner(u"test"_s);
        runner.start(
            [ended, started](JobContext &job) {
                *started = true;
                while (!job.isCancelled())
                    QThread::msleep(1);
                QThread::msleep(20); // still working a moment after the cancel: the destructor must wait
                *ended = true;
            },
            [&delivered] { delivered = true; });
        QTRY_VERIFY(started->load());
    }
    QVERIFY(ended->load()); // joined: the task ended before the runner was gone
    QTest::qWait(20);
    QVERIFY(!delivered); // the result of a task cancelled by destruction is dropped
}

void TestJobRunner::cancelAndWait_dropsTheResult()
{
    JobRunner runner(u"test"_s);
    QSignalSpy progress(&runner, &JobRunner::progress);
    bool delivered = false;
    runner.start(
        [](JobContext &job) {
            job.progress(1, 2);
            while (!job.isCancelled())
                QThread::msleep(1);
        },
        [&delivered] { delivered = true; });
    QThread::msleep(20);
    runner.cancelAndWait();
    QVERIFY(!runner.isRunning());
    QTest::qWait(20);
    QVERIFY(!delivered);
    QVERIFY(progress.isEmpty()); // what the dropped task had queued is not delivered either
}

void TestJobRunner::waitForResult_deliversAtOnce()
{
    JobRunner runner(u"test"_s);
    QString result;
    runner.start(
        [](JobContext &) {
            QThread::msleep(30);
            return u"backed up"_s;
        },
        [&result](const QString &value) { result = value; });
    runner.waitForResult();
    QCOMPARE(result, u"backed up"_s);
    QVERIFY(!runner.isRunning());
    QTest::qWait(20);
    QCOMPARE(result, u"backed up"_s); // not delivered twice
}

QTEST_GUILESS_MAIN(TestJobRunner)
#include "tst_jobrunner.moc"
