// Rule "page-header" (core/parse/pageheader.h): a paper's page line (第3版, A3版, 第三版：要闻) is recognised, is no
// article's text nor a headline, stays in the source with every line number, and puts the articles after it on its
// page. Issue texts written for the test; the corpus (which names no page) parses with no page.
#include "core/export/excerptcollector.h"
#include "core/ingest/importer.h"
#include "core/ingest/issuereplacer.h"
#include "core/model/article.h"
#include "core/parse/issueparser.h"
#include "core/parse/pageheader.h"
#include "core/store/annotationrepository.h"
#include "core/store/issuerepository.h"
#include "core/store/library.h"
#include "tests/support/exportfixture.h"
#include "tests/support/schemaversions.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace dubao;
using namespace Qt::StringLiterals;

class TestPageHeader : public QObject
{
    Q_OBJECT

private slots:
    void parsePageHeader_forms_data();
    void parsePageHeader_forms();
    void citedPage_asACitationGivesIt_data();
    void citedPage_asACitationGivesIt();
    void parse_pageLines_giveArticlesTheirPage_keepLines();
    void parse_corpus_namesNoPage();
    void library_ofVersion19_migratedAndReparseFillsPages();
    void exports_giveThePage();
};

namespace {

// Page lines at the top and between two articles, as an OCR of a whole issue keeps them (written for the test).
const QString kIssueWithPages =
    u"第1版：要闻\n\n清溪区召开全会\n\n本报讯(滨江日报记者 林一)3月5日,清溪区召开全会。\n\n"
    "第03版 综合新闻\n\n滨江大桥合龙\n\n本报讯(滨江日报记者 王二)3月5日,滨江大桥顺利合龙。\n"_s;

QList<std::pair<QString, QString>> storedPages(Library &library)
{
    QList<std::pair<QString, QString>> pages;
    QSqlQuery q(library.database());
    q.exec(u"SELECT page, page_name FROM articles ORDER BY id"_s);
    while (q.next())
        pages.append({q.value(0).isNull() ? u"NULL"_s : q.value(0).toString(),
                      q.value(1).isNull() ? u"NULL"_s : q.value(1).toString()});
    return pages;
}

} // namespace

void TestPageHeader::parsePageHeader_forms_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("header");
    QTest::addColumn<QString>("page");
    QTest::addColumn<QString>("name");
    QTest::newRow("第3版") << u"第3版"_s << true << u"3"_s << QString();
    QTest::newRow("zero-padded") << u"第03版"_s << true << u"03"_s << QString();
    QTest::newRow("letter") << u"A3版"_s << true << u"A3"_s << QString();
    QTest::newRow("no 第") << u"3版"_s << true << u"3"_s << QString();
    QTest::newRow("Chinese numeral") << u"第三版"_s << true << u"三"_s << QString();
    QTest::newRow("name after a colon") << u"第2版：要闻"_s << true << u"2"_s << u"要闻"_s;
    QTest::newRow("name after a space") << u"第4版 综合新闻"_s << true << u"4"_s << u"综合新闻"_s;
    QTest::newRow("spaced, indented") << u"  第 12 版  "_s << true << u"12"_s << QString();
    QTest::newRow("full-width digits") << u"第１０版"_s << true << u"１０"_s << QString();
    QTest::newRow("Traditional name") << u"第5版：國際"_s << true << u"5"_s << u"国际"_s;
    QTest::newRow("masthead counting pages")
        << u"今日16版 总第3640期 星期三 2024年1月31日"_s << false << QString() << QString();
    QTest::newRow("text naming a page") << u"详见第3版。"_s << false << QString() << QString();
    QTest::newRow("sentence with 版") << u"第3版规划已经印发，"_s << false << QString() << QString();
    QTest::newRow("headline") << u"清溪区召开全会"_s << false << QString() << QString();
    QTest::newRow("edition words") << u"本版编辑 林一"_s << false << QString() << QString();
}

void TestPageHeader::parsePageHeader_forms()
{
    QFETCH(QString, line);
    QFETCH(bool, header);
    QFETCH(QString, page);
    QFETCH(QString, name);
    const auto parsed = parse::parsePageHeader(line);
    QCOMPARE(parsed.has_value(), header);
    if (parsed) {
        QCOMPARE(parsed->page, page);
        QCOMPARE(parsed->name, name);
    }
}

void TestPageHeader::citedPage_asACitationGivesIt_data()
{
    QTest::addColumn<QString>("printed");
    QTest::addColumn<QString>("cited");
    QTest::newRow("digits") << u"3"_s << u"3"_s;
    QTest::newRow("zero-padded") << u"03"_s << u"3"_s;
    QTest::newRow("ten") << u"10"_s << u"10"_s;
    QTest::newRow("letter") << u"A03"_s << u"A3"_s;
    QTest::newRow("full width") << u"Ａ１２"_s << u"A12"_s;
    QTest::newRow("三") << u"三"_s << u"3"_s;
    QTest::newRow("十二") << u"十二"_s << u"12"_s;
    QTest::newRow("二十") << u"二十"_s << u"20"_s;
    QTest::newRow("none") << QString() << QString();
}

void TestPageHeader::citedPage_asACitationGivesIt()
{
    QFETCH(QString, printed);
    QFETCH(QString, cited);
    QCOMPARE(citedPage(printed), cited);
}

void TestPageHeader::parse_pageLines_giveArticlesTheirPage_keepLines()
{
    // A file with the page at its top, then a page line between articles; the line numbers are the file's.
    const QString text = u"第1版：要闻\n"                                                          // 1
                         "\n"                                                                      // 2
                         "清溪区召开全会\n"                                                        // 3
                         "\n"                                                                      // 4
                         "本报讯(滨江日报记者 林一)3月5日,清溪区召开全会。会议强调,要抓好春耕。\n" // 5
                         "\n"                                                                      // 6
                         "第03版 综合新闻\n"                                                       // 7
                         "滨江大桥合龙\n"                                                          // 8
                         "\n"                                                                      // 9
                         "本报讯(滨江日报记者 王二)3月5日,滨江大桥顺利合龙。\n"                    // 10
                         "\n"                                                                      // 11
                         "湿地公园开园\n"                                                          // 12
                         "\n"                                                                      // 13
                         "本报讯 3月5日,湿地公园开园迎客。\n"                                      // 14
                         "\n"                                                                      // 15
                         "A4版\n"                                                                  // 16
                         "\n"                                                                      // 17
                         "春耕忙\n"                                                                // 18
                         "\n"                                                                      // 19
                         "本报讯 3月5日,各地春耕忙。\n"_s;                                         // 20
    const ParsedIssue p = parseIssueText(text);
    QCOMPARE(p.articles.size(), 4);
    const QStringList titles{u"清溪区召开全会"_s, u"滨江大桥合龙"_s, u"湿地公园开园"_s, u"春耕忙"_s};
    const QStringList pages{u"1"_s, u"03"_s, u"03"_s, u"A4"_s};
    const QStringList names{u"要闻"_s, u"综合新闻"_s, u"综合新闻"_s, QString()};
    const QList<int> firstLines{3, 8, 12, 18};
    const QStringList fileLines = text.split(u'\n');
    for (int a = 0; a < 4; ++a) {
        const Article &article = p.articles.at(a);
        QCOMPARE(article.title, titles.at(a));
        QCOMPARE(article.page, pages.at(a));
        QCOMPARE(article.pageName, names.at(a));
        QCOMPARE(article.firstLine, firstLines.at(a));
        QVERIFY(article.kicker.isEmpty() && article.subtitles.isEmpty()); // the page line is no headline's part
        for (const Block &b : article.blocks) {
            QVERIFY2(!b.text.contains(u'版'), qPrintable(b.text)); // nor any paragraph's text
            // Every block's raw text is the file's lines at its line numbers.
            QCOMPARE(b.raw, fileLines.mid(b.firstLine - 1, b.lastLine - b.firstLine + 1).join(u'\n'));
        }
    }
    QCOMPARE(p.articles.at(1).blocks.front().firstLine, 10);
    // The same file without its page lines: no page, as before.
    const ParsedIssue plain =
        parseIssueText(text.split(u'\n').mid(2).join(u'\n').remove(u"第03版 综合新闻\n"_s).remove(u"A4版\n"_s));
    QVERIFY(std::all_of(plain.articles.cbegin(), plain.articles.cend(),
                        [](const Article &a) { return a.page.isEmpty() && a.pageName.isEmpty(); }));
}

void TestPageHeader::parse_corpus_namesNoPage()
{
    // The five corpus files print no page line: none of their articles gets a page (and their articles, pinned
    // in tst_issueparser, are unchanged).
    const QDir dir(QStringLiteral(DUBAO_CORPUS_DIR));
    const QStringList files = dir.entryList({u"*.txt"_s}, QDir::Files);
    QCOMPARE(files.size(), 5);
    for (const QString &name : files) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const ParsedIssue p = parseIssueText(QString::fromUtf8(f.readAll()));
        QVERIFY(!p.articles.isEmpty());
        for (const Article &a : p.articles)
            QVERIFY2(a.page.isEmpty() && a.pageName.isEmpty(), qPrintable(name + u": "_s + a.page));
    }
}

void TestPageHeader::library_ofVersion19_migratedAndReparseFillsPages()
{
    // A library made before pages were stored (schema 19, parser 4): opening it adds the columns (schema 20, NULL
    // for every article); a re-parse fills them from the stored issue file; the repository reads them back.
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    const QString issuePath = dir.filePath(u"2023-03-05.txt"_s);
    {
        QFile f(issuePath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(kIssueWithPages.toUtf8());
    }
    const QString path = dir.filePath(u"lib.sqlite"_s);
    qint64 issueId = 0;
    {
        Library library;
        QVERIFY(library.open(path));
        const ImportReport report = Importer(library).importPaths({issuePath});
        QCOMPARE(report.imported.size(), 1);
        issueId = report.imported.front().issueId;
        const QList<std::pair<QString, QString>> imported{{u"1"_s, u"要闻"_s}, {u"03"_s, u"综合新闻"_s}};
        QCOMPARE(storedPages(library), imported);
        QVERIFY(test::dropSchemaVersion20(library.database()));
        QSqlQuery q(library.database());
        QVERIFY(q.exec(u"UPDATE issues SET parser_version = 4"_s));
        QVERIFY(q.exec(u"PRAGMA user_version = 19"_s));
    }
    Library library;
    const Result<void> opened = library.open(path);
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message()));
    QVERIFY(Library::currentSchemaVersion() >= 20); // the version that added the pages
    const QList<std::pair<QString, QString>> none{{u"NULL"_s, u"NULL"_s}, {u"NULL"_s, u"NULL"_s}};
    QCOMPARE(storedPages(library), none);
    const ReparseReport report = IssueReplacer(library).reparseAll();
    QVERIFY(report.failed.isEmpty());
    QCOMPARE(report.changed, 1);
    const std::optional<StoredIssue> stored = IssueRepository(library).issue(issueId);
    QVERIFY(stored);
    QCOMPARE(stored->parsed.articles.size(), 2);
    QCOMPARE(stored->parsed.articles.at(0).page, u"1"_s);
    QCOMPARE(stored->parsed.articles.at(0).pageName, u"要闻"_s);
    QCOMPARE(stored->parsed.articles.at(1).page, u"03"_s);
    QCOMPARE(stored->parsed.articles.at(1).pageName, u"综合新闻"_s);
    QCOMPARE(IssueRepository(library).article(stored->parsed.articles.at(1).id)->page, u"03"_s);
}

void TestPageHeader::exports_giveThePage()
{
    // A highlight in the article on page 03 (综合新闻) and one in an article of a file without pages: the citation
    // formats give the first its page and section, the data formats its page as printed, the documents' citation
    // line "p. 3 (综合新闻)"; the second has no page anywhere.
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir dir;
    const QString withPages = dir.filePath(u"2023-03-05.txt"_s);
    const QString without = dir.filePath(u"2023-03-06.txt"_s);
    for (const auto &[path, text] :
         {std::pair{withPages, kIssueWithPages},
          std::pair{without, u"湿地公园开园\n\n本报讯(滨江日报记者 赵三)3月6日,湿地公园开园迎客。\n"_s}}) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text.toUtf8());
    }
    Library library;
    QVERIFY(library.open(dir.filePath(u"lib.sqlite"_s)));
    const ImportReport report = Importer(library).importPaths({withPages, without});
    QCOMPARE(report.imported.size(), 2);
    AnnotationRepository annotations(library);
    for (const ImportReport::Imported &imported : report.imported) {
        const std::optional<StoredIssue> stored = IssueRepository(library).issue(imported.issueId);
        QVERIFY(stored);
        const Article &article = stored->parsed.articles.last();
        QVERIFY(annotations.addHighlight(article.blocks.front().id, 0, 4).ok());
    }
    const Result<ExportDocument> document = ExcerptCollector(library).collect({});
    QVERIFY(document.ok());
    QCOMPARE(document->excerpts.size(), 2);
    const Excerpt &paged = document->excerpts.at(0).articleTitle == u"滨江大桥合龙"_s ? document->excerpts.at(0)
                                                                                      : document->excerpts.at(1);
    const Excerpt &plain = &paged == &document->excerpts.at(0) ? document->excerpts.at(1) : document->excerpts.at(0);
    QCOMPARE(paged.page, u"03"_s);
    QCOMPARE(paged.pageName, u"综合新闻"_s);
    QVERIFY(plain.page.isEmpty());

    const QJsonArray csl = QJsonDocument::fromJson(test::writeToBytes(u"csljson"_s, *document)).array();
    QCOMPARE(csl.size(), 2);
    for (const QJsonValue &item : csl) {
        const QJsonObject o = item.toObject();
        if (o.value(u"title"_s).toString() == u"滨江大桥合龙"_s) {
            QCOMPARE(o.value(u"page"_s).toString(), u"3"_s);
            QCOMPARE(o.value(u"section"_s).toString(), u"综合新闻"_s);
        } else {
            QVERIFY(!o.contains(u"page"_s) && !o.contains(u"section"_s));
        }
    }
    const QString ris = QString::fromUtf8(test::writeToBytes(u"ris"_s, *document));
    QCOMPARE(ris.count(u"SP  - "_s), 1);
    QVERIFY(ris.contains(u"TI  - 滨江大桥合龙\r\n"_s));
    QVERIFY(ris.contains(u"SP  - 3\r\nSE  - 综合新闻\r\n"_s));
    const QJsonArray json =
        QJsonDocument::fromJson(test::writeToBytes(u"json"_s, *document)).object().value(u"entries"_s).toArray();
    QStringList jsonPages;
    for (const QJsonValue &e : json) {
        const QJsonObject article = e.toObject().value(u"article"_s).toObject();
        jsonPages.append(article.value(u"page"_s).toString(u"null"_s) + u'/' +
                         article.value(u"pageName"_s).toString(u"null"_s));
    }
    jsonPages.sort();
    QCOMPARE(jsonPages, (QStringList{u"03/综合新闻"_s, u"null/null"_s}));
    const QString csv = QString::fromUtf8(test::writeToBytes(u"csv"_s, *document));
    QVERIFY(csv.contains(u",\"03\",\"综合新闻\"\r\n"_s) || csv.contains(u",03,综合新闻\r\n"_s));
    for (const QString &format : {u"md"_s, u"html"_s}) {
        const QString text = QString::fromUtf8(test::writeToBytes(format, *document));
        QVERIFY2(text.contains(u"p. 3 (综合新闻), “滨江大桥合龙”"_s), qPrintable(text));
        QCOMPARE(text.count(u"p. "_s), 1);
    }
}

QTEST_GUILESS_MAIN(TestPageHeader)
#include "tst_pageheader.moc"
