// RIS citations (TY  - NEWS ... ER  - ), one record per article behind the excerpts.
#pragma once

#include "core/export/exportwriter.h"

namespace dubao {

class RisWriter final : public ExportWriter
{
public:
    ExportFormat format() const override { return ExportFormat::Ris; }
    bool write(const ExportDocument &document, const ExportOptions &options, QIODevice &device,
               const ExportProgress &progress = {}, QString *error = nullptr) const override;
};

} // namespace dubao
