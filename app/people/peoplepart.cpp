// The window's People (peoplepart.h).
#include "app/people/peoplepart.h"

#include "app/people/appearancelistmodel.h"
#include "app/people/peopleview.h"
#include "app/people/personeditcommand.h"
#include "app/people/personlistmodel.h"
#include "app/shell/analysisdock.h"
#include "app/shell/librarysession.h"
#include "app/shell/mainwindow.h"
#include "app/shell/userfeedback.h"
#include "core/jobs/jobrunner.h"
#include "core/search/queryparser.h"
#include "core/search/searchservice.h"
#include "core/store/cancelguard.h"
#include "core/store/library.h"
#include "core/store/sql.h"

#include <QAction>
#include <QCoreApplication>
#include <QDir>
#include <QDockWidget>
#include <QUndoStack>

namespace dubao {

PeoplePart::PeoplePart(MainWindow &window, ActionRegistry &actions)
    : QObject(&window)
    , m_window(window)
    , m_view(new PeopleView)
    , m_dock(addAnalysisDock(window, actions, m_view, QCoreApplication::translate("dubao::MainWindow", "People"),
                             QStringLiteral("peopleDock"), QStringLiteral("actionPeople"),
                             QCoreApplication::translate("dubao::MainWindow", "&People"),
                             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P)))
    , m_runner(new JobRunner(QStringLiteral("people"), this))
    , m_exportRunner(new JobRunner(QStringLiteral("people-export"), this))
    , m_pageRunner(new JobRunner(QStringLiteral("person-page"), this))
{
    m_view->appearanceModel()->setSentenceReader([this](const QList<qint64> &ids) {
        LibrarySession *session = m_window.session();
        return session ? PeopleIndex(session->library()).sentences(ids) : QHash<qint64, QString>();
    });
    reloadWhileShown(window, m_dock, this, [this] { reload(); });
    connect(m_view, &PeopleView::personSelected, this, &PeoplePart::showPerson);
    connect(m_view, &PeopleView::appearanceActivated, this, &PeoplePart::openAppearance);
    connect(m_view, &PeopleView::editRequested, this, &PeoplePart::edit);
    connect(m_view, &PeopleView::exportRequested, this, &PeoplePart::exportTable);
    connect(m_view->filter(), &PersonFilter::ownChanged, this, &PeoplePart::reload);
}

PeoplePart::~PeoplePart() = default;

bool PeoplePart::isLoading() const
{
    return m_runner->isRunning();
}

bool PeoplePart::isLoadingPage() const
{
    return m_pageRunner->isRunning();
}

void PeoplePart::reload()
{
    if (m_runner->isRunning()) {
        m_again = true;
        return;
    }
    const QString path = m_window.libraryPath();
    if (path.isEmpty()) {
        m_view->setPersons({});
        return;
    }
    m_view->setMessage(tr("Reading the people index…"));
    const std::optional<PeopleIndex::Own> own = m_view->filter()->selection().own;
    m_runner->start(
        [path, own](JobContext &context) -> Result<QList<PersonSummary>> {
            Library library; // this thread's own connection
            if (const Result<void> opened = library.open(path); !opened)
                return opened.error();
            PeopleIndex index(library);
            if (index.pendingArticles() > 0)
                if (const Result<qint64> updated = index.update(context.cancelFlag()); !updated)
                    return updated.error();
            return own ? index.ownPersons(*own) : Result<QList<PersonSummary>>(index.persons());
        },
        [this, own](Result<QList<PersonSummary>> persons) {
            if (m_again || own != m_view->filter()->selection().own) { // own: changed meanwhile
                m_again = false;
                reload();
                return;
            }
            if (!persons) {
                m_view->setPersons({}); // own: without a reuse index lists nobody, and says why
                m_view->setMessage(persons.error().message());
            } else {
                m_view->setPersons(*persons);
            }
            emit loaded();
        });
}

void PeoplePart::showPerson(const QString &name)
{
    m_pageName = name;
    m_view->showLoading(summaryOf(name));
    if (m_pageRunner->isRunning()) {
        m_pageStale = true; // its result is dropped and the page of m_pageName read next
        m_pageRunner->cancel();
        return;
    }
    readPage();
}

namespace {

struct PersonPage
{
    AppearanceOutlines appearances; ///< the list reads the sentences of the rows it shows
    QList<QPair<QString, int>> coAppearances;
};

} // namespace

PersonSummary PeoplePart::summaryOf(const QString &name) const
{
    const int row = m_view->model()->rowOf(name);
    return row >= 0 ? m_view->model()->person(row) : PersonSummary();
}

void PeoplePart::readPage()
{
    const QString path = m_window.libraryPath();
    const QString name = m_pageName;
    if (path.isEmpty() || name.isEmpty())
        return;
    // Every appearance (on the 1 GB library one person has 226,795) and the persons named with them: seconds on a
    // big library, so on a worker; a page asked for meanwhile drops this one's result.
    const std::optional<PeopleIndex::Own> own = m_view->filter()->selection().own;
    m_pageRunner->start(
        [path, name, own](JobContext &context) -> Result<PersonPage> {
            Library library; // this thread's own connection
            if (const Result<void> opened = library.open(path); !opened)
                return opened.error();
            CancelGuard guard(sql::handle(library.database()), context.cancelFlag());
            PeopleIndex index(library);
            PersonPage page{index.appearanceOutlines(name), index.coAppearances(name)};
            if (own) { // the appearances own: keeps, as the list counts them
                const Result<QSet<qint64>> shared = index.sharedAppearanceBlocks(name);
                if (!shared)
                    return shared.error();
                AppearanceOutlines kept;
                for (qsizetype i = 0; i < page.appearances.size(); ++i) {
                    const Appearance a = page.appearances.at(i);
                    if (shared->contains(a.blockId) == (*own == PeopleIndex::Own::No))
                        kept.append(a);
                }
                page.appearances = std::move(kept);
            }
            if (context.isCancelled())
                return Error(tr("cancelled"));
            return page;
        },
        [this, name](Result<PersonPage> page) {
            if (m_pageStale || name != m_pageName) { // another page was asked for meanwhile
                m_pageStale = false;
                readPage();
                return;
            }
            if (!page) {
                m_view->setMessage(page.error().message());
                return;
            }
            m_view->showPerson(summaryOf(name), page->appearances, page->coAppearances);
            emit pageLoaded(name);
        });
}

void PeoplePart::exportTable(PeopleExport::Table table, PeopleExport::Format format, const QString &path)
{
    const QString library = m_window.libraryPath();
    if (library.isEmpty() || m_exportRunner->isRunning())
        return;
    const PeopleSelection selection = m_view->filter()->selection();
    m_view->setMessage(tr("Exporting to %1…").arg(QDir::toNativeSeparators(path)));
    m_exportRunner->start(
        [library, table, format, selection, path](JobContext &context) -> Result<qint64> {
            Library db; // this thread's own connection
            if (const Result<void> opened = db.open(library); !opened)
                return opened.error();
            return PeopleExport::writeFile(PeopleIndex(db), table, format, selection, path, context.cancelFlag());
        },
        [this, path](Result<qint64> rows) {
            if (!rows) {
                m_view->setMessage(rows.error().message());
                m_window.feedback().warn(&m_window, tr("Export People"), rows.error().message());
                emit exported(-1);
                return;
            }
            m_view->setMessage(
                tr("%n row(s) exported to %1.", nullptr, int(*rows)).arg(QDir::toNativeSeparators(path)));
            emit exported(*rows);
        });
}

void PeoplePart::openAppearance(const Appearance &appearance)
{
    // As a search hit for the name: the reader opens the article at the paragraph and marks the name.
    SearchHit hit;
    hit.kind = SearchHit::Kind::Paragraph;
    hit.articleId = appearance.articleId;
    hit.blockId = appearance.blockId;
    hit.issueId = appearance.issueId;
    const QString phrase = QLatin1Char('"') + appearance.name + QLatin1Char('"');
    m_window.openSearchHit(hit, QueryParser::parse(phrase));
}

void PeoplePart::edit(const PersonEdit &edit)
{
    if (!m_window.session() || m_window.session()->library().isReadOnly())
        return;
    m_window.undoStack()->push(new PersonEditCommand(
        edit,
        [this]() -> Library * {
            LibrarySession *session = m_window.session();
            return session ? &session->library() : nullptr;
        },
        [this](const Result<void> &done) {
            if (!done)
                m_window.feedback().warn(&m_window, tr("People"), done.error().message());
            reload();
        }));
}

} // namespace dubao
