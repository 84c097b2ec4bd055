#include "app/reader/reusemargin.h"

#include "app/reader/articledocument.h"

#include <QAbstractTextDocumentLayout>
#include <QFontMetricsF>
#include <QPainter>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextLayout>

#include <algorithm>

namespace dubao {

bool ReuseMargin::setMarks(const QList<ReuseMarginMark> &marks)
{
    if (marks == m_marks)
        return false;
    m_marks = marks;
    return true;
}

QColor ReuseMargin::color(bool dark)
{
    return dark ? QColor(0x5f, 0xb3, 0xc4) : QColor(0x1f, 0x7a, 0x8c); // a teal no tag palette uses for text
}

QRectF ReuseMargin::barRect(const ReuseMarginMark &mark, const ReaderMargins::View &view) const
{
    const QTextBlock block = findArticleBlock(*view.document, mark.blockId);
    QTextLayout *layout = block.isValid() ? block.layout() : nullptr;
    if (!layout || layout->lineCount() == 0)
        return {};
    const QRectF rect = view.document->documentLayout()->blockBoundingRect(block);
    const int last = std::max(mark.start, mark.end - 1);
    const QTextLine first = layout->lineForTextPosition(std::clamp(mark.start, 0, block.length() - 1));
    const QTextLine end = layout->lineForTextPosition(std::clamp(last, 0, block.length() - 1));
    if (!first.isValid() || !end.isValid())
        return {};
    const qreal side = view.document->rootFrame()->frameFormat().leftMargin();
    const qreal width = std::max(3.0, 0.2 * view.em);
    const qreal x = std::max(1.0, side - 0.45 * view.em - width);
    return QRectF(x, rect.top() + first.y() + 2, width, end.y() + end.height() - first.y() - 4);
}

QRect ReuseMargin::markRect(int index, const ReaderMargins::View &view) const
{
    if (index < 0 || index >= m_marks.size())
        return {};
    const QRectF bar = barRect(m_marks[index], view);
    if (bar.isNull())
        return {};
    // The count sits left of the bar's top.
    const QFontMetricsF metrics(view.chipFont);
    const qreal count =
        m_marks[index].copies > 1 ? metrics.horizontalAdvance(QString::number(m_marks[index].copies)) + 3 : 0;
    return bar.adjusted(-count, 0, 0, 0).translated(-view.scroll).toAlignedRect();
}

std::optional<int> ReuseMargin::markAt(const QPoint &point, const ReaderMargins::View &view) const
{
    for (int i = 0; i < m_marks.size(); ++i)
        if (markRect(i, view).adjusted(-3, -3, 3, 3).contains(point))
            return i;
    return std::nullopt;
}

void ReuseMargin::paint(QPainter &painter, const QRect &exposed, const ReaderMargins::View &view, bool dark) const
{
    if (m_marks.isEmpty())
        return;
    const QColor bar = color(dark);
    painter.save();
    painter.setFont(view.chipFont);
    for (int i = 0; i < m_marks.size(); ++i) {
        const QRect rect = markRect(i, view);
        if (rect.isEmpty() || !rect.intersects(exposed))
            continue;
        const QRectF line = barRect(m_marks[i], view).translated(-view.scroll);
        painter.setPen(Qt::NoPen);
        painter.setBrush(bar);
        painter.drawRoundedRect(line, line.width() / 2, line.width() / 2);
        if (m_marks[i].copies > 1) {
            painter.setPen(bar);
            painter.drawText(QRectF(rect.left(), line.top(), line.left() - rect.left() - 3, view.em),
                             Qt::AlignRight | Qt::AlignTop, QString::number(m_marks[i].copies));
        }
    }
    painter.restore();
}

} // namespace dubao
