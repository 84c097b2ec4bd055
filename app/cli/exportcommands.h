// dubao-cli's export support outside the command table: the formats for the usage, and which exports need Qt Gui.
// PDF and ODT are laid out with Qt Gui (fonts), which needs a QGuiApplication: dubao-cli leaves them to its helper
// dubao-cli-render (app/cli/cliprogram.h); every other command runs on a plain QCoreApplication and needs no
// display.
#pragma once

#include <QString>

namespace dubao::cli {

/// The registered export formats' names as the usage shows them: "md|html|csv|...".
QString exportFormatNames();

/// True for `export ... --format F` (also --format=F) where F needs Qt Gui (ODT, PDF).
bool needsGuiApplication(int argc, char *argv[]);

} // namespace dubao::cli
