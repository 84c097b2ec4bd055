// dubao-cli's export support outside the command table: the formats for the usage, and the application object
// main() creates. PDF and ODT are laid out with Qt Gui (fonts), which needs a QGuiApplication; every other command
// runs on a plain QCoreApplication, so dubao-cli needs no display.
#pragma once

#include <QCoreApplication>

#include <memory>

namespace dubao::cli {

/// The registered export formats' names as the usage shows them: "md|html|csv|...".
QString exportFormatNames();

/// True for `export ... --format F` (also --format=F) where F needs Qt Gui (ODT, PDF).
bool needsGuiApplication(int argc, char *argv[]);

/// A QGuiApplication when needsGuiApplication(), else a QCoreApplication. For the QGuiApplication,
/// QT_QPA_PLATFORM is set to "offscreen" first unless the environment already chose a platform: the CLI shows no
/// window and must work without a display (over ssh, in CI). `argc` must outlive the application.
std::unique_ptr<QCoreApplication> createApplication(int &argc, char *argv[]);

} // namespace dubao::cli
