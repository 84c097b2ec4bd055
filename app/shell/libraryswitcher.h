// File → New Library…, Open Library…, Open Team Library… and Open Recent: choosing which library the window works
// on.
#pragma once

#include <QObject>
#include <QString>

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

    /// File → Open Team Library…: the dialog (prefilled with `url`, or the last team library), until a library
    /// opens or the user cancels; `problem` says why the last attempt failed. True when one opened.
    bool openTeamLibrary(const QString &url = {}, const QString &problem = {});
    /// Opens a recent team library with the keychain's password or ~/.pgpass, asking (the dialog) when that fails.
    bool openTeamLibraryAt(const QString &url);

private:
    static QString lastTeamLibrary();
    void newLibrary();
    void openLibraryDialog();
    void updateRecentMenu();
    void warn(const QString &title, const QString &message);

    MainWindow &m_window;
    QMenu *m_recentMenu;
};

} // namespace dubao
