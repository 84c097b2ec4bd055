// A team library's backup (issue 13): `backup --to FILE` on a team library on a real PostgreSQL server writes one
// self-contained backup on this computer, which `restore` rebuilds into a new library file and into an empty team
// library with the same issues, highlights, notes, tags, notebooks and people edits; a team library that is not
// empty is refused and left as it was. Only the library's owner backs it up and restores it: an editor or an annotator
// is refused with the sentence the app shows too.
#include "tests/support/cliprocess.h"
#include "tests/support/pgserver.h"
#include "tests/support/sampleissue.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace dubao;
using namespace Qt::StringLiterals;
using dubao::test::runCli;

class TestCliTeamBackup : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void backup_restoredIntoFileAndEmptyTeamLibrary();
    void backupAndRestore_anyoneButTheOwner_refusedSayingWhy();

private:
    /// What a library holds of the user's, as dubao-cli lists it: highlights, notes, notebooks, people edits.
    QString work(const QString &library);

    std::unique_ptr<test::PgServer> m_server;
    QTemporaryDir m_dir;
};

void TestCliTeamBackup::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<test::PgServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
}

void TestCliTeamBackup::cleanupTestCase()
{
    m_server.reset();
}

QString TestCliTeamBackup::work(const QString &library)
{
    QString all;
    for (const QStringList &command :
         {QStringList{u"highlight"_s, u"list"_s, u"--json"_s}, QStringList{u"note"_s, u"list"_s, u"--json"_s},
          QStringList{u"notebook"_s, u"show"_s, u"摘录"_s}, QStringList{u"people"_s, u"edits"_s, u"--json"_s},
          QStringList{u"search"_s, u"备注甲"_s}}) {
        const test::CliRun run = runCli(command + QStringList{u"--library"_s, library});
        if (run.code != 0)
            return u"failed: "_s + command.join(u' ') + u": "_s + QString::fromUtf8(run.err);
        all += QString::fromUtf8(run.out);
    }
    return all;
}

void TestCliTeamBackup::backup_restoredIntoFileAndEmptyTeamLibrary()
{
    const Result<QString> db = m_server->createDatabase();
    QVERIFY2(db, qPrintable(db.error().message()));
    const QString team = m_server->url(*db);
    auto cli = [&](const QStringList &args) {
        const test::CliRun run = runCli(args + QStringList{u"--library"_s, team});
        if (run.code != 0)
            qWarning("%s: %s", qPrintable(args.join(u' ')), run.err.constData());
        return run.code;
    };
    QCOMPARE(cli({u"import"_s, test::sampleIssuePath()}), 0);
    const QJsonArray issues =
        QJsonDocument::fromJson(runCli({u"list"_s, u"--json"_s, u"--library"_s, team}).out).array();
    QVERIFY(!issues.isEmpty());
    const qint64 article = issues.at(0)[u"articles"_s].toArray().at(0)[u"id"_s].toInteger();
    const QJsonObject shown =
        QJsonDocument::fromJson(runCli({u"show"_s, QString::number(article), u"--json"_s, u"--library"_s, team}).out)
            .object();
    const QString block = QString::number(shown[u"blocks"_s].toArray().at(0)[u"id"_s].toInteger());
    QCOMPARE(cli({u"tag"_s, u"add"_s, u"证据"_s}), 0);
    QCOMPARE(cli({u"highlight"_s, u"add"_s, u"--block"_s, block, u"--start"_s, u"0"_s, u"--end"_s, u"4"_s, u"--tag"_s,
                  u"证据"_s}),
             0);
    QCOMPARE(cli({u"note"_s, u"add"_s, u"--block"_s, block, u"--text"_s, u"备注甲：核对原文"_s}), 0);
    QCOMPARE(cli({u"notebook"_s, u"add"_s, u"摘录"_s}), 0);
    QCOMPARE(cli({u"notebook"_s, u"append"_s, u"摘录"_s, u"--text"_s, u"开头"_s}), 0);
    QCOMPARE(cli({u"people"_s, u"merge"_s, u"张智奎"_s, u"张智奎书记"_s}), 0);
    const QString before = work(team);
    QVERIFY2(!before.startsWith(u"failed"_s), qPrintable(before));
    QVERIFY(before.contains(u"备注甲"_s));

    // A team library has no backups folder: it needs --to.
    const test::CliRun noFile = runCli({u"backup"_s, u"--library"_s, team});
    QCOMPARE(noFile.code, 2);
    QVERIFY2(noFile.err.contains("backup --to FILE"), noFile.err.constData());
    const QString file = m_dir.filePath(u"team.dubao-backup"_s);
    const test::CliRun backedUp = runCli({u"backup"_s, u"--to"_s, file, u"--library"_s, team});
    QVERIFY2(backedUp.code == 0, backedUp.err.constData());
    QVERIFY(QFile::exists(file));
    QCOMPARE(QDir(m_dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{u"team.dubao-backup"_s}); // its temporary library is gone
    // backups: a team library keeps no backups folder; the files backup --to made are described when given.
    const test::CliRun none = runCli({u"backups"_s, u"--library"_s, team});
    QCOMPARE(none.code, 0);
    QVERIFY2(none.out.contains("keeps no backups folder") && none.out.contains("backups FILE"), none.out.constData());
    const test::CliRun noneJson = runCli({u"backups"_s, u"--json"_s, u"--library"_s, team});
    QCOMPARE(noneJson.code, 0);
    QCOMPARE(QJsonDocument::fromJson(noneJson.out).object().value(u"backups"_s).toArray().size(), 0);
    const test::CliRun described = runCli({u"backups"_s, file, u"--json"_s, u"--library"_s, team});
    QVERIFY2(described.code == 0, described.err.constData());
    const QJsonArray listed = QJsonDocument::fromJson(described.out).object().value(u"backups"_s).toArray();
    QCOMPARE(listed.size(), 1);
    QVERIFY(listed.at(0)[u"selfContained"_s].toBool());
    QVERIFY(listed.at(0)[u"holds"_s][u"notes"_s].toInt() >= 1);
    QCOMPARE(runCli({u"backups"_s, m_dir.filePath(u"nothing.dubao-backup"_s), u"--library"_s, team}).code, 1);

    // Into a new library file, and into an empty team library: the same work.
    const QString restoredFile = m_dir.filePath(u"restored.sqlite"_s);
    const test::CliRun toFile = runCli({u"restore"_s, file, u"--library"_s, restoredFile});
    QVERIFY2(toFile.code == 0, toFile.err.constData());
    QCOMPARE(work(restoredFile), before);
    const Result<QString> empty = m_server->createDatabase();
    QVERIFY(empty);
    const QString team2 = m_server->url(*empty);
    const test::CliRun toTeam = runCli({u"restore"_s, file, u"--library"_s, team2});
    QVERIFY2(toTeam.code == 0, toTeam.err.constData());
    QCOMPARE(work(team2), before);

    // A team library with rows is refused and keeps them.
    const test::CliRun refused = runCli({u"restore"_s, file, u"--library"_s, team});
    QCOMPARE(refused.code, 1);
    QVERIFY2(refused.err.contains("only into an empty team library"), refused.err.constData());
    QCOMPARE(work(team), before);
}

void TestCliTeamBackup::backupAndRestore_anyoneButTheOwner_refusedSayingWhy()
{
    const Result<QString> db = m_server->createDatabase(u"owned"_s);
    QVERIFY2(db, qPrintable(db.error().message()));
    const QString owner = m_server->url(*db);
    QCOMPARE(runCli({u"import"_s, test::sampleIssuePath(), u"--library"_s, owner}).code, 0);
    QCOMPARE(runCli({u"team"_s, u"init"_s, u"--library"_s, owner}).code, 0);
    for (const auto &[user, role] : {std::pair{u"bk_anna"_s, u"annotator"_s}, std::pair{u"bk_ed"_s, u"editor"_s}}) {
        const test::CliRun added =
            test::runCliWith({u"team"_s, u"add-user"_s, user, u"--role"_s, role, u"--library"_s, owner}, {}, "pw\n");
        QVERIFY2(added.code == 0, added.err.constData());
    }
    const QString file = m_dir.filePath(u"owned.dubao-backup"_s);
    for (const auto &[user, role] : {std::pair{u"bk_anna"_s, u"annotator"_s}, std::pair{u"bk_ed"_s, u"editor"_s}}) {
        const QString url = m_server->url(*db, user);
        const test::CliRun backedUp = runCli({u"backup"_s, u"--to"_s, file, u"--library"_s, url});
        QCOMPARE(backedUp.code, 1);
        QVERIFY2(backedUp.err.contains(u"only the owner of this team library backs it up and restores it (%1's role: "
                                       "%2)"_s.arg(user, role)
                                           .toUtf8()),
                 backedUp.err.constData());
        QVERIFY(!QFile::exists(file));
    }
    // The owner's backup, which an editor may not restore either (even into this library, which is not empty: the
    // owner's refusal comes first).
    QCOMPARE(runCli({u"backup"_s, u"--to"_s, file, u"--library"_s, owner}).code, 0);
    const test::CliRun restored = runCli({u"restore"_s, file, u"--library"_s, m_server->url(*db, u"bk_ed"_s)});
    QCOMPARE(restored.code, 1);
    QVERIFY2(restored.err.contains("only the owner of this team library backs it up and restores it (bk_ed's role: "
                                   "editor)"),
             restored.err.constData());
}

QTEST_GUILESS_MAIN(TestCliTeamBackup)
#include "tst_cli_teambackup.moc"
