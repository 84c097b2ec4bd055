#include "app/annotations/notelistmodel.h"

#include "app/annotations/annotationdocument.h"
#include "core/export/safemarkdown.h"

#include <QCoreApplication>
#include <QFont>

namespace dubao {

NoteListModel::NoteListModel(AnnotationDocument &document, QObject *parent)
    : QAbstractListModel(parent)
    , m_document(document)
{}

NoteListModel::~NoteListModel() = default;

void NoteListModel::setContext(qint64 blockId, qint64 highlightId)
{
    beginResetModel();
    m_highlightId = highlightId;
    m_notes = m_document.hasLibrary() && blockId > 0 ? m_document.annotations().notesOfBlock(blockId) : QList<Note>{};
    endResetModel();
}

int NoteListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_notes.size());
}

QVariant NoteListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Note &note = m_notes[index.row()];
    // Translated under the panel's context, where these texts always were.
    switch (role) {
    case Qt::DisplayRole: {
        // The first line, rendered as the preview and the exports render it (core/export/safemarkdown.h): no
        // Markdown markers (**, ##, >) in the list.
        QString first;
        for (const QString &line : note.text.split(QLatin1Char('\n'))) {
            for (const markdown::Block &block : markdown::render(line)) {
                first = QString(block.listMarker() + block.plainText()).simplified();
                if (!first.isEmpty())
                    break;
            }
            if (!first.isEmpty())
                break;
        }
        if (first.isEmpty())
            first = QCoreApplication::translate("dubao::NotesPanel", "(empty note)");
        return note.highlightId > 0 ? QStringLiteral("❝ ") + first : first;
    }
    case Qt::ToolTipRole:
        return note.highlightId > 0 ? QCoreApplication::translate("dubao::NotesPanel", "On a highlight")
                                    : QCoreApplication::translate("dubao::NotesPanel", "On the paragraph");
    case Qt::FontRole:
        if (note.highlightId > 0 && note.highlightId == m_highlightId) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case NoteIdRole:
        return note.id;
    default:
        return {};
    }
}

} // namespace dubao
