#include "app/annotations/tagdock.h"

#include "app/annotations/annotationdocument.h"
#include "app/annotations/tagswatch.h"
#include "app/shell/userfeedback.h"

#include <QColorDialog>
#include <QDropEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QMenu>
#include <QPainter>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace dubao {

namespace {

constexpr int TagIdRole = Qt::UserRole;

/// Drag a tag onto another to move it under that one, or between two to move it beside them. The drop is
/// turned into a move of the tag; the tree itself is rebuilt from the document afterwards.
class TagTree final : public QTreeWidget
{
public:
    std::function<void(qint64 tag, qint64 parent)> onMove;

protected:
    void dropEvent(QDropEvent *event) override
    {
        QTreeWidgetItem *dragged = currentItem();
        QTreeWidgetItem *target = itemAt(event->position().toPoint());
        if (!dragged || event->source() != this) {
            event->ignore();
            return;
        }
        qint64 parent = 0;
        if (target) {
            if (dropIndicatorPosition() == QAbstractItemView::OnItem)
                parent = target->data(0, TagIdRole).toLongLong();
            else if (target->parent())
                parent = target->parent()->data(0, TagIdRole).toLongLong();
        }
        event->setDropAction(Qt::IgnoreAction);
        event->accept();
        if (onMove)
            onMove(dragged->data(0, TagIdRole).toLongLong(), parent);
    }
};

} // namespace

TagDock::TagDock(AnnotationDocument &document, UserFeedback &feedback, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_feedback(feedback)
{
    setObjectName(QStringLiteral("tagDock"));
    auto *tree = new TagTree;
    tree->onMove = [this](qint64 tag, qint64 parent) {
        moveTag(tag, parent);
    };
    m_tree = tree;
    m_tree->setObjectName(QStringLiteral("tagTree"));
    m_tree->setHeaderHidden(true);
    m_tree->setColumnCount(2);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->setDragDropMode(QAbstractItemView::InternalMove);
    m_tree->setDefaultDropAction(Qt::MoveAction);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setFrameShape(QFrame::NoFrame);
    connect(m_tree, &QTreeWidget::customContextMenuRequested, this, &TagDock::showContextMenu);
    connect(m_tree, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { emit tagActivated(item->data(0, TagIdRole).toLongLong()); });

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(4, 2, 4, 2);
    auto button = [&](const QString &text, const QString &tip, auto slot) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setToolTip(tip);
        b->setAutoRaise(true);
        connect(b, &QToolButton::clicked, this, slot);
        bar->addWidget(b);
        return b;
    };
    button(tr("New"), tr("New tag (Ctrl+Shift+N)"), [this] { newTagDialog(false); });
    button(tr("Child"), tr("New tag inside the selected one"), [this] { newTagDialog(true); });
    button(tr("Rename"), tr("Rename the tag (F2)"), [this] { renameDialog(); });
    button(tr("Colour"), tr("Change the tag's colour"), [this] { recolorDialog(); });
    button(tr("Merge"), tr("Merge the tag into another"), [this] { mergeDialog(); });
    bar->addStretch();
    button(tr("Delete"), tr("Delete the tag (what it tags stays)"), [this] { deleteDialog(); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
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

    connect(&m_document, &AnnotationDocument::tagsChanged, this, &TagDock::refresh);
    refresh();
}

TagDock::~TagDock() = default;

qint64 TagDock::currentTagId() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    return item ? item->data(0, TagIdRole).toLongLong() : 0;
}

QTreeWidgetItem *TagDock::itemOfTag(qint64 tagId) const
{
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it)
        if ((*it)->data(0, TagIdRole).toLongLong() == tagId)
            return *it;
    return nullptr;
}

void TagDock::selectTag(qint64 tagId)
{
    if (QTreeWidgetItem *item = itemOfTag(tagId))
        m_tree->setCurrentItem(item);
}

void TagDock::refresh()
{
    const qint64 current = currentTagId();
    m_tree->clear();
    QHash<qint64, QTreeWidgetItem *> items;
    for (const Tag &tag : m_document.tagList()) {
        QTreeWidgetItem *parent = items.value(tag.parentId);
        auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
        item->setText(0, tag.name);
        item->setIcon(0, tagSwatch(QColor(tag.color)));
        item->setData(0, TagIdRole, tag.id);
        item->setToolTip(0, tag.path);
        const qsizetype uses = m_document.tags().taggings(tag.id).size();
        if (uses > 0)
            item->setText(1, QString::number(uses));
        item->setForeground(1, palette().color(QPalette::PlaceholderText));
        items.insert(tag.id, item);
    }
    m_tree->expandAll();
    selectTag(current);
}

qint64 TagDock::createTag(const QString &name, qint64 parentId, const QString &color)
{
    const qint64 id = m_document.createTag(name, parentId, color);
    if (id > 0)
        selectTag(id);
    return id;
}

bool TagDock::renameTag(qint64 tagId, const QString &name)
{
    return m_document.renameTag(tagId, name);
}

bool TagDock::recolorTag(qint64 tagId, const QString &color)
{
    return m_document.recolorTag(tagId, color);
}

bool TagDock::moveTag(qint64 tagId, qint64 parentId)
{
    return m_document.moveTag(tagId, parentId);
}

bool TagDock::mergeTags(qint64 fromId, qint64 intoId)
{
    return m_document.mergeTags(fromId, intoId);
}

bool TagDock::deleteTag(qint64 tagId)
{
    return m_document.deleteTag(tagId);
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
    const qint64 id = currentTagId();
    if (id <= 0)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename Tag"), tr("New name:"), QLineEdit::Normal,
                                               m_tree->currentItem()->text(0), &ok);
    if (ok && !name.trimmed().isEmpty())
        renameTag(id, name);
}

void TagDock::recolorDialog()
{
    const qint64 id = currentTagId();
    if (id <= 0)
        return;
    const QColor color = QColorDialog::getColor(m_document.tagColor(id), this, tr("Tag Colour"));
    if (color.isValid())
        recolorTag(id, color.name());
}

void TagDock::moveDialog()
{
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
        moveTag(id, ids.value(names.indexOf(chosen)));
}

void TagDock::mergeDialog()
{
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
        mergeTags(id, ids.value(names.indexOf(chosen)));
}

void TagDock::deleteDialog()
{
    const qint64 id = currentTagId();
    if (id <= 0)
        return;
    if (!m_feedback.confirm(this, tr("Delete Tag"),
                            tr("Delete the tag “%1”? It is on %2. What it tags stays; only the tag goes, and "
                               "its child tags move up a level. (Edit → Undo brings it back.)")
                                .arg(m_document.tagPath(id), taggingsDescription(id)),
                            true))
        return;
    deleteTag(id);
}

void TagDock::showContextMenu(const QPoint &pos)
{
    QMenu menu(this);
    const bool onTag = m_tree->itemAt(pos) != nullptr;
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
