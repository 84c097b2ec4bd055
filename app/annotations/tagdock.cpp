#include "app/annotations/tagdock.h"

#include "app/annotations/annotationdocument.h"
#include "app/annotations/tagtreemodel.h"
#include "app/shell/userfeedback.h"
#include "core/store/library.h"
#include "core/store/teamroles.h"

#include <QColorDialog>
#include <QDropEvent>
#include <QHeaderView>
#include <QInputDialog>
#include <QMenu>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace dubao {

namespace {

/// Drag a tag onto another to move it under that one, or between two to move it beside them. The drop is
/// turned into a move of the tag; the tree itself is rebuilt from the document afterwards.
class TagTree final : public QTreeView
{
public:
    std::function<void(qint64 tag, qint64 parent)> onMove;

protected:
    void dropEvent(QDropEvent *event) override
    {
        const QModelIndex dragged = currentIndex();
        const QModelIndex target = indexAt(event->position().toPoint());
        if (!dragged.isValid() || event->source() != this) {
            event->ignore();
            return;
        }
        qint64 parent = 0;
        if (target.isValid()) {
            if (dropIndicatorPosition() == QAbstractItemView::OnItem)
                parent = TagTreeModel::tagId(target);
            else
                parent = TagTreeModel::tagId(target.parent());
        }
        event->setDropAction(Qt::IgnoreAction);
        event->accept();
        if (onMove)
            onMove(TagTreeModel::tagId(dragged), parent);
    }
};

} // namespace

TagDock::TagDock(AnnotationDocument &document, UserFeedback &feedback, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_feedback(feedback)
    , m_model(new TagTreeModel(document, this))
{
    setObjectName(QStringLiteral("tagDock"));
    auto *tree = new TagTree;
    tree->onMove = [this](qint64 tag, qint64 parent) {
        m_document.moveTag(tag, parent);
    };
    m_tree = tree;
    m_tree->setObjectName(QStringLiteral("tagTree"));
    m_tree->setModel(m_model);
    m_tree->setHeaderHidden(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->setDragDropMode(QAbstractItemView::InternalMove);
    m_tree->setDefaultDropAction(Qt::MoveAction);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setFrameShape(QFrame::NoFrame);
    connect(m_tree, &QTreeView::customContextMenuRequested, this, &TagDock::showContextMenu);
    connect(m_tree, &QTreeView::activated, this,
            [this](const QModelIndex &index) { emit tagActivated(TagTreeModel::tagId(index)); });
    // A reset (any change of the tags) keeps the tree open and the selected tag selected.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] { m_current = currentTagId(); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_tree->expandAll();
        selectTag(m_current);
        applyEditLimit(); // a library opened or changed: its user's role
    });

    // A tool bar, not a row of buttons: in a narrow dock the buttons that do not fit move into its » menu, so the
    // dock never makes the window wider than a small screen.
    auto *bar = new QToolBar(this);
    bar->setObjectName(QStringLiteral("tagTools"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    bar->setContentsMargins(4, 0, 4, 0);
    auto button = [&](const QString &text, const QString &tip, auto slot) {
        QAction *action = bar->addAction(text);
        action->setToolTip(tip);
        action->setData(tip);
        connect(action, &QAction::triggered, this, slot);
        m_editActions << action;
    };
    button(tr("New"), tr("New tag (Ctrl+Shift+N)"), [this] { newTagDialog(false); });
    button(tr("Child"), tr("New tag inside the selected one"), [this] { newTagDialog(true); });
    button(tr("Rename"), tr("Rename the tag (F2)"), [this] { renameDialog(); });
    button(tr("Colour"), tr("Change the tag's colour"), [this] { recolorDialog(); });
    button(tr("Merge"), tr("Merge the tag into another"), [this] { mergeDialog(); });
    auto *gap = new QWidget(bar);
    gap->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(gap);
    button(tr("Delete"), tr("Delete the tag (what it tags stays)"), [this] { deleteDialog(); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bar);
    layout->addWidget(m_tree, 1);

    auto *rename = new QAction(tr("Rename Tag"), this);
    rename->setShortcut(Qt::Key_F2);
    rename->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(rename, &QAction::triggered, this, &TagDock::renameDialog);
    addAction(rename);
    auto *remove = new QAction(tr("Delete Tag"), this);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(remove, &QAction::triggered, this, &TagDock::deleteDialog);
    addAction(remove);
    m_editActions << rename << remove;

    m_tree->expandAll();
    applyEditLimit();
}

QString TagDock::editLimit() const
{
    if (!m_document.hasLibrary() || !m_document.library()->isTeamLibrary())
        return {};
    const team::Access access = m_document.library()->teamAccess();
    if (access.mayEdit)
        return {};
    return tr("Tag definitions are the editors' on a team library: %1.").arg(team::describe(access));
}

void TagDock::applyEditLimit()
{
    const QString limit = editLimit();
    for (QAction *action : std::as_const(m_editActions)) {
        action->setEnabled(limit.isEmpty());
        action->setToolTip(limit.isEmpty() ? action->data().toString() : limit);
    }
    m_tree->setDragDropMode(limit.isEmpty() ? QAbstractItemView::InternalMove : QAbstractItemView::NoDragDrop);
}

TagDock::~TagDock() = default;

qint64 TagDock::currentTagId() const
{
    return TagTreeModel::tagId(m_tree->currentIndex());
}

QModelIndex TagDock::indexOfTag(qint64 tagId) const
{
    return m_model->indexOfTag(tagId);
}

void TagDock::selectTag(qint64 tagId)
{
    if (const QModelIndex index = indexOfTag(tagId); index.isValid())
        m_tree->setCurrentIndex(index);
}

void TagDock::refresh()
{
    m_model->refresh();
}

qint64 TagDock::createTag(const QString &name, qint64 parentId, const QString &color)
{
    const qint64 id = m_document.createTag(name, parentId, color);
    if (id > 0)
        selectTag(id);
    return id;
}

QString TagDock::taggingsDescription(qint64 tagId) const
{
    const Taggings t = m_document.tags().taggings(tagId);
    QStringList parts;
    if (!t.articles.isEmpty())
        parts << tr("%n article(s)", nullptr, int(t.articles.size()));
    if (!t.blocks.isEmpty())
        parts << tr("%n paragraph(s)", nullptr, int(t.blocks.size()));
    if (!t.highlights.isEmpty())
        parts << tr("%n highlight(s)", nullptr, int(t.highlights.size()));
    if (!t.notes.isEmpty())
        parts << tr("%n note(s)", nullptr, int(t.notes.size()));
    return parts.isEmpty() ? tr("nothing") : parts.join(QStringLiteral(", "));
}

void TagDock::newTagDialog(bool child)
{
    if (!editLimit().isEmpty())
        return;
    const qint64 parent = child ? currentTagId() : 0;
    bool ok = false;
    const QString name = QInputDialog::getText(
        this, tr("New Tag"),
        parent ? tr("Name of the new tag inside “%1”:").arg(m_document.tagPath(parent)) : tr("Name of the new tag:"),
        QLineEdit::Normal, QString(), &ok);
    if (ok && !name.trimmed().isEmpty())
        createTag(name, parent);
}

void TagDock::renameDialog()
{
    if (!editLimit().isEmpty())
        return;
    const qint64 id = currentTagId();
    if (id <= 0)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename Tag"), tr("New name:"), QLineEdit::Normal,
                                               m_tree->currentIndex().siblingAtColumn(0).data().toString(), &ok);
    if (ok && !name.trimmed().isEmpty())
        m_document.renameTag(id, name);
}

void TagDock::recolorDialog()
{
    if (!editLimit().isEmpty())
        return;
    const qint64 id = currentTagId();
    if (id <= 0)
        return;
    const QColor color = QColorDialog::getColor(m_document.tagColor(id), this, tr("Tag Colour"));
    if (color.isValid())
        m_document.recolorTag(id, color.name());
}

void TagDock::moveDialog()
{
    if (!editLimit().isEmpty())
        return;
    const qint64 id = currentTagId();
    if (id <= 0)
        return;
    QStringList names{tr("(top level)")};
    QList<qint64> ids{0};
    for (const Tag &tag : m_document.tagList())
        if (tag.id != id && !m_document.tags().subtree(id).contains(tag.id)) {
            names << tag.path;
            ids << tag.id;
        }
    bool ok = false;
    const QString chosen = QInputDialog::getItem(
        this, tr("Move Tag"), tr("Move “%1” into:").arg(m_document.tagPath(id)), names, 0, false, &ok);
    if (ok)
        m_document.moveTag(id, ids.value(names.indexOf(chosen)));
}

void TagDock::mergeDialog()
{
    if (!editLimit().isEmpty())
        return;
    const qint64 id = currentTagId();
    if (id <= 0)
        return;
    QStringList names;
    QList<qint64> ids;
    for (const Tag &tag : m_document.tagList())
        if (tag.id != id) {
            names << tag.path;
            ids << tag.id;
        }
    if (names.isEmpty())
        return;
    bool ok = false;
    const QString chosen = QInputDialog::getItem(
        this, tr("Merge Tags"),
        tr("Merge “%1” into (everything it tags gets that tag; “%1” goes):").arg(m_document.tagPath(id)), names, 0,
        false, &ok);
    if (ok)
        m_document.mergeTags(id, ids.value(names.indexOf(chosen)));
}

void TagDock::deleteDialog()
{
    if (!editLimit().isEmpty())
        return;
    const qint64 id = currentTagId();
    if (id <= 0)
        return;
    if (!m_feedback.confirm(this, tr("Delete Tag"),
                            tr("Delete the tag “%1”? It is on %2. What it tags stays; only the tag goes, and "
                               "its child tags move up a level. (Edit → Undo brings it back.)")
                                .arg(m_document.tagPath(id), taggingsDescription(id)),
                            true))
        return;
    m_document.deleteTag(id);
}

void TagDock::showContextMenu(const QPoint &pos)
{
    QMenu menu(this);
    const bool onTag = m_tree->indexAt(pos).isValid();
    const QString limit = editLimit();
    if (!limit.isEmpty()) {
        // Only what reads: the definitions are the editors'.
        if (onTag)
            menu.addAction(tr("Show Annotations"), this, [this] { emit tagActivated(currentTagId()); });
        QAction *why = menu.addAction(tr("New Tag…"));
        why->setEnabled(false);
        why->setToolTip(limit);
        menu.setToolTipsVisible(true);
        menu.exec(m_tree->viewport()->mapToGlobal(pos));
        return;
    }
    menu.addAction(tr("New Tag…"), this, [this] { newTagDialog(false); });
    if (onTag) {
        menu.addAction(tr("New Child Tag…"), this, [this] { newTagDialog(true); });
        menu.addSeparator();
        menu.addAction(tr("Rename…"), this, &TagDock::renameDialog);
        menu.addAction(tr("Colour…"), this, &TagDock::recolorDialog);
        menu.addAction(tr("Move to…"), this, &TagDock::moveDialog);
        menu.addAction(tr("Merge into…"), this, &TagDock::mergeDialog);
        menu.addAction(tr("Show Annotations"), this, [this] { emit tagActivated(currentTagId()); });
        menu.addSeparator();
        menu.addAction(tr("Delete…"), this, &TagDock::deleteDialog);
    }
    menu.exec(m_tree->viewport()->mapToGlobal(pos));
}

} // namespace dubao
