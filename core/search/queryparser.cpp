// The query language: a small hand-written scanner, total over any input (fuzz-tested in tst_queryparser).
#include "core/search/queryparser.h"

#include "core/search/tokenizer.h"
#include "core/text/chinesetext.h"

#include <optional>

namespace dubao {

namespace {

bool isSeparator(QChar c)
{
    return c.isSpace() || c == QChar(0x3000);
}

bool isOpeningQuote(QChar c)
{
    return c == u'"' || c == QChar(0x201C) || c == QChar(0xFF02) || c == QChar(0x300C) || c == QChar(0x300E);
}

bool isClosingQuote(QChar c)
{
    return c == u'"' || c == QChar(0x201D) || c == QChar(0xFF02) || c == QChar(0x300D) || c == QChar(0x300F) ||
           c == QChar(0x201C);
}

bool isMinus(QChar c)
{
    return c == u'-' || c == QChar(0xFF0D) || c == QChar(0x2212);
}

QString quoted(QStringView s)
{
    return QStringLiteral("“") + s.toString() + QStringLiteral("”");
}

// Dates for from:/to: YYYY-MM-DD, also YYYY-MM and YYYY (the first or last day of that period).
QDate parseDate(const QString &value, bool endOfPeriod)
{
    const QStringList parts = value.split(u'-');
    bool ok[3] = {false, true, true};
    const int year = parts.value(0).toInt(&ok[0]);
    if (parts.size() > 3 || parts.value(0).size() != 4 || !ok[0])
        return {};
    int month = endOfPeriod ? 12 : 1;
    int day = 1;
    if (parts.size() >= 2)
        month = parts[1].toInt(&ok[1]);
    if (parts.size() == 3)
        day = parts[2].toInt(&ok[2]);
    if (!ok[1] || !ok[2] || month < 1 || month > 12)
        return {};
    QDate date(year, month, 1);
    if (parts.size() == 3)
        date = QDate(year, month, day);
    else if (endOfPeriod)
        date = QDate(year, month, date.daysInMonth());
    return date;
}

} // namespace

QString QueryParser::phraseExpression(const QList<QByteArray> &tokens)
{
    QStringList quotedTokens;
    quotedTokens.reserve(tokens.size());
    for (const QByteArray &t : tokens) {
        const bool prefix = t.endsWith('*');
        QString s = QString::fromUtf8(prefix ? t.chopped(1) : t);
        s.replace(u'"', QStringLiteral("\"\""));
        quotedTokens.append(u'"' + s + (prefix ? QStringLiteral("\" *") : QStringLiteral("\"")));
    }
    return quotedTokens.join(QStringLiteral(" + "));
}

QString SearchQuery::matchExpression() const
{
    if (clauses.isEmpty())
        return {};
    QStringList all;
    for (const QList<QueryTerm> &clause : clauses) {
        QStringList alternatives;
        for (const QueryTerm &term : clause)
            alternatives.append(QueryParser::phraseExpression(term.tokens));
        all.append(alternatives.size() == 1 ? alternatives.front()
                                            : u'(' + alternatives.join(QStringLiteral(" OR ")) + u')');
    }
    QString expression = all.join(QStringLiteral(" AND "));
    if (!excluded.isEmpty()) {
        QStringList excludedPhrases;
        for (const QueryTerm &term : excluded)
            excludedPhrases.append(QueryParser::phraseExpression(term.tokens));
        expression =
            u'(' + expression + QStringLiteral(") NOT (") + excludedPhrases.join(QStringLiteral(" OR ")) + u')';
    }
    return expression;
}

QString SearchQuery::titleMatchExpression() const
{
    QStringList all;
    for (const QueryTerm &term : titleTerms)
        all.append(QueryParser::phraseExpression(term.tokens));
    return all.join(QStringLiteral(" AND "));
}

QList<QList<QByteArray>> SearchQuery::highlightPhrases() const
{
    QList<QList<QByteArray>> phrases;
    for (const QList<QueryTerm> &clause : clauses) {
        for (const QueryTerm &term : clause)
            phrases.append(term.tokens);
    }
    return phrases;
}

QList<QList<QByteArray>> SearchQuery::titlePhrases() const
{
    QList<QList<QByteArray>> phrases;
    for (const QueryTerm &term : titleTerms)
        phrases.append(term.tokens);
    return phrases;
}

SearchQuery QueryParser::parse(QStringView input)
{
    SearchQuery query;
    // A search is some words or phrases. A whole pasted article is cut: every phrase of it would be matched
    // against every hit's paragraph (FTS5, then the highlighter), for no use.
    if (input.size() > kMaxQueryLength) {
        const qsizetype cut = input[kMaxQueryLength - 1].isHighSurrogate() ? kMaxQueryLength - 1 : kMaxQueryLength;
        input = input.first(cut);
        query.messages.append(tr("The search was cut to its first %1 characters.").arg(kMaxQueryLength));
    }
    const qsizetype n = input.size();
    qsizetype i = 0;

    bool negateNext = false;
    QString negatedBy; // "NOT" or "-", for messages
    bool orPending = false;
    bool lastWasPositiveTerm = false;

    auto note = [&](const QString &message) {
        if (!query.messages.contains(message))
            query.messages.append(message);
    };
    // Reads a quoted phrase starting at input[i] (an opening quote); returns its text.
    auto readQuoted = [&]() {
        ++i; // the opening quote
        const qsizetype start = i;
        while (i < n && !isClosingQuote(input[i]))
            ++i;
        const QString text = input.mid(start, i - start).toString();
        if (i < n)
            ++i; // the closing quote
        else
            note(tr("A quote was not closed; the phrase runs to the end of the search."));
        return text;
    };
    auto makeTerm = [&](const QString &text, bool isQuoted) -> std::optional<QueryTerm> {
        QueryTerm term{text, search::queryTokens(text), isQuoted};
        if (term.tokens.isEmpty()) {
            if (!text.trimmed().isEmpty())
                note(tr("Ignored %1: it has no characters, letters or digits to search for.").arg(quoted(text)));
            return std::nullopt;
        }
        return term;
    };
    auto addTerm = [&](const QString &text, bool isQuoted) {
        const std::optional<QueryTerm> term = makeTerm(text, isQuoted);
        if (!term) {
            // A dropped term leaves a pending NOT/OR without an operand.
            if (negateNext)
                note(tr("%1 must be followed by a word to exclude.").arg(negatedBy));
            negateNext = false;
            return;
        }
        if (negateNext) {
            if (orPending)
                note(tr("OR cannot join an excluded word; it was ignored."));
            orPending = false;
            query.excluded.append(*term);
            negateNext = false;
            lastWasPositiveTerm = false;
            return;
        }
        if (orPending && lastWasPositiveTerm && !query.clauses.isEmpty())
            query.clauses.last().append(*term);
        else
            query.clauses.append({*term});
        orPending = false;
        lastWasPositiveTerm = true;
    };

    static const QStringList filterKeys{
        QStringLiteral("title"),  QStringLiteral("reporter"), QStringLiteral("tag"), QStringLiteral("publication"),
        QStringLiteral("from"),   QStringLiteral("to"),       QStringLiteral("in"),  QStringLiteral("person"),
        QStringLiteral("office"), QStringLiteral("ocr"),      QStringLiteral("own"), QStringLiteral("author")};

    while (i < n) {
        const QChar c = input[i];
        if (isSeparator(c)) {
            ++i;
            continue;
        }
        if (isOpeningQuote(c)) {
            addTerm(readQuoted(), true);
            continue;
        }
        // A chunk: up to whitespace or an opening quote.
        const qsizetype start = i;
        while (i < n && !isSeparator(input[i]) && !(i > start && isOpeningQuote(input[i])))
            ++i;
        QString chunk = input.mid(start, i - start).toString();

        if (chunk == QLatin1String("OR") || chunk == QLatin1String("|") || chunk == QLatin1String("||")) {
            if (!lastWasPositiveTerm || orPending)
                note(tr("OR must stand between two words; a stray OR was ignored."));
            else
                orPending = true;
            continue;
        }
        if (chunk == QLatin1String("AND") || chunk == QLatin1String("&") || chunk == QLatin1String("&&"))
            continue; // words are AND-ed anyway
        if (chunk == QLatin1String("NOT")) {
            if (negateNext)
                note(tr("NOT NOT was read as one NOT."));
            negateNext = true;
            negatedBy = QStringLiteral("NOT");
            continue;
        }

        bool negated = false;
        if (isMinus(chunk.front())) {
            negated = true;
            chunk.remove(0, 1);
            if (chunk.isEmpty() && !(i < n && isOpeningQuote(input[i]))) {
                note(tr("A lone “-” was ignored (write -word to exclude a word)."));
                continue;
            }
        }

        // filter:value, filter:"a phrase", filter：value
        const qsizetype colon = [&] {
            for (qsizetype k = 0; k < chunk.size(); ++k) {
                if (chunk[k] == u':' || chunk[k] == QChar(0xFF1A))
                    return k;
            }
            return qsizetype(-1);
        }();
        const QString key = colon > 0 ? chunk.left(colon).toLower() : QString();
        if (colon > 0 && filterKeys.contains(key)) {
            QString value = chunk.mid(colon + 1);
            bool valueQuoted = false;
            if (value.isEmpty() && i < n && isOpeningQuote(input[i])) {
                value = readQuoted();
                valueQuoted = true;
            }
            value = value.trimmed();
            if (negated || negateNext) {
                note(tr("Filters cannot be excluded; “-%1:” was ignored.").arg(key));
                negateNext = false;
                continue;
            }
            if (orPending) {
                note(tr("OR cannot join a filter; it was ignored."));
                orPending = false;
            }
            lastWasPositiveTerm = false;
            if (value.isEmpty()) {
                note(tr("%1: needs a value, e.g. %2")
                         .arg(key, key == QLatin1String("from") || key == QLatin1String("to")
                                       ? key + QStringLiteral(":2023-06-14")
                                   : key == QLatin1String("in")     ? QStringLiteral("in:notes")
                                   : key == QLatin1String("person") ? QStringLiteral("person:张智奎")
                                   : key == QLatin1String("office") ? QStringLiteral("office:区长")
                                   : key == QLatin1String("own")    ? QStringLiteral("own:yes")
                                   : key == QLatin1String("author") ? QStringLiteral("author:rita")
                                                                    : key + QStringLiteral(":永川")));
                continue;
            }
            if (key == QLatin1String("title")) {
                if (auto term = makeTerm(value, valueQuoted))
                    query.titleTerms.append(*term);
            } else if (key == QLatin1String("reporter")) {
                query.reporters.append(text::removeSpaces(value));
            } else if (key == QLatin1String("tag")) {
                query.tags.append(value);
            } else if (key == QLatin1String("author")) {
                query.authors.append(value);
            } else if (key == QLatin1String("publication")) {
                query.publications.append(value);
            } else if (key == QLatin1String("person")) {
                query.persons.append(text::removeSpaces(value)); // names are stored without OCR spaces
            } else if (key == QLatin1String("office")) {
                query.offices.append(text::removeSpaces(value));
            } else if (key == QLatin1String("ocr")) {
                query.ocrTexts.append(text::removeSpaces(value));
            } else if (key == QLatin1String("from") || key == QLatin1String("to")) {
                const QDate date = parseDate(value, key == QLatin1String("to"));
                if (!date.isValid())
                    note(
                        QStringLiteral("%1:%2 is not a date; write %1:2023-06-14 (or 2023-06, 2023).").arg(key, value));
                else if (key == QLatin1String("from"))
                    query.from = date;
                else
                    query.to = date;
            } else if (key == QLatin1String("own")) {
                const QString which = value.toLower();
                if (which == QLatin1String("yes") || which == QLatin1String("true") || which == QLatin1String("1"))
                    query.own = SearchQuery::Own::Own;
                else if (which == QLatin1String("no") || which == QLatin1String("false") || which == QLatin1String("0"))
                    query.own = SearchQuery::Own::Shared;
                else
                    note(tr("own:%1 is not known; use own:yes (the paper's own text) or own:no (text shared with "
                            "other articles).")
                             .arg(value));
            } else if (key == QLatin1String("in")) {
                const QString where = value.toLower();
                if (where == QLatin1String("notes") || where == QLatin1String("note"))
                    query.scope = SearchQuery::Scope::Notes;
                else if (where == QLatin1String("text") || where == QLatin1String("articles") ||
                         where == QLatin1String("paragraphs"))
                    query.scope = SearchQuery::Scope::Paragraphs;
                else
                    note(tr("in:%1 is not known; use in:notes.").arg(value));
            }
            continue;
        }

        if (negated) {
            if (negateNext)
                note(tr("NOT -word was read as one exclusion."));
            negateNext = true;
            negatedBy = QStringLiteral("-");
        }
        if (chunk.isEmpty() && i < n && isOpeningQuote(input[i])) {
            addTerm(readQuoted(), true); // -"a phrase"
            continue;
        }
        addTerm(chunk, false);
    }
    if (orPending)
        note(tr("OR must stand between two words; a trailing OR was ignored."));
    if (negateNext)
        note(tr("%1 at the end was ignored: it needs a word to exclude.").arg(negatedBy));

    if (query.from.isValid() && query.to.isValid() && query.from > query.to)
        note(tr("from: is after to:, so nothing can match."));

    if (query.clauses.isEmpty()) {
        if (query.scope == SearchQuery::Scope::Paragraphs && !query.ocrTexts.isEmpty()) {
            // ocr: alone lists the corrected paragraphs whose OCR text holds it
        } else if (query.scope == SearchQuery::Scope::Paragraphs && !query.titleTerms.isEmpty()) {
            // title: alone searches the headlines
        } else if (query.isPeopleOnly() && query.excluded.isEmpty()) {
            // person: or office: alone lists the articles that name them
        } else if (query.isAnnotatedOnly() && query.excluded.isEmpty()) {
            // tag: or author: alone lists what is tagged with it or annotated by them: paragraphs, highlights,
            // notes, articles (their first paragraph)
        } else if (!query.excluded.isEmpty()) {
            query.error = tr("Add a word to search for: excluded words alone match nothing.");
        } else if (query.hasArticleFilters() || query.from.isValid() || query.to.isValid() ||
                   query.scope == SearchQuery::Scope::Notes) {
            query.error = tr("Add a word to search for: filters only narrow a search.");
        } else if (!query.messages.isEmpty()) {
            // Nothing left to search because of what the notes say (`tag:` without its value, an excluded filter):
            // they are the reason, so they are the error, not "type a word" (issue 20).
            query.error = query.messages.join(QLatin1Char(' '));
            query.messages.clear();
        } else if (!input.trimmed().isEmpty()) {
            query.error = tr("Nothing to search for: type a word or a phrase (characters, letters or digits).");
        } else {
            query.error = tr("Type a word or a phrase to search for.");
        }
    }
    return query;
}

} // namespace dubao
