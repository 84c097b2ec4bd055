#include "app/annotations/annotationlistmodel.h"

#include "app/annotations/annotationdocument.h"
#include "core/export/safemarkdown.h"

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

} // namespace

// The column titles are translated under the panel's context, where they always were.
AnnotationListModel::AnnotationListModel(AnnotationDocument &document, QObject *parent)
    : AnnotationTableModel(document, "dubao::AnnotationsPanel",
                           {QT_TRANSLATE_NOOP("dubao::AnnotationsPanel", "Annotation"),
                            QT_TRANSLATE_NOOP("dubao::AnnotationsPanel", "Tags"),
                            QT_TRANSLATE_NOOP("dubao::AnnotationsPanel", "Source")},
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
    endResetModel();
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
    default:
        break;
    }
    return {};
}

} // namespace dubao
