// The notes panel's list as a model, read through the annotation document: one paragraph's notes, each shown by
// its first line (❝ when it is on a highlight; bold when on the highlight in view).
#pragma once

#include "core/model/annotation.h"

#include <QAbstractListModel>

namespace dubao {

class AnnotationDocument;

class NoteListModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NoteListModel)

public:
    enum Role
    {
        NoteIdRole = Qt::UserRole,
    };

    explicit NoteListModel(AnnotationDocument &document, QObject *parent = nullptr);
    ~NoteListModel() override;

    /// Reads the notes of paragraph `blockId` (0: none); those on `highlightId` are shown bold.
    void setContext(qint64 blockId, qint64 highlightId);
    QList<Note> notes() const { return m_notes; }
    qint64 noteId(int row) const { return row >= 0 && row < m_notes.size() ? m_notes[row].id : 0; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    AnnotationDocument &m_document;
    qint64 m_highlightId = 0;
    QList<Note> m_notes;
};

} // namespace dubao
