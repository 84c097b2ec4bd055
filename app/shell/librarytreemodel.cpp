#include "app/shell/librarytreemodel.h"

#include "core/model/issuedate.h"

#include <QLocale>

#include <algorithm>

namespace dubao {

struct LibraryTreeModel::Node
{
    NodeKind kind = NodeKind::Year;
    Node *parent = nullptr;
    int row = 0;
    int year = 0;
    int month = 0;
    QList<int> issues;      ///< group nodes: positions in m_issues of the issues below
    int issuePosition = -1; ///< issue nodes: position in m_issues
    ArticleSummary article; ///< article nodes
    std::vector<std::unique_ptr<Node>> children;
    bool fetched = false;

    Node *add(std::unique_ptr<Node> child)
    {
        child->parent = this;
        child->row = int(children.size());
        children.push_back(std::move(child));
        return children.back().get();
    }
};

namespace {

// Tree order: issues with a known date by date, then those without; ties by id (the store's listing order).
bool issueBefore(const IssueSummary &a, const IssueSummary &b)
{
    if (a.info.date.isValid() != b.info.date.isValid())
        return a.info.date.isValid();
    if (a.info.date != b.info.date)
        return a.info.date < b.info.date;
    return a.id < b.id;
}

} // namespace

LibraryTreeModel::LibraryTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{}

LibraryTreeModel::~LibraryTreeModel() = default;

void LibraryTreeModel::setRepository(IssueRepository *repository)
{
    m_repository = repository;
    reload();
}

void LibraryTreeModel::reload()
{
    beginResetModel();
    // Dates and publications only (the source path is read for a tooltip when asked): this runs at start-up.
    m_issues = m_repository ? m_repository->issueDates() : QList<IssueSummary>{};
    std::stable_sort(m_issues.begin(), m_issues.end(), issueBefore);
    m_issuePosition.clear();
    for (int i = 0; i < m_issues.size(); ++i)
        m_issuePosition.insert(m_issues[i].id, i);
    m_root = std::make_unique<Node>();
    fetch(m_root.get(), false); // the years come from the list already read
    // Views and QAbstractItemModelTester react to modelReset by fetching; rows inserted while the reset is
    // still being announced would interleave two changes, so fetching waits until it is over.
    m_notifying = true;
    endResetModel();
    m_notifying = false;
}

LibraryTreeModel::Node *LibraryTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex LibraryTreeModel::indexOf(const Node *node) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, 0, const_cast<Node *>(node));
}

QModelIndex LibraryTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0 || (parent.isValid() && parent.model() != this))
        return {};
    const Node *node = nodeOf(parent);
    if (row >= int(node->children.size()))
        return {};
    return createIndex(row, 0, node->children[size_t(row)].get());
}

QModelIndex LibraryTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(nodeOf(child)->parent);
}

int LibraryTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int LibraryTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

bool LibraryTreeModel::hasChildren(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return false;
    const Node *node = nodeOf(parent);
    if (node->fetched || node == m_root.get())
        return node == m_root.get() ? !m_issues.isEmpty() : !node->children.empty();
    return node->kind != NodeKind::Article;
}

bool LibraryTreeModel::canFetchMore(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return false;
    if (m_notifying)
        return false;
    const Node *node = nodeOf(parent);
    return !node->fetched && node->kind != NodeKind::Article && (node != m_root.get() || !m_issues.isEmpty());
}

void LibraryTreeModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        fetch(nodeOf(parent));
}

void LibraryTreeModel::fetch(Node *node, bool notify)
{
    if (m_notifying || node->fetched || node->kind == NodeKind::Article)
        return;
    node->fetched = true;
    std::vector<std::unique_ptr<Node>> children;
    auto makeNode = [](NodeKind kind) {
        auto child = std::make_unique<Node>();
        child->kind = kind;
        return child;
    };

    if (node == m_root.get()) {
        std::unique_ptr<Node> undated;
        for (int i = 0; i < m_issues.size(); ++i) {
            const QDate date = m_issues[i].info.date;
            if (!date.isValid()) {
                if (!undated)
                    undated = makeNode(NodeKind::Undated);
                undated->issues.append(i);
                continue;
            }
            if (children.empty() || children.back()->year != date.year()) {
                children.push_back(makeNode(NodeKind::Year));
                children.back()->year = date.year();
            }
            children.back()->issues.append(i);
        }
        if (undated)
            children.push_back(std::move(undated));
    } else if (node->kind == NodeKind::Year) {
        for (int i : std::as_const(node->issues)) {
            const int month = m_issues[i].info.date.month();
            if (children.empty() || children.back()->month != month) {
                children.push_back(makeNode(NodeKind::Month));
                children.back()->year = node->year;
                children.back()->month = month;
            }
            children.back()->issues.append(i);
        }
    } else if (node->kind == NodeKind::Month || node->kind == NodeKind::Undated) {
        for (int i : std::as_const(node->issues)) {
            children.push_back(makeNode(NodeKind::Issue));
            children.back()->issuePosition = i;
        }
    } else if (node->kind == NodeKind::Issue && m_repository) {
        // One issue's articles: the only per-issue read, done when the user opens the issue. Headlines only:
        // the text is read when an article is shown.
        for (ArticleSummary &article : m_repository->articleSummaries(m_issues[node->issuePosition].id)) {
            children.push_back(makeNode(NodeKind::Article));
            children.back()->article = std::move(article);
        }
    }

    if (children.empty())
        return;
    if (!notify) {
        for (auto &child : children)
            node->add(std::move(child));
        return;
    }
    const QModelIndex parentIndex = indexOf(node);
    // Same as for a reset: no fetching while this insertion is being announced.
    m_notifying = true;
    beginInsertRows(parentIndex, 0, int(children.size()) - 1);
    for (auto &child : children)
        node->add(std::move(child));
    endInsertRows();
    m_notifying = false;
}

QString LibraryTreeModel::issueLabel(const IssueSummary &issue) const
{
    const QString date = issueDateDisplay(issue.info);
    const QString publication = issue.info.publication.isEmpty() ? tr("Unknown publication") : issue.info.publication;
    return tr("%1  %2", "issue in the library tree: date, publication").arg(date, publication);
}

QString LibraryTreeModel::issueToolTip(const IssueSummary &issue) const
{
    QStringList lines;
    lines << (issue.info.publication.isEmpty() ? tr("Unknown publication") : issue.info.publication);
    if (issue.info.date.isValid()) {
        lines << QLocale().toString(issue.info.date, QLocale::LongFormat);
        if (issue.info.dateUncertain())
            lines << tr("Year uncertain: the evidence also points at %1 (Issue → Edit Details…)")
                         .arg(QLocale::c().toString(issue.info.yearAlternatives.front()));
        else if (issue.info.dateInferred)
            lines << tr("Year inferred from the text");
    } else {
        lines << tr("Year unknown: use Issue → Edit Details… to date this issue");
    }
    if (const QString path = m_repository ? m_repository->sourcePath(issue.id) : QString(); !path.isEmpty())
        lines << tr("Source: %1").arg(path);
    return lines.join(QLatin1Char('\n'));
}

QVariant LibraryTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this)
        return {};
    const Node *node = nodeOf(index);
    switch (role) {
    case Qt::DisplayRole:
        switch (node->kind) {
        case NodeKind::Year:
            return tr("%1", "year in the library tree").arg(node->year);
        case NodeKind::Month:
            return QLocale().standaloneMonthName(node->month, QLocale::LongFormat);
        case NodeKind::Undated:
            return tr("Undated");
        case NodeKind::Issue:
            return issueLabel(m_issues[node->issuePosition]);
        case NodeKind::Article:
            return node->article.title.isEmpty() ? tr("(untitled)") : node->article.title;
        }
        break;
    case Qt::ToolTipRole:
        switch (node->kind) {
        case NodeKind::Year:
        case NodeKind::Month:
            return tr("Issues: %1").arg(node->issues.size());
        case NodeKind::Undated:
            return tr("Issues whose year is not known: %1").arg(node->issues.size());
        case NodeKind::Issue:
            return issueToolTip(m_issues[node->issuePosition]);
        case NodeKind::Article: {
            QStringList lines;
            if (!node->article.kicker.isEmpty())
                lines << node->article.kicker;
            lines << (node->article.title.isEmpty() ? tr("(untitled)") : node->article.title);
            lines << node->article.subtitles;
            return lines.join(QLatin1Char('\n'));
        }
        }
        break;
    case KindRole:
        return int(node->kind);
    case IssueIdRole:
        return issueId(index);
    case ArticleIdRole:
        return articleId(index);
    default:
        break;
    }
    return {};
}

Qt::ItemFlags LibraryTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (nodeOf(index)->kind == NodeKind::Article)
        flags |= Qt::ItemNeverHasChildren;
    return flags;
}

std::optional<LibraryTreeModel::NodeKind> LibraryTreeModel::kind(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return std::nullopt;
    return nodeOf(index)->kind;
}

qint64 LibraryTreeModel::issueId(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return 0;
    const Node *node = nodeOf(index);
    if (node->kind == NodeKind::Article)
        node = node->parent;
    return node->kind == NodeKind::Issue ? m_issues[node->issuePosition].id : 0;
}

qint64 LibraryTreeModel::articleId(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return 0;
    const Node *node = nodeOf(index);
    return node->kind == NodeKind::Article ? node->article.id : 0;
}

std::optional<IssueSummary> LibraryTreeModel::issueSummary(qint64 issueId) const
{
    const auto it = m_issuePosition.constFind(issueId);
    if (it == m_issuePosition.constEnd())
        return std::nullopt;
    return m_issues[*it];
}

QModelIndex LibraryTreeModel::indexOfIssue(qint64 issueId)
{
    const auto it = m_issuePosition.constFind(issueId);
    if (it == m_issuePosition.constEnd())
        return {};
    const int position = *it;
    const QDate date = m_issues[position].info.date;
    Node *node = m_root.get();
    fetch(node);
    auto findChild = [](Node *parent, auto predicate) -> Node * {
        for (auto &child : parent->children)
            if (predicate(*child))
                return child.get();
        return nullptr;
    };
    if (date.isValid()) {
        node = findChild(node, [&](const Node &n) { return n.kind == NodeKind::Year && n.year == date.year(); });
        if (!node)
            return {};
        fetch(node);
        node = findChild(node, [&](const Node &n) { return n.month == date.month(); });
    } else {
        node = findChild(node, [](const Node &n) { return n.kind == NodeKind::Undated; });
    }
    if (!node)
        return {};
    fetch(node);
    node = findChild(node, [&](const Node &n) { return n.issuePosition == position; });
    return indexOf(node);
}

QModelIndex LibraryTreeModel::indexOfArticle(qint64 articleId)
{
    if (!m_repository || articleId <= 0)
        return {};
    const auto issue = m_repository->issueIdOfArticle(articleId);
    if (!issue)
        return {};
    const QModelIndex issueIndex = indexOfIssue(*issue);
    if (!issueIndex.isValid())
        return {};
    Node *node = nodeOf(issueIndex);
    fetch(node);
    for (auto &child : node->children)
        if (child->article.id == articleId)
            return indexOf(child.get());
    return {};
}

QModelIndex LibraryTreeModel::firstArticle(const QModelIndex &issue, bool last)
{
    if (kind(issue) != NodeKind::Issue)
        return {};
    Node *node = nodeOf(issue);
    fetch(node);
    if (node->children.empty())
        return {};
    return indexOf(last ? node->children.back().get() : node->children.front().get());
}

QModelIndex LibraryTreeModel::siblingIssue(const QModelIndex &index, int step)
{
    const qint64 id = issueId(index);
    const auto it = m_issuePosition.constFind(id);
    if (it == m_issuePosition.constEnd())
        return {};
    const int position = *it + step;
    if (position < 0 || position >= m_issues.size())
        return {};
    return indexOfIssue(m_issues[position].id);
}

QModelIndex LibraryTreeModel::siblingArticle(const QModelIndex &article, int step)
{
    if (kind(article) != NodeKind::Article || step == 0)
        return {};
    const Node *node = nodeOf(article);
    const int row = node->row + step;
    if (row >= 0 && row < int(node->parent->children.size()))
        return indexOf(node->parent->children[size_t(row)].get());
    // Off the end of this issue: the first (or last) article of the next (previous) issue that has any.
    const int direction = step > 0 ? 1 : -1;
    QModelIndex issue = indexOf(node->parent);
    while ((issue = siblingIssue(issue, direction)).isValid()) {
        const QModelIndex found = firstArticle(issue, direction < 0);
        if (found.isValid())
            return found;
    }
    return {};
}

} // namespace dubao
