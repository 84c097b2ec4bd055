#include "app/shell/teamchangelistener.h"

#include "app/annotations/annotationcontroller.h"
#include "app/annotations/annotationdocument.h"
#include "app/shell/librarysession.h"
#include "app/shell/mainwindow.h"
#include "core/store/changelistener.h"

#include <QApplication>
#include <QLoggingCategory>
#include <QPlainTextEdit>
#include <QStatusBar>
#include <QTextEdit>
#include <QTimer>

namespace dubao {

Q_LOGGING_CATEGORY(lcTeamChanges, "dubao.app.teamchanges")

TeamChangeListener::TeamChangeListener(MainWindow &window)
    : QObject(&window)
    , m_window(window)
    , m_listener(new ChangeListener(this))
    , m_coalesce(new QTimer(this))
    , m_whileTyping(new QTimer(this))
{
    m_whileTyping->setInterval(300);
    connect(m_whileTyping, &QTimer::timeout, this, &TeamChangeListener::reloadAnnotationsWhenNotTyping);
    // Notices that arrive together (a colleague's quick edits, a batch) are applied once: a short wait, far below
    // the second the issue allows.
    m_coalesce->setSingleShot(true);
    m_coalesce->setInterval(50);
    connect(m_coalesce, &QTimer::timeout, this, &TeamChangeListener::applyPending);
    connect(m_listener, &ChangeListener::changed, this, &TeamChangeListener::onChanged);
    connect(m_listener, &ChangeListener::reconnected, this, [this] {
        // Notices sent while the connection was away are lost: read everything again.
        changes::ChangeNotice everything;
        everything.kinds = {QStringLiteral("issue"), QStringLiteral("tag"), QStringLiteral("notebook")};
        everything.manyArticles = everything.manyIssues = true;
        m_pending.append(everything);
        m_coalesce->start();
    });
}

TeamChangeListener::~TeamChangeListener() = default;

void TeamChangeListener::follow()
{
    stop();
    LibrarySession *session = m_window.session();
    if (!session || !session->isTeamLibrary())
        return;
    if (Result<void> listening = m_listener->listen(session->library()); !listening)
        qCWarning(lcTeamChanges).noquote() << listening.error().message();
}

void TeamChangeListener::stop()
{
    m_listener->stop();
    m_coalesce->stop();
    m_whileTyping->stop();
    m_pending.clear();
}

bool TeamChangeListener::isListening() const
{
    return m_listener->isListening();
}

void TeamChangeListener::onChanged(const changes::ChangeNotice &notice)
{
    m_pending.append(notice);
    if (!m_coalesce->isActive())
        m_coalesce->start();
}

QString TeamChangeListener::describe(const changes::ChangeNotice &notice, const QString &title)
{
    const QString &who = notice.user;
    const auto added = [&notice](const char *kind) {
        return notice.added.contains(QLatin1String(kind));
    };
    if (notice.has(QStringLiteral("issue")))
        return added("issue") ? tr("%1 imported issues into the library").arg(who)
                              : tr("%1 changed issues of the library").arg(who);
    // Deletions only (a note deleted, a tag taken off), named since the notice names their article.
    const auto onlyDeleted = [&notice](const char *kind) {
        return notice.deleted.contains(QLatin1String(kind)) && !notice.added.contains(QLatin1String(kind));
    };
    if (!title.isEmpty() && !notice.has(QStringLiteral("issue"))) {
        if (onlyDeleted("correction"))
            return tr("%1 removed a correction of “%2”").arg(who, title);
        if (onlyDeleted("note"))
            return tr("%1 deleted a note on “%2”").arg(who, title);
        if (onlyDeleted("highlight"))
            return tr("%1 removed a highlight in “%2”").arg(who, title);
        if (onlyDeleted("tag") && notice.kinds == QStringList{QStringLiteral("tag")})
            return tr("%1 removed a tag from “%2”").arg(who, title);
    }
    if (notice.has(QStringLiteral("correction")))
        return title.isEmpty() ? tr("%1 corrected the text of an article").arg(who)
                               : tr("%1 corrected the text of “%2”").arg(who, title);
    if (notice.has(QStringLiteral("note")))
        return title.isEmpty() ? tr("%1 changed notes").arg(who)
               : added("note") ? tr("%1 added a note to “%2”").arg(who, title)
                               : tr("%1 changed notes on “%2”").arg(who, title);
    if (notice.has(QStringLiteral("highlight")))
        return title.isEmpty()      ? tr("%1 changed highlights").arg(who)
               : added("highlight") ? tr("%1 highlighted text in “%2”").arg(who, title)
                                    : tr("%1 changed highlights in “%2”").arg(who, title);
    if (notice.has(QStringLiteral("tag")))
        return title.isEmpty() ? tr("%1 changed tags").arg(who) : tr("%1 tagged “%2”").arg(who, title);
    if (notice.has(QStringLiteral("notebook")))
        return tr("%1 changed a notebook").arg(who);
    return tr("%1 changed the library").arg(who);
}

void TeamChangeListener::applyPending()
{
    LibrarySession *session = m_window.session();
    const QList<changes::ChangeNotice> notices = std::exchange(m_pending, {});
    if (!session || notices.isEmpty())
        return;
    const qint64 shown = m_window.currentArticleId();
    bool annotations = false;
    bool text = false; // the shown article's text may have changed
    bool tree = false;
    for (const changes::ChangeNotice &notice : notices) {
        for (const QString &kind : notice.kinds) {
            if (kind == QLatin1String("issue")) {
                tree = true;
                text = text || (shown > 0 && notice.touchesArticle(shown));
            } else if (kind == QLatin1String("correction")) {
                text = text || (shown > 0 && notice.touchesArticle(shown));
                annotations = true; // the Corrections list
            } else {
                annotations = true; // the panels list every article's: any change may show in them
            }
        }
    }
    // The window's own import writes on a worker's connection and reloads the tree when it ends.
    if (tree && !m_window.isImporting())
        m_window.reloadTree();
    if (text)
        m_window.reloadLibrary();
    if (annotations)
        reloadAnnotationsWhenNotTyping();

    const changes::ChangeNotice &last = notices.constLast();
    if (last.user.isEmpty())
        return; // (a reconnection: nothing to say)
    QString title;
    if (!last.manyArticles && last.articleIds.size() == 1)
        if (const std::optional<Article> article =
                session->issues().article(last.articleIds.front(), IssueRepository::RawText::Skipped))
            title = article->title.isEmpty() ? tr("untitled article") : article->title;
    m_lastMessage = describe(last, title);
    m_window.statusBar()->showMessage(m_lastMessage, 6000);
    for (const changes::ChangeNotice &notice : notices)
        emit applied(notice);
}

void TeamChangeListener::reloadAnnotationsWhenNotTyping()
{
    const QWidget *focus = QApplication::focusWidget();
    const auto *plain = qobject_cast<const QPlainTextEdit *>(focus);
    const auto *rich = qobject_cast<const QTextEdit *>(focus);
    if ((plain && !plain->isReadOnly()) || (rich && !rich->isReadOnly())) {
        m_whileTyping->start();
        return;
    }
    m_whileTyping->stop();
    if (m_window.session() && m_window.annotations())
        m_window.annotations()->document().reload();
}

} // namespace dubao
