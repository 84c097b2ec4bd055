// The search language users type, parsed into a SearchQuery (a pure function: no database). Words and
// phrases are AND-ed; "exact phrase"; a OR b; -word / NOT word; filters title:, reporter:, tag:,
// publication:, person:, office:, author:, from:YYYY-MM-DD, to:YYYY-MM-DD, in:notes, ocr:, own:yes / own:no. Any input
// parses:
// what cannot be used is reported in `messages`, and a query with nothing to search for gets an `error` to show instead
// of results. FTS5 MATCH expressions are built only from the tokenizer's tokens, each quoted, never from typed text.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace dubao {

/// One word or phrase: its tokens must occur in this order, adjacent (substring semantics for Chinese).
struct QueryTerm
{
    QString text;             ///< as typed, without quotes
    QList<QByteArray> tokens; ///< search::queryTokens(text), never empty in a parsed query
    bool quoted = false;

    friend bool operator==(const QueryTerm &, const QueryTerm &) = default;
};

struct SearchQuery
{
    /// own: — the paragraph's text is the paper's own or shared with other articles (docs/reuse.md)
    enum class Own
    {
        Any,    ///< no own: filter
        Own,    ///< own:yes — less than half of the paragraph is inside passages other articles share
        Shared, ///< own:no — at least half of it is (a reprint)
    };
    enum class Scope
    {
        Paragraphs, ///< the articles' paragraphs (default); with only title: terms, the headlines
        Notes,      ///< in:notes — the user's notes
    };

    QList<QList<QueryTerm>> clauses; ///< all must match; each clause is an OR of its terms
    QList<QueryTerm> excluded;       ///< -word, NOT word: none may match
    QList<QueryTerm> titleTerms;     ///< title: — the article's kicker, title or subtitles must contain each
    QStringList reporters;           ///< reporter: — a byline name contains it
    QStringList tags;                ///< tag: — the article, paragraph, a highlight in it (or the note) is tagged
                                     ///< with it or a tag below it; alone it lists what is tagged with it
    QStringList publications;        ///< publication: — the publication's name contains it
    QStringList persons;             ///< person: — the people index names this person in the article
    QStringList offices;             ///< office: — the article names someone with an office that contains it
    /// author: — this person (a library user's name, a team library's login; ASCII case folded) tagged, highlighted or
    /// noted the paragraph or tagged its article (in:notes: wrote the note); alone it lists what they annotated
    QStringList authors;
    /// ocr: — the paragraph's text as the OCR read it, before a correction of the reader's, contains it
    /// (docs/corrections.md); alone it lists those paragraphs
    QStringList ocrTexts;
    QDate from; ///< from: — issue date on or after (invalid: no limit)
    QDate to;   ///< to: — issue date on or before
    Own own = Own::Any;
    Scope scope = Scope::Paragraphs;
    QStringList messages; ///< what was ignored and why, one sentence each
    QString error;        ///< non-empty: nothing to search for; show this instead of results

    bool isValid() const { return error.isEmpty(); }
    bool hasTextTerms() const { return !clauses.isEmpty(); }
    /// Only title: terms (and filters): the hits are headlines, not paragraphs.
    bool isTitleOnly() const { return clauses.isEmpty() && !titleTerms.isEmpty() && ocrTexts.isEmpty(); }
    bool hasPeopleFilters() const { return !persons.isEmpty() || !offices.isEmpty(); }
    /// Only person:/office: (and other filters): the hits are the articles that name them.
    bool isPeopleOnly() const
    {
        return scope == Scope::Paragraphs && clauses.isEmpty() && titleTerms.isEmpty() && ocrTexts.isEmpty() &&
               hasPeopleFilters();
    }
    /// Only tag: and author: (and filters on paragraphs): the hits are the annotated paragraphs — tagged, holding a
    /// highlight, noted, the first paragraph of a tagged article — the first tag's (or without a tag the first
    /// author's), narrowed by the other filters.
    bool isAnnotatedOnly() const
    {
        return scope == Scope::Paragraphs && clauses.isEmpty() && titleTerms.isEmpty() &&
               (!tags.isEmpty() || !authors.isEmpty()) && !hasPeopleFilters();
    }
    /// Only tag: (and filters on paragraphs): the hits are the tagged paragraphs, the paragraphs holding a tagged
    /// highlight and the first paragraph of each tagged article.
    bool isTagsOnly() const { return isAnnotatedOnly() && !tags.isEmpty(); }
    bool hasArticleFilters() const
    {
        return !titleTerms.isEmpty() || !reporters.isEmpty() || !tags.isEmpty() || !authors.isEmpty() ||
               !publications.isEmpty() || hasPeopleFilters() || own != Own::Any;
    }

    /// FTS5 MATCH for the text terms: (clauses AND-ed) NOT (excluded OR-ed). Empty without text terms.
    QString matchExpression() const;
    /// FTS5 MATCH for the title: terms, AND-ed. Empty without them.
    QString titleMatchExpression() const;
    /// The token lists of every positive text term (what the highlighter marks).
    QList<QList<QByteArray>> highlightPhrases() const;
    QList<QList<QByteArray>> titlePhrases() const;
};

/// Messages and errors are English; an application that installs a translator gets them translated (context
/// "dubao::QueryParser", in translations/). dubao-cli prints them in English.
class QueryParser final
{
    Q_DECLARE_TR_FUNCTIONS(dubao::QueryParser)

public:
    /// Longer input is cut to this many UTF-16 code units (with a message).
    static constexpr qsizetype kMaxQueryLength = 1000;

    static SearchQuery parse(QStringView input);

    /// FTS5 phrase for one term: "tok1" + "tok2" + ... (each token quoted, quotes doubled).
    static QString phraseExpression(const QList<QByteArray> &tokens);
};

} // namespace dubao
