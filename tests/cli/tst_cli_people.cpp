// dubao-cli people and person as a process on the corpus: the JSON shape of the issue, a person's appearances,
// extraction after import and after an edit, and the usage errors. The rules themselves: tests/core/tst_people.
#include "tests/support/cliprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace dubao;
using namespace Qt::StringLiterals;

class TestCliPeople : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCOMPARE(cli({u"import"_s, QStringLiteral(DUBAO_CORPUS_DIR)}).code, 0);
    }

    void people_json_hasTheIssuesShape()
    {
        const test::CliRun r = cli({u"people"_s, u"--json"_s});
        QCOMPARE(r.code, 0);
        const QJsonArray people = QJsonDocument::fromJson(r.out).array();
        QVERIFY(people.size() >= 30);
        const QSet<QString> appearanceKeys{u"article"_s, u"block"_s, u"date"_s,    u"office"_s,
                                           u"role"_s,    u"order"_s, u"sentence"_s};
        bool sawZhang = false;
        for (const QJsonValue &v : people) {
            const QJsonObject p = v.toObject();
            const QStringList personKeys = p.keys();
            QCOMPARE(QSet<QString>(personKeys.cbegin(), personKeys.cend()),
                     QSet<QString>({u"name"_s, u"offices"_s, u"appearances"_s}));
            for (const QJsonValue &a : p.value(u"appearances"_s).toArray()) {
                const QStringList keys = a.toObject().keys();
                QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()), appearanceKeys);
            }
            if (p.value(u"name"_s) != u"张智奎"_s)
                continue;
            sawZhang = true;
            const QJsonObject office = p.value(u"offices"_s).toArray().first().toObject();
            QCOMPARE(office.value(u"title"_s).toString(), u"区委书记"_s);
            QCOMPARE(office.value(u"first"_s).toString(), u"2023-02-21"_s);
            QCOMPARE(office.value(u"last"_s).toString(), u"2024-12-19"_s);
        }
        QVERIFY(sawZhang);
    }

    void person_json_andText()
    {
        test::CliRun r = cli({u"person"_s, u"潘文峰"_s, u"--json"_s});
        QCOMPARE(r.code, 0);
        const QJsonObject p = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(p.value(u"name"_s).toString(), u"潘文峰"_s);
        const QJsonArray appearances = p.value(u"appearances"_s).toArray();
        QCOMPARE(appearances.size(), 2);
        QCOMPARE(appearances[0].toObject().value(u"role"_s).toString(), u"参加"_s);
        QCOMPARE(appearances[1].toObject().value(u"role"_s).toString(), u"出席"_s);
        QCOMPARE(appearances[1].toObject().value(u"order"_s).toInt(), 3);
        r = cli({u"person"_s, u"潘文峰"_s});
        QCOMPARE(r.code, 0);
        QVERIFY(QString::fromUtf8(r.out).contains(u"区人大常委会主任"_s));
    }

    void edits_mergeAndUndo()
    {
        QCOMPARE(cli({u"people"_s, u"merge"_s, u"蔡焱"_s, u"蔡焘"_s}).code, 0);
        QCOMPARE(cli({u"person"_s, u"蔡焱"_s}).code, 1);
        const QJsonArray edits = QJsonDocument::fromJson(cli({u"people"_s, u"edits"_s, u"--json"_s}).out).array();
        QCOMPARE(edits.size(), 1);
        QCOMPARE(cli({u"people"_s, u"undo"_s, QString::number(edits[0].toObject().value(u"id"_s).toInt())}).code, 0);
        QCOMPARE(cli({u"person"_s, u"蔡焱"_s}).code, 0);
    }

    void usageErrors()
    {
        QCOMPARE(cli({u"person"_s}).code, 2);
        QCOMPARE(cli({u"people"_s, u"split"_s, u"张智奎"_s, u"张智奎2"_s}).code, 2); // needs --block
        QCOMPARE(cli({u"people"_s, u"frobnicate"_s}).code, 2);
        const test::CliRun r = cli({u"person"_s, u"无此人"_s});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains("no person named"));
    }

private:
    test::CliRun cli(const QStringList &args)
    {
        return test::runCli(args + QStringList{u"--library"_s, m_dir.filePath(u"lib.sqlite"_s)}, m_dir.path());
    }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestCliPeople)
#include "tst_cli_people.moc"
