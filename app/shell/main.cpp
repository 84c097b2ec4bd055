// dubao: the desktop reader. `dubao [--library FILE] [FILE_OR_FOLDER_OR_LINK...]` opens a library (--library, or a
// library file among the arguments, by default the last one used, at first the embedded default), imports the
// issue files and folders given (paths or file:// URLs) and opens dubao://block/… and dubao://article/… links (by
// uid, or by the numeric id of older links); app/shell/launcharguments.h.
#include "app/render/exportwriters.h"
#include "app/shell/appsettings.h"
#include "app/shell/language.h"
#include "app/shell/launcharguments.h"
#include "app/shell/mainwindow.h"
#include "core/analysis/peopleindex.h"
#include "core/reuse/reuseindex.h"
#include "core/search/searchschema.h"
#include "core/store/library.h"

#include <QApplication>
#include <QCommandLineParser>

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
    AppSettings::applyAuthor();

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
                                                                     "file:// URLs), a library file to open, or "
                                                                     "dubao://block/UUID and "
                                                                     "dubao://article/UUID links to open (a number "
                                                                     "instead of the UUID works too)."),
                                 QCoreApplication::translate("main", "[file-or-folder-or-link...]"));
    parser.process(app);

    MainWindow window;
    window.show();
    launch(window, LaunchArguments::sort(parser.value(libraryOption), parser.positionalArguments()));
    return app.exec();
}
