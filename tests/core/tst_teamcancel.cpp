// A statement on a team library cancelled mid-way (issue 13): a CancelGuard on a PostgreSQL connection sends the
// connection's cancel request when its flag is interrupted (CancelGuard::interrupt, what SearchRunner::cancel()
// calls), and the statement running on another thread ends promptly with SQLSTATE 57014; the connection stays
// usable. A search on the same connection afterwards still finds its hits.
#include "core/search/searchservice.h"
#include "core/store/cancelguard.h"
#include "core/store/library.h"
#include "core/store/sql.h"
#include "tests/support/pgserver.h"
#include "tests/support/sampleissue.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace dubao;
using namespace Qt::StringLiterals;

class TestTeamCancel : public QObject
{
    Q_OBJECT

private slots:
    void runningStatement_interrupted_endsPromptly_connectionStillUsable();
};

void TestTeamCancel::runningStatement_interrupted_endsPromptly_connectionStillUsable()
{
    test::PgServer server;
    QVERIFY2(server.isRunning(), qPrintable(server.error()));
    const Result<QString> db = server.createDatabase(u"cancel"_s);
    QVERIFY2(db, qPrintable(db.error().message()));
    {
        Library owner;
        QVERIFY(owner.open(server.url(*db)));
        QVERIFY(test::importSampleIssue(owner));
    }
    std::atomic_bool cancel{false};
    std::atomic_bool running{false};
    QString sqlState;
    qint64 elapsedMs = -1;
    qint64 hitsAfter = -1;
    // The statement runs on a thread of its own with its own connection, as the search runner's worker does.
    std::unique_ptr<QThread> worker(QThread::create([&] {
        Library library;
        if (!library.open(server.url(*db)))
            return;
        QElapsedTimer timer;
        {
            const CancelGuard guard(library.database(), &cancel);
            QSqlQuery query(library.database());
            running = true;
            timer.start();
            if (!query.exec(u"SELECT pg_sleep(20)"_s))
                sqlState = query.lastError().nativeErrorCode();
            elapsedMs = timer.elapsed();
        }
        hitsAfter = SearchService(library).count(QueryParser::parse(u"会议"_s)).valueOr(-1);
    }));
    worker->start();
    QTRY_VERIFY_WITH_TIMEOUT(running.load(), 10000);
    QTest::qWait(300); // inside pg_sleep
    QElapsedTimer sinceCancel;
    sinceCancel.start();
    cancel = true;
    CancelGuard::interrupt(&cancel);
    QVERIFY(worker->wait(10000));
    qInfo() << "the statement ended" << sinceCancel.elapsed() << "ms after the cancel (it ran" << elapsedMs << "ms)";
    QCOMPARE(sqlState, u"57014"_s); // query_canceled
    QVERIFY(elapsedMs < 3000);
    QVERIFY(hitsAfter > 0); // the connection is usable after the cancel
}

QTEST_GUILESS_MAIN(TestTeamCancel)
#include "tst_teamcancel.moc"
