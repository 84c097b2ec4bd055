// The reader's pure parts on text written here, no widget: the article document build (block ids, text, parts,
// typesetting, highlights at their ranges, search-match selections), the margins' geometry and hit-testing on a
// document laid out without a view, and the search-match stepper (next, previous, wrap-around, empty).
#include "app/reader/articledocument.h"
#include "app/reader/matchstepper.h"
#include "app/reader/readermargins.h"
#include "core/search/queryparser.h"

#include <QAbstractTextDocumentLayout>
#include <QPalette>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextLayout>

using namespace dubao;
using namespace Qt::StringLiterals;

namespace {

Block block(qint64 id, BlockKind kind, const QString &text)
{
    Block b;
    b.id = id;
    b.kind = kind;
    b.text = text;
    return b;
}

Article sampleArticle()
{
    Article article;
    article.id = 7;
    article.kicker = QStringLiteral("区委常委会召开会议");
    article.title = QStringLiteral("学习贯彻重要讲话精神");
    article.subtitles = {QStringLiteral("区委书记主持")};
    article.byline = Byline{QStringLiteral("本报讯"), {QStringLiteral("张三"), QStringLiteral("李四")}, {}, {}};
    article.blocks = {
        block(101, BlockKind::Body, QStringLiteral("2月21日，区委常委会召开会议。\n会议指出，要抓好落实。")),
        block(102, BlockKind::Heading, QStringLiteral("一、抓好会议精神落实")),
        block(103, BlockKind::Body, QStringLiteral("各部门要认真学习。")),
        block(104, BlockKind::Caption, QStringLiteral("图为會議现场。")),
    };
    return article;
}

ArticleStyle lightStyle()
{
    return {14, 96, QColor(0x20, 0x20, 0x20), QColor(Qt::white)};
}

const ArticleLabels labels{QStringLiteral("(untitled)"), QStringLiteral("Reporters: %1")};

QString shown(const QString &text)
{
    return QString(text).replace(QLatin1Char('\n'), QChar::LineSeparator);
}

ArticlePart partOf(const QTextBlock &block)
{
    return ArticlePart(block.blockFormat().property(PartProperty).toInt());
}

QTextCharFormat charsOf(const QTextBlock &block)
{
    return block.begin().fragment().charFormat();
}

} // namespace

class TestArticleDocument : public QObject
{
    Q_OBJECT

private slots:
    void build_article_headlinePartsThenOneBlockPerParagraphWithItsId();
    void build_byline_joinsSourceReportersAndIssueDate();
    void build_byline_endsWithThePage();
    void build_noTitleNoByline_usesLabelAndPublication();
    void build_placeholder_isOneCentredBlock();
    void build_typesetting_followsTextSizeKindAndTheme();
    void build_again_replacesTheContent();
    void spans_acrossParagraphs_skipHeadlineAndClampToText();
    void highlights_overlap_cutAtBoundariesAndUnderlined();
    void highlights_cleared_paragraphLosesFormats();
    void highlights_sameTagOverlap_deeperWithEdgesAndEveryTagNamed();
    void searchSelections_selectTheMatchesAndMarkTheCurrent();
    void margins_columnAndGutter_followWidthAndTags();
    void margins_hitTesting_findsMarkersWhereTheyAreDrawn();
    void stepper_find_matchesFoldedInReadingOrder();
    void stepper_nextPrevious_wrapAround();
    void stepper_noneCurrent_startsFromCursor();
    void stepper_empty_goesNowhere();
    void stepper_firstFrom_paragraphOrAfter();
};

void TestArticleDocument::build_article_headlinePartsThenOneBlockPerParagraphWithItsId()
{
    const Article article = sampleArticle();
    QTextDocument document;
    buildArticleDocument(document, article, {}, lightStyle(), labels);

    QCOMPARE(document.blockCount(), 4 + int(article.blocks.size())); // kicker, title, subtitle, byline
    QTextBlock block = document.begin();
    const QList<std::pair<ArticlePart, QString>> headline{{ArticlePart::Kicker, article.kicker},
                                                          {ArticlePart::Title, article.title},
                                                          {ArticlePart::Subtitle, article.subtitles.front()}};
    for (const auto &[part, text] : headline) {
        QCOMPARE(partOf(block), part);
        QCOMPARE(block.text(), text);
        QCOMPARE(articleBlockId(block), qint64(0));
        QVERIFY(!block.blockFormat().hasProperty(BlockIdProperty));
        block = block.next();
    }
    QCOMPARE(partOf(block), ArticlePart::Byline);
    QCOMPARE(articleBlockId(block), qint64(0));
    block = block.next();
    for (const Block &paragraph : article.blocks) {
        QVERIFY(block.isValid());
        QCOMPARE(partOf(block), ArticlePart::Paragraph);
        QCOMPARE(articleBlockId(block), paragraph.id);
        QCOMPARE(block.blockFormat().property(BlockKindProperty).toInt(), int(paragraph.kind));
        // A line break inside a paragraph does not start a block, and offsets stay those of the cleaned text.
        QCOMPARE(block.text(), shown(paragraph.text));
        QCOMPARE(block.length() - 1, int(paragraph.text.size()));
        QCOMPARE(findArticleBlock(document, paragraph.id), block);
        block = block.next();
    }
    QVERIFY(!block.isValid());
    QVERIFY(!findArticleBlock(document, 999).isValid());
    QVERIFY(!findArticleBlock(document, 0).isValid());
    QCOMPARE(findArticlePart(document, ArticlePart::Title).text(), article.title);
    QVERIFY(!findArticlePart(document, ArticlePart::Placeholder).isValid());
}

void TestArticleDocument::build_byline_joinsSourceReportersAndIssueDate()
{
    QTextDocument document;
    IssueInfo issue;
    issue.publication = QStringLiteral("渝西都市报");
    issue.date = QDate(2023, 2, 21);
    buildArticleDocument(document, sampleArticle(), issue, lightStyle(), labels);
    const QTextBlock byline = findArticlePart(document, ArticlePart::Byline);
    // With a byline the publication is not repeated.
    QCOMPARE(byline.text(), QStringLiteral("本报讯  ·  Reporters: 张三、李四  ·  2023-02-21"));

    // Without the year the byline's own date, else the issue's month and day.
    Article article = sampleArticle();
    article.byline->date = QStringLiteral("02-20");
    issue.date = {};
    issue.month = 2;
    issue.day = 21;
    buildArticleDocument(document, article, issue, lightStyle(), labels);
    QCOMPARE(findArticlePart(document, ArticlePart::Byline).text(),
             QStringLiteral("本报讯  ·  Reporters: 张三、李四  ·  02-20"));
    article.byline->date.clear();
    buildArticleDocument(document, article, issue, lightStyle(), labels);
    QCOMPARE(findArticlePart(document, ArticlePart::Byline).text(),
             QStringLiteral("本报讯  ·  Reporters: 张三、李四  ·  02-21"));
}

void TestArticleDocument::build_byline_endsWithThePage()
{
    // The page (版次) the issue file names ends the byline, as printed, with its name; none without a page.
    QTextDocument document;
    IssueInfo issue;
    issue.date = QDate(2023, 2, 21);
    Article article = sampleArticle();
    article.page = QStringLiteral("03");
    article.pageName = QStringLiteral("综合新闻");
    const ArticleLabels paged{QStringLiteral("(untitled)"), QStringLiteral("Reporters: %1"), QString(),
                              QStringLiteral("Page %1")};
    buildArticleDocument(document, article, issue, lightStyle(), paged);
    QCOMPARE(findArticlePart(document, ArticlePart::Byline).text(),
             QStringLiteral("本报讯  ·  Reporters: 张三、李四  ·  2023-02-21  ·  Page 03 综合新闻"));
    article.pageName.clear();
    buildArticleDocument(document, article, issue, lightStyle(), paged);
    QCOMPARE(findArticlePart(document, ArticlePart::Byline).text(),
             QStringLiteral("本报讯  ·  Reporters: 张三、李四  ·  2023-02-21  ·  Page 03"));
    article.page.clear();
    buildArticleDocument(document, article, issue, lightStyle(), paged);
    QCOMPARE(findArticlePart(document, ArticlePart::Byline).text(),
             QStringLiteral("本报讯  ·  Reporters: 张三、李四  ·  2023-02-21"));
}

void TestArticleDocument::build_noTitleNoByline_usesLabelAndPublication()
{
    Article article = sampleArticle();
    article.kicker.clear();
    article.title.clear();
    article.subtitles.clear();
    article.byline.reset();
    IssueInfo issue;
    issue.publication = QStringLiteral("渝西都市报");
    QTextDocument document;
    buildArticleDocument(document, article, issue, lightStyle(), {QStringLiteral("（无标题）"), {}});
    QCOMPARE(document.begin().text(), QStringLiteral("（无标题）"));
    QCOMPARE(partOf(document.begin()), ArticlePart::Title);
    QCOMPARE(document.begin().next().text(), QStringLiteral("渝西都市报"));
    QCOMPARE(document.blockCount(), 2 + int(article.blocks.size()));
}

void TestArticleDocument::build_placeholder_isOneCentredBlock()
{
    QTextDocument document;
    buildArticleDocument(document, sampleArticle(), {}, lightStyle(), labels);
    buildPlaceholderDocument(document, QStringLiteral("This library is empty."), lightStyle());
    QCOMPARE(document.blockCount(), 1);
    QCOMPARE(document.toPlainText(), QStringLiteral("This library is empty."));
    QCOMPARE(partOf(document.begin()), ArticlePart::Placeholder);
    QCOMPARE(articleBlockId(document.begin()), qint64(0));
    QVERIFY(document.begin().blockFormat().alignment() & Qt::AlignHCenter);
}

void TestArticleDocument::build_typesetting_followsTextSizeKindAndTheme()
{
    const Article article = sampleArticle();
    ArticleStyle style = lightStyle();
    QTextDocument document;
    buildArticleDocument(document, article, {}, style, labels);
    const QTextBlock body = findArticleBlock(document, 101);
    const QTextBlock heading = findArticleBlock(document, 102);
    const QTextBlock caption = findArticleBlock(document, 104);
    QCOMPARE(charsOf(body).fontPointSize(), qreal(style.textSize));
    QCOMPARE(charsOf(body).foreground().color(), style.text);
    QCOMPARE(body.blockFormat().textIndent(), 2 * style.em()); // a two-character indent
    QCOMPARE(body.blockFormat().lineHeightType(), int(QTextBlockFormat::ProportionalHeight));
    QVERIFY(body.blockFormat().lineHeight() > 100);
    QVERIFY(charsOf(heading).fontWeight() >= QFont::Bold);
    QVERIFY(charsOf(heading).fontPointSize() > style.textSize);
    QVERIFY(charsOf(caption).fontPointSize() < style.textSize);
    QCOMPARE(caption.blockFormat().leftMargin(), 2 * style.em());
    // The kicker and byline are muted: between the text and the paper.
    const QColor muted = charsOf(document.begin()).foreground().color();
    QVERIFY(muted != style.text);
    QVERIFY(muted.lightness() > style.text.lightness() && muted.lightness() < style.paper.lightness());

    // Larger text, another resolution and a dark theme.
    style = {20, 120, QColor(Qt::white), QColor(0x1E, 0x1E, 0x1E)};
    buildArticleDocument(document, article, {}, style, labels);
    const QTextBlock larger = findArticleBlock(document, 101);
    QCOMPARE(charsOf(larger).fontPointSize(), 20.0);
    QCOMPARE(charsOf(larger).foreground().color(), QColor(Qt::white));
    QCOMPARE(larger.blockFormat().textIndent(), 2 * 20 * 120 / 72.0);
}

void TestArticleDocument::build_again_replacesTheContent()
{
    QTextDocument document;
    buildArticleDocument(document, sampleArticle(), {}, lightStyle(), labels);
    Article other;
    other.title = QStringLiteral("另一篇");
    other.blocks = {block(201, BlockKind::Body, QStringLiteral("正文。"))};
    buildArticleDocument(document, other, {}, lightStyle(), labels);
    QCOMPARE(document.blockCount(), 3); // title, byline (empty), the paragraph
    QVERIFY(!findArticleBlock(document, 101).isValid());
    QCOMPARE(findArticleBlock(document, 201).text(), QStringLiteral("正文。"));
}

void TestArticleDocument::spans_acrossParagraphs_skipHeadlineAndClampToText()
{
    const Article article = sampleArticle();
    QTextDocument document;
    buildArticleDocument(document, article, {}, lightStyle(), labels);
    const QTextBlock first = findArticleBlock(document, 101);
    const QTextBlock third = findArticleBlock(document, 103);
    // From inside the title to 4 characters into the third paragraph.
    const QList<TextSpan> spans = articleSpans(document, 2, third.position() + 4);
    QCOMPARE(spans.size(), 3);
    QCOMPARE(spans[0], (TextSpan{101, 0, int(article.blocks[0].text.size())}));
    QCOMPARE(spans[1], (TextSpan{102, 0, int(article.blocks[1].text.size())}));
    QCOMPARE(spans[2], (TextSpan{103, 0, 4}));
    QCOMPARE(articleSpans(document, first.position() + 2, first.position() + 7), (QList<TextSpan>{{101, 2, 7}}));
    QVERIFY(articleSpans(document, 0, 3).isEmpty()); // the headline is not a paragraph

    const QTextCursor cursor = blockSpanCursor(first, 2, 7);
    QCOMPARE(cursor.selectedText(), article.blocks[0].text.mid(2, 5));
    QCOMPARE(blockSpanCursor(first, -3, 1000).selectedText(), shown(article.blocks[0].text)); // clamped
}

void TestArticleDocument::highlights_overlap_cutAtBoundariesAndUnderlined()
{
    QTextDocument document;
    buildArticleDocument(document, sampleArticle(), {}, lightStyle(), labels);
    const QColor paper(Qt::white);
    const QList<HighlightMark> marks{{1, 101, 2, 6, QColor(0x2E86DE)},
                                     {2, 101, 4, 9, QColor(0xE74C3C)},
                                     {3, 103, 0, 3, QColor()},         // no colour: the default yellow
                                     {4, 102, 5, 5, QColor(Qt::red)},  // empty: not drawn
                                     {5, 999, 0, 3, QColor(Qt::red)}}; // not in this article
    applyHighlightFormats(document, marks, paper);

    const QList<QTextLayout::FormatRange> first = findArticleBlock(document, 101).layout()->formats();
    QCOMPARE(first.size(), 3);
    QCOMPARE((std::pair{first[0].start, first[0].length}), (std::pair{2, 2}));
    QCOMPARE((std::pair{first[1].start, first[1].length}), (std::pair{4, 2}));
    QCOMPARE((std::pair{first[2].start, first[2].length}), (std::pair{6, 3}));
    QVERIFY(!first[0].format.fontUnderline());
    QVERIFY(first[1].format.fontUnderline()); // the overlap shows both
    QVERIFY(!first[2].format.fontUnderline());
    // Tints of the tag colours on the paper, not the colours themselves; the overlap blends them.
    const QColor blue = first[0].format.background().color();
    const QColor red = first[2].format.background().color();
    QVERIFY(blue != QColor(0x2E86DE) && blue.blue() > blue.red());
    QVERIFY(red != QColor(0xE74C3C) && red.red() > red.blue());
    const QColor both = first[1].format.background().color();
    QVERIFY(both != blue && both != red);

    const QList<QTextLayout::FormatRange> third = findArticleBlock(document, 103).layout()->formats();
    QCOMPARE(third.size(), 1);
    QCOMPARE((std::pair{third[0].start, third[0].length}), (std::pair{0, 3}));
    QVERIFY(findArticleBlock(document, 102).layout()->formats().isEmpty());
    QVERIFY(document.begin().layout()->formats().isEmpty()); // the headline is never highlighted

    // What is under a position, in the order given.
    const int at = findArticleBlock(document, 101).position();
    QCOMPARE(highlightsAtPosition(document, marks, at + 5), (QList<HighlightMark>{marks[0], marks[1]}));
    QCOMPARE(highlightsAtPosition(document, marks, at + 6), (QList<HighlightMark>{marks[1]}));
    QVERIFY(highlightsAtPosition(document, marks, at + 9).isEmpty());
    QVERIFY(highlightsAtPosition(document, marks, 0).isEmpty());
}

void TestArticleDocument::highlights_sameTagOverlap_deeperWithEdgesAndEveryTagNamed()
{
    // Two highlights with the same tag (so the same tint) overlapping in one paragraph, a third alone in another.
    QTextDocument document;
    buildArticleDocument(document, sampleArticle(), {}, lightStyle(), labels);
    const QColor tag(0x2E86DE);
    const QList<HighlightMark> marks{
        {1, 101, 2, 6, tag, {u"政法"_s}}, {2, 101, 4, 9, tag, {u"政法"_s, u"政法/法院"_s}}, {3, 103, 0, 3, tag, {}}};
    applyHighlightFormats(document, marks, QColor(Qt::white));
    const QList<QTextLayout::FormatRange> first = findArticleBlock(document, 101).layout()->formats();
    QCOMPARE(first.size(), 3);
    const QColor one = first[0].format.background().color();
    const QColor overlap = first[1].format.background().color();
    QCOMPARE(first[2].format.background().color(), one);
    QVERIFY2(overlap.lightness() < one.lightness() - 10, qPrintable(overlap.name() + u" vs "_s + one.name()));

    // Each overlapping highlight shows where it starts and ends; the lone one needs no edge.
    const int at = findArticleBlock(document, 101).position();
    const QList<HighlightEdge> edges = highlightEdges(document, marks);
    QCOMPARE(edges.size(), 4);
    QCOMPARE(edges[0], (HighlightEdge{at + 2, true, tag}));
    QCOMPARE(edges[1], (HighlightEdge{at + 6, false, tag}));
    QCOMPARE(edges[2], (HighlightEdge{at + 4, true, tag}));
    QCOMPARE(edges[3], (HighlightEdge{at + 9, false, tag}));

    // Hovering the overlap names both highlights, each by its own text, and every tag on them.
    const QString text = findArticleBlock(document, 101).text();
    const QString tip = highlightToolTip(document, highlightsAtPosition(document, marks, at + 5));
    QVERIFY2(tip.contains(u"2 highlights"_s), qPrintable(tip));
    QVERIFY2(tip.contains(u"• “"_s + text.mid(2, 4) + u"” 政法\n"_s), qPrintable(tip));
    QVERIFY2(tip.contains(u"• “"_s + text.mid(4, 5) + u"” 政法, 政法/法院"_s), qPrintable(tip));
    QVERIFY(highlightToolTip(document, highlightsAtPosition(document, marks, at + 8)).contains(u"政法/法院"_s));
    QVERIFY(highlightToolTip(document, {}).isEmpty());
    QVERIFY(highlightToolTip(document, {marks[2]}).contains(u"no tag"_s));
    // A long highlight is named by its first 12 characters.
    const HighlightMark longer{4, 101, 0, int(text.size()), tag, {u"政法"_s}};
    QVERIFY(text.size() > 12);
    QVERIFY2(highlightToolTip(document, {longer}).contains(u"“"_s + text.left(12) + u"…”"_s),
             qPrintable(highlightToolTip(document, {longer})));
}

void TestArticleDocument::highlights_cleared_paragraphLosesFormats()
{
    QTextDocument document;
    buildArticleDocument(document, sampleArticle(), {}, lightStyle(), labels);
    applyHighlightFormats(document, {{1, 101, 0, 4, QColor(Qt::green)}}, QColor(Qt::white));
    QVERIFY(!findArticleBlock(document, 101).layout()->formats().isEmpty());
    applyHighlightFormats(document, {{2, 103, 0, 4, QColor(Qt::green)}}, QColor(Qt::white));
    QVERIFY(findArticleBlock(document, 101).layout()->formats().isEmpty());
    QVERIFY(!findArticleBlock(document, 103).layout()->formats().isEmpty());
    applyHighlightFormats(document, {}, QColor(Qt::white));
    QVERIFY(findArticleBlock(document, 103).layout()->formats().isEmpty());
}

void TestArticleDocument::searchSelections_selectTheMatchesAndMarkTheCurrent()
{
    const Article article = sampleArticle();
    QTextDocument document;
    buildArticleDocument(document, article, {}, lightStyle(), labels);
    QPalette palette;
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::Text, Qt::black);
    const QList<TextSpan> matches{{101, 13, 15}, {102, 4, 6}, {999, 0, 2}, {103, 100, 200}};
    const QList<QTextEdit::ExtraSelection> selections = searchMatchSelections(document, matches, 1, palette);
    QCOMPARE(selections.size(), 3); // the match in a paragraph not shown is left out
    QCOMPARE(selections[0].cursor.selectedText(), QStringLiteral("会议"));
    QCOMPARE(selections[1].cursor.selectedText(), QStringLiteral("会议"));
    QVERIFY(!selections[2].cursor.hasSelection()); // clamped to the paragraph's end
    QCOMPARE(selections[0].format.background().color(), searchMatchBackground(palette, false));
    QCOMPARE(selections[1].format.background().color(), searchMatchBackground(palette, true));
    QCOMPARE(selections[1].format.foreground().color(), searchMatchForeground(palette, true));
    QVERIFY(searchMatchBackground(palette, true) != searchMatchBackground(palette, false));
    QVERIFY(searchMatchSelections(document, matches, -1, palette)[1].format.background().color() ==
            searchMatchBackground(palette, false));
    // Dark paper: other colours, white text.
    const QColor light = searchMatchBackground(palette, true);
    palette.setColor(QPalette::Base, QColor(0x1E, 0x1E, 0x1E));
    QVERIFY(searchMatchBackground(palette, true) != light);
    QCOMPARE(searchMatchForeground(palette, false), QColor(Qt::white));
}

void TestArticleDocument::margins_columnAndGutter_followWidthAndTags()
{
    const qreal em = 14 * 96 / 72.0;
    // Wide: the column is MeasureEm wide and centred; tags fit in the side margin.
    const auto [wideSide, wideRight] = ReaderMargins::columnMargins(1200, em, true);
    QCOMPARE(wideSide, (1200 - ReaderMargins::MeasureEm * em) / 2);
    QCOMPARE(wideRight, wideSide);
    // Narrower: at least 1.5 em each side; tags get their gutter on the right, unless the window is too narrow.
    const auto [side, right] = ReaderMargins::columnMargins(500, em, false);
    QCOMPARE(side, 1.5 * em);
    QCOMPARE(right, 1.5 * em);
    // Labels where a readable line (28 characters) and the labels both fit, dots where only the line does.
    QCOMPARE(ReaderMargins::columnMargins(int(std::ceil(ReaderMargins::LabelledGutterFromEm * em)), em, true).second,
             ReaderMargins::TagGutterEm * em);
    QCOMPARE(ReaderMargins::columnMargins(500, em, true).second, ReaderMargins::DotGutterEm * em);
    QCOMPARE(ReaderMargins::columnMargins(int(20 * em), em, true).second, 1.5 * em);
}

void TestArticleDocument::margins_hitTesting_findsMarkersWhereTheyAreDrawn()
{
    QTextDocument document;
    document.setDocumentMargin(0);
    const ArticleStyle style = lightStyle();
    buildArticleDocument(document, sampleArticle(), {}, style, labels);
    const int width = 760; // wide enough for a readable line and the tags' labelled gutter
    const auto [side, right] = ReaderMargins::columnMargins(width, style.em(), true);
    QTextFrameFormat frame = document.rootFrame()->frameFormat();
    frame.setLeftMargin(side);
    frame.setRightMargin(right);
    document.rootFrame()->setFrameFormat(frame);
    document.setTextWidth(width);
    QVERIFY(document.documentLayout()->documentSize().height() > 0);

    ReaderMargins margins;
    QVERIFY(margins.isEmpty());
    QVERIFY(margins.setNoteMarkers({{103, 2}}));
    QVERIFY(!margins.setNoteMarkers({{103, 2}})); // unchanged
    const TagMark economy{QStringLiteral("经济"), QStringLiteral("经济"), QColor(0x2E86DE)};
    const TagMark meeting{QStringLiteral("会议"), QStringLiteral("政治/会议"), QColor(0x27AE60)};
    QVERIFY(margins.setTagMarks({economy}, {{101, {economy, meeting}}}));
    QVERIFY(margins.hasTags());

    const ReaderMargins::View view{&document, style.em(), QPoint(0, 10), ReaderMargins::chipFont(QFont(), 14)};
    QVERIFY(ReaderMargins::tagMarksLabelled(view));
    // The note marker is left of the text column, beside its paragraph's first line.
    const QRect note = margins.noteMarkerRect(103, view);
    QVERIFY(!note.isEmpty());
    QVERIFY(note.right() < side);
    const QRectF paragraph = document.documentLayout()->blockBoundingRect(findArticleBlock(document, 103));
    QVERIFY(note.top() >= paragraph.top() - 10 && note.bottom() <= paragraph.bottom() - 10);
    QCOMPARE(margins.noteMarkerAt(note.center(), view), std::optional<qint64>(103));
    QVERIFY(!margins.noteMarkerAt(note.center() + QPoint(0, 200), view));
    QVERIFY(margins.noteMarkerRect(101, view).isEmpty());

    // Tags right of the column: the article's beside the title, a paragraph's beside its first line.
    const QRect articleTags = margins.tagMarksRect(0, view);
    const QRect paragraphTags = margins.tagMarksRect(101, view);
    QVERIFY(!articleTags.isEmpty() && !paragraphTags.isEmpty());
    QVERIFY(articleTags.left() >= width - right);
    QVERIFY(paragraphTags.top() > articleTags.bottom());
    QVERIFY(paragraphTags.height() > articleTags.height()); // two chips
    QCOMPARE(margins.tagMarksAt(articleTags.center(), view), std::optional<qint64>(0));
    QCOMPARE(margins.tagMarksAt(paragraphTags.center(), view), std::optional<qint64>(101));
    QVERIFY(!margins.tagMarksAt(QPoint(int(side) + 50, paragraphTags.center().y()), view));
    QCOMPARE(margins.tagPaths(101), (QStringList{QStringLiteral("经济"), QStringLiteral("政治/会议")}));
    QVERIFY(margins.tagMarksRect(103, view).isEmpty());

    margins.clear();
    QVERIFY(margins.isEmpty());
    QVERIFY(margins.tagMarksRect(0, view).isEmpty());
}

void TestArticleDocument::stepper_find_matchesFoldedInReadingOrder()
{
    const Article article = sampleArticle();
    const QList<TextSpan> matches = MatchStepper::find(article, QueryParser::parse(QStringLiteral("会议")));
    // 会议 twice in the first paragraph, once in the heading, 會議 (Traditional) in the caption.
    QCOMPARE(matches, (QList<TextSpan>{{101, 13, 15}, {101, 17, 19}, {102, 4, 6}, {104, 2, 4}}));
    QVERIFY(MatchStepper::find(article, QueryParser::parse(QString())).isEmpty());
    QVERIFY(MatchStepper::find(article, QueryParser::parse(QStringLiteral("不存在的词"))).isEmpty());

    MatchStepper stepper;
    QCOMPARE(stepper.setQuery(article, QueryParser::parse(QStringLiteral("会议"))), 4);
    QCOMPARE(stepper.matches(), matches);
    QCOMPARE(stepper.current(), -1);
}

void TestArticleDocument::stepper_nextPrevious_wrapAround()
{
    MatchStepper stepper;
    stepper.setMatches({{1, 0, 2}, {1, 5, 7}, {3, 1, 3}}, {1, 2, 3});
    QCOMPARE(stepper.count(), 3);
    QVERIFY(stepper.setCurrent(0));
    QCOMPARE(stepper.next(), 1);
    QVERIFY(stepper.setCurrent(stepper.next()));
    QVERIFY(stepper.setCurrent(stepper.next()));
    QCOMPARE(stepper.current(), 2);
    QCOMPARE(stepper.next(), 0); // wraps to the first
    QCOMPARE(stepper.previous(), 1);
    QVERIFY(stepper.setCurrent(0));
    QCOMPARE(stepper.previous(), 2); // wraps to the last
    // Out of range changes nothing.
    QVERIFY(!stepper.setCurrent(3));
    QVERIFY(!stepper.setCurrent(-1));
    QCOMPARE(stepper.current(), 0);
    // New matches: none current again.
    stepper.setMatches({{3, 0, 1}}, {3});
    QCOMPARE(stepper.current(), -1);
    QCOMPARE(stepper.next(), 0);
    QVERIFY(stepper.setCurrent(0));
    QCOMPARE(stepper.next(), 0); // one match wraps onto itself
    QCOMPARE(stepper.previous(), 0);
}

void TestArticleDocument::stepper_noneCurrent_startsFromCursor()
{
    MatchStepper stepper;
    stepper.setMatches({{1, 0, 2}, {1, 5, 7}, {3, 1, 3}}, {1, 2, 3, 4});
    QCOMPARE(stepper.next(0, 0), 0); // in the headline: the first
    QCOMPARE(stepper.next(1, 0), 0); // at a match
    QCOMPARE(stepper.next(1, 3), 1); // after the first match of the paragraph
    QCOMPARE(stepper.next(1, 6), 2); // after the last: the next paragraph's
    QCOMPARE(stepper.next(2, 4), 2); // a paragraph without one: the next that has one
    QCOMPARE(stepper.next(3, 9), 0); // after the last match of the article: wraps
    QCOMPARE(stepper.next(4, 0), 0); // a paragraph after every match: wraps
    QCOMPARE(stepper.previous(), 2); // Shift+F3: the last
    QVERIFY(stepper.setCurrent(1));
    QCOMPARE(stepper.next(3, 9), 2); // with a current match the cursor does not count
}

void TestArticleDocument::stepper_empty_goesNowhere()
{
    MatchStepper stepper;
    QVERIFY(stepper.isEmpty());
    QCOMPARE(stepper.count(), 0);
    QCOMPARE(stepper.current(), -1);
    QCOMPARE(stepper.next(), -1);
    QCOMPARE(stepper.previous(), -1);
    QCOMPARE(stepper.firstFrom(1), -1);
    QVERIFY(!stepper.setCurrent(0));
    stepper.setMatches({{1, 0, 2}}, {1});
    QVERIFY(stepper.setCurrent(0));
    stepper.clear();
    QVERIFY(stepper.isEmpty());
    QCOMPARE(stepper.current(), -1);
    QCOMPARE(stepper.next(1, 0), -1);
}

void TestArticleDocument::stepper_firstFrom_paragraphOrAfter()
{
    MatchStepper stepper;
    stepper.setMatches({{1, 0, 2}, {3, 1, 3}, {3, 4, 6}, {5, 0, 1}}, {1, 2, 3, 4, 5, 6});
    QCOMPARE(stepper.firstFrom(1), 0);
    QCOMPARE(stepper.firstFrom(2), 1); // no match in it: the next paragraph's first
    QCOMPARE(stepper.firstFrom(3), 1);
    QCOMPARE(stepper.firstFrom(4), 3);
    QCOMPARE(stepper.firstFrom(6), -1); // none at or after it
    QCOMPARE(stepper.firstFrom(42), 0); // not a paragraph of the article: the first
}

QTEST_MAIN(TestArticleDocument)
#include "tst_articledocument.moc"
