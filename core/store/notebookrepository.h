// Notebooks: named, ordered collections of highlights, notes and free text, and the document view of one
// (each entry with its quote, source and notes) that the GUI and the exporters render.
#pragma once

#include "core/model/annotation.h"
#include "core/model/annotationlisting.h"
#include "core/model/annotationsnapshots.h"
#include "core/model/result.h"
#include "core/store/annotationrepository.h"

#include <QList>
#include <QString>

#include <optional>

namespace dubao {

class Library;

class NotebookRepository final
{
public:
    explicit NotebookRepository(Library &library);

    /// Names are trimmed, not empty, unique. Returns the new id.
    Result<qint64> create(const QString &name);
    std::optional<Notebook> notebook(qint64 id) const;
    std::optional<Notebook> findByName(const QString &name) const;
    QList<Notebook> list() const;                           ///< by name in Chinese collation
    Result<QString> rename(qint64 id, const QString &name); ///< old name
    /// Shares the notebook with everyone of a team library, or makes it its creator's alone again (on a file the
    /// flag is only stored, so that it survives a copy into a team library). Returns whether it was shared before
    /// (undo: setShared with it). On a team library the server lets its creator do it, and an editor unshare.
    Result<bool> setShared(qint64 id, bool shared);
    Result<NotebookDeletion> remove(qint64 id);
    Result<void> restore(const NotebookDeletion &deletion);

    /// Adds an entry at `position` (-1 or past the end: appended), shifting later entries. Returns its id.
    Result<qint64> addHighlight(qint64 notebookId, qint64 highlightId, int position = -1);
    Result<qint64> addNote(qint64 notebookId, qint64 noteId, int position = -1);
    Result<qint64> addText(qint64 notebookId, const QString &text, int position = -1);
    /// Moves an entry to `position` (clamped), the others closing up (drag and drop). Returns the old position.
    Result<int> moveEntry(qint64 entryId, int position);
    /// Changes a free-text entry's text; returns the old text.
    Result<QString> editText(qint64 entryId, const QString &text);
    Result<NotebookEntry> removeEntry(qint64 entryId);
    Result<void> restoreEntry(const NotebookEntry &entry); ///< same id and position

    std::optional<NotebookEntry> entry(qint64 entryId) const;
    QList<NotebookEntry> entries(qint64 notebookId) const; ///< by position
    /// The notebook as a document: every entry with its quote, source, notes and tags, by position.
    QList<NotebookItem> document(qint64 notebookId) const;

private:
    Result<qint64> addEntry(qint64 notebookId, const NotebookEntry &entry, int position);

    Library &m_library;
};

} // namespace dubao
