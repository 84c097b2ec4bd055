// Term trends (termtrends.h) and schema v7, the characters of every article that normalise them.
#include "core/analysis/termtrends.h"

#include "core/search/concordance.h"
#include "core/search/queryparser.h"
#include "core/search/searchservice.h"
#include "core/store/cancelguard.h"
#include "core/store/dialect.h"
#include "core/store/library.h"
#include "core/store/schema.h"
#include "core/store/sql.h"

#include <QHash>
#include <QSqlQuery>

namespace dubao {

namespace {

// Each article's characters (its blocks' text) and its issue, kept by triggers on `blocks`, so that "hits per
// 10,000 characters" of a period is a sum over these rows rather than a read of every paragraph (minutes on the
// 1 GB library). A block that moves or changes is taken out of its old article and put into its new one; an
// article that is deleted takes its row with it. Runs again on a file that has the table (IF NOT EXISTS, OR
// REPLACE).
Result<void> migrateTo7(QSqlDatabase &db)
{
    static const char *const statements[] = {
        R"(CREATE TABLE IF NOT EXISTS article_sizes (
            article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            issue_id   INTEGER NOT NULL,
            characters INTEGER NOT NULL DEFAULT 0
        ))",
        R"(CREATE TRIGGER IF NOT EXISTS article_sizes_block_inserted AFTER INSERT ON blocks BEGIN
            INSERT INTO article_sizes(article_id, issue_id, characters)
                SELECT NEW.article_id, issue_id, length(NEW.text) FROM articles WHERE id = NEW.article_id
                ON CONFLICT(article_id) DO UPDATE SET characters = characters + excluded.characters;
        END)",
        R"(CREATE TRIGGER IF NOT EXISTS article_sizes_block_changed AFTER UPDATE OF text, article_id ON blocks BEGIN
            UPDATE article_sizes SET characters = characters - length(OLD.text) WHERE article_id = OLD.article_id;
            INSERT INTO article_sizes(article_id, issue_id, characters)
                SELECT NEW.article_id, issue_id, length(NEW.text) FROM articles WHERE id = NEW.article_id
                ON CONFLICT(article_id) DO UPDATE SET characters = characters + excluded.characters;
        END)",
        R"(CREATE TRIGGER IF NOT EXISTS article_sizes_block_deleted AFTER DELETE ON blocks BEGIN
            UPDATE article_sizes SET characters = characters - length(OLD.text) WHERE article_id = OLD.article_id;
        END)",
        R"(CREATE TRIGGER IF NOT EXISTS article_sizes_article_moved AFTER UPDATE OF issue_id ON articles BEGIN
            UPDATE article_sizes SET issue_id = NEW.issue_id WHERE article_id = NEW.id;
        END)",
        // For the people listing (PeopleIndex::persons()): its GROUP BY person and offices reads this index in
        // order, never the appearances' rows with their sentences (on the 1 GB library 40 s → 9 s, loaded machine).
        "CREATE INDEX IF NOT EXISTS appearances_person_offices ON appearances(person_id, offices, article_id)",
        "INSERT OR REPLACE INTO article_sizes(article_id, issue_id, characters) "
        "SELECT b.article_id, a.issue_id, sum(length(b.text)) FROM blocks b JOIN articles a ON a.id = b.article_id "
        "GROUP BY b.article_id",
    };
    for (const char *statement : statements)
        if (Result<void> done = sql::exec(db, QString::fromUtf8(statement)); !done)
            return done;
    return {};
}

} // namespace

void registerTrendSchema()
{
    schema::registerStep(7, "analysis", migrateTo7);
    schema::registerDerivedTables({QStringLiteral("article_sizes")});
}

QString TrendBucket::label(TrendPeriod period) const
{
    switch (period) {
    case TrendPeriod::Month:
        return start.toString(QStringLiteral("yyyy-MM"));
    case TrendPeriod::Quarter:
        return QStringLiteral("%1-Q%2").arg(start.year()).arg((start.month() - 1) / 3 + 1);
    case TrendPeriod::Year:
        return QString::number(start.year());
    }
    return {};
}

QDate TermTrends::periodStart(const QDate &date, TrendPeriod period)
{
    switch (period) {
    case TrendPeriod::Month:
        return QDate(date.year(), date.month(), 1);
    case TrendPeriod::Quarter:
        return QDate(date.year(), (date.month() - 1) / 3 * 3 + 1, 1);
    case TrendPeriod::Year:
        return QDate(date.year(), 1, 1);
    }
    return {};
}

QDate TermTrends::nextPeriod(const QDate &start, TrendPeriod period)
{
    switch (period) {
    case TrendPeriod::Month:
        return start.addMonths(1);
    case TrendPeriod::Quarter:
        return start.addMonths(3);
    case TrendPeriod::Year:
        return start.addYears(1);
    }
    return {};
}

QString TermTrends::periodName(TrendPeriod period)
{
    switch (period) {
    case TrendPeriod::Month:
        return QStringLiteral("month");
    case TrendPeriod::Quarter:
        return QStringLiteral("quarter");
    case TrendPeriod::Year:
        return QStringLiteral("year");
    }
    return {};
}

std::optional<TrendPeriod> TermTrends::periodFromName(const QString &name)
{
    for (TrendPeriod p : {TrendPeriod::Month, TrendPeriod::Quarter, TrendPeriod::Year})
        if (periodName(p) == name)
            return p;
    return std::nullopt;
}

QString TermTrends::measureName(TrendMeasure measure)
{
    return measure == TrendMeasure::PerIssue ? QStringLiteral("issue") : QStringLiteral("10k");
}

std::optional<TrendMeasure> TermTrends::measureFromName(const QString &name)
{
    for (TrendMeasure m : {TrendMeasure::PerIssue, TrendMeasure::Per10k})
        if (measureName(m) == name)
            return m;
    return std::nullopt;
}

QByteArray TermTrends::toCsv(const Trend &trend)
{
    QByteArray out("\xEF\xBB\xBFperiod,start,end,issues,characters");
    const QByteArray per = trend.measure == TrendMeasure::PerIssue ? " per issue" : " per 10k characters";
    for (const TrendSeries &series : trend.series)
        out += ',' + Concordance::csvField(series.query + QStringLiteral(" hits")) + ',' +
               Concordance::csvField(series.query + QString::fromLatin1(per));
    out += "\r\n";
    for (qsizetype b = 0; b < trend.buckets.size(); ++b) {
        const TrendBucket &bucket = trend.buckets[b];
        // Characters are counted for hits per 10,000 characters only: per issue the cell is empty (a missing value
        // to Stata and R), never a 0 that a month of issues did not have.
        out += bucket.label(trend.period).toLatin1() + ',' + bucket.start.toString(Qt::ISODate).toLatin1() + ',' +
               bucket.end.toString(Qt::ISODate).toLatin1() + ',' + QByteArray::number(bucket.issues) + ',' +
               (trend.measure == TrendMeasure::Per10k ? QByteArray::number(bucket.characters) : QByteArray());
        for (const TrendSeries &series : trend.series) {
            out += ',' + QByteArray::number(series.hits.value(b)) + ',';
            if (const std::optional<double> value = series.values.value(b))
                out += QByteArray::number(*value, 'g', 6);
        }
        out += "\r\n";
    }
    return out;
}

QStringList TermTrends::withOwnText(const QStringList &queries)
{
    QStringList doubled;
    for (const QString &query : queries) {
        doubled.append(query);
        if (QueryParser::parse(query).own == SearchQuery::Own::Any)
            doubled.append(query + QStringLiteral(" own:yes"));
    }
    return doubled;
}

Result<Trend> TermTrends::compute(const QStringList &queries, TrendPeriod period, TrendMeasure measure,
                                  const std::atomic_bool *cancel)
{
    QList<SearchQuery> parsed;
    for (const QString &text : queries) {
        SearchQuery query = QueryParser::parse(text);
        if (!query.isValid())
            return Error(tr("%1: %2").arg(text, query.error));
        parsed.append(std::move(query));
    }

    Trend trend;
    trend.period = period;
    trend.measure = measure;
    QSqlDatabase db = m_library.database();
    CancelGuard guard(sql::handle(db), cancel);
    auto failed = [&](const QSqlQuery &q) {
        return Error((cancel && cancel->load()) ? tr("cancelled")
                                                : tr("cannot read the library: %1").arg(q.lastError().text()));
    };

    // What the archive holds per day: issues and characters.
    QMap<QDate, QPair<qint64, qint64>> days;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT date, count(*) FROM issues WHERE date IS NOT NULL GROUP BY date")))
        return failed(q);
    while (q.next())
        days[QDate::fromString(q.value(0).toString(), Qt::ISODate)].first = q.value(1).toLongLong();
    if (measure == TrendMeasure::Per10k) {
        // The sizes carry their issue: no article row (titles and all) is read. A team library has no article_sizes
        // (the analysis tables are SQLite's): its paragraphs are measured where they are, in code points as length().
        const QString sizes =
            dialect::isPostgres(db)
                ? QStringLiteral("SELECT i.date, sum(char_length(b.text)) FROM blocks b JOIN articles a ON a.id = "
                                 "b.article_id JOIN issues i ON i.id = a.issue_id WHERE i.date IS NOT NULL "
                                 "GROUP BY i.date")
                : QStringLiteral("SELECT i.date, sum(s.characters) FROM (SELECT issue_id, sum(characters) AS "
                                 "characters FROM article_sizes GROUP BY issue_id) s JOIN issues i ON i.id = "
                                 "s.issue_id WHERE i.date IS NOT NULL GROUP BY i.date");
        if (!q.exec(sizes))
            return failed(q);
        while (q.next())
            days[QDate::fromString(q.value(0).toString(), Qt::ISODate)].second = q.value(1).toLongLong();
    }
    days.remove(QDate());
    if (days.isEmpty()) {
        for (const QString &text : queries)
            trend.series.append(TrendSeries{text, {}, 0, {}});
        return trend;
    }

    const QDate last = periodStart(days.lastKey(), period);
    for (QDate start = periodStart(days.firstKey(), period); start <= last; start = nextPeriod(start, period))
        trend.buckets.append(TrendBucket{start, nextPeriod(start, period).addDays(-1), 0, 0});
    auto bucketOf = [&](const QDate &date) -> qsizetype {
        // Buckets are in order: a binary search on their starts.
        const auto it = std::upper_bound(trend.buckets.cbegin(), trend.buckets.cend(), date,
                                         [](const QDate &d, const TrendBucket &b) { return d < b.start; });
        if (it == trend.buckets.cbegin())
            return -1;
        const qsizetype index = std::distance(trend.buckets.cbegin(), it) - 1;
        return date <= trend.buckets[index].end ? index : -1;
    };
    for (auto it = days.cbegin(); it != days.cend(); ++it) {
        const qsizetype b = bucketOf(it.key());
        trend.buckets[b].issues += it.value().first;
        trend.buckets[b].characters += it.value().second;
    }

    SearchService search(m_library);
    for (qsizetype k = 0; k < parsed.size(); ++k) {
        const Result<QMap<qint64, qint64>> byDay = search.countByDay(parsed[k], cancel);
        if (!byDay)
            return Error(tr("%1: %2").arg(queries[k], byDay.error().message()));
        TrendSeries series;
        series.query = queries[k];
        series.hits = QList<qint64>(trend.buckets.size(), 0);
        for (auto it = byDay->cbegin(); it != byDay->cend(); ++it) {
            const qsizetype b = it.key() > 0 ? bucketOf(QDate::fromJulianDay(it.key())) : -1;
            if (b < 0)
                series.undatedHits += it.value();
            else
                series.hits[b] += it.value();
        }
        for (qsizetype b = 0; b < trend.buckets.size(); ++b) {
            const TrendBucket &bucket = trend.buckets[b];
            const qint64 base = measure == TrendMeasure::PerIssue ? bucket.issues : bucket.characters;
            const double scale = measure == TrendMeasure::PerIssue ? 1.0 : 10000.0;
            series.values.append(base > 0 ? std::optional<double>(double(series.hits[b]) * scale / double(base))
                                          : std::nullopt);
        }
        trend.series.append(std::move(series));
    }
    return trend;
}

} // namespace dubao
