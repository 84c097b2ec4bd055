#include "app/search/concordancemodel.h"

#include <QFont>

#include <algorithm>

namespace dubao {

ConcordanceModel::ConcordanceModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void ConcordanceModel::setLines(const QList<ConcordanceLine> &lines)
{
    beginResetModel();
    m_lines = lines;
    applySort();
    endResetModel();
}

std::optional<ConcordanceSort> ConcordanceModel::sortForColumn(int column)
{
    switch (column) {
    case DateColumn:
        return ConcordanceSort::Date;
    case LeftColumn:
        return ConcordanceSort::LeftContext;
    case RightColumn:
        return ConcordanceSort::RightContext;
    default:
        return std::nullopt;
    }
}

void ConcordanceModel::applySort()
{
    Concordance::sort(m_lines, m_sort);
    if (m_order == Qt::DescendingOrder)
        std::reverse(m_lines.begin(), m_lines.end());
}

void ConcordanceModel::sort(int column, Qt::SortOrder order)
{
    const std::optional<ConcordanceSort> sort = sortForColumn(column);
    if (!sort)
        return;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    m_sort = *sort;
    m_order = order;
    applySort();
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

int ConcordanceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_lines.size());
}

int ConcordanceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConcordanceModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_lines.size())
        return {};
    const ConcordanceLine &line = m_lines.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case DateColumn:
            return line.dateText();
        case LeftColumn:
            return line.left;
        case KeywordColumn:
            return line.keyword;
        case RightColumn:
            return line.right;
        case ArticleColumn:
            return line.articleTitle;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == ArticleColumn)
            return line.articleTitle;
        return QString(line.left + line.keyword + line.right);
    case Qt::TextAlignmentRole:
        if (index.column() == LeftColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        if (index.column() == KeywordColumn)
            return QVariant(Qt::AlignHCenter | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::FontRole:
        if (index.column() == KeywordColumn) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    default:
        return {};
    }
}

QVariant ConcordanceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case DateColumn:
        return tr("Date");
    case LeftColumn:
        return tr("Left context");
    case KeywordColumn:
        return tr("Term");
    case RightColumn:
        return tr("Right context");
    case ArticleColumn:
        return tr("Article");
    default:
        return {};
    }
}

} // namespace dubao
