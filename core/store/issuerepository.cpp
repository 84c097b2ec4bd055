// SQL that reads issues, articles, reporters and blocks (schema in docs/schema.md); the writes are in
// issuewrites.cpp.
#include "core/store/issuerepository.h"

#include "core/parse/issuefile.h"
#include "core/store/dialect.h"
#include "core/store/issuerows.h"
#include "core/store/library.h"
#include "core/store/sourcebytes.h"
#include "core/store/sourcelines.h"
#include "core/store/sql.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <span>

namespace dubao {

namespace {

/// sql::select(), a failure logged as `what`: a read that fails gives nothing back rather than an error.
bool read(QSqlQuery &query, const char *what, const QString &sql, const QVariantList &values = {})
{
    if (const Result<void> selected = sql::select(query, sql, values); !selected) {
        qCWarning(lcStore).noquote() << what << selected.error().message();
        return false;
    }
    return true;
}

/// The id in the first row, if there is one.
std::optional<qint64> readId(QSqlDatabase db, const char *what, const QString &sql, const QVariantList &values)
{
    QSqlQuery query(db);
    if (!read(query, what, sql, values) || !query.next())
        return std::nullopt;
    return query.value(0).toLongLong();
}

QStringList fromJson(const QString &json)
{
    QStringList list;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    list.reserve(array.size());
    for (const QJsonValue &value : array)
        list.append(value.toString());
    return list;
}

QDate dateFromValue(const QVariant &value)
{
    return value.isNull() ? QDate() : QDate::fromString(value.toString(), Qt::ISODate);
}

/// Reads the columns "date, date_inferred, month, day, date_alternatives" of issues from `column` on.
void readIssueDate(const QSqlQuery &query, int column, IssueInfo &info)
{
    info.date = dateFromValue(query.value(column));
    info.dateInferred = query.value(column + 1).toInt() != 0;
    info.month = query.value(column + 2).toInt();
    info.day = query.value(column + 3).toInt();
    info.yearAlternatives = yearAlternativesFrom(query.value(column + 4));
}

/// An issue with its publication p and its source file s.
const char *const kIssueJoins = "FROM issues i LEFT JOIN publications p ON p.id = i.publication_id "
                                "JOIN source_files s ON s.id = i.source_file_id";
const char *const kIssueInfoColumns = "p.name, i.date, i.date_inferred, i.month, i.day, i.date_alternatives";

/// Reads kIssueInfoColumns from `column` on.
void readIssueInfo(const QSqlQuery &query, int column, IssueInfo &info)
{
    info.publication = query.value(column).toString();
    readIssueDate(query, column + 1, info);
}

/// Reads the columns "id, kicker, title, subtitles" of articles from `column` on.
ArticleSummary articleSummaryFromQuery(const QSqlQuery &query, int column)
{
    ArticleSummary summary;
    summary.id = query.value(column).toLongLong();
    summary.kicker = query.value(column + 1).toString();
    summary.title = query.value(column + 2).toString();
    summary.subtitles = fromJson(query.value(column + 3).toString());
    return summary;
}

/// Fills in the raw text of blocks stored as '' from the source bytes of issue `issueId`.
void fillRawFromSource(QSqlDatabase &db, qint64 issueId, std::span<Article> articles)
{
    const auto derived = [](const Article &a) {
        return std::any_of(a.blocks.cbegin(), a.blocks.cend(), [](const Block &b) { return b.raw.isEmpty(); });
    };
    if (std::none_of(articles.begin(), articles.end(), derived))
        return;
    QSqlQuery query(db);
    if (!read(query, "cannot read the source text:",
              QStringLiteral("SELECT c.codec, c.bytes FROM issues i JOIN source_contents c "
                             "ON c.source_file_id = i.source_file_id WHERE i.id = ?"),
              {issueId}))
        return;
    if (!query.next()) {
        qCWarning(lcStore).noquote() << "no source text stored for issue" << issueId;
        return;
    }
    const std::optional<QByteArray> bytes = sourcebytes::unpack(query.value(0), query.value(1).toByteArray());
    if (!bytes)
        qCWarning(lcStore).noquote() << "the source text stored for issue" << issueId << "is damaged";
    const DecodedText decoded = decodeIssueBytes(bytes.value_or(QByteArray()));
    const SourceLines source(decoded.ok ? decoded.text : QString());
    for (Article &article : articles) {
        for (Block &block : article.blocks) {
            if (!block.raw.isEmpty())
                continue;
            if (const auto lines = source.lines(block.firstLine, block.lastLine))
                block.raw = lines->toString();
        }
    }
}

const char *const kArticleColumns = "a.id, a.kicker, a.title, a.subtitles, a.has_byline, a.byline_source, "
                                    "a.byline_date, a.byline_raw, a.first_line, a.last_line, a.page, a.page_name";

/// Reads the columns of kArticleColumns starting at `column` (reporters and blocks are added later).
Article articleFromQuery(const QSqlQuery &query, int column = 0)
{
    Article article;
    article.id = query.value(column).toLongLong();
    article.kicker = query.value(column + 1).toString();
    article.title = query.value(column + 2).toString();
    article.subtitles = fromJson(query.value(column + 3).toString());
    if (query.value(column + 4).toInt() != 0) {
        Byline byline;
        byline.source = query.value(column + 5).toString();
        byline.date = query.value(column + 6).toString();
        byline.raw = query.value(column + 7).toString();
        article.byline = byline;
    }
    article.firstLine = query.value(column + 8).toInt();
    article.lastLine = query.value(column + 9).toInt();
    article.page = query.value(column + 10).toString();
    article.pageName = query.value(column + 11).toString();
    return article;
}

const char *const kBlockColumns = "b.id, b.kind, b.text, b.raw, b.first_line, b.last_line";

Block blockFromQuery(const QSqlQuery &query, int column = 0)
{
    Block block;
    block.id = query.value(column).toLongLong();
    const QString kind = query.value(column + 1).toString();
    block.kind = blockKindFromName(kind).value_or(BlockKind::Body);
    block.text = query.value(column + 2).toString();
    block.raw = query.value(column + 3).toString();
    block.firstLine = query.value(column + 4).toInt();
    block.lastLine = query.value(column + 5).toInt();
    return block;
}

} // namespace

std::optional<qint64> IssueRepository::findBySha256(const QString &sha256) const
{
    return readId(m_library.database(), "findBySha256:",
                  QStringLiteral("SELECT i.id FROM issues i JOIN source_files s ON s.id = i.source_file_id "
                                 "WHERE s.sha256 = ?"),
                  {sha256.toLower()});
}

QList<IssueSummary> IssueRepository::listIssues(Listing listing) const
{
    QList<IssueSummary> issues;
    QSqlDatabase db = m_library.database();
    QSqlQuery query(db);
    // Dated issues first by date; issues without a year after them by month and day (unknown last).
    if (!read(query, "listIssues:",
              QStringLiteral("SELECT i.id, %1, s.path %2 "
                             "ORDER BY i.date IS NULL, i.date, i.month = 0, i.month, i.day = 0, i.day, i.id")
                  .arg(QLatin1String(kIssueInfoColumns), QLatin1String(kIssueJoins))))
        return issues;
    QHash<qint64, qsizetype> indexOfIssue;
    while (query.next()) {
        IssueSummary summary;
        summary.id = query.value(0).toLongLong();
        readIssueInfo(query, 1, summary.info);
        summary.sourcePath = query.value(7).toString();
        indexOfIssue.insert(summary.id, issues.size());
        issues.append(summary);
    }
    if (listing == Listing::IssuesOnly || issues.isEmpty())
        return issues;

    // All articles in one query, not one query per issue.
    QSqlQuery articles(db);
    if (!read(articles, "listIssues:",
              QStringLiteral("SELECT issue_id, id, kicker, title, subtitles FROM articles "
                             "ORDER BY issue_id, position")))
        return issues;
    while (articles.next()) {
        const auto index = indexOfIssue.constFind(articles.value(0).toLongLong());
        if (index == indexOfIssue.cend())
            continue;
        issues[*index].articles.append(articleSummaryFromQuery(articles, 1));
    }
    return issues;
}

QList<IssueSummary> IssueRepository::issueDates() const
{
    QList<IssueSummary> issues;
    QSqlDatabase db = m_library.database();
    QHash<qint64, QString> publications;
    QSqlQuery query(db);
    if (!read(query, "issueDates:", QStringLiteral("SELECT id, name FROM publications")))
        return issues;
    while (query.next())
        publications.insert(query.value(0).toLongLong(), query.value(1).toString());
    // No join and no sort (id order is the table's own): ordering 20,000 rows by expressions costs SQLite more
    // than the caller's sort.
    if (!read(
            query, "issueDates:",
            QStringLiteral("SELECT id, publication_id, date, date_inferred, month, day, date_alternatives FROM issues "
                           "ORDER BY id")))
        return issues;
    while (query.next()) {
        IssueSummary summary;
        summary.id = query.value(0).toLongLong();
        const QVariant publication = query.value(1);
        if (!publication.isNull())
            summary.info.publication = publications.value(publication.toLongLong());
        readIssueDate(query, 2, summary.info);
        issues.append(summary);
    }
    return issues;
}

QString IssueRepository::sourcePath(qint64 issueId) const
{
    QSqlQuery query(m_library.database());
    if (!read(query, "sourcePath:",
              QStringLiteral("SELECT s.path FROM issues i JOIN source_files s ON s.id = i.source_file_id "
                             "WHERE i.id = ?"),
              {issueId}))
        return {};
    return query.next() ? query.value(0).toString() : QString();
}

std::optional<Article> IssueRepository::article(qint64 articleId, RawText raw) const
{
    QSqlDatabase db = m_library.database();
    QSqlQuery query(db);
    if (!read(query, "article:",
              QStringLiteral("SELECT %1 FROM articles a WHERE a.id = ?").arg(QLatin1String(kArticleColumns)),
              {articleId}))
        return std::nullopt;
    if (!query.next())
        return std::nullopt;
    Article article = articleFromQuery(query);
    query.finish();

    if (article.byline) {
        QSqlQuery reporters(db);
        if (!read(reporters, "article:",
                  QStringLiteral("SELECT r.name FROM article_reporters ar JOIN reporters r "
                                 "ON r.id = ar.reporter_id WHERE ar.article_id = ? ORDER BY ar.position"),
                  {articleId}))
            return std::nullopt;
        while (reporters.next())
            article.byline->reporters.append(reporters.value(0).toString());
    }

    QSqlQuery blocks(db);
    if (!read(blocks, "article:",
              QStringLiteral("SELECT %1 FROM blocks b WHERE b.article_id = ? ORDER BY b.position")
                  .arg(QLatin1String(kBlockColumns)),
              {articleId}))
        return std::nullopt;
    while (blocks.next())
        article.blocks.append(blockFromQuery(blocks));
    blocks.finish();
    if (raw == RawText::Skipped)
        return article;
    if (const auto issueId = issueIdOfArticle(articleId))
        fillRawFromSource(db, *issueId, std::span<Article>(&article, 1));
    return article;
}

QHash<qint64, Article> IssueRepository::articles(const QList<qint64> &articleIds) const
{
    QHash<qint64, Article> result;
    if (articleIds.isEmpty())
        return result;
    QSqlDatabase db = m_library.database();
    // The ids as one bound JSON array (dialect::idsFromJson): one statement, however many.
    QStringList ids;
    ids.reserve(articleIds.size());
    for (const qint64 id : articleIds)
        ids.append(QString::number(id));
    const QVariant idArray = QString(u'[' + ids.join(u',') + u']');
    const QString idSet = dialect::idsFromJson(db);
    QSqlQuery query(db);
    if (!read(query, "articles:",
              QStringLiteral("SELECT %1 FROM articles a WHERE a.id IN (%2)").arg(QLatin1String(kArticleColumns), idSet),
              {idArray}))
        return result;
    while (query.next()) {
        Article article = articleFromQuery(query);
        result.insert(article.id, std::move(article));
    }
    query.finish();
    QSqlQuery reporters(db);
    if (!read(reporters, "articles:",
              QStringLiteral("SELECT ar.article_id, r.name FROM article_reporters ar JOIN reporters r ON r.id = "
                             "ar.reporter_id WHERE ar.article_id IN (%1) ORDER BY ar.article_id, ar.position")
                  .arg(idSet),
              {idArray}))
        return {};
    while (reporters.next()) {
        const auto it = result.find(reporters.value(0).toLongLong());
        if (it != result.end() && it->byline)
            it->byline->reporters.append(reporters.value(1).toString());
    }
    reporters.finish();
    QSqlQuery blocks(db);
    if (!read(blocks, "articles:",
              QStringLiteral(
                  "SELECT b.article_id, %1 FROM blocks b WHERE b.article_id IN (%2) ORDER BY b.article_id, b.position")
                  .arg(QLatin1String(kBlockColumns), idSet),
              {idArray}))
        return {};
    while (blocks.next()) {
        Block block = blockFromQuery(blocks, 1);
        const auto it = result.find(blocks.value(0).toLongLong());
        if (it != result.end())
            it->blocks.append(std::move(block));
    }
    return result;
}

std::optional<StoredIssue> IssueRepository::issue(qint64 issueId) const
{
    QSqlDatabase db = m_library.database();
    QSqlQuery query(db);
    if (!read(query, "issue:",
              QStringLiteral("SELECT %1, s.path, s.sha256, s.encoding, i.date_evidence %2 WHERE i.id = ?")
                  .arg(QLatin1String(kIssueInfoColumns), QLatin1String(kIssueJoins)),
              {issueId}))
        return std::nullopt;
    if (!query.next())
        return std::nullopt;
    StoredIssue stored;
    stored.id = issueId;
    readIssueInfo(query, 0, stored.parsed.issue);
    stored.parsed.source.path = query.value(6).toString();
    stored.parsed.source.sha256 = query.value(7).toString();
    stored.parsed.source.encoding = query.value(8).toString();
    stored.parsed.issue.yearEvidence = yearEvidenceFrom(query.value(9));
    query.finish();

    // Three queries for the whole issue: articles, their reporters, their blocks.
    QSqlQuery articles(db);
    if (!read(articles, "issue:",
              QStringLiteral("SELECT %1 FROM articles a WHERE a.issue_id = ? ORDER BY a.position")
                  .arg(QLatin1String(kArticleColumns)),
              {issueId}))
        return std::nullopt;
    QHash<qint64, qsizetype> indexOfArticle;
    while (articles.next()) {
        Article article = articleFromQuery(articles);
        indexOfArticle.insert(article.id, stored.parsed.articles.size());
        stored.parsed.articles.append(article);
    }

    QSqlQuery reporters(db);
    if (!read(reporters, "issue:",
              QStringLiteral("SELECT ar.article_id, r.name FROM article_reporters ar "
                             "JOIN articles a ON a.id = ar.article_id "
                             "JOIN reporters r ON r.id = ar.reporter_id "
                             "WHERE a.issue_id = ? ORDER BY ar.article_id, ar.position"),
              {issueId}))
        return std::nullopt;
    while (reporters.next()) {
        const auto index = indexOfArticle.constFind(reporters.value(0).toLongLong());
        if (index != indexOfArticle.cend() && stored.parsed.articles[*index].byline)
            stored.parsed.articles[*index].byline->reporters.append(reporters.value(1).toString());
    }

    QSqlQuery blocks(db);
    if (!read(blocks, "issue:",
              QStringLiteral("SELECT b.article_id, %1 FROM blocks b JOIN articles a ON a.id = b.article_id "
                             "WHERE a.issue_id = ? ORDER BY b.article_id, b.position")
                  .arg(QLatin1String(kBlockColumns)),
              {issueId}))
        return std::nullopt;
    while (blocks.next()) {
        const auto index = indexOfArticle.constFind(blocks.value(0).toLongLong());
        if (index != indexOfArticle.cend())
            stored.parsed.articles[*index].blocks.append(blockFromQuery(blocks, 1));
    }
    blocks.finish();
    fillRawFromSource(db, issueId, stored.parsed.articles);
    return stored;
}

std::optional<qint64> IssueRepository::issueIdOfArticle(qint64 articleId) const
{
    return readId(m_library.database(),
                  "issueIdOfArticle:", QStringLiteral("SELECT issue_id FROM articles WHERE id = ?"), {articleId});
}

QList<ArticleSummary> IssueRepository::articleSummaries(qint64 issueId) const
{
    QList<ArticleSummary> summaries;
    QSqlQuery query(m_library.database());
    // Served by the articles(issue_id, position) unique index, in order.
    if (!read(query, "articleSummaries:",
              QStringLiteral("SELECT id, kicker, title, subtitles FROM articles WHERE issue_id = ? ORDER BY position"),
              {issueId}))
        return summaries;
    while (query.next())
        summaries.append(articleSummaryFromQuery(query, 0));
    return summaries;
}

int IssueRepository::issueCount() const
{
    return sql::scalar(m_library.database(), QStringLiteral("SELECT count(*) FROM issues")).toInt();
}

int IssueRepository::articleCount() const
{
    return sql::scalar(m_library.database(), QStringLiteral("SELECT count(*) FROM articles")).toInt();
}

} // namespace dubao
