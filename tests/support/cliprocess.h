// dubao-cli run as a process, for the tests of tests/cli (and any other test that needs the real program).
#pragma once

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <utility>

namespace dubao::test {

struct CliRun
{
    int code = -1; ///< the exit code; -1 when the program crashed or did not finish within a minute
    QByteArray out;
    QByteArray err;
};

/// Runs dubao-cli (the one built with the tests) with `args` and waits for it. With `home`, HOME and XDG_DATA_HOME
/// point into that folder, so its default library lands there and never in the user's.
inline CliRun runCli(const QStringList &args, const QString &home = {})
{
    QProcess p;
    if (!home.isEmpty()) {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
        p.setProcessEnvironment(env);
    }
    p.start(QStringLiteral(DUBAO_CLI_PATH), args);
    if (!p.waitForFinished(60000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

/// Runs dubao-cli with these environment variables added to the test's own (`extraEnvironment`; an empty value sets
/// the variable empty) and `input` on its standard input, closed after it; waits for it as runCli() does.
inline CliRun runCliWith(const QStringList &args, const QList<std::pair<QString, QString>> &extraEnvironment,
                         const QByteArray &input = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto &[name, value] : extraEnvironment)
        env.insert(name, value);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(DUBAO_CLI_PATH), args);
    if (!p.waitForStarted(10000))
        return {};
    p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000))
        return {};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

/// Runs dubao-cli with stdout and stderr as one stream, waiting up to two minutes (a whole import or restore in
/// the crash tests); its exit code, -1 when it crashed or did not finish. `out` receives what it printed.
inline int runCliMerged(const QStringList &args, QByteArray *out = nullptr)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral(DUBAO_CLI_PATH), args);
    p.waitForFinished(120000);
    if (out)
        *out = p.readAll();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

} // namespace dubao::test
