#include "core/search/concordance.h"

#include "core/model/issuedate.h"
#include "core/search/matchhighlighter.h"
#include "core/search/queryparser.h"
#include "core/search/searchindex.h"
#include "core/search/searchplan.h"
#include "core/search/tokenizer.h"
#include "core/store/cancelguard.h"
#include "core/store/dialect.h"
#include "core/store/library.h"
#include "core/store/sql.h"

#include <QCollator>
#include <QLocale>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <numeric>

namespace dubao {

namespace {

// Characters (not UTF-16 units) before/after a position, never splitting a surrogate pair.
QString leftContext(QStringView text, qsizetype at, int width)
{
    qsizetype start = at;
    for (int k = 0; k < width && start > 0; ++k) {
        --start;
        if (start > 0 && text[start].isLowSurrogate() && text[start - 1].isHighSurrogate())
            --start;
    }
    return text.mid(start, at - start).toString();
}

QString rightContext(QStringView text, qsizetype at, int width)
{
    qsizetype end = at;
    for (int k = 0; k < width && end < text.size(); ++k) {
        if (text[end].isHighSurrogate() && end + 1 < text.size() && text[end + 1].isLowSurrogate())
            ++end;
        ++end;
    }
    return text.mid(at, end - at).toString();
}

QString reversed(const QString &s)
{
    const QList<uint> ucs4 = s.toUcs4();
    QString out;
    out.reserve(s.size());
    for (auto it = ucs4.crbegin(); it != ucs4.crend(); ++it)
        out += QString::fromUcs4(reinterpret_cast<const char32_t *>(&*it), 1);
    return out;
}

} // namespace

QString ConcordanceLine::dateText() const
{
    return issueDateText(date, month, day);
}

Concordance::Concordance(Library &library)
    : m_library(library)
{}

ConcordanceResult Concordance::lines(const QString &term, const ConcordanceOptions &options,
                                     const std::atomic_bool *cancel)
{
    ConcordanceResult result;
    result.term = term;
    // own:yes / own:no, the search language's filter (docs/reuse.md), may stand beside the term.
    SearchQuery::Own own = SearchQuery::Own::Any;
    QStringList words;
    for (const QString &word : term.split(QRegularExpression(QStringLiteral("[\\s\\x{3000}]+")), Qt::SkipEmptyParts)) {
        if (!word.startsWith(QLatin1String("own:"), Qt::CaseInsensitive) &&
            !word.startsWith(QStringLiteral("own："), Qt::CaseInsensitive)) {
            words.append(word);
            continue;
        }
        const SearchQuery filter = QueryParser::parse(word);
        if (filter.own == SearchQuery::Own::Any) {
            result.error = filter.messages.value(0, tr("Use own:yes or own:no."));
            return result;
        }
        own = filter.own;
    }
    const QString text = own == SearchQuery::Own::Any ? term : words.join(u' ');
    const QList<QByteArray> tokens = search::queryTokens(text);
    if (tokens.isEmpty()) {
        result.error = text.trimmed().isEmpty()
                           ? tr("Type a word or a phrase.")
                           : tr("Nothing to search for in “%1”: it has no characters, letters or digits.").arg(text);
        return result;
    }
    const int width = std::clamp(options.width, 1, 500);
    const MatchHighlighter highlighter({tokens});

    QSqlDatabase db = m_library.database();
    // A paragraph is shared when passages other articles share cover half of it (reuse_paragraphs, schema v12).
    QString ownCondition;
    if (own != SearchQuery::Own::Any) {
        if (!search::tableExists(db, QStringLiteral("reuse_paragraphs")) ||
            !sql::scalar(db, QStringLiteral("SELECT 1 FROM reuse_built LIMIT 1")).isValid()) {
            result.error = tr("own: needs the text-reuse index, which this library does not have yet; build it with "
                              "Tools → Build Reuse Index or dubao-cli reuse --rebuild");
            return result;
        }
        ownCondition = QStringLiteral(" AND b.id %1 IN (SELECT block_id FROM reuse_paragraphs WHERE shared_chars * 2 "
                                      ">= characters)")
                           .arg(own == SearchQuery::Own::Own ? QStringLiteral("NOT") : QString());
    }
    // The term's paragraphs as a search of it finds them, on either engine (searchplan.h).
    SearchQuery query;
    query.clauses = {{QueryTerm{text, tokens, false}}};
    const Result<search::Plan> plan = search::planFor(db, query, OcrMatches{});
    if (!plan) {
        result.error = plan.error().message();
        return result;
    }
    const CancelGuard guard(db, cancel);
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT b.id, b.text, a.id, a.title, i.id, i.date, i.month, i.day FROM %1 "
                             "JOIN blocks b ON b.id = %4 JOIN articles a ON a.id = "
                             "b.article_id JOIN issues i ON i.id = a.issue_id WHERE %2%3 ORDER BY search_blocks.rowid")
                  .arg(plan->from, plan->where.text, ownCondition, search::blockIdOfRowid(dialect::isPostgres(db))));
    for (const QVariant &value : plan->where.binds)
        q.addBindValue(value);
    const bool ok = q.exec();
    while (ok && q.next()) {
        ++result.paragraphs;
        if (result.truncated)
            continue; // keep counting paragraphs
        const QString text = q.value(1).toString();
        for (const TextRange &r : highlighter.occurrences(text)) {
            if (options.limit > 0 && result.lines.size() >= options.limit) {
                result.truncated = true;
                break;
            }
            ConcordanceLine line;
            line.blockId = q.value(0).toLongLong();
            line.articleId = q.value(2).toLongLong();
            line.articleTitle = q.value(3).toString();
            line.issueId = q.value(4).toLongLong();
            line.date = QDate::fromString(q.value(5).toString(), Qt::ISODate);
            line.month = q.value(6).toInt();
            line.day = q.value(7).toInt();
            line.offset = r.start;
            line.length = r.length;
            line.keyword = text.mid(r.start, r.length);
            line.left = leftContext(text, r.start, width);
            line.right = rightContext(text, r.end(), width);
            result.lines.append(std::move(line));
        }
    }
    if (!ok || q.lastError().isValid()) {
        if (cancel && cancel->load())
            result.cancelled = true;
        else
            result.error = QStringLiteral("database error: ") + q.lastError().text();
        result.lines.clear();
        return result;
    }
    sort(result.lines, options.sort);
    return result;
}

void Concordance::sort(QList<ConcordanceLine> &lines, ConcordanceSort order)
{
    // Date (undated first, as the index orders them), then reading order.
    auto byDate = [](const ConcordanceLine &a, const ConcordanceLine &b) {
        const qint64 da = a.date.isValid() ? a.date.toJulianDay() : 0;
        const qint64 db = b.date.isValid() ? b.date.toJulianDay() : 0;
        if (da != db)
            return da < db;
        if (a.blockId != b.blockId)
            return a.blockId < b.blockId;
        return a.offset < b.offset;
    };
    if (order == ConcordanceSort::Date) {
        std::stable_sort(lines.begin(), lines.end(), byDate);
        return;
    }
    QCollator collator(QLocale(QLocale::Chinese, QLocale::China));
    collator.setNumericMode(true);
    std::vector<QCollatorSortKey> keys;
    keys.reserve(size_t(lines.size()));
    for (const ConcordanceLine &line : std::as_const(lines)) {
        keys.push_back(collator.sortKey(order == ConcordanceSort::LeftContext ? reversed(line.left) : line.right));
    }
    std::vector<qsizetype> index(size_t(lines.size()));
    std::iota(index.begin(), index.end(), 0);
    std::stable_sort(index.begin(), index.end(), [&](qsizetype a, qsizetype b) {
        const int c = keys[size_t(a)].compare(keys[size_t(b)]);
        if (c != 0)
            return c < 0;
        return byDate(lines[a], lines[b]);
    });
    QList<ConcordanceLine> sorted;
    sorted.reserve(lines.size());
    for (qsizetype k : index)
        sorted.append(std::move(lines[k]));
    lines = std::move(sorted);
}

QByteArray Concordance::csvField(const QString &value)
{
    QByteArray bytes = value.toUtf8();
    if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\n') || bytes.contains('\r')) {
        bytes.replace("\"", "\"\"");
        bytes = '"' + bytes + '"';
    }
    return bytes;
}

QByteArray Concordance::toCsv(const QList<ConcordanceLine> &lines)
{
    QByteArray out("\xEF\xBB\xBF");
    out += "date,article_id,article_title,block_id,offset,left,keyword,right\r\n";
    for (const ConcordanceLine &line : lines) {
        out += csvField(line.dateText()) + ',' + QByteArray::number(line.articleId) + ',' +
               csvField(line.articleTitle) + ',' + QByteArray::number(line.blockId) + ',' +
               QByteArray::number(line.offset) + ',' + csvField(line.left) + ',' + csvField(line.keyword) + ',' +
               csvField(line.right) + "\r\n";
    }
    return out;
}

} // namespace dubao
