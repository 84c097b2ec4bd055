// The parser on other papers' habits (issue 15): bylines and datelines as Chinese papers write them, paragraph ends
// decided from the layout, and the year with its evidence and certainty. Every example is short and made up for the
// test; the held-out set of real reports is scored by tests/bench/score_papers (docs/parser.md).
#include "core/parse/issuefile.h"
#include "core/parse/issueparser.h"
#include "core/parse/yearevidence.h"

#include <QTest>

using namespace dubao;
using namespace Qt::StringLiterals;

class TestOtherPapers : public QObject
{
    Q_OBJECT

private slots:
    void byline_data();
    void byline();
    void byline_publicationFromBracket();
    void paragraph_shortColumnLineEndsParagraph();
    void paragraph_fullColumnLineIsCut();
    void paragraph_openingPhraseBeginsParagraph();
    void paragraph_wrappedLinesSplitAtShortLineAndIndent();
    void paragraph_shortFirstHalfIsNoHeadline();
    void masthead_datesTheIssue();
    void year_eraTermsConflictingWithMention_uncertain();
    void year_weekdayPicksYear();
    void year_weekdayAgainstMention_uncertain();
    void year_pathDate();
    void year_pathFolderYear();
    void year_pathWithNumberIsNoDate();
    void signature_data();
    void signature();
    void year_digitsSplitByOcrSpaces();
    void year_neighboursDateTheIssue();
    void year_neighboursAgainstMention_uncertain();
    void year_neighboursMakeAnUncertainYearCertain();
};

namespace {

const Article &firstArticle(const ParsedIssue &p)
{
    static const Article none;
    return p.articles.isEmpty() ? none : p.articles.front();
}

QStringList bodies(const Article &a)
{
    QStringList out;
    for (const Block &b : a.blocks) {
        if (b.kind == BlockKind::Body)
            out.append(b.text);
    }
    return out;
}

} // namespace

void TestOtherPapers::byline_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QStringList>("reporters");
    QTest::addColumn<QString>("date");
    QTest::addColumn<QString>("body");
    QTest::newRow("日报讯, 全媒体记者, spaced name")
        << u"青溪日报讯(全媒体记者 罗 远)4月2日,全市召开会议。"_s << u"青溪日报讯"_s << QStringList{u"罗远"_s}
        << u"04-02"_s << u"4月2日，全市召开会议。"_s;
    QTest::newRow("网讯, role glued to the name") << u"青溪网讯(融媒体记者王小禾)5月9日,活动启动。"_s << u"青溪网讯"_s
                                                  << QStringList{u"王小禾"_s} << u"05-09"_s << u"5月9日，活动启动。"_s;
    QTest::newRow("报讯 with a place") << u"本报青溪讯(特约记者 林一 通讯员 周航)6月1日,项目开工。"_s << u"本报讯"_s
                                       << QStringList{u"林一"_s, u"周航"_s} << u"06-01"_s << u"6月1日，项目开工。"_s;
    QTest::newRow("date in the source") << u"青溪新闻网3月8日讯(青溪晚报记者 陈默 文/摄)作为活动之一,展览开幕。"_s
                                        << u"青溪新闻网讯"_s << QStringList{u"陈默"_s} << u"03-08"_s
                                        << u"作为活动之一，展览开幕。"_s;
    QTest::newRow("dateline before the bracket")
        << u"本报讯 7月3日(记者 赵一、钱二 实习生 孙三)全区开展检查。"_s << u"本报讯"_s
        << QStringList{u"赵一"_s, u"钱二"_s, u"孙三"_s} << u"07-03"_s << u"全区开展检查。"_s;
    QTest::newRow("no bracket, dateline after") << u"本报讯 11月6日,全县召开座谈会。"_s << u"本报讯"_s << QStringList{}
                                                << u"11-06"_s << u"11月6日，全县召开座谈会。"_s;
    QTest::newRow("agency 电") << u"新华社青溪10月2日电(记者 吴丁)今天,大桥通车。"_s << u"新华社"_s
                               << QStringList{u"吴丁"_s} << u"10-02"_s << u"今天，大桥通车。"_s;
    QTest::newRow("客户端 电 with a place")
        << u"青溪客户端北岸9月23日电(青报·青网记者 甲乙丙 丁戊)今天,采访启动。"_s << u"青溪客户端"_s
        << QStringList{u"甲乙丙"_s, u"丁戊"_s} << u"09-23"_s << u"今天，采访启动。"_s;
    QTest::newRow("客户端消息") << u"青溪客户端消息 近日,名单公布。"_s << u"青溪客户端消息"_s << QStringList{}
                                << QString() << u"近日，名单公布。"_s;
    QTest::newRow("客户端消息 with its reporters")
        << u"新青溪-青溪日报客户端消息（融媒体记者 孙 八 实习生 周九）5月1日,节日开幕。"_s
        << u"新青溪-青溪日报客户端消息"_s << QStringList{u"孙八"_s, u"周九"_s} << u"05-01"_s << u"5月1日，节日开幕。"_s;
    QTest::newRow("据 报道") << u"据青溪日报报道,3月5日,新桥落成。"_s << u"青溪日报"_s << QStringList{} << u"03-05"_s
                             << u"据青溪日报报道，3月5日，新桥落成。"_s;
    QTest::newRow("bracket only") << u"(记者 方圆 通讯员 李正)2月1日,春运开始。"_s << QString()
                                  << QStringList{u"方圆"_s, u"李正"_s} << u"02-01"_s << u"2月1日，春运开始。"_s;
    QTest::newRow("Traditional") << u"本報訊(青溪晚報全媒體記者 張明)1月30日,天氣轉冷。"_s << u"本報訊"_s
                                 << QStringList{u"張明"_s} << u"01-30"_s << u"1月30日，天氣轉冷。"_s;
}

void TestOtherPapers::byline()
{
    QFETCH(QString, line);
    const ParsedIssue p = parseIssueText(u"标题一\n\n"_s + line + u"\n"_s);
    const Article &a = firstArticle(p);
    QCOMPARE(a.title, u"标题一"_s);
    QVERIFY(a.byline);
    QTEST(a.byline->source, "source");
    QTEST(a.byline->reporters, "reporters");
    QTEST(a.byline->date, "date");
    QCOMPARE(bodies(a).size(), 1);
    QTEST(bodies(a).front(), "body");
}

void TestOtherPapers::byline_publicationFromBracket()
{
    // The publication is the paper's own (讯), not a wire's agency (电).
    const ParsedIssue own = parseIssueText(u"标题一\n\n青溪网讯(青溪日报记者 林一)3月5日,甲。\n"_s);
    QCOMPARE(own.issue.publication, u"青溪日报"_s);
    const ParsedIssue wire = parseIssueText(u"标题一\n\n新华社青溪3月5日电(新华社记者 林一)甲。\n"_s);
    QCOMPARE(wire.issue.publication, QString());
}

void TestOtherPapers::paragraph_shortColumnLineEndsParagraph()
{
    // The OCR put a space at every column wrap (width 8): a paragraph whose last line is short ended there, even
    // without its full stop.
    const QString text =
        u"标题一\n\n本报讯(青溪日报记者 林一)3月5日,甲乙丙丁戊己 庚辛壬癸子丑寅卯 辰巳午未申酉戌亥 "
        u"天地玄黄宇宙洪荒 日月盈昃辰宿列张 寒来暑往\n\n秋收冬藏闰余成岁 律吕调阳云腾致雨 露结为霜金生丽水 "
        u"玉出昆冈。\n"_s;
    const QStringList b = bodies(firstArticle(parseIssueText(text)));
    QCOMPARE(b.size(), 2);
    QVERIFY(b[0].endsWith(u"寒来暑往"_s));
}

void TestOtherPapers::paragraph_fullColumnLineIsCut()
{
    // The same file, the first half ending at the column's end: one paragraph cut by the OCR.
    const QString text = u"标题一\n\n本报讯(青溪日报记者 林一)3月5日,甲乙丙丁戊己 庚辛壬癸子丑寅卯 辰巳午未申酉戌亥 "
                         u"天地玄黄宇宙洪荒 日月盈昃辰宿列张\n\n秋收冬藏闰余成岁 律吕调阳云腾致雨 露结为霜金生丽水 "
                         u"玉出昆冈。\n"_s;
    const QStringList b = bodies(firstArticle(parseIssueText(text)));
    QCOMPARE(b.size(), 1);
    QVERIFY(b[0].contains(u"列张秋收"_s));
}

void TestOtherPapers::paragraph_openingPhraseBeginsParagraph()
{
    // Two paragraphs that lost their full stops; the next ones open with a report's opening phrases.
    const QString text = u"标题一\n\n本报讯(青溪日报记者 林一)3月5日,全区开展检查\n\n据称,检查持续三天\n\n"
                         u"17日下午,大桥通车。\n"_s;
    const QStringList b = bodies(firstArticle(parseIssueText(text)));
    QCOMPARE(b, (QStringList{u"3月5日，全区开展检查"_s, u"据称，检查持续三天"_s, u"17日下午，大桥通车。"_s}));
}

void TestOtherPapers::paragraph_wrappedLinesSplitAtShortLineAndIndent()
{
    // Lines wrapped at 10 characters, no blank line between paragraphs: a short line ends one, an indent begins one.
    const QString text =
        u"标题一\n\n本报讯 3月5日,甲乙丙\n丁戊己庚辛壬癸子丑\n寅卯辰巳。\n天地玄黄宇宙洪荒日月\n盈昃辰宿列张寒来暑往\n"
        u"　　秋收冬藏闰余成岁\n律吕调阳云腾致雨露结\n为霜。\n"_s;
    const QStringList b = bodies(firstArticle(parseIssueText(text)));
    QCOMPARE(
        b, (QStringList{u"3月5日，甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳。"_s, u"天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往"_s,
                        u"秋收冬藏闰余成岁律吕调阳云腾致雨露结为霜。"_s}));
}

void TestOtherPapers::paragraph_shortFirstHalfIsNoHeadline()
{
    const QString text = u"标题一\n\n本报讯(青溪日报记者 林一)3月5日,会议召开。\n\n来自全区各街道的代表和\n\n"
                         u"群众共二百人参加,会议持续一天。\n"_s;
    const ParsedIssue p = parseIssueText(text);
    QCOMPARE(p.articles.size(), 1);
    QCOMPARE(bodies(p.articles[0]).size(), 2);
    QCOMPARE(bodies(p.articles[0])[1], u"来自全区各街道的代表和群众共二百人参加，会议持续一天。"_s);
}

void TestOtherPapers::masthead_datesTheIssue()
{
    const ParsedIssue p = parseIssueText(u"今日8版 第1200期 星期三 2024年1月31日\n\n标题一\n\n"
                                         u"本报讯(青溪晚报记者 张明)1月30日,天气转冷。\n"_s);
    QCOMPARE(p.articles.size(), 1);
    QCOMPARE(p.articles[0].title, u"标题一"_s);
    QCOMPARE(p.issue.date, QDate(2024, 1, 31));
    QVERIFY(!p.issue.dateInferred);
}

void TestOtherPapers::year_eraTermsConflictingWithMention_uncertain()
{
    // November, with pandemic terms that end in 2022, and a range of coming years "2023年—2024年": the era terms and
    // the plan range agree on 2022 against the one mention of 2023 — 2022, uncertain, with 2023 and the evidence.
    const ParsedIssue p = parseIssueText(u"标题一\n\n本报讯(青溪日报记者 林一)11月13日,坚持动态清零,落实二十条措施,"
                                         u"公布2023年—2024年试点名单。\n"_s);
    QCOMPARE(p.issue.date, QDate(2022, 11, 13));
    QVERIFY(p.issue.dateInferred);
    QVERIFY(p.issue.dateUncertain());
    QCOMPARE(p.issue.yearAlternatives, QList<int>{2023});
    QList<YearEvidence::Kind> kinds;
    for (const YearEvidence &e : p.issue.yearEvidence)
        kinds.append(e.kind);
    QVERIFY(kinds.contains(YearEvidence::Kind::YearMention));
    QVERIFY(kinds.contains(YearEvidence::Kind::EraTerm));
    QVERIFY(kinds.contains(YearEvidence::Kind::PlanRange));
}

void TestOtherPapers::year_weekdayPicksYear()
{
    // No year named; 新冠肺炎 allows 2020–2022 and 3月5日 fell on a Saturday only in 2022 among them.
    const ParsedIssue p =
        parseIssueText(u"标题一\n\n本报讯(青溪日报记者 林一)3月5日(星期六),会议部署新冠肺炎疫情防控工作。\n"_s);
    QCOMPARE(p.issue.date, QDate(2022, 3, 5));
    QVERIFY(p.issue.dateInferred);
    QVERIFY(!p.issue.dateUncertain());
}

void TestOtherPapers::year_weekdayAgainstMention_uncertain()
{
    // The text names 2021, but 3月5日 was a Friday in 2021; the weekday says Sunday: 2023 or 2017 fit.
    const ParsedIssue p = parseIssueText(u"标题一\n\n本报讯(青溪日报记者 林一)3月5日 星期日,回顾2021年工作。\n"_s);
    QCOMPARE(p.issue.date.year(), 2021);
    QVERIFY(p.issue.dateUncertain());
    QVERIFY(p.issue.yearAlternatives.contains(2023));
}

void TestOtherPapers::year_pathDate()
{
    const QByteArray bytes = u"标题一\n\n本报讯(青溪日报记者 林一)1月13日,会议召开。\n"_s.toUtf8();
    const IssueFileResult r = parseIssueBytes(bytes, u"/papers/青溪日报/20120114_a1.txt"_s);
    QVERIFY(r.ok);
    QCOMPARE(r.issue.issue.date, QDate(2012, 1, 13));
    QVERIFY(r.issue.issue.dateInferred);
    QVERIFY(!r.issue.issue.dateUncertain());
    QCOMPARE(r.issue.issue.yearEvidence.front().kind, YearEvidence::Kind::Path);
}

void TestOtherPapers::year_pathFolderYear()
{
    // The folder names 2019; the text names 2017: the folder's year, with the text's as the alternative.
    const QByteArray bytes = u"标题一\n\n本报讯(青溪日报记者 林一)1月13日,回顾2017年工作。\n"_s.toUtf8();
    const IssueFileResult r = parseIssueBytes(bytes, u"/papers/2019/a1.txt"_s);
    QVERIFY(r.ok);
    QCOMPARE(r.issue.issue.date, QDate(2019, 1, 13));
    QVERIFY(r.issue.issue.dateUncertain());
    QCOMPARE(r.issue.issue.yearAlternatives, QList<int>{2017});
}

void TestOtherPapers::year_pathWithNumberIsNoDate()
{
    const QByteArray bytes = u"标题一\n\n本报讯(青溪日报记者 林一)1月13日,会议召开。\n"_s.toUtf8();
    const IssueFileResult r = parseIssueBytes(bytes, u"/tmp/set-2000/a1.txt"_s);
    QVERIFY(r.ok);
    QVERIFY(!r.issue.issue.date.isValid());
}

void TestOtherPapers::signature_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("reporters");
    QTest::addColumn<QStringList>("bodies");
    QTest::addColumn<QString>("note"); ///< the note block's text, as cleaned
    const QString head = u"标题一\n\n本报讯 3月5日,会议召开。\n\n会议要求,抓好落实。"_s;
    const QStringList two{u"3月5日，会议召开。"_s, u"会议要求，抓好落实。"_s};
    QTest::newRow("after-last-sentence") << head + u"(郑涛)\n"_s << QStringList{u"郑涛"_s} << two << u"（郑涛）"_s;
    QTest::newRow("own-line-roles-ocr-spaces")
        << head + u"\n\n(记者 王一 李 二 通讯员 张三)\n"_s << QStringList{u"王一"_s, u"李二"_s, u"张三"_s} << two
        << u"（记者王一李二通讯员张三）"_s;
    QTest::newRow("full-width-enumeration")
        << head + u"（郑涛、王一）\n"_s << QStringList{u"郑涛"_s, u"王一"_s} << two << u"（郑涛、王一）"_s;
    QTest::newRow("added-to-the-byline's")
        << u"标题一\n\n本报讯(记者 林一)3月5日,会议召开。\n\n会议要求,抓好落实。(林一 郑涛)\n"_s
        << QStringList{u"林一"_s, u"郑涛"_s} << two << u"（林一郑涛）"_s;
    // Not signatures: an editor's note, a credit, brackets inside a sentence.
    QTest::newRow("editor-note") << head + u"(本报有删节)\n"_s << QStringList{} << two << u"（本报有删节）"_s;
    QTest::newRow("credit") << head + u"\n\n(青溪日报供图)\n"_s << QStringList{} << two << QString();
    QTest::newRow("to-be-continued") << head + u"(待续)\n"_s << QStringList{}
                                     << QStringList{two[0], two[1] + u"（待续）"_s} << QString();
    QTest::newRow("inside-sentence") << u"标题一\n\n本报讯 3月5日,会议召开。\n\n会议要求,各单位执行有关办法(试行)\n"_s
                                     << QStringList{} << QStringList{two[0], u"会议要求，各单位执行有关办法（试行）"_s}
                                     << QString();
}

void TestOtherPapers::signature()
{
    QFETCH(QString, text);
    QFETCH(QStringList, reporters);
    QFETCH(QStringList, bodies);
    QFETCH(QString, note);
    const ParsedIssue parsed = parseIssueText(text);
    const Article &a = firstArticle(parsed);
    QCOMPARE(a.byline ? a.byline->reporters : QStringList(), reporters);
    QCOMPARE(::bodies(a), bodies);
    QString notes;
    for (const Block &b : a.blocks) {
        if (b.kind == BlockKind::Note)
            notes += b.text;
    }
    QCOMPARE(notes, note);
}

void TestOtherPapers::year_digitsSplitByOcrSpaces()
{
    // The OCR put a space inside the year ("2 021年") and the month ("1 1月"): read as 2021 and November.
    const ParsedIssue stated =
        parseIssueText(u"青溪日报 2 021年1 1月13日 星期六\n\n标题一\n\n本报讯 1 1月12日,会议召开。\n"_s);
    QCOMPARE(stated.issue.date, QDate(2021, 11, 13));
    QVERIFY(!stated.issue.dateInferred);
    const ParsedIssue named = parseIssueText(u"标题一\n\n本报讯(青溪日报记者 林一)3月5日,会议回顾2 02 1年工作。\n"_s);
    QCOMPARE(named.issue.date, QDate(2021, 3, 5));
    QVERIFY(named.issue.dateInferred);
    // In the byline's dateline, and a full date in the text matching it states the year.
    const ParsedIssue byline =
        parseIssueText(u"标题一\n\n本报讯(青溪日报记者 林一)1 1月12日,会议传达2 021年1 1月12日文件精神。\n"_s);
    QCOMPARE(firstArticle(byline).byline->date, u"11-12"_s);
    QCOMPARE(byline.issue.date, QDate(2021, 11, 12));
    QVERIFY(!byline.issue.dateInferred);
}

namespace {

IssueInfo statedIssue(int year, int month, int day)
{
    IssueInfo info;
    info.month = month;
    info.day = day;
    info.yearEvidence = {YearEvidence{YearEvidence::Kind::StatedDate, year, year, u"stated"_s}};
    parse::decideYear(info);
    return info;
}

} // namespace

void TestOtherPapers::year_neighboursDateTheIssue()
{
    // Between 2021-12-30 and 2022-01-01, an issue of 12月31日 without a year is of 2021; across the new year, one of
    // 1月1日 between 2021-12-31 and 2022-01-02 is of 2022.
    IssueInfo info = parseIssueText(u"标题一\n\n本报讯(青溪日报记者 林一)12月31日,会议召开。\n"_s).issue;
    QVERIFY(!info.date.isValid());
    const IssueInfo before = statedIssue(2021, 12, 30);
    const IssueInfo after = statedIssue(2022, 1, 1);
    parse::addNeighbourEvidence(info, &before, &after);
    QCOMPARE(info.date, QDate(2021, 12, 31));
    QVERIFY(info.dateInferred);
    QVERIFY(!info.dateUncertain());
    QCOMPARE(info.yearEvidence.back().kind, YearEvidence::Kind::Neighbours);
    QCOMPARE(info.yearEvidence.back().text, u"2021-12-30, 2022-01-01"_s);

    IssueInfo newYear = parseIssueText(u"标题一\n\n本报讯(青溪日报记者 林一)1月1日,会议召开。\n"_s).issue;
    const IssueInfo lastOfYear = statedIssue(2021, 12, 31);
    parse::addNeighbourEvidence(newYear, &lastOfYear, nullptr);
    QCOMPARE(newYear.date, QDate(2022, 1, 1));
    // Neighbours that disagree, or are far away, or are themselves inferred, tell nothing.
    IssueInfo alone = parseIssueText(u"标题一\n\n本报讯(青溪日报记者 林一)6月1日,会议召开。\n"_s).issue;
    const IssueInfo far = statedIssue(2021, 1, 10);
    IssueInfo guessed = statedIssue(2021, 6, 2);
    guessed.dateInferred = true;
    parse::addNeighbourEvidence(alone, &far, &guessed);
    QVERIFY(!alone.date.isValid());
    // A stated date is left alone.
    IssueInfo own = statedIssue(2020, 6, 1);
    const IssueInfo copy = own;
    const IssueInfo next = statedIssue(2021, 6, 2);
    parse::addNeighbourEvidence(own, nullptr, &next);
    QCOMPARE(own, copy);
}

void TestOtherPapers::year_neighboursAgainstMention_uncertain()
{
    // The text names 2019 (and nothing explains it); the issues beside it are of 2021: dated 2021, flagged with 2019.
    IssueInfo info = parseIssueText(u"标题一\n\n本报讯(青溪日报记者 林一)3月5日,会议回顾2019年工作。\n"_s).issue;
    QCOMPARE(info.date, QDate(2019, 3, 5));
    const IssueInfo before = statedIssue(2021, 3, 4);
    const IssueInfo after = statedIssue(2021, 3, 6);
    parse::addNeighbourEvidence(info, &before, &after);
    QCOMPARE(info.date, QDate(2021, 3, 5));
    QVERIFY(info.dateUncertain());
    QCOMPARE(info.yearAlternatives, QList<int>{2019});
}

void TestOtherPapers::year_neighboursMakeAnUncertainYearCertain()
{
    // As issue 003: November, a plan range 2023—2024 beside 动态清零 and 二十条措施: 2022, uncertain with 2023 ...
    IssueInfo info = parseIssueText(u"标题一\n\n本报讯(青溪日报记者 林一)11月13日,坚持动态清零,落实二十条措施,"
                                    u"列入2023年—2024年建设名单。\n"_s)
                         .issue;
    QCOMPARE(info.date, QDate(2022, 11, 13));
    QVERIFY(info.dateUncertain());
    // ... and certain when the issues beside it state 2022.
    const IssueInfo before = statedIssue(2022, 11, 12);
    const IssueInfo after = statedIssue(2022, 11, 14);
    parse::addNeighbourEvidence(info, &before, &after);
    QCOMPARE(info.date, QDate(2022, 11, 13));
    QVERIFY(!info.dateUncertain());
}

QTEST_GUILESS_MAIN(TestOtherPapers)
#include "tst_otherpapers.moc"
