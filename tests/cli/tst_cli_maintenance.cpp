// dubao-cli's commands that keep a library safe, as a process on a real library file: backup and restore (the
// daily backup before a write, a library the app holds refused), check [--repair] [--json] with its exit codes,
// and a read-only library file (reads work, writes fail saying why). The API underneath: tests/core/tst_backup,
// tst_librarycheck and tst_fulldisk.
#include "core/store/annotationrepository.h"
#include "core/store/backup.h"
#include "core/store/library.h"
#include "tests/support/cliprocess.h"
#include "tests/support/corpuslibrary.h"
#include "tests/support/scalar.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using namespace dubao;
using namespace Qt::StringLiterals;

class TestCliMaintenance : public QObject
{
    Q_OBJECT

private slots:
    void backupAndRestore();
    void backupToFile_selfContained_restoredElsewhere();
    void everyCommandThatWritesWork_makesTheDailyBackupFirst();
    void backupThatCannotBeWritten_changesNothing_saysSo();
    void check_exitCodesAndJson();
    void readOnlyFile_readsWorkWritesFail();
};

void TestCliMaintenance::backupAndRestore()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"my library.sqlite"_s);
    auto cli = [&](const QStringList &args, QString *out = nullptr) {
        const test::CliRun r = test::runCli(args + QStringList{u"--library"_s, path});
        if (out)
            *out = QString::fromUtf8(r.out).trimmed();
        return r.code;
    };
    QCOMPARE(cli({u"import"_s, QStringLiteral(DUBAO_CORPUS_DIR)}), 0);
    QString out;
    QVERIFY2(Backup::list(path).isEmpty(), "the library was empty before the import: nothing to back up");
    QCOMPARE(cli({u"tag"_s, u"add"_s, u"旧"_s}), 0); // a write: the daily backup is taken first
    QCOMPARE(Backup::list(path).size(), 1);
    QCOMPARE(Backup::list(path).front().reason, u"daily"_s);
    QCOMPARE(cli({u"tag"_s, u"list"_s}, &out), 0); // not a write
    QCOMPARE(cli({u"backups"_s}, &out), 0);        // when, why, what it holds
    QVERIFY2(out.contains(u"daily"_s) && out.contains(u"5 issues"_s) && out.contains(u"0 tags"_s), qPrintable(out));
    QVERIFY2(out.contains(u"objects.sqlite"_s), qPrintable(out));
    QCOMPARE(cli({u"backup"_s}, &out), 0);
    QVERIFY2(QFile::exists(out), qPrintable(out));
    QVERIFY(out.contains(u"-manual.dubao-backup"_s));
    const QString backup = out;
    QCOMPARE(cli({u"tag"_s, u"add"_s, u"测试"_s}), 0); // the daily backup is already made today
    QCOMPARE(Backup::list(path).size(), 2);
    {
        // The app has the library open (LibrarySession's lock file): refused, nothing changes.
        QLockFile appLock(path + u".lock"_s);
        QVERIFY(appLock.tryLock(0));
        QCOMPARE(cli({u"restore"_s, backup}, &out), 1);
    }
    QCOMPARE(cli({u"restore"_s, backup}, &out), 0);
    QVERIFY(out.contains(u"before-restore"_s));
    QCOMPARE(cli({u"tag"_s, u"list"_s}, &out), 0);
    QVERIFY(!out.contains(u"测试"_s));
    QCOMPARE(cli({u"restore"_s, tmp.filePath(u"nothing.sqlite"_s)}, &out), 1);
    QCOMPARE(cli({u"restore"_s}, &out), 2);
}

void TestCliMaintenance::backupToFile_selfContained_restoredElsewhere()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"library.sqlite"_s);
    auto cli = [&](const QStringList &args, const QString &library, QString *out = nullptr, QString *err = nullptr) {
        const test::CliRun r = test::runCli(args + QStringList{u"--library"_s, library});
        if (out)
            *out = QString::fromUtf8(r.out).trimmed();
        if (err)
            *err = QString::fromUtf8(r.err).trimmed();
        return r.code;
    };
    QString out;
    QString err;
    QCOMPARE(cli({u"import"_s, QStringLiteral(DUBAO_CORPUS_DIR)}, path), 0);
    QCOMPARE(cli({u"tag"_s, u"add"_s, u"寄出"_s}, path), 0);
    const QString sent = tmp.filePath(u"for a colleague.dubao-backup"_s);
    QCOMPARE(cli({u"backup"_s, u"--to"_s, sent}, path, &out), 0);
    QVERIFY2(out.contains(u"self-contained"_s) && out.contains(u"dubao-cli restore"_s), qPrintable(out));
    QVERIFY(QFile::exists(sent));
    // Refused when it exists (nothing written), unless --force.
    QCOMPARE(cli({u"backup"_s, u"--to"_s, sent}, path, &out, &err), 1);
    QVERIFY2(err.contains(u"exists"_s), qPrintable(err));
    QCOMPARE(cli({u"backup"_s, u"--to"_s, sent, u"--force"_s, u"--json"_s}, path, &out), 0);
    const QJsonObject made = QJsonDocument::fromJson(out.toUtf8()).object();
    QVERIFY2(made.value(u"selfContained"_s).toBool(), qPrintable(out));
    QCOMPARE(made.value(u"size"_s).toInteger(), QFileInfo(sent).size());
    QCOMPARE(cli({u"backup"_s, u"--to"_s}, path), 2);
    // What it holds, and that it needs nothing else.
    QCOMPARE(cli({u"backups"_s, sent}, path, &out), 0);
    QVERIFY2(out.contains(u"5 issues"_s) && out.contains(u"1 tags"_s) && out.contains(u"self-contained"_s) &&
                 out.contains(u"sent"_s),
             qPrintable(out));
    QCOMPARE(cli({u"backups"_s, sent, u"--json"_s}, path, &out), 0);
    const QJsonObject listed = QJsonDocument::fromJson(out.toUtf8()).object();
    const QJsonObject entry = listed.value(u"backups"_s).toArray().first().toObject();
    QVERIFY2(entry.value(u"selfContained"_s).toBool(), qPrintable(out));
    QCOMPARE(entry.value(u"size"_s).toInteger(), QFileInfo(sent).size());
    QCOMPARE(entry.value(u"holds"_s).toObject().value(u"issues"_s).toInt(), 5);

    // The stock sqlite3 reads it: its table of contents, and an issue's original bytes (gzip).
    QProcess sqlite;
    sqlite.start(u"sqlite3"_s, {sent, u"SELECT value FROM backup WHERE key = 'objects'; "
                                      "SELECT count(*) FROM objects WHERE kind = 'source';"_s});
    QVERIFY(sqlite.waitForFinished(30000));
    QCOMPARE(QString::fromUtf8(sqlite.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts),
             (QStringList{u"self"_s, u"5"_s}));

    // On another computer: a folder with nothing but the file.
    QTemporaryDir elsewhere;
    const QString received = elsewhere.filePath(u"received.dubao-backup"_s);
    QVERIFY(QFile::copy(sent, received));
    const QString fresh = elsewhere.filePath(u"library.sqlite"_s);
    QCOMPARE(cli({u"restore"_s, received}, fresh, &out, &err), 0);
    QVERIFY2(out.contains(u"restored"_s), qPrintable(out + err));
    QCOMPARE(cli({u"tag"_s, u"list"_s}, fresh, &out), 0);
    QVERIFY2(out.contains(u"寄出"_s), qPrintable(out));
    QCOMPARE(cli({u"search"_s, u"会议"_s, u"--json"_s}, fresh, &out), 0);
    QString there;
    QCOMPARE(cli({u"search"_s, u"会议"_s, u"--json"_s}, path, &there), 0);
    QCOMPARE(out, there);
    QVERIFY(!out.isEmpty());
    // A damaged copy is refused, naming it, and the library stays as it is.
    QFile damaged(received);
    QVERIFY(damaged.resize(QFileInfo(received).size() / 3));
    QCOMPARE(cli({u"restore"_s, received}, fresh, &out, &err), 1);
    QVERIFY2(err.contains(received) && err.contains(u"nothing was restored"_s), qPrintable(err));
    QCOMPARE(cli({u"tag"_s, u"list"_s}, fresh, &out), 0);
    QVERIFY2(out.contains(u"寄出"_s), qPrintable(out));
}

void TestCliMaintenance::everyCommandThatWritesWork_makesTheDailyBackupFirst()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"lib.sqlite"_s);
    auto cli = [&](const QStringList &args) {
        const test::CliRun r = test::runCli(args + QStringList{u"--library"_s, path});
        if (r.code != 0)
            qWarning("%s: %s", qPrintable(args.join(u' ')), r.err.constData());
        return r.code;
    };
    QCOMPARE(cli({u"import"_s, QStringLiteral(DUBAO_CORPUS_DIR)}), 0);
    QCOMPARE(cli({u"tag"_s, u"add"_s, u"旧"_s}), 0);
    QCOMPARE(Backup::list(path).size(), 1);
    QString publication, person;
    qint64 block = 0;
    {
        Library library;
        QVERIFY(library.open(path));
        QSqlQuery q(library.database());
        QVERIFY(q.exec(u"SELECT name FROM publications ORDER BY id LIMIT 1"_s) && q.next());
        publication = q.value(0).toString();
        QVERIFY(q.exec(u"SELECT p.name, a.block_id FROM appearances a JOIN persons p ON p.id = a.person_id "
                       "ORDER BY a.id LIMIT 1"_s) &&
                q.next());
        person = q.value(0).toString();
        block = q.value(1).toLongLong();
    }
    // The next day: each backup so far made two days ago, so the next write makes the daily backup first. Each
    // command below changes the user's work, so each next one finds something to back up.
    const auto nextDay = [&] {
        const QDir folder(Backup::folderFor(path));
        const QList<BackupInfo> backups = Backup::list(path);
        for (auto it = backups.crbegin(); it != backups.crend(); ++it) { // oldest first: no name is taken twice
            const BackupInfo &backup = *it;
            const QString name = QFileInfo(backup.path).fileName();
            const QString made = backup.created.toString(u"yyyyMMddTHHmmssZ"_s);
            const QString earlier = backup.created.addDays(-2).toString(u"yyyyMMddTHHmmssZ"_s);
            QVERIFY(name.contains(made));
            QVERIFY(QFile::rename(backup.path, folder.filePath(QString(name).replace(made, earlier))));
        }
    };
    const QList<QStringList> writes{
        {u"correct"_s, QString::number(block), u"--start"_s, u"0"_s, u"--end"_s, u"1"_s, u"--text"_s, u"正"_s},
        {u"people"_s, u"false-hit"_s, person, u"--block"_s, QString::number(block)},
        {u"reuse"_s, u"--source"_s, publication},
        {u"people"_s, u"undo"_s, u"1"_s},
        {u"uncorrect"_s, u"1"_s},
    };
    // Reading commands make none, even on the next day.
    nextDay();
    QCOMPARE(cli({u"people"_s}), 0);
    QCOMPARE(cli({u"people"_s, u"edits"_s}), 0);
    QCOMPARE(Backup::list(path).size(), 1);
    for (const QStringList &command : writes) {
        nextDay();
        const qsizetype before = Backup::list(path).size();
        QCOMPARE(cli(command), 0);
        QVERIFY2(Backup::list(path).size() == before + 1, qPrintable(command.join(u' ')));
        QCOMPARE(Backup::list(path).front().reason, u"daily"_s);
    }
}

void TestCliMaintenance::backupThatCannotBeWritten_changesNothing_saysSo()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"lib.sqlite"_s);
    auto cli = [&](const QStringList &args) {
        return test::runCli(args + QStringList{u"--library"_s, path}).code;
    };
    QCOMPARE(cli({u"import"_s, QStringLiteral(DUBAO_CORPUS_DIR)}), 0);
    QCOMPARE(cli({u"backup"_s}), 0);
    QCOMPARE(cli({u"tag"_s, u"add"_s, u"新"_s}), 0);
    {
        // A long note of random characters: its chunk (about 70 KB compressed) makes objects.sqlite grow.
        Library library;
        QVERIFY(library.open(path));
        QString text;
        QRandomGenerator random(13);
        for (int k = 0; k < 40000; ++k)
            text += QChar(char16_t(0x4e00 + random.bounded(20000)));
        const qint64 block = test::scalar(library, u"SELECT min(id) FROM blocks"_s);
        QVERIFY(AnnotationRepository(library).addNote(block, 0, text));
    }
    // Every file of the library and its backups folder, with a hash of its bytes.
    const auto files = [&] {
        QStringList result;
        for (const QString &dir : {tmp.path(), Backup::folderFor(path)})
            for (const QFileInfo &file : QDir(dir).entryInfoList(QDir::Files | QDir::Hidden)) {
                QFile f(file.filePath());
                result << file.fileName() + u' ' +
                              (f.open(QIODevice::ReadOnly)
                                   ? QString::fromLatin1(
                                         QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex())
                                   : u"?"_s);
            }
        return result;
    };
    const QStringList before = files();
    // The next backup cannot be written: no file of this process may grow past 60 KB (objects.sqlite must, for the
    // note's chunk), as a disk that fills up during the backup.
    QProcess process;
    process.setChildProcessModifier([] {
        ::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{60000, 60000};
        ::setrlimit(RLIMIT_FSIZE, &limit);
    });
    process.start(QStringLiteral(DUBAO_CLI_PATH), {u"backup"_s, u"--library"_s, path});
    QVERIFY(process.waitForFinished(60000));
    const QString err = QString::fromUtf8(process.readAllStandardError());
    QCOMPARE(process.exitCode(), 1);
    QVERIFY2(err.contains(u"no backup was made, the library and the earlier backups are unchanged"_s), qPrintable(err));
    QCOMPARE(files(), before);
    QCOMPARE(Backup::list(path).size(), 1);
    QCOMPARE(cli({u"backup"_s}), 0); // and the next one, with room, is made
    QCOMPARE(Backup::list(path).size(), 2);
}

void TestCliMaintenance::check_exitCodesAndJson()
{
    // The corpus with a highlight and a note on it.
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"library.sqlite"_s);
    const QString built = test::buildCorpusLibrary(path);
    QVERIFY2(built.isEmpty(), qPrintable(built));
    qint64 highlight = 0;
    {
        Library library;
        QVERIFY(library.open(path));
        const qint64 block = test::scalar(library, u"SELECT min(id) FROM blocks WHERE length(text) > 20"_s);
        const Result<qint64> added = AnnotationRepository(library).addHighlight(block, 2, 10, {});
        QVERIFY2(added, qPrintable(added.error().message()));
        highlight = *added;
        const Result<qint64> note = AnnotationRepository(library).addNote(block, highlight, u"一条笔记"_s);
        QVERIFY2(note, qPrintable(note.error().message()));
    }
    auto cli = [&](const QStringList &args, QByteArray *out = nullptr) {
        const test::CliRun r = test::runCli(args + QStringList{u"--library"_s, path});
        if (out)
            *out = r.out;
        return r.code;
    };
    QByteArray out;
    QCOMPARE(cli({u"check"_s}, &out), 0);
    QVERIFY(out.contains("healthy"));
    QVERIFY(out.contains("Quick check:")); // says what it left out
    QCOMPARE(cli({u"check"_s, u"--full"_s, u"--json"_s}, &out), 0);
    {
        const QJsonObject full = QJsonDocument::fromJson(out).object();
        QCOMPARE(full.value(u"full"_s).toBool(), true);
        QVERIFY(full.value(u"scope"_s).toString().startsWith(u"Full check"_s));
        QVERIFY(full.value(u"seconds"_s).toDouble(-1) >= 0);
    }
    {
        Library library;
        QVERIFY(library.open(path));
        QSqlQuery q(library.database());
        QVERIFY(q.exec(u"UPDATE highlights SET \"end\" = 100000 WHERE id = %1"_s.arg(highlight)));
    }
    QCOMPARE(cli({u"check"_s, u"--json"_s}, &out), 1);
    const QJsonObject o = QJsonDocument::fromJson(out).object();
    QCOMPARE(o.value(u"healthy"_s).toBool(true), false);
    QCOMPARE(o.value(u"problems"_s).toArray().size(), 1);
    QCOMPARE(cli({u"check"_s, u"--repair"_s}, &out), 0);
    QVERIFY(out.contains("repaired"));
    QCOMPARE(cli({u"check"_s}, &out), 0);
    QCOMPARE(cli({u"check"_s, u"extra"_s}, &out), 2);
}

void TestCliMaintenance::readOnlyFile_readsWorkWritesFail()
{
    QTemporaryDir tmp;
    // Issues not in the library yet, to try to import.
    const QString files = tmp.filePath(u"issues"_s);
    QCOMPARE(test::writeCorpusCopies(files, 1).size(), test::corpusFileCount());
    const QString path = tmp.filePath(u"ro cli.sqlite"_s);
    auto cli = [&](const QStringList &args, QString *out = nullptr, QString *err = nullptr) {
        const test::CliRun r = test::runCli(args + QStringList{u"--library"_s, path});
        if (out)
            *out = QString::fromUtf8(r.out);
        if (err)
            *err = QString::fromUtf8(r.err);
        return r.code;
    };
    QCOMPARE(cli({u"import"_s, QStringLiteral(DUBAO_CORPUS_DIR)}), 0);
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    QString out, err;
    QCOMPARE(cli({u"tag"_s, u"add"_s, u"x"_s}, &out, &err), 1);
    QVERIFY2(err.contains(u"read-only"_s), qPrintable(err));
    QCOMPARE(cli({u"note"_s, u"add"_s, u"--block"_s, u"1"_s, u"--text"_s, u"x"_s}, &out, &err), 1);
    QVERIFY2(err.contains(u"read-only"_s), qPrintable(err));
    QCOMPARE(cli({u"import"_s, files}, &out, &err), 1);
    QVERIFY(err.contains(u"read-only"_s));
    QCOMPARE(cli({u"correct"_s, u"1"_s, u"--start"_s, u"0"_s, u"--end"_s, u"1"_s, u"--text"_s, u"x"_s}, &out, &err), 1);
    QVERIFY2(err.contains(u"read-only"_s), qPrintable(err));
    QCOMPARE(cli({u"people"_s}, &out), 0); // a listing reads
    QCOMPARE(cli({u"people"_s, u"false-hit"_s, u"x"_s}, &out, &err), 1);
    QVERIFY2(err.contains(u"read-only"_s), qPrintable(err));
    QCOMPARE(cli({u"list"_s}, &out), 0);
    QVERIFY(out.contains(u"issue"_s));
    QCOMPARE(cli({u"tag"_s, u"list"_s}, &out), 0);
    QCOMPARE(cli({u"check"_s}, &out), 0);
    QCOMPARE(cli({u"check"_s, u"--repair"_s}, &out, &err), 1);
    QVERIFY(err.contains(u"read-only"_s));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

QTEST_GUILESS_MAIN(TestCliMaintenance)
#include "tst_cli_maintenance.moc"
