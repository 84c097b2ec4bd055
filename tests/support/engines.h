// The repository tests run on both engines a library lives on (issue 13): the same test functions once on an SQLite
// file and once on a team library on a real PostgreSQL server (tests/support/pgserver.h), which the program starts
// for the second run and stops at its end. A test function opens its library at test::libraryLocation(): a file of
// its own on SQLite; on PostgreSQL the run's one library, its tables emptied (ids restarting at 1) for each test
// function. A test function that adds a trigger or a function to it removes it again.
//
//   DUBAO_TEST_MAIN_BOTH_ENGINES(TestTags, {"sqliteOnlyFunction"})
#pragma once

#include "core/store/library.h"
#include "tests/support/pgserver.h"

#include <QCoreApplication>
#include <QHash>
#include <QMetaMethod>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace dubao::test {

enum class TestEngine
{
    SQLite,
    PostgreSQL,
};

struct EngineRun
{
    TestEngine engine = TestEngine::SQLite;
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<PgServer> server;
    QHash<QString, QString> databases; // a test function's name -> its database's URL
    QString sharedDatabase;            // the one library of the run, emptied for each test function
    QString lastError;
};

inline EngineRun &engineRun()
{
    static EngineRun run;
    return run;
}

inline bool onPostgres()
{
    return engineRun().engine == TestEngine::PostgreSQL;
}

/// Where the running test function's library lives: a file of its own (SQLite) or a new database (PostgreSQL);
/// empty (with the reason in engineRun().lastError) when that database could not be made.
inline QString libraryLocation(const QString &name = QString())
{
    EngineRun &run = engineRun();
    const QString base = name.isEmpty() ? QString::fromLatin1(QTest::currentTestFunction()) : name;
    if (run.engine == TestEngine::SQLite)
        return run.dir->filePath(base + QStringLiteral(".sqlite"));
    const auto known = run.databases.constFind(base);
    if (known != run.databases.cend())
        return *known;
    if (run.sharedDatabase.isEmpty()) {
        // One library per run, emptied for each test function: a new database and its schema cost ~0.7 s each,
        // emptying the tables ~0.05 s. Making a library in an empty database is tested by its first open here
        // and by tst_cli_team.
        const Result<QString> made = run.server->createDatabase(QStringLiteral("library"));
        if (!made) {
            run.lastError = made.error().message();
            return {};
        }
        Library library;
        if (const Result<void> opened = library.open(run.server->url(*made)); !opened) {
            run.lastError = opened.error().message();
            return {};
        }
        run.sharedDatabase = *made;
    } else if (const Result<QString> emptied = run.server->psql(
                   run.sharedDatabase,
                   QStringLiteral("DO $$ DECLARE t text; BEGIN SELECT string_agg(quote_ident(tablename), ', ') INTO t "
                                  "FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'dubao_library'; "
                                  "EXECUTE 'TRUNCATE ' || t || ' RESTART IDENTITY CASCADE'; END $$"));
               !emptied) {
        run.lastError = emptied.error().message();
        return {};
    }
    return *run.databases.insert(base, run.server->url(run.sharedDatabase));
}

/// A library of its own beside the run's one, for a test that needs two or more at once: a new file (SQLite) or a
/// new database (PostgreSQL, ~0.7 s to make its schema on first open); empty (with the reason in
/// engineRun().lastError) when that database could not be made.
inline QString separateLibraryLocation(const QString &name)
{
    EngineRun &run = engineRun();
    if (run.engine == TestEngine::SQLite)
        return run.dir->filePath(name + QStringLiteral(".sqlite"));
    const Result<QString> made = run.server->createDatabase(QStringLiteral("separate"));
    if (!made) {
        run.lastError = made.error().message();
        return {};
    }
    return run.server->url(*made);
}

/// Runs `test` on SQLite, then (every function but `sqliteOnly`, the ones about an SQLite file's own behaviour) on
/// PostgreSQL. Function names on the command line select as usual. DUBAO_TEST_ENGINE=sqlite or postgresql runs one.
template<typename Test>
int runOnBothEngines(int argc, char **argv, const QStringList &sqliteOnly)
{
    EngineRun &run = engineRun();
    run.dir = std::make_unique<QTemporaryDir>();
    // ctest runs the two as two tests (dubao_test_on_both_engines in tests/CMakeLists.txt), which can run side by side.
    const QByteArray only = qgetenv("DUBAO_TEST_ENGINE");
    int failures = 0;
    if (only != "postgresql") {
        Test test;
        failures += QTest::qExec(&test, argc, argv);
    }
    if (only == "sqlite")
        return failures;
    run.engine = TestEngine::PostgreSQL;
    run.server = std::make_unique<PgServer>();
    if (!run.server->isRunning()) {
        qCritical("cannot start the PostgreSQL server for the second run: %s", qPrintable(run.server->error()));
        return failures + 1;
    }
    qInfo("PostgreSQL server on port %d, started in %lld ms", run.server->port(), run.server->startMilliseconds());
    QStringList arguments{QString::fromLocal8Bit(argv[0])};
    QStringList chosen;
    for (int k = 1; k < argc; ++k) {
        const QString argument = QString::fromLocal8Bit(argv[k]);
        (argument.startsWith(u'-') || (k > 1 && QString::fromLocal8Bit(argv[k - 1]) == QLatin1String("-o")) ? arguments
                                                                                                            : chosen)
            .append(argument);
    }
    Test test;
    const QMetaObject *meta = test.metaObject();
    for (int m = meta->methodOffset(); m < meta->methodCount(); ++m) {
        const QMetaMethod method = meta->method(m);
        const QString name = QString::fromLatin1(method.name());
        if (method.access() != QMetaMethod::Private || method.methodType() != QMetaMethod::Slot ||
            name.endsWith(QLatin1String("_data")) || name.startsWith(QLatin1String("init")) ||
            name.startsWith(QLatin1String("cleanup")) || sqliteOnly.contains(name) ||
            (!chosen.isEmpty() && !chosen.contains(name)))
            continue;
        arguments.append(name);
    }
    if (arguments.size() > 1 || chosen.isEmpty())
        failures += QTest::qExec(&test, arguments);
    run.server.reset();
    return failures;
}

} // namespace dubao::test

#define DUBAO_TEST_MAIN_BOTH_ENGINES(TestClass, ...)                                                                   \
    int main(int argc, char **argv)                                                                                    \
    {                                                                                                                  \
        QCoreApplication app(argc, argv);                                                                              \
        return dubao::test::runOnBothEngines<TestClass>(argc, argv, QStringList __VA_ARGS__);                          \
    }
