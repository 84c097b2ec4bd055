#include "app/annotations/annotationcontroller.h"

#include "app/annotations/annotationcommands.h"
#include "app/annotations/annotationspanel.h"
#include "app/annotations/annotationstore.h"
#include "app/annotations/notebookview.h"
#include "app/annotations/notespanel.h"
#include "app/annotations/orphanspanel.h"
#include "app/annotations/tagdock.h"
#include "app/annotations/tagpalette.h"
#include "app/reader/readerview.h"
#include "app/shell/librarysession.h"
#include "app/shell/mainwindow.h"
#include "core/jobs/reparsejob.h"
#include "core/store/library.h"

#include <QAction>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStatusBar>
#include <QTextBlock>
#include <QThread>
#include <QUndoStack>
#include <QUrlQuery>

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

QString countsText(const ReanchorCounts &counts)
{
    return AnnotationController::tr("Annotations: %1 stayed, %2 moved, %3 became orphans (%4 orphans re-attached, "
                                    "%5 still orphans).")
        .arg(counts.stayed)
        .arg(counts.moved)
        .arg(counts.orphaned)
        .arg(counts.reattached)
        .arg(counts.stillOrphan);
}

} // namespace

AnnotationController::AnnotationController(MainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_store(new AnnotationStore(this))
{
    QUndoStack *stack = window->undoStack();
    m_notes = new NotesPanel(*m_store, stack);
    m_tags = new TagDock(*m_store, stack);
    m_annotations = new AnnotationsPanel(*m_store);
    m_orphans = new OrphansPanel(*m_store);
    m_notebook = new NotebookView(*m_store, stack);
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

    ReaderView *reader = window->reader();
    connect(window, &MainWindow::libraryOpened, this, &AnnotationController::onLibraryOpened);
    connect(window, &MainWindow::articleShown, this, [this](qint64 articleId) {
        refreshReader();
        m_annotations->setCurrentArticle(articleId);
    });
    connect(m_store, &AnnotationStore::annotationsChanged, this, &AnnotationController::refreshReader);
    connect(m_store, &AnnotationStore::errorOccurred, this,
            [this](const QString &message) { report(tr("Annotation"), message); });
    connect(reader, &ReaderView::currentBlockChanged, this, &AnnotationController::onCurrentBlockChanged);
    connect(reader, &ReaderView::noteMarkerClicked, this, [this](qint64 blockId) { showNotes(blockId); });
    connect(reader, &ReaderView::highlightWithLastTagRequested, this, &AnnotationController::highlightWithLastTag);
    connect(reader, &ReaderView::contextMenuAboutToShow, this, &AnnotationController::onReaderContextMenu);
    connect(m_notes, &NotesPanel::addNoteRequested, this, [this] { addNoteDialog(); });
    connect(m_notes, &NotesPanel::tagNoteRequested, this, [this](qint64 noteId) {
        if (const qint64 tag = chooseTag(tr("Tag Note")))
            undoStack()->push(new TaggingCommand(*m_store, TaggingCommand::Target::Note, noteId, tag, true));
    });
    connect(m_tags, &TagDock::tagActivated, this, [this](qint64 tagId) {
        m_annotationsDock->show();
        m_annotationsDock->raise();
        m_annotations->setTagFilter(tagId);
    });
    connect(m_annotations, &AnnotationsPanel::annotationActivated, this, &AnnotationController::openAnnotation);
    connect(m_annotations, &AnnotationsPanel::contextMenuRequested, this,
            [this](QMenu *menu, const AnnotationItem &item) {
                fillNotebookMenu(menu->addMenu(tr("Add to &Notebook")), item);
                menu->addSeparator();
                if (item.kind == AnnotationItem::Kind::Highlight)
                    menu->addAction(tr("Remove Highlight"), this, [this, item] { removeHighlight(item.highlight.id); });
                else
                    menu->addAction(tr("Delete Note"), this,
                                    [this, item] { undoStack()->push(new RemoveNoteCommand(*m_store, item.note.id)); });
            });
    connect(m_orphans, &OrphansPanel::reattachRequested, this, [this](const AnnotationItem &item) { reattach(item); });
    connect(m_notebook, &NotebookView::linkActivated, this, [this](const QUrl &url) { openLink(url); });
}

AnnotationController::~AnnotationController()
{
    // The panels hold references to the store, which goes with this object: they go first (a note being
    // edited would otherwise save into a destroyed store when its editor loses focus on the way out).
    for (QDockWidget *dock : {m_notesDock, m_tagsDock, m_annotationsDock, m_orphansDock, m_notebookDock})
        delete dock;
}

QUndoStack *AnnotationController::undoStack() const
{
    return m_window->undoStack();
}

ReaderView *AnnotationController::reader() const
{
    return m_window->reader();
}

bool AnnotationController::bound() const
{
    // Between MainWindow switching sessions and libraryOpened the store still points at the old library.
    return m_window->session() && m_store->library() == &m_window->session()->library();
}

void AnnotationController::onLibraryOpened()
{
    m_store->setLibrary(&m_window->session()->library());
    m_tags->setInteractive(m_window->feedback().showsDialogs());
    m_notebook->setInteractive(m_window->feedback().showsDialogs());
    refreshReader();
}

void AnnotationController::report(const QString &title, const QString &message)
{
    if (m_window->feedback().showsDialogs() && m_window->isVisible())
        QMessageBox::warning(m_window, title, message);
    else
        m_window->statusBar()->showMessage(message, 8000);
}

// ---------------------------------------------------------------------------------------------------- menus

void AnnotationController::createMenus(QMenu *viewMenu, QMenu *issueMenu)
{
    auto action = [this](QMenu *menu, const QString &name, const QString &text, const QKeySequence &key, auto slot) {
        auto *a = new QAction(text, m_window);
        a->setObjectName(name);
        if (!key.isEmpty())
            a->setShortcut(key);
        connect(a, &QAction::triggered, this, slot);
        menu->addAction(a);
        return a;
    };

    auto *annotate = new QMenu(tr("&Annotate"), m_window);
    annotate->setObjectName(QStringLiteral("menuAnnotate"));
    m_highlightLast = action(annotate, QStringLiteral("actionHighlightLastTag"), tr("&Highlight with Last Tag"),
                             QKeySequence(Qt::CTRL | Qt::Key_H), [this] { highlightWithLastTag(); });
    QMenu *withTag = annotate->addMenu(tr("Highlight with &Tag"));
    withTag->setObjectName(QStringLiteral("menuHighlightWithTag"));
    connect(withTag, &QMenu::aboutToShow, this, [this, withTag] { fillHighlightWithTagMenu(withTag); });
    action(annotate, QStringLiteral("actionTagPalette"), tr("Tag &Palette…"), QKeySequence(Qt::CTRL | Qt::Key_T),
           [this] { paletteDialog(); });
    action(annotate, QStringLiteral("actionTagParagraph"), tr("Tag &Paragraph…"),
           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T), [this] { tagParagraphDialog(); });
    action(annotate, QStringLiteral("actionTagArticle"), tr("Tag &Article…"),
           QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_T), [this] { tagArticleDialog(); });
    annotate->addSeparator();
    action(annotate, QStringLiteral("actionAddNote"), tr("Add &Note…"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_M),
           [this] { addNoteDialog(); });
    action(annotate, QStringLiteral("actionRemoveHighlight"), tr("&Remove Highlight"),
           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H), [this] {
               if (const qint64 id = highlightAtCursor())
                   removeHighlight(id);
           });
    QMenu *notebookMenu = annotate->addMenu(tr("Add Highlight to Note&book"));
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
    annotate->addSeparator();
    action(annotate, QStringLiteral("actionNewTag"), tr("New Ta&g…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N),
           [this] { newTagDialog(); });
    action(annotate, QStringLiteral("actionNewNotebook"), tr("New Notebook…"), QKeySequence(),
           [this] { newNotebookDialog(); });
    action(annotate, QStringLiteral("actionReattachOrphan"), tr("Re-attach Orphan to Selection"), QKeySequence(),
           [this] {
               if (const auto item = m_orphans->currentItem())
                   reattach(*item);
               else
                   report(tr("Re-attach"), tr("Choose an orphan in the Orphans panel first."));
           });
    // The menu goes before Go/Help, next to Issue.
    QAction *before = nullptr;
    const QList<QAction *> menus = m_window->menuBar()->actions();
    for (qsizetype i = 0; i < menus.size(); ++i)
        if (menus[i]->menu() == issueMenu && i + 1 < menus.size())
            before = menus[i + 1];
    m_window->menuBar()->insertMenu(before, annotate);

    if (viewMenu) {
        QMenu *panels = viewMenu->addMenu(tr("&Annotation Panels"));
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
    }
    if (issueMenu) {
        issueMenu->addSeparator();
        action(issueMenu, QStringLiteral("actionReplaceIssue"), tr("&Replace with Corrected File…"), QKeySequence(),
               [this] { replaceIssueDialog(); });
        action(issueMenu, QStringLiteral("actionReparseAll"), tr("Re-&parse All Issues…"), QKeySequence(),
               [this] { reparseAllDialog(); });
        issueMenu->addSeparator();
        action(issueMenu, QStringLiteral("actionDeleteIssue"), tr("&Delete Issue…"), QKeySequence(),
               [this] { deleteIssueDialog(); });
    }
}

void AnnotationController::fillHighlightWithTagMenu(QMenu *menu)
{
    menu->clear();
    const bool selection = reader()->textCursor().hasSelection();
    for (const Tag &tag : m_store->tagsRecentFirst()) {
        QPixmap swatch(12, 12);
        swatch.fill(QColor(tag.color));
        QAction *a = menu->addAction(QIcon(swatch), tag.path, this, [this, id = tag.id] { highlightSelection(id); });
        a->setEnabled(selection);
    }
    if (!menu->isEmpty())
        menu->addSeparator();
    menu->addAction(tr("New Tag…"), this, [this] {
        if (const qint64 tag = chooseTag(tr("Highlight with Tag")))
            highlightSelection(tag);
    });
}

void AnnotationController::fillNotebookMenu(QMenu *menu, const AnnotationItem &item)
{
    if (!bound())
        return;
    for (const Notebook &notebook : m_store->notebooks().list())
        menu->addAction(notebook.name, this, [this, item, id = notebook.id] { addToNotebook(id, item); });
    if (!menu->isEmpty())
        menu->addSeparator();
    menu->addAction(tr("New Notebook…"), this, [this, item] {
        bool ok = false;
        const QString name =
            QInputDialog::getText(m_window, tr("New Notebook"), tr("Name:"), QLineEdit::Normal, {}, &ok);
        if (!ok || name.trimmed().isEmpty())
            return;
        undoStack()->beginMacro(tr("Add to New Notebook"));
        auto *create = new CreateNotebookCommand(*m_store, name);
        undoStack()->push(create);
        if (create->notebookId() > 0)
            addToNotebook(create->notebookId(), item);
        undoStack()->endMacro();
    });
}

// --------------------------------------------------------------------------------------------------- reader

void AnnotationController::refreshReader()
{
    ReaderView *view = reader();
    const qint64 articleId = view->articleId();
    if (!bound() || articleId <= 0) {
        view->setHighlights({});
        view->setNoteMarkers({});
        view->setTagMarks({}, {});
        return;
    }
    QList<HighlightMark> marks;
    for (const Highlight &h : m_store->annotations().highlightsOfArticle(articleId)) {
        if (h.orphan || h.blockId <= 0)
            continue;
        // The colour of its most recently used tag, else its first.
        QColor color;
        for (qint64 tag : m_store->recentTags())
            if (!color.isValid() && h.tagIds.contains(tag))
                color = m_store->tagColor(tag);
        if (!color.isValid() && !h.tagIds.isEmpty())
            color = m_store->tagColor(h.tagIds.front());
        marks << HighlightMark{h.id, h.blockId, h.start, h.end, color};
    }
    view->setHighlights(marks);
    QHash<qint64, int> notes;
    for (const Note &note : m_store->annotations().notesOfArticle(articleId))
        if (!note.orphan && note.blockId > 0)
            ++notes[note.blockId];
    view->setNoteMarkers(notes);
    auto mark = [this](const Tag &tag) {
        return TagMark{tag.name, tag.path, m_store->tagColor(tag.id)};
    };
    QList<TagMark> articleTags;
    for (const Tag &tag : m_store->tags().tagsOfArticle(articleId))
        articleTags << mark(tag);
    QHash<qint64, QList<TagMark>> blockTags;
    const QHash<qint64, QList<Tag>> tagsOfBlocks = m_store->tags().tagsOfBlocksOfArticle(articleId);
    for (auto it = tagsOfBlocks.cbegin(); it != tagsOfBlocks.cend(); ++it) {
        for (const Tag &tag : it.value())
            blockTags[it.key()] << mark(tag);
    }
    view->setTagMarks(articleTags, blockTags);
    onCurrentBlockChanged(view->blockIdAt(view->textCursor()));
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
        if (const qint64 last = m_store->lastTag())
            menu->addAction(tr("Highlight with “%1”").arg(m_store->tagPath(last)), this,
                            [this, last] { highlightSelection(last); })
                ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
        QMenu *withTag = menu->addMenu(tr("Highlight with Tag"));
        fillHighlightWithTagMenu(withTag);
        menu->addAction(tr("Highlight without Tag"), this, [this] { highlightSelection(0); });
        menu->addAction(tr("Add Note…"), this, [this] { addNoteDialog(); })
            ->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_M));
    }
    const QList<HighlightMark> marks = reader()->highlightsAt(position);
    for (const HighlightMark &mark : marks) {
        const auto highlight = m_store->annotations().highlight(mark.id);
        if (!highlight)
            continue;
        QString quote = highlight->anchor.quote;
        if (quote.size() > 12)
            quote = quote.left(12) + QStringLiteral("…");
        QMenu *sub = marks.size() > 1 ? menu->addMenu(tr("Highlight “%1”").arg(quote)) : menu;
        if (marks.size() == 1)
            menu->addSection(tr("Highlight “%1”").arg(quote));
        sub->addAction(tr("Remove Highlight"), this, [this, id = mark.id] { removeHighlight(id); });
        if (!highlight->tagIds.isEmpty()) {
            QMenu *untag = sub->addMenu(tr("Remove Tag"));
            for (qint64 tag : highlight->tagIds)
                untag->addAction(m_store->tagPath(tag), this, [this, tag, id = mark.id] {
                    undoStack()->push(new TaggingCommand(*m_store, TaggingCommand::Target::Highlight, id, tag, false));
                });
        }
        sub->addAction(tr("Add Tag…"), this, [this, id = mark.id] {
            if (const qint64 tag = chooseTag(tr("Tag Highlight")))
                undoStack()->push(new TaggingCommand(*m_store, TaggingCommand::Target::Highlight, id, tag, true));
        });
        sub->addAction(tr("Add Note to Highlight…"), this, [this, id = mark.id] { addNoteDialog(id); });
        AnnotationItem item;
        item.highlight = *highlight;
        fillNotebookMenu(sub->addMenu(tr("Add to Notebook")), item);
    }
    menu->addSeparator();
    const qint64 block = reader()->blockIdAt(reader()->textCursor());
    if (block > 0) {
        menu->addAction(tr("Tag Paragraph…"), this, [this] { tagParagraphDialog(); })
            ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
        const QList<Tag> tags = m_store->tags().tagsOfBlock(block);
        if (!tags.isEmpty()) {
            QMenu *untag = menu->addMenu(tr("Untag Paragraph"));
            for (const Tag &tag : tags)
                untag->addAction(tag.path, this, [this, tag, block] {
                    undoStack()->push(
                        new TaggingCommand(*m_store, TaggingCommand::Target::Block, block, tag.id, false));
                });
        }
        if (!selection)
            menu->addAction(tr("Add Note to Paragraph…"), this, [this] { addNoteDialog(0); });
    }
    menu->addAction(tr("Tag Article…"), this, [this] { tagArticleDialog(); })
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_T));
    const qint64 article = reader()->articleId();
    const QList<Tag> articleTags = m_store->tags().tagsOfArticle(article);
    if (!articleTags.isEmpty()) {
        QMenu *untag = menu->addMenu(tr("Untag Article"));
        for (const Tag &tag : articleTags)
            untag->addAction(tag.path, this, [this, tag, article] {
                undoStack()->push(
                    new TaggingCommand(*m_store, TaggingCommand::Target::Article, article, tag.id, false));
            });
    }
}

// -------------------------------------------------------------------------------------------------- actions

qint64 AnnotationController::highlightSelection(qint64 tagId)
{
    if (!bound())
        return 0;
    const QList<TextSpan> spans = reader()->selectedSpans();
    if (spans.isEmpty()) {
        report(tr("Highlight"), tr("Select some text of the article first."));
        return 0;
    }
    m_store->noteTagUsed(tagId);
    qint64 first = 0;
    QUndoStack *stack = undoStack();
    stack->beginMacro(tagId > 0 ? tr("Highlight with “%1”").arg(m_store->tagPath(tagId)) : tr("Add Highlight"));
    for (const TextSpan &span : spans) {
        qint64 existing = 0;
        for (const Highlight &h : m_store->annotations().highlightsOfBlock(span.blockId))
            if (h.start == span.start && h.end == span.end)
                existing = h.id;
        if (existing > 0) {
            if (tagId > 0)
                stack->push(new TaggingCommand(*m_store, TaggingCommand::Target::Highlight, existing, tagId, true));
            if (first == 0)
                first = existing;
            continue;
        }
        auto *command = new AddHighlightCommand(*m_store, span.blockId, span.start, span.end,
                                                tagId > 0 ? QList<qint64>{tagId} : QList<qint64>{});
        stack->push(command);
        if (first == 0)
            first = command->highlightId();
    }
    stack->endMacro();
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
    m_store->noteTagUsed(tagId);
    const int index = undoStack()->index();
    undoStack()->push(new TaggingCommand(*m_store, TaggingCommand::Target::Block, block, tagId, true));
    return undoStack()->index() == index + 1;
}

bool AnnotationController::tagArticle(qint64 tagId)
{
    const qint64 article = reader()->articleId();
    if (!bound() || article <= 0 || tagId <= 0)
        return false;
    m_store->noteTagUsed(tagId);
    const int index = undoStack()->index();
    undoStack()->push(new TaggingCommand(*m_store, TaggingCommand::Target::Article, article, tagId, true));
    return undoStack()->index() == index + 1;
}

qint64 AnnotationController::addNote(const QString &text)
{
    if (!bound())
        return 0;
    const std::optional<TextSpan> span = reader()->selectedSpan();
    qint64 block = span ? span->blockId : reader()->blockIdAt(reader()->textCursor());
    if (block <= 0)
        return 0;
    QUndoStack *stack = undoStack();
    stack->beginMacro(tr("Add Note"));
    qint64 highlight = 0;
    if (span)
        highlight = highlightSelection(0);
    else
        highlight = highlightAtCursor();
    auto *command = new AddNoteCommand(*m_store, block, highlight, text);
    stack->push(command);
    const qint64 id = command->noteId();
    stack->endMacro();
    showNotes(block, highlight);
    m_notes->selectNote(id);
    return id;
}

bool AnnotationController::removeHighlight(qint64 highlightId)
{
    const int index = undoStack()->index();
    undoStack()->push(new RemoveHighlightCommand(*m_store, highlightId));
    return undoStack()->index() == index + 1;
}

bool AnnotationController::addToNotebook(qint64 notebookId, const AnnotationItem &item)
{
    const bool note = item.kind == AnnotationItem::Kind::Note;
    const int index = undoStack()->index();
    undoStack()->push(new AddNotebookEntryCommand(
        *m_store, notebookId, note ? AddNotebookEntryCommand::Kind::Note : AddNotebookEntryCommand::Kind::Highlight,
        note ? item.note.id : item.highlight.id, {}));
    const bool ok = undoStack()->index() == index + 1;
    if (ok) {
        m_notebook->setNotebook(notebookId);
        m_window->statusBar()->showMessage(tr("Added to the notebook."), 3000);
    }
    return ok;
}

bool AnnotationController::reattach(const AnnotationItem &orphan)
{
    const int index = undoStack()->index();
    if (orphan.kind == AnnotationItem::Kind::Highlight) {
        const std::optional<TextSpan> span = reader()->selectedSpan();
        if (!span) {
            report(tr("Re-attach"), tr("Select the highlight's new place (within one paragraph) in the reader."));
            return false;
        }
        undoStack()->push(
            new AttachAnnotationCommand(*m_store, orphan.highlight.id, span->blockId, span->start, span->end));
    } else {
        const qint64 block = reader()->blockIdAt(reader()->textCursor());
        if (block <= 0) {
            report(tr("Re-attach"), tr("Put the cursor in the note's new paragraph in the reader."));
            return false;
        }
        undoStack()->push(new AttachAnnotationCommand(*m_store, orphan.note.id, block));
    }
    return undoStack()->index() == index + 1;
}

qint64 AnnotationController::chooseTag(const QString &title)
{
    if (!bound())
        return 0;
    TagPalette palette(m_store->tagsRecentFirst(), title, m_window);
    palette.move(m_window->mapToGlobal(m_window->rect().center()) - QPoint(180, 160));
    if (palette.exec() != QDialog::Accepted)
        return 0;
    if (palette.tagId() > 0)
        return palette.tagId();
    auto *create = new CreateTagCommand(*m_store, palette.newTagName(), 0, {});
    const int index = undoStack()->index();
    undoStack()->push(create);
    return undoStack()->index() == index + 1 ? create->tagId() : 0;
}

void AnnotationController::highlightWithLastTag()
{
    if (!reader()->textCursor().hasSelection())
        return;
    qint64 tag = m_store->lastTag();
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
        m_store->noteTagUsed(tag);
        undoStack()->push(new TaggingCommand(*m_store, TaggingCommand::Target::Highlight, highlight, tag, true));
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
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(m_window, tr("Add Note"), tr("Note (Markdown):"), {}, &ok);
    if (!ok || text.trimmed().isEmpty())
        return;
    if (highlightId < 0) {
        addNote(text);
        return;
    }
    // A note on a given highlight, or (0) on the paragraph under the cursor.
    qint64 block = reader()->blockIdAt(reader()->textCursor());
    if (highlightId > 0)
        if (const auto h = m_store->annotations().highlight(highlightId))
            block = h->blockId;
    if (block <= 0)
        return;
    auto *command = new AddNoteCommand(*m_store, block, highlightId, text);
    undoStack()->push(command);
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
        const auto parentTag = m_store->tags().findByPath(leaf.left(slash));
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
    QUrl url(QStringLiteral("dubao://block/%1").arg(block));
    if (onHighlight && h.blockId == block) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("start"), QString::number(h.start));
        query.addQueryItem(QStringLiteral("end"), QString::number(h.end));
        url.setQuery(query);
    }
    if (openLink(url) && item.kind == AnnotationItem::Kind::Note) {
        showNotes(block, item.note.highlightId);
        m_notes->selectNote(item.note.id);
    }
}

// ---------------------------------------------------------------------------------------------------- links

qint64 AnnotationController::articleOfBlock(qint64 blockId)
{
    if (!bound() || blockId <= 0)
        return 0;
    // The anchor of the paragraph's first character names its issue and its article's position there.
    const Result<TextAnchor> anchor = m_store->annotations().anchorFor(blockId, 0, 1);
    if (!anchor || anchor->issueId <= 0)
        return 0;
    const auto issue = m_window->session()->issues().issue(anchor->issueId);
    if (!issue)
        return 0;
    for (const Article &article : issue->parsed.articles)
        for (const Block &block : article.blocks)
            if (block.id == blockId)
                return article.id;
    return 0;
}

bool AnnotationController::openLink(const QUrl &url)
{
    if (url.isLocalFile())
        return m_window->importPaths({url.toLocalFile()});
    if (url.scheme() != QLatin1String("dubao") || !bound())
        return false;
    bool ok = false;
    const qint64 id = url.path().mid(1).toLongLong(&ok);
    if (!ok || id <= 0)
        return false;
    const QString kind = url.host();
    if (kind == QLatin1String("article"))
        return m_window->showArticle(id);
    if (kind != QLatin1String("block"))
        return false;
    const qint64 article = articleOfBlock(id);
    if (article <= 0 || !m_window->showArticle(article))
        return false;
    const QUrlQuery query(url);
    bool hasStart = false;
    bool hasEnd = false;
    const int start = query.queryItemValue(QStringLiteral("start")).toInt(&hasStart);
    const int end = query.queryItemValue(QStringLiteral("end")).toInt(&hasEnd);
    if (hasStart && hasEnd && end > start)
        reader()->selectSpan(TextSpan{id, start, end});
    else
        reader()->scrollToBlock(id);
    reader()->flashBlock(id);
    reader()->setFocus(Qt::OtherFocusReason);
    return true;
}

// --------------------------------------------------------------------------------------------------- issues

std::optional<ReanchorCounts> AnnotationController::replaceIssue(qint64 issueId, const QString &path, QString *error)
{
    if (!bound())
        return std::nullopt;
    const Result<ReanchorCounts> counts = IssueReplacer(m_window->session()->library()).replace(issueId, path);
    if (!counts) {
        if (error)
            *error = counts.error().message();
        return std::nullopt;
    }
    afterIssueChange();
    return *counts;
}

bool AnnotationController::deleteIssue(qint64 issueId, QString *error)
{
    if (!bound())
        return false;
    const Result<void> deleted = IssueReplacer(m_window->session()->library()).deleteIssue(issueId);
    if (!deleted) {
        if (error)
            *error = deleted.error().message();
        return false;
    }
    afterIssueChange();
    return true;
}

void AnnotationController::afterIssueChange()
{
    // Articles and paragraphs got new ids: commands on the stack would point at ones that are gone.
    undoStack()->clear();
    m_window->reloadLibrary();
    m_store->notifyTagsChanged();
    m_store->notifyNotebooksChanged();
}

void AnnotationController::replaceIssueDialog()
{
    const qint64 issueId = m_window->currentIssueId();
    if (!bound() || issueId <= 0)
        return;
    const QString path = QFileDialog::getOpenFileName(m_window, tr("Replace with Corrected File"), {},
                                                      tr("Text files (*.txt);;All files (*)"));
    if (path.isEmpty())
        return;
    const AnnotationCounts counts = IssueReplacer(m_window->session()->library()).annotationsOfIssue(issueId);
    if (QMessageBox::question(
            m_window, tr("Replace with Corrected File"),
            tr("Replace this issue's text with “%1”?\n\nIts %n annotation(s) will be re-anchored in the new text; "
               "those that cannot be placed become orphans (kept in the Orphans panel).\n\nThis cannot be undone, "
               "and it clears the undo history.",
               nullptr, counts.total())
                .arg(QFileInfo(path).fileName())) != QMessageBox::Yes)
        return;
    QString error;
    const auto result = replaceIssue(issueId, path, &error);
    if (!result) {
        report(tr("Replace with Corrected File"), tr("The issue was not changed: %1").arg(error));
        return;
    }
    QMessageBox::information(m_window, tr("Replace with Corrected File"),
                             tr("The issue's text was replaced.") + QLatin1Char('\n') + countsText(*result));
    if (result->orphaned > 0) {
        m_orphansDock->show();
        m_orphansDock->raise();
    }
}

void AnnotationController::reparseAllDialog()
{
    if (!bound())
        return;
    if (QMessageBox::question(m_window, tr("Re-parse All Issues"),
                              tr("Re-parse every issue with the current parser and re-anchor all annotations?\n\n"
                                 "Annotations that cannot be placed become orphans. This cannot be undone, and it "
                                 "clears the undo history.")) != QMessageBox::Yes)
        return;
    m_window->reparseAllIssues([this](const ReparseOutcome &outcome) {
        const ReparseReport &result = outcome.report;
        const QString &error = outcome.error;
        afterIssueChange();
        if (!error.isEmpty()) {
            report(tr("Re-parse All Issues"), error);
            return;
        }
        QString message = tr("%n issue(s) re-parsed.", nullptr, result.issues);
        if (result.cancelled)
            message += QLatin1Char(' ') + tr("Cancelled before the end.");
        if (!result.failed.isEmpty())
            message += QLatin1Char(' ') + tr("%n issue(s) left as they were.", nullptr, int(result.failed.size()));
        message += QLatin1Char('\n') + countsText(result.counts);
        QMessageBox::information(m_window, tr("Re-parse All Issues"), message);
    });
}

void AnnotationController::deleteIssueDialog()
{
    const qint64 issueId = m_window->currentIssueId();
    if (!bound() || issueId <= 0)
        return;
    const AnnotationCounts counts = IssueReplacer(m_window->session()->library()).annotationsOfIssue(issueId);
    QString detail = counts.total() == 0
                         ? tr("It has no annotations.")
                         : tr("%n annotation(s) go with it: %1 highlights, %2 notes, %3 paragraph tags, %4 article "
                              "tags (and %5 notebook entries showing them).",
                              nullptr, counts.total())
                               .arg(counts.highlights)
                               .arg(counts.notes)
                               .arg(counts.blockTags)
                               .arg(counts.articleTags)
                               .arg(counts.notebookEntries);
    if (QMessageBox::warning(m_window, tr("Delete Issue"),
                             tr("Delete this issue from the library?\n\n%1\n\nThis cannot be undone.").arg(detail),
                             QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) != QMessageBox::Yes)
        return;
    QString error;
    if (!deleteIssue(issueId, &error))
        report(tr("Delete Issue"), tr("The issue was not deleted: %1").arg(error));
}

} // namespace dubao
