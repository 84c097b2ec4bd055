#include "app/annotations/annotationcontroller.h"

#include "app/annotations/annotationdocument.h"
#include "app/annotations/annotationlinks.h"
#include "app/annotations/annotationmarks.h"
#include "app/annotations/annotationspanel.h"
#include "app/annotations/correctioncontroller.h"
#include "app/annotations/issuechanges.h"
#include "app/annotations/notebookview.h"
#include "app/annotations/noteconflictdialog.h"
#include "app/annotations/noteeditor.h"
#include "app/annotations/notespanel.h"
#include "app/annotations/orphanspanel.h"
#include "app/annotations/tagdock.h"
#include "app/annotations/tagpalette.h"
#include "app/reader/readerview.h"
#include "app/shell/actionregistry.h"
#include "app/shell/librarysession.h"
#include "app/shell/mainwindow.h"
#include "app/shell/popupplacement.h"
#include "app/shell/userfeedback.h"

#include <QAction>
#include <QDesktopServices>
#include <QDockWidget>
#include <QInputDialog>
#include <QMenu>
#include <QStatusBar>
#include <QTextBlock>

namespace dubao {

namespace {

QDockWidget *makeDock(MainWindow *window, const QString &title, const QString &name, QWidget *widget)
{
    auto *dock = new QDockWidget(title, window);
    dock->setObjectName(name);
    dock->setWidget(widget);
    dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable |
                      QDockWidget::DockWidgetFloatable);
    return dock;
}

/// The window's feedback, whichever it has when asked: the panels keep this one, and a test may give the window
/// its own feedback after they were made.
class WindowFeedback final : public UserFeedback
{
public:
    explicit WindowFeedback(MainWindow *window)
        : m_window(window)
    {}
    void warn(QWidget *parent, const QString &title, const QString &message) override
    {
        m_window->feedback().warn(parent, title, message);
    }
    void inform(QWidget *parent, const QString &title, const QString &message) override
    {
        m_window->feedback().inform(parent, title, message);
    }
    bool confirm(QWidget *parent, const QString &title, const QString &question, bool yesIsDefault) override
    {
        return m_window->feedback().confirm(parent, title, question, yesIsDefault);
    }
    void show(QWidget *dialog) override { m_window->feedback().show(dialog); }
    bool showsDialogs() const override { return m_window->feedback().showsDialogs(); }

private:
    MainWindow *m_window;
};

} // namespace

AnnotationController::AnnotationController(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_feedback(std::make_unique<WindowFeedback>(window))
    , m_document(new AnnotationDocument(window->undoStack(), this))
    , m_links(std::make_unique<AnnotationLinks>(window, *m_document))
{
    createDocks();
    m_issueChanges = new IssueChanges(window, *m_document, *m_feedback, m_orphansDock, this);
    registerActions();
    connectPanels();
    m_corrections = new CorrectionController(window, this, *m_document, *m_feedback);
}

AnnotationController::~AnnotationController()
{
    // The panels hold references to the document, which goes with this object: they go first (a note being
    // edited would otherwise save into a destroyed document when its editor loses focus on the way out).
    for (QDockWidget *dock : {m_notesDock, m_tagsDock, m_annotationsDock, m_orphansDock, m_notebookDock})
        delete dock;
}

void AnnotationController::createDocks()
{
    MainWindow *window = m_window;
    m_notes = new NotesPanel(*m_document);
    m_tags = new TagDock(*m_document, *m_feedback);
    m_annotations = new AnnotationsPanel(*m_document);
    m_orphans = new OrphansPanel(*m_document);
    // A colleague's orphan is not an annotator's to re-attach (the server would refuse): off, saying why.
    m_orphans->setChangeLimit([this](const AnnotationItem &item) { return changeLimit(item); });
    m_notebook = new NotebookView(*m_document, *m_feedback);
    m_notesDock = makeDock(window, tr("Notes"), QStringLiteral("notesDock"), m_notes);
    m_tagsDock = makeDock(window, tr("Tags"), QStringLiteral("tagsDock"), m_tags);
    m_annotationsDock = makeDock(window, tr("Annotations"), QStringLiteral("annotationsDock"), m_annotations);
    m_orphansDock = makeDock(window, tr("Orphans"), QStringLiteral("orphansDock"), m_orphans);
    m_notebookDock = makeDock(window, tr("Notebook"), QStringLiteral("notebookDock"), m_notebook);
    window->addDockWidget(Qt::RightDockWidgetArea, m_notesDock);
    window->addDockWidget(Qt::RightDockWidgetArea, m_notebookDock);
    window->tabifyDockWidget(m_notesDock, m_notebookDock);
    window->addDockWidget(Qt::LeftDockWidgetArea, m_tagsDock);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_annotationsDock);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_orphansDock);
    window->tabifyDockWidget(m_annotationsDock, m_orphansDock);
    m_notesDock->raise();
    m_annotationsDock->raise();
    window->resizeDocks({m_notesDock}, {380}, Qt::Horizontal);
    // The reader comes first: the bottom panels start hidden (View menu), the side panels shown.
    m_annotationsDock->hide();
    m_orphansDock->hide();
    // The window deletes its children in their order, which raising and tabbing docks changes: a dock may go
    // before this object does, and then its pointer must not be deleted again.
    for (QDockWidget **dock : {&m_notesDock, &m_tagsDock, &m_annotationsDock, &m_orphansDock, &m_notebookDock})
        connect(*dock, &QObject::destroyed, this, [dock] { *dock = nullptr; });
}

void AnnotationController::connectPanels()
{
    ReaderView *reader = m_window->reader();
    connect(m_window, &MainWindow::libraryOpened, this, &AnnotationController::onLibraryOpened);
    // A restore closes the library and runs an event loop until the new file opens: the panels' timers must not
    // reach the closed library through the document (they did: a use after free in tst_maintenance, 2 runs in 30).
    connect(m_window, &MainWindow::libraryClosing, this, [this] { m_document->setLibrary(nullptr); });
    connect(m_window, &MainWindow::articleShown, this, [this](qint64 articleId) {
        refreshReader();
        m_annotations->setCurrentArticle(articleId);
    });
    connect(m_document, &AnnotationDocument::annotationsChanged, this, &AnnotationController::refreshReader);
    connect(m_document, &AnnotationDocument::errorOccurred, this,
            [this](const QString &message) { report(tr("Annotation"), message); });
    connect(reader, &ReaderView::currentBlockChanged, this, &AnnotationController::onCurrentBlockChanged);
    connect(reader, &ReaderView::noteMarkerClicked, this, [this](qint64 blockId) { showNotes(blockId); });
    connect(reader, &ReaderView::highlightWithLastTagRequested, this, &AnnotationController::highlightWithLastTag);
    connect(reader, &ReaderView::contextMenuAboutToShow, this, &AnnotationController::onReaderContextMenu);
    connect(m_notes, &NotesPanel::addNoteRequested, this, [this] { addNoteDialog(); });
    connect(m_notes, &NotesPanel::editConflict, this, [this](const QString &mine, const Note &theirs) {
        // Both texts, whose and when; the user's stays in the editor, unsaved, until they choose.
        auto *dialog = new NoteConflictDialog(mine, theirs, m_window);
        connect(dialog, &NoteConflictDialog::chosen, m_notes, &NotesPanel::resolveConflict);
        m_feedback->show(dialog);
    });
    connect(m_notes, &NotesPanel::linkActivated, this, [this](const QUrl &url) {
        if (url.scheme() == QLatin1String("dubao"))
            openLink(url); // in this window, through the resolver
        else if (!url.scheme().isEmpty())
            QDesktopServices::openUrl(url); // http, https, mailto: NotesPanel lets no other scheme through
    });
    connect(m_notes, &NotesPanel::tagNoteRequested, this, [this](qint64 noteId) {
        if (const qint64 tag = chooseTag(tr("Tag Note")))
            m_document->tag(TagTarget::Note, noteId, tag);
    });
    connect(m_tags, &TagDock::tagActivated, this, [this](qint64 tagId) {
        m_annotationsDock->show();
        m_annotationsDock->raise();
        m_annotations->setTagFilter(tagId);
    });
    connect(m_annotations, &AnnotationsPanel::annotationActivated, this, &AnnotationController::openAnnotation);
    connect(m_annotations, &AnnotationsPanel::contextMenuRequested, this, &AnnotationController::fillAnnotationMenu);
    connect(m_orphans, &OrphansPanel::reattachRequested, this, [this](const AnnotationItem &item) { reattach(item); });
    connect(m_notebook, &NotebookView::linkActivated, this, [this](const QUrl &url) { openLink(url); });
}

ReaderView *AnnotationController::reader() const
{
    return m_window->reader();
}

bool AnnotationController::bound() const
{
    // Between MainWindow switching sessions and libraryOpened the document still points at the old library.
    return m_window->session() && m_document->library() == &m_window->session()->library();
}

void AnnotationController::onLibraryOpened()
{
    m_document->setLibrary(&m_window->session()->library());
    refreshReader();
}

void AnnotationController::report(const QString &title, const QString &message)
{
    m_feedback->warn(m_window, title, message);
}

// -------------------------------------------------------------------------------------------------- actions

void AnnotationController::registerActions()
{
    using Menu = ActionRegistry::Menu;
    using Section = ActionRegistry::Section;
    constexpr auto Editing = ActionRegistry::Kind::Editing;
    ActionRegistry &actions = m_window->actions();
    auto action = [&](Section section, const QString &id, const QString &text, const QKeySequence &key, auto slot) {
        QAction *a = actions.add(Menu::Annotate, section, id, text, key, Editing);
        connect(a, &QAction::triggered, this, slot);
        return a;
    };

    action(Section::AnnotateHighlight, QStringLiteral("actionHighlightLastTag"), tr("&Highlight with Last Tag"),
           QKeySequence(Qt::CTRL | Qt::Key_H), [this] { highlightWithLastTag(); });
    QMenu *withTag = actions.addMenu(Menu::Annotate, Section::AnnotateHighlight, QStringLiteral("menuHighlightWithTag"),
                                     tr("Highlight with &Tag"));
    connect(withTag, &QMenu::aboutToShow, this, [this, withTag] { fillHighlightWithTagMenu(withTag); });
    action(Section::AnnotateHighlight, QStringLiteral("actionTagPalette"), tr("Tag &Palette…"),
           QKeySequence(Qt::CTRL | Qt::Key_T), [this] { paletteDialog(); });
    action(Section::AnnotateHighlight, QStringLiteral("actionTagParagraph"), tr("Tag &Paragraph…"),
           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T), [this] { tagParagraphDialog(); });
    action(Section::AnnotateHighlight, QStringLiteral("actionTagArticle"), tr("Tag &Article…"),
           QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_T), [this] { tagArticleDialog(); });

    action(Section::AnnotateNote, QStringLiteral("actionAddNote"), tr("Add &Note…"),
           QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_M), [this] { addNoteDialog(); });
    action(Section::AnnotateNote, QStringLiteral("actionRemoveHighlight"), tr("&Remove Highlight"),
           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H), [this] {
               if (const qint64 id = highlightAtCursor())
                   removeHighlight(id);
           });
    QMenu *notebookMenu =
        actions.addMenu(Menu::Annotate, Section::AnnotateNote, QStringLiteral("menuAddHighlightToNotebook"),
                        tr("Add Highlight to Note&book"));
    connect(notebookMenu, &QMenu::aboutToShow, this, [this, notebookMenu] {
        notebookMenu->clear();
        const qint64 id = highlightAtCursor();
        AnnotationItem item;
        item.highlight.id = id;
        if (id > 0)
            fillNotebookMenu(notebookMenu, item);
        else
            notebookMenu->addAction(tr("Put the cursor in a highlight first"))->setEnabled(false);
    });

    action(Section::AnnotateCreate, QStringLiteral("actionNewTag"), tr("New Ta&g…"),
           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N), [this] { newTagDialog(); });
    action(Section::AnnotateCreate, QStringLiteral("actionNewNotebook"), tr("New Notebook…"), QKeySequence(),
           [this] { newNotebookDialog(); });
    action(Section::AnnotateCreate, QStringLiteral("actionReattachOrphan"), tr("Re-attach Orphan to Selection"),
           QKeySequence(), [this] {
               if (const auto item = m_orphans->currentItem())
                   reattach(*item);
               else
                   report(tr("Re-attach"), tr("Choose an orphan in the Orphans panel first."));
           });

    // View: the panels' toggles, in a submenu of their own.
    QMenu *panels = actions.addMenu(Menu::View, Section::ViewPanels, QStringLiteral("menuAnnotationPanels"),
                                    tr("&Annotation Panels"));
    const std::pair<QDockWidget *, QKeySequence> docks[] = {
        {m_notesDock, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M)},
        {m_tagsDock, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G)},
        {m_annotationsDock, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A)},
        {m_orphansDock, QKeySequence()},
        {m_notebookDock, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B)}};
    for (const auto &[dock, key] : docks) {
        QAction *toggle = dock->toggleViewAction();
        toggle->setObjectName(QStringLiteral("actionShow_") + dock->objectName());
        toggle->setShortcut(key);
        panels->addAction(toggle);
    }
    m_issueChanges->registerActions(actions);
}

// --------------------------------------------------------------------------------------------------- reader

void AnnotationController::refreshReader()
{
    if (!showAnnotationMarks(*reader(), bound() ? m_document : nullptr))
        return;
    onCurrentBlockChanged(reader()->blockIdAt(reader()->textCursor()));
    m_notes->refresh();
}

void AnnotationController::onCurrentBlockChanged(qint64 blockId)
{
    if (!bound())
        return;
    if (blockId <= 0)
        blockId = reader()->topBlockId();
    m_notes->setContext(blockId, highlightAtCursor());
}

qint64 AnnotationController::highlightAtCursor() const
{
    const QTextCursor cursor = reader()->textCursor();
    const int position = cursor.hasSelection() ? cursor.selectionStart() : cursor.position();
    const QList<HighlightMark> marks = reader()->highlightsAt(position);
    return marks.isEmpty() ? 0 : marks.back().id;
}

void AnnotationController::showNotes(qint64 blockId, qint64 highlightId)
{
    m_notesDock->show();
    m_notesDock->raise();
    m_notes->setContext(blockId, highlightId);
}

void AnnotationController::onReaderContextMenu(QMenu *menu, int position)
{
    if (!bound() || reader()->articleId() <= 0)
        return;
    menu->addSeparator();
    const bool selection = reader()->textCursor().hasSelection();
    if (selection) {
        if (const qint64 last = m_document->lastTag())
            menu->addAction(tr("Highlight with “%1”").arg(m_document->tagPath(last)), this,
                            [this, last] { highlightSelection(last); })
                ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
        QMenu *withTag = menu->addMenu(tr("Highlight with Tag"));
        fillHighlightWithTagMenu(withTag);
        menu->addAction(tr("Highlight without Tag"), this, [this] { highlightSelection(0); });
        menu->addAction(tr("Add Note…"), this, [this] { addNoteDialog(); })
            ->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_M));
    }
    const QList<HighlightMark> marks = reader()->highlightsAt(position);
    for (const HighlightMark &mark : marks)
        if (const auto highlight = m_document->annotations().highlight(mark.id))
            addHighlightMenu(menu, *highlight, marks.size() > 1);
    menu->addSeparator();
    const qint64 block = reader()->blockIdAt(reader()->textCursor());
    if (block > 0) {
        menu->addAction(tr("Tag Paragraph…"), this, [this] { tagParagraphDialog(); })
            ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
        addUntagMenu(menu, tr("Untag Paragraph"), TagTarget::Block, block, m_document->tags().tagsOfBlock(block));
        if (!selection)
            menu->addAction(tr("Add Note to Paragraph…"), this, [this] { addNoteDialog(0); });
    }
    menu->addAction(tr("Tag Article…"), this, [this] { tagArticleDialog(); })
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_T));
    const qint64 article = reader()->articleId();
    addUntagMenu(menu, tr("Untag Article"), TagTarget::Article, article, m_document->tags().tagsOfArticle(article));
}

/// A submenu that takes each of `tags` off the target; none when it has no tags.
// -------------------------------------------------------------------------------------------------- changes

qint64 AnnotationController::highlightSelection(qint64 tagId)
{
    if (!bound())
        return 0;
    const QList<TextSpan> spans = reader()->selectedSpans();
    if (spans.isEmpty()) {
        report(tr("Highlight"), tr("Select some text of the article first."));
        return 0;
    }
    m_document->noteTagUsed(tagId);
    qint64 first = 0;
    m_document->beginMacro(tagId > 0 ? tr("Highlight with “%1”").arg(m_document->tagPath(tagId)) : tr("Add Highlight"));
    for (const TextSpan &span : spans) {
        qint64 existing = 0;
        for (const Highlight &h : m_document->annotations().highlightsOfBlock(span.blockId))
            if (h.start == span.start && h.end == span.end)
                existing = h.id;
        if (existing > 0) {
            if (tagId > 0)
                m_document->tag(TagTarget::Highlight, existing, tagId);
            if (first == 0)
                first = existing;
            continue;
        }
        const qint64 added = m_document->addHighlight(span.blockId, span.start, span.end,
                                                      tagId > 0 ? QList<qint64>{tagId} : QList<qint64>{});
        if (first == 0)
            first = added;
    }
    m_document->endMacro();
    // Drop the selection so the new colour shows.
    QTextCursor cursor = reader()->textCursor();
    cursor.setPosition(cursor.selectionEnd());
    reader()->setTextCursor(cursor);
    return first;
}

bool AnnotationController::tagParagraph(qint64 tagId)
{
    const qint64 block = reader()->blockIdAt(reader()->textCursor());
    if (!bound() || block <= 0 || tagId <= 0)
        return false;
    m_document->noteTagUsed(tagId);
    return m_document->tag(TagTarget::Block, block, tagId);
}

bool AnnotationController::tagArticle(qint64 tagId)
{
    const qint64 article = reader()->articleId();
    if (!bound() || article <= 0 || tagId <= 0)
        return false;
    m_document->noteTagUsed(tagId);
    return m_document->tag(TagTarget::Article, article, tagId);
}

qint64 AnnotationController::addNote(const QString &text)
{
    if (!bound())
        return 0;
    const std::optional<TextSpan> span = reader()->selectedSpan();
    qint64 block = span ? span->blockId : reader()->blockIdAt(reader()->textCursor());
    if (block <= 0)
        return 0;
    m_document->beginMacro(tr("Add Note"));
    const qint64 highlight = span ? highlightSelection(0) : highlightAtCursor();
    const qint64 id = m_document->addNote(block, highlight, text);
    m_document->endMacro();
    showNotes(block, highlight);
    m_notes->selectNote(id);
    return id;
}

bool AnnotationController::removeHighlight(qint64 highlightId)
{
    return m_document->removeHighlight(highlightId);
}

bool AnnotationController::addToNotebook(qint64 notebookId, const AnnotationItem &item)
{
    const bool ok = item.kind == AnnotationItem::Kind::Note
                        ? m_document->addNoteToNotebook(notebookId, item.note.id) > 0
                        : m_document->addHighlightToNotebook(notebookId, item.highlight.id) > 0;
    if (ok) {
        m_notebook->setNotebook(notebookId);
        m_window->statusBar()->showMessage(tr("Added to the notebook."), 3000);
    }
    return ok;
}

bool AnnotationController::reattach(const AnnotationItem &orphan)
{
    if (const QString limit = changeLimit(orphan); !limit.isEmpty()) {
        report(tr("Re-attach"), limit);
        return false;
    }
    if (orphan.kind == AnnotationItem::Kind::Highlight) {
        const std::optional<TextSpan> span = reader()->selectedSpan();
        if (!span) {
            report(tr("Re-attach"), tr("Select the highlight's new place (within one paragraph) in the reader."));
            return false;
        }
        return m_document->attachHighlight(orphan.highlight.id, span->blockId, span->start, span->end);
    }
    const qint64 block = reader()->blockIdAt(reader()->textCursor());
    if (block <= 0) {
        report(tr("Re-attach"), tr("Put the cursor in the note's new paragraph in the reader."));
        return false;
    }
    return m_document->attachNote(orphan.note.id, block);
}

// -------------------------------------------------------------------------------------------------- dialogs

qint64 AnnotationController::chooseTag(const QString &title)
{
    if (!bound())
        return 0;
    TagPalette palette(m_document->tagsRecentFirst(), title, m_window);
    placePopupBeside(&palette, reader()->annotatedRect());
    if (palette.exec() != QDialog::Accepted)
        return 0;
    if (palette.tagId() > 0)
        return palette.tagId();
    return m_document->createTag(palette.newTagName());
}

void AnnotationController::highlightWithLastTag()
{
    if (!reader()->textCursor().hasSelection())
        return;
    qint64 tag = m_document->lastTag();
    if (tag <= 0)
        tag = chooseTag(tr("Highlight with Tag"));
    if (tag > 0)
        highlightSelection(tag);
}

void AnnotationController::paletteDialog()
{
    const bool selection = reader()->textCursor().hasSelection();
    const qint64 highlight = selection ? 0 : highlightAtCursor();
    const qint64 tag = chooseTag(selection   ? tr("Highlight the selection with")
                                 : highlight ? tr("Tag the highlight with")
                                             : tr("Tag the paragraph with"));
    if (tag <= 0)
        return;
    if (selection) {
        highlightSelection(tag);
    } else if (highlight > 0) {
        m_document->noteTagUsed(tag);
        m_document->tag(TagTarget::Highlight, highlight, tag);
    } else {
        tagParagraph(tag);
    }
}

void AnnotationController::tagParagraphDialog()
{
    if (reader()->blockIdAt(reader()->textCursor()) <= 0)
        return;
    if (const qint64 tag = chooseTag(tr("Tag the paragraph with")))
        tagParagraph(tag);
}

void AnnotationController::tagArticleDialog()
{
    if (reader()->articleId() <= 0)
        return;
    if (const qint64 tag = chooseTag(tr("Tag the article with")))
        tagArticle(tag);
}

void AnnotationController::addNoteDialog(qint64 highlightId)
{
    if (!bound() || reader()->articleId() <= 0)
        return;
    NoteEditor editor(tr("Add Note"), tr("Note (Markdown):"), m_window);
    placePopupBeside(&editor, reader()->annotatedRect());
    if (editor.exec() != QDialog::Accepted)
        return;
    const QString text = editor.text();
    if (text.trimmed().isEmpty())
        return;
    if (highlightId < 0) {
        addNote(text);
        return;
    }
    // A note on a given highlight, or (0) on the paragraph under the cursor.
    qint64 block = reader()->blockIdAt(reader()->textCursor());
    if (highlightId > 0)
        if (const auto h = m_document->annotations().highlight(highlightId))
            block = h->blockId;
    if (block <= 0)
        return;
    m_document->addNote(block, highlightId, text);
    showNotes(block, highlightId);
}

void AnnotationController::newTagDialog()
{
    bool ok = false;
    const QString name =
        QInputDialog::getText(m_window, tr("New Tag"), tr("Name (parent/child makes it inside an existing tag):"),
                              QLineEdit::Normal, {}, &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    qint64 parent = 0;
    QString leaf = name.trimmed();
    if (const qsizetype slash = leaf.lastIndexOf(QLatin1Char('/')); slash > 0) {
        const auto parentTag = m_document->tags().findByPath(leaf.left(slash));
        if (!parentTag) {
            report(tr("New Tag"), tr("There is no tag “%1”.").arg(leaf.left(slash)));
            return;
        }
        parent = parentTag->id;
        leaf = leaf.mid(slash + 1);
    }
    m_tagsDock->show();
    m_tags->createTag(leaf, parent);
}

void AnnotationController::newNotebookDialog()
{
    bool ok = false;
    const QString name = QInputDialog::getText(m_window, tr("New Notebook"), tr("Name:"), QLineEdit::Normal, {}, &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    m_notebookDock->show();
    m_notebookDock->raise();
    m_notebook->createNotebook(name);
}

void AnnotationController::openAnnotation(const AnnotationItem &item)
{
    const Highlight &h = item.highlight;
    const bool onHighlight = item.kind == AnnotationItem::Kind::Highlight || item.note.highlightId > 0;
    const qint64 block = item.kind == AnnotationItem::Kind::Note ? item.note.blockId : h.blockId;
    if (block <= 0)
        return;
    const bool span = onHighlight && h.blockId == block;
    if (openLink(AnnotationLinks::blockLink(block, span ? h.start : 0, span ? h.end : 0)) &&
        item.kind == AnnotationItem::Kind::Note) {
        showNotes(block, item.note.highlightId);
        m_notes->selectNote(item.note.id);
    }
}

// ---------------------------------------------------------------------------------------------------- links

qint64 AnnotationController::articleOfBlock(qint64 blockId)
{
    return m_links->articleOfBlock(blockId);
}

bool AnnotationController::openLink(const QUrl &url)
{
    return m_links->open(url);
}

// --------------------------------------------------------------------------------------------------- issues

Result<ReanchorCounts> AnnotationController::replaceIssue(qint64 issueId, const QString &path)
{
    return m_issueChanges->replaceIssue(issueId, path);
}

Result<void> AnnotationController::deleteIssue(qint64 issueId)
{
    return m_issueChanges->deleteIssue(issueId);
}

} // namespace dubao
