// The reading pane's document as pure functions: an article (or a message) and how to typeset it in, the content
// of a QTextDocument out — one QTextBlock per paragraph carrying its block id — then the highlights drawn over
// its paragraphs and the search matches as selections. No widget, no database, no globals: the reader view calls
// them with its text size, resolution, palette and translated words, and a test can call them with its own.
#pragma once

#include "core/model/issue.h"

#include <QColor>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QTextCursor>
#include <QTextEdit>
#include <QTextFormat>

class QPalette;
class QTextBlock;
class QTextDocument;

namespace dubao {

/// A span of one paragraph's cleaned text: [start, end) in UTF-16 code units of Block::text.
struct TextSpan
{
    qint64 blockId = 0;
    int start = 0;
    int end = 0;

    friend bool operator==(const TextSpan &, const TextSpan &) = default;
};

/// A highlight as the reader draws it: a span of one paragraph in its (first) tag's colour.
struct HighlightMark
{
    qint64 id = 0;
    qint64 blockId = 0;
    int start = 0;
    int end = 0;
    QColor color;
    QStringList tags{}; ///< its tags' paths, for the tooltip

    friend bool operator==(const HighlightMark &, const HighlightMark &) = default;
};

/// A correction of the OCR as the reader marks it: a span of one paragraph (a paragraph's first character for a
/// join, split or kind), underlined with dots, and what its tooltip says.
struct CorrectionMark
{
    qint64 id = 0;
    qint64 blockId = 0;
    int start = 0;
    int end = 0;
    QString toolTip;

    friend bool operator==(const CorrectionMark &, const CorrectionMark &) = default;
};

/// Properties set on each QTextBlockFormat of an article document.
enum ArticleBlockProperty
{
    BlockIdProperty = QTextFormat::UserProperty + 1, ///< qint64 Block::id; absent on headline/byline
    BlockKindProperty,                               ///< int(BlockKind), on paragraphs
    PartProperty,                                    ///< int(ArticlePart)
};

/// What a block of an article document shows.
enum class ArticlePart
{
    Kicker,
    Title,
    Subtitle,
    Byline,
    Paragraph,
    Placeholder,
    Reuse, ///< the line under the byline saying how much of the article other articles share
};

/// How an article is typeset: the reader's text size, the screen's resolution and the palette's colours.
struct ArticleStyle
{
    int textSize = 14; ///< points
    int dpi = 96;      ///< the screen's logical dots per inch (QPaintDevice::logicalDpiY())
    QColor text;       ///< the palette's Text
    QColor paper;      ///< the palette's Base

    /// The text size in pixels.
    qreal em() const { return textSize * dpi / 72.0; }
};

/// The words the document adds to an article, translated by the caller.
struct ArticleLabels
{
    QString untitled;  ///< the title of an article that has none
    QString reporters; ///< "Reporters: %1", %1 the reporters' names joined by 、
    QString reuse{};   ///< the text-reuse line under the byline ("83% shared with …"); empty: none
    QString page{};    ///< "Page %1" (第%1版), %1 the page as printed; the byline ends with it when the file names it
};

/// Replaces the document's content with the article: kicker, title, subtitles, the byline (source, reporters,
/// the issue's publication and date, the page and its name), then one block per paragraph with its BlockIdProperty and
/// BlockKindProperty. Every block has its PartProperty. Line breaks inside a paragraph become U+2028, so offsets
/// into the document's blocks are offsets into Block::text.
void buildArticleDocument(QTextDocument &document, const Article &article, const IssueInfo &issue,
                          const ArticleStyle &style, const ArticleLabels &labels);
/// Replaces the document's content with a centred message (no library, empty library, ...).
void buildPlaceholderDocument(QTextDocument &document, const QString &message, const ArticleStyle &style);

/// The paragraph a block shows, 0 for the headline, the byline and a placeholder.
qint64 articleBlockId(const QTextBlock &block);
/// The block of a paragraph, invalid when the document has none with that id.
QTextBlock findArticleBlock(const QTextDocument &document, qint64 blockId);
/// The first block showing `part` (e.g. the title), invalid when none.
QTextBlock findArticlePart(const QTextDocument &document, ArticlePart part);
/// The document range [start, end) as spans of cleaned paragraph text, one per paragraph it touches (headline
/// parts skipped).
QList<TextSpan> articleSpans(const QTextDocument &document, int start, int end);
/// A cursor selecting [start, end) of a block's text, both clamped to it.
QTextCursor blockSpanCursor(const QTextBlock &block, int start, int end);

/// Draws the highlights over the paragraphs as layout formats, tinting `paper` with their colours (overlaps blend
/// their colours and are underlined); paragraphs without one lose theirs.
void applyHighlightFormats(QTextDocument &document, const QList<HighlightMark> &highlights, const QColor &paper);
/// The highlights covering the character at a document position (in the order given).
QList<HighlightMark> highlightsAtPosition(const QTextDocument &document, const QList<HighlightMark> &highlights,
                                          int position);

/// Where a highlight starts or ends, so that each one's extent shows where highlights overlap (the reader draws a
/// bracket there in a deeper shade of the highlight's colour).
struct HighlightEdge
{
    int position = 0;  ///< in the document
    bool start = true; ///< the opening edge; false: the closing one (`position` is the end, exclusive)
    QColor color;

    friend bool operator==(const HighlightEdge &, const HighlightEdge &) = default;
};
/// The edges of the highlights that touch another one (a highlight alone needs none: its tint shows its extent).
QList<HighlightEdge> highlightEdges(const QTextDocument &document, const QList<HighlightMark> &highlights);
/// What hovering highlighted text says: every highlight there, each by the start of its own text (so two with the
/// same tags are told apart) and its tags. Empty without highlights.
QString highlightToolTip(const QTextDocument &document, const QList<HighlightMark> &highlights);

/// Colours of a search match, shared with the search results list.
QColor searchMatchBackground(const QPalette &palette, bool current);
QColor searchMatchForeground(const QPalette &palette, bool current);
/// The search matches as selections to draw over the document, `current` (an index into `matches`, -1 for
/// none) in the stronger colour; matches in paragraphs the document does not show are left out.
QList<QTextEdit::ExtraSelection> searchMatchSelections(const QTextDocument &document, const QList<TextSpan> &matches,
                                                       int current, const QPalette &palette);

} // namespace dubao

Q_DECLARE_METATYPE(dubao::TextSpan)
