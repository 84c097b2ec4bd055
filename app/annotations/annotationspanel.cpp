#include "app/annotations/annotationspanel.h"

#include "app/annotations/annotationdocument.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace dubao {

namespace {

QString sourceText(const AnnotationSource &source)
{
    QStringList parts;
    if (!source.publication.isEmpty())
        parts << source.publication;
    if (source.issueDate.isValid())
        parts << source.issueDate.toString(QStringLiteral("yyyy-MM-dd"));
    if (!source.articleTitle.isEmpty())
        parts << source.articleTitle;
    return parts.join(QStringLiteral(" · "));
}

} // namespace

AnnotationsPanel::AnnotationsPanel(AnnotationDocument &document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_tag(new QComboBox(this))
    , m_children(new QCheckBox(tr("With child tags"), this))
    , m_articleOnly(new QCheckBox(tr("This article only"), this))
    , m_useDates(new QCheckBox(tr("Dates"), this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_text(new QLineEdit(this))
    , m_list(new QTreeWidget(this))
    , m_count(new QLabel(this))
    , m_refreshTimer(new QTimer(this))
{
    qRegisterMetaType<dubao::AnnotationItem>();
    setObjectName(QStringLiteral("annotationsPanel"));
    m_tag->setObjectName(QStringLiteral("annotationTagFilter"));
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
    m_list->setHeaderLabels({tr("Annotation"), tr("Tags"), tr("Source")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);

    auto *grid = new QGridLayout;
    grid->addWidget(m_text, 0, 0, 1, 3);
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
    connect(m_children, &QCheckBox::toggled, this, &AnnotationsPanel::refresh);
    connect(m_articleOnly, &QCheckBox::toggled, this, &AnnotationsPanel::refresh);
    connect(m_useDates, &QCheckBox::toggled, this, [this](bool on) {
        m_from->setEnabled(on);
        m_to->setEnabled(on);
        refresh();
    });
    connect(m_from, &QDateEdit::dateChanged, this, later);
    connect(m_to, &QDateEdit::dateChanged, this, later);
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const int row = m_list->indexOfTopLevelItem(item);
        if (row >= 0 && row < m_items.size())
            emit annotationActivated(m_items[row]);
    });
    connect(m_list, &QTreeWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const int row = m_list->indexOfTopLevelItem(m_list->itemAt(pos));
        if (row < 0 || row >= m_items.size())
            return;
        QMenu menu(this);
        menu.addAction(tr("Show in Reader"), this, [this, row] { emit annotationActivated(m_items[row]); });
        emit contextMenuRequested(&menu, m_items[row]);
        menu.exec(m_list->viewport()->mapToGlobal(pos));
    });
    connect(&m_document, &AnnotationDocument::tagsChanged, this, &AnnotationsPanel::reloadTags);
    connect(&m_document, &AnnotationDocument::annotationsChanged, this, later);
    reloadTags();
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
    return filter;
}

std::optional<AnnotationItem> AnnotationsPanel::currentItem() const
{
    const int row = m_list->indexOfTopLevelItem(m_list->currentItem());
    if (row < 0 || row >= m_items.size())
        return std::nullopt;
    return m_items[row];
}

void AnnotationsPanel::refresh()
{
    m_refreshTimer->stop();
    m_list->clear();
    m_items = m_document.hasLibrary() ? m_document.annotations().list(filter()) : QList<AnnotationItem>{};
    QList<QTreeWidgetItem *> rows;
    for (const AnnotationItem &item : std::as_const(m_items)) {
        const bool note = item.kind == AnnotationItem::Kind::Note;
        QString text = note ? item.note.text.simplified() : QStringLiteral("“%1”").arg(item.highlight.anchor.quote);
        if (note)
            text = QStringLiteral("✎ ") + text;
        QStringList tags;
        QColor color;
        for (qint64 id : note ? item.note.tagIds : item.highlight.tagIds) {
            tags << m_document.tagPath(id);
            if (!color.isValid())
                color = m_document.tagColor(id);
        }
        auto *row = new QTreeWidgetItem({text.left(200), tags.join(QStringLiteral(", ")), sourceText(item.source)});
        row->setToolTip(0, note ? item.note.text : item.highlight.anchor.quote);
        if (color.isValid()) {
            QColor tint = color;
            tint.setAlpha(70);
            row->setBackground(1, tint);
        }
        rows << row;
    }
    m_list->addTopLevelItems(rows);
    m_count->setText(tr("%n annotation(s)", nullptr, int(m_items.size())));
}

} // namespace dubao
