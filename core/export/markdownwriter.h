// Markdown, one file; a section per tag or per date when grouped. Plain text (quotes, titles, tags) is
// backslash-escaped so it renders as itself; notes and free text are the user's Markdown with < > & turned into
// entities so no raw HTML gets through.
#pragma once

#include "core/export/exportwriter.h"

namespace dubao {

class MarkdownWriter final : public ExportWriter
{
public:
    ExportFormat format() const override { return ExportFormat::Markdown; }
    bool write(const ExportDocument &document, const ExportOptions &options, QIODevice &device,
               const ExportProgress &progress = {}, QString *error = nullptr) const override;
};

} // namespace dubao
