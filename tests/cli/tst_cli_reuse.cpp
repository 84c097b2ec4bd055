// dubao-cli reuse and compare as a process: the JSON of issue 22 on a library of made-up copies (pairs, passages in
// code points of the blocks, clusters and their source), one article's pairs, a comparison, reference
// collections, --rebuild, what it says before an index exists, the usage errors; and on the corpus, imported by
// the CLI, which compares on import once the index is built.
// The method itself: tests/core/tst_reuse.
#include "core/store/library.h"
#include "tests/support/cliprocess.h"
#include "tests/support/corpus.h"
#include "tests/support/engines.h"
#include "tests/support/reusedocuments.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace dubao;
using namespace Qt::StringLiterals;

using test::hanText;

namespace {

QSet<QString> keysOf(const QJsonObject &o)
{
    const QStringList keys = o.keys();
    return QSet<QString>(keys.cbegin(), keys.cend());
}

} // namespace

class TestCliReuse : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Three copies of a story (the wire's the latest, with a lead of its own) and an unrelated article.
        m_story = hanText(1, 90);
        Library library;
        QVERIFY(library.open(path()));
        m_local = test::storeReuseDocument(library, {u"local"_s, QDate(2024, 3, 2), {u"本报讯　"_s + m_story}});
        m_other = test::storeReuseDocument(library, {u"other"_s, QDate(2024, 3, 1), {hanText(2, 20), m_story}});
        m_wire = test::storeReuseDocument(library, {u"wire"_s, QDate(2024, 3, 3), {m_story}, u"新华社"_s});
        m_alone = test::storeReuseDocument(library, {u"alone"_s, QDate(2024, 3, 3), {hanText(3, 200)}});
        QVERIFY(m_local && m_other && m_wire && m_alone);
    }

    void reuse_beforeTheIndex_saysHowToBuildIt()
    {
        const test::CliRun before = cli({u"reuse"_s, u"--json"_s});
        QCOMPARE(before.code, 1);
        QVERIFY(before.out.isEmpty());
        QVERIFY2(before.err.contains("no text-reuse index yet; build it with: dubao-cli reuse --rebuild --library "),
                 before.err.constData());
        QCOMPARE(cli({u"reuse"_s, QString::number(m_wire)}).code, 1);
        const test::CliRun built = cli({u"reuse"_s, u"--rebuild"_s});
        QCOMPARE(built.code, 0);
        QVERIFY(built.out.contains("4 articles compared"));
    }

    void reuse_json_hasTheIssuesShape()
    {
        const test::CliRun r = cli({u"reuse"_s, u"--json"_s});
        QCOMPARE(r.code, 0);
        const QJsonObject root = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(keysOf(root), QSet<QString>({u"pairs"_s, u"clusters"_s}));
        const QJsonArray pairs = root.value(u"pairs"_s).toArray();
        QCOMPARE(pairs.size(), 3);
        for (const QJsonValue &v : pairs) {
            const QJsonObject p = v.toObject();
            QCOMPARE(keysOf(p), QSet<QString>({u"a"_s, u"b"_s, u"shared_chars"_s, u"coverage_a"_s, u"coverage_b"_s,
                                               u"boilerplate"_s, u"quotation"_s, u"passages"_s}));
            QCOMPARE(p.value(u"shared_chars"_s).toInt(), 90);
            QVERIFY(!p.value(u"boilerplate"_s).toBool());
            QVERIFY(!p.value(u"quotation"_s).toBool()); // 90 characters in one passage: a copy
            QVERIFY(p.value(u"a"_s).toInteger() < p.value(u"b"_s).toInteger());
            for (const QJsonValue &s : p.value(u"passages"_s).toArray())
                QCOMPARE(keysOf(s.toObject()), QSet<QString>({u"a_block"_s, u"a_start"_s, u"a_end"_s, u"b_block"_s,
                                                              u"b_start"_s, u"b_end"_s}));
        }
        // local ~ other: the story after 本报讯 and an ideographic space (4 code points) in the local paper.
        const QJsonObject first = pairs[0].toObject();
        QCOMPARE(first.value(u"a"_s).toInteger(), m_local);
        QCOMPARE(first.value(u"b"_s).toInteger(), m_other);
        const QJsonObject passage = first.value(u"passages"_s).toArray().first().toObject();
        QCOMPARE(passage.value(u"a_start"_s).toInt(), 4);
        QCOMPARE(passage.value(u"a_end"_s).toInt(), 94);
        QCOMPARE(passage.value(u"b_start"_s).toInt(), 0);
        QCOMPARE(passage.value(u"b_end"_s).toInt(), 90);
        const QJsonArray clusters = root.value(u"clusters"_s).toArray();
        QCOMPARE(clusters.size(), 1);
        QCOMPARE(keysOf(clusters[0].toObject()), QSet<QString>({u"articles"_s, u"source"_s}));
        QCOMPARE(clusters[0].toObject().value(u"articles"_s).toArray(), QJsonArray({m_local, m_other, m_wire}));
        QCOMPARE(clusters[0].toObject().value(u"source"_s).toInteger(), m_other); // the earliest
    }

    void reuse_sourceCollection_isTheClustersSource()
    {
        QCOMPARE(cli({u"reuse"_s, u"--source"_s, u"新华社"_s}).code, 0);
        const QJsonObject root = QJsonDocument::fromJson(cli({u"reuse"_s, u"--json"_s}).out).object();
        QCOMPARE(root.value(u"clusters"_s).toArray()[0].toObject().value(u"source"_s).toInteger(), m_wire);
        QCOMPARE(cli({u"reuse"_s, u"--not-source"_s, u"新华社"_s}).code, 0);
        QCOMPARE(cli({u"reuse"_s, u"--source"_s, u"没有这个报"_s}).code, 1);
    }

    void reuse_article_pairsSeenFromIt()
    {
        const test::CliRun r = cli({u"reuse"_s, QString::number(m_wire), u"--json"_s});
        QCOMPARE(r.code, 0);
        const QJsonArray pairs = QJsonDocument::fromJson(r.out).object().value(u"pairs"_s).toArray();
        QCOMPARE(pairs.size(), 2);
        for (const QJsonValue &v : pairs)
            QCOMPARE(v.toObject().value(u"a"_s).toInteger(), m_wire);
        QCOMPARE(QJsonDocument::fromJson(cli({u"reuse"_s, QString::number(m_alone), u"--json"_s}).out)
                     .object()
                     .value(u"pairs"_s)
                     .toArray()
                     .size(),
                 0);
        QVERIFY(cli({u"reuse"_s, QString::number(m_alone)}).out.contains("shares no passage"));
    }

    void ownFilter_searchKwicAndTrend()
    {
        const QString term = m_story.mid(30, 3), own = hanText(2, 20).mid(5, 3);
        const auto total = [this](const QString &query) {
            return QJsonDocument::fromJson(cli({u"search"_s, query, u"--json"_s}).out)
                .object()
                .value(u"total"_s)
                .toInt(-1);
        };
        QCOMPARE(total(term + u" own:no"_s), 3); // the story's three copies
        QCOMPARE(total(term + u" own:yes"_s), 0);
        QCOMPARE(total(own + u" own:yes"_s), 1); // the lead of its own one copy has
        QCOMPARE(total(own + u" own:no"_s), 0);
        const test::CliRun kwic = cli({u"kwic"_s, own + u" own:yes"_s, u"--json"_s});
        QCOMPARE(kwic.code, 0);
        QCOMPARE(QJsonDocument::fromJson(kwic.out).object().value(u"lines"_s).toArray().size(), 1);
        const test::CliRun trend = cli({u"trend"_s, term, own, u"--own"_s, u"--json"_s});
        QCOMPARE(trend.code, 0);
        const QJsonArray terms = QJsonDocument::fromJson(trend.out).object().value(u"terms"_s).toArray();
        QCOMPARE(terms.size(), 4);
        QCOMPARE(terms[1].toObject().value(u"query"_s).toString(), term + u" own:yes"_s);
        QCOMPARE(terms[0].toObject().value(u"hits"_s).toArray(), QJsonArray({3}));
        QCOMPARE(terms[1].toObject().value(u"hits"_s).toArray(), QJsonArray({0}));
        QCOMPARE(terms[3].toObject().value(u"hits"_s).toArray(), QJsonArray({1}));
        const test::CliRun bad = cli({u"search"_s, term + u" own:perhaps"_s});
        QVERIFY2(bad.err.contains("own:perhaps is not known"), bad.err.constData());
    }

    void compare_twoArticles_alignedNow()
    {
        const test::CliRun r = cli({u"compare"_s, QString::number(m_wire), QString::number(m_local), u"--json"_s});
        QCOMPARE(r.code, 0);
        const QJsonObject p = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(p.value(u"a"_s).toInteger(), m_wire);
        QCOMPARE(p.value(u"b"_s).toInteger(), m_local);
        QCOMPARE(p.value(u"coverage_a"_s).toDouble(), 1.0);
        QCOMPARE(p.value(u"passages"_s).toArray()[0].toObject().value(u"b_start"_s).toInt(), 4);
        const test::CliRun none = cli({u"compare"_s, QString::number(m_wire), QString::number(m_alone), u"--json"_s});
        QCOMPARE(QJsonDocument::fromJson(none.out).object().value(u"shared_chars"_s).toInt(), 0);
    }

    void reuse_minCharsAndRebuild()
    {
        QCOMPARE(QJsonDocument::fromJson(cli({u"reuse"_s, u"--json"_s, u"--min-chars"_s, u"91"_s}).out)
                     .object()
                     .value(u"pairs"_s)
                     .toArray()
                     .size(),
                 0);
        const test::CliRun rebuilt = cli({u"reuse"_s, u"--rebuild"_s});
        QCOMPARE(rebuilt.code, 0);
        QVERIFY(rebuilt.out.contains("4 articles compared"));
        QVERIFY(cli({u"reuse"_s}).out.contains("3 pairs, 1 cluster"));
    }

    void usageErrors()
    {
        QCOMPARE(cli({u"compare"_s, u"1"_s}).code, 2);
        QCOMPARE(cli({u"compare"_s, u"1"_s, u"x"_s}).code, 2);
        QCOMPARE(cli({u"reuse"_s, u"--min-chars"_s, u"0"_s}).code, 2);
        QCOMPARE(cli({u"reuse"_s, u"1"_s, u"2"_s}).code, 2);
        QCOMPARE(cli({u"compare"_s, QString::number(m_wire), u"99999"_s}).code, 1);
    }

    void people_ownSplitsEveryPersonsAppearances()
    {
        QTemporaryDir dir;
        const QString library = dir.filePath(u"people.sqlite"_s);
        QStringList files = test::corpusFiles();
#ifdef DUBAO_REUSE_SANITIZED
        files = files.mid(0, 2);
#endif
        QCOMPARE(test::runCli(QStringList{u"import"_s} + files + QStringList{u"--library"_s, library}).code, 0);
        // Without the index own: is an error that says how to build it, not everything.
        const test::CliRun before = test::runCli({u"people"_s, u"own:yes"_s, u"--library"_s, library});
        QCOMPARE(before.code, 1);
        QVERIFY2(before.err.contains("dubao-cli reuse --rebuild"), before.err.constData());
        const QString notWritten = dir.filePath(u"not-written.csv"_s);
        const test::CliRun exportBefore = test::runCli(
            {u"people"_s, u"export"_s, u"appearances"_s, u"own:no"_s, u"-o"_s, notWritten, u"--library"_s, library});
        QCOMPARE(exportBefore.code, 1);
        QVERIFY2(exportBefore.err.contains("dubao-cli reuse --rebuild"), exportBefore.err.constData());
        QVERIFY(!QFile::exists(notWritten));
        QCOMPARE(test::runCli({u"reuse"_s, u"--rebuild"_s, u"--library"_s, library}).code, 0);
        // Per person, the blocks of its appearances: own:yes and own:no part them, and each is what person NAME
        // own:yes|no lists.
        const auto blocksByPerson = [&](const QStringList &args) {
            QHash<QString, QList<qint64>> blocks;
            const test::CliRun run = test::runCli(args + QStringList{u"--json"_s, u"--library"_s, library});
            for (const QJsonValue &p : QJsonDocument::fromJson(run.out).array()) {
                QList<qint64> &list = blocks[p.toObject().value(u"name"_s).toString()];
                for (const QJsonValue &a : p.toObject().value(u"appearances"_s).toArray())
                    list.append(a.toObject().value(u"block"_s).toInteger());
            }
            return blocks;
        };
        const QHash<QString, QList<qint64>> all = blocksByPerson({u"people"_s});
        const QHash<QString, QList<qint64>> own = blocksByPerson({u"people"_s, u"own:yes"_s});
        const QHash<QString, QList<qint64>> shared = blocksByPerson({u"people"_s, u"OWN：no"_s});
        QVERIFY(all.size() > 3);
        QVERIFY(!own.isEmpty());
        for (auto it = all.cbegin(); it != all.cend(); ++it) {
            QList<qint64> parts = own.value(it.key()) + shared.value(it.key()), whole = it.value();
            std::sort(parts.begin(), parts.end());
            std::sort(whole.begin(), whole.end());
            QCOMPARE(parts, whole);
        }
        for (auto it = own.cbegin(); it != own.cend(); ++it)
            QVERIFY2(!it.value().isEmpty(), qPrintable(it.key())); // a person without such appearances is left out
        // The text listing counts the same appearances.
        const test::CliRun listed = test::runCli({u"people"_s, u"own:yes"_s, u"--library"_s, library});
        QCOMPARE(listed.code, 0);
        const QString first = own.cbegin().key();
        const qsizetype n = own.cbegin().value().size();
        QVERIFY2(QString::fromUtf8(listed.out).contains(u"%1  %2 appearance"_s.arg(first).arg(n)),
                 listed.out.constData());
#ifndef DUBAO_REUSE_SANITIZED // the whole corpus: 区委书记张智奎主持会议 is in a shared paragraph
        QVERIFY(!shared.value(u"张智奎"_s).isEmpty());
        QVERIFY(!own.value(u"张智奎"_s).isEmpty());
#endif
        QCOMPARE(test::runCli({u"people"_s, u"own:maybe"_s, u"--library"_s, library}).code, 2);
        QCOMPARE(test::runCli({u"people"_s, u"own:yes"_s, u"own:no"_s, u"--library"_s, library}).code, 2);

        // people export … own:yes|no writes the appearances people own: counts, and the office holders of those.
        const auto exportedBlocks = [&](const QString &own) {
            const QString file = dir.filePath(u"appearances-%1.json"_s.arg(own.isEmpty() ? u"all"_s : own.mid(4)));
            QStringList args{u"people"_s, u"export"_s, u"appearances"_s};
            if (!own.isEmpty())
                args.append(own);
            const test::CliRun run =
                test::runCli(args + QStringList{u"--format"_s, u"json"_s, u"-o"_s, file, u"--library"_s, library});
            QHash<QString, QList<qint64>> blocks;
            if (run.code != 0)
                return blocks;
            QFile f(file);
            if (!f.open(QIODevice::ReadOnly))
                return blocks;
            for (const QJsonValue &row : QJsonDocument::fromJson(f.readAll()).array())
                blocks[row.toObject().value(u"person"_s).toString()].append(
                    row.toObject().value(u"block"_s).toInteger());
            return blocks;
        };
        const auto sorted = [](QHash<QString, QList<qint64>> blocks) {
            for (QList<qint64> &list : blocks)
                std::sort(list.begin(), list.end());
            return blocks;
        };
        QCOMPARE(sorted(exportedBlocks(u"own:yes"_s)), sorted(own));
        QCOMPARE(sorted(exportedBlocks(u"own:no"_s)), sorted(shared));
        QCOMPARE(sorted(exportedBlocks(QString())), sorted(all));
        const QString holders = dir.filePath(u"holders.json"_s);
        QCOMPARE(test::runCli({u"people"_s, u"export"_s, u"office-holders"_s, u"own:yes"_s, u"--format"_s, u"json"_s,
                               u"-o"_s, holders, u"--library"_s, library})
                     .code,
                 0);
        QFile holdersFile(holders);
        QVERIFY(holdersFile.open(QIODevice::ReadOnly));
        const QJsonArray holderRows = QJsonDocument::fromJson(holdersFile.readAll()).array();
        QVERIFY(!holderRows.isEmpty());
        for (const QJsonValue &row : holderRows) // each holder's appearances are own appearances of that person
            QVERIFY(row.toObject().value(u"appearances"_s).toInt() <=
                    own.value(row.toObject().value(u"person"_s).toString()).size());
        QCOMPARE(test::runCli({u"people"_s, u"export"_s, u"appearances"_s, u"own:maybe"_s, u"-o"_s,
                               dir.filePath(u"x.csv"_s), u"--library"_s, library})
                     .code,
                 2);
    }

    void corpus_importComparesOnceTheIndexExists_offsetsLieInTheBlocks()
    {
        QTemporaryDir dir;
        const QString library = dir.filePath(u"corpus.sqlite"_s);
        // Under the sanitizers two issues (every process costs several times more); the whole corpus otherwise.
        QStringList files = test::corpusFiles();
#ifdef DUBAO_REUSE_SANITIZED
        files = files.mid(0, 2);
#endif
        const QString last = files.takeLast();
        QCOMPARE(test::runCli(QStringList{u"import"_s} + files + QStringList{u"--library"_s, library}).code, 0);
        Library opened;
        QVERIFY(opened.open(library));
        QCOMPARE(sql::scalar(opened.database(), u"SELECT count(*) FROM reuse_articles"_s).toInt(), 0); // no index
        opened.close();
        QCOMPARE(test::runCli({u"reuse"_s, u"--rebuild"_s, u"--library"_s, library}).code, 0);
        QCOMPARE(test::runCli({u"import"_s, last, u"--library"_s, library}).code, 0); // compared on import now
        QVERIFY(opened.open(library));
        QCOMPARE(sql::scalar(opened.database(), u"SELECT count(*) FROM reuse_pending"_s).toInt(), 0);
        const int articles = sql::scalar(opened.database(), u"SELECT count(*) FROM articles"_s).toInt();
        QVERIFY(articles > 5);
        QCOMPARE(sql::scalar(opened.database(), u"SELECT count(*) FROM reuse_articles"_s).toInt(), articles);
        opened.close();
        const test::CliRun r =
            test::runCli({u"reuse"_s, u"--json"_s, u"--min-chars"_s, u"1"_s, u"--library"_s, library});
        QCOMPARE(r.code, 0);
        QVERIFY(QJsonDocument::fromJson(r.out).object().contains(u"clusters"_s));
        // The people index counts own text too: a person's appearances in shared paragraphs are those search's own:no
        // finds, the others own:yes; both add up to all.
        const auto blocksOf = [&](const QStringList &args) {
            QSet<qint64> blocks;
            const test::CliRun run = test::runCli(args + QStringList{u"--json"_s, u"--library"_s, library});
            const QJsonObject o = QJsonDocument::fromJson(run.out).object();
            for (const QJsonValue &v : o.value(u"appearances"_s).toArray())
                blocks.insert(v.toObject().value(u"block"_s).toInteger());
            for (const QJsonValue &v : o.value(u"hits"_s).toArray())
                blocks.insert(v.toObject().value(u"block"_s).toInteger());
            return blocks;
        };
        const QSet<qint64> all = blocksOf({u"person"_s, u"张智奎"_s});
        const QSet<qint64> shared = blocksOf({u"person"_s, u"张智奎"_s, u"own:no"_s});
        const QSet<qint64> own = blocksOf({u"person"_s, u"张智奎"_s, u"own:yes"_s});
#ifndef DUBAO_REUSE_SANITIZED // the whole corpus: 区委书记张智奎主持会议 is in a shared paragraph, not every mention
        QVERIFY(!shared.isEmpty() && !own.isEmpty());
#endif
        QCOMPARE(shared + own, all);
        QVERIFY(!shared.intersects(own));
        const QSet<qint64> found = blocksOf({u"search"_s, u"张智奎 own:no"_s, u"--limit"_s, u"1000"_s});
        QVERIFY(found.contains(shared));
        QVERIFY(!found.intersects(own));
        QCOMPARE(test::runCli({u"person"_s, u"张智奎"_s, u"own:maybe"_s, u"--library"_s, library}).code, 2);
        QVERIFY(opened.open(library));
        for (const QJsonValue &v : QJsonDocument::fromJson(r.out).object().value(u"pairs"_s).toArray())
            for (const QJsonValue &s : v.toObject().value(u"passages"_s).toArray()) {
                const QJsonObject o = s.toObject();
                for (const char *side : {"a", "b"}) {
                    const QString text = sql::scalar(opened.database(), u"SELECT text FROM blocks WHERE id = ?"_s,
                                                     {o.value(QLatin1String(side) + u"_block"_s).toInteger()})
                                             .toString();
                    QVERIFY(o.value(QLatin1String(side) + u"_end"_s).toInt() <= text.toUcs4().size());
                }
            }
    }

private:
    /// The made-up copies' library: a file, or in the PostgreSQL run a team library (the same commands, schema v18).
    QString path() const
    {
        return test::onPostgres() ? test::libraryLocation(u"reuse"_s) : m_dir.filePath(u"reuse.sqlite"_s);
    }
    test::CliRun cli(QStringList args) const
    {
        return test::runCli(args << u"--library"_s << path());
    }

    QTemporaryDir m_dir;
    QString m_story;
    qint64 m_local = 0, m_other = 0, m_wire = 0, m_alone = 0;
};

// The made-up copies on both engines; the corpus's own libraries (files the CLI imports into) on SQLite.
DUBAO_TEST_MAIN_BOTH_ENGINES(TestCliReuse, {u"people_ownSplitsEveryPersonsAppearances"_s,
                                            u"corpus_importComparesOnceTheIndexExists_offsetsLieInTheBlocks"_s})
#include "tst_cli_reuse.moc"
