// Where the reader is scrolled to, said in the text rather than in pixels: "this line of this paragraph is this
// many pixels below the viewport's top". Pixels go stale whenever the text reflows (a resize, a dock opening or
// closing, the tag margin appearing when the annotations arrive, a new text size); the anchor does not, so the
// reader keeps one and restores it after each reflow. A jump (a search hit, a link, a concordance line) sets the
// anchor on its target, so the target stays where the jump put it.
#pragma once

#include <QtGlobal>

class QTextBlock;
class QTextEdit;

namespace dubao {

class ScrollAnchor
{
public:
    /// The first line of an article paragraph at or below the viewport's top (null when the article has none).
    static ScrollAnchor top(const QTextEdit &view);
    /// The line holding `character` (relative to the block) of an article paragraph, where it is on screen now.
    static ScrollAnchor at(const QTextEdit &view, const QTextBlock &block, int character);

    /// The line holding `character` of paragraph `blockId`, to be shown `y` pixels below the viewport's top.
    static ScrollAnchor placed(qint64 blockId, int character, int y);

    bool isNull() const { return m_blockId == 0; }
    qint64 blockId() const { return m_blockId; }
    /// Scrolls `view` so the anchored line is again `y` pixels below the viewport's top. False when the paragraph
    /// is not in the document (then nothing moves).
    bool restore(QTextEdit &view) const;

    friend bool operator==(const ScrollAnchor &, const ScrollAnchor &) = default;

private:
    qint64 m_blockId = 0;
    int m_character = 0; ///< in the block
    int m_y = 0;         ///< the line's top in viewport pixels (negative: above the viewport's top)
};

} // namespace dubao
