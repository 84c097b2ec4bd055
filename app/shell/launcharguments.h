// What `dubao` does with its command line (as typed, or as a file manager passes it through the .desktop file):
// a library file among the arguments, recognised by its content, or a team library's postgresql:// address, is
// opened as the library; issue files and folders
// are imported into the library that is open; dubao:// links are opened in it.
#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace dubao {

class MainWindow;

struct LaunchArguments
{
    /// --library, else the first library file among the arguments; empty: the last library used.
    QString library;
    /// `library` came from the arguments (a library file given as a plain argument, e.g. by a double-click).
    bool libraryFromArguments = false;
    /// Further library files among the arguments: not opened (one library at a time), the user is told.
    QStringList otherLibraries;
    QStringList imports; ///< issue files and folders, absolute paths
    QList<QUrl> links;   ///< dubao://block/… and dubao://article/… links

    /// Sorts `arguments` (paths or file:// URLs, or dubao:// links): an SQLite file (Library::recognise) is a
    /// library to open — another program's database gets open()'s clear error instead of an import attempt —
    /// anything else a file or folder to import.
    static LaunchArguments sort(const QString &libraryOption, const QStringList &arguments);
};

/// Opens the library (the named one, else the last one used, else the default) and remembers it, then imports and
/// opens links from the event loop. What went wrong is said through the window's feedback; when a named library
/// cannot be opened, nothing is imported (into a library the user did not ask for), and a library named as a plain
/// argument leaves the last one used open instead.
void launch(MainWindow &window, const LaunchArguments &arguments);

/// What the window does with files dropped on it: a library file among them is opened (as a double-click on it
/// would) instead of being imported, further library files are named as not opened, and the issue files and folders
/// are then imported into the library that is open. A library that cannot be opened leaves the open one open, says
/// why, and imports nothing. Returns whether the drop was taken.
bool dropOnto(MainWindow &window, const QStringList &paths);

} // namespace dubao
