// Python 3 (its standard library only: csv, json, html.parser) as a reader of what Dubao writes, for the tests that
// check an export with the programs its users read it with (pandas reads CSV as the csv module does). setup.sh
// installs python3.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QStandardPaths>
#include <QStringList>

namespace dubao::test {

struct PythonRun
{
    int code = -1; ///< -1: python3 was not found or did not finish
    QByteArray out;
    QByteArray err;
};

/// Runs `script` (python3 -c) with `args` (sys.argv[1:]), UTF-8 in and out.
inline PythonRun runPython(const QString &script, const QStringList &args = {})
{
    PythonRun run;
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python.isEmpty()) {
        run.err = "python3 not found (scripts/setup.sh installs it)";
        return run;
    }
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PYTHONIOENCODING"), QStringLiteral("utf-8"));
    process.setProcessEnvironment(env);
    process.start(python, QStringList{QStringLiteral("-c"), script} + args);
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        run.err = "python3 did not finish";
        return run;
    }
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return run;
}

} // namespace dubao::test
