// The People view (peopleview.h).
#include "app/people/peopleview.h"

#include "app/export/exportdefaults.h"
#include "app/people/appearancelistmodel.h"
#include "app/people/personlistmodel.h"
#include "app/people/persontimeline.h"

#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace dubao {

namespace {

const QString kPageSplitterKey = QStringLiteral("people/pageSplitter"); // the timeline's share of a person's page

QDateEdit *optionalDate(const QString &objectName)
{
    auto *edit = new QDateEdit;
    edit->setObjectName(objectName);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    edit->setMinimumDate(QDate(1900, 1, 1));
    edit->setSpecialValueText(QStringLiteral("—")); // the minimum: no limit
    edit->setDate(edit->minimumDate());
    return edit;
}

QDate limitOf(const QDateEdit *edit)
{
    return edit->date() == edit->minimumDate() ? QDate() : edit->date();
}

} // namespace

PeopleView::PeopleView(QWidget *parent)
    : QWidget(parent)
    , m_model(new PersonListModel(this))
    , m_filter(new PersonFilter(this))
    , m_text(new QLineEdit)
    , m_from(optionalDate(QStringLiteral("peopleFrom")))
    , m_to(optionalDate(QStringLiteral("peopleTo")))
    , m_list(new QTableView)
    , m_title(new QLabel)
    , m_message(new QLabel)
    , m_timeline(new PersonTimeline)
    , m_appearanceModel(new AppearanceListModel(this))
    , m_appearanceTable(new QTableView)
    , m_coAppearances(new QListWidget)
    , m_merge(new QPushButton(tr("&Merge Into…")))
    , m_split(new QPushButton(tr("S&plit…")))
    , m_office(new QPushButton(tr("Correct &Office…")))
    , m_falseHit(new QPushButton(tr("&Not a Person")))
    , m_export(new QPushButton(tr("&Export")))
    , m_pageSplitter(new QSplitter(Qt::Vertical))
{
    setObjectName(QStringLiteral("peopleView"));
    m_filter->setSourceModel(m_model);
    m_text->setObjectName(QStringLiteral("peopleFilter"));
    m_text->setPlaceholderText(tr("Name or office contains (e.g. 书记); own:yes or own:no"));
    m_text->setToolTip(tr("A name or an office the person had (书记: every secretary). own:yes counts only their "
                          "appearances in the paper's own text, own:no those in text shared with other articles "
                          "(needs the reuse index)."));
    m_text->setClearButtonEnabled(true);
    m_text->setMinimumWidth(m_text->fontMetrics().horizontalAdvance(QStringLiteral("区委副书记区长")));
    m_list->setObjectName(QStringLiteral("peopleList"));
    m_list->setModel(m_filter);
    m_list->setSortingEnabled(true);
    m_list->sortByColumn(PersonListModel::Appearances, Qt::DescendingOrder);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setSectionResizeMode(PersonListModel::Offices, QHeaderView::Stretch);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_title->setObjectName(QStringLiteral("personTitle"));
    m_title->setWordWrap(true);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_message->setObjectName(QStringLiteral("peopleMessage"));
    m_message->setWordWrap(true);
    m_appearanceTable->setObjectName(QStringLiteral("personAppearances"));
    m_appearanceTable->setModel(m_appearanceModel);
    m_appearanceTable->horizontalHeader()->setStretchLastSection(true);
    m_appearanceTable->verticalHeader()->hide();
    m_appearanceTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_appearanceTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_appearanceTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_coAppearances->setObjectName(QStringLiteral("personCoAppearances"));
    for (QPushButton *b : {m_merge, m_split, m_office, m_falseHit})
        b->setEnabled(false);
    m_merge->setObjectName(QStringLiteral("personMerge"));
    m_split->setObjectName(QStringLiteral("personSplit"));
    m_office->setObjectName(QStringLiteral("personOffice"));
    m_falseHit->setObjectName(QStringLiteral("personFalseHit"));

    m_export->setObjectName(QStringLiteral("peopleExport"));
    m_export->setToolTip(tr("Export what the list shows, for Stata, R or a spreadsheet"));
    auto *exportMenu = new QMenu(m_export);
    exportMenu->addAction(tr("&Appearances…"), this, [this] { askExport(PeopleExport::Table::Appearances); });
    exportMenu->addAction(tr("&Office Holders…"), this, [this] { askExport(PeopleExport::Table::OfficeHolders); });
    m_export->setMenu(exportMenu);

    // Rows that give way to the reading pane on a small screen (MainWindow::balanceDocks): the filter text on its own
    // row, the dates and the corrections in tool bars that fold what does not fit into their » menu.
    auto *dates = new QToolBar;
    dates->setObjectName(QStringLiteral("peopleDates"));
    dates->addWidget(new QLabel(tr("Appeared from")));
    dates->addWidget(m_from);
    dates->addWidget(new QLabel(tr("to")));
    dates->addWidget(m_to);
    auto *left = new QWidget;
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_text);
    leftLayout->addWidget(dates);
    auto *status = new QHBoxLayout; // the count and Export: the filter row is full at 1024 pixels
    status->addWidget(m_message, 1);
    status->addWidget(m_export);
    leftLayout->addLayout(status);
    leftLayout->addWidget(m_list, 1);

    auto *edits = new QToolBar;
    edits->setObjectName(QStringLiteral("personEdits"));
    for (QPushButton *b : {m_merge, m_split, m_office, m_falseHit})
        edits->addWidget(b);
    // Their default minimum (70 px) made the People dock push a 1024×700 window past the screen (tst_firsthour).
    for (QAbstractScrollArea *list : std::initializer_list<QAbstractScrollArea *>{m_appearanceTable, m_coAppearances})
        list->setMinimumHeight(40);
    auto *lower = new QSplitter(Qt::Horizontal);
    lower->addWidget(m_appearanceTable);
    auto *co = new QWidget;
    auto *coLayout = new QVBoxLayout(co);
    coLayout->setContentsMargins(0, 0, 0, 0);
    coLayout->addWidget(new QLabel(tr("Named with")));
    coLayout->addWidget(m_coAppearances, 1);
    lower->addWidget(co);
    lower->setStretchFactor(0, 4);
    lower->setStretchFactor(1, 1);
    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_title);
    rightLayout->addWidget(edits);
    // A person with many offices needs more rows than the dock is high: the timeline scrolls instead of
    // squeezing its rows until the offices' labels overlap.
    auto *timelineArea = new QScrollArea;
    timelineArea->setObjectName(QStringLiteral("personTimelineArea"));
    timelineArea->setWidget(m_timeline);
    timelineArea->setWidgetResizable(true);
    timelineArea->setFrameShape(QFrame::NoFrame);
    timelineArea->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    timelineArea->setMinimumHeight(52);
    // The timeline above the lists, a third of the height at first; dragging the handle gives a person of many
    // offices room for all their rows (remembered: a researcher who reads timelines keeps them large).
    m_pageSplitter->setObjectName(QStringLiteral("personPageSplitter"));
    m_pageSplitter->addWidget(timelineArea);
    m_pageSplitter->addWidget(lower);
    m_pageSplitter->setStretchFactor(0, 1);
    m_pageSplitter->setStretchFactor(1, 2);
    m_pageSplitter->setChildrenCollapsible(false);
    // Without a remembered place: a third for the timeline (by the children's size hints alone the lists took all
    // but the legend's height).
    if (!m_pageSplitter->restoreState(QSettings().value(kPageSplitterKey).toByteArray()))
        m_pageSplitter->setSizes({1000, 2000});
    connect(m_pageSplitter, &QSplitter::splitterMoved, this,
            [this] { QSettings().setValue(kPageSplitterKey, m_pageSplitter->saveState()); });
    rightLayout->addWidget(m_pageSplitter, 1);

    auto *splitter = new QSplitter(Qt::Horizontal);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_text, &QLineEdit::textChanged, this, &PeopleView::applyFilter);
    connect(m_from, &QDateEdit::dateChanged, this, &PeopleView::applyFilter);
    connect(m_to, &QDateEdit::dateChanged, this, &PeopleView::applyFilter);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    emit personSelected(m_model->person(m_filter->mapToSource(current).row()).name);
            });
    connect(m_appearanceTable, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (index.isValid())
            emit appearanceActivated(m_appearanceModel->appearance(index.row()));
    });
    connect(m_timeline, &PersonTimeline::appearanceActivated, this, [this](int index) {
        m_appearanceModel->fetchUpTo(index);
        m_appearanceTable->selectRow(index);
        emit appearanceActivated(m_appearanceModel->appearance(index));
    });
    connect(m_coAppearances, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { selectPerson(item->data(Qt::UserRole).toString()); });
    connect(m_merge, &QPushButton::clicked, this, &PeopleView::askMerge);
    connect(m_split, &QPushButton::clicked, this, &PeopleView::askSplit);
    connect(m_office, &QPushButton::clicked, this, &PeopleView::askOffice);
    connect(m_falseHit, &QPushButton::clicked, this, &PeopleView::askFalseHit);
}

PeopleView::~PeopleView() = default;

void PeopleView::setPersons(const QList<PersonSummary> &persons)
{
    const QString current = m_current.name;
    m_persons = persons;
    m_model->setPersons(persons);
    if (current.isEmpty() || !selectPerson(current)) {
        showPerson({}, {}, {});
        if (m_filter->rowCount() > 0) // the first in the list, so the page is never empty
            selectPerson(m_model->person(m_filter->mapToSource(m_filter->index(0, 0)).row()).name);
    }
    setMessage(tr("%n person(s)", nullptr, int(persons.size())));
}

void PeopleView::setMessage(const QString &text)
{
    m_message->setText(text);
}

bool PeopleView::selectPerson(const QString &name)
{
    const int row = m_model->rowOf(name);
    const QModelIndex index = row < 0 ? QModelIndex() : m_filter->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_list->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_list->scrollTo(index);
    emit personSelected(name); // again when it was current already: the page is read afresh
    return true;
}

const AppearanceOutlines &PeopleView::appearances() const
{
    return m_appearanceModel->appearances();
}

void PeopleView::showLoading(const PersonSummary &person)
{
    showPerson(person, {}, {});
    m_loadingPage = !person.name.isEmpty();
    if (!m_loadingPage)
        return;
    auto *item = new QListWidgetItem(tr("Loading…"));
    item->setFlags(Qt::NoItemFlags);
    m_coAppearances->addItem(item);
    m_split->setEnabled(false);
}

void PeopleView::showPerson(const PersonSummary &person, const AppearanceOutlines &appearances,
                            const QList<QPair<QString, int>> &coAppearances)
{
    m_current = person;
    m_loadingPage = false;
    QStringList offices;
    for (const PersonOffice &o : person.offices)
        offices.append(o.title);
    m_title->setText(person.name.isEmpty() ? QString()
                                           : tr("%1 — %2 — %n appearance(s)", nullptr, person.appearances)
                                                 .arg(person.name, offices.join(QStringLiteral("、"))));
    m_timeline->setAppearances(appearances);
    m_appearanceModel->setAppearances(appearances);
    m_appearanceTable->resizeColumnsToContents();
    m_coAppearances->clear();
    for (const auto &[name, count] : coAppearances) {
        auto *item = new QListWidgetItem(tr("%1 (%n article(s))", nullptr, count).arg(name));
        item->setData(Qt::UserRole, name);
        m_coAppearances->addItem(item);
    }
    const bool any = !person.name.isEmpty();
    m_merge->setEnabled(any);
    m_falseHit->setEnabled(any);
    m_split->setEnabled(any && !appearances.isEmpty());
    m_office->setEnabled(any);
}

void PeopleView::applyFilter()
{
    if (!m_filter->setText(m_text->text()))
        setMessage(tr("own: takes yes (the paper's own text) or no (text shared with other articles)"));
    m_filter->setPeriod(limitOf(m_from), limitOf(m_to));
}

int PeopleView::selectedAppearance() const
{
    const QModelIndex current = m_appearanceTable->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void PeopleView::askMerge()
{
    QStringList names;
    for (const PersonSummary &p : std::as_const(m_persons))
        if (p.name != m_current.name)
            names.append(p.name);
    bool ok = false;
    const QString target =
        QInputDialog::getItem(this, tr("Merge Into"), tr("%1 is the same person as:").arg(m_current.name), names, 0,
                              true, &ok)
            .trimmed();
    if (ok && !target.isEmpty() && target != m_current.name)
        emit editRequested(PersonEdit{0, PersonEdit::Kind::Merge, m_current.name, 0, target});
}

void PeopleView::askSplit()
{
    const int row = selectedAppearance();
    if (row < 0) {
        setMessage(tr("Select the appearance that is another person first."));
        return;
    }
    bool ok = false;
    const QString other =
        QInputDialog::getText(
            this, tr("Split"),
            tr("The appearances of %1 in this paragraph are another person, named:").arg(m_current.name),
            QLineEdit::Normal, m_current.name, &ok)
            .trimmed();
    if (ok && !other.isEmpty() && other != m_current.name)
        emit editRequested(
            PersonEdit{0, PersonEdit::Kind::Split, m_current.name, m_appearanceModel->appearance(row).blockId, other});
}

void PeopleView::askOffice()
{
    const int row = selectedAppearance();
    bool ok = false;
    const QString offices =
        QInputDialog::getText(
            this, tr("Correct Office"),
            row < 0 ? tr("The offices of %1 everywhere (separated by 、):").arg(m_current.name)
                    : tr("The offices of %1 in this paragraph (separated by 、):").arg(m_current.name),
            QLineEdit::Normal, row < 0 ? QString() : m_appearanceModel->appearance(row).offices.join(u'、'), &ok)
            .trimmed();
    if (ok)
        emit editRequested(PersonEdit{0, PersonEdit::Kind::Office, m_current.name,
                                      row < 0 ? 0 : m_appearanceModel->appearance(row).blockId, offices});
}

void PeopleView::askExport(PeopleExport::Table table)
{
    if (m_exportFolder.isEmpty())
        m_exportFolder = defaultExportFolder();
    const QString csv = tr("CSV files (*.csv)");
    const QString json = tr("JSON files (*.json)");
    const QString name = table == PeopleExport::Table::Appearances ? tr("appearances.csv") : tr("office-holders.csv");
    QString chosen;
    const QString path = QFileDialog::getSaveFileName(this, tr("Export People"), QDir(m_exportFolder).filePath(name),
                                                      csv + QStringLiteral(";;") + json, &chosen);
    if (path.isEmpty())
        return;
    m_exportFolder = QFileInfo(path).absolutePath();
    const bool isJson = path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive) ||
                        (!path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) && chosen == json);
    emit exportRequested(table, isJson ? PeopleExport::Format::Json : PeopleExport::Format::Csv, path);
}

void PeopleView::askFalseHit()
{
    // The selected appearance only, or every appearance when none is selected.
    const int row = selectedAppearance();
    emit editRequested(PersonEdit{0, PersonEdit::Kind::FalseHit, m_current.name,
                                  row < 0 ? 0 : m_appearanceModel->appearance(row).blockId, QString()});
}

} // namespace dubao
