// Importer: expanding paths, importing the real corpus, idempotence, per-file failures, atomicity, cancel,
// progress.
#include "core/ingest/importer.h"
#include "core/ingest/issuereplacer.h"
#include "core/parse/issuefile.h"
#include "core/parse/issueparser.h"
#include "core/store/issuerepository.h"
#include "core/store/library.h"
#include "tests/support/corpus.h"
#include "tests/support/filepermissions.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <unistd.h>

using namespace dubao;
using dubao::test::corpusDir;
using dubao::test::corpusFiles;
using dubao::test::FilePermissionsApply;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool copyFile(const QString &from, const QString &to)
{
    return writeFile(to, readAll(from));
}

/// Row counts of every table, to compare a library before and after.
QMap<QString, int> rowCounts(Library &library)
{
    QMap<QString, int> counts;
    for (const char *table :
         {"publications", "source_files", "issues", "articles", "reporters", "article_reporters", "blocks"}) {
        QSqlQuery query(library.database());
        if (query.exec(QStringLiteral("SELECT count(*) FROM ") + QLatin1String(table)) && query.next())
            counts.insert(QLatin1String(table), query.value(0).toInt());
        else
            counts.insert(QLatin1String(table), -1);
    }
    return counts;
}

QStringList paths(const QList<ImportReport::Imported> &list)
{
    QStringList result;
    for (const auto &item : list)
        result.append(item.path);
    return result;
}

QStringList paths(const QList<ImportReport::Failure> &list)
{
    QStringList result;
    for (const auto &item : list)
        result.append(item.path);
    return result;
}

} // namespace

class TestImporter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void expandPaths_folderAndFile_txtCaseInsensitiveSortedExplicitAnyExtension();
    void expandPaths_missingPath_failure();
    void expandPaths_unreadableFolder_failure();

    void import_corpusFolder_importsEveryIssue();
    void import_rawTextNotJustLines_storedAndReadBack();
    void import_sameFolderTwice_storesOnce();
    void import_sameContentOtherName_alreadyPresent();
    void import_folderWithBadFiles_goodImportedBadReported();
    void import_insertFailsMidFile_nothingStoredFromThatFile();
    void import_cancelDuringImport_stopsBetweenFiles();
    void import_cancelBeforeStart_importsNothing();
    void import_progress_increasingDoneAndCorrectTotal();
    void import_unreadableFile_failure();
    void import_readOnlyLibrary_failsEveryFile();
    void import_neighbouringIssues_dateTheOneBetweenAndKeepItOnReparse();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Library> m_library;
};

void TestImporter::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCOMPARE(corpusFiles().size(), 5); // what the tests below count on
}

void TestImporter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_library = std::make_unique<Library>();
    const Result<void> opened = m_library->open(m_dir->filePath(QStringLiteral("library.sqlite")));
    QVERIFY2(opened, qPrintable(opened.error().message()));
}

void TestImporter::cleanup()
{
    m_library.reset();
    m_dir.reset();
}

void TestImporter::expandPaths_folderAndFile_txtCaseInsensitiveSortedExplicitAnyExtension()
{
    const QString root = m_dir->filePath(QStringLiteral("in"));
    QVERIFY(writeFile(root + QStringLiteral("/b.txt"), "b"));
    QVERIFY(writeFile(root + QStringLiteral("/A.TXT"), "a"));
    QVERIFY(writeFile(root + QStringLiteral("/notes.md"), "skipped"));
    QVERIFY(writeFile(root + QStringLiteral("/sub/deeper/c.Txt"), "c"));
    QVERIFY(writeFile(root + QStringLiteral("/sub/image.png"), "skipped"));
    const QString explicitFile = m_dir->filePath(QStringLiteral("issue.dat"));
    QVERIFY(writeFile(explicitFile, "named explicitly"));

    QList<ImportReport::Failure> failures;
    // Relative spelling and the same file twice (explicitly and through its folder) come out once, absolute.
    const QString relative = QDir::current().relativeFilePath(root + QStringLiteral("/b.txt"));
    const QStringList files = Importer::expandPaths({explicitFile, root, relative}, &failures);
    QVERIFY(failures.isEmpty());
    const QStringList expected{root + QStringLiteral("/A.TXT"), root + QStringLiteral("/b.txt"),
                               root + QStringLiteral("/sub/deeper/c.Txt"), explicitFile};
    QCOMPARE(files, expected);
}

void TestImporter::expandPaths_missingPath_failure()
{
    const QString missing = m_dir->filePath(QStringLiteral("not-there"));
    QList<ImportReport::Failure> failures;
    const QStringList files = Importer::expandPaths({missing, corpusDir()}, &failures);
    QCOMPARE(files, corpusFiles());
    QCOMPARE(failures.size(), 1);
    QCOMPARE(failures.at(0).path, missing);
    QVERIFY(!failures.at(0).reason.isEmpty());
}

void TestImporter::expandPaths_unreadableFolder_failure()
{
    const QString root = m_dir->filePath(QStringLiteral("in"));
    QVERIFY(writeFile(root + QStringLiteral("/ok.txt"), "ok"));
    QVERIFY(writeFile(root + QStringLiteral("/locked/hidden.txt"), "hidden"));
    const QString locked = root + QStringLiteral("/locked");
    QVERIFY(FilePermissionsApply::openToEveryone(m_dir->path()));
    QVERIFY(FilePermissionsApply::openToEveryone(root));
    QVERIFY(QFile::setPermissions(locked, QFileDevice::Permissions()));
    QList<ImportReport::Failure> failures;
    QStringList files;
    {
        const FilePermissionsApply permissionsApply;
        QVERIFY(permissionsApply.ok());
        QVERIFY2(QDir(locked).entryList(QDir::Files).isEmpty(), "a folder of mode 000 is still listable");
        files = Importer::expandPaths({root}, &failures);
    }
    QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QCOMPARE(files, QStringList{root + QStringLiteral("/ok.txt")});
    QCOMPARE(failures.size(), 1);
    QCOMPARE(failures.at(0).path, locked);
    QCOMPARE(failures.at(0).reason, QStringLiteral("cannot read folder"));
}

void TestImporter::import_corpusFolder_importsEveryIssue()
{
    Importer importer(*m_library);
    const ImportReport report = importer.importPaths({corpusDir()});
    for (const auto &failure : report.failed)
        qWarning() << failure.path << failure.reason;
    QVERIFY(report.allOk());
    QCOMPARE(paths(report.imported), corpusFiles());
    QVERIFY(report.alreadyPresent.isEmpty());

    IssueRepository repository(*m_library);
    QCOMPARE(repository.issueCount(), 5);
    int articles = 0;
    for (const auto &imported : report.imported) {
        QVERIFY(imported.articleCount > 0);
        articles += imported.articleCount;
        const auto stored = repository.issue(imported.issueId);
        QVERIFY(stored);
        QCOMPARE(stored->parsed.articles.size(), imported.articleCount);
        QCOMPARE(stored->parsed.source.path, imported.path);
        const QByteArray bytes = readAll(imported.path);
        QCOMPARE(stored->parsed.source.sha256,
                 QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
        QSqlQuery query(m_library->database());
        query.prepare(QStringLiteral("SELECT size FROM source_files WHERE sha256 = ?"));
        query.addBindValue(stored->parsed.source.sha256);
        QVERIFY(query.exec() && query.next());
        QCOMPARE(query.value(0).toLongLong(), qint64(bytes.size()));

        // What is stored is exactly what the parser produces (ids aside).
        const IssueFileResult parsed = parseIssueFile(imported.path);
        QVERIFY(parsed.ok);
        ParsedIssue withoutIds = stored->parsed;
        for (Article &article : withoutIds.articles) {
            QVERIFY(article.id > 0);
            article.id = 0;
            for (Block &block : article.blocks) {
                QVERIFY(block.id > 0);
                block.id = 0;
            }
        }
        // The file's bytes are kept in source_contents (for re-parsing), not read back with the issue; nor is
        // the decoded text (each block's raw text is, read back from those bytes where it was not stored).
        ParsedIssue expected = parsed.issue;
        QCOMPARE(expected.source.bytes.size(), QFileInfo(imported.path).size());
        QVERIFY(!expected.source.text.isEmpty());
        expected.source.bytes.clear();
        expected.source.text.clear();
        QVERIFY2(withoutIds == expected, qPrintable(imported.path));
    }
    QCOMPARE(repository.articleCount(), articles);
    QCOMPARE(repository.listIssues().size(), 5);
    // Raw text that is just the source's lines is not stored a second time (and reads back exactly, above);
    // a block whose pieces skip lines (a paragraph cut by a caption) keeps its own.
    QSqlQuery query(m_library->database());
    QVERIFY(query.exec(QStringLiteral("SELECT sum(raw = ''), sum(raw <> ''), count(*) FROM blocks")));
    QVERIFY(query.next());
    QVERIFY2(query.value(0).toLongLong() > query.value(2).toLongLong() * 9 / 10,
             qPrintable(query.value(0).toString() + u'/' + query.value(2).toString()));
}

void TestImporter::import_rawTextNotJustLines_storedAndReadBack()
{
    // Block 1 skips the caption between its halves; block 3 has OCR spaces on the blank line inside it. Their
    // raw text is not a run of the file's lines, so it is stored as it is; the other blocks' is read back from
    // the file's bytes.
    const QString path = m_dir->filePath(QStringLiteral("cut.txt"));
    QVERIFY(writeFile(path, "标题一\n\n项目建成后,将惠及\n\n\n\n清溪水库全景。 滨江日报记者 林一 摄\n\n周边三个镇。\n\n"
                            "会议强调,要抓好春耕生产,确保粮\n \u3000\n食安全。\n\n会议还研究了其他事项。\n"));
    const IssueFileResult parsed = parseIssueFile(path);
    QVERIFY(parsed.ok);
    const ImportReport report = Importer(*m_library).importPaths({path});
    QCOMPARE(report.imported.size(), 1);
    const auto stored = IssueRepository(*m_library).issue(report.imported.front().issueId);
    QVERIFY(stored);
    QCOMPARE(stored->parsed.articles.size(), parsed.issue.articles.size());
    const QList<Block> &want = parsed.issue.articles.front().blocks;
    const QList<Block> &got = stored->parsed.articles.front().blocks;
    QCOMPARE(got.size(), want.size());
    QStringList kept;
    for (qsizetype b = 0; b < want.size(); ++b) {
        QCOMPARE(got[b].raw, want[b].raw);
        QCOMPARE(got[b].text, want[b].text);
        QSqlQuery query(m_library->database());
        query.prepare(QStringLiteral("SELECT raw FROM blocks WHERE id = ?"));
        query.addBindValue(got[b].id);
        QVERIFY(query.exec() && query.next());
        if (!query.value(0).toString().isEmpty())
            kept.append(QString::number(b));
    }
    QCOMPARE(kept.join(u' '), QStringLiteral("0 2"));
    // And the article on its own reads the same.
    const auto article = IssueRepository(*m_library).article(stored->parsed.articles.front().id);
    QVERIFY(article);
    QCOMPARE(article->blocks.front().raw, want.front().raw);
}

void TestImporter::import_sameFolderTwice_storesOnce()
{
    Importer importer(*m_library);
    const ImportReport first = importer.importPaths({corpusDir()});
    QCOMPARE(first.imported.size(), 5);
    const auto before = rowCounts(*m_library);

    const ImportReport second = importer.importPaths({corpusDir()});
    QVERIFY(second.allOk());
    QCOMPARE(second.imported.size(), 0);
    QCOMPARE(second.alreadyPresent.size(), 5);
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(second.alreadyPresent.at(i).path, first.imported.at(i).path);
        QCOMPARE(second.alreadyPresent.at(i).issueId, first.imported.at(i).issueId);
    }
    QCOMPARE(rowCounts(*m_library), before);
}

void TestImporter::import_sameContentOtherName_alreadyPresent()
{
    Importer importer(*m_library);
    const QString original = corpusFiles().at(2);
    const ImportReport first = importer.importPaths({original});
    QCOMPARE(first.imported.size(), 1);

    const QString copy = m_dir->filePath(QStringLiteral("renamed copy.txt"));
    QVERIFY(copyFile(original, copy));
    const auto before = rowCounts(*m_library);
    const ImportReport second = importer.importPaths({copy});
    QVERIFY(second.imported.isEmpty());
    QCOMPARE(second.alreadyPresent.size(), 1);
    QCOMPARE(second.alreadyPresent.at(0).path, copy);
    QCOMPARE(second.alreadyPresent.at(0).issueId, first.imported.at(0).issueId);
    QCOMPARE(rowCounts(*m_library), before);
}

void TestImporter::import_folderWithBadFiles_goodImportedBadReported()
{
    const QString folder = m_dir->filePath(QStringLiteral("mixed"));
    const QStringList corpus = corpusFiles();
    QVERIFY(copyFile(corpus.at(0), folder + QStringLiteral("/1 good.txt")));
    QVERIFY(copyFile(corpus.at(1), folder + QStringLiteral("/sub/2 GOOD.TXT")));
    QVERIFY(writeFile(folder + QStringLiteral("/3 empty.txt"), {}));
    QByteArray binary;
    for (int i = 0; i < 4096; ++i)
        binary.append(char((i * 37) % 256));
    QVERIFY(writeFile(folder + QStringLiteral("/4 binary.txt"), binary));
    QVERIFY(writeFile(folder + QStringLiteral("/5 readme.md"), "not an issue, not a .txt: ignored"));

    Importer importer(*m_library);
    const ImportReport report = importer.importPaths({folder});
    QVERIFY(!report.allOk());
    QCOMPARE(paths(report.imported),
             (QStringList{folder + QStringLiteral("/1 good.txt"), folder + QStringLiteral("/sub/2 GOOD.TXT")}));
    QCOMPARE(paths(report.failed),
             (QStringList{folder + QStringLiteral("/3 empty.txt"), folder + QStringLiteral("/4 binary.txt")}));
    for (const auto &failure : report.failed) {
        QVERIFY2(!failure.reason.isEmpty(), qPrintable(failure.path));
        QVERIFY2(!failure.reason.contains(QLatin1Char('\n')), qPrintable(failure.reason));
    }
    QCOMPARE(IssueRepository(*m_library).issueCount(), 2);
    QCOMPARE(rowCounts(*m_library).value(QStringLiteral("source_files")), 2);
}

void TestImporter::import_insertFailsMidFile_nothingStoredFromThatFile()
{
    const QStringList corpus = corpusFiles();
    Importer importer(*m_library);
    QCOMPARE(importer.importPaths({corpus.at(0)}).imported.size(), 1);
    const auto before = rowCounts(*m_library);
    const int blocksBefore = before.value(QStringLiteral("blocks"));
    QVERIFY(blocksBefore > 0);

    // A second connection (as another process would) makes the third block of the next file fail.
    const QString connection = QStringLiteral("tst-importer-trigger");
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(m_library->path());
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY2(query.exec(QStringLiteral("CREATE TRIGGER fail BEFORE INSERT ON blocks WHEN (SELECT count(*) FROM "
                                           "blocks) >= %1 BEGIN SELECT RAISE(ABORT, 'boom'); END")
                                .arg(blocksBefore + 3)),
                 qPrintable(query.lastError().text()));
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);

    const ImportReport report = importer.importPaths({corpus.at(1)});
    QVERIFY(report.imported.isEmpty());
    QCOMPARE(report.failed.size(), 1);
    QCOMPARE(report.failed.at(0).path, corpus.at(1));
    QVERIFY2(report.failed.at(0).reason.contains(QLatin1String("boom")), qPrintable(report.failed.at(0).reason));
    QCOMPARE(rowCounts(*m_library), before); // no source, issue, article, reporter or block of that file

    // Nothing of it lingers: once the cause is gone the same file imports (its SHA-256 was not kept).
    QSqlQuery query(m_library->database());
    QVERIFY(query.exec(QStringLiteral("DROP TRIGGER fail")));
    const ImportReport again = importer.importPaths({corpus.at(1)});
    QCOMPARE(again.imported.size(), 1);
    QVERIFY(again.alreadyPresent.isEmpty());
}

void TestImporter::import_cancelDuringImport_stopsBetweenFiles()
{
    std::atomic_bool cancel = false;
    Importer importer(*m_library);
    QList<int> doneSeen;
    const ImportReport report = importer.importPaths(
        {corpusDir()},
        [&](const ImportProgress &progress) {
            doneSeen.append(progress.done);
            if (progress.done == 2)
                cancel = true;
        },
        &cancel);
    QVERIFY(report.cancelled);
    QVERIFY(!report.allOk());
    QCOMPARE(report.imported.size(), 2);
    QCOMPARE(paths(report.imported), corpusFiles().mid(0, 2));
    QCOMPARE(doneSeen, (QList<int>{0, 1, 2}));
    QCOMPARE(IssueRepository(*m_library).issueCount(), 2);
}

void TestImporter::import_cancelBeforeStart_importsNothing()
{
    const std::atomic_bool cancel = true;
    Importer importer(*m_library);
    const ImportReport report = importer.importPaths({corpusDir()}, {}, &cancel);
    QVERIFY(report.cancelled);
    QVERIFY(report.imported.isEmpty());
    QCOMPARE(IssueRepository(*m_library).issueCount(), 0);
}

void TestImporter::import_progress_increasingDoneAndCorrectTotal()
{
    const QString bad = m_dir->filePath(QStringLiteral("empty.txt"));
    QVERIFY(writeFile(bad, {}));
    QList<ImportProgress> seen;
    Importer importer(*m_library);
    const ImportReport report =
        importer.importPaths({corpusDir(), bad}, [&](const ImportProgress &progress) { seen.append(progress); });
    QCOMPARE(report.imported.size(), 5);
    QCOMPARE(report.failed.size(), 1);

    QCOMPARE(seen.size(), 7); // once before the first file, then after each of the six
    QStringList expectedPaths = corpusFiles() + QStringList{bad};
    expectedPaths.sort(); // the importer goes through all files in path order
    for (int i = 0; i < seen.size(); ++i) {
        QCOMPARE(seen.at(i).total, 6);
        QCOMPARE(seen.at(i).done, i);
        if (i > 0)
            QCOMPARE(seen.at(i).currentPath, expectedPaths.at(i - 1)); // failures count as done too
    }
}

void TestImporter::import_unreadableFile_failure()
{
    const QString locked = m_dir->filePath(QStringLiteral("locked.txt"));
    QVERIFY(copyFile(corpusFiles().at(0), locked));
    const QString readable = m_dir->filePath(QStringLiteral("readable.txt"));
    QVERIFY(copyFile(corpusFiles().at(1), readable));
    QVERIFY(QFile::setPermissions(locked, QFileDevice::Permissions()));
    QVERIFY(FilePermissionsApply::openToEveryone(m_dir->path()));
    ImportReport report;
    {
        const FilePermissionsApply permissionsApply;
        QVERIFY(permissionsApply.ok());
        QVERIFY2(!QFile(locked).open(QIODevice::ReadOnly), "a file of mode 000 is still readable");
        Importer importer(*m_library);
        report = importer.importPaths({locked, readable});
    }
    QCOMPARE(report.failed.size(), 1);
    QCOMPARE(report.failed.at(0).path, locked);
    QCOMPARE(report.failed.at(0).reason, QStringLiteral("cannot read file"));
    QCOMPARE(report.imported.size(), 1); // the readable one still goes in
    QCOMPARE(IssueRepository(*m_library).issueCount(), 1);
}

void TestImporter::import_readOnlyLibrary_failsEveryFile()
{
    const QString path = m_library->path();
    m_library->close();
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup));
    const Result<void> opened = m_library->open(path);
    QVERIFY2(opened, qPrintable(opened.error().message()));
    QVERIFY(m_library->isReadOnly());

    Importer importer(*m_library);
    const ImportReport report = importer.importPaths({corpusDir()});
    QVERIFY(report.imported.isEmpty());
    QCOMPARE(report.failed.size(), 5);
    for (const auto &failure : report.failed)
        QCOMPARE(failure.reason, QStringLiteral("the library is read-only"));
    QCOMPARE(IssueRepository(*m_library).issueCount(), 0);
    m_library->close();
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

void TestImporter::import_neighbouringIssues_dateTheOneBetweenAndKeepItOnReparse()
{
    // Three issues of one paper, written for the test: the first and the last print their dates in the masthead,
    // the middle one gives only its month and day (and names 2019, which the neighbours outweigh, flagged).
    const QString root = m_dir->filePath(QStringLiteral("qingxi"));
    auto issue = [](const QString &masthead, const QString &day) {
        return (masthead +
                QStringLiteral(u"\n\n标题%1\n\n本报讯(青溪日报记者 林一)11月%1日,会议召开,回顾工作。\n").arg(day))
            .toUtf8();
    };
    QVERIFY(writeFile(root + QStringLiteral("/a.txt"),
                      issue(QStringLiteral(u"青溪日报 2022年11月12日"), QStringLiteral("12"))));
    QVERIFY(writeFile(
        root + QStringLiteral("/b.txt"),
        (QStringLiteral(u"青溪日报\n\n标题13\n\n本报讯(青溪日报记者 林一)11月13日,会议回顾2019年工作。\n")).toUtf8()));
    QVERIFY(writeFile(root + QStringLiteral("/c.txt"),
                      issue(QStringLiteral(u"青溪日报 2022年11月14日"), QStringLiteral("14"))));
    const ImportReport report = Importer(*m_library).importPaths({root});
    QCOMPARE(report.imported.size(), 3);
    const qint64 middle = report.imported[1].issueId;
    auto stored = [&] {
        QSqlQuery q(m_library->database());
        q.prepare(
            QStringLiteral("SELECT date, date_inferred, date_alternatives, date_evidence FROM issues WHERE id = ?"));
        q.addBindValue(middle);
        return q.exec() && q.next() ? QStringList{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                                                  q.value(3).toString()}
                                    : QStringList();
    };
    const QStringList dated = stored();
    QCOMPARE(dated.value(0), QStringLiteral("2022-11-13"));
    QCOMPARE(dated.value(1), QStringLiteral("1"));
    QCOMPARE(dated.value(2), QStringLiteral("2019")); // the conflict is flagged
    QVERIFY2(dated.value(3).contains(QStringLiteral("\"neighbours\"")), qPrintable(dated.value(3)));
    const IssueInfo info = IssueRepository(*m_library).issue(middle)->parsed.issue;
    QVERIFY(info.dateUncertain());
    // A re-parse of every issue (by a newer parser) keeps the neighbours' year: no parse of one file sees them.
    ReparseOptions all;
    all.all = true;
    const ReparseReport reparsed = IssueReplacer(*m_library, {}, kParserVersion + 1).reparseAll(all);
    QVERIFY(reparsed.failed.isEmpty());
    QCOMPARE(stored(), dated);

    // Imported alone, the same issue is dated by its own text.
    Library alone;
    QVERIFY(alone.open(m_dir->filePath(QStringLiteral("alone.sqlite"))));
    const ImportReport single = Importer(alone).importPaths({root + QStringLiteral("/b.txt")});
    QCOMPARE(single.imported.size(), 1);
    QCOMPARE(IssueRepository(alone).issue(single.imported[0].issueId)->parsed.issue.date, QDate(2019, 11, 13));
}

QTEST_GUILESS_MAIN(TestImporter)
#include "tst_importer.moc"
