// OpenDocument Text through Qt's ODF writer (QTextDocumentWriter "odf"). Needs Qt Gui (a QGuiApplication).
#pragma once

#include "core/export/exportwriter.h"

namespace dubao {

class OdtWriter final : public ExportWriter
{
public:
    ExportFormat format() const override { return ExportFormat::Odt; }
    bool write(const ExportDocument &document, const ExportOptions &options, QIODevice &device,
               const ExportProgress &progress = {}, QString *error = nullptr) const override;
};

} // namespace dubao
