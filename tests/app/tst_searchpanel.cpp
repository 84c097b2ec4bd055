// Search in the main window (offscreen, on the corpus): search as you type against SearchService, cancelling
// stale searches, hostile input, opening a hit (paragraph + every match highlighted), F3 / Shift+F3, Esc,
// the find bar (Ctrl+F), and rebuilding an index that needs it before search is enabled.
#include "app/annotations/annotationcontroller.h"
#include "app/annotations/annotationdocument.h"
#include "app/reader/findbar.h"
#include "app/reader/readerview.h"
#include "app/search/querycompleter.h"
#include "app/search/searchpanel.h"
#include "app/search/searchresultsmodel.h"
#include "app/shell/mainwindow.h"
#include "core/jobs/searchjob.h"
#include "core/search/matchhighlighter.h"
#include "core/search/queryparser.h"
#include "core/search/searchindex.h"
#include "core/search/searchservice.h"
#include "core/store/authorship.h"
#include "core/store/library.h"
#include "tests/support/corpuslibrary.h"
#include "tests/support/sampleissue.h"
#include "tests/support/windowfixture.h"

#include <QAbstractItemView>
#include <QAction>
#include <QCompleter>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>
#include <QUndoStack>

using namespace dubao;

namespace {

/// QTest::keyClicks takes Latin-1 only: one key press + release per character, carrying it as text (what
/// an input method's commit looks like to a line edit, one character at a time).
void typeText(QWidget *widget, const QString &text)
{
    for (const QChar c : text) {
        QTest::sendKeyEvent(QTest::Press, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
        QTest::sendKeyEvent(QTest::Release, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

} // namespace

class TestSearchPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void typing_showsSameTotalAsSearchService_data();
    void typing_showsSameTotalAsSearchService();
    void orderAndPaging_matchSearchService();
    void newKeystroke_cancelsPreviousSearch_noStaleResults();
    void typing_fastSearches_eachKeystrokeSearchesAtOnce();
    void manyHits_firstPageShownBeforeTheExactCount();
    void runner_newRequestCancelsThePrevious();
    void runner_keepsOneConnection_holdsNoSnapshot();
    void hostileInput_showsMessage_noCrash_data();
    void hostileInput_showsMessage_noCrash();
    void openHit_showsParagraphWithAllMatchesHighlighted();
    void f3_stepsThroughMatches_escClears();
    void searchMatches_coexistWithAnnotationHighlights();
    void tagAlone_listsTheTaggedParagraphAndHighlight();
    void authorAlone_completedAndListsTheirAnnotations();
    void findBar_ctrlF_countsMatchesInArticle();
    void indexNeedingRebuild_isRebuiltBeforeSearchIsEnabled();

private:
    std::unique_ptr<MainWindow> openWindow(const QString &path);
    /// Types `text` into the search field and waits for its results.
    bool typeQuery(MainWindow *window, const QString &text);
    SearchResult serviceResult(const QString &text, SearchOptions options = {});

    QTemporaryDir m_dir;
    QString m_library;
};

void TestSearchPanel::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolate(m_dir);
    m_library = m_dir.filePath(QStringLiteral("corpus.sqlite"));
    const QString error = test::buildCorpusLibrary(m_library);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestSearchPanel::init()
{
    QSettings().clear();
}

std::unique_ptr<MainWindow> TestSearchPanel::openWindow(const QString &path)
{
    return test::openShownWindow(path, QSize(1200, 800));
}

bool TestSearchPanel::typeQuery(MainWindow *window, const QString &text)
{
    SearchPanel *panel = window->searchPanel();
    QSignalSpy shown(panel, &SearchPanel::resultsShown);
    if (!panel->queryField()->text().isEmpty()) {
        panel->queryField()->clear(); // an empty query is shown at once, inside clear(), while searches are fast
        if (shown.isEmpty())
            shown.wait(2000);
        shown.clear();
    }
    typeText(panel->queryField(), text);
    if (!shown.wait(10000))
        return false;
    return panel->query() == text && !panel->isBusy();
}

SearchResult TestSearchPanel::serviceResult(const QString &text, SearchOptions options)
{
    Library library;
    if (!library.open(m_library))
        return {};
    return SearchService(library).search(text, options);
}

void TestSearchPanel::typing_showsSameTotalAsSearchService_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("永川") << QStringLiteral("永川");
    QTest::newRow("会议") << QStringLiteral("会议");
    QTest::newRow("phrase") << QStringLiteral("\"永川 区委\"");
    QTest::newRow("and") << QStringLiteral("永川 发展");
}

void TestSearchPanel::typing_showsSameTotalAsSearchService()
{
    QFETCH(QString, query);
    auto window = openWindow(m_library);
    SearchPanel *panel = window->searchPanel();
    QVERIFY(panel->isSearchEnabled());
    const SearchResult expected = serviceResult(query, {SearchOrder::Relevance, 0, SearchPanel::DefaultPageSize});
    QVERIFY(expected.ok());
    QVERIFY(expected.total > 0);

    QVERIFY(typeQuery(window.get(), query));
    QCOMPARE(panel->model()->total(), expected.total);
    QCOMPARE(panel->model()->rowCount(), int(expected.hits.size()));
    for (int i = 0; i < expected.hits.size(); ++i) {
        QCOMPARE(panel->model()->hit(i).blockId, expected.hits[i].blockId);
        QCOMPARE(panel->model()->hit(i).snippet.ranges, expected.hits[i].snippet.ranges);
    }
    const QString count = expected.total == 1 ? QStringLiteral("1 hit")
                                              : QStringLiteral("%1 hits").arg(QLocale().toString(expected.total));
    QVERIFY2(panel->countText().startsWith(count), qPrintable(panel->countText()));
    QCOMPARE(panel->countText().contains(QStringLiteral("ranked among the newest")), expected.rankCapped);
    QVERIFY(panel->messageText().isEmpty());
}

void TestSearchPanel::orderAndPaging_matchSearchService()
{
    auto window = openWindow(m_library);
    SearchPanel *panel = window->searchPanel();
    const int page = 10;
    panel->setPageSize(page);
    const QString query = QStringLiteral("永川");
    QVERIFY(typeQuery(window.get(), query));

    QSignalSpy shown(panel, &SearchPanel::resultsShown);
    panel->setOrder(SearchOrder::Newest);
    QVERIFY(shown.wait(10000));
    const SearchResult newest = serviceResult(query, {SearchOrder::Newest, 0, 3 * page});
    QVERIFY(newest.total > 3 * page);
    QCOMPARE(panel->model()->rowCount(), page);
    QCOMPARE(panel->model()->hit(0).blockId, newest.hits[0].blockId);

    // Further pages: fetchMore (what scrolling to the end or "Load more" does).
    QVERIFY(panel->model()->canFetchMore({}));
    panel->model()->fetchMore({});
    QTRY_VERIFY_WITH_TIMEOUT(panel->model()->rowCount() >= 2 * page, 10000);
    QVERIFY(panel->findChild<QPushButton *>(QStringLiteral("searchLoadMore"))->isVisible());
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("searchLoadMore")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(panel->model()->rowCount() >= 3 * page, 10000);
    for (int i = 0; i < newest.hits.size(); ++i)
        QCOMPARE(panel->model()->hit(i).blockId, newest.hits[i].blockId);

    panel->setOrder(SearchOrder::Oldest);
    QVERIFY(shown.wait(10000));
    const SearchResult oldest = serviceResult(query, {SearchOrder::Oldest, 0, page});
    QCOMPARE(panel->model()->hit(0).blockId, oldest.hits[0].blockId);
}

void TestSearchPanel::newKeystroke_cancelsPreviousSearch_noStaleResults()
{
    auto window = openWindow(m_library);
    SearchPanel *panel = window->searchPanel();
    QSignalSpy shown(panel, &SearchPanel::resultsShown);

    // A single character is the slowest query (a prefix over many bigrams): start it at once, then type on.
    panel->queryField()->setText(QStringLiteral("会"));
    panel->refresh();
    QVERIFY(panel->isBusy());
    typeText(panel->queryField(), QStringLiteral("议"));
    // The first search may finish before the keystroke on a loaded machine; what must never happen is that
    // its results arrive after (and replace) the final query's.
    auto shownText = [panel] {
        const auto &clauses = panel->shownQuery().clauses;
        return clauses.isEmpty() || clauses.front().isEmpty() ? QString() : clauses.front().front().text;
    };
    QTRY_COMPARE_WITH_TIMEOUT(shownText(), QStringLiteral("会议"), 10000);
    const int shownWhenFinal = int(shown.count());
    QTest::qWait(2 * SearchPanel::DebounceMs + 200); // anything stale would arrive now
    QCOMPARE(shown.count(), shownWhenFinal);
    QCOMPARE(shownText(), QStringLiteral("会议"));

    const SearchResult expected =
        serviceResult(QStringLiteral("会议"), {SearchOrder::Relevance, 0, SearchPanel::DefaultPageSize});
    QCOMPARE(panel->model()->total(), expected.total);
    QCOMPARE(panel->shownQuery().clauses.size(), 1);
    QCOMPARE(panel->shownQuery().clauses.front().front().text, QStringLiteral("会议"));
    const QRegularExpression space(QStringLiteral("\\s"));
    for (int i = 0; i < panel->model()->rowCount(); ++i) {
        QString text = panel->model()->hit(i).text;
        QVERIFY(text.remove(space).contains(QStringLiteral("会议")));
    }

    // Typing fast: each keystroke cancels the search before it; only the last query's results are shown.
    panel->queryField()->clear();
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy() && !panel->isWaitingForPause(), 10000);
    shown.clear();
    typeText(panel->queryField(), QStringLiteral("常委会"));
    QVERIFY(shown.wait(10000));
    QTest::qWait(2 * SearchPanel::DebounceMs + 200);
    QCOMPARE(shown.count(), 1);
    QCOMPARE(shownText(), QStringLiteral("常委会"));
    QCOMPARE(panel->model()->total(), serviceResult(QStringLiteral("常委会")).total);
}

void TestSearchPanel::typing_fastSearches_eachKeystrokeSearchesAtOnce()
{
    // Searches on this library come back fast, so a keystroke searches at once: no fixed wait for a pause in
    // typing stands between it and its results.
    auto window = openWindow(m_library);
    SearchPanel *panel = window->searchPanel();
    QVERIFY(typeQuery(window.get(), QStringLiteral("永川")));
    QVERIFY(panel->lastSearchMs() >= 0);
    QVERIFY2(panel->lastSearchMs() <= SearchPanel::FastSearchMs,
             qPrintable(QStringLiteral("the first page took %1 ms").arg(panel->lastSearchMs())));
    QSignalSpy shown(panel, &SearchPanel::resultsShown);
    QElapsedTimer clock;
    clock.start();
    typeText(panel->queryField(), QStringLiteral("区"));
    // The search for 永川区 is already running: started by the keystroke itself, not by a timer.
    QVERIFY(panel->isBusy());
    QVERIFY(!panel->isWaitingForPause());
    QVERIFY(shown.wait(10000));
    QCOMPARE(panel->query(), QStringLiteral("永川区"));
    QCOMPARE(panel->shownQuery().clauses.front().front().text, QStringLiteral("永川区"));
    const SearchResult expected =
        serviceResult(QStringLiteral("永川区"), {SearchOrder::Relevance, 0, SearchPanel::DefaultPageSize});
    QCOMPARE(panel->model()->total(), expected.total);
    QCOMPARE(panel->model()->rowCount(), expected.hits.size());
    QCOMPARE(panel->model()->hit(0).blockId, expected.hits.front().blockId);
    qInfo("keystroke to results shown: %lld ms (load-dependent, not asserted)", qint64(clock.elapsed()));
    // Backspace: the same, at once.
    QTest::keyClick(panel->queryField(), Qt::Key_Backspace);
    QVERIFY(panel->isBusy());
    QVERIFY(!panel->isWaitingForPause());
    QVERIFY(shown.wait(10000));
    QCOMPARE(panel->shownQuery().clauses.front().front().text, QStringLiteral("永川"));
}

void TestSearchPanel::manyHits_firstPageShownBeforeTheExactCount()
{
    // More hits than the ranking takes (SearchService::kRankedHits): the sample issue and 5,100 paragraphs more.
    const QString path = m_dir.filePath(QStringLiteral("many.sqlite"));
    {
        Library library;
        QVERIFY(library.open(path));
        const std::optional<StoredIssue> issue = test::importSampleIssue(library);
        QVERIFY(issue);
        QSqlQuery q(library.database());
        q.prepare(QStringLiteral("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 5100) "
                                 "INSERT INTO blocks (article_id, position, kind, text, raw, first_line, last_line) "
                                 "SELECT ?, 1000 + x, 'body', '第' || x || '次会议听取永川区委报告', '', 1, 1 FROM n"));
        q.addBindValue(issue->parsed.articles.front().id);
        QVERIFY(q.exec());
    }
    const QString query = QStringLiteral("永川区委");
    SearchResult expected;
    SearchResult shownFirst;
    {
        Library library;
        QVERIFY(library.open(path));
        SearchOptions options{SearchOrder::Relevance, 0, SearchPanel::DefaultPageSize};
        expected = SearchService(library).search(query, options);
        options.exactTotal = false;
        shownFirst = SearchService(library).search(query, options);
    }
    QVERIFY(expected.total > SearchService::kRankedHits);
    QVERIFY(shownFirst.totalIsLowerBound);

    auto window = openWindow(path);
    SearchPanel *panel = window->searchPanel();
    QStringList countsWhenShown;
    connect(panel, &SearchPanel::resultsShown, panel, [&] { countsWhenShown << panel->countText(); });
    typeText(panel->queryField(), query);
    // The first page as the service gives it, then the exact count replacing "More than 5,000 hits".
    QTRY_VERIFY_WITH_TIMEOUT(!countsWhenShown.isEmpty(), 10000);
    QVERIFY2(countsWhenShown.back().startsWith(
                 QStringLiteral("More than %1 hits").arg(QLocale().toString(shownFirst.total))),
             qPrintable(countsWhenShown.back()));
    QCOMPARE(panel->model()->rowCount(), int(expected.hits.size()));
    for (int i = 0; i < expected.hits.size(); ++i)
        QCOMPARE(panel->model()->hit(i).blockId, expected.hits[i].blockId);
    const QString exact = QStringLiteral("%1 hits").arg(QLocale().toString(expected.total));
    QTRY_VERIFY_WITH_TIMEOUT(panel->countText().startsWith(exact), 10000);
    QCOMPARE(panel->model()->total(), expected.total);
    QVERIFY(!panel->model()->isTotalLowerBound());
}

void TestSearchPanel::runner_newRequestCancelsThePrevious()
{
    // The worker: a request superseded before or while it runs comes back cancelled (the atomic flag), the
    // last one with its results.
    SearchRunner runner(m_library);
    QSignalSpy finished(&runner, &SearchRunner::searchFinished);
    const quint64 first = runner.search(QStringLiteral("会"), {});
    const quint64 second = runner.search(QStringLiteral("会议"), {});
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 10000);
    QCOMPARE(finished.at(0).at(0).value<quint64>(), first);
    QVERIFY(finished.at(0).at(1).value<SearchResult>().cancelled);
    QCOMPARE(finished.at(1).at(0).value<quint64>(), second);
    const SearchResult last = finished.at(1).at(1).value<SearchResult>();
    QVERIFY(last.ok());
    QCOMPARE(last.total, serviceResult(QStringLiteral("会议")).total);
    runner.cancel(); // nothing running: harmless
}

void TestSearchPanel::runner_keepsOneConnection_holdsNoSnapshot()
{
    // One connection on the worker thread serves every request; between requests it holds no read snapshot, so a
    // checkpoint of another connection still empties the WAL; a schema changed by another connection (an index
    // rebuilt) makes it open afresh.
    {
        Library writer; // as the window's own connection is, beside the worker's
        QVERIFY(writer.open(m_library));
        QSqlQuery query(writer.database());
        auto write = [&query] {
            return query.exec(QStringLiteral("CREATE TABLE scratch(x)")) &&
                   query.exec(QStringLiteral("INSERT INTO scratch VALUES (1)")) &&
                   query.exec(QStringLiteral("DROP TABLE scratch"));
        };
        SearchRunner runner(m_library);
        QSignalSpy finished(&runner, &SearchRunner::searchFinished);
        const QStringList terms{QStringLiteral("永川"), QStringLiteral("会议"), QStringLiteral("发展")};
        for (const QString &term : terms) {
            runner.search(term, {});
            QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
            const SearchResult result = finished.takeFirst().at(1).value<SearchResult>();
            QVERIFY(result.ok());
            QCOMPARE(result.total, serviceResult(term).total);
        }
        QCOMPARE(runner.connectionsOpened(), 1);

        QVERIFY2(write(), qPrintable(query.lastError().text()));
        QVERIFY(QFileInfo(m_library + QStringLiteral("-wal")).size() > 0);
        runner.search(QStringLiteral("永川"), {});
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QVERIFY(finished.takeFirst().at(1).value<SearchResult>().ok());
        QCOMPARE(runner.connectionsOpened(), 2); // the schema changed underneath

        QVERIFY(write());
        runner.search(QStringLiteral("会议"), {});
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QVERIFY(finished.takeFirst().at(1).value<SearchResult>().ok());
        QVERIFY(query.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")) && query.next());
        QCOMPARE(query.value(0).toInt(), 0); // not busy: no reader kept a snapshot
        QCOMPARE(QFileInfo(m_library + QStringLiteral("-wal")).size(), 0);

        runner.closeConnection();
        runner.search(QStringLiteral("会议"), {});
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QVERIFY(finished.takeFirst().at(1).value<SearchResult>().ok());
        QCOMPARE(runner.connectionsOpened(), 4); // schema changed again (3), closed and opened (4)
    }
}

void TestSearchPanel::hostileInput_showsMessage_noCrash_data()
{
    QTest::addColumn<QString>("query");
    QTest::newRow("unbalanced quote") << QStringLiteral("\"永川");
    QTest::newRow("lone star") << QStringLiteral("*");
    QTest::newRow("OR") << QStringLiteral("OR");
    QTest::newRow("minus") << QStringLiteral("-");
    QTest::newRow("trailing OR") << QStringLiteral("永川 OR");
    QTest::newRow("only NOT") << QStringLiteral("NOT 永川");
    QTest::newRow("punctuation") << QStringLiteral("，。！？");
    QTest::newRow("bad date") << QStringLiteral("永川 from:2023-13-45");
    QTest::newRow("empty filter") << QStringLiteral("title:");
    QTest::newRow("sql-ish") << QStringLiteral("'); DROP TABLE blocks; --");
}

void TestSearchPanel::hostileInput_showsMessage_noCrash()
{
    QFETCH(QString, query);
    auto window = openWindow(m_library);
    SearchPanel *panel = window->searchPanel();
    const SearchQuery parsed = QueryParser::parse(query);
    QVERIFY(typeQuery(window.get(), query));
    const QString message = panel->messageText();
    if (!parsed.isValid() || !parsed.messages.isEmpty())
        QVERIFY2(!message.isEmpty(), qPrintable(query));
    if (!parsed.isValid()) {
        QCOMPARE(panel->model()->rowCount(), 0);
        QCOMPARE(message, parsed.error);
    }
    QVERIFY2(!message.contains(QStringLiteral("SQL"), Qt::CaseInsensitive) &&
                 !message.contains(QStringLiteral("fts5"), Qt::CaseInsensitive),
             qPrintable(message));
    // Still alive: a normal query works after it.
    QVERIFY(typeQuery(window.get(), QStringLiteral("永川")));
    QVERIFY(panel->model()->total() > 0);
    QVERIFY(panel->messageText().isEmpty());
}

void TestSearchPanel::openHit_showsParagraphWithAllMatchesHighlighted()
{
    auto window = openWindow(m_library);
    SearchPanel *panel = window->searchPanel();
    QVERIFY(typeQuery(window.get(), QStringLiteral("永川")));
    QVERIFY(panel->model()->rowCount() > 3);
    const int row = 3;
    const SearchHit hit = panel->model()->hit(row);

    // Enter on a hit in the list opens it.
    QListView *list = panel->resultsView();
    list->setFocus();
    list->setCurrentIndex(panel->model()->index(row));
    QSignalSpy shown(window.get(), &MainWindow::articleShown);
    QTest::keyClick(list, Qt::Key_Return);
    QCOMPARE(window->currentArticleId(), hit.articleId);

    ReaderView *reader = window->reader();
    QVERIFY(reader->hasSearchMatches());
    const int current = reader->currentSearchMatch();
    QVERIFY(current >= 0);
    QCOMPARE(reader->searchMatches().at(current).blockId, hit.blockId);
    // The paragraph is on screen.
    const QTextBlock block = reader->textBlock(hit.blockId);
    QVERIFY(block.isValid());
    const QRect cursorRect = reader->cursorRect();
    QVERIFY(reader->viewport()->rect().contains(cursorRect.center()));
    QCOMPARE(reader->blockIdAt(reader->textCursor()), hit.blockId);

    // Every match of the article is drawn, each covering the whole match (last character included).
    const QList<QTextEdit::ExtraSelection> selections = reader->searchSelections();
    QCOMPARE(selections.size(), reader->searchMatches().size());
    int expected = 0;
    const MatchHighlighter highlighter = MatchHighlighter::forQuery(QueryParser::parse(QStringLiteral("永川")));
    for (const Block &b : reader->article().blocks)
        expected += int(highlighter.matches(b.text).size());
    QCOMPARE(int(selections.size()), expected);
    const QRegularExpression whole(QStringLiteral("^(永川|永川)+$"));
    for (const QTextEdit::ExtraSelection &selection : selections) {
        const QString text = selection.cursor.selectedText().remove(QRegularExpression(QStringLiteral("\\s")));
        QVERIFY2(whole.match(text).hasMatch(), qPrintable(text));
    }
    // They are among the reader's extra selections (what is painted), the hit's one in the current colour.
    QVERIFY(reader->extraSelections().size() >= selections.size());
    QCOMPARE(selections.at(current).format.background().color(), ReaderView::searchMatchColor(reader->palette(), true));
    // The hit's paragraph has the match the snippet showed.
    const TextSpan span = reader->searchMatches().at(current);
    QCOMPARE(block.text().mid(span.start, span.end - span.start).remove(QRegularExpression(QStringLiteral("\\s"))),
             hit.text.mid(hit.matches.front().start, hit.matches.front().length)
                 .remove(QRegularExpression(QStringLiteral("\\s"))));
}

void TestSearchPanel::f3_stepsThroughMatches_escClears()
{
    auto window = openWindow(m_library);
    SearchPanel *panel = window->searchPanel();
    QVERIFY(typeQuery(window.get(), QStringLiteral("永川")));
    // A hit in an article with several matches.
    int row = -1;
    for (int i = 0; i < panel->model()->rowCount() && row < 0; ++i) {
        window->openSearchHit(panel->model()->hit(i), panel->shownQuery());
        if (window->reader()->searchMatches().size() >= 3)
            row = i;
    }
    QVERIFY(row >= 0);
    ReaderView *reader = window->reader();
    reader->setFocus();
    const int count = int(reader->searchMatches().size());
    const int first = reader->currentSearchMatch();
    QTest::keyClick(reader, Qt::Key_F3);
    QCOMPARE(reader->currentSearchMatch(), (first + 1) % count);
    const TextSpan span = reader->searchMatches().at(reader->currentSearchMatch());
    QCOMPARE(reader->blockIdAt(reader->textCursor()), span.blockId);
    QCOMPARE(reader->textCursor().position() - reader->textCursor().block().position(), span.start);
    QTest::keyClick(reader, Qt::Key_F3, Qt::ShiftModifier);
    QCOMPARE(reader->currentSearchMatch(), first);
    // Across paragraphs, wrapping at the end.
    for (int i = 0; i < count; ++i)
        QTest::keyClick(reader, Qt::Key_F3);
    QCOMPARE(reader->currentSearchMatch(), first);

    // Esc in the hits list clears them too.
    window->openSearchHit(panel->model()->hit(row), panel->shownQuery());
    QVERIFY(reader->hasSearchMatches());
    panel->resultsView()->setFocus();
    QTest::keyClick(panel->resultsView(), Qt::Key_Escape);
    QVERIFY(!reader->hasSearchMatches());
    window->openSearchHit(panel->model()->hit(row), panel->shownQuery());
    reader->setFocus();

    QTest::keyClick(reader, Qt::Key_Escape);
    QVERIFY(!reader->hasSearchMatches());
    QVERIFY(reader->searchSelections().isEmpty());
    QVERIFY(reader->extraSelections().isEmpty() || reader->isFlashing());
}

void TestSearchPanel::searchMatches_coexistWithAnnotationHighlights()
{
    auto window = openWindow(m_library);
    SearchPanel *panel = window->searchPanel();
    QVERIFY(typeQuery(window.get(), QStringLiteral("永川")));
    const SearchHit hit = panel->model()->hit(0);
    window->openSearchHit(hit, panel->shownQuery());
    ReaderView *reader = window->reader();
    QVERIFY(reader->hasSearchMatches());
    const QList<TextSpan> matches = reader->searchMatches();

    HighlightMark mark{1, hit.blockId, 0, 10, QColor(Qt::green)};
    reader->setHighlights({mark});
    QVERIFY(!reader->textBlock(hit.blockId).layout()->formats().isEmpty()); // the annotation is drawn
    QCOMPARE(reader->searchMatches(), matches);                             // the search matches stay
    QCOMPARE(reader->searchSelections().size(), matches.size());
    reader->flashBlock(hit.blockId); // the flash does not wipe them either
    QVERIFY(reader->isFlashing());
    QCOMPARE(reader->extraSelections().size(), matches.size() + 1);
    reader->setTextSize(reader->textSize() + 2); // nor a rebuild
    QCOMPARE(reader->searchSelections().size(), matches.size());
    QVERIFY(!reader->textBlock(hit.blockId).layout()->formats().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!reader->isFlashing(), 3000);
    QCOMPARE(reader->extraSelections().size(), matches.size());
}

void TestSearchPanel::tagAlone_listsTheTaggedParagraphAndHighlight()
{
    // tag: alone in the panel: the tagged paragraph and the paragraph of a tagged highlight, no "Add a word".
    auto window = openWindow(m_library);
    AnnotationDocument &document = window->annotations()->document();
    const SearchResult some = serviceResult(QStringLiteral("永川"), {SearchOrder::Oldest, 0, 40});
    QVERIFY(some.hits.size() > 30);
    const SearchHit &tagged = some.hits[3];
    const SearchHit &highlighted = some.hits[30];
    QVERIFY(tagged.blockId != highlighted.blockId);
    const qint64 tag = document.createTag(QStringLiteral("政法"));
    QVERIFY(tag > 0);
    QVERIFY(document.tag(TagTarget::Block, tagged.blockId, tag));
    const int start = int(highlighted.matches.front().start);
    QVERIFY(document.addHighlight(highlighted.blockId, start, start + 2, {tag}) > 0);

    SearchPanel *panel = window->searchPanel();
    QVERIFY(typeQuery(window.get(), QStringLiteral("tag:政法")));
    QVERIFY2(panel->messageText().isEmpty(), qPrintable(panel->messageText()));
    QCOMPARE(panel->model()->total(), 2);
    QSet<qint64> blocks;
    for (int i = 0; i < panel->model()->rowCount(); ++i)
        blocks.insert(panel->model()->hit(i).blockId);
    QCOMPARE(blocks, (QSet<qint64>{tagged.blockId, highlighted.blockId}));
    // Opening a hit shows its paragraph.
    const SearchHit hit = panel->model()->hit(0);
    window->openSearchHit(hit, panel->shownQuery());
    QCOMPARE(window->currentArticleId(), hit.articleId);
    QCOMPARE(window->reader()->blockIdAt(window->reader()->textCursor()), hit.blockId);

    for (int i = 0; i < 3; ++i)
        window->undoStack()->undo();
    QVERIFY(document.tagList().isEmpty());
}

void TestSearchPanel::authorAlone_completedAndListsTheirAnnotations()
{
    // author: completes the people who annotated (kept current as they annotate) and lists what one of them did.
    authorship::setUserName(QStringLiteral("rita"));
    auto window = openWindow(m_library);
    AnnotationDocument &document = window->annotations()->document();
    const SearchResult some = serviceResult(QStringLiteral("永川"), {SearchOrder::Oldest, 0, 40});
    QVERIFY(some.hits.size() > 30);
    const SearchHit &highlighted = some.hits[7];
    const int start = int(highlighted.matches.front().start);
    QVERIFY(document.addHighlight(highlighted.blockId, start, start + 2, {}) > 0);

    SearchPanel *panel = window->searchPanel();
    QLineEdit *field = panel->queryField();
    field->setFocus();
    typeText(field, QStringLiteral("永川 author:r"));
    QTRY_VERIFY(panel->completer()->popup()->isVisible());
    QCOMPARE(panel->completer()->completionModel()->rowCount(), 1);
    QCOMPARE(panel->completer()->completionModel()->index(0, 0).data().toString(), QStringLiteral("rita"));
    QTest::keyClick(panel->completer()->popup(), Qt::Key_Escape);

    QVERIFY(typeQuery(window.get(), QStringLiteral("author:rita")));
    QVERIFY2(panel->messageText().isEmpty(), qPrintable(panel->messageText()));
    QCOMPARE(panel->model()->total(), 1);
    QCOMPARE(panel->model()->hit(0).blockId, highlighted.blockId);
    QCOMPARE(panel->model()->hit(0).matches, (QList<TextRange>{{start, 2}})); // the highlight is what it marks
    // A name nobody annotated under says so.
    QVERIFY(typeQuery(window.get(), QStringLiteral("author:nobody")));
    QVERIFY2(panel->messageText().contains(QStringLiteral("author:nobody")), qPrintable(panel->messageText()));

    window->undoStack()->undo();
    authorship::setUserName(QString());
}

void TestSearchPanel::findBar_ctrlF_countsMatchesInArticle()
{
    const QString term = QStringLiteral("发展");
    const SearchResult result = serviceResult(term, {SearchOrder::Newest, 0, 200});
    auto window = openWindow(m_library);
    ReaderView *reader = window->reader();
    const MatchHighlighter highlighter = MatchHighlighter::forQuery(QueryParser::parse(term));
    qint64 article = 0;
    int expected = 0;
    for (const SearchHit &hit : result.hits) {
        QVERIFY(window->showArticle(hit.articleId));
        int count = 0;
        for (const Block &b : reader->article().blocks)
            count += int(highlighter.matches(b.text).size());
        if (count >= 2) {
            article = hit.articleId;
            expected = count;
            break;
        }
    }
    QVERIFY(article > 0);
    reader->setFocus();
    reader->moveCursor(QTextCursor::Start);

    QTest::keyClick(window.get(), Qt::Key_F, Qt::ControlModifier);
    FindBar *bar = window->findBar();
    QVERIFY(bar->isVisible());
    QVERIFY(bar->field()->hasFocus());
    typeText(bar->field(), term);
    QCOMPARE(int(reader->searchMatches().size()), expected);
    QCOMPARE(bar->countText(), QStringLiteral("1 of %1").arg(expected));
    QTest::keyClick(bar->field(), Qt::Key_Return);
    QCOMPARE(bar->countText(), QStringLiteral("2 of %1").arg(expected));
    QTest::keyClick(bar->field(), Qt::Key_Return, Qt::ShiftModifier);
    QCOMPARE(bar->countText(), QStringLiteral("1 of %1").arg(expected));
    for (const QTextEdit::ExtraSelection &s : reader->searchSelections())
        QCOMPARE(s.cursor.selectedText().remove(QRegularExpression(QStringLiteral("\\s"))), term);

    // Folded matching: the Traditional form finds the same.
    bar->setText(QStringLiteral("發展"));
    QCOMPARE(int(reader->searchMatches().size()), expected);
    bar->setText(QStringLiteral("zzzz"));
    QCOMPARE(bar->countText(), QStringLiteral("No matches"));
    bar->setText(term);
    QTest::keyClick(bar->field(), Qt::Key_Escape);
    QVERIFY(!bar->isVisible());
    QVERIFY(!reader->hasSearchMatches());
}

void TestSearchPanel::indexNeedingRebuild_isRebuiltBeforeSearchIsEnabled()
{
    const QString path = m_dir.filePath(QStringLiteral("rebuild.sqlite"));
    QVERIFY(QFile::copy(m_library, path));
    {
        Library library;
        QVERIFY(library.open(path));
        // An index made by another version of the tokenizer or index layout needs a rebuild.
        QSqlQuery q(library.database());
        QVERIFY(q.exec(QStringLiteral("UPDATE search_meta SET value = 'dubao/1' WHERE key = 'tokenizer'")));
        QVERIFY(SearchIndex::needsRebuild(library));
    }
    auto window = openWindow(path);
    SearchPanel *panel = window->searchPanel();
    if (window->isIndexing()) {
        QVERIFY(!panel->isSearchEnabled());
        QVERIFY(!panel->messageText().isEmpty());
    }
    QTRY_VERIFY_WITH_TIMEOUT(!window->isIndexing(), 60000);
    QTRY_VERIFY(panel->isSearchEnabled());
    {
        Library library;
        QVERIFY(library.open(path));
        QVERIFY(!SearchIndex::needsRebuild(library));
    }
    QVERIFY(typeQuery(window.get(), QStringLiteral("永川")));
    QCOMPARE(panel->model()->total(), serviceResult(QStringLiteral("永川")).total);
}

QTEST_MAIN(TestSearchPanel)
#include "tst_searchpanel.moc"
