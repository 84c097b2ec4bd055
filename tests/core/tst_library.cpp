// Library (open, refuse, migrate, read-only, transactions) and IssueRepository (insert, read back, list, update).
#include "core/store/issuerepository.h"
#include "core/store/library.h"
#include "core/store/sql.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace dubao;

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

Block makeBlock(BlockKind kind, const QString &text, int line)
{
    Block block;
    block.kind = kind;
    block.text = text;
    block.raw = text + QStringLiteral("  ");
    block.firstLine = line;
    block.lastLine = line + 1;
    return block;
}

/// A hand-built issue with every feature the schema stores: kicker, subtitles, bylines with and without
/// reporters and date, an article without byline, every block kind.
ParsedIssue makeIssue(const QString &sha256, const QDate &date = QDate(2023, 6, 15), int month = 6, int day = 15,
                      bool inferred = false)
{
    ParsedIssue issue;
    issue.source.path = QStringLiteral("/nowhere/%1.txt").arg(sha256.left(8));
    issue.source.sha256 = sha256;
    issue.source.encoding = QStringLiteral("UTF-8");
    issue.issue.publication = QStringLiteral("渝西都市报");
    issue.issue.date = date;
    issue.issue.dateInferred = inferred;
    issue.issue.month = month;
    issue.issue.day = day;

    Article first;
    first.kicker = QStringLiteral("优化产业体系和产业布局");
    first.title = QStringLiteral("永川区委常委会召开会议");
    first.subtitles = {QStringLiteral("区委书记张智奎主持"), QStringLiteral("第二个副题")};
    first.byline = Byline{QStringLiteral("本报讯"),
                          {QStringLiteral("彭禹乔"), QStringLiteral("潘文峰")},
                          QStringLiteral("06-14"),
                          QStringLiteral("本报讯(渝西都市报记者 彭禹乔 潘 文峰)6月14日")};
    first.blocks = {makeBlock(BlockKind::Body, QStringLiteral("会议指出,实行垃圾分类。"), 5),
                    makeBlock(BlockKind::Heading, QStringLiteral("一、小标题"), 8),
                    makeBlock(BlockKind::Speaker, QStringLiteral("区委书记 张智奎"), 10),
                    makeBlock(BlockKind::Caption, QStringLiteral("图为会议现场。"), 12),
                    makeBlock(BlockKind::Note, QStringLiteral("(本报有删节)"), 14)};
    first.firstLine = 1;
    first.lastLine = 15;

    Article second;
    second.title = QStringLiteral("没有署名的文章");
    second.blocks = {makeBlock(BlockKind::Body, QStringLiteral("正文。"), 18)};
    second.firstLine = 17;
    second.lastLine = 19;

    Article third;
    third.title = QStringLiteral("评论员文章");
    third.byline = Byline{QStringLiteral("本报评论员"), {}, {}, QStringLiteral("本报评论员")};
    third.blocks = {makeBlock(BlockKind::Body, QStringLiteral("评论。"), 22),
                    makeBlock(BlockKind::Body, QStringLiteral("又一段。"), 24)};
    third.firstLine = 21;
    third.lastLine = 25;

    Article fourth; // shares a reporter with the first: one row in reporters
    fourth.title = QStringLiteral("第四篇");
    fourth.byline = Byline{QStringLiteral("本报讯"),
                           {QStringLiteral("彭禹乔")},
                           QStringLiteral("12-19"),
                           QStringLiteral("本报讯(记者 彭禹乔)12 月19日")};
    fourth.firstLine = 27;
    fourth.lastLine = 27;

    issue.articles = {first, second, third, fourth};
    return issue;
}

QString sha(char c)
{
    return QString(64, QLatin1Char(c));
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
    void open_readOnlyFile_readsWorkWritesFail();
    void open_twoInstancesSameFile_bothWork();
    void open_memory_works();
    void file_readableByStockSqlite3();
    void defaultPath_inTestAppDataFolderWhichExists();
    void transaction_notCommitted_rollsBack();
    void transaction_committed_keeps();

    void insert_readBack_equalFieldByField();
    void insert_reportersNormalised_oneRowPerName();
    void insert_emptyPublicationAndNoDate_storedAsNull();
    void insert_duplicateSha256_failsAndLeavesNothing();
    void insert_failsMidIssue_leavesNothing();
    void findBySha256_knownAndUnknown();
    void article_unknownId_nullopt();
    void issueIdOfArticle_returnsOwner();
    void listIssues_orderedByDateThenMonthDayThenId();
    void listIssues_withArticles_inReadingOrder();
    void updateIssueInfo_changesPublicationAndDate();
    void updateIssueInfo_unknownId_fails();
    void delete_issue_cascadesToArticlesAndBlocks();

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
    if (sqlite3.isEmpty())
        QSKIP("no sqlite3 command-line tool installed");
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

void TestLibrary::insert_readBack_equalFieldByField()
{
    Library library;
    QVERIFY(library.open(libraryPath()));
    IssueRepository repository(library);
    const ParsedIssue expected = makeIssue(sha('5'), QDate(2022, 12, 19), 12, 19, true);
    const Result<qint64> inserted = repository.insert(expected);
    const qint64 id = inserted.valueOr(0);
    QVERIFY2(id > 0, qPrintable(inserted.error().message()));

    const auto stored = repository.issue(id);
    QVERIFY(stored);
    QCOMPARE(stored->id, id);
    const ParsedIssue &got = stored->parsed;
    QCOMPARE(got.source, expected.source);
    QCOMPARE(got.issue.publication, expected.issue.publication);
    QCOMPARE(got.issue.date, expected.issue.date);
    QCOMPARE(got.issue.dateInferred, true);
    QCOMPARE(got.issue.month, 12);
    QCOMPARE(got.issue.day, 19);
    QCOMPARE(got.articles.size(), expected.articles.size());

    QSet<qint64> articleIds;
    QSet<qint64> blockIds;
    ParsedIssue withIds = expected;
    for (int a = 0; a < got.articles.size(); ++a) {
        const Article &article = got.articles.at(a);
        const Article &want = expected.articles.at(a);
        QVERIFY(article.id > 0);
        articleIds.insert(article.id);
        QCOMPARE(article.kicker, want.kicker);
        QCOMPARE(article.title, want.title);
        QCOMPARE(article.subtitles, want.subtitles);
        QCOMPARE(article.byline.has_value(), want.byline.has_value());
        if (want.byline) {
            QCOMPARE(article.byline->source, want.byline->source);
            QCOMPARE(article.byline->reporters, want.byline->reporters);
            QCOMPARE(article.byline->date, want.byline->date);
            QCOMPARE(article.byline->raw, want.byline->raw);
        }
        QCOMPARE(article.firstLine, want.firstLine);
        QCOMPARE(article.lastLine, want.lastLine);
        QCOMPARE(article.blocks.size(), want.blocks.size());
        withIds.articles[a].id = article.id;
        for (int b = 0; b < article.blocks.size(); ++b) {
            const Block &block = article.blocks.at(b);
            const Block &wantBlock = want.blocks.at(b);
            QVERIFY(block.id > 0);
            blockIds.insert(block.id);
            QCOMPARE(block.kind, wantBlock.kind);
            QCOMPARE(block.text, wantBlock.text);
            QCOMPARE(block.raw, wantBlock.raw);
            QCOMPARE(block.firstLine, wantBlock.firstLine);
            QCOMPARE(block.lastLine, wantBlock.lastLine);
            withIds.articles[a].blocks[b].id = block.id;
        }

        // article(id) gives the same as the article inside issue(id).
        const auto single = repository.article(article.id);
        QVERIFY(single);
        QVERIFY(*single == article);
    }
    QCOMPARE(articleIds.size(), expected.articles.size());
    QCOMPARE(blockIds.size(), 8);
    QVERIFY(got == withIds);
}

void TestLibrary::insert_reportersNormalised_oneRowPerName()
{
    Library library;
    QVERIFY(library.open(libraryPath()));
    IssueRepository repository(library);
    QVERIFY(repository.insert(makeIssue(sha('6'))).valueOr(0) > 0);
    QVERIFY(repository.insert(makeIssue(sha('7'))).valueOr(0) > 0);
    QSqlQuery query(library.database());
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM reporters")) && query.next());
    QCOMPARE(query.value(0).toInt(), 2); // 彭禹乔, 潘文峰 over two issues and four bylines
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM article_reporters")) && query.next());
    QCOMPARE(query.value(0).toInt(), 6);
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM publications")) && query.next());
    QCOMPARE(query.value(0).toInt(), 1);
}

void TestLibrary::insert_emptyPublicationAndNoDate_storedAsNull()
{
    Library library;
    QVERIFY(library.open(libraryPath()));
    IssueRepository repository(library);
    ParsedIssue issue = makeIssue(sha('8'), QDate(), 0, 0);
    issue.issue.publication.clear();
    const qint64 id = repository.insert(issue).valueOr(0);
    QVERIFY(id > 0);
    QSqlQuery query(library.database());
    QVERIFY(
        query.exec(QStringLiteral("SELECT publication_id IS NULL, date IS NULL FROM issues WHERE id = %1").arg(id)));
    QVERIFY(query.next());
    QCOMPARE(query.value(0).toInt(), 1);
    QCOMPARE(query.value(1).toInt(), 1);
    const auto stored = repository.issue(id);
    QVERIFY(stored);
    QVERIFY(stored->parsed.issue.publication.isEmpty());
    QVERIFY(!stored->parsed.issue.date.isValid());
}

void TestLibrary::insert_duplicateSha256_failsAndLeavesNothing()
{
    Library library;
    QVERIFY(library.open(libraryPath()));
    IssueRepository repository(library);
    QVERIFY(repository.insert(makeIssue(sha('9'))).valueOr(0) > 0);
    const Result<qint64> twice = repository.insert(makeIssue(sha('9')));
    QCOMPARE(twice.valueOr(0), 0);
    QVERIFY2(twice.error().message().contains(QLatin1String("UNIQUE")), qPrintable(twice.error().message()));
    QCOMPARE(repository.issueCount(), 1);
    QCOMPARE(repository.articleCount(), 4);
}

void TestLibrary::insert_failsMidIssue_leavesNothing()
{
    Library library;
    QVERIFY(library.open(libraryPath()));
    IssueRepository repository(library);
    QVERIFY(repository.insert(makeIssue(sha('a'))).valueOr(0) > 0);
    QSqlQuery query(library.database());
    // Fails at the third block of the next issue, after its source, issue, articles and reporters went in.
    QVERIFY(query.exec(QStringLiteral("CREATE TEMP TRIGGER fail BEFORE INSERT ON main.blocks WHEN "
                                      "(SELECT count(*) FROM main.blocks) >= 10 BEGIN SELECT RAISE(ABORT, 'boom'); "
                                      "END")));
    ParsedIssue issue = makeIssue(sha('b'));
    issue.issue.publication = QStringLiteral("新报纸");
    issue.articles[0].byline->reporters.append(QStringLiteral("新记者"));
    // No outer transaction: insert() alone must still be all or nothing.
    const Result<qint64> failed = repository.insert(issue);
    QCOMPARE(failed.valueOr(0), 0);
    QVERIFY2(failed.error().message().contains(QLatin1String("boom")), qPrintable(failed.error().message()));
    const char *const counts[][2] = {{"source_files", "1"}, {"issues", "1"},    {"articles", "4"},
                                     {"blocks", "8"},       {"reporters", "2"}, {"article_reporters", "3"},
                                     {"publications", "1"}};
    for (const auto &[table, expected] : counts) {
        QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM ") + QLatin1String(table)) && query.next());
        QCOMPARE(query.value(0).toString(), QLatin1String(expected));
    }
    QVERIFY(!repository.findBySha256(sha('b')));
    QVERIFY(query.exec(QStringLiteral("DROP TRIGGER fail")));
    const Result<qint64> inserted = repository.insert(issue);
    QVERIFY2(inserted.valueOr(0) > 0, qPrintable(inserted.error().message()));
}

void TestLibrary::findBySha256_knownAndUnknown()
{
    Library library;
    QVERIFY(library.open(libraryPath()));
    IssueRepository repository(library);
    const qint64 id = repository.insert(makeIssue(sha('c'))).valueOr(0);
    QCOMPARE(repository.findBySha256(sha('c')), std::optional<qint64>(id));
    QCOMPARE(repository.findBySha256(sha('C')), std::optional<qint64>(id)); // hex case does not matter
    QVERIFY(!repository.findBySha256(sha('d')));
}

void TestLibrary::article_unknownId_nullopt()
{
    Library library;
    QVERIFY(library.open(libraryPath()));
    IssueRepository repository(library);
    QVERIFY(repository.insert(makeIssue(sha('e'))).valueOr(0) > 0);
    QVERIFY(!repository.article(12345));
    QVERIFY(!repository.issue(12345));
    QVERIFY(!repository.issueIdOfArticle(12345));
}

void TestLibrary::issueIdOfArticle_returnsOwner()
{
    Library library;
    QVERIFY(library.open(libraryPath()));
    IssueRepository repository(library);
    const qint64 first = repository.insert(makeIssue(sha('1'))).valueOr(0);
    const qint64 second = repository.insert(makeIssue(sha('2'))).valueOr(0);
    QVERIFY(first > 0 && second > 0 && first != second);
    const auto stored = repository.issue(second);
    QVERIFY(stored);
    QCOMPARE(repository.issueIdOfArticle(stored->parsed.articles.at(2).id), std::optional<qint64>(second));
}

void TestLibrary::listIssues_orderedByDateThenMonthDayThenId()
{
    Library library;
    QVERIFY(library.open(libraryPath()));
    IssueRepository repository(library);
    // Inserted out of order on purpose.
    const qint64 unknown = repository.insert(makeIssue(sha('1'), QDate(), 0, 0)).valueOr(0);
    const qint64 nov14 = repository.insert(makeIssue(sha('2'), QDate(), 11, 14)).valueOr(0);
    const qint64 june14 = repository.insert(makeIssue(sha('3'), QDate(2023, 6, 14), 6, 14)).valueOr(0);
    const qint64 mar2 = repository.insert(makeIssue(sha('4'), QDate(), 3, 2)).valueOr(0);
    const qint64 inferred = repository.insert(makeIssue(sha('5'), QDate(2022, 12, 19), 12, 19, true)).valueOr(0);
    const qint64 june14Again = repository.insert(makeIssue(sha('6'), QDate(2023, 6, 14), 6, 14)).valueOr(0);
    const qint64 y2024 = repository.insert(makeIssue(sha('7'), QDate(2024, 1, 2), 1, 2)).valueOr(0);

    const QList<IssueSummary> issues = repository.listIssues(IssueRepository::Listing::IssuesOnly);
    QList<qint64> ids;
    for (const IssueSummary &issue : issues)
        ids.append(issue.id);
    const QList<qint64> expected{inferred, june14, june14Again, y2024, mar2, nov14, unknown};
    QCOMPARE(ids, expected);

    QCOMPARE(issues.at(0).info.date, QDate(2022, 12, 19));
    QVERIFY(issues.at(0).info.dateInferred);
    QVERIFY(!issues.at(1).info.dateInferred);
    QCOMPARE(issues.at(4).info.month, 3);
    QCOMPARE(issues.at(4).info.day, 2);
    QVERIFY(!issues.at(4).info.date.isValid());
    QCOMPARE(issues.at(0).info.publication, QStringLiteral("渝西都市报"));
    QCOMPARE(issues.at(0).sourcePath, makeIssue(sha('5')).source.path);
    for (const IssueSummary &issue : issues)
        QVERIFY(issue.articles.isEmpty()); // IssuesOnly
}

void TestLibrary::listIssues_withArticles_inReadingOrder()
{
    Library library;
    QVERIFY(library.open(libraryPath()));
    IssueRepository repository(library);
    ParsedIssue small = makeIssue(sha('1'), QDate(2024, 1, 1), 1, 1);
    small.articles.removeFirst();
    const qint64 later = repository.insert(small).valueOr(0);
    const qint64 earlier = repository.insert(makeIssue(sha('2'), QDate(2023, 1, 1), 1, 1)).valueOr(0);

    const QList<IssueSummary> issues = repository.listIssues();
    QCOMPARE(issues.size(), 2);
    QCOMPARE(issues.at(0).id, earlier);
    QCOMPARE(issues.at(1).id, later);
    QCOMPARE(issues.at(0).articles.size(), 4);
    QCOMPARE(issues.at(1).articles.size(), 3);
    const ArticleSummary &first = issues.at(0).articles.at(0);
    QCOMPARE(first.kicker, QStringLiteral("优化产业体系和产业布局"));
    QCOMPARE(first.title, QStringLiteral("永川区委常委会召开会议"));
    QCOMPARE(first.subtitles, makeIssue(sha('2')).articles.at(0).subtitles);
    QCOMPARE(issues.at(1).articles.at(0).title, QStringLiteral("没有署名的文章"));
    QCOMPARE(issues.at(1).articles.at(2).title, QStringLiteral("第四篇"));
    QCOMPARE(repository.issueIdOfArticle(issues.at(1).articles.at(2).id), std::optional<qint64>(later));
}

void TestLibrary::updateIssueInfo_changesPublicationAndDate()
{
    Library library;
    QVERIFY(library.open(libraryPath()));
    IssueRepository repository(library);
    const qint64 yearless = repository.insert(makeIssue(sha('1'), QDate(), 11, 14)).valueOr(0);
    const qint64 dated = repository.insert(makeIssue(sha('2'), QDate(2023, 6, 14), 6, 14)).valueOr(0);
    QCOMPARE(repository.listIssues().constFirst().id, dated);

    IssueInfo info;
    info.publication = QStringLiteral("重庆日报");
    info.date = QDate(2022, 11, 14);
    info.month = 11;
    info.day = 14;
    const Result<void> updated = repository.updateIssueInfo(yearless, info);
    QVERIFY2(updated, qPrintable(updated.error().message()));

    const auto stored = repository.issue(yearless);
    QVERIFY(stored);
    QCOMPARE(stored->parsed.issue, info);
    QCOMPARE(repository.listIssues().constFirst().id, yearless); // 2022 now sorts first
    QCOMPARE(repository.issue(dated)->parsed.issue.publication, QStringLiteral("渝西都市报"));
    QCOMPARE(stored->parsed.articles.size(), 4); // articles untouched
}

void TestLibrary::updateIssueInfo_unknownId_fails()
{
    Library library;
    QVERIFY(library.open(libraryPath()));
    IssueRepository repository(library);
    IssueInfo info;
    info.publication = QStringLiteral("不存在的报");
    const Result<void> updated = repository.updateIssueInfo(777, info);
    QVERIFY(!updated);
    QVERIFY(updated.error().message().contains(QLatin1String("777")));
    QSqlQuery query(library.database());
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM publications")) && query.next());
    QCOMPARE(query.value(0).toInt(), 0); // the publication created on demand was rolled back too
}

void TestLibrary::delete_issue_cascadesToArticlesAndBlocks()
{
    Library library;
    QVERIFY(library.open(libraryPath()));
    IssueRepository repository(library);
    const qint64 kept = repository.insert(makeIssue(sha('1'))).valueOr(0);
    QVERIFY(repository.insert(makeIssue(sha('2'))).valueOr(0) > 0);
    QSqlQuery query(library.database());
    // Deleting the source file removes its issue, and the foreign keys cascade to articles and blocks.
    QVERIFY(query.exec(QStringLiteral("DELETE FROM source_files WHERE sha256 = '%1'").arg(sha('2'))));
    QCOMPARE(repository.issueCount(), 1);
    QCOMPARE(repository.articleCount(), 4);
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM blocks")) && query.next());
    QCOMPARE(query.value(0).toInt(), 8);
    QVERIFY(query.exec(QStringLiteral("SELECT count(*) FROM article_reporters")) && query.next());
    QCOMPARE(query.value(0).toInt(), 3);
    QVERIFY(repository.issue(kept));
}

QTEST_GUILESS_MAIN(TestLibrary)
#include "tst_library.moc"
