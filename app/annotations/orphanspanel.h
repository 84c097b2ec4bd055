// The orphans panel: highlights and notes that could not be placed after a re-parse or a corrected file,
// with their quote, context and notes. "Re-attach to Selection" puts one where the reader's selection (or
// cursor paragraph, for a note) is, through the undo stack.
#pragma once

#include "core/store/annotationrepository.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace dubao {

class AnnotationDocument;

class OrphansPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OrphansPanel)

public:
    explicit OrphansPanel(AnnotationDocument &document, QWidget *parent = nullptr);
    ~OrphansPanel() override;

    QTreeWidget *list() const { return m_list; }
    QList<AnnotationItem> items() const { return m_items; }
    std::optional<AnnotationItem> currentItem() const;
    void selectRow(int row);

    void refresh();

signals:
    /// The user asked to re-attach the current orphan where the reader's selection is.
    void reattachRequested(const dubao::AnnotationItem &item);

private:
    AnnotationDocument &m_document;
    QTreeWidget *m_list;
    QLabel *m_details;
    QPushButton *m_attach;
    QList<AnnotationItem> m_items;
};

} // namespace dubao
