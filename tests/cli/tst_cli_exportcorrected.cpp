// dubao-cli export-corrected as a process, on both engines (an SQLite file and a team library, issue 13): the
// issue's file as the OCR delivered it with a correction written into its line, to standard output and to a file
// (written whole), read back by an import as the corrected paragraph; and its usage errors. The method itself:
// tests/core/tst_corrections.
#include "tests/support/cliprocess.h"
#include "tests/support/engines.h"
#include "tests/support/sampleissue.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace dubao;
using namespace Qt::StringLiterals;

class TestCliExportCorrected : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_library =
            test::onPostgres() ? test::separateLibraryLocation(u"corrected"_s) : m_dir.filePath(u"lib.sqlite"_s);
        QVERIFY2(!m_library.isEmpty(), qPrintable(test::engineRun().lastError));
        QCOMPARE(cli({u"import"_s, test::sampleIssuePath()}).code, 0);
    }

    void exportCorrected_writesTheCorrectionIntoTheOcrsFile()
    {
        // The first paragraph of four Han characters or more, corrected in its first four.
        const QJsonArray issues = QJsonDocument::fromJson(cli({u"list"_s, u"--json"_s}).out).array();
        QVERIFY(!issues.isEmpty());
        const QJsonObject issue = issues.first().toObject();
        const qint64 issueId = issue.value(u"id"_s).toInteger();
        const qint64 article = issue.value(u"articles"_s).toArray().first().toObject().value(u"id"_s).toInteger();
        const QJsonObject shown =
            QJsonDocument::fromJson(cli({u"show"_s, QString::number(article), u"--json"_s}).out).object();
        qint64 block = 0;
        QString original;
        for (const QJsonValue &v : shown.value(u"blocks"_s).toArray()) {
            const QString text = v.toObject().value(u"text"_s).toString();
            if (text.size() >= 8 && text.left(4).count(QRegularExpression(u"\\p{Han}"_s)) == 4) {
                block = v.toObject().value(u"id"_s).toInteger();
                original = text.left(4);
                break;
            }
        }
        QVERIFY(block > 0);
        const QString before = QString::fromUtf8(cli({u"export-corrected"_s, QString::number(issueId)}).out);
        QVERIFY(before.contains(original));
        QCOMPARE(cli({u"correct"_s, QString::number(block), u"--start"_s, u"0"_s, u"--end"_s, u"4"_s, u"--text"_s,
                      u"更正四字"_s})
                     .code,
                 0);
        const test::CliRun out = cli({u"export-corrected"_s, QString::number(issueId)});
        QCOMPARE(out.code, 0);
        const QString after = QString::fromUtf8(out.out);
        QVERIFY(after.contains(u"更正四字"_s));
        QCOMPARE(after.count(u'\n'), before.count(u'\n')); // the same lines, one of them corrected
        QVERIFY(!after.contains(u"更正四字"_s + original));

        const QString file = m_dir.filePath(u"corrected.txt"_s);
        const test::CliRun written = cli({u"export-corrected"_s, QString::number(issueId), u"-o"_s, file});
        QCOMPARE(written.code, 0);
        QVERIFY(written.out.contains("wrote "));
        QFile in(file);
        QVERIFY(in.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(in.readAll()), after);
    }

    void usageErrors()
    {
        QCOMPARE(cli({u"export-corrected"_s}).code, 2);
        QCOMPARE(cli({u"export-corrected"_s, u"x"_s}).code, 2);
        const test::CliRun missing = cli({u"export-corrected"_s, u"99999"_s});
        QCOMPARE(missing.code, 1);
        QVERIFY(!missing.err.isEmpty());
        QVERIFY(!missing.err.contains("QPSQL"));
    }

private:
    test::CliRun cli(QStringList args) const { return test::runCli(args << u"--library"_s << m_library); }

    QTemporaryDir m_dir;
    QString m_library;
};

DUBAO_TEST_MAIN_BOTH_ENGINES(TestCliExportCorrected, {})
#include "tst_cli_exportcorrected.moc"
