// The tags dock: the tag tree (pinyin order, colour swatches) with create, rename, recolour, move (drag and
// drop or "Move to…"), merge and delete, each through the undo stack.
#pragma once

#include <QWidget>

class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;
class QUndoCommand;
class QUndoStack;

namespace dubao {

class AnnotationStore;

class TagDock final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagDock)

public:
    TagDock(AnnotationStore &store, QUndoStack *undoStack, QWidget *parent = nullptr);
    ~TagDock() override;

    /// With interactive off (tests) deleting asks no confirmation and errors go nowhere.
    void setInteractive(bool interactive) { m_interactive = interactive; }

    QTreeWidget *tree() const { return m_tree; }
    qint64 currentTagId() const;
    void selectTag(qint64 tagId);
    QTreeWidgetItem *itemOfTag(qint64 tagId) const;

    // The actions, also for tests. Each pushes one command; they return false when it failed.
    qint64 createTag(const QString &name, qint64 parentId = 0, const QString &color = {});
    bool renameTag(qint64 tagId, const QString &name);
    bool recolorTag(qint64 tagId, const QString &color);
    bool moveTag(qint64 tagId, qint64 parentId);
    bool mergeTags(qint64 fromId, qint64 intoId);
    bool deleteTag(qint64 tagId);

    /// How a delete confirmation describes what a tag is on ("3 highlights, 1 paragraph").
    QString taggingsDescription(qint64 tagId) const;

    void refresh();

signals:
    /// Double-click: show what this tag is on (the annotations panel filters by it).
    void tagActivated(qint64 tagId);

private:
    void newTagDialog(bool child);
    void renameDialog();
    void recolorDialog();
    void moveDialog();
    void mergeDialog();
    void deleteDialog();
    void showContextMenu(const QPoint &pos);
    bool pushed(QUndoCommand *command);

    AnnotationStore &m_store;
    QUndoStack *m_undoStack;
    QTreeWidget *m_tree;
    bool m_interactive = true;
};

} // namespace dubao
