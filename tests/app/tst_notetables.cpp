// A note's GitHub table in every export that lays text out: a real table in HTML (thead/tbody), ODT (table:table,
// valid ODF 1.2 with jing) and PDF (pdftotext -layout reads its cells in columns), the Markdown export keeps it as
// the user wrote it; cell text is sanitised like the rest of the note.
#include "app/render/exportwriters.h"
#include "core/export/excerptcollector.h"
#include "core/export/exportformat.h"
#include "core/export/exportwriter.h"
#include "tests/support/exportfixture.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace dubao;
using namespace Qt::StringLiterals;

namespace {

// The table a researcher writes under an excerpt: aligned columns, an escaped pipe, emphasis, code, raw HTML and a
// script link in cells.
const QStringList kTableLines{u"| 地区 | 人数 \\| 户 | 备注 |"_s, u"|:---|:---:|---:|"_s, u"| 永川 | 31 | **多** |"_s,
                              u"| 江津 | 2 | <i>少</i> [链](javascript:alert(1)) |"_s, u"| 合川 | 1024 | `x<y` |"_s};

QString tableNote()
{
    return u"表格如下：\n\n"_s + kTableLines.join(u'\n') + u"\n\n表后一句。"_s;
}

QString run(const QString &program, const QStringList &arguments, int *exitCode = nullptr)
{
    QProcess p;
    p.start(program, arguments);
    if (!p.waitForFinished(120000))
        return {};
    if (exitCode)
        *exitCode = p.exitCode();
    return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
}

} // namespace

class TestNoteTables : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void markdown_keepsTheTableAsWritten();
    void html_tableWithHeadBodyAndAlignment();
    void odt_tableIsAValidOdfTable();
    void pdf_tableCellsInColumns();

private:
    QString exportFile(const QString &format);

    test::ExportFixture m_fx;
    ExportDocument m_doc;
    QTemporaryDir m_dir;
};

void TestNoteTables::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    registerDocumentExportFormats();
    QString error;
    QVERIFY2(m_fx.setUp(&error), qPrintable(error));
    const Result<ExportDocument> all = ExcerptCollector(*m_fx.library).collect({});
    QVERIFY(all.ok());
    m_doc = *all;
    // One excerpt with the table note, the way the collector hands a note over (sanitised at the writers).
    m_doc.excerpts.removeIf([](const Excerpt &e) { return e.isText(); });
    QVERIFY(!m_doc.excerpts.isEmpty());
    m_doc.excerpts = {m_doc.excerpts.first()};
    ExportNote note;
    note.id = 99;
    note.text = tableNote();
    m_doc.excerpts.first().notes = {note};
}

QString TestNoteTables::exportFile(const QString &format)
{
    const QString path = m_dir.filePath(u"out."_s + format);
    const auto writer = createExportWriter(format);
    if (!writer)
        return {};
    const Result<void> written = exportToFile(*writer, m_doc, {}, path);
    return written ? path : QString();
}

void TestNoteTables::markdown_keepsTheTableAsWritten()
{
    QFile file(exportFile(u"md"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString md = QString::fromUtf8(file.readAll());
    // Every line of the table as written (indented under its list item), only the script link's target taken out.
    for (const QString &line : kTableLines) {
        const QString expected = QString(line)
                                     .replace(u"(javascript:alert(1))"_s, u"()"_s)
                                     .replace(u"<i>"_s, QString())
                                     .replace(u"</i>"_s, QString());
        QVERIFY2(md.contains(u"  "_s + expected + u'\n'), qPrintable(expected + u"\n---\n"_s + md));
    }
}

void TestNoteTables::html_tableWithHeadBodyAndAlignment()
{
    QFile file(exportFile(u"html"_s));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString html = QString::fromUtf8(file.readAll());
    QVERIFY2(html.contains(u"<p>表格如下：</p><table><thead><tr><th style=\"text-align: left\">地区</th>"
                           "<th style=\"text-align: center\">人数 | 户</th><th style=\"text-align: right\">备注</th>"
                           "</tr></thead><tbody><tr><td style=\"text-align: left\">永川</td>"
                           "<td style=\"text-align: center\">31</td>"
                           "<td style=\"text-align: right\"><strong>多</strong></td></tr>"_s),
             qPrintable(html));
    QVERIFY(html.contains(u"<td style=\"text-align: right\">少 链</td>"_s)); // no raw HTML, the link inert
    QVERIFY(html.contains(
        u"<td style=\"text-align: right\"><code>x&lt;y</code></td></tr></tbody></table><p>表后一句。</p>"_s));
    QVERIFY(!html.contains(u"javascript"_s));
    QVERIFY(!html.contains(u"<i>"_s));
    QVERIFY(!html.contains(u"| 永川"_s));
}

void TestNoteTables::odt_tableIsAValidOdfTable()
{
    QVERIFY2(QFile::exists(u"/usr/bin/jing"_s), "jing is not installed (scripts/setup.sh installs it)");
    const QString odt = exportFile(u"odt"_s);
    QVERIFY(!odt.isEmpty());
    int code = -1;
    run(u"/usr/bin/unzip"_s, {u"-q"_s, u"-o"_s, odt, u"-d"_s, m_dir.filePath(u"odt"_s)}, &code);
    QCOMPARE(code, 0);
    const QString content = m_dir.filePath(u"odt/content.xml"_s);
    const QString report =
        run(u"/usr/bin/jing"_s, {u"-i"_s, QStringLiteral(DUBAO_SCHEMA_DIR "/OpenDocument-v1.2-os-schema.rng"), content},
            &code);
    QVERIFY2(code == 0, qPrintable(report.left(2000)));

    QFile file(content);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(file.readAll());
    int tables = 0;
    int headRows = 0;
    bool inHead = false;
    QList<QStringList> rows;
    QString cell;
    bool inCell = false;
    QStringList cellStyles;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.qualifiedName() == u"table:table"_s)
                ++tables;
            else if (xml.qualifiedName() == u"table:table-header-rows"_s)
                inHead = true;
            else if (xml.qualifiedName() == u"table:table-row"_s) {
                rows.append(QStringList());
                headRows += inHead ? 1 : 0;
            } else if (xml.qualifiedName() == u"table:table-cell"_s) {
                inCell = true;
                cell.clear();
            } else if (inCell && xml.qualifiedName() == u"text:p"_s) {
                cellStyles.append(xml.attributes().value(u"text:style-name"_s).toString());
            }
        } else if (xml.isEndElement()) {
            if (xml.qualifiedName() == u"table:table-header-rows"_s)
                inHead = false;
            else if (xml.qualifiedName() == u"table:table-cell"_s) {
                rows.last().append(cell);
                inCell = false;
            }
        } else if (xml.isCharacters() && inCell) {
            cell += xml.text();
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(tables, 1);
    QCOMPARE(headRows, 1);
    const QList<QStringList> expected{{u"地区"_s, u"人数 | 户"_s, u"备注"_s},
                                      {u"永川"_s, u"31"_s, u"多"_s},
                                      {u"江津"_s, u"2"_s, u"少 链"_s},
                                      {u"合川"_s, u"1024"_s, u"x<y"_s}};
    QCOMPARE(rows, expected);
    QCOMPARE(cellStyles.mid(0, 3), (QStringList{u"NCell_start"_s, u"NCell_center"_s, u"NCell_end"_s}));
}

void TestNoteTables::pdf_tableCellsInColumns()
{
    QVERIFY2(QFile::exists(u"/usr/bin/pdftotext"_s), "pdftotext is not installed (scripts/setup.sh installs it)");
    const QString pdf = exportFile(u"pdf"_s);
    QVERIFY(!pdf.isEmpty());
    int code = -1;
    const QString text = run(u"/usr/bin/pdftotext"_s, {u"-layout"_s, u"-enc"_s, u"UTF-8"_s, pdf, u"-"_s}, &code);
    QCOMPARE(code, 0);
    const QStringList lines = text.split(u'\n');
    auto lineWith = [&](const QString &word) {
        for (const QString &line : lines)
            if (line.contains(word))
                return line;
        return QString();
    };
    // Each row on one line, its cells apart in columns, no pipe between them (the header's own escaped pipe is
    // the cell's text).
    const QString header = lineWith(u"地区"_s);
    QVERIFY2(QRegularExpression(u"地区\\s{2,}人数 \\| 户\\s{2,}备注"_s).match(header).hasMatch(), qPrintable(text));
    for (const QStringList &row :
         {QStringList{u"永川"_s, u"31"_s, u"多"_s}, QStringList{u"江津"_s, u"2"_s, u"少 ?链"_s},
          QStringList{u"合川"_s, u"1024"_s, u"x<y"_s}}) {
        const QString line = lineWith(row.first());
        QVERIFY2(!line.contains(u'|'), qPrintable(line));
        QVERIFY2(QRegularExpression(row.join(u"\\s{2,}"_s)).match(line).hasMatch(), qPrintable(line));
    }
    // The columns line up: the right-aligned column's cells end where the header's does (within a character).
    const qsizetype end = header.indexOf(u"备注"_s) + 2;
    for (const QString &word : {u"多"_s, u"x<y"_s}) {
        const QString line = lineWith(word);
        QVERIFY2(qAbs(line.indexOf(word) + word.size() - end) <= 1, qPrintable(header + u'\n' + line));
    }
    QVERIFY(!text.contains(u"javascript"_s));
    QVERIFY(!text.contains(u"**"_s));
}

QTEST_MAIN(TestNoteTables)
#include "tst_notetables.moc"
