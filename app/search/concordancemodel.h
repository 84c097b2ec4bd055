// Concordance lines as a table: date | left context (right-aligned) | term | right context | article.
// Sorting by the date, left or right column uses Concordance::sort (descending reverses it).
#pragma once

#include "core/search/concordance.h"

#include <QAbstractTableModel>

#include <optional>

namespace dubao {

class ConcordanceModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConcordanceModel)

public:
    enum Column
    {
        DateColumn,
        LeftColumn,
        KeywordColumn,
        RightColumn,
        ArticleColumn,
        ColumnCount
    };

    explicit ConcordanceModel(QObject *parent = nullptr);

    /// Shows these lines in the current sort order.
    void setLines(const QList<ConcordanceLine> &lines);
    void clear() { setLines({}); }
    const QList<ConcordanceLine> &lines() const { return m_lines; }
    const ConcordanceLine &line(int row) const { return m_lines.at(row); }

    ConcordanceSort sortOrder() const { return m_sort; }
    static std::optional<ConcordanceSort> sortForColumn(int column);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    void applySort();

    QList<ConcordanceLine> m_lines;
    ConcordanceSort m_sort = ConcordanceSort::Date;
    Qt::SortOrder m_order = Qt::AscendingOrder;
};

} // namespace dubao
