// dubao-cli's annotation commands end to end: the real executable, a real library file, a corpus issue.
#include "core/store/library.h"
#include "tests/support/cliprocess.h"
#include "tests/support/engines.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

} // namespace

class TestCliAnnotations : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void tag_addListRenameMergeDelete_json();
    void tag_usageAndErrors_exitCodes();
    void highlight_addListDelete_json();
    void search_tagAlone_listsTaggedParagraphAndHighlight();
    void note_addListEditDelete_json();
    void notebook_addAppendShow_json();
    void replace_printsCounts_orphansListed();
    void reparse_printsCounts();
    void resolve_uidAndIdLinks();
    void correct_textJoinSplitKind_listedUndoneAndAtomic();
    void check_findsAHighlightOffItsText_repairListsItAsOrphan();

private:
    Run cli(QStringList args);
    QJsonDocument json(const QStringList &args);
    qint64 blockId(int article, int block);

    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_library;
    QString m_file;
};

Run TestCliAnnotations::cli(QStringList args)
{
    args << u"--library"_s << m_library;
    const dubao::test::CliRun r = dubao::test::runCli(args, m_tmp->path());
    return {r.code, QString::fromUtf8(r.out), QString::fromUtf8(r.err)};
}

QJsonDocument TestCliAnnotations::json(const QStringList &args)
{
    const Run r = cli(args + QStringList{u"--json"_s});
    if (r.code != 0)
        qWarning() << args << r.err;
    return QJsonDocument::fromJson(r.out.toUtf8());
}

qint64 TestCliAnnotations::blockId(int article, int block)
{
    const QJsonArray issues = json({u"list"_s}).array();
    const qint64 articleId = issues.at(0)[u"articles"_s].toArray().at(article)[u"id"_s].toInteger();
    return json({u"show"_s, QString::number(articleId)})[u"blocks"_s].toArray().at(block)[u"id"_s].toInteger();
}

void TestCliAnnotations::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
    m_library = dubao::test::onPostgres() ? dubao::test::libraryLocation() : m_tmp->filePath(u"lib.sqlite"_s);
    QVERIFY2(!m_library.isEmpty(), qPrintable(dubao::test::engineRun().lastError));
    const QDir corpus(QStringLiteral(DUBAO_CORPUS_DIR));
    const QStringList files = corpus.entryList({u"000_*.txt"_s});
    QVERIFY2(!files.isEmpty(), "the corpus has no 000_*.txt");
    m_file = corpus.filePath(files.front());
    QCOMPARE(cli({u"import"_s, m_file}).code, 0);
}

void TestCliAnnotations::tag_addListRenameMergeDelete_json()
{
    const Run added = cli({u"tag"_s, u"add"_s, u"中国"_s});
    QCOMPARE(added.code, 0);
    const qint64 zhong = added.out.trimmed().toLongLong();
    QVERIFY(zhong > 0);
    QCOMPARE(cli({u"tag"_s, u"add"_s, u"北京"_s, u"--parent"_s, u"中国"_s, u"--color"_s, u"#00ff00"_s}).code, 0);
    QCOMPARE(cli({u"tag"_s, u"add"_s, u"中国/上海"_s}).code, 0);
    QCOMPARE(cli({u"tag"_s, u"add"_s, u"阿"_s}).code, 0);
    QJsonArray list = json({u"tag"_s, u"list"_s}).array();
    QStringList paths;
    for (const QJsonValue &t : list)
        paths.append(t[u"path"_s].toString());
    QCOMPARE(paths, (QStringList{u"阿"_s, u"中国"_s, u"中国/北京"_s, u"中国/上海"_s}));
    QCOMPARE(list.at(2)[u"color"_s].toString(), u"#00FF00"_s);
    QCOMPARE(list.at(2)[u"parent"_s].toInteger(), zhong);

    QCOMPARE(cli({u"tag"_s, u"rename"_s, u"中国/上海"_s, u"沪"_s}).code, 0);
    QCOMPARE(cli({u"tag"_s, u"apply"_s, u"中国/沪"_s, u"--block"_s, QString::number(blockId(0, 0))}).code, 0);
    QCOMPARE(cli({u"tag"_s, u"merge"_s, u"中国/沪"_s, u"中国/北京"_s}).code, 0);
    QCOMPARE(cli({u"tag"_s, u"delete"_s, u"阿"_s}).code, 0);
    paths.clear();
    for (const QJsonValue &t : json({u"tag"_s, u"list"_s}).array())
        paths.append(t[u"path"_s].toString());
    QCOMPARE(paths, (QStringList{u"中国"_s, u"中国/北京"_s}));
}

void TestCliAnnotations::tag_usageAndErrors_exitCodes()
{
    QCOMPARE(cli({u"tag"_s}).code, 2);
    QCOMPARE(cli({u"tag"_s, u"frobnicate"_s}).code, 2);
    QCOMPARE(cli({u"tag"_s, u"add"_s}).code, 2);
    QCOMPARE(cli({u"tag"_s, u"apply"_s, u"x"_s}).code, 2); // neither --article nor --block
    const Run missing = cli({u"tag"_s, u"rename"_s, u"nope"_s, u"x"_s});
    QCOMPARE(missing.code, 1);
    QCOMPARE(missing.err.trimmed(), u"dubao-cli: no tag named 'nope'"_s);
    QCOMPARE(cli({u"tag"_s, u"add"_s, u"a"_s}).code, 0);
    const Run dup = cli({u"tag"_s, u"add"_s, u"a"_s});
    QCOMPARE(dup.code, 1);
    QCOMPARE(dup.err.count(u'\n'), 1); // one line
    QCOMPARE(cli({u"tag"_s, u"add"_s, u"b"_s, u"--color"_s, u"red"_s}).code, 1);
    QCOMPARE(cli({u"tag"_s, u"add"_s, u"x/y"_s}).code, 1); // no parent x
}

void TestCliAnnotations::highlight_addListDelete_json()
{
    QCOMPARE(cli({u"tag"_s, u"add"_s, u"p"_s}).code, 0);
    QCOMPARE(cli({u"tag"_s, u"add"_s, u"p/c"_s}).code, 0);
    const QString block = QString::number(blockId(0, 1));
    const Run added = cli({u"highlight"_s, u"add"_s, u"--block"_s, block, u"--start"_s, u"4"_s, u"--end"_s, u"7"_s,
                           u"--tag"_s, u"p"_s, u"--tag"_s, u"p/c"_s});
    QCOMPARE(added.code, 0);
    const qint64 id = added.out.trimmed().toLongLong();
    QVERIFY(id > 0);
    const QJsonArray list = json({u"highlight"_s, u"list"_s}).array();
    QCOMPARE(list.size(), 1);
    const QJsonObject h = list.at(0).toObject();
    QCOMPARE(h[u"id"_s].toInteger(), id);
    QCOMPARE(h[u"block"_s].toInteger(), block.toLongLong());
    QCOMPARE(h[u"start"_s].toInt(), 4);
    QCOMPARE(h[u"end"_s].toInt(), 7);
    QCOMPARE(h[u"quote"_s].toString(), u"张智奎"_s);
    QCOMPARE(h[u"tags"_s].toArray().size(), 2);
    QCOMPARE(h[u"orphan"_s].toBool(), false);
    QCOMPARE(cli({u"highlight"_s, u"add"_s, u"--block"_s, block, u"--start"_s, u"7"_s, u"--end"_s, u"4"_s}).code, 1);
    QCOMPARE(cli({u"highlight"_s, u"add"_s, u"--block"_s, block, u"--start"_s, u"x"_s, u"--end"_s, u"4"_s}).code, 2);
    QCOMPARE(cli({u"highlight"_s, u"add"_s, u"--block"_s, block, u"--start"_s, u"1"_s, u"--end"_s, u"2"_s, u"--tag"_s,
                  u"nope"_s})
                 .code,
             1);
    QCOMPARE(cli({u"highlight"_s, u"delete"_s, QString::number(id)}).code, 0);
    QCOMPARE(json({u"highlight"_s, u"list"_s}).array().size(), 0);
    QCOMPARE(cli({u"highlight"_s, u"delete"_s, QString::number(id)}).code, 1);
}

void TestCliAnnotations::search_tagAlone_listsTaggedParagraphAndHighlight()
{
    QCOMPARE(cli({u"tag"_s, u"add"_s, u"政法"_s}).code, 0);
    QCOMPARE(cli({u"tag"_s, u"add"_s, u"政法/法院"_s}).code, 0);
    const qint64 articleId = json({u"list"_s}).array().at(0)[u"articles"_s].toArray().at(0)[u"id"_s].toInteger();
    const QJsonArray blocks = json({u"show"_s, QString::number(articleId)})[u"blocks"_s].toArray();
    const qint64 paragraph = blocks.at(0)[u"id"_s].toInteger();
    const qint64 highlighted = blocks.at(1)[u"id"_s].toInteger();
    QCOMPARE(cli({u"tag"_s, u"apply"_s, u"政法"_s, u"--block"_s, QString::number(paragraph)}).code, 0);
    QCOMPARE(cli({u"highlight"_s, u"add"_s, u"--block"_s, QString::number(highlighted), u"--start"_s, u"1"_s,
                  u"--end"_s, u"3"_s, u"--tag"_s, u"政法/法院"_s})
                 .code,
             0);
    const QJsonDocument found = json({u"search"_s, u"tag:政法"_s});
    QCOMPARE(found[u"total"_s].toInt(), 2);
    QSet<qint64> hits;
    for (const QJsonValue &hit : found[u"hits"_s].toArray())
        hits.insert(hit[u"block"_s].toInteger());
    QCOMPARE(hits, (QSet<qint64>{paragraph, highlighted}));
    // On a terminal: the hits, not "Add a word to search for".
    const Run plain = cli({u"search"_s, u"tag:政法/法院"_s});
    QCOMPARE(plain.code, 0);
    QVERIFY2(plain.out.startsWith(u"1 hit"_s), qPrintable(plain.out + plain.err));
}

void TestCliAnnotations::note_addListEditDelete_json()
{
    const QString block = QString::number(blockId(0, 1));
    const qint64 h = cli({u"highlight"_s, u"add"_s, u"--block"_s, block, u"--start"_s, u"0"_s, u"--end"_s, u"2"_s})
                         .out.trimmed()
                         .toLongLong();
    const Run added = cli({u"note"_s, u"add"_s, u"--block"_s, block, u"--highlight"_s, QString::number(h), u"--text"_s,
                           u"**注意** this"_s});
    QCOMPARE(added.code, 0);
    const qint64 id = added.out.trimmed().toLongLong();
    QJsonArray list = json({u"note"_s, u"list"_s}).array();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.at(0)[u"id"_s].toInteger(), id);
    QCOMPARE(list.at(0)[u"block"_s].toInteger(), block.toLongLong());
    QCOMPARE(list.at(0)[u"highlight"_s].toInteger(), h);
    QCOMPARE(list.at(0)[u"text"_s].toString(), u"**注意** this"_s);
    QCOMPARE(list.at(0)[u"orphan"_s].toBool(), false);
    QCOMPARE(cli({u"note"_s, u"edit"_s, QString::number(id), u"--text"_s, u"changed"_s}).code, 0);
    QCOMPARE(json({u"note"_s, u"list"_s}).array().at(0)[u"text"_s].toString(), u"changed"_s);
    // A save that names the version it read is refused once someone changed the note since: nothing overwritten.
    const QJsonObject edited = json({u"note"_s, u"list"_s}).array().at(0).toObject();
    QCOMPARE(edited[u"version"_s].toInt(), 2);
    QVERIFY(!edited[u"created_by"_s].toString().isEmpty());
    QCOMPARE(edited[u"changed_by"_s].toString(), edited[u"created_by"_s].toString());
    const Run stale =
        cli({u"note"_s, u"edit"_s, QString::number(id), u"--text"_s, u"mine"_s, u"--expect-version"_s, u"1"_s});
    QCOMPARE(stale.code, 1);
    QVERIFY2(stale.err.contains(u"was changed by %1 at "_s.arg(edited[u"changed_by"_s].toString())) &&
                 stale.err.contains(u"not saved"_s),
             qPrintable(stale.err));
    QCOMPARE(json({u"note"_s, u"list"_s}).array().at(0)[u"text"_s].toString(), u"changed"_s);
    QCOMPARE(
        cli({u"note"_s, u"edit"_s, QString::number(id), u"--text"_s, u"mine"_s, u"--expect-version"_s, u"2"_s}).code,
        0);
    QCOMPARE(json({u"note"_s, u"list"_s}).array().at(0)[u"version"_s].toInt(), 3);
    QCOMPARE(cli({u"note"_s, u"add"_s, u"--block"_s, block}).code, 2); // no --text
    QCOMPARE(cli({u"note"_s, u"delete"_s, QString::number(id)}).code, 0);
    QCOMPARE(json({u"note"_s, u"list"_s}).array().size(), 0);
}

void TestCliAnnotations::notebook_addAppendShow_json()
{
    const QString block = QString::number(blockId(0, 1));
    const QString h =
        cli({u"highlight"_s, u"add"_s, u"--block"_s, block, u"--start"_s, u"4"_s, u"--end"_s, u"7"_s}).out.trimmed();
    const QString n = cli({u"note"_s, u"add"_s, u"--block"_s, block, u"--text"_s, u"段落笔记"_s}).out.trimmed();
    QVERIFY(cli({u"notebook"_s, u"add"_s, u"研究"_s}).out.trimmed().toLongLong() > 0);
    QCOMPARE(cli({u"notebook"_s, u"append"_s, u"研究"_s, u"--highlight"_s, h}).code, 0);
    QCOMPARE(cli({u"notebook"_s, u"append"_s, u"研究"_s, u"--text"_s, u"我的话"_s}).code, 0);
    QCOMPARE(cli({u"notebook"_s, u"append"_s, u"研究"_s, u"--note"_s, n}).code, 0);
    QCOMPARE(cli({u"notebook"_s, u"append"_s, u"研究"_s}).code, 2);
    QCOMPARE(cli({u"notebook"_s, u"append"_s, u"nope"_s, u"--text"_s, u"x"_s}).code, 1);
    const QJsonObject doc = json({u"notebook"_s, u"show"_s, u"研究"_s}).object();
    const QJsonArray entries = doc[u"entries"_s].toArray();
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries.at(0)[u"kind"_s].toString(), u"highlight"_s);
    QCOMPARE(entries.at(0)[u"quote"_s].toString(), u"张智奎"_s);
    QCOMPARE(entries.at(0)[u"source"_s][u"publication"_s].toString(), u"渝西都市报"_s);
    QVERIFY(!entries.at(0)[u"source"_s][u"article_title"_s].toString().isEmpty());
    QCOMPARE(entries.at(1)[u"text"_s].toString(), u"我的话"_s);
    QCOMPARE(entries.at(2)[u"notes"_s].toArray().at(0)[u"text"_s].toString(), u"段落笔记"_s);
    const Run text = cli({u"notebook"_s, u"show"_s, u"研究"_s});
    QVERIFY(text.out.contains(u"> 张智奎"_s));
    QVERIFY(text.out.indexOf(u"我的话"_s) < text.out.indexOf(u"段落笔记"_s));
}

void TestCliAnnotations::replace_printsCounts_orphansListed()
{
    const QString block = QString::number(blockId(0, 1));
    QCOMPARE(cli({u"highlight"_s, u"add"_s, u"--block"_s, block, u"--start"_s, u"4"_s, u"--end"_s, u"7"_s}).code, 0);
    QCOMPARE(cli({u"note"_s, u"add"_s, u"--block"_s, QString::number(blockId(0, 2)), u"--text"_s, u"keep"_s}).code, 0);
    QCOMPARE(cli({u"correct"_s, block, u"--start"_s, u"0"_s, u"--end"_s, u"2"_s, u"--text"_s, u"县委"_s}).code, 0);
    QFile in(m_file);
    QVERIFY(in.open(QIODevice::ReadOnly));
    QStringList lines = QString::fromUtf8(in.readAll()).split(u'\n');
    lines.remove(11, 2); // the paragraph with the highlight; the note's paragraph moves up one
    const QString edited = m_tmp->filePath(u"edited.txt"_s);
    QFile out(edited);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(lines.join(u'\n').toUtf8());
    out.close();
    const Run replaced = cli({u"replace"_s, u"1"_s, edited});
    QCOMPARE(replaced.code, 0);
    // The note's paragraph moved up but kept its id and text: its note stays where it is.
    QVERIFY2(replaced.out.contains(u"1 stayed, 0 moved, 1 orphaned"_s), qPrintable(replaced.out));
    // The correction on the removed paragraph is an orphan too, listed after the annotations.
    const QJsonArray orphans = json({u"orphans"_s}).array();
    QCOMPARE(orphans.size(), 2);
    QCOMPARE(orphans.at(0)[u"quote"_s].toString(), u"张智奎"_s);
    QCOMPARE(orphans.at(0)[u"kind"_s].toString(), u"highlight"_s);
    QCOMPARE(orphans.at(1)[u"kind"_s].toString(), u"correction"_s);
    QCOMPARE(orphans.at(1)[u"correction"_s].toString(), u"县委"_s);
    QVERIFY2(cli({u"orphans"_s}).out.contains(u"correction "_s + QString::number(orphans.at(1)[u"id"_s].toInteger())),
             "the text listing names the orphaned correction");
    QCOMPARE(json({u"highlight"_s, u"list"_s}).array().at(0)[u"orphan"_s].toBool(), true);
    QCOMPARE(cli({u"replace"_s, u"1"_s, m_tmp->filePath(u"missing.txt"_s)}).code, 1);
    QCOMPARE(cli({u"replace"_s, u"1"_s}).code, 2);
}

void TestCliAnnotations::reparse_printsCounts()
{
    QCOMPARE(cli({u"highlight"_s, u"add"_s, u"--block"_s, QString::number(blockId(0, 1)), u"--start"_s, u"4"_s,
                  u"--end"_s, u"7"_s})
                 .code,
             0);
    // Imported by this parser: nothing to do unless asked for every issue.
    const Run due = cli({u"reparse"_s});
    QCOMPARE(due.code, 0);
    QVERIFY2(due.out.contains(u"0 issues re-parsed, 0 failed"_s), qPrintable(due.out));
    QVERIFY2(due.out.contains(u"0 changed, 0 unchanged, 1 skipped"_s), qPrintable(due.out));
    const Run r = cli({u"reparse"_s, u"--all"_s});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(u"1 issues re-parsed, 0 failed: 1 stayed, 0 moved, 0 orphaned"_s), qPrintable(r.out));
    QVERIFY2(r.out.contains(u"0 changed, 1 unchanged, 0 skipped"_s), qPrintable(r.out));
    // Not a terminal: no progress line.
    QVERIFY2(!r.err.contains(u"reparse:"_s), qPrintable(r.err));
    // Transactions of any length give the same result; a length that is not a number is a usage error.
    const Run short_ = cli({u"reparse"_s, u"--all"_s, u"--transaction-ms"_s, u"0"_s});
    QCOMPARE(short_.code, 0);
    QVERIFY2(short_.out.contains(u"0 changed, 1 unchanged, 0 skipped"_s), qPrintable(short_.out));
    const Run bad = cli({u"reparse"_s, u"--transaction-ms"_s, u"soon"_s});
    QCOMPARE(bad.code, 2);
    QVERIFY2(bad.err.contains(u"--transaction-ms takes a number from 0 to 3600000"_s), qPrintable(bad.err));

    const Run json = cli({u"reparse"_s, u"--all"_s, u"--json"_s});
    QCOMPARE(json.code, 0);
    const QJsonObject report = QJsonDocument::fromJson(json.out.toUtf8()).object();
    QCOMPARE(report.value(u"issues"_s).toInt(), 1);
    QCOMPARE(report.value(u"unchanged"_s).toInt(), 1);
    QCOMPARE(report.value(u"changed"_s).toInt(), 0);
    QCOMPARE(report.value(u"stayed"_s).toInt(), 1);
    QVERIFY(report.contains(u"bytes_written"_s) && report.contains(u"seconds"_s) && report.contains(u"lineage_rows"_s));
}

void TestCliAnnotations::resolve_uidAndIdLinks()
{
    const qint64 block = blockId(0, 1);
    const Run byId = cli({u"resolve"_s, u"dubao://block/%1"_s.arg(block), u"--json"_s});
    QCOMPARE(byId.code, 0);
    const QJsonObject resolved = QJsonDocument::fromJson(byId.out.toUtf8()).object();
    QCOMPARE(resolved.value(u"status"_s).toString(), u"current"_s);
    QCOMPARE(qint64(resolved.value(u"blockId"_s).toDouble()), block);
    const QString uid = resolved.value(u"blockUid"_s).toString();
    QCOMPARE(uid.size(), 36);
    QVERIFY(!resolved.value(u"text"_s).toString().isEmpty());
    const Run byUid = cli({u"resolve"_s, u"dubao://block/"_s + uid});
    QCOMPARE(byUid.code, 0);
    QVERIFY2(byUid.out.startsWith(u"current: block %1 (%2)"_s.arg(block).arg(uid)), qPrintable(byUid.out));
    QCOMPARE(cli({u"resolve"_s, u"dubao://block/00000000-0000-7000-8000-000000000000"_s}).code, 1);
    QCOMPARE(cli({u"resolve"_s, u"https://example.com"_s}).code, 1);
    QCOMPARE(cli({u"resolve"_s}).code, 2);
}

void TestCliAnnotations::correct_textJoinSplitKind_listedUndoneAndAtomic()
{
    const qint64 block = blockId(0, 0);
    const QString before =
        json({u"show"_s,
              QString::number(
                  json({u"list"_s}).array().at(0)[u"articles"_s].toArray().at(0)[u"id"_s].toInteger())})[u"blocks"_s]
            .toArray()
            .at(0)[u"text"_s]
            .toString();
    QVERIFY(before.size() > 6);
    Run r = cli({u"correct"_s, QString::number(block), u"--start"_s, u"1"_s, u"--end"_s, u"3"_s, u"--text"_s, u"改正"_s,
                 u"--author"_s, u"tester"_s});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.startsWith(u"correction 1: paragraph "_s), qPrintable(r.out));

    const QJsonArray list = json({u"corrections"_s}).array();
    QCOMPARE(list.size(), 1);
    const QJsonObject c = list.at(0).toObject();
    QCOMPARE(c[u"kind"_s].toString(), u"text"_s);
    QCOMPARE(c[u"block"_s].toInteger(), block);
    QCOMPARE(c[u"original"_s].toString(), before.mid(1, 2));
    QCOMPARE(c[u"correction"_s].toString(), u"改正"_s);
    QCOMPARE(c[u"author"_s].toString(), u"tester"_s);
    QCOMPARE(c[u"start"_s].toInt(), 1);
    QCOMPARE(c[u"end"_s].toInt(), 3);
    QVERIFY(!c[u"created"_s].toString().isEmpty());
    QCOMPARE(c[u"blockUid"_s].toString().size(), 36);
    QCOMPARE(c[u"orphan"_s].toBool(), false);
    // The search sees it.
    if (!dubao::test::onPostgres()) // no search on a team library yet
        QCOMPARE(json({u"search"_s, before.left(1) + u"改正"_s})[u"total"_s].toInt(), 1);

    // Usage errors: 2; a refused correction: 1, nothing written.
    QCOMPARE(cli({u"correct"_s, QString::number(block), u"--text"_s, u"x"_s}).code, 2);
    QCOMPARE(cli({u"correct"_s, QString::number(block), u"--join"_s, u"--split-at"_s, u"2"_s}).code, 2);
    QCOMPARE(cli({u"correct"_s, QString::number(block), u"--kind"_s, u"poem"_s}).code, 2);
    r = cli({u"correct"_s, QString::number(block), u"--start"_s, u"2"_s, u"--end"_s, u"4"_s, u"--text"_s, u"y"_s});
    QCOMPARE(r.code, 1);
    QVERIFY2(r.err.contains(u"overlaps correction 1"_s), qPrintable(r.err));
    QCOMPARE(cli({u"correct"_s, u"999999"_s, u"--join"_s}).code, 1);
    QCOMPARE(json({u"corrections"_s}).array().size(), 1);

    // Split, kind, join, each taken back.
    // Cut near the end: the first part, the larger, keeps the paragraph's id (docs/schema.md, "Stable identities").
    r = cli({u"correct"_s, QString::number(block), u"--split-at"_s, QString::number(before.size() - 3)});
    QCOMPARE(r.code, 0);
    r = cli({u"correct"_s, QString::number(block), u"--kind"_s, u"heading"_s});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    r = cli({u"correct"_s, QString::number(block), u"--join"_s});
    QCOMPARE(r.code, 1); // it ends where the split cut it
    QVERIFY2(r.err.contains(u"split"_s), qPrintable(r.err));
    QCOMPARE(json({u"corrections"_s}).array().size(), 3);
    for (const char *id : {"3", "2", "1"})
        QCOMPARE(cli({u"uncorrect"_s, QString::fromLatin1(id)}).code, 0);
    QCOMPARE(cli({u"uncorrect"_s, u"1"_s}).code, 1);
    QCOMPARE(cli({u"corrections"_s}).out, u"No corrections.\n"_s);
    if (!dubao::test::onPostgres()) // no search on a team library yet
        QCOMPARE(json({u"search"_s, before.left(1) + u"改正"_s})[u"total"_s].toInt(), 0);
}

void TestCliAnnotations::check_findsAHighlightOffItsText_repairListsItAsOrphan()
{
    // On both engines (a team library's check reads the structure and the annotations; the server keeps its pages).
    const qint64 block = blockId(0, 0);
    const Run added =
        cli({u"highlight"_s, u"add"_s, u"--block"_s, QString::number(block), u"--start"_s, u"0"_s, u"--end"_s, u"4"_s});
    QCOMPARE(added.code, 0);
    const qint64 highlight = added.out.trimmed().toLongLong();
    QVERIFY(highlight > 0);
    const Run healthy = cli({u"check"_s});
    QVERIFY2(healthy.code == 0, qPrintable(healthy.out + healthy.err));
    QVERIFY(healthy.out.contains(u"The library is healthy."_s));

    // The paragraph's text changed behind Dubao's back: the highlight's quote is no longer there.
    {
        dubao::Library library;
        QVERIFY(library.open(m_library));
        QSqlQuery q(library.database());
        q.prepare(u"UPDATE blocks SET text = ? WHERE id = ?"_s);
        q.addBindValue(u"别的文字"_s);
        q.addBindValue(block);
        QVERIFY(q.exec());
    }
    const Run damaged = cli({u"check"_s, u"--json"_s});
    QCOMPARE(damaged.code, 1);
    const QJsonObject report = QJsonDocument::fromJson(damaged.out.toUtf8()).object();
    QCOMPARE(report[u"healthy"_s].toBool(), false);
    const QJsonArray problems = report[u"problems"_s].toArray();
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.at(0)[u"code"_s].toString(), u"anchor"_s);
    QVERIFY(problems.at(0)[u"message"_s].toString().contains(QString::number(highlight)));

    const Run repaired = cli({u"check"_s, u"--repair"_s});
    QVERIFY2(repaired.code == 0, qPrintable(repaired.out + repaired.err));
    QVERIFY(repaired.out.contains(u"Listed 1 highlights and 0 notes as orphans."_s));
    const QJsonArray orphans = json({u"orphans"_s}).array();
    QCOMPARE(orphans.size(), 1);
    QCOMPARE(orphans.at(0)[u"id"_s].toInteger(), highlight);
    QCOMPARE(cli({u"check"_s}).code, 0); // an orphan is not a problem: it waits in the orphans list
}

// On a team library too, but search (not on PostgreSQL yet).
DUBAO_TEST_MAIN_BOTH_ENGINES(TestCliAnnotations, {u"search_tagAlone_listsTaggedParagraphAndHighlight"_s})
#include "tst_cli_annotations.moc"
