// The issue parser: each rule on its own (texts written for the test), then the five corpus files article by
// article, as read by hand.
#include "core/parse/issueparser.h"
#include "core/text/chinesetext.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace dubao;
using namespace Qt::StringLiterals;

namespace {

// "B10-12 H14-14" → kinds and line ranges, for compact expectations.
QString blockSpec(const Article &a)
{
    QStringList parts;
    for (const Block &b : a.blocks) {
        const QChar letter = blockKindName(b.kind).at(0).toUpper();
        parts.append(QStringLiteral("%1%2-%3").arg(letter).arg(b.firstLine).arg(b.lastLine));
    }
    return parts.join(u' ');
}

QString readCorpus(const QString &prefix)
{
    const QDir dir(QStringLiteral(DUBAO_CORPUS_DIR));
    const QStringList files = dir.entryList({prefix + u"_*.txt"_s}, QDir::Files);
    if (files.size() != 1)
        return {};
    QFile f(dir.filePath(files.front()));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

struct ExpectedArticle
{
    QString kicker;
    QString title;
    QStringList subtitles;
    QString source; // empty: no byline
    QStringList reporters;
    QString bylineDate;
    QString blocks;
};

} // namespace

class TestIssueParser : public QObject
{
    Q_OBJECT

private slots:
    // --- rules, one at a time ---
    void headline_markdownMarkers_stripped();
    void headline_threeLines_kickerTitleSubtitle();
    void headline_twoLines_titleAndAttendanceSubtitle();
    void headline_twoLines_kickerThatReportsSpeech();
    void headline_dashLine_isSubtitle();
    void headline_hardBreak_joinedWithSpace();
    void byline_twoReportersOneSplitByOcr_twoNames();
    void byline_spacedRoleAndDate_parsed();
    void byline_commentator_hasNoBody();
    void byline_wire_sourceAndBody();
    void byline_prefix_removedFromParagraphText();
    void join_cutMidSentence_joined();
    void join_cutAcrossPictureAndCaption_joined();
    void join_afterFullStop_notJoined();
    void join_paragraphOpenerAfterLostFullStop_notJoined();
    void join_shortFragmentAfterCut_joined();
    void despace_betweenChineseCharacters_removed();
    void despace_betweenChineseAndDigits_removed();
    void despace_latinWords_spaceKept();
    void despace_headlinePhrases_spaceKept();
    void punctuation_halfWidthInChinese_fullWidth();
    void punctuation_numbers_untouched();
    void quotes_straight_pairedAcrossJoin();
    void note_trailingEditorsNote_ownBlock();
    void caption_credit_captionBlock();
    void heading_afterByline_isHeadingBlock();
    void compiledFeature_speechBeforeItsHeading_movedUnderIt();
    void compiledFeature_speechWithLostHeading_staysInPlace();
    void raw_keepsFileTextAndLineNumbers();
    void date_fullDateInText_notInferred();
    void date_yearFromContext_inferred();
    void date_noYearAnywhere_null();
    void date_annualReviewEarlyInYear_countsNextYear();
    void publication_fromByline();
    void parse_emptyText_noArticles();
    void parse_isDeterministic();

    // --- the corpus, read by hand ---
    void corpus_articles_data();
    void corpus_articles();
    void corpus_issueDates_data();
    void corpus_issueDates();
    void corpus_repairs();
};

void TestIssueParser::headline_markdownMarkers_stripped()
{
    const ParsedIssue p = parseIssueText(u"## 清溪区召开全会\n\n本报讯(滨江日报记者 林一)3月5日,清溪区召开全会。\n"_s);
    QCOMPARE(p.articles.size(), 1);
    QCOMPARE(p.articles[0].title, u"清溪区召开全会"_s);
    QVERIFY(p.articles[0].blocks[0].raw.startsWith(u"本报讯"_s));
}

void TestIssueParser::headline_threeLines_kickerTitleSubtitle()
{
    const ParsedIssue p = parseIssueText(
        u"清溪区委召开常委会\n\n扎实推进春耕生产 稳住粮食基本盘\n\n王某某主持\n\n本报讯(滨江日报记者 林一)3月5日,会议召开。\n"_s);
    QCOMPARE(p.articles.size(), 1);
    QCOMPARE(p.articles[0].kicker, u"清溪区委召开常委会"_s);
    QCOMPARE(p.articles[0].title, u"扎实推进春耕生产 稳住粮食基本盘"_s);
    QCOMPARE(p.articles[0].subtitles, QStringList{u"王某某主持"_s});
}

void TestIssueParser::headline_twoLines_titleAndAttendanceSubtitle()
{
    const ParsedIssue p =
        parseIssueText(u"清溪区调研春耕生产\n\n李某率队\n\n本报讯(滨江日报记者 林一)3月5日,调研组来到清溪。\n"_s);
    QCOMPARE(p.articles.size(), 1);
    QVERIFY(p.articles[0].kicker.isEmpty());
    QCOMPARE(p.articles[0].title, u"清溪区调研春耕生产"_s);
    QCOMPARE(p.articles[0].subtitles, QStringList{u"李某率队"_s});
}

void TestIssueParser::headline_twoLines_kickerThatReportsSpeech()
{
    const ParsedIssue p = parseIssueText(
        u"王某某在调研春耕工作时强调\n\n不误农时 抓好春耕\n\n本报讯(滨江日报记者 林一)3月5日,王某某调研春耕。\n"_s);
    QCOMPARE(p.articles.size(), 1);
    QCOMPARE(p.articles[0].kicker, u"王某某在调研春耕工作时强调"_s);
    QCOMPARE(p.articles[0].title, u"不误农时 抓好春耕"_s);
    QVERIFY(p.articles[0].subtitles.isEmpty());
}

void TestIssueParser::headline_dashLine_isSubtitle()
{
    const ParsedIssue p = parseIssueText(u"## 把春耕抓紧抓实\n\n——系列评论之一\n\n本报评论员\n\n春耕不等人。\n"_s);
    QCOMPARE(p.articles.size(), 1);
    QCOMPARE(p.articles[0].title, u"把春耕抓紧抓实"_s);
    QCOMPARE(p.articles[0].subtitles, QStringList{u"——系列评论之一"_s});
}

void TestIssueParser::headline_hardBreak_joinedWithSpace()
{
    const ParsedIssue p =
        parseIssueText(u"抓好春耕生产  \n稳住粮食基本盘\n\n本报讯(滨江日报记者 林一)3月5日,会议召开。\n"_s);
    QCOMPARE(p.articles.size(), 1);
    QCOMPARE(p.articles[0].title, u"抓好春耕生产 稳住粮食基本盘"_s);
}

void TestIssueParser::byline_twoReportersOneSplitByOcr_twoNames()
{
    const ParsedIssue p = parseIssueText(u"标题一\n\n本报讯(滨江日报记者 林一鸣 周 航)3月5日,会议召开。\n"_s);
    QVERIFY(p.articles[0].byline);
    QCOMPARE(p.articles[0].byline->reporters, (QStringList{u"林一鸣"_s, u"周航"_s}));
    QCOMPARE(p.articles[0].byline->source, u"本报讯"_s);
}

void TestIssueParser::byline_spacedRoleAndDate_parsed()
{
    const ParsedIssue p = parseIssueText(u"标题一\n\n本报讯(滨江日报记 者 林一)12 月9日, 会议召开。\n"_s);
    QVERIFY(p.articles[0].byline);
    QCOMPARE(p.articles[0].byline->reporters, QStringList{u"林一"_s});
    QCOMPARE(p.articles[0].byline->date, u"12-09"_s);
    QCOMPARE(p.articles[0].byline->raw, u"本报讯(滨江日报记 者 林一)"_s);
    QCOMPARE(p.issue.publication, u"滨江日报"_s);
}

void TestIssueParser::byline_commentator_hasNoBody()
{
    const ParsedIssue p = parseIssueText(u"## 把春耕抓紧抓实\n\n本报评论员\n\n春耕不等人。\n\n农时要抓紧。\n"_s);
    QVERIFY(p.articles[0].byline);
    QCOMPARE(p.articles[0].byline->source, u"本报评论员"_s);
    QVERIFY(p.articles[0].byline->reporters.isEmpty());
    QCOMPARE(blockSpec(p.articles[0]), u"B5-5 B7-7"_s);
}

void TestIssueParser::byline_wire_sourceAndBody()
{
    const ParsedIssue p = parseIssueText(u"清溪入选试点\n\n滨江网-客户端消息 近日,清溪区入选试点。\n"_s);
    QVERIFY(p.articles[0].byline);
    QCOMPARE(p.articles[0].byline->source, u"滨江网-客户端消息"_s);
    QCOMPARE(p.articles[0].blocks.size(), 1);
    QCOMPARE(p.articles[0].blocks[0].text, u"近日，清溪区入选试点。"_s);
}

void TestIssueParser::byline_prefix_removedFromParagraphText()
{
    const ParsedIssue p = parseIssueText(u"标题一\n\n本报讯(滨江日报记者 林一)3月5日,会议召开。\n"_s);
    QCOMPARE(p.articles[0].blocks[0].text, u"3月5日，会议召开。"_s);
    QCOMPARE(p.articles[0].blocks[0].raw, u"本报讯(滨江日报记者 林一)3月5日,会议召开。"_s);
}

void TestIssueParser::join_cutMidSentence_joined()
{
    const ParsedIssue p =
        parseIssueText(u"标题一\n\n会议强调,要抓好春耕生产,确保粮\n\n食安全。\n\n会议还研究了其他事项。\n"_s);
    QCOMPARE(blockSpec(p.articles[0]), u"B3-5 B7-7"_s);
    QCOMPARE(p.articles[0].blocks[0].text, u"会议强调，要抓好春耕生产，确保粮食安全。"_s);
}

void TestIssueParser::join_cutAcrossPictureAndCaption_joined()
{
    const ParsedIssue p =
        parseIssueText(u"标题一\n\n项目建成后,将惠及\n\n\n\n清溪水库全景。 滨江日报记者 林一 摄\n\n周边三个镇。\n"_s);
    QCOMPARE(blockSpec(p.articles[0]), u"B3-9 C7-7"_s);
    QCOMPARE(p.articles[0].blocks[0].text, u"项目建成后，将惠及周边三个镇。"_s);
    QCOMPARE(p.articles[0].blocks[1].kind, BlockKind::Caption);
}

void TestIssueParser::join_afterFullStop_notJoined()
{
    const ParsedIssue p = parseIssueText(u"标题一\n\n会议强调,要抓好春耕。\n\n要稳住粮食生产,确保丰收。\n"_s);
    QCOMPARE(blockSpec(p.articles[0]), u"B3-3 B5-5"_s);
}

void TestIssueParser::join_paragraphOpenerAfterLostFullStop_notJoined()
{
    const ParsedIssue p =
        parseIssueText(u"标题一\n\n会议要求,要积极营造良好氛围\n\n会议强调,要抓好春耕。\n\n区领导林一等参加调研。\n"_s);
    QCOMPARE(blockSpec(p.articles[0]), u"B3-3 B5-5 B7-7"_s);
}

void TestIssueParser::join_shortFragmentAfterCut_joined()
{
    // The second half is short and has no punctuation, like a headline, but it continues the paragraph.
    const ParsedIssue p =
        parseIssueText(u"标题一\n\n会议强调,要抓好春耕生产和\n\n粮食储备工作\n\n会议还研究了其他事项。\n"_s);
    QCOMPARE(blockSpec(p.articles[0]), u"B3-5 B7-7"_s);
}

void TestIssueParser::despace_betweenChineseCharacters_removed()
{
    QCOMPARE(text::cleanBodyText(u"区委书记潘 文峰出席。各镇街设 分会场。"_s),
             u"区委书记潘文峰出席。各镇街设分会场。"_s);
}

void TestIssueParser::despace_betweenChineseAndDigits_removed()
{
    QCOMPARE(text::cleanBodyText(u"12 月19日,新设 2024 年度项目 3 个"_s), u"12月19日，新设2024年度项目3个"_s);
}

void TestIssueParser::despace_latinWords_spaceKept()
{
    QCOMPARE(text::cleanBodyText(u"使用 New Energy 技术,容量 1 000 千瓦"_s), u"使用New Energy技术，容量1 000千瓦"_s);
}

void TestIssueParser::despace_headlinePhrases_spaceKept()
{
    QCOMPARE(text::cleanHeadlineText(u"  聚力主战场   点燃主引擎 "_s), u"聚力主战场 点燃主引擎"_s);
}

void TestIssueParser::punctuation_halfWidthInChinese_fullWidth()
{
    QCOMPARE(text::cleanBodyText(u"会议指出,要(一)抓好;(二)落实:行不行?行!"_s),
             u"会议指出，要（一）抓好；（二）落实：行不行？行！"_s);
}

void TestIssueParser::punctuation_numbers_untouched()
{
    QCOMPARE(text::cleanBodyText(u"投资1,200万元,时间10:30"_s), u"投资1,200万元，时间10:30"_s);
}

void TestIssueParser::quotes_straight_pairedAcrossJoin()
{
    const ParsedIssue p = parseIssueText(u"标题一\n\n他强调,春耕是\"压\n\n舱石\"。要\"早\"字当头。\n"_s);
    QCOMPARE(p.articles[0].blocks.size(), 1);
    QCOMPARE(p.articles[0].blocks[0].text, u"他强调，春耕是“压舱石”。要“早”字当头。"_s);
}

void TestIssueParser::note_trailingEditorsNote_ownBlock()
{
    const ParsedIssue p = parseIssueText(u"标题一\n\n项目将于年底完工。 (本报有删节)\n"_s);
    QCOMPARE(blockSpec(p.articles[0]), u"B3-3 N3-3"_s);
    QCOMPARE(p.articles[0].blocks[0].text, u"项目将于年底完工。"_s);
    QCOMPARE(p.articles[0].blocks[1].text, u"（本报有删节）"_s);
}

void TestIssueParser::caption_credit_captionBlock()
{
    const ParsedIssue p =
        parseIssueText(u"标题一\n\n正文一段。\n\n\n\n清溪新区效果图。 清溪区规划局供图\n\n正文二段。\n"_s);
    QCOMPARE(blockSpec(p.articles[0]), u"B3-3 C7-7 B9-9"_s);
    QCOMPARE(p.articles[0].blocks[1].text, u"清溪新区效果图。 清溪区规划局供图"_s);
}

void TestIssueParser::heading_afterByline_isHeadingBlock()
{
    const ParsedIssue p =
        parseIssueText(u"## 把春耕抓紧抓实\n\n本报评论员\n\n春耕系列  \n抓好粮食生产\n\n春耕不等人。\n"_s);
    QCOMPARE(p.articles.size(), 1);
    QCOMPARE(blockSpec(p.articles[0]), u"H5-6 B8-8"_s);
    QCOMPARE(p.articles[0].blocks[0].text, u"春耕系列 抓好粮食生产"_s);
}

static const char16_t *const kCompiledFeature = u"清溪区部门负责人这样说\n\n"
                                                u"3月5日,清溪区召开季度例会,以下是发言摘要。\n\n"
                                                u"稳投资 促发展\n\n"
                                                u"清溪区发展改革委党组书记、主任 林一\n\n"
                                                u"清溪区发展改革委上半年完成投资10亿元。\n\n"
                                                u"清溪区交通局上半年建成道路20公里。\n\n"
                                                u"畅通道路 服务群众\n\n"
                                                u"清溪区交通局党委书记、局长 周航\n\n"
                                                u"抓产业 强实体\n\n"
                                                u"清溪区经济信息委党组书记、主任 王某\n\n"
                                                u"清溪区经济信息委上半年新增企业5家。\n\n"
                                                u"上半年,全区消费增长6%。\n";

void TestIssueParser::compiledFeature_speechBeforeItsHeading_movedUnderIt()
{
    const ParsedIssue p = parseIssueText(QString::fromUtf16(kCompiledFeature));
    QCOMPARE(p.articles.size(), 1);
    // Intro, then sections heading/speaker/speech; the 交通局 speech (line 11) moved under its heading (13/15).
    QCOMPARE(blockSpec(p.articles[0]), u"B3-3 H5-5 S7-7 B9-9 H13-13 S15-15 B11-11 H17-17 S19-19 B21-21 B23-23"_s);
    QCOMPARE(p.articles[0].blocks[2].text, u"清溪区发展改革委党组书记、主任 林一"_s);
}

void TestIssueParser::compiledFeature_speechWithLostHeading_staysInPlace()
{
    const ParsedIssue p = parseIssueText(QString::fromUtf16(kCompiledFeature));
    const Block &last = p.articles[0].blocks.back();
    QCOMPARE(last.firstLine, 23);
    QCOMPARE(last.kind, BlockKind::Body);
    QVERIFY(last.text.startsWith(u"上半年"_s));
}

void TestIssueParser::raw_keepsFileTextAndLineNumbers()
{
    const QString text = u"\n## 标题一\n\n本报讯(滨江日报记者 林一)3月5日,会议 强调,要抓\n\n\n好春耕。\n"_s;
    const ParsedIssue p = parseIssueText(text);
    const Block &b = p.articles[0].blocks[0];
    QCOMPARE(b.firstLine, 4);
    QCOMPARE(b.lastLine, 7);
    QCOMPARE(b.raw, u"本报讯(滨江日报记者 林一)3月5日,会议 强调,要抓\n\n\n好春耕。"_s);
    QCOMPARE(b.text, u"3月5日，会议强调，要抓好春耕。"_s);
    QCOMPARE(p.articles[0].firstLine, 2);
    QCOMPARE(p.articles[0].lastLine, 7);
}

void TestIssueParser::date_fullDateInText_notInferred()
{
    const ParsedIssue p = parseIssueText(u"标题一\n\n本报讯(滨江日报记者 林一)3月5日,2021年3月5日召开会议。\n"_s);
    QCOMPARE(p.issue.date, QDate(2021, 3, 5));
    QVERIFY(!p.issue.dateInferred);
}

void TestIssueParser::date_yearFromContext_inferred()
{
    const ParsedIssue p =
        parseIssueText(u"标题一\n\n本报讯(滨江日报记者 林一)6月14日,研究2019年迎峰度夏和2020年规划。\n"_s);
    QCOMPARE(p.issue.date, QDate(2020, 6, 14));
    QVERIFY(p.issue.dateInferred);
    QCOMPARE(p.issue.month, 6);
    QCOMPARE(p.issue.day, 14);
}

void TestIssueParser::date_noYearAnywhere_null()
{
    const ParsedIssue p = parseIssueText(u"标题一\n\n本报讯(滨江日报记者 林一)6月14日,会议召开。\n"_s);
    QVERIFY(!p.issue.date.isValid());
    QCOMPARE(p.issue.month, 6);
    QCOMPARE(p.issue.day, 14);
}

void TestIssueParser::date_annualReviewEarlyInYear_countsNextYear()
{
    const ParsedIssue p = parseIssueText(u"标题一\n\n本报讯(滨江日报记者 林一)2月20日,召开2022年度民主生活会。\n"_s);
    QCOMPARE(p.issue.date, QDate(2023, 2, 20));
    QVERIFY(p.issue.dateInferred);
}

void TestIssueParser::publication_fromByline()
{
    const ParsedIssue p = parseIssueText(
        u"标题一\n\n本报讯(滨江日报记者 林一)3月5日,甲。\n\n标题二\n\n本报讯(滨江日报记者 周航)3月5日,乙。\n"_s);
    QCOMPARE(p.articles.size(), 2);
    QCOMPARE(p.issue.publication, u"滨江日报"_s);
}

void TestIssueParser::parse_emptyText_noArticles()
{
    QVERIFY(parseIssueText(QString()).articles.isEmpty());
    QVERIFY(parseIssueText(u"\n \n\t\n"_s).articles.isEmpty());
}

void TestIssueParser::parse_isDeterministic()
{
    const QString text = readCorpus(u"002"_s);
    QVERIFY2(!text.isEmpty(), "the corpus has no 002_*.txt");
    QCOMPARE(parseIssueText(text), parseIssueText(text));
}

void TestIssueParser::corpus_articles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("index");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("kicker");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QStringList>("subtitles");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QStringList>("reporters");
    QTest::addColumn<QString>("bylineDate");
    QTest::addColumn<QString>("blocks");

    const QList<std::pair<QString, QList<ExpectedArticle>>> files = {
        {u"000"_s,
         {{u"永川区委常委会召开会议"_s,
           u"优化产业体系和产业布局 高水平建设现代制造业基地 在推动制造业高质量发展中打头阵挑重担作示范"_s,
           {u"区委书记张智奎主持"_s},
           u"本报讯"_s,
           {u"彭禹乔"_s},
           u"06-14"_s,
           u"B10-10 B12-12 B14-14 B16-16 B18-20 B22-24 B26-26"_s},
          {u""_s,
           u"坚决扛起生态环境保护政治责任 以高水平保护推动高质量发展"_s,
           {u"永川区政府召开第35次常务会议 常晓勇主持"_s},
           u"本报讯"_s,
           {u"涂燕"_s},
           u"06-14"_s,
           u"B33-33 B35-35 B37-41 B43-45 B47-47"_s},
          {u""_s,
           u"国家有关部委来永联合调研农村供水水质保障工作"_s,
           {u"许德志率队"_s},
           u"本报讯"_s,
           {u"张金辉"_s},
           u"06-14"_s,
           u"B53-53 B55-55 B57-59 B61-65"_s}}},
        {u"001"_s,
         {{u"永川区委常委会召开会议"_s,
           u"学习贯彻习近平总书记在中共中央政治局常务委员会会议上的重要讲话精神"_s,
           {u"区委书记张智奎主持"_s},
           u"本报讯"_s,
           {u"彭禹乔"_s},
           u"02-21"_s,
           u"B9-9 B11-11 B13-17 B19-21 B23-23"_s},
          {u""_s,
           u"全力以赴做大经济总量提升发展质量"_s,
           {u"——提速建设“两双”大城“两高”强区系列评论之二"_s},
           u"本报评论员"_s,
           {},
           u""_s,
           u"H31-32 B34-34 B36-36 B38-38 B40-40 B42-42 B44-46 B48-48 B50-50 B52-52"_s},
          {u""_s,
           u"永川区人大常委会机关党组召开2022年度民主生活会"_s,
           {u"潘文峰参加"_s},
           u"本报讯"_s,
           {u"徐灵"_s},
           u"02-20"_s,
           u"B58-58 B60-62 B64-64 B66-70"_s}}},
        {u"002"_s,
         {{u""_s,
           u"永川区镇街书记和部门一把手2023年第二季度例会上这样说"_s,
           {},
           u""_s,
           {},
           u""_s,
           u"B5-5 H7-7 S9-9 B11-17 H19-19 S21-21 B23-25 H31-31 S33-33 B27-29 H35-35 S37-37 B39-41 B43-45 "
           u"H47-47 S49-49 B51-53 H59-59 S61-61 B55-57 H63-63 S65-65 B67-69 B71-73 H75-75 S77-77 B87-89 "
           u"H79-79 S81-81 B83-85"_s}}},
        {u"003"_s,
         {{u"永川区新冠肺炎疫情防控指挥部召开会议"_s,
           u"提高站位保持定力科学精准坚决打赢疫情防控攻坚战"_s,
           {u"张智奎主持并讲话 常晓勇潘文峰文良印出席"_s},
           u"本报讯"_s,
           {u"彭禹乔"_s, u"徐灵"_s},
           u"11-13"_s,
           u"B7-7 B9-11 B13-15 B17-17 B19-19 B21-21"_s},
          {u"常晓勇在调研疫情防控和企业生产工作时强调"_s,
           u"科学精准做好疫情防控 千方百计稳定企业生产"_s,
           {},
           u"本报讯"_s,
           {u"涂燕"_s},
           u"11-14"_s,
           u"B27-27 B29-29 B31-33 B35-37 B39-39 B41-41"_s},
          {u""_s,
           u"永川、城口入选水系连通及水美乡村国家级试点建设县"_s,
           {},
           u"华龙网-新重庆客户端消息"_s,
           {},
           u""_s,
           u"B45-45 B47-47 B49-49 B51-51 C55-55 B57-61 B63-63 B65-65 N65-65"_s}}},
        {u"004"_s,
         {{u"永川区委召开2024年度第三次政党协商座谈会"_s,
           u"推进以人为本的新型城镇化加快培育建设市域副中心城市"_s,
           {u"张智奎出席并讲话 常晓勇主持"_s},
           u"本报讯"_s,
           {u"彭禹乔"_s},
           u"12-19"_s,
           u"B9-9 B11-11 B13-13 B15-15 B17-19 B21-21"_s},
          {u""_s,
           u"推动泸永江融合发展示范区建设2024年领导小组会议召开"_s,
           {u"刘筱柳张智奎唐大军讲话 余先河常晓勇赵光平出席"_s},
           u"本报讯"_s,
           {u"彭禹乔"_s},
           u"12-19"_s,
           u"B27-27 B29-29 B31-31 B33-37 B39-41 B43-45 B47-47"_s}}},
    };
    for (const auto &[file, articles] : files) {
        for (int k = 0; k < articles.size(); ++k) {
            const ExpectedArticle &e = articles[k];
            QTest::addRow("%s/%d", qPrintable(file), k)
                << file << k << int(articles.size()) << e.kicker << e.title << e.subtitles << e.source << e.reporters
                << e.bylineDate << e.blocks;
        }
    }
}

void TestIssueParser::corpus_articles()
{
    QFETCH(QString, file);
    QFETCH(int, index);
    QFETCH(int, count);
    const QString text = readCorpus(file);
    QVERIFY2(!text.isEmpty(), qPrintable(u"the corpus has no %1_*.txt"_s.arg(file)));
    const ParsedIssue p = parseIssueText(text);
    QCOMPARE(p.articles.size(), count);
    const Article &a = p.articles[index];
    QTEST(a.kicker, "kicker");
    QTEST(a.title, "title");
    QTEST(a.subtitles, "subtitles");
    QFETCH(QString, source);
    if (source.isEmpty()) {
        QVERIFY(!a.byline);
    } else {
        QVERIFY(a.byline);
        QCOMPARE(a.byline->source, source);
        QTEST(a.byline->reporters, "reporters");
        QTEST(a.byline->date, "bylineDate");
    }
    QTEST(blockSpec(a), "blocks");
    for (const Block &b : a.blocks) {
        QVERIFY(!b.text.isEmpty());
        QVERIFY(!b.raw.isEmpty());
        QVERIFY(b.firstLine <= b.lastLine);
    }
}

void TestIssueParser::corpus_issueDates_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("publication");
    QTest::addColumn<QDate>("date");
    // No file states its year: every date is inferred from the years the text mentions. 003 (November 2022,
    // by its content) names only "2023年—2024年", a list published before the range starts, and terms of the
    // pandemic's last year (动态清零, 二十条措施): it is dated 2022, with 2023 as the alternative.
    QTest::newRow("000") << u"000"_s << u"渝西都市报"_s << QDate(2023, 6, 14);
    QTest::newRow("001") << u"001"_s << u"渝西都市报"_s << QDate(2023, 2, 21);
    QTest::newRow("002") << u"002"_s << QString() << QDate(2023, 7, 28);
    QTest::newRow("003") << u"003"_s << u"渝西都市报"_s << QDate(2022, 11, 13);
    QTest::newRow("004") << u"004"_s << u"渝西都市报"_s << QDate(2024, 12, 19);
}

void TestIssueParser::corpus_issueDates()
{
    QFETCH(QString, file);
    const QString text = readCorpus(file);
    QVERIFY2(!text.isEmpty(), qPrintable(u"the corpus has no %1_*.txt"_s.arg(file)));
    const ParsedIssue p = parseIssueText(text);
    QTEST(p.issue.publication, "publication");
    QTEST(p.issue.date, "date");
    QVERIFY(p.issue.dateInferred);
    if (file == u"003"_s)
        QCOMPARE(p.issue.yearAlternatives, QList<int>{2023});
}

void TestIssueParser::corpus_repairs()
{
    const QString t000 = readCorpus(u"000"_s);
    const QString t003 = readCorpus(u"003"_s);
    const QString t004 = readCorpus(u"004"_s);
    QVERIFY2(!t000.isEmpty() && !t003.isEmpty() && !t004.isEmpty(), "the corpus has no 000, 003 or 004_*.txt");
    // A join across a column break, in the middle of a word: 期 / 间.
    const ParsedIssue p000 = parseIssueText(t000);
    const ParsedIssue p004 = parseIssueText(t004);
    const Block &joined = p000.articles[0].blocks[4];
    QVERIFY(joined.text.contains(u"在市“两会”期间参加永川代表团"_s));
    QVERIFY(joined.raw.contains(u"期\n\n间参加"_s));
    // De-spacing: "12 月19日", "2024 年度", "以 人为本".
    const Block &first004 = p004.articles[0].blocks[0];
    QVERIFY(first004.raw.contains(u"12 月19日"_s));
    QVERIFY(
        first004.text.startsWith(u"12月19日，中共重庆市永川区委召开2024年度第三次政党协商会议，就加快推进以人为本"_s));
    // A traditional form stays as the file has it.
    bool traditionalKept = false;
    for (const Block &b : p004.articles[1].blocks)
        traditionalKept = traditionalKept || b.text.contains(u"共贏"_s);
    QVERIFY(traditionalKept);
    // Straight quotes paired across the join "…的\"压" / "舱石\"。"
    const ParsedIssue p003 = parseIssueText(t003);
    QVERIFY(p003.articles[1].blocks[3].text.contains(u"“压舱石”"_s));
    // No OCR space survives between two Chinese characters in any body text.
    for (const QString &t : {t000, t003, t004}) {
        const ParsedIssue parsed = parseIssueText(t);
        for (const Article &a : parsed.articles) {
            for (const Block &b : a.blocks) {
                if (b.kind != BlockKind::Body)
                    continue;
                for (qsizetype k = 1; k + 1 < b.text.size(); ++k) {
                    if (b.text[k] == u' ')
                        QVERIFY2(!(text::isHan(b.text[k - 1]) && text::isHan(b.text[k + 1])), qPrintable(b.text));
                }
            }
        }
    }
}

QTEST_GUILESS_MAIN(TestIssueParser)
#include "tst_issueparser.moc"
