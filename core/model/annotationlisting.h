// What the library lists of its annotations, and how a listing is filtered: the rows of the annotations panel,
// a notebook as a document, counts for "deleting this removes N annotations". Plain values for widgets and
// export, which never include the store.
#pragma once

#include "core/model/annotation.h"

#include <QDate>
#include <QList>
#include <QString>

namespace dubao {

/// Where an annotation is (or, for an orphan, was): for listings, notebooks and export.
struct AnnotationSource
{
    qint64 issueId = 0; ///< 0 when unknown
    QString publication;
    QDate issueDate;      ///< invalid when the issue's year is unknown
    qint64 articleId = 0; ///< 0 for an orphan
    QString articleTitle; ///< for an orphan: the title its anchor remembers
    qint64 blockId = 0;   ///< 0 for an orphan
    int blockPosition = -1;
};

struct AnnotationFilter
{
    enum class Orphans
    {
        Exclude,
        Only,
        Include
    };
    QList<qint64> tagIds;         ///< any of these (empty: no tag filter)
    bool includeChildTags = true; ///< a tag also matches annotations tagged with its descendants
    qint64 articleId = 0;
    qint64 issueId = 0;
    QDate from; ///< issue date range, inclusive; invalid = open
    QDate to;
    QString text;   ///< substring of the quote or the note's text (case-insensitive for Latin letters)
    QString author; ///< who made it (created_by, exactly; schema v15); empty: anyone
    Orphans orphans = Orphans::Exclude;
    bool highlights = true;
    bool notes = true;
};

/// One row of the annotations panel.
struct AnnotationItem
{
    enum class Kind
    {
        Highlight,
        Note
    };
    Kind kind = Kind::Highlight;
    Highlight highlight; ///< for a note on a highlight: that highlight
    Note note;           ///< set when kind == Note
    AnnotationSource source;
};

/// How many annotations are on an issue or article (for "deleting this will remove N annotations").
struct AnnotationCounts
{
    int highlights = 0;
    int notes = 0;
    int articleTags = 0;
    int blockTags = 0;
    int notebookEntries = 0; ///< entries showing those highlights and notes

    int total() const { return highlights + notes + articleTags + blockTags; }
};

/// One entry of a notebook as a document shows it.
struct NotebookItem
{
    NotebookEntry entry;
    /// The quote: the highlight's text, or for a note on a highlight that highlight's text; for a note on a
    /// paragraph the paragraph's text. Empty for free text.
    QString quote;
    AnnotationSource source; ///< publication, issue date, article title and id, block id (not for free text)
    bool orphan = false;     ///< the highlight or note is an orphan (source then comes from its anchor)
    QList<Note> notes;       ///< the note itself, or the notes on the highlight
    QList<Tag> tags;         ///< of the highlight or note, with paths
    QString text;            ///< free text (Markdown)
};

} // namespace dubao
