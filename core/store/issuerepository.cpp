// SQL for issues, articles, reporters and blocks (schema in docs/schema.md).
#include "core/store/issuerepository.h"

#include "core/parse/issuefile.h"
#include "core/store/library.h"
#include "core/store/sql.h"

#include <QDateTime>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <span>

namespace dubao {

namespace {

QString nowUtc()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString toJson(const QStringList &list)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
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

/// Qt binds a null QString as SQL NULL; NOT NULL text columns get '' instead.
QString notNull(const QString &text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

/// NULL for an empty string, so optional columns read back as "not given".
QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : QVariant(text);
}

QVariant dateValue(const QDate &date)
{
    return date.isValid() ? QVariant(date.toString(Qt::ISODate)) : QVariant(QMetaType(QMetaType::QString));
}

QDate dateFromValue(const QVariant &value)
{
    return value.isNull() ? QDate() : QDate::fromString(value.toString(), Qt::ISODate);
}

/// The lines of an issue's source text, by number: a block's raw text is stored as '' when it is exactly its
/// lines first_line..last_line joined with '\n' (nearly always), and read back from the source bytes the
/// library keeps, instead of storing the same text twice.
class SourceLines final
{
public:
    explicit SourceLines(const QString &text)
        : m_text(text)
    {
        if (text.isEmpty())
            return;
        m_starts.append(0);
        const QChar *data = text.constData();
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (data[i] == u'\n')
                m_starts.append(i + 1);
        }
    }

    bool isEmpty() const { return m_starts.isEmpty(); }

    /// Lines first..last (1-based) joined with '\n'; nullopt when out of range.
    std::optional<QStringView> lines(int first, int last) const
    {
        if (first < 1 || last < first || last > m_starts.size())
            return std::nullopt;
        const qsizetype begin = m_starts[first - 1];
        const qsizetype end = last < m_starts.size() ? m_starts[last] - 1 : m_text.size();
        return QStringView(m_text).mid(begin, end - begin);
    }

private:
    QString m_text;
    QList<qsizetype> m_starts;
};

/// Fills in the raw text of blocks stored as '' from the source bytes of issue `issueId`.
void fillRawFromSource(QSqlDatabase &db, qint64 issueId, std::span<Article> articles)
{
    const auto derived = [](const Article &a) {
        return std::any_of(a.blocks.cbegin(), a.blocks.cend(), [](const Block &b) { return b.raw.isEmpty(); });
    };
    if (std::none_of(articles.begin(), articles.end(), derived))
        return;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT c.bytes FROM issues i JOIN source_contents c "
                                 "ON c.source_file_id = i.source_file_id WHERE i.id = ?"));
    query.bindValue(0, issueId);
    if (!query.exec() || !query.next()) {
        qCWarning(lcStore).noquote() << "cannot read the source text of issue" << issueId << query.lastError().text();
        return;
    }
    const DecodedText decoded = decodeIssueBytes(query.value(0).toByteArray());
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

/// Prepares one of insert()'s statements, to be run many times by run().
Result<void> prepare(QSqlQuery &query, const QString &sql)
{
    if (query.prepare(sql))
        return {};
    qCWarning(lcStore).noquote() << "cannot prepare" << sql << query.lastError().text();
    return Error(sql::Store::tr("cannot store: %1").arg(query.lastError().text()));
}

Result<void> run(QSqlQuery &query)
{
    if (query.exec())
        return {};
    return Error(sql::Store::tr("cannot store: %1").arg(query.lastError().text()));
}

/// Publication id for a name, creating the row on demand; NULL for an empty name.
class PublicationIds
{
public:
    Result<void> prepare(QSqlDatabase &db)
    {
        m_insert = QSqlQuery(db);
        m_select = QSqlQuery(db);
        m_select.setForwardOnly(true);
        if (Result<void> prepared =
                dubao::prepare(m_insert, QStringLiteral("INSERT OR IGNORE INTO publications (name) VALUES (?)"));
            !prepared)
            return prepared;
        return dubao::prepare(m_select, QStringLiteral("SELECT id FROM publications WHERE name = ?"));
    }
    Result<QVariant> idFor(const QString &name)
    {
        if (name.isEmpty())
            return QVariant(QMetaType(QMetaType::LongLong));
        m_insert.bindValue(0, name);
        if (Result<void> inserted = run(m_insert); !inserted)
            return inserted.error();
        m_select.bindValue(0, name);
        if (Result<void> selected = run(m_select); !selected)
            return selected.error();
        if (!m_select.next())
            return Error(sql::Store::tr("cannot store: %1").arg(QStringLiteral("publication not found after insert")));
        const QVariant id = m_select.value(0);
        m_select.finish();
        return id;
    }

private:
    QSqlQuery m_insert;
    QSqlQuery m_select;
};

} // namespace

/// The statements insert() runs, prepared on its first call and reused by every later one: an import of
/// thousands of files would otherwise spend a good part of its time compiling the same SQL (and the index
/// triggers with it) again for each file.
struct IssueRepository::InsertStatements
{
    PublicationIds publications;
    QSqlQuery insertSource;
    QSqlQuery insertSourceBytes;
    QSqlQuery insertIssue;
    QSqlQuery insertArticle;
    QSqlQuery insertReporter;
    QSqlQuery selectReporter;
    QSqlQuery insertArticleReporter;
    QSqlQuery insertBlock;

    Result<void> prepare(QSqlDatabase &db)
    {
        const std::pair<QSqlQuery *, const char *> statements[] = {
            {&insertSource,
             "INSERT INTO source_files (path, sha256, encoding, size, imported_at) VALUES (?, ?, ?, ?, ?)"},
            {&insertSourceBytes, "INSERT OR REPLACE INTO source_contents (source_file_id, bytes) VALUES (?, ?)"},
            {&insertIssue, "INSERT INTO issues (publication_id, source_file_id, date, month, day, date_inferred, "
                           "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"},
            {&insertArticle, "INSERT INTO articles (issue_id, position, kicker, title, subtitles, has_byline, "
                             "byline_source, byline_date, byline_raw, first_line, last_line) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"},
            {&insertReporter, "INSERT OR IGNORE INTO reporters (name) VALUES (?)"},
            {&selectReporter, "SELECT id FROM reporters WHERE name = ?"},
            {&insertArticleReporter, "INSERT INTO article_reporters (article_id, position, reporter_id) "
                                     "VALUES (?, ?, ?)"},
            {&insertBlock, "INSERT INTO blocks (article_id, position, kind, text, raw, first_line, last_line) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)"},
        };
        if (Result<void> prepared = publications.prepare(db); !prepared)
            return prepared;
        for (const auto &[query, sql] : statements) {
            *query = QSqlQuery(db);
            query->setForwardOnly(query == &selectReporter);
            if (Result<void> prepared = dubao::prepare(*query, QString::fromUtf8(sql)); !prepared)
                return prepared;
        }
        return {};
    }
};

namespace {

const char *const kArticleColumns = "a.id, a.kicker, a.title, a.subtitles, a.has_byline, a.byline_source, "
                                    "a.byline_date, a.byline_raw, a.first_line, a.last_line";

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

IssueRepository::IssueRepository(Library &library)
    : m_library(library)
{}

IssueRepository::~IssueRepository() = default;

std::optional<qint64> IssueRepository::findBySha256(const QString &sha256) const
{
    QSqlQuery query(m_library.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT i.id FROM issues i JOIN source_files s ON s.id = i.source_file_id "
                                 "WHERE s.sha256 = ?"));
    query.bindValue(0, sha256.toLower());
    if (!query.exec()) {
        qCWarning(lcStore).noquote() << "findBySha256:" << query.lastError().text();
        return std::nullopt;
    }
    if (query.next())
        return query.value(0).toLongLong();
    return std::nullopt;
}

Result<qint64> IssueRepository::insert(const ParsedIssue &issue)
{
    QSqlDatabase db = m_library.database();
    if (!db.isOpen())
        return Error(sql::Store::tr("the library is not open"));

    sql::WriteScope savepoint(db, "insert_issue");
    if (!savepoint.isActive())
        return savepoint.error();

    // Prepared once per repository (and connection), reused for every row of every issue.
    if (!m_statements || m_statementsConnection != db.connectionName()) {
        auto statements = std::make_unique<InsertStatements>();
        if (Result<void> prepared = statements->prepare(db); !prepared)
            return prepared.error();
        m_statements = std::move(statements);
        m_statementsConnection = db.connectionName();
    }
    InsertStatements &st = *m_statements;
    PublicationIds &publications = st.publications;
    QSqlQuery &insertSource = st.insertSource;
    QSqlQuery &insertIssue = st.insertIssue;
    QSqlQuery &insertArticle = st.insertArticle;
    QSqlQuery &insertReporter = st.insertReporter;
    QSqlQuery &selectReporter = st.selectReporter;
    QSqlQuery &insertArticleReporter = st.insertArticleReporter;
    QSqlQuery &insertBlock = st.insertBlock;

    const QString now = nowUtc();
    const QFileInfo sourceInfo(issue.source.path);
    insertSource.bindValue(0, notNull(issue.source.path));
    insertSource.bindValue(1, notNull(issue.source.sha256.toLower()));
    insertSource.bindValue(2, notNull(issue.source.encoding));
    insertSource.bindValue(3, !issue.source.path.isEmpty() && sourceInfo.isFile()
                                  ? QVariant(sourceInfo.size())
                                  : QVariant(QMetaType(QMetaType::LongLong)));
    insertSource.bindValue(4, now);
    if (Result<void> done = run(insertSource); !done)
        return done.error();
    const qint64 sourceId = insertSource.lastInsertId().toLongLong();
    // The original bytes, for re-parsing later (schema v2; core/store/sql.h).
    // The bytes come with the parse; a ParsedIssue built elsewhere (without them) falls back to the file.
    if (issue.source.bytes.isEmpty()) {
        if (Result<void> stored = sql::storeSourceBytesFromFile(db, sourceId, issue.source.path, issue.source.sha256);
            !stored)
            return stored.error();
    } else {
        st.insertSourceBytes.bindValue(0, sourceId);
        st.insertSourceBytes.bindValue(1, issue.source.bytes);
        if (Result<void> done = run(st.insertSourceBytes); !done)
            return done.error();
    }

    const Result<QVariant> publicationId = publications.idFor(issue.issue.publication);
    if (!publicationId)
        return publicationId.error();
    insertIssue.bindValue(0, *publicationId);
    insertIssue.bindValue(1, sourceId);
    insertIssue.bindValue(2, dateValue(issue.issue.date));
    insertIssue.bindValue(3, issue.issue.month);
    insertIssue.bindValue(4, issue.issue.day);
    insertIssue.bindValue(5, issue.issue.dateInferred ? 1 : 0);
    insertIssue.bindValue(6, now);
    if (Result<void> done = run(insertIssue); !done)
        return done.error();
    const qint64 issueId = insertIssue.lastInsertId().toLongLong();

    // Raw text that is exactly the source's lines is not stored twice (SourceLines) — only when the bytes it
    // is read back from are stored too.
    const SourceLines sourceLines(issue.source.bytes.isEmpty() ? QString() : issue.source.text);

    QHash<QString, qint64> reporterIds;
    for (int a = 0; a < issue.articles.size(); ++a) {
        const Article &article = issue.articles.at(a);
        insertArticle.bindValue(0, issueId);
        insertArticle.bindValue(1, a);
        insertArticle.bindValue(2, notNull(article.kicker));
        insertArticle.bindValue(3, notNull(article.title));
        insertArticle.bindValue(4, toJson(article.subtitles));
        insertArticle.bindValue(5, article.byline ? 1 : 0);
        const QVariant nullText{QMetaType(QMetaType::QString)};
        insertArticle.bindValue(6, article.byline ? QVariant(notNull(article.byline->source)) : nullText);
        insertArticle.bindValue(7, article.byline ? nullIfEmpty(article.byline->date) : nullText);
        insertArticle.bindValue(8, article.byline ? QVariant(notNull(article.byline->raw)) : nullText);
        insertArticle.bindValue(9, article.firstLine);
        insertArticle.bindValue(10, article.lastLine);
        if (Result<void> done = run(insertArticle); !done)
            return done.error();
        const qint64 articleId = insertArticle.lastInsertId().toLongLong();

        if (article.byline) {
            for (int r = 0; r < article.byline->reporters.size(); ++r) {
                const QString &name = article.byline->reporters.at(r);
                auto found = reporterIds.constFind(name);
                if (found == reporterIds.cend()) {
                    insertReporter.bindValue(0, name);
                    selectReporter.bindValue(0, name);
                    Result<void> reporter = run(insertReporter);
                    if (reporter)
                        reporter = run(selectReporter);
                    if (!reporter)
                        return reporter.error();
                    if (!selectReporter.next())
                        return Error(
                            sql::Store::tr("cannot store: %1").arg(QStringLiteral("reporter not found after insert")));
                    found = reporterIds.insert(name, selectReporter.value(0).toLongLong());
                    selectReporter.finish();
                }
                insertArticleReporter.bindValue(0, articleId);
                insertArticleReporter.bindValue(1, r);
                insertArticleReporter.bindValue(2, *found);
                if (Result<void> done = run(insertArticleReporter); !done)
                    return done.error();
            }
        }

        for (int b = 0; b < article.blocks.size(); ++b) {
            const Block &block = article.blocks.at(b);
            insertBlock.bindValue(0, articleId);
            insertBlock.bindValue(1, b);
            insertBlock.bindValue(2, blockKindName(block.kind));
            insertBlock.bindValue(3, notNull(block.text));
            const std::optional<QStringView> lines =
                sourceLines.isEmpty() ? std::nullopt : sourceLines.lines(block.firstLine, block.lastLine);
            insertBlock.bindValue(4, lines && *lines == block.raw ? QStringLiteral("") : notNull(block.raw));
            insertBlock.bindValue(5, block.firstLine);
            insertBlock.bindValue(6, block.lastLine);
            if (Result<void> done = run(insertBlock); !done)
                return done.error();
        }
    }

    return savepoint.commit(issueId);
}

QList<IssueSummary> IssueRepository::listIssues(Listing listing) const
{
    QList<IssueSummary> issues;
    QSqlDatabase db = m_library.database();
    QSqlQuery query(db);
    query.setForwardOnly(true);
    // Dated issues first by date; issues without a year after them by month and day (unknown last).
    if (!query.exec(QStringLiteral("SELECT i.id, p.name, i.date, i.date_inferred, i.month, i.day, s.path "
                                   "FROM issues i "
                                   "LEFT JOIN publications p ON p.id = i.publication_id "
                                   "JOIN source_files s ON s.id = i.source_file_id "
                                   "ORDER BY i.date IS NULL, i.date, i.month = 0, i.month, i.day = 0, i.day, i.id"))) {
        qCWarning(lcStore).noquote() << "listIssues:" << query.lastError().text();
        return issues;
    }
    QHash<qint64, qsizetype> indexOfIssue;
    while (query.next()) {
        IssueSummary summary;
        summary.id = query.value(0).toLongLong();
        summary.info.publication = query.value(1).toString();
        summary.info.date = dateFromValue(query.value(2));
        summary.info.dateInferred = query.value(3).toInt() != 0;
        summary.info.month = query.value(4).toInt();
        summary.info.day = query.value(5).toInt();
        summary.sourcePath = query.value(6).toString();
        indexOfIssue.insert(summary.id, issues.size());
        issues.append(summary);
    }
    if (listing == Listing::IssuesOnly || issues.isEmpty())
        return issues;

    // All articles in one query, not one query per issue.
    QSqlQuery articles(db);
    articles.setForwardOnly(true);
    if (!articles.exec(QStringLiteral("SELECT issue_id, id, kicker, title, subtitles FROM articles "
                                      "ORDER BY issue_id, position"))) {
        qCWarning(lcStore).noquote() << "listIssues:" << articles.lastError().text();
        return issues;
    }
    while (articles.next()) {
        const auto index = indexOfIssue.constFind(articles.value(0).toLongLong());
        if (index == indexOfIssue.cend())
            continue;
        ArticleSummary summary;
        summary.id = articles.value(1).toLongLong();
        summary.kicker = articles.value(2).toString();
        summary.title = articles.value(3).toString();
        summary.subtitles = fromJson(articles.value(4).toString());
        issues[*index].articles.append(summary);
    }
    return issues;
}

QList<IssueSummary> IssueRepository::issueDates() const
{
    QList<IssueSummary> issues;
    QSqlDatabase db = m_library.database();
    QHash<qint64, QString> publications;
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT id, name FROM publications"))) {
        qCWarning(lcStore).noquote() << "issueDates:" << query.lastError().text();
        return issues;
    }
    while (query.next())
        publications.insert(query.value(0).toLongLong(), query.value(1).toString());
    // No join and no sort (id order is the table's own): ordering 20,000 rows by expressions costs SQLite more
    // than the caller's sort.
    if (!query.exec(
            QStringLiteral("SELECT id, publication_id, date, date_inferred, month, day FROM issues ORDER BY id"))) {
        qCWarning(lcStore).noquote() << "issueDates:" << query.lastError().text();
        return issues;
    }
    while (query.next()) {
        IssueSummary summary;
        summary.id = query.value(0).toLongLong();
        const QVariant publication = query.value(1);
        if (!publication.isNull())
            summary.info.publication = publications.value(publication.toLongLong());
        summary.info.date = dateFromValue(query.value(2));
        summary.info.dateInferred = query.value(3).toInt() != 0;
        summary.info.month = query.value(4).toInt();
        summary.info.day = query.value(5).toInt();
        issues.append(summary);
    }
    return issues;
}

QString IssueRepository::sourcePath(qint64 issueId) const
{
    QSqlQuery query(m_library.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT s.path FROM issues i JOIN source_files s ON s.id = i.source_file_id "
                                 "WHERE i.id = ?"));
    query.bindValue(0, issueId);
    if (!query.exec()) {
        qCWarning(lcStore).noquote() << "sourcePath:" << query.lastError().text();
        return {};
    }
    return query.next() ? query.value(0).toString() : QString();
}

std::optional<Article> IssueRepository::article(qint64 articleId) const
{
    QSqlDatabase db = m_library.database();
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT %1 FROM articles a WHERE a.id = ?").arg(QLatin1String(kArticleColumns)));
    query.bindValue(0, articleId);
    if (!query.exec()) {
        qCWarning(lcStore).noquote() << "article:" << query.lastError().text();
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    Article article = articleFromQuery(query);
    query.finish();

    if (article.byline) {
        QSqlQuery reporters(db);
        reporters.setForwardOnly(true);
        reporters.prepare(QStringLiteral("SELECT r.name FROM article_reporters ar JOIN reporters r "
                                         "ON r.id = ar.reporter_id WHERE ar.article_id = ? ORDER BY ar.position"));
        reporters.bindValue(0, articleId);
        if (!reporters.exec()) {
            qCWarning(lcStore).noquote() << "article:" << reporters.lastError().text();
            return std::nullopt;
        }
        while (reporters.next())
            article.byline->reporters.append(reporters.value(0).toString());
    }

    QSqlQuery blocks(db);
    blocks.setForwardOnly(true);
    blocks.prepare(QStringLiteral("SELECT %1 FROM blocks b WHERE b.article_id = ? ORDER BY b.position")
                       .arg(QLatin1String(kBlockColumns)));
    blocks.bindValue(0, articleId);
    if (!blocks.exec()) {
        qCWarning(lcStore).noquote() << "article:" << blocks.lastError().text();
        return std::nullopt;
    }
    while (blocks.next())
        article.blocks.append(blockFromQuery(blocks));
    blocks.finish();
    if (const auto issueId = issueIdOfArticle(articleId))
        fillRawFromSource(db, *issueId, std::span<Article>(&article, 1));
    return article;
}

std::optional<StoredIssue> IssueRepository::issue(qint64 issueId) const
{
    QSqlDatabase db = m_library.database();
    QSqlQuery query(db);
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT p.name, i.date, i.date_inferred, i.month, i.day, s.path, s.sha256, "
                                 "s.encoding FROM issues i "
                                 "LEFT JOIN publications p ON p.id = i.publication_id "
                                 "JOIN source_files s ON s.id = i.source_file_id WHERE i.id = ?"));
    query.bindValue(0, issueId);
    if (!query.exec()) {
        qCWarning(lcStore).noquote() << "issue:" << query.lastError().text();
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    StoredIssue stored;
    stored.id = issueId;
    stored.parsed.issue.publication = query.value(0).toString();
    stored.parsed.issue.date = dateFromValue(query.value(1));
    stored.parsed.issue.dateInferred = query.value(2).toInt() != 0;
    stored.parsed.issue.month = query.value(3).toInt();
    stored.parsed.issue.day = query.value(4).toInt();
    stored.parsed.source.path = query.value(5).toString();
    stored.parsed.source.sha256 = query.value(6).toString();
    stored.parsed.source.encoding = query.value(7).toString();
    query.finish();

    // Three queries for the whole issue: articles, their reporters, their blocks.
    QSqlQuery articles(db);
    articles.setForwardOnly(true);
    articles.prepare(QStringLiteral("SELECT %1 FROM articles a WHERE a.issue_id = ? ORDER BY a.position")
                         .arg(QLatin1String(kArticleColumns)));
    articles.bindValue(0, issueId);
    if (!articles.exec()) {
        qCWarning(lcStore).noquote() << "issue:" << articles.lastError().text();
        return std::nullopt;
    }
    QHash<qint64, qsizetype> indexOfArticle;
    while (articles.next()) {
        Article article = articleFromQuery(articles);
        indexOfArticle.insert(article.id, stored.parsed.articles.size());
        stored.parsed.articles.append(article);
    }

    QSqlQuery reporters(db);
    reporters.setForwardOnly(true);
    reporters.prepare(QStringLiteral("SELECT ar.article_id, r.name FROM article_reporters ar "
                                     "JOIN articles a ON a.id = ar.article_id "
                                     "JOIN reporters r ON r.id = ar.reporter_id "
                                     "WHERE a.issue_id = ? ORDER BY ar.article_id, ar.position"));
    reporters.bindValue(0, issueId);
    if (!reporters.exec()) {
        qCWarning(lcStore).noquote() << "issue:" << reporters.lastError().text();
        return std::nullopt;
    }
    while (reporters.next()) {
        const auto index = indexOfArticle.constFind(reporters.value(0).toLongLong());
        if (index != indexOfArticle.cend() && stored.parsed.articles[*index].byline)
            stored.parsed.articles[*index].byline->reporters.append(reporters.value(1).toString());
    }

    QSqlQuery blocks(db);
    blocks.setForwardOnly(true);
    blocks.prepare(QStringLiteral("SELECT b.article_id, %1 FROM blocks b JOIN articles a ON a.id = b.article_id "
                                  "WHERE a.issue_id = ? ORDER BY b.article_id, b.position")
                       .arg(QLatin1String(kBlockColumns)));
    blocks.bindValue(0, issueId);
    if (!blocks.exec()) {
        qCWarning(lcStore).noquote() << "issue:" << blocks.lastError().text();
        return std::nullopt;
    }
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
    QSqlQuery query(m_library.database());
    query.setForwardOnly(true);
    query.prepare(QStringLiteral("SELECT issue_id FROM articles WHERE id = ?"));
    query.bindValue(0, articleId);
    if (!query.exec()) {
        qCWarning(lcStore).noquote() << "issueIdOfArticle:" << query.lastError().text();
        return std::nullopt;
    }
    if (query.next())
        return query.value(0).toLongLong();
    return std::nullopt;
}

QList<ArticleSummary> IssueRepository::articleSummaries(qint64 issueId) const
{
    QList<ArticleSummary> summaries;
    QSqlQuery query(m_library.database());
    query.setForwardOnly(true);
    // Served by the articles(issue_id, position) unique index, in order.
    query.prepare(
        QStringLiteral("SELECT id, kicker, title, subtitles FROM articles WHERE issue_id = ? ORDER BY position"));
    query.bindValue(0, issueId);
    if (!query.exec()) {
        qCWarning(lcStore).noquote() << "articleSummaries:" << query.lastError().text();
        return summaries;
    }
    while (query.next()) {
        ArticleSummary summary;
        summary.id = query.value(0).toLongLong();
        summary.kicker = query.value(1).toString();
        summary.title = query.value(2).toString();
        summary.subtitles = fromJson(query.value(3).toString());
        summaries.append(summary);
    }
    return summaries;
}

Result<void> IssueRepository::updateIssueInfo(qint64 issueId, const IssueInfo &info)
{
    QSqlDatabase db = m_library.database();
    const Result<void> updated = [&]() -> Result<void> {
        sql::WriteScope savepoint(db, "update_issue");
        if (!savepoint.isActive())
            return savepoint.error();
        PublicationIds publications;
        if (Result<void> prepared = publications.prepare(db); !prepared)
            return prepared;
        const Result<QVariant> publicationId = publications.idFor(info.publication);
        if (!publicationId)
            return publicationId.error();
        QSqlQuery query(db);
        if (Result<void> done = sql::exec(
                query,
                QStringLiteral("UPDATE issues SET publication_id = ?, date = ?, "
                               "date_inferred = ?, month = ?, day = ? WHERE id = ?"),
                {*publicationId, dateValue(info.date), info.dateInferred ? 1 : 0, info.month, info.day, issueId});
            !done)
            return done;
        if (query.numRowsAffected() != 1)
            return Error(sql::Store::tr("no issue with id %1").arg(issueId));
        return savepoint.commit();
    }();
    if (!updated)
        qCWarning(lcStore).noquote() << "updateIssueInfo:" << updated.error().message();
    return updated;
}

int IssueRepository::issueCount() const
{
    QSqlQuery query(m_library.database());
    if (query.exec(QStringLiteral("SELECT count(*) FROM issues")) && query.next())
        return query.value(0).toInt();
    return 0;
}

int IssueRepository::articleCount() const
{
    QSqlQuery query(m_library.database());
    if (query.exec(QStringLiteral("SELECT count(*) FROM articles")) && query.next())
        return query.value(0).toInt();
    return 0;
}

} // namespace dubao
