#include "app/render/exportwriters.h"

#include "app/render/odtwriter.h"
#include "app/render/pdfwriter.h"

namespace dubao {

std::unique_ptr<ExportWriter> createExportWriter(ExportFormat format)
{
    if (format == ExportFormat::Odt)
        return std::make_unique<OdtWriter>();
    if (format == ExportFormat::Pdf)
        return std::make_unique<PdfWriter>();
    return createTextExportWriter(format);
}

} // namespace dubao
