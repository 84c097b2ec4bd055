// Gathers what an export writes from the library: the excerpts a selection picks (tags, dates, publication,
// articles, a search query) or a notebook's entries in its order, each with quote, tags, notes, article,
// publication, issue date and reporters.
#pragma once

#include "core/export/exportdocument.h"
#include "core/model/result.h"
#include "core/store/annotationrepository.h"

#include <QDate>
#include <QList>
#include <QString>

#include <atomic>

namespace dubao {

class Library;

struct ExportSelection
{
    QList<qint64> tagIds;         ///< empty: every excerpt (highlights, notes, tagged paragraphs and articles)
    bool allTags = false;         ///< true: an excerpt must carry every tag in tagIds, false: any of them
    bool includeChildTags = true; ///< a tag also matches excerpts tagged with its descendants
    QDate from;                   ///< issue date range, inclusive; invalid = open
    QDate to;
    QString publication;      ///< exact name; empty = any
    QList<qint64> articleIds; ///< empty = any
    qint64 issueId = 0;
    QString text;  ///< substring of quote or note (AnnotationFilter::text)
    QString query; ///< a search query (docs/search.md): only excerpts in paragraphs/articles/notes it finds
    /// Only what these people made (ASCII letters folded): their highlights and notes, the paragraphs and articles
    /// they tagged, and excerpts carrying a note of theirs. Empty: anyone's.
    QStringList authors;
    bool includeOrphans = false;
    qint64 notebookId = 0; ///< set: export this notebook in its own order (the other fields are ignored)

    /// The selection of the annotations panel's filter.
    static ExportSelection fromFilter(const AnnotationFilter &filter);
    static ExportSelection forNotebook(qint64 notebookId);
};

class ExcerptCollector final
{
public:
    /// @warning uses `library`'s connection: call on the thread that opened it.
    explicit ExcerptCollector(Library &library);

    /// The document for `selection`; `limit` > 0 stops after that many excerpts (the dialog's preview).
    /// Returns an error when the notebook is unknown or the query is invalid; an empty document when nothing
    /// matches. Setting `cancel` makes it return promptly (with an error).
    Result<ExportDocument> collect(const ExportSelection &selection, int limit = 0,
                                   const std::atomic_bool *cancel = nullptr) const;

private:
    Library &m_library;
};

} // namespace dubao
