// The People view in the window (offscreen, on the corpus): the list by appearances, the office filter, a
// person's page (timeline, appearances, named with; read on a worker, never stale when the person changes fast),
// an appearance opening the reader, and the corrections as
// undoable commands on the window's stack, and the export of what the list shows.
#include "app/people/appearancelistmodel.h"
#include "app/people/peoplepart.h"
#include "app/people/peopleview.h"
#include "app/people/personlistmodel.h"
#include "app/people/persontimeline.h"
#include "app/shell/librarysession.h"
#include "core/analysis/peopleindex.h"
#include "core/reuse/reuseindex.h"
#include "core/store/library.h"
#include "tests/support/corpuslibrary.h"
#include "tests/support/csvreader.h"
#include "tests/support/windowfixture.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMouseEvent>
#include <QScrollArea>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

using namespace dubao;
using namespace Qt::StringLiterals;

namespace {

/// Five offices, more than a short dock has rows for.
QStringList fiveOffices()
{
    return {u"区委书记"_s, u"永川区委书记"_s, u"区委副书记"_s, u"永川区委副书记"_s, u"区长"_s};
}

/// One appearance in each of `offices`, thirty days apart.
AppearanceOutlines oneAppearancePerOffice(const QStringList &offices)
{
    AppearanceOutlines outlines;
    for (qsizetype k = 0; k < offices.size(); ++k) {
        Appearance a;
        a.id = k + 1;
        a.name = u"常晓勇"_s;
        a.date = QDate(2022, 11, 13).addDays(30 * k);
        a.offices = {offices[k]};
        a.role = u"出席"_s;
        outlines.append(a);
    }
    return outlines;
}

} // namespace

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
        QVERIFY(showPage(u"张智奎"_s));
        const QList<Appearance> expected = PeopleIndex(m_window->session()->library()).appearances(u"张智奎"_s);
        QVERIFY(!expected.isEmpty());
        QCOMPARE(m_view->appearanceTable()->model()->rowCount(), int(expected.size()));
        QCOMPARE(m_view->appearanceModel()->appearance(0).sentence, expected.front().sentence);
        QVERIFY(m_view->timeline()->rows().contains(u"区委书记"_s));
        QVERIFY(!m_view->timeline()->markOf(0).isNull());
        QVERIFY(m_view->coAppearanceList()->count() > 0);

        // The last appearance: the window shows the first article already.
        QVERIFY(expected.back().articleId != expected.front().articleId);
        QSignalSpy shown(m_window.get(), &MainWindow::articleShown);
        emit m_view->appearanceTable()->activated(
            m_view->appearanceTable()->model()->index(int(expected.size()) - 1, 0));
        QVERIFY(!shown.isEmpty());
        QCOMPARE(shown.last().at(0).toLongLong(), expected.back().articleId);
    }

    // A person with more offices than the dock has room for: each office keeps a line of its own (the timeline
    // grows and scrolls in its area) instead of labels drawn over each other, and hovering a mark names it.
    void timeline_manyOffices_rowsNeverOverlap()
    {
        const QStringList offices = fiveOffices();
        const AppearanceOutlines outlines = oneAppearancePerOffice(offices);
        PersonTimeline timeline;
        timeline.setAppearances(outlines);
        timeline.resize(600, 40); // what a short dock offers
        QCOMPARE(timeline.rows().size(), offices.size());
        const int line = timeline.fontMetrics().height();
        QVERIFY(timeline.height() >= timeline.heightFor(int(offices.size())));
        for (qsizetype k = 1; k < offices.size(); ++k)
            QVERIFY2(timeline.markOf(int(k)).y() - timeline.markOf(int(k - 1)).y() >= line,
                     qPrintable(u"rows %1 and %2 are closer than a line"_s.arg(k - 1).arg(k)));
        QCOMPARE(timeline.appearanceAt(timeline.markOf(3)), 3);
        QCOMPARE(timeline.appearanceAt(QPointF(1, 1)), -1);

        // In the view, the timeline sits in a scroll area.
        QVERIFY(qobject_cast<QScrollArea *>(m_view->timeline()->parentWidget()->parentWidget()));
    }

    // `区委副书记、区长常晓勇`: one appearance, two offices. Each office is a row, and the appearance has a mark on
    // both (the timeline had a row for the first office only: 常晓勇 was never drawn as 区长).
    void timeline_appearanceWithTwoOffices_hasAMarkOnEachRow()
    {
        AppearanceOutlines outlines;
        const QList<QStringList> offices{{u"区委副书记"_s, u"区长"_s}, {u"区委副书记"_s}, {}};
        for (qsizetype k = 0; k < offices.size(); ++k) {
            Appearance a;
            a.id = k + 1;
            a.name = u"常晓勇"_s;
            a.date = QDate(2022, 11, 13).addDays(200 * k);
            a.offices = offices[k];
            a.role = k == 0 ? u"主持"_s : u"出席"_s;
            outlines.append(a);
        }
        PersonTimeline timeline;
        timeline.setAppearances(outlines);
        timeline.resize(600, timeline.heightFor(3));
        QCOMPARE(timeline.rows(), (QStringList{u"区委副书记"_s, u"区长"_s, PersonTimeline::tr("(no office)")}));
        const QList<QPointF> marks = timeline.marksOf(0);
        QCOMPARE(marks.size(), 2);
        QCOMPARE(marks[0].x(), marks[1].x());
        QVERIFY(marks[1].y() - marks[0].y() >= timeline.fontMetrics().height());
        QCOMPARE(timeline.appearanceAt(marks[1]), 0); // a click on the 区长 row opens that appearance
        QCOMPARE(timeline.marksOf(1).size(), 1);
        QCOMPARE(timeline.marksOf(2).size(), 1); // no office: the last row
        QVERIFY(timeline.marksOf(2).front().y() > marks[1].y());

        // In the window: 常晓勇's page draws every office the corpus gives him, 区长 among them.
        QVERIFY(showPage(u"常晓勇"_s));
        QVERIFY2(m_view->timeline()->rows().contains(u"区长"_s), qPrintable(m_view->timeline()->rows().join(u'|')));
        QVERIFY(m_view->timeline()->rows().contains(u"区委副书记"_s));
    }

    // A person named thousands of times: their marks overlap, and each drawn with an outline in the base colour
    // left a row of rings in the window's background colour (常晓勇 in the 20,000-issue library, 48,473 marks, read
    // as an empty row). Dense marks are a band of their role's colour.
    void timeline_denseMarks_drawABandOfTheRolesColour()
    {
        AppearanceOutlines outlines;
        const QDate first(1995, 1, 1);
        for (int k = 0; k < 6000; ++k) {
            Appearance a;
            a.id = k + 1;
            a.name = u"常晓勇"_s;
            a.date = first.addDays(k * 30 * 365 / 6000);
            a.offices = {u"区长"_s};
            a.role = u"出席"_s;
            outlines.append(a);
        }
        PersonTimeline timeline;
        timeline.setAppearances(outlines);
        timeline.resize(700, timeline.heightFor(1));
        QImage image(timeline.size(), QImage::Format_ARGB32);
        timeline.render(&image);
        const QColor role = PersonTimeline::roleColor(u"出席"_s);
        const int y = qRound(timeline.markOf(0).y());
        const int from = qRound(timeline.markOf(0).x()) + 6;
        const int to = qRound(timeline.markOf(5999).x()) - 6;
        QVERIFY(to - from > 400);
        int coloured = 0;
        for (int x = from; x <= to; ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - role.red()) + std::abs(c.green() - role.green()) + std::abs(c.blue() - role.blue()) <
                60)
                ++coloured;
        }
        QVERIFY2(coloured > 0.9 * (to - from + 1),
                 qPrintable(u"%1 of %2 pixels along the row in the role's colour"_s.arg(coloured).arg(to - from + 1)));
    }

    // The rows scroll in their area when they need more height than the dock has: the dates stay at the top with
    // the legend, in view (they were drawn under the last row, and a short area showed half a line of them).
    void timeline_inAShortArea_showsItsDates()
    {
        const QStringList offices = fiveOffices();
        const AppearanceOutlines outlines = oneAppearancePerOffice(offices);
        QScrollArea area; // as the People view holds it
        auto *timeline = new PersonTimeline;
        area.setWidget(timeline);
        area.setWidgetResizable(true);
        area.setFrameShape(QFrame::NoFrame);
        area.setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        timeline->setAppearances(outlines);
        area.resize(600, timeline->heightFor(1));
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        QVERIFY(timeline->height() > area.viewport()->height()); // the rows scroll
        const QRect dates(timeline->mapTo(area.viewport(), timeline->dateAxis().topLeft()),
                          timeline->dateAxis().size());
        QVERIFY2(area.viewport()->rect().contains(dates),
                 qPrintable(u"dates at y %1..%2, the area shows 0..%3"_s.arg(dates.top())
                                .arg(dates.bottom())
                                .arg(area.viewport()->height())));
        QVERIFY(dates.bottom() < timeline->markOf(0).y()); // above the rows
    }

    // The timeline's handle: dragged down, the timeline gets the height for more of its rows, and the next People
    // view (the next start of the app) opens with that share.
    void page_timelineHandle_isDraggedAndRemembered()
    {
        QVERIFY(showPage(u"常晓勇"_s));
        QSplitter *splitter = m_view->pageSplitter();
        QCOMPARE(splitter->widget(0), m_view->timeline()->parentWidget()->parentWidget()); // the timeline's area
        const int before = splitter->sizes().at(0);
        QSplitterHandle *handle = splitter->handle(1);
        const QPoint from = handle->rect().center();
        const auto send = [handle](QEvent::Type type, const QPoint &pos, Qt::MouseButtons buttons) {
            QMouseEvent event(type, pos, handle->mapToGlobal(pos), Qt::LeftButton, buttons, Qt::NoModifier);
            QApplication::sendEvent(handle, &event);
        };
        send(QEvent::MouseButtonPress, from, Qt::LeftButton);
        send(QEvent::MouseMove, from + QPoint(0, 100), Qt::LeftButton);
        send(QEvent::MouseButtonRelease, from + QPoint(0, 100), Qt::NoButton);
        const QList<int> dragged = splitter->sizes();
        QVERIFY2(dragged.at(0) >= before + 40, qPrintable(u"%1 -> %2"_s.arg(before).arg(dragged.at(0))));

        const auto share = [](const QSplitter *s) {
            return double(s->sizes().at(0)) / (s->sizes().at(0) + s->sizes().at(1));
        };
        const double draggedShare = share(splitter);
        const auto opened = [this] {
            auto view = std::make_unique<PeopleView>();
            view->resize(m_view->size());
            view->show();
            return QTest::qWaitForWindowExposed(view.get()) ? std::move(view) : nullptr;
        };
        auto next = opened();
        QVERIFY(next);
        QVERIFY2(std::abs(share(next->pageSplitter()) - draggedShare) < 0.03,
                 qPrintable(u"%1, dragged to %2"_s.arg(share(next->pageSplitter())).arg(draggedShare)));
        QSettings().remove(u"people/pageSplitter"_s); // without the setting: the default share, another one
        auto fresh = opened();
        QVERIFY(fresh);
        QVERIFY2(draggedShare - share(fresh->pageSplitter()) > 0.1,
                 qPrintable(u"default %1, dragged %2"_s.arg(share(fresh->pageSplitter())).arg(draggedShare)));
        // The default: a third of the page for the timeline, not the legend's height alone.
        QVERIFY2(std::abs(share(fresh->pageSplitter()) - 1.0 / 3) < 0.05,
                 qPrintable(u"default %1"_s.arg(share(fresh->pageSplitter()))));
        splitter->setSizes({before, splitter->height() - before}); // as the other tests had it
    }

    // No cap: every appearance is a row, fetched a page at a time with its sentences.
    void appearanceModel_fetchesPagesOnDemand()
    {
        AppearanceListModel model;
        QList<int> asked;
        model.setSentenceReader([&asked](const QList<qint64> &ids) {
            asked.append(int(ids.size()));
            QHash<qint64, QString> sentences;
            for (qint64 id : ids)
                sentences.insert(id, u"句%1"_s.arg(id));
            return sentences;
        });
        AppearanceOutlines all;
        for (int k = 0; k < 1234; ++k) {
            Appearance a;
            a.id = k + 1;
            a.sentence = u"not held"_s;
            all.append(a);
        }
        model.setAppearances(all);
        QCOMPARE(model.rowCount(), AppearanceListModel::kPage);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(model.rowCount(), 2 * AppearanceListModel::kPage);
        model.fetchUpTo(1233);
        QCOMPARE(model.rowCount(), 1234);
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(asked, QList<int>({500, 500, 234}));

        // Checked by the tester, attached after the reset: Qt 6.4's tester calls fetchMore() from its modelReset
        // handler before it has marked the reset as done, and takes the rows that inserts for a change inside the
        // reset. Attached, it fetches every page itself and checks each insertion.
        AppearanceListModel checked;
        checked.setSentenceReader([](const QList<qint64> &) { return QHash<qint64, QString>(); });
        checked.setAppearances(all);
        QAbstractItemModelTester tester(&checked, QAbstractItemModelTester::FailureReportingMode::QtTest);
        checked.fetchUpTo(1233);
        QCOMPARE(checked.rowCount(), 1234);
        QCOMPARE(model.index(1233, AppearanceListModel::Sentence).data().toString(), u"句1234"_s);
        QCOMPARE(model.appearance(0).sentence, u"句1"_s);
    }

    // Three persons asked for before any page arrives: the page is the last one's, and no other was ever shown.
    void page_switchingFast_neverShowsAStalePage()
    {
        QSignalSpy pages(m_part, &PeoplePart::pageLoaded);
        QVERIFY(m_view->selectPerson(u"张智奎"_s));
        QVERIFY(m_part->isLoadingPage());
        QVERIFY(m_view->isLoadingPage());
        QCOMPARE(m_view->appearanceTable()->model()->rowCount(), 0); // not the page shown before
        QCOMPARE(m_view->coAppearanceList()->count(), 1);            // "Loading…"
        QVERIFY(!(m_view->coAppearanceList()->item(0)->flags() & Qt::ItemIsEnabled));
        QVERIFY(m_view->selectPerson(u"常晓勇"_s));
        QVERIFY(m_view->selectPerson(u"潘文峰"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!m_part->isLoadingPage() && !pages.isEmpty(), 20000);
        QCOMPARE(pages.size(), 1);
        QCOMPARE(pages.first().first().toString(), u"潘文峰"_s);
        QVERIFY(!m_view->isLoadingPage());
        PeopleIndex index(m_window->session()->library());
        const QList<Appearance> expected = index.appearances(u"潘文峰"_s);
        QCOMPARE(m_view->appearances().size(), expected.size());
        for (qsizetype k = 0; k < expected.size(); ++k) {
            const Appearance a = m_view->appearances().at(k);
            QCOMPARE(a.name, u"潘文峰"_s);
            QCOMPARE(a.id, expected[k].id);
            QCOMPARE(a.blockId, expected[k].blockId);
            QCOMPARE(a.date, expected[k].date);
            QCOMPARE(a.offices, expected[k].offices);
            QCOMPARE(a.role, expected[k].role);
            QCOMPARE(a.order, expected[k].order);
            QCOMPARE(a.sentenceStart, expected[k].sentenceStart);
            QVERIFY(a.sentence.isEmpty()); // read by the list for the rows it shows
        }
        const QList<QPair<QString, int>> named = index.coAppearances(u"潘文峰"_s);
        QCOMPARE(m_view->coAppearanceList()->count(), int(named.size()));
        QCOMPARE(m_view->coAppearanceList()->item(0)->data(Qt::UserRole).toString(), named.front().first);
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

    void filterField_ownYesNo_countsOwnAppearancesAndExportsThem()
    {
        auto *field = m_view->findChild<QLineEdit *>(u"peopleFilter"_s);
        auto *message = m_view->findChild<QLabel *>(u"peopleMessage"_s);
        QVERIFY(field && message);
        QSignalSpy loaded(m_part, &PeoplePart::loaded);
        // Without the reuse index own: lists nobody and says how to build it.
        field->setText(u"own:yes"_s);
        QVERIFY(loaded.wait(20000));
        QCOMPARE(m_view->list()->model()->rowCount(), 0);
        QVERIFY2(message->text().contains(u"Build Reuse Index"_s), qPrintable(message->text()));
        field->setText(QString());
        QVERIFY(loaded.wait(20000));
        QVERIFY(m_view->list()->model()->rowCount() > 0);

        Library library; // another connection builds the index, as Tools → Build Reuse Index would
        QVERIFY(library.open(m_path));
        QVERIFY(ReuseIndex(library).rebuild());
        const QList<PersonSummary> own = *PeopleIndex(library).ownPersons(PeopleIndex::Own::Yes);
        const QList<PersonSummary> shared = *PeopleIndex(library).ownPersons(PeopleIndex::Own::No);
        QVERIFY(!own.isEmpty());
        QVERIFY(!shared.isEmpty());

        // The field's own:no, with a text: the list counts the shared appearances of those the text keeps.
        field->setText(u"书记 OWN：no"_s);
        QVERIFY(loaded.wait(20000));
        QCOMPARE(m_view->filter()->selection().text, u"书记"_s);
        QAbstractItemModel *list = m_view->list()->model();
        QVERIFY(list->rowCount() > 0);
        for (int row = 0; row < list->rowCount(); ++row) {
            const QString name = list->index(row, PersonListModel::Name).data().toString();
            const auto it =
                std::find_if(shared.cbegin(), shared.cend(), [&](const PersonSummary &p) { return p.name == name; });
            QVERIFY2(it != shared.cend(), qPrintable(name));
            QCOMPARE(list->index(row, PersonListModel::Appearances).data().toInt(), it->appearances);
        }

        // own:yes: every person with an own appearance, with those counts; a page lists only those appearances.
        field->setText(u"own:yes"_s);
        QVERIFY(loaded.wait(20000));
        QCOMPARE(list->rowCount(), int(own.size()));
        const QString name = own.front().name;
        QVERIFY(showPage(name));
        QCOMPARE(m_view->appearanceTable()->model()->rowCount(), own.front().appearances);
        QCOMPARE(qsizetype(own.front().appearances),
                 PeopleIndex(library).ownAppearances(name, PeopleIndex::Own::Yes)->size());

        // The export writes what the list shows: the own appearances only.
        int expected = 0;
        for (const PersonSummary &p : own)
            expected += p.appearances;
        const QString path = m_dir.filePath(u"own.csv"_s);
        QSignalSpy exported(m_part, &PeoplePart::exported);
        emit m_view->exportRequested(PeopleExport::Table::Appearances, PeopleExport::Format::Csv, path);
        QVERIFY(exported.wait(20000));
        QCOMPARE(exported.first().first().toLongLong(), qint64(expected));
        QVERIFY(expected < PeopleIndex(library).appearances().size());

        // A word own: that is neither yes nor no says so and keeps the list as it was.
        field->setText(u"own:maybe"_s);
        QVERIFY2(message->text().contains(u"own: takes yes"_s), qPrintable(message->text()));
        QCOMPARE(list->rowCount(), int(own.size()));
        field->setText(QString());
        QVERIFY(loaded.wait(20000));
        QCOMPARE(m_view->model()->rowCount(), int(PeopleIndex(library).persons().size()));
    }

    void cleanupTestCase() { m_window.reset(); }

private:
    bool showPage(const QString &name)
    {
        QSignalSpy pages(m_part, &PeoplePart::pageLoaded);
        if (!m_view->selectPerson(name))
            return false;
        while (pages.wait(20000))
            if (pages.last().first().toString() == name)
                return true;
        return false;
    }

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<MainWindow> m_window;
    PeoplePart *m_part = nullptr;
    PeopleView *m_view = nullptr;
};

QTEST_MAIN(TestPeopleView)
#include "tst_peopleview.moc"
