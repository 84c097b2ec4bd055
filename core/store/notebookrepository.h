// Notebooks: named, ordered collections of highlights, notes and free text, and the document view of one
// (each entry with its quote, source and notes) that the GUI and the exporters render.
#pragma once

#include "core/model/annotation.h"
#include "core/model/annotationlisting.h"
#include "core/model/annotationsnapshots.h"
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

    /// Names are trimmed, not empty, unique. Returns the new id or 0 with `error`.
    qint64 create(const QString &name, QString *error = nullptr);
    std::optional<Notebook> notebook(qint64 id) const;
    std::optional<Notebook> findByName(const QString &name) const;
    QList<Notebook> list() const; ///< by name in Chinese collation
    std::optional<QString> rename(qint64 id, const QString &name, QString *error = nullptr); ///< old name
    std::optional<NotebookDeletion> remove(qint64 id, QString *error = nullptr);
    bool restore(const NotebookDeletion &deletion, QString *error = nullptr);

    /// Adds an entry at `position` (-1 or past the end: appended), shifting later entries. Returns its id.
    qint64 addHighlight(qint64 notebookId, qint64 highlightId, int position = -1, QString *error = nullptr);
    qint64 addNote(qint64 notebookId, qint64 noteId, int position = -1, QString *error = nullptr);
    qint64 addText(qint64 notebookId, const QString &text, int position = -1, QString *error = nullptr);
    /// Moves an entry to `position` (clamped), the others closing up (drag and drop). Returns the old position.
    std::optional<int> moveEntry(qint64 entryId, int position, QString *error = nullptr);
    /// Changes a free-text entry's text; returns the old text.
    std::optional<QString> editText(qint64 entryId, const QString &text, QString *error = nullptr);
    std::optional<NotebookEntry> removeEntry(qint64 entryId, QString *error = nullptr);
    bool restoreEntry(const NotebookEntry &entry, QString *error = nullptr); ///< same id and position

    std::optional<NotebookEntry> entry(qint64 entryId) const;
    QList<NotebookEntry> entries(qint64 notebookId) const; ///< by position
    /// The notebook as a document: every entry with its quote, source, notes and tags, by position.
    QList<NotebookItem> document(qint64 notebookId) const;

private:
    qint64 addEntry(qint64 notebookId, const NotebookEntry &entry, int position, QString *error);

    Library &m_library;
};

} // namespace dubao
