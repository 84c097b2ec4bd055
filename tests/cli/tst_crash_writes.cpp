// Crash test of the write paths tst_crash (import, annotations), tst_crash_reparse and tst_crash_backup (backup,
// restore) do not cover (issue 17): `dubao-cli replace`, the schema migration on open, `export` and the schema repair
// of `check --repair`, `correct`/`uncorrect` (issue 15), each killed (SIGKILL) test::crashKills(20) times at seeded
// random moments. After each kill: the library opens, `dubao-cli check` passes (with the schema check), and every
// highlight counted before is there, placed or orphaned; an export's file is either the whole old one or the whole new
// one. Seed: DUBAO_CRASH_SEED. The v10 upgrade's compression killed after a batch goes on at the next open.
#include "core/search/queryparser.h"
#include "core/search/searchservice.h"
#include "core/store/annotationrepository.h"
#include "core/store/library.h"
#include "core/store/sourcebytes.h"
#include "core/store/sql.h"
#include "core/store/tagrepository.h"
#include "tests/support/cliprocess.h"
#include "tests/support/corpus.h"
#include "tests/support/crashkills.h"
#include "tests/support/schemaversions.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <functional>
#include <memory>
#include <tuple>

using namespace dubao;
using namespace Qt::StringLiterals;

namespace {

constexpr int kKills = test::crashKills(20);
constexpr qint64 kBudgetMs = 60000; // per write path

quint32 seed()
{
    bool ok = false;
    const quint32 s = qEnvironmentVariable("DUBAO_CRASH_SEED").toUInt(&ok);
    return ok ? s : 20261206u;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool copyOver(const QString &from, const QString &to)
{
    for (const char *side : {"", "-wal", "-shm"})
        QFile::remove(to + QLatin1String(side));
    return QFile::copy(from, to);
}

} // namespace

class TestCrashWrites : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void replace_killed_issueWholeAnnotationsKept();
    void migration_killed_opensChecksAnnotationsKept();
    void export_killed_fileWholeOldOrNew();
    void schemaRepair_killed_opensChecksAnnotationsKept();
    void correct_killed_paragraphAndIndexWholeOldOrNew();
    void sourcePacking_killedAfterABatch_nextOpenGoesOn();

private:
    struct Round
    {
        std::function<bool()> prepare; ///< before each run (e.g. a fresh copy to migrate); false fails the test
        std::function<QStringList()> arguments; ///< dubao-cli's, for the run that follows prepare()
        std::function<void()> verify;           ///< after each kill (QVERIFY inside; the loop stops on a failure)
    };
    /// Runs `round` once whole to time it, then kills it kKills times at random moments within that time.
    int killLoop(const char *name, const Round &round);
    void verifyLibrary(const QString &path);

    QTemporaryDir m_tmp;
    QString m_library;
    QString m_replaceFile[2];
    qint64 m_replaceIssue = 0;
    int m_highlights = 0;
    QRandomGenerator m_random{seed()};
};

void TestCrashWrites::initTestCase()
{
    qInfo("seed %u (set DUBAO_CRASH_SEED to repeat another run); %d kills per write path", seed(), kKills);
    const QString files = m_tmp.filePath(u"issues"_s);
    const QStringList copies = test::writeCorpusCopies(files, 4);
    QVERIFY(!copies.isEmpty());
    m_library = m_tmp.filePath(u"lib.sqlite"_s);
    QCOMPARE(test::runCliMerged({u"import"_s, files, u"--library"_s, m_library}), 0);

    Library library;
    QVERIFY(library.open(m_library));
    AnnotationRepository annotations(library);
    const qint64 tag = TagRepository(library).create(u"崩溃"_s).valueOr(Tag{}).id;
    QVERIFY(tag > 0);
    QSqlQuery q(library.database());
    QVERIFY(q.exec(u"SELECT id, length(text) FROM blocks ORDER BY id"_s));
    QList<std::pair<qint64, int>> blocks;
    while (q.next())
        blocks.append({q.value(0).toLongLong(), q.value(1).toInt()});
    q.finish();
    const qsizetype step = std::max<qsizetype>(1, blocks.size() / 30);
    for (qsizetype k = 0; k < blocks.size(); k += step) {
        const auto [id, length] = blocks.at(k);
        QVERIFY(annotations.addHighlight(id, 0, std::min(length, 6), {tag}));
        ++m_highlights;
    }
    QVERIFY(m_highlights >= 20);
    // The issue `replace` rewrites, and its two texts: as imported, and with a mark on every fifth line.
    QVERIFY(q.exec(u"SELECT i.id, s.path FROM issues i JOIN source_files s ON s.id = i.source_file_id "
                   "ORDER BY i.id LIMIT 1"_s) &&
            q.next());
    m_replaceIssue = q.value(0).toLongLong();
    const QByteArray original = readAll(q.value(1).toString());
    QVERIFY(!original.isEmpty());
    QList<QByteArray> lines = original.split('\n');
    for (qsizetype k = 0; k < lines.size(); k += 5)
        if (!lines[k].trimmed().isEmpty())
            lines[k] += "※";
    m_replaceFile[0] = m_tmp.filePath(u"replace-a.txt"_s);
    m_replaceFile[1] = m_tmp.filePath(u"replace-b.txt"_s);
    for (const auto &[path, bytes] :
         {std::pair{m_replaceFile[0], original}, std::pair{m_replaceFile[1], lines.join('\n')}}) {
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly) && out.write(bytes) == bytes.size());
    }
}

void TestCrashWrites::verifyLibrary(const QString &path)
{
    QByteArray out;
    const int code = test::runCliMerged({u"check"_s, u"--library"_s, path}, &out);
    QVERIFY2(code == 0, out.constData());
    Library library;
    QVERIFY(library.open(path));
    QVERIFY(library.schemaFindings().isEmpty());
    QSqlQuery q(library.database());
    QVERIFY(q.exec(u"SELECT count(*), sum(block_id IS NOT NULL OR orphan = 1) FROM highlights"_s) && q.next());
    QCOMPARE(q.value(0).toInt(), m_highlights);
    QCOMPARE(q.value(1).toInt(), m_highlights);
}

int TestCrashWrites::killLoop(const char *name, const Round &round)
{
    if (!round.prepare())
        return -1;
    QElapsedTimer timer;
    timer.start();
    QByteArray out;
    if (test::runCliMerged(round.arguments(), &out) != 0) {
        qWarning("%s: %s", name, out.constData());
        return -1;
    }
    const qint64 fullMs = std::max<qint64>(timer.elapsed(), 100);
    QElapsedTimer budget;
    budget.start();
    int kills = 0;
    int completed = 0;
    while (kills < kKills && budget.elapsed() < kBudgetMs) {
        if (!round.prepare())
            return -1;
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral(DUBAO_CLI_PATH), round.arguments());
        if (!p.waitForStarted())
            return -1;
        const int delay = int(m_random.bounded(int(fullMs)));
        if (p.waitForFinished(delay)) {
            ++completed;
            continue;
        }
        p.kill();
        p.waitForFinished();
        ++kills;
        round.verify();
        if (QTest::currentTestFailed()) {
            qWarning("%s: kill %d after %d ms failed", name, kills, delay);
            return -1;
        }
    }
    qInfo("%s: %d kills (a whole run takes %lld ms), %d runs finished before their kill", name, kills,
          static_cast<long long>(fullMs), completed);
    return kills;
}

void TestCrashWrites::replace_killed_issueWholeAnnotationsKept()
{
    const QString library = m_tmp.filePath(u"replace.sqlite"_s);
    QVERIFY(copyOver(m_library, library));
    int next = 1;
    const Round round{[&] {
                          next = 1 - next; // the two texts in turn, so that every run has work
                          return true;
                      },
                      [&] {
                          return QStringList{u"replace"_s, QString::number(m_replaceIssue), m_replaceFile[next],
                                             u"--library"_s, library};
                      },
                      [&] {
                          verifyLibrary(library);
                      }};
    const int kills = killLoop("replace", round);
    QVERIFY2(kills >= kKills, "not enough kills within the time budget");
}

void TestCrashWrites::migration_killed_opensChecksAnnotationsKept()
{
    // The library as schema version 3 made it (before uids, change counters and the people index).
    const QString old = m_tmp.filePath(u"v3.sqlite"_s);
    QVERIFY(copyOver(m_library, old));
    {
        Library library;
        QVERIFY(library.open(old));
        QSqlQuery q(library.database());
        QVERIFY(test::dropSchemaVersions5To8(library.database()));
        QVERIFY(test::dropSchemaVersion4(library.database()));
        QVERIFY(q.exec(u"PRAGMA user_version = 3"_s));
    }
    const QString library = m_tmp.filePath(u"migrate.sqlite"_s);
    const Round round{[&] {
                          QDir(library + u".backups"_s).removeRecursively();
                          return copyOver(old, library);
                      },
                      [&] {
                          return QStringList{u"list"_s, u"--library"_s, library};
                      },
                      [&] {
                          verifyLibrary(library);
                      }};
    QVERIFY2(killLoop("migration", round) >= kKills, "not enough kills within the time budget");
}

void TestCrashWrites::export_killed_fileWholeOldOrNew()
{
    const QString library = m_tmp.filePath(u"export.sqlite"_s);
    QVERIFY(copyOver(m_library, library));
    const QString folder = m_tmp.filePath(u"exports"_s);
    QVERIFY(QDir().mkpath(folder));
    const QString target = folder + u"/excerpts.json"_s;
    const QStringList arguments{u"export"_s, u"--format"_s,   u"json"_s,      u"-o"_s,
                                target,      u"--all-tags"_s, u"--library"_s, library};
    QCOMPARE(test::runCliMerged(arguments), 0);
    const QByteArray whole = readAll(target);
    QVERIFY(whole.size() > 1000);
    const Round round{[] { return true; }, [&] { return arguments; },
                      [&] {
                          verifyLibrary(library);
                          // The old export or the new one (the same bytes but for the time it was made).
                          const QByteArray now = readAll(target);
                          QVERIFY2(now.size() > whole.size() - 64 && now.size() < whole.size() + 64 &&
                                       now.endsWith(whole.right(200)),
                                   "a half-written export");
                      }};
    QVERIFY2(killLoop("export", round) >= kKills, "not enough kills within the time budget");
    const QStringList left = QDir(folder).entryList(QDir::Files);
    qInfo("export: files in the output folder after the kills: %s", qPrintable(left.join(u", "_s)));
}

void TestCrashWrites::schemaRepair_killed_opensChecksAnnotationsKept()
{
    // A library from elsewhere with an extra trigger and one of ours changed: check --repair removes and remakes.
    const QString tampered = m_tmp.filePath(u"tampered.sqlite"_s);
    QVERIFY(copyOver(m_library, tampered));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"tamper"_s);
        db.setDatabaseName(tampered);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"CREATE TRIGGER evil AFTER INSERT ON notes BEGIN DELETE FROM highlights; END"_s));
        QVERIFY(q.exec(u"ALTER TABLE highlights ADD COLUMN spy TEXT DEFAULT 'x'"_s));
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"tamper"_s);
    const QString library = m_tmp.filePath(u"repair.sqlite"_s);
    const Round round{[&] {
                          QDir(library + u".backups"_s).removeRecursively();
                          return copyOver(tampered, library);
                      },
                      [&] {
                          return QStringList{u"check"_s, u"--repair"_s, u"--library"_s, library};
                      },
                      [&] {
                          // Killed before the repair's commit: still untrusted, read-only, every highlight there.
                          Library opened;
                          QVERIFY(opened.open(library));
                          if (!opened.schemaFindings().isEmpty()) {
                              QVERIFY(opened.isReadOnly());
                              opened.close();
                              QByteArray out;
                              QVERIFY2(test::runCliMerged({u"check"_s, u"--repair"_s, u"--library"_s, library}, &out) ==
                                           0,
                                       out.constData());
                          }
                          opened.close();
                          verifyLibrary(library);
                      }};
    QVERIFY2(killLoop("schema repair", round) >= kKills, "not enough kills within the time budget");
}

void TestCrashWrites::correct_killed_paragraphAndIndexWholeOldOrNew()
{
    // `correct` and `uncorrect` in turn (issue 15): each writes the correction, the paragraph, its search index and
    // the re-anchored highlights in one transaction. After a kill the paragraph reads as the parse with the
    // corrections the library holds, and the index says the same.
    const QString library = m_tmp.filePath(u"correct.sqlite"_s);
    QVERIFY(copyOver(m_library, library));
    const QString mark = u"甲乙丙"_s; // in no issue
    qint64 block = 0;
    QString original;
    {
        Library lib;
        QVERIFY(lib.open(library));
        QSqlQuery q(lib.database());
        QVERIFY(q.exec(u"SELECT id, text FROM blocks WHERE length(text) > 10 ORDER BY id LIMIT 1"_s) && q.next());
        block = q.value(0).toLongLong();
        original = q.value(1).toString();
    }
    const QString corrected = mark + original.mid(2);
    auto state = [&]() -> std::tuple<qint64, QString, qint64> {
        Library lib;
        if (!lib.open(library))
            return {-1, {}, -1};
        QSqlQuery q(lib.database());
        const qint64 id =
            q.exec(u"SELECT ifnull(max(id), 0), count(*) FROM corrections"_s) && q.next() && q.value(1).toInt() <= 1
                ? q.value(0).toLongLong()
                : -1;
        q.finish();
        const QString text = q.exec(u"SELECT text FROM blocks WHERE id = %1"_s.arg(block)) && q.next()
                                 ? q.value(0).toString()
                                 : QString();
        q.finish();
        const Result<qint64> hits = SearchService(lib).count(QueryParser::parse(mark));
        return {id, text, hits ? *hits : -1};
    };
    QStringList arguments;
    const Round round{[&] {
                          const qint64 id = std::get<0>(state());
                          arguments = id > 0 ? QStringList{u"uncorrect"_s, QString::number(id)}
                                             : QStringList{u"correct"_s, QString::number(block),
                                                           u"--start"_s, u"0"_s,
                                                           u"--end"_s,   u"2"_s,
                                                           u"--text"_s,  mark};
                          arguments << u"--library"_s << library;
                          return id >= 0;
                      },
                      [&] { return arguments; },
                      [&] {
                          verifyLibrary(library);
                          const auto [id, text, hits] = state();
                          QVERIFY(id >= 0);
                          QCOMPARE(text, id > 0 ? corrected : original);
                          QCOMPARE(hits, id > 0 ? 1 : 0);
                      }};
    QVERIFY2(killLoop("correct", round) >= kKills, "not enough kills within the time budget");
}

void TestCrashWrites::sourcePacking_killedAfterABatch_nextOpenGoesOn()
{
    // A library of schema 9 with many stored files (written here, fast): the upgrade to v10 compresses them a batch
    // per transaction, saying so on stderr. Killed after its first batch, it has kept that batch; the next open goes
    // on from there and ends with every file compressed and read back exactly.
    constexpr int kFiles = test::kCrashKillDivisor == 1 ? 2048 : 1536; // 512 a batch
    const QString path = m_tmp.filePath(u"packing.sqlite"_s);
    // ~8 KB of text each, varied enough that compressing costs about what an OCR'd issue's does.
    const auto original = [](int k) {
        static const QString alphabet = u"永川区委常委会召开会议研究部署下一阶段工作全面推进高质量发展经济社会农业生产"
                                        "人民群众代表大会政府报告记者通讯员本报讯，。、"_s;
        QString text;
        quint32 state = quint32(k) * 2654435761u;
        for (int i = 0; i < 2700; ++i) {
            state = state * 1664525u + 1013904223u;
            text += alphabet.at(int((state >> 16) % quint32(alphabet.size())));
        }
        return text.toUtf8();
    };
    {
        Library library;
        QVERIFY(library.open(path));
        QSqlDatabase db = library.database();
        QVERIFY(test::dropSchemaVersion11(db));
        QVERIFY(db.transaction());
        QSqlQuery file(db);
        QSqlQuery bytes(db);
        QVERIFY(file.prepare(u"INSERT INTO source_files (id, path, sha256, encoding, size, imported_at) "
                             "VALUES (?, ?, ?, 'UTF-8', ?, '2026-12-07T00:00:00')"_s));
        QVERIFY(bytes.prepare(u"INSERT INTO source_contents (source_file_id, bytes) VALUES (?, ?)"_s));
        for (int k = 1; k <= kFiles; ++k) {
            const QByteArray text = original(k);
            file.addBindValue(k);
            file.addBindValue(u"/issues/%1.txt"_s.arg(k));
            file.addBindValue(QString::number(k));
            file.addBindValue(text.size());
            QVERIFY2(file.exec(), qPrintable(file.lastError().text()));
            bytes.addBindValue(k);
            bytes.addBindValue(text);
            QVERIFY2(bytes.exec(), qPrintable(bytes.lastError().text()));
        }
        QVERIFY(db.commit());
        QVERIFY(QSqlQuery(db).exec(u"PRAGMA user_version = 10"_s));
    }

    QProcess cli;
    cli.setReadChannel(QProcess::StandardError);
    cli.start(QStringLiteral(DUBAO_CLI_PATH), {u"list"_s, u"--library"_s, path});
    QByteArray err;
    static const QRegularExpression firstBatch(u"Compressing the stored files: ([1-9][0-9]*)/%1"_s.arg(kFiles));
    while (!firstBatch.match(QString::fromUtf8(err)).hasMatch() && cli.state() != QProcess::NotRunning &&
           cli.waitForReadyRead(30000))
        err += cli.readAllStandardError();
    cli.kill();
    cli.waitForFinished();
    QVERIFY2(firstBatch.match(QString::fromUtf8(err)).hasMatch(), err.constData());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"killed"_s);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(u"SELECT (SELECT count(*) FROM source_contents WHERE codec = 1), "
                       "(SELECT after_id FROM source_packing), (SELECT user_version FROM pragma_user_version)"_s) &&
                q.next());
        const int packed = q.value(0).toInt();
        qInfo("killed after %d of %d files compressed", packed, kFiles);
        QVERIFY(packed >= 512 && packed < kFiles); // the batch kept, the rest left for later
        QCOMPARE(q.value(1).toInt(), packed);
        QCOMPARE(q.value(2).toInt(), Library::currentSchemaVersion());
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"killed"_s);

    Library library;
    const Result<void> opened = library.open(path);
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message()));
    QSqlDatabase db = library.database();
    QCOMPARE(sql::scalar(db, u"SELECT count(*) FROM source_contents WHERE codec = 1"_s).toInt(), kFiles);
    QCOMPARE(sql::scalar(db, u"SELECT count(*) FROM source_packing"_s).toInt(), 0);
    for (int k = 1; k <= kFiles; k += 97)
        QCOMPARE(sourcebytes::read(db, k), std::optional<QByteArray>(original(k)));
    QCOMPARE(sourcebytes::read(db, kFiles), std::optional<QByteArray>(original(kFiles)));
}

QTEST_GUILESS_MAIN(TestCrashWrites)
#include "tst_crash_writes.moc"
