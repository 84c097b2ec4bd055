// dubao-cli: everything a script or a test needs, without the GUI.
#include "app/cli/commands.h"
#include "app/cli/exportcommands.h"
#include "app/render/exportwriters.h"
#include "core/analysis/peopleindex.h"
#include "core/search/searchschema.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    dubao::registerSearchSchema();
    dubao::registerAnalysisSchema();
    dubao::registerDocumentExportFormats();
    // A QGuiApplication (offscreen) only for `export --format pdf|odt`, which lay out text with Qt Gui.
    const auto app = dubao::cli::createApplication(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Dubao"));
    QCoreApplication::setApplicationName(QStringLiteral("Dubao"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DUBAO_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    const int code = dubao::cli::run(app->arguments().mid(1), {out, err});
    out.flush();
    err.flush();
    return code;
}
