// The reader's marks of text reuse (issue 22): a bar in the left margin beside every passage the article shares
// with other articles, from the line of its first character to the line of its last, with the number of copies
// beside its top when there is more than one. Geometry, painting and hit-testing from the document's layout; the
// marks themselves (spans of the paragraphs' text, what the tooltip says) are made by the reuse feature.
#pragma once

#include "app/reader/readermargins.h"

#include <QList>
#include <QRect>
#include <QString>

#include <optional>

namespace dubao {

/// A passage of the shown article that other articles share: [start, end) in UTF-16 code units of Block::text.
struct ReuseMarginMark
{
    qint64 blockId = 0;
    int start = 0;
    int end = 0;
    int copies = 0;  ///< how many other articles share it
    QString toolTip; ///< how many copies, the earliest

    friend bool operator==(const ReuseMarginMark &, const ReuseMarginMark &) = default;
};

class ReuseMargin final
{
public:
    /// Replace the marks; false when nothing changed.
    bool setMarks(const QList<ReuseMarginMark> &marks);
    const QList<ReuseMarginMark> &marks() const { return m_marks; }
    bool isEmpty() const { return m_marks.isEmpty(); }

    /// The mark's bar (with its count) in viewport coordinates; empty when its paragraph is not shown.
    QRect markRect(int index, const ReaderMargins::View &view) const;
    /// The mark whose bar is at `point` (3 px to spare), nullopt when none.
    std::optional<int> markAt(const QPoint &point, const ReaderMargins::View &view) const;
    void paint(QPainter &painter, const QRect &exposed, const ReaderMargins::View &view, bool dark) const;
    /// The bars' colour.
    static QColor color(bool dark);

private:
    QRectF barRect(const ReuseMarginMark &mark, const ReaderMargins::View &view) const;

    QList<ReuseMarginMark> m_marks;
};

} // namespace dubao
