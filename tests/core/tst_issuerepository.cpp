// IssueRepository on a library file: insert (all or nothing), read back field by field, reporters stored once,
// find by SHA-256, list issues in date order with their articles, update an issue's publication and date, delete;
// the original bytes kept compressed and read back exactly (schema v10).
// Opening, refusing and migrating library files: tst_library.cpp. Every function runs on an SQLite file and again on a
// team library on PostgreSQL (tests/support/engines.h), but the upgrade of a v9 file.
#include "core/store/issuerepository.h"
#include "core/store/library.h"
#include "core/store/sourcebytes.h"
#include "tests/support/engines.h"
#include "tests/support/handbuiltissue.h"
#include "tests/support/sampleissue.h"
#include "tests/support/scalar.h"
#include "tests/support/schemaversions.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace dubao;
using namespace Qt::StringLiterals;
using dubao::test::makeIssue;
using dubao::test::scalar;
using dubao::test::sha;

class TestIssueRepository : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

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
    void sourceBytes_imported_storedCompressedAndReadBackExactly();
    void sourceBytes_damagedOrUnknownCodec_nullopt();
    void sourceBytes_libraryOfVersion9_compressedWhenOpened();

private:
    /// A library of the running test's own: a file, or a database on the test's PostgreSQL server.
    QString libraryPath() const { return test::libraryLocation(); }

    QTemporaryDir m_dir;
};

void TestIssueRepository::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestIssueRepository::insert_readBack_equalFieldByField()
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

    // articles(ids) reads many at once, each as article(id, RawText::Skipped) gives it; unknown ids are left out.
    QList<qint64> ids(articleIds.cbegin(), articleIds.cend());
    ids.append(12345);
    const QHash<qint64, Article> many = repository.articles(ids);
    QCOMPARE(many.size(), articleIds.size());
    for (const qint64 id : std::as_const(articleIds)) {
        QVERIFY(many.contains(id));
        QVERIFY(many.value(id) == *repository.article(id, IssueRepository::RawText::Skipped));
    }
    QVERIFY(repository.articles({}).isEmpty());
}

void TestIssueRepository::insert_reportersNormalised_oneRowPerName()
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

void TestIssueRepository::insert_emptyPublicationAndNoDate_storedAsNull()
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

void TestIssueRepository::insert_duplicateSha256_failsAndLeavesNothing()
{
    Library library;
    QVERIFY(library.open(libraryPath()));
    IssueRepository repository(library);
    QVERIFY(repository.insert(makeIssue(sha('9'))).valueOr(0) > 0);
    const Result<qint64> twice = repository.insert(makeIssue(sha('9')));
    QCOMPARE(twice.valueOr(0), 0);
    QVERIFY2(twice.error().message().contains(QLatin1String("UNIQUE"), Qt::CaseInsensitive),
             qPrintable(twice.error().message()));
    QCOMPARE(repository.issueCount(), 1);
    QCOMPARE(repository.articleCount(), 4);
}

void TestIssueRepository::insert_failsMidIssue_leavesNothing()
{
    Library library;
    QVERIFY(library.open(libraryPath()));
    IssueRepository repository(library);
    QVERIFY(repository.insert(makeIssue(sha('a'))).valueOr(0) > 0);
    QSqlQuery query(library.database());
    // Fails at the third block of the next issue, after its source, issue, articles and reporters went in.
    if (test::onPostgres()) {
        QVERIFY(
            query.exec(u"CREATE FUNCTION fail() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                       "IF (SELECT count(*) FROM blocks) >= 10 THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; "
                       "END $$; CREATE TRIGGER fail BEFORE INSERT ON blocks FOR EACH ROW EXECUTE FUNCTION fail()"_s));
    } else {
        QVERIFY(query.exec(QStringLiteral("CREATE TEMP TRIGGER fail BEFORE INSERT ON main.blocks WHEN "
                                          "(SELECT count(*) FROM main.blocks) >= 10 BEGIN SELECT RAISE(ABORT, 'boom'); "
                                          "END")));
    }
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
    QVERIFY(query.exec(test::onPostgres() ? u"DROP TRIGGER fail ON blocks"_s : u"DROP TRIGGER fail"_s));
    const Result<qint64> inserted = repository.insert(issue);
    QVERIFY2(inserted.valueOr(0) > 0, qPrintable(inserted.error().message()));
}

void TestIssueRepository::findBySha256_knownAndUnknown()
{
    Library library;
    QVERIFY(library.open(libraryPath()));
    IssueRepository repository(library);
    const qint64 id = repository.insert(makeIssue(sha('c'))).valueOr(0);
    QCOMPARE(repository.findBySha256(sha('c')), std::optional<qint64>(id));
    QCOMPARE(repository.findBySha256(sha('C')), std::optional<qint64>(id)); // hex case does not matter
    QVERIFY(!repository.findBySha256(sha('d')));
}

void TestIssueRepository::article_unknownId_nullopt()
{
    Library library;
    QVERIFY(library.open(libraryPath()));
    IssueRepository repository(library);
    QVERIFY(repository.insert(makeIssue(sha('e'))).valueOr(0) > 0);
    QVERIFY(!repository.article(12345));
    QVERIFY(!repository.issue(12345));
    QVERIFY(!repository.issueIdOfArticle(12345));
}

void TestIssueRepository::issueIdOfArticle_returnsOwner()
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

void TestIssueRepository::listIssues_orderedByDateThenMonthDayThenId()
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

void TestIssueRepository::listIssues_withArticles_inReadingOrder()
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

void TestIssueRepository::updateIssueInfo_changesPublicationAndDate()
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

void TestIssueRepository::updateIssueInfo_unknownId_fails()
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

void TestIssueRepository::delete_issue_cascadesToArticlesAndBlocks()
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

void TestIssueRepository::sourceBytes_imported_storedCompressedAndReadBackExactly()
{
    Library library;
    QVERIFY(library.open(libraryPath()));
    const std::optional<StoredIssue> issue = test::importSampleIssue(library);
    QVERIFY(issue);
    QFile file(test::sampleIssuePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray original = file.readAll();
    QCOMPARE(scalar(library, u"SELECT codec FROM source_contents"_s), qint64(sourcebytes::Zlib));
    QVERIFY(scalar(library, u"SELECT length(bytes) FROM source_contents"_s) < original.size());
    QSqlDatabase db = library.database();
    const qint64 sourceId = scalar(library, u"SELECT source_file_id FROM source_contents"_s);
    QCOMPARE(sourcebytes::read(db, sourceId), std::optional<QByteArray>(original));
    // What does not shrink is kept as it is.
    const sourcebytes::Packed tiny = sourcebytes::pack("ab");
    QCOMPARE(tiny.codec, int(sourcebytes::Plain));
    QCOMPARE(tiny.bytes, QByteArray("ab"));
}

void TestIssueRepository::sourceBytes_damagedOrUnknownCodec_nullopt()
{
    const QByteArray original = QByteArray("永川区委常委会召开会议。").repeated(40);
    sourcebytes::Packed packed = sourcebytes::pack(original);
    QCOMPARE(packed.codec, int(sourcebytes::Zlib));
    QCOMPARE(sourcebytes::unpack(packed.codec, packed.bytes), std::optional<QByteArray>(original));
    QCOMPARE(sourcebytes::unpack(QVariant(), original), std::optional<QByteArray>(original)); // before v10
    QCOMPARE(sourcebytes::unpack(7, packed.bytes), std::nullopt);
    packed.bytes.truncate(packed.bytes.size() / 2);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"qUncompress"_s));
    QCOMPARE(sourcebytes::unpack(packed.codec, packed.bytes), std::nullopt);
}

void TestIssueRepository::sourceBytes_libraryOfVersion9_compressedWhenOpened()
{
    QFile file(test::sampleIssuePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray original = file.readAll();
    {
        Library library;
        QVERIFY(library.open(libraryPath()));
        QVERIFY(test::importSampleIssue(library));
        QVERIFY(test::dropSchemaVersion11(library.database()) && test::dropSchemaVersion10(library.database()));
        QSqlQuery q(library.database());
        QVERIFY(q.exec(u"PRAGMA user_version = 9"_s));
        QSqlDatabase db = library.database();
        const qint64 sourceId = scalar(library, u"SELECT source_file_id FROM source_contents"_s);
        QCOMPARE(sourcebytes::read(db, sourceId), std::optional<QByteArray>(original)); // no codec column
    }
    Library library;
    const Result<void> opened = library.open(libraryPath());
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message()));
    QCOMPARE(scalar(library, u"PRAGMA user_version"_s), qint64(Library::currentSchemaVersion()));
    QCOMPARE(scalar(library, u"SELECT codec FROM source_contents"_s), qint64(sourcebytes::Zlib));
    QSqlDatabase db = library.database();
    const qint64 sourceId = scalar(library, u"SELECT source_file_id FROM source_contents"_s);
    QCOMPARE(sourcebytes::read(db, sourceId), std::optional<QByteArray>(original));
}

DUBAO_TEST_MAIN_BOTH_ENGINES(TestIssueRepository, {u"sourceBytes_libraryOfVersion9_compressedWhenOpened"_s})
#include "tst_issuerepository.moc"
