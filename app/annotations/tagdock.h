// The tags dock: the tag tree (pinyin order, colour swatches; a TagTreeModel in a tree view) with create, rename,
// recolour, move (drag and drop or "Move to…"), merge and delete, each a change of the annotation document.
#pragma once

#include <QWidget>

class QToolButton;
class QModelIndex;
class QTreeView;

namespace dubao {

class AnnotationDocument;
class TagTreeModel;
class UserFeedback;

class TagDock final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagDock)

public:
    /// Questions (delete?) go through `feedback`.
    TagDock(AnnotationDocument &document, UserFeedback &feedback, QWidget *parent = nullptr);
    ~TagDock() override;

    QTreeView *tree() const { return m_tree; }
    TagTreeModel *model() const { return m_model; }
    qint64 currentTagId() const;
    void selectTag(qint64 tagId);
    /// The tag's row in the tree (column 0); invalid when there is no such tag.
    QModelIndex indexOfTag(qint64 tagId) const;

    /// A new tag (one change of the document), then selected; its id, 0 when it failed.
    qint64 createTag(const QString &name, qint64 parentId = 0, const QString &color = {});

    /// How a delete confirmation describes what a tag is on ("3 highlights, 1 paragraph").
    QString taggingsDescription(qint64 tagId) const;

    void refresh();
    /// Why this user may not define tags here (an annotator or reader of a team library: tag definitions are the
    /// editors'); empty when they may. The dock's buttons, shortcuts and menu entries follow it.
    QString editLimit() const;
    /// The tool bar's actions that change tag definitions (New, Child, Rename, Colour, Merge, Delete).
    QList<QAction *> editActions() const { return m_editActions; }

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
    void applyEditLimit();

    AnnotationDocument &m_document;
    UserFeedback &m_feedback;
    TagTreeModel *m_model;
    QTreeView *m_tree;
    qint64 m_current = 0; ///< the selected tag, kept over a reset of the model
    QList<QAction *> m_editActions;
};

} // namespace dubao
