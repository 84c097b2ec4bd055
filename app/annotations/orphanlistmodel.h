// The orphans panel's list as a model, read through the annotation document: the highlights and notes that
// could not be placed after a change of text, with their quote, their notes and the article they were in.
#pragma once

#include "app/annotations/annotationtablemodel.h"

namespace dubao {

class OrphanListModel final : public AnnotationTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrphanListModel)

public:
    enum Column
    {
        QuoteColumn,
        NotesColumn,
        ArticleColumn,
    };

    /// Reads the orphans again whenever the document's annotations change.
    explicit OrphanListModel(AnnotationDocument &document, QObject *parent = nullptr);
    ~OrphanListModel() override;

    void refresh();

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QStringList m_notes; ///< per row: the notes' text (a note's own, or those on the highlight)
};

} // namespace dubao
