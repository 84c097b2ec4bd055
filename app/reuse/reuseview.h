// The Reuse view (issue 22): the clusters of articles that share passages — the source (the earliest copy, or a
// reference collection's), how many copies, how many days after the source they ran, how much of each is shared —
// sortable by any column and filtered by publication and date. A cluster opens into its copies; activating one
// asks for the comparison of that copy with the source. A query (the search language: `tag:经济`, `国务院 own:no`)
// keeps the clusters with a copy it matches (ReusePart finds those articles). Export asks for the pairs and clusters
// as JSON or CSV (ReusePart writes them).
#pragma once

#include "core/reuse/reuseindex.h"

#include <QSet>
#include <QWidget>

#include <optional>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QToolButton;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTreeView;

namespace dubao {

class QueryCompleter;

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
    /// The tag or search a copy must match (Enter applies it).
    QLineEdit *queryFilter() const { return m_query; }
    /// The library's tag paths, which `tag:` completes in the query (`own:` completes yes and no).
    void setTagNames(const QStringList &paths);
    QueryCompleter *completer() const { return m_completer; }
    /// The articles the query matches; none: no query (every cluster).
    void setMatchingArticles(const std::optional<QSet<qint64>> &articles);
    /// Clusters shown after the filters.
    int shownClusters() const;
    /// The clusters the view was given (all of them, whatever the filters).
    const QList<ReuseClusterDetails> &clusters() const { return m_clusters; }
    /// Whether a publication, a date or a query narrows the list.
    bool isFiltered() const;
    /// The clusters the filters keep, in the order given (what Export writes when isFiltered()).
    QList<ReuseClusterDetails> shownClusterDetails() const;
    /// What Export writes, for its dialog: every cluster, or the clusters the filters show.
    QString exportScope() const;
    /// What Export offers.
    enum class ExportKind
    {
        Json,        ///< pairs and clusters, as dubao-cli reuse --json
        PairsCsv,    ///< the pairs, one row each
        ClustersCsv, ///< the clusters' articles, one row each
    };
    QToolButton *exportButton() const { return m_export; }

signals:
    /// A copy was activated: compare `article` with `other` (the cluster's source, or its first copy for the source).
    void comparisonRequested(qint64 article, qint64 other);
    /// Export → one of its entries.
    void exportRequested(ExportKind kind);
    /// The query filter was applied (Enter, or cleared): find the articles it matches (empty: no query).
    void queryChanged(const QString &query);

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
    QLineEdit *m_query;
    QueryCompleter *m_completer;
    std::optional<QSet<qint64>> m_matching;
    QLabel *m_fromLabel;
    QLabel *m_toLabel;
    QToolButton *m_export;
    QTreeView *m_tree;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_sorted;
    QList<ReuseClusterDetails> m_clusters;
    QList<qsizetype> m_shown; ///< indexes in m_clusters of the clusters the filters keep
};

} // namespace dubao
