// A backup to send (Backup::makeSelfContained, `dubao-cli backup --to FILE`): one `.dubao-backup` file that holds its
// objects itself. Restored where there is no backups folder it gives the same issues, annotations and search results;
// a truncated or damaged copy is refused, naming it, and changes nothing. The CLI: tests/cli/tst_cli_maintenance.
#include "core/ingest/backuprestorer.h"
#include "core/ingest/importer.h"
#include "core/store/backup.h"
#include "core/store/backupobjects.h"
#include "core/store/library.h"
#include "core/store/tagrepository.h"
#include "tests/support/exportfixture.h"
#include "tests/support/libraryrows.h"
#include "tests/support/scalar.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace dubao;
using namespace Qt::StringLiterals;
using dubao::test::scalar;

namespace {

void importCorpus(Library &library)
{
    const ImportReport report = Importer(library).importPaths({QStringLiteral(DUBAO_CORPUS_DIR)});
    QVERIFY(report.allOk());
    QVERIFY(!report.imported.isEmpty());
}

} // namespace

class TestBackupSent : public QObject
{
    Q_OBJECT

private slots:
    void roundTripIntoFreshFolder_sameIssuesAnnotationsSearch();
    void truncatedOrCorrupt_refused_changesNothing();
    void cancelledOrKilled_leavesNoFile_nextSweepsThePartial();
};

void TestBackupSent::roundTripIntoFreshFolder_sameIssuesAnnotationsSearch()
{
    // One self-contained file, made to be copied or sent: restored on "another computer" (a folder with no
    // backups folder, no objects.sqlite and no library) it gives the same issues, annotations and search results.
    test::ExportFixture fixture;
    QString error;
    QVERIFY2(fixture.setUp(&error), qPrintable(error));
    Library &library = *fixture.library;
    importCorpus(library);
    const QStringList before = test::libraryRows(library);
    QVERIFY(before.size() > 200);

    const QString sent = fixture.dir->filePath(u"to send.dubao-backup"_s);
    Backup::Options options;
    options.reason = u"sent"_s;
    qint64 lastDone = 0;
    options.progress = [&](qint64 done, qint64 total) {
        QVERIFY(done > lastDone && done <= total);
        lastDone = done;
    };
    const Result<BackupMade> made = Backup::makeSelfContained(library.path(), sent, options);
    QVERIFY2(made, qPrintable(made.error().message()));
    QCOMPARE(made->path, QFileInfo(sent).absoluteFilePath());
    QVERIFY(lastDone > 0);
    QVERIFY(made->write.newObjects > 5); // the issue files and the issue lists, in the file itself
    QVERIFY(!QFileInfo::exists(BackupObjects::fileIn(Backup::folderFor(library.path()))));
    const Result<BackupContents> contents = backupmanifest::contents(sent);
    QVERIFY(contents && contents->selfContained);
    QCOMPARE(contents->counts.value(u"issues"_s), scalar(library, u"SELECT count(*) FROM issues"_s));
    QCOMPARE(contents->counts.value(u"highlights"_s), scalar(library, u"SELECT count(*) FROM highlights"_s));
    QCOMPARE(Backup::objectsFileOf(sent), sent);
    // An existing file is not overwritten unless asked.
    const QByteArray bytes = [&] {
        QFile f(sent);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();
    const Result<BackupMade> again = Backup::makeSelfContained(library.path(), sent, options);
    QVERIFY(!again);
    QVERIFY2(again.error().message().contains(u"exists"_s), qPrintable(again.error().message()));
    QFile check(sent);
    QVERIFY(check.open(QIODevice::ReadOnly));
    QCOMPARE(check.readAll(), bytes);
    check.close();
    QVERIFY(!Backup::makeSelfContained(library.path(), library.path(), options, true)); // never over the library

    QTemporaryDir elsewhere;
    const QString received = elsewhere.filePath(u"received.dubao-backup"_s);
    QVERIFY(QFile::copy(sent, received));
    QVERIFY(Backup::verify(received));
    const QString target = elsewhere.filePath(u"library.sqlite"_s);
    const Result<RestoreReport> restored = BackupRestorer::restore(received, target);
    QVERIFY2(restored, qPrintable(restored.error().message()));
    QVERIFY(restored->keptCopy.isEmpty()); // there was no library to keep
    QCOMPARE(restored->orphaned, 0);
    Library back;
    QVERIFY(back.open(target));
    const QStringList after = test::libraryRows(back);
    for (qsizetype k = 0; k < qMin(before.size(), after.size()); ++k)
        QCOMPARE(after.at(k), before.at(k));
    QCOMPARE(after.size(), before.size());
    QVERIFY(!QFileInfo::exists(Backup::folderFor(target) + u"/objects.sqlite"_s));
}

void TestBackupSent::truncatedOrCorrupt_refused_changesNothing()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"lib.sqlite"_s);
    QString sent = tmp.filePath(u"sent.dubao-backup"_s);
    {
        Library library;
        QVERIFY(library.open(path));
        importCorpus(library);
        const Result<BackupMade> made = Backup::makeSelfContained(path, sent, {});
        QVERIFY2(made, qPrintable(made.error().message()));
    }
    QFile whole(sent);
    QVERIFY(whole.open(QIODevice::ReadOnly));
    const QByteArray bytes = whole.readAll();
    whole.close();
    QVERIFY(bytes.size() > 20 * 1024);

    // The library the user has: it must come out of every refused restore byte for byte as it went in.
    const QString other = tmp.filePath(u"other/library.sqlite"_s);
    QVERIFY(QDir().mkpath(tmp.filePath(u"other"_s)));
    {
        Library library;
        QVERIFY(library.open(other));
        QVERIFY(TagRepository(library).create(u"我的标签"_s));
    }
    auto fileBytes = [](const QString &file) {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    const QByteArray otherBefore = fileBytes(other);
    QVERIFY(!otherBefore.isEmpty());

    QByteArray truncated = bytes.left(bytes.size() / 2);
    QByteArray corrupt = bytes;
    for (qsizetype k = bytes.size() * 6 / 10; k < bytes.size() * 6 / 10 + 512; ++k)
        corrupt[k] = char(~corrupt[k]); // inside the objects' pages
    QByteArray header = bytes;
    header.replace(0, 16, QByteArray(16, 'x'));
    for (const auto &[name, damaged] :
         {std::pair{u"truncated"_s, truncated}, std::pair{u"corrupt"_s, corrupt}, std::pair{u"not sqlite"_s, header}}) {
        const QString file = tmp.filePath(name + u".dubao-backup"_s);
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(damaged);
        f.close();
        const Result<RestoreReport> restored = BackupRestorer::restore(file, other);
        QVERIFY2(!restored, qPrintable(name));
        const QString message = restored.error().message();
        const QString expected = name == u"not sqlite"_s ? u"not an SQLite file"_s : u"damaged"_s;
        QVERIFY2(message.contains(file) && message.contains(expected), qPrintable(name + u": "_s + message));
        QCOMPARE(fileBytes(other), otherBefore);
        QVERIFY2(!QFileInfo::exists(Backup::folderFor(other)), qPrintable(name)); // not even a before-restore copy
        const QStringList left = QDir(tmp.filePath(u"other"_s)).entryList(QDir::Files | QDir::Hidden);
        QVERIFY2(left.filter(u"restoring"_s).isEmpty(), qPrintable(left.join(u", "_s)));
    }
}

void TestBackupSent::cancelledOrKilled_leavesNoFile_nextSweepsThePartial()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"lib.sqlite"_s);
    Library library;
    QVERIFY(library.open(path));
    importCorpus(library);
    const QString sent = tmp.filePath(u"sent.dubao-backup"_s);
    auto files = [&] {
        return QDir(tmp.path()).entryList({u"sent*"_s}, QDir::Files | QDir::Hidden);
    };
    // Cancelled: nothing is written, nothing is left.
    std::atomic_bool cancel{true};
    Backup::Options options;
    options.cancel = &cancel;
    const Result<BackupMade> cancelled = Backup::makeSelfContained(path, sent, options);
    QVERIFY(cancelled);
    QVERIFY(cancelled->write.cancelled);
    QVERIFY(cancelled->path.isEmpty());
    QVERIFY2(files().isEmpty(), qPrintable(files().join(u", "_s)));
    // A killed one (a process id that no longer runs) left its partial file and journal: the next backup to that
    // name removes them; a running process's partial is left alone.
    const qint64 gone = 0x7ffffff0;
    const QString killed = sent + u".partial-%1-1"_s.arg(gone);
    const QString running = sent + u".partial-%1-7"_s.arg(QCoreApplication::applicationPid());
    for (const QString &f : QStringList{killed, killed + u"-journal"_s, running}) {
        QFile file(f);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("partial");
    }
    const Result<BackupMade> made = Backup::makeSelfContained(path, sent, {});
    QVERIFY2(made, qPrintable(made.error().message()));
    QCOMPARE(made->swept.size(), 2);
    QCOMPARE(files(), (QStringList{u"sent.dubao-backup"_s, QFileInfo(running).fileName()}));
}

QTEST_GUILESS_MAIN(TestBackupSent)
#include "tst_backup_sent.moc"
