// Documents for the text-reuse tests and the scorer: each becomes one issue of one article (one block per
// paragraph) in a library, stored behind the parser (IssueRepository), so a test says exactly what the text is.
#pragma once

#include "core/model/issue.h"
#include "core/store/issuerepository.h"
#include "core/store/library.h"
#include "core/store/sql.h"

#include <QCryptographicHash>
#include <QDate>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

namespace dubao::test {

struct ReuseDocument
{
    QString name; ///< unique: it makes the issue's made-up SHA-256
    QDate date;
    QStringList paragraphs;
    QString publication = QStringLiteral("测试日报");
};

/// `n` Han characters made from `seed` (common characters, so that no two seeds share a long run by chance).
inline QString hanText(quint32 seed, int n)
{
    QRandomGenerator random(seed);
    QString s;
    for (int k = 0; k < n; ++k)
        s += QChar(char16_t(0x4E00 + random.bounded(0x5000)));
    return s;
}

/// Stores the document as an issue; gives back its article's id, or 0 on failure.
inline qint64 storeReuseDocument(Library &library, const ReuseDocument &document)
{
    ParsedIssue issue;
    issue.source.sha256 =
        QString::fromLatin1(QCryptographicHash::hash(document.name.toUtf8(), QCryptographicHash::Sha256).toHex());
    issue.source.path = QStringLiteral("/nowhere/%1.txt").arg(document.name);
    issue.source.encoding = QStringLiteral("UTF-8");
    issue.issue.publication = document.publication;
    issue.issue.date = document.date;
    issue.issue.month = document.date.isValid() ? document.date.month() : 0;
    issue.issue.day = document.date.isValid() ? document.date.day() : 0;
    Article article;
    article.title = document.name;
    int line = 1;
    for (const QString &paragraph : document.paragraphs) {
        Block block;
        block.kind = BlockKind::Body;
        block.text = paragraph;
        block.raw = paragraph;
        block.firstLine = block.lastLine = ++line;
        article.blocks.append(block);
    }
    article.firstLine = 1;
    article.lastLine = line;
    issue.articles = {article};
    const Result<qint64> issueId = IssueRepository(library).insert(issue);
    if (!issueId)
        return 0;
    return sql::scalar(library.database(), QStringLiteral("SELECT id FROM articles WHERE issue_id = ?"), {*issueId})
        .toLongLong();
}

} // namespace dubao::test
