// How a search query becomes SQL on either engine (docs/search.md): the FROM and WHERE of its hits, with the
// filters. On a team library the paragraphs' index is search_paragraphs under the names of SQLite's search_blocks
// (rowid = the same date key), so one plan serves both and only the text condition differs: FTS5's MATCH there, a
// tsquery here (postgresindex.h).
#include "core/search/searchplan.h"

#include "core/search/searchindex.h"
#include "core/search/searchservice.h"
#include "core/store/dialect.h"
#include "core/store/sql.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace dubao::search {

QString tagSet(bool postgres)
{
    // SQLite's NOCASE folds ASCII letters only, as lower() does on both engines.
    return QStringLiteral("(WITH RECURSIVE t(id) AS (SELECT id FROM tags WHERE ") +
           (postgres ? QStringLiteral("lower(name) = lower(?)") : QStringLiteral("name = ? COLLATE NOCASE")) +
           QStringLiteral(" UNION SELECT c.id FROM tags c JOIN t ON c.parent_id = t.id) SELECT id FROM t)");
}

namespace {

// The paragraphs `tag:` alone lists for one tag (bound three times): those tagged, those holding a tagged highlight,
// and the first paragraph of each tagged article — read from the tag tables' indexes, never a scan of the blocks.
QString taggedBlocks(bool postgres)
{
    const QString tagSet = search::tagSet(postgres);
    return QStringLiteral("SELECT block_id FROM block_tags WHERE tag_id IN ") + tagSet +
           QStringLiteral(" UNION SELECT h.block_id FROM highlights h JOIN highlight_tags ht ON ht.highlight_id = h.id "
                          "WHERE h.block_id IS NOT NULL AND ht.tag_id IN ") +
           tagSet +
           QStringLiteral(" UNION SELECT (SELECT b.id FROM blocks b WHERE b.article_id = at.article_id ORDER BY "
                          "b.position LIMIT 1) FROM article_tags at WHERE at.tag_id IN ") +
           tagSet;
}

} // namespace

QString authorIs(bool postgres, const QString &column)
{
    return dialect::nameEquals(postgres, column);
}

QString authoredBlocks(bool postgres)
{
    return QStringLiteral("SELECT block_id FROM block_tags WHERE ") + authorIs(postgres, QStringLiteral("created_by")) +
           QStringLiteral(" UNION SELECT block_id FROM highlights WHERE block_id IS NOT NULL AND ") +
           authorIs(postgres, QStringLiteral("created_by")) +
           QStringLiteral(" UNION SELECT h.block_id FROM highlights h JOIN highlight_tags ht ON ht.highlight_id = h.id "
                          "WHERE h.block_id IS NOT NULL AND ") +
           authorIs(postgres, QStringLiteral("ht.created_by")) +
           QStringLiteral(" UNION SELECT block_id FROM notes WHERE block_id IS NOT NULL AND ") +
           authorIs(postgres, QStringLiteral("created_by")) +
           QStringLiteral(" UNION SELECT n.block_id FROM notes n JOIN note_tags nt ON nt.note_id = n.id "
                          "WHERE n.block_id IS NOT NULL AND ") +
           authorIs(postgres, QStringLiteral("nt.created_by"));
}

QString authoredArticles(bool postgres)
{
    return QStringLiteral("SELECT article_id FROM article_tags WHERE ") +
           authorIs(postgres, QStringLiteral("created_by"));
}

Result<QStringList> annotationAuthors(QSqlDatabase db)
{
    if (!tableExists(db, QStringLiteral("highlights")))
        return QStringList();
    QStringList parts;
    for (const char *table : {"highlights", "notes", "block_tags", "article_tags", "highlight_tags", "note_tags"})
        parts.append(QStringLiteral("SELECT created_by FROM %1").arg(QLatin1String(table)));
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT created_by FROM (") + parts.join(QStringLiteral(" UNION ")) +
                    QStringLiteral(") AS authors WHERE created_by IS NOT NULL AND created_by <> '' ORDER BY 1")))
        return Error(query.lastError().text());
    QStringList names;
    while (query.next())
        names.append(query.value(0).toString());
    return names;
}

QString lastTagName(const QString &tagPath)
{
    return tagPath.section(u'/', -1, -1, QString::SectionSkipEmpty);
}

namespace {

// The ids of a table's overflowed rows that match (postgresindex.h), as an SQL list, or NULL.
QString idList(const QList<qint64> &ids)
{
    if (ids.isEmpty())
        return QStringLiteral("NULL");
    QStringList list;
    list.reserve(ids.size());
    for (const qint64 id : ids)
        list.append(QString::number(id));
    return list.join(u',');
}

// A team library's tsquery condition on one of its index tables: the vector matches, or the row overflowed and
// matched in C++.
QString tsCondition(const QString &table, const QString &idColumn, const QList<qint64> &overflow)
{
    return QStringLiteral("(%1.tokens @@ CAST(? AS tsquery) AND NOT %1.overflow OR %1.%2 IN (%3))")
        .arg(table, idColumn, idList(overflow));
}

// Conditions on the article `a` (and block `b`, note `n` when present) for the query's filters.
void addArticleConditions(Sql &sql, const PlanContext &context, const SearchQuery &query, bool withTitle, bool hasBlock,
                          bool hasNote)
{
    const QString tagSet = search::tagSet(context.postgres);
    const QString instr = context.postgres ? QStringLiteral("strpos") : QStringLiteral("instr");
    for (const QString &p : query.publications) {
        sql.add(QStringLiteral(" AND a.issue_id IN (SELECT i2.id FROM issues i2 JOIN publications p2 "
                               "ON p2.id = i2.publication_id WHERE %1(p2.name, ?) > 0)")
                    .arg(instr),
                {p});
    }
    for (const QString &r : query.reporters) {
        sql.add(QStringLiteral(" AND a.id IN (SELECT ar.article_id FROM article_reporters ar JOIN reporters r "
                               "ON r.id = ar.reporter_id WHERE %1(r.name, ?) > 0)")
                    .arg(instr),
                {r});
    }
    for (const QString &tagPath : query.tags) {
        const QString tag = lastTagName(tagPath);
        QString condition =
            QStringLiteral("a.id IN (SELECT article_id FROM article_tags WHERE tag_id IN ") + tagSet + u')';
        QVariantList values{tag};
        if (hasBlock) {
            condition += QStringLiteral(" OR b.id IN (SELECT block_id FROM block_tags WHERE tag_id IN ") + tagSet +
                         QStringLiteral(") OR b.id IN (SELECT h.block_id FROM highlights h JOIN highlight_tags ht "
                                        "ON ht.highlight_id = h.id WHERE ht.tag_id IN ") +
                         tagSet + u')';
            values += {tag, tag};
        }
        if (hasNote) {
            condition += QStringLiteral(" OR n.id IN (SELECT note_id FROM note_tags WHERE tag_id IN ") + tagSet + u')';
            values += tag;
        }
        sql.add(QStringLiteral(" AND (") + condition + u')', values);
    }
    // author: what they annotated (authoredBlocks()); in:notes, the notes they wrote.
    for (const QString &author : query.authors) {
        if (hasNote) {
            sql.add(QStringLiteral(" AND ") + authorIs(context.postgres, QStringLiteral("n.created_by")), {author});
            continue;
        }
        const QString blocks = authoredBlocks(context.postgres);
        const QString paragraphs = hasBlock ? QString(QStringLiteral("b.id IN (") + blocks + u')')
                                            : QStringLiteral("a.id IN (SELECT article_id FROM blocks WHERE id IN (") +
                                                  QString(blocks + QStringLiteral("))"));
        sql.add(QStringLiteral(" AND (a.id IN (") + authoredArticles(context.postgres) + QStringLiteral(") OR ") +
                    paragraphs + u')',
                {author, author, author, author, author, author});
    }
    // person: and office: read the people index (core/analysis, schema v6), kept current after every write of text.
    for (const QString &person : query.persons) {
        sql.add(QStringLiteral(" AND a.id IN (SELECT pa.article_id FROM appearances pa JOIN persons pp "
                               "ON pp.id = pa.person_id WHERE pp.name = ?)"),
                {person});
    }
    for (const QString &office : query.offices)
        sql.add(QStringLiteral(" AND a.id IN (SELECT article_id FROM appearances WHERE %1(offices, ?) > 0)").arg(instr),
                {office});
    // own: reads the paragraphs' share of reuse the reuse layer keeps (schema v12, docs/reuse.md): a paragraph is
    // shared when passages other articles share cover at least half of it. Without a paragraph (headlines), an
    // article is shared when one of its paragraphs is.
    if (query.own != SearchQuery::Own::Any) {
        const QString shared = hasBlock ? QStringLiteral("b.id IN (SELECT block_id FROM reuse_paragraphs WHERE "
                                                         "shared_chars * 2 >= characters)")
                                        : QStringLiteral("a.id IN (SELECT article_id FROM reuse_paragraphs WHERE "
                                                         "shared_chars * 2 >= characters)");
        sql.add(query.own == SearchQuery::Own::Shared ? QStringLiteral(" AND ") + shared
                                                      : QStringLiteral(" AND NOT ") + shared);
    }
    if (withTitle && !query.titleTerms.isEmpty() && context.postgres) {
        sql.add(QStringLiteral(" AND a.id IN (SELECT article_id FROM search_headlines WHERE ") +
                    tsCondition(QStringLiteral("search_headlines"), QStringLiteral("article_id"),
                                context.overflow.headlines) +
                    u')',
                {postgres::titleQuery(query)});
    } else if (withTitle && !query.titleTerms.isEmpty()) {
        sql.add(QStringLiteral(" AND a.id IN (SELECT rowid FROM search_articles WHERE search_articles MATCH ?)"),
                {query.titleMatchExpression()});
    }
}

void addDateConditions(Sql &sql, const SearchQuery &query, const QString &dateColumn)
{
    if (query.from.isValid())
        sql.add(QStringLiteral(" AND %1 >= ?").arg(dateColumn), {query.from.toString(Qt::ISODate)});
    if (query.to.isValid())
        sql.add(QStringLiteral(" AND %1 <= ?").arg(dateColumn), {query.to.toString(Qt::ISODate)});
}

} // namespace

bool tableExists(QSqlDatabase db, const QString &name)
{
    QSqlQuery query(db);
    query.prepare(dialect::isPostgres(db) ? QStringLiteral("SELECT 1 FROM pg_catalog.pg_tables WHERE schemaname = "
                                                           "current_schema() AND tablename = ?")
                                          : QStringLiteral("SELECT 1 FROM sqlite_master WHERE name = ?"));
    query.addBindValue(name);
    return query.exec() && query.next();
}

namespace {

Plan makePlan(const PlanContext &context, const SearchQuery &query, const OcrMatches &ocr)
{
    Plan plan;
    const bool pg = context.postgres;
    if (query.scope == SearchQuery::Scope::Notes) {
        plan.kind = SearchHit::Kind::Note;
        if (pg) {
            plan.from = QStringLiteral("search_notes JOIN notes n ON n.id = search_notes.note_id ");
            plan.where.add(
                tsCondition(QStringLiteral("search_notes"), QStringLiteral("note_id"), context.overflow.notes),
                {postgres::textQuery(query)});
        } else {
            plan.ftsTable = QStringLiteral("search_notes");
            plan.from = QStringLiteral("search_notes JOIN notes n ON n.id = search_notes.rowid ");
            plan.where.add(QStringLiteral("search_notes MATCH ?"), {query.matchExpression()});
        }
        plan.from += QStringLiteral("LEFT JOIN blocks b ON b.id = n.block_id LEFT JOIN articles a ON a.id = "
                                    "b.article_id LEFT JOIN issues i ON i.id = coalesce(a.issue_id, n.issue_id)");
        addDateConditions(plan.where, query, QStringLiteral("i.date"));
        addArticleConditions(plan.where, context, query, true, true, true);
    } else if (query.isPeopleOnly()) {
        // The articles that name them, as headlines (no text to match, so no rank).
        plan.kind = SearchHit::Kind::Headline;
        plan.from = QStringLiteral("articles a LEFT JOIN issues i ON i.id = a.issue_id");
        plan.where.add(QStringLiteral("1 = 1"));
        addDateConditions(plan.where, query, QStringLiteral("i.date"));
        addArticleConditions(plan.where, context, query, false, false, false);
    } else if (query.isTitleOnly()) {
        plan.kind = SearchHit::Kind::Headline;
        if (pg) {
            plan.from = QStringLiteral("search_headlines JOIN articles a ON a.id = search_headlines.article_id ");
            plan.where.add(tsCondition(QStringLiteral("search_headlines"), QStringLiteral("article_id"),
                                       context.overflow.headlines),
                           {postgres::titleQuery(query)});
        } else {
            plan.ftsTable = QStringLiteral("search_articles");
            plan.from = QStringLiteral("search_articles JOIN articles a ON a.id = search_articles.rowid ");
            plan.where.add(QStringLiteral("search_articles MATCH ?"), {query.titleMatchExpression()});
        }
        plan.from += QStringLiteral("LEFT JOIN issues i ON i.id = a.issue_id");
        addDateConditions(plan.where, query, QStringLiteral("i.date"));
        addArticleConditions(plan.where, context, query, false, false, false);
    } else {
        plan.kind = SearchHit::Kind::Paragraph;
        // A team library's paragraphs under the names of SQLite's: search_blocks.rowid is the same key
        // (postgresindex.h), so the rest of the plan and the queries over it are one copy.
        const QString keys = pg ? QStringLiteral("search_paragraphs") : QStringLiteral("search_block_keys");
        if (query.hasTextTerms() && pg) {
            plan.from = QStringLiteral("(SELECT key AS rowid, block_id, length, overflow, tokens FROM "
                                       "search_paragraphs) AS search_blocks");
            plan.where.add(
                tsCondition(QStringLiteral("search_blocks"), QStringLiteral("block_id"), context.overflow.paragraphs),
                {postgres::textQuery(query)});
        } else if (query.hasTextTerms()) {
            plan.ftsTable = QStringLiteral("search_blocks");
            plan.from = QStringLiteral("search_blocks");
            plan.where.add(QStringLiteral("search_blocks MATCH ?"), {query.matchExpression()});
        } else if (query.isTagsOnly()) {
            // tag: alone: the keys of the first tag's paragraphs (the other tags narrow them below).
            plan.from = QStringLiteral("(SELECT key AS rowid, 0 AS rank, block_id FROM %1) AS search_blocks").arg(keys);
            const QString tag = lastTagName(query.tags.front());
            plan.where.add(QStringLiteral("search_blocks.block_id IN (") + taggedBlocks(pg) + u')', {tag, tag, tag});
        } else if (query.isAnnotatedOnly()) {
            // author: alone: the keys of the paragraphs the first author annotated and of the first paragraph of each
            // article they tagged (the other filters narrow them below).
            plan.from = QStringLiteral("(SELECT key AS rowid, 0 AS rank, block_id FROM %1) AS search_blocks").arg(keys);
            const QString author = query.authors.front();
            plan.where.add(
                QStringLiteral("search_blocks.block_id IN (") + authoredBlocks(pg) +
                    QStringLiteral(" UNION SELECT (SELECT b.id FROM blocks b WHERE b.article_id = "
                                   "at.article_id ORDER BY b.position LIMIT 1) FROM article_tags at WHERE ") +
                    authorIs(pg, QStringLiteral("at.created_by")) + u')',
                {author, author, author, author, author, author});
        } else {
            // ocr: alone: the corrected paragraphs' keys, under the names the rest of the plan uses.
            plan.from = QStringLiteral("(SELECT key AS rowid, 0 AS rank FROM %1) AS search_blocks").arg(keys);
            plan.where.add(QStringLiteral("1 = 1"));
        }
        // ocr: the paragraph as the OCR read it around one of the reader's text corrections (docs/corrections.md),
        // found beforehand (ocrmatches.h): their ids are integers the library gave.
        if (!query.ocrTexts.isEmpty()) {
            QStringList ids;
            ids.reserve(ocr.blocks.size());
            for (const qint64 id : ocr.blocks)
                ids.append(QString::number(id));
            plan.where.add(ids.isEmpty() ? QStringLiteral(" AND 1 = 0")
                                         : QStringLiteral(" AND %1 IN (%2)").arg(blockIdOfRowid(pg), ids.join(u',')));
        }
        // Dates are rowid ranges: the key begins with SQLite's Julian day (searchindex.h: day << 20 | ordinal; on a
        // team library day << 32 | block id), computed here. Undated paragraphs' keys are below every day's.
        const auto firstKey = [pg](qint64 day) {
            return pg ? day << 32 : firstKeyOfDay(day);
        };
        if (query.from.isValid()) {
            plan.where.add(QStringLiteral(" AND search_blocks.rowid >= ?"),
                           {firstKey(postgres::keyDay(query.from.toString(Qt::ISODate)))});
        } else if (query.to.isValid()) {
            plan.where.add(QStringLiteral(" AND search_blocks.rowid >= ?"), {firstKey(1)}); // dated issues only
        }
        if (query.to.isValid()) {
            plan.where.add(QStringLiteral(" AND search_blocks.rowid < ?"),
                           {firstKey(postgres::keyDay(query.to.toString(Qt::ISODate)) + 1)});
        }
        if (query.hasArticleFilters()) {
            Sql exists;
            exists.add(QStringLiteral(" AND EXISTS (SELECT 1 FROM blocks b JOIN articles a ON a.id = b.article_id "
                                      "WHERE b.id = %1")
                           .arg(blockIdOfRowid(pg)));
            addArticleConditions(exists, context, query, true, true, false);
            exists.add(QStringLiteral(")"));
            plan.where.add(exists.text, exists.binds);
        }
    }
    return plan;
}

} // namespace

/// Why `query` cannot run on `db` (invalid, or a filter whose tables this library lacks); nothing when it can.
Result<void> checkRunnable(const SearchQuery &query, QSqlDatabase db)
{
    if (!query.isValid())
        return Error(query.error);
    if (!query.tags.isEmpty() && !tableExists(db, QStringLiteral("tags")))
        return Error(SearchService::tr("tag: needs a library with tags"));
    if (!query.authors.isEmpty()) {
        const Result<QStringList> authors = annotationAuthors(db);
        if (!authors)
            return Error(SearchService::tr("database error: %1").arg(authors.error().message()));
        for (const QString &author : query.authors) {
            // ASCII letters folded only, as the SQL does
            const auto fold = [](QString name) {
                for (QChar &c : name) {
                    if (c >= u'A' && c <= u'Z')
                        c = QChar(c.unicode() + 32);
                }
                return name;
            };
            const bool known = std::any_of(authors->cbegin(), authors->cend(),
                                           [&](const QString &name) { return fold(name) == fold(author); });
            if (known)
                continue;
            if (authors->isEmpty())
                return Error(
                    SearchService::tr("author:%1: nobody has annotated anything in this library yet").arg(author));
            return Error(SearchService::tr("author:%1: nobody of that name has annotated this library (authors: %2)")
                             .arg(author, authors->join(QStringLiteral(", "))));
        }
    }
    if (query.hasPeopleFilters() && !tableExists(db, QStringLiteral("appearances")))
        return Error(SearchService::tr("person: and office: need a library with the people index"));
    if (query.own != SearchQuery::Own::Any &&
        (!tableExists(db, QStringLiteral("reuse_paragraphs")) ||
         !sql::scalar(db, QStringLiteral("SELECT 1 FROM reuse_built LIMIT 1")).isValid()))
        return Error(SearchService::tr("own: needs the text-reuse index, which this library does not have yet; build "
                                       "it with Tools → Build Reuse Index or dubao-cli reuse --rebuild"));
    if (dialect::isPostgres(db) && !tableExists(db, QStringLiteral("search_paragraphs")))
        return Error(SearchService::tr("this team library has no search index"));
    if (query.scope == SearchQuery::Scope::Notes && !tableExists(db, QStringLiteral("search_notes")))
        return Error(SearchService::tr("in:notes: this library has no notes index"));
    return {};
}

/// The plan of `query` on `db` once checkRunnable() allows it, with its ocr: filters' matches looked up.
Result<Plan> runnablePlan(const SearchQuery &query, QSqlDatabase db)
{
    if (Result<void> runnable = checkRunnable(query, db); !runnable)
        return runnable.error();
    const Result<OcrMatches> ocr = findOcrMatches(db, query.ocrTexts);
    if (!ocr)
        return Error(SearchService::tr("database error: %1").arg(ocr.error().message()));
    return planFor(db, query, *ocr);
}

Result<Plan> planFor(QSqlDatabase db, const SearchQuery &query, const OcrMatches &ocr)
{
    PlanContext context;
    context.postgres = dialect::isPostgres(db);
    if (context.postgres) {
        Result<postgres::OverflowMatches> overflow = postgres::overflowMatches(db, query);
        if (!overflow)
            return Error(SearchService::tr("database error: %1").arg(overflow.error().message()));
        context.overflow = std::move(*overflow);
    }
    return makePlan(context, query, ocr);
}

} // namespace dubao::search
