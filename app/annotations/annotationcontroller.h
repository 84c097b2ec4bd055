// Everything annotation in the main window: the annotation document on the open library, the reader's
// highlights, note markers and context menu, the Annotate menu and its shortcuts, the notes, tags, annotations,
// orphans and notebook docks (toggled from View), dubao: links (annotationlinks.h), and (issuechanges.h) the Issue
// menu's replace / re-parse / delete. Its actions are registered in the window's ActionRegistry; it speaks to the user
// through the window's UserFeedback. MainWindow creates one in setUpAnnotations().
#pragma once

#include "core/ingest/issuereplacer.h"
#include "core/store/annotationrepository.h"
#include "core/store/teamroles.h"

#include <QObject>
#include <QUrl>

#include <memory>

class QDockWidget;
class QMenu;

namespace dubao {

class AnnotationDocument;
class AnnotationLinks;
class AnnotationsPanel;
class CorrectionController;
class IssueChanges;
class MainWindow;
class NotebookView;
class NotesPanel;
class OrphansPanel;
class ReaderView;
class TagDock;
class UserFeedback;

class AnnotationController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnnotationController)

public:
    /// Creates the document, the panels and their docks, and registers the actions in window->actions().
    explicit AnnotationController(MainWindow *window);
    ~AnnotationController() override;

    AnnotationDocument &document() { return *m_document; }
    NotesPanel *notesPanel() const { return m_notes; }
    TagDock *tagDock() const { return m_tags; }
    AnnotationsPanel *annotationsPanel() const { return m_annotations; }
    OrphansPanel *orphansPanel() const { return m_orphans; }
    NotebookView *notebookView() const { return m_notebook; }
    QDockWidget *notesDock() const { return m_notesDock; }
    CorrectionController *corrections() const { return m_corrections; }

    // The actions, callable without dialogs (tests, scripts). Each is one undoable change of the document.
    /// Highlights the reader's selection (one highlight per paragraph it touches) with a tag (0: none); a
    /// selection that is exactly an existing highlight gets the tag instead. Returns the (first) highlight id.
    qint64 highlightSelection(qint64 tagId);
    /// Tags the paragraph under the cursor / the shown article.
    bool tagParagraph(qint64 tagId);
    bool tagArticle(qint64 tagId);
    /// A note on the selection (made a highlight first), the highlight under the cursor, or the paragraph.
    qint64 addNote(const QString &text);
    bool removeHighlight(qint64 highlightId);
    bool addToNotebook(qint64 notebookId, const AnnotationItem &item);
    /// Re-attaches an orphan where the reader's selection is (a note: the cursor's paragraph).
    bool reattach(const AnnotationItem &orphan);

    /// dubao://block/ID[?start=N&end=M] and dubao://article/ID: shows the article, scrolls to and flashes the
    /// paragraph (selects the span when given). False for an unknown or malformed link.
    bool openLink(const QUrl &url);
    /// The article a paragraph belongs to (0 when unknown).
    qint64 articleOfBlock(qint64 blockId);

    /// Issue → Replace with Corrected File, without asking. Clears the undo history (block ids change).
    Result<ReanchorCounts> replaceIssue(qint64 issueId, const QString &path);
    Result<void> deleteIssue(qint64 issueId);

    /// Re-reads the shown article's highlights and notes into the reader and the notes panel.
    void refreshReader();
    /// The document points at the window's current library (not yet while the window switches libraries).
    bool bound() const;

private:
    void createDocks();
    void registerActions();
    void connectPanels();
    void onLibraryOpened();
    void onCurrentBlockChanged(qint64 blockId);
    void onReaderContextMenu(QMenu *menu, int position);
    // annotationmenus.cpp: the context menus of a highlight or a note.
    void addHighlightMenu(QMenu *menu, const Highlight &highlight, bool submenu);
    /// The Annotations panel's menu of `item`.
    void fillAnnotationMenu(QMenu *menu, const AnnotationItem &item);
    /// Why the user may not change an annotation of `kind` that `author` made (empty: they may).
    QString changeLimit(team::Owned kind, const QString &author) const;
    /// The same for a highlight's or note's item (its kind and maker).
    QString changeLimit(const AnnotationItem &item) const;
    void addUntagMenu(QMenu *menu, const QString &title, TagTarget target, qint64 targetId, const QList<Tag> &tags);
    void fillHighlightWithTagMenu(QMenu *menu);
    void fillNotebookMenu(QMenu *menu, const AnnotationItem &item);
    void showNotes(qint64 blockId, qint64 highlightId = 0);
    void openAnnotation(const AnnotationItem &item);
    qint64 highlightAtCursor() const;
    /// The tag palette; returns the chosen (or newly created) tag, 0 when cancelled.
    qint64 chooseTag(const QString &title);
    void highlightWithLastTag();
    void tagParagraphDialog();
    void tagArticleDialog();
    void paletteDialog();
    void addNoteDialog(qint64 highlightId = -1);
    void newTagDialog();
    void newNotebookDialog();
    void report(const QString &title, const QString &message);
    ReaderView *reader() const;

    MainWindow *m_window;
    std::unique_ptr<UserFeedback> m_feedback; ///< the window's, whichever it has at the time
    AnnotationDocument *m_document;
    std::unique_ptr<AnnotationLinks> m_links;
    NotesPanel *m_notes = nullptr;
    TagDock *m_tags = nullptr;
    AnnotationsPanel *m_annotations = nullptr;
    OrphansPanel *m_orphans = nullptr;
    NotebookView *m_notebook = nullptr;
    QDockWidget *m_notesDock = nullptr;
    QDockWidget *m_tagsDock = nullptr;
    QDockWidget *m_annotationsDock = nullptr;
    QDockWidget *m_orphansDock = nullptr;
    QDockWidget *m_notebookDock = nullptr;
    IssueChanges *m_issueChanges = nullptr;
    CorrectionController *m_corrections = nullptr;
};

} // namespace dubao
