// File → New Library…, Open Library… and Open Recent: choosing which library the window works on.
#pragma once

#include <QObject>

class QMenu;

namespace dubao {

class ActionRegistry;
class MainWindow;

class LibrarySwitcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibrarySwitcher)

public:
    LibrarySwitcher(MainWindow &window, ActionRegistry &actions);

private:
    void newLibrary();
    void openLibraryDialog();
    void updateRecentMenu();
    void warn(const QString &title, const QString &message);

    MainWindow &m_window;
    QMenu *m_recentMenu;
};

} // namespace dubao
