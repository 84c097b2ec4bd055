// The one Markdown sanitiser (core/export/safemarkdown.h): the user's Markdown kept as written, minus raw HTML,
// script-capable links and image sources; and its rendering into blocks and HTML for the laid-out exports.
#include "core/export/safemarkdown.h"

#include <QTest>

using namespace dubao;
using namespace Qt::StringLiterals;

class TestSafeMarkdown : public QObject
{
    Q_OBJECT

private slots:
    void sanitize_keepsTheUsersMarkdown_data();
    void sanitize_keepsTheUsersMarkdown();
    void sanitize_removesWhatIsUnsafe_data();
    void sanitize_removesWhatIsUnsafe();
    void isSafeLink_schemes();
    void render_blocksAndSpans();
    void toHtml_escapesAndLinksOnlySafely();
    void render_table_rowsCellsAlignmentEscapedPipes();
    void toHtml_table_headBodyAlignedAndSafe();
};

void TestSafeMarkdown::sanitize_keepsTheUsersMarkdown_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::newRow("quote") << u"> 引文 quoted\n> 第二行"_s;
    QTest::newRow("autolink") << u"see <https://example.org/a?b=1&c=2>"_s;
    QTest::newRow("code span with markup") << u"`<b>` & `a < b`"_s;
    QTest::newRow("code block") << u"```\n<script>x</script>\n```"_s;
    QTest::newRow("heading and emphasis") << u"## 导言\n\n**重点** and *斜体* ~~删~~"_s;
    QTest::newRow("table") << u"| a | b |\n|---|---|\n| 1 | 2 |"_s;
    QTest::newRow("ampersand and comparisons") << u"3 < 5 & 6 > 2, AT&T"_s;
    QTest::newRow("dubao link") << u"[这段](dubao://block/12)"_s;
    QTest::newRow("mailto") << u"[me](mailto:a@b.org)"_s;
}

void TestSafeMarkdown::sanitize_keepsTheUsersMarkdown()
{
    QFETCH(QString, markdown);
    QCOMPARE(markdown::sanitize(markdown), markdown);
}

void TestSafeMarkdown::sanitize_removesWhatIsUnsafe_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QString>("expected");
    QTest::newRow("inline html") << u"a <b onclick=\"x\">粗</b> c"_s << u"a 粗 c"_s;
    QTest::newRow("html block") << u"<script>alert(1)</script>\n\nafter"_s << u"\n\nafter"_s;
    QTest::newRow("javascript link") << u"[click](javascript:alert(1))"_s << u"[click]()"_s;
    QTest::newRow("JavaScript with spaces") << u"[x]( JaVaScRiPt:alert(1) )"_s << u"[x](  )"_s;
    QTest::newRow("data link") << u"[x](data:text/html;base64,AAAA)"_s << u"[x]()"_s;
    QTest::newRow("file link") << u"[x](file:///etc/passwd)"_s << u"[x]()"_s;
    QTest::newRow("javascript autolink") << u"<javascript:alert(1)>"_s << u"<>"_s;
    QTest::newRow("remote image") << u"![图](https://evil.example/p.png)"_s << u"![图]()"_s;
    QTest::newRow("reference link") << u"[x][r]\n\n[r]: javascript:alert(1)"_s << u"[x][r]\n\n[r]: "_s;
    // An unsafe destination written with an entity cannot be cut out where it stands: the whole text is escaped.
    QTest::newRow("entity in scheme") << u"[x](jav&#97;script:alert(1))"_s << u"\\[x\\](jav\\&#97;script:alert(1))"_s;
}

void TestSafeMarkdown::sanitize_removesWhatIsUnsafe()
{
    QFETCH(QString, markdown);
    QFETCH(QString, expected);
    const QString safe = markdown::sanitize(markdown);
    QCOMPARE(safe, expected);
    QCOMPARE(markdown::sanitize(safe), safe); // stable
}

void TestSafeMarkdown::isSafeLink_schemes()
{
    for (const QString &url : {u"https://a.org"_s, u"HTTP://a.org"_s, u"mailto:a@b"_s, u"dubao://article/3"_s,
                               u"#top"_s, u"page.html"_s, u"a/b:c"_s, u""_s})
        QVERIFY2(markdown::isSafeLink(url), qPrintable(url));
    for (const QString &url :
         {u"javascript:x"_s, u" java\tscript:x"_s, u"DATA:x"_s, u"file:///x"_s, u"vbscript:x"_s, u"ftp://x"_s})
        QVERIFY2(!markdown::isSafeLink(url), qPrintable(url));
}

void TestSafeMarkdown::render_blocksAndSpans()
{
    using Kind = markdown::Block::Kind;
    const QList<markdown::Block> blocks = markdown::render(
        u"## 导言\n\n**重点**和*斜体* [链接](https://a.org) [坏](javascript:x)\n\n- 一\n- 二\n  - 三\n\n"
        "3. 甲\n4. 乙\n\n> 引\n\n```\ncode <b>\n```\n\n---\n\n<b>粗</b>"_s);
    QStringList kinds;
    for (const markdown::Block &b : blocks)
        kinds.append(QString::number(int(b.kind)) + u':' + QString::number(b.level) + u':' + b.plainText());
    QCOMPARE(blocks.at(0).kind, Kind::Heading);
    QCOMPARE(blocks.at(0).level, 2);
    QCOMPARE(blocks.at(0).plainText(), u"导言"_s);
    const markdown::Block &p = blocks.at(1);
    QCOMPARE(p.plainText(), u"重点和斜体 链接 坏"_s);
    QVERIFY(p.spans.at(0).bold);
    QCOMPARE(p.spans.at(0).text, u"重点"_s);
    QVERIFY(p.spans.at(2).italic);
    QCOMPARE(p.spans.at(4).href, u"https://a.org"_s);
    QCOMPARE(p.spans.last().href, QString()); // the unsafe link is plain text
    QCOMPARE(blocks.at(2).kind, Kind::BulletItem);
    QCOMPARE(blocks.at(2).plainText(), u"一"_s);
    QCOMPARE(blocks.at(4).plainText(), u"三"_s);
    QCOMPARE(blocks.at(4).level, 2);
    QCOMPARE(blocks.at(5).kind, Kind::OrderedItem);
    QCOMPARE(blocks.at(5).number, 3);
    QCOMPARE(blocks.at(5).listMarker(), u"3. "_s);
    QCOMPARE(blocks.at(6).number, 4);
    QCOMPARE(blocks.at(7).kind, Kind::Quote);
    QCOMPARE(blocks.at(8).kind, Kind::Code);
    QCOMPARE(blocks.at(8).plainText(), u"code <b>"_s);
    QCOMPARE(blocks.at(9).kind, Kind::Rule);
    QCOMPARE(blocks.at(10).plainText(), u"粗"_s); // inline HTML removed, its text kept
    QCOMPARE(blocks.size(), 11);
}

void TestSafeMarkdown::toHtml_escapesAndLinksOnlySafely()
{
    const QString html = markdown::toHtml(
        u"**重点** `<b>` [a](https://a.org/?x=\"1\") [b](javascript:alert(1)) ![x](https://evil/p.png)\n\n- 一\n- 二"_s);
    QVERIFY(html.contains(u"<strong>重点</strong>"_s));
    QVERIFY(html.contains(u"<code>&lt;b&gt;</code>"_s));
    QVERIFY(html.contains(u"<a href=\"https://a.org/?x=&quot;1&quot;\">a</a>"_s));
    QVERIFY(!html.contains(u"javascript"_s));
    QVERIFY(!html.contains(u"evil"_s));
    QVERIFY(!html.contains(u"<img"_s));
    QVERIFY(html.contains(u"<ul><li>一</li><li>二</li></ul>"_s));
}

void TestSafeMarkdown::render_table_rowsCellsAlignmentEscapedPipes()
{
    using markdown::Align;
    using Kind = markdown::Block::Kind;
    const QList<markdown::Block> blocks =
        markdown::render(u"前言\n\n| 地区 | 人数 \\| 户 | 备注 | 其他 |\n|:---|:---:|---:|---|\n| **永川** | 31 | `a "
                         u"\\| b` | <b>x</b> |\n"
                         "| 江津 | [坏](javascript:x) [好](https://a.org) |\n\n后记"_s);
    QCOMPARE(blocks.size(), 3);
    QCOMPARE(blocks.at(0).plainText(), u"前言"_s);
    QCOMPARE(blocks.at(2).plainText(), u"后记"_s);
    const markdown::Block &table = blocks.at(1);
    QCOMPARE(table.kind, Kind::Table);
    QVERIFY(table.spans.isEmpty());
    QCOMPARE(table.columns, (QList<Align>{Align::Left, Align::Center, Align::Right, Align::Default}));
    QCOMPARE(table.headerRows, 1);
    QCOMPARE(table.rows.size(), 3);
    for (const QList<markdown::Cell> &row : table.rows)
        QCOMPARE(row.size(), 4);                                  // a short row is filled up with empty cells
    QCOMPARE(table.rows.at(0).at(1).plainText(), u"人数 | 户"_s); // an escaped pipe is a pipe, not a new cell
    const markdown::Cell &bold = table.rows.at(1).at(0);
    QCOMPARE(bold.spans.size(), 1);
    QVERIFY(bold.spans.at(0).bold);
    QCOMPARE(bold.plainText(), u"永川"_s);
    const markdown::Cell &code = table.rows.at(1).at(2);
    QVERIFY(code.spans.at(0).code);
    QCOMPARE(code.plainText(), u"a | b"_s);               // in a code span too, as GitHub shows it
    QCOMPARE(table.rows.at(1).at(3).plainText(), u"x"_s); // raw HTML removed
    const markdown::Cell &links = table.rows.at(2).at(1);
    QCOMPARE(links.plainText(), u"坏 好"_s);
    QCOMPARE(links.spans.first().href, QString()); // the unsafe link is inert
    QCOMPARE(links.spans.last().href, u"https://a.org"_s);
    QCOMPARE(table.rows.at(2).at(3).plainText(), QString());
    QCOMPARE(table.plainText(), u"地区 | 人数 | 户 | 备注 | 其他\n永川 | 31 | a | b | x\n江津 | 坏 好 |  | "_s);
}

void TestSafeMarkdown::toHtml_table_headBodyAlignedAndSafe()
{
    const QString html =
        markdown::toHtml(u"| 甲 | 乙 \\| 丙 |\n|:---:|---|\n| <i>1</i> | [x](javascript:alert(1)) **2** |"_s);
    QCOMPARE(html,
             u"<table><thead><tr><th style=\"text-align: center\">甲</th><th>乙 | 丙</th></tr></thead>"
             "<tbody><tr><td style=\"text-align: center\">1</td><td>x <strong>2</strong></td></tr></tbody></table>"_s);
    // A table in a list item stays in the item; the list goes on after it.
    const QString listed = markdown::toHtml(u"- 一\n\n  | a |\n  |---|\n  | b |\n- 二"_s);
    QCOMPARE(listed, u"<ul><li>一<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>b</td></tr></tbody></table>"
                     "</li><li>二</li></ul>"_s);
}

QTEST_GUILESS_MAIN(TestSafeMarkdown)
#include "tst_safemarkdown.moc"
