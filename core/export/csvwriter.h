// CSV per RFC 4180 (CRLF, every cell quoted), UTF-8 with a BOM so spreadsheet programs read Chinese; one row per
// excerpt; cells neutralised against formula injection.
#pragma once

#include "core/export/exportwriter.h"

namespace dubao {

class CsvWriter final : public ExportWriter
{
public:
    ExportFormat format() const override { return ExportFormat::Csv; }
    bool write(const ExportDocument &document, const ExportOptions &options, QIODevice &device,
               const ExportProgress &progress = {}, QString *error = nullptr) const override;
};

} // namespace dubao
