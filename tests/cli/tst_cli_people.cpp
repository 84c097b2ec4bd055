// dubao-cli people and person as a process on the corpus: the JSON shape of the issue, a person's appearances,
// extraction after import and after an edit, the exports (read back with a strict CSV reader and compared with
// `people --json`), and the usage errors, on both engines (an SQLite file and a team library). The rules themselves:
// tests/core/tst_people.
#include "tests/support/cliprocess.h"
#include "tests/support/csvreader.h"
#include "tests/support/engines.h"

#include <QFile>
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
        m_library = test::onPostgres() ? test::separateLibraryLocation(u"people"_s) : m_dir.filePath(u"lib.sqlite"_s);
        QVERIFY2(!m_library.isEmpty(), qPrintable(test::engineRun().lastError));
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
            QCOMPARE(office.value(u"first"_s).toString(), u"2022-11-13"_s);
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
        // By date: 003 (2022-11-13) first.
        QCOMPARE(appearances[0].toObject().value(u"role"_s).toString(), u"出席"_s);
        QCOMPARE(appearances[0].toObject().value(u"order"_s).toInt(), 3);
        QCOMPARE(appearances[1].toObject().value(u"role"_s).toString(), u"参加"_s);
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

    void export_appearancesCsv_hasEveryAppearanceOfPeopleJson()
    {
        const QString path = m_dir.filePath(u"appearances.csv"_s);
        QCOMPARE(cli({u"people"_s, u"export"_s, u"appearances"_s, u"--format"_s, u"csv"_s, u"-o"_s, path}).code, 0);
        const QByteArray bytes = readFile(path);
        QVERIFY(bytes.startsWith("\xEF\xBB\xBFperson,office,offices,role,order,date,article_id,headline,block_id,"
                                 "sentence\r\n"));
        const std::optional<QList<QStringList>> rows = test::parseCsv(QString::fromUtf8(bytes.mid(3)));
        QVERIFY(rows);
        QMultiMap<QString, QStringList> fromCsv; // person → article, block, date, office, role, order, sentence
        for (qsizetype r = 1; r < rows->size(); ++r) {
            const QStringList &c = rows->at(r);
            QCOMPARE(c.size(), 10);
            QVERIFY2(!c[7].isEmpty(), "every appearance's article has a headline in the corpus");
            QVERIFY(c[2].startsWith(c[1]));
            fromCsv.insert(c[0], {c[6], c[8], c[5], c[1], c[3], c[4], c[9]});
        }
        QMultiMap<QString, QStringList> fromJson;
        for (const QJsonValue &v : peopleJson()) {
            const QJsonObject p = v.toObject();
            for (const QJsonValue &av : p.value(u"appearances"_s).toArray()) {
                const QJsonObject a = av.toObject();
                const QJsonValue order = a.value(u"order"_s);
                fromJson.insert(p.value(u"name"_s).toString(),
                                {QString::number(a.value(u"article"_s).toInteger()),
                                 QString::number(a.value(u"block"_s).toInteger()), a.value(u"date"_s).toString(),
                                 a.value(u"office"_s).toString(), a.value(u"role"_s).toString(),
                                 order.isNull() ? QString() : QString::number(order.toInt()),
                                 a.value(u"sentence"_s).toString()});
            }
        }
        QVERIFY(fromJson.size() >= 50);
        QCOMPARE(fromCsv, fromJson);
    }

    void export_appearancesJson_sameRowsAsCsv()
    {
        const QString path = m_dir.filePath(u"appearances.json"_s);
        QCOMPARE(cli({u"people"_s, u"export"_s, u"appearances"_s, u"--format"_s, u"json"_s, u"-o"_s, path}).code, 0);
        QJsonParseError error;
        const QJsonArray rows = QJsonDocument::fromJson(readFile(path), &error).array();
        QCOMPARE(error.error, QJsonParseError::NoError);
        qsizetype expected = 0;
        for (const QJsonValue &v : peopleJson())
            expected += v.toObject().value(u"appearances"_s).toArray().size();
        QCOMPARE(rows.size(), expected);
        const QStringList keys = rows.first().toObject().keys();
        QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()),
                 QSet<QString>({u"person"_s, u"office"_s, u"offices"_s, u"role"_s, u"order"_s, u"date"_s, u"article"_s,
                                u"headline"_s, u"block"_s, u"sentence"_s}));
    }

    void export_officeHolders_agreeWithPeopleJson()
    {
        const QString csvPath = m_dir.filePath(u"holders.csv"_s);
        const QString jsonPath = m_dir.filePath(u"holders.json"_s);
        QCOMPARE(cli({u"people"_s, u"export"_s, u"office-holders"_s, u"-o"_s, csvPath}).code, 0); // csv by default
        QCOMPARE(cli({u"people"_s, u"export"_s, u"office-holders"_s, u"--format"_s, u"json"_s, u"-o"_s, jsonPath}).code,
                 0);
        const QByteArray bytes = readFile(csvPath);
        QVERIFY(bytes.startsWith("\xEF\xBB\xBFoffice,person,first,last,appearances\r\n"));
        const std::optional<QList<QStringList>> rows = test::parseCsv(QString::fromUtf8(bytes.mid(3)));
        QVERIFY(rows);
        QSet<QStringList> fromCsv;
        for (qsizetype r = 1; r < rows->size(); ++r) {
            QCOMPARE(rows->at(r).size(), 5);
            QVERIFY(rows->at(r)[4].toInt() > 0);
            fromCsv.insert(rows->at(r).mid(0, 4));
        }
        QSet<QStringList> fromPeople;
        for (const QJsonValue &v : peopleJson())
            for (const QJsonValue &o : v.toObject().value(u"offices"_s).toArray())
                fromPeople.insert({o.toObject().value(u"title"_s).toString(), v.toObject().value(u"name"_s).toString(),
                                   o.toObject().value(u"first"_s).toString(),
                                   o.toObject().value(u"last"_s).toString()});
        QCOMPARE(fromCsv, fromPeople);
        QVERIFY(fromCsv.contains({u"区委书记"_s, u"张智奎"_s, u"2022-11-13"_s, u"2024-12-19"_s}));
        const QJsonArray json = QJsonDocument::fromJson(readFile(jsonPath)).array();
        QCOMPARE(json.size(), rows->size() - 1);
        for (qsizetype r = 0; r < json.size(); ++r) // the same rows in the same order
            QCOMPARE(json[r].toObject().value(u"person"_s).toString(), rows->at(r + 1)[1]);
    }

    void export_narrowedAsTheView()
    {
        const QString path = m_dir.filePath(u"secretaries.csv"_s);
        QCOMPARE(cli({u"people"_s, u"export"_s, u"office-holders"_s, u"--contains"_s, u"书记"_s, u"--from"_s,
                      u"2024-01-01"_s, u"-o"_s, path})
                     .code,
                 0);
        const std::optional<QList<QStringList>> rows = test::parseCsv(QString::fromUtf8(readFile(path).mid(3)));
        QVERIFY(rows && rows->size() > 1);
        for (qsizetype r = 1; r < rows->size(); ++r) {
            QVERIFY2(rows->at(r)[0].contains(u"书记"_s), qPrintable(rows->at(r).join(u',')));
            QVERIFY(rows->at(r)[3] >= u"2024-01-01"_s);
        }
        const QString appearances = m_dir.filePath(u"period.csv"_s);
        QCOMPARE(cli({u"people"_s, u"export"_s, u"appearances"_s, u"--from"_s, u"2023-03-01"_s, u"--to"_s,
                      u"2023-12-31"_s, u"-o"_s, appearances})
                     .code,
                 0);
        const std::optional<QList<QStringList>> inPeriod =
            test::parseCsv(QString::fromUtf8(readFile(appearances).mid(3)));
        QVERIFY(inPeriod && inPeriod->size() > 1);
        for (qsizetype r = 1; r < inPeriod->size(); ++r)
            QVERIFY(inPeriod->at(r)[5] >= u"2023-03-01"_s && inPeriod->at(r)[5] <= u"2023-12-31"_s);
    }

    void export_errors_leaveTheOldFile()
    {
        const QString path = m_dir.filePath(u"kept.csv"_s);
        QFile kept(path);
        QVERIFY(kept.open(QIODevice::WriteOnly));
        kept.write("old");
        kept.close();
        const QStringList base{u"people"_s, u"export"_s};
        QCOMPARE(cli(base + QStringList{u"appearances"_s}).code, 2); // no -o
        QCOMPARE(cli(base + QStringList{u"everyone"_s, u"-o"_s, path}).code, 2);
        QCOMPARE(cli(base + QStringList{u"appearances"_s, u"--format"_s, u"xls"_s, u"-o"_s, path}).code, 2);
        QCOMPARE(cli(base + QStringList{u"appearances"_s, u"--from"_s, u"2024-13-01"_s, u"-o"_s, path}).code, 2);
        const test::CliRun folder = cli(base + QStringList{u"appearances"_s, u"-o"_s, m_dir.path()});
        QCOMPARE(folder.code, 1);
        QVERIFY(folder.err.contains("it is a folder"));
        const test::CliRun missing =
            cli(base + QStringList{u"appearances"_s, u"-o"_s, m_dir.filePath(u"no/such/folder/x.csv"_s)});
        QCOMPARE(missing.code, 1);
        QCOMPARE(readFile(path), QByteArray("old"));
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
    static QByteArray readFile(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    QJsonArray peopleJson()
    {
        const test::CliRun r = cli({u"people"_s, u"--json"_s});
        return r.code == 0 ? QJsonDocument::fromJson(r.out).array() : QJsonArray();
    }

    test::CliRun cli(const QStringList &args)
    {
        return test::runCli(args + QStringList{u"--library"_s, m_library}, m_dir.path());
    }

    QTemporaryDir m_dir;
    QString m_library;
};

DUBAO_TEST_MAIN_BOTH_ENGINES(TestCliPeople, {})
#include "tst_cli_people.moc"
