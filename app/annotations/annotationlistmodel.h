// The annotations panel's list as a model, read through the annotation document: every highlight and note the
// filter lets through, with its tags (tinted in the first tag's colour) and its source.
#pragma once

#include "core/model/annotationlisting.h"

#include <QAbstractTableModel>

namespace dubao {

class AnnotationDocument;

class AnnotationListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnnotationListModel)

public:
    enum Column
    {
        TextColumn,
        TagsColumn,
        SourceColumn,
        ColumnCount,
    };

    explicit AnnotationListModel(AnnotationDocument &document, QObject *parent = nullptr);
    ~AnnotationListModel() override;

    /// Reads the annotations `filter` lets through (nothing without a library).
    void setFilter(const AnnotationFilter &filter);
    void refresh();

    QList<AnnotationItem> items() const { return m_items; }
    std::optional<AnnotationItem> item(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    AnnotationDocument &m_document;
    AnnotationFilter m_filter;
    QList<AnnotationItem> m_items;
};

} // namespace dubao
