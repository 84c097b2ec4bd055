#include "app/reader/originalview.h"

#include <QPainter>
#include <QTextBlock>

namespace dubao {

class OriginalView::LineNumberArea final : public QWidget
{
public:
    explicit LineNumberArea(OriginalView *view)
        : QWidget(view)
        , m_view(view)
    {}
    QSize sizeHint() const override { return {m_view->lineNumberAreaWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_view->paintLineNumbers(event); }

private:
    OriginalView *m_view;
};

OriginalView::OriginalView(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_lineNumberArea(new LineNumberArea(this))
{
    setObjectName(QStringLiteral("original"));
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setFrameShape(QFrame::NoFrame);
    setTextSize(11);
    connect(this, &QPlainTextEdit::updateRequest, this, &OriginalView::updateLineNumberArea);
    connect(this, &QPlainTextEdit::blockCountChanged, this,
            [this] { setViewportMargins(lineNumberAreaWidth(), 0, 0, 0); });
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
}

OriginalView::~OriginalView() = default;

void OriginalView::setTextSize(int points)
{
    QFont font;
    font.setFamilies(
        {QStringLiteral("Noto Sans Mono CJK SC"), QStringLiteral("Noto Sans CJK SC"), QStringLiteral("monospace")});
    font.setStyleHint(QFont::Monospace);
    font.setPointSize(points);
    setFont(font);
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
}

void OriginalView::setArticle(const Article &article)
{
    m_lineNumbers.clear();
    m_blockStarts.clear();
    m_blockLengths.clear();
    m_highlighted = 0;
    QStringList lines;
    int previousLast = 0;
    for (const Block &block : article.blocks) {
        if (previousLast > 0 && block.firstLine > previousLast + 1) {
            lines << QString(); // lines between blocks (blank lines, a picture's place) are not stored
            m_lineNumbers << 0;
        }
        const QStringList raw = block.raw.split(QLatin1Char('\n'));
        m_blockStarts.append({block.id, int(lines.size())});
        m_blockLengths.append(int(raw.size()));
        for (int i = 0; i < raw.size(); ++i) {
            lines << raw[i];
            m_lineNumbers << (block.firstLine > 0 ? block.firstLine + i : 0);
        }
        previousLast = block.lastLine;
    }
    setPlainText(lines.join(QLatin1Char('\n')));
    setExtraSelections({});
    setViewportMargins(lineNumberAreaWidth(), 0, 0, 0);
    m_lineNumberArea->update();
}

void OriginalView::clearArticle()
{
    setArticle({});
}

void OriginalView::highlightBlock(qint64 blockId)
{
    m_highlighted = blockId;
    QList<QTextEdit::ExtraSelection> selections;
    for (int i = 0; i < m_blockStarts.size(); ++i) {
        if (m_blockStarts[i].first != blockId || blockId <= 0)
            continue;
        const int first = m_blockStarts[i].second;
        const QTextBlock begin = document()->findBlockByNumber(first);
        const QTextBlock end = document()->findBlockByNumber(first + m_blockLengths[i] - 1);
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(document());
        selection.cursor.setPosition(begin.position());
        selection.cursor.setPosition(end.position() + end.length() - 1, QTextCursor::KeepAnchor);
        QColor background = palette().color(QPalette::Highlight);
        background.setAlphaF(0.18f);
        selection.format.setBackground(background);
        selection.format.setProperty(QTextFormat::FullWidthSelection, true);
        selections.append(selection);
        QTextCursor cursor(begin);
        setTextCursor(cursor);
        ensureCursorVisible();
    }
    setExtraSelections(selections);
}

int OriginalView::lineNumberAreaWidth() const
{
    int largest = 1;
    for (int n : m_lineNumbers)
        largest = std::max(largest, n);
    const int digits = std::max(3, int(QString::number(largest).size()));
    return 12 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * digits;
}

void OriginalView::updateLineNumberArea(const QRect &rect, int dy)
{
    if (dy)
        m_lineNumberArea->scroll(0, dy);
    else
        m_lineNumberArea->update(0, rect.y(), m_lineNumberArea->width(), rect.height());
}

void OriginalView::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect area = contentsRect();
    m_lineNumberArea->setGeometry(QRect(area.left(), area.top(), lineNumberAreaWidth(), area.height()));
}

void OriginalView::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        highlightBlock(m_highlighted);
}

void OriginalView::paintLineNumbers(QPaintEvent *event)
{
    QPainter painter(m_lineNumberArea);
    const QPalette pal = palette();
    painter.fillRect(event->rect(), pal.color(QPalette::AlternateBase));
    painter.setPen(pal.color(QPalette::PlaceholderText));
    painter.setFont(font());
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    while (block.isValid() && top <= event->rect().bottom()) {
        const int number = m_lineNumbers.value(block.blockNumber());
        if (block.isVisible() && bottom >= event->rect().top() && number > 0)
            painter.drawText(0, top, m_lineNumberArea->width() - 6, fontMetrics().height(), Qt::AlignRight,
                             QString::number(number));
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
    }
}

} // namespace dubao
