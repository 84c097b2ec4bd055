// The annotations panel's list as a model, read through the annotation document: every highlight and note the
// filter lets through, with its tags (tinted in the first tag's colour) and its source.
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
    };

    explicit AnnotationListModel(AnnotationDocument &document, QObject *parent = nullptr);
    ~AnnotationListModel() override;

    /// Reads the annotations `filter` lets through (nothing without a library).
    void setFilter(const AnnotationFilter &filter);
    void refresh();

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    AnnotationFilter m_filter;
};

} // namespace dubao
