// One self-contained HTML file (CSS inline, no scripts, no external resources) styled for reading on screen and for
// printing; every text escaped.
#pragma once

#include "core/export/exportwriter.h"

namespace dubao {

class HtmlWriter final : public ExportWriter
{
public:
    ExportFormat format() const override { return ExportFormat::Html; }
    bool write(const ExportDocument &document, const ExportOptions &options, QIODevice &device,
               const ExportProgress &progress = {}, QString *error = nullptr) const override;
};

} // namespace dubao
