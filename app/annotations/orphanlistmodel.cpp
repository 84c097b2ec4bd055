#include "app/annotations/orphanlistmodel.h"

#include "app/annotations/annotationdocument.h"

#include <QCoreApplication>

namespace dubao {

OrphanListModel::OrphanListModel(AnnotationDocument &document, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
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

std::optional<AnnotationItem> OrphanListModel::item(int row) const
{
    if (row < 0 || row >= m_items.size())
        return std::nullopt;
    return m_items[row];
}

int OrphanListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

int OrphanListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OrphanListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
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

QVariant OrphanListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    // Translated under the panel's context, where these titles always were.
    switch (section) {
    case QuoteColumn:
        return QCoreApplication::translate("dubao::OrphansPanel", "Quote");
    case NotesColumn:
        return QCoreApplication::translate("dubao::OrphansPanel", "Notes");
    case ArticleColumn:
        return QCoreApplication::translate("dubao::OrphansPanel", "Was in");
    default:
        return {};
    }
}

} // namespace dubao
