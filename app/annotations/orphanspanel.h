// The orphans panel: highlights and notes that could not be placed after a re-parse or a corrected file,
// with their quote, context and notes (an OrphanListModel in a tree view). "Re-attach to Selection" puts one where the
// reader's selection (or cursor paragraph, for a note) is, through the undo stack.
#pragma once

#include "core/store/annotationrepository.h"

#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QTreeView;

namespace dubao {

class AnnotationDocument;
class OrphanListModel;

class OrphansPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrphansPanel)

public:
    explicit OrphansPanel(AnnotationDocument &document, QWidget *parent = nullptr);
    ~OrphansPanel() override;

    QTreeView *list() const { return m_list; }
    OrphanListModel *model() const { return m_model; }
    QList<AnnotationItem> items() const;
    std::optional<AnnotationItem> currentItem() const;
    void selectRow(int row);

    void refresh();

    /// Why an orphan may not be changed by this user (a colleague's, for an annotator of a team library; a reader's
    /// library), empty when it may: Re-attach is then off, with the reason as its tooltip.
    void setChangeLimit(std::function<QString(const AnnotationItem &)> limit);
    /// The reason Re-attach is off for the current orphan; empty when it is on or nothing is selected.
    QString changeLimit() const;
    QPushButton *reattachButton() const { return m_attach; }

signals:
    /// The user asked to re-attach the current orphan where the reader's selection is.
    void reattachRequested(const dubao::AnnotationItem &item);

private:
    /// Re-attach on or off (with why) for the current orphan.
    void updateButton();

    AnnotationDocument &m_document;
    std::function<QString(const AnnotationItem &)> m_limit;
    OrphanListModel *m_model;
    QTreeView *m_list;
    int m_row = -1; ///< the selected row, kept over a reset of the model
    QLabel *m_details;
    QPushButton *m_attach;
};

} // namespace dubao
