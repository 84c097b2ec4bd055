// The hits of one search, page by page: the view's fetchMore() (scrolling to the end, or "Load more") asks
// for the next page through moreRequested(); the panel runs it and appends it with appendPage().
#pragma once

#include "core/search/searchservice.h"

#include <QAbstractListModel>

namespace dubao {

class SearchResultsModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SearchResultsModel)

public:
    enum Role
    {
        DateRole = Qt::UserRole + 1, ///< QString, as SearchHit::dateText()
        SnippetRole,                 ///< QString, the snippet's text
        SnippetRangesRole,           ///< QVariantList of QPoint(start, length) in the snippet
        ArticleIdRole,               ///< qint64
        BlockIdRole,                 ///< qint64
        KindRole,                    ///< int(SearchHit::Kind)
    };

    explicit SearchResultsModel(QObject *parent = nullptr);

    /// Replaces everything with the first page of a result.
    void setResult(const SearchResult &result);
    /// Appends the next page (ignored unless it starts where the list ends).
    void appendPage(const SearchResult &result);
    void clear();

    qint64 total() const { return m_total; }
    /// The first page came before every hit was counted: there are more than total() (setExactTotal() follows).
    bool isTotalLowerBound() const { return m_totalIsLowerBound; }
    void setExactTotal(qint64 total);
    bool isRankCapped() const { return m_rankCapped; }
    const SearchHit &hit(int row) const { return m_hits.at(row); }
    const QList<SearchHit> &hits() const { return m_hits; }
    /// A page has been asked for and not appended yet.
    bool isFetching() const { return m_fetching; }
    void setFetching(bool fetching) { m_fetching = fetching; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    /// The view wants more rows: run the search again from `offset`.
    void moreRequested(int offset);

private:
    QList<SearchHit> m_hits;
    qint64 m_total = 0;
    bool m_totalIsLowerBound = false;
    bool m_rankCapped = false;
    bool m_fetching = false;
};

} // namespace dubao
