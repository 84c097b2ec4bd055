// The one sanitiser of the user's Markdown (notes, notebook free text), for every export writer and the app's
// note preview: raw HTML, script-capable links (javascript:, data:, file:, any scheme but http, https, mailto and
// dubao) and image sources (remote images would be fetched when the file is opened) are taken out; everything
// else stays as the user wrote it. Parsed with md4c (CommonMark with GitHub tables and strikethrough).
#pragma once

#include <QList>
#include <QString>

namespace dubao::markdown {

/// A link destination a reader may follow: http(s), mailto, dubao, or one without a scheme (relative, #fragment).
bool isSafeLink(const QString &url);

/// `markdown` as written, minus raw HTML, with unsafe link destinations and every image source emptied (an image
/// keeps its alt text). When an unsafe destination cannot be located in the source (it is written with escapes or
/// entities), the whole text is escaped so it renders as plain text. The app's note preview calls this before
/// QTextDocument::setMarkdown(); the Markdown export writes its result.
QString sanitize(const QString &markdown);

/// A run of text with one formatting.
struct Span
{
    QString text;
    bool bold = false;
    bool italic = false;
    bool code = false;
    bool strike = false;
    QString href; ///< a safe link, or empty

    friend bool operator==(const Span &, const Span &) = default;
};

/// A table cell: its text runs.
struct Cell
{
    QList<Span> spans;

    QString plainText() const;
    friend bool operator==(const Cell &, const Cell &) = default;
};

/// How a table column's cells are aligned (`:---`, `:---:`, `---:` in its delimiter row).
enum class Align
{
    Default,
    Left,
    Center,
    Right,
};

/// A block of rendered Markdown.
struct Block
{
    enum class Kind
    {
        Paragraph,
        Heading,     ///< `level` 1–6
        BulletItem,  ///< `level` is the list depth (1 = top level)
        OrderedItem, ///< `level` as BulletItem; `number` is the item's number
        Quote,       ///< a paragraph in a block quote
        Code,        ///< a code block: one span, line feeds kept
        Rule,        ///< a thematic break: no spans
        Table,       ///< a GitHub table: `rows` of cells, the first `headerRows` of them its head; no spans
    };
    Kind kind = Kind::Paragraph;
    int level = 0;
    int number = 0;
    QList<Span> spans;
    QList<QList<Cell>> rows; ///< a table's rows, each with one cell per column
    QList<Align> columns;    ///< a table's columns' alignment
    int headerRows = 0;      ///< how many of `rows` are the table's head (GitHub tables have one)

    /// The spans' text; a table's rows on lines of their cells separated by " | ".
    QString plainText() const;
    /// "• " for a bullet item, "3. " for an ordered one, empty otherwise: what a flat layout writes before it.
    QString listMarker() const;
    friend bool operator==(const Block &, const Block &) = default;
};

/// sanitize(markdown) parsed into blocks, for the writers that lay text out (ODT, PDF, HTML). Raw HTML cannot
/// survive (it is parsed as text); images are their alt text. A table is one block of rows and cells (an escaped
/// pipe `\|` in a cell is a pipe, in a code span too, as GitHub renders it).
QList<Block> render(const QString &markdown);

/// render() as HTML (every text escaped; links only when safe), for the HTML export.
QString toHtml(const QString &markdown);

} // namespace dubao::markdown
