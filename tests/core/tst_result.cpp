// Result<T>, Result<void> and Error: the one result type of the core's API (core/model/result.h).
#include "core/model/result.h"

#include <QTest>

#include <memory>

using namespace dubao;
using namespace Qt::StringLiterals;

class TestResult : public QObject
{
    Q_OBJECT

private slots:
    void value_isOkAndHoldsIt();
    void error_isNotOkAndSaysWhy();
    void valueOr_fallsBackOnlyOnError();
    void falseOrZeroValue_isStillOk();
    void moveOnlyValue_movesOut();
    void void_defaultIsOk();
    void void_error_isNotOk();
    void error_prefixed_namesTheContext();
    void error_comparesByMessage();
    void assigned_takesTheOthersState();
};

void TestResult::value_isOkAndHoldsIt()
{
    const Result<qint64> id = qint64(42);
    QVERIFY(id.ok());
    QVERIFY(bool(id));
    QCOMPARE(*id, 42);
    QCOMPARE(id.value(), 42);
    QVERIFY(id.error().message().isEmpty());

    const Result<QString> name = u"永川"_s;
    QCOMPARE(name->size(), 2);
}

void TestResult::error_isNotOkAndSaysWhy()
{
    const Result<qint64> id = Error(u"no tag with id 7"_s);
    QVERIFY(!id.ok());
    QVERIFY(!id);
    QCOMPARE(id.error().message(), u"no tag with id 7"_s);
}

void TestResult::valueOr_fallsBackOnlyOnError()
{
    QCOMPARE(Result<int>(3).valueOr(0), 3);
    QCOMPARE(Result<int>(Error(u"failed"_s)).valueOr(-1), -1);
}

void TestResult::falseOrZeroValue_isStillOk()
{
    // A tagging that changed nothing is a success whose value is false: ok() says whether there was an error.
    const Result<bool> unchanged = false;
    QVERIFY(unchanged.ok());
    QCOMPARE(*unchanged, false);
    const Result<qint64> zero = qint64(0);
    QVERIFY(zero.ok());
}

void TestResult::moveOnlyValue_movesOut()
{
    Result<std::unique_ptr<int>> owned = std::make_unique<int>(5);
    QVERIFY(owned);
    const std::unique_ptr<int> taken = *std::move(owned);
    QCOMPARE(*taken, 5);
}

void TestResult::void_defaultIsOk()
{
    const Result<void> done;
    QVERIFY(done.ok());
    QVERIFY(bool(done));
    QVERIFY(done.error().message().isEmpty());
}

void TestResult::void_error_isNotOk()
{
    const Result<void> failed = Error(u"cannot store: disk full"_s);
    QVERIFY(!failed.ok());
    QVERIFY(!failed);
    QCOMPARE(failed.error().message(), u"cannot store: disk full"_s);

    // An error without a message is still a failure.
    QVERIFY(!Result<void>(Error()).ok());
}

void TestResult::error_prefixed_namesTheContext()
{
    const Error error(u"not a Dubao library"_s);
    QCOMPARE(error.prefixed(u"/tmp/a.sqlite"_s).message(), u"/tmp/a.sqlite: not a Dubao library"_s);
    QCOMPARE(error.message(), u"not a Dubao library"_s); // unchanged
}

void TestResult::error_comparesByMessage()
{
    QCOMPARE(Error(u"a"_s), Error(u"a"_s));
    QVERIFY(Error(u"a"_s) != Error(u"b"_s));
}

void TestResult::assigned_takesTheOthersState()
{
    Result<void> done;
    done = Error(u"failed"_s);
    QVERIFY(!done);
    done = Result<void>();
    QVERIFY(done);

    Result<int> value = Error(u"failed"_s);
    value = 9;
    QVERIFY(value);
    QCOMPARE(*value, 9);
}

QTEST_GUILESS_MAIN(TestResult)
#include "tst_result.moc"
