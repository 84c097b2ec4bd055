// Tags, highlights, notes and notebooks as the library stores them, and the anchor that lets a highlight or a
// note find its place again after the issue's text changes (docs/schema.md, "Schema version 2").
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

namespace dubao {

/// Where an annotation belongs, stored so that it survives a re-parse or a corrected file: the W3C Web
/// Annotation TextQuote selector (quote + prefix/suffix context) and TextPosition selector (offsets), plus
/// enough to find the article again.
///
/// All offsets are QString positions (UTF-16 code units) in Block::text, the cleaned text the reader shows;
/// a character outside the BMP counts 2. The "article text" is the article's block texts concatenated
/// without separators, so splitting or joining paragraphs does not move anything in it.
struct TextAnchor
{
    QString quote;            ///< the annotated text, block.text.mid(start, end - start)
    QString prefix;           ///< up to anchorContextLength() characters of article text before the quote
    QString suffix;           ///< up to anchorContextLength() characters of article text after the quote
    qint64 issueId = 0;       ///< 0 when unknown (the issue was deleted)
    int articlePosition = -1; ///< the article's position in its issue when the anchor was made
    QString articleTitle;
    int blockPosition = -1; ///< the block's position in its article
    int articleStart = -1;  ///< offset of the quote in the article text
    int start = -1;         ///< offset of the quote in the block's text
    int end = -1;           ///< end, exclusive

    friend bool operator==(const TextAnchor &, const TextAnchor &) = default;
};

/// Number of characters of context stored before and after a quote (32).
int anchorContextLength();

/// What a tag can be put on (TagRepository::addTagging).
enum class TagTarget
{
    Article,
    Block, ///< a paragraph
    Highlight,
    Note,
};

struct Tag
{
    qint64 id = 0;
    QString name;        ///< never empty, never contains '/'
    qint64 parentId = 0; ///< 0 for a top-level tag
    QString color;       ///< "#RRGGBB", upper case
    QDateTime createdAt; ///< UTC
    QString path;        ///< "parent/child", filled by the repository's listings

    friend bool operator==(const Tag &, const Tag &) = default;
};

/// What a highlight was made from. Tags on blocks and articles whose paragraph or article disappeared on a
/// re-parse become orphan highlights (so their tag and quote are kept); `origin` says so.
enum class HighlightOrigin
{
    Highlight,
    BlockTag,
    ArticleTag,
};

struct Highlight
{
    qint64 id = 0;
    qint64 blockId = 0; ///< 0 when orphaned
    int start = 0;      ///< in Block::text, UTF-16 units; anchor.start/end hold the same values
    int end = 0;
    TextAnchor anchor;
    HighlightOrigin origin = HighlightOrigin::Highlight;
    bool orphan = false;
    QList<qint64> tagIds; ///< ascending
    QDateTime createdAt;  ///< UTC, millisecond precision
    QDateTime modifiedAt; ///< when it was last changed by a person (not by a re-parse that moved it)
    QString createdBy;    ///< who made it (schema v15: the library user, or a team library's login); empty: unknown
    QString changedBy;    ///< who changed it last (at modifiedAt)
    int rowVersion = 1;   ///< counts its changes: a save of an edit names the version it read

    friend bool operator==(const Highlight &, const Highlight &) = default;
};

struct Note
{
    qint64 id = 0;
    qint64 blockId = 0;     ///< 0 when orphaned
    qint64 highlightId = 0; ///< 0 when on the paragraph only
    QString text;           ///< Markdown
    bool orphan = false;
    TextAnchor anchor; ///< of the block (quote = the block's text), or of its highlight
    QList<qint64> tagIds;
    QDateTime createdAt;
    QDateTime modifiedAt; ///< when its text last changed
    QString createdBy;    ///< who wrote it (schema v15); empty: unknown
    QString changedBy;    ///< who changed its text last (at modifiedAt)
    int rowVersion = 1;   ///< counts the changes of its text: AnnotationRepository::editNote() names the one it read

    friend bool operator==(const Note &, const Note &) = default;
};

struct Notebook
{
    qint64 id = 0;
    QString name;
    QDateTime createdAt;
    QString createdBy;   ///< its owner (schema v15)
    bool shared = false; ///< on a team library: visible to everyone, not only to its owner
    QString changedBy;   ///< who renamed or shared it last (schema v15)
    QDateTime changedAt;

    friend bool operator==(const Notebook &, const Notebook &) = default;
};

struct NotebookEntry
{
    qint64 id = 0;
    qint64 notebookId = 0;
    int position = 0;       ///< 0-based, contiguous within the notebook
    qint64 highlightId = 0; ///< exactly one of highlightId, noteId, text is set
    qint64 noteId = 0;
    QString text; ///< free text (Markdown); null unless a free-text entry
    QDateTime createdAt;
    QString createdBy; ///< who put it there (schema v15)
    QString changedBy; ///< who changed its text last
    QDateTime changedAt;

    bool isFreeText() const { return highlightId == 0 && noteId == 0; }
    friend bool operator==(const NotebookEntry &, const NotebookEntry &) = default;
};

} // namespace dubao
