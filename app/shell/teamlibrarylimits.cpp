#include "app/shell/teamlibrarylimits.h"

#include "app/shell/librarysession.h"
#include "app/shell/mainwindow.h"

#include <QCoreApplication>
#include <QDockWidget>
#include <QLabel>
#include <QStackedWidget>

namespace dubao {

void showUnavailableOnTeamLibrary(MainWindow &window, QDockWidget *dock, const QString &what)
{
    if (!dock || !dock->widget())
        return;
    auto *stack = new QStackedWidget;
    QWidget *view = dock->widget();
    stack->addWidget(view);
    auto *message =
        new QLabel(QCoreApplication::translate("dubao::MainWindow",
                                               "%1 is not available on a team library yet. It works on a library file: "
                                               "dubao-cli copy makes one from the team library.")
                       .arg(what));
    message->setObjectName(dock->objectName() + QStringLiteral("TeamMessage"));
    message->setAlignment(Qt::AlignCenter);
    message->setWordWrap(true);
    message->setMargin(24);
    stack->addWidget(message);
    dock->setWidget(stack);
    auto follow = [&window, stack, view, message] {
        const bool team = window.session() && window.session()->isTeamLibrary();
        stack->setCurrentWidget(team ? static_cast<QWidget *>(message) : view);
    };
    QObject::connect(&window, &MainWindow::libraryOpened, stack, follow);
    follow();
}

} // namespace dubao
