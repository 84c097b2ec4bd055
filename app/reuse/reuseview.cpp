#include "app/reuse/reuseview.h"

#include "app/search/querycompleter.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPalette>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <algorithm>

namespace dubao {

namespace {

const QDate kAnyDate(1800, 1, 1); // the date edits' minimum: "any"

} // namespace

ReuseView::ReuseView(QWidget *parent)
    : QWidget(parent)
    , m_status(new QLabel(this))
    , m_publication(new QComboBox(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_query(new QLineEdit(this))
    , m_completer(new QueryCompleter(m_query))
    , m_fromLabel(new QLabel(this))
    , m_toLabel(new QLabel(this))
    , m_export(new QToolButton(this))
    , m_tree(new QTreeView(this))
    , m_model(new QStandardItemModel(this))
    , m_sorted(new QSortFilterProxyModel(this))
{
    m_status->setObjectName(QStringLiteral("reuseStatus"));
    m_publication->setObjectName(QStringLiteral("reusePublication"));
    m_publication->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setMinimumDate(kAnyDate);
        edit->setDate(kAnyDate);
    }
    m_from->setObjectName(QStringLiteral("reuseFrom"));
    m_to->setObjectName(QStringLiteral("reuseTo"));
    m_fromLabel->setBuddy(m_from);
    m_toLabel->setBuddy(m_to);
    m_query->setObjectName(QStringLiteral("reuseQuery"));
    m_query->setClearButtonEnabled(true);
    m_export->setObjectName(QStringLiteral("reuseExport"));
    m_export->setPopupMode(QToolButton::InstantPopup);
    m_export->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *exportMenu = new QMenu(m_export);
    for (const ExportKind kind : {ExportKind::Json, ExportKind::PairsCsv, ExportKind::ClustersCsv})
        connect(exportMenu->addAction(QString()), &QAction::triggered, this,
                [this, kind] { emit exportRequested(kind); });
    m_export->setMenu(exportMenu);
    m_tree->setObjectName(QStringLiteral("reuseClusters"));
    m_sorted->setSourceModel(m_model);
    m_sorted->setSortRole(Qt::UserRole);
    m_tree->setModel(m_sorted);
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(Copies, Qt::DescendingOrder); // the biggest clusters first
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_publication);
    filters->addWidget(m_fromLabel);
    filters->addWidget(m_from);
    filters->addWidget(m_toLabel);
    filters->addWidget(m_to);
    filters->addWidget(m_query, 1);
    filters->addWidget(m_status);
    filters->addWidget(m_export);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(filters);
    layout->addWidget(m_tree, 1);

    connect(m_publication, &QComboBox::currentIndexChanged, this, &ReuseView::populate);
    connect(m_from, &QDateEdit::dateChanged, this, &ReuseView::populate);
    connect(m_to, &QDateEdit::dateChanged, this, &ReuseView::populate);
    connect(m_tree, &QTreeView::activated, this, &ReuseView::activate);
    connect(m_query, &QLineEdit::returnPressed, this, [this] { emit queryChanged(m_query->text().trimmed()); });
    connect(m_query, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.trimmed().isEmpty() && m_matching) // cleared (the clear button, or erased): every cluster again
            emit queryChanged(QString());
    });
    retranslate();                                  // the header's labels make its sections
    m_tree->header()->setStretchLastSection(false); // the title takes the room, the numbers stay by it
    m_tree->header()->setSectionResizeMode(Title, QHeaderView::Stretch);
}

ReuseView::~ReuseView() = default;

void ReuseView::retranslate()
{
    m_export->setText(tr("E&xport"));
    m_export->setToolTip(tr("Save %1 for R, Stata, pandas or a spreadsheet").arg(exportScope()));
    const QList<QAction *> exports = m_export->menu()->actions();
    exports[0]->setText(tr("Pairs and Clusters as &JSON…"));
    exports[1]->setText(tr("&Pairs as CSV…"));
    exports[2]->setText(tr("&Clusters as CSV…"));
    m_query->setPlaceholderText(tr("Tag or search (e.g. tag:经济), Enter"));
    m_query->setToolTip(tr("Keep the clusters with a copy this search matches: words, tag:, own:, any filter of the "
                           "search language"));
    m_fromLabel->setText(tr("&From:"));
    m_toLabel->setText(tr("&To:"));
    for (QDateEdit *edit : {m_from, m_to})
        edit->setSpecialValueText(tr("any date"));
    m_model->setHorizontalHeaderLabels(
        {tr("Publication"), tr("Date"), tr("Title"), tr("Copies"), tr("Lag (days)"), tr("Shared")});
    if (m_publication->count() > 0)
        m_publication->setItemText(0, tr("All publications"));
}

void ReuseView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void ReuseView::setMessage(const QString &message)
{
    m_status->setText(message);
}

void ReuseView::setClusters(const QList<ReuseClusterDetails> &clusters)
{
    m_clusters = clusters;
    QSet<QString> names;
    for (const ReuseClusterDetails &cluster : clusters)
        for (const ReuseClusterCopy &copy : cluster.copies)
            if (!copy.publication.isEmpty())
                names.insert(copy.publication);
    QStringList sorted(names.cbegin(), names.cend());
    sorted.sort();
    const QString current = m_publication->currentIndex() > 0 ? m_publication->currentText() : QString();
    {
        const QSignalBlocker blocker(m_publication);
        m_publication->clear();
        m_publication->addItem(tr("All publications"));
        m_publication->addItems(sorted);
        m_publication->setCurrentIndex(std::max(0, int(sorted.indexOf(current)) + 1));
    }
    populate();
}

void ReuseView::setTagNames(const QStringList &paths)
{
    m_completer->setTagNames(paths);
}

void ReuseView::setMatchingArticles(const std::optional<QSet<qint64>> &articles)
{
    m_matching = articles;
    populate();
}

int ReuseView::shownClusters() const
{
    return m_model->rowCount();
}

void ReuseView::populate()
{
    const QString publication = m_publication->currentIndex() > 0 ? m_publication->currentText() : QString();
    const QDate from = m_from->date() > kAnyDate ? m_from->date() : QDate();
    const QDate to = m_to->date() > kAnyDate ? m_to->date() : QDate();
    auto matches = [&](const ReuseClusterCopy &copy) {
        if (!publication.isEmpty() && copy.publication != publication)
            return false;
        if ((from.isValid() || to.isValid()) && !copy.date.isValid())
            return false;
        if (m_matching && !m_matching->contains(copy.article))
            return false;
        return (!from.isValid() || copy.date >= from) && (!to.isValid() || copy.date <= to);
    };
    auto row = [](const ReuseClusterCopy &copy, qint64 source) {
        QList<QStandardItem *> items;
        for (int c = 0; c < ColumnCount; ++c)
            items << new QStandardItem;
        items[Publication]->setText(copy.publication);
        items[Publication]->setData(copy.publication, Qt::UserRole);
        items[Publication]->setData(copy.article, ArticleRole);
        items[Publication]->setData(source, SourceRole);
        items[Date]->setText(copy.date.isValid() ? copy.date.toString(Qt::ISODate) : QString());
        items[Date]->setData(copy.date, Qt::UserRole);
        // The library tree's word for an article without a headline, in grey; sorted as an empty title.
        items[Title]->setText(
            copy.title.isEmpty() ? QCoreApplication::translate("dubao::LibraryTreeModel", "(untitled)") : copy.title);
        if (copy.title.isEmpty())
            items[Title]->setForeground(QPalette().color(QPalette::PlaceholderText));
        items[Title]->setData(copy.title, Qt::UserRole);
        items[Lag]->setText(copy.lagDays ? QString::number(*copy.lagDays) : QString());
        items[Lag]->setData(copy.lagDays ? *copy.lagDays : -1, Qt::UserRole);
        items[Shared]->setText(QStringLiteral("%1%").arg(qRound(copy.shared * 100)));
        items[Shared]->setData(copy.shared, Qt::UserRole);
        for (int c : {Copies, Lag, Shared})
            items[c]->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        return items;
    };

    m_model->removeRows(0, m_model->rowCount());
    m_shown.clear();
    for (qsizetype index = 0; index < m_clusters.size(); ++index) {
        const ReuseClusterDetails &cluster = m_clusters[index];
        if (cluster.copies.isEmpty() || std::none_of(cluster.copies.cbegin(), cluster.copies.cend(), matches))
            continue;
        m_shown.append(index);
        const ReuseClusterCopy &first = cluster.copies.front(); // the source when there is one
        const qint64 source = cluster.source.value_or(first.article);
        QList<QStandardItem *> top = row(first, source);
        int maxLag = -1;
        double sharedSum = 0;
        for (const ReuseClusterCopy &copy : cluster.copies.mid(1)) {
            maxLag = std::max(maxLag, copy.lagDays.value_or(-1));
            sharedSum += copy.shared;
        }
        const int copies = int(cluster.copies.size()) - 1;
        top[Copies]->setText(QString::number(copies));
        top[Copies]->setData(copies, Qt::UserRole);
        top[Lag]->setText(maxLag >= 0 ? tr("up to %1").arg(maxLag) : QString());
        top[Lag]->setData(maxLag, Qt::UserRole);
        const double meanShared = copies > 0 ? sharedSum / copies : 0;
        top[Shared]->setText(tr("%1% (mean)").arg(qRound(meanShared * 100)));
        top[Shared]->setData(meanShared, Qt::UserRole);
        for (int k = 0; k < cluster.copies.size(); ++k) {
            QList<QStandardItem *> child = row(cluster.copies[k], source);
            child[Copies]->setData(-k,
                                   Qt::UserRole); // sorted by copies, a cluster lists its source first, then by date
            top[Publication]->appendRow(child);
        }
        m_model->appendRow(top);
    }
    m_status->setText(tr("%n cluster(s)", nullptr, m_model->rowCount()));
    m_export->setToolTip(tr("Save %1 for R, Stata, pandas or a spreadsheet").arg(exportScope()));
    for (int c : {Publication, Date, Copies, Lag, Shared})
        m_tree->resizeColumnToContents(c);
    // The copies are indented under their cluster: room for their publication too.
    m_tree->header()->resizeSection(Publication, m_tree->header()->sectionSize(Publication) + m_tree->indentation());
}

bool ReuseView::isFiltered() const
{
    return m_publication->currentIndex() > 0 || m_from->date() > kAnyDate || m_to->date() > kAnyDate ||
           m_matching.has_value();
}

QList<ReuseClusterDetails> ReuseView::shownClusterDetails() const
{
    QList<ReuseClusterDetails> shown;
    shown.reserve(m_shown.size());
    for (qsizetype index : m_shown)
        shown.append(m_clusters[index]);
    return shown;
}

QString ReuseView::exportScope() const
{
    return isFiltered() ? tr("the %n cluster(s) the filters show, and their pairs", nullptr, int(m_shown.size()))
                        : tr("every cluster and every pair");
}

void ReuseView::activate(const QModelIndex &index)
{
    const QModelIndex first = index.siblingAtColumn(Publication);
    const qint64 article = first.data(ArticleRole).toLongLong();
    const qint64 source = first.data(SourceRole).toLongLong();
    if (article != source) {
        emit comparisonRequested(article, source);
        return;
    }
    // The source row (a cluster's, or the source among its copies): compare it with its first copy.
    const QModelIndex cluster = index.parent().isValid() ? index.parent().siblingAtColumn(Publication) : first;
    for (int r = 0; r < m_sorted->rowCount(cluster); ++r) {
        const qint64 copy = m_sorted->index(r, Publication, cluster).data(ArticleRole).toLongLong();
        if (copy != source) {
            emit comparisonRequested(copy, source);
            return;
        }
    }
}

} // namespace dubao
