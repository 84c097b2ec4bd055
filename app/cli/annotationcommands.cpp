// dubao-cli's annotation commands: tag, highlight, note, notebook, replace, reparse, orphans.
#include "commands.h"

namespace dubao::cli {

void addAnnotationCommands(CommandTable &table)
{
    Q_UNUSED(table);
}

} // namespace dubao::cli
