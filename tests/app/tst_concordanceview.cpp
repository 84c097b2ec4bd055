// The concordance view (offscreen, on the corpus): its lines are Concordance::lines', sorting by a column is
// Concordance::sort, the width applies, a line opens the reader on the occurrence, CSV export.
#include "app/reader/readerview.h"
#include "app/search/concordancemodel.h"
#include "app/search/concordanceview.h"
#include "app/shell/mainwindow.h"
#include "core/search/concordance.h"
#include "core/store/library.h"
#include "tests/support/corpuslibrary.h"
#include "tests/support/recordingfeedback.h"

#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace dubao;

class TestConcordanceView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void lines_equalConcordanceLines_data();
    void lines_equalConcordanceLines();
    void sortByLeftContext_isConcordanceSort();
    void width_limitsContext();
    void csvExport_writesBomAndHeader();
    void line_opensReaderAtOccurrence();
    void hostileTerm_showsMessage();

private:
    ConcordanceResult expected(const QString &term, int width = 20);
    bool run(ConcordanceView &view, const QString &term);

    QTemporaryDir m_dir;
    QString m_library;
};

void TestConcordanceView::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolate(m_dir);
    m_library = m_dir.filePath(QStringLiteral("corpus.sqlite"));
    const QString error = test::buildCorpusLibrary(m_library);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

ConcordanceResult TestConcordanceView::expected(const QString &term, int width)
{
    Library library;
    if (!library.open(m_library))
        return {};
    ConcordanceOptions options;
    options.width = width;
    options.limit = ConcordanceView::LineLimit;
    return Concordance(library).lines(term, options);
}

bool TestConcordanceView::run(ConcordanceView &view, const QString &term)
{
    QSignalSpy shown(&view, &ConcordanceView::linesShown);
    view.setTerm(term);
    return shown.wait(20000) && !view.isBusy();
}

void TestConcordanceView::lines_equalConcordanceLines_data()
{
    QTest::addColumn<QString>("term");
    QTest::newRow("永川") << QStringLiteral("永川");
    QTest::newRow("常委会") << QStringLiteral("常委会");
    QTest::newRow("高质量发展") << QStringLiteral("高质量发展");
}

void TestConcordanceView::lines_equalConcordanceLines()
{
    QFETCH(QString, term);
    ConcordanceView view;
    view.setLibraryPath(m_library);
    view.show();
    QVERIFY(run(view, term));
    const ConcordanceResult result = expected(term);
    QVERIFY(result.ok());
    QVERIFY(!result.lines.isEmpty());
    QCOMPARE(view.model()->rowCount(), int(result.lines.size()));
    QCOMPARE(view.model()->sortOrder(), ConcordanceSort::Date);
    for (int i = 0; i < result.lines.size(); ++i) {
        QCOMPARE(view.model()->line(i).blockId, result.lines[i].blockId);
        QCOMPARE(view.model()->line(i).offset, result.lines[i].offset);
    }
    // The table's columns: date | left | term | right | article, the left one right-aligned.
    const QModelIndex left = view.model()->index(0, ConcordanceModel::LeftColumn);
    QCOMPARE(left.data().toString(), result.lines[0].left);
    QVERIFY(Qt::Alignment(left.data(Qt::TextAlignmentRole).toInt()) & Qt::AlignRight);
    QCOMPARE(view.model()->index(0, ConcordanceModel::KeywordColumn).data().toString(), result.lines[0].keyword);
    QVERIFY(view.model()->index(0, ConcordanceModel::KeywordColumn).data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(view.statusText().contains(QLocale().toString(qlonglong(result.lines.size()))));
}

void TestConcordanceView::sortByLeftContext_isConcordanceSort()
{
    ConcordanceView view;
    view.setLibraryPath(m_library);
    view.show();
    const QString term = QStringLiteral("永川");
    QVERIFY(run(view, term));
    QList<ConcordanceLine> byLeft = expected(term).lines;
    QList<ConcordanceLine> byDate = byLeft;
    Concordance::sort(byLeft, ConcordanceSort::LeftContext);
    auto order = [](const QList<ConcordanceLine> &lines) {
        QList<QPair<qint64, qsizetype>> keys;
        for (const ConcordanceLine &line : lines)
            keys << qMakePair(line.blockId, line.offset);
        return keys;
    };
    QVERIFY(order(byLeft) != order(byDate)); // sorting changes the order

    // Clicking the "Left context" header sorts by it.
    QHeaderView *header = view.table()->horizontalHeader();
    const int x = header->sectionViewportPosition(ConcordanceModel::LeftColumn) + 5;
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    QCOMPARE(view.model()->sortOrder(), ConcordanceSort::LeftContext);
    QList<ConcordanceLine> shown = view.model()->lines();
    if (header->sortIndicatorOrder() == Qt::DescendingOrder)
        std::reverse(shown.begin(), shown.end());
    QCOMPARE(order(shown), order(byLeft));

    view.table()->sortByColumn(ConcordanceModel::RightColumn, Qt::AscendingOrder);
    QList<ConcordanceLine> byRight = byDate;
    Concordance::sort(byRight, ConcordanceSort::RightContext);
    QCOMPARE(order(view.model()->lines()), order(byRight));
    view.table()->sortByColumn(ConcordanceModel::DateColumn, Qt::AscendingOrder);
    QList<ConcordanceLine> dated = byDate;
    Concordance::sort(dated, ConcordanceSort::Date);
    QCOMPARE(order(view.model()->lines()), order(dated));
}

void TestConcordanceView::width_limitsContext()
{
    ConcordanceView view;
    view.setLibraryPath(m_library);
    view.show();
    QSignalSpy shown(&view, &ConcordanceView::linesShown);
    view.setContextWidth(5);
    QVERIFY(run(view, QStringLiteral("常委会")));
    QVERIFY(view.model()->rowCount() > 0);
    for (const ConcordanceLine &line : view.model()->lines()) {
        QVERIFY(line.left.size() <= 5);
        QVERIFY(line.right.size() <= 5);
    }
    QCOMPARE(view.model()->rowCount(), int(expected(QStringLiteral("常委会"), 5).lines.size()));
}

void TestConcordanceView::csvExport_writesBomAndHeader()
{
    ConcordanceView view;
    view.setLibraryPath(m_library);
    QVERIFY(run(view, QStringLiteral("常委会")));
    const QString path = m_dir.filePath(QStringLiteral("kwic.csv"));
    const Result<void> written = view.exportCsv(path);
    QVERIFY2(written.ok(), qPrintable(written.error().message()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray csv = file.readAll();
    QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
    QVERIFY(csv.mid(3).startsWith("date,article_id,article_title,block_id,offset,left,keyword,right\r\n"));
    QCOMPARE(csv, Concordance::toCsv(view.model()->lines()));
    const Result<void> refused = view.exportCsv(m_dir.filePath(QStringLiteral("no/such/dir/kwic.csv")));
    QVERIFY(!refused);
    QVERIFY(!refused.error().message().isEmpty());
}

void TestConcordanceView::line_opensReaderAtOccurrence()
{
    MainWindow window;
    window.setFeedback(std::make_unique<test::RecordingFeedback>());
    window.resize(1200, 800);
    QVERIFY(window.openLibrary(m_library));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // View → Concordance (Ctrl+Shift+K) shows the dock with the term field focused.
    window.findChild<QAction *>(QStringLiteral("actionConcordance"))->trigger();
    ConcordanceView *view = window.concordanceView();
    QVERIFY(window.findChild<QDockWidget *>(QStringLiteral("concordanceDock"))->isVisible());
    QVERIFY(run(*view, QStringLiteral("常委会")));
    QVERIFY(view->model()->rowCount() > 2);
    const int row = view->model()->rowCount() / 2;
    const ConcordanceLine line = view->model()->line(row);
    view->table()->setFocus();
    view->table()->setCurrentIndex(view->model()->index(row, 0));
    QTest::keyClick(view->table(), Qt::Key_Return);
    QCOMPARE(window.currentArticleId(), line.articleId);
    const QTextCursor cursor = window.reader()->textCursor();
    QCOMPARE(window.reader()->blockIdAt(cursor), line.blockId);
    QCOMPARE(cursor.selectedText(), line.keyword);
    QVERIFY(window.reader()->viewport()->rect().intersects(window.reader()->cursorRect()));
}

void TestConcordanceView::hostileTerm_showsMessage()
{
    ConcordanceView view;
    view.setLibraryPath(m_library);
    for (const QString &term :
         {QStringLiteral("*"), QStringLiteral("\""), QStringLiteral("，。"), QStringLiteral("OR")}) {
        QVERIFY(run(view, term));
        QCOMPARE(view.model()->rowCount(), 0);
        QVERIFY(!view.statusText().isEmpty());
    }
}

QTEST_MAIN(TestConcordanceView)
#include "tst_concordanceview.moc"
