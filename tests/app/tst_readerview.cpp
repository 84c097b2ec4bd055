// ReaderView and OriginalView on real articles: what is shown, paragraph addressing, spans, text size.
#include "app/reader/originalview.h"
#include "app/reader/readerview.h"
#include "core/store/issuerepository.h"
#include "tests/support/corpuslibrary.h"

#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>

using namespace dubao;

class TestReaderView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void setArticle_corpusArticle_showsHeadlineAndEveryParagraph();
    void blocks_eachParagraph_isOneTextBlockWithItsId();
    void blockKinds_headingsAndCaptions_areSetApart();
    void scrollToBlock_lastParagraph_scrollsAndMovesCursor();
    void selectedSpan_withinParagraph_givesOffsetsInCleanedText();
    void selectedSpans_acrossParagraphs_givesOneSpanEach();
    void textSize_zoomInOutReset_changesFontAndClamps();
    void keys_pageDownAtEnd_requestsNextArticle();
    void original_article_showsRawLinesWithSourceLineNumbers();

private:
    Article longestArticle() const;

    QTemporaryDir m_dir;
    Library m_library;
    QList<Article> m_articles;
    QList<IssueInfo> m_infos;
};

void TestReaderView::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolate(m_dir);
    const QString path = m_dir.filePath(QStringLiteral("corpus.sqlite"));
    const QString error = test::buildCorpusLibrary(path);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(m_library.open(path));
    IssueRepository issues(m_library);
    for (const IssueSummary &issue : issues.listIssues(IssueRepository::Listing::WithArticles)) {
        for (const ArticleSummary &summary : issue.articles) {
            const auto article = issues.article(summary.id);
            QVERIFY(article);
            m_articles << *article;
            m_infos << issue.info;
        }
    }
    QVERIFY(m_articles.size() >= 5);
}

Article TestReaderView::longestArticle() const
{
    return *std::max_element(m_articles.begin(), m_articles.end(),
                             [](const Article &a, const Article &b) { return a.blocks.size() < b.blocks.size(); });
}

void TestReaderView::setArticle_corpusArticle_showsHeadlineAndEveryParagraph()
{
    ReaderView view;
    view.resize(800, 600);
    for (int i = 0; i < m_articles.size(); ++i) {
        const Article &article = m_articles[i];
        view.setArticle(article, m_infos[i]);
        QCOMPARE(view.articleId(), article.id);
        const QString text = view.document()->toPlainText();
        if (!article.title.isEmpty())
            QVERIFY2(text.startsWith(article.kicker.isEmpty() ? article.title : article.kicker),
                     qPrintable(article.title));
        for (const QString &subtitle : article.subtitles)
            QVERIFY(text.contains(subtitle));
        if (article.byline)
            for (const QString &reporter : article.byline->reporters)
                QVERIFY(text.contains(reporter));
        for (const Block &block : article.blocks)
            QVERIFY2(text.contains(QString(block.text).replace(QLatin1Char('\n'), QChar::LineSeparator)),
                     qPrintable(block.text.left(20)));
    }
    view.showPlaceholder(QStringLiteral("Nothing here"));
    QCOMPARE(view.articleId(), 0);
    QCOMPARE(view.document()->toPlainText(), QStringLiteral("Nothing here"));
}

void TestReaderView::blocks_eachParagraph_isOneTextBlockWithItsId()
{
    ReaderView view;
    const Article article = longestArticle();
    view.setArticle(article, {});
    for (const Block &block : article.blocks) {
        QVERIFY(block.id > 0);
        const QTextBlock textBlock = view.textBlock(block.id);
        QVERIFY(textBlock.isValid());
        QCOMPARE(textBlock.text(), QString(block.text).replace(QLatin1Char('\n'), QChar::LineSeparator));
        QCOMPARE(textBlock.blockFormat().property(ReaderView::BlockKindProperty).toInt(), int(block.kind));
        QCOMPARE(view.blockIdAt(QTextCursor(textBlock)), block.id);
    }
    // The headline is not a paragraph.
    QCOMPARE(view.blockIdAt(QTextCursor(view.document()->begin())), 0);
    QVERIFY(!view.textBlock(-5).isValid());
}

void TestReaderView::blockKinds_headingsAndCaptions_areSetApart()
{
    ReaderView view;
    int checked = 0;
    for (const Article &article : std::as_const(m_articles)) {
        view.setArticle(article, {});
        qreal bodySize = 0;
        for (const Block &block : article.blocks)
            if (block.kind == BlockKind::Body)
                bodySize = view.textBlock(block.id).charFormat().fontPointSize();
        if (bodySize == 0)
            continue;
        for (const Block &block : article.blocks) {
            const QTextBlock textBlock = view.textBlock(block.id);
            // The fragment's format, not the block's char format.
            const QTextCharFormat format = textBlock.begin().fragment().charFormat();
            switch (block.kind) {
            case BlockKind::Heading:
                QVERIFY(format.fontWeight() >= QFont::Bold);
                QVERIFY(format.fontPointSize() > bodySize);
                ++checked;
                break;
            case BlockKind::Caption:
            case BlockKind::Note:
                QVERIFY(format.fontPointSize() < bodySize);
                QVERIFY(textBlock.blockFormat().leftMargin() > 0);
                ++checked;
                break;
            case BlockKind::Speaker:
                QVERIFY(format.fontWeight() >= QFont::Bold);
                ++checked;
                break;
            case BlockKind::Body:
                QCOMPARE(textBlock.blockFormat().lineHeightType(), int(QTextBlockFormat::ProportionalHeight));
                QVERIFY(textBlock.blockFormat().lineHeight() > 100); // ~1.8 em whatever the font's own spacing
                QVERIFY(textBlock.blockFormat().textIndent() > 0);
                break;
            }
        }
    }
    QVERIFY2(checked > 0, "the corpus has headings, speakers, captions or notes");
}

void TestReaderView::scrollToBlock_lastParagraph_scrollsAndMovesCursor()
{
    ReaderView view;
    view.resize(600, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const Article article = longestArticle();
    view.setArticle(article, {});
    QCOMPARE(view.verticalScrollBar()->value(), 0);
    QCOMPARE(view.topBlockId(), article.blocks.front().id);
    const qint64 target = article.blocks[article.blocks.size() / 2].id;
    QVERIFY(view.scrollToBlock(target));
    QVERIFY(view.verticalScrollBar()->value() > 0);
    QCOMPARE(view.blockIdAt(view.textCursor()), target);
    QCOMPARE(view.topBlockId(), target);
    QVERIFY(!view.scrollToBlock(123456789));
}

void TestReaderView::selectedSpan_withinParagraph_givesOffsetsInCleanedText()
{
    ReaderView view;
    const Article article = longestArticle();
    view.setArticle(article, {});
    QVERIFY(!view.selectedSpan());
    const Block &block = article.blocks.back();
    QVERIFY(block.text.size() > 8);
    QTextCursor cursor(view.textBlock(block.id));
    cursor.setPosition(cursor.position() + 2);
    cursor.setPosition(cursor.position() + 5, QTextCursor::KeepAnchor);
    view.setTextCursor(cursor);
    const auto span = view.selectedSpan();
    QVERIFY(span);
    QCOMPARE(span->blockId, block.id);
    QCOMPARE(span->start, 2);
    QCOMPARE(span->end, 7);
    QCOMPARE(block.text.mid(span->start, span->end - span->start), cursor.selectedText());
}

void TestReaderView::selectedSpans_acrossParagraphs_givesOneSpanEach()
{
    ReaderView view;
    const Article article = longestArticle();
    QVERIFY(article.blocks.size() >= 3);
    view.setArticle(article, {});
    const Block &first = article.blocks[0];
    const Block &third = article.blocks[2];
    QTextCursor cursor(view.textBlock(first.id));
    cursor.setPosition(cursor.position() + 3);
    cursor.setPosition(view.textBlock(third.id).position() + 4, QTextCursor::KeepAnchor);
    view.setTextCursor(cursor);
    QVERIFY(!view.selectedSpan());
    const QList<TextSpan> spans = view.selectedSpans();
    QCOMPARE(spans.size(), 3);
    QCOMPARE(spans[0], (TextSpan{first.id, 3, int(first.text.size())}));
    QCOMPARE(spans[1], (TextSpan{article.blocks[1].id, 0, int(article.blocks[1].text.size())}));
    QCOMPARE(spans[2], (TextSpan{third.id, 0, 4}));
}

void TestReaderView::textSize_zoomInOutReset_changesFontAndClamps()
{
    ReaderView view;
    const Article article = longestArticle();
    view.setArticle(article, {});
    QSignalSpy spy(&view, &ReaderView::textSizeChanged);
    const qint64 body = article.blocks.back().id;
    const qreal before = view.textBlock(body).begin().fragment().charFormat().fontPointSize();
    view.zoomInText();
    QCOMPARE(view.textSize(), ReaderView::DefaultTextSize + 1);
    QVERIFY(view.textBlock(body).begin().fragment().charFormat().fontPointSize() > before);
    QCOMPARE(spy.size(), 1);
    view.resetTextSize();
    QCOMPARE(view.textSize(), ReaderView::DefaultTextSize);
    for (int i = 0; i < 100; ++i)
        view.zoomOutText();
    QCOMPARE(view.textSize(), ReaderView::MinTextSize);
    view.setTextSize(1000);
    QCOMPARE(view.textSize(), ReaderView::MaxTextSize);
}

void TestReaderView::keys_pageDownAtEnd_requestsNextArticle()
{
    ReaderView view;
    view.resize(600, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setArticle(longestArticle(), {});
    QSignalSpy next(&view, &ReaderView::nextArticleRequested);
    QSignalSpy previous(&view, &ReaderView::previousArticleRequested);
    QTest::keyClick(&view, Qt::Key_PageDown);
    QCOMPARE(next.size(), 0); // first it pages
    QVERIFY(view.verticalScrollBar()->value() > 0);
    for (int i = 0; i < 200 && next.isEmpty(); ++i)
        QTest::keyClick(&view, Qt::Key_PageDown);
    QCOMPARE(next.size(), 1);
    QCOMPARE(view.verticalScrollBar()->value(), view.verticalScrollBar()->maximum());
    QTest::keyClick(&view, Qt::Key_J);
    QCOMPARE(next.size(), 2);
    QTest::keyClick(&view, Qt::Key_K);
    QCOMPARE(previous.size(), 1);
}

void TestReaderView::original_article_showsRawLinesWithSourceLineNumbers()
{
    OriginalView view;
    const Article article = longestArticle();
    view.setArticle(article);
    const QStringList lines = view.toPlainText().split(QLatin1Char('\n'));
    for (const Block &block : article.blocks) {
        QVERIFY(block.firstLine > 0);
        const QStringList raw = block.raw.split(QLatin1Char('\n'));
        const int at = view.textLineOf(block.firstLine);
        QVERIFY2(at >= 0, qPrintable(QString::number(block.firstLine)));
        for (int i = 0; i < raw.size(); ++i) {
            QCOMPARE(lines[at + i], raw[i]);
            QCOMPARE(view.lineNumber(at + i), block.firstLine + i);
        }
        QCOMPARE(view.lineNumber(at + int(raw.size()) - 1), block.lastLine);
    }
    view.highlightBlock(article.blocks.back().id);
    QCOMPARE(view.extraSelections().size(), 1);
    QCOMPARE(view.extraSelections().front().cursor.selectedText(),
             QString(article.blocks.back().raw).replace(QLatin1Char('\n'), QChar::ParagraphSeparator));
}

QTEST_MAIN(TestReaderView)
#include "tst_readerview.moc"
