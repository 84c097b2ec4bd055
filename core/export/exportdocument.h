// What an export writes: the excerpts (or a notebook's entries) with everything each carries, gathered from the
// library by ExcerptCollector, and the options the writers honour. Plain values: no database, no Gui, so a
// writer can run on any thread.
#pragma once

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace dubao {

struct ExportNote
{
    qint64 id = 0;
    QString text; ///< Markdown as the user wrote it
    QDateTime createdAt;
    QByteArray uid;      ///< empty when unknown
    QString createdBy{}; ///< who wrote it (schema v15); empty when unknown
    QString changedBy{}; ///< who changed its text last

    friend bool operator==(const ExportNote &, const ExportNote &) = default;
};

/// One excerpt, or one free-text entry of a notebook.
struct Excerpt
{
    enum class Kind
    {
        Highlight, ///< a highlighted span
        Note,      ///< a note on a paragraph (the quote is the paragraph)
        Paragraph, ///< a tagged paragraph (the quote is the whole paragraph)
        Article,   ///< a tagged article (the quote is the whole article, paragraphs separated by "\n\n")
        Text,      ///< a notebook's free-text entry: only `text` is set
    };
    Kind kind = Kind::Highlight;
    QString quote;
    QStringList tags; ///< tag paths ("parent/child"), in the library's tag order
    QList<ExportNote> notes;
    QString text; ///< free text (Markdown), Kind::Text only

    qint64 highlightId = 0;
    qint64 noteId = 0;
    qint64 blockId = 0;   ///< 0 for an article or an orphan
    qint64 articleId = 0; ///< 0 for an orphan
    qint64 issueId = 0;
    /// The rows' uids (schema v4): the stable keys of links, citations and annotation ids. Empty when unknown
    /// (an orphan's block, a document built without a library).
    QByteArray highlightUid;
    QByteArray noteUid;
    QByteArray blockUid;
    QByteArray articleUid;
    QByteArray issueUid;

    QString articleTitle;
    QString publication;
    QDate issueDate;           ///< invalid when the issue's year is unknown
    bool dateInferred = false; ///< the year was not printed but inferred (citations flag it as a guess)
    /// Other years the evidence points at (IssueInfo::yearAlternatives): non-empty makes the year uncertain, and
    /// every format that gives the date says so.
    QList<int> yearAlternatives;
    bool dateUncertain() const { return dateInferred && !yearAlternatives.isEmpty(); }
    QStringList reporters;
    QString page;     ///< the page (版次) the article is on as printed ("3", "A3"), empty when the file names none
    QString pageName; ///< the page's name (要闻), or empty

    int articlePosition = -1; ///< the article's position in its issue
    int blockPosition = -1;
    int start = -1; ///< offset of the quote in the paragraph's text (UTF-16 units), -1 when not a span (a whole
                    ///< paragraph or article)
    int end = -1;
    int articleStart = -1; ///< offset of the quote in the article text (block texts concatenated)
    QString prefix;        ///< the paragraph's text right before and after the span (Web Annotation
                           ///< TextQuoteSelector), at most anchorContextLength(); empty when not a span
    QString suffix;
    bool orphan = false;
    QDateTime createdAt;
    QDateTime modifiedAt;
    /// Who made it (schema v15): the highlight's or note's author, a notebook entry's, or who tagged the paragraph or
    /// article (several people: their names joined with ", "); empty when unknown. Who changed it last: changedBy.
    QString createdBy;
    QString changedBy;

    bool isText() const { return kind == Kind::Text; }
    /// "dubao://block/<UUID>" (or "dubao://article/<UUID>" for an article), the integer form "dubao://block/<ID>"
    /// when the uid is not known; empty for an orphan or free text.
    QString link() const;
    /// "dubao://article/<UUID>" (or <ID>), empty when the article is unknown.
    QString articleLink() const;

    friend bool operator==(const Excerpt &, const Excerpt &) = default;
};

/// "highlight", "note", "paragraph", "article", "text" (the JSON schema's `kind`).
QString excerptKindName(Excerpt::Kind kind);

/// A tag of the library, for the formats that carry the tags themselves (colours, the code book of REFI-QDA).
struct ExportTag
{
    QString path{};   ///< "parent/child"
    QString name{};   ///< the last part of the path
    QString colour{}; ///< "#RRGGBB"
    qint64 id = 0;

    friend bool operator==(const ExportTag &, const ExportTag &) = default;
};

struct ExportDocument
{
    QString title;            ///< "Dubao excerpts" or the notebook's name
    qint64 notebookId = 0;    ///< set when the document is a notebook (entries in the notebook's order)
    QDateTime generatedAt;    ///< UTC
    QString selectionSummary; ///< one line saying what was selected, for the document's header
    QList<Excerpt> excerpts;
    QList<ExportTag> tags; ///< every tag of the library, parents before children, in the library's order
    /// The paragraphs of every article an excerpt comes from, by article id (REFI-QDA's sources are articles).
    QHash<qint64, QStringList> articleParagraphs;

    bool isNotebook() const { return notebookId != 0; }
    /// The colour of the tag at `path` ("#RRGGBB"), empty when unknown.
    QString tagColour(const QString &path) const;
};

struct ExportOptions
{
    enum class Grouping
    {
        None,
        Tag,  ///< Markdown/HTML/ODT/PDF: a section per tag (an excerpt with several tags appears under each)
        Date, ///< a section per issue date
    };
    Grouping grouping = Grouping::None;
    bool excerptsAsNotes = false; ///< CSL-JSON/RIS: attach each excerpt (quote and notes) as a note
    bool withLinks = false;       ///< CSL-JSON URL / RIS UR: the article's dubao: link (a private link, so off)
    QString fontFamily;           ///< ODT/PDF; empty: "Noto Serif CJK SC"
};

/// Called by writers as they go; returns false to cancel (the writer then stops and fails with "cancelled").
/// May be empty. `done` counts excerpts written of `total`.
using ExportProgress = std::function<bool(qsizetype done, qsizetype total)>;

/// Identifiers the writers share.
QString isoDate(const QDate &date);         ///< "2023-06-14", or empty
QString isoDateTime(const QDateTime &time); ///< "2023-06-14T08:00:00.000Z", or empty

} // namespace dubao
