// Every export writer, text and Gui ones: what the app and dubao-cli use (dubao_export_gui).
#pragma once

#include "core/export/exportwriter.h"

#include <memory>

namespace dubao {

/// The writer for any format (ODT and PDF need a QGuiApplication to exist when they write).
std::unique_ptr<ExportWriter> createExportWriter(ExportFormat format);

} // namespace dubao
