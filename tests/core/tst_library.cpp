// Library: open (create, migrate, refuse files that are not ours or are newer, leaving them untouched), read-only
// files, two connections, :memory:, the file as stock sqlite3 sees it, the default path, transactions. Reading and
// writing issues through IssueRepository: tst_issuerepository.cpp.
#include "core/store/issuerepository.h"
#include "core/store/library.h"
#include "core/store/schemaverifier.h"
#include "core/store/sql.h"
#include "tests/support/handbuiltissue.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace dubao;
using dubao::test::makeIssue;
using dubao::test::sha;

namespace {

/// A plain QSqlDatabase connection of the test's own, to look at or tamper with a file behind the Library.
class RawConnection final
{
    Q_DISABLE_COPY_MOVE(RawConnection)

public:
    explicit RawConnection(const QString &path)
        : m_name(QStringLiteral("raw-%1").arg(++s_counter))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        m_ok = db.open();
    }
    ~RawConnection()
    {
        {
            QSqlDatabase db = QSqlDatabase::database(m_name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    bool isOpen() const { return m_ok; }
    bool exec(const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(sql)) {
            qWarning() << sql << query.lastError().text();
            return false;
        }
        return true;
    }
    QVariant scalar(const QString &sql)
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        if (!query.exec(sql) || !query.next())
            return {};
        return query.value(0);
    }

private:
    static inline int s_counter = 0;
    QString m_name;
    bool m_ok = false;
};

QVariant pragma(Library &library, const char *name)
{
    QSqlQuery query(library.database());
    if (!query.exec(QStringLiteral("PRAGMA ") + QLatin1String(name)) || !query.next())
        return {};
    return query.value(0);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

bool noSideFiles(const QString &path)
{
    return !QFile::exists(path + QStringLiteral("-wal")) && !QFile::exists(path + QStringLiteral("-shm")) &&
           !QFile::exists(path + QStringLiteral("-journal"));
}

} // namespace

class TestLibrary : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void open_newFile_createsCurrentSchemaWithPragmas();
    void open_reopen_keepsData();
    void open_emptyFile_migrates();
    void open_notSqliteFile_refusedAndUntouched_data();
    void open_notSqliteFile_refusedAndUntouched();
    void open_newerSchema_refusedAndUntouched();
    void open_foreignApplicationId_refusedAndUntouched();
    void open_foreignTablesWithoutVersion_refusedAndUntouched();
    void open_ourIdButNoVersionWithTables_refusedAndUntouched();
    void open_folder_refused();
    void open_foreignWal_refusedAndUntouched();
    void open_foreignWalThatNeverWroteTheIdentityPage_refused();
    void open_ownWalOfADerivedWrite_applied();
    void open_ownWalLeftByACrash_applied();
    void open_readOnlyFile_readsWorkWritesFail();
    void open_twoInstancesSameFile_bothWork();
    void open_memory_works();
    void file_readableByStockSqlite3();
    void defaultPath_inTestAppDataFolderWhichExists();
    void transaction_notCommitted_rollsBack();
    void transaction_committed_keeps();
    void schemaDigest_keptInSource_isWhatTheStepsMake();
    void schemaDigest_alteredSchema_stillFound();
    void normalised_sameAsTheRegularExpressions();

private:
    QString libraryPath(const QString &name = QStringLiteral("library.sqlite")) const { return m_dir->filePath(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestLibrary::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setApplicationName(QStringLiteral("dubao-tst-library"));
}

void TestLibrary::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestLibrary::open_newFile_createsCurrentSchemaWithPragmas()
{
    Library library;
    const Result<void> opened = library.open(libraryPath());
    QVERIFY2(opened, qPrintable(opened.error().message()));
    QVERIFY(library.isOpen());
    QVERIFY(!library.isReadOnly());
    QCOMPARE(library.path(), libraryPath());
    QCOMPARE(pragma(library, "user_version").toInt(), Library::currentSchemaVersion());
    QCOMPARE(pragma(library, "application_id").toInt(), Library::applicationId());
    QCOMPARE(pragma(library, "foreign_keys").toInt(), 1);
    QCOMPARE(pragma(library, "journal_mode").toString(), QStringLiteral("wal"));
    QCOMPARE(pragma(library, "synchronous").toInt(), 1); // NORMAL
    QCOMPARE(pragma(library, "busy_timeout").toInt(), 5000);
    for (const char *table :
         {"publications", "source_files", "issues", "articles", "reporters", "article_reporters", "blocks"}) {
        QSqlQuery query(library.database());
        QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM ") + QLatin1String(table)));
        QVERIFY2(query.next(), table);
        QCOMPARE(query.value(0).toInt(), 0);
    }
    QCOMPARE(readAll(libraryPath()).left(16), QByteArray("SQLite format 3\0", 16));
    library.close();
    QVERIFY(!library.isOpen());
}

void TestLibrary::open_reopen_keepsData()
{
    qint64 id = 0;
    {
        Library library;
        QVERIFY(library.open(libraryPath()));
        IssueRepository repository(library);
        id = repository.insert(makeIssue(sha('a'))).valueOr(0);
        QVERIFY(id > 0);
    }
    Library library;
    const Result<void> opened = library.open(libraryPath());
    QVERIFY2(opened, qPrintable(opened.error().message()));
    IssueRepository repository(library);
    QCOMPARE(repository.issueCount(), 1);
    QCOMPARE(repository.articleCount(), 4);
    QCOMPARE(repository.findBySha256(sha('a')), std::optional<qint64>(id));
    QCOMPARE(pragma(library, "user_version").toInt(), Library::currentSchemaVersion());
}

void TestLibrary::open_emptyFile_migrates()
{
    QVERIFY(writeFile(libraryPath(), {}));
    Library library;
    const Result<void> opened = library.open(libraryPath());
    QVERIFY2(opened, qPrintable(opened.error().message()));
    QCOMPARE(pragma(library, "user_version").toInt(), Library::currentSchemaVersion());
    QVERIFY(IssueRepository(library).insert(makeIssue(sha('b'))).valueOr(0) > 0);
}

void TestLibrary::open_notSqliteFile_refusedAndUntouched_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("text file") << QByteArray("## 永川区委常委会召开会议\n\n本报讯 ...\n");
    QByteArray random(4096, '\0');
    QRandomGenerator generator(42);
    for (char &c : random)
        c = char(generator.bounded(256));
    QTest::newRow("random bytes") << random;
    QTest::newRow("shorter than the header") << QByteArray("SQLite");
    QTest::newRow("header without its NUL") << QByteArray("SQLite format 3!and more bytes after it");
}

void TestLibrary::open_notSqliteFile_refusedAndUntouched()
{
    QFETCH(QByteArray, bytes);
    QVERIFY(writeFile(libraryPath(), bytes));
    Library library;
    const Result<void> opened = library.open(libraryPath());
    QVERIFY(!opened);
    QVERIFY(!library.isOpen());
    QCOMPARE(opened.error().message(), libraryPath() + QStringLiteral(": not a Dubao library (not an SQLite file)"));
    QCOMPARE(readAll(libraryPath()), bytes);
    QVERIFY(noSideFiles(libraryPath()));
}

void TestLibrary::open_newerSchema_refusedAndUntouched()
{
    {
        Library library;
        QVERIFY(library.open(libraryPath()));
        QVERIFY(IssueRepository(library).insert(makeIssue(sha('c'))).valueOr(0) > 0);
    }
    {
        RawConnection raw(libraryPath());
        QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version = 99")));
    }
    QVERIFY(noSideFiles(libraryPath()));
    const QByteArray before = readAll(libraryPath());

    Library library;
    const Result<void> opened = library.open(libraryPath());
    QVERIFY(!opened);
    QCOMPARE(opened.error().message(),
             libraryPath() + QStringLiteral(": library was made by a newer Dubao (schema 99, this version "
                                            "knows %1)")
                                 .arg(Library::currentSchemaVersion()));
    QVERIFY(!library.isOpen());
    QCOMPARE(readAll(libraryPath()), before);
    QVERIFY(noSideFiles(libraryPath()));
}

void TestLibrary::open_foreignApplicationId_refusedAndUntouched()
{
    {
        RawConnection raw(libraryPath());
        QVERIFY(raw.exec(QStringLiteral("PRAGMA application_id = 305419896"))); // 0x12345678
        QVERIFY(raw.exec(QStringLiteral("CREATE TABLE bookmarks (id INTEGER PRIMARY KEY, url TEXT)")));
    }
    const QByteArray before = readAll(libraryPath());
    QVERIFY(!before.isEmpty());

    Library library;
    const Result<void> opened = library.open(libraryPath());
    QVERIFY(!opened);
    const QString error = opened.error().message();
    QVERIFY2(error.startsWith(libraryPath() + QStringLiteral(": not a Dubao library")), qPrintable(error));
    QVERIFY2(error.contains(QLatin1String("0x12345678")), qPrintable(error));
    QCOMPARE(readAll(libraryPath()), before);
    QVERIFY(noSideFiles(libraryPath()));
}

void TestLibrary::open_foreignTablesWithoutVersion_refusedAndUntouched()
{
    {
        RawConnection raw(libraryPath());
        QVERIFY(raw.exec(QStringLiteral("CREATE TABLE issues (id INTEGER PRIMARY KEY, whatever TEXT)")));
        QVERIFY(raw.exec(QStringLiteral("INSERT INTO issues (whatever) VALUES ('someone else''s data')")));
    }
    const QByteArray before = readAll(libraryPath());

    Library library;
    const Result<void> opened = library.open(libraryPath());
    QVERIFY(!opened);
    QCOMPARE(opened.error().message(),
             libraryPath() + QStringLiteral(": not a Dubao library (an SQLite file with other tables)"));
    QCOMPARE(readAll(libraryPath()), before);
    QVERIFY(noSideFiles(libraryPath()));
}

void TestLibrary::open_ourIdButNoVersionWithTables_refusedAndUntouched()
{
    {
        RawConnection raw(libraryPath());
        QVERIFY(raw.exec(QStringLiteral("PRAGMA application_id = %1").arg(Library::applicationId())));
        QVERIFY(raw.exec(QStringLiteral("CREATE VIEW leftovers AS SELECT 1")));
    }
    const QByteArray before = readAll(libraryPath());
    Library library;
    const Result<void> opened = library.open(libraryPath());
    QVERIFY(!opened);
    const QString error = opened.error().message();
    QVERIFY2(error.startsWith(libraryPath() + QStringLiteral(": not a Dubao library")), qPrintable(error));
    QCOMPARE(readAll(libraryPath()), before);
}

void TestLibrary::open_folder_refused()
{
    Library library;
    const Result<void> opened = library.open(m_dir->path());
    QVERIFY(!opened);
    const QString error = opened.error().message();
    QVERIFY2(error.startsWith(m_dir->path() + QStringLiteral(": ")), qPrintable(error));
    QVERIFY(!library.isOpen());
}

/// A library at `path` with one issue (and so its identity) and closed, as its file was then; and the -wal a
/// connection that does not checkpoint left after adding `extra` to its 'library' counter, as a killed process
/// leaves it (closing checkpoints the -wal into the file; the file is then put back as it was).
struct Crashed
{
    QByteArray file;
    QByteArray wal;
};

Crashed libraryWithWal(const QString &path, char issue, int extra)
{
    {
        Library library;
        if (!library.open(path) || IssueRepository(library).insert(makeIssue(sha(issue))).valueOr(0) <= 0)
            return {};
    }
    Crashed crashed{readAll(path), {}};
    {
        RawConnection raw(path);
        if (!raw.exec(QStringLiteral("PRAGMA wal_autocheckpoint = 0")) ||
            !raw.exec(QStringLiteral("UPDATE change_counter SET value = value + %1 WHERE name = 'library'").arg(extra)))
            return {};
        crashed.wal = readAll(path + QStringLiteral("-wal"));
    }
    if (!writeFile(path, crashed.file))
        return {};
    return crashed;
}

/// As libraryWithWal(), for a write to a derived table (no counter trigger: the people index's queue), made by
/// Dubao's own write scope when `dubao` is true, by a plain connection otherwise.
Crashed libraryWithDerivedWrite(const QString &path, char issue, bool dubao)
{
    {
        Library library;
        if (!library.open(path) || IssueRepository(library).insert(makeIssue(sha(issue))).valueOr(0) <= 0)
            return {};
    }
    Crashed crashed{readAll(path), {}};
    const QString insert = QStringLiteral("INSERT OR IGNORE INTO analysis_pending (article_id) VALUES (424242)");
    if (dubao) {
        Library library;
        if (!library.open(path) || !sql::exec(library.database(), QStringLiteral("PRAGMA wal_autocheckpoint = 0")))
            return {};
        sql::WriteScope scope(library.database());
        if (!scope.isActive() || !sql::exec(library.database(), insert) || !scope.commit())
            return {};
        crashed.wal = readAll(path + QStringLiteral("-wal"));
    } else {
        RawConnection raw(path);
        if (!raw.exec(QStringLiteral("PRAGMA wal_autocheckpoint = 0")) || !raw.exec(insert))
            return {};
        crashed.wal = readAll(path + QStringLiteral("-wal"));
    }
    if (!writeFile(path, crashed.file))
        return {};
    return crashed;
}

void TestLibrary::open_foreignWal_refusedAndUntouched()
{
    // A library copied over another whose -wal stayed behind (issue 17): SQLite alone would apply the other
    // database's pages to it. Refused, naming the file; the library and the -wal stay as they were.
    const QString other = m_dir->filePath(QStringLiteral("other.sqlite"));
    const QByteArray otherWal = libraryWithWal(other, 'o', 1000).wal;
    QVERIFY(otherWal.size() > 32);
    {
        Library library;
        QVERIFY(library.open(libraryPath()));
        QVERIFY(IssueRepository(library).insert(makeIssue(sha('a'))).valueOr(0) > 0);
    }
    QVERIFY(!QFile::exists(libraryPath() + QStringLiteral("-wal")));
    QVERIFY(writeFile(libraryPath() + QStringLiteral("-wal"), otherWal));
    const QByteArray before = readAll(libraryPath());

    Library library;
    const Result<void> opened = library.open(libraryPath());
    QVERIFY(!opened);
    QVERIFY2(opened.error().message().contains(QStringLiteral("library.sqlite-wal")) &&
                 opened.error().message().contains(QStringLiteral("another database")),
             qPrintable(opened.error().message()));
    QVERIFY(readAll(libraryPath()) == before);
    QVERIFY(readAll(libraryPath() + QStringLiteral("-wal")) == otherWal);

    // Moved away, the library opens as it was last saved.
    QVERIFY(QFile::remove(libraryPath() + QStringLiteral("-wal")));
    QVERIFY(library.open(libraryPath()));
    QCOMPARE(IssueRepository(library).findBySha256(sha('o')), std::nullopt);
    QVERIFY(IssueRepository(library).findBySha256(sha('a')));
}

void TestLibrary::open_foreignWalThatNeverWroteTheIdentityPage_refused()
{
    // Another database's -wal whose commits touched none of the pages that hold this library's identity (a write
    // to a derived table, by a program that is not Dubao): no frame to compare, and yet its pages would be written
    // into this library. Dubao's own transactions always rewrite that page, so such a -wal is not the library's.
    const QString other = m_dir->filePath(QStringLiteral("other.sqlite"));
    const QByteArray otherWal = libraryWithDerivedWrite(other, 'o', false).wal;
    QVERIFY(otherWal.size() > 32);
    {
        Library library;
        QVERIFY(library.open(libraryPath()));
        QVERIFY(IssueRepository(library).insert(makeIssue(sha('a'))).valueOr(0) > 0);
    }
    QVERIFY(writeFile(libraryPath() + QStringLiteral("-wal"), otherWal));
    const QByteArray before = readAll(libraryPath());
    Library library;
    const Result<void> opened = library.open(libraryPath());
    QVERIFY(!opened);
    QVERIFY2(opened.error().message().contains(QStringLiteral("another database")),
             qPrintable(opened.error().message()));
    QVERIFY(readAll(libraryPath()) == before);
    QVERIFY(readAll(libraryPath() + QStringLiteral("-wal")) == otherWal);
}

void TestLibrary::open_ownWalOfADerivedWrite_applied()
{
    // The same write made through Dubao's write scope, left by a killed process: the scope rewrote the identity's
    // page, so the -wal is recognised as the library's and its commit kept.
    const Crashed crashed = libraryWithDerivedWrite(libraryPath(), 'a', true);
    QVERIFY(crashed.wal.size() > 32);
    QVERIFY(writeFile(libraryPath() + QStringLiteral("-wal"), crashed.wal));
    Library library;
    const Result<void> opened = library.open(libraryPath());
    QVERIFY2(opened, qPrintable(opened.error().message()));
    QCOMPARE(sql::scalar(library.database(),
                         QStringLiteral("SELECT count(*) FROM analysis_pending WHERE article_id = 424242"))
                 .toInt(),
             1);
}

void TestLibrary::open_ownWalLeftByACrash_applied()
{
    // The library's own -wal, as a killed process leaves it: its commits are the library's and are kept.
    const Crashed crashed = libraryWithWal(libraryPath(), 'a', 1000);
    QVERIFY(crashed.wal.size() > 32);
    QVERIFY(writeFile(libraryPath() + QStringLiteral("-wal"), crashed.wal));
    Library library;
    const Result<void> opened = library.open(libraryPath());
    QVERIFY2(opened, qPrintable(opened.error().message()));
    QVERIFY(sql::scalar(library.database(), QStringLiteral("SELECT value FROM change_counter WHERE name = 'library'"))
                .toLongLong() >= 1000);
}

void TestLibrary::open_readOnlyFile_readsWorkWritesFail()
{
    qint64 id = 0;
    {
        Library library;
        QVERIFY(library.open(libraryPath()));
        id = IssueRepository(library).insert(makeIssue(sha('d'))).valueOr(0);
        QVERIFY(id > 0);
    }
    QVERIFY(QFile::setPermissions(libraryPath(), QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    const QByteArray before = readAll(libraryPath());

    {
        Library library;
        const Result<void> opened = library.open(libraryPath());
        QVERIFY2(opened, qPrintable(opened.error().message()));
        QVERIFY(library.isReadOnly());
        IssueRepository repository(library);
        QCOMPARE(repository.issueCount(), 1);
        const auto stored = repository.issue(id);
        QVERIFY(stored);
        QCOMPARE(stored->parsed.articles.size(), 4);
        QCOMPARE(repository.listIssues().size(), 1);

        const Result<qint64> refused = repository.insert(makeIssue(sha('e')));
        QCOMPARE(refused.valueOr(0), 0);
        QVERIFY(!refused.error().message().isEmpty());
        IssueInfo info = stored->parsed.issue;
        info.publication = QStringLiteral("别的报");
        QVERIFY(!repository.updateIssueInfo(id, info));
        QCOMPARE(repository.issueCount(), 1);
        QCOMPARE(repository.issue(id)->parsed.issue.publication, QStringLiteral("渝西都市报"));
    }
    QCOMPARE(readAll(libraryPath()), before);
    QFile::setPermissions(libraryPath(), QFile::ReadOwner | QFile::WriteOwner);
}

void TestLibrary::open_twoInstancesSameFile_bothWork()
{
    Library writer;
    Library reader;
    QVERIFY(writer.open(libraryPath()));
    QVERIFY(reader.open(libraryPath()));
    QVERIFY(writer.database().connectionName() != reader.database().connectionName());
    QVERIFY(IssueRepository(writer).insert(makeIssue(sha('f'))).valueOr(0) > 0);
    QCOMPARE(IssueRepository(reader).issueCount(), 1);
}

void TestLibrary::open_memory_works()
{
    Library library;
    const Result<void> opened = library.open(QStringLiteral(":memory:"));
    QVERIFY2(opened, qPrintable(opened.error().message()));
    QCOMPARE(pragma(library, "user_version").toInt(), Library::currentSchemaVersion());
    QVERIFY(IssueRepository(library).insert(makeIssue(sha('0'))).valueOr(0) > 0);
    QCOMPARE(IssueRepository(library).issueCount(), 1);
}

void TestLibrary::file_readableByStockSqlite3()
{
    const QString sqlite3 = QStandardPaths::findExecutable(QStringLiteral("sqlite3"));
    // scripts/setup.sh installs sqlite3: a missing tool is a failure, never a silent skip.
    QVERIFY2(!sqlite3.isEmpty(), "no sqlite3 command-line tool installed (scripts/setup.sh installs it)");
    Library library;
    QVERIFY(library.open(libraryPath()));
    IssueRepository repository(library);
    QVERIFY(repository.insert(makeIssue(sha('1'))).valueOr(0) > 0);
    QVERIFY(repository.insert(makeIssue(sha('2'))).valueOr(0) > 0);

    auto run = [&](const QString &sql) -> QString {
        QProcess process;
        process.start(sqlite3, {libraryPath(), sql});
        if (!process.waitForFinished(30000) || process.exitCode() != 0)
            return QStringLiteral("failed: ") + QString::fromUtf8(process.readAllStandardError());
        return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    };
    // Read while the library is still open (WAL: the tool sees committed data), with no custom function.
    QCOMPARE(run(QStringLiteral("select count(*) from issues")), QStringLiteral("2"));
    QCOMPARE(run(QStringLiteral("select count(*) from blocks where kind = 'speaker'")), QStringLiteral("2"));
    QCOMPARE(run(QStringLiteral("select group_concat(r.name, ',') from article_reporters ar join reporters r on "
                                "r.id = ar.reporter_id where ar.article_id = 1 order by ar.position")),
             QStringLiteral("彭禹乔,潘文峰"));
    library.close();
    QCOMPARE(run(QStringLiteral("pragma integrity_check")), QStringLiteral("ok"));
    QCOMPARE(run(QStringLiteral("pragma foreign_key_check")), QString());
}

void TestLibrary::defaultPath_inTestAppDataFolderWhichExists()
{
    const QString path = Library::defaultPath();
    QVERIFY(path.endsWith(QLatin1String("/library.sqlite")));
    QCOMPARE(QFileInfo(path).absolutePath(), QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    QVERIFY(QFileInfo(QFileInfo(path).absolutePath()).isDir());
    QVERIFY2(path.contains(QLatin1String("qttest")), qPrintable(path)); // test mode: not the user's library
}

void TestLibrary::transaction_notCommitted_rollsBack()
{
    Library library;
    QVERIFY(library.open(libraryPath()));
    IssueRepository repository(library);
    {
        sql::WriteScope transaction(library.database());
        QVERIFY(transaction.isActive());
        QVERIFY(repository.insert(makeIssue(sha('3'))).valueOr(0) > 0);
        QCOMPARE(repository.issueCount(), 1);
    }
    QCOMPARE(repository.issueCount(), 0);
    QVERIFY(!repository.findBySha256(sha('3')));
}

void TestLibrary::transaction_committed_keeps()
{
    Library library;
    QVERIFY(library.open(libraryPath()));
    IssueRepository repository(library);
    {
        sql::WriteScope transaction(library.database());
        QVERIFY(repository.insert(makeIssue(sha('4'))).valueOr(0) > 0);
        const Result<void> committed = transaction.commit();
        QVERIFY2(committed, qPrintable(committed.error().message()));
        QVERIFY(!transaction.isActive());
        const Result<void> again = transaction.commit();
        QVERIFY(!again); // nothing left to commit
        QVERIFY(!again.error().message().isEmpty());
    }
    QCOMPARE(repository.issueCount(), 1);
    Library other;
    QVERIFY(other.open(libraryPath()));
    QCOMPARE(IssueRepository(other).issueCount(), 1);
}

void TestLibrary::schemaDigest_keptInSource_isWhatTheStepsMake()
{
    // The digest lets open() skip building the expected schema; a stale one would only make opening slow again, so
    // this names the line to put in core/store/schemaverifier.cpp's kKnownDigests.
    const int version = Library::currentSchemaVersion();
    const Result<QByteArray> digest = SchemaVerifier::expectedDigest(version);
    QVERIFY2(digest, qPrintable(digest ? QString() : digest.error().message()));
    QVERIFY2(SchemaVerifier::knownDigest(version) == *digest,
             qPrintable(QStringLiteral("kKnownDigests needs {%1, \"%2\"}").arg(version).arg(QLatin1String(*digest))));
    Library library;
    QVERIFY(library.open(libraryPath()));
    QVERIFY(library.schemaFindings().isEmpty());
    QVERIFY(!library.isReadOnly());
}

void TestLibrary::schemaDigest_alteredSchema_stillFound()
{
    // A schema that differs from ours only in one trigger's body does not match the digest: the full comparison
    // runs and names it.
    {
        Library library;
        QVERIFY(library.open(libraryPath()));
    }
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("digest-tamper"));
        db.setDatabaseName(libraryPath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE INDEX extra_index ON issues(date, id)")));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("digest-tamper"));
    Library library;
    QVERIFY(library.open(libraryPath()));
    QCOMPARE(library.schemaFindings().size(), 1);
    QCOMPARE(library.schemaFindings().front().name, QStringLiteral("extra_index"));
    QVERIFY(library.isReadOnly());
}

void TestLibrary::normalised_sameAsTheRegularExpressions()
{
    // SchemaVerifier::normalised() is written by hand for speed; it must say what the three replacements said.
    auto reference = [](const QString &sql) {
        QString text = sql.simplified();
        text.replace(QRegularExpression(QStringLiteral("\\s+")), QStringLiteral(" "));
        text.replace(QRegularExpression(QStringLiteral("\\bIF NOT EXISTS "), QRegularExpression::CaseInsensitiveOption),
                     QString());
        text.replace(QRegularExpression(QStringLiteral(" ?([(),;=]) ?")), QStringLiteral("\\1"));
        return text;
    };
    QStringList samples{
        QStringLiteral("CREATE TABLE if not exists t ( a , b )"), QStringLiteral("  x ( ( y = 1 ) ;\n\t z"),
        QStringLiteral("WHEN NEW.a = 'IF NOT EXISTS ' AND ( b ,c)"), QStringLiteral("NOTIF NOT EXISTS q"), QString()};
    Library library;
    QVERIFY(library.open(libraryPath()));
    QSqlQuery q(library.database());
    QVERIFY(q.exec(QStringLiteral("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL")));
    while (q.next())
        samples.append(q.value(0).toString());
    QVERIFY(samples.size() > 100);
    for (const QString &sql : std::as_const(samples))
        QCOMPARE(SchemaVerifier::normalised(sql), reference(sql));
}

QTEST_GUILESS_MAIN(TestLibrary)
#include "tst_library.moc"
