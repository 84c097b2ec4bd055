// The annotation context menus of the reader and of the Annotations panel (AnnotationController's, in a file of
// their own): what can be done to a highlight or a note from where it is shown. On a team library an annotator may
// change only their own annotations (the server refuses the rest, core/store/teampolicies.cpp), so the entries that
// would change a colleague's are off, the reason as tooltip, as the Notes panel's buttons are.
#include "app/annotations/annotationcontroller.h"
#include "app/annotations/annotationdocument.h"
#include "app/reader/readerview.h"
#include "app/shell/librarysession.h"
#include "app/shell/mainwindow.h"
#include "core/store/library.h"
#include "core/store/notebookrepository.h"
#include "core/store/teamroles.h"

#include <QAction>
#include <QCoreApplication>
#include <QInputDialog>
#include <QMenu>

namespace dubao {

namespace {

/// Off with `limit` as tooltip when `limit` says why (`menu`, which holds the action, shows tooltips).
void limitTo(QMenu *menu, QAction *action, const QString &limit)
{
    if (limit.isEmpty())
        return;
    action->setEnabled(false);
    action->setToolTip(limit);
    action->setStatusTip(limit);
    menu->setToolTipsVisible(true);
}

} // namespace

QString AnnotationController::changeLimit(team::Owned kind, const QString &author) const
{
    const LibrarySession *session = m_window->session();
    if (!session || !session->isTeamLibrary())
        return {};
    const team::Access access = session->library().teamAccess();
    if (!access.mayAnnotate)
        return QCoreApplication::translate("dubao::MainWindow",
                                           "You are a reader of this team library: you may read, search and export, "
                                           "not annotate or edit.");
    return team::mayChange(access, author) ? QString() : team::refusal(kind, author);
}

QString AnnotationController::changeLimit(const AnnotationItem &item) const
{
    return item.kind == AnnotationItem::Kind::Highlight ? changeLimit(team::Owned::Highlight, item.highlight.createdBy)
                                                        : changeLimit(team::Owned::Note, item.note.createdBy);
}

void AnnotationController::fillAnnotationMenu(QMenu *menu, const AnnotationItem &item)
{
    fillNotebookMenu(menu->addMenu(tr("Add to &Notebook")), item);
    menu->addSeparator();
    if (item.kind == AnnotationItem::Kind::Highlight) {
        const qint64 id = item.highlight.id;
        const QString limit = changeLimit(team::Owned::Highlight, item.highlight.createdBy);
        limitTo(menu,
                menu->addAction(tr("&Tags…"), this,
                                [this, id] {
                                    if (const qint64 tag = chooseTag(tr("Tag Highlight")))
                                        m_document->tag(TagTarget::Highlight, id, tag);
                                }),
                limit);
        limitTo(menu, menu->addAction(tr("Remove Highlight"), this, [this, id] { removeHighlight(id); }), limit);
        return;
    }
    const qint64 id = item.note.id;
    const QString limit = changeLimit(team::Owned::Note, item.note.createdBy);
    // Edited where notes are: the Notes panel, the note selected in it.
    limitTo(menu, menu->addAction(tr("&Edit Note…"), this, [this, item] { openAnnotation(item); }), limit);
    limitTo(menu,
            menu->addAction(tr("&Tags…"), this,
                            [this, id] {
                                if (const qint64 tag = chooseTag(tr("Tag Note")))
                                    m_document->tag(TagTarget::Note, id, tag);
                            }),
            limit);
    limitTo(menu, menu->addAction(tr("Delete Note"), this, [this, id] { m_document->removeNote(id); }), limit);
}

void AnnotationController::addUntagMenu(QMenu *menu, const QString &title, TagTarget target, qint64 targetId,
                                        const QList<Tag> &tags)
{
    if (tags.isEmpty())
        return;
    QMenu *untag = menu->addMenu(title);
    for (const Tag &tag : tags)
        untag->addAction(tag.path, this,
                         [this, target, targetId, id = tag.id] { m_document->untag(target, targetId, id); });
}

/// The context menu's entries for one highlight under the mouse: in a submenu when there are several.
void AnnotationController::addHighlightMenu(QMenu *menu, const Highlight &highlight, bool submenu)
{
    QString quote = highlight.anchor.quote;
    if (quote.size() > 12)
        quote = quote.left(12) + QStringLiteral("…");
    QMenu *sub = submenu ? menu->addMenu(tr("Highlight “%1”").arg(quote)) : menu;
    if (!submenu)
        menu->addSection(tr("Highlight “%1”").arg(quote));
    const qint64 id = highlight.id;
    // A colleague's highlight, for an annotator: removing it or changing its tags is off, saying why.
    const QString limit = changeLimit(team::Owned::Highlight, highlight.createdBy);
    limitTo(sub, sub->addAction(tr("Remove Highlight"), this, [this, id] { removeHighlight(id); }), limit);
    if (!highlight.tagIds.isEmpty()) {
        QMenu *untag = sub->addMenu(tr("Remove Tag"));
        for (qint64 tag : highlight.tagIds)
            untag->addAction(m_document->tagPath(tag), this,
                             [this, tag, id] { m_document->untag(TagTarget::Highlight, id, tag); });
        limitTo(sub, untag->menuAction(), limit);
    }
    limitTo(sub,
            sub->addAction(tr("Add Tag…"), this,
                           [this, id] {
                               if (const qint64 tag = chooseTag(tr("Tag Highlight")))
                                   m_document->tag(TagTarget::Highlight, id, tag);
                           }),
            limit);
    sub->addAction(tr("Add Note to Highlight…"), this, [this, id] { addNoteDialog(id); });
    AnnotationItem item;
    item.highlight = highlight;
    fillNotebookMenu(sub->addMenu(tr("Add to Notebook")), item);
}

void AnnotationController::fillHighlightWithTagMenu(QMenu *menu)
{
    menu->clear();
    const bool selection = reader()->textCursor().hasSelection();
    for (const Tag &tag : m_document->tagsRecentFirst()) {
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
    for (const Notebook &notebook : m_document->notebooks().list())
        menu->addAction(notebook.name, this, [this, item, id = notebook.id] { addToNotebook(id, item); });
    if (!menu->isEmpty())
        menu->addSeparator();
    menu->addAction(tr("New Notebook…"), this, [this, item] {
        bool ok = false;
        const QString name =
            QInputDialog::getText(m_window, tr("New Notebook"), tr("Name:"), QLineEdit::Normal, {}, &ok);
        if (!ok || name.trimmed().isEmpty())
            return;
        m_document->beginMacro(tr("Add to New Notebook"));
        if (const qint64 notebook = m_document->createNotebook(name))
            addToNotebook(notebook, item);
        m_document->endMacro();
    });
}

} // namespace dubao
