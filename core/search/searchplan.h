// How SearchService turns a query into SQL on either engine: the FROM and WHERE of its hits (searchplan.cpp). For
// the search service, the concordance and term trends only; not an interface of the search layer.
#pragma once

#include "core/model/result.h"
#include "core/search/ocrmatches.h"
#include "core/search/postgresindex.h"
#include "core/search/queryparser.h"
#include "core/search/searchservice.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariantList>

namespace dubao::search {

/// A paragraph's block id from its key (the rowid of search_blocks, or its stand-in on a team library, whose key is
/// still day << 32 | block id): an SQL expression.
inline QString blockIdOfRowid(bool postgres)
{
    return postgres ? QStringLiteral("(search_blocks.rowid & 4294967295)")
                    : QStringLiteral("(SELECT block_id FROM search_block_keys WHERE key = search_blocks.rowid)");
}

/// A WHERE clause with its bound values, in order.
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

/// The FROM + WHERE of the hits of a query, and what a hit row looks like.
struct Plan
{
    SearchHit::Kind kind = SearchHit::Kind::Paragraph;
    QString from;
    Sql where;
    QString ftsTable; ///< for rank; empty on a team library (no FTS5 rank there) and for person:/office: alone
};

/// What the plan depends on besides the query: the engine, and on PostgreSQL the overflowed rows that match.
struct PlanContext
{
    bool postgres = false;
    postgres::OverflowMatches overflow;
};

/// The tags with a name (bound once, case folded as ASCII) and every tag below them: a subquery of ids.
QString tagSet(bool postgres);
QString lastTagName(const QString &tagPath);
/// A condition that `column` names the author bound for it (case folded as ASCII, as tag names).
QString authorIs(bool postgres, const QString &column);
/// The paragraphs someone annotated (the author bound five times): tagged, holding a highlight or a highlight they
/// tagged, with a note or a note they tagged. Their article taggings are authoredArticles() (bound once).
QString authoredBlocks(bool postgres);
QString authoredArticles(bool postgres);
/// Everyone who made an annotation or a tagging in the library, sorted (empty names, "unknown", left out).
Result<QStringList> annotationAuthors(QSqlDatabase db);
bool tableExists(QSqlDatabase db, const QString &name);

/// Why `query` cannot run on `db` (invalid, or a filter whose tables this library lacks); nothing when it can.
Result<void> checkRunnable(const SearchQuery &query, QSqlDatabase db);
/// The plan of `query` on `db` once checkRunnable() allows it, with its ocr: filters' matches looked up.
Result<Plan> runnablePlan(const SearchQuery &query, QSqlDatabase db);
/// The plan with the ocr: matches already looked up.
Result<Plan> planFor(QSqlDatabase db, const SearchQuery &query, const OcrMatches &ocr);

} // namespace dubao::search
