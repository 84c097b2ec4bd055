#include "app/annotations/noteeditor.h"

#include <QDialogButtonBox>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace dubao {

NoteEditor::NoteEditor(const QString &title, const QString &label, QWidget *parent)
    : QDialog(parent)
    , m_editor(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("noteEditor"));
    setWindowTitle(title);
    auto *layout = new QVBoxLayout(this);
    auto *caption = new QLabel(label);
    caption->setBuddy(m_editor);
    layout->addWidget(caption);
    m_editor->setTabChangesFocus(true);
    m_editor->installEventFilter(this);
    layout->addWidget(m_editor, 1);
    auto *hint = new QLabel(tr("Ctrl+Enter saves; Esc cancels."));
    hint->setEnabled(false); // drawn as a quiet hint
    layout->addWidget(hint);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(420, 220);
    m_editor->setFocus();
}

NoteEditor::~NoteEditor() = default;

QString NoteEditor::text() const
{
    return m_editor->toPlainText();
}

void NoteEditor::setText(const QString &text)
{
    m_editor->setPlainText(text);
}

bool NoteEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_editor && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        if (enter && (key->modifiers() & Qt::ControlModifier)) {
            accept();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

} // namespace dubao
