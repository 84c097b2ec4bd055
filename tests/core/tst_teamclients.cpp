// Two clients of one team library for 30 seconds (issue 13): two processes (this program run again with
// --client) tag and note the same articles concurrently, each listening to the other's change notices. Then:
// nothing is lost (every note and tagging each client reported is on the server), each client's listener received
// one notice for every commit of the other's, and the server has no transaction left open. Under AddressSanitizer
// (CI's second run) the clients write for 10 s instead. DUBAO_TEAM_CLIENTS_SECONDS overrides the length.
#include "core/store/annotationrepository.h"
#include "core/store/changelistener.h"
#include "core/store/dialect.h"
#include "core/store/library.h"
#include "core/store/sql.h"
#include "core/store/tagrepository.h"
#include "tests/support/pgserver.h"
#include "tests/support/sampleissue.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <QThread>

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

using namespace dubao;
using namespace Qt::StringLiterals;

namespace {

int clientSeconds()
{
    bool ok = false;
    const int seconds = qEnvironmentVariableIntValue("DUBAO_TEAM_CLIENTS_SECONDS", &ok);
    if (ok && seconds > 0)
        return seconds;
#if defined(__SANITIZE_ADDRESS__)
    return 10;
#else
    return 30;
#endif
}

/// One client: `--client URL NAME SECONDS BLOCK...`. Listens, says "ready", waits for "go" on standard input,
/// then for SECONDS alternately adds a note to a paragraph and a new tag to the paragraph's article (both in one
/// transaction), about 20 writes a second, listening all along; listens 2 s more and prints one JSON line: its
/// backend pid, its commits, the notes and tags it wrote, and the notices it received per sender.
int runClient(const QStringList &args)
{
    const QString url = args.value(2);
    const QString name = args.value(3);
    const int seconds = args.value(4).toInt();
    QList<qint64> blocks;
    for (const QString &block : args.mid(5))
        blocks.append(block.toLongLong());
    Library library;
    if (Result<void> opened = library.open(url); !opened || blocks.isEmpty()) {
        std::fprintf(stderr, "client %s: cannot open\n", qPrintable(name));
        return 1;
    }
    ChangeListener listener;
    if (!listener.listen(library)) {
        std::fprintf(stderr, "client %s: cannot listen\n", qPrintable(name));
        return 1;
    }
    QHash<qint64, int> seen; // sender pid -> notices
    QObject::connect(&listener, &ChangeListener::changed, [&seen](const changes::ChangeNotice &notice) {
        if (notice.has(u"note"_s) || notice.has(u"tag"_s))
            ++seen[notice.pid];
    });
    std::printf("ready\n");
    std::fflush(stdout);
    std::string line;
    if (!std::getline(std::cin, line) || line != "go")
        return 1;

    AnnotationRepository annotations(library);
    TagRepository tags(library);
    QJsonArray notes;
    QJsonArray taggings;
    int commits = 0;
    int failures = 0;
    QElapsedTimer timer;
    timer.start();
    for (int n = 0; timer.elapsed() < seconds * 1000; ++n) {
        const qint64 block = blocks.at(n % blocks.size());
        if (n % 2 == 0) {
            const QString text = u"%1 note %2"_s.arg(name).arg(n);
            if (const Result<qint64> note = annotations.addNote(block, 0, text)) {
                notes.append(QJsonObject{{u"id"_s, *note}, {u"text"_s, text}});
                ++commits;
            } else {
                ++failures;
            }
        } else {
            const qint64 article =
                sql::scalar(library.database(), u"SELECT article_id FROM blocks WHERE id = ?"_s, {block}).toLongLong();
            const QString tagName = u"%1-%2"_s.arg(name).arg(n);
            sql::WriteScope scope(library.database());
            const Result<Tag> tag = tags.create(tagName);
            if (tag && tags.addTagging(TagTarget::Article, tag->id, article).valueOr(false) && scope.commit()) {
                taggings.append(QJsonObject{{u"tag"_s, tagName}, {u"article"_s, article}});
                ++commits;
            } else {
                ++failures;
            }
        }
        // About 20 writes a second, the notices of the other client received meanwhile.
        QElapsedTimer pause;
        pause.start();
        while (pause.elapsed() < 50) {
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
            QThread::msleep(5);
        }
    }
    QElapsedTimer tail;
    tail.start();
    while (tail.elapsed() < 2000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::msleep(5);
    }
    QJsonObject seenJson;
    for (auto it = seen.cbegin(); it != seen.cend(); ++it)
        seenJson.insert(QString::number(it.key()), it.value());
    const QJsonObject report{{u"pid"_s, dialect::backendPid(library.database())},
                             {u"commits"_s, commits},
                             {u"failures"_s, failures},
                             {u"notes"_s, notes},
                             {u"taggings"_s, taggings},
                             {u"seen"_s, seenJson}};
    std::printf("%s\n", QJsonDocument(report).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    return 0;
}

} // namespace

class TestTeamClients : public QObject
{
    Q_OBJECT

private slots:
    void twoClients_tagAndNoteConcurrently_nothingLost_bothSeeEverything_noTransactionLeft();
};

void TestTeamClients::twoClients_tagAndNoteConcurrently_nothingLost_bothSeeEverything_noTransactionLeft()
{
    test::PgServer server;
    QVERIFY2(server.isRunning(), qPrintable(server.error()));
    const Result<QString> db = server.createDatabase(u"clients"_s);
    QVERIFY2(db, qPrintable(db.error().message()));
    QStringList blocks;
    {
        Library owner;
        QVERIFY(owner.open(server.url(*db)));
        QVERIFY(test::importSampleIssue(owner));
        // Paragraphs of different articles, the same for both clients.
        for (const qint64 block : sql::ids(owner.database(), u"SELECT min(id) FROM blocks GROUP BY article_id "
                                                             "ORDER BY 1 LIMIT 4"_s))
            blocks.append(QString::number(block));
    }
    QVERIFY(blocks.size() >= 2);
    const int seconds = clientSeconds();
    qInfo() << "two clients for" << seconds << "s";

    QProcess clients[2];
    const QStringList names{u"anna"_s, u"rita"_s};
    for (int k = 0; k < 2; ++k) {
        clients[k].setProcessChannelMode(QProcess::ForwardedErrorChannel);
        clients[k].start(QCoreApplication::applicationFilePath(),
                         QStringList{u"--client"_s, server.url(*db), names.at(k), QString::number(seconds)} + blocks);
        QTRY_VERIFY_WITH_TIMEOUT(clients[k].canReadLine(), 30000);
        QCOMPARE(clients[k].readLine().trimmed(), QByteArray("ready"));
    }
    // Both at once: a QProcess writes when its event loop runs, and waiting for one client does not run the other's.
    for (QProcess &client : clients) {
        client.write("go\n");
        QVERIFY(client.waitForBytesWritten(10000));
    }
    QJsonObject reports[2];
    for (int k = 0; k < 2; ++k) {
        QVERIFY(clients[k].waitForFinished((seconds + 60) * 1000));
        QCOMPARE(clients[k].exitCode(), 0);
        reports[k] = QJsonDocument::fromJson(clients[k].readAllStandardOutput().trimmed()).object();
        QVERIFY(!reports[k].isEmpty());
    }

    for (int k = 0; k < 2; ++k) {
        const QJsonObject &mine = reports[k];
        const QJsonObject &other = reports[1 - k];
        const int commits = mine.value(u"commits"_s).toInt();
        qInfo().noquote() << names.at(k) << "committed" << commits << "writes ("
                          << mine.value(u"notes"_s).toArray().size() << "notes,"
                          << mine.value(u"taggings"_s).toArray().size() << "taggings), failed"
                          << mine.value(u"failures"_s).toInt();
        QVERIFY(commits >= seconds * 5); // both really wrote all along
        QCOMPARE(mine.value(u"failures"_s).toInt(), 0);
        // Every commit of the other client's reached this client's listener, once.
        const QString otherPid = QString::number(other.value(u"pid"_s).toInteger());
        QCOMPARE(mine.value(u"seen"_s).toObject().value(otherPid).toInt(), other.value(u"commits"_s).toInt());
        QCOMPARE(mine.value(u"seen"_s).toObject().size(), 1); // and nobody else's (its own are skipped)
        // Nothing lost: every note with its text, every tagging.
        QStringList noteIds;
        for (const QJsonValue &note : mine.value(u"notes"_s).toArray()) {
            noteIds.append(QString::number(note[u"id"_s].toInteger()));
            QVERIFY(note[u"text"_s].toString().startsWith(names.at(k)));
        }
        QCOMPARE(server
                     .psql(*db, u"SELECT count(*) FROM notes WHERE id IN (%1) AND text LIKE '%2 note %'"_s.arg(
                                    noteIds.join(u','), names.at(k)))
                     .valueOr({}),
                 QString::number(noteIds.size()));
        QStringList pairs;
        for (const QJsonValue &tagging : mine.value(u"taggings"_s).toArray())
            pairs.append(u"('%1', %2)"_s.arg(tagging[u"tag"_s].toString()).arg(tagging[u"article"_s].toInteger()));
        QCOMPARE(server
                     .psql(*db, u"SELECT count(*) FROM article_tags at JOIN tags t ON t.id = at.tag_id "
                                "WHERE (t.name, at.article_id) IN (%1)"_s.arg(pairs.join(u',')))
                     .valueOr({}),
                 QString::number(pairs.size()));
    }
    // Both clients are gone and left no transaction open.
    QCOMPARE(server
                 .psql(*db, u"SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND "
                            "xact_start IS NOT NULL AND pid <> pg_backend_pid()"_s)
                 .valueOr({}),
             u"0"_s);
    QCOMPARE(server.psql(*db, u"SELECT count(*) FROM pg_prepared_xacts"_s).valueOr({}), u"0"_s);
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc > 1 && qstrcmp(argv[1], "--client") == 0)
        return runClient(app.arguments());
    TestTeamClients test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_teamclients.moc"
