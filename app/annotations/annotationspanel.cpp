#include "app/annotations/annotationspanel.h"

#include "app/annotations/annotationdocument.h"
#include "app/annotations/annotationlistmodel.h"
#include "core/search/searchservice.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace dubao {

namespace {

const QString kAuthorKey = QStringLiteral("annotations/author");

} // namespace

AnnotationsPanel::AnnotationsPanel(AnnotationDocument &document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_tag(new QComboBox(this))
    , m_author(new QComboBox(this))
    , m_children(new QCheckBox(tr("With child tags"), this))
    , m_articleOnly(new QCheckBox(tr("This article only"), this))
    , m_useDates(new QCheckBox(tr("Dates"), this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_text(new QLineEdit(this))
    , m_model(new AnnotationListModel(document, this))
    , m_list(new QTreeView(this))
    , m_count(new QLabel(this))
    , m_refreshTimer(new QTimer(this))
{
    qRegisterMetaType<dubao::AnnotationItem>();
    setObjectName(QStringLiteral("annotationsPanel"));
    m_tag->setObjectName(QStringLiteral("annotationTagFilter"));
    m_author->setObjectName(QStringLiteral("annotationAuthorFilter"));
    m_author->setToolTip(tr("Show only what this person highlighted or noted"));
    m_author->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_wantedAuthor = QSettings().value(kAuthorKey).toString();
    m_children->setChecked(true);
    m_text->setPlaceholderText(tr("Filter by text…"));
    m_text->setClearButtonEnabled(true);
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setEnabled(false);
    }
    m_from->setDate(QDate(1990, 1, 1));
    m_to->setDate(QDate::currentDate());
    m_list->setObjectName(QStringLiteral("annotationList"));
    m_list->setModel(m_model);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    // Sortable by any column; until one is clicked, the library's order (no sort indicator).
    m_list->header()->setSortIndicator(-1, Qt::AscendingOrder);
    m_list->header()->setSortIndicatorClearable(true);
    m_list->setSortingEnabled(true);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);

    auto *grid = new QGridLayout;
    grid->addWidget(m_text, 0, 0, 1, 2);
    grid->addWidget(m_author, 0, 2);
    grid->addWidget(m_tag, 1, 0);
    grid->addWidget(m_children, 1, 1);
    grid->addWidget(m_articleOnly, 1, 2);
    grid->addWidget(m_useDates, 2, 0);
    grid->addWidget(m_from, 2, 1);
    grid->addWidget(m_to, 2, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(grid);
    layout->addWidget(m_list, 1);
    auto *footer = new QHBoxLayout;
    footer->addWidget(m_count, 1);
    auto *exportButton = new QToolButton(this);
    exportButton->setObjectName(QStringLiteral("exportFiltered"));
    exportButton->setText(tr("Export…"));
    exportButton->setToolTip(tr("Export the annotations this filter shows"));
    footer->addWidget(exportButton);
    layout->addLayout(footer);
    connect(exportButton, &QToolButton::clicked, this, [this] { emit exportRequested(filter()); });

    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(150);
    connect(m_refreshTimer, &QTimer::timeout, this, &AnnotationsPanel::refresh);
    auto later = [this] {
        m_refreshTimer->start();
    };
    connect(m_text, &QLineEdit::textChanged, this, later);
    connect(m_tag, &QComboBox::currentIndexChanged, this, &AnnotationsPanel::refresh);
    connect(m_author, &QComboBox::currentIndexChanged, this, [this] {
        m_wantedAuthor = m_author->currentData().toString();
        QSettings().setValue(kAuthorKey, m_wantedAuthor);
        refresh();
    });
    connect(m_children, &QCheckBox::toggled, this, &AnnotationsPanel::refresh);
    connect(m_articleOnly, &QCheckBox::toggled, this, &AnnotationsPanel::refresh);
    connect(m_useDates, &QCheckBox::toggled, this, [this](bool on) {
        m_from->setEnabled(on);
        m_to->setEnabled(on);
        refresh();
    });
    connect(m_from, &QDateEdit::dateChanged, this, later);
    connect(m_to, &QDateEdit::dateChanged, this, later);
    connect(m_list, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (const auto item = m_model->item(index.row()))
            emit annotationActivated(*item);
    });
    connect(m_list, &QTreeView::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex index = m_list->indexAt(pos);
        const auto item = index.isValid() ? m_model->item(index.row()) : std::nullopt;
        if (!item)
            return;
        QMenu menu(this);
        menu.addAction(tr("Show in Reader"), this, [this, item] { emit annotationActivated(*item); });
        emit contextMenuRequested(&menu, *item);
        menu.exec(m_list->viewport()->mapToGlobal(pos));
    });
    connect(&m_document, &AnnotationDocument::tagsChanged, this, &AnnotationsPanel::reloadTags);
    connect(&m_document, &AnnotationDocument::annotationsChanged, this, later);
    // A colleague's first note brings their name (the document tells of every change, theirs too).
    connect(&m_document, &AnnotationDocument::annotationsChanged, this, &AnnotationsPanel::reloadAuthors);
    connect(&m_document, &AnnotationDocument::tagsChanged, this, &AnnotationsPanel::reloadAuthors);
    reloadTags();
    reloadAuthors();
}

AnnotationsPanel::~AnnotationsPanel() = default;

void AnnotationsPanel::reloadTags()
{
    const qint64 current = m_tag->currentData().toLongLong();
    const QSignalBlocker blocker(m_tag);
    m_tag->clear();
    m_tag->addItem(tr("All tags"), 0);
    for (const Tag &tag : m_document.tagList())
        m_tag->addItem(tag.path, tag.id);
    const int index = m_tag->findData(current);
    m_tag->setCurrentIndex(std::max(0, index));
    if (current != 0 && index < 0)
        refresh(); // the tag filtered by went away
}

void AnnotationsPanel::reloadAuthors()
{
    QStringList names;
    if (m_document.hasLibrary())
        names = SearchService(*m_document.library()).authors().valueOr(QStringList());
    const QString shown = m_author->currentData().toString();
    const QSignalBlocker blocker(m_author);
    m_author->clear();
    m_author->addItem(tr("All authors"), QString());
    for (const QString &name : std::as_const(names))
        m_author->addItem(name, name);
    // The remembered name until the library knows it (a library just opened, a colleague not yet heard from).
    const int index = m_author->findData(m_wantedAuthor);
    m_author->setCurrentIndex(std::max(0, index));
    if (m_author->currentData().toString() != shown)
        refresh();
}

void AnnotationsPanel::setAuthorFilter(const QString &name)
{
    m_wantedAuthor = name;
    QSettings().setValue(kAuthorKey, name);
    const QSignalBlocker blocker(m_author);
    m_author->setCurrentIndex(std::max(0, m_author->findData(name)));
    refresh();
}

void AnnotationsPanel::setCurrentArticle(qint64 articleId)
{
    m_articleId = articleId;
    if (m_articleOnly->isChecked())
        refresh();
}

void AnnotationsPanel::setTagFilter(qint64 tagId, bool includeChildren)
{
    const QSignalBlocker a(m_tag);
    const QSignalBlocker b(m_children);
    m_tag->setCurrentIndex(std::max(0, m_tag->findData(tagId)));
    m_children->setChecked(includeChildren);
    refresh();
}

void AnnotationsPanel::setTextFilter(const QString &text)
{
    const QSignalBlocker blocker(m_text);
    m_text->setText(text);
    refresh();
}

void AnnotationsPanel::setArticleOnly(bool on)
{
    m_articleOnly->setChecked(on);
    refresh();
}

void AnnotationsPanel::setDateRange(const QDate &from, const QDate &to)
{
    const QSignalBlocker a(m_from);
    const QSignalBlocker b(m_to);
    const QSignalBlocker c(m_useDates);
    const bool on = from.isValid() || to.isValid();
    m_useDates->setChecked(on);
    m_from->setEnabled(on);
    m_to->setEnabled(on);
    if (from.isValid())
        m_from->setDate(from);
    if (to.isValid())
        m_to->setDate(to);
    refresh();
}

AnnotationFilter AnnotationsPanel::filter() const
{
    AnnotationFilter filter;
    if (const qint64 tag = m_tag->currentData().toLongLong(); tag > 0)
        filter.tagIds = {tag};
    filter.includeChildTags = m_children->isChecked();
    if (m_articleOnly->isChecked())
        filter.articleId = m_articleId > 0 ? m_articleId : -1;
    if (m_useDates->isChecked()) {
        filter.from = m_from->date();
        filter.to = m_to->date();
    }
    filter.text = m_text->text().trimmed();
    filter.author = m_author->currentData().toString();
    return filter;
}

QList<AnnotationItem> AnnotationsPanel::items() const
{
    return m_model->items();
}

std::optional<AnnotationItem> AnnotationsPanel::currentItem() const
{
    const QModelIndex index = m_list->currentIndex();
    return index.isValid() ? m_model->item(index.row()) : std::nullopt;
}

void AnnotationsPanel::refresh()
{
    m_refreshTimer->stop();
    m_model->setFilter(filter());
    m_count->setText(tr("%n annotation(s)", nullptr, int(m_model->rowCount())));
}

} // namespace dubao
