#include "app/annotations/annotationlistmodel.h"

#include "app/annotations/annotationdocument.h"
#include "core/export/safemarkdown.h"

#include <QCoreApplication>

#include <algorithm>

namespace dubao {

namespace {

/// A note as one line of its rendered text, as the note list, the preview and the exports render it
/// (core/export/safemarkdown.h): no Markdown markers (**, ##, >) in the list.
QString renderedNote(const QString &text)
{
    QStringList parts;
    for (const markdown::Block &block : markdown::render(text))
        if (const QString part = QString(block.listMarker() + block.plainText()).simplified(); !part.isEmpty())
            parts << part;
    return parts.join(u' ');
}

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

bool isNote(const AnnotationItem &item)
{
    return item.kind == AnnotationItem::Kind::Note;
}

// One number per annotation (notes negative), to find a row again after sorting.
qint64 rowKey(const AnnotationItem &item)
{
    return isNote(item) ? -item.note.id : item.highlight.id;
}

} // namespace

// The column titles are translated under the panel's context, where they always were.
AnnotationListModel::AnnotationListModel(AnnotationDocument &document, QObject *parent)
    : AnnotationTableModel(document, "dubao::AnnotationsPanel",
                           {QT_TRANSLATE_NOOP("dubao::AnnotationsPanel", "Annotation"),
                            QT_TRANSLATE_NOOP("dubao::AnnotationsPanel", "Tags"),
                            QT_TRANSLATE_NOOP("dubao::AnnotationsPanel", "Source"),
                            QT_TRANSLATE_NOOP("dubao::AnnotationsPanel", "Author")},
                           parent)
{}

AnnotationListModel::~AnnotationListModel() = default;

void AnnotationListModel::setFilter(const AnnotationFilter &filter)
{
    m_filter = filter;
    refresh();
}

void AnnotationListModel::refresh()
{
    beginResetModel();
    m_items = m_document.hasLibrary() ? m_document.annotations().list(m_filter) : QList<AnnotationItem>{};
    sortItems();
    endResetModel();
}

void AnnotationListModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column >= 0 && column < columnCount() ? column : -1;
    m_sortOrder = order;
    if (m_sortColumn < 0) {
        refresh(); // the library's order
        return;
    }
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<qint64> keys; // the rows the persistent indexes point at, by their annotation
    for (const QModelIndex &index : before)
        keys.append(index.row() < m_items.size() ? rowKey(m_items.at(index.row())) : 0);
    sortItems();
    QModelIndexList after;
    for (qsizetype i = 0; i < before.size(); ++i) {
        const auto found = std::find_if(m_items.cbegin(), m_items.cend(),
                                        [&](const AnnotationItem &item) { return rowKey(item) == keys.at(i); });
        after.append(found == m_items.cend() ? QModelIndex()
                                             : index(int(found - m_items.cbegin()), before.at(i).column()));
    }
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void AnnotationListModel::sortItems()
{
    if (m_sortColumn < 0)
        return;
    QList<std::pair<QString, AnnotationItem>> keyed;
    keyed.reserve(m_items.size());
    for (qsizetype row = 0; row < m_items.size(); ++row)
        keyed.append({data(index(int(row), m_sortColumn), Qt::DisplayRole).toString(), m_items.at(row)});
    const bool ascending = m_sortOrder == Qt::AscendingOrder;
    std::stable_sort(keyed.begin(), keyed.end(), [ascending](const auto &a, const auto &b) {
        const int c = QString::localeAwareCompare(a.first, b.first);
        return ascending ? c < 0 : c > 0;
    });
    for (qsizetype row = 0; row < keyed.size(); ++row)
        m_items[row] = keyed.at(row).second;
}

QVariant AnnotationListModel::data(const QModelIndex &index, int role) const
{
    if (!isRow(index))
        return {};
    const AnnotationItem &item = m_items[index.row()];
    const bool note = isNote(item);
    const QList<qint64> &tagIds = note ? item.note.tagIds : item.highlight.tagIds;
    switch (index.column()) {
    case TextColumn:
        if (role == Qt::DisplayRole) {
            const QString text = note ? QStringLiteral("✎ ") + renderedNote(item.note.text)
                                      : QStringLiteral("“%1”").arg(item.highlight.anchor.quote);
            return text.left(200);
        }
        if (role == Qt::ToolTipRole)
            return note ? item.note.text : item.highlight.anchor.quote;
        break;
    case TagsColumn:
        if (role == Qt::DisplayRole) {
            QStringList tags;
            for (qint64 id : tagIds)
                tags << m_document.tagPath(id);
            return tags.join(QStringLiteral(", "));
        }
        if (role == Qt::BackgroundRole) {
            // Tinted in the colour of its first tag that has one.
            for (qint64 id : tagIds) {
                QColor tint = m_document.tagColor(id);
                if (tint.isValid()) {
                    tint.setAlpha(70);
                    return tint;
                }
            }
        }
        break;
    case SourceColumn:
        if (role == Qt::DisplayRole)
            return sourceText(item.source);
        break;
    case AuthorColumn: {
        const QString &createdBy = note ? item.note.createdBy : item.highlight.createdBy;
        const QString &changedBy = note ? item.note.changedBy : item.highlight.changedBy;
        if (role == Qt::DisplayRole)
            return createdBy;
        if (role == Qt::ToolTipRole && !changedBy.isEmpty() && changedBy != createdBy)
            return QCoreApplication::translate("dubao::AnnotationsPanel", "Made by %1, last changed by %2")
                .arg(createdBy, changedBy);
        break;
    }
    default:
        break;
    }
    return {};
}

} // namespace dubao
