#include "app/shell/launcharguments.h"

#include "app/shell/appsettings.h"
#include "app/shell/mainwindow.h"
#include "core/store/dialect.h"
#include "core/store/library.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStatusBar>
#include <QTimer>

namespace dubao {

namespace {

QString native(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

} // namespace

LaunchArguments LaunchArguments::sort(const QString &libraryOption, const QStringList &arguments)
{
    LaunchArguments sorted;
    sorted.library = libraryOption;
    for (const QString &argument : arguments) {
        const QUrl url(argument);
        if (url.scheme() == QLatin1String("dubao")) {
            sorted.links << url;
            continue;
        }
        // A team library's address (postgresql://USER@HOST:PORT/DB) is a library to open, as with --library.
        if (dialect::isServerUrl(argument)) {
            if (sorted.library.isEmpty()) {
                sorted.library = argument;
                sorted.libraryFromArguments = true;
            } else if (argument != sorted.library) {
                sorted.otherLibraries << argument;
            }
            continue;
        }
        const QString path = QFileInfo(url.isLocalFile() ? url.toLocalFile() : argument).absoluteFilePath();
        if (Library::recognise(path) == Library::FileKind::NotSqlite)
            sorted.imports << path;
        else if (sorted.library.isEmpty()) {
            sorted.library = path;
            sorted.libraryFromArguments = true;
        } else if (QFileInfo(path) != QFileInfo(sorted.library)) {
            sorted.otherLibraries << path;
        }
    }
    return sorted;
}

void launch(MainWindow &window, const LaunchArguments &arguments)
{
    UserFeedback &feedback = window.feedback();
    QString usual = AppSettings::lastLibrary();
    if (usual.isEmpty() || !QFileInfo::exists(usual))
        usual = Library::defaultPath();

    bool namedOpened = true;
    if (!arguments.library.isEmpty()) {
        if (const Result<void> opened = window.openLibrary(arguments.library); !opened) {
            namedOpened = false;
            QString message = opened.error().message();
            if (!arguments.imports.isEmpty() || !arguments.links.isEmpty())
                message += QLatin1Char('\n') +
                           QCoreApplication::translate("main", "Nothing on the command line was imported or opened.");
            // A library file double-clicked in a file manager: the window still opens on the usual library (before
            // the message, so that it is not an empty window behind it).
            if (arguments.libraryFromArguments)
                (void)window.openLibrary(usual);
            feedback.warn(&window, QCoreApplication::translate("main", "Open Library"), message);
        }
    } else if (const Result<void> opened = window.openLibrary(usual); !opened) {
        feedback.warn(&window, QCoreApplication::translate("main", "Open Library"), opened.error().message());
        if (usual != Library::defaultPath())
            (void)window.openLibrary(Library::defaultPath());
    }
    if (!arguments.otherLibraries.isEmpty()) {
        QStringList names;
        for (const QString &path : arguments.otherLibraries)
            names << native(path);
        feedback.warn(
            &window, QCoreApplication::translate("main", "Open Library"),
            QCoreApplication::translate("main", "Dubao opens one library at a time; %1 is open. Not opened: %2")
                .arg(native(window.libraryPath()), names.join(QStringLiteral(", "))));
    }
    if (!namedOpened)
        return;

    const QList<QUrl> links = arguments.links;
    if (!links.isEmpty())
        QTimer::singleShot(0, &window, [&window, links] {
            for (const QUrl &link : links)
                if (!window.openLink(link))
                    window.feedback().warn(&window, QCoreApplication::translate("main", "Open Link"),
                                           QCoreApplication::translate("main", "“%1” names nothing in this library.")
                                               .arg(link.toString()));
        });
    const QStringList imports = arguments.imports;
    if (!imports.isEmpty()) {
        if (arguments.libraryFromArguments)
            window.statusBar()->showMessage(
                QCoreApplication::translate("main",
                                            "Opened the library %1; importing %n file(s) and folder(s) into it.",
                                            nullptr, int(imports.size()))
                    .arg(native(window.libraryPath())));
        QTimer::singleShot(0, &window, [&window, imports] { window.importPaths(imports); });
    } else if (links.isEmpty()) {
        QTimer::singleShot(0, &window, [&window] { window.offerFirstImport(); });
    }
}

bool dropOnto(MainWindow &window, const QStringList &paths)
{
    const LaunchArguments dropped = LaunchArguments::sort(QString(), paths);
    UserFeedback &feedback = window.feedback();
    if (!dropped.library.isEmpty()) {
        if (const Result<void> opened = window.openLibrary(dropped.library); !opened) {
            QString message = opened.error().message();
            if (!dropped.imports.isEmpty())
                message +=
                    QLatin1Char('\n') + QCoreApplication::translate("main", "Nothing that was dropped was imported.");
            feedback.warn(&window, QCoreApplication::translate("main", "Open Library"), message);
            return false;
        }
        if (!dropped.otherLibraries.isEmpty()) {
            QStringList names;
            for (const QString &path : dropped.otherLibraries)
                names << native(path);
            feedback.warn(
                &window, QCoreApplication::translate("main", "Open Library"),
                QCoreApplication::translate("main", "Dubao opens one library at a time; %1 is open. Not opened: %2")
                    .arg(native(window.libraryPath()), names.join(QStringLiteral(", "))));
        }
        if (dropped.imports.isEmpty()) {
            window.statusBar()->showMessage(
                QCoreApplication::translate("main", "Opened the library %1.").arg(native(window.libraryPath())));
            return true;
        }
        window.statusBar()->showMessage(
            QCoreApplication::translate("main", "Opened the library %1; importing %n file(s) and folder(s) into it.",
                                        nullptr, int(dropped.imports.size()))
                .arg(native(window.libraryPath())));
    }
    return !dropped.imports.isEmpty() && window.importPaths(dropped.imports);
}

} // namespace dubao
