// dubao-cli export as a process: the formats by name, the selection options, usage errors (exit 2) and failures
// (exit 1) on the export tests' library (tests/support/exportfixture.h), on both engines (an SQLite file and a team
// library). The formats themselves: tests/core/tst_export.
#include "tests/support/cliprocess.h"
#include "tests/support/csvreader.h"
#include "tests/support/engines.h"
#include "tests/support/exportfixture.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace dubao;
using namespace Qt::StringLiterals;

class TestCliExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void formatsAndUsage();
    void qdpx_exportedThenImportedIntoAnotherLibrary();

private:
    test::ExportFixture m_fx;
};

void TestCliExport::initTestCase()
{
    if (test::onPostgres()) {
        m_fx.location = test::separateLibraryLocation(u"exported"_s);
        QVERIFY2(!m_fx.location.isEmpty(), qPrintable(test::engineRun().lastError));
    }
    QString error;
    QVERIFY2(m_fx.setUp(&error), qPrintable(error));
    m_fx.library.reset(); // dubao-cli opens the library itself
}

void TestCliExport::formatsAndUsage()
{
    QTemporaryDir dir;
    auto run = [&](const QStringList &args, QByteArray *err = nullptr) {
        const test::CliRun r = test::runCli(QStringList{u"export"_s, u"--library"_s, m_fx.path()} + args);
        if (err)
            *err = r.err;
        return r.code;
    };
    const QString csv = dir.filePath(u"out.csv"_s);
    QCOMPARE(run({u"--tag"_s, u"农业"_s, u"--no-children"_s, u"--format"_s, u"csv"_s, u"-o"_s, csv}), 0);
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const auto records = test::parseCsv(QString::fromUtf8(f.readAll().mid(3)));
    QVERIFY(records);
    QCOMPARE(records->size(), 1 + 3);
    // --author: what that person made (everything here is by the library's user, or the team library's login).
    const QStringList header = records->at(0);
    const qsizetype authorColumn = header.indexOf(u"author"_s);
    QVERIFY(authorColumn > 0 && header.contains(u"changed_by"_s));
    const QString author = records->at(1).value(authorColumn);
    QVERIFY(!author.isEmpty());
    const QString byAuthor = dir.filePath(u"by.csv"_s);
    QCOMPARE(run({u"--author"_s, author + u",,"_s, u"--tag"_s, u"农业"_s, u"--no-children"_s, u"--format"_s, u"csv"_s,
                  u"-o"_s, byAuthor}),
             0);
    QFile byFile(byAuthor);
    QVERIFY(byFile.open(QIODevice::ReadOnly));
    QCOMPARE(test::parseCsv(QString::fromUtf8(byFile.readAll().mid(3)))->size(), 1 + 3);
    QByteArray unknown;
    QCOMPARE(
        run({u"--author"_s, author, u"--author"_s, u"nobody"_s, u"--format"_s, u"csv"_s, u"-o"_s, byAuthor}, &unknown),
        1);
    QVERIFY2(unknown.contains("nobody named 'nobody'") && unknown.contains(author.toUtf8()), unknown.constData());
    QCOMPARE(run({u"--author"_s, u","_s, u"--format"_s, u"csv"_s, u"-o"_s, byAuthor}), 2);
    const QString md = dir.filePath(u"nb.md"_s);
    QCOMPARE(run({u"--notebook"_s, u"读书笔记"_s, u"--format"_s, u"md"_s, u"-o"_s, md}), 0);
    QVERIFY(QFile::exists(md));
    const QString ris = dir.filePath(u"out.ris"_s);
    QCOMPARE(run({u"--tag"_s, u"农业"_s, u"--tag"_s, u"湿地"_s, u"--all-tags"_s, u"--from"_s, u"2023-01-01"_s,
                  u"--to"_s, u"2023-12-31"_s, u"--format"_s, u"ris"_s, u"-o"_s, ris, u"--with-notes-as-citations"_s}),
             0);
    QFile r(ris);
    QVERIFY(r.open(QIODevice::ReadOnly));
    QCOMPARE(r.readAll().count("TY  - NEWS"), 1);
    const QString pdf = dir.filePath(u"out.pdf"_s);
    QByteArray err;
    QCOMPARE(run({u"--format"_s, u"pdf"_s, u"-o"_s, pdf}, &err), 0);
    QFile p(pdf);
    QVERIFY2(p.open(QIODevice::ReadOnly), err.constData());
    QVERIFY(p.readAll().startsWith("%PDF-"));
    QCOMPARE(run({u"--format"_s, u"odt"_s, u"--publication"_s, u"山城晚报"_s, u"-o"_s, dir.filePath(u"o.odt"_s)}), 0);
    // usage errors and failures
    QCOMPARE(run({u"--format"_s, u"md"_s}), 2);
    QCOMPARE(run({u"--format"_s, u"docx"_s, u"-o"_s, md}), 2);
    QCOMPARE(run({u"--from"_s, u"2023-13-01"_s, u"--format"_s, u"md"_s, u"-o"_s, md}), 2);
    QCOMPARE(run({u"--tag"_s, u"没有"_s, u"--format"_s, u"md"_s, u"-o"_s, md}, &err), 1);
    QVERIFY(err.contains("no tag"));
    QCOMPARE(run({u"--format"_s, u"md"_s, u"-o"_s, u"/proc/dubao-x.md"_s}, &err), 1);
    QVERIFY(err.contains("/proc/dubao-x.md"));
}

void TestCliExport::qdpx_exportedThenImportedIntoAnotherLibrary()
{
    QTemporaryDir dir;
    const QString qdpx = dir.filePath(u"all.qdpx"_s);
    QCOMPARE(test::runCli({u"export"_s, u"--library"_s, m_fx.path(), u"--format"_s, u"qdpx"_s, u"-o"_s, qdpx}).code, 0);
    test::ExportFixture other;
    if (test::onPostgres()) {
        other.location = test::separateLibraryLocation(u"other"_s);
        QVERIFY2(!other.location.isEmpty(), qPrintable(test::engineRun().lastError));
    }
    QString error;
    QVERIFY2(other.setUpIssues(&error), qPrintable(error));
    other.library.reset();
    const test::CliRun imported = test::runCli({u"import-qdpx"_s, qdpx, u"--json"_s, u"--library"_s, other.path()});
    QCOMPARE(imported.code, 0);
    const QJsonObject report = QJsonDocument::fromJson(imported.out).object();
    QCOMPARE(report.value(u"matchedSources"_s).toInt(), report.value(u"sources"_s).toInt());
    QCOMPARE(report.value(u"highlightsAdded"_s).toInt(), 3);
    QCOMPARE(report.value(u"notesAdded"_s).toInt(), 3);
    const test::CliRun listed = test::runCli({u"highlight"_s, u"list"_s, u"--library"_s, other.path()});
    QCOMPARE(listed.code, 0);
    QVERIFY(listed.out.contains("春耕"));
    // usage error, and a file that is no project: exit 1, one line saying why
    QCOMPARE(test::runCli({u"import-qdpx"_s, u"--library"_s, other.path()}).code, 2);
    const QString notAProject = dir.filePath(u"not-a-project.qdpx"_s);
    QFile text(notAProject);
    QVERIFY(text.open(QIODevice::WriteOnly) && text.write("plain text") == 10);
    text.close();
    const test::CliRun damaged = test::runCli({u"import-qdpx"_s, notAProject, u"--library"_s, other.path()});
    QCOMPARE(damaged.code, 1);
    QVERIFY2(damaged.err.contains("not a REFI-QDA project file"), damaged.err.constData());
}

DUBAO_TEST_MAIN_BOTH_ENGINES(TestCliExport, {})
#include "tst_cli_export.moc"
