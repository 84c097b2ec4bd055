// Term trends: how often one or more search queries hit, per month, quarter or year, normalised by what the
// archive holds in that period (hits per issue, or per 10,000 characters of text), so that a thin year does not
// look quiet. Hits are paragraphs, counted in SQL by the search index (SearchService::countByDay()); the issues
// and characters per day come from the issues and the article sizes the block triggers keep (schema v7).
#pragma once

#include "core/model/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <optional>

namespace dubao {

class Library;

/// Registers schema step 7 (article_sizes) with the store; registerAnalysisSchema() calls it.
void registerTrendSchema();

enum class TrendPeriod
{
    Month,
    Quarter,
    Year,
};

enum class TrendMeasure
{
    PerIssue, ///< hits / issues in the period
    Per10k,   ///< hits per 10,000 characters of the period's text
};

struct TrendBucket
{
    QDate start; ///< the first day of the period
    QDate end;   ///< the last day
    qint64 issues = 0;
    qint64 characters = 0; ///< counted for TrendMeasure::Per10k only (0 otherwise: not measured, no zero)

    /// "2023-06", "2023-Q2" or "2023".
    QString label(TrendPeriod period) const;
};

struct TrendSeries
{
    QString query;      ///< as given
    QList<qint64> hits; ///< one per bucket
    qint64 undatedHits = 0;
    /// Hits normalised by `measure`; none for a period without issues (a gap, not a zero).
    QList<std::optional<double>> values;
};

struct Trend
{
    TrendPeriod period = TrendPeriod::Month;
    TrendMeasure measure = TrendMeasure::PerIssue;
    QList<TrendBucket> buckets; ///< every period from the first dated issue to the last, gaps included
    QList<TrendSeries> series;  ///< one per query, in the order given
};

/// Errors are English; an application that installs a translator gets them translated (context
/// "dubao::TermTrends").
class TermTrends final
{
    Q_DECLARE_TR_FUNCTIONS(dubao::TermTrends)

public:
    explicit TermTrends(Library &library)
        : m_library(library)
    {}

    /// The trend of each query (the search language, filters included). Fails on the first query that does not
    /// parse, naming it; `cancel` may be null.
    Result<Trend> compute(const QStringList &queries, TrendPeriod period, TrendMeasure measure,
                          const std::atomic_bool *cancel = nullptr);

    /// Each query followed by the same query in the paper's own text (`own:yes`, docs/reuse.md): a term's curve in own
    /// text beside all text. A query that has an own: filter already is not doubled. Normalised as every series (per
    /// issue, or per 10,000 characters of all the period's text), so the own curve never rises above the whole.
    static QStringList withOwnText(const QStringList &queries);

    /// RFC 4180 CSV in UTF-8 with a BOM, CRLF line ends: period, start, end, issues, characters, then per query
    /// its hits and its normalised value (empty for a period without issues).
    static QByteArray toCsv(const Trend &trend);

    /// The first day of the period that holds `date`.
    static QDate periodStart(const QDate &date, TrendPeriod period);
    static QDate nextPeriod(const QDate &start, TrendPeriod period);

    static QString periodName(TrendPeriod period); ///< month, quarter, year
    static std::optional<TrendPeriod> periodFromName(const QString &name);
    static QString measureName(TrendMeasure measure); ///< issue, 10k
    static std::optional<TrendMeasure> measureFromName(const QString &name);

private:
    Library &m_library;
};

} // namespace dubao
