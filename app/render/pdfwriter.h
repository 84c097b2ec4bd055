// PDF through QPdfWriter: A4, 20 mm margins, the text laid out by QTextDocument in a CJK font (Noto Serif CJK
// SC from fonts-noto-cjk) whose glyphs Qt embeds. Needs Qt Gui (a QGuiApplication; offscreen is enough).
#pragma once

#include "core/export/exportwriter.h"

namespace dubao {

class PdfWriter final : public ExportWriter
{
public:
    ExportFormat format() const override { return ExportFormat::Pdf; }
    bool write(const ExportDocument &document, const ExportOptions &options, QIODevice &device,
               const ExportProgress &progress = {}, QString *error = nullptr) const override;

    /// The number of pages write() produces for `document` (the same layout, without writing).
    static int pageCount(const ExportDocument &document, const ExportOptions &options);
};

} // namespace dubao
