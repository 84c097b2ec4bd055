#include "app/render/exportwriters.h"

#include "core/export/exportformat.h"

namespace dubao {

// The formats laid out with Qt Gui, each described in its writer's file (odtwriter.cpp: odtExportFormat(), ...).
void registerDocumentExportFormats()
{
    DUBAO_REGISTER_EXPORT_FORMAT(pdfExportFormat);
}

} // namespace dubao
