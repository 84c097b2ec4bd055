#include "app/reader/readermargins.h"

#include "app/reader/articledocument.h"

#include <QAbstractTextDocumentLayout>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextLayout>

#include <algorithm>

namespace dubao {

namespace {

/// The first text line of a paragraph (0: the title), in document coordinates; null when not shown.
QRectF firstLineRect(const QTextDocument &document, qint64 blockId)
{
    const QTextBlock block =
        blockId > 0 ? findArticleBlock(document, blockId) : findArticlePart(document, ArticlePart::Title);
    if (!block.isValid() || !block.layout() || block.layout()->lineCount() == 0)
        return {};
    const QRectF rect = document.documentLayout()->blockBoundingRect(block);
    const QTextLine line = block.layout()->lineAt(0);
    return QRectF(rect.left(), rect.top() + line.y(), rect.width(), line.height());
}

QRect toViewport(const QRectF &rect, const ReaderMargins::View &view)
{
    return rect.translated(-view.scroll).toAlignedRect();
}

} // namespace

std::pair<qreal, qreal> ReaderMargins::columnMargins(int width, qreal em, bool tags)
{
    const qreal side = std::max(1.5 * em, (width - MeasureEm * em) / 2);
    if (!tags || width < 24 * em)
        return {side, side};
    return {side, std::max(side, (width >= LabelledGutterFromEm * em ? TagGutterEm : DotGutterEm) * em)};
}

QFont ReaderMargins::chipFont(const QFont &font, int textSize)
{
    QFont chip = font;
    chip.setPointSizeF(std::max(7.0, textSize * 0.7));
    return chip;
}

bool ReaderMargins::setNoteMarkers(const QHash<qint64, int> &notesPerBlock)
{
    if (notesPerBlock == m_noteMarkers)
        return false;
    m_noteMarkers = notesPerBlock;
    return true;
}

bool ReaderMargins::setTagMarks(const QList<TagMark> &articleTags, const QHash<qint64, QList<TagMark>> &blockTags)
{
    if (articleTags == m_articleTags && blockTags == m_blockTags)
        return false;
    m_articleTags = articleTags;
    m_blockTags = blockTags;
    return true;
}

void ReaderMargins::clear()
{
    m_noteMarkers.clear();
    m_articleTags.clear();
    m_blockTags.clear();
}

QList<TagMark> ReaderMargins::tagsOf(qint64 blockId) const
{
    return blockId > 0 ? m_blockTags.value(blockId) : m_articleTags;
}

QStringList ReaderMargins::tagPaths(qint64 blockId) const
{
    QStringList paths;
    for (const TagMark &mark : tagsOf(blockId))
        paths << mark.path;
    return paths;
}

// ----------------------------------------------------------------------------------------------------- geometry

QRect ReaderMargins::noteMarkerRect(qint64 blockId, const View &view) const
{
    if (!m_noteMarkers.contains(blockId))
        return {};
    const QTextBlock block = findArticleBlock(*view.document, blockId);
    if (!block.isValid())
        return {};
    const QRectF rect = view.document->documentLayout()->blockBoundingRect(block);
    const qreal em = view.em;
    const qreal side = view.document->rootFrame()->frameFormat().leftMargin();
    const qreal size = std::max(12.0, em * 0.95);
    // The first line's middle, in the margin left of the text column.
    const qreal firstLine = block.layout() && block.layout()->lineCount() > 0 ? block.layout()->lineAt(0).height() : em;
    const qreal x = std::max(2.0, side - size - 0.6 * em);
    const qreal y = rect.top() + block.blockFormat().topMargin() + (firstLine - size) / 2;
    return toViewport(QRectF(x, y, size, size), view);
}

bool ReaderMargins::tagMarksLabelled(const View &view)
{
    return view.document->rootFrame()->frameFormat().rightMargin() >= (TagGutterEm - 0.5) * view.em;
}

QRect ReaderMargins::tagMarksRect(qint64 blockId, const View &view) const
{
    const QList<TagMark> marks = tagsOf(blockId);
    if (marks.isEmpty())
        return {};
    const QRectF line = firstLineRect(*view.document, blockId);
    if (line.isNull())
        return {};
    const qreal em = view.em;
    const qreal margin = view.document->rootFrame()->frameFormat().rightMargin();
    const qreal left = view.document->size().width() - margin + 0.6 * em;
    const qreal width = std::max(0.5 * em, margin - 1.2 * em);
    const QFontMetricsF metrics(view.chipFont);
    qreal height;
    if (tagMarksLabelled(view)) {
        height = marks.size() * (metrics.height() + 6) - 2;
    } else {
        const int perColumn = std::max(1, int(width / (0.7 * em)));
        height = ((marks.size() + perColumn - 1) / perColumn) * 0.7 * em;
    }
    const qreal top = line.top() + std::max<qreal>(0, (line.height() - std::min(height, line.height())) / 2);
    return toViewport(QRectF(left, top, width, height), view);
}

// -------------------------------------------------------------------------------------------------- hit-testing

std::optional<qint64> ReaderMargins::noteMarkerAt(const QPoint &point, const View &view) const
{
    for (auto it = m_noteMarkers.cbegin(); it != m_noteMarkers.cend(); ++it)
        if (noteMarkerRect(it.key(), view).adjusted(-2, -2, 2, 2).contains(point))
            return it.key();
    return std::nullopt;
}

std::optional<qint64> ReaderMargins::tagMarksAt(const QPoint &point, const View &view) const
{
    auto hit = [&](qint64 blockId) {
        return tagMarksRect(blockId, view).adjusted(-2, -2, 2, 2).contains(point);
    };
    if (hit(0))
        return 0;
    for (auto it = m_blockTags.cbegin(); it != m_blockTags.cend(); ++it)
        if (hit(it.key()))
            return it.key();
    return std::nullopt;
}

// ----------------------------------------------------------------------------------------------------- painting

void ReaderMargins::paint(QPainter &painter, const QRect &exposed, const View &view, const QColor &text) const
{
    paintNoteMarkers(painter, exposed, view);
    paintTagMarks(painter, exposed, view, text);
}

void ReaderMargins::paintNoteMarkers(QPainter &painter, const QRect &exposed, const View &view) const
{
    const QColor paper(0xF2B233);
    const QColor ink = paper.darker(180);
    for (auto it = m_noteMarkers.cbegin(); it != m_noteMarkers.cend(); ++it) {
        const QRectF r = noteMarkerRect(it.key(), view);
        if (r.isEmpty() || !r.intersects(exposed))
            continue;
        // A small note card with a folded corner and ruled lines; the count when more than one.
        const qreal fold = r.width() * 0.3;
        QPainterPath card;
        card.moveTo(r.topLeft());
        card.lineTo(r.right() - fold, r.top());
        card.lineTo(r.right(), r.top() + fold);
        card.lineTo(r.bottomRight());
        card.lineTo(r.bottomLeft());
        card.closeSubpath();
        painter.setPen(QPen(ink, 1));
        painter.setBrush(paper);
        painter.drawPath(card);
        if (it.value() > 1) {
            QFont font = painter.font();
            font.setPixelSize(int(r.height() * 0.62));
            font.setBold(true);
            painter.setFont(font);
            painter.drawText(r, Qt::AlignCenter, QString::number(it.value()));
        } else {
            for (int line = 1; line <= 3; ++line) {
                const qreal y = r.top() + r.height() * line / 4.5 + 1;
                painter.drawLine(QPointF(r.left() + 3, y), QPointF(r.right() - (line == 1 ? fold : 3), y));
            }
        }
    }
}

void ReaderMargins::paintTagMarks(QPainter &painter, const QRect &exposed, const View &view, const QColor &text) const
{
    const bool labelled = tagMarksLabelled(view);
    const qreal em = view.em;
    const QFontMetricsF metrics(view.chipFont);
    painter.setFont(view.chipFont);
    auto paint = [&](qint64 blockId, const QList<TagMark> &marks) {
        const QRectF area = tagMarksRect(blockId, view);
        if (area.isEmpty() || !area.intersects(exposed))
            return;
        if (!labelled) {
            // Dots, left to right then down.
            const qreal step = 0.7 * em;
            const qreal d = 0.5 * em;
            const int perColumn = std::max(1, int(area.width() / step));
            for (qsizetype i = 0; i < marks.size(); ++i) {
                const QPointF at(area.left() + (i % perColumn) * step, area.top() + (i / perColumn) * step);
                painter.setPen(QPen(marks[i].color.darker(140), 1));
                painter.setBrush(marks[i].color);
                painter.drawEllipse(QRectF(at, QSizeF(d, d)));
            }
            return;
        }
        // Chips: the tag's colour as a bar and a light wash, its name elided to the margin.
        const qreal h = metrics.height() + 4;
        for (qsizetype i = 0; i < marks.size(); ++i) {
            const QRectF chip(area.left(), area.top() + i * (h + 2), area.width(), h);
            QColor wash = marks[i].color;
            wash.setAlpha(55);
            painter.setPen(Qt::NoPen);
            painter.setBrush(wash);
            painter.drawRoundedRect(chip, 3, 3);
            painter.setBrush(marks[i].color);
            painter.drawRoundedRect(QRectF(chip.left(), chip.top(), 4, chip.height()), 2, 2);
            painter.setPen(text);
            const QRectF label = chip.adjusted(8, 0, -4, 0);
            painter.drawText(label, Qt::AlignVCenter | Qt::AlignLeft,
                             metrics.elidedText(marks[i].name, Qt::ElideRight, label.width()));
        }
    };
    paint(0, m_articleTags);
    for (auto it = m_blockTags.cbegin(); it != m_blockTags.cend(); ++it)
        paint(it.key(), it.value());
}

} // namespace dubao
