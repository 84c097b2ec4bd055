// What the reader draws in the margins beside the text column: a note marker left of each paragraph with notes,
// and the tags of the article (beside its title) and of its paragraphs (beside each one's first line) in a gutter
// on the right — labelled chips where the margin has room, coloured dots where it has not. Their geometry,
// painting and hit-testing, from the document's layout; the reader view hands in what they need of it.
#pragma once

#include <QColor>
#include <QFont>
#include <QHash>
#include <QList>
#include <QPoint>
#include <QRect>
#include <QString>
#include <QStringList>

#include <optional>

class QPainter;
class QTextDocument;

namespace dubao {

/// A tag on the article or on a paragraph, as the reader draws it in the right margin.
struct TagMark
{
    QString name;
    QString path; ///< "parent/child", for the tooltip
    QColor color;

    friend bool operator==(const TagMark &, const TagMark &) = default;
};

class ReaderMargins final
{
public:
    /// Width of the text column in em (the measure); the column is centred in wider windows.
    static constexpr int MeasureEm = 40;
    /// The right margin in em when the article has tags to label there (readers of LabelledGutterFromEm and wider).
    static constexpr qreal TagGutterEm = 6.5;
    /// The right margin in em for tags drawn as dots: readers of 24 em and wider that cannot spare the labels'
    /// gutter from a readable line (ReadableCharacters).
    static constexpr qreal DotGutterEm = 3;
    /// The characters of a full line the column keeps before its tags' gutter takes room from it (issue 20: 28).
    static constexpr int ReadableCharacters = 28;
    static constexpr qreal LabelledGutterFromEm = ReadableCharacters + 1.5 + TagGutterEm + 1;

    /// What the margins need of the view they are drawn in; rectangles are in its viewport's coordinates.
    struct View
    {
        const QTextDocument *document = nullptr; ///< laid out, its root frame's margins set (columnMargins())
        qreal em = 0;                            ///< the text size in pixels
        QPoint scroll;                           ///< the scroll bars' values
        QFont chipFont;                          ///< the tag labels' font (chipFont())
    };

    /// The text column's left and right margins in a viewport `width` pixels wide: the column is centred, and
    /// tags get a gutter on the right for their labels unless the window is too narrow to spare it.
    static std::pair<qreal, qreal> columnMargins(int width, qreal em, bool tags);
    /// The tag labels' font: `font` at 0.7 of the text size (7 points at least).
    static QFont chipFont(const QFont &font, int textSize);

    /// Replace what is drawn; false when nothing changed.
    bool setNoteMarkers(const QHash<qint64, int> &notesPerBlock);
    bool setTagMarks(const QList<TagMark> &articleTags, const QHash<qint64, QList<TagMark>> &blockTags);
    void clear();

    const QHash<qint64, int> &noteMarkers() const { return m_noteMarkers; }
    const QList<TagMark> &articleTags() const { return m_articleTags; }
    const QHash<qint64, QList<TagMark>> &blockTags() const { return m_blockTags; }
    bool hasTags() const { return !m_articleTags.isEmpty() || !m_blockTags.isEmpty(); }
    bool isEmpty() const { return m_noteMarkers.isEmpty() && !hasTags(); }

    /// The note marker's rectangle (empty when the paragraph has none or is not shown).
    QRect noteMarkerRect(qint64 blockId, const View &view) const;
    /// Where the tags of a paragraph (0: of the article) are drawn; empty when none.
    QRect tagMarksRect(qint64 blockId, const View &view) const;
    /// Whether the right margin has room for labelled chips (else dots).
    static bool tagMarksLabelled(const View &view);

    /// The paragraph whose note marker is at `point` (with 2 px to spare), nullopt when none.
    std::optional<qint64> noteMarkerAt(const QPoint &point, const View &view) const;
    /// The tags drawn at `point` (with 2 px to spare): 0 for the article's, else the paragraph's block id.
    std::optional<qint64> tagMarksAt(const QPoint &point, const View &view) const;
    /// The paths of the tags of a paragraph (0: of the article), for a tooltip.
    QStringList tagPaths(qint64 blockId) const;

    /// Paints the note markers and tags that intersect `exposed`; chip labels in `text`.
    void paint(QPainter &painter, const QRect &exposed, const View &view, const QColor &text) const;

private:
    QList<TagMark> tagsOf(qint64 blockId) const;
    void paintNoteMarkers(QPainter &painter, const QRect &exposed, const View &view) const;
    void paintTagMarks(QPainter &painter, const QRect &exposed, const View &view, const QColor &text) const;

    QHash<qint64, int> m_noteMarkers;
    QList<TagMark> m_articleTags;
    QHash<qint64, QList<TagMark>> m_blockTags;
};

} // namespace dubao
