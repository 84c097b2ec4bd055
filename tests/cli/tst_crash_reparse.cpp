// Crash test of re-parsing: `dubao-cli reparse` killed (SIGKILL) 20 times at seeded random moments while it has
// real work (paragraphs edited in the library and the parser-version stamps lowered, so the parser's text differs
// from what is stored). Transactions of 20 ms (--transaction-ms) give a run of this library dozens of commits, so
// the kills land between and inside them, and a killed run leaves some issues new and others old. After each kill:
// `dubao-cli check` passes, every issue is either fully old or fully new (all its edited paragraphs and its stamp, or
// none), ids and uids of the paragraphs are the same, every annotation is still there (anchored or orphan), and every
// link made before the first run still resolves. Seed: DUBAO_CRASH_SEED (default fixed).
#include "core/parse/issueparser.h"
#include "core/store/annotationrepository.h"
#include "core/store/library.h"
#include "core/store/linkresolver.h"
#include "tests/support/cliprocess.h"
#include "tests/support/corpus.h"
#include "tests/support/crashkills.h"

#include <QElapsedTimer>
#include <QHash>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace dubao;
using namespace Qt::StringLiterals;

namespace {

constexpr int kKills = test::crashKills(20);
const QString kTransactionMs = QStringLiteral("20");
constexpr qint64 kMaxBudgetMs = 240000;

quint32 seed()
{
    bool ok = false;
    const quint32 s = qEnvironmentVariable("DUBAO_CRASH_SEED").toUInt(&ok);
    return ok ? s : 20261206u;
}

QProcess *startCli(const QStringList &arguments)
{
    auto *p = new QProcess;
    p->setProcessChannelMode(QProcess::MergedChannels);
    p->start(QStringLiteral(DUBAO_CLI_PATH), arguments);
    return p;
}

/// The edit that gives the re-parse real work: every third paragraph gets a mark, and every stamp is lowered.
bool makeWork(const QString &path)
{
    Library library;
    if (!library.open(path))
        return false;
    QSqlQuery q(library.database());
    return q.exec(u"UPDATE blocks SET text = text || '※' WHERE id % 3 = 0 AND text NOT LIKE '%※'"_s) &&
           q.exec(u"UPDATE issues SET parser_version = 0"_s);
}

} // namespace

class TestCrashReparse : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void reparse_killed_issuesWholeIdsAnnotationsAndLinksKept();

private:
    QTemporaryDir m_tmp;
    QString m_library;
    QHash<qint64, QByteArray> m_uids; ///< block id → uid before any run
    QStringList m_links;
    int m_highlights = 0;
};

void TestCrashReparse::initTestCase()
{
    qInfo("seed %u (set DUBAO_CRASH_SEED to repeat another run)", seed());
    const QString files = m_tmp.filePath(u"issues"_s);
    const QStringList copies = test::writeCorpusCopies(files, 15);
    QVERIFY(!copies.isEmpty());
    m_library = m_tmp.filePath(u"lib.sqlite"_s);
    QCOMPARE(test::runCliMerged({u"import"_s, files, u"--library"_s, m_library}), 0);

    Library library;
    QVERIFY(library.open(m_library));
    AnnotationRepository annotations(library);
    QSqlQuery q(library.database());
    QVERIFY(q.exec(u"SELECT id, hex(uid), length(text) FROM blocks ORDER BY id"_s));
    QList<std::pair<qint64, int>> blocks;
    while (q.next()) {
        m_uids.insert(q.value(0).toLongLong(), QByteArray::fromHex(q.value(1).toByteArray()));
        blocks.append({q.value(0).toLongLong(), q.value(2).toInt()});
    }
    q.finish();
    // Highlights on edited and on untouched paragraphs, all over the library.
    for (qsizetype k = 0; k < blocks.size(); k += 37) {
        const auto [id, length] = blocks.at(k);
        QVERIFY(annotations.addHighlight(id, 0, std::min(length, 6), {}));
        ++m_highlights;
        m_links.append(DubaoLink::blockLink(m_uids.value(id)));
        m_links.append(u"dubao://block/%1"_s.arg(id));
    }
    QVERIFY(m_highlights >= 20);
}

void TestCrashReparse::reparse_killed_issuesWholeIdsAnnotationsAndLinksKept()
{
    QRandomGenerator random(seed());
    QVERIFY(makeWork(m_library));
    // Calibrate on a copy: a whole run's time.
    const QString calibration = m_tmp.filePath(u"calibration.sqlite"_s);
    QVERIFY(QFile::copy(m_library, calibration));
    QElapsedTimer round;
    round.start();
    QCOMPARE(test::runCliMerged({u"reparse"_s, u"--transaction-ms"_s, kTransactionMs, u"--library"_s, calibration}), 0);
    const qint64 fullMs = std::max<qint64>(round.elapsed(), 200);
    qInfo("a whole re-parse takes %lld ms", static_cast<long long>(fullMs));

    QElapsedTimer budget;
    budget.start();
    int kills = 0;
    int completed = 0;
    int partial = 0; ///< kills after which some issues were new and others old
    while (kills < kKills && budget.elapsed() < kMaxBudgetMs) {
        std::unique_ptr<QProcess> p(
            startCli({u"reparse"_s, u"--transaction-ms"_s, kTransactionMs, u"--library"_s, m_library}));
        QVERIFY(p->waitForStarted());
        const int delay = int(fullMs / 20 + random.bounded(int(fullMs * 9 / 10)));
        if (p->waitForFinished(delay)) {
            ++completed; // finished before the kill: give it work again
            QVERIFY(makeWork(m_library));
            continue;
        }
        p->kill();
        p->waitForFinished();
        ++kills;

        QByteArray out;
        QCOMPARE(test::runCliMerged({u"check"_s, u"--library"_s, m_library}, &out), 0);

        Library library;
        QVERIFY(library.open(m_library));
        QSqlQuery q(library.database());
        // Every issue fully old or fully new: stamped exactly when none of its paragraphs has the mark.
        QVERIFY(q.exec(u"SELECT i.id, i.parser_version, sum(b.text LIKE '%※') FROM issues i JOIN articles a ON "
                       "a.issue_id = i.id JOIN blocks b ON b.article_id = a.id GROUP BY i.id"_s));
        int newIssues = 0;
        int issues = 0;
        while (q.next()) {
            ++issues;
            const bool stamped = q.value(1).toInt() == kParserVersion;
            QVERIFY2(stamped == (q.value(2).toInt() == 0),
                     qPrintable(u"issue %1 half re-parsed"_s.arg(q.value(0).toLongLong())));
            newIssues += stamped ? 1 : 0;
        }
        // Ids and uids: every paragraph is still there under its id and uid.
        QVERIFY(q.exec(u"SELECT id, hex(uid) FROM blocks"_s));
        int blocks = 0;
        while (q.next()) {
            const qint64 id = q.value(0).toLongLong();
            QVERIFY2(m_uids.value(id) == QByteArray::fromHex(q.value(1).toByteArray()),
                     qPrintable(u"block %1 changed its uid"_s.arg(id)));
            ++blocks;
        }
        QCOMPARE(blocks, int(m_uids.size()));
        // Every annotation, anchored or orphan.
        QVERIFY(q.exec(u"SELECT count(*), sum(block_id IS NOT NULL OR orphan = 1) FROM highlights"_s));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), m_highlights);
        QCOMPARE(q.value(1).toInt(), m_highlights);
        q.finish();
        // Every old link.
        LinkResolver resolver(library);
        for (const QString &link : std::as_const(m_links)) {
            const auto resolved = resolver.resolve(link);
            QVERIFY2(resolved && resolved->found(), qPrintable(link));
        }
        if (newIssues > 0 && newIssues < issues)
            ++partial;
        qInfo("kill %d after %d ms: %d of %d issues re-parsed", kills, delay, newIssues, issues);
    }
    qInfo("%d kills, %d runs finished before their kill, %d left a half re-parsed library", kills, completed, partial);
    QVERIFY2(kills >= kKills, "not enough kills within the time budget");
    QVERIFY2(partial >= kKills / 4, "too few kills landed between two commits of a run");
}

QTEST_GUILESS_MAIN(TestCrashReparse)
#include "tst_crash_reparse.moc"
