// A notebook's entries as a model, read through the annotation document: each excerpt (quote, source with its
// dubao://block link, tags, notes) or piece of the user's own text as the HTML the notebook view paints. Free
// text is editable in place (as Markdown); editing it changes the document.
#pragma once

#include "core/model/annotationlisting.h"

#include <QAbstractListModel>

namespace dubao {

class AnnotationDocument;

class NotebookEntryModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotebookEntryModel)

public:
    enum Role
    {
        EntryIdRole = Qt::UserRole,
        HtmlRole,     ///< the entry as the view paints it
        MarkdownRole, ///< a free-text entry's own text, for editing it in place
    };

    explicit NotebookEntryModel(AnnotationDocument &document, QObject *parent = nullptr);
    ~NotebookEntryModel() override;

    /// Reads the entries of `notebookId` (0: none).
    void setNotebook(qint64 notebookId);
    qint64 notebookId() const { return m_notebookId; }
    void refresh();
    QList<NotebookItem> items() const { return m_items; }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    /// A free-text entry's new Markdown (EditRole): one undoable change of the document, made once control is
    /// back in the event loop (the model is read again afterwards, which must not happen inside an editor).
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    /// Entries are reordered by dragging them (the view turns a drop into a move of the entry).
    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }

private:
    QString html(const NotebookItem &entry) const;

    AnnotationDocument &m_document;
    qint64 m_notebookId = 0;
    QList<NotebookItem> m_items;
    QStringList m_html; ///< per row
};

} // namespace dubao
