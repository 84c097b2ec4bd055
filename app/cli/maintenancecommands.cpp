// PLACEHOLDER (being written): dubao-cli's maintenance commands.
#include "commands.h"

namespace dubao::cli {

void addMaintenanceCommands(CommandTable &table)
{
    Q_UNUSED(table);
}

} // namespace dubao::cli
