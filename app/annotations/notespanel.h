// The notes panel beside the reading pane: the current paragraph's notes (a NoteListModel; those on a highlight
// marked), each
// edited as Markdown with a rendered preview, timestamps and tags. Typing is saved through the document, one
// undo step per editing session (a pause saves; focus leaving or another note ends the session).
#pragma once

#include "app/annotations/noteconflictdialog.h"
#include "core/model/annotation.h"

#include <QUrl>
#include <QWidget>

class QLabel;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;
class QTimer;

namespace dubao {

class AnnotationDocument;
class NoteListModel;

class NotesPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NotesPanel)

public:
    NotesPanel(AnnotationDocument &document, QWidget *parent = nullptr);
    ~NotesPanel() override;

    /// Shows a paragraph's notes; `highlightId` marks (and adds new notes to) a highlight of it.
    void setContext(qint64 blockId, qint64 highlightId = 0);
    /// Why notes cannot be added, edited, tagged or deleted here (a reader of a team library, a library open
    /// read-only): the buttons are off with `reason` as their tooltip and the editor reads only. Empty: they can.
    void setWriteLimit(const QString &reason);
    /// Why the current note cannot be changed by this user (a colleague's note, for an annotator of a team library
    /// with row-level security: "this note is bo's: …"); empty when it can (or when setWriteLimit() says why not).
    QString ownershipLimit() const { return m_ownershipLimit; }
    qint64 blockId() const { return m_blockId; }
    qint64 highlightId() const { return m_highlightId; }

    /// Adds a note to the context's paragraph (or highlight), undoably; returns its id (0: failed).
    qint64 addNote(const QString &text);
    void selectNote(qint64 noteId);
    qint64 currentNoteId() const { return m_noteId; }
    QList<qint64> noteIds() const;
    QListView *list() const { return m_list; }
    QPlainTextEdit *editor() const { return m_editor; }
    QTextBrowser *preview() const { return m_preview; }
    /// Saves the editor's text now (also ends the editing session when `endSession`).
    void commitEdit(bool endSession = true);
    void deleteCurrentNote();
    /// Whether the editor holds text the library does not (a save failed, or someone changed the note since).
    bool hasUnsavedText() const { return m_unsaved || m_conflict; }
    QLabel *details() const { return m_details; }
    /// What the user chose in the NoteConflictDialog for a note changed by someone else while being edited.
    void resolveConflict(dubao::NoteConflictDialog::Choice choice, const QString &mine, qint64 noteId,
                         int theirVersion);

    void refresh();
    QSize sizeHint() const override { return {340, 600}; }

signals:
    /// The Add button: the window asks for the text (or adds an empty note).
    void addNoteRequested();
    void tagNoteRequested(qint64 noteId);
    /// A link clicked in the preview: only the sanitiser's safe schemes (http, https, mailto, dubao) get here.
    void linkActivated(const QUrl &url);
    /// A save found the note changed by someone else since it was shown: nothing was saved, the editor keeps
    /// `mine`; the window shows both texts (NoteConflictDialog) and hands the choice to resolveConflict().
    void editConflict(const QString &mine, const dubao::Note &theirs);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showNote(qint64 noteId);
    void updatePreview();

    AnnotationDocument &m_document;
    QLabel *m_header;
    NoteListModel *m_model;
    QListView *m_list;
    QPlainTextEdit *m_editor;
    QTextBrowser *m_preview;
    QLabel *m_details;
    QPushButton *m_add;
    QPushButton *m_delete;
    QPushButton *m_tag;
    QTimer *m_saveTimer;
    qint64 m_blockId = 0;
    qint64 m_highlightId = 0;
    qint64 m_noteId = 0;
    QString m_writeLimit;     ///< setWriteLimit()
    QString m_ownershipLimit; ///< why the current note is not the user's to change (a colleague's), or empty
    int m_session = 0;
    bool m_loading = false;
    int m_readVersion = 0;   ///< the row version of the note as the editor showed it
    bool m_saving = false;   ///< a save is running: a refresh it causes keeps the editor's text
    bool m_unsaved = false;  ///< the last save failed: the editor keeps the user's text
    bool m_conflict = false; ///< someone changed the note since: nothing is saved until the user chooses
    QString m_conflictBy;
};

} // namespace dubao
