#include "app/annotations/orphanspanel.h"

#include "app/annotations/annotationdocument.h"
#include "app/annotations/annotationspanel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace dubao {

OrphansPanel::OrphansPanel(AnnotationDocument &document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_list(new QTreeWidget(this))
    , m_details(new QLabel(this))
    , m_attach(new QPushButton(tr("&Re-attach to Selection"), this))
{
    setObjectName(QStringLiteral("orphansPanel"));
    m_list->setObjectName(QStringLiteral("orphanList"));
    m_list->setHeaderLabels({tr("Quote"), tr("Notes"), tr("Was in")});
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
        if (const auto item = currentItem())
            emit reattachRequested(*item);
    });
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this] {
        const auto item = currentItem();
        m_attach->setEnabled(item.has_value());
        if (!item)
            return;
        const TextAnchor &anchor =
            item->kind == AnnotationItem::Kind::Note ? item->note.anchor : item->highlight.anchor;
        m_details->setText(tr("…%1<b>%2</b>%3…<br>Was in “%4”")
                               .arg(anchor.prefix.toHtmlEscaped(), anchor.quote.toHtmlEscaped(),
                                    anchor.suffix.toHtmlEscaped(), anchor.articleTitle.toHtmlEscaped()));
    });
    connect(&m_document, &AnnotationDocument::annotationsChanged, this, &OrphansPanel::refresh);
    refresh();
}

OrphansPanel::~OrphansPanel() = default;

std::optional<AnnotationItem> OrphansPanel::currentItem() const
{
    const int row = m_list->indexOfTopLevelItem(m_list->currentItem());
    if (row < 0 || row >= m_items.size())
        return std::nullopt;
    return m_items[row];
}

void OrphansPanel::selectRow(int row)
{
    m_list->setCurrentItem(m_list->topLevelItem(row));
}

void OrphansPanel::refresh()
{
    const int row = m_list->indexOfTopLevelItem(m_list->currentItem());
    m_list->clear();
    m_items = m_document.hasLibrary() ? m_document.annotations().orphans() : QList<AnnotationItem>{};
    for (const AnnotationItem &item : std::as_const(m_items)) {
        const bool note = item.kind == AnnotationItem::Kind::Note;
        QString notes;
        if (note)
            notes = item.note.text.simplified();
        else if (m_document.hasLibrary())
            for (const Note &n : m_document.annotations().notesOfHighlight(item.highlight.id))
                notes += n.text.simplified() + QLatin1Char(' ');
        const TextAnchor &anchor = note ? item.note.anchor : item.highlight.anchor;
        auto *entry = new QTreeWidgetItem(
            m_list, {(note ? QStringLiteral("✎ ") : QString()) + anchor.quote.left(120), notes.trimmed().left(120),
                     item.source.articleTitle.isEmpty() ? anchor.articleTitle : item.source.articleTitle});
        entry->setToolTip(0, anchor.quote);
        entry->setToolTip(1, notes);
    }
    if (row >= 0)
        selectRow(std::min(row, int(m_items.size()) - 1));
    m_attach->setEnabled(currentItem().has_value());
}

} // namespace dubao
