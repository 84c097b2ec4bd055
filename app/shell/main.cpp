// dubao: the desktop reader. `dubao [--library FILE] [FILE_OR_FOLDER_OR_LINK...]` opens a library (by default
// the last one used, at first the embedded default), imports the files and folders given (paths or file:// URLs)
// and opens dubao://block/… and dubao://article/… links (by uid, or by the numeric id of older links).
#include "app/render/exportwriters.h"
#include "app/shell/appsettings.h"
#include "app/shell/language.h"
#include "app/shell/mainwindow.h"
#include "core/analysis/peopleindex.h"
#include "core/reuse/reuseindex.h"
#include "core/search/searchschema.h"
#include "core/store/library.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QMessageBox>
#include <QTimer>
#include <QUrl>

using namespace dubao;

int main(int argc, char *argv[])
{
    registerSearchSchema();
    registerAnalysisSchema();
    registerReuseSchema();
    registerDocumentExportFormats();
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Dubao"));
    QCoreApplication::setApplicationName(QStringLiteral("Dubao"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DUBAO_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.dubao.Dubao"));

    installTranslations(AppSettings::language());
    applyTheme(AppSettings::theme());

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("main", "Reader for OCR'd Chinese newspaper issues."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption libraryOption(QStringLiteral("library"),
                                           QCoreApplication::translate("main", "Open the library in <file>."),
                                           QCoreApplication::translate("main", "file"));
    parser.addOption(libraryOption);
    parser.addPositionalArgument(QStringLiteral("paths"),
                                 QCoreApplication::translate("main", "Issue files or folders to import (paths or "
                                                                     "file:// URLs), or dubao://block/UUID and "
                                                                     "dubao://article/UUID links to open (a number "
                                                                     "instead of the UUID works too)."),
                                 QCoreApplication::translate("main", "[file-or-folder-or-link...]"));
    parser.process(app);

    MainWindow window;
    window.show();

    QString path = parser.value(libraryOption);
    const bool explicitLibrary = !path.isEmpty();
    if (!explicitLibrary) {
        path = AppSettings::lastLibrary();
        if (path.isEmpty() || !QFileInfo::exists(path))
            path = Library::defaultPath();
    }
    if (const Result<void> opened = window.openLibrary(path); !opened) {
        QMessageBox::warning(&window, QCoreApplication::translate("main", "Open Library"), opened.error().message());
        if (!explicitLibrary && path != Library::defaultPath())
            (void)window.openLibrary(Library::defaultPath());
    }

    QStringList paths;
    QList<QUrl> links;
    for (const QString &argument : parser.positionalArguments()) {
        const QUrl url(argument);
        if (url.scheme() == QLatin1String("dubao"))
            links << url;
        else if (url.isLocalFile())
            paths << QFileInfo(url.toLocalFile()).absoluteFilePath();
        else
            paths << QFileInfo(argument).absoluteFilePath();
    }
    if (!links.isEmpty())
        QTimer::singleShot(0, &window, [&window, links] {
            for (const QUrl &link : links)
                if (!window.openLink(link))
                    QMessageBox::warning(&window, QCoreApplication::translate("main", "Open Link"),
                                         QCoreApplication::translate("main", "“%1” names nothing in this library.")
                                             .arg(link.toString()));
        });
    if (!paths.isEmpty())
        QTimer::singleShot(0, &window, [&window, paths] { window.importPaths(paths); });
    else if (links.isEmpty())
        QTimer::singleShot(0, &window, [&window] { window.offerFirstImport(); });
    return app.exec();
}
