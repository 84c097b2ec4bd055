// File → Merge Personal Library… (issue 13): a personal library file's note, highlight and tags carried into the
// team library the window shows, on a real server. The dry run's preview is put to the user first: declined, nothing
// changes; confirmed, one transaction adds everything, the report is shown and the open article shows the note. A
// reader or an annotator of the team library finds the entry off, its tooltip saying why; a second merge adds nothing.
#include "app/maintenance/mergepart.h"
#include "app/reader/readerview.h"
#include "app/shell/mainwindow.h"
#include "core/store/annotationrepository.h"
#include "core/store/library.h"
#include "core/store/librarymerge.h"
#include "core/store/sql.h"
#include "core/store/tagrepository.h"
#include "core/store/teamroles.h"
#include "tests/support/isolatedsettings.h"
#include "tests/support/pgserver.h"
#include "tests/support/recordingfeedback.h"
#include "tests/support/sampleissue.h"
#include "tests/support/windowfixture.h"

#include <QAction>
#include <QFile>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace dubao;
using namespace Qt::StringLiterals;

class TestTeamMerge : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void merge_cancelledWhileItWaits_mergesNothing();
    void preview_cancelledWhileItWaits_asksNothing();
    void merge_previewDeclined_nothing_confirmed_addsAndReports();
    void readerAndAnnotator_entryOffWithReason();

private:
    QString count(const QString &table) const
    {
        return m_server->psql(m_db, u"SELECT count(*) FROM %1"_s.arg(table)).valueOr(QString());
    }

    /// Runs `part`'s merge of the personal library and cancels it as soon as one of its statements waits for a lock on
    /// the server (a colleague's); `cancelled` says whether it was.
    Result<MergeReport> mergeCancelledOnceItWaits(MergePart *part, bool &cancelled)
    {
        QTimer poll;
        poll.setInterval(20);
        connect(&poll, &QTimer::timeout, this, [&] {
            if (cancelled || m_server->psql(m_db, u"SELECT count(*) FROM pg_stat_activity WHERE datname = "
                                                  "current_database() AND wait_event_type = 'Lock'"_s)
                                     .valueOr({}) == u"0"_s)
                return;
            cancelled = true;
            part->cancel();
        });
        poll.start();
        Result<MergeReport> merged = part->mergeFrom(m_personal);
        poll.stop();
        return merged;
    }

    QTemporaryDir m_dir;
    std::unique_ptr<test::PgServer> m_server;
    QString m_db;
    QString m_personal;
    qint64 m_block = 0;
    qint64 m_article = 0;
};

void TestTeamMerge::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolate(m_dir);
    m_server = std::make_unique<test::PgServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
    const Result<QString> db = m_server->createDatabase(u"merge"_s);
    QVERIFY2(db, qPrintable(db.error().message()));
    m_db = *db;
    {
        Library team;
        QVERIFY(team.open(m_server->url(m_db)));
        QVERIFY(test::importSampleIssue(team));
        QVERIFY(team::init(team, nullptr));
        QVERIFY(team::addUser(team, u"rita"_s, team::Role::Reader, u"rita-pw"_s));
        QVERIFY(team::addUser(team, u"anna"_s, team::Role::Annotator, u"anna-pw"_s));
    }
    // The personal library: the same issue, a highlight with a tag of its own, a note.
    m_personal = m_dir.filePath(u"personal.sqlite"_s);
    Library personal;
    QVERIFY(personal.open(m_personal));
    QVERIFY(test::importSampleIssue(personal));
    m_block = sql::scalar(personal.database(), u"SELECT min(id) FROM blocks"_s).toLongLong();
    m_article =
        sql::scalar(personal.database(), u"SELECT article_id FROM blocks WHERE id = ?"_s, {m_block}).toLongLong();
    AnnotationRepository annotations(personal);
    QVERIFY(annotations.addNote(m_block, 0, u"written at home"_s));
    const Result<qint64> highlight = annotations.addHighlight(m_block, 0, 2);
    QVERIFY(highlight);
    const Result<Tag> tag = TagRepository(personal).create(u"from home"_s);
    QVERIFY(tag);
    QVERIFY(TagRepository(personal).addTagging(TagTarget::Highlight, tag->id, *highlight));
}

void TestTeamMerge::cleanupTestCase()
{
    m_server.reset();
}

void TestTeamMerge::merge_cancelledWhileItWaits_mergesNothing()
{
    std::unique_ptr<MainWindow> window = test::openShownWindow(m_server->url(m_db));
    auto *feedback = new test::RecordingFeedback;
    window->setFeedback(std::unique_ptr<UserFeedback>(feedback));
    auto *part = window->findChild<MergePart *>();
    QVERIFY(part);
    // Once the user has said yes, a colleague holds the notes table: the merge, past its highlights, waits for it.
    Library colleague;
    QVERIFY(colleague.open(m_server->url(m_db)));
    feedback->beforeAnswer = [&] {
        QVERIFY(colleague.database().transaction());
        QVERIFY(QSqlQuery(colleague.database()).exec(u"LOCK TABLE notes IN EXCLUSIVE MODE"_s));
    };
    QSignalSpy progressed(part, &MergePart::progressed);
    bool cancelled = false;
    const Result<MergeReport> merged = mergeCancelledOnceItWaits(part, cancelled);
    QVERIFY(colleague.database().rollback());
    QVERIFY(cancelled);
    QVERIFY(!merged);
    QCOMPARE(merged.error().message(), librarymerge::cancelledMessage());
    QCOMPARE(window->statusBar()->currentMessage(), u"The merge was cancelled; nothing was merged."_s);
    // The preview's progress, then the merge's.
    QVERIFY(!progressed.isEmpty());
    QVERIFY2(progressed.first().at(0).toString().startsWith(u"Previewing the issues (1 of 7)"_s),
             qPrintable(progressed.first().at(0).toString()));
    const auto merging = std::find_if(progressed.cbegin(), progressed.cend(), [](const QList<QVariant> &signal) {
        return signal.at(0).toString().startsWith(u"Merging the issues (1 of 7)"_s);
    });
    QVERIFY(merging != progressed.cend());
    // Its highlight and tag, written before it waited, were rolled back with the rest.
    QCOMPARE(count(u"highlights"_s), u"0"_s);
    QCOMPARE(count(u"notes"_s), u"0"_s);
    QCOMPARE(m_server->psql(m_db, u"SELECT count(*) FROM tags WHERE name = 'from home'"_s).valueOr({}), u"0"_s);
    QVERIFY(feedback->warnings.isEmpty());
}

void TestTeamMerge::preview_cancelledWhileItWaits_asksNothing()
{
    std::unique_ptr<MainWindow> window = test::openShownWindow(m_server->url(m_db));
    auto *feedback = new test::RecordingFeedback;
    window->setFeedback(std::unique_ptr<UserFeedback>(feedback));
    auto *part = window->findChild<MergePart *>();
    QVERIFY(part);
    // A colleague holds the notes table before the preview starts: the dry run, on the worker, waits for it while
    // the window's events run (the timer below fires), and its Cancel ends it.
    Library colleague;
    QVERIFY(colleague.open(m_server->url(m_db)));
    QVERIFY(colleague.database().transaction());
    QVERIFY(QSqlQuery(colleague.database()).exec(u"LOCK TABLE notes IN EXCLUSIVE MODE"_s));
    bool cancelled = false;
    const Result<MergeReport> previewed = mergeCancelledOnceItWaits(part, cancelled);
    QVERIFY(colleague.database().rollback());
    QVERIFY(cancelled);
    QVERIFY(!previewed);
    QCOMPARE(previewed.error().message(), librarymerge::cancelledMessage());
    QCOMPARE(window->statusBar()->currentMessage(), u"The preview was cancelled; nothing was merged."_s);
    QVERIFY(feedback->questions.isEmpty()); // nothing to confirm
    QVERIFY(feedback->warnings.isEmpty());
    QCOMPARE(count(u"highlights"_s), u"0"_s);
    QCOMPARE(count(u"notes"_s), u"0"_s);
}

void TestTeamMerge::merge_previewDeclined_nothing_confirmed_addsAndReports()
{
    std::unique_ptr<MainWindow> window = test::openShownWindow(m_server->url(m_db));
    auto *feedback = new test::RecordingFeedback;
    window->setFeedback(std::unique_ptr<UserFeedback>(feedback));
    QAction *action = window->findChild<QAction *>(u"actionMergeLibrary"_s);
    QVERIFY(action);
    QVERIFY(action->isEnabled()); // the owner edits
    auto *part = window->findChild<MergePart *>();
    QVERIFY(part);
    QVERIFY(window->showArticle(m_article)); // (the ids are the same: both imported the sample issue first)
    const int marks = window->reader()->noteMarkers().value(m_block);

    feedback->answer = false;
    QSignalSpy progressed(part, &MergePart::progressed);
    Result<MergeReport> declined = part->mergeFrom(m_personal);
    QVERIFY2(declined, qPrintable(declined.error().message()));
    QVERIFY(declined->dryRun);
    QCOMPARE(feedback->questions.size(), 1);
    const QString &preview = feedback->questions.front();
    QVERIFY2(preview.contains(u"Issues matched by their source file: 1; not in this library: 0"_s),
             qPrintable(preview));
    QVERIFY2(preview.contains(u"Highlights: 1, notes: 1"_s), qPrintable(preview));
    QVERIFY2(preview.contains(u"Tags created: 1"_s), qPrintable(preview));
    // Said before it commits: no undo, a report to review.
    QVERIFY2(preview.contains(u"It cannot be undone"_s), qPrintable(preview));
    // The preview ran on the worker, its progress shown (and the window's event loop ran meanwhile).
    QVERIFY(!progressed.isEmpty());
    QVERIFY2(progressed.first().at(0).toString().startsWith(u"Previewing the issues (1 of 7)"_s),
             qPrintable(progressed.first().at(0).toString()));
    QCOMPARE(count(u"notes"_s), u"0"_s);
    QCOMPARE(count(u"highlights"_s), u"0"_s);

    feedback->answer = true;
    Result<MergeReport> merged = part->mergeFrom(m_personal);
    QVERIFY2(merged, qPrintable(merged.error().message()));
    QVERIFY(!merged->dryRun);
    QCOMPARE(merged->notesAdded, 1);
    QCOMPARE(merged->highlightsAdded, 1);
    QCOMPARE(count(u"notes"_s), u"1"_s);
    QCOMPARE(count(u"highlights"_s), u"1"_s);
    QCOMPARE(m_server->psql(m_db, u"SELECT count(*) FROM tags WHERE name = 'from home'"_s).valueOr({}), u"1"_s);
    QVERIFY(!feedback->information.isEmpty());
    const QString report = feedback->information.back();
    QVERIFY2(report.contains(u"Merged the work of “personal.sqlite” into this library."_s), qPrintable(report));
    // What was added, each named, and the whole report in a file.
    QVERIFY2(report.contains(u"Added: note “written at home” on paragraph %1"_s.arg(m_block)), qPrintable(report));
    QVERIFY2(report.contains(u"Added: tag “from home” created"_s), qPrintable(report));
    const qsizetype at = report.indexOf(u"The whole report is in "_s);
    QVERIFY2(at >= 0, qPrintable(report));
    QFile saved(report.mid(at + 23).trimmed());
    QVERIFY2(saved.open(QIODevice::ReadOnly), qPrintable(saved.fileName()));
    const QString savedText = QString::fromUtf8(saved.readAll());
    QVERIFY2(savedText.contains(u"Added: highlight “"_s) && savedText.contains(u"Added: note “written at home”"_s),
             qPrintable(savedText));
    saved.close();
    QVERIFY(saved.remove());
    QCOMPARE(window->reader()->noteMarkers().value(m_block), marks + 1); // the open article shows it

    // Again: nothing to add, said so; nothing asked.
    const qsizetype questions = feedback->questions.size();
    Result<MergeReport> again = part->mergeFrom(m_personal);
    QVERIFY(again);
    QCOMPARE(again->added(), 0);
    QCOMPARE(feedback->questions.size(), questions);
    QVERIFY(feedback->information.back().contains(u"holds nothing to add"_s));
    QCOMPARE(count(u"notes"_s), u"1"_s);

    // Not a library file: a clear error, nothing changed.
    Result<MergeReport> missing = part->mergeFrom(m_dir.filePath(u"nothing-here.sqlite"_s));
    QVERIFY(!missing);
    QVERIFY(missing.error().message().contains(u"is not a library file"_s));
}

void TestTeamMerge::readerAndAnnotator_entryOffWithReason()
{
    for (const auto &[user, role] : {std::pair{u"rita"_s, u"reader"_s}, std::pair{u"anna"_s, u"annotator"_s}}) {
        std::unique_ptr<MainWindow> window = test::openShownWindow(m_server->url(m_db, user));
        QAction *action = window->findChild<QAction *>(u"actionMergeLibrary"_s);
        QVERIFY(action);
        QVERIFY2(!action->isEnabled(), qPrintable(user));
        QVERIFY2(action->toolTip().contains(
                     u"You are a%1 %2 of this team library"_s.arg(role == u"annotator"_s ? u"n"_s : QString(), role)),
                 qPrintable(action->toolTip()));
    }
}

QTEST_MAIN(TestTeamMerge)
#include "tst_teammerge.moc"
