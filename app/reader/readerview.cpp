#include "app/reader/readerview.h"

#include "core/search/queryparser.h"

#include <QAbstractTextDocumentLayout>
#include <QContextMenuEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTimer>
#include <QToolTip>

#include <algorithm>

namespace dubao {

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
    // Whatever scrolls the view (the user, the cursor, a jump) moves the anchor, except the reflows that the
    // anchor is restored after.
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this] {
        if (!m_rebuilding && m_reflowing == 0 && isVisible())
            m_anchor = ScrollAnchor::top(*this);
    });
    m_flashTimer = new QTimer(this);
    m_flashTimer->setSingleShot(true);
    m_flashTimer->setInterval(1500);
    connect(m_flashTimer, &QTimer::timeout, this, [this] {
        m_flashBlock = 0;
        updateExtraSelections();
    });
    rebuild();
}

ReaderView::~ReaderView() = default;

void ReaderView::setArticle(const Article &article, const IssueInfo &issue)
{
    if (article.id != m_article.id)
        clearMarks();
    m_article = article;
    m_issue = issue;
    m_hasArticle = true;
    m_anchor = {};
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
    // At the very top the headline stays in view; further down the anchored line stays where it is.
    const bool atTop = verticalScrollBar()->value() == 0;
    const int anchor = textCursor().anchor(); // the selection too, not only the cursor
    const int cursor = textCursor().position();
    reflow([&] {
        rebuild();
        QTextCursor restored(document());
        restored.setPosition(std::min(anchor, document()->characterCount() - 1));
        restored.setPosition(std::min(cursor, document()->characterCount() - 1), QTextCursor::KeepAnchor);
        setTextCursor(restored);
    });
    if (atTop)
        verticalScrollBar()->setValue(0);
}

void ReaderView::reflow(const std::function<void()> &change)
{
    ++m_reflowing;
    change();
    if (!m_anchor.isNull())
        m_anchor.restore(*this);
    --m_reflowing;
}

void ReaderView::showPlaceholder(const QString &message)
{
    m_article = {};
    m_issue = {};
    m_hasArticle = false;
    m_placeholder = message;
    clearMarks();
    rebuild();
}

void ReaderView::clearMarks()
{
    m_highlights.clear();
    m_margins.clear();
    m_reuse.setMarks({});
    m_reuseLine.clear();
    clearSearchMatchesOnly();
}

void ReaderView::setTextSize(int points)
{
    points = std::clamp(points, MinTextSize, MaxTextSize);
    if (points == m_textSize)
        return;
    m_textSize = points;
    rebuildKeepingPosition();
    emit textSizeChanged(m_textSize);
    emit readableWidthChanged();
}

int ReaderView::readableWidth() const
{
    // A full line of ReadableCharacters and the column's margins as updateMargins() sets them at that width: 1.5 em
    // a side, the dots' gutter on the right when the article has tags; one more em for justification's slack.
    const qreal margins = 1.5 + (m_margins.hasTags() ? ReaderMargins::DotGutterEm : 1.5) + 1;
    const int text =
        qRound(em() * (ReaderMargins::ReadableCharacters + margins)) + 2 * qRound(document()->documentMargin());
    return text + verticalScrollBar()->sizeHint().width() + 2 * frameWidth() + viewportMargins().left() +
           viewportMargins().right();
}

qreal ReaderView::em() const
{
    return m_textSize * logicalDpiY() / 72.0;
}

ArticleStyle ReaderView::articleStyle() const
{
    const QPalette pal = palette();
    return {m_textSize, logicalDpiY(), pal.color(QPalette::Text), pal.color(QPalette::Base)};
}

void ReaderView::rebuild()
{
    m_rebuilding = true;
    if (m_hasArticle)
        buildArticleDocument(*document(), m_article, m_issue, articleStyle(),
                             {tr("(untitled)"), tr("Reporters: %1"), m_reuseLine,
                              tr("Page %1", "a newspaper's page (版次) as printed: 第%1版")});
    else
        buildPlaceholderDocument(*document(), m_placeholder, articleStyle());
    updateMargins();
    applyHighlights();
    updateExtraSelections(); // the flash and the search matches, on the new document
    setTextCursor(QTextCursor(document()));
    m_rebuilding = false;
    m_currentBlock = -1;
    onCursorMoved();
}

void ReaderView::updateMargins()
{
    const qreal em = this->em();
    const auto [side, right] = ReaderMargins::columnMargins(viewport()->width(), em, m_margins.hasTags());
    QTextFrame *root = document()->rootFrame();
    QTextFrameFormat format = root->frameFormat();
    if (qAbs(format.leftMargin() - side) < 1 && qAbs(format.rightMargin() - right) < 1 && format.topMargin() > 0)
        return;
    format.setLeftMargin(side);
    format.setRightMargin(right);
    format.setTopMargin(1.5 * em);
    format.setBottomMargin(4 * em);
    root->setFrameFormat(format);
}

QTextBlock ReaderView::textBlock(qint64 blockId) const
{
    return findArticleBlock(*document(), blockId);
}

bool ReaderView::scrollToBlock(qint64 blockId)
{
    const QTextBlock block = textBlock(blockId);
    if (!block.isValid())
        return false;
    setTextCursor(QTextCursor(block));
    scrollTo(blockId);
    return true;
}

void ReaderView::scrollTo(qint64 blockId)
{
    m_anchor = ScrollAnchor::placed(blockId, 0, 0);
    reflow([] {}); // restore() also widens a scroll range that lags a document still being laid out
}

void ReaderView::anchorAt(const QTextCursor &cursor)
{
    m_anchor = ScrollAnchor::at(*this, cursor.block(), cursor.position() - cursor.block().position());
}

qint64 ReaderView::blockIdAt(const QTextCursor &cursor) const
{
    if (cursor.isNull() || cursor.document() != document())
        return 0;
    return articleBlockId(cursor.block());
}

qint64 ReaderView::topBlockId() const
{
    if (!m_hasArticle)
        return 0;
    const int top = verticalScrollBar()->value();
    QAbstractTextDocumentLayout *layout = document()->documentLayout();
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next()) {
        const qint64 id = articleBlockId(block);
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
    return articleSpans(*document(), cursor.selectionStart(), cursor.selectionEnd());
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
    // Keep the anchored line in place while the text reflows to the new size (also a place asked for while
    // the view had no size yet, restoring a session).
    reflow([&] {
        QTextBrowser::resizeEvent(event);
        updateMargins();
    });
}

void ReaderView::showEvent(QShowEvent *event)
{
    QTextBrowser::showEvent(event);
    if (!m_anchor.isNull())
        reflow([] {});
}

void ReaderView::changeEvent(QEvent *event)
{
    QTextBrowser::changeEvent(event);
    // The colours, or a live language switch (the byline's "Reporters:", notices): the article is built again.
    if ((event->type() == QEvent::PaletteChange || event->type() == QEvent::LanguageChange) && !m_rebuilding)
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
    case Qt::Key_H:
        if (plain && textCursor().hasSelection()) {
            emit highlightWithLastTagRequested();
            return;
        }
        break;
    case Qt::Key_Escape:
        if (plain && hasSearchMatches()) {
            clearSearchMatches();
            return;
        }
        break;
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

// ------------------------------------------------------------------------------------------------ annotations

void ReaderView::setHighlights(const QList<HighlightMark> &highlights)
{
    if (highlights == m_highlights)
        return;
    m_highlights = highlights;
    applyHighlights();
}

QList<HighlightMark> ReaderView::highlightsAt(int documentPosition) const
{
    return highlightsAtPosition(*document(), m_highlights, documentPosition);
}

void ReaderView::applyHighlights()
{
    applyHighlightFormats(*document(), m_highlights, palette().color(QPalette::Base));
    viewport()->update();
}

QRect ReaderView::annotatedRect() const
{
    const QTextCursor cursor = textCursor();
    QRect rect;
    if (cursor.hasSelection()) {
        QTextCursor start(document());
        start.setPosition(cursor.selectionStart());
        QTextCursor end(document());
        end.setPosition(cursor.selectionEnd());
        rect = cursorRect(start).united(cursorRect(end));
        if (cursorRect(start).top() != cursorRect(end).top()) { // several lines: the column's width
            const QRectF column = document()->documentLayout()->frameBoundingRect(document()->rootFrame());
            const QTextFrameFormat frame = document()->rootFrame()->frameFormat();
            rect.setLeft(int(frame.leftMargin()) - horizontalScrollBar()->value());
            rect.setRight(int(column.width() - frame.rightMargin()) - horizontalScrollBar()->value());
        }
    } else if (const qint64 id = blockIdAt(cursor); id > 0) {
        QRectF block = document()->documentLayout()->blockBoundingRect(textBlock(id));
        block.translate(-horizontalScrollBar()->value(), -verticalScrollBar()->value());
        rect = block.toAlignedRect().intersected(viewport()->rect());
    }
    if (rect.isEmpty())
        rect = cursorRect(cursor);
    return QRect(viewport()->mapToGlobal(rect.topLeft()), rect.size());
}

bool ReaderView::selectSpan(const TextSpan &span)
{
    const QTextBlock block = textBlock(span.blockId);
    if (!block.isValid())
        return false;
    scrollToBlock(span.blockId);
    const QTextCursor cursor = blockSpanCursor(block, span.start, span.end);
    setTextCursor(cursor);
    // Show the paragraph a little below the top so the context above it is visible.
    ensureCursorVisible();
    anchorAt(cursor);
    return true;
}

void ReaderView::flashBlock(qint64 blockId)
{
    const QTextBlock block = textBlock(blockId);
    if (!block.isValid())
        return;
    m_flashBlock = blockId;
    updateExtraSelections();
    m_flashTimer->start();
}

// ---------------------------------------------------------------------------------------------------- margins

ReaderMargins::View ReaderView::marginView() const
{
    return {document(), em(), QPoint(horizontalScrollBar()->value(), verticalScrollBar()->value()),
            ReaderMargins::chipFont(font(), m_textSize)};
}

void ReaderView::setNoteMarkers(const QHash<qint64, int> &notesPerBlock)
{
    if (m_margins.setNoteMarkers(notesPerBlock))
        viewport()->update();
}

void ReaderView::setTagMarks(const QList<TagMark> &articleTags, const QHash<qint64, QList<TagMark>> &blockTags)
{
    const bool hadTags = m_margins.hasTags();
    if (!m_margins.setTagMarks(articleTags, blockTags))
        return;
    if (m_margins.hasTags() != hadTags)
        updateGeometry();                // the tag gutter changes the width a readable line needs
    reflow([this] { updateMargins(); }); // the tag margin narrows the text: keep the reader's place
    viewport()->update();
}

QRect ReaderView::noteMarkerRect(qint64 blockId) const
{
    return m_margins.noteMarkerRect(blockId, marginView());
}

QRect ReaderView::tagMarksRect(qint64 blockId) const
{
    return m_margins.tagMarksRect(blockId, marginView());
}

bool ReaderView::tagMarksLabelled() const
{
    return ReaderMargins::tagMarksLabelled(marginView());
}

void ReaderView::setReuseMarks(const QList<ReuseMarginMark> &marks)
{
    if (m_reuse.setMarks(marks))
        viewport()->update();
}

QRect ReaderView::reuseMarkRect(int index) const
{
    return m_reuse.markRect(index, marginView());
}

void ReaderView::setReuseLine(const QString &line)
{
    if (line == m_reuseLine)
        return;
    m_reuseLine = line;
    if (m_hasArticle)
        rebuildKeepingPosition();
}

void ReaderView::paintEvent(QPaintEvent *event)
{
    QTextBrowser::paintEvent(event);
    const QList<HighlightEdge> edges = highlightEdges(*document(), m_highlights);
    if (m_margins.isEmpty() && edges.isEmpty() && m_reuse.isEmpty())
        return;
    QPainter painter(viewport());
    painter.setRenderHint(QPainter::Antialiasing);
    // Overlapping highlights: a bracket at each one's start and end, in a deeper shade of its colour.
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    for (const HighlightEdge &edge : edges) {
        QTextCursor cursor(document());
        cursor.setPosition(edge.position);
        const QRect line = cursorRect(cursor);
        if (!line.intersects(event->rect().adjusted(-4, -4, 4, 4)))
            continue;
        painter.setPen(QPen(dark ? edge.color.lighter(150) : edge.color.darker(160), 1.5));
        const qreal x = line.left() + 0.5;
        const qreal tick = edge.start ? 3 : -3;
        painter.drawPolyline(QPolygonF{{x + tick, qreal(line.top())},
                                       {x, qreal(line.top())},
                                       {x, qreal(line.bottom())},
                                       {x + tick, qreal(line.bottom())}});
    }
    m_margins.paint(painter, event->rect(), marginView(), palette().color(QPalette::Text));
    m_reuse.paint(painter, event->rect(), marginView(), dark);
}

void ReaderView::setCorrectionMarks(const QList<CorrectionMark> &marks)
{
    if (marks == m_corrections)
        return;
    m_corrections = marks;
    updateExtraSelections();
}

std::optional<CorrectionMark> ReaderView::correctionAt(int documentPosition) const
{
    const QTextBlock block = document()->findBlock(documentPosition);
    const qint64 blockId = articleBlockId(block);
    const int offset = documentPosition - block.position();
    for (const CorrectionMark &mark : m_corrections)
        if (blockId > 0 && mark.blockId == blockId && mark.start <= offset &&
            offset < std::max(mark.end, mark.start + 1))
            return mark;
    return std::nullopt;
}

bool ReaderView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QPoint content = help->pos() + QPoint(horizontalScrollBar()->value(), verticalScrollBar()->value());
        if (const int position = document()->documentLayout()->hitTest(content, Qt::ExactHit); position >= 0) {
            // A correction and every highlight over the character, each highlight with its tags.
            QStringList tip;
            if (const std::optional<CorrectionMark> mark = correctionAt(position))
                tip << mark->toolTip;
            if (const QString highlights = highlightToolTip(*document(), highlightsAt(position)); !highlights.isEmpty())
                tip << highlights;
            if (!tip.isEmpty()) {
                QToolTip::showText(help->globalPos(), tip.join(QStringLiteral("\n\n")), viewport());
                return true;
            }
        }
        if (const std::optional<qint64> blockId = m_margins.tagMarksAt(help->pos(), marginView())) {
            const QString heading = *blockId > 0 ? tr("Paragraph tags:") : tr("Article tags:");
            QToolTip::showText(help->globalPos(), heading + u'\n' + m_margins.tagPaths(*blockId).join(u'\n'),
                               viewport());
            return true;
        }
        if (const std::optional<int> index = m_reuse.markAt(help->pos(), marginView())) {
            QToolTip::showText(help->globalPos(), m_reuse.marks()[*index].toolTip, viewport());
            return true;
        }
    }
    return QTextBrowser::viewportEvent(event);
}

void ReaderView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        if (const std::optional<qint64> blockId = m_margins.noteMarkerAt(event->position().toPoint(), marginView())) {
            emit noteMarkerClicked(*blockId);
            event->accept();
            return;
        }
        if (const std::optional<int> index = m_reuse.markAt(event->position().toPoint(), marginView())) {
            emit reuseMarkClicked(*index);
            event->accept();
            return;
        }
    }
    QTextBrowser::mousePressEvent(event);
}

void ReaderView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu *menu = createStandardContextMenu(event->pos());
    const int position = event->reason() == QContextMenuEvent::Mouse ? cursorForPosition(event->pos()).position()
                                                                     : textCursor().position();
    // Right-clicking inside the selection acts on the selection; elsewhere on what is under the pointer.
    const QTextCursor cursor = textCursor();
    if (!cursor.hasSelection() || position < cursor.selectionStart() || position > cursor.selectionEnd()) {
        QTextCursor moved = cursor;
        moved.setPosition(position);
        setTextCursor(moved);
    }
    emit contextMenuAboutToShow(menu, position);
    menu->exec(event->globalPos());
    delete menu;
}

// ----------------------------------------------------------------------------------------------------- search

int ReaderView::setSearchQuery(const SearchQuery &query)
{
    if (m_hasArticle)
        m_matches.setQuery(m_article, query);
    else
        m_matches.clear();
    updateExtraSelections();
    emit searchMatchesChanged();
    return m_matches.count();
}

void ReaderView::clearSearchMatchesOnly()
{
    const bool had = !m_matches.isEmpty();
    m_matches.clear();
    if (had)
        emit searchMatchesChanged();
}

void ReaderView::clearSearchMatches()
{
    if (m_matches.isEmpty())
        return;
    clearSearchMatchesOnly();
    updateExtraSelections();
}

bool ReaderView::setCurrentSearchMatch(int index)
{
    if (index < 0 || index >= m_matches.count())
        return false;
    const TextSpan span = m_matches.matches().at(index);
    const QTextBlock block = textBlock(span.blockId);
    if (!block.isValid())
        return false;
    m_matches.setCurrent(index);
    const QTextCursor cursor = blockSpanCursor(block, span.start, span.start);
    setTextCursor(cursor);
    updateExtraSelections();
    // Keep the match away from the edges: a few lines of context above it.
    const QRect rect = cursorRect(cursor);
    const int margin = viewport()->height() / 4;
    if (rect.top() < margin / 2 || rect.bottom() > viewport()->height() - margin / 2) {
        m_anchor = ScrollAnchor::placed(span.blockId, cursor.position() - block.position(), margin);
        reflow([] {});
    } else {
        anchorAt(cursor); // the match stays where it is now when the text reflows
    }
    emit searchMatchesChanged();
    return true;
}

bool ReaderView::nextSearchMatch()
{
    if (m_matches.isEmpty())
        return false;
    // When none is current, from the cursor.
    const QTextCursor cursor = textCursor();
    return setCurrentSearchMatch(m_matches.next(blockIdAt(cursor), cursor.position() - cursor.block().position()));
}

bool ReaderView::previousSearchMatch()
{
    if (m_matches.isEmpty())
        return false;
    return setCurrentSearchMatch(m_matches.previous());
}

QList<QTextEdit::ExtraSelection> ReaderView::searchSelections() const
{
    return searchMatchSelections(*document(), m_matches.matches(), m_matches.current(), palette());
}

void ReaderView::updateExtraSelections()
{
    QList<QTextEdit::ExtraSelection> selections;
    if (m_flashBlock != 0) {
        const QTextBlock block = textBlock(m_flashBlock);
        if (block.isValid()) {
            QTextEdit::ExtraSelection flash;
            flash.cursor = QTextCursor(block);
            flash.format.setProperty(QTextFormat::FullWidthSelection, true);
            QColor color = palette().color(QPalette::Highlight);
            color.setAlpha(60);
            flash.format.setBackground(color);
            selections << flash;
        }
    }
    // Corrections of the OCR: a dotted underline (a paragraph's first character for a join, split or kind).
    const QColor underline = palette().color(QPalette::Link);
    for (const CorrectionMark &mark : std::as_const(m_corrections)) {
        const QTextBlock block = textBlock(mark.blockId);
        if (!block.isValid())
            continue;
        QTextEdit::ExtraSelection corrected;
        corrected.cursor = blockSpanCursor(block, mark.start, std::max(mark.end, mark.start + 1));
        corrected.format.setFontUnderline(true);
        corrected.format.setUnderlineStyle(QTextCharFormat::DotLine);
        corrected.format.setUnderlineColor(underline);
        corrected.format.setToolTip(mark.toolTip);
        selections << corrected;
    }
    selections += searchSelections();
    setExtraSelections(selections);
}

} // namespace dubao
