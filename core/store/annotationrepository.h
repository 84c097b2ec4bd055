// Highlights and notes: creating, editing, deleting (with snapshots that restore() puts back with the same
// ids), re-attaching orphans by hand, and the listings of the annotations panel. Every change is one
// transaction. Offsets are QString (UTF-16) positions in Block::text, end exclusive.
#pragma once

#include "core/model/annotation.h"
#include "core/model/annotationlisting.h"
#include "core/model/annotationsnapshots.h"
#include "core/model/result.h"
#include "core/store/tagrepository.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace dubao {

class Library;

class AnnotationRepository final
{
public:
    explicit AnnotationRepository(Library &library);

    /// Highlights [start, end) of the block's text (0 <= start < end <= length, not splitting a surrogate
    /// pair) and puts `tagIds` on it. Returns the new id.
    Result<qint64> addHighlight(qint64 blockId, int start, int end, const QList<qint64> &tagIds = {});
    std::optional<Highlight> highlight(qint64 id) const;
    QList<Highlight> highlightsOfBlock(qint64 blockId) const;     ///< by start, then id
    QList<Highlight> highlightsOfArticle(qint64 articleId) const; ///< by block position, start, id
    /// Deletes the highlight and its tags; notes on it stay on its block; notebook entries showing it go.
    /// With a `readVersion` (> 0) the delete happens only while the highlight is still at that row version (nobody
    /// changed it since it was read); else nothing changes and the error names who changed it (highlightConflict).
    Result<HighlightDeletion> removeHighlight(qint64 id, int readVersion = 0);
    static Error highlightConflict(const Highlight &now);
    Result<void> restore(const HighlightDeletion &deletion);

    /// Adds a Markdown note on a block, optionally on a highlight of that block (blockId 0: the highlight's
    /// block). Returns the new id.
    Result<qint64> addNote(qint64 blockId, qint64 highlightId, const QString &text);
    std::optional<Note> note(qint64 id) const;
    QList<Note> notesOfBlock(qint64 blockId) const; ///< by creation
    QList<Note> notesOfArticle(qint64 articleId) const;
    QList<Note> notesOfHighlight(qint64 highlightId) const;
    /// Every note on a highlight, by highlight id, each list by creation as notesOfHighlight() gives it: one read
    /// for a caller that visits many highlights (an export of 10,000 excerpts).
    QHash<qint64, QList<Note>> notesOfHighlights() const;
    /// Replaces the text, updates modified_at; returns the old text (undo: editNote with it). With a `readVersion`
    /// (the Note::rowVersion the editor read; 0: any), a note changed since by anyone is not written: the error
    /// (editConflict()) names who changed it and when, and `changedSince` (when given) receives the note as it is
    /// now, so that the caller can show both texts. Nothing is ever overwritten unseen.
    Result<QString> editNote(qint64 id, const QString &text, int readVersion = 0,
                             std::optional<Note> *changedSince = nullptr);
    /// The refusal of a save that found `now` changed since it was read.
    static Error editConflict(const Note &now);
    /// Deletes the note and its tags; notebook entries showing it go. With a `readVersion` (> 0) the delete happens
    /// only while the note is still at that row version (nobody changed its text since it was read); else nothing
    /// changes and the error names who changed it (noteDeletionConflict).
    Result<NoteDeletion> removeNote(qint64 id, int readVersion = 0);
    static Error noteDeletionConflict(const Note &now);
    Result<void> restore(const NoteDeletion &deletion);

    /// Re-attaches a highlight (orphan or not) to [start, end) of a block; the anchor is made anew. Notes on
    /// it follow. Returns its previous placement.
    Result<AnnotationPlacement> attachHighlight(qint64 id, qint64 blockId, int start, int end);
    /// Re-attaches a note (orphan or not, without a highlight) to a block.
    Result<AnnotationPlacement> attachNote(qint64 id, qint64 blockId);
    /// Undo of attach...(): puts a highlight or note back where `placement` says (also as an orphan).
    Result<void> restoreHighlightPlacement(const AnnotationPlacement &placement);
    Result<void> restoreNotePlacement(const AnnotationPlacement &placement);

    /// The annotations panel: highlights and notes matching `filter`, by issue date, article, block, offset.
    QList<AnnotationItem> list(const AnnotationFilter &filter = {}) const;
    /// Orphan highlights and notes (quote, context, tags and notes kept), newest first.
    QList<AnnotationItem> orphans() const;
    AnnotationSource sourceOfHighlight(qint64 id) const;
    AnnotationSource sourceOfNote(qint64 id) const;

    AnnotationCounts countsForIssue(qint64 issueId) const;
    AnnotationCounts countsForArticle(qint64 articleId) const;

    /// The anchor of [start, end) of a stored block (quote, context, article position and title, issue id);
    /// an error for an unknown block or an invalid range.
    Result<TextAnchor> anchorFor(qint64 blockId, int start, int end) const;

private:
    Library &m_library;
};

} // namespace dubao
