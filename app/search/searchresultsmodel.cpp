#include "app/search/searchresultsmodel.h"

#include <QPoint>

namespace dubao {

SearchResultsModel::SearchResultsModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void SearchResultsModel::setResult(const SearchResult &result)
{
    beginResetModel();
    m_hits = result.hits;
    m_total = result.total;
    m_totalIsLowerBound = result.totalIsLowerBound;
    m_rankCapped = result.rankCapped;
    m_fetching = false;
    endResetModel();
}

void SearchResultsModel::setExactTotal(qint64 total)
{
    m_total = total;
    m_totalIsLowerBound = false;
}

void SearchResultsModel::appendPage(const SearchResult &result)
{
    m_fetching = false;
    if (m_totalIsLowerBound && !result.totalIsLowerBound && !result.cancelled && result.error.isEmpty())
        setExactTotal(result.total);
    if (result.offset != m_hits.size() || result.hits.isEmpty())
        return;
    const int first = int(m_hits.size());
    beginInsertRows({}, first, first + int(result.hits.size()) - 1);
    m_hits += result.hits;
    endInsertRows();
}

void SearchResultsModel::clear()
{
    beginResetModel();
    m_hits.clear();
    m_total = 0;
    m_totalIsLowerBound = false;
    m_rankCapped = false;
    m_fetching = false;
    endResetModel();
}

int SearchResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_hits.size());
}

QVariant SearchResultsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_hits.size())
        return {};
    const SearchHit &hit = m_hits.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return hit.articleTitle.isEmpty() ? tr("(untitled)") : hit.articleTitle;
    case Qt::ToolTipRole:
        return hit.text.size() > 600 ? hit.text.left(600) + QChar(0x2026) : hit.text;
    case DateRole:
        return hit.dateText();
    case SnippetRole:
        return hit.snippet.text;
    case SnippetRangesRole: {
        QVariantList ranges;
        for (const TextRange &range : hit.snippet.ranges)
            ranges << QPoint(int(range.start), int(range.length));
        return ranges;
    }
    case ArticleIdRole:
        return hit.articleId;
    case BlockIdRole:
        return hit.blockId;
    case KindRole:
        return int(hit.kind);
    default:
        return {};
    }
}

bool SearchResultsModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_fetching && m_hits.size() < m_total;
}

void SearchResultsModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_fetching = true;
    emit moreRequested(int(m_hits.size()));
}

} // namespace dubao
