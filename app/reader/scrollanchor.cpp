#include "app/reader/scrollanchor.h"

#include "app/reader/articledocument.h"

#include <QAbstractTextDocumentLayout>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextEdit>
#include <QTextLayout>

namespace dubao {

namespace {

/// The top of the line holding `character` of `block`, in document pixels (the block laid out first).
qreal lineTop(const QTextDocument &document, const QTextBlock &block, int character)
{
    const QRectF rect = document.documentLayout()->blockBoundingRect(block); // lays the block out
    const QTextLayout *layout = block.layout();
    if (!layout || layout->lineCount() == 0)
        return rect.top();
    const QTextLine line = layout->lineForTextPosition(qBound(0, character, block.length() - 1));
    return line.isValid() ? layout->position().y() + line.y() : rect.top();
}

} // namespace

ScrollAnchor ScrollAnchor::top(const QTextEdit &view)
{
    const QTextDocument &document = *view.document();
    const int value = view.verticalScrollBar()->value();
    QAbstractTextDocumentLayout *layout = document.documentLayout();
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        if (articleBlockId(block) <= 0 || layout->blockBoundingRect(block).bottom() <= value)
            continue;
        // The first of its lines whose bottom is below the viewport's top.
        int character = 0;
        if (const QTextLayout *text = block.layout()) {
            for (int i = 0; i < text->lineCount(); ++i) {
                const QTextLine line = text->lineAt(i);
                character = line.textStart();
                if (text->position().y() + line.y() + line.height() > value)
                    break;
            }
        }
        return at(view, block, character);
    }
    return {};
}

ScrollAnchor ScrollAnchor::at(const QTextEdit &view, const QTextBlock &block, int character)
{
    ScrollAnchor anchor;
    anchor.m_blockId = articleBlockId(block);
    if (anchor.m_blockId <= 0)
        return {};
    anchor.m_character = character;
    anchor.m_y = qRound(lineTop(*view.document(), block, character)) - view.verticalScrollBar()->value();
    return anchor;
}

ScrollAnchor ScrollAnchor::placed(qint64 blockId, int character, int y)
{
    ScrollAnchor anchor;
    anchor.m_blockId = blockId;
    anchor.m_character = character;
    anchor.m_y = y;
    return anchor;
}

bool ScrollAnchor::restore(QTextEdit &view) const
{
    if (isNull())
        return false;
    const QTextBlock block = findArticleBlock(*view.document(), m_blockId);
    if (!block.isValid())
        return false;
    const int value = qRound(lineTop(*view.document(), block, m_character)) - m_y;
    QScrollBar *bar = view.verticalScrollBar();
    // A document laid out lazily may not have told the scroll bar its full height yet: finish the layout and
    // widen the range, or the value would be clamped short of the anchor.
    const int height = qCeil(view.document()->documentLayout()->documentSize().height());
    const int maximum = std::max(0, height - view.viewport()->height());
    if (bar->maximum() < maximum)
        bar->setRange(0, maximum);
    bar->setValue(value);
    return true;
}

} // namespace dubao
