// dubao-cli merge (issue 13): a personal library's work (the export tests' library, tests/support/exportfixture.h,
// plus an issue the destination lacks) merged into a library of the same issues — a team library on PostgreSQL or an
// SQLite file. Matched by source file and paragraph text, tags by name, notebooks by name; a report of what did not
// match; a dry run changes nothing; a second merge adds nothing; a failure half-way leaves the destination as it was.
#include "core/export/excerptcollector.h"
#include "core/store/librarymerge.h"
#include "tests/support/cliprocess.h"
#include "tests/support/engines.h"
#include "tests/support/exportfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

using namespace dubao;
using namespace Qt::StringLiterals;

namespace {

/// Every excerpt of a library without ids (kind, date, article, offsets, quote, tags, notes), sorted.
QStringList canonical(Library &library)
{
    const Result<ExportDocument> doc = ExcerptCollector(library).collect({});
    if (!doc)
        return {u"collect failed: "_s + doc.error().message()};
    QStringList lines;
    for (const Excerpt &e : doc->excerpts) {
        QStringList tags = e.tags;
        tags.sort();
        QStringList notes;
        for (const ExportNote &n : e.notes)
            notes.append(n.text);
        notes.sort();
        lines.append(QStringList{excerptKindName(e.kind), e.issueDate.toString(Qt::ISODate),
                                 QString::number(e.articlePosition), QString::number(e.blockPosition),
                                 QString::number(e.start), QString::number(e.end), e.quote, tags.join(u'|'),
                                 notes.join(u"\n--\n"_s)}
                         .join(u'\t'));
    }
    lines.sort();
    return lines;
}

qint64 count(Library &library, const QString &table)
{
    QSqlQuery q(library.database());
    return q.exec(u"SELECT count(*) FROM "_s + table) && q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace

class TestCliMerge : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void merge_dryRunThenMergeThenAgain();
    void failureHalfWay_changesNothing();

private:
    QJsonObject mergeJson(const QStringList &extra, QByteArray *err = nullptr);

    test::ExportFixture m_personal;
    qint64 m_unmatchedHighlight = 0;
};

QJsonObject TestCliMerge::mergeJson(const QStringList &extra, QByteArray *err)
{
    const test::CliRun run = test::runCli(QStringList{u"merge"_s, m_personal.path(), u"--json"_s} + extra);
    if (err)
        *err = run.err;
    if (run.code != 0)
        qWarning("merge failed: %s", run.err.constData());
    return QJsonDocument::fromJson(run.out).object();
}

void TestCliMerge::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QString error;
    QVERIFY2(m_personal.setUp(&error), qPrintable(error));
    // An issue only the personal library has, with a highlight on it: reported, not merged.
    const QString third = m_personal.dir->filePath(u"three.txt"_s);
    QFile sample(test::sampleIssuePath());
    QVERIFY(sample.open(QIODevice::ReadOnly));
    QFile f(third);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(sample.readAll() + "\n\n\n\n");
    f.close();
    const ImportReport imported = Importer(*m_personal.library).importPaths({third});
    QCOMPARE(imported.imported.size(), 1);
    const std::optional<StoredIssue> stored =
        IssueRepository(*m_personal.library).issue(imported.imported.front().issueId);
    QVERIFY(stored);
    const Result<qint64> h = AnnotationRepository(*m_personal.library)
                                 .addHighlight(m_personal.block(*stored, 0, 0), 1, 4, {m_personal.wetland});
    QVERIFY(h);
    m_unmatchedHighlight = *h;
    m_personal.library.reset(); // dubao-cli opens it
}

void TestCliMerge::merge_dryRunThenMergeThenAgain()
{
    test::ExportFixture team;
    team.location = test::libraryLocation();
    QVERIFY2(!team.location.isEmpty() || !test::onPostgres(), qPrintable(test::engineRun().lastError));
    QString error;
    QVERIFY2(team.setUpIssues(&error), qPrintable(error));
    // The team already has the tag 农业 (another colour: kept) and the first highlight at the same place.
    TagRepository tags(*team.library);
    const Result<Tag> farming = tags.create(u"农业"_s, 0, u"#112233"_s);
    QVERIFY(farming);
    QVERIFY(AnnotationRepository(*team.library).addHighlight(team.block(team.stored1, 0, 0), 0, 10));
    const QStringList before = canonical(*team.library);
    team.library.reset();

    const QStringList into{u"--into"_s, team.path()};
    const QJsonObject dry = mergeJson(into + QStringList{u"--dry-run"_s});
    QCOMPARE(dry.value(u"dryRun"_s).toBool(), true);
    QCOMPARE(dry.value(u"highlightsAdded"_s).toInt(), 2);
    team.library = std::make_unique<Library>();
    QVERIFY(team.library->open(team.path()));
    QCOMPARE(canonical(*team.library), before);
    QCOMPARE(count(*team.library, u"tags"_s), 1);
    team.library.reset();

    const QJsonObject merged = mergeJson(into);
    QCOMPARE(merged.value(u"dryRun"_s).toBool(), false);
    QCOMPARE(merged.value(u"issuesMatched"_s).toInt(), 2);
    QCOMPARE(merged.value(u"issuesUnmatched"_s).toInt(), 1);
    QCOMPARE(merged.value(u"highlightsAdded"_s).toInt(), 2);
    QCOMPARE(merged.value(u"notesAdded"_s).toInt(), 3);
    QCOMPARE(merged.value(u"paragraphTagsAdded"_s).toInt(), 1);
    QCOMPARE(merged.value(u"articleTagsAdded"_s).toInt(), 1);
    QCOMPARE(merged.value(u"tagsCreated"_s).toInt(), 2 + int(test::hostileTagNames().size())); // 春耕, 湿地, hostile
    QCOMPARE(merged.value(u"notebooksCreated"_s).toInt(), 1);
    QCOMPARE(merged.value(u"notebookEntriesAdded"_s).toInt(), 4);
    QCOMPARE(merged.value(u"alreadyThere"_s).toInt(), 1); // the first highlight
    const QJsonArray unmatched = merged.value(u"unmatched"_s).toArray();
    QCOMPARE(unmatched.size(), 1);
    QVERIFY2(unmatched.at(0).toString().startsWith(u"highlight %1 "_s.arg(m_unmatchedHighlight)),
             qPrintable(unmatched.at(0).toString()));
    QVERIFY2(unmatched.at(0).toString().contains(u"no issue of the same source file"_s),
             qPrintable(unmatched.at(0).toString()));
    QCOMPARE(dry.value(u"unmatched"_s).toArray(), unmatched); // the dry run said what the merge did

    // The team's excerpts are now the personal library's on the issues both hold (the tag 农业 kept its colour).
    Library personal;
    QVERIFY(personal.open(m_personal.path()));
    QStringList expected = canonical(personal);
    expected.removeIf([](const QString &line) { return line.contains(u"\t1\t4\t"_s); }); // the unmatched one
    team.library = std::make_unique<Library>();
    QVERIFY(team.library->open(team.path()));
    QCOMPARE(canonical(*team.library), expected);
    QCOMPARE(TagRepository(*team.library).findByPath(u"农业"_s)->color, u"#112233"_s);
    const auto notebook = NotebookRepository(*team.library).findByName(u"读书笔记"_s);
    QVERIFY(notebook);
    QCOMPARE(NotebookRepository(*team.library).entries(notebook->id).size(), 4);
    // The uids came along: a link to a note in the personal library resolves in the team library.
    QSqlQuery uid(personal.database());
    QVERIFY(uid.exec(u"SELECT uid FROM notes ORDER BY id LIMIT 1"_s) && uid.next());
    QSqlQuery found(team.library->database());
    QVERIFY(found.prepare(u"SELECT count(*) FROM notes WHERE uid = ?"_s));
    found.addBindValue(uid.value(0).toByteArray());
    QVERIFY(found.exec() && found.next());
    QCOMPARE(found.value(0).toInt(), 1);
    const QStringList after = canonical(*team.library);
    team.library.reset();

    // Again: nothing added, the same report of what did not match; the text report says it in words.
    const QJsonObject again = mergeJson(into);
    for (const char *key : {"highlightsAdded", "notesAdded", "paragraphTagsAdded", "articleTagsAdded", "tagsCreated",
                            "annotationTagsAdded", "notebooksCreated", "notebookEntriesAdded"})
        QVERIFY2(again.value(QLatin1String(key)).toInt() == 0, key);
    QCOMPARE(again.value(u"alreadyThere"_s).toInt(), 3 + 3 + 1 + 1 + 4);
    QCOMPARE(again.value(u"unmatched"_s).toArray(), unmatched);
    const test::CliRun text = test::runCli({u"merge"_s, m_personal.path(), u"--into"_s, team.path()});
    QCOMPARE(text.code, 0);
    QVERIFY2(text.out.contains("highlights added 0") && text.out.contains("not matched: highlight"),
             text.out.constData());
    team.library = std::make_unique<Library>();
    QVERIFY(team.library->open(team.path()));
    QCOMPARE(canonical(*team.library), after);

    // Usage errors and a missing source.
    QCOMPARE(test::runCli({u"merge"_s, u"--into"_s, team.path()}).code, 2);
    const test::CliRun missing = test::runCli({u"merge"_s, u"/nonexistent/x.sqlite"_s, u"--into"_s, team.path()});
    QCOMPARE(missing.code, 1);
    QVERIFY(missing.err.contains("no such library file"));
}

void TestCliMerge::failureHalfWay_changesNothing()
{
    test::ExportFixture team;
    team.location = test::libraryLocation();
    QString error;
    QVERIFY2(team.setUpIssues(&error), qPrintable(error));
    const QStringList before = canonical(*team.library);
    // The server (or SQLite) refuses the third note, after tags, highlights and two notes were written.
    QSqlQuery refuse(team.library->database());
    if (test::onPostgres()) {
        QVERIFY(refuse.exec(u"CREATE FUNCTION test_refuse_note() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                            "IF NEW.text LIKE '=HYPERLINK%' THEN RAISE EXCEPTION 'refused by the test'; END IF; "
                            "RETURN NEW; END $$"_s));
        QVERIFY(refuse.exec(u"CREATE TRIGGER test_refuse_note BEFORE INSERT ON notes FOR EACH ROW "
                            "EXECUTE FUNCTION test_refuse_note()"_s));
    } else {
        QVERIFY2(
            refuse.exec(u"CREATE TEMP TRIGGER test_refuse_note BEFORE INSERT ON main.notes "
                        "WHEN NEW.text LIKE '=HYPERLINK%' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"_s),
            qPrintable(refuse.lastError().text()));
    }
    Library personal;
    QVERIFY(personal.open(m_personal.path()));
    const Result<MergeReport> merged = librarymerge::merge(personal, *team.library);
    QVERIFY(test::onPostgres() ? refuse.exec(u"DROP FUNCTION test_refuse_note CASCADE"_s)
                               : refuse.exec(u"DROP TRIGGER temp.test_refuse_note"_s));
    QVERIFY(!merged);
    QVERIFY2(merged.error().message().contains(u"refused by the test"_s), qPrintable(merged.error().message()));
    QCOMPARE(canonical(*team.library), before);
    QCOMPARE(count(*team.library, u"tags"_s), 0);
    QCOMPARE(count(*team.library, u"highlights"_s), 0);
    QCOMPARE(count(*team.library, u"notebooks"_s), 0);
    // Without the refusal the same merge goes through.
    const Result<MergeReport> again = librarymerge::merge(personal, *team.library);
    QVERIFY2(again, qPrintable(again.error().message()));
    QCOMPARE(again->notesAdded, 3);
}

DUBAO_TEST_MAIN_BOTH_ENGINES(TestCliMerge, {})
#include "tst_cli_merge.moc"
