// Concordance (key word in context), as corpus linguists use it: every occurrence of a term as one line,
// left context | term | right context, with the issue date and the article; sortable by left context (read
// from the term leftwards), right context or date; exportable to CSV.
//
// @warning Uses its Library's connection: call from the thread that opened the Library.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>

#include <atomic>

namespace dubao {

class Library;

struct ConcordanceLine
{
    QString left;    ///< up to `width` characters before the term (less at the start of a paragraph)
    QString keyword; ///< the occurrence as the text has it (unfolded, Traditional kept)
    QString right;   ///< up to `width` characters after it
    QDate date;      ///< the issue's date (invalid when the year is unknown)
    int month = 0;
    int day = 0;
    qint64 issueId = 0;
    qint64 articleId = 0;
    QString articleTitle;
    qint64 blockId = 0;
    qsizetype offset = 0; ///< where the keyword starts in the paragraph's cleaned text (UTF-16 units)
    qsizetype length = 0;

    QString dateText() const; ///< "2023-06-14", "????-06-14" or ""
};

enum class ConcordanceSort
{
    Date,         ///< oldest first (undated first), then reading order
    LeftContext,  ///< by the left context read backwards from the term (the word before it first)
    RightContext, ///< by the right context
};

struct ConcordanceOptions
{
    int width = 20; ///< characters of context on each side
    int limit = 0;  ///< at most this many lines (0: all); the first by date
    ConcordanceSort sort = ConcordanceSort::Date;
};

struct ConcordanceResult
{
    QString term;
    QList<ConcordanceLine> lines;
    qint64 paragraphs = 0;  ///< paragraphs containing the term
    bool truncated = false; ///< `limit` cut the list
    bool cancelled = false;
    QString error; ///< for the user (nothing to search for, database error)

    bool ok() const { return error.isEmpty() && !cancelled; }
};

class Concordance final
{
    Q_DECLARE_TR_FUNCTIONS(dubao::Concordance) // its messages are translated where the app installs a translator

public:
    explicit Concordance(Library &library);

    /// Every occurrence of `term` (one word or phrase; matched like a search term: folded, OCR spaces
    /// ignored) in the paragraphs of the library. `own:yes` or `own:no` beside it keeps the paper's own paragraphs
    /// or the shared ones, as in search.
    ConcordanceResult lines(const QString &term, const ConcordanceOptions &options = {},
                            const std::atomic_bool *cancel = nullptr);

    /// Sorts in place. Contexts compare with the Chinese (pinyin) collator, so one character's lines stay
    /// together; ties by date, then position.
    static void sort(QList<ConcordanceLine> &lines, ConcordanceSort order);

    /// One CSV field: quoted (quotes doubled) when it holds a comma, a quote or a line break.
    static QByteArray csvField(const QString &value);
    /// RFC 4180 CSV in UTF-8 with a BOM (so spreadsheet programs read the Chinese): a header line, then
    /// date, article_id, article_title, block_id, offset, left, keyword, right; CRLF line ends.
    static QByteArray toCsv(const QList<ConcordanceLine> &lines);

private:
    Library &m_library;
};

} // namespace dubao
