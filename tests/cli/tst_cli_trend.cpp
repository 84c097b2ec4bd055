// dubao-cli trend as a process on the corpus: the JSON's shape, its hits adding up to what search counts, the
// CSV to a file and to standard output, and the usage errors. The counting itself: tests/core/tst_trends.
#include "tests/support/cliprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace dubao;
using namespace Qt::StringLiterals;

class TestCliTrend : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCOMPARE(cli({u"import"_s, QStringLiteral(DUBAO_CORPUS_DIR)}).code, 0);
    }

    void json_hitsAddUpToTheSearchCount()
    {
        const test::CliRun r = cli({u"trend"_s, u"永川"_s, u"会议"_s, u"--by"_s, u"year"_s, u"--json"_s});
        QCOMPARE(r.code, 0);
        const QJsonObject trend = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(trend.value(u"by"_s).toString(), u"year"_s);
        QCOMPARE(trend.value(u"per"_s).toString(), u"issue"_s);
        const QJsonArray periods = trend.value(u"periods"_s).toArray();
        QVERIFY(!periods.isEmpty());
        qint64 issues = 0;
        for (const QJsonValue &p : periods) {
            issues += p.toObject().value(u"issues"_s).toInteger();
            QVERIFY(p.toObject().value(u"characters"_s).isNull()); // not counted per issue: null, not 0
        }
        QVERIFY(issues > 0 && issues <= 5);
        const test::CliRun per10k =
            cli({u"trend"_s, u"永川"_s, u"--by"_s, u"year"_s, u"--per"_s, u"10k"_s, u"--json"_s});
        QCOMPARE(per10k.code, 0);
        qint64 characters = 0;
        for (const QJsonValue &p : QJsonDocument::fromJson(per10k.out).object().value(u"periods"_s).toArray())
            characters += p.toObject().value(u"characters"_s).toInteger();
        QVERIFY(characters > 0);
        const QJsonArray terms = trend.value(u"terms"_s).toArray();
        QCOMPARE(terms.size(), 2);
        for (const QJsonValue &t : terms) {
            const QJsonObject term = t.toObject();
            qint64 hits = term.value(u"undated_hits"_s).toInteger();
            for (const QJsonValue &h : term.value(u"hits"_s).toArray())
                hits += h.toInteger();
            QCOMPARE(term.value(u"values"_s).toArray().size(), periods.size());
            const test::CliRun search =
                cli({u"search"_s, term.value(u"query"_s).toString(), u"--limit"_s, u"0"_s, u"--json"_s});
            QCOMPARE(search.code, 0);
            QCOMPARE(hits, QJsonDocument::fromJson(search.out).object().value(u"total"_s).toInteger());
            QVERIFY(hits > 0);
        }
    }

    void csv_toFileAndToStandardOutput()
    {
        const QString path = m_dir.filePath(u"trend.csv"_s);
        QCOMPARE(cli({u"trend"_s, u"永川"_s, u"--per"_s, u"10k"_s, u"--csv"_s, path}).code, 0);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray csv = file.readAll();
        QVERIFY(csv.startsWith("\xEF\xBB\xBFperiod,start,end,issues,characters,永川 hits,永川 per 10k characters\r\n"));
        const test::CliRun r = cli({u"trend"_s, u"永川"_s, u"--per"_s, u"10k"_s, u"--csv"_s, u"-"_s});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, csv.mid(3));
    }

    void text_hasARowPerMonth()
    {
        const test::CliRun r = cli({u"trend"_s, u"永川"_s});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith("period     issues  永川 (hits, /issue)\n"));
        QVERIFY(r.out.count('\n') >= 2);
    }

    void errors()
    {
        QCOMPARE(cli({u"trend"_s}).code, 2);
        QCOMPARE(cli({u"trend"_s, u"永川"_s, u"--by"_s, u"week"_s}).code, 2);
        QCOMPARE(cli({u"trend"_s, u"永川"_s, u"--per"_s, u"page"_s}).code, 2);
        const test::CliRun bad = cli({u"trend"_s, u"永川"_s, u"NOT 永川"_s});
        QCOMPARE(bad.code, 1);
        QVERIFY2(bad.err.contains("NOT 永川: "), bad.err.constData());
    }

private:
    test::CliRun cli(const QStringList &args)
    {
        return test::runCli(args + QStringList{u"--library"_s, m_dir.filePath(u"lib.sqlite"_s)}, m_dir.path());
    }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCliTrend)
#include "tst_cli_trend.moc"
