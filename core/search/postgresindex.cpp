// Schema v13 on a team library: the full-text index as tsvectors of Dubao's tokens (docs/search.md, "On a team
// library"). PostgreSQL cannot run Dubao's tokenizer, so the server only queues what a transaction writes (triggers
// on blocks, articles, notes and issues' dates into search_pending) and indexPending() computes the vectors here
// before the transaction commits: the import's SearchIndex::indexDeferred() and every other WriteScope's commit
// (schema::registerBeforeCommit) go through it. A deleted row's vector goes by cascade.
#include "core/search/postgresindex.h"

#include "core/search/matchhighlighter.h"
#include "core/search/queryparser.h"
#include "core/search/ranking.h"
#include "core/search/tokenizer.h"
#include "core/store/schema.h"
#include "core/store/sql.h"

#include <QDate>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <cmath>

namespace dubao::search::postgres {

namespace {

// clang-format off
const char *const kSearchV13 = R"sql(
CREATE TABLE search_paragraphs (
    block_id bigint PRIMARY KEY REFERENCES blocks(id) ON DELETE CASCADE,
    key      bigint NOT NULL,
    length   integer NOT NULL,
    overflow boolean NOT NULL DEFAULT false,
    tokens   tsvector NOT NULL
);
CREATE INDEX search_paragraphs_tokens ON search_paragraphs USING gin (tokens);
CREATE INDEX search_paragraphs_key ON search_paragraphs (key);
CREATE INDEX search_paragraphs_overflow ON search_paragraphs (block_id) WHERE overflow;
CREATE TABLE search_headlines (
    article_id bigint PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    overflow   boolean NOT NULL DEFAULT false,
    tokens     tsvector NOT NULL
);
CREATE INDEX search_headlines_tokens ON search_headlines USING gin (tokens);
CREATE INDEX search_headlines_overflow ON search_headlines (article_id) WHERE overflow;
CREATE TABLE search_notes (
    note_id  bigint PRIMARY KEY REFERENCES notes(id) ON DELETE CASCADE,
    overflow boolean NOT NULL DEFAULT false,
    tokens   tsvector NOT NULL
);
CREATE INDEX search_notes_tokens ON search_notes USING gin (tokens);
CREATE INDEX search_notes_overflow ON search_notes (note_id) WHERE overflow;
CREATE TABLE search_pending (
    kind "char" NOT NULL CHECK (kind IN ('b', 'a', 'n')),
    id   bigint NOT NULL,
    PRIMARY KEY (kind, id)
);
CREATE FUNCTION dubao_search_queue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_pending (kind, id) VALUES (TG_ARGV[0]::"char", NEW.id) ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE FUNCTION dubao_search_queue_issue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_pending (kind, id)
        SELECT 'b', b.id FROM articles a JOIN blocks b ON b.article_id = a.id WHERE a.issue_id = NEW.id
        ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER search_blocks_queue AFTER INSERT OR UPDATE OF text, article_id ON blocks
    FOR EACH ROW EXECUTE FUNCTION dubao_search_queue('b');
CREATE TRIGGER search_articles_queue AFTER INSERT OR UPDATE OF kicker, title, subtitles ON articles
    FOR EACH ROW EXECUTE FUNCTION dubao_search_queue('a');
CREATE TRIGGER search_notes_queue AFTER INSERT OR UPDATE OF text ON notes
    FOR EACH ROW EXECUTE FUNCTION dubao_search_queue('n');
CREATE TRIGGER search_issues_date AFTER UPDATE OF date ON issues
    FOR EACH ROW WHEN (OLD.date IS DISTINCT FROM NEW.date) EXECUTE FUNCTION dubao_search_queue_issue();
INSERT INTO search_pending (kind, id) SELECT 'b', id FROM blocks;
INSERT INTO search_pending (kind, id) SELECT 'a', id FROM articles;
INSERT INTO search_pending (kind, id) SELECT 'n', id FROM notes;
)sql";
// clang-format on

// PostgreSQL's limits of a tsvector (docs: "Text Search Limitations"): positions up to 16,383, 256 positions per
// lexeme, a lexeme under 2 KB, a vector under 1 MB. A text past them is matched in C++ instead (overflow).
constexpr int kMaxPosition = 16383;
constexpr int kMaxPositionsPerLexeme = 255;
constexpr qsizetype kMaxLexemeBytes = 2046;
constexpr qsizetype kMaxLiteralChars = 256 * 1024;

// A lexeme of a tsvector or tsquery literal: quoted, quotes and backslashes doubled.
QString quotedLexeme(const QByteArray &utf8)
{
    QString s = QString::fromUtf8(utf8);
    s.replace(u'\\', QStringLiteral("\\\\"));
    s.replace(u'\'', QStringLiteral("''"));
    return u'\'' + s + u'\'';
}

QString subtitlesText(const QString &subtitles)
{
    const QJsonDocument doc = QJsonDocument::fromJson(subtitles.toUtf8());
    if (!doc.isArray())
        return subtitles;
    QStringList parts;
    const QJsonArray array = doc.array();
    for (const QJsonValue &v : array)
        parts.append(v.toString());
    return parts.join(QStringLiteral(" / "));
}

// A row to write: its id, the vector, and (paragraphs) the key.
struct Row
{
    qint64 id = 0;
    qint64 key = 0;
    Vector vector;
};

Result<void> writeRows(QSqlDatabase &db, const QString &table, const QString &idColumn, bool paragraphs,
                       const QList<Row> &rows)
{
    constexpr qsizetype kBatch = 200;
    const QString columns = paragraphs ? QStringLiteral("(%1, key, length, overflow, tokens)").arg(idColumn)
                                       : QStringLiteral("(%1, overflow, tokens)").arg(idColumn);
    const QString values = paragraphs ? QStringLiteral("(?, ?, ?, ?, CAST(? AS tsvector))")
                                      : QStringLiteral("(?, ?, CAST(? AS tsvector))");
    const QString update = paragraphs ? QStringLiteral("key = excluded.key, length = excluded.length, "
                                                       "overflow = excluded.overflow, tokens = excluded.tokens")
                                      : QStringLiteral("overflow = excluded.overflow, tokens = excluded.tokens");
    QSqlQuery query(db);
    qsizetype prepared = 0;
    for (qsizetype start = 0; start < rows.size(); start += kBatch) {
        const qsizetype n = std::min(kBatch, rows.size() - start);
        if (n != prepared) {
            QStringList all(n, values);
            if (!query.prepare(QStringLiteral("INSERT INTO %1 %2 VALUES %3 ON CONFLICT (%4) DO UPDATE SET %5")
                                   .arg(table, columns, all.join(u','), idColumn, update)))
                return Error(sql::Store::tr("cannot store: %1").arg(query.lastError().text()));
            prepared = n;
        }
        int k = 0;
        for (qsizetype r = start; r < start + n; ++r) {
            const Row &row = rows.at(r);
            query.bindValue(k++, row.id);
            if (paragraphs) {
                query.bindValue(k++, row.key);
                query.bindValue(k++, row.vector.length);
            }
            query.bindValue(k++, row.vector.overflow);
            query.bindValue(k++, sql::notNull(row.vector.literal));
        }
        if (!query.exec())
            return Error(sql::Store::tr("cannot store: %1").arg(query.lastError().text()));
    }
    return {};
}

bool hasTerm(const QueryTerm &term, QStringView text)
{
    return !MatchHighlighter({term.tokens}).occurrences(text).isEmpty();
}

} // namespace

Vector documentVector(const QStringList &columns)
{
    Vector vector;
    QList<QByteArray> order;
    QHash<QByteArray, QList<int>> positions;
    int base = 1;
    for (const QString &column : columns) {
        const QByteArray utf8 = column.toUtf8();
        const QList<Token> tokens =
            tokenize(std::string_view(utf8.constData(), size_t(utf8.size())), TokenizeMode::Document);
        int last = base - 1;
        for (const Token &token : tokens) {
            const int position = base + token.position;
            last = std::max(last, position);
            ++vector.length;
            auto it = positions.find(token.text);
            if (it == positions.end()) {
                order.append(token.text);
                it = positions.insert(token.text, {});
            }
            it->append(position);
            if (position > kMaxPosition || it->size() > kMaxPositionsPerLexeme || token.text.size() > kMaxLexemeBytes)
                vector.overflow = true;
        }
        base = last + 2; // a gap: no phrase spans two columns
    }
    if (vector.overflow)
        return vector;
    QString literal;
    for (const QByteArray &lexeme : std::as_const(order)) {
        if (!literal.isEmpty())
            literal += u' ';
        literal += quotedLexeme(lexeme);
        QChar separator = u':';
        for (const int position : std::as_const(positions[lexeme])) {
            literal += separator;
            literal += QString::number(position);
            separator = u',';
        }
    }
    if (literal.size() > kMaxLiteralChars) {
        vector.overflow = true;
        return vector;
    }
    vector.literal = literal;
    return vector;
}

QString phraseQuery(const QList<QByteArray> &tokens)
{
    QStringList parts;
    parts.reserve(tokens.size());
    for (const QByteArray &token : tokens) {
        const bool prefix = token.endsWith('*');
        parts.append(prefix ? quotedLexeme(token.chopped(1)) + QStringLiteral(":*") : quotedLexeme(token));
    }
    return u'(' + parts.join(QStringLiteral(" <-> ")) + u')';
}

QString textQuery(const SearchQuery &query)
{
    if (query.clauses.isEmpty())
        return {};
    QStringList all;
    for (const QList<QueryTerm> &clause : query.clauses) {
        QStringList alternatives;
        for (const QueryTerm &term : clause)
            alternatives.append(phraseQuery(term.tokens));
        all.append(u'(' + alternatives.join(QStringLiteral(" | ")) + u')');
    }
    QString expression = all.join(QStringLiteral(" & "));
    if (!query.excluded.isEmpty()) {
        QStringList excluded;
        for (const QueryTerm &term : query.excluded)
            excluded.append(phraseQuery(term.tokens));
        expression += QStringLiteral(" & !(") + excluded.join(QStringLiteral(" | ")) + u')';
    }
    return expression;
}

QString titleQuery(const SearchQuery &query)
{
    QStringList all;
    for (const QueryTerm &term : query.titleTerms)
        all.append(phraseQuery(term.tokens));
    return all.join(QStringLiteral(" & "));
}

bool matchesText(const SearchQuery &query, const QString &text)
{
    for (const QList<QueryTerm> &clause : query.clauses) {
        if (std::none_of(clause.cbegin(), clause.cend(), [&](const QueryTerm &term) { return hasTerm(term, text); }))
            return false;
    }
    return std::none_of(query.excluded.cbegin(), query.excluded.cend(),
                        [&](const QueryTerm &term) { return hasTerm(term, text); });
}

bool matchesTitle(const SearchQuery &query, const QStringList &columns)
{
    return std::all_of(query.titleTerms.cbegin(), query.titleTerms.cend(), [&](const QueryTerm &term) {
        return std::any_of(columns.cbegin(), columns.cend(),
                           [&](const QString &column) { return hasTerm(term, column); });
    });
}

Result<OverflowMatches> overflowMatches(QSqlDatabase db, const SearchQuery &query)
{
    OverflowMatches matches;
    QSqlQuery q(db);
    if (query.hasTextTerms()) {
        const bool notes = query.scope == SearchQuery::Scope::Notes;
        if (Result<void> read =
                sql::select(q, notes ? QStringLiteral("SELECT s.note_id, n.text FROM search_notes s "
                                                      "JOIN notes n ON n.id = s.note_id WHERE s.overflow")
                                     : QStringLiteral("SELECT s.block_id, b.text FROM search_paragraphs "
                                                      "s JOIN blocks b ON b.id = s.block_id WHERE "
                                                      "s.overflow"));
            !read)
            return read.error();
        while (q.next())
            if (matchesText(query, q.value(1).toString()))
                (notes ? matches.notes : matches.paragraphs).append(q.value(0).toLongLong());
    }
    if (!query.titleTerms.isEmpty()) {
        if (Result<void> read = sql::select(q, QStringLiteral("SELECT a.id, a.kicker, a.title, a.subtitles FROM "
                                                              "search_headlines s JOIN articles a ON a.id = "
                                                              "s.article_id WHERE s.overflow"));
            !read)
            return read.error();
        while (q.next()) {
            const QStringList columns{q.value(1).toString(), q.value(2).toString(),
                                      subtitlesText(q.value(3).toString())};
            if (matchesTitle(query, columns))
                matches.headlines.append(q.value(0).toLongLong());
        }
    }
    return matches;
}

qint64 keyDay(const QString &isoDate)
{
    const QDate date = QDate::fromString(isoDate, Qt::ISODate);
    return date.isValid() ? date.toJulianDay() - 1 : 0;
}

Result<QMap<qint64, qint64>> hitsByKeyDay(QSqlDatabase db, const QString &fromWhere, const QVariantList &binds)
{
    QSqlQuery q(db);
    if (Result<void> read = sql::select(q,
                                        QStringLiteral("SELECT search_blocks.rowid >> 32 AS day, count(*)") +
                                            fromWhere + QStringLiteral(" GROUP BY 1"),
                                        binds);
        !read)
        return read.error();
    QMap<qint64, qint64> days;
    while (q.next())
        days[q.value(0).toLongLong()] += q.value(1).toLongLong();
    return days;
}

Result<QList<ScoredHit>> newestScoredHits(QSqlDatabase db, const QString &fromWhere, const QVariantList &binds,
                                          const SearchQuery &query, qint64 most, bool inverseDocumentFrequency)
{
    QSqlQuery q(db);
    if (Result<void> read = sql::select(q, QStringLiteral("SELECT sum(length), count(*) FROM search_paragraphs"));
        !read)
        return read.error();
    double averageLength = 1.0;
    qint64 rows = 0;
    if (q.next() && q.value(1).toLongLong() > 0 && q.value(0).toLongLong() > 0) {
        rows = q.value(1).toLongLong();
        averageLength = double(q.value(0).toLongLong()) / double(rows);
    }
    q.finish();
    const QList<QList<QByteArray>> phraseTokens = query.highlightPhrases();
    QList<double> weights(phraseTokens.size(), 1.0);
    if (inverseDocumentFrequency) {
        // FTS5's bm25(): each phrase weighs log((N - n + 0.5) / (n + 0.5)), at least 1e-6, where n is the number of
        // rows that hold it (the overflowed ones counted in C++).
        QStringList overflowed;
        if (Result<void> read = sql::select(q, QStringLiteral("SELECT b.text FROM search_paragraphs s JOIN blocks b "
                                                              "ON b.id = s.block_id WHERE s.overflow"));
            !read)
            return read.error();
        while (q.next())
            overflowed.append(q.value(0).toString());
        q.finish();
        for (qsizetype i = 0; i < phraseTokens.size(); ++i) {
            const QVariant counted = sql::scalar(db,
                                                 QStringLiteral("SELECT count(*) FROM search_paragraphs WHERE tokens "
                                                                "@@ CAST(? AS tsquery) AND NOT overflow"),
                                                 {phraseQuery(phraseTokens.at(i))});
            if (!counted.isValid())
                return Error(sql::Store::tr("cannot read the library: %1").arg(db.lastError().text()));
            qint64 hits = counted.toLongLong();
            const MatchHighlighter phrase({phraseTokens.at(i)});
            for (const QString &text : std::as_const(overflowed))
                hits += phrase.occurrences(text).isEmpty() ? 0 : 1;
            const double idf = std::log((double(rows) - double(hits) + 0.5) / (double(hits) + 0.5));
            weights[i] = idf <= 0.0 ? 1e-6 : idf;
        }
    }
    if (Result<void> read =
            sql::select(q,
                        QStringLiteral("SELECT search_blocks.rowid, search_blocks.length, (SELECT "
                                       "text FROM blocks WHERE id = search_blocks.block_id)") +
                            fromWhere + QStringLiteral(" ORDER BY search_blocks.rowid DESC LIMIT %1").arg(most),
                        binds);
        !read)
        return read.error();
    QList<MatchHighlighter> phrases;
    for (const QList<QByteArray> &phrase : phraseTokens)
        phrases.append(MatchHighlighter({phrase}));
    QList<ScoredHit> hits;
    while (q.next()) {
        const QString text = q.value(2).toString();
        const int length = q.value(1).toInt();
        double score = 0;
        for (qsizetype i = 0; i < phrases.size(); ++i)
            score += weights[i] * phraseScore(int(phrases[i].occurrences(text).size()), length, averageLength);
        hits.append({q.value(0).toLongLong(), -score});
    }
    return hits;
}

Result<void> indexPending(QSqlDatabase &db)
{
    if (!sql::scalar(db, QStringLiteral("SELECT to_regclass('search_pending') IS NOT NULL")).toBool())
        return {}; // a library before v13 (its upgrade's script makes the table)
    if (!sql::scalar(db, QStringLiteral("SELECT EXISTS (SELECT 1 FROM search_pending)")).toBool())
        return {};
    QSqlQuery q(db);
    QList<Row> rows;
    if (Result<void> read = sql::select(q, QStringLiteral("SELECT b.id, b.text, i.date FROM search_pending p "
                                                          "JOIN blocks b ON b.id = p.id JOIN articles a ON a.id = "
                                                          "b.article_id LEFT JOIN issues i ON i.id = a.issue_id "
                                                          "WHERE p.kind = 'b' ORDER BY b.id"));
        !read)
        return read;
    while (q.next()) {
        const qint64 id = q.value(0).toLongLong();
        rows.append({id, (keyDay(q.value(2).toString()) << 32) | id, documentVector({q.value(1).toString()})});
    }
    q.finish();
    if (Result<void> written =
            writeRows(db, QStringLiteral("search_paragraphs"), QStringLiteral("block_id"), true, rows);
        !written)
        return written;
    rows.clear();
    if (Result<void> read = sql::select(q, QStringLiteral("SELECT a.id, a.kicker, a.title, a.subtitles FROM "
                                                          "search_pending p JOIN articles a ON a.id = p.id "
                                                          "WHERE p.kind = 'a' ORDER BY a.id"));
        !read)
        return read;
    while (q.next()) {
        rows.append(
            {q.value(0).toLongLong(), 0,
             documentVector({q.value(1).toString(), q.value(2).toString(), subtitlesText(q.value(3).toString())})});
    }
    q.finish();
    if (Result<void> written =
            writeRows(db, QStringLiteral("search_headlines"), QStringLiteral("article_id"), false, rows);
        !written)
        return written;
    rows.clear();
    if (Result<void> read = sql::select(q, QStringLiteral("SELECT n.id, n.text FROM search_pending p JOIN notes n "
                                                          "ON n.id = p.id WHERE p.kind = 'n' ORDER BY n.id"));
        !read)
        return read;
    while (q.next())
        rows.append({q.value(0).toLongLong(), 0, documentVector({q.value(1).toString()})});
    q.finish();
    if (Result<void> written = writeRows(db, QStringLiteral("search_notes"), QStringLiteral("note_id"), false, rows);
        !written)
        return written;
    return sql::exec(db, QStringLiteral("DELETE FROM search_pending"));
}

void registerPostgresIndex()
{
    schema::registerPostgresStep(13, "search", kSearchV13);
    schema::registerBeforeCommit("search", indexPending);
}

} // namespace dubao::search::postgres
