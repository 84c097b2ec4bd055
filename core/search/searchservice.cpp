// Search queries over the FTS5 index. Why the SQL looks as it does (rowid = date key, bounded ranking):
// docs/search.md.
#include "core/search/searchservice.h"

#include "core/model/issuedate.h"
#include "core/search/charactercount.h"
#include "core/search/hitscan.h"
#include "core/search/ocrmatches.h"
#include "core/search/postgresindex.h"
#include "core/search/ranking.h"
#include "core/search/searchindex.h"
#include "core/search/searchplan.h"
#include "core/store/cancelguard.h"
#include "core/store/dialect.h"
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

using search::lastTagName;
using search::Plan;
using search::runnablePlan;

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

// What tag: or author: alone marks in a hit: the ranges of the paragraph's highlights with the first tag (without a
// tag, the first author's highlights), merged.
class TaggedRanges final
{
public:
    TaggedRanges(QSqlDatabase db, const SearchQuery &query)
        : m_query(db)
    {
        if (!query.isAnnotatedOnly())
            return;
        m_query.setForwardOnly(true);
        if (!query.isTagsOnly()) {
            m_ready =
                m_query.prepare(QStringLiteral("SELECT start, \"end\" FROM highlights WHERE block_id = ? AND start "
                                               "IS NOT NULL AND ") +
                                search::authorIs(dialect::isPostgres(db), QStringLiteral("created_by")) +
                                QStringLiteral(" ORDER BY start"));
            m_tag = query.authors.front();
            return;
        }
        m_ready =
            m_query.prepare(QStringLiteral("SELECT h.start, h.\"end\" FROM highlights h JOIN highlight_tags ht ON "
                                           "ht.highlight_id = h.id WHERE h.block_id = ? AND h.start IS NOT NULL "
                                           "AND ht.tag_id IN ") +
                            search::tagSet(dialect::isPostgres(db)) + QStringLiteral(" ORDER BY h.start"));
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
    QString m_tag; // or the author
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

Result<QStringList> SearchService::authors()
{
    Result<QStringList> names = search::annotationAuthors(m_library.database());
    if (!names)
        return Error(tr("database error: %1").arg(names.error().message()));
    return names;
}

Result<qint64> SearchService::count(const SearchQuery &query, const std::atomic_bool *cancel)
{
    return countUpTo(query, 0, cancel);
}

namespace {

// The plan of a query that is an FTS5 match and nothing else (a filter of any kind, even one added later, is not).
bool isMatchOnly(const Plan &plan)
{
    return plan.from == QLatin1String("search_blocks") && plan.where.text == QLatin1String("search_blocks MATCH ?") &&
           plan.where.binds.size() == 1;
}

} // namespace

Result<qint64> SearchService::countUpTo(const SearchQuery &query, qint64 most, const std::atomic_bool *cancel)
{
    QSqlDatabase db = m_library.database();
    const Result<Plan> planned = runnablePlan(query, db);
    if (!planned)
        return planned.error();
    const Plan &plan = *planned;
    // A one-character term's exact count, which FTS5 would do in one uninterruptible merge, term by term instead
    // (charactercount.h). With a limit FTS5 is left the work: such a count is only asked for a rare character.
    if (const char32_t character =
            (most <= 0 && !dialect::isPostgres(db) && isMatchOnly(plan)) ? search::singleCharacter(query) : 0;
        character != 0) {
        Result<std::optional<qint64>> counted = search::countCharacterRows(db, character, cancel);
        if (!counted)
            return counted.error();
        if (*counted)
            return **counted;
    }
    CancelGuard guard(db, cancel);
    QSqlQuery q(db);
    const QString hits = QStringLiteral(" FROM ") + plan.from + QStringLiteral(" WHERE ") + plan.where.text;
    // With a limit FTS5 stops reading the doclists after `most` hits (except a prefix query's, which it merges
    // first: a one-character term).
    const QString text =
        most > 0 ? QStringLiteral("SELECT count(*) FROM (SELECT 1%1 LIMIT %2) AS hits").arg(hits, QString::number(most))
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
    CancelGuard guard(db, cancel);
    auto cancelled = [&] {
        return cancel && cancel->load();
    };
    // Paragraphs carry their date in the rowid (Julian day at midnight, as SQLite counts: searchindex.h); notes and
    // headlines join their issue. SQLite's day is QDate's minus one: QDate counts from noon.
    const bool postgres = dialect::isPostgres(db);
    if (plan.kind == SearchHit::Kind::Paragraph) {
        const QString fromWhere = QStringLiteral(" FROM ") + plan.from + QStringLiteral(" WHERE ") + plan.where.text;
        const Result<QMap<qint64, qint64>> keyDays =
            postgres ? search::postgres::hitsByKeyDay(db, fromWhere, plan.where.binds)
                     : search::hitsByKeyDay(db, fromWhere, plan.where.binds);
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
             (postgres ? QStringLiteral("SELECT coalesce(CAST(to_char(CAST(i.date AS date), 'J') AS bigint) - 1, 0) "
                                        "AS day, count(*) FROM ")
                       : QStringLiteral("SELECT coalesce(CAST(julianday(i.date) AS INTEGER), 0) AS day, count(*) "
                                        "FROM ")) +
                 plan.from + QStringLiteral(" WHERE ") + plan.where.text + QStringLiteral(" GROUP BY 1"),
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
    if (const char32_t character = isMatchOnly(plan) ? search::singleCharacter(query) : 0; character != 0) {
        Result<std::optional<QList<search::ScoredHit>>> scanned =
            search::newestHitsOfCharacter(db, character, most, kCharacterScanRows, cancel);
        if (!scanned)
            return scanned.error();
        if (*scanned)
            return std::move(**scanned);
    }
    CancelGuard guard(db, cancel);
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
    QSqlDatabase db = m_library.database();
    const bool postgres = dialect::isPostgres(db);
    const bool onePass = !postgres && !options.exactTotal && options.order == SearchOrder::Relevance &&
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

    const Result<OcrMatches> ocr = findOcrMatches(db, query.ocrTexts);
    if (!ocr) {
        result.error = databaseError(ocr.error().message());
        return result;
    }
    const Result<Plan> planned = search::planFor(db, query, *ocr);
    if (!planned) {
        result.error = planned.error().message();
        return result;
    }
    const Plan &plan = *planned;
    CancelGuard guard(db, cancel);
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
        if (postgres && scored && options.order == SearchOrder::Relevance && result.offset < kRankedHits) {
            // A team library has no FTS5 to score with: the newest kRankedHits hits are scored here with
            // dubao_rank()'s formula, or all of them with bm25()'s when there are no more, from their text
            // (postgresindex.h).
            result.rankCapped = moreThanRanked;
            Result<QList<search::ScoredHit>> ranked =
                search::postgres::newestScoredHits(db, where, plan.where.binds, query, kRankedHits, !moreThanRanked);
            ok = bool(ranked);
            if (ok) {
                search::sortByScore(*ranked);
                for (qsizetype k = result.offset; k < std::min<qsizetype>(result.offset + limit, ranked->size()); ++k)
                    ids.append(ranked->at(k).rowid);
                if (ids.size() < limit && moreThanRanked) {
                    ok = run(q, select + QStringLiteral(" ORDER BY search_blocks.rowid DESC LIMIT ? OFFSET ?"),
                             plan.where.binds + QVariantList{limit - int(ids.size()), kRankedHits});
                    while (ok && q.next())
                        ids.append(q.value(0).toLongLong());
                }
            } else {
                result.error = ranked.error().message();
                return result;
            }
        } else if (scored && options.order == SearchOrder::Relevance && moreThanRanked && result.offset < kRankedHits) {
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
        // The block of a key: in its low half on a team library, through search_block_keys on SQLite (searchindex.h).
        const bool keyHoldsBlock = dialect::isPostgres(db);
        QSqlQuery blockOfKey(db);
        blockOfKey.setForwardOnly(true);
        if (!keyHoldsBlock)
            blockOfKey.prepare(QStringLiteral("SELECT block_id FROM search_block_keys WHERE key = ?"));
        for (const qint64 rowid : std::as_const(ids)) {
            if (isCancelled()) {
                result.cancelled = true;
                result.hits.clear();
                return result;
            }
            SearchHit hit;
            hit.kind = SearchHit::Kind::Paragraph;
            if (keyHoldsBlock) {
                hit.blockId = rowid & 0xFFFFFFFFLL;
            } else {
                blockOfKey.addBindValue(rowid);
                if (!blockOfKey.exec() || !blockOfKey.next())
                    continue; // deleted meanwhile
                hit.blockId = blockOfKey.value(0).toLongLong();
                blockOfKey.finish();
            }
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
            hit.matches = query.isAnnotatedOnly() ? taggedRanges.ranges(hit.blockId, hit.text.size())
                                                  : highlighter.matches(hit.text);
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
        order = options.order == SearchOrder::Relevance && !plan.ftsTable.isEmpty()
                    ? QStringLiteral("search_notes.rank, n.id DESC")
                : options.order == SearchOrder::Relevance ? dateOrder + QStringLiteral("n.id DESC")
                : options.order == SearchOrder::Newest    ? dateOrder + QStringLiteral("n.id DESC")
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
    CancelGuard guard(db, cancel);
    // Only the ids: no paragraph text, snippet or rank.
    const QString article = plan.kind == SearchHit::Kind::Paragraph
                                ? QStringLiteral("(SELECT article_id FROM blocks WHERE id = %1)")
                                      .arg(search::blockIdOfRowid(dialect::isPostgres(db)))
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
