// W3C Web Annotation JSON-LD: an AnnotationCollection with one Annotation per excerpt (TextQuote + TextPosition
// selectors, tags as tagging bodies, notes as commenting bodies).
#pragma once

#include "core/export/exportwriter.h"

namespace dubao {

class WebAnnotationWriter final : public ExportWriter
{
public:
    ExportFormat format() const override { return ExportFormat::WebAnnotation; }
    bool write(const ExportDocument &document, const ExportOptions &options, QIODevice &device,
               const ExportProgress &progress = {}, QString *error = nullptr) const override;
};

} // namespace dubao
