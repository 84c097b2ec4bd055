// Articles and their blocks (paragraphs, headings, speakers, captions, notes) as the parser produces them
// and the library stores them.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace dubao {

enum class BlockKind
{
    Body,    ///< an ordinary paragraph of the article's text
    Heading, ///< a section heading inside an article
    Speaker, ///< the line naming who speaks, in a compiled feature
    Caption, ///< a picture's caption
    Note,    ///< an editor's note such as 本报有删节
};

/// The lowercase name used in JSON and in the database: "body", "heading", "speaker", "caption", "note".
QString blockKindName(BlockKind kind);
std::optional<BlockKind> blockKindFromName(QStringView name);

struct Block
{
    qint64 id = 0; ///< 0 until stored in a library
    BlockKind kind = BlockKind::Body;
    QString text;      ///< cleaned: OCR repairs applied, what the reader shows and annotations count in
    QString raw;       ///< exactly the file's lines this block came from, joined with '\n'
    int firstLine = 0; ///< 1-based line numbers in the source file, inclusive
    int lastLine = 0;

    friend bool operator==(const Block &, const Block &) = default;
};

struct Byline
{
    QString source;        ///< 本报讯, 本报评论员, or a wire such as 华龙网-新重庆客户端消息
    QStringList reporters; ///< names, OCR spaces removed
    QString date;          ///< "MM-DD" when the byline gives a month and day, else empty
    QString raw;           ///< the byline as the file wrote it

    friend bool operator==(const Byline &, const Byline &) = default;
};

struct Article
{
    qint64 id = 0;  ///< 0 until stored in a library
    QString kicker; ///< 引题, may be empty
    QString title;
    QStringList subtitles;
    std::optional<Byline> byline;
    QList<Block> blocks; ///< in reading order
    int firstLine = 0;   ///< the first line of the headline (or first block), 1-based
    int lastLine = 0;
    /// The page (版次) the issue file puts the article on, its number as printed ("3", "03", "A3", "三"); empty
    /// when the file names no page (docs/parser.md, rule "page-header").
    QString page;
    QString pageName; ///< the page's name printed beside its number (要闻, 综合新闻), or empty

    friend bool operator==(const Article &, const Article &) = default;
};

/// A page number as a citation gives it: ASCII digits without leading zeros, Chinese numerals as digits, a letter
/// prefix kept ("03" → "3", "三" → "3", "十二" → "12", "Ａ０３" → "A3"). Empty for an empty page.
QString citedPage(const QString &page);

} // namespace dubao
