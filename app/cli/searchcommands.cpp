// dubao-cli's search commands: search, kwic, reindex.
#include "commands.h"

namespace dubao::cli {

void addSearchCommands(CommandTable &table)
{
    Q_UNUSED(table);
}

} // namespace dubao::cli
