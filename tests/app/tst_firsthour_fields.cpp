// A researcher's first hour (issue 20, part 2), offscreen on a real library of the sample issue: `tag:` completes
// the library's tag names in every query field that takes filters, driven by the keyboard; View → Language
// switches the whole window live, and back; at 1024×700 with a bottom dock open every dock's list shows rows, and
// side docks that do not fit one above the other are tabbed, as the window remembers.
#include "app/annotations/annotationcontroller.h"
#include "app/annotations/annotationdocument.h"
#include "app/reader/readerview.h"
#include "app/search/querycompleter.h"
#include "app/search/searchpanel.h"
#include "app/shell/appsettings.h"
#include "app/shell/language.h"
#include "app/shell/mainwindow.h"
#include "app/trends/trendsview.h"
#include "core/store/library.h"
#include "tests/support/isolatedsettings.h"
#include "tests/support/sampleissue.h"
#include "tests/support/typing.h"
#include "tests/support/windowfixture.h"

#include <QAbstractItemView>
#include <QAction>
#include <QDockWidget>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace dubao;

class TestFirstHourFields : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void searchField_tagPrefix_completesTagNames_byKeyboard();
    void trendsQueries_tagPrefix_completesWithinTheirQuery();
    void language_switchedToChineseAndBack_live();
    void smallScreen_bottomDocksOpen_everyDockListShowsRows();
    void lowWindow_sideDocksTabbed_andRemembered();
    void annotationsPanel_showsNotesRendered();

private:
    QTemporaryDir m_dir;
    QString m_library;
};

void TestFirstHourFields::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolate(m_dir);
    m_library = m_dir.filePath(QStringLiteral("sample.sqlite"));
    Library library;
    QVERIFY(library.open(m_library));
    QVERIFY(test::importSampleIssue(library));
}

void TestFirstHourFields::init()
{
    QSettings().clear();
}

namespace {

QStringList shownCompletions(const QCompleter *completer)
{
    QStringList shown;
    if (!completer->popup()->isVisible())
        return shown;
    for (int row = 0; row < completer->completionModel()->rowCount(); ++row)
        shown << completer->completionModel()->index(row, 0).data().toString();
    return shown;
}

} // namespace

void TestFirstHourFields::searchField_tagPrefix_completesTagNames_byKeyboard()
{
    auto window = test::openShownWindow(m_library, QSize(1200, 800));
    AnnotationDocument &document = window->annotations()->document();
    const qint64 policy = document.createTag(QStringLiteral("政策"));
    QVERIFY(policy > 0);
    QVERIFY(document.createTag(QStringLiteral("经济"), policy) > 0);
    QVERIFY(document.createTag(QStringLiteral("人物"), 0) > 0);
    QVERIFY(document.createTag(QStringLiteral("地方 新闻"), 0) > 0);

    SearchPanel *panel = window->searchPanel();
    QLineEdit *field = panel->queryField();
    window->findChild<QAction *>(QStringLiteral("actionFindInLibrary"))->trigger();
    QTRY_VERIFY(field->hasFocus());

    // A word that is no filter offers nothing.
    test::type(field, QStringLiteral("改革 "));
    QVERIFY(!panel->completer()->popup()->isVisible());

    // `tag:` alone offers every tag, the hierarchical ones by their path.
    test::type(field, QStringLiteral("tag:"));
    QTRY_VERIFY(panel->completer()->popup()->isVisible());
    const QStringList all = shownCompletions(panel->completer());
    QCOMPARE(QSet<QString>(all.begin(), all.end()),
             (QSet<QString>{QStringLiteral("政策"), QStringLiteral("政策/经济"), QStringLiteral("人物"),
                            QStringLiteral("地方 新闻")}));
    // Esc closes the list and keeps the text.
    QTest::keyClick(panel->completer()->popup(), Qt::Key_Escape);
    QTRY_VERIFY(!panel->completer()->popup()->isVisible());
    QCOMPARE(field->text(), QStringLiteral("改革 tag:"));

    // tag:经 narrows to the names holding 经, the child too; Down and Enter put it in, the rest of the query kept.
    test::type(field, QStringLiteral("经"));
    QTRY_COMPARE(shownCompletions(panel->completer()), QStringList{QStringLiteral("政策/经济")});
    QTest::keyClick(panel->completer()->popup(), Qt::Key_Down);
    QTest::keyClick(panel->completer()->popup(), Qt::Key_Return);
    QTRY_VERIFY(!panel->completer()->popup()->isVisible());
    QCOMPARE(field->text(), QStringLiteral("改革 tag:政策/经济"));
    QVERIFY(field->hasFocus());
    // The chosen filter searches (debounced, as typed).
    QTRY_COMPARE(panel->shownQuery().tags, QStringList{QStringLiteral("政策/经济")});

    // A name with a space is put in quoted; the completion follows a new tag at once.
    QVERIFY(document.createTag(QStringLiteral("要闻"), policy) > 0);
    field->clear();
    test::type(field, QStringLiteral("tag:要"));
    QTRY_COMPARE(shownCompletions(panel->completer()), QStringList{QStringLiteral("政策/要闻")});
    field->clear();
    test::type(field, QStringLiteral("-tag:地方"));
    QTRY_COMPARE(shownCompletions(panel->completer()), QStringList{QStringLiteral("地方 新闻")});
    QTest::keyClick(panel->completer()->popup(), Qt::Key_Down);
    QTest::keyClick(panel->completer()->popup(), Qt::Key_Enter);
    QCOMPARE(field->text(), QStringLiteral("-tag:\"地方 新闻\""));

    // own: offers yes and no (the paper's own text, shared text), and tag: its names again afterwards.
    field->clear();
    test::type(field, QStringLiteral("改革 own:"));
    QTRY_COMPARE(shownCompletions(panel->completer()), (QStringList{QStringLiteral("yes"), QStringLiteral("no")}));
    test::type(field, QStringLiteral("n"));
    QTRY_COMPARE(shownCompletions(panel->completer()), QStringList{QStringLiteral("no")});
    QTest::keyClick(panel->completer()->popup(), Qt::Key_Down);
    QTest::keyClick(panel->completer()->popup(), Qt::Key_Return);
    QTRY_VERIFY(!panel->completer()->popup()->isVisible());
    QCOMPARE(field->text(), QStringLiteral("改革 own:no"));
    test::type(field, QStringLiteral(" tag:要"));
    QTRY_COMPARE(shownCompletions(panel->completer()), QStringList{QStringLiteral("政策/要闻")});
}

void TestFirstHourFields::trendsQueries_tagPrefix_completesWithinTheirQuery()
{
    auto window = test::openShownWindow(m_library, QSize(1200, 800));
    AnnotationDocument &document = window->annotations()->document();
    QVERIFY(document.createTag(QStringLiteral("乡村")) > 0);
    window->findChild<QAction *>(QStringLiteral("actionTrends"))->trigger();
    auto *trends = window->findChild<TrendsView *>();
    QVERIFY(trends);
    auto *field = trends->findChild<QLineEdit *>(QStringLiteral("trendQueries"));
    QVERIFY(field);
    field->setFocus();
    QTRY_VERIFY(field->hasFocus());
    // The second of two queries: the word after ';' completes, the first query stays as it was.
    test::type(field, QStringLiteral("改革;tag:乡"));
    QTRY_COMPARE(shownCompletions(trends->completer()), QStringList{QStringLiteral("乡村")});
    QTest::keyClick(trends->completer()->popup(), Qt::Key_Down);
    QTest::keyClick(trends->completer()->popup(), Qt::Key_Return);
    QTRY_VERIFY(!trends->completer()->popup()->isVisible());
    QCOMPARE(field->text(), QStringLiteral("改革;tag:乡村"));
}

void TestFirstHourFields::language_switchedToChineseAndBack_live()
{
    installTranslations(QStringLiteral("en")); // as main() does before the window is made
    auto window = test::openShownWindow(m_library, QSize(1200, 800));
    // What the texts are in Chinese, from the compiled translation itself.
    QTranslator zh;
    QVERIFY(zh.load(QStringLiteral(DUBAO_QM_DIR "/dubao_zh_CN.qm")));
    const auto chinese = [&zh](const char *context, const char *source) {
        const QString text = zh.translate(context, source);
        return text.isEmpty() ? QString::fromUtf8(source) : text;
    };
    auto *fileMenu = window->findChild<QMenu *>(QStringLiteral("menuFile"));
    auto *libraryDock = window->findChild<QDockWidget *>(QStringLiteral("libraryDock"));
    auto *tagsDock = window->findChild<QDockWidget *>(QStringLiteral("tagsDock"));
    auto *quit = window->findChild<QAction *>(QStringLiteral("actionQuit"));
    QLineEdit *searchField = window->searchPanel()->queryField();
    QVERIFY(fileMenu && libraryDock && tagsDock && quit);
    QCOMPARE(fileMenu->title(), QStringLiteral("&File"));
    QCOMPARE(libraryDock->windowTitle(), QStringLiteral("Library"));
    const QString statusBefore = window->statusText();
    SearchPanel *panel = window->searchPanel();
    panel->setQuery(QStringLiteral("的"));
    panel->refresh();
    QTRY_VERIFY(!panel->isBusy() && panel->countText().contains(QStringLiteral("hits")));
    const QString countBefore = panel->countText();

    window->findChild<QAction *>(QStringLiteral("actionLanguage_zh_CN"))->trigger();
    QCOMPARE(AppSettings::language(), QStringLiteral("zh_CN"));
    // Menus, actions, dock titles, fields: in Chinese at once, in the same window (nothing was rebuilt).
    QCOMPARE(fileMenu->title(), chinese("dubao::ActionRegistry", "&File"));
    QVERIFY(fileMenu->title() != QStringLiteral("&File"));
    QCOMPARE(quit->text(), chinese("dubao::MainWindow", "&Quit"));
    QCOMPARE(libraryDock->windowTitle(), chinese("dubao::MainWindow", "Library"));
    QCOMPARE(tagsDock->windowTitle(), chinese("dubao::AnnotationController", "Tags"));
    QCOMPARE(searchField->placeholderText(), chinese("dubao::SearchPanel", "Search the library"));
    // The status fields, composed with numbers, are composed again ("Issues: 1 · Articles: …").
    // (Qt posts QEvent::LanguageChange to the windows: it arrives when the event loop next runs.)
    QTRY_VERIFY2(window->statusText() != statusBefore, qPrintable(window->statusText()));
    QTRY_VERIFY2(panel->countText() != countBefore, qPrintable(panel->countText())); // "N hits", composed again
    // The switch says so; no restart is asked for.
    QVERIFY(!window->statusBar()->currentMessage().isEmpty());

    window->findChild<QAction *>(QStringLiteral("actionLanguage_en"))->trigger();
    QCOMPARE(fileMenu->title(), QStringLiteral("&File"));
    QCOMPARE(quit->text(), QStringLiteral("&Quit"));
    QCOMPARE(libraryDock->windowTitle(), QStringLiteral("Library"));
    QCOMPARE(tagsDock->windowTitle(), QStringLiteral("Tags"));
    QCOMPARE(searchField->placeholderText(), QStringLiteral("Search the library"));
    QTRY_COMPARE(window->statusText(), statusBefore);
    QTRY_COMPARE(panel->countText(), countBefore);
}

namespace {

/// Each shown dock's lists with the rows they show, or what is wrong: "tagsDock: 1.5 rows".
QStringList crampedLists(const MainWindow &window, QStringList *checked)
{
    QStringList cramped;
    for (QDockWidget *dock : window.findChildren<QDockWidget *>()) {
        if (!dock->isVisible() || dock->isFloating() || dock->visibleRegion().isEmpty())
            continue;
        for (QAbstractItemView *view : dock->findChildren<QAbstractItemView *>()) {
            if (qobject_cast<QHeaderView *>(view) || !view->isVisible())
                continue;
            // The height the first row is drawn with (a table's rows keep the header's section size, whatever
            // their wrapped text's size hint says); a font line and padding when the list is empty.
            const bool hasRows = view->model() && view->model()->rowCount() > 0;
            const int row = hasRows ? std::max(view->visualRect(view->model()->index(0, 0)).height(), 1)
                                    : view->fontMetrics().height() + 4;
            const double rows = double(view->viewport()->height()) / row;
            checked->append(dock->objectName());
            if (rows < 3)
                cramped << QStringLiteral("%1/%2: %3 rows").arg(dock->objectName(), view->objectName()).arg(rows);
        }
    }
    return cramped;
}

} // namespace

void TestFirstHourFields::smallScreen_bottomDocksOpen_everyDockListShowsRows()
{
    auto window = test::openShownWindow(m_library, QSize(1024, 700));
    // The default docks, then a bottom dock (Annotations), then the analysis docks tabbed with it.
    for (const char *id : {"", "actionShow_annotationsDock", "actionPeople", "actionTrends"}) {
        if (*id)
            window->findChild<QAction *>(QLatin1String(id))->trigger();
        QTest::qWait(50);
        QCOMPARE(window->size(), QSize(1024, 700)); // no dock's minimum made the window grow
        QStringList checked;
        const QStringList cramped = crampedLists(*window, &checked);
        QVERIFY2(cramped.isEmpty(),
                 qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(id), cramped.join(QStringLiteral(", ")))));
        for (const char *side : {"libraryDock", "tagsDock", "notesDock"})
            QVERIFY2(checked.contains(QLatin1String(side)),
                     qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(id), checked.join(QStringLiteral(",")))));
        if (QLatin1String(id) == QLatin1String("actionShow_annotationsDock"))
            QVERIFY(checked.contains(QStringLiteral("annotationsDock")));
    }
    // The side docks run the window's full height, beside the bottom dock, not above it.
    auto *tags = window->findChild<QDockWidget *>(QStringLiteral("tagsDock"));
    auto *bottom = window->findChild<QDockWidget *>(QStringLiteral("trendsDock"));
    QVERIFY(bottom->isVisible());
    QVERIFY2(tags->geometry().bottom() > bottom->geometry().top(),
             qPrintable(QStringLiteral("tags end at %1, the bottom dock starts at %2")
                            .arg(tags->geometry().bottom())
                            .arg(bottom->geometry().top())));
}

void TestFirstHourFields::lowWindow_sideDocksTabbed_andRemembered()
{
    const auto tabbedWith = [](const MainWindow &window, const char *a, const char *b) {
        auto *first = window.findChild<QDockWidget *>(QLatin1String(a));
        auto *second = window.findChild<QDockWidget *>(QLatin1String(b));
        return first && second && window.tabifiedDockWidgets(first).contains(second);
    };
    {
        auto window = test::openShownWindow(m_library, QSize(1024, 700));
        QVERIFY(!tabbedWith(*window, "libraryDock", "tagsDock")); // room for both, one above the other
        // The researcher drags Notes and Notebook under the Tags: four docks one above the other on the left of
        // a 700 px window have no room for four rows each, so the lowest are tabbed with the ones above.
        auto *tags = window->findChild<QDockWidget *>(QStringLiteral("tagsDock"));
        auto *notes = window->findChild<QDockWidget *>(QStringLiteral("notesDock"));
        auto *notebook = window->findChild<QDockWidget *>(QStringLiteral("notebookDock"));
        window->splitDockWidget(tags, notes, Qt::Vertical);
        window->splitDockWidget(notes, notebook, Qt::Vertical);
        notes->show();
        notebook->show();
        QTRY_VERIFY(tabbedWith(*window, "notesDock", "notebookDock") || tabbedWith(*window, "tagsDock", "notesDock"));
        QTest::qWait(100);
        QCOMPARE(window->size(), QSize(1024, 700));
        QStringList checked;
        const QStringList cramped = crampedLists(*window, &checked);
        QVERIFY2(cramped.isEmpty(), qPrintable(cramped.join(QStringLiteral(", "))));
        QVERIFY(checked.contains(QStringLiteral("libraryDock")));
        window->close(); // saves the layout
    }
    // The window remembers it: the next one opens with the docks tabbed as they were.
    auto window = test::openShownWindow(m_library);
    QTest::qWait(50);
    QVERIFY(tabbedWith(*window, "notesDock", "notebookDock") || tabbedWith(*window, "tagsDock", "notesDock"));
    QCOMPARE(window->dockWidgetArea(window->findChild<QDockWidget *>(QStringLiteral("notesDock"))),
             Qt::LeftDockWidgetArea);
}

void TestFirstHourFields::annotationsPanel_showsNotesRendered()
{
    // The Annotations panel lists notes as the Notes panel does: rendered, without Markdown markers.
    auto window = test::openShownWindow(m_library, QSize(1200, 800));
    AnnotationDocument &document = window->annotations()->document();
    const Article &article = window->reader()->article();
    QVERIFY(!article.blocks.isEmpty());
    QVERIFY(document.addNote(article.blocks.first().id, 0, QStringLiteral("## 导言\n\n**重点**：见 *第二段*。")) > 0);
    window->findChild<QAction *>(QStringLiteral("actionShow_annotationsDock"))->trigger();
    auto *dock = window->findChild<QDockWidget *>(QStringLiteral("annotationsDock"));
    QVERIFY(dock);
    auto *view = dock->findChild<QAbstractItemView *>();
    QVERIFY(view && view->model());
    QString shown;
    QTRY_VERIFY(view->model()->rowCount() > 0);
    for (int row = 0; row < view->model()->rowCount(); ++row)
        if (const QString text = view->model()->index(row, 0).data().toString(); text.contains(QStringLiteral("重点")))
            shown = text;
    QCOMPARE(shown, QStringLiteral("✎ 导言 重点：见 第二段。"));
}

QTEST_MAIN(TestFirstHourFields)
#include "tst_firsthour_fields.moc"
