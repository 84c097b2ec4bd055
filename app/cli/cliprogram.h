// What dubao-cli's two executables share. dubao-cli itself links no Qt Gui, so a short command starts without
// loading it; ODT and PDF are laid out with Qt Gui, so for `export --format odt|pdf` dubao-cli runs its helper
// dubao-cli-render (app/cli/rendermain.cpp: the same commands with the document formats linked in) in its place.
#pragma once

#include <QCoreApplication>

namespace dubao::cli {

/// Registers "odt" and "pdf" in the export registry as formats that need Qt Gui, so the usage lists them and
/// needsGuiApplication() recognises them; their writers only fail. dubao-cli calls it; the helper registers the
/// real formats instead (registering a name twice keeps the first).
void registerHelperDocumentFormats();

/// Replaces this process with dubao-cli-render, given the same arguments (beside the executable, or in
/// ../libexec/dubao/ when installed). Returns only when that fails: 1, with a line on stderr.
int execRenderHelper(char *argv[]);

/// Names the application, runs the command in its arguments and returns the exit code.
int runApplication(const QCoreApplication &app);

} // namespace dubao::cli
