// The Library dock's tree: issues grouped year → month (issues without a known year under "Undated"), and the
// articles of each issue. Lazy per level: the issue list is read once (one query, no articles); an issue's
// articles are read only when the issue is expanded or navigated into.
#pragma once

#include "core/store/issuerepository.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>

#include <memory>
#include <optional>
#include <vector>

namespace dubao {

class LibraryTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryTreeModel)

public:
    enum class NodeKind
    {
        Year,
        Month,
        Undated,
        Issue,
        Article
    };
    Q_ENUM(NodeKind)

    enum Role
    {
        KindRole = Qt::UserRole + 1, ///< NodeKind as int
        IssueIdRole,                 ///< qint64, on issue and article nodes
        ArticleIdRole,               ///< qint64, on article nodes
    };

    explicit LibraryTreeModel(QObject *parent = nullptr);
    ~LibraryTreeModel() override;

    /// The repository to read (not owned; must outlive the model or be replaced first). nullptr empties the model.
    void setRepository(IssueRepository *repository);
    /// Re-reads the issue list, e.g. after an import or after an issue's date changed. Resets the model.
    void reload();

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    std::optional<NodeKind> kind(const QModelIndex &index) const;
    qint64 issueId(const QModelIndex &index) const;   ///< of an issue or article node, else 0
    qint64 articleId(const QModelIndex &index) const; ///< of an article node, else 0
    /// The summary of an issue as listed (publication and date; no source path, no articles), from memory.
    std::optional<IssueSummary> issueSummary(qint64 issueId) const;
    /// Every issue's date and publication as the tree read them at its last reload (modelReset), in tree order:
    /// the calendar draws from this list instead of reading the issues a second time.
    const QList<IssueSummary> &issueSummaries() const { return m_issues; }
    int issueCount() const { return int(m_issues.size()); }

    /// Index of an issue or article, fetching every level on the way.
    QModelIndex indexOfIssue(qint64 issueId);
    QModelIndex indexOfArticle(qint64 articleId);
    /// The article `step` places before/after (negative/positive) in tree order, crossing issues. Invalid at the ends.
    QModelIndex siblingArticle(const QModelIndex &article, int step);
    /// The issue `step` places away from the issue of `index` (an issue or article node) in tree order.
    QModelIndex siblingIssue(const QModelIndex &index, int step);
    /// The first (or, with `last`, the last) article of an issue node; fetches it. Invalid when it has none.
    QModelIndex firstArticle(const QModelIndex &issue, bool last = false);

private:
    struct Node;

    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOf(const Node *node) const;
    void fetch(Node *node, bool notify = true);
    QString issueLabel(const IssueSummary &issue) const;
    QString issueToolTip(const IssueSummary &issue) const;

    IssueRepository *m_repository = nullptr;
    QList<IssueSummary> m_issues;       ///< in tree order: dated by date, then undated; each by id
    QHash<qint64, int> m_issuePosition; ///< issue id → position in m_issues
    std::unique_ptr<Node> m_root;
    bool m_notifying = false; ///< inside a reset or insertion signal: fetching must wait
};

} // namespace dubao
