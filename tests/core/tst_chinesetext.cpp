// Character classes and the pure text repairs the parser builds on.
#include "core/text/chinesetext.h"

#include <QTest>

using namespace dubao::text;
using namespace Qt::StringLiterals;

class TestChineseText : public QObject
{
    Q_OBJECT

private slots:
    void isHan_classifiesIdeographsOnly();
    void endsSentence_data();
    void endsSentence();
    void foldToSimplified_traditionalFolded_lengthKept();
    void foldToSimplified_simplifiedAndLatin_unchanged();
    void cleanCaption_creditSpaceKept();
    void cleanBody_fullWidthDigitsAndLatin_spacesBetweenWordsKept();
    void cleanBody_apostropheInLatinWord_kept();
    void removeSpaces_allWhitespaceKinds();
};

void TestChineseText::isHan_classifiesIdeographsOnly()
{
    QVERIFY(isHan(u'永'));
    QVERIFY(isHan(u'贏'));
    QVERIFY(!isHan(u'a'));
    QVERIFY(!isHan(u'。'));
    QVERIFY(!isHan(u'1'));
    QVERIFY(isCjkPunctuation(u'。'));
    QVERIFY(!isCjkPunctuation(u','));
}

void TestChineseText::endsSentence_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ends");
    QTest::newRow("full stop") << u"会议召开。"_s << true;
    QTest::newRow("question") << u"如何做?"_s << true;
    QTest::newRow("quote after stop") << u"他说：“好。”"_s << true;
    QTest::newRow("trailing spaces") << u"会议召开。  "_s << true;
    QTest::newRow("cut mid word") << u"市“两会”期"_s << false;
    QTest::newRow("cut after comma") << u"查链、找人,"_s << false;
    QTest::newRow("quote without stop") << u"经济发展的\"压"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void TestChineseText::endsSentence()
{
    QFETCH(QString, text);
    QTEST(dubao::text::endsSentence(text), "ends");
}

void TestChineseText::foldToSimplified_traditionalFolded_lengthKept()
{
    const QString traditional = u"本報訊(渝西都市報記者)會議強調共贏"_s;
    const QString folded = foldToSimplified(traditional);
    QCOMPARE(folded, u"本报讯(渝西都市报记者)会议强调共赢"_s);
    QCOMPARE(folded.size(), traditional.size());
}

void TestChineseText::foldToSimplified_simplifiedAndLatin_unchanged()
{
    const QString text = u"永川区 GDP 增长6.3%，“两会”"_s;
    QCOMPARE(foldToSimplified(text), text);
}

void TestChineseText::cleanCaption_creditSpaceKept()
{
    QCOMPARE(cleanCaptionText(u"清溪 新区效果图。  清溪区规划局 供图"_s), u"清溪新区效果图。 清溪区规划局供图"_s);
}

void TestChineseText::cleanBody_fullWidthDigitsAndLatin_spacesBetweenWordsKept()
{
    QCOMPARE(cleanBodyText(u"２０２３年 ＧＤＰ 增长 5 %"_s), u"２０２３年ＧＤＰ增长5%"_s);
    QCOMPARE(cleanBodyText(u"Made in China 2025 计划"_s), u"Made in China 2025计划"_s);
}

void TestChineseText::cleanBody_apostropheInLatinWord_kept()
{
    QCOMPARE(cleanBodyText(u"他说 'it's fine' 很好"_s), u"他说‘it's fine’很好"_s);
}

void TestChineseText::removeSpaces_allWhitespaceKinds()
{
    QCOMPARE(removeSpaces(u"徐 灵\t记\u3000者"_s), u"徐灵记者"_s);
}

QTEST_GUILESS_MAIN(TestChineseText)
#include "tst_chinesetext.moc"
