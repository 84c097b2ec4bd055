// The note editor (Add Note…, a notebook's Add Text…): a Markdown text box that Ctrl+Enter confirms, as every
// note and comment box does, opened beside the text it annotates (app/shell/popupplacement.h).
#pragma once

#include <QDialog>

class QPlainTextEdit;

namespace dubao {

class NoteEditor final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NoteEditor)

public:
    NoteEditor(const QString &title, const QString &label, QWidget *parent = nullptr);
    ~NoteEditor() override;

    QString text() const;
    void setText(const QString &text);
    QPlainTextEdit *editor() const { return m_editor; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QPlainTextEdit *m_editor;
};

} // namespace dubao
