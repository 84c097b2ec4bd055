#include "core/search/hitscan.h"

#include "core/search/queryparser.h"
#include "core/search/ranking.h"
#include "core/search/searchindex.h"
#include "core/search/searchservice.h"
#include "core/store/sql.h"
#include "core/text/chartables.h"

#include <QVariant>

#include <sqlite3.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace dubao::search {

namespace {

using Statement = std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt *)>;

QString databaseError(sqlite3 *handle)
{
    return SearchService::tr("database error: %1").arg(QString::fromUtf8(sqlite3_errmsg(handle)));
}

Result<Statement> prepare(sqlite3 *handle, const QString &sql, const QVariantList &binds)
{
    const QByteArray text = sql.toUtf8();
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(handle, text.constData(), int(text.size()), &statement, nullptr) != SQLITE_OK)
        return Error(databaseError(handle));
    Statement owner(statement, sqlite3_finalize);
    for (qsizetype k = 0; k < binds.size(); ++k) {
        const QVariant &value = binds[k];
        if (value.typeId() == QMetaType::LongLong || value.typeId() == QMetaType::Int) {
            sqlite3_bind_int64(statement, int(k) + 1, value.toLongLong());
        } else {
            const QByteArray utf8 = value.toString().toUtf8();
            sqlite3_bind_text(statement, int(k) + 1, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
        }
    }
    return owner;
}

// SQLite's varint (FTS5 stores its sizes with it): big-endian groups of 7 bits, the high bit set on all but the
// last; a ninth byte carries 8 bits.
bool readVarint(const unsigned char *&p, const unsigned char *end, quint64 &value)
{
    value = 0;
    for (int i = 0; i < 9; ++i) {
        if (p >= end)
            return false;
        const unsigned char byte = *p++;
        if (i == 8) {
            value = (value << 8) | byte;
            return true;
        }
        value = (value << 7) | (byte & 0x7F);
        if (!(byte & 0x80))
            return true;
    }
    return true;
}

// Tokens per row of search_blocks, as FTS5's xColumnTotalSize / xRowCount give it to dubao_rank(): the table's
// averages record (row 1 of %_data) holds the row count, then each column's token total.
std::optional<double> averageLength(sqlite3 *handle)
{
    Result<Statement> statement =
        prepare(handle, QStringLiteral("SELECT block FROM search_blocks_data WHERE id = 1"), {});
    if (!statement || sqlite3_step(statement->get()) != SQLITE_ROW)
        return std::nullopt;
    const auto *p = static_cast<const unsigned char *>(sqlite3_column_blob(statement->get(), 0));
    const unsigned char *end = p + sqlite3_column_bytes(statement->get(), 0);
    quint64 rows = 0;
    quint64 tokens = 0;
    if (!p || !readVarint(p, end, rows) || !readVarint(p, end, tokens))
        return std::nullopt;
    for (quint64 more = 0; p < end && readVarint(p, end, more);) // further columns (search_blocks has one)
        tokens += more;
    return rows > 0 && tokens > 0 ? double(tokens) / double(rows) : 1.0;
}

// The UTF-8 forms of the characters the tokenizer indexes as `character`: itself and whatever folds to it.
std::vector<QByteArray> foldedForms(char32_t character)
{
    std::vector<QByteArray> forms;
    auto add = [&forms](char32_t c) {
        forms.push_back(QString::fromUcs4(&c, 1).toUtf8());
    };
    if (character >= 0x10000) {
        add(character); // supplementary ideographs fold to themselves
        return forms;
    }
    for (char32_t c = 0; c < 0x10000; ++c) {
        if (text::charClass(char16_t(c)) == text::CharClass::Cjk && text::searchFold(c) == character)
            add(c);
    }
    return forms;
}

} // namespace

char32_t singleCharacter(const SearchQuery &query)
{
    if (query.scope != SearchQuery::Scope::Paragraphs || query.clauses.size() != 1 ||
        query.clauses.front().size() != 1 || !query.excluded.isEmpty() || query.hasArticleFilters() ||
        !query.ocrTexts.isEmpty() || query.from.isValid() || query.to.isValid())
        return 0;
    const QList<QByteArray> &tokens = query.clauses.front().front().tokens;
    if (tokens.size() != 1 || !tokens.front().endsWith('*'))
        return 0;
    const QList<uint> characters = QString::fromUtf8(tokens.front().chopped(1)).toUcs4();
    if (characters.size() != 1 || text::charClass(char32_t(characters.front())) != text::CharClass::Cjk)
        return 0;
    return char32_t(characters.front());
}

Result<std::optional<QList<ScoredHit>>> newestHitsOfCharacter(QSqlDatabase db, char32_t character, qint64 most,
                                                              qint64 maxRows, const std::atomic_bool *cancel)
{
    sqlite3 *handle = sql::handle(db);
    const std::optional<double> average = averageLength(handle);
    const std::vector<QByteArray> forms = foldedForms(character);
    if (!average || forms.empty())
        return std::optional<QList<ScoredHit>>();
    // The index's rows newest first: the paragraphs by key (search_block_keys' index on the key, with their text),
    // and beside them, in the same order, %_docsize, keyed by the search key and holding each row's token count (what
    // dubao_rank() reads with xColumnSize). Two cursors read side by side instead of a seek per row (a join).
    Result<Statement> statement =
        prepare(handle,
                QStringLiteral("SELECT k.key, b.text FROM search_block_keys k INDEXED BY search_block_keys_key "
                               "JOIN blocks b ON b.id = k.block_id ORDER BY k.key DESC"),
                {});
    if (!statement)
        return statement.error();
    Result<Statement> sizes =
        prepare(handle, QStringLiteral("SELECT id, sz FROM search_blocks_docsize ORDER BY id DESC"), {});
    if (!sizes)
        return sizes.error();
    // The size cursor moves down to each key in turn (keys and size rows are the same set, both descending).
    bool sizesDone = false;
    bool haveSize = false;
    qint64 sizeId = 0;
    const auto sizeRowOf = [&](qint64 key) {
        while (!sizesDone && (!haveSize || sizeId > key)) {
            if (sqlite3_step(sizes->get()) != SQLITE_ROW) {
                sizesDone = true;
                break;
            }
            haveSize = true;
            sizeId = sqlite3_column_int64(sizes->get(), 0);
        }
        return !sizesDone && haveSize && sizeId == key;
    };
    QList<ScoredHit> hits;
    hits.reserve(qsizetype(std::min<qint64>(most, 100000)));
    qint64 rows = 0;
    int rc = SQLITE_ROW;
    while (hits.size() < most && (rc = sqlite3_step(statement->get())) == SQLITE_ROW) {
        ++rows;
        if (rows % 1024 == 0) {
            if (cancel && cancel->load())
                return Error(SearchService::tr("cancelled"));
            // Too rare to be found this way within maxRows paragraphs (by the rate so far): give up early.
            if (rows >= maxRows || (rows >= 4096 && hits.size() * maxRows < most * rows))
                return std::optional<QList<ScoredHit>>();
        }
        if (!sizeRowOf(sqlite3_column_int64(statement->get(), 0)))
            continue; // not in FTS5 (cannot happen in a committed index: a key is an indexed row)
        const auto *text = static_cast<const char *>(sqlite3_column_blob(statement->get(), 1));
        const std::string_view paragraph(text ? text : "", size_t(sqlite3_column_bytes(statement->get(), 1)));
        int frequency = 0;
        for (const QByteArray &form : forms) {
            const std::string_view needle(form.constData(), size_t(form.size()));
            for (size_t at = paragraph.find(needle); at != std::string_view::npos;
                 at = paragraph.find(needle, at + needle.size()))
                ++frequency;
        }
        if (frequency == 0)
            continue;
        const auto *size = static_cast<const unsigned char *>(sqlite3_column_blob(sizes->get(), 1));
        quint64 length = 0;
        quint64 column = 0;
        for (const unsigned char *p = size, *end = p + sqlite3_column_bytes(sizes->get(), 1);
             p && p < end && readVarint(p, end, column);)
            length += column;
        double score = 0;
        score += phraseScore(frequency, int(length), *average);
        hits.append({sqlite3_column_int64(statement->get(), 0), -score});
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return Error(databaseError(handle));
    return std::optional<QList<ScoredHit>>(std::move(hits));
}

// The rowids come in ascending order, so a day's hits are a run of rowids of the same day (searchindex.h). A GROUP BY
// of the same (a sort of every hit in a temp b-tree) took 1.4 s for the 870,000 hits of 永川 on the 1 GB library; this
// loop a fraction of it.
Result<QMap<qint64, qint64>> hitsByKeyDay(QSqlDatabase db, const QString &fromWhere, const QVariantList &binds)
{
    sqlite3 *handle = sql::handle(db);
    Result<Statement> statement = prepare(handle, QStringLiteral("SELECT search_blocks.rowid") + fromWhere, binds);
    if (!statement)
        return statement.error();
    QMap<qint64, qint64> days;
    qint64 day = -1;
    qint64 run = 0;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(statement->get())) == SQLITE_ROW) {
        const qint64 rowDay = dayOfKey(sqlite3_column_int64(statement->get(), 0));
        if (rowDay != day) {
            if (run > 0)
                days[day] += run;
            day = rowDay;
            run = 0;
        }
        ++run;
    }
    if (run > 0)
        days[day] += run;
    if (rc != SQLITE_DONE)
        return Error(databaseError(handle));
    return days;
}

namespace {

// The rows' lengths (tokens, as dubao_rank() reads them with xColumnSize) for rowids asked for in descending order,
// from one cursor over %_docsize walking down with them: FTS5's own lookup is a prepared statement stepped and reset
// per row, most of what ranking a common term's 5,000 newest hits cost.
class RowLengths
{
public:
    explicit RowLengths(sqlite3 *handle)
        : m_statement(nullptr, sqlite3_finalize)
    {
        Result<Statement> statement = prepare(
            handle, QStringLiteral("SELECT id, sz FROM search_blocks_docsize WHERE id <= ? ORDER BY id DESC"), {});
        if (statement)
            m_statement = std::move(*statement);
    }

    bool isValid() const { return m_statement != nullptr; }

    /// The length of row `rowid` (no larger than the one asked for before); nothing when it has no docsize row.
    std::optional<int> length(qint64 rowid)
    {
        sqlite3_stmt *s = m_statement.get();
        // Rows between two keys of one day are at most their ordinals apart (searchindex.h): a few steps of the
        // cursor are cheaper than a seek; anything further is one.
        if (m_positioned && dayOfKey(m_current) == dayOfKey(rowid) && m_current - rowid <= kMaxSteps) {
            while (m_positioned && m_current > rowid)
                advance();
        }
        if (!m_positioned || m_current > rowid) {
            sqlite3_reset(s);
            sqlite3_bind_int64(s, 1, rowid);
            m_positioned = true;
            advance();
        }
        if (!m_positioned || m_current != rowid)
            return std::nullopt;
        const auto *p = static_cast<const unsigned char *>(sqlite3_column_blob(s, 1));
        quint64 total = 0;
        quint64 column = 0;
        for (const unsigned char *end = p + sqlite3_column_bytes(s, 1); p && p < end && readVarint(p, end, column);)
            total += column;
        return int(total);
    }

private:
    void advance()
    {
        if (sqlite3_step(m_statement.get()) == SQLITE_ROW) {
            m_current = sqlite3_column_int64(m_statement.get(), 0);
        } else {
            m_positioned = false;
        }
    }

    static constexpr qint64 kMaxSteps = 8;

    Statement m_statement;
    bool m_positioned = false;
    qint64 m_current = 0;
};

// The same with dubao_rank() in SQL: what FTS5 does for each row.
Result<QList<ScoredHit>> newestRankedInSql(sqlite3 *handle, const QString &fromWhere, const QVariantList &binds,
                                           qint64 most)
{
    Result<Statement> statement =
        prepare(handle,
                QStringLiteral("SELECT search_blocks.rowid, %1(search_blocks)").arg(QLatin1String(kRankFunctionName)) +
                    fromWhere + QStringLiteral(" ORDER BY search_blocks.rowid DESC LIMIT %1").arg(most),
                binds);
    if (!statement)
        return statement.error();
    QList<ScoredHit> hits;
    hits.reserve(qsizetype(std::min<qint64>(most, 100000)));
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(statement->get())) == SQLITE_ROW)
        hits.append({sqlite3_column_int64(statement->get(), 0), sqlite3_column_double(statement->get(), 1)});
    if (rc != SQLITE_DONE)
        return Error(databaseError(handle));
    return hits;
}

} // namespace

Result<QList<ScoredHit>> newestScoredHits(QSqlDatabase db, const QString &fromWhere, const QVariantList &binds,
                                          qint64 most)
{
    sqlite3 *handle = sql::handle(db);
    // dubao_rank()'s score, computed here from the matches per phrase FTS5 gives and the lengths read in order. A
    // library without what that needs (no docsize rows) is ranked by dubao_rank() itself.
    const std::optional<double> average = averageLength(handle);
    RowLengths lengths(handle);
    if (!average || !lengths.isValid())
        return newestRankedInSql(handle, fromWhere, binds, most);
    Result<Statement> statement = prepare(
        handle,
        QStringLiteral("SELECT search_blocks.rowid, %1(search_blocks)").arg(QLatin1String(kPhraseCountsFunctionName)) +
            fromWhere + QStringLiteral(" ORDER BY search_blocks.rowid DESC LIMIT %1").arg(most),
        binds);
    if (!statement)
        return statement.error();
    QList<ScoredHit> hits;
    hits.reserve(qsizetype(std::min<qint64>(most, 100000)));
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(statement->get())) == SQLITE_ROW) {
        const qint64 rowid = sqlite3_column_int64(statement->get(), 0);
        const std::optional<int> length = lengths.length(rowid);
        if (!length)
            return newestRankedInSql(handle, fromWhere, binds, most);
        const auto *counts = static_cast<const char *>(sqlite3_column_blob(statement->get(), 1));
        const int phrases = sqlite3_column_bytes(statement->get(), 1) / int(sizeof(int));
        double score = 0;
        for (int i = 0; i < phrases; ++i) {
            int count = 0;
            std::memcpy(&count, counts + size_t(i) * sizeof(int), sizeof(int)); // a blob need not be aligned
            score += phraseScore(count, *length, *average);
        }
        hits.append({rowid, -score});
    }
    if (rc != SQLITE_DONE)
        return Error(databaseError(handle));
    return hits;
}

void sortByScore(QList<ScoredHit> &hits)
{
    std::sort(hits.begin(), hits.end(), [](const ScoredHit &a, const ScoredHit &b) {
        return a.score < b.score || (a.score == b.score && a.rowid > b.rowid);
    });
}

} // namespace dubao::search
