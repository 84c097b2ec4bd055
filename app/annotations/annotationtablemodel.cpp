#include "app/annotations/annotationtablemodel.h"

#include <QCoreApplication>

namespace dubao {

AnnotationTableModel::AnnotationTableModel(AnnotationDocument &document, const char *context,
                                           QList<const char *> titles, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
    , m_context(context)
    , m_titles(std::move(titles))
{}

AnnotationTableModel::~AnnotationTableModel() = default;

std::optional<AnnotationItem> AnnotationTableModel::item(int row) const
{
    if (row < 0 || row >= m_items.size())
        return std::nullopt;
    return m_items[row];
}

bool AnnotationTableModel::isRow(const QModelIndex &index) const
{
    return checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid);
}

int AnnotationTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int AnnotationTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_titles.size());
}

QVariant AnnotationTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= m_titles.size())
        return {};
    return QCoreApplication::translate(m_context, m_titles[section]);
}

} // namespace dubao
