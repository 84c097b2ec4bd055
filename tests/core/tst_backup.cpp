// Backups (core/store/backup.h): names, pruning, the daily backup, the backup before a schema migration (of
// the old version), verification and restore (keeping what it replaces). `dubao-cli backup/restore`:
// tests/cli/tst_cli_maintenance.cpp.
#include "core/ingest/importer.h"
#include "core/store/backup.h"
#include "core/store/library.h"
#include "tests/support/scalar.h"
#include "tests/support/schemaversions.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace dubao;
using namespace Qt::StringLiterals;
using dubao::test::scalar;

namespace {

qint64 scalarOfFile(const QString &file, const QString &sql)
{
    Library library;
    if (!library.open(file))
        return -1;
    return scalar(library, sql);
}

void importCorpus(Library &library)
{
    const ImportReport report = Importer(library).importPaths({QStringLiteral(DUBAO_CORPUS_DIR)});
    QVERIFY(report.allOk());
    QVERIFY(!report.imported.isEmpty());
}

} // namespace

class TestBackup : public QObject
{
    Q_OBJECT

private slots:
    void create_namesFileInBackupsFolder_andCopiesEverything();
    void create_prunesToKeep();
    void ensureDaily_oncePerDay_notForEmptyLibrary();
    void open_oldSchema_backsUpOldVersionFirst();
    void verify_rejectsBadFiles();
    void restore_replacesLibrary_keepsCopy();
};

void TestBackup::create_namesFileInBackupsFolder_andCopiesEverything()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"library.sqlite"_s);
    Library library;
    QVERIFY(library.open(path));
    importCorpus(library);
    const auto file = Backup::create(library, u"manual"_s, 10);
    QVERIFY2(file, qPrintable(file.error().message()));
    QCOMPARE(QFileInfo(*file).absolutePath(), tmp.filePath(u"library.sqlite.backups"_s));
    QVERIFY(QRegularExpression(u"^library-\\d{8}T\\d{6}Z-manual\\.sqlite$"_s)
                .match(QFileInfo(*file).fileName())
                .hasMatch());
    QVERIFY(Backup::verify(*file));
    QCOMPARE(scalarOfFile(*file, u"SELECT count(*) FROM blocks"_s), scalar(library, u"SELECT count(*) FROM blocks"_s));
    const QList<BackupInfo> list = Backup::list(path);
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.front().reason, u"manual"_s);
    QCOMPARE(list.front().size, QFileInfo(*file).size());
    QVERIFY(qAbs(list.front().created.secsTo(QDateTime::currentDateTimeUtc())) < 60);
}

void TestBackup::create_prunesToKeep()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"lib.sqlite"_s);
    Library library;
    QVERIFY(library.open(path));
    QStringList made;
    for (int k = 0; k < 5; ++k) {
        const auto file = Backup::create(library, u"manual"_s, 3);
        QVERIFY(file);
        made << *file;
    }
    const QList<BackupInfo> list = Backup::list(path);
    QCOMPARE(list.size(), 3);
    // The newest three are kept (same second: the names are moved on by a second each).
    QCOMPARE(list.at(0).path, made.at(4));
    QCOMPARE(list.at(2).path, made.at(2));
    QVERIFY(!QFile::exists(made.at(0)));
}

void TestBackup::ensureDaily_oncePerDay_notForEmptyLibrary()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"lib.sqlite"_s);
    Library library;
    QVERIFY(library.open(path));
    auto made = Backup::ensureDaily(library);
    QVERIFY(made);
    QVERIFY2(made->isEmpty(), "an empty library needs no backup");
    importCorpus(library);
    made = Backup::ensureDaily(library);
    QVERIFY(made && !made->isEmpty());
    QCOMPARE(Backup::list(path).front().reason, u"daily"_s);
    made = Backup::ensureDaily(library);
    QVERIFY(made && made->isEmpty());
    QCOMPARE(Backup::list(path).size(), 1);
    // A backup older than a day does not count.
    const QString old =
        QDir(Backup::folderFor(path))
            .filePath(Backup::fileNameFor(path, QDateTime::currentDateTimeUtc().addDays(-2), u"daily"_s));
    QVERIFY(QFile::rename(Backup::list(path).front().path, old));
    made = Backup::ensureDaily(library);
    QVERIFY(made && !made->isEmpty());
    QCOMPARE(Backup::list(path).size(), 2);
}

void TestBackup::open_oldSchema_backsUpOldVersionFirst()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"old.sqlite"_s);
    qint64 blocks = 0;
    {
        // A schema-2 library: the current schema minus what version 3 added (the search index), as a library
        // made by Dubao before the search index existed.
        Library library;
        QVERIFY(library.open(path));
        importCorpus(library);
        blocks = scalar(library, u"SELECT count(*) FROM blocks"_s);
        QSqlQuery q(library.database());
        QStringList triggers, tables;
        QVERIFY(q.exec(u"SELECT type, name FROM sqlite_master WHERE name LIKE 'search\\_%' ESCAPE '\\' "
                       "AND (type = 'trigger' OR (type = 'table' AND (sql LIKE 'CREATE VIRTUAL%' "
                       "OR name NOT LIKE '%\\_data' ESCAPE '\\' AND name NOT LIKE '%\\_idx' ESCAPE '\\' "
                       "AND name NOT LIKE '%\\_docsize' ESCAPE '\\' AND name NOT LIKE '%\\_config' ESCAPE '\\' "
                       "AND name NOT LIKE '%\\_content' ESCAPE '\\')))"_s));
        while (q.next())
            (q.value(0).toString() == u"trigger"_s ? triggers : tables) << q.value(1).toString();
        QVERIFY(!tables.isEmpty());
        for (const QString &t : std::as_const(triggers))
            QVERIFY2(q.exec(u"DROP TRIGGER "_s + t), qPrintable(t));
        for (const QString &t : std::as_const(tables))
            QVERIFY2(q.exec(u"DROP TABLE IF EXISTS "_s + t), qPrintable(t));
        // And what version 4 added: uids, parser versions, lineage.
        QVERIFY(test::dropSchemaVersion4(library.database()));
        QVERIFY(q.exec(u"PRAGMA user_version = 2"_s));
        QCOMPARE(scalar(library, u"SELECT count(*) FROM sqlite_master WHERE name LIKE 'search%'"_s), 0);
    }
    QVERIFY(Backup::list(path).isEmpty());
    Library library;
    const Result<void> opened = library.open(path);
    QVERIFY2(opened, qPrintable(opened.error().message()));
    QCOMPARE(scalar(library, u"PRAGMA user_version"_s), qint64(Library::currentSchemaVersion()));
    // Version 4 gave every existing row a uid of its own.
    QCOMPARE(scalar(library, u"SELECT count(DISTINCT uid) FROM blocks WHERE length(uid) = 16"_s), blocks);
    QCOMPARE(scalar(library, u"SELECT count(*) FROM issues WHERE uid IS NULL OR parser_version <> 0"_s), 0);
    const QList<BackupInfo> backups = Backup::list(path);
    QCOMPARE(backups.size(), 1);
    QCOMPARE(backups.front().reason, u"migration-v%1"_s.arg(Library::currentSchemaVersion()));
    // The backup is the old version, whole.
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"oldcheck"_s);
        db.setDatabaseName(backups.front().path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"PRAGMA user_version"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 2);
        QVERIFY(q.exec(u"SELECT count(*) FROM blocks"_s) && q.next());
        QCOMPARE(q.value(0).toLongLong(), blocks);
        QVERIFY(q.exec(u"SELECT count(*) FROM sqlite_master WHERE name LIKE 'search%'"_s) && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
    }
    QSqlDatabase::removeDatabase(u"oldcheck"_s);
    const Result<void> verified = Backup::verify(backups.front().path);
    QVERIFY2(verified, qPrintable(verified.error().message()));
    // Opening again migrates nothing and backs up nothing.
    library.close();
    QVERIFY(library.open(path));
    QCOMPARE(Backup::list(path).size(), 1);
}

void TestBackup::verify_rejectsBadFiles()
{
    QTemporaryDir tmp;
    const QString text = tmp.filePath(u"text.sqlite"_s);
    {
        QFile f(text);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("hello, not a database\n");
    }
    const Result<void> notSqlite = Backup::verify(text);
    QVERIFY(!notSqlite);
    QVERIFY(notSqlite.error().message().contains(u"not an SQLite file"_s));
    QVERIFY(!Backup::verify(tmp.filePath(u"missing.sqlite"_s)));

    const QString other = tmp.filePath(u"other.sqlite"_s);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"other"_s);
        db.setDatabaseName(other);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"CREATE TABLE t (x)"_s));
        QVERIFY(q.exec(u"PRAGMA application_id = 42"_s));
        db.close();
    }
    QSqlDatabase::removeDatabase(u"other"_s);
    const Result<void> otherApplication = Backup::verify(other);
    QVERIFY(!otherApplication);
    QVERIFY(otherApplication.error().message().contains(u"application id"_s));

    const QString newer = tmp.filePath(u"newer.sqlite"_s);
    {
        Library library;
        QVERIFY(library.open(newer));
        QSqlQuery q(library.database());
        QVERIFY(q.exec(u"PRAGMA user_version = %1"_s.arg(Library::currentSchemaVersion() + 1)));
    }
    const Result<void> newerSchema = Backup::verify(newer);
    QVERIFY(!newerSchema);
    QVERIFY(newerSchema.error().message().contains(u"schema version"_s));
}

void TestBackup::restore_replacesLibrary_keepsCopy()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"lib.sqlite"_s);
    QString backup;
    qint64 issues = 0;
    {
        Library library;
        QVERIFY(library.open(path));
        importCorpus(library);
        issues = scalar(library, u"SELECT count(*) FROM issues"_s);
        const auto made = Backup::create(library, u"manual"_s);
        QVERIFY(made);
        backup = *made;
        QSqlQuery q(library.database());
        QVERIFY(q.exec(u"DELETE FROM issues WHERE id = (SELECT min(id) FROM issues)"_s));
        QCOMPARE(scalar(library, u"SELECT count(*) FROM issues"_s), issues - 1);
    }
    // A file that is not a library is refused and changes nothing.
    const QString bad = tmp.filePath(u"bad.sqlite"_s);
    QFile::copy(QStringLiteral(DUBAO_CORPUS_DIR) + u"/README.md"_s, bad);
    QVERIFY(!Backup::restore(bad, path, 10));
    QCOMPARE(scalarOfFile(path, u"SELECT count(*) FROM issues"_s), issues - 1);

    const Result<QString> restored = Backup::restore(backup, path, 10);
    QVERIFY2(restored, qPrintable(restored.error().message()));
    const QString kept = *restored;
    QVERIFY(QFile::exists(kept));
    QVERIFY(kept.contains(u"before-restore"_s));
    QCOMPARE(scalarOfFile(path, u"SELECT count(*) FROM issues"_s), issues);
    QCOMPARE(scalarOfFile(kept, u"SELECT count(*) FROM issues"_s), issues - 1);
    QVERIFY(Backup::verify(path));
}

QTEST_GUILESS_MAIN(TestBackup)
#include "tst_backup.moc"
