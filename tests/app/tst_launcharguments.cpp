// dubao's command line as a file manager hands it over: a library file (known by its content) is opened as the
// library and remembered, issue files and folders are imported into the open library, a mix does both, and another
// program's database is refused with open()'s clear error and left as it was. Files dropped on the window are
// sorted the same way.
#include "app/shell/appsettings.h"
#include "app/shell/launcharguments.h"
#include "app/shell/librarytreemodel.h"
#include "app/shell/mainwindow.h"
#include "core/store/library.h"
#include "tests/support/isolatedsettings.h"
#include "tests/support/recordingfeedback.h"
#include "tests/support/sampleissue.h"

#include <QDropEvent>
#include <QFile>
#include <QMimeData>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace dubao;

class TestLaunchArguments final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void sort_knowsLibrariesByContent_notByName();
    void libraryArgument_opensIt_andRemembersIt();
    void issueArgument_importsIntoTheLastLibrary();
    void libraryAndIssue_opensTheLibrary_importsTheIssueIntoIt();
    void foreignDatabase_isRefused_untouched_nothingImported();
    void droppedLibrary_isOpened_notImported();
    void droppedLibraryAndIssue_opensTheLibrary_importsTheIssueIntoIt();
    void droppedForeignDatabase_leavesTheOpenLibrary_importsNothing();

private:
    /// Drops `paths` on the window as a file manager does (drag enter, then drop); returns whether it was taken.
    static bool drop(MainWindow &window, const QStringList &paths);
    struct Launched
    {
        std::unique_ptr<MainWindow> window;
        test::RecordingFeedback *feedback = nullptr;
    };
    Launched launchWith(const QStringList &arguments);
    /// A new library at `name` in the test's folder (made by Library::open, closed again).
    QString makeLibrary(const QString &name);
    QString path(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    QString m_issue;        ///< the sample issue, copied
    QString m_issueNamedDb; ///< the sample issue again, named like a database: an issue by its content
    QString m_foreign;      ///< an SQLite database of another program
};

void TestLaunchArguments::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolate(m_dir);
    m_issue = path(QStringLiteral("issue.txt"));
    QVERIFY(QFile::copy(test::sampleIssuePath(), m_issue));
    m_issueNamedDb = path(QStringLiteral("issue.sqlite"));
    QVERIFY(QFile::copy(test::sampleIssuePath(), m_issueNamedDb));
    m_foreign = path(QStringLiteral("places.sqlite"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
        db.setDatabaseName(m_foreign);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("PRAGMA application_id = 1347175460")));
        QVERIFY(query.exec(QStringLiteral("CREATE TABLE places(url TEXT)")));
        QVERIFY(query.exec(QStringLiteral("INSERT INTO places VALUES ('https://example.org/')")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
}

void TestLaunchArguments::init()
{
    QSettings().clear();
}

QString TestLaunchArguments::makeLibrary(const QString &name)
{
    Library library;
    const QString file = path(name);
    if (!library.open(file))
        return {};
    return file;
}

TestLaunchArguments::Launched TestLaunchArguments::launchWith(const QStringList &arguments)
{
    Launched launched;
    launched.window = std::make_unique<MainWindow>();
    auto feedback = std::make_unique<test::RecordingFeedback>();
    launched.feedback = feedback.get();
    launched.window->setFeedback(std::move(feedback));
    launched.window->show();
    launch(*launched.window, LaunchArguments::sort(QString(), arguments));
    return launched;
}

void TestLaunchArguments::sort_knowsLibrariesByContent_notByName()
{
    const QString library = makeLibrary(QStringLiteral("sorted.dubao"));
    QVERIFY(!library.isEmpty());
    QCOMPARE(Library::recognise(library), Library::FileKind::DubaoLibrary);
    QCOMPARE(Library::recognise(m_foreign), Library::FileKind::OtherDatabase);
    QCOMPARE(Library::recognise(m_issueNamedDb), Library::FileKind::NotSqlite);
    QCOMPARE(Library::recognise(m_dir.path()), Library::FileKind::NotSqlite);

    const QString second = makeLibrary(QStringLiteral("second.sqlite"));
    const LaunchArguments sorted =
        LaunchArguments::sort(QString(), {m_issue, QUrl::fromLocalFile(library).toString(), m_issueNamedDb,
                                          m_dir.path(), second, QStringLiteral("dubao://block/1")});
    QCOMPARE(sorted.library, library);
    QVERIFY(sorted.libraryFromArguments);
    QCOMPARE(sorted.otherLibraries, QStringList{second});
    QCOMPARE(sorted.imports, (QStringList{m_issue, m_issueNamedDb, m_dir.path()}));
    QCOMPARE(sorted.links, QList<QUrl>{QUrl(QStringLiteral("dubao://block/1"))});

    // --library wins; a library file among the arguments is then one too many.
    const LaunchArguments withOption = LaunchArguments::sort(second, {library, m_issue});
    QCOMPARE(withOption.library, second);
    QVERIFY(!withOption.libraryFromArguments);
    QCOMPARE(withOption.otherLibraries, QStringList{library});
    QCOMPARE(withOption.imports, QStringList{m_issue});

    // A team library's address is a library too (it was taken for a path to import: "no such file or folder").
    const QString team = QStringLiteral("postgresql://rita@127.0.0.1:5432/paper");
    const LaunchArguments server = LaunchArguments::sort(QString(), {team, m_issue});
    QCOMPARE(server.library, team);
    QVERIFY(server.libraryFromArguments);
    QCOMPARE(server.imports, QStringList{m_issue});
    const LaunchArguments serverAndFile = LaunchArguments::sort(library, {team});
    QCOMPARE(serverAndFile.library, library);
    QCOMPARE(serverAndFile.otherLibraries, QStringList{team});
}

void TestLaunchArguments::libraryArgument_opensIt_andRemembersIt()
{
    const QString usual = makeLibrary(QStringLiteral("usual.sqlite"));
    AppSettings::addRecentLibrary(usual);
    const QString other = makeLibrary(QStringLiteral("other.sqlite"));
    const QByteArray before = [&] {
        QFile file(other);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    Launched launched = launchWith({other});
    QCOMPARE(launched.window->libraryPath(), other);
    QCOMPARE(AppSettings::lastLibrary(), other);
    QTest::qWait(50); // the event loop's turn, where an import would start
    QVERIFY(!launched.window->isImporting());
    QCOMPARE(launched.window->libraryModel()->issueCount(), 0); // opened, not imported into anything
    QVERIFY2(launched.feedback->warnings.isEmpty(), qPrintable(launched.feedback->warnings.join(u'\n')));
    QVERIFY(launched.window->windowTitle().contains(QStringLiteral("other.sqlite")));
    launched.window.reset();
    QFile file(other);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.read(100).left(16), before.left(16)); // still a library
}

void TestLaunchArguments::issueArgument_importsIntoTheLastLibrary()
{
    const QString usual = makeLibrary(QStringLiteral("last.sqlite"));
    AppSettings::addRecentLibrary(usual);
    Launched launched = launchWith({m_issueNamedDb});
    QSignalSpy finished(launched.window.get(), &MainWindow::importFinished);
    QCOMPARE(launched.window->libraryPath(), usual);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(launched.window->libraryModel()->issueCount(), 1);
    QVERIFY2(launched.feedback->warnings.isEmpty(), qPrintable(launched.feedback->warnings.join(u'\n')));
}

void TestLaunchArguments::libraryAndIssue_opensTheLibrary_importsTheIssueIntoIt()
{
    const QString usual = makeLibrary(QStringLiteral("usual-mix.sqlite"));
    AppSettings::addRecentLibrary(usual);
    const QString named = makeLibrary(QStringLiteral("named-mix.dubao"));
    Launched launched = launchWith({m_issue, named});
    QSignalSpy finished(launched.window.get(), &MainWindow::importFinished);
    QCOMPARE(launched.window->libraryPath(), named);
    QVERIFY(launched.window->statusBar()->currentMessage().contains(QStringLiteral("named-mix.dubao")));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(launched.window->libraryModel()->issueCount(), 1);
    launched.window.reset();
    Library library;
    QVERIFY(library.open(usual));
    QSqlQuery query(library.database());
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM issues")) && query.next());
    QCOMPARE(query.value(0).toInt(), 0); // the usual library got nothing
}

void TestLaunchArguments::foreignDatabase_isRefused_untouched_nothingImported()
{
    const QString usual = makeLibrary(QStringLiteral("usual-foreign.sqlite"));
    AppSettings::addRecentLibrary(usual);
    QFile foreign(m_foreign);
    QVERIFY(foreign.open(QIODevice::ReadOnly));
    const QByteArray before = foreign.readAll();
    foreign.close();

    Launched launched = launchWith({m_foreign, m_issue});
    QCOMPARE(launched.feedback->warnings.size(), 1);
    QVERIFY2(launched.feedback->warnings.front().contains(QStringLiteral("not a Dubao library")),
             qPrintable(launched.feedback->warnings.front()));
    QVERIFY(launched.feedback->warnings.front().contains(QStringLiteral("Nothing on the command line")));
    QCOMPARE(launched.window->libraryPath(), usual); // the usual library, not an empty window
    QCOMPARE(AppSettings::lastLibrary(), usual);
    QTest::qWait(50);
    QVERIFY(!launched.window->isImporting());
    QCOMPARE(launched.window->libraryModel()->issueCount(), 0);
    launched.window.reset();
    QVERIFY(foreign.open(QIODevice::ReadOnly));
    QCOMPARE(foreign.readAll(), before);
}

bool TestLaunchArguments::drop(MainWindow &window, const QStringList &paths)
{
    QMimeData data;
    QList<QUrl> urls;
    for (const QString &path : paths)
        urls << QUrl::fromLocalFile(path);
    data.setUrls(urls);
    const QPoint centre = window.rect().center();
    QDragEnterEvent enter(centre, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent dropped(QPointF(centre), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &dropped);
    return dropped.isAccepted();
}

void TestLaunchArguments::droppedLibrary_isOpened_notImported()
{
    const QString usual = makeLibrary(QStringLiteral("usual-drop.sqlite"));
    AppSettings::addRecentLibrary(usual);
    const QString other = makeLibrary(QStringLiteral("dropped.dubao"));
    Launched launched = launchWith({});
    QCOMPARE(launched.window->libraryPath(), usual);
    QVERIFY(drop(*launched.window, {other}));
    QCOMPARE(launched.window->libraryPath(), other);
    QCOMPARE(AppSettings::lastLibrary(), other);
    QTest::qWait(50);
    QVERIFY(!launched.window->isImporting());
    QCOMPARE(launched.window->libraryModel()->issueCount(), 0);
    QVERIFY2(launched.feedback->warnings.isEmpty(), qPrintable(launched.feedback->warnings.join(u'\n')));
    QVERIFY(launched.window->statusBar()->currentMessage().contains(QStringLiteral("dropped.dubao")));
    launched.window.reset();
    Library library;
    QVERIFY(library.open(usual));
    QSqlQuery query(library.database());
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM issues")) && query.next());
    QCOMPARE(query.value(0).toInt(), 0); // the library file was not imported as an issue
}

void TestLaunchArguments::droppedLibraryAndIssue_opensTheLibrary_importsTheIssueIntoIt()
{
    const QString usual = makeLibrary(QStringLiteral("usual-dropmix.sqlite"));
    AppSettings::addRecentLibrary(usual);
    const QString named = makeLibrary(QStringLiteral("dropmix.dubao"));
    const QString second = makeLibrary(QStringLiteral("dropmix-second.sqlite"));
    Launched launched = launchWith({});
    QSignalSpy finished(launched.window.get(), &MainWindow::importFinished);
    QVERIFY(drop(*launched.window, {m_issue, named, second}));
    QCOMPARE(launched.window->libraryPath(), named);
    QCOMPARE(launched.feedback->warnings.size(), 1); // the second library: one at a time
    QVERIFY(launched.feedback->warnings.front().contains(QStringLiteral("dropmix-second.sqlite")));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(launched.window->libraryModel()->issueCount(), 1);
}

void TestLaunchArguments::droppedForeignDatabase_leavesTheOpenLibrary_importsNothing()
{
    const QString usual = makeLibrary(QStringLiteral("usual-dropforeign.sqlite"));
    AppSettings::addRecentLibrary(usual);
    QFile foreign(m_foreign);
    QVERIFY(foreign.open(QIODevice::ReadOnly));
    const QByteArray before = foreign.readAll();
    foreign.close();
    Launched launched = launchWith({});
    QVERIFY(!drop(*launched.window, {m_foreign, m_issue}));
    QCOMPARE(launched.feedback->warnings.size(), 1);
    QVERIFY2(launched.feedback->warnings.front().contains(QStringLiteral("not a Dubao library")),
             qPrintable(launched.feedback->warnings.front()));
    QVERIFY(launched.feedback->warnings.front().contains(QStringLiteral("Nothing that was dropped")));
    QCOMPARE(launched.window->libraryPath(), usual);
    QTest::qWait(50);
    QVERIFY(!launched.window->isImporting());
    QCOMPARE(launched.window->libraryModel()->issueCount(), 0);
    launched.window.reset();
    QVERIFY(foreign.open(QIODevice::ReadOnly));
    QCOMPARE(foreign.readAll(), before);
}

QTEST_MAIN(TestLaunchArguments)
#include "tst_launcharguments.moc"
