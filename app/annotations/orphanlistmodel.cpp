#include "app/annotations/orphanlistmodel.h"

#include "app/annotations/annotationdocument.h"

namespace dubao {

// The column titles are translated under the panel's context, where they always were.
OrphanListModel::OrphanListModel(AnnotationDocument &document, QObject *parent)
    : AnnotationTableModel(document, "dubao::OrphansPanel",
                           {QT_TRANSLATE_NOOP("dubao::OrphansPanel", "Quote"),
                            QT_TRANSLATE_NOOP("dubao::OrphansPanel", "Notes"),
                            QT_TRANSLATE_NOOP("dubao::OrphansPanel", "Was in")},
                           parent)
{
    connect(&m_document, &AnnotationDocument::annotationsChanged, this, &OrphanListModel::refresh);
    refresh();
}

OrphanListModel::~OrphanListModel() = default;

void OrphanListModel::refresh()
{
    beginResetModel();
    m_items = m_document.hasLibrary() ? m_document.annotations().orphans() : QList<AnnotationItem>{};
    m_notes.clear();
    for (const AnnotationItem &item : std::as_const(m_items)) {
        QString notes;
        if (item.kind == AnnotationItem::Kind::Note)
            notes = item.note.text.simplified();
        else
            for (const Note &n : m_document.annotations().notesOfHighlight(item.highlight.id))
                notes += n.text.simplified() + QLatin1Char(' ');
        m_notes << notes;
    }
    endResetModel();
}

QVariant OrphanListModel::data(const QModelIndex &index, int role) const
{
    if (!isRow(index))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const AnnotationItem &item = m_items[index.row()];
    const bool note = item.kind == AnnotationItem::Kind::Note;
    const TextAnchor &anchor = note ? item.note.anchor : item.highlight.anchor;
    const bool tip = role == Qt::ToolTipRole;
    switch (index.column()) {
    case QuoteColumn:
        return tip ? anchor.quote : (note ? QStringLiteral("✎ ") : QString()) + anchor.quote.left(120);
    case NotesColumn:
        return tip ? m_notes[index.row()] : m_notes[index.row()].trimmed().left(120);
    case ArticleColumn:
        if (tip)
            return {};
        return item.source.articleTitle.isEmpty() ? anchor.articleTitle : item.source.articleTitle;
    default:
        return {};
    }
}

} // namespace dubao
