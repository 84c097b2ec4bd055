// The notebook view: the user's notebooks, the open one shown like a document (each excerpt's quote, source and
// notes, the user's own text between them; a NotebookEntryModel in a list view). Drag and drop reorders entries;
// excerpts link back to their paragraph (dubao://block/ID). Every change is one of the annotation document.
#pragma once

#include "core/store/notebookrepository.h"

#include <QUrl>
#include <QWidget>

class QComboBox;
class QListView;
class QToolButton;

namespace dubao {

class AnnotationDocument;
class NotebookEntryModel;
class UserFeedback;

class NotebookView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotebookView)

public:
    /// Questions (delete?) go through `feedback`.
    NotebookView(AnnotationDocument &document, UserFeedback &feedback, QWidget *parent = nullptr);
    ~NotebookView() override;

    void setNotebook(qint64 notebookId);
    qint64 notebookId() const { return m_notebookId; }
    QListView *entryList() const { return m_list; }
    NotebookEntryModel *model() const { return m_model; }
    QList<qint64> entryIds() const;
    /// The entry's document HTML as the view renders it (for tests and the screenshot check).
    QString entryHtml(int row) const;

    // Actions (drag and drop ends in moveEntry); each is one change of the document, false (0) when it failed.
    qint64 createNotebook(const QString &name);
    bool moveEntry(int fromRow, int toRow);
    qint64 addText(const QString &text, int position = -1);
    bool editText(qint64 entryId, const QString &text);
    bool removeEntry(qint64 entryId);
    bool renameNotebook(const QString &name);
    bool deleteNotebook();
    /// Shares the open notebook with the team library or makes it private again (undoable; its creator's).
    bool setShared(bool shared);
    /// Why the open notebook cannot be changed here (a colleague's, or a reader's library); empty: it can.
    QString readOnlyReason() const { return m_readOnlyReason; }
    QToolButton *shareButton() const { return m_share; }
    QToolButton *renameButton() const { return m_rename; }
    QComboBox *chooser() const { return m_notebooks; }

    void refresh();
    QSize sizeHint() const override { return {360, 600}; }

signals:
    /// An excerpt's source link was clicked.
    void linkActivated(const QUrl &url);
    /// "Export…": export the open notebook (the window opens the export dialog on it).
    void exportRequested(qint64 notebookId);

private:
    void reloadNotebooks();
    int currentRow() const; ///< -1: none
    void newNotebookDialog();
    void renameDialog();
    void deleteDialog();
    void addTextDialog(int position);
    void showContextMenu(const QPoint &pos);

    AnnotationDocument &m_document;
    UserFeedback &m_feedback;
    NotebookEntryModel *m_model;
    QComboBox *m_notebooks;
    QListView *m_list;
    QToolButton *m_rename;
    QToolButton *m_delete;
    QToolButton *m_addText;
    QToolButton *m_share;
    qint64 m_notebookId = 0;
    QString m_readOnlyReason;
};

} // namespace dubao
