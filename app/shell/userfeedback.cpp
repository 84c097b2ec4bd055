#include "app/shell/userfeedback.h"

#include <QDialog>
#include <QMainWindow>
#include <QMessageBox>
#include <QStatusBar>
#include <QWidget>

namespace dubao {

namespace {

/// The status bar of the main window `parent` belongs to, when that window is not shown (a box would then
/// appear with nothing behind it, e.g. while the window is still being set up).
QStatusBar *statusBarInstead(QWidget *parent)
{
    auto *window = parent ? qobject_cast<QMainWindow *>(parent->window()) : nullptr;
    return window && !window->isVisible() ? window->statusBar() : nullptr;
}

} // namespace

UserFeedback::~UserFeedback() = default;

void DialogFeedback::warn(QWidget *parent, const QString &title, const QString &message)
{
    if (QStatusBar *bar = statusBarInstead(parent))
        bar->showMessage(message, 8000);
    else
        QMessageBox::warning(parent, title, message);
}

void DialogFeedback::inform(QWidget *parent, const QString &title, const QString &message)
{
    if (QStatusBar *bar = statusBarInstead(parent))
        bar->showMessage(message, 4000);
    else
        QMessageBox::information(parent, title, message);
}

bool DialogFeedback::confirm(QWidget *parent, const QString &title, const QString &question, bool yesIsDefault)
{
    return QMessageBox::question(parent, title, question, QMessageBox::Yes | QMessageBox::No,
                                 yesIsDefault ? QMessageBox::Yes : QMessageBox::No) == QMessageBox::Yes;
}

void DialogFeedback::show(QWidget *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (auto *box = qobject_cast<QDialog *>(dialog))
        box->open(); // window-modal on its window, without blocking
    else
        dialog->show();
}

} // namespace dubao
