// Where the user is in the reader, said in the text: the line at the top of the view and the selection (or the
// cursor) as paragraph and character. The window shows an article again when its text changed under the user (a
// colleague's correction or re-parse on a team library, a replace); the place taken before and restored after keeps
// the reader where the user was instead of at the headline.
#pragma once

#include "app/reader/scrollanchor.h"

#include <QtGlobal>

namespace dubao {

class ReaderView;

class ReaderPlace
{
public:
    static ReaderPlace of(const ReaderView &view);

    /// Puts the selection back (each end in its paragraph, clamped to the paragraph's new length), then the line
    /// that was at the top. Nothing when the view shows another article or none. False when nothing was restored.
    bool restore(ReaderView &view) const;

    qint64 articleId() const { return m_articleId; }

private:
    /// A position in the document: in paragraph `blockId` at `character`, or (headline, byline) at `absolute`.
    struct Point
    {
        qint64 blockId = 0;
        int character = 0;
        int absolute = 0;
    };
    static Point pointOf(const ReaderView &view, int position);
    static int positionOf(const ReaderView &view, const Point &point);

    qint64 m_articleId = 0;
    bool m_atTop = true;
    ScrollAnchor m_top;
    Point m_anchor;
    Point m_position;
};

} // namespace dubao
