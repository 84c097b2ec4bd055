// LibraryTreeModel on a library of the real corpus: structure, order, laziness and navigation, checked by
// QAbstractItemModelTester; and the issue's year as the tree flags it and Issue Details corrects it.
#include "app/issues/issuedetailsdialog.h"
#include "app/shell/librarytreemodel.h"
#include "core/ingest/issuereplacer.h"
#include "core/parse/issueparser.h"
#include "core/store/issuerepository.h"
#include "tests/support/corpuslibrary.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QSet>
#include <QTest>

using namespace dubao;
using Kind = LibraryTreeModel::NodeKind;

class TestLibraryTreeModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void modelTester_fullyExpandedCorpus_reportsNoProblems();
    void tree_corpus_showsEveryIssueWithItsArticles();
    void tree_issues_areGroupedByYearAndMonthInDateOrder();
    void fetch_beforeExpanding_readsNoArticles();
    void siblingArticle_atEndOfIssue_continuesInNextIssue();
    void indexOfArticle_anyArticle_findsItsNode();
    void reload_afterDateChange_movesIssueOutOfUndated();
    void issueDetails_yearChecked_isTheUsersAndSurvivesReparse();

private:
    QTemporaryDir m_dir;
    QString m_libraryPath;
    Library m_library;
};

namespace {

void fetchAll(QAbstractItemModel &model, const QModelIndex &parent = {})
{
    while (model.canFetchMore(parent))
        model.fetchMore(parent);
    for (int row = 0; row < model.rowCount(parent); ++row)
        fetchAll(model, model.index(row, 0, parent));
}

QList<QModelIndex> nodesOfKind(LibraryTreeModel &model, Kind kind, const QModelIndex &parent = {})
{
    QList<QModelIndex> found;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        if (model.kind(index) == kind)
            found << index;
        found << nodesOfKind(model, kind, index);
    }
    return found;
}

} // namespace

void TestLibraryTreeModel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolate(m_dir);
    m_libraryPath = m_dir.filePath(QStringLiteral("corpus.sqlite"));
    const QString error = test::buildCorpusLibrary(m_libraryPath);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(m_library.open(m_libraryPath));
}

void TestLibraryTreeModel::modelTester_fullyExpandedCorpus_reportsNoProblems()
{
    IssueRepository issues(m_library);
    LibraryTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRepository(&issues);
    fetchAll(model);
    QVERIFY(model.rowCount() > 0);
    model.reload();
    fetchAll(model);
    model.setRepository(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void TestLibraryTreeModel::tree_corpus_showsEveryIssueWithItsArticles()
{
    IssueRepository issues(m_library);
    LibraryTreeModel model;
    model.setRepository(&issues);
    fetchAll(model);
    const QList<QModelIndex> issueNodes = nodesOfKind(model, Kind::Issue);
    QCOMPARE(issueNodes.size(), test::corpusFileCount());
    QCOMPARE(model.issueCount(), test::corpusFileCount());

    const QList<IssueSummary> listed = issues.listIssues(IssueRepository::Listing::WithArticles);
    for (const QModelIndex &issueNode : issueNodes) {
        const qint64 id = model.issueId(issueNode);
        const auto it = std::find_if(listed.begin(), listed.end(), [id](const IssueSummary &s) { return s.id == id; });
        QVERIFY(it != listed.end());
        QVERIFY(!it->articles.isEmpty());
        QCOMPARE(model.rowCount(issueNode), it->articles.size());
        for (int row = 0; row < it->articles.size(); ++row) {
            const QModelIndex article = model.index(row, 0, issueNode);
            QCOMPARE(model.kind(article), Kind::Article);
            QCOMPARE(model.articleId(article), it->articles[row].id);
            QCOMPARE(model.issueId(article), id);
            if (!it->articles[row].title.isEmpty())
                QCOMPARE(article.data().toString(), it->articles[row].title);
            const QString tip = article.data(Qt::ToolTipRole).toString();
            for (const QString &subtitle : it->articles[row].subtitles)
                QVERIFY2(tip.contains(subtitle), qPrintable(tip));
            if (!it->articles[row].kicker.isEmpty())
                QVERIFY(tip.startsWith(it->articles[row].kicker));
        }
        // The issue's label names its publication.
        const QString publication = it->info.publication;
        if (!publication.isEmpty())
            QVERIFY2(issueNode.data().toString().contains(publication), qPrintable(issueNode.data().toString()));
    }
}

void TestLibraryTreeModel::tree_issues_areGroupedByYearAndMonthInDateOrder()
{
    IssueRepository issues(m_library);
    LibraryTreeModel model;
    model.setRepository(&issues);
    fetchAll(model);
    QDate previous;
    bool seenUndated = false;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex top = model.index(row, 0);
        if (model.kind(top) == Kind::Undated) {
            QCOMPARE(row, model.rowCount() - 1); // "Undated" comes last
            seenUndated = true;
            for (const QModelIndex &issue : nodesOfKind(model, Kind::Issue, top))
                QVERIFY(!model.issueSummary(model.issueId(issue))->info.date.isValid());
            continue;
        }
        QCOMPARE(model.kind(top), Kind::Year);
        const int year = top.data().toString().left(4).toInt();
        for (int m = 0; m < model.rowCount(top); ++m) {
            const QModelIndex month = model.index(m, 0, top);
            QCOMPARE(model.kind(month), Kind::Month);
            for (int i = 0; i < model.rowCount(month); ++i) {
                const QModelIndex issue = model.index(i, 0, month);
                const QDate date = model.issueSummary(model.issueId(issue))->info.date;
                QVERIFY(date.isValid());
                QCOMPARE(date.year(), year);
                QCOMPARE(month.data().toString(), QLocale().standaloneMonthName(date.month()));
                QVERIFY(issue.data().toString().startsWith(date.toString(QStringLiteral("yyyy-MM-dd"))));
                if (previous.isValid())
                    QVERIFY(previous <= date);
                previous = date;
            }
        }
    }
    const QList<IssueSummary> listed = issues.listIssues(IssueRepository::Listing::IssuesOnly);
    const bool anyUndated =
        std::any_of(listed.begin(), listed.end(), [](const IssueSummary &s) { return !s.info.date.isValid(); });
    QCOMPARE(seenUndated, anyUndated);
}

void TestLibraryTreeModel::fetch_beforeExpanding_readsNoArticles()
{
    IssueRepository issues(m_library);
    LibraryTreeModel model;
    model.setRepository(&issues);
    // The years come with the issue list; everything below waits to be fetched.
    QVERIFY(model.rowCount() > 0);
    QVERIFY(!model.canFetchMore({}));
    const QModelIndex top = model.index(0, 0);
    QVERIFY(model.hasChildren(top));
    QCOMPARE(model.rowCount(top), 0);
    QVERIFY(model.canFetchMore(top));
    // Down to the first issue: still no articles until it is fetched.
    QModelIndex node = top;
    while (model.kind(node) != Kind::Issue) {
        model.fetchMore(node);
        node = model.index(0, 0, node);
    }
    QCOMPARE(model.rowCount(node), 0);
    QVERIFY(model.canFetchMore(node));
    model.fetchMore(node);
    QVERIFY(model.rowCount(node) > 0);
    QVERIFY(!model.canFetchMore(node));
}

void TestLibraryTreeModel::siblingArticle_atEndOfIssue_continuesInNextIssue()
{
    IssueRepository issues(m_library);
    LibraryTreeModel model;
    model.setRepository(&issues);
    const QList<IssueSummary> listed = issues.listIssues(IssueRepository::Listing::WithArticles);
    int total = 0;
    for (const auto &issue : listed)
        total += int(issue.articles.size());

    // Walk forward from the very first article through every article of every issue, then back.
    QModelIndex first;
    for (int row = 0; !first.isValid(); ++row) {
        QModelIndex issueIndex = model.indexOfIssue(listed[row].id);
        while (model.siblingIssue(issueIndex, -1).isValid())
            issueIndex = model.siblingIssue(issueIndex, -1);
        first = model.firstArticle(issueIndex);
    }
    QSet<qint64> seen;
    QModelIndex current = first;
    int steps = 0;
    while (current.isValid()) {
        seen.insert(model.articleId(current));
        const QModelIndex next = model.siblingArticle(current, 1);
        if (next.isValid() && next.parent() != current.parent()) {
            QCOMPARE(current.row(), model.rowCount(current.parent()) - 1);
            QCOMPARE(next.row(), 0);
        }
        current = next;
        ++steps;
    }
    QCOMPARE(steps, total);
    QCOMPARE(seen.size(), total);
}

void TestLibraryTreeModel::indexOfArticle_anyArticle_findsItsNode()
{
    IssueRepository issues(m_library);
    LibraryTreeModel model;
    model.setRepository(&issues);
    const QList<IssueSummary> listed = issues.listIssues(IssueRepository::Listing::WithArticles);
    const ArticleSummary &last = listed.back().articles.back();
    const QModelIndex index = model.indexOfArticle(last.id);
    QVERIFY(index.isValid());
    QCOMPARE(model.articleId(index), last.id);
    QCOMPARE(model.issueId(index), listed.back().id);
    QVERIFY(!model.indexOfArticle(9999999).isValid());
}

void TestLibraryTreeModel::reload_afterDateChange_movesIssueOutOfUndated()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("edit.sqlite"));
    QVERIFY(test::buildCorpusLibrary(path).isEmpty());
    Library library;
    QVERIFY(library.open(path));
    IssueRepository issues(library);
    LibraryTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRepository(&issues);

    const IssueSummary issue = issues.listIssues(IssueRepository::Listing::IssuesOnly).front();
    IssueInfo info = issue.info;
    info.date = QDate(1999, 3, 7);
    QVERIFY(issues.updateIssueInfo(issue.id, info));
    model.reload();
    QModelIndex index = model.indexOfIssue(issue.id);
    QVERIFY(index.isValid());
    QCOMPARE(index.parent().parent().data().toString().left(4), QStringLiteral("1999"));
    QCOMPARE(index.parent().parent().row(), 0); // the oldest year comes first

    info.date = QDate();
    QVERIFY(issues.updateIssueInfo(issue.id, info));
    model.reload();
    index = model.indexOfIssue(issue.id);
    QVERIFY(index.isValid());
    QCOMPARE(model.kind(index.parent()), Kind::Undated);
}

void TestLibraryTreeModel::issueDetails_yearChecked_isTheUsersAndSurvivesReparse()
{
    // Issue 003 is dated 2022-11-13, uncertain (2023 also has evidence). The user checks the year and keeps it:
    // the flag goes from the tree and the details, and a re-parse by a newer parser keeps the user's year.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("year.sqlite"));
    QVERIFY(test::buildCorpusLibrary(path).isEmpty());
    Library library;
    QVERIFY(library.open(path));
    IssueRepository issues(library);
    LibraryTreeModel model;
    model.setRepository(&issues);
    qint64 issueId = 0;
    for (const IssueSummary &issue : issues.listIssues(IssueRepository::Listing::IssuesOnly)) {
        if (issue.info.date == QDate(2022, 11, 13))
            issueId = issue.id;
    }
    QVERIFY(issueId != 0);
    const IssueInfo before = issues.issue(issueId)->parsed.issue;
    QVERIFY(before.dateUncertain());
    const auto toolTip = [&] {
        model.reload();
        return model.indexOfIssue(issueId).data(Qt::ToolTipRole).toString();
    };
    QVERIFY2(toolTip().contains(QLatin1String("Year uncertain")), qPrintable(toolTip()));

    IssueDetailsDialog dialog(before);
    QVERIFY(!dialog.yearCheckedBox()->isHidden());
    QCOMPARE(dialog.info(), before); // opened and left as it was: nothing changes
    dialog.yearCheckedBox()->setChecked(true);
    const IssueInfo checked = dialog.info();
    QCOMPARE(checked.date, before.date);
    QVERIFY(!checked.dateInferred);
    QVERIFY(!checked.dateUncertain());
    QCOMPARE(checked.yearEvidence.front().kind, YearEvidence::Kind::User);
    QCOMPARE(IssueDetailsDialog::evidenceLines(checked).front(), QStringLiteral("You set the year: 2022"));
    QVERIFY(issues.updateIssueInfo(issueId, checked));
    QVERIFY2(!toolTip().contains(QLatin1String("Year")), qPrintable(toolTip()));
    // A year the user set is not offered for checking again.
    QVERIFY(IssueDetailsDialog(issues.issue(issueId)->parsed.issue).yearCheckedBox()->isHidden());

    ReparseOptions all;
    all.all = true;
    const ReparseReport reparsed = IssueReplacer(library, {}, kParserVersion + 1).reparseAll(all);
    QVERIFY(reparsed.failed.isEmpty());
    const IssueInfo after = issues.issue(issueId)->parsed.issue;
    QCOMPARE(after.date, QDate(2022, 11, 13));
    QVERIFY(!after.dateInferred);
    QVERIFY(after.yearAlternatives.isEmpty());
    QCOMPARE(after.yearEvidence.front().kind, YearEvidence::Kind::User);
}

QTEST_MAIN(TestLibraryTreeModel)
#include "tst_librarytreemodel.moc"
