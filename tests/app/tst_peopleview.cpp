// The People view in the window (offscreen, on the corpus): the list by appearances, the office filter, a
// person's page (timeline, appearances, named with), an appearance opening the reader, and the corrections as
// undoable commands on the window's stack, and the export of what the list shows.
#include "app/people/peoplepart.h"
#include "app/people/peopleview.h"
#include "app/people/personlistmodel.h"
#include "app/people/persontimeline.h"
#include "app/shell/librarysession.h"
#include "core/analysis/peopleindex.h"
#include "tests/support/corpuslibrary.h"
#include "tests/support/csvreader.h"
#include "tests/support/windowfixture.h"

#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QListWidget>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

using namespace dubao;
using namespace Qt::StringLiterals;

class TestPeopleView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::isolate(m_dir);
        m_path = m_dir.filePath(u"corpus.sqlite"_s);
        const QString error = test::buildCorpusLibrary(m_path);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_window = test::openShownWindow(m_path, QSize(1500, 1000));
        m_part = m_window->findChild<PeoplePart *>();
        QVERIFY(m_part);
        QSignalSpy loaded(m_part, &PeoplePart::loaded);
        m_window->findChild<QAction *>(u"actionPeople"_s)->trigger();
        QVERIFY(loaded.wait(20000));
        m_view = m_part->view();
    }

    void list_isByAppearancesMostFirst()
    {
        QAbstractItemModel *list = m_view->list()->model();
        QVERIFY(list->rowCount() >= 30);
        for (int row = 1; row < list->rowCount(); ++row)
            QVERIFY(list->index(row - 1, PersonListModel::Appearances).data().toInt() >=
                    list->index(row, PersonListModel::Appearances).data().toInt());
    }

    void filter_officeContains()
    {
        m_view->filter()->setText(u"书记"_s);
        QAbstractItemModel *list = m_view->list()->model();
        QVERIFY(list->rowCount() > 0);
        QVERIFY(list->rowCount() < m_view->model()->rowCount());
        for (int row = 0; row < list->rowCount(); ++row) {
            const QString text = list->index(row, PersonListModel::Name).data().toString() +
                                 list->index(row, PersonListModel::Offices).data().toString();
            QVERIFY2(text.contains(u"书记"_s), qPrintable(text));
        }
        m_view->filter()->setText(QString());
    }

    void page_showsTimelineAppearancesAndCoAppearances()
    {
        QVERIFY(m_view->selectPerson(u"张智奎"_s));
        const QList<Appearance> expected = PeopleIndex(m_window->session()->library()).appearances(u"张智奎"_s);
        QVERIFY(!expected.isEmpty());
        QCOMPARE(m_view->appearanceTable()->rowCount(), int(expected.size()));
        QVERIFY(m_view->timeline()->rows().contains(u"区委书记"_s));
        QVERIFY(!m_view->timeline()->markOf(0).isNull());
        QVERIFY(m_view->coAppearanceList()->count() > 0);

        // The last appearance: the window shows the first article already.
        QVERIFY(expected.back().articleId != expected.front().articleId);
        QSignalSpy shown(m_window.get(), &MainWindow::articleShown);
        emit m_view->appearanceTable()->cellActivated(int(expected.size()) - 1, 0);
        QVERIFY(!shown.isEmpty());
        QCOMPARE(shown.last().at(0).toLongLong(), expected.back().articleId);
    }

    void edits_areUndoable()
    {
        QUndoStack *stack = m_window->undoStack();
        const int persons = m_view->model()->rowCount();
        QVERIFY(m_view->model()->rowOf(u"蔡焱"_s) >= 0);
        QSignalSpy loaded(m_part, &PeoplePart::loaded);
        m_part->edit(PersonEdit{0, PersonEdit::Kind::Merge, u"蔡焱"_s, 0, u"蔡焘"_s});
        QVERIFY(loaded.wait(20000));
        QCOMPARE(m_view->model()->rowOf(u"蔡焱"_s), -1);
        QCOMPARE(m_view->model()->rowCount(), persons - 1);
        QCOMPARE(stack->undoText(), u"Merge 蔡焱 into 蔡焘"_s);
        stack->undo();
        QVERIFY(loaded.wait(20000));
        QVERIFY(m_view->model()->rowOf(u"蔡焱"_s) >= 0);

        m_part->edit(PersonEdit{0, PersonEdit::Kind::FalseHit, u"张智奎"_s, 0, QString()});
        QVERIFY(loaded.wait(20000));
        QCOMPARE(m_view->model()->rowOf(u"张智奎"_s), -1);
        stack->undo();
        QVERIFY(loaded.wait(20000));
        QVERIFY(m_view->model()->rowOf(u"张智奎"_s) >= 0);
        stack->redo();
        QVERIFY(loaded.wait(20000));
        QCOMPARE(m_view->model()->rowOf(u"张智奎"_s), -1);
        stack->undo();
        QVERIFY(loaded.wait(20000));
    }

    void export_appearancesOfWhatTheListShows()
    {
        m_view->filter()->setText(u"书记"_s);
        int expected = 0;
        QSet<QString> shown;
        QAbstractItemModel *list = m_view->list()->model();
        for (int row = 0; row < list->rowCount(); ++row) {
            shown.insert(list->index(row, PersonListModel::Name).data().toString());
            expected += list->index(row, PersonListModel::Appearances).data().toInt();
        }
        QVERIFY(!shown.isEmpty());
        const QString path = m_dir.filePath(u"secretaries.csv"_s);
        QSignalSpy exported(m_part, &PeoplePart::exported);
        emit m_view->exportRequested(PeopleExport::Table::Appearances, PeopleExport::Format::Csv, path);
        QVERIFY(exported.wait(20000));
        QCOMPARE(exported.first().first().toLongLong(), qint64(expected));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const std::optional<QList<QStringList>> rows = test::parseCsv(QString::fromUtf8(file.readAll().mid(3)));
        QVERIFY(rows);
        QCOMPARE(rows->size(), expected + 1);
        for (qsizetype r = 1; r < rows->size(); ++r)
            QVERIFY2(shown.contains(rows->at(r).front()), qPrintable(rows->at(r).front()));
        m_view->filter()->setText(QString());
    }

    void cleanupTestCase() { m_window.reset(); }

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<MainWindow> m_window;
    PeoplePart *m_part = nullptr;
    PeopleView *m_view = nullptr;
};

QTEST_MAIN(TestPeopleView)
#include "tst_peopleview.moc"
