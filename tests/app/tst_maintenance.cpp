// The app's maintenance: the daily backup on open, File → Back Up Now / Restore from Backup (close, replace,
// reopen), Help → Check Library (quick or full, with progress, stop, and the repair of objects Dubao did not make), the
// read-only banner with editing actions off, and two writers at once — the app's import job and `dubao-cli import` —
// with the open window showing what the other program added (PRAGMA data_version poll).
#include "app/annotations/annotationcontroller.h"
#include "app/annotations/annotationdocument.h"
#include "app/annotations/annotationspanel.h"
#include "app/maintenance/checkdialog.h"
#include "app/maintenance/restoredialog.h"
#include "app/shell/librarysession.h"
#include "app/shell/librarytreemodel.h"
#include "app/shell/mainwindow.h"
#include "core/ingest/librarycheck.h"
#include "core/parse/issuefile.h"
#include "core/search/queryparser.h"
#include "core/store/annotationrepository.h"
#include "core/store/backup.h"
#include "core/store/notebookrepository.h"
#include "core/store/tagrepository.h"
#include "tests/support/corpuslibrary.h"
#include "tests/support/recordingfeedback.h"
#include "tests/support/scalar.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProcess>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <QToolBar>
#include <QTranslator>
#include <QTreeWidget>

using namespace dubao;
using namespace Qt::StringLiterals;
using dubao::test::scalar;

namespace {

/// `copies` copies of each corpus file in `dir`, each new content (trailing blank lines), a prefix's content
/// unlike any other prefix's.
QStringList makeCopies(const QString &dir, const QString &prefix, int copies)
{
    return test::writeCorpusCopies(dir, copies, prefix, int(prefix.size()) * 7);
}

} // namespace

class TestMaintenance : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void open_makesDailyBackup_once();
    void backUpNow_thenRestore_reopensWithBackupContent();
    void backUpToFile_selfContained_restoredFromOtherFile();
    void checkLibrary_healthy_dialogSaysSo();
    void checkDialog_full_showsProgressAndWhatItRead();
    void checkDialog_stopped_saysCancelled_changesNothing();
    void checkDialog_foreignTrigger_repairRemovesIt();
    void readOnlyLibrary_bannerShown_editingActionsOff();
    void libraryWithForeignTrigger_bannerNamesIt_editingActionsOff();
    void twoWriters_appImportAndCli_bothComplete_treeShowsExternalIssues();
    void hostileStrings_windowShowsThem();
    // Last: it installs the Chinese translation for a while.
    void coreTexts_inChinese_checkSearchAndImportMessagesTranslated();

private:
    std::unique_ptr<MainWindow> openWindow(const QString &path);
    QString freshLibrary(const QString &name);
    /// A fresh library changed behind Dubao's back by `sql` (with plain SQLite); empty on failure.
    QString tamperedLibrary(const QString &name, const QString &sql);

    QTemporaryDir m_dir;
    QString m_corpusLibrary;
};

void TestMaintenance::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolate(m_dir);
    m_corpusLibrary = m_dir.filePath(u"corpus.sqlite"_s);
    const QString error = test::buildCorpusLibrary(m_corpusLibrary);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestMaintenance::init()
{
    QSettings().clear();
}

QString TestMaintenance::freshLibrary(const QString &name)
{
    const QString path = m_dir.filePath(name);
    QFile::copy(m_corpusLibrary, path);
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return path;
}

QString TestMaintenance::tamperedLibrary(const QString &name, const QString &sql)
{
    const QString path = freshLibrary(name);
    bool done = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"tamper"_s);
        db.setDatabaseName(path);
        done = db.open() && QSqlQuery(db).exec(sql);
        db.close();
    }
    QSqlDatabase::removeDatabase(u"tamper"_s);
    return done ? path : QString();
}

std::unique_ptr<MainWindow> TestMaintenance::openWindow(const QString &path)
{
    auto window = std::make_unique<MainWindow>();
    window->setFeedback(std::make_unique<test::RecordingFeedback>());
    if (const Result<void> opened = window->openLibrary(path); !opened)
        qWarning() << opened.error().message();
    return window;
}

void TestMaintenance::open_makesDailyBackup_once()
{
    const QString path = freshLibrary(u"daily.sqlite"_s);
    {
        auto window = openWindow(path);
        QVERIFY(window->hasLibrary());
        QTRY_COMPARE(Backup::list(path).size(), 1); // made on a worker thread
    }
    QList<BackupInfo> backups = Backup::list(path);
    QCOMPARE(backups.size(), 1);
    QCOMPARE(backups.front().reason, u"daily"_s);
    {
        auto window = openWindow(path);
        QVERIFY(window->hasLibrary());
    }
    QCOMPARE(Backup::list(path).size(), 1);
}

void TestMaintenance::backUpNow_thenRestore_reopensWithBackupContent()
{
    const QString path = freshLibrary(u"restore.sqlite"_s);
    auto window = openWindow(path);
    QSettings().setValue(u"backups/keep"_s, 3);
    QVERIFY(window->findChild<QAction *>(u"actionBackUpNow"_s)->isEnabled());
    QVERIFY(window->findChild<QAction *>(u"actionRestoreBackup"_s)->isEnabled());
    const Result<QString> backedUp = window->backUpNow();
    const QString backup = backedUp.valueOr(QString());
    QVERIFY2(QFile::exists(backup), qPrintable(backedUp.error().message()));
    const qint64 issues = scalar(window->session()->library(), u"SELECT count(*) FROM issues"_s);
    {
        QSqlQuery q(window->session()->library().database());
        QVERIFY(q.exec(u"DELETE FROM issues WHERE id = (SELECT max(id) FROM issues)"_s));
    }
    window->reloadLibrary();
    QCOMPARE(window->libraryModel()->issueCount(), int(issues - 1));

    // The dialog lists the backups, newest first.
    {
        RestoreDialog dialog(Backup::list(path));
        QVERIFY(dialog.list()->topLevelItemCount() >= 2);
        QCOMPARE(dialog.selectedPath(), Backup::list(path).front().path);
    }
    const Result<void> restored = window->restoreFromBackup(backup);
    QVERIFY2(restored.ok(), qPrintable(restored.error().message()));
    QVERIFY(window->hasLibrary());
    QCOMPARE(scalar(window->session()->library(), u"SELECT count(*) FROM issues"_s), issues);
    QCOMPARE(window->libraryModel()->issueCount(), int(issues));
    QVERIFY(window->currentArticleId() > 0);
    const QList<BackupInfo> backups = Backup::list(path);
    QVERIFY(std::any_of(backups.cbegin(), backups.cend(),
                        [](const BackupInfo &b) { return b.reason == u"before-restore"_s; }));
    QVERIFY(backups.size() <= 3);
    // A file that is not a backup: refused, the library stays open as it was.
    QVERIFY(!window->restoreFromBackup(test::corpusDir() + u"/README.md"_s));
    QVERIFY(window->hasLibrary());
    QCOMPARE(scalar(window->session()->library(), u"SELECT count(*) FROM issues"_s), issues);
}

void TestMaintenance::backUpToFile_selfContained_restoredFromOtherFile()
{
    const QString path = freshLibrary(u"send.sqlite"_s);
    auto window = openWindow(path);
    QVERIFY(window->findChild<QAction *>(u"actionBackUpToFile"_s)->isEnabled());
    QTemporaryDir elsewhere;
    const QString file = elsewhere.filePath(u"for a colleague.dubao-backup"_s);
    const Result<QString> made = window->backUpToFile(file);
    QVERIFY2(made, qPrintable(made.error().message()));
    QCOMPARE(*made, QFileInfo(file).absoluteFilePath());
    const Result<BackupContents> contents = backupmanifest::contents(file);
    QVERIFY(contents && contents->selfContained);
    QCOMPARE(contents->reason, u"sent"_s);
    const qint64 issues = scalar(window->session()->library(), u"SELECT count(*) FROM issues"_s);
    QCOMPARE(contents->counts.value(u"issues"_s), issues);
    QCOMPARE(QDir(elsewhere.path()).entryList(QDir::Files | QDir::Hidden).size(), 1); // no partial left
    // Written again over it (the save dialog asked): still one whole file.
    QVERIFY(window->backUpToFile(file));
    QVERIFY(Backup::verify(file));
    {
        QSqlQuery q(window->session()->library().database());
        QVERIFY(q.exec(u"DELETE FROM issues WHERE id = (SELECT max(id) FROM issues)"_s));
    }
    window->reloadLibrary();
    // Restore from Backup… → Other File…: the file from elsewhere, as if picked in the list.
    {
        RestoreDialog dialog(Backup::list(path));
        dialog.chooseOtherFile(file);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.selectedPath(), file);
    }
    // The annotations panel's refresh is due (its timer runs) while the restore closes the library and waits in an
    // event loop: the panel finds no library instead of the closed one.
    auto *panel = window->findChild<AnnotationsPanel *>();
    QVERIFY(panel);
    panel->setTextFilter(u"会"_s);
    QSignalSpy closing(window.get(), &MainWindow::libraryClosing);
    const Result<void> restored = window->restoreFromBackup(file);
    QVERIFY2(restored.ok(), qPrintable(restored.error().message()));
    QCOMPARE(closing.size(), 1);
    QCOMPARE(scalar(window->session()->library(), u"SELECT count(*) FROM issues"_s), issues);
    QVERIFY(window->annotations()->document().hasLibrary());
    window->closeLibrary();
    QCOMPARE(closing.size(), 2);
    QVERIFY(!window->annotations()->document().hasLibrary());
    panel->refresh();
    QCOMPARE(panel->items().size(), 0);
    QVERIFY(window->openLibrary(path));
    QCOMPARE(window->libraryModel()->issueCount(), int(issues));
    // A folder that cannot be written: a clear error, and the library open as it was.
    const Result<QString> refused = window->backUpToFile(elsewhere.filePath(u"no such folder/x.dubao-backup"_s));
    QVERIFY(!refused);
    QVERIFY2(refused.error().message().contains(u"does not exist"_s), qPrintable(refused.error().message()));
    QVERIFY(window->hasLibrary());
}

void TestMaintenance::checkLibrary_healthy_dialogSaysSo()
{
    const QString path = freshLibrary(u"check.sqlite"_s);
    auto window = openWindow(path);
    QVERIFY(window->findChild<QAction *>(u"actionCheckLibrary"_s)->isEnabled());
    QVERIFY(window->checkLibrary(false).healthy());
    {
        QSqlQuery q(window->session()->library().database());
        QVERIFY(q.exec(u"DELETE FROM search_block_keys WHERE block_id IN (SELECT id FROM blocks LIMIT 3)"_s));
    }
    CheckDialog dialog(CheckDialog::onOwnConnection(path, false), false);
    QSignalSpy finished(&dialog, &CheckDialog::checkFinished);
    dialog.runCheck(false);
    QVERIFY(dialog.isRunning()); // on its worker thread: the window stays responsive
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QCOMPARE(finished.back().at(0).toBool(), false);
    QVERIFY(!dialog.report().healthy());
    QVERIFY(dialog.reportText().contains(u"search index"_s));
    // DUBAO_SCREENSHOT_DIR: keep pictures of the dialog (for the release notes).
    const QString shots = qEnvironmentVariable("DUBAO_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        dialog.show();
        dialog.grab().save(QDir(shots).filePath(u"check-dialog-problem.png"_s));
    }
    auto *repair = dialog.findChild<QPushButton *>(u"repairButton"_s);
    QVERIFY(repair && repair->isEnabled());
    repair->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30000);
    QCOMPARE(finished.back().at(0).toBool(), true);
    QVERIFY(dialog.report().healthy());
    QVERIFY(dialog.reportText().contains(u"healthy"_s));
    QVERIFY(dialog.findChild<QPushButton *>(u"checkAgainButton"_s)->isEnabled());
    if (!shots.isEmpty())
        dialog.grab().save(QDir(shots).filePath(u"check-dialog-repaired.png"_s));
    // Closing the dialog while it checks stops the check; nothing more is reported, the buttons work again.
    dialog.runCheck(false);
    QVERIFY(dialog.isRunning());
    QVERIFY(!dialog.findChild<QPushButton *>(u"checkAgainButton"_s)->isEnabled());
    if (!shots.isEmpty())
        dialog.grab().save(QDir(shots).filePath(u"check-dialog-running.png"_s));
    dialog.reject();
    QVERIFY(!dialog.isRunning());
    QTest::qWait(50);
    QCOMPARE(finished.size(), 2);
    QVERIFY(dialog.findChild<QPushButton *>(u"checkAgainButton"_s)->isEnabled());
    QVERIFY(dialog.report().healthy());
}

void TestMaintenance::checkDialog_full_showsProgressAndWhatItRead()
{
    const QString path = freshLibrary(u"check-full.sqlite"_s);
    CheckDialog dialog(CheckDialog::onOwnConnection(path, false), false);
    QSignalSpy finished(&dialog, &CheckDialog::checkFinished);
    auto *full = dialog.findChild<QCheckBox *>(u"fullCheckBox"_s);
    QVERIFY(full && full->isEnabled() && !full->isChecked());
    dialog.runCheck(false);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QVERIFY(dialog.report().healthy());
    QVERIFY(!dialog.report().full);
    QVERIFY2(dialog.reportText().contains(u"Quick check"_s), qPrintable(dialog.reportText()));

    full->setChecked(true);
    dialog.runCheck(false);
    QVERIFY(!full->isEnabled()); // not while it runs
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30000);
    QVERIFY(dialog.report().healthy());
    QVERIFY(dialog.report().full);
    QVERIFY2(dialog.reportText().contains(u"Full check"_s), qPrintable(dialog.reportText()));
    // The last step reported fills the bar.
    auto *bar = dialog.findChild<QProgressBar *>();
    QVERIFY(bar && bar->maximum() > 0);
    QCOMPARE(bar->value(), bar->maximum());
}

void TestMaintenance::checkDialog_stopped_saysCancelled_changesNothing()
{
    const QString path = freshLibrary(u"check-stop.sqlite"_s);
    const QByteArray before = [&] {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    // A check that waits at its first step until it is stopped (a small library's check would finish before the
    // click), then runs the real check, which sees the flag set and stops.
    std::atomic_bool reachedFirstStep{false};
    const CheckDialog::Runner real = CheckDialog::onOwnConnection(path, false);
    CheckDialog dialog(
        [&](bool repair, const CheckOptions &options) {
            options.progress(0, 6, u"the schema"_s);
            reachedFirstStep = true;
            while (!options.cancel->load())
                QThread::msleep(5);
            return real(repair, options);
        },
        false);
    QSignalSpy finished(&dialog, &CheckDialog::checkFinished);
    dialog.runCheck(false);
    auto *stop = dialog.findChild<QPushButton *>(u"cancelCheckButton"_s);
    QVERIFY(stop && stop->isVisible() == dialog.isVisible());
    QVERIFY(!stop->isHidden());
    QTRY_VERIFY(reachedFirstStep.load());
    QTRY_VERIFY(dialog.findChild<QLabel *>()->text().contains(u"the schema"_s));
    stop->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QCOMPARE(finished.front().at(0).toBool(), false);
    QVERIFY(dialog.report().cancelled);
    QVERIFY2(dialog.reportText().contains(u"cancelled; nothing was changed"_s), qPrintable(dialog.reportText()));
    QVERIFY(stop->isHidden());
    QVERIFY(dialog.findChild<QPushButton *>(u"checkAgainButton"_s)->isEnabled());
    QVERIFY(!dialog.findChild<QPushButton *>(u"repairButton"_s)->isEnabled());
    QFile after(path);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QVERIFY(after.readAll() == before);
}

void TestMaintenance::checkDialog_foreignTrigger_repairRemovesIt()
{
    // The dialog's Repair does what dubao-cli check --repair does: a copy of the library, then the objects Dubao
    // did not make removed (docs/safety.md), while the window has the library open read-only.
    const QString path = tamperedLibrary(
        u"check-foreign.sqlite"_s, u"CREATE TRIGGER evil AFTER INSERT ON notes BEGIN DELETE FROM highlights; END"_s);
    QVERIFY(!path.isEmpty());
    auto window = openWindow(path);
    QVERIFY(window->isReadOnlyMode());
    CheckDialog dialog(CheckDialog::onOwnConnection(path, false), false);
    QSignalSpy finished(&dialog, &CheckDialog::checkFinished);
    dialog.runCheck(false);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    QVERIFY(!dialog.report().healthy());
    QVERIFY2(dialog.reportText().contains(u"trigger evil (unknown)"_s), qPrintable(dialog.reportText()));
    const QString shots = qEnvironmentVariable("DUBAO_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        dialog.show();
        dialog.grab().save(QDir(shots).filePath(u"check-dialog-foreign.png"_s));
    }
    auto *repair = dialog.findChild<QPushButton *>(u"repairButton"_s);
    QVERIFY(repair && repair->isEnabled());
    repair->click();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 60000);
    QCOMPARE(finished.back().at(0).toBool(), true);
    QVERIFY2(dialog.report().healthy(), qPrintable(dialog.reportText()));
    QCOMPARE(scalar(window->session()->library(), u"SELECT count(*) FROM sqlite_master WHERE name = 'evil'"_s), 0);
    QVERIFY(QDir(path + u".backups"_s).entryList({u"*before-repair*"_s}).size() == 1);
    window.reset();

    // Without the dialog (Help → Check Library's repair as the window runs it): the window opens it again, writable.
    const QString second = tamperedLibrary(u"check-foreign-2.sqlite"_s, u"CREATE VIEW evil_view AS SELECT 1"_s);
    QVERIFY(!second.isEmpty());
    window = openWindow(second);
    QVERIFY(window->isReadOnlyMode());
    const CheckReport repaired = window->checkLibrary(true);
    QVERIFY2(repaired.healthy(), qPrintable(repaired.problems.value(0).message));
    QVERIFY(window->hasLibrary());
    QVERIFY2(!window->isReadOnlyMode(),
             qPrintable(SchemaVerifier::describe(window->session()->library().schemaFindings())));
    QVERIFY(window->findChild<QAction *>(u"actionImportFiles"_s)->isEnabled()); // editing actions are back
}

void TestMaintenance::readOnlyLibrary_bannerShown_editingActionsOff()
{
    const QString path = freshLibrary(u"readonly.sqlite"_s);
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    auto window = openWindow(path);
    QVERIFY(window->hasLibrary());
    QVERIFY(window->isReadOnlyMode());
    auto *banner = window->findChild<QToolBar *>(u"readOnlyBanner"_s);
    QVERIFY(banner);
    QVERIFY(!banner->isHidden());
    QVERIFY(banner->findChild<QLabel *>()->text().contains(u"read-only"_s));
    for (const char *name :
         {"actionImportFiles", "actionImportFolder", "actionAddNote", "actionNewTag", "actionRestoreBackup"}) {
        QAction *action = window->findChild<QAction *>(QLatin1String(name));
        QVERIFY2(action, name);
        QVERIFY2(!action->isEnabled(), name);
    }
    // Navigating (which updates the actions) keeps them off; reading works.
    QVERIFY(window->currentArticleId() > 0);
    window->nextArticle();
    QVERIFY(!window->findChild<QAction *>(u"actionImportFiles"_s)->isEnabled());
    QVERIFY(window->findChild<QAction *>(u"actionCheckLibrary"_s)->isEnabled());
    QVERIFY(!window->importPaths({test::corpusDir()}) ||
            !window->findChild<QAction *>(u"actionImportFiles"_s)->isEnabled());
    QVERIFY(window->checkLibrary(false).healthy());
    QVERIFY(Backup::list(path).isEmpty()); // no daily backup of a read-only library

    // A writable library afterwards: no banner, actions back.
    (void)window->openLibrary(freshLibrary(u"writable-after.sqlite"_s));
    QVERIFY(!window->isReadOnlyMode());
    QVERIFY(banner->isHidden());
    QVERIFY(window->findChild<QAction *>(u"actionImportFiles"_s)->isEnabled());
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

void TestMaintenance::libraryWithForeignTrigger_bannerNamesIt_editingActionsOff()
{
    // A library from elsewhere (issue 17, docs/safety.md): a trigger Dubao did not make.
    const QString path = tamperedLibrary(
        u"foreign.sqlite"_s, u"CREATE TRIGGER evil AFTER INSERT ON notes BEGIN DELETE FROM highlights; END"_s);
    QVERIFY(!path.isEmpty());
    auto window = openWindow(path);
    QVERIFY(window->hasLibrary());
    QVERIFY(window->isReadOnlyMode());
    auto *banner = window->findChild<QToolBar *>(u"readOnlyBanner"_s);
    QVERIFY(banner && !banner->isHidden());
    const QString text = banner->findChild<QLabel *>()->text();
    QVERIFY2(text.contains(u"trigger evil (unknown)"_s) && text.contains(u"Repair…"_s), qPrintable(text));
    QVERIFY(!window->findChild<QAction *>(u"actionAddNote"_s)->isEnabled());
    // The banner's Repair… is the way out: it opens the check dialog, on, and enabled in, a read-only library.
    QAction *repair = window->findChild<QAction *>(u"actionRepairFromBanner"_s);
    QVERIFY(repair && repair->isVisible() && repair->isEnabled());
    bool dialogShown = false;
    QTimer::singleShot(0, this, [&dialogShown] {
        QTRY_VERIFY_WITH_TIMEOUT(qobject_cast<CheckDialog *>(QApplication::activeModalWidget()), 10000);
        dialogShown = true;
        QApplication::activeModalWidget()->close();
    });
    repair->trigger();
    QVERIFY(dialogShown);
    const QString shots = qEnvironmentVariable("DUBAO_SCREENSHOT_DIR");
    if (!shots.isEmpty())
        window->grab().save(QDir(shots).filePath(u"foreign-schema-banner.png"_s));
}

void TestMaintenance::twoWriters_appImportAndCli_bothComplete_treeShowsExternalIssues()
{
    const QString path = freshLibrary(u"two.sqlite"_s);
    auto window = openWindow(path);
    const int before = window->libraryModel()->issueCount();
    const QStringList appFiles = makeCopies(m_dir.filePath(u"app-files"_s), u"a"_s, 8);
    const QStringList cliFiles = makeCopies(m_dir.filePath(u"cli-files"_s), u"cli"_s, 8);

    QSignalSpy finished(window.get(), &MainWindow::importFinished);
    QProcess cli;
    cli.start(QStringLiteral(DUBAO_CLI_PATH),
              {u"import"_s, m_dir.filePath(u"cli-files"_s), u"--library"_s, path, u"--json"_s});
    QVERIFY(window->importPaths({m_dir.filePath(u"app-files"_s)}));
    QVERIFY(cli.waitForFinished(60000));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
    const auto report = finished.front().front().value<ImportReport>();
    QVERIFY(report.allOk());
    QCOMPARE(report.imported.size(), appFiles.size());
    const QByteArray cliOut = cli.readAllStandardOutput();
    const QJsonObject cliReport = QJsonDocument::fromJson(cliOut).object();
    if (cliReport[u"imported"_s].toArray().size() != cliFiles.size())
        qWarning() << cliOut.left(2000);
    QCOMPARE(cliReport[u"imported"_s].toArray().size(), cliFiles.size());
    {
        // A second connection of this process sees the same (opening it must not disturb the session's
        // SQLite locks: see s_openFiles in core/store/library.cpp).
        Library fresh;
        QVERIFY(fresh.open(path));
        QCOMPARE(scalar(fresh, u"SELECT count(*) FROM issues"_s), qint64(before + appFiles.size() + cliFiles.size()));
        QVERIFY(LibraryCheck::check(fresh).healthy());
    }
    QCOMPARE(scalar(window->session()->library(), u"SELECT count(*) FROM issues"_s),
             qint64(before + appFiles.size() + cliFiles.size()));
    QTRY_COMPARE_WITH_TIMEOUT(window->libraryModel()->issueCount(), int(before + appFiles.size() + cliFiles.size()),
                              10000);
    QVERIFY(LibraryCheck::check(window->session()->library()).healthy());

    // An import by another program alone: the open window shows the new issues within a few seconds.
    makeCopies(m_dir.filePath(u"later"_s), u"later-on"_s, 2);
    QProcess later;
    later.start(QStringLiteral(DUBAO_CLI_PATH), {u"import"_s, m_dir.filePath(u"later"_s), u"--library"_s, path});
    QVERIFY(later.waitForFinished(60000));
    QCOMPARE(later.exitCode(), 0);
    const int expected = int(before + appFiles.size() + cliFiles.size() + 2 * test::corpusFileCount());
    QTRY_COMPARE_WITH_TIMEOUT(window->libraryModel()->issueCount(), expected, 10000);
}

// Hostile text in tags, notes and notebooks (quotes, newlines, RTL marks, control characters, 100 kB): the
// window opens the library, shows the annotated article and its notes, and stays usable.
void TestMaintenance::hostileStrings_windowShowsThem()
{
    const QString path = freshLibrary(u"hostile.sqlite"_s);
    qint64 article = 0;
    {
        Library library;
        QVERIFY(library.open(path));
        QSqlQuery q(library.database());
        QVERIFY(q.exec(u"SELECT b.id, b.article_id FROM blocks b WHERE length(b.text) > 20 ORDER BY b.id LIMIT 1"_s));
        QVERIFY(q.next());
        const qint64 block = q.value(0).toLongLong();
        article = q.value(1).toLongLong();
        QString controls;
        for (char16_t c = 1; c < 32; ++c)
            controls += QChar(c);
        const QStringList hostile{u"\"quoted\" 'name'"_s,           u"line\nbreak"_s,
                                  u"\u202Eevil\u202C RTL \u200F"_s, controls,
                                  u"<b>not bold</b> & 'x'"_s,       QString(100 * 1024 / 3, u'字')};
        AnnotationRepository annotations(library);
        TagRepository tags(library);
        NotebookRepository notebooks(library);
        for (const QString &s : hostile) {
            const auto note = annotations.addNote(block, 0, s);
            QVERIFY2(note.valueOr(0) > 0, qPrintable(note.error().message()));
            if (const auto tag = tags.create(s.left(90)))
                QVERIFY(tags.addTagging(TagTarget::Article, tag->id, article).ok());
            (void)notebooks.create(s.left(200)); // some names are refused: that is part of the test
        }
        QVERIFY(annotations.addHighlight(block, 1, 5).valueOr(0) > 0);
    }
    auto window = openWindow(path);
    window->show();
    QVERIFY(window->showArticle(article));
    QTest::qWait(50);
    QVERIFY(window->checkLibrary(false).healthy());
    QVERIFY(window->nextArticle() || window->previousArticle());
    QVERIFY(window->showArticle(article));
}

void TestMaintenance::coreTexts_inChinese_checkSearchAndImportMessagesTranslated()
{
    const QString path = freshLibrary(u"check-zh.sqlite"_s);
    {
        Library library;
        QVERIFY(library.open(path));
        QSqlQuery q(library.database());
        QVERIFY(q.exec(u"DELETE FROM search_block_keys WHERE block_id IN (SELECT id FROM blocks LIMIT 3)"_s));
    }
    auto *chinese = new QTranslator(qApp);
    QVERIFY(chinese->load(QStringLiteral(DUBAO_QM_DIR "/dubao_zh_CN.qm")));
    QCoreApplication::installTranslator(chinese);
    QString text;
    {
        CheckDialog dialog(CheckDialog::onOwnConnection(path, false), false);
        QSignalSpy finished(&dialog, &CheckDialog::checkFinished);
        dialog.runCheck(false);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
        text = dialog.reportText();
    }
    // The search's messages, which the search panel shows, come from the core too.
    const QString searchMessage = QueryParser::parse(u"永川 OR"_s).messages.join(u' ');
    // And why a file was not imported (the Import Results list).
    const QString importReason = parseIssueBytes(QByteArray(" \n")).error;
    // Back to English before asserting, so a failure leaves nothing behind.
    for (QTranslator *translator : qApp->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
    // The core's problem text (LibraryCheck), not only the dialog's own words.
    QVERIFY2(text.contains(u"搜索索引已损坏"_s), qPrintable(text));
    QVERIFY2(!text.contains(u"search index"_s), qPrintable(text));
    QVERIFY2(searchMessage.contains(u"已忽略末尾的 OR"_s), qPrintable(searchMessage));
    QCOMPARE(importReason, u"空文件"_s);
    QCOMPARE(parseIssueBytes(QByteArray(" \n")).error, u"empty file"_s);                      // English again
    QVERIFY(QueryParser::parse(u"永川 OR"_s).messages.join(u' ').contains(u"trailing OR"_s)); // English again
}

QTEST_MAIN(TestMaintenance)
#include "tst_maintenance.moc"
