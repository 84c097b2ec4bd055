// The tag tree as a model, read through the annotation document: column 0 the tag's name with its colour
// swatch (its path as tooltip), column 1 how many things it tags. Rebuilt whenever the document's tags change.
#pragma once

#include "core/model/annotation.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>

namespace dubao {

class AnnotationDocument;

class TagTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagTreeModel)

public:
    enum Role
    {
        TagIdRole = Qt::UserRole,
    };
    enum Column
    {
        NameColumn,
        UsesColumn,
        ColumnCount,
    };

    explicit TagTreeModel(AnnotationDocument &document, QObject *parent = nullptr);
    ~TagTreeModel() override;

    /// The index (column 0) of a tag; invalid when there is no such tag.
    QModelIndex indexOfTag(qint64 tagId) const;
    static qint64 tagId(const QModelIndex &index) { return index.isValid() ? qint64(index.internalId()) : 0; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    /// Tags are moved by dragging them (the view turns a drop into a move of the tag).
    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }

    /// Reads the tags again.
    void refresh();

private:
    struct Node
    {
        Tag tag;
        int uses = 0;
        int row = 0; ///< among its siblings
    };

    AnnotationDocument &m_document;
    QHash<qint64, Node> m_nodes;
    QHash<qint64, QList<qint64>> m_children; ///< parent id (0: top level) → its children, in order
};

} // namespace dubao
