// Dubao's tokenizer for Chinese full-text search, as a pure function and as the FTS5 tokenizer "dubao".
//
// A run of Han characters (and kana, Hangul) c1..cn is indexed as the overlapping bigrams c1c2 … c(n-1)cn, one
// per position, and the unigram cn at the run's last position. A query of one character is a prefix query
// (every bigram starting with it, or itself ending a run); a longer one is the phrase of its bigrams, so any
// query of 1, 2, 3+ characters has exact substring semantics, at about half the index of unigrams+bigrams. Whitespace
// inside a run is ignored (OCR "永 川" is 永川), Traditional characters are folded to Simplified (for matching only),
// runs of letters and digits are lowercased, width-folded words (ＧＤＰ → gdp, ２０２３ → 2023), everything else is
// dropped. See docs/search.md.
#pragma once

#include "core/model/result.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

#include <string_view>

struct sqlite3;
struct fts5_api;

namespace dubao::search {

enum class TokenizeMode
{
    Document,  ///< what is indexed: per Han character the bigram starting there, the run's last as unigram
    Query,     ///< what a phrase is matched with: a prefix unigram for one character, else the bigram chain
    Highlight, ///< every unigram plus the bigram colocated with it: what the highlighter compares with
};

struct Token
{
    QByteArray text; ///< UTF-8, folded
    int start = 0;   ///< byte offsets into the UTF-8 input, [start, end)
    int end = 0;
    int position = 0;         ///< token position; colocated tokens share their predecessor's
    bool colocated = false;   ///< FTS5_TOKEN_COLOCATED: same position as the token before
    bool prefix = false;      ///< Query: matches every token that starts with it (FTS5 "tok" *)
    qsizetype utf16Start = 0; ///< the same range in UTF-16 units (filled by the QStringView overload)
    qsizetype utf16End = 0;

    friend bool operator==(const Token &, const Token &) = default;
};

/// Tokenizes UTF-8 text (invalid sequences are skipped as punctuation). Byte offsets only.
QList<Token> tokenize(std::string_view utf8, TokenizeMode mode);

/// Tokenizes a QString; byte offsets refer to text.toUtf8(), utf16Start/utf16End to `text`.
QList<Token> tokenize(QStringView text, TokenizeMode mode);

/// The token texts of tokenize(text, Query): what a phrase typed by the user is matched with. A prefix
/// token ends in '*' (never part of a token otherwise: punctuation is dropped).
QList<QByteArray> queryTokens(QStringView text);

/// Folds one code point as the tokenizer does (Traditional → Simplified, full-width → ASCII, lowercase
/// for letters). Exposed for tests and the highlighter.
char32_t foldCodePoint(char32_t c);

/// Bumped whenever tokenize() changes its output: a stored index made by another version is rebuilt.
int tokenizerVersion();

/// The FTS5 tokenizer's name ("dubao").
inline constexpr const char *kTokenizerName = "dubao";

/// The connection's FTS5 API (SELECT fts5(?1)), for registering tokenizers and functions.
Result<fts5_api *> fts5Api(sqlite3 *db);

/// Registers the tokenizer with FTS5 on this connection. Every connection needs it (it is per connection).
Result<void> registerTokenizer(sqlite3 *db);

} // namespace dubao::search
