#include "widgets/readerview.h"

#include <QAbstractTextDocumentLayout>
#include <QFontMetricsF>
#include <QKeyEvent>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>

#include <algorithm>

namespace dubao {

namespace {

// Fonts for Chinese text first (fonts-noto-cjk on Debian), then what other systems ship; fontconfig falls back
// from the last generic name.
const QStringList &serifFamilies()
{
    static const QStringList families{QStringLiteral("Noto Serif CJK SC"), QStringLiteral("Source Han Serif SC"),
                                      QStringLiteral("Songti SC"),         QStringLiteral("SimSun"),
                                      QStringLiteral("Noto Sans CJK SC"),  QStringLiteral("serif")};
    return families;
}

const QStringList &sansFamilies()
{
    static const QStringList families{QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Source Han Sans SC"),
                                      QStringLiteral("PingFang SC"), QStringLiteral("Microsoft YaHei"),
                                      QStringLiteral("sans-serif")};
    return families;
}

QColor mix(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

QString bylineDate(const Article &article, const IssueInfo &issue)
{
    if (issue.date.isValid())
        return issue.date.toString(QStringLiteral("yyyy-MM-dd"));
    if (article.byline && !article.byline->date.isEmpty())
        return article.byline->date;
    if (issue.month > 0 && issue.day > 0)
        return QStringLiteral("%1-%2")
            .arg(issue.month, 2, 10, QLatin1Char('0'))
            .arg(issue.day, 2, 10, QLatin1Char('0'));
    return {};
}

} // namespace

ReaderView::ReaderView(QWidget *parent)
    : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("reader"));
    setOpenLinks(false);
    setFrameShape(QFrame::NoFrame);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    document()->setUndoRedoEnabled(false);
    document()->setDocumentMargin(0);
    connect(this, &QTextBrowser::cursorPositionChanged, this, &ReaderView::onCursorMoved);
    connect(verticalScrollBar(), &QScrollBar::actionTriggered, this, [this] { m_anchorBlock = 0; });
    rebuild();
}

ReaderView::~ReaderView() = default;

void ReaderView::setArticle(const Article &article, const IssueInfo &issue)
{
    m_article = article;
    m_issue = issue;
    m_hasArticle = true;
    m_anchorBlock = 0;
    m_placeholder.clear();
    rebuild();
    verticalScrollBar()->setValue(0);
}

void ReaderView::setIssueInfo(const IssueInfo &issue)
{
    m_issue = issue;
    rebuildKeepingPosition();
}

void ReaderView::rebuildKeepingPosition()
{
    // At the very top the headline stays in view; further down the paragraph at the top stays there.
    const qint64 top = verticalScrollBar()->value() > 0 ? topBlockId() : 0;
    const int cursor = textCursor().position();
    rebuild();
    QTextCursor restored(document());
    restored.setPosition(std::min(cursor, document()->characterCount() - 1));
    setTextCursor(restored);
    if (top > 0)
        scrollTo(top);
    else
        verticalScrollBar()->setValue(0);
}

void ReaderView::showPlaceholder(const QString &message)
{
    m_article = {};
    m_issue = {};
    m_hasArticle = false;
    m_placeholder = message;
    rebuild();
}

void ReaderView::setTextSize(int points)
{
    points = std::clamp(points, MinTextSize, MaxTextSize);
    if (points == m_textSize)
        return;
    m_textSize = points;
    rebuildKeepingPosition();
    emit textSizeChanged(m_textSize);
}

void ReaderView::rebuild()
{
    m_rebuilding = true;
    QTextDocument *doc = document();
    doc->clear();

    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::Text);
    const QColor muted = mix(text, pal.color(QPalette::Base), 0.42);
    const qreal size = m_textSize;
    const qreal em = size * logicalDpiY() / 72.0;

    auto charFormat = [&](const QStringList &families, qreal scale, bool bold, const QColor &color) {
        QTextCharFormat format;
        format.setFontFamilies(families);
        format.setFontPointSize(size * scale);
        format.setFontWeight(bold ? QFont::Bold : QFont::Normal);
        format.setForeground(color);
        return format;
    };
    // Line heights are given as multiples of the font size (1.8 for body text). Qt's proportional height is
    // relative to the font's own line spacing, which for CJK fonts is already ~1.45 em, so convert.
    auto blockFormat = [&](Part part, const QTextCharFormat &chars, qreal lineEm, qreal topEm, qreal bottomEm) {
        QTextBlockFormat format;
        format.setProperty(PartProperty, int(part));
        const QFontMetricsF metrics(chars.font(), this);
        const qreal fontEm = chars.fontPointSize() * logicalDpiY() / 72.0;
        const qreal percent = metrics.lineSpacing() > 0 ? 100.0 * lineEm * fontEm / metrics.lineSpacing() : 100.0;
        format.setLineHeight(std::max(100.0, percent), QTextBlockFormat::ProportionalHeight);
        format.setTopMargin(topEm * em);
        format.setBottomMargin(bottomEm * em);
        return format;
    };

    QTextCursor cursor(doc);
    bool first = true;
    auto add = [&](QString content, const QTextBlockFormat &block, const QTextCharFormat &chars) {
        if (first) {
            cursor.setBlockFormat(block);
            cursor.setBlockCharFormat(chars);
            first = false;
        } else {
            cursor.insertBlock(block, chars);
        }
        // One QTextBlock per paragraph: a line break inside a paragraph must not start a new block. U+2028 is
        // one code unit like '\n', so offsets into the cleaned text stay the same.
        content.replace(QLatin1Char('\n'), QChar::LineSeparator);
        cursor.insertText(content, chars);
    };

    if (!m_hasArticle) {
        const QTextCharFormat chars = charFormat(sansFamilies(), 1.1, false, muted);
        QTextBlockFormat block = blockFormat(Part::Placeholder, chars, 1.6, 6, 0);
        block.setAlignment(Qt::AlignHCenter);
        add(m_placeholder, block, chars);
    } else {
        if (!m_article.kicker.isEmpty()) {
            const QTextCharFormat chars = charFormat(sansFamilies(), 1.0, false, muted);
            add(m_article.kicker, blockFormat(Part::Kicker, chars, 1.5, 0, 0.3), chars);
        }
        const QTextCharFormat titleChars = charFormat(sansFamilies(), 1.75, true, text);
        add(m_article.title.isEmpty() ? tr("(untitled)") : m_article.title,
            blockFormat(Part::Title, titleChars, 1.3, 0, 0.5), titleChars);
        const QTextCharFormat subtitleChars = charFormat(sansFamilies(), 1.15, false, text);
        for (const QString &subtitle : std::as_const(m_article.subtitles))
            add(subtitle, blockFormat(Part::Subtitle, subtitleChars, 1.45, 0, 0.2), subtitleChars);

        QStringList byline;
        if (m_article.byline) {
            if (!m_article.byline->source.isEmpty())
                byline << m_article.byline->source;
            if (!m_article.byline->reporters.isEmpty())
                byline << tr("Reporters: %1").arg(m_article.byline->reporters.join(QStringLiteral("、")));
        } else if (!m_issue.publication.isEmpty()) {
            byline << m_issue.publication;
        }
        const QString date = bylineDate(m_article, m_issue);
        if (!date.isEmpty())
            byline << date;
        const QTextCharFormat bylineChars = charFormat(sansFamilies(), 0.85, false, muted);
        add(byline.join(QStringLiteral("  ·  ")), blockFormat(Part::Byline, bylineChars, 1.5, 0.6, 1.6), bylineChars);

        const qreal indent = 2 * em; // Chinese paragraphs open with a two-character indent
        for (const Block &b : std::as_const(m_article.blocks)) {
            QTextBlockFormat block;
            QTextCharFormat chars;
            switch (b.kind) {
            case BlockKind::Body:
                chars = charFormat(serifFamilies(), 1.0, false, text);
                block = blockFormat(Part::Paragraph, chars, 1.8, 0, 0.6);
                block.setTextIndent(indent);
                block.setAlignment(Qt::AlignJustify);
                break;
            case BlockKind::Heading:
                chars = charFormat(sansFamilies(), 1.15, true, text);
                block = blockFormat(Part::Paragraph, chars, 1.5, 1.0, 0.5);
                break;
            case BlockKind::Speaker:
                chars = charFormat(sansFamilies(), 0.95, true, muted);
                block = blockFormat(Part::Paragraph, chars, 1.6, 0.3, 0.4);
                break;
            case BlockKind::Caption:
            case BlockKind::Note:
                chars = charFormat(sansFamilies(), 0.85, false, muted);
                block = blockFormat(Part::Paragraph, chars, 1.6, 0.2, 0.9);
                block.setLeftMargin(indent);
                block.setRightMargin(indent);
                break;
            }
            block.setProperty(BlockIdProperty, b.id);
            block.setProperty(BlockKindProperty, int(b.kind));
            add(b.text, block, chars);
        }
    }
    updateMargins();
    setTextCursor(QTextCursor(doc));
    m_rebuilding = false;
    m_currentBlock = -1;
    onCursorMoved();
}

void ReaderView::updateMargins()
{
    const qreal em = m_textSize * logicalDpiY() / 72.0;
    const qreal side = std::max(1.5 * em, (viewport()->width() - MeasureEm * em) / 2);
    QTextFrame *root = document()->rootFrame();
    QTextFrameFormat format = root->frameFormat();
    if (qAbs(format.leftMargin() - side) < 1 && format.topMargin() > 0)
        return;
    format.setLeftMargin(side);
    format.setRightMargin(side);
    format.setTopMargin(1.5 * em);
    format.setBottomMargin(4 * em);
    root->setFrameFormat(format);
}

QTextBlock ReaderView::textBlock(qint64 blockId) const
{
    if (blockId <= 0)
        return {};
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next())
        if (block.blockFormat().property(BlockIdProperty).toLongLong() == blockId)
            return block;
    return {};
}

bool ReaderView::scrollToBlock(qint64 blockId)
{
    const QTextBlock block = textBlock(blockId);
    if (!block.isValid())
        return false;
    setTextCursor(QTextCursor(block));
    scrollTo(blockId);
    m_anchorBlock = isVisible() ? 0 : blockId;
    return true;
}

void ReaderView::scrollTo(qint64 blockId)
{
    const QRectF rect = document()->documentLayout()->blockBoundingRect(textBlock(blockId));
    verticalScrollBar()->setValue(int(rect.top()));
}

qint64 ReaderView::blockIdAt(const QTextCursor &cursor) const
{
    if (cursor.isNull() || cursor.document() != document())
        return 0;
    return cursor.block().blockFormat().property(BlockIdProperty).toLongLong();
}

qint64 ReaderView::topBlockId() const
{
    if (!m_hasArticle)
        return 0;
    const int top = verticalScrollBar()->value();
    QAbstractTextDocumentLayout *layout = document()->documentLayout();
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
        const qint64 id = block.blockFormat().property(BlockIdProperty).toLongLong();
        if (id > 0 && layout->blockBoundingRect(block).bottom() > top)
            return id;
    }
    return 0;
}

QList<TextSpan> ReaderView::selectedSpans() const
{
    const QTextCursor cursor = textCursor();
    if (!cursor.hasSelection())
        return {};
    const int start = cursor.selectionStart();
    const int end = cursor.selectionEnd();
    QList<TextSpan> spans;
    for (QTextBlock block = document()->findBlock(start); block.isValid() && block.position() <= end;
         block = block.next()) {
        const qint64 id = block.blockFormat().property(BlockIdProperty).toLongLong();
        if (id <= 0)
            continue;
        const int from = std::max(start, block.position()) - block.position();
        const int to = std::min(end, block.position() + block.length() - 1) - block.position();
        if (to > from)
            spans.append(TextSpan{id, from, to});
    }
    return spans;
}

std::optional<TextSpan> ReaderView::selectedSpan() const
{
    const QTextCursor cursor = textCursor();
    if (!cursor.hasSelection())
        return std::nullopt;
    const QTextDocument *doc = document();
    if (doc->findBlock(cursor.selectionStart()) != doc->findBlock(cursor.selectionEnd()))
        return std::nullopt;
    const QList<TextSpan> spans = selectedSpans();
    if (spans.size() != 1)
        return std::nullopt;
    return spans.front();
}

void ReaderView::onCursorMoved()
{
    if (m_rebuilding)
        return;
    const qint64 id = blockIdAt(textCursor());
    if (id != m_currentBlock) {
        m_currentBlock = id;
        emit currentBlockChanged(id);
    }
}

void ReaderView::resizeEvent(QResizeEvent *event)
{
    // Keep the paragraph at the top in place while the text reflows to the new width.
    // A paragraph asked for by scrollToBlock() while the view had no size yet (restoring a session) wins.
    const qint64 top = m_anchorBlock > 0 ? m_anchorBlock : verticalScrollBar()->value() > 0 ? topBlockId() : 0;
    QTextBrowser::resizeEvent(event);
    updateMargins();
    if (top > 0)
        scrollTo(top);
}

void ReaderView::showEvent(QShowEvent *event)
{
    QTextBrowser::showEvent(event);
    if (m_anchorBlock > 0)
        scrollTo(m_anchorBlock);
}

void ReaderView::changeEvent(QEvent *event)
{
    QTextBrowser::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_rebuilding)
        rebuildKeepingPosition();
}

void ReaderView::keyPressEvent(QKeyEvent *event)
{
    QScrollBar *bar = verticalScrollBar();
    const bool plain = event->modifiers() == Qt::NoModifier;
    switch (event->key()) {
    case Qt::Key_J:
        if (plain) {
            emit nextArticleRequested();
            return;
        }
        break;
    case Qt::Key_K:
        if (plain) {
            emit previousArticleRequested();
            return;
        }
        break;
    case Qt::Key_Space:
    case Qt::Key_PageDown:
        if (event->key() == Qt::Key_Space && !plain)
            break;
        if (bar->value() >= bar->maximum()) {
            emit nextArticleRequested();
            return;
        }
        bar->triggerAction(QAbstractSlider::SliderPageStepAdd);
        return;
    case Qt::Key_PageUp:
        if (bar->value() <= bar->minimum()) {
            emit previousArticleRequested();
            return;
        }
        break;
    default:
        break;
    }
    QTextBrowser::keyPressEvent(event);
}

} // namespace dubao
