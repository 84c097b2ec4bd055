// Re-anchoring as pure functions: each path (position, exact quote with context, fuzzy, context, orphan) and
// the paragraph changes it must survive (split, join, removed article).
#include "core/annotate/anchoring.h"

#include <QTest>

using namespace dubao;
using namespace dubao::anchoring;
using namespace Qt::StringLiterals;

namespace {

const QString kP1 = u"永川区委常委会召开会议，传达贯彻全市推动制造业高质量发展大会精神，研究部署相关工作。"_s;
const QString kP2 = u"区委书记张智奎主持会议。区委副书记、区长常晓勇，区委副书记蔡焱，区委常委出席。"_s;
const QString kP3 = u"会议指出，实行垃圾分类，是社会文明水平的重要体现，关系广大人民群众生活环境，关系节约使用资源。"_s;

QList<ArticleText> issue(const QStringList &blocks, const QString &title = u"常委会会议"_s)
{
    return {ArticleText{u"另一篇"_s, {u"天气晴朗，适宜出行。"_s}}, ArticleText{title, blocks}};
}

/// Anchor of `quote` (its first occurrence) in block `block` of article 1.
TextAnchor anchorOf(const QList<ArticleText> &texts, int block, const QString &quote)
{
    const int start = int(texts.at(1).blocks.at(block).indexOf(quote));
    Q_ASSERT(start >= 0);
    return makeAnchor(texts.at(1), 1, block, start, start + int(quote.size()));
}

/// Where `placement` lands: {block, start, end} of the largest part.
BlockSpan landing(const QList<ArticleText> &texts, const Placement &p)
{
    return largestSpan(blockSpans(texts.at(p.article).blocks, p.articleStart, p.articleEnd));
}

} // namespace

class TestAnchoring : public QObject
{
    Q_OBJECT

private slots:
    void makeAnchor_storesQuoteContextAndOffsets();
    void makeAnchor_neverCutsASurrogatePair();
    void editDistance_countsEdits();
    void findApproximate_findsWithinBound_andNotBeyond();
    void reanchor_unchangedText_byPosition();
    void reanchor_textInsertedBefore_byExactQuote();
    void reanchor_repeatedQuote_contextPicksTheRightOne();
    void reanchor_shortQuoteWithoutMatchingContext_orphan();
    void reanchor_ocrCorrectionInsideQuote_fuzzy();
    void reanchor_shortQuoteCorrected_byContext();
    void reanchor_paragraphDeleted_orphan();
    void reanchor_articleRemoved_orphan();
    void reanchor_articleMoved_followsByTitle();
    void reanchor_paragraphSplitInTwo_highlightFollowsItsHalf();
    void reanchor_paragraphSplitInTwo_crossingHighlightGoesToLargerHalf();
    void reanchor_twoParagraphsJoined_highlightsFollowIntoJoined();
};

void TestAnchoring::makeAnchor_storesQuoteContextAndOffsets()
{
    const auto texts = issue({kP1, kP2});
    const TextAnchor a = anchorOf(texts, 1, u"张智奎"_s);
    QCOMPARE(a.quote, u"张智奎"_s);
    QCOMPARE(a.start, 4);
    QCOMPARE(a.end, 7);
    QCOMPARE(a.blockPosition, 1);
    QCOMPARE(a.articlePosition, 1);
    QCOMPARE(a.articleTitle, u"常委会会议"_s);
    QCOMPARE(a.articleStart, int(kP1.size()) + 4);
    QCOMPARE(a.prefix.size(), anchorContextLength());
    QVERIFY(a.prefix.endsWith(u"工作。区委书记"_s)); // context runs across the paragraph boundary
    QVERIFY(a.suffix.startsWith(u"主持会议"_s));
}

void TestAnchoring::makeAnchor_neverCutsASurrogatePair()
{
    // 𠀀 (U+20000) is two UTF-16 units; put it where the prefix would start.
    const QString block = u"𠀀"_s + QString(anchorContextLength() - 1, u'一') + u"引文"_s;
    const ArticleText article{u"t"_s, {block}};
    const int start = int(block.size()) - 2;
    const TextAnchor a = makeAnchor(article, 0, 0, start, start + 2);
    QCOMPARE(a.quote, u"引文"_s);
    QVERIFY(!a.prefix.isEmpty());
    QVERIFY(!a.prefix.front().isLowSurrogate());
}

void TestAnchoring::editDistance_countsEdits()
{
    QCOMPARE(editDistance(u"高质量发展", u"高质量发展"), 0);
    QCOMPARE(editDistance(u"高质量发展", u"高贡量发展"), 1);
    QCOMPARE(editDistance(u"高质量发展", u"高质量发"), 1);
    QCOMPARE(editDistance(u"", u"abc"), 3);
    QCOMPARE(similarity(u"abcd", u"abxd"), 0.75);
}

void TestAnchoring::findApproximate_findsWithinBound_andNotBeyond()
{
    const QString text = u"传达贯彻全市推动制造业高质量发展大会精神"_s;
    const auto one = findApproximate(u"制造亚高质量", text, 1);
    QCOMPARE(one.size(), 1);
    QCOMPARE(one.front().start, int(text.indexOf(u"制造业")));
    QCOMPARE(one.front().end, int(text.indexOf(u"发展")));
    QCOMPARE(one.front().errors, 1);
    QVERIFY(findApproximate(u"制造亚高贡量", text, 1).isEmpty());
    QCOMPARE(findApproximate(u"制造亚高贡量", text, 2).size(), 1);
}

void TestAnchoring::reanchor_unchangedText_byPosition()
{
    const auto texts = issue({kP1, kP2, kP3});
    const TextAnchor a = anchorOf(texts, 2, u"社会文明水平"_s);
    const Placement p = locate(a, texts);
    QCOMPARE(p.method, Method::Position);
    QCOMPARE(p.article, 1);
    QCOMPARE(landing(texts, p), (BlockSpan{2, a.start, a.end}));
}

void TestAnchoring::reanchor_textInsertedBefore_byExactQuote()
{
    const auto before = issue({kP1, kP2, kP3});
    const TextAnchor a = anchorOf(before, 2, u"社会文明水平"_s);
    const auto after = issue({u"新增的一段文字。"_s + kP1, kP2, kP3});
    const Placement p = locate(a, after);
    QCOMPARE(p.method, Method::Quote);
    QCOMPARE(landing(after, p), (BlockSpan{2, a.start, a.end}));
}

void TestAnchoring::reanchor_repeatedQuote_contextPicksTheRightOne()
{
    // "区委副书记" occurs twice in kP2; the anchor is on the second.
    const auto before = issue({kP1, kP2});
    const int second = int(kP2.indexOf(u"区委副书记", kP2.indexOf(u"区委副书记") + 1));
    const TextAnchor a = makeAnchor(before.at(1), 1, 1, second, second + 5);
    const auto after = issue({u"前言。"_s + kP1, kP2}); // offsets shift, both occurrences still there
    const Placement p = locate(a, after);
    QCOMPARE(p.method, Method::Quote);
    QCOMPARE(landing(after, p), (BlockSpan{1, second, second + 5}));
}

void TestAnchoring::reanchor_shortQuoteWithoutMatchingContext_orphan()
{
    const auto before = issue({kP1, kP2});
    const TextAnchor a = anchorOf(before, 1, u"会议"_s); // 2 characters: needs its context
    // The paragraph is gone; "会议" still occurs in kP1 but with different context.
    const auto after = issue({kP1});
    QVERIFY(!locate(a, after).found());
}

void TestAnchoring::reanchor_ocrCorrectionInsideQuote_fuzzy()
{
    const QString ocr = u"传达贯彻全市推动制造亚高质量发展大会精神"_s; // 亚 misread for 业
    const auto before = issue({u"永川区委常委会召开会议，"_s + ocr + u"，研究部署相关工作。"_s, kP2});
    const TextAnchor a = anchorOf(before, 0, ocr);
    const auto after = issue({kP1, kP2});
    const Placement p = locate(a, after);
    QCOMPARE(p.method, Method::Fuzzy);
    const BlockSpan span = landing(after, p);
    QCOMPARE(span.block, 0);
    QCOMPARE(kP1.mid(span.start, span.length()), u"传达贯彻全市推动制造业高质量发展大会精神"_s);
}

void TestAnchoring::reanchor_shortQuoteCorrected_byContext()
{
    const QString wrong = kP2;
    QString old = wrong;
    old.replace(u"张智奎"_s, u"张智圭"_s); // the name was misread
    const auto before = issue({kP1, old});
    const TextAnchor a = anchorOf(before, 1, u"智圭"_s); // 2 characters, one of them wrong
    const auto after = issue({kP1, kP2});
    const Placement p = locate(a, after);
    QCOMPARE(p.method, Method::Context);
    const BlockSpan span = landing(after, p);
    QCOMPARE(kP2.mid(span.start, span.length()), u"智奎"_s);
}

void TestAnchoring::reanchor_paragraphDeleted_orphan()
{
    const auto before = issue({kP1, kP2, kP3});
    const TextAnchor a = anchorOf(before, 1, u"区长常晓勇"_s);
    QVERIFY(!locate(a, issue({kP1, kP3})).found());
}

void TestAnchoring::reanchor_articleRemoved_orphan()
{
    const auto before = issue({kP1, kP2, kP3});
    const TextAnchor a = anchorOf(before, 2, u"关系广大人民群众生活环境"_s);
    const QList<ArticleText> after{before.front()};
    QVERIFY(!locate(a, after).found());
}

void TestAnchoring::reanchor_articleMoved_followsByTitle()
{
    const auto before = issue({kP1, kP2});
    const TextAnchor a = anchorOf(before, 1, u"区委常委出席"_s);
    const QList<ArticleText> after{before.at(1), before.at(0)}; // article order swapped
    const Placement p = locate(a, after);
    QVERIFY(p.found());
    QCOMPARE(p.article, 0);
    QCOMPARE(landing(after, p).block, 1);
}

void TestAnchoring::reanchor_paragraphSplitInTwo_highlightFollowsItsHalf()
{
    const auto before = issue({kP1, kP3});
    const int cut = int(kP3.indexOf(u"关系广大"));
    const auto after = issue({kP1, kP3.left(cut), kP3.mid(cut)});
    const TextAnchor first = anchorOf(before, 1, u"实行垃圾分类"_s);
    const TextAnchor second = anchorOf(before, 1, u"节约使用资源"_s);
    const Placement p1 = locate(first, after);
    const Placement p2 = locate(second, after);
    QCOMPARE(p1.method, Method::Position); // the article text is the same: nothing moved in it
    QCOMPARE(landing(after, p1), (BlockSpan{1, first.start, first.end}));
    QCOMPARE(landing(after, p2), (BlockSpan{2, second.start - cut, second.end - cut}));
}

void TestAnchoring::reanchor_paragraphSplitInTwo_crossingHighlightGoesToLargerHalf()
{
    const auto before = issue({kP3});
    const int cut = int(kP3.indexOf(u"关系广大"));
    const auto after = issue({kP3.left(cut), kP3.mid(cut)});
    // 2 characters before the cut, 6 after it.
    const TextAnchor a = makeAnchor(before.at(1), 1, 0, cut - 2, cut + 6);
    const Placement p = locate(a, after);
    QVERIFY(p.found());
    const auto spans = blockSpans(after.at(1).blocks, p.articleStart, p.articleEnd);
    QCOMPARE(spans.size(), 2);
    QCOMPARE(largestSpan(spans), (BlockSpan{1, 0, 6}));
}

void TestAnchoring::reanchor_twoParagraphsJoined_highlightsFollowIntoJoined()
{
    const auto before = issue({kP1, kP2, kP3});
    const auto after = issue({kP1 + kP2, kP3});
    const TextAnchor inSecond = anchorOf(before, 1, u"区长常晓勇"_s);
    const TextAnchor inThird = anchorOf(before, 2, u"社会文明水平"_s);
    const Placement p = locate(inSecond, after);
    QCOMPARE(landing(after, p), (BlockSpan{0, int(kP1.size()) + inSecond.start, int(kP1.size()) + inSecond.end}));
    QCOMPARE(landing(after, locate(inThird, after)), (BlockSpan{1, inThird.start, inThird.end}));
}

QTEST_GUILESS_MAIN(TestAnchoring)
#include "tst_anchoring.moc"
