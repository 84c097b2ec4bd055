#include "app/reader/readerplace.h"

#include "app/reader/readerview.h"

#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>

#include <algorithm>

namespace dubao {

ReaderPlace ReaderPlace::of(const ReaderView &view)
{
    ReaderPlace place;
    place.m_articleId = view.articleId();
    if (place.m_articleId <= 0)
        return place;
    place.m_atTop = view.verticalScrollBar()->value() == 0; // the headline stays in view
    place.m_top = ScrollAnchor::top(view);
    const QTextCursor cursor = view.textCursor();
    place.m_anchor = pointOf(view, cursor.anchor());
    place.m_position = pointOf(view, cursor.position());
    return place;
}

ReaderPlace::Point ReaderPlace::pointOf(const ReaderView &view, int position)
{
    QTextCursor cursor(view.document());
    cursor.setPosition(std::clamp(position, 0, std::max(0, view.document()->characterCount() - 1)));
    Point point;
    point.absolute = cursor.position();
    point.blockId = view.blockIdAt(cursor);
    if (point.blockId > 0)
        point.character = cursor.position() - cursor.block().position();
    return point;
}

int ReaderPlace::positionOf(const ReaderView &view, const Point &point)
{
    const int last = std::max(0, view.document()->characterCount() - 1);
    if (point.blockId > 0) {
        const QTextBlock block = view.textBlock(point.blockId);
        if (block.isValid())
            return std::min(block.position() + std::clamp(point.character, 0, block.length() - 1), last);
    }
    return std::min(point.absolute, last);
}

bool ReaderPlace::restore(ReaderView &view) const
{
    if (m_articleId <= 0 || view.articleId() != m_articleId)
        return false;
    QTextCursor cursor(view.document());
    cursor.setPosition(positionOf(view, m_anchor));
    cursor.setPosition(positionOf(view, m_position), QTextCursor::KeepAnchor);
    view.setTextCursor(cursor);
    if (m_atTop || !m_top.restore(view))
        view.verticalScrollBar()->setValue(0);
    return true;
}

} // namespace dubao
