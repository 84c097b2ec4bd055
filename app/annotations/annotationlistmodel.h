// The annotations panel's list as a model, read through the annotation document: every highlight and note the
// filter lets through, with its tags (tinted in the first tag's colour), its source and who made it; sortable by
// any column (the library's order until a column is chosen).
#pragma once

#include "app/annotations/annotationtablemodel.h"

namespace dubao {

class AnnotationListModel final : public AnnotationTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnnotationListModel)

public:
    enum Column
    {
        TextColumn,
        TagsColumn,
        SourceColumn,
        AuthorColumn, ///< who made it (schema v15); the tooltip says who changed it last
    };

    explicit AnnotationListModel(AnnotationDocument &document, QObject *parent = nullptr);
    ~AnnotationListModel() override;

    /// Reads the annotations `filter` lets through (nothing without a library).
    void setFilter(const AnnotationFilter &filter);
    void refresh();

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    /// Sorts by a column's text (the locale's collation); column -1: the library's order. Kept across refreshes.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    void sortItems();

    AnnotationFilter m_filter;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace dubao
