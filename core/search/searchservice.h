// Runs searches on a library: the hit count and one page of hits with highlighted snippets.
//
// @warning A SearchService uses its Library's connection, so it belongs to the thread that opened that
// Library. For search-as-you-type, the GUI opens a Library on a worker thread and calls search() there with a
// cancel flag; setting the flag from the UI thread makes a running search return promptly (SQLite's
// progress handler checks it) with `cancelled` set.
#pragma once

#include "core/model/result.h"
#include "core/search/matchhighlighter.h"
#include "core/search/queryparser.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

#include <atomic>

namespace dubao {

class Library;

enum class SearchOrder
{
    Relevance, ///< bm25; for terms with more than SearchService::kRankedHits hits, see docs/search.md
    Newest,    ///< issue date, newest first (undated issues last); paragraphs of one issue in reading order
    Oldest,    ///< issue date, oldest first (undated issues first)
};

struct SearchOptions
{
    SearchOrder order = SearchOrder::Relevance;
    int offset = 0;          ///< paging: hits to skip
    int limit = 20;          ///< hits to return (0: count only)
    int snippetLength = 100; ///< characters of context in each snippet
    /// False: hits are counted only as far as the page and the ranking need (see SearchResult::totalIsLowerBound),
    /// so that a very common term's first page comes without counting every hit; count() gives the number later.
    bool exactTotal = true;
};

struct SearchHit
{
    enum class Kind
    {
        Paragraph, ///< a block of an article (blockId set)
        Headline,  ///< an article's headline (title-only queries; blockId 0)
        Note,      ///< a note (noteId set; blockId/articleId set when the note is anchored to a paragraph)
    };
    Kind kind = Kind::Paragraph;
    qint64 articleId = 0;
    qint64 blockId = 0; ///< the paragraph to scroll to
    qint64 noteId = 0;
    qint64 issueId = 0;
    QDate date; ///< invalid when the issue's year is unknown (then month/day may be set)
    int month = 0;
    int day = 0;
    QString publication;
    QString articleTitle;
    QString text;                  ///< the paragraph's cleaned text (or the note's text, or the title)
    QList<TextRange> matches;      ///< every match in `text`, merged where they touch
    QList<TextRange> titleMatches; ///< title: terms in `articleTitle`
    Snippet snippet;

    /// "2023-06-14", "????-06-14" or "" — as the CLI prints it.
    QString dateText() const;
};

struct SearchResult
{
    SearchQuery query;
    SearchOrder order = SearchOrder::Relevance;
    qint64 total = 0;               ///< hits in all (paragraphs, notes or headlines)
    bool totalIsLowerBound = false; ///< SearchOptions::exactTotal was false and there are more than `total` hits
    int offset = 0;
    QList<SearchHit> hits;   ///< this page
    bool rankCapped = false; ///< Relevance with more than kRankedHits hits: only the newest were ranked
    bool cancelled = false;
    QString error; ///< for the user: the query's own error, or a database error (rare)

    bool ok() const { return error.isEmpty() && !cancelled; }
};

/// Errors are English; an application that installs a translator gets them translated (context
/// "dubao::SearchService").
class SearchService final
{
    Q_DECLARE_TR_FUNCTIONS(dubao::SearchService)

public:
    /// Relevance ranking scores at most this many hits (the newest); the rest follow, newest first.
    static constexpr int kRankedHits = 5000;

    explicit SearchService(Library &library);

    SearchResult search(const QString &text, const SearchOptions &options = {},
                        const std::atomic_bool *cancel = nullptr);
    SearchResult search(const SearchQuery &query, const SearchOptions &options = {},
                        const std::atomic_bool *cancel = nullptr);

    /// The number of hits only (what search() reports as total). Cancelled, it fails with the error "cancelled".
    Result<qint64> count(const SearchQuery &query, const std::atomic_bool *cancel = nullptr);

    /// The hits per issue date, counted in SQL (what term trends add up): Julian day (QDate::toJulianDay()) →
    /// hits; hits in issues without a full date are counted under 0. Cancelled, it fails with "cancelled".
    Result<QMap<qint64, qint64>> countByDay(const SearchQuery &query, const std::atomic_bool *cancel = nullptr);

    /// The articles that have a hit (a paragraph, a headline, a note anchored in them): what narrows a list of
    /// articles to those a query matches (the Reuse view's filter). Cancelled, it fails with "cancelled".
    Result<QSet<qint64>> articles(const SearchQuery &query, const std::atomic_bool *cancel = nullptr);

    /// The number of hits, counting no further than `most` (0: all of them).
    Result<qint64> countUpTo(const SearchQuery &query, qint64 most, const std::atomic_bool *cancel = nullptr);

    /// The names `author:` knows: everyone who made an annotation or a tagging in the library, sorted.
    Result<QStringList> authors();

private:
    Library &m_library;
};

} // namespace dubao
