#include "app/annotations/notebookentrymodel.h"

#include "app/annotations/annotationdocument.h"
#include "app/annotations/annotationlinks.h"
#include "core/export/safemarkdown.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QPalette>
#include <QRegularExpression>
#include <QTextDocument>

namespace dubao {

namespace {

QString markdownHtml(const QString &markdown)
{
    QTextDocument document;
    document.setMarkdown(markdown::sanitize(markdown));
    const QString html = document.toHtml();
    static const QRegularExpression body(QStringLiteral("<body[^>]*>(.*)</body>"),
                                         QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch match = body.match(html);
    return match.hasMatch() ? match.captured(1) : markdown.toHtmlEscaped();
}

} // namespace

NotebookEntryModel::NotebookEntryModel(AnnotationDocument &document, QObject *parent)
    : QAbstractListModel(parent)
    , m_document(document)
{}

NotebookEntryModel::~NotebookEntryModel() = default;

void NotebookEntryModel::setNotebook(qint64 notebookId)
{
    m_notebookId = notebookId;
    refresh();
}

void NotebookEntryModel::refresh()
{
    beginResetModel();
    m_items = m_document.hasLibrary() && m_notebookId > 0 ? m_document.notebooks().document(m_notebookId)
                                                          : QList<NotebookItem>{};
    m_html.clear();
    for (const NotebookItem &entry : std::as_const(m_items))
        m_html << html(entry);
    endResetModel();
}

// The texts below keep the context they are translated under: they were the notebook view's.
QString NotebookEntryModel::html(const NotebookItem &entry) const
{
    if (entry.entry.isFreeText())
        return markdownHtml(entry.text);
    const QColor muted = QGuiApplication::palette().color(QPalette::PlaceholderText);
    const QColor accent = entry.tags.isEmpty() ? QColor(0xC9A227) : QColor(entry.tags.front().color);
    QString html = QStringLiteral("<table width='100%' cellspacing='0' cellpadding='6'><tr>"
                                  "<td width='4' bgcolor='%1'></td><td>")
                       .arg(accent.name());
    html += QStringLiteral("<p style='font-size:large'>%1</p>").arg(entry.quote.toHtmlEscaped());
    QStringList source;
    if (!entry.source.publication.isEmpty())
        source << entry.source.publication.toHtmlEscaped();
    if (entry.source.issueDate.isValid())
        source << entry.source.issueDate.toString(QStringLiteral("yyyy-MM-dd"));
    if (!entry.source.articleTitle.isEmpty())
        source << QStringLiteral("《%1》").arg(entry.source.articleTitle.toHtmlEscaped());
    QString sourceLine = source.join(QStringLiteral(" · "));
    if (entry.source.blockId > 0)
        sourceLine = QStringLiteral("<a href='%1'>%2</a>")
                         .arg(AnnotationLinks::blockLink(entry.source.blockId).toString(), sourceLine);
    if (entry.orphan)
        sourceLine +=
            QStringLiteral(" — ") + QCoreApplication::translate("dubao::NotebookView", "orphan: its paragraph is gone");
    QStringList tags;
    for (const Tag &tag : entry.tags)
        tags << QStringLiteral("<span style='background-color:%1'>&nbsp;%2&nbsp;</span>")
                    .arg(QColor(tag.color).lighter(150).name(), tag.path.toHtmlEscaped());
    html +=
        QStringLiteral("<p style='color:%1'>— %2 %3</p>").arg(muted.name(), sourceLine, tags.join(QLatin1Char(' ')));
    for (const Note &note : entry.notes)
        html += markdownHtml(QStringLiteral("✎ ") + note.text);
    html += QStringLiteral("</td></tr></table>");
    return html;
}

int NotebookEntryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_items.size());
}

QVariant NotebookEntryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const NotebookItem &entry = m_items[index.row()];
    switch (role) {
    case EntryIdRole:
        return entry.entry.id;
    case HtmlRole:
        return m_html[index.row()];
    case MarkdownRole:
        return entry.entry.isFreeText() ? QVariant(entry.entry.text) : QVariant();
    case Qt::ToolTipRole:
        return entry.entry.isFreeText()
                   ? QCoreApplication::translate("dubao::NotebookView", "Your text — double-click to edit")
                   : QCoreApplication::translate("dubao::NotebookView",
                                                 "Drag to reorder; click the source to open the paragraph");
    default:
        return {};
    }
}

bool NotebookEntryModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const NotebookItem &entry = m_items[index.row()];
    const QString text = value.toString();
    if (!entry.entry.isFreeText() || text == entry.entry.text || text.trimmed().isEmpty())
        return false;
    QMetaObject::invokeMethod(
        this, [this, id = entry.entry.id, text] { m_document.editNotebookText(id, text); }, Qt::QueuedConnection);
    return true;
}

Qt::ItemFlags NotebookEntryModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsDragEnabled;
    if (index.row() < m_items.size() && m_items[index.row()].entry.isFreeText())
        flags |= Qt::ItemIsEditable;
    return flags;
}

} // namespace dubao
