// dubao-cli: everything a script or a test needs, without the GUI and without Qt Gui (see cliprogram.h).
#include "app/cli/cliprogram.h"
#include "app/cli/exportcommands.h"
#include "core/analysis/peopleindex.h"
#include "core/reuse/reuseindex.h"
#include "core/search/searchschema.h"

int main(int argc, char *argv[])
{
    dubao::registerSearchSchema();
    dubao::registerAnalysisSchema();
    dubao::registerReuseSchema();
    dubao::cli::registerHelperDocumentFormats();
    if (dubao::cli::needsGuiApplication(argc, argv))
        return dubao::cli::execRenderHelper(argv); // export --format odt|pdf
    const QCoreApplication app(argc, argv);
    return dubao::cli::runApplication(app);
}
