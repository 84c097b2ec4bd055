// A dock of the analysis views (Trends, Calendar, People): at the bottom, tabbed with the concordance, hidden
// until its View action (registered here) shows and raises it.
#pragma once

#include "app/shell/actionregistry.h"
#include "app/shell/mainwindow.h"

#include <QAction>
#include <QDockWidget>
#include <QKeySequence>
#include <QMainWindow>

namespace dubao {

inline QDockWidget *addAnalysisDock(QMainWindow &window, ActionRegistry &actions, QWidget *content,
                                    const QString &title, const QString &dockName, const QString &actionId,
                                    const QString &actionText, const QKeySequence &shortcut)
{
    auto *dock = new QDockWidget(title, &window);
    dock->setObjectName(dockName);
    dock->setWidget(content);
    window.addDockWidget(Qt::BottomDockWidgetArea, dock);
    if (auto *concordance = window.findChild<QDockWidget *>(QStringLiteral("concordanceDock")))
        window.tabifyDockWidget(concordance, dock);
    dock->hide();
    QAction *show =
        actions.add(ActionRegistry::Menu::View, ActionRegistry::Section::ViewSearch, actionId, actionText, shortcut);
    QObject::connect(show, &QAction::triggered, dock, [&window, dock, content] {
        dock->show();
        dock->raise();
        // Tabbed with a lower bottom dock (Annotations), a view would keep that dock's height and show its lists a
        // row or less at 1024×700: it takes 45% of the window's height, never less than it has.
        const int wanted = window.height() * 9 / 20;
        if (dock->height() < wanted)
            window.resizeDocks({dock}, {wanted}, Qt::Vertical);
        content->setFocus();
    });
    return dock;
}

/// Calls `reload` when `dock` is shown, and when a library opens or an import ends while it is shown: a hidden
/// view reads nothing.
template<typename Reload>
void reloadWhileShown(MainWindow &window, QDockWidget *dock, QObject *context, Reload reload)
{
    QObject::connect(dock, &QDockWidget::visibilityChanged, context, [reload](bool visible) {
        if (visible)
            reload();
    });
    auto ifShown = [dock, reload] {
        if (dock->isVisible())
            reload();
    };
    QObject::connect(&window, &MainWindow::libraryOpened, context, ifShown);
    QObject::connect(&window, &MainWindow::importFinished, context, ifShown);
}

} // namespace dubao
