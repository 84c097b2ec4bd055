// Backups (core/store/backup.h): names, pruning, the daily backup and its change counter, objects shared across
// backups, the sweep of partial files, the backup before a schema migration (of the old version), verification,
// and the restore round trip (core/ingest/backuprestorer.h): the same issues, articles, blocks, annotations on the
// same words and search results. `dubao-cli backup/restore`: tests/cli/tst_cli_maintenance.cpp.
#include "core/analysis/peopleindex.h"
#include "core/ingest/backuprestorer.h"
#include "core/ingest/importer.h"
#include "core/reuse/reuseindex.h"
#include "core/search/searchservice.h"
#include "core/store/annotationrepository.h"
#include "core/store/backup.h"
#include "core/store/backupobjects.h"
#include "core/store/bareconnection.h"
#include "core/store/library.h"
#include "core/store/schema.h"
#include "core/store/tagrepository.h"
#include "tests/support/exportfixture.h"
#include "tests/support/libraryrows.h"
#include "tests/support/sampleissue.h"
#include "tests/support/scalar.h"
#include "tests/support/schemaversions.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLockFile>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
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

QString scalarText(Library &library, const QString &sql)
{
    QSqlQuery q(library.database());
    return q.exec(sql) && q.next() ? q.value(0).toString() : QString();
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
    void open_v13ChangesNothingHere_v14KeepsTheCopy();
    void verify_rejectsBadFiles();
    void restore_replacesLibrary_keepsCopy();
    void roundTrip_sameRowsAnnotationsAndSearch();
    void restoreByNewerParser_annotationsFollowTheirText();
    void nextBackup_sharesObjects_nothingChanged_writesNothing();
    void peopleEditsAndReferenceCollections_makeTheNextBackup_andComeBack();
    void cancelled_leavesNothing();
    void sweep_removesPartialsOfEndedProcessesOnly();
    void emptyLockOfAKilledProcess_takenOver_heldLockNot();
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
    QVERIFY(QRegularExpression(u"^library-\\d{8}T\\d{6}Z-manual\\.dubao-backup$"_s)
                .match(QFileInfo(*file).fileName())
                .hasMatch());
    const Result<void> verified = Backup::verify(*file);
    QVERIFY2(verified, qPrintable(verified.error().message()));
    const Result<BackupContents> contents = backupmanifest::contents(*file);
    QVERIFY(contents);
    QCOMPARE(contents->counts.value(u"blocks"_s), scalar(library, u"SELECT count(*) FROM blocks"_s));
    QCOMPARE(contents->counts.value(u"issues"_s), scalar(library, u"SELECT count(*) FROM issues"_s));
    // The original bytes compressed, in the folder's shared objects, readable with gunzip.
    QVERIFY(QFile::exists(tmp.filePath(u"library.sqlite.backups/objects.sqlite"_s)));
    QVERIFY(QFileInfo(tmp.filePath(u"library.sqlite.backups/objects.sqlite"_s)).size() <
            scalar(library, u"SELECT sum(size) FROM source_files"_s));
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
    // ... but nothing changed since: no backup, nothing written.
    const QDateTime objectsTime = QFileInfo(BackupObjects::fileIn(Backup::folderFor(path))).lastModified();
    made = Backup::ensureDaily(library);
    QVERIFY(made && made->isEmpty());
    QCOMPARE(Backup::list(path).size(), 1);
    QCOMPARE(QFileInfo(BackupObjects::fileIn(Backup::folderFor(path))).lastModified(), objectsTime);
    QVERIFY(TagRepository(library).create(u"新标签"_s));
    made = Backup::ensureDaily(library);
    QVERIFY(made && !made->isEmpty());
    QCOMPARE(Backup::list(path).size(), 2);
}

void TestBackup::open_v13ChangesNothingHere_v14KeepsTheCopy()
{
    // Version 13 changes nothing in an SQLite library (the team library's search index), nor does 16 (its people
    // index; 15 is reserved for another branch's step), nor 18 (its text reuse), nor 19 (its re-anchored taggings'
    // makers): their step is the one Library::open() knows needs no copy; a v12 library still gets one copy, for
    // version 14 (the people index's appearances without their sentence), and upgrades whole.
    const QList<schema::RegisteredStep> steps = schema::steps(Library::currentSchemaVersion());
    QVERIFY(steps.size() >= 16);
    QVERIFY(steps.at(12).step == &schema::unchangedOnSQLite);
    QVERIFY(steps.at(15).step == &schema::unchangedOnSQLite);
    for (const schema::RegisteredStep &step : steps)
        QVERIFY2(step.version == 13 || step.version == 15 || step.version == 16 || step.version == 18 ||
                     step.version == 19 || step.version == 21 || step.step != &schema::unchangedOnSQLite,
                 qPrintable(QString::number(step.version)));
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"v12.sqlite"_s);
    {
        Library library;
        QVERIFY(library.open(path));
        QVERIFY(test::importSampleIssue(library));
        QVERIFY(test::dropSchemaVersion14(library.database()));
        QSqlQuery q(library.database());
        QVERIFY(q.exec(u"PRAGMA user_version = 12"_s));
    }
    QVERIFY(Backup::list(path).isEmpty());
    {
        Library library;
        const Result<void> opened = library.open(path);
        QVERIFY2(opened, qPrintable(opened.error().message()));
        QCOMPARE(scalar(library, u"PRAGMA user_version"_s), qint64(Library::currentSchemaVersion()));
    }
    QCOMPARE(Backup::list(path).size(), 1);
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
        // And what versions 4 to 6 added: uids, parser versions, lineage, change counters, the people index.
        QVERIFY(test::dropSchemaVersions5To8(library.database()));
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

    QVERIFY(!BackupRestorer::restore(bad, path));
    // Cancelled after its first issues: the library is as it was, and nothing is left beside it.
    std::atomic_bool cancel{false};
    RestoreOptions stopping;
    stopping.cancel = &cancel;
    stopping.progress = [&](qint64, qint64) {
        cancel = true;
    };
    const Result<RestoreReport> cancelled = BackupRestorer::restore(backup, path, stopping);
    QVERIFY(cancelled && cancelled->cancelled);
    QCOMPARE(scalarOfFile(path, u"SELECT count(*) FROM issues"_s), issues - 1);
    QCOMPARE(QDir(tmp.path()).entryList(QDir::Files).filter(u"restoring"_s), QStringList());
    QCOMPARE(Backup::list(path).size(), 1); // no before-restore backup either
    const Result<RestoreReport> restored = BackupRestorer::restore(backup, path);
    QVERIFY2(restored, qPrintable(restored.error().message()));
    const QString kept = restored->keptCopy;
    QVERIFY(QFile::exists(kept));
    QVERIFY(kept.contains(u"before-restore"_s));
    QCOMPARE(restored->issues, issues);
    QCOMPARE(scalarOfFile(path, u"SELECT count(*) FROM issues"_s), issues);
    QCOMPARE(backupmanifest::contents(kept)->counts.value(u"issues"_s), issues - 1);
    QVERIFY(Backup::verify(path));
    QVERIFY(!QFileInfo::exists(path + u".restoring-%1"_s.arg(QCoreApplication::applicationPid())));
}

void TestBackup::roundTrip_sameRowsAnnotationsAndSearch()
{
    test::ExportFixture fixture;
    QString error;
    QVERIFY2(fixture.setUp(&error), qPrintable(error));
    Library &library = *fixture.library;
    importCorpus(library);
    // Ids that are not what a fresh import would give: an issue deleted in between.
    QSqlQuery q(library.database());
    QVERIFY(q.exec(u"DELETE FROM source_files WHERE id = (SELECT max(source_file_id) FROM issues)"_s));
    QCOMPARE(Importer(library).importPaths({QStringLiteral(DUBAO_CORPUS_DIR)}).imported.size(), 1);
    const QStringList before = test::libraryRows(library);
    QVERIFY(before.size() > 200);

    const Result<QString> backup = Backup::create(library, u"manual"_s);
    QVERIFY2(backup, qPrintable(backup.error().message()));
    const QString restoredPath = fixture.dir->filePath(u"restored.sqlite"_s);
    qint64 lastDone = 0, reports = 0;
    RestoreOptions options;
    options.progress = [&](qint64 done, qint64 total) {
        QVERIFY(done > lastDone && done <= total);
        lastDone = done;
        ++reports;
    };
    const Result<RestoreReport> rebuilt = BackupRestorer::rebuild(*backup, restoredPath, options);
    QVERIFY2(rebuilt, qPrintable(rebuilt.error().message()));
    QCOMPARE(rebuilt->issues, scalar(library, u"SELECT count(*) FROM issues"_s));
    QCOMPARE(rebuilt->newShapes, 0);
    QCOMPARE(rebuilt->orphaned, 0);
    QCOMPARE(lastDone, rebuilt->issues);
    QVERIFY(reports > 0);
    Library restored;
    QVERIFY(restored.open(restoredPath));
    const QStringList after = test::libraryRows(restored);
    for (qsizetype k = 0; k < qMin(before.size(), after.size()); ++k)
        QCOMPARE(after.at(k), before.at(k));
    QCOMPARE(after.size(), before.size());
}

void TestBackup::restoreByNewerParser_annotationsFollowTheirText()
{
    // A library whose first issue was parsed into other paragraphs than today's parser makes (one paragraph fewer,
    // one with other text): the restore gives that issue new paragraph ids. Its tagged paragraph and article are
    // found again by their text and headline (in that issue, not in the second issue holding the same article); the
    // tag of the paragraph whose text no longer exists becomes an orphan highlight with that text. Highlights and
    // notes are re-anchored by their stored quote and context, as a re-parse does: on the same words of the new
    // paragraphs; only those on words the new parse does not have become orphans.
    test::ExportFixture fixture;
    QString error;
    QVERIFY2(fixture.setUpIssues(&error), qPrintable(error));
    Library &library = *fixture.library;
    const StoredIssue &issue = fixture.stored1;
    TagRepository tags(library);
    AnnotationRepository annotations(library);
    const qint64 kept = tags.create(u"保留"_s)->id;
    const qint64 changed = tags.create(u"改过"_s)->id;
    const Block &tagged = issue.parsed.articles.at(1).blocks.at(0);
    const Block &rewritten = issue.parsed.articles.at(1).blocks.at(1);
    const Article &article = issue.parsed.articles.at(2);
    QVERIFY(tagged.text.size() > 12);
    QVERIFY(tags.addTagging(TagTarget::Block, kept, tagged.id).valueOr(false));
    QVERIFY(tags.addTagging(TagTarget::Block, changed, rewritten.id).valueOr(false));
    QVERIFY(tags.addTagging(TagTarget::Article, kept, article.id).valueOr(false));
    const QString rewrittenText = u"后来改过的段落，这一段文字原来的报纸上并没有，是读者后来自己写进去的"_s;
    QSqlQuery q(library.database());
    QVERIFY(q.exec(u"DELETE FROM blocks WHERE id = %1"_s.arg(issue.parsed.articles.at(0).blocks.last().id)));
    QVERIFY(q.exec(u"UPDATE blocks SET text = '%1' WHERE id = %2"_s.arg(rewrittenText).arg(rewritten.id)));
    q.finish();
    // On words the new parse has: a highlight (with a tag and a note on it) and a note on the paragraph.
    const qint64 highlight = annotations.addHighlight(tagged.id, 4, 12, {kept}).valueOr(0);
    QVERIFY(highlight > 0);
    const qint64 onHighlight = annotations.addNote(tagged.id, highlight, u"划线的批注"_s).valueOr(0);
    const qint64 onParagraph = annotations.addNote(tagged.id, 0, u"段落的批注"_s).valueOr(0);
    QVERIFY(onHighlight > 0 && onParagraph > 0);
    // On words only the old library had: orphans, with their words.
    const qint64 lost = annotations.addHighlight(rewritten.id, 16, 24).valueOr(0);
    const qint64 lostNote = annotations.addNote(rewritten.id, 0, u"改过的段落的批注"_s).valueOr(0);
    QVERIFY(lost > 0 && lostNote > 0);

    const Result<QString> backup = Backup::create(library, u"manual"_s);
    QVERIFY2(backup, qPrintable(backup.error().message()));
    const QString restoredPath = fixture.dir->filePath(u"restored.sqlite"_s);
    const Result<RestoreReport> rebuilt = BackupRestorer::rebuild(*backup, restoredPath, {});
    QVERIFY2(rebuilt, qPrintable(rebuilt.error().message()));
    QCOMPARE(rebuilt->newShapes, 1);
    QCOMPARE(rebuilt->orphaned, 3); // the rewritten paragraph's tag, highlight and note

    Library restored;
    QVERIFY(restored.open(restoredPath));
    const QString inIssue = u" JOIN blocks b ON b.id = t.block_id JOIN articles a ON a.id = b.article_id "
                            "WHERE a.issue_id = %1"_s.arg(issue.id);
    QCOMPARE(scalar(restored, u"SELECT count(*) FROM block_tags t"_s + inIssue + u" AND t.tag_id = %1"_s.arg(kept)), 1);
    const QString text = scalarText(restored, u"SELECT b.text FROM block_tags t"_s + inIssue);
    QCOMPARE(text, tagged.text);
    QCOMPARE(scalar(restored, u"SELECT count(*) FROM block_tags"_s), 1);
    QCOMPARE(scalar(restored, u"SELECT count(*) FROM article_tags t JOIN articles a ON a.id = t.article_id "
                              "WHERE a.issue_id = %1 AND a.position = %2 AND t.tag_id = %3"_s.arg(issue.id)
                                  .arg(2)
                                  .arg(kept)),
             1);
    QCOMPARE(scalar(restored, u"SELECT count(*) FROM highlights h JOIN highlight_tags t ON t.highlight_id = h.id "
                              "WHERE h.orphan = 1 AND h.origin = 'block_tag' AND h.quote = '%1' "
                              "AND h.issue_id = %2 AND t.tag_id = %3"_s.arg(rewrittenText)
                                  .arg(issue.id)
                                  .arg(changed)),
             1);

    // The highlight: on the paragraph with the tagged text, the same words, its tag kept; its note follows it.
    const QString placed =
        u"SELECT h.orphan, b.text, substr(b.text, h.start + 1, h.\"end\" - h.start), h.quote, "
        "a.issue_id, (SELECT group_concat(tag_id) FROM highlight_tags WHERE highlight_id = h.id) "
        "FROM highlights h JOIN blocks b ON b.id = h.block_id JOIN articles a ON a.id = b.article_id "
        "WHERE h.id = %1"_s.arg(highlight);
    QSqlQuery r(restored.database());
    QVERIFY(r.exec(placed) && r.next());
    QCOMPARE(r.value(0).toInt(), 0);
    QCOMPARE(r.value(1).toString(), tagged.text);
    QCOMPARE(r.value(2).toString(), tagged.text.mid(4, 8));
    QCOMPARE(r.value(3).toString(), tagged.text.mid(4, 8));
    QCOMPARE(r.value(4).toLongLong(), issue.id);
    QCOMPARE(r.value(5).toLongLong(), kept);
    for (const qint64 note : {onHighlight, onParagraph}) {
        QVERIFY(r.exec(u"SELECT n.orphan, b.text, n.highlight_id FROM notes n JOIN blocks b ON b.id = n.block_id "
                       "WHERE n.id = %1"_s.arg(note)));
        QVERIFY2(r.next(), qPrintable(u"note %1 is not on a paragraph"_s.arg(note)));
        QCOMPARE(r.value(0).toInt(), 0);
        QCOMPARE(r.value(1).toString(), tagged.text);
        QCOMPARE(r.value(2).toLongLong(), note == onHighlight ? highlight : 0);
    }
    // Those on words the new parse does not have: orphans that keep their words and their issue.
    QCOMPARE(scalarText(restored,
                        u"SELECT orphan || '|' || quote || '|' || issue_id FROM highlights WHERE id = %1"_s.arg(lost)),
             u"1|%1|%2"_s.arg(rewrittenText.mid(16, 8)).arg(issue.id));
    QCOMPARE(
        scalarText(restored, u"SELECT orphan || '|' || quote || '|' || text FROM notes WHERE id = %1"_s.arg(lostNote)),
        u"1|%1|改过的段落的批注"_s.arg(rewrittenText));
    QCOMPARE(scalar(restored, u"SELECT count(*) FROM pragma_foreign_key_check"_s), 0);
}

void TestBackup::nextBackup_sharesObjects_nothingChanged_writesNothing()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"lib.sqlite"_s);
    Library library;
    QVERIFY(library.open(path));
    importCorpus(library);
    const auto first = Backup::create(library, u"manual"_s);
    QVERIFY(first);
    const qint64 objectsSize = QFileInfo(BackupObjects::fileIn(Backup::folderFor(path))).size();
    const QString objects = BackupObjects::fileIn(Backup::folderFor(path));
    auto objectCount = [&](const QString &sql) {
        const BareConnection connection(objects, true);
        return sql::scalar(connection.db(), sql).toLongLong();
    };
    const qint64 sources = objectCount(u"SELECT count(*) FROM objects WHERE kind <> 'rows'"_s);
    const qint64 all = objectCount(u"SELECT count(*) FROM objects"_s);
    // A day of reading and annotating: the next backup adds one object, the new chunk of the tags table's rows (no
    // issue bytes, no issue list), and its own small file.
    QVERIFY(TagRepository(library).create(u"新标签"_s));
    Backup::Options options;
    options.onlyWhenChanged = true;
    const Result<BackupMade> next = Backup::make(path, options);
    QVERIFY2(next, qPrintable(next.error().message()));
    QVERIFY(!next->path.isEmpty());
    QCOMPARE(next->write.newObjects, 1);
    QVERIFY(next->write.newObjectBytes < 4096);
    QCOMPARE(objectCount(u"SELECT count(*) FROM objects WHERE kind <> 'rows'"_s), sources);
    QCOMPARE(objectCount(u"SELECT count(*) FROM objects"_s), all + 1);
    QVERIFY(QFileInfo(objects).size() < objectsSize + 16 * 1024);
    QVERIFY(QFileInfo(next->path).size() < 200 * 1024);
    // Nothing changed since: nothing is made.
    const Result<BackupMade> none = Backup::make(path, options);
    QVERIFY(none && none->path.isEmpty());
    QCOMPARE(Backup::list(path).size(), 2);
    // Pruning the backup that first stored the objects keeps them: the next one names them too.
    options.onlyWhenChanged = false;
    options.keep = 1;
    QVERIFY(Backup::make(path, options));
    QCOMPARE(Backup::list(path).size(), 1);
    QVERIFY(Backup::verify(Backup::list(path).front().path));
}

void TestBackup::peopleEditsAndReferenceCollections_makeTheNextBackup_andComeBack()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"lib.sqlite"_s);
    Library library;
    QVERIFY(library.open(path));
    importCorpus(library);
    QVERIFY(Backup::create(library, u"manual"_s));
    Backup::Options options;
    options.onlyWhenChanged = true;
    // A day whose only work is a correction of the people index: the daily backup must keep it.
    PersonEdit edit;
    edit.kind = PersonEdit::Kind::FalseHit;
    edit.name = u"常晓勇"_s;
    const Result<qint64> editId = PeopleIndex(library).addEdit(edit);
    QVERIFY(editId);
    const Result<BackupMade> afterEdit = Backup::make(path, options);
    QVERIFY2(afterEdit, qPrintable(afterEdit.error().message()));
    QVERIFY2(!afterEdit->path.isEmpty(), "a people edit is the user's work: it needs a backup");
    QVERIFY(Backup::make(path, options) && Backup::list(path).size() == 2); // nothing changed since
    // The same for a publication marked as a reference collection, and for taking the mark back.
    const QString publication = scalarText(library, u"SELECT name FROM publications ORDER BY id LIMIT 1"_s);
    QVERIFY(ReuseIndex(library).setReferenceCollection(publication, true));
    const Result<BackupMade> afterMark = Backup::make(path, options);
    QVERIFY(afterMark && !afterMark->path.isEmpty());
    QVERIFY(ReuseIndex(library).setReferenceCollection(publication, false));
    QVERIFY(ReuseIndex(library).setReferenceCollection(publication, true));
    QVERIFY2(Backup::make(path, options) && Backup::list(path).size() == 3,
             "the same mark as in the newest backup is no change");
    QVERIFY(PeopleIndex(library).removeEdit(*editId));
    const Result<BackupMade> afterUndo = Backup::make(path, options);
    QVERIFY(afterUndo && !afterUndo->path.isEmpty());
    QVERIFY(PeopleIndex(library).addEdit(edit));
    const Result<BackupMade> last = Backup::make(path, options);
    QVERIFY(last && !last->path.isEmpty());

    // The backup holds the user's tables, not the library file's own bookkeeping, and a restore puts them back.
    const QStringList tables = *backupmanifest::workTables(last->path);
    QVERIFY(tables.contains(u"person_edits"_s) && tables.contains(u"reuse_sources"_s));
    QVERIFY2(!tables.contains(u"source_packing"_s), qPrintable(tables.join(u' ')));
    const QString restoredPath = tmp.filePath(u"restored.sqlite"_s);
    const Result<RestoreReport> rebuilt = BackupRestorer::rebuild(last->path, restoredPath, {});
    QVERIFY2(rebuilt, qPrintable(rebuilt.error().message()));
    Library restored;
    QVERIFY(restored.open(restoredPath));
    QCOMPARE(scalarText(restored, u"SELECT kind || ' ' || name FROM person_edits"_s), u"false_hit 常晓勇"_s);
    QCOMPARE(scalarText(restored, u"SELECT p.name FROM reuse_sources JOIN publications p ON p.id = publication_id"_s),
             publication);
}

void TestBackup::cancelled_leavesNothing()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"lib.sqlite"_s);
    Library library;
    QVERIFY(library.open(path));
    importCorpus(library);
    std::atomic_bool cancel{true};
    Backup::Options options;
    options.cancel = &cancel;
    const Result<BackupMade> made = Backup::make(path, options);
    QVERIFY(made);
    QVERIFY(made->path.isEmpty());
    QVERIFY(made->write.cancelled);
    QVERIFY(Backup::list(path).isEmpty());
    BackupObjects objects;
    QVERIFY(objects.open(BackupObjects::fileIn(Backup::folderFor(path)), false));
    QVERIFY(objects.hashes().isEmpty());
    QCOMPARE(QDir(Backup::folderFor(path)).entryList(QDir::Files).size(), 1); // objects.sqlite alone
}

void TestBackup::sweep_removesPartialsOfEndedProcessesOnly()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"lib.sqlite"_s);
    const QString folder = Backup::folderFor(path);
    QVERIFY(QDir().mkpath(folder));
    // A process id that runs no process: above the kernel's pid_max.
    const QString dead = u"lib-20261122T045500Z-daily.dubao-backup.partial-99999999-1"_s;
    const QString mine =
        u"lib-20261122T045500Z-daily.dubao-backup.partial-%1-1"_s.arg(QCoreApplication::applicationPid());
    for (const QString &name : QStringList{dead, dead + u"-journal"_s, mine})
        QVERIFY(QFile(QDir(folder).filePath(name)).open(QIODevice::WriteOnly));
    QVERIFY(QFile(path + u".restoring-99999999"_s).open(QIODevice::WriteOnly));
    const QStringList swept = Backup::sweep(path);
    QCOMPARE(swept.size(), 3);
    QVERIFY(!QFile::exists(QDir(folder).filePath(dead)));
    QVERIFY(QFile::exists(QDir(folder).filePath(mine)));
    QVERIFY(!QFile::exists(path + u".restoring-99999999"_s));
}

void TestBackup::emptyLockOfAKilledProcess_takenOver_heldLockNot()
{
    // tst_crash_backup's rare failure: a SIGKILL between QLockFile creating the backups folder's ".lock" and writing
    // its process id left it empty; QLockFile takes such a file over only after 30 s (the library's own lock, with
    // a stale time of 0, never), so the next backup waited and the next restore was refused.
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"lib.sqlite"_s);
    {
        Library library;
        QVERIFY(library.open(path));
        importCorpus(library);
    }
    const QString folder = Backup::folderFor(path);
    QVERIFY(QDir().mkpath(folder));
    const QString lockPath = QDir(folder).filePath(u".lock"_s);
    auto emptyLock = [](const QString &file) {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
    };
    // What the crash test's check right after a kill saw: a sweep leaves no lock of a process that is gone.
    emptyLock(lockPath);
    QFile rmlock(lockPath + u".rmlock"_s); // QLockFile's, held while it takes a stale lock over
    QVERIFY(rmlock.open(QIODevice::WriteOnly));
    rmlock.write("99999999\ndubao-cli\n");
    rmlock.close();
    Backup::sweep(path);
    QVERIFY(!QFile::exists(lockPath));
    QVERIFY(!QFile::exists(lockPath + u".rmlock"_s));
    emptyLock(lockPath);
    QElapsedTimer timer;
    timer.start();
    Backup::Options options;
    options.onlyWhenChanged = false;
    const Result<BackupMade> made = Backup::make(path, options);
    QVERIFY2(made, qPrintable(made.error().message()));
    QVERIFY(!made->path.isEmpty());
    QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(!QFile::exists(lockPath));

    // A lock a live process holds is never removed, empty or not.
    QLockFile held(path + u".lock"_s);
    QVERIFY(held.tryLock(0));
    QVERIFY(QFile::resize(path + u".lock"_s, 0));
    QVERIFY(!Backup::removeAbandonedLock(path + u".lock"_s));
    QVERIFY(QFile::exists(path + u".lock"_s));
    held.unlock();
    // The library's own lock (stale time 0), left empty by a killed restore: taken over.
    emptyLock(path + u".lock"_s);
    QVERIFY(Backup::removeAbandonedLock(path + u".lock"_s));
    QLockFile library(path + u".lock"_s);
    library.setStaleLockTime(0);
    QVERIFY(library.tryLock(0));
}

QTEST_GUILESS_MAIN(TestBackup)
#include "tst_backup.moc"
