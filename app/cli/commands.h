// dubao-cli's commands. Each returns the process exit code: 0 when everything succeeded, 1 when anything
// failed (one line per failure on stderr), 2 for a usage error.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace dubao::cli {

struct Streams
{
    QTextStream &out;
    QTextStream &err;
};

int run(const QStringList &arguments, Streams io);

} // namespace dubao::cli
