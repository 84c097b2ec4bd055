// Crash test of backups (issue 21): `dubao-cli backup` and `dubao-cli restore` killed (SIGKILL) 20 times each at
// seeded random moments. After every kill: the library opens and passes `dubao-cli check` with every issue and
// annotation it had; every earlier backup still verifies; and once a later start has swept (Backup::sweep), the
// backups folder holds only complete backups and objects.sqlite — no partial file, journal or lock — and nothing
// `.restoring-…` is left beside the library. Seed: DUBAO_CRASH_SEED.
#include "core/store/annotationrepository.h"
#include "core/store/backup.h"
#include "core/store/backupobjects.h"
#include "core/store/library.h"
#include "tests/support/cliprocess.h"
#include "tests/support/corpus.h"
#include "tests/support/crashkills.h"
#include "tests/support/scalar.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace dubao;
using namespace Qt::StringLiterals;

namespace {

constexpr int kKills = test::crashKills(20);
constexpr qint64 kBudgetMs = 150000; // per part

quint32 seed()
{
    bool ok = false;
    const quint32 s = qEnvironmentVariable("DUBAO_CRASH_SEED").toUInt(&ok);
    return ok ? s : 20261206u;
}

} // namespace

class TestCrashBackup : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void backup_killed_libraryAndEarlierBackupsUntouched_folderClean();
    void restore_killed_libraryWhole_folderClean();

private:
    /// Kills `arguments` at a random moment `kKills` times (or within the budget), calling `verify` after each.
    int killRepeatedly(const QStringList &arguments, const std::function<void()> &prepare,
                       const std::function<void()> &verify);
    void verifyLibrary(const QString &path);
    void verifyFolder(const QString &path, const QStringList &earlier);

    QTemporaryDir m_tmp;
    QString m_library;
    qint64 m_issues = 0, m_highlights = 0;
    qint64 m_roundMs = 0;
    QRandomGenerator m_random{seed()};
};

void TestCrashBackup::initTestCase()
{
    qInfo("seed %u (set DUBAO_CRASH_SEED to repeat another run)", seed());
    const QStringList files = test::writeCorpusCopies(m_tmp.filePath(u"issues"_s), 20);
    QVERIFY(!files.isEmpty());
    m_library = m_tmp.filePath(u"lib.sqlite"_s);
    QByteArray out;
    QVERIFY2(test::runCliMerged({u"import"_s, m_tmp.filePath(u"issues"_s), u"--library"_s, m_library}, &out) == 0,
             out.constData());
    Library library;
    QVERIFY(library.open(m_library));
    AnnotationRepository annotations(library);
    for (int k = 0; k < 20; ++k)
        QVERIFY(annotations.addHighlight(test::scalar(library, u"SELECT min(id) FROM blocks"_s) + k, 0, 2));
    m_issues = test::scalar(library, u"SELECT count(*) FROM issues"_s);
    m_highlights = test::scalar(library, u"SELECT count(*) FROM highlights"_s);
}

void TestCrashBackup::verifyLibrary(const QString &path)
{
    QByteArray out;
    QVERIFY2(test::runCliMerged({u"check"_s, u"--library"_s, path}, &out) == 0, out.constData());
    Library library;
    QVERIFY(library.open(path));
    QCOMPARE(test::scalar(library, u"SELECT count(*) FROM issues"_s), m_issues);
    QCOMPARE(test::scalar(library, u"SELECT count(*) FROM highlights"_s), m_highlights);
}

void TestCrashBackup::verifyFolder(const QString &path, const QStringList &earlier)
{
    for (const QString &backup : earlier) {
        const Result<void> verified = Backup::verify(backup);
        QVERIFY2(verified, qPrintable(backup + u": "_s + (verified ? QString() : verified.error().message())));
    }
    Backup::sweep(path); // what the next start does
    const QString folder = Backup::folderFor(path);
    for (const QString &name : QDir(folder).entryList(QDir::Files | QDir::Hidden)) {
        QVERIFY2(name == u"objects.sqlite"_s || name.endsWith(u".dubao-backup"_s) || name.endsWith(u".sqlite"_s),
                 qPrintable(u"left in the backups folder: "_s + name));
        if (name.endsWith(u".dubao-backup"_s))
            QVERIFY2(Backup::verify(QDir(folder).filePath(name)), qPrintable(name));
    }
    const QStringList beside = QFileInfo(path).absoluteDir().entryList({u"*.restoring-*"_s}, QDir::Files);
    QVERIFY2(beside.isEmpty(), qPrintable(beside.join(u' ')));
}

int TestCrashBackup::killRepeatedly(const QStringList &arguments, const std::function<void()> &prepare,
                                    const std::function<void()> &verify)
{
    QElapsedTimer budget;
    budget.start();
    int kills = 0;
    while (kills < kKills && budget.elapsed() < kBudgetMs) {
        prepare();
        QProcess p;
        p.start(QStringLiteral(DUBAO_CLI_PATH), arguments);
        if (!p.waitForStarted())
            return -1;
        if (!p.waitForFinished(int(m_random.bounded(qMax<qint64>(m_roundMs, 20))))) {
            p.kill(); // SIGKILL
            p.waitForFinished(10000);
            ++kills;
        }
        verify();
        if (QTest::currentTestFailed())
            return -1;
    }
    return kills;
}

void TestCrashBackup::backup_killed_libraryAndEarlierBackupsUntouched_folderClean()
{
    QByteArray out;
    QVERIFY2(test::runCliMerged({u"backup"_s, u"--library"_s, m_library}, &out) == 0, out.constData());
    const QStringList earlier{Backup::list(m_library).front().path};
    // Each round backs up what the store lacks: the objects are removed between rounds, except the first
    // backup's, so every round writes the issues' bytes again. Calibrate a whole round.
    const QString objects = BackupObjects::fileIn(Backup::folderFor(m_library));
    const QString kept = m_tmp.filePath(u"objects.kept"_s);
    QVERIFY(QFile::copy(objects, kept));
    auto prepare = [&] {
        QFile::remove(objects);
        QFile::copy(kept, objects);
        // A change to the issues, so the issue lists are read again.
        Library library;
        if (library.open(m_library))
            QSqlQuery(library.database()).exec(u"UPDATE issues SET day = day WHERE id = 1"_s);
    };
    prepare();
    QElapsedTimer t;
    t.start();
    QVERIFY2(test::runCliMerged({u"backup"_s, u"--library"_s, m_library, u"--keep"_s, u"0"_s}, &out) == 0,
             out.constData());
    m_roundMs = t.elapsed();
    qInfo("a backup takes %lld ms", m_roundMs);
    const int kills = killRepeatedly({u"backup"_s, u"--library"_s, m_library, u"--keep"_s, u"0"_s}, prepare, [&] {
        verifyLibrary(m_library);
        verifyFolder(m_library, earlier);
    });
    qInfo("backup: %d kills", kills);
    QVERIFY(kills >= kKills);
}

void TestCrashBackup::restore_killed_libraryWhole_folderClean()
{
    QByteArray out;
    QVERIFY2(test::runCliMerged({u"backup"_s, u"--library"_s, m_library}, &out) == 0, out.constData());
    const QString backup = Backup::list(m_library).front().path;
    QElapsedTimer t;
    t.start();
    QVERIFY2(test::runCliMerged({u"restore"_s, backup, u"--library"_s, m_library, u"--keep"_s, u"0"_s}, &out) == 0,
             out.constData());
    m_roundMs = t.elapsed();
    qInfo("a restore takes %lld ms", m_roundMs);
    verifyLibrary(m_library);
    const int kills = killRepeatedly(
        {u"restore"_s, backup, u"--library"_s, m_library, u"--keep"_s, u"0"_s}, [] {},
        [&] {
            verifyLibrary(m_library);
            verifyFolder(m_library, {backup});
        });
    qInfo("restore: %d kills", kills);
    QVERIFY(kills >= kKills);
}

QTEST_GUILESS_MAIN(TestCrashBackup)
#include "tst_crash_backup.moc"
