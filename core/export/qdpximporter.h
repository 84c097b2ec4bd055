// Reads a REFI-QDA project exchange file (.qdpx) back into a library: its code book becomes tags (hierarchy and
// colours), its coded text selections highlights and tags on the articles they quote, its notes notes on those
// paragraphs. What Dubao wrote (core/export/qdpxwriter.cpp) comes back as the same kinds of annotation; another
// program's selections come back as highlights. A source is matched to a stored article by its text: the article's
// paragraphs joined as the writer joins them (qdpx::articleText), found by headline or by first paragraph; when
// several stored articles have that text (a reprint), the source's uid-based GUID or its description (publication
// and date) picks one. The whole import is one transaction: a damaged file changes nothing.
#pragma once

#include "core/export/exportdocument.h"
#include "core/model/annotation.h"
#include "core/model/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QStringList>

namespace dubao {

class Library;

/// What an import added, by id: what undoing it removes.
struct QdpxAdditions
{
    struct Tagging
    {
        TagTarget target = TagTarget::Article;
        qint64 tagId = 0;
        qint64 targetId = 0;
    };
    QList<qint64> tags; ///< in creation order (parents first)
    QList<qint64> highlights;
    QList<qint64> notes;
    QList<Tagging> taggings; ///< put on what the library had (a new highlight's tags go with it)
};

struct QdpxImportReport
{
    int sources = 0;        ///< text sources in the file
    int matchedSources = 0; ///< found in the library
    QStringList unmatched;  ///< the names of the sources not found (or found more than once), with why
    int tagsCreated = 0;
    int highlightsAdded = 0;
    int paragraphTagsAdded = 0;
    int articleTagsAdded = 0;
    int notesAdded = 0;
    int alreadyThere = 0; ///< highlights, taggings and notes the library already had
    int unplaced = 0;     ///< selections outside their source's text
    /// Highlights, notes and taggings recorded as made by the user the file names (QDA-XML creatingUser and
    /// modifyingUser): on a library file. A team library records the importing user (its server lets nobody
    /// write under another's name); authorsNotKept lists the other names the file gave.
    int authorsKept = 0;
    QStringList authorsNotKept;
    QdpxAdditions added;
};

class QdpxImporter final
{
    Q_DECLARE_TR_FUNCTIONS(dubao::QdpxImporter)

public:
    /// @warning uses `library`'s connection: call on the thread that opened it.
    explicit QdpxImporter(Library &library);

    /// Imports the archive's annotations. An error (and no change) for a file that is not a REFI-QDA project or
    /// that the library refuses; sources not found in the library are listed in the report, not an error.
    /// `progress` (sources done of all) is called after each source; when it returns false the import stops and
    /// rolls back, and the error says it was cancelled (QdpxImporter::cancelledMessage()).
    Result<QdpxImportReport> importArchive(const QByteArray &archive, const ExportProgress &progress = {});
    Result<QdpxImportReport> importFile(const QString &path);
    /// Removes what an import added (its undo), in one transaction: the notes, the taggings, the highlights, then
    /// the tags it created.
    Result<void> remove(const QdpxAdditions &added);

    /// What a cancelled import fails with.
    static QString cancelledMessage();

private:
    Library &m_library;
};

} // namespace dubao
