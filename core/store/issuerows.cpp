// IssueRowStore: an issue's rows read, compared and written in place (issuerows.h).
#include "core/store/issuerows.h"

#include "core/store/dialect.h"
#include "core/store/library.h"
#include "core/store/sourcelines.h"
#include "core/store/sql.h"
#include "core/store/uid.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

namespace dubao {

using namespace Qt::StringLiterals;

namespace {

bool sameValue(const QVariant &a, const QVariant &b)
{
    return a.isNull() == b.isNull() && a.toString() == b.toString();
}

QVariant nullText()
{
    return QVariant(QMetaType(QMetaType::QString));
}

} // namespace

bool ArticleRow::sameHead(const ArticleRow &o) const
{
    return kicker == o.kicker && title == o.title && subtitles == o.subtitles && hasByline == o.hasByline &&
           sameValue(bylineSource, o.bylineSource) && sameValue(bylineDate, o.bylineDate) &&
           sameValue(bylineRaw, o.bylineRaw) && firstLine == o.firstLine && lastLine == o.lastLine &&
           sameValue(page, o.page) && sameValue(pageName, o.pageName) && reporters == o.reporters;
}

bool IssueRows::sameContent(const IssueRows &o) const
{
    if (articles.size() != o.articles.size())
        return false;
    for (qsizetype a = 0; a < articles.size(); ++a) {
        const ArticleRow &x = articles.at(a);
        const ArticleRow &y = o.articles.at(a);
        if (!x.sameHead(y) || x.blocks.size() != y.blocks.size())
            return false;
        for (qsizetype b = 0; b < x.blocks.size(); ++b)
            if (!x.blocks.at(b).sameContent(y.blocks.at(b)))
                return false;
    }
    return true;
}

struct IssueRowStore::Statements
{
    QSqlQuery issue, articles, reporters, blocks;
    QSqlQuery parkArticle, insertArticle, updateArticle, updateArticlePosition, deleteArticle;
    QSqlQuery deleteReporters, insertReporter, selectReporter, insertArticleReporter;
    QSqlQuery parkBlock, insertBlock, updateBlockText, updateBlockPlace, deleteBlock;
    QSqlQuery blockLineage, articleLineage, stamp, annotations;

    Result<void> prepare(QSqlDatabase db)
    {
        const QString returningId = dialect::returningId(db);
        const std::pair<QSqlQuery *, QString> statements[] = {
            {&issue, u"SELECT i.parser_version, s.sha256 FROM issues i JOIN source_files s ON s.id = i.source_file_id "
                     "WHERE i.id = ?"_s},
            {&articles,
             u"SELECT id, uid, kicker, title, subtitles, has_byline, byline_source, byline_date, byline_raw, "
             "first_line, last_line, page, page_name FROM articles WHERE issue_id = ? ORDER BY position"_s},
            {&reporters, u"SELECT ar.article_id, r.name FROM article_reporters ar JOIN articles a ON a.id = "
                         "ar.article_id JOIN reporters r ON r.id = ar.reporter_id WHERE a.issue_id = ? "
                         "ORDER BY ar.article_id, ar.position"_s},
            {&blocks,
             u"SELECT b.article_id, b.id, b.uid, b.kind, b.text, b.raw, b.first_line, b.last_line FROM blocks b "
             "JOIN articles a ON a.id = b.article_id WHERE a.issue_id = ? ORDER BY b.article_id, b.position"_s},
            {&parkArticle, u"UPDATE articles SET position = -1 - id WHERE id = ?"_s},
            {&insertArticle, u"INSERT INTO articles (issue_id, position, kicker, title, subtitles, has_byline, "
                             "byline_source, byline_date, byline_raw, first_line, last_line, page, page_name, uid) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s +
                                 returningId},
            {&updateArticle, u"UPDATE articles SET position = ?, kicker = ?, title = ?, subtitles = ?, has_byline = ?, "
                             "byline_source = ?, byline_date = ?, byline_raw = ?, first_line = ?, last_line = ?, "
                             "page = ?, page_name = ? WHERE id = ?"_s},
            {&updateArticlePosition, u"UPDATE articles SET position = ? WHERE id = ?"_s},
            {&deleteArticle, u"DELETE FROM articles WHERE id = ?"_s},
            {&deleteReporters, u"DELETE FROM article_reporters WHERE article_id = ?"_s},
            {&insertReporter,
             dialect::insertOrIgnore(db) + u" reporters (name) VALUES (?)"_s + dialect::onConflictIgnore(db)},
            {&selectReporter, u"SELECT id FROM reporters WHERE name = ?"_s},
            {&insertArticleReporter,
             u"INSERT INTO article_reporters (article_id, position, reporter_id) VALUES (?, ?, ?)"_s},
            {&parkBlock, u"UPDATE blocks SET position = -1 - id WHERE id = ?"_s},
            {&insertBlock, u"INSERT INTO blocks (article_id, position, kind, text, raw, first_line, last_line, uid) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s +
                               returningId},
            // Two updates: the search index's trigger fires on text and article_id only, so a block that only
            // moved (position, lines) does not touch the index.
            {&updateBlockText, u"UPDATE blocks SET article_id = ?, position = ?, kind = ?, text = ?, raw = ?, "
                               "first_line = ?, last_line = ? WHERE id = ?"_s},
            {&updateBlockPlace, u"UPDATE blocks SET position = ?, kind = ?, raw = ?, first_line = ?, last_line = ? "
                                "WHERE id = ?"_s},
            {&deleteBlock, u"DELETE FROM blocks WHERE id = ?"_s},
            {&blockLineage, u"INSERT INTO block_lineage (issue_id, old_id, old_uid, new_id, new_uid, kind, "
                            "parser_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s},
            {&articleLineage, u"INSERT INTO article_lineage (issue_id, old_id, old_uid, new_id, new_uid, kind, "
                              "parser_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s},
            {&stamp, u"UPDATE issues SET parser_version = ? WHERE id = ? AND parser_version <> ?"_s},
            {&annotations,
             u"SELECT (SELECT count(*) FROM highlights WHERE issue_id = ? AND orphan = 0 AND block_id IS NOT NULL)"
             " + (SELECT count(*) FROM notes WHERE issue_id = ? AND orphan = 0 AND block_id IS NOT NULL)"
             " + (SELECT count(*) FROM articles a JOIN blocks b ON b.article_id = a.id JOIN block_tags t "
             "ON t.block_id = b.id WHERE a.issue_id = ?)"
             " + (SELECT count(*) FROM articles a JOIN article_tags t ON t.article_id = a.id WHERE a.issue_id = ?)"_s},
        };
        for (const auto &[query, text] : statements) {
            *query = QSqlQuery(db);
            dialect::readForwardOnly(*query);
            if (!query->prepare(text)) {
                qCWarning(lcStore).noquote() << "cannot prepare" << text << query->lastError().text();
                return Error(sql::failureOf(*query, sql::Store::tr("cannot store: %1")));
            }
        }
        return {};
    }
};

namespace {

/// Binds `values` in order and runs the prepared `query`; a failure says whether a write or a read failed.
Result<void> exec(QSqlQuery &query, const QVariantList &values, bool write)
{
    for (qsizetype k = 0; k < values.size(); ++k)
        query.bindValue(int(k), values.at(k));
    if (query.exec())
        return {};
    return Error(write ? sql::failureOf(query, sql::Store::tr("cannot store: %1"))
                       : sql::failureOf(query, sql::Store::tr("cannot read the library: %1"), false));
}

Result<void> run(QSqlQuery &query, const QVariantList &values)
{
    return exec(query, values, true);
}

Result<void> runRead(QSqlQuery &query, const QVariantList &values)
{
    return exec(query, values, false);
}

QVariantList headValues(const ArticleRow &a)
{
    return {a.kicker,    a.title,    a.subtitles, a.hasByline ? 1 : 0, a.bylineSource, a.bylineDate, a.bylineRaw,
            a.firstLine, a.lastLine, a.page,      a.pageName};
}

} // namespace

IssueRowStore::IssueRowStore(Library &library)
    : m_library(library)
{}

IssueRowStore::~IssueRowStore() = default;

Result<IssueRows> IssueRowStore::read(qint64 issueId)
{
    if (!m_statements) {
        auto statements = std::make_unique<Statements>();
        if (Result<void> prepared = statements->prepare(m_library.database()); !prepared)
            return prepared.error();
        m_statements = std::move(statements);
    }
    Statements &st = *m_statements;
    IssueRows rows;
    rows.id = issueId;
    if (Result<void> done = runRead(st.issue, {issueId}); !done)
        return done.error();
    if (!st.issue.next())
        return Error(sql::Store::tr("no issue with id %1").arg(issueId));
    rows.parserVersion = st.issue.value(0).toInt();
    rows.sha256 = st.issue.value(1).toString();
    st.issue.finish();

    QHash<qint64, qsizetype> indexOf;
    if (Result<void> done = runRead(st.articles, {issueId}); !done)
        return done.error();
    while (st.articles.next()) {
        ArticleRow a;
        a.id = st.articles.value(0).toLongLong();
        a.uid = st.articles.value(1).toByteArray();
        a.kicker = st.articles.value(2).toString();
        a.title = st.articles.value(3).toString();
        a.subtitles = st.articles.value(4).toString();
        a.hasByline = st.articles.value(5).toInt() != 0;
        a.bylineSource = st.articles.value(6);
        a.bylineDate = st.articles.value(7);
        a.bylineRaw = st.articles.value(8);
        a.firstLine = st.articles.value(9).toInt();
        a.lastLine = st.articles.value(10).toInt();
        a.page = st.articles.value(11);
        a.pageName = st.articles.value(12);
        indexOf.insert(a.id, rows.articles.size());
        rows.articles.append(a);
    }
    st.articles.finish();
    if (Result<void> done = runRead(st.reporters, {issueId}); !done)
        return done.error();
    while (st.reporters.next())
        if (const auto i = indexOf.constFind(st.reporters.value(0).toLongLong()); i != indexOf.cend())
            rows.articles[*i].reporters.append(st.reporters.value(1).toString());
    st.reporters.finish();
    if (Result<void> done = runRead(st.blocks, {issueId}); !done)
        return done.error();
    while (st.blocks.next()) {
        const auto i = indexOf.constFind(st.blocks.value(0).toLongLong());
        if (i == indexOf.cend())
            continue;
        BlockRow b;
        b.id = st.blocks.value(1).toLongLong();
        b.uid = st.blocks.value(2).toByteArray();
        b.kind = st.blocks.value(3).toString();
        b.text = st.blocks.value(4).toString();
        b.raw = st.blocks.value(5).toString();
        b.firstLine = st.blocks.value(6).toInt();
        b.lastLine = st.blocks.value(7).toInt();
        rows.articles[*i].blocks.append(b);
    }
    st.blocks.finish();
    return rows;
}

IssueRows IssueRowStore::fromParse(const ParsedIssue &issue)
{
    // The same conversions as IssueRepository::insert() (issuewrites.cpp).
    IssueRows rows;
    rows.sha256 = issue.source.sha256.toLower();
    const SourceLines sourceLines(issue.source.bytes.isEmpty() ? QString() : issue.source.text);
    for (const Article &article : issue.articles) {
        ArticleRow a;
        a.kicker = sql::notNull(article.kicker);
        a.title = sql::notNull(article.title);
        a.subtitles = QString::fromUtf8(
            QJsonDocument(QJsonArray::fromStringList(article.subtitles)).toJson(QJsonDocument::Compact));
        a.hasByline = article.byline.has_value();
        a.bylineSource = article.byline ? QVariant(sql::notNull(article.byline->source)) : nullText();
        a.bylineDate = article.byline && !article.byline->date.isEmpty() ? QVariant(article.byline->date) : nullText();
        a.bylineRaw = article.byline ? QVariant(sql::notNull(article.byline->raw)) : nullText();
        a.firstLine = article.firstLine;
        a.lastLine = article.lastLine;
        a.page = article.page.isEmpty() ? nullText() : QVariant(article.page);
        a.pageName = article.pageName.isEmpty() ? nullText() : QVariant(article.pageName);
        if (article.byline)
            a.reporters = article.byline->reporters;
        for (const Block &block : article.blocks) {
            BlockRow b;
            b.kind = blockKindName(block.kind);
            b.text = sql::notNull(block.text);
            const std::optional<QStringView> lines =
                sourceLines.isEmpty() ? std::nullopt : sourceLines.lines(block.firstLine, block.lastLine);
            b.raw = lines && *lines == block.raw ? QStringLiteral("") : sql::notNull(block.raw);
            b.firstLine = block.firstLine;
            b.lastLine = block.lastLine;
            a.blocks.append(b);
        }
        rows.articles.append(a);
    }
    return rows;
}

Result<RowCounts> IssueRowStore::write(const IssueRows &before, IssueRowsUpdate &update)
{
    if (!m_statements) {
        auto statements = std::make_unique<Statements>();
        if (Result<void> prepared = statements->prepare(m_library.database()); !prepared)
            return prepared.error();
        m_statements = std::move(statements);
    }
    Statements &st = *m_statements;
    QSqlDatabase db = m_library.database();
    sql::WriteScope savepoint(db, "update_issue_rows");
    if (!savepoint.isActive())
        return savepoint.error();
    RowCounts counts;
    const qint64 issueId = before.id;

    // Where every old row is now, and what it was.
    struct OldArticle
    {
        int position = 0;
        const ArticleRow *row = nullptr;
    };
    struct OldBlock
    {
        qint64 articleId = 0;
        int position = 0;
        const BlockRow *row = nullptr;
    };
    QHash<qint64, OldArticle> oldArticles;
    QHash<qint64, OldBlock> oldBlocks;
    for (int a = 0; a < before.articles.size(); ++a) {
        const ArticleRow &article = before.articles.at(a);
        oldArticles.insert(article.id, {a, &article});
        for (int b = 0; b < article.blocks.size(); ++b)
            oldBlocks.insert(article.blocks.at(b).id, {article.id, b, &article.blocks.at(b)});
    }
    QSet<qint64> keptArticles;
    QSet<qint64> keptBlocks;
    for (int a = 0; a < update.after.size(); ++a) {
        const ArticleRow &article = update.after.at(a);
        if (article.id != 0)
            keptArticles.insert(article.id);
        for (const BlockRow &block : article.blocks)
            if (block.id != 0)
                keptBlocks.insert(block.id);
    }

    // 1. UNIQUE(issue_id, position) and UNIQUE(article_id, position): rows that move or go are parked at a
    //    negative position of their own first, so no row ever takes a place another still holds.
    for (int a = 0; a < update.after.size(); ++a) {
        const qint64 id = update.after.at(a).id;
        if (id != 0 && oldArticles.value(id).position != a)
            if (Result<void> done = run(st.parkArticle, {id}); !done)
                return done.error();
    }
    for (auto it = oldArticles.cbegin(); it != oldArticles.cend(); ++it)
        if (!keptArticles.contains(it.key()))
            if (Result<void> done = run(st.parkArticle, {it.key()}); !done)
                return done.error();

    // 2. Articles: inserted, or updated where they differ.
    for (int a = 0; a < update.after.size(); ++a) {
        ArticleRow &article = update.after[a];
        if (article.id == 0) {
            article.uid = uid::make();
            if (Result<void> done =
                    run(st.insertArticle, QVariantList{issueId, a} + headValues(article) + QVariantList{article.uid});
                !done)
                return done.error();
            article.id = dialect::insertedId(st.insertArticle);
            ++counts.articlesInserted;
        } else {
            const OldArticle &old = oldArticles.value(article.id);
            article.uid = old.row->uid;
            if (!article.sameHead(*old.row)) {
                if (Result<void> done =
                        run(st.updateArticle, QVariantList{a} + headValues(article) + QVariantList{article.id});
                    !done)
                    return done.error();
                ++counts.articlesUpdated;
            } else if (old.position != a) {
                if (Result<void> done = run(st.updateArticlePosition, {a, article.id}); !done)
                    return done.error();
                ++counts.articlesUpdated;
            }
            if (article.reporters == old.row->reporters)
                continue;
            if (Result<void> done = run(st.deleteReporters, {article.id}); !done)
                return done.error();
        }
        for (int r = 0; r < article.reporters.size(); ++r) {
            Result<void> reporter = run(st.insertReporter, {article.reporters.at(r)});
            if (reporter)
                reporter = runRead(st.selectReporter, {article.reporters.at(r)});
            if (!reporter)
                return reporter.error();
            if (!st.selectReporter.next())
                return Error(sql::Store::tr("cannot store: %1").arg(QStringLiteral("reporter not found after insert")));
            const qint64 reporterId = st.selectReporter.value(0).toLongLong();
            st.selectReporter.finish();
            if (Result<void> done = run(st.insertArticleReporter, {article.id, r, reporterId}); !done)
                return done.error();
        }
    }

    // 3. Blocks: park the ones that move or go, delete the ones that go, update and insert the others.
    for (const ArticleRow &article : std::as_const(update.after)) {
        for (int b = 0; b < article.blocks.size(); ++b) {
            const qint64 id = article.blocks.at(b).id;
            if (id == 0)
                continue;
            const OldBlock &old = oldBlocks.value(id);
            if (old.articleId != article.id || old.position != b)
                if (Result<void> done = run(st.parkBlock, {id}); !done)
                    return done.error();
        }
    }
    for (auto it = oldBlocks.cbegin(); it != oldBlocks.cend(); ++it) {
        if (keptBlocks.contains(it.key()))
            continue;
        if (Result<void> done = run(st.deleteBlock, {it.key()}); !done)
            return done.error();
        ++counts.blocksDeleted;
    }
    for (ArticleRow &article : update.after) {
        for (int b = 0; b < article.blocks.size(); ++b) {
            BlockRow &block = article.blocks[b];
            if (block.id == 0) {
                block.uid = uid::make();
                if (Result<void> done = run(st.insertBlock, {article.id, b, block.kind, block.text, block.raw,
                                                             block.firstLine, block.lastLine, block.uid});
                    !done)
                    return done.error();
                block.id = dialect::insertedId(st.insertBlock);
                ++counts.blocksInserted;
                continue;
            }
            const OldBlock &old = oldBlocks.value(block.id);
            block.uid = old.row->uid;
            if (old.articleId != article.id || block.text != old.row->text) {
                if (Result<void> done = run(st.updateBlockText, {article.id, b, block.kind, block.text, block.raw,
                                                                 block.firstLine, block.lastLine, block.id});
                    !done)
                    return done.error();
                ++counts.blocksUpdated;
            } else if (old.position != b || !block.sameContent(*old.row)) {
                if (Result<void> done =
                        run(st.updateBlockPlace, {b, block.kind, block.raw, block.firstLine, block.lastLine, block.id});
                    !done)
                    return done.error();
                ++counts.blocksUpdated;
            }
        }
    }
    for (auto it = oldArticles.cbegin(); it != oldArticles.cend(); ++it) {
        if (keptArticles.contains(it.key()))
            continue;
        if (Result<void> done = run(st.deleteArticle, {it.key()}); !done)
            return done.error();
        ++counts.articlesDeleted;
    }

    // 4. Lineage, now that every new row has its id and uid.
    const QString now = sql::nowUtc();
    for (const LineageRow &l : std::as_const(update.lineage)) {
        QVariant newId{QMetaType(QMetaType::LongLong)};
        QVariant newUid{QMetaType(QMetaType::QByteArray)};
        if (l.newArticle >= 0) {
            const ArticleRow &article = update.after.at(l.newArticle);
            newId = l.article ? article.id : article.blocks.at(l.newBlock).id;
            newUid = l.article ? article.uid : article.blocks.at(l.newBlock).uid;
        }
        if (Result<void> done = run(l.article ? st.articleLineage : st.blockLineage,
                                    {issueId, l.oldId, l.oldUid, newId, newUid, l.kind, update.parserVersion, now});
            !done)
            return done.error();
        ++counts.lineageRows;
    }
    if (Result<void> done = run(st.stamp, {update.parserVersion, issueId, update.parserVersion}); !done)
        return done.error();
    return savepoint.commit(counts);
}

Result<void> IssueRowStore::stamp(qint64 issueId, int parserVersion)
{
    if (!m_statements) {
        auto statements = std::make_unique<Statements>();
        if (Result<void> prepared = statements->prepare(m_library.database()); !prepared)
            return prepared.error();
        m_statements = std::move(statements);
    }
    return run(m_statements->stamp, {parserVersion, issueId, parserVersion});
}

int IssueRowStore::annotationsOn(qint64 issueId)
{
    if (!m_statements) {
        auto statements = std::make_unique<Statements>();
        if (!statements->prepare(m_library.database()))
            return 0;
        m_statements = std::move(statements);
    }
    QSqlQuery &q = m_statements->annotations;
    if (!runRead(q, {issueId, issueId, issueId, issueId}) || !q.next())
        return 0;
    const int n = q.value(0).toInt();
    q.finish();
    return n;
}

namespace {

// The kinds as stored: stable words, not the enum's numbers.
const std::pair<YearEvidence::Kind, const char *> kEvidenceKinds[] = {
    {YearEvidence::Kind::StatedDate, "stated"},
    {YearEvidence::Kind::Weekday, "weekday"},
    {YearEvidence::Kind::YearMention, "year"},
    {YearEvidence::Kind::AnnualReview, "annual-review"},
    {YearEvidence::Kind::PlanRange, "plan-range"},
    {YearEvidence::Kind::EraTerm, "era-term"},
    {YearEvidence::Kind::Path, "path"},
    {YearEvidence::Kind::User, "user"},
    {YearEvidence::Kind::Neighbours, "neighbours"},
};

} // namespace

QVariant yearAlternativesValue(const QList<int> &years)
{
    if (years.isEmpty())
        return QVariant(QMetaType::fromType<QString>());
    QStringList parts;
    for (int year : years)
        parts.append(QString::number(year));
    return parts.join(u',');
}

QList<int> yearAlternativesFrom(const QVariant &value)
{
    QList<int> years;
    if (value.isNull())
        return years;
    for (const QString &part : value.toString().split(u',', Qt::SkipEmptyParts)) {
        if (const int year = part.toInt(); year > 0)
            years.append(year);
    }
    return years;
}

QVariant yearEvidenceValue(const QList<YearEvidence> &evidence)
{
    if (evidence.isEmpty())
        return QVariant(QMetaType::fromType<QString>());
    QJsonArray array;
    for (const YearEvidence &e : evidence) {
        QString kind;
        for (const auto &[k, name] : kEvidenceKinds) {
            if (k == e.kind)
                kind = QString::fromLatin1(name);
        }
        array.append(QJsonObject{{QStringLiteral("kind"), kind},
                                 {QStringLiteral("year"), e.year},
                                 {QStringLiteral("last"), e.lastYear},
                                 {QStringLiteral("text"), e.text}});
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<YearEvidence> yearEvidenceFrom(const QVariant &value)
{
    QList<YearEvidence> evidence;
    if (value.isNull())
        return evidence;
    for (const QJsonValue &v : QJsonDocument::fromJson(value.toString().toUtf8()).array()) {
        const QJsonObject o = v.toObject();
        const QString kind = o.value(QStringLiteral("kind")).toString();
        for (const auto &[k, name] : kEvidenceKinds) {
            if (kind == QLatin1String(name)) {
                evidence.append(YearEvidence{k, o.value(QStringLiteral("year")).toInt(),
                                             o.value(QStringLiteral("last")).toInt(),
                                             o.value(QStringLiteral("text")).toString()});
            }
        }
    }
    return evidence;
}

} // namespace dubao
