#include "app/annotations/tagtreemodel.h"

#include "app/annotations/annotationdocument.h"
#include "app/annotations/tagswatch.h"

#include <QGuiApplication>
#include <QPalette>

namespace dubao {

TagTreeModel::TagTreeModel(AnnotationDocument &document, QObject *parent)
    : QAbstractItemModel(parent)
    , m_document(document)
{
    connect(&m_document, &AnnotationDocument::tagsChanged, this, &TagTreeModel::refresh);
    refresh();
}

TagTreeModel::~TagTreeModel() = default;

void TagTreeModel::refresh()
{
    beginResetModel();
    m_nodes.clear();
    m_children.clear();
    // The list has every parent before its children.
    for (const Tag &tag : m_document.tagList()) {
        const qint64 parent = m_nodes.contains(tag.parentId) ? tag.parentId : 0;
        QList<qint64> &siblings = m_children[parent];
        Node node{tag, int(m_document.tags().taggings(tag.id).size()), int(siblings.size())};
        node.tag.parentId = parent;
        siblings << tag.id;
        m_nodes.insert(tag.id, node);
    }
    endResetModel();
}

QModelIndex TagTreeModel::indexOfTag(qint64 tagId) const
{
    const auto it = m_nodes.constFind(tagId);
    return it == m_nodes.cend() ? QModelIndex() : createIndex(it->row, NameColumn, quintptr(tagId));
}

QModelIndex TagTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || (parent.isValid() && parent.column() != NameColumn))
        return {};
    const QList<qint64> siblings = m_children.value(tagId(parent));
    if (row < 0 || row >= siblings.size())
        return {};
    return createIndex(row, column, quintptr(siblings[row]));
}

QModelIndex TagTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const qint64 parent = m_nodes.value(tagId(child)).tag.parentId;
    return parent > 0 ? indexOfTag(parent) : QModelIndex();
}

int TagTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != NameColumn)
        return 0;
    return int(m_children.value(tagId(parent)).size());
}

int TagTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant TagTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const auto it = m_nodes.constFind(tagId(index));
    if (it == m_nodes.cend())
        return {};
    const Node &node = *it;
    if (role == TagIdRole)
        return node.tag.id;
    if (index.column() == UsesColumn) {
        if (role == Qt::DisplayRole)
            return node.uses > 0 ? QVariant(QString::number(node.uses)) : QVariant();
        if (role == Qt::ForegroundRole)
            return QGuiApplication::palette().color(QPalette::PlaceholderText);
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return node.tag.name;
    case Qt::DecorationRole:
        return tagSwatch(QColor(node.tag.color));
    case Qt::ToolTipRole:
        return node.tag.path;
    default:
        return {};
    }
}

Qt::ItemFlags TagTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsDragEnabled | Qt::ItemIsDropEnabled;
}

} // namespace dubao
