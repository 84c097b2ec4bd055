#include "app/annotations/annotationlinks.h"

#include "app/annotations/annotationdocument.h"
#include "app/reader/readerview.h"
#include "app/shell/librarysession.h"
#include "app/shell/mainwindow.h"
#include "core/store/linkresolver.h"

#include <QStatusBar>
#include <QUrlQuery>

namespace dubao {

AnnotationLinks::AnnotationLinks(MainWindow *window, const AnnotationDocument &document)
    : m_window(window)
    , m_document(document)
{}

QUrl AnnotationLinks::blockLink(qint64 blockId, int start, int end)
{
    QUrl url(QStringLiteral("dubao://block/%1").arg(blockId));
    if (end > start) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("start"), QString::number(start));
        query.addQueryItem(QStringLiteral("end"), QString::number(end));
        url.setQuery(query);
    }
    return url;
}

QUrl AnnotationLinks::articleLink(qint64 articleId)
{
    return QUrl(QStringLiteral("dubao://article/%1").arg(articleId));
}

bool AnnotationLinks::bound() const
{
    // Between MainWindow switching sessions and libraryOpened the document still points at the old library.
    return m_window->session() && m_document.library() == &m_window->session()->library();
}

qint64 AnnotationLinks::articleOfBlock(qint64 blockId) const
{
    if (!bound() || blockId <= 0)
        return 0;
    // The anchor of the paragraph's first character names its issue and its article's position there.
    const Result<TextAnchor> anchor = m_document.annotations().anchorFor(blockId, 0, 1);
    if (!anchor || anchor->issueId <= 0)
        return 0;
    const auto issue = m_window->session()->issues().issue(anchor->issueId);
    if (!issue)
        return 0;
    for (const Article &article : issue->parsed.articles)
        for (const Block &block : article.blocks)
            if (block.id == blockId)
                return article.id;
    return 0;
}

// Opens dubao://block/… and dubao://article/… links, by uid (what exports write) or by id, through the core's
// resolver: a link to a paragraph a re-parse split, joined or removed opens where its text went, and says so.
bool AnnotationLinks::open(const QUrl &url) const
{
    if (url.isLocalFile())
        return m_window->importPaths({url.toLocalFile()});
    if (url.scheme() != QLatin1String("dubao") || !bound())
        return false;
    const Result<ResolvedLink> resolved = LinkResolver(m_window->session()->library()).resolve(url.toString());
    if (!resolved)
        return false;
    const QString note =
        resolved->status == ResolvedLink::Status::Current ? QString() : LinkResolver::describe(*resolved);
    if (!resolved->found() || resolved->articleId <= 0 || !m_window->showArticle(resolved->articleId)) {
        if (!note.isEmpty())
            m_window->statusBar()->showMessage(note, 8000);
        return false;
    }
    if (!note.isEmpty())
        m_window->statusBar()->showMessage(note, 8000);
    if (resolved->kind == DubaoLink::Kind::Article)
        return true;
    const qint64 block = resolved->blockId;
    ReaderView *reader = m_window->reader();
    const std::optional<DubaoLink> link = DubaoLink::parse(url.toString());
    // A span's offsets hold only in the paragraph the link was made for.
    if (link && link->end > link->start && link->start >= 0 && resolved->status == ResolvedLink::Status::Current)
        reader->selectSpan(TextSpan{block, link->start, link->end});
    else
        reader->scrollToBlock(block);
    reader->flashBlock(block);
    reader->setFocus(Qt::OtherFocusReason);
    return true;
}

} // namespace dubao
