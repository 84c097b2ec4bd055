// The Reuse view (issue 22): the clusters of articles that share passages — the source (the earliest copy, or a
// reference collection's), how many copies, how many days after the source they ran, how much of each is shared —
// sortable by any column and filtered by publication and date. A cluster opens into its copies; activating one
// asks for the comparison of that copy with the source.
#pragma once

#include "core/reuse/reuseindex.h"

#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTreeView;

namespace dubao {

class ReuseView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReuseView)

public:
    enum Column
    {
        Publication,
        Date,
        Title,
        Copies,
        Lag,
        Shared,
        ColumnCount
    };
    /// The article id of a row (column Publication).
    static constexpr int ArticleRole = Qt::UserRole + 1;
    /// The cluster's source id (every row of a cluster).
    static constexpr int SourceRole = Qt::UserRole + 2;

    explicit ReuseView(QWidget *parent = nullptr);
    ~ReuseView() override;

    void setClusters(const QList<ReuseClusterDetails> &clusters);
    /// Shows a message in place of the count (reading, no index yet, an error).
    void setMessage(const QString &message);

    QTreeView *tree() const { return m_tree; }
    QComboBox *publicationFilter() const { return m_publication; }
    QDateEdit *fromFilter() const { return m_from; }
    QDateEdit *toFilter() const { return m_to; }
    /// Clusters shown after the filters.
    int shownClusters() const;

signals:
    /// A copy was activated: compare `article` with `other` (the cluster's source, or its first copy for the source).
    void comparisonRequested(qint64 article, qint64 other);

protected:
    void changeEvent(QEvent *event) override;

private:
    void populate();
    void retranslate();
    void activate(const QModelIndex &index);

    QLabel *m_status;
    QComboBox *m_publication;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QLabel *m_fromLabel;
    QLabel *m_toLabel;
    QTreeView *m_tree;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_sorted;
    QList<ReuseClusterDetails> m_clusters;
};

} // namespace dubao
