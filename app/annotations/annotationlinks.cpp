#include "app/annotations/annotationlinks.h"

#include "app/annotations/annotationdocument.h"
#include "app/reader/readerview.h"
#include "app/shell/librarysession.h"
#include "app/shell/mainwindow.h"

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

bool AnnotationLinks::open(const QUrl &url) const
{
    if (url.isLocalFile())
        return m_window->importPaths({url.toLocalFile()});
    if (url.scheme() != QLatin1String("dubao") || !bound())
        return false;
    bool ok = false;
    const qint64 id = url.path().mid(1).toLongLong(&ok);
    if (!ok || id <= 0)
        return false;
    const QString kind = url.host();
    if (kind == QLatin1String("article"))
        return m_window->showArticle(id);
    if (kind != QLatin1String("block"))
        return false;
    const qint64 article = articleOfBlock(id);
    if (article <= 0 || !m_window->showArticle(article))
        return false;
    ReaderView *reader = m_window->reader();
    const QUrlQuery query(url);
    bool hasStart = false;
    bool hasEnd = false;
    const int start = query.queryItemValue(QStringLiteral("start")).toInt(&hasStart);
    const int end = query.queryItemValue(QStringLiteral("end")).toInt(&hasEnd);
    if (hasStart && hasEnd && end > start)
        reader->selectSpan(TextSpan{id, start, end});
    else
        reader->scrollToBlock(id);
    reader->flashBlock(id);
    reader->setFocus(Qt::OtherFocusReason);
    return true;
}

} // namespace dubao
