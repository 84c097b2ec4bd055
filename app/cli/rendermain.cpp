// dubao-cli-render: dubao-cli with the formats that need Qt Gui (ODT, PDF). dubao-cli runs it in its place for
// `export --format odt|pdf`; it takes every command dubao-cli takes.
#include "app/cli/cliprogram.h"
#include "app/cli/exportcommands.h"
#include "app/render/exportwriters.h"
#include "core/analysis/peopleindex.h"
#include "core/reuse/reuseindex.h"
#include "core/search/searchschema.h"

#include <QGuiApplication>

#include <memory>

int main(int argc, char *argv[])
{
    dubao::registerSearchSchema();
    dubao::registerAnalysisSchema();
    dubao::registerReuseSchema();
    dubao::registerDocumentExportFormats();
    // A QGuiApplication (offscreen unless the environment chose a platform: the CLI shows no window and must work
    // without a display) only for the formats that lay out text with Qt Gui.
    std::unique_ptr<QCoreApplication> app;
    if (dubao::cli::needsGuiApplication(argc, argv)) {
        if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    return dubao::cli::runApplication(*app);
}
