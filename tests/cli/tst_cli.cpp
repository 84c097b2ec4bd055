// dubao-cli end to end: the real executable on real files and a real library file.
#include "core/search/searchservice.h"
#include "core/store/library.h"
#include "tests/support/cliprocess.h"
#include "tests/support/corpus.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using dubao::test::corpusFile;

namespace {

using Run = dubao::test::CliRun;

Run cli(const QStringList &args, const QString &home)
{
    return dubao::test::runCli(args, home); // the default library lands in this test's folder, never the user's
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void version_printsVersion();
    void unknownCommand_usageErrorExit2();
    void manPage_describesEveryCommandAndFilter();
    void parse_json_hasDocumentedShape();
    void parse_binaryFile_oneLineErrorNonZero();
    void importListShow_roundTrip();
    void import_twice_secondTimeAlreadyPresent();
    void import_withOneBadFile_othersImportedExitNonZero();
    void library_notSqlite_clearErrorFileUntouched();
    void defaultLibrary_usedWithoutOption();
    void show_unknownId_fails();
    void searchKwicReindex_roundTrip();
    void search_outdatedIndex_rebuiltFirst();

private:
    std::unique_ptr<QTemporaryDir> m_tmp; // a fresh folder (and so fresh libraries) for every test
    QDir m_dir;
    QString m_corpus;
};

void TestCli::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
    m_dir = QDir(m_tmp->path());
    m_corpus = QStringLiteral(DUBAO_CORPUS_DIR);
}

void TestCli::version_printsVersion()
{
    const Run r = cli({u"--version"_s}, m_dir.path());
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.startsWith("dubao-cli " DUBAO_VERSION));
}

void TestCli::unknownCommand_usageErrorExit2()
{
    const Run r = cli({u"frobnicate"_s}, m_dir.path());
    QCOMPARE(r.code, 2);
    QVERIFY(r.err.contains("unknown command"));
}

void TestCli::manPage_describesEveryCommandAndFilter()
{
    // Every command --help lists (the first word of each command line) has an entry in the man page, and every
    // filter of the search language is named there.
    QFile page(QStringLiteral(DUBAO_SOURCE_DIR "/resources/dubao-cli.1.in"));
    QVERIFY(page.open(QIODevice::ReadOnly));
    const QByteArray raw = page.readAll();
    // groff's default device has no glyph for a CJK character (or its \[uXXXX] escape) and warns, which the
    // package check treats as a failure: the page is plain ASCII.
    for (qsizetype i = 0; i < raw.size(); ++i)
        QVERIFY2(uchar(raw.at(i)) < 0x80,
                 qPrintable(u"non-ASCII byte at line "_s + QString::number(raw.left(i).count('\n') + 1)));
    const QString man = QString::fromUtf8(raw).replace(u"\\-"_s, u"-"_s);
    const Run help = cli({u"--help"_s}, m_dir.path());
    QCOMPARE(help.code, 0);
    QSet<QString> commands;
    bool options = false;
    for (const QString &line : QString::fromUtf8(help.out).split(u'\n')) {
        options = options || line.startsWith(u"Options:"_s);
        static const QRegularExpression command(u"^  ([a-z][a-z-]+)( |$)"_s);
        if (const QRegularExpressionMatch m = command.match(line); m.hasMatch() && !options)
            commands.insert(m.captured(1));
    }
    QVERIFY2(commands.size() >= 25, qPrintable(QStringList(commands.cbegin(), commands.cend()).join(u' ')));
    QVERIFY(commands.contains(u"people"_s) && commands.contains(u"person"_s));
    for (const QString &command : std::as_const(commands)) {
        const QRegularExpression entry(u"^\\.B[IR]? \"?"_s + QRegularExpression::escape(command) + u"\\b"_s,
                                       QRegularExpression::MultilineOption);
        QVERIFY2(man.contains(entry), qPrintable(u"the man page has no entry for "_s + command));
    }
    for (const char *filter : {"title:", "reporter:", "tag:", "publication:", "from:", "to:", "in:notes",
                               "person:", "office:", "ocr:", "own:", "author:"}) {
        const QRegularExpression named(u"(^|[\\s\"])"_s + QRegularExpression::escape(QLatin1String(filter)),
                                       QRegularExpression::MultilineOption);
        QVERIFY2(man.contains(named), filter);
        QVERIFY2(help.out.contains(filter), filter);
    }
}

void TestCli::parse_json_hasDocumentedShape()
{
    const QString file = corpusFile(u"003"_s);
    const Run r = cli({u"parse"_s, file, u"--json"_s}, m_dir.path());
    QCOMPARE(r.code, 0);
    QJsonParseError error;
    const QJsonObject doc = QJsonDocument::fromJson(r.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject source = doc.value(u"source"_s).toObject();
    QCOMPARE(source.value(u"file"_s).toString(), file);
    QCOMPARE(source.value(u"sha256"_s).toString().size(), 64);
    QCOMPARE(source.value(u"encoding"_s).toString(), u"UTF-8"_s);
    const QJsonObject issue = doc.value(u"issue"_s).toObject();
    QCOMPARE(issue.value(u"publication"_s).toString(), u"渝西都市报"_s);
    QVERIFY(issue.value(u"date"_s).toString().contains(QRegularExpression(u"^\\d{4}-11-13$"_s)));
    QCOMPARE(issue.value(u"date_inferred"_s).toBool(), true);
    const QJsonArray articles = doc.value(u"articles"_s).toArray();
    QCOMPARE(articles.size(), 3);
    const QJsonObject first = articles[0].toObject();
    for (const QString &key : {u"kicker"_s, u"title"_s, u"subtitles"_s, u"byline"_s, u"blocks"_s})
        QVERIFY2(first.contains(key), qPrintable(key));
    const QJsonObject byline = first.value(u"byline"_s).toObject();
    QCOMPARE(byline.value(u"reporters"_s).toArray().size(), 2);
    QCOMPARE(byline.value(u"date"_s).toString(), u"11-13"_s);
    QVERIFY(byline.value(u"raw"_s).toString().startsWith(u"本报讯"_s));
    const QJsonObject block = first.value(u"blocks"_s).toArray()[0].toObject();
    QCOMPARE(block.value(u"kind"_s).toString(), u"body"_s);
    QCOMPARE(block.value(u"lines"_s).toArray(), (QJsonArray{7, 7}));
    QVERIFY(!block.contains(u"id"_s));
    // A third article has a wire byline without reporters; an article without a kicker has null.
    QVERIFY(articles[2].toObject().value(u"kicker"_s).isNull());
}

void TestCli::parse_binaryFile_oneLineErrorNonZero()
{
    const QString path = m_dir.filePath(u"binary.txt"_s);
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray("\x7f"
                       "ELF\x02\x01\x01\x00\x00\x00\x00",
                       11)
                .repeated(20));
    f.close();
    const Run r = cli({u"parse"_s, path, u"--json"_s}, m_dir.path());
    QVERIFY(r.code != 0);
    QVERIFY(r.out.isEmpty());
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY(r.err.contains(path.toUtf8()));
}

void TestCli::importListShow_roundTrip()
{
    const QString lib = m_dir.filePath(u"lib.sqlite"_s);
    Run r = cli({u"import"_s, m_corpus, u"--library"_s, lib}, m_dir.path());
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains("5 imported, 0 already present, 0 failed"));

    r = cli({u"list"_s, u"--json"_s, u"--library"_s, lib}, m_dir.path());
    QCOMPARE(r.code, 0);
    const QJsonArray issues = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(issues.size(), 5);
    // Sorted by date: 003 (2022-11-13) first, 004 (2024-12-19) last.
    QCOMPARE(issues.first().toObject().value(u"date"_s).toString(), u"2022-11-13"_s);
    QCOMPARE(issues.last().toObject().value(u"date"_s).toString(), u"2024-12-19"_s);
    qint64 articleId = 0;
    int articleCount = 0;
    for (const QJsonValue &v : issues) {
        const QJsonObject o = v.toObject();
        QVERIFY(o.value(u"id"_s).toInteger() > 0);
        for (const QJsonValue &a : o.value(u"articles"_s).toArray()) {
            ++articleCount;
            if (a.toObject().value(u"title"_s).toString() == u"科学精准做好疫情防控 千方百计稳定企业生产"_s)
                articleId = a.toObject().value(u"id"_s).toInteger();
        }
    }
    QCOMPARE(articleCount, 12);
    QVERIFY(articleId > 0);

    r = cli({u"show"_s, QString::number(articleId), u"--json"_s, u"--library"_s, lib}, m_dir.path());
    QCOMPARE(r.code, 0);
    const QJsonObject article = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(article.value(u"id"_s).toInteger(), articleId);
    QCOMPARE(article.value(u"kicker"_s).toString(), u"常晓勇在调研疫情防控和企业生产工作时强调"_s);
    const QJsonArray blocks = article.value(u"blocks"_s).toArray();
    QCOMPARE(blocks.size(), 6);
    QSet<qint64> ids;
    for (const QJsonValue &b : blocks)
        ids.insert(b.toObject().value(u"id"_s).toInteger());
    QCOMPARE(ids.size(), 6);
    QVERIFY(!ids.contains(0));

    r = cli({u"show"_s, QString::number(articleId), u"--raw"_s, u"--library"_s, lib}, m_dir.path());
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains("   27  本报讯(渝西都市报记者 涂燕)11月 14日"));
}

void TestCli::import_twice_secondTimeAlreadyPresent()
{
    const QString lib = m_dir.filePath(u"lib.sqlite"_s);
    QCOMPARE(cli({u"import"_s, m_corpus, u"--library"_s, lib}, m_dir.path()).code, 0);
    const Run r = cli({u"import"_s, m_corpus, u"--library"_s, lib}, m_dir.path());
    QCOMPARE(r.code, 0);
    QVERIFY(r.out.contains("0 imported, 5 already present, 0 failed"));
}

void TestCli::import_withOneBadFile_othersImportedExitNonZero()
{
    const QString folder = m_dir.filePath(u"in"_s);
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(QFile::copy(corpusFile(u"000"_s), folder + u"/good.txt"_s));
    QFile empty(folder + u"/empty.txt"_s);
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();
    const QString lib = m_dir.filePath(u"lib.sqlite"_s);
    const Run r = cli({u"import"_s, folder, u"--library"_s, lib}, m_dir.path());
    QCOMPARE(r.code, 1);
    QVERIFY(r.out.contains("1 imported, 0 already present, 1 failed"));
    QCOMPARE(r.err.count('\n'), 1);
    QVERIFY(r.err.contains("empty.txt"));
    QVERIFY(r.err.contains("empty"));
}

void TestCli::library_notSqlite_clearErrorFileUntouched()
{
    const QString lib = m_dir.filePath(u"notes.txt"_s);
    QFile f(lib);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("my precious notes\n");
    f.close();
    const Run r = cli({u"list"_s, u"--library"_s, lib}, m_dir.path());
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains("not an SQLite file") || r.err.contains("not a Dubao library"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("my precious notes\n"));
}

void TestCli::defaultLibrary_usedWithoutOption()
{
    QCOMPARE(cli({u"import"_s, corpusFile(u"001"_s)}, m_dir.path()).code, 0);
    const Run r = cli({u"list"_s, u"--json"_s}, m_dir.path());
    QCOMPARE(r.code, 0);
    QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 1);
    QVERIFY(QFile::exists(m_dir.filePath(u"data/Dubao/Dubao/library.sqlite"_s)) ||
            QFile::exists(m_dir.filePath(u"data/Dubao/library.sqlite"_s)));
}

void TestCli::show_unknownId_fails()
{
    const QString lib = m_dir.filePath(u"lib.sqlite"_s);
    const Run r = cli({u"show"_s, u"999"_s, u"--library"_s, lib}, m_dir.path());
    QCOMPARE(r.code, 1);
    QVERIFY(r.err.contains("no article with id 999"));
}

void TestCli::searchKwicReindex_roundTrip()
{
    const QString lib = m_dir.filePath(u"lib.sqlite"_s);
    QCOMPARE(cli({u"import"_s, m_corpus, u"--library"_s, lib}, m_dir.path()).code, 0);

    Run r = cli({u"search"_s, u"永川"_s, u"--limit"_s, u"5"_s, u"--json"_s, u"--library"_s, lib}, m_dir.path());
    QCOMPARE(r.code, 0);
    QVERIFY2(r.err.isEmpty(), r.err.constData());
    const QJsonObject result = QJsonDocument::fromJson(r.out).object();
    const QJsonArray hits = result.value(u"hits"_s).toArray();
    QCOMPARE(hits.size(), 5);
    QVERIFY(result.value(u"total"_s).toInteger() > 5);
    for (const QJsonValue &v : hits) {
        const QJsonObject hit = v.toObject();
        QVERIFY(hit.value(u"article"_s).toInteger() > 0);
        QVERIFY(hit.value(u"snippet"_s).toString().contains(u"永川"_s));
        QVERIFY(!hit.value(u"snippet_highlights"_s).toArray().isEmpty());
    }
    // The same hits, in the same order, as the SearchService the app's search panel shows.
    {
        dubao::Library library;
        QVERIFY(library.open(lib));
        const dubao::SearchResult service =
            dubao::SearchService(library).search(u"永川"_s, {dubao::SearchOrder::Relevance, 0, 5});
        QCOMPARE(result.value(u"total"_s).toInteger(), service.total);
        QCOMPARE(hits.size(), service.hits.size());
        for (qsizetype i = 0; i < hits.size(); ++i) {
            QCOMPARE(hits[i].toObject().value(u"article"_s).toInteger(), service.hits[i].articleId);
            QCOMPARE(hits[i].toObject().value(u"block"_s).toInteger(), service.hits[i].blockId);
        }
    }

    r = cli({u"kwic"_s, u"会议"_s, u"--width"_s, u"8"_s, u"--json"_s, u"--library"_s, lib}, m_dir.path());
    QCOMPARE(r.code, 0);
    const QJsonObject kwic = QJsonDocument::fromJson(r.out).object();
    const QJsonArray lines = kwic.value(u"lines"_s).toArray();
    QVERIFY(!lines.isEmpty());
    for (const QJsonValue &v : lines) {
        QCOMPARE(v.toObject().value(u"keyword"_s).toString(), u"会议"_s);
        QVERIFY(v.toObject().value(u"left"_s).toString().size() <= 8);
    }

    r = cli({u"reindex"_s, u"--json"_s, u"--library"_s, lib}, m_dir.path());
    QCOMPARE(r.code, 0);
    const QJsonObject stats = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(stats.value(u"headlines"_s).toInteger(), 12);
    QVERIFY(stats.value(u"paragraphs"_s).toInteger() > 12);
}

void TestCli::search_outdatedIndex_rebuiltFirst()
{
    const QString lib = m_dir.filePath(u"lib.sqlite"_s);
    QCOMPARE(cli({u"import"_s, m_corpus, u"--library"_s, lib}, m_dir.path()).code, 0);
    const Run before = cli({u"search"_s, u"会议"_s, u"--json"_s, u"--library"_s, lib}, m_dir.path());
    QCOMPARE(before.code, 0);
    {
        // As if an older version had made the index (search_meta is a plain table: no tokenizer needed).
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"outdated"_s);
        db.setDatabaseName(lib);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"UPDATE search_meta SET value = 'dubao/1' WHERE key = 'tokenizer'"_s));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"outdated"_s);
    const Run r = cli({u"search"_s, u"会议"_s, u"--json"_s, u"--library"_s, lib}, m_dir.path());
    QCOMPARE(r.code, 0);
    QVERIFY2(r.err.contains("rebuilding"), r.err.constData());
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value(u"total"_s),
             QJsonDocument::fromJson(before.out).object().value(u"total"_s));
    // Rebuilt once: the next search has nothing to say.
    const Run again = cli({u"search"_s, u"会议"_s, u"--library"_s, lib}, m_dir.path());
    QCOMPARE(again.code, 0);
    QVERIFY2(again.err.isEmpty(), again.err.constData());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
