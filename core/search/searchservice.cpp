// Search queries over the FTS5 index. Why the SQL looks as it does (rowid = date key, bounded ranking):
// docs/search.md.
#include "core/search/searchservice.h"

#include "core/model/issuedate.h"
#include "core/search/hitscan.h"
#include "core/search/ocrmatches.h"
#include "core/search/ranking.h"
#include "core/search/searchindex.h"
#include "core/store/cancelguard.h"
#include "core/store/library.h"
#include "core/store/sql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <sqlite3.h>

#include <algorithm>
#include <memory>

namespace dubao {

namespace {

constexpr const char *kBlockIdOfRowid = "(search_blocks.rowid & 4294967295)";

// A WHERE clause with its bound values, in order.
struct Sql
{
    QString text;
    QVariantList binds;

    Sql &add(const QString &s, const QVariantList &values = {})
    {
        text += s;
        binds += values;
        return *this;
    }
};

QString tagSet()
{
    return QStringLiteral("(WITH RECURSIVE t(id) AS (SELECT id FROM tags WHERE name = ? COLLATE NOCASE "
                          "UNION SELECT c.id FROM tags c JOIN t ON c.parent_id = t.id) SELECT id FROM t)");
}

// The paragraphs `tag:` alone lists for one tag (bound three times): those tagged, those holding a tagged highlight,
// and the first paragraph of each tagged article — read from the tag tables' indexes, never a scan of the blocks.
QString taggedBlocks()
{
    return QStringLiteral("SELECT block_id FROM block_tags WHERE tag_id IN ") + tagSet() +
           QStringLiteral(" UNION SELECT h.block_id FROM highlights h JOIN highlight_tags ht ON ht.highlight_id = h.id "
                          "WHERE h.block_id IS NOT NULL AND ht.tag_id IN ") +
           tagSet() +
           QStringLiteral(" UNION SELECT (SELECT b.id FROM blocks b WHERE b.article_id = at.article_id ORDER BY "
                          "b.position LIMIT 1) FROM article_tags at WHERE at.tag_id IN ") +
           tagSet();
}

QString lastTagName(const QString &tagPath)
{
    return tagPath.section(u'/', -1, -1, QString::SectionSkipEmpty);
}

// Conditions on the article `a` (and block `b`, note `n` when present) for the query's filters.
void addArticleConditions(Sql &sql, const SearchQuery &query, bool withTitle, bool hasBlock, bool hasNote)
{
    for (const QString &p : query.publications) {
        sql.add(QStringLiteral(" AND a.issue_id IN (SELECT i2.id FROM issues i2 JOIN publications p2 "
                               "ON p2.id = i2.publication_id WHERE instr(p2.name, ?) > 0)"),
                {p});
    }
    for (const QString &r : query.reporters) {
        sql.add(QStringLiteral(" AND a.id IN (SELECT ar.article_id FROM article_reporters ar JOIN reporters r "
                               "ON r.id = ar.reporter_id WHERE instr(r.name, ?) > 0)"),
                {r});
    }
    for (const QString &tagPath : query.tags) {
        const QString tag = lastTagName(tagPath);
        QString condition =
            QStringLiteral("a.id IN (SELECT article_id FROM article_tags WHERE tag_id IN ") + tagSet() + u')';
        QVariantList values{tag};
        if (hasBlock) {
            condition += QStringLiteral(" OR b.id IN (SELECT block_id FROM block_tags WHERE tag_id IN ") + tagSet() +
                         QStringLiteral(") OR b.id IN (SELECT h.block_id FROM highlights h JOIN highlight_tags ht "
                                        "ON ht.highlight_id = h.id WHERE ht.tag_id IN ") +
                         tagSet() + u')';
            values += {tag, tag};
        }
        if (hasNote) {
            condition +=
                QStringLiteral(" OR n.id IN (SELECT note_id FROM note_tags WHERE tag_id IN ") + tagSet() + u')';
            values += tag;
        }
        sql.add(QStringLiteral(" AND (") + condition + u')', values);
    }
    // person: and office: read the people index (core/analysis, schema v6), kept current after every write of text.
    for (const QString &person : query.persons) {
        sql.add(QStringLiteral(" AND a.id IN (SELECT pa.article_id FROM appearances pa JOIN persons pp "
                               "ON pp.id = pa.person_id WHERE pp.name = ?)"),
                {person});
    }
    for (const QString &office : query.offices)
        sql.add(QStringLiteral(" AND a.id IN (SELECT article_id FROM appearances WHERE instr(offices, ?) > 0)"),
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
    if (withTitle && !query.titleTerms.isEmpty()) {
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

bool tableExists(QSqlDatabase db, const QString &name)
{
    QSqlQuery query(db);
    query.prepare(QStringLiteral("SELECT 1 FROM sqlite_master WHERE name = ?"));
    query.addBindValue(name);
    return query.exec() && query.next();
}

// The FROM + WHERE of the hits of `query`, and what a hit row looks like.
struct Plan
{
    SearchHit::Kind kind = SearchHit::Kind::Paragraph;
    QString from;
    Sql where;
    QString ftsTable; ///< for rank
};

Plan makePlan(const SearchQuery &query, const OcrMatches &ocr)
{
    Plan plan;
    if (query.scope == SearchQuery::Scope::Notes) {
        plan.kind = SearchHit::Kind::Note;
        plan.ftsTable = QStringLiteral("search_notes");
        plan.from = QStringLiteral(
            "search_notes JOIN notes n ON n.id = search_notes.rowid LEFT JOIN blocks b ON b.id = n.block_id "
            "LEFT JOIN articles a ON a.id = b.article_id LEFT JOIN issues i ON i.id = coalesce(a.issue_id, "
            "n.issue_id)");
        plan.where.add(QStringLiteral("search_notes MATCH ?"), {query.matchExpression()});
        addDateConditions(plan.where, query, QStringLiteral("i.date"));
        addArticleConditions(plan.where, query, true, true, true);
    } else if (query.isPeopleOnly()) {
        // The articles that name them, as headlines (no text to match, so no rank).
        plan.kind = SearchHit::Kind::Headline;
        plan.from = QStringLiteral("articles a LEFT JOIN issues i ON i.id = a.issue_id");
        plan.where.add(QStringLiteral("1"));
        addDateConditions(plan.where, query, QStringLiteral("i.date"));
        addArticleConditions(plan.where, query, false, false, false);
    } else if (query.isTitleOnly()) {
        plan.kind = SearchHit::Kind::Headline;
        plan.ftsTable = QStringLiteral("search_articles");
        plan.from = QStringLiteral("search_articles JOIN articles a ON a.id = search_articles.rowid "
                                   "LEFT JOIN issues i ON i.id = a.issue_id");
        plan.where.add(QStringLiteral("search_articles MATCH ?"), {query.titleMatchExpression()});
        addDateConditions(plan.where, query, QStringLiteral("i.date"));
        addArticleConditions(plan.where, query, false, false, false);
    } else {
        plan.kind = SearchHit::Kind::Paragraph;
        plan.ftsTable = QStringLiteral("search_blocks");
        plan.from = QStringLiteral("search_blocks");
        if (query.hasTextTerms()) {
            plan.where.add(QStringLiteral("search_blocks MATCH ?"), {query.matchExpression()});
        } else if (query.isTagsOnly()) {
            // tag: alone: the keys of the first tag's paragraphs (the other tags narrow them below).
            plan.from =
                QStringLiteral("(SELECT key AS rowid, 0 AS rank, block_id FROM search_block_keys) AS search_blocks");
            const QString tag = lastTagName(query.tags.front());
            plan.where.add(QStringLiteral("search_blocks.block_id IN (") + taggedBlocks() + u')', {tag, tag, tag});
        } else {
            // ocr: alone: the corrected paragraphs' keys, under the names the rest of the plan uses.
            plan.from = QStringLiteral("(SELECT key AS rowid, 0 AS rank FROM search_block_keys) AS search_blocks");
            plan.where.add(QStringLiteral("1"));
        }
        // ocr: the paragraph as the OCR read it around one of the reader's text corrections (docs/corrections.md),
        // found beforehand (ocrmatches.h): their ids are integers the library gave.
        if (!query.ocrTexts.isEmpty()) {
            QStringList ids;
            ids.reserve(ocr.blocks.size());
            for (const qint64 id : ocr.blocks)
                ids.append(QString::number(id));
            plan.where.add(ids.isEmpty()
                               ? QStringLiteral(" AND 0")
                               : QStringLiteral(" AND %1 IN (%2)").arg(QLatin1String(kBlockIdOfRowid), ids.join(u',')));
        }
        // Dates are rowid ranges: rowid = Julian day << 32 | block id (searchindex.cpp).
        if (query.from.isValid()) {
            plan.where.add(QStringLiteral(" AND search_blocks.rowid >= CAST(julianday(?) AS INTEGER) * 4294967296"),
                           {query.from.toString(Qt::ISODate)});
        } else if (query.to.isValid()) {
            plan.where.add(QStringLiteral(" AND search_blocks.rowid >= 4294967296")); // dated issues only
        }
        if (query.to.isValid()) {
            plan.where.add(
                QStringLiteral(" AND search_blocks.rowid < (CAST(julianday(?) AS INTEGER) + 1) * 4294967296"),
                {query.to.toString(Qt::ISODate)});
        }
        if (query.hasArticleFilters()) {
            Sql exists;
            exists.add(QStringLiteral(" AND EXISTS (SELECT 1 FROM blocks b JOIN articles a ON a.id = b.article_id "
                                      "WHERE b.id = %1")
                           .arg(QLatin1String(kBlockIdOfRowid)));
            addArticleConditions(exists, query, true, true, false);
            exists.add(QStringLiteral(")"));
            plan.where.add(exists.text, exists.binds);
        }
    }
    return plan;
}

bool run(QSqlQuery &q, const QString &sql, const QVariantList &binds)
{
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return false;
    for (const QVariant &v : binds)
        q.addBindValue(v);
    return q.exec();
}

QString databaseError(const QString &message)
{
    return SearchService::tr("database error: %1").arg(message);
}

QString databaseError(const QSqlQuery &q)
{
    return databaseError(q.lastError().text());
}

/// Ranges sorted and merged where they touch, within [0, length).
QList<TextRange> mergeRanges(QList<TextRange> ranges, qsizetype length)
{
    std::sort(ranges.begin(), ranges.end(), [](const TextRange &a, const TextRange &b) { return a.start < b.start; });
    QList<TextRange> merged;
    for (const TextRange &r : std::as_const(ranges)) {
        const qsizetype start = std::clamp<qsizetype>(r.start, 0, length);
        const qsizetype end = std::clamp<qsizetype>(r.end(), start, length);
        if (!merged.isEmpty() && start <= merged.last().end())
            merged.last().length = std::max(merged.last().end(), end) - merged.last().start;
        else if (end > start)
            merged.append({start, end - start});
    }
    return merged;
}

// What tag: alone marks in a hit: the ranges of the paragraph's highlights with the first tag, merged.
class TaggedRanges final
{
public:
    TaggedRanges(QSqlDatabase db, const SearchQuery &query)
        : m_query(db)
    {
        if (!query.isTagsOnly())
            return;
        m_query.setForwardOnly(true);
        m_ready =
            m_query.prepare(QStringLiteral("SELECT h.start, h.\"end\" FROM highlights h JOIN highlight_tags ht ON "
                                           "ht.highlight_id = h.id WHERE h.block_id = ? AND h.start IS NOT NULL "
                                           "AND ht.tag_id IN ") +
                            tagSet() + QStringLiteral(" ORDER BY h.start"));
        m_tag = lastTagName(query.tags.front());
    }

    QList<TextRange> ranges(qint64 blockId, qsizetype textLength)
    {
        QList<TextRange> merged;
        if (!m_ready)
            return merged;
        m_query.addBindValue(blockId);
        m_query.addBindValue(m_tag);
        if (!m_query.exec())
            return merged;
        while (m_query.next()) {
            const qsizetype start = std::clamp<qsizetype>(m_query.value(0).toLongLong(), 0, textLength);
            const qsizetype end = std::clamp<qsizetype>(m_query.value(1).toLongLong(), start, textLength);
            if (!merged.isEmpty() && start <= merged.last().end())
                merged.last().length = std::max(merged.last().end(), end) - merged.last().start;
            else if (end > start)
                merged.append({start, end - start});
        }
        return merged;
    }

private:
    QSqlQuery m_query;
    QString m_tag;
    bool m_ready = false;
};

} // namespace

QString SearchHit::dateText() const
{
    return issueDateText(date, month, day);
}

SearchService::SearchService(Library &library)
    : m_library(library)
{}

SearchResult SearchService::search(const QString &text, const SearchOptions &options, const std::atomic_bool *cancel)
{
    return search(QueryParser::parse(text), options, cancel);
}

namespace {

/// Why `query` cannot run on `db` (invalid, or a filter whose tables this library lacks); nothing when it can.
Result<void> checkRunnable(const SearchQuery &query, QSqlDatabase db)
{
    if (!query.isValid())
        return Error(query.error);
    if (!query.tags.isEmpty() && !tableExists(db, QStringLiteral("tags")))
        return Error(SearchService::tr("tag: needs a library with tags"));
    if (query.hasPeopleFilters() && !tableExists(db, QStringLiteral("appearances")))
        return Error(SearchService::tr("person: and office: need a library with the people index"));
    if (query.own != SearchQuery::Own::Any &&
        (!tableExists(db, QStringLiteral("reuse_paragraphs")) ||
         !sql::scalar(db, QStringLiteral("SELECT 1 FROM reuse_built LIMIT 1")).isValid()))
        return Error(SearchService::tr("own: needs the text-reuse index, which this library does not have yet; build "
                                       "it with Tools → Build Reuse Index or dubao-cli reuse --rebuild"));
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
        return Error(databaseError(ocr.error().message()));
    return makePlan(query, *ocr);
}

} // namespace

Result<qint64> SearchService::count(const SearchQuery &query, const std::atomic_bool *cancel)
{
    return countUpTo(query, 0, cancel);
}

Result<qint64> SearchService::countUpTo(const SearchQuery &query, qint64 most, const std::atomic_bool *cancel)
{
    QSqlDatabase db = m_library.database();
    const Result<Plan> planned = runnablePlan(query, db);
    if (!planned)
        return planned.error();
    const Plan &plan = *planned;
    CancelGuard guard(sql::handle(db), cancel);
    QSqlQuery q(db);
    const QString hits = QStringLiteral(" FROM ") + plan.from + QStringLiteral(" WHERE ") + plan.where.text;
    // With a limit FTS5 stops reading the doclists after `most` hits (except a prefix query's, which it merges
    // first: a one-character term).
    const QString text =
        most > 0 ? QStringLiteral("SELECT count(*) FROM (SELECT 1%1 LIMIT %2)").arg(hits, QString::number(most))
                 : QStringLiteral("SELECT count(*)%1").arg(hits);
    if (!run(q, text, plan.where.binds) || !q.next())
        return Error((cancel && cancel->load()) ? tr("cancelled") : databaseError(q));
    return q.value(0).toLongLong();
}

Result<QMap<qint64, qint64>> SearchService::countByDay(const SearchQuery &query, const std::atomic_bool *cancel)
{
    QSqlDatabase db = m_library.database();
    const Result<Plan> planned = runnablePlan(query, db);
    if (!planned)
        return planned.error();
    const Plan &plan = *planned;
    CancelGuard guard(sql::handle(db), cancel);
    auto cancelled = [&] {
        return cancel && cancel->load();
    };
    // Paragraphs carry their date in the rowid (Julian day at midnight, as SQLite counts, << 32); notes and
    // headlines join their issue. SQLite's day is QDate's minus one: QDate counts from noon.
    if (plan.kind == SearchHit::Kind::Paragraph) {
        const Result<QMap<qint64, qint64>> keyDays = search::hitsByKeyDay(
            db, QStringLiteral(" FROM ") + plan.from + QStringLiteral(" WHERE ") + plan.where.text, plan.where.binds);
        if (cancelled())
            return Error(tr("cancelled"));
        if (!keyDays)
            return keyDays.error();
        QMap<qint64, qint64> days;
        for (auto it = keyDays->cbegin(); it != keyDays->cend(); ++it)
            days[it.key() > 0 ? it.key() + 1 : 0] += it.value();
        return days;
    }
    QSqlQuery q(db);
    if (!run(q,
             QStringLiteral("SELECT coalesce(CAST(julianday(i.date) AS INTEGER), 0) AS day, count(*) FROM ") +
                 plan.from + QStringLiteral(" WHERE ") + plan.where.text + QStringLiteral(" GROUP BY day"),
             plan.where.binds))
        return Error(cancelled() ? tr("cancelled") : databaseError(q));
    QMap<qint64, qint64> days;
    while (q.next()) {
        const qint64 sqliteDay = q.value(0).toLongLong();
        days[sqliteDay > 0 ? sqliteDay + 1 : 0] += q.value(1).toLongLong();
    }
    if (cancelled())
        return Error(tr("cancelled"));
    return days;
}

namespace {

// How many of the newest paragraphs a one-character query reads before it leaves the work to FTS5 (hitscan.h): a
// character in at least a sixth of the paragraphs has its 5,001 newest hits within them.
constexpr qint64 kCharacterScanRows = 30000;

// The newest `most` hits of a paragraph search with their scores, counted and scored in one pass.
Result<QList<search::ScoredHit>> newestHits(QSqlDatabase db, const SearchQuery &query, qint64 most,
                                            const std::atomic_bool *cancel)
{
    const Result<Plan> planned = runnablePlan(query, db);
    if (!planned)
        return planned.error();
    const Plan &plan = *planned;
    // A common single character is found faster by reading the newest paragraphs than by FTS5's prefix query, when
    // the plan is that match and nothing else (a filter of any kind, even one added later, keeps FTS5).
    const bool matchOnly = plan.from == QLatin1String("search_blocks") &&
                           plan.where.text == QLatin1String("search_blocks MATCH ?") && plan.where.binds.size() == 1;
    if (const char32_t character = matchOnly ? search::singleCharacter(query) : 0; character != 0) {
        Result<std::optional<QList<search::ScoredHit>>> scanned =
            search::newestHitsOfCharacter(db, character, most, kCharacterScanRows, cancel);
        if (!scanned)
            return scanned.error();
        if (*scanned)
            return std::move(**scanned);
    }
    CancelGuard guard(sql::handle(db), cancel);
    Result<QList<search::ScoredHit>> hits = search::newestScoredHits(
        db, QStringLiteral(" FROM ") + plan.from + QStringLiteral(" WHERE ") + plan.where.text, plan.where.binds, most);
    if (cancel && cancel->load())
        return Error(SearchService::tr("cancelled"));
    return hits;
}

} // namespace

SearchResult SearchService::search(const SearchQuery &query, const SearchOptions &options,
                                   const std::atomic_bool *cancel)
{
    SearchResult result;
    result.query = query;
    result.order = options.order;
    result.offset = std::max(0, options.offset);
    if (!query.isValid()) {
        result.error = query.error;
        return result;
    }
    auto isCancelled = [&] {
        return cancel && cancel->load();
    };

    // Without an exact total, counting stops past what this page and the ranking need (rankCapped below is then
    // decided the same way): a common term's page does not wait for all its hits to be counted.
    const qint64 enough = std::max<qint64>(kRankedHits, qint64(std::max(0, options.offset)) + options.limit);
    // The first page by relevance of a term with more hits than are ranked (the common case while typing): its
    // newest kRankedHits + 1 hits are counted and scored in one pass, instead of counting them and then reading them
    // again to rank them (docs/search.md).
    const bool onePass = !options.exactTotal && options.order == SearchOrder::Relevance &&
                         query.scope == SearchQuery::Scope::Paragraphs && query.hasTextTerms() && enough == kRankedHits;
    QList<search::ScoredHit> newest;
    Result<qint64> total = qint64(0);
    if (onePass) {
        Result<QList<search::ScoredHit>> hits = newestHits(m_library.database(), query, enough + 1, cancel);
        if (hits) {
            newest = std::move(*hits);
            total = qint64(newest.size());
        } else {
            total = hits.error();
        }
    } else {
        total = options.exactTotal ? count(query, cancel) : countUpTo(query, enough + 1, cancel);
    }
    if (!total) {
        result.cancelled = isCancelled();
        if (!result.cancelled)
            result.error = total.error().message();
        return result;
    }
    result.total = std::min(*total, options.exactTotal ? *total : enough);
    result.totalIsLowerBound = !options.exactTotal && *total > enough;
    const bool moreThanRanked = result.total > kRankedHits || result.totalIsLowerBound;
    const int limit = std::max(0, options.limit);
    if (limit == 0 || result.offset >= result.total)
        return result;

    QSqlDatabase db = m_library.database();
    const Result<OcrMatches> ocr = findOcrMatches(db, query.ocrTexts);
    if (!ocr) {
        result.error = databaseError(ocr.error().message());
        return result;
    }
    const Plan plan = makePlan(query, *ocr);
    CancelGuard guard(sql::handle(db), cancel);
    const QString where = QStringLiteral(" FROM ") + plan.from + QStringLiteral(" WHERE ") + plan.where.text;
    const QVariantList page{limit, result.offset};
    QSqlQuery q(db);
    bool ok = false;

    // 1. The ids of this page, in order.
    QList<qint64> ids;
    if (plan.kind == SearchHit::Kind::Paragraph) {
        const QString select = QStringLiteral("SELECT search_blocks.rowid") + where;
        // Without text terms (ocr:, tag: alone) there is nothing to score: relevance is the newest first.
        const bool scored = query.hasTextTerms();
        if (scored && options.order == SearchOrder::Relevance && moreThanRanked && result.offset < kRankedHits) {
            // Too many hits to score them all quickly: rank the newest kRankedHits (the rest follow, newest
            // first, which is exactly what Newest gives from position kRankedHits on).
            result.rankCapped = true;
            if (newest.size() > kRankedHits) {
                newest.resize(kRankedHits);
                search::sortByScore(newest);
                for (qsizetype k = result.offset; k < std::min<qsizetype>(result.offset + limit, kRankedHits); ++k)
                    ids.append(newest[k].rowid);
                ok = true;
            } else {
                ok = run(q,
                         QStringLiteral("SELECT id FROM (SELECT search_blocks.rowid AS id, %1(search_blocks) AS score")
                                 .arg(QLatin1String(search::kRankFunctionName)) +
                             where +
                             QStringLiteral(" ORDER BY search_blocks.rowid DESC LIMIT %1) "
                                            "ORDER BY score, id DESC LIMIT ? OFFSET ?")
                                 .arg(kRankedHits),
                         plan.where.binds + QVariantList{std::min(limit, kRankedHits - result.offset), result.offset});
                while (ok && q.next())
                    ids.append(q.value(0).toLongLong());
            }
            if (ok && ids.size() < limit) {
                // The page runs past the ranked part.
                ok = run(q, select + QStringLiteral(" ORDER BY search_blocks.rowid DESC LIMIT ? OFFSET ?"),
                         plan.where.binds + QVariantList{limit - int(ids.size()), kRankedHits});
                while (ok && q.next())
                    ids.append(q.value(0).toLongLong());
            }
        } else {
            result.rankCapped = scored && options.order == SearchOrder::Relevance && moreThanRanked;
            const QString order = options.order == SearchOrder::Oldest ? QStringLiteral(" ORDER BY search_blocks.rowid")
                                  : options.order == SearchOrder::Newest || result.rankCapped
                                      ? QStringLiteral(" ORDER BY search_blocks.rowid DESC")
                                      : QStringLiteral(" ORDER BY search_blocks.rank, search_blocks.rowid DESC");
            ok = run(q, select + order + QStringLiteral(" LIMIT ? OFFSET ?"), plan.where.binds + page);
            while (ok && q.next())
                ids.append(q.value(0).toLongLong());
        }
        if (!ok) {
            result.cancelled = isCancelled();
            if (!result.cancelled)
                result.error = databaseError(q);
            return result;
        }

        // 2. The paragraphs.
        const MatchHighlighter highlighter = MatchHighlighter::forQuery(query);
        const MatchHighlighter titleHighlighter(query.titlePhrases());
        TaggedRanges taggedRanges(db, query);
        QSqlQuery row(db);
        row.setForwardOnly(true);
        row.prepare(
            QStringLiteral("SELECT b.text, b.article_id, a.title, i.id, i.date, i.month, i.day, p.name FROM blocks b "
                           "JOIN articles a ON a.id = b.article_id JOIN issues i ON i.id = a.issue_id "
                           "LEFT JOIN publications p ON p.id = i.publication_id WHERE b.id = ?"));
        for (const qint64 rowid : std::as_const(ids)) {
            if (isCancelled()) {
                result.cancelled = true;
                result.hits.clear();
                return result;
            }
            SearchHit hit;
            hit.kind = SearchHit::Kind::Paragraph;
            hit.blockId = rowid & 0xFFFFFFFFLL;
            row.addBindValue(hit.blockId);
            if (!row.exec() || !row.next())
                continue; // deleted meanwhile
            hit.text = row.value(0).toString();
            hit.articleId = row.value(1).toLongLong();
            hit.articleTitle = row.value(2).toString();
            hit.issueId = row.value(3).toLongLong();
            hit.date = QDate::fromString(row.value(4).toString(), Qt::ISODate);
            hit.month = row.value(5).toInt();
            hit.day = row.value(6).toInt();
            hit.publication = row.value(7).toString();
            hit.matches =
                query.isTagsOnly() ? taggedRanges.ranges(hit.blockId, hit.text.size()) : highlighter.matches(hit.text);
            if (const auto corrected = ocr->ranges.constFind(hit.blockId); corrected != ocr->ranges.cend())
                hit.matches = mergeRanges(hit.matches + *corrected, hit.text.size());
            if (!titleHighlighter.isEmpty())
                hit.titleMatches = titleHighlighter.matches(hit.articleTitle);
            hit.snippet = MatchHighlighter::snippet(hit.text, hit.matches, options.snippetLength);
            result.hits.append(std::move(hit));
        }
        return result;
    }

    // Notes and headlines: few rows; one query with everything.
    QString order;
    const QString dateOrder = QStringLiteral("i.date IS NULL, i.date DESC, ");
    if (plan.kind == SearchHit::Kind::Note) {
        order = options.order == SearchOrder::Relevance ? QStringLiteral("search_notes.rank, n.id DESC")
                : options.order == SearchOrder::Newest  ? dateOrder + QStringLiteral("n.id DESC")
                                                        : QStringLiteral("coalesce(i.date, ''), n.id");
        ok =
            run(q,
                QStringLiteral("SELECT n.id, n.text, b.id, a.id, coalesce(a.title, n.article_title, ''), i.id, i.date, "
                               "i.month, i.day, (SELECT name FROM publications WHERE id = i.publication_id)") +
                    where + QStringLiteral(" ORDER BY ") + order + QStringLiteral(" LIMIT ? OFFSET ?"),
                plan.where.binds + page);
    } else {
        // person:/office: alone match no text: their relevance is the newest first.
        const bool ranked = !plan.ftsTable.isEmpty();
        order = options.order == SearchOrder::Relevance && ranked ? QStringLiteral("search_articles.rank, a.id DESC")
                : options.order != SearchOrder::Oldest            ? dateOrder + QStringLiteral("a.id DESC")
                                                                  : QStringLiteral("coalesce(i.date, ''), a.id");
        ok = run(q,
                 QStringLiteral("SELECT 0, a.title, 0, a.id, a.title, i.id, i.date, i.month, i.day, "
                                "(SELECT name FROM publications WHERE id = i.publication_id), a.kicker, a.subtitles") +
                     where + QStringLiteral(" ORDER BY ") + order + QStringLiteral(" LIMIT ? OFFSET ?"),
                 plan.where.binds + page);
    }
    if (!ok) {
        result.cancelled = isCancelled();
        if (!result.cancelled)
            result.error = databaseError(q);
        return result;
    }
    const MatchHighlighter highlighter = MatchHighlighter::forQuery(query);
    const MatchHighlighter titleHighlighter(query.titlePhrases());
    while (q.next()) {
        SearchHit hit;
        hit.kind = plan.kind;
        hit.noteId = q.value(0).toLongLong();
        hit.text = q.value(1).toString();
        hit.blockId = q.value(2).toLongLong();
        hit.articleId = q.value(3).toLongLong();
        hit.articleTitle = q.value(4).toString();
        hit.issueId = q.value(5).toLongLong();
        hit.date = QDate::fromString(q.value(6).toString(), Qt::ISODate);
        hit.month = q.value(7).toInt();
        hit.day = q.value(8).toInt();
        hit.publication = q.value(9).toString();
        if (plan.kind == SearchHit::Kind::Headline) {
            hit.matches = highlighter.matches(hit.text);
            if (hit.matches.isEmpty()) {
                // The match is in the kicker or a subtitle: show the whole headline.
                QStringList parts{q.value(10).toString(), hit.text};
                const QJsonArray subtitles = QJsonDocument::fromJson(q.value(11).toString().toUtf8()).array();
                for (const QJsonValue &subtitle : subtitles)
                    parts.append(subtitle.toString());
                parts.removeAll(QString());
                hit.text = parts.join(QStringLiteral(" / "));
                hit.matches = highlighter.matches(hit.text);
            }
        } else {
            hit.matches = highlighter.matches(hit.text);
        }
        if (!titleHighlighter.isEmpty())
            hit.titleMatches = titleHighlighter.matches(hit.articleTitle);
        hit.snippet = MatchHighlighter::snippet(hit.text, hit.matches, options.snippetLength);
        result.hits.append(std::move(hit));
    }
    return result;
}

Result<QSet<qint64>> SearchService::articles(const SearchQuery &query, const std::atomic_bool *cancel)
{
    QSqlDatabase db = m_library.database();
    const Result<Plan> planned = runnablePlan(query, db);
    if (!planned)
        return planned.error();
    const Plan &plan = *planned;
    CancelGuard guard(sql::handle(db), cancel);
    // Only the ids: no paragraph text, snippet or rank.
    const QString article =
        plan.kind == SearchHit::Kind::Paragraph
            ? QStringLiteral("(SELECT article_id FROM blocks WHERE id = %1)").arg(QLatin1String(kBlockIdOfRowid))
            : QStringLiteral("a.id");
    QSqlQuery q(db);
    if (!run(q,
             QStringLiteral("SELECT DISTINCT ") + article + QStringLiteral(" FROM ") + plan.from +
                 QStringLiteral(" WHERE ") + plan.where.text,
             plan.where.binds))
        return Error((cancel && cancel->load()) ? tr("cancelled") : databaseError(q));
    QSet<qint64> ids;
    while (q.next())
        if (!q.value(0).isNull())
            ids.insert(q.value(0).toLongLong());
    if (cancel && cancel->load())
        return Error(tr("cancelled"));
    return ids;
}

} // namespace dubao
