// SQL that writes issues, articles, reporters and blocks (schema in docs/schema.md): insert() with the
// statements it prepares once, and the dating of an issue. The reads are in issuerepository.cpp.
#include "core/parse/issueparser.h"
#include "core/store/dialect.h"
#include "core/store/issuerepository.h"
#include "core/store/issuerows.h"
#include "core/store/library.h"
#include "core/store/rowinserter.h"
#include "core/store/sourcebytes.h"
#include "core/store/sourcelines.h"
#include "core/store/sql.h"
#include "core/store/uid.h"

#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace dubao {

using namespace Qt::StringLiterals;
using sql::notNull;
using sql::nowUtc;

namespace {

QString toJson(const QStringList &list)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
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

/// Prepares one of insert()'s statements, to be run many times by run().
Result<void> prepare(QSqlQuery &query, const QString &sql)
{
    if (query.prepare(sql))
        return {};
    qCWarning(lcStore).noquote() << "cannot prepare" << sql << query.lastError().text();
    return Error(sql::failureOf(query, sql::Store::tr("cannot store: %1")));
}

/// Binds `values` in order to a statement prepare() made and runs it.
Result<void> run(QSqlQuery &query, const QVariantList &values = {})
{
    for (qsizetype k = 0; k < values.size(); ++k)
        query.bindValue(int(k), values.at(k));
    if (query.exec())
        return {};
    return Error(sql::failureOf(query, sql::Store::tr("cannot store: %1")));
}

/// Publication id for a name, creating the row on demand; NULL for an empty name.
class PublicationIds
{
public:
    Result<void> prepare(QSqlDatabase &db)
    {
        m_insert = QSqlQuery(db);
        m_select = QSqlQuery(db);
        dialect::readForwardOnly(m_select);
        if (Result<void> prepared = dubao::prepare(m_insert, dialect::insertOrIgnore(db) +
                                                                 QStringLiteral(" publications (name) VALUES (?)") +
                                                                 dialect::onConflictIgnore(db));
            !prepared)
            return prepared;
        return dubao::prepare(m_select, QStringLiteral("SELECT id FROM publications WHERE name = ?"));
    }
    Result<QVariant> idFor(const QString &name)
    {
        if (name.isEmpty())
            return QVariant(QMetaType(QMetaType::LongLong));
        if (Result<void> inserted = run(m_insert, {name}); !inserted)
            return inserted.error();
        if (Result<void> selected = run(m_select, {name}); !selected)
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
    /// An issue's blocks, written many to a statement before its savepoint is released (nothing of insert() reads
    /// them back): a statement per block was most of an import's statements, a round trip each on a team library.
    std::unique_ptr<sql::RowInserter> blocks;

    Result<void> prepare(QSqlDatabase &db)
    {
        const QString returningId = dialect::returningId(db);
        const std::pair<QSqlQuery *, QString> statements[] = {
            {&insertSource,
             u"INSERT INTO source_files (path, sha256, encoding, size, imported_at) VALUES (?, ?, ?, ?, ?)"_s +
                 returningId},
            {&insertSourceBytes, sql::sourceBytesUpsert()},
            {&insertIssue, u"INSERT INTO issues (id, publication_id, source_file_id, date, month, day, date_inferred, "
                           "created_at, uid, parser_version, date_alternatives, date_evidence) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s +
                               returningId},
            {&insertArticle, u"INSERT INTO articles (id, issue_id, position, kicker, title, subtitles, has_byline, "
                             "byline_source, byline_date, byline_raw, first_line, last_line, page, page_name, uid) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s +
                                 returningId},
            {&insertReporter,
             dialect::insertOrIgnore(db) + u" reporters (name) VALUES (?)"_s + dialect::onConflictIgnore(db)},
            {&selectReporter, u"SELECT id FROM reporters WHERE name = ?"_s},
            {&insertArticleReporter, u"INSERT INTO article_reporters (article_id, position, reporter_id) "
                                     "VALUES (?, ?, ?)"_s},
        };
        blocks = std::make_unique<sql::RowInserter>(
            db, u"INSERT INTO blocks (id, article_id, position, kind, text, raw, first_line, last_line, uid)"_s, 9);
        if (Result<void> prepared = publications.prepare(db); !prepared)
            return prepared;
        for (const auto &[query, sql] : statements) {
            *query = QSqlQuery(db);
            if (query == &selectReporter)
                dialect::readForwardOnly(*query);
            if (Result<void> prepared = dubao::prepare(*query, sql); !prepared)
                return prepared;
        }
        return {};
    }
};

// Here, where InsertStatements is complete.
IssueRepository::IssueRepository(Library &library)
    : m_library(library)
{}

IssueRepository::~IssueRepository() = default;

Result<qint64> IssueRepository::insert(const ParsedIssue &issue, const StoredIdentity *identity)
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
    sql::RowInserter &blocks = *st.blocks;
    blocks.clear(); // a failed insert's rows

    const QString now = nowUtc();
    const QFileInfo sourceInfo(issue.source.path);
    // A restored issue keeps its ids and uids where the parse has the shape they were stored for.
    const bool sameArticles = identity && identity->articleIds.size() == issue.articles.size() &&
                              identity->articleUids.size() == issue.articles.size() &&
                              identity->blockIds.size() == issue.articles.size() &&
                              identity->blockUids.size() == issue.articles.size();
    auto sameBlocks = [&](int a) {
        const qsizetype n = issue.articles.at(a).blocks.size();
        return sameArticles && identity->blockIds.at(a).size() == n && identity->blockUids.at(a).size() == n;
    };
    const QVariant sourceSize = identity ? identity->sourceSize
                                : !issue.source.path.isEmpty() && sourceInfo.isFile()
                                    ? QVariant(sourceInfo.size())
                                    : QVariant(QMetaType(QMetaType::LongLong));
    if (Result<void> done =
            run(insertSource,
                {notNull(issue.source.path), notNull(issue.source.sha256.toLower()), notNull(issue.source.encoding),
                 sourceSize, identity && !identity->importedAt.isEmpty() ? identity->importedAt : now});
        !done)
        return done.error();
    const qint64 sourceId = dialect::insertedId(insertSource);
    // The original bytes, for re-parsing later (schema v2; core/store/sql.h).
    // The bytes come with the parse; a ParsedIssue built elsewhere (without them) falls back to the file.
    if (issue.source.bytes.isEmpty()) {
        if (Result<void> stored = sql::storeSourceBytesFromFile(db, sourceId, issue.source.path, issue.source.sha256);
            !stored)
            return stored.error();
    } else {
        const sourcebytes::Packed packed = sourcebytes::pack(issue.source.bytes);
        if (Result<void> done = run(st.insertSourceBytes, {sourceId, packed.bytes, packed.codec}); !done)
            return done.error();
    }

    const Result<QVariant> publicationId = publications.idFor(issue.issue.publication);
    if (!publicationId)
        return publicationId.error();
    if (Result<void> done =
            run(insertIssue,
                {sql::idOrNull(identity ? identity->issueId : 0), *publicationId, sourceId, dateValue(issue.issue.date),
                 issue.issue.month, issue.issue.day, issue.issue.dateInferred ? 1 : 0,
                 identity && !identity->createdAt.isEmpty() ? identity->createdAt : now,
                 identity && identity->issueUid.size() == 16 ? identity->issueUid : uid::make(),
                 identity && identity->parserVersion >= 0 ? identity->parserVersion : kParserVersion,
                 yearAlternativesValue(issue.issue.yearAlternatives), yearEvidenceValue(issue.issue.yearEvidence)});
        !done)
        return done.error();
    const qint64 issueId = dialect::insertedId(insertIssue);

    // Raw text that is exactly the source's lines is not stored twice (SourceLines) — only when the bytes it
    // is read back from are stored too.
    const SourceLines sourceLines(issue.source.bytes.isEmpty() ? QString() : issue.source.text);

    QHash<QString, qint64> reporterIds;
    for (int a = 0; a < issue.articles.size(); ++a) {
        const Article &article = issue.articles.at(a);
        const QVariant nullText{QMetaType(QMetaType::QString)};
        if (Result<void> done =
                run(insertArticle,
                    {sql::idOrNull(sameArticles ? identity->articleIds.at(a) : 0), issueId, a, notNull(article.kicker),
                     notNull(article.title), toJson(article.subtitles), article.byline ? 1 : 0,
                     article.byline ? QVariant(notNull(article.byline->source)) : nullText,
                     article.byline ? nullIfEmpty(article.byline->date) : nullText,
                     article.byline ? QVariant(notNull(article.byline->raw)) : nullText, article.firstLine,
                     article.lastLine, nullIfEmpty(article.page), nullIfEmpty(article.pageName),
                     sameArticles ? identity->articleUids.at(a) : uid::make()});
            !done)
            return done.error();
        const qint64 articleId = dialect::insertedId(insertArticle);

        if (article.byline) {
            for (int r = 0; r < article.byline->reporters.size(); ++r) {
                const QString &name = article.byline->reporters.at(r);
                auto found = reporterIds.constFind(name);
                if (found == reporterIds.cend()) {
                    Result<void> reporter = run(insertReporter, {name});
                    if (reporter)
                        reporter = run(selectReporter, {name});
                    if (!reporter)
                        return reporter.error();
                    if (!selectReporter.next())
                        return Error(
                            sql::Store::tr("cannot store: %1").arg(QStringLiteral("reporter not found after insert")));
                    found = reporterIds.insert(name, selectReporter.value(0).toLongLong());
                    selectReporter.finish();
                }
                if (Result<void> done = run(insertArticleReporter, {articleId, r, *found}); !done)
                    return done.error();
            }
        }

        for (int b = 0; b < article.blocks.size(); ++b) {
            const Block &block = article.blocks.at(b);
            const std::optional<QStringView> lines =
                sourceLines.isEmpty() ? std::nullopt : sourceLines.lines(block.firstLine, block.lastLine);
            if (Result<void> done =
                    blocks.add({sql::idOrNull(sameBlocks(a) ? identity->blockIds.at(a).at(b) : 0), articleId, b,
                                blockKindName(block.kind), notNull(block.text),
                                lines && *lines == block.raw ? QStringLiteral("") : notNull(block.raw), block.firstLine,
                                block.lastLine, sameBlocks(a) ? identity->blockUids.at(a).at(b) : uid::make()});
                !done)
                return done.error();
        }
    }

    if (Result<void> written = blocks.flush(); !written)
        return written.error();
    return savepoint.commit(issueId);
}

Result<void> IssueRepository::refreshParsedDate(qint64 issueId, const IssueInfo &info)
{
    QSqlDatabase db = m_library.database();
    QSqlQuery query(db);
    const QVariant alternatives = yearAlternativesValue(info.yearAlternatives);
    const QVariant evidence = yearEvidenceValue(info.yearEvidence);
    return sql::exec(query,
                     QStringLiteral("UPDATE issues SET date = ?, date_inferred = ?, month = ?, day = ?, "
                                    "date_alternatives = ?, date_evidence = ? WHERE id = ? "
                                    "AND (date_inferred = 1 OR (date_evidence IS NOT NULL "
                                    "AND date_evidence NOT LIKE '%\"kind\":\"user\"%')) "
                                    "AND (date IS DISTINCT FROM ? OR date_inferred IS DISTINCT FROM ? "
                                    "OR month IS DISTINCT FROM ? OR day IS DISTINCT FROM ? "
                                    "OR date_alternatives IS DISTINCT FROM ? OR date_evidence IS DISTINCT FROM ?)"),
                     {dateValue(info.date), info.dateInferred ? 1 : 0, info.month, info.day, alternatives, evidence,
                      issueId, dateValue(info.date), info.dateInferred ? 1 : 0, info.month, info.day, alternatives,
                      evidence});
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
                QStringLiteral("UPDATE issues SET publication_id = ?, date = ?, date_inferred = ?, month = ?, day = ?, "
                               "date_alternatives = ?, date_evidence = ? WHERE id = ?"),
                {*publicationId, dateValue(info.date), info.dateInferred ? 1 : 0, info.month, info.day,
                 yearAlternativesValue(info.yearAlternatives), yearEvidenceValue(info.yearEvidence), issueId});
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

} // namespace dubao
