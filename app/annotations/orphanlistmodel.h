// The orphans panel's list as a model, read through the annotation document: the highlights and notes that
// could not be placed after a change of text, with their quote, their notes and the article they were in.
#pragma once

#include "core/model/annotationlisting.h"

#include <QAbstractTableModel>

namespace dubao {

class AnnotationDocument;

class OrphanListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrphanListModel)

public:
    enum Column
    {
        QuoteColumn,
        NotesColumn,
        ArticleColumn,
        ColumnCount,
    };

    /// Reads the orphans again whenever the document's annotations change.
    explicit OrphanListModel(AnnotationDocument &document, QObject *parent = nullptr);
    ~OrphanListModel() override;

    void refresh();
    QList<AnnotationItem> items() const { return m_items; }
    std::optional<AnnotationItem> item(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    AnnotationDocument &m_document;
    QList<AnnotationItem> m_items;
    QStringList m_notes; ///< per row: the notes' text (a note's own, or those on the highlight)
};

} // namespace dubao
