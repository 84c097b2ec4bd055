// Finding stored articles by what another program knows of them: a headline, an opening paragraph. For the
// exchange formats read back into a library (REFI-QDA, core/export/qdpximporter.h), whose sources name articles
// by text, not by id.
#pragma once

#include <QList>
#include <QString>

namespace dubao {

class Library;

struct ArticleCandidate
{
    qint64 articleId = 0;
    qint64 issueId = 0;
    QByteArray uid{};
    QString title{};
    QList<qint64> blockIds{}; ///< in reading order
    QStringList paragraphs{}; ///< the blocks' text in reading order
};

class ArticleLookup final
{
public:
    /// @warning uses `library`'s connection: call on the thread that opened it.
    explicit ArticleLookup(Library &library);

    /// The articles whose headline is `title` exactly, by id.
    QList<ArticleCandidate> byTitle(const QString &title) const;
    /// The articles whose first paragraph is `text` exactly, by id (a scan of the paragraphs: for a source
    /// whose headline another program changed).
    QList<ArticleCandidate> byOpeningParagraph(const QString &text) const;

private:
    QList<ArticleCandidate> load(const QString &sql, const QString &value) const;

    Library &m_library;
};

} // namespace dubao
