// What the annotations list and the orphans list share: a table of highlights and notes, one per row, read
// through the annotation document, with translated column titles.
#pragma once

#include "core/model/annotationlisting.h"

#include <QAbstractTableModel>

#include <optional>

namespace dubao {

class AnnotationDocument;

class AnnotationTableModel : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnnotationTableModel)

public:
    ~AnnotationTableModel() override;

    QList<AnnotationItem> items() const { return m_items; }
    std::optional<AnnotationItem> item(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    /// One column per title; the titles are translated under `context` (mark them with QT_TRANSLATE_NOOP).
    AnnotationTableModel(AnnotationDocument &document, const char *context, QList<const char *> titles,
                         QObject *parent);
    /// A valid index of this table.
    bool isRow(const QModelIndex &index) const;

    AnnotationDocument &m_document;
    QList<AnnotationItem> m_items;

private:
    const char *m_context;
    QList<const char *> m_titles;
};

} // namespace dubao
