// The open library's annotations as the window sees them, and the one way to change them (Okular's Document):
// the document owns the tag, annotation and notebook repositories, lets the views read through them, and turns
// every change into an undo command on the window's QUndoStack (the commands are its own, in
// annotationcommands.h). Signals tell the reader and the panels to refresh after any change.
#pragma once

#include "core/export/qdpximporter.h"
#include "core/model/article.h"
#include "core/store/annotationrepository.h"
#include "core/store/correctionrepository.h"
#include "core/store/notebookrepository.h"
#include "core/store/tagrepository.h"

#include <QColor>
#include <QHash>
#include <QObject>

#include <memory>
#include <optional>

class QUndoCommand;
class QUndoStack;

namespace dubao {

class AnnotationCommand;
class Library;

class AnnotationDocument final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnnotationDocument)

public:
    /// Changes are pushed on `undoStack` (the window's), which must outlive the document.
    explicit AnnotationDocument(QUndoStack *undoStack, QObject *parent = nullptr);
    ~AnnotationDocument() override;

    /// Binds to a library (nullptr: none). Emits every changed signal.
    void setLibrary(Library *library);
    bool hasLibrary() const { return m_library != nullptr; }
    Library *library() const { return m_library; }

    // ---- reading: the repositories' queries. Only while hasLibrary().
    const TagRepository &tags() const { return *m_tags; }
    const AnnotationRepository &annotations() const { return *m_annotations; }
    const NotebookRepository &notebooks() const { return *m_notebooks; }

    /// Tag id → colour, from the last tagsChanged().
    QColor tagColor(qint64 tagId) const { return m_colors.value(tagId); }
    QList<Tag> tagList() const { return m_tagList; }
    QString tagPath(qint64 tagId) const;

    /// The last tag used to highlight or tag something (0: none) and the most recently used first.
    qint64 lastTag() const { return m_recent.isEmpty() ? 0 : m_recent.front(); }
    QList<qint64> recentTags() const { return m_recent; }
    void noteTagUsed(qint64 tagId);
    /// All tags, the recently used first, then in tree order.
    QList<Tag> tagsRecentFirst() const;

    // ---- changing: each pushes one undo command. A change that fails is reported (errorOccurred) and leaves
    // nothing on the stack; it returns 0 or false. Ids are those of what was created.
    qint64 addHighlight(qint64 blockId, int start, int end, const QList<qint64> &tagIds = {});
    bool removeHighlight(qint64 highlightId);
    /// Puts a tag on (or takes it off) an article, a paragraph, a highlight or a note; false when it failed or
    /// was already so.
    bool tag(TagTarget target, qint64 targetId, qint64 tagId);
    bool untag(TagTarget target, qint64 targetId, qint64 tagId);

    qint64 addNote(qint64 blockId, qint64 highlightId, const QString &text);
    /// A note's new text; edits of one `session` (same note) merge into one undo step. Nothing is pushed when the
    /// text is what is stored. With `readVersion` (the Note::rowVersion the editor showed), a note changed since by
    /// someone else is not saved: false, and `changedSince` receives the note as it is now (no error is reported:
    /// the caller shows both texts).
    bool editNote(qint64 noteId, const QString &text, int session, int readVersion = 0,
                  std::optional<Note> *changedSince = nullptr);
    bool removeNote(qint64 noteId);

    qint64 createTag(const QString &name, qint64 parentId = 0, const QString &color = {});
    bool renameTag(qint64 tagId, const QString &name);
    bool recolorTag(qint64 tagId, const QString &color);
    bool moveTag(qint64 tagId, qint64 parentId);
    bool mergeTags(qint64 fromId, qint64 intoId);
    bool deleteTag(qint64 tagId);

    qint64 createNotebook(const QString &name);
    bool renameNotebook(qint64 notebookId, const QString &name);
    bool deleteNotebook(qint64 notebookId);
    /// Shares the notebook with the team library or makes it private again, undoably.
    bool setNotebookShared(qint64 notebookId, bool shared);
    /// Entries at `position` (-1: at the end); their entry id.
    qint64 addHighlightToNotebook(qint64 notebookId, qint64 highlightId, int position = -1);
    qint64 addNoteToNotebook(qint64 notebookId, qint64 noteId, int position = -1);
    qint64 addTextToNotebook(qint64 notebookId, const QString &text, int position = -1);
    bool moveNotebookEntry(qint64 entryId, int position);
    bool editNotebookText(qint64 entryId, const QString &text);
    bool removeNotebookEntry(qint64 entryId);

    /// Re-attaches a highlight to [start, end) of a paragraph / a note to a paragraph, orphan or not.
    bool attachHighlight(qint64 highlightId, qint64 blockId, int start, int end);
    bool attachNote(qint64 noteId, qint64 blockId);

    /// Reads a REFI-QDA project's codes, coded selections and notes (core/export/qdpximporter.h) as one undo step
    /// named after `name`; its report, or nullopt when the file could not be read (reported).
    std::optional<QdpxImportReport> importQdpx(const QString &name, const QByteArray &archive);
    /// Records an import of that file already done on a worker thread (its own connection, one transaction) as
    /// the undo step, and refreshes the views; nothing when it added nothing.
    void adoptQdpxImport(const QString &name, const QByteArray &archive, const QdpxImportReport &done);

    /// Corrections of the OCR (docs/corrections.md); positions are code points of the paragraph's text as shown.
    /// Each re-makes the paragraph's issue, so the shown text changes: textChanged(). The new correction's id.
    qint64 correctText(qint64 blockId, int start, int end, const QString &text);
    qint64 joinParagraph(qint64 blockId);
    qint64 splitParagraph(qint64 blockId, int at);
    qint64 setParagraphKind(qint64 blockId, BlockKind kind);
    bool uncorrect(qint64 correctionId);
    const CorrectionRepository &corrections() const { return *m_corrections; }

    /// Several changes as one undo step (nestable); `text` is what Edit → Undo names.
    void beginMacro(const QString &text);
    void endMacro();

    /// After issues were replaced, re-parsed or deleted underneath: the undo history goes (its commands name
    /// paragraphs that are gone) and every view reads again.
    void clearHistory();
    void reload();

signals:
    void tagsChanged();
    void annotationsChanged();
    void notebooksChanged();
    void errorOccurred(const QString &message);
    /// A correction changed paragraphs' text: the reader shows the article again.
    void textChanged();

private:
    friend class AnnotationCommand;

    /// Pushes `command`; false when it failed or changed nothing (the stack then deleted it).
    bool push(QUndoCommand *command);
    /// Pushes an adding command; the id of what it created, 0 when it failed.
    template<typename Command>
    qint64 pushAdd(Command *command);

    void notifyTagsChanged();
    void notifyAnnotationsChanged();
    void notifyNotebooksChanged();
    void notifyError(const QString &message);
    void notifyTextChanged();

    QUndoStack *m_undoStack;
    Library *m_library = nullptr;
    std::unique_ptr<TagRepository> m_tags;
    std::unique_ptr<AnnotationRepository> m_annotations;
    std::unique_ptr<NotebookRepository> m_notebooks;
    std::unique_ptr<CorrectionRepository> m_corrections;
    QList<Tag> m_tagList;
    QHash<qint64, QColor> m_colors;
    QList<qint64> m_recent;
    int m_failures = 0;   ///< errors reported by commands so far
    int m_macroDepth = 0; ///< inside beginMacro()
};

} // namespace dubao
