// CSL-JSON citations, one article-newspaper item per article behind the excerpts (Zotero, Citation Style Language
// processors).
#pragma once

#include "core/export/exportwriter.h"

namespace dubao {

class CslJsonWriter final : public ExportWriter
{
public:
    ExportFormat format() const override { return ExportFormat::CslJson; }
    bool write(const ExportDocument &document, const ExportOptions &options, QIODevice &device,
               const ExportProgress &progress = {}, QString *error = nullptr) const override;
};

} // namespace dubao
