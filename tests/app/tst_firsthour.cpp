// A researcher's first hour (issue 20), offscreen on the real corpus: a search hit opens at its match the first
// time, the reading position survives the Concordance and back, the reading pane keeps a readable width at
// 1024×700, and what the other defects of that hour were, each kept fixed.
#include "app/annotations/annotationcontroller.h"
#include "app/annotations/annotationdocument.h"
#include "app/annotations/noteeditor.h"
#include "app/export/exportdialog.h"
#include "app/issues/issuedetailsdialog.h"
#include "app/reader/findbar.h"
#include "app/reader/readerview.h"
#include "app/search/concordanceview.h"
#include "app/search/searchpanel.h"
#include "app/search/searchresultsmodel.h"
#include "app/shell/mainwindow.h"
#include "core/search/queryparser.h"
#include "core/search/searchindex.h"
#include "core/search/searchservice.h"
#include "core/store/issuerepository.h"
#include "core/store/library.h"
#include "core/store/sql.h"
#include "tests/support/corpuslibrary.h"
#include "tests/support/handbuiltissue.h"
#include "tests/support/windowfixture.h"

#include <QAbstractTextDocumentLayout>
#include <QAction>
#include <QCheckBox>
#include <QDateEdit>
#include <QDockWidget>
#include <QLabel>
#include <QPushButton>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

using namespace dubao;

class TestFirstHour : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void searchHit_inAnotherArticle_opensAtItsMatchFirstTime();
    void concordanceAndBack_keepsTheReadingPosition();
    void exportDialog_datesDefaultToTheWholeLibrary();
    void exportDialog_missingDocumentsFolder_isCreated_andTheExportSucceeds();
    void exportFolder_thatCannotBeMade_saysWhy();
    void exportFromTheWindow_statusSaysWhereItWent();
    void dialogs_showNoRawAmpersand();
    void smallScreen_docksGiveWayToTheReadingPane();
    void smallScreen_commonWordSearch_searchDockStaysNarrow();

private:
    QTemporaryDir m_dir;
    QString m_library;
};

void TestFirstHour::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolate(m_dir);
    m_library = m_dir.filePath(QStringLiteral("corpus.sqlite"));
    const QString error = test::buildCorpusLibrary(m_library);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TestFirstHour::init()
{
    QSettings().clear();
}

void TestFirstHour::searchHit_inAnotherArticle_opensAtItsMatchFirstTime()
{
    auto window = test::openShownWindow(m_library, QSize(1200, 800));
    ReaderView *reader = window->reader();
    QVERIFY(window->currentArticleId() > 0);
    int checked = 0;
    // Several hits, each in an article not yet shown, each far down its article.
    Library library;
    QVERIFY(library.open(m_library));
    SearchOptions options;
    options.limit = 200;
    const SearchQuery query = QueryParser::parse(QStringLiteral("的"));
    const SearchResult result = SearchService(library).search(QStringLiteral("的"), options);
    QVERIFY(result.hits.size() > 20);
    // A researcher's articles carry tags: the tag margin appears when the article's annotations arrive, which
    // reflows the text after the jump.
    AnnotationDocument &document = window->annotations()->document();
    const qint64 tag = document.createTag(QStringLiteral("政策"));
    QVERIFY(tag > 0);
    QSet<qint64> seen;
    for (const SearchHit &hit : result.hits) {
        if (hit.kind != SearchHit::Kind::Paragraph || hit.articleId == window->currentArticleId() ||
            seen.contains(hit.articleId))
            continue;
        seen.insert(hit.articleId);
        QVERIFY(document.tag(TagTarget::Article, hit.articleId, tag));
        QVERIFY(document.tag(TagTarget::Block, hit.blockId, tag));
        // The researcher had searched within the article first (Ctrl+F): opening the hit closes the find bar,
        // and the reading pane grows after the jump.
        window->findBar()->activate();
        QTest::qWait(20);
        window->openSearchHit(hit, query);
        QCOMPARE(window->currentArticleId(), hit.articleId);
        // Only hits deep in their article say something: skip those in the first screen.
        const QTextBlock block = reader->textBlock(hit.blockId);
        QVERIFY(block.isValid());
        const int current = reader->currentSearchMatch();
        QVERIFY(current >= 0);
        QCOMPARE(reader->searchMatches().at(current).blockId, hit.blockId);
        QCOMPARE(reader->blockIdAt(reader->textCursor()), hit.blockId);
        // Without waiting for anything: the match is on screen right after the one activation...
        QVERIFY2(reader->viewport()->rect().contains(reader->cursorRect().center()),
                 qPrintable(QStringLiteral("hit in block %1 of article %2: cursor at y %3, viewport height %4")
                                .arg(hit.blockId)
                                .arg(hit.articleId)
                                .arg(reader->cursorRect().center().y())
                                .arg(reader->viewport()->height())));
        // ...and still there once the event loop has run (layout, margins, the annotations' refresh).
        QTest::qWait(50);
        QVERIFY2(reader->viewport()->rect().contains(reader->cursorRect().center()),
                 qPrintable(QStringLiteral("after the event loop, hit in block %1: cursor at y %2")
                                .arg(hit.blockId)
                                .arg(reader->cursorRect().center().y())));
        if (reader->verticalScrollBar()->value() > 0)
            ++checked;
        if (checked >= 8)
            break;
    }
    QVERIFY2(checked >= 3, "too few hits needed scrolling to say anything");
}

void TestFirstHour::concordanceAndBack_keepsTheReadingPosition()
{
    auto window = test::openShownWindow(m_library, QSize(1200, 800));
    ReaderView *reader = window->reader();
    QScrollBar *bar = reader->verticalScrollBar();
    // An article long enough to scroll into its middle.
    for (int i = 0; i < 40 && bar->maximum() < reader->viewport()->height() * 2; ++i)
        QVERIFY(window->nextArticle());
    QVERIFY(bar->maximum() > reader->viewport()->height());
    bar->setValue(bar->maximum() / 2 + 7); // mid-paragraph, not on a paragraph's top
    QTest::qWait(20);
    const QPoint probe(reader->viewport()->width() / 2, reader->viewport()->height() / 3);
    const int before = reader->cursorForPosition(probe).position();

    QAction *concordance = window->actions().action(QStringLiteral("actionConcordance"));
    QVERIFY(concordance);
    concordance->trigger();
    auto *dock = window->findChild<QDockWidget *>(QStringLiteral("concordanceDock"));
    QVERIFY(dock && dock->isVisible());
    QTest::qWait(50);
    // Back: the dock closed, the reader focused.
    dock->close();
    reader->setFocus();
    QTest::qWait(50);
    const int after = reader->cursorForPosition(probe).position();
    // The same text under the same point, within a line's worth of characters.
    QVERIFY2(qAbs(after - before) < 40, qPrintable(QStringLiteral("before %1, after %2").arg(before).arg(after)));
}

void TestFirstHour::exportDialog_datesDefaultToTheWholeLibrary()
{
    Library library;
    QVERIFY(library.open(m_library));
    QDate first;
    QDate last;
    for (const IssueSummary &issue : IssueRepository(library).issueDates()) {
        if (!issue.info.date.isValid())
            continue;
        first = first.isValid() ? std::min(first, issue.info.date) : issue.info.date;
        last = last.isValid() ? std::max(last, issue.info.date) : issue.info.date;
    }
    QVERIFY(first.isValid() && last.isValid());
    QVERIFY(first.year() < QDate::currentDate().year()); // else the test could not fail
    ExportDialog dialog(library);
    const QList<QDateEdit *> dates = dialog.findChildren<QDateEdit *>();
    QCOMPARE(dates.size(), 2);
    QCOMPARE(dates.at(0)->date(), first);
    QCOMPARE(dates.at(1)->date(), last);
    // Turning the range on as it stands keeps every issue.
    for (QCheckBox *box : dialog.findChildren<QCheckBox *>())
        if (box->text() == QStringLiteral("From") || box->text() == QStringLiteral("to"))
            box->setChecked(true);
    QCOMPARE(dialog.selection().from, first);
    QCOMPARE(dialog.selection().to, last);
}

void TestFirstHour::exportDialog_missingDocumentsFolder_isCreated_andTheExportSucceeds()
{
    // A fresh account: a home folder with no Documents folder in it.
    QTemporaryDir home;
    QVERIFY(home.isValid());
    const QByteArray oldHome = qgetenv("HOME");
    const QByteArray oldConfig = qgetenv("XDG_CONFIG_HOME");
    qputenv("HOME", QFile::encodeName(home.path()));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(home.filePath(QStringLiteral(".config"))));
    auto restore = qScopeGuard([&] {
        qputenv("HOME", oldHome);
        qputenv("XDG_CONFIG_HOME", oldConfig);
    });
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    QVERIFY2(documents.startsWith(home.path()), qPrintable(documents));
    QVERIFY(!QFileInfo::exists(documents));

    Library library;
    QVERIFY(library.open(m_library));
    ExportDialog dialog(library);
    dialog.setFormat(QStringLiteral("md"));
    QVERIFY2(dialog.outputPath().startsWith(home.path()), qPrintable(dialog.outputPath()));
    QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
    QVERIFY(dialog.startExport());
    QVERIFY(finished.wait(10000));
    QVERIFY2(finished.front().at(0).toBool(), qPrintable(finished.front().at(1).toString()));
    QVERIFY(QFileInfo::exists(dialog.outputPath()));
}

void TestFirstHour::exportFolder_thatCannotBeMade_saysWhy()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile blocker(dir.filePath(QStringLiteral("Documents")));
    QVERIFY(blocker.open(QIODevice::WriteOnly)); // a file where the folder should be
    blocker.close();
    Library library;
    QVERIFY(library.open(m_library));
    ExportDialog dialog(library);
    dialog.setOutputPath(dir.filePath(QStringLiteral("Documents/sub/out.md")));
    QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
    dialog.startExport();
    QTRY_COMPARE(finished.size(), 1);
    QVERIFY(!finished.front().at(0).toBool());
    const QString error = finished.front().at(1).toString();
    // Says which folder, and what to do.
    QVERIFY2(error.contains(QDir::toNativeSeparators(dir.filePath(QStringLiteral("Documents")))), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("Browse")), qPrintable(error));
}

// The dialog closes when the file is written; the window's status bar says how many entries went where.
void TestFirstHour::exportFromTheWindow_statusSaysWhereItWent()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    auto window = test::openShownWindow(m_library, QSize(1200, 800));
    window->findChild<QAction *>(QStringLiteral("actionExport"))->trigger();
    ExportDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window->findChild<ExportDialog *>()) != nullptr && dialog->isVisible());
    dialog->setFormat(QStringLiteral("md"));
    const QString out = dir.filePath(QStringLiteral("excerpts.md"));
    dialog->setOutputPath(out);
    QVERIFY(dialog->startExport());
    QTRY_VERIFY_WITH_TIMEOUT(window->statusBar()->currentMessage().contains(QDir::toNativeSeparators(out)), 10000);
    QVERIFY2(window->statusBar()->currentMessage().startsWith(QStringLiteral("Exported ")),
             qPrintable(window->statusBar()->currentMessage()));
    QVERIFY(QFileInfo::exists(out));
}

namespace {

/// Labels showing a mnemonic's '&' as text: a label without a buddy draws it ("&&" is a real ampersand).
QStringList rawAmpersands(const QWidget &root)
{
    QStringList found;
    for (const QLabel *label : root.findChildren<QLabel *>()) {
        const QString text = label->text();
        if (label->textFormat() == Qt::RichText || Qt::mightBeRichText(text))
            continue;
        if (QString(text).remove(QStringLiteral("&&")).contains(u'&') && !label->buddy())
            found << text;
    }
    return found;
}

} // namespace

void TestFirstHour::dialogs_showNoRawAmpersand()
{
    Library library;
    QVERIFY(library.open(m_library));
    ExportDialog exportDialog(library);
    QCOMPARE(rawAmpersands(exportDialog), QStringList());
    NoteEditor note(QStringLiteral("Add Note"), QStringLiteral("Note (Markdown):"));
    QCOMPARE(rawAmpersands(note), QStringList());
    IssueDetailsDialog details(IssueInfo{});
    QCOMPARE(rawAmpersands(details), QStringList());
    auto window = test::openShownWindow(m_library, QSize(1200, 800));
    QCOMPARE(rawAmpersands(*window), QStringList());
}

void TestFirstHour::smallScreen_docksGiveWayToTheReadingPane()
{
    // A 1024×700 laptop with the default docks open (Library and Search, Tags, Notes and Notebook): the window
    // fits the screen and the docks give way before the reading pane gets too narrow to read.
    auto window = test::openShownWindow(m_library, QSize(1024, 700));
    QTest::qWait(50);
    QCOMPARE(window->width(), 1024);
    ReaderView *reader = window->reader();
    const auto readerFits = [reader] {
        return reader->width() >= reader->readableWidth()
                   ? QString()
                   : QStringLiteral("reader %1 px, wants %2").arg(reader->width()).arg(reader->readableWidth());
    };
    QVERIFY2(readerFits().isEmpty(), qPrintable(readerFits()));
    // The issue's measure: a full line of a paragraph holds at least 28 characters.
    const auto longestLine = [reader] {
        int longest = 0;
        for (QTextBlock block = reader->document()->begin(); block.isValid(); block = block.next()) {
            const QTextLayout *layout = block.layout();
            for (int i = 0; layout && i + 1 < layout->lineCount(); ++i) // full lines only, not a paragraph's last
                longest = std::max(longest, layout->lineAt(i).textLength());
        }
        return longest;
    };
    QVERIFY2(longestLine() >= 28, qPrintable(QStringLiteral("%1 characters in %2 px (wants %3)")
                                                 .arg(longestLine())
                                                 .arg(reader->viewport()->width())
                                                 .arg(reader->readableWidth())));
    // The docks share what is left: the Library keeps room for a headline's first words.
    for (const char *name : {"libraryDock", "tagsDock", "notesDock"}) {
        auto *dock = window->findChild<QDockWidget *>(QLatin1String(name));
        QVERIFY2(dock && dock->isVisible() && dock->width() >= 120,
                 qPrintable(QStringLiteral("%1: %2 px").arg(QLatin1String(name)).arg(dock ? dock->width() : 0)));
    }
    // The analysis docks open at the bottom too (People, then Trends tabbed with it): they give way as well.
    for (const char *id : {"actionPeople", "actionTrends"}) {
        auto *show = window->findChild<QAction *>(QLatin1String(id));
        QVERIFY(show);
        show->trigger();
        QTest::qWait(50);
        QCOMPARE(window->width(), 1024);
        QVERIFY2(readerFits().isEmpty(), qPrintable(QLatin1String(id) + QStringLiteral(": ") + readerFits()));
        QVERIFY2(longestLine() >= 28,
                 qPrintable(QStringLiteral("%1: %2 characters a line").arg(QLatin1String(id)).arg(longestLine())));
    }
    // Nor do they push the window past 700 px: each analysis view shown, everything still fits the window's height
    // (the status bar stays on screen) and the view has room for its content.
    for (const char *id : {"actionPeople", "actionTrends", "actionCalendar"}) {
        window->findChild<QAction *>(QLatin1String(id))->trigger();
        QTest::qWait(50);
        const QSize least = window->minimumSizeHint();
        QVERIFY2(least.height() <= 700,
                 qPrintable(QStringLiteral("%1: the window needs %2 px").arg(QLatin1String(id)).arg(least.height())));
        QCOMPARE(window->height(), 700);
        QVERIFY2(window->statusBar()->isVisible() && window->statusBar()->geometry().bottom() < 700,
                 qPrintable(QStringLiteral("%1: status bar at %2")
                                .arg(QLatin1String(id))
                                .arg(window->statusBar()->geometry().bottom())));
    }
    for (const char *name : {"peopleDock", "trendsDock"}) {
        auto *dock = window->findChild<QDockWidget *>(QLatin1String(name));
        QVERIFY2(dock && dock->minimumSizeHint().width() <= 480,
                 qPrintable(QStringLiteral("%1 asks for %2 px")
                                .arg(QLatin1String(name))
                                .arg(dock ? dock->minimumSizeHint().width() : 0)));
    }
    // A larger text size asks for more room and gets it from the docks, as far as the screen allows.
    const int before = reader->width();
    reader->setTextSize(reader->textSize() + 2);
    QTest::qWait(50);
    QVERIFY2(reader->width() > before, qPrintable(QStringLiteral("%1 → %2 px").arg(before).arg(reader->width())));
    QCOMPARE(window->width(), 1024);
    // A window narrower than all of that still works: the docks are at their minimums, the reader has the rest.
    window->resize(760, 700);
    QTest::qWait(50);
    QVERIFY(window->width() <= 800);
    QVERIFY(reader->width() > 200);
}

void TestFirstHour::smallScreen_commonWordSearch_searchDockStaysNarrow()
{
    // On the 20,000-issue library a common word has more than 5,000 hits. The Search dock's count line ("More than
    // 5,000 hits · ranked among the newest 5,000") and its Load more button made their text the dock's minimum
    // width, 340 px at 1024×700, taken from the reading pane: 19 characters a line. One issue of 101 articles of
    // 50 paragraphs each gives the same count here.
    const QString path = m_dir.filePath(QStringLiteral("common.sqlite"));
    {
        Library library;
        QVERIFY(library.open(path));
        ParsedIssue issue = test::makeIssue(QString(64, u'c'));
        const Article model = issue.articles.value(0);
        issue.articles.clear();
        int line = 1;
        for (int a = 0; a < 101; ++a) {
            Article article = model;
            article.title = QStringLiteral("推动高质量发展 第%1篇").arg(a + 1);
            article.blocks.clear();
            article.firstLine = line++;
            for (int p = 0; p < 50; ++p)
                article.blocks.append(test::makeBlock(
                    BlockKind::Body,
                    QStringLiteral("第%1篇第%2段：推动高质量发展，加快建设现代化产业体系，着力提升产业链供应链韧性和"
                                   "安全水平，扎实推进乡村振兴。")
                        .arg(a + 1)
                        .arg(p + 1),
                    line += 2));
            article.lastLine = line++;
            issue.articles.append(article);
        }
        sql::WriteScope transaction(library.database());
        QVERIFY(transaction.isActive());
        QSqlDatabase db = library.database();
        QVERIFY(SearchIndex::deferIndexing(db));
        const Result<qint64> id = IssueRepository(library).insert(issue);
        QVERIFY2(id, id ? "" : qPrintable(id.error().message()));
        QVERIFY(SearchIndex::indexDeferred(db, {*id}));
        QVERIFY(transaction.commit());
    }
    auto window = test::openShownWindow(path, QSize(1024, 700));
    QTest::qWait(50);
    ReaderView *reader = window->reader();
    const auto readerFits = [reader] {
        return reader->width() >= reader->readableWidth()
                   ? QString()
                   : QStringLiteral("reader %1 px, wants %2").arg(reader->width()).arg(reader->readableWidth());
    };
    QVERIFY2(readerFits().isEmpty(), qPrintable(readerFits()));
    SearchPanel *panel = window->searchPanel();
    window->findChild<QAction *>(QStringLiteral("actionFindInLibrary"))->trigger();
    panel->setQuery(QStringLiteral("发展"));
    panel->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy() && panel->model()->rowCount() > 0, 15000);
    QVERIFY2(panel->countText().contains(QStringLiteral("ranked among the newest")), qPrintable(panel->countText()));
    auto *more = panel->findChild<QPushButton *>(QStringLiteral("searchLoadMore"));
    QVERIFY(more && more->isVisible());
    QTest::qWait(50);
    QCOMPARE(window->width(), 1024);
    QVERIFY2(readerFits().isEmpty(), qPrintable(readerFits()));
    // The button's text fits it, and its whole text is still there: shown, or in the tooltip when elided.
    const QString whole = more->toolTip().isEmpty() ? more->text() : more->toolTip();
    QVERIFY2(whole.startsWith(QStringLiteral("Load more (50 of ")), qPrintable(whole));
    QVERIFY2(more->fontMetrics().horizontalAdvance(more->text()) < more->width(),
             qPrintable(QStringLiteral("%1 in %2 px").arg(more->text()).arg(more->width())));

    // `tag:` with no value: the panel says what is missing, not "type a word".
    panel->setQuery(QStringLiteral("tag:"));
    panel->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isBusy(), 15000);
    QVERIFY2(panel->messageText().contains(QStringLiteral("tag: needs a value")), qPrintable(panel->messageText()));
}

QTEST_MAIN(TestFirstHour)
#include "tst_firsthour.moc"
