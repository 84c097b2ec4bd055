// dubao-cli team init | add-user | remove-user | list-users: the roles of a team library (core/store/teamroles.h,
// docs/safety.md).
#include "app/cli/clisupport.h"
#include "app/cli/commands.h"
#include "core/store/dialect.h"
#include "core/store/teampolicies.h"
#include "core/store/teamroles.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <iostream>
#include <string>
#include <termios.h>
#include <unistd.h>

namespace dubao::cli {

namespace {

/// One line from standard input, with the terminal's echo off while it is typed.
std::optional<QString> readSecretLine(bool terminal)
{
    termios saved{};
    const bool hide = terminal && ::tcgetattr(STDIN_FILENO, &saved) == 0;
    if (hide) {
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
    }
    std::string line;
    const bool read = bool(std::getline(std::cin, line));
    if (hide) {
        ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        std::fputs("\n", stderr);
    }
    if (!read)
        return std::nullopt;
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return QString::fromStdString(line);
}

/// The new user's password: asked twice on a terminal, else the first line of standard input. Never an argument:
/// a command line is visible to every user of the machine (ps) and kept in shell histories.
std::optional<QString> readPassword(const QString &user, Streams io)
{
    const bool terminal = ::isatty(STDIN_FILENO) != 0;
    if (terminal) {
        io.err << "Password for " << user << ": " << Qt::flush;
        const std::optional<QString> first = readSecretLine(true);
        io.err << "Again: " << Qt::flush;
        const std::optional<QString> second = readSecretLine(true);
        if (!first || !second)
            return std::nullopt;
        if (*first != *second) {
            io.err << "dubao-cli: the two passwords differ; nothing was changed" << Qt::endl;
            return QString();
        }
        return first;
    }
    return readSecretLine(false);
}

int cmdTeam(const Args &args, Streams io)
{
    const QString sub = args.positional.value(0);
    if (sub != QLatin1String("init") && sub != QLatin1String("add-user") && sub != QLatin1String("remove-user") &&
        sub != QLatin1String("list-users") && sub != QLatin1String("status"))
        return usage(io, QStringLiteral("team takes init, add-user NAME --role reader|annotator|editor, remove-user "
                                        "NAME, list-users, or status"));
    if (!dialect::isServerUrl(args.library))
        return usage(io, QStringLiteral("team works on a team library: give --library postgresql://USER@HOST:PORT/DB"));
    if (args.has(QStringLiteral("password")))
        return usage(io, QStringLiteral("a password is never given as an argument (every user of the machine sees "
                                        "those): team add-user reads it from standard input"));
    std::optional<team::Role> role;
    if (sub == QLatin1String("add-user")) {
        if (args.positional.size() != 2)
            return usage(io, QStringLiteral("team add-user takes one NAME (the password is read from standard input "
                                            "or asked for, never given as an argument)"));
        role = team::roleFromKeyword(args.option(QStringLiteral("role")));
        if (!role)
            return usage(io, QStringLiteral("team add-user needs --role reader, annotator or editor"));
    } else if (sub == QLatin1String("remove-user")) {
        if (args.positional.size() != 2)
            return usage(io, QStringLiteral("team remove-user takes one NAME"));
    } else if (args.positional.size() != 1) {
        return usage(io, QStringLiteral("team %1 takes no other argument").arg(sub));
    }

    Library library;
    if (!openLibrary(library, args, io))
        return 1;
    if (sub == QLatin1String("init")) {
        QStringList done;
        if (const Result<void> made = team::init(library, &done); !made)
            return failure(io, made);
        io.out << "The roles of the team library " << library.database().databaseName() << " (PUBLIC has no access):\n";
        for (const QString &line : std::as_const(done))
            io.out << "  " << line << "\n";
        io.out << "Add users with: dubao-cli team add-user NAME --role reader|annotator|editor --library "
               << args.library << "\n";
        return 0;
    }
    if (sub == QLatin1String("status")) {
        const team::Access access = library.teamAccess();
        const Result<team::PolicyState> policies = team::policyState(library.database());
        if (!policies)
            return failure(io, policies);
        if (args.json) {
            printJson(io.out, QJsonDocument(QJsonObject{
                                  {QStringLiteral("user"), access.user},
                                  {QStringLiteral("role"), access.role},
                                  {QStringLiteral("may_annotate"), access.mayAnnotate},
                                  {QStringLiteral("may_edit"), access.mayEdit},
                                  {QStringLiteral("own_rows_only"), access.ownRowsOnly},
                                  {QStringLiteral("row_security"),
                                   *policies == team::PolicyState::Installed ? QStringLiteral("on")
                                   : *policies == team::PolicyState::Missing ? QStringLiteral("off")
                                                                             : QStringLiteral("partial")},
                              }));
            return 0;
        }
        io.out << team::describe(access) << ".\n" << team::describe(*policies) << ".\n";
        return 0;
    }
    if (sub == QLatin1String("add-user")) {
        const QString name = args.positional.at(1);
        const std::optional<QString> password = readPassword(name, io);
        if (!password)
            return failure(io, QStringLiteral("no password on standard input; nothing was changed"));
        if (password->isEmpty())
            return failure(io, QStringLiteral("the password is empty; nothing was changed"));
        if (const Result<void> added = team::addUser(library, name, *role, *password); !added)
            return failure(io, added);
        io.out << "Added the user " << name << " as " << team::roleKeyword(*role) << " of the team library "
               << library.database().databaseName() << ".\n";
        return 0;
    }
    if (sub == QLatin1String("remove-user")) {
        const QString name = args.positional.at(1);
        bool droppedLogin = false;
        if (const Result<void> removed = team::removeUser(library, name, &droppedLogin); !removed)
            return failure(io, removed);
        io.out << "Removed the user " << name << " from the team library " << library.database().databaseName()
               << (droppedLogin ? " (their login is gone from the server)"
                                : " (their login stays on the server: it is used elsewhere there)")
               << "; what they made keeps their name.\n";
        return 0;
    }
    const Result<QList<team::User>> users = team::users(library);
    if (!users)
        return failure(io, users);
    if (args.json) {
        QJsonArray list;
        for (const team::User &user : *users)
            list.append(QJsonObject{{QStringLiteral("name"), user.name},
                                    {QStringLiteral("role"), team::roleKeyword(user.role)},
                                    {QStringLiteral("can_login"), user.canLogin}});
        printJson(io.out, QJsonDocument(list));
        return 0;
    }
    for (const team::User &user : *users)
        io.out << QStringLiteral("%1  %2%3\n")
                      .arg(user.name, -20)
                      .arg(team::roleKeyword(user.role))
                      .arg(user.canLogin ? QString() : QStringLiteral("  (cannot log in)"));
    if (users->isEmpty())
        io.out << "No users yet. Add one with: dubao-cli team add-user NAME --role reader|annotator|editor\n";
    return 0;
}

} // namespace

void addTeamCommands(CommandTable &table)
{
    table.emplace(QStringLiteral("team"), cmdTeam);
}

} // namespace dubao::cli
