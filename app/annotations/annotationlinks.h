// Links to what the library holds, opened in the window: dubao://block/ID[?start=N&end=M] (a paragraph, a span
// of it selected) and dubao://article/ID; a file:// link is imported. How a link names a paragraph is decided
// here alone.
#pragma once

#include <QUrl>

namespace dubao {

class AnnotationDocument;
class MainWindow;

class AnnotationLinks final
{
    Q_DISABLE_COPY_MOVE(AnnotationLinks)

public:
    AnnotationLinks(MainWindow *window, const AnnotationDocument &document);

    /// The link to a paragraph; with `end` > `start`, to that span of it.
    static QUrl blockLink(qint64 blockId, int start = 0, int end = 0);
    /// The link to an article.
    static QUrl articleLink(qint64 articleId);

    /// Shows the article, scrolls to and flashes the paragraph (selects the span when given). False for an
    /// unknown or malformed link.
    bool open(const QUrl &url) const;
    /// The article a paragraph belongs to (0 when unknown).
    qint64 articleOfBlock(qint64 blockId) const;

private:
    bool bound() const;

    MainWindow *m_window;
    const AnnotationDocument &m_document;
};

} // namespace dubao
