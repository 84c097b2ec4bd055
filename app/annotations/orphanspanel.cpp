#include "app/annotations/orphanspanel.h"

#include "app/annotations/annotationdocument.h"
#include "app/annotations/annotationspanel.h"
#include "app/annotations/orphanlistmodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace dubao {

OrphansPanel::OrphansPanel(AnnotationDocument &document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(new OrphanListModel(document, this))
    , m_list(new QTreeView(this))
    , m_details(new QLabel(this))
    , m_attach(new QPushButton(tr("&Re-attach to Selection"), this))
{
    setObjectName(QStringLiteral("orphansPanel"));
    m_list->setObjectName(QStringLiteral("orphanList"));
    m_list->setModel(m_model);
    m_list->setRootIsDecorated(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText);
    m_details->setText(tr("Select an orphan, select its new place in the reader (a paragraph for a note), then "
                          "re-attach it."));
    m_attach->setToolTip(tr("Attach the selected orphan where the reader's selection is"));
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_attach);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_details);
    layout->addLayout(buttons);

    connect(m_attach, &QPushButton::clicked, this, [this] {
        if (const auto item = currentItem(); item && changeLimit().isEmpty())
            emit reattachRequested(*item);
    });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        const auto item = currentItem();
        updateButton();
        if (!item)
            return;
        const TextAnchor &anchor =
            item->kind == AnnotationItem::Kind::Note ? item->note.anchor : item->highlight.anchor;
        m_details->setText(tr("…%1<b>%2</b>%3…<br>Was in “%4”")
                               .arg(anchor.prefix.toHtmlEscaped(), anchor.quote.toHtmlEscaped(),
                                    anchor.suffix.toHtmlEscaped(), anchor.articleTitle.toHtmlEscaped()));
    });
    // A reset (any change of the annotations) keeps the selected row where it can.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this,
            [this] { m_row = m_list->currentIndex().isValid() ? m_list->currentIndex().row() : -1; });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        if (m_row >= 0)
            selectRow(std::min(m_row, m_model->rowCount() - 1));
        updateButton();
    });
    m_attach->setEnabled(false);
}

void OrphansPanel::setChangeLimit(std::function<QString(const AnnotationItem &)> limit)
{
    m_limit = std::move(limit);
    updateButton();
}

QString OrphansPanel::changeLimit() const
{
    const auto item = currentItem();
    return item && m_limit ? m_limit(*item) : QString();
}

void OrphansPanel::updateButton()
{
    const QString limit = changeLimit();
    m_attach->setEnabled(currentItem().has_value() && limit.isEmpty());
    m_attach->setToolTip(limit.isEmpty() ? tr("Attach the selected orphan where the reader's selection is") : limit);
}

OrphansPanel::~OrphansPanel() = default;

QList<AnnotationItem> OrphansPanel::items() const
{
    return m_model->items();
}

std::optional<AnnotationItem> OrphansPanel::currentItem() const
{
    const QModelIndex index = m_list->currentIndex();
    return index.isValid() ? m_model->item(index.row()) : std::nullopt;
}

void OrphansPanel::selectRow(int row)
{
    m_list->setCurrentIndex(m_model->index(row, 0));
}

void OrphansPanel::refresh()
{
    m_model->refresh();
}

} // namespace dubao
