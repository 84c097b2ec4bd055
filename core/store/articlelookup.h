// Finding stored articles by what another program knows of them: a headline, an opening paragraph. For the
// exchange formats read back into a library (REFI-QDA, core/export/qdpximporter.h), whose sources name articles
// by text, not by id.
#pragma once

#include <QList>
#include <QString>
#include <QVariant>

#include <utility>

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

    /// The article `articleId` (none when it is not stored).
    QList<ArticleCandidate> byId(qint64 articleId) const;
    /// Every article's uid with its id: to match many sources at once by a name derived from the uid.
    QList<std::pair<QByteArray, qint64>> uids() const;

private:
    QList<ArticleCandidate> load(const QString &sql, const QVariant &value) const;

    Library &m_library;
};

} // namespace dubao
