// The tokenizer: one scanner over UTF-8 used by the FTS5 callback and by tokenize() (tests, queries, the
// highlighter), so the index, the queries and the highlighted ranges can never disagree.
#include "core/search/tokenizer.h"

#include "core/search/searchindex.h"
#include "core/text/chartables.h"

#include <sqlite3.h>

#include <string>
#include <vector>

namespace dubao::search {

namespace {

// Bump when the tokens change (index made by an older version is then rebuilt on open).
constexpr int kTokenizerVersion = 2;

using text::CharClass;
constexpr CharClass Other = CharClass::Other;
constexpr CharClass Space = CharClass::Space;
constexpr CharClass Cjk = CharClass::Cjk;
constexpr CharClass Word = CharClass::Word;

// Decodes one code point at s[i]; returns its byte length (1 for an invalid sequence, reported as U+FFFD,
// which classifies as Other).
inline int decode(const unsigned char *s, int i, int n, char32_t &c)
{
    const unsigned char b0 = s[i];
    if (b0 < 0x80) {
        c = b0;
        return 1;
    }
    auto cont = [&](int k) {
        return i + k < n && (s[i + k] & 0xC0) == 0x80;
    };
    if ((b0 & 0xE0) == 0xC0 && cont(1)) {
        c = char32_t(b0 & 0x1F) << 6 | (s[i + 1] & 0x3F);
        if (c >= 0x80)
            return 2;
    } else if ((b0 & 0xF0) == 0xE0 && cont(1) && cont(2)) {
        c = char32_t(b0 & 0x0F) << 12 | char32_t(s[i + 1] & 0x3F) << 6 | (s[i + 2] & 0x3F);
        if (c >= 0x800)
            return 3;
    } else if ((b0 & 0xF8) == 0xF0 && cont(1) && cont(2) && cont(3)) {
        c = char32_t(b0 & 0x07) << 18 | char32_t(s[i + 1] & 0x3F) << 12 | char32_t(s[i + 2] & 0x3F) << 6 |
            (s[i + 3] & 0x3F);
        if (c >= 0x10000 && c <= 0x10FFFF)
            return 4;
    }
    c = 0xFFFD;
    return 1;
}

inline int encode(char32_t c, char *out)
{
    if (c < 0x80) {
        out[0] = char(c);
        return 1;
    }
    if (c < 0x800) {
        out[0] = char(0xC0 | (c >> 6));
        out[1] = char(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = char(0xE0 | (c >> 12));
        out[1] = char(0x80 | ((c >> 6) & 0x3F));
        out[2] = char(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = char(0xF0 | (c >> 18));
    out[1] = char(0x80 | ((c >> 12) & 0x3F));
    out[2] = char(0x80 | ((c >> 6) & 0x3F));
    out[3] = char(0x80 | (c & 0x3F));
    return 4;
}

// The scanner. sink(const char *token, int length, int start, int end, bool colocated, bool prefix) returns 0
// to go on, anything else to stop (that value is returned).
//
// A run of Han characters c1..cn takes n positions. Document: the bigram c(i)c(i+1) at each position but
// the last, which holds the unigram cn. Query: one character is a prefix token (it stands for every bigram
// starting with it, and for itself at the end of a run); a longer run is its chain of bigrams, plus its last
// character as a prefix token when more of the phrase follows. Highlight: every unigram with the bigram
// colocated, so a query token (prefix or not) compares equal to one token at its position.
template<typename Emit>
int scan(const char *text, int n, TokenizeMode mode, Emit &&sink)
{
    const auto *s = reinterpret_cast<const unsigned char *>(text);
    const bool query = mode == TokenizeMode::Query;
    const bool highlight = mode == TokenizeMode::Highlight;

    char prev[4]; // the run's previous character, folded, UTF-8
    int prevLen = 0;
    int prevStart = 0;
    int prevEnd = 0;
    int runLength = 0;        // characters in the current run of Han characters
    bool pendingLast = false; // query mode: the last character of a finished run, emitted only if more follows
    char pendingText[4];
    int pendingLen = 0, pendingStart = 0, pendingEnd = 0;
    std::string word;
    int wordStart = -1, wordEnd = 0;
    int rc = 0;

    auto out = [&](const char *p, int len, int start, int end, bool colocated, bool prefix) {
        if (pendingLast) {
            pendingLast = false;
            if (int r = sink(pendingText, pendingLen, pendingStart, pendingEnd, false, true))
                return r;
        }
        return sink(p, len, start, end, colocated, prefix);
    };
    auto endRun = [&]() {
        int r = 0;
        if (runLength == 0)
            return r;
        if (!query && !highlight) {
            r = out(prev, prevLen, prevStart, prevEnd, false, false); // the run's last position
        } else if (query && runLength == 1) {
            r = out(prev, prevLen, prevStart, prevEnd, false, true);
        } else if (query) {
            // The bigram chain covers one position fewer than the run; if more of the phrase follows, the last
            // character keeps the positions aligned.
            pendingLast = true;
            std::copy(prev, prev + prevLen, pendingText);
            pendingLen = prevLen;
            pendingStart = prevStart;
            pendingEnd = prevEnd;
        }
        runLength = 0;
        return r;
    };
    auto endWord = [&]() {
        int r = 0;
        if (wordStart >= 0)
            r = out(word.data(), int(word.size()), wordStart, wordEnd, false, false);
        word.clear();
        wordStart = -1;
        return r;
    };

    for (int i = 0; i < n && rc == 0;) {
        char32_t c;
        const int len = decode(s, i, n, c);
        const CharClass cls = text::charClass(c);
        const int start = i;
        i += len;
        switch (cls) {
        case Space:
            rc = endWord();
            break;
        case Cjk: {
            rc = endWord();
            if (rc)
                break;
            char cur[4];
            const int curLen = encode(text::searchFold(c), cur);
            if (runLength > 0) {
                char bigram[8];
                std::copy(prev, prev + prevLen, bigram);
                std::copy(cur, cur + curLen, bigram + prevLen);
                rc = out(bigram, prevLen + curLen, prevStart, i, highlight, false);
            }
            if (rc == 0 && highlight)
                rc = out(cur, curLen, start, i, false, false);
            std::copy(cur, cur + curLen, prev);
            prevLen = curLen;
            prevStart = start;
            prevEnd = i;
            ++runLength;
            break;
        }
        case Word: {
            if ((rc = endRun()))
                break;
            if (wordStart < 0)
                wordStart = start;
            char f[4];
            word.append(f, size_t(encode(text::searchFold(c), f)));
            wordEnd = i;
            break;
        }
        case Other:
            if ((rc = endRun()))
                break;
            rc = endWord();
            break;
        }
    }
    if (rc == 0)
        rc = endRun();
    if (rc == 0)
        rc = endWord();
    return rc; // a pending last character at the very end is dropped: the bigrams already cover it
}

QList<Token> collect(const char *text, int n, TokenizeMode mode)
{
    QList<Token> tokens;
    int position = -1;
    scan(text, n, mode, [&](const char *p, int len, int start, int end, bool colocated, bool prefix) {
        if (!colocated || position < 0)
            ++position;
        Token token;
        token.text = QByteArray(p, len);
        token.start = start;
        token.end = end;
        token.position = position;
        token.colocated = colocated;
        token.prefix = prefix;
        tokens.append(std::move(token));
        return 0;
    });
    return tokens;
}

// FTS5 glue. The tokenizer has no state or options; one static object serves every instance.
int ftsCreate(void *, const char **, int, Fts5Tokenizer **out)
{
    static int instance = 0;
    *out = reinterpret_cast<Fts5Tokenizer *>(&instance);
    return SQLITE_OK;
}

void ftsDelete(Fts5Tokenizer *) {}

int ftsTokenize(Fts5Tokenizer *, void *context, int flags, const char *text, int n,
                int (*token)(void *, int, const char *, int, int, int))
{
    const TokenizeMode mode = (flags & FTS5_TOKENIZE_QUERY) ? TokenizeMode::Query : TokenizeMode::Document;
    if (!text || n <= 0)
        return SQLITE_OK;
    return scan(text, n, mode, [&](const char *p, int len, int start, int end, bool colocated, bool) {
        return token(context, colocated ? FTS5_TOKEN_COLOCATED : 0, p, len, start, end);
    });
}

} // namespace

QList<Token> tokenize(std::string_view utf8, TokenizeMode mode)
{
    return collect(utf8.data(), int(utf8.size()), mode);
}

QList<Token> tokenize(QStringView text, TokenizeMode mode)
{
    const QByteArray utf8 = text.toUtf8();
    QList<Token> tokens = collect(utf8.constData(), int(utf8.size()), mode);
    // Byte offset → UTF-16 offset at every code point boundary.
    std::vector<qsizetype> u16(size_t(utf8.size()) + 1, 0);
    qsizetype units = 0;
    const auto *s = reinterpret_cast<const unsigned char *>(utf8.constData());
    for (int i = 0; i < utf8.size();) {
        char32_t c;
        const int len = decode(s, i, int(utf8.size()), c);
        u16[size_t(i)] = units;
        units += c >= 0x10000 ? 2 : 1;
        i += len;
    }
    u16[size_t(utf8.size())] = units;
    for (Token &token : tokens) {
        token.utf16Start = u16[size_t(token.start)];
        token.utf16End = u16[size_t(token.end)];
    }
    return tokens;
}

QList<QByteArray> queryTokens(QStringView text)
{
    const QByteArray utf8 = text.toUtf8();
    QList<QByteArray> texts;
    scan(utf8.constData(), int(utf8.size()), TokenizeMode::Query,
         [&](const char *p, int len, int, int, bool, bool prefix) {
             texts.append(prefix ? QByteArray(p, len) + '*' : QByteArray(p, len));
             return 0;
         });
    return texts;
}

char32_t foldCodePoint(char32_t c)
{
    return text::searchFold(c);
}

int tokenizerVersion()
{
    return kTokenizerVersion;
}

Result<fts5_api *> fts5Api(sqlite3 *db)
{
    fts5_api *api = nullptr;
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK)
        return Error(SearchIndex::tr("SQLite has no FTS5: %1").arg(QString::fromUtf8(sqlite3_errmsg(db))));
    sqlite3_bind_pointer(stmt, 1, static_cast<void *>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    if (!api || api->iVersion < 2)
        return Error(SearchIndex::tr("SQLite's FTS5 API is missing or too old"));
    return api;
}

Result<void> registerTokenizer(sqlite3 *db)
{
    if (!db)
        return Error(SearchIndex::tr("no SQLite handle to register the search tokenizer with"));

    const Result<fts5_api *> found = fts5Api(db);
    if (!found)
        return found.error();
    fts5_api *api = *found;

    fts5_tokenizer tokenizer{ftsCreate, ftsDelete, ftsTokenize};
    if (api->xCreateTokenizer(api, kTokenizerName, nullptr, &tokenizer, nullptr) != SQLITE_OK)
        return Error(
            SearchIndex::tr("cannot register the search tokenizer: %1").arg(QString::fromUtf8(sqlite3_errmsg(db))));
    return {};
}

} // namespace dubao::search
