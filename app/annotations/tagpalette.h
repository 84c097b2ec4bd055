// The tag palette (Ctrl+T): a small popup listing tags, recently used first, filtered as you type; Enter picks
// one. The window applies it to the selection (a highlight) or the current paragraph.
#pragma once

#include "core/model/annotation.h"

#include <QDialog>

class QLineEdit;
class QListWidget;

namespace dubao {

class TagPalette final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagPalette)

public:
    /// `tags` in the order to show; typing a name no tag has offers to create it.
    TagPalette(const QList<Tag> &tags, const QString &title, QWidget *parent = nullptr);
    ~TagPalette() override;

    QLineEdit *filterEdit() const { return m_filter; }
    QListWidget *list() const { return m_list; }
    /// The chosen tag (0 when a new name was typed: newTagName()).
    qint64 tagId() const { return m_tagId; }
    QString newTagName() const { return m_newName; }

    void accept() override;

private:
    void filter(const QString &text);

    QList<Tag> m_tags;
    QLineEdit *m_filter;
    QListWidget *m_list;
    qint64 m_tagId = 0;
    QString m_newName;
};

} // namespace dubao
