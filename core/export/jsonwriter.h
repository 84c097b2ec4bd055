// JSON in the schema of docs/export.md (format "dubao-export", version 1).
#pragma once

#include "core/export/exportwriter.h"

namespace dubao {

class JsonWriter final : public ExportWriter
{
public:
    ExportFormat format() const override { return ExportFormat::Json; }
    bool write(const ExportDocument &document, const ExportOptions &options, QIODevice &device,
               const ExportProgress &progress = {}, QString *error = nullptr) const override;
};

} // namespace dubao
