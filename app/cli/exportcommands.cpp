// PLACEHOLDER (being written): dubao-cli's export commands.
#include "commands.h"

namespace dubao::cli {

void addExportCommands(CommandTable &table)
{
    Q_UNUSED(table);
}

} // namespace dubao::cli
