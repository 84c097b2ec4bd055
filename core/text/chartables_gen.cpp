// Generates the character tables of core/text/chartables.h at build time (CMake runs it; see core/CMakeLists.txt):
// per BMP code unit its class for the search tokenizer, its Simplified form (ICU's Hant-Hans transliterator,
// applied until it settles) and its search fold. Running the transliterator over every CJK code point took half of
// a short dubao-cli command, so it runs here, once per build, and never at run time.
//
// Usage: dubao_chartables_gen OUTPUT.cpp
#include <QChar>

#include <unicode/utrans.h>
#include <unicode/uversion.h>

#include <array>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

namespace {

enum CharClass : unsigned char
{
    Other = 0,
    Space = 1,
    Cjk = 2,
    Word = 3,
};

bool isCjkCodePoint(char32_t c)
{
    return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
           c == 0x3005 || c == 0x3007 || (c >= 0x3041 && c <= 0x309F) || (c >= 0x30A1 && c <= 0x30FA) ||
           (c >= 0x30FC && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) || (c >= 0x3105 && c <= 0x312F) ||
           (c >= 0xAC00 && c <= 0xD7AF);
}

unsigned char classify(char32_t c)
{
    if (c < 0x80) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
            return Space;
        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            return Word;
        return Other;
    }
    if (c == 0x00A0 || c == 0x3000 || c == 0xFEFF || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F)
        return Space;
    if (isCjkCodePoint(c))
        return Cjk;
    if (c >= 0xD800 && c <= 0xDFFF)
        return Other;
    if (QChar::isLetterOrNumber(c) || QChar::isMark(c))
        return Word;
    return Other;
}

using Table = std::array<unsigned short, 0x10000>;

// One pass of Hant-Hans over the ideograph blocks: a character that maps to one other BMP character.
bool simplifyOnce(UTransliterator *trans, Table &table)
{
    const std::pair<int, int> ranges[] = {{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}};
    bool changed = false;
    Table next = table;
    for (const auto &[from, to] : ranges) {
        for (int u = from; u <= to; ++u) {
            UChar buf[8] = {UChar(table[size_t(u)])};
            int32_t len = 1;
            int32_t limit = 1;
            UErrorCode status = U_ZERO_ERROR;
            utrans_transUChars(trans, buf, &len, 8, 0, &limit, &status);
            if (U_SUCCESS(status) && len == 1 && buf[0] != table[size_t(u)] && !QChar::isSurrogate(buf[0])) {
                next[size_t(u)] = buf[0];
                changed = true;
            }
        }
    }
    table = next;
    return changed;
}

// A two-stage table: 256 block numbers, then the distinct blocks of 256 values. Folds are stored as the
// difference to the code unit (mod 2^16), so the identity blocks are all zero and shared.
void writeTable(std::FILE *out, const char *name, const char *type, const Table &values)
{
    std::vector<std::array<unsigned short, 256>> blocks;
    std::map<std::array<unsigned short, 256>, int> known;
    std::array<int, 256> index{};
    for (int b = 0; b < 256; ++b) {
        std::array<unsigned short, 256> block{};
        for (int k = 0; k < 256; ++k)
            block[size_t(k)] = values[size_t(b * 256 + k)];
        const auto [it, inserted] = known.emplace(block, int(blocks.size()));
        if (inserted)
            blocks.push_back(block);
        index[size_t(b)] = it->second;
    }
    std::fprintf(out, "const unsigned char %sIndex[256] = {", name);
    for (int b = 0; b < 256; ++b)
        std::fprintf(out, "%s%d,", b % 32 == 0 ? "\n    " : "", index[size_t(b)]);
    std::fprintf(out, "\n};\n\nconst %s %sBlocks[%zu][256] = {\n", type, name, blocks.size());
    for (const auto &block : blocks) {
        std::fprintf(out, "    {");
        for (int k = 0; k < 256; ++k)
            std::fprintf(out, "%s%u,", k % 24 == 0 ? "\n        " : "", unsigned(block[size_t(k)]));
        std::fprintf(out, "\n    },\n");
    }
    std::fprintf(out, "};\n\n");
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s OUTPUT.cpp\n", argv[0]);
        return 2;
    }
    UErrorCode status = U_ZERO_ERROR;
    UTransliterator *trans = utrans_openU(u"Hant-Hans", -1, UTRANS_FORWARD, nullptr, 0, nullptr, &status);
    if (U_FAILURE(status) || !trans) {
        std::fprintf(stderr, "%s: ICU has no Hant-Hans transliterator: %s\n", argv[0], u_errorName(status));
        return 1;
    }
    Table simplified;
    for (int u = 0; u < 0x10000; ++u)
        simplified[size_t(u)] = static_cast<unsigned short>(u);
    // Applied until it settles, so the fold is idempotent (a folded query token folds to itself again).
    int rounds = 0;
    while (simplifyOnce(trans, simplified) && ++rounds < 4) {
    }
    utrans_close(trans);

    Table classes{};
    Table simplifiedDelta{};
    Table searchDelta{};
    int changed = 0;
    for (int u = 0; u < 0x10000; ++u) {
        const char32_t c = char32_t(u);
        const unsigned char cls = classify(c);
        classes[size_t(u)] = cls;
        simplifiedDelta[size_t(u)] = static_cast<unsigned short>(simplified[size_t(u)] - u);
        changed += simplified[size_t(u)] != u;
        char32_t f = c;
        if (cls == Cjk) {
            f = simplified[size_t(u)];
        } else if (cls == Word) {
            if (c >= 0xFF10 && c <= 0xFF5A) // full-width digits and letters
                f = c - 0xFEE0;
            f = QChar::toLower(f);
        }
        searchDelta[size_t(u)] = static_cast<unsigned short>(f - c);
    }

    std::FILE *out = std::fopen(argv[1], "w");
    if (!out) {
        std::perror(argv[1]);
        return 1;
    }
    std::fprintf(out,
                 "// Generated by dubao_chartables_gen (core/text/chartables_gen.cpp) from ICU %s and Qt %s: do not "
                 "edit.\n// %d BMP characters fold from Traditional to Simplified.\n"
                 "#include \"core/text/chartables.h\"\n\nnamespace dubao::text::tables {\n\n",
                 U_ICU_VERSION, QT_VERSION_STR, changed);
    std::array<unsigned short, 0x10000> asClass{};
    for (int u = 0; u < 0x10000; ++u)
        asClass[size_t(u)] = classes[size_t(u)];
    writeTable(out, "kClass", "unsigned char", asClass);
    writeTable(out, "kSimplified", "unsigned short", simplifiedDelta);
    writeTable(out, "kSearchFold", "unsigned short", searchDelta);
    std::fprintf(out, "} // namespace dubao::text::tables\n");
    return std::fclose(out) == 0 ? 0 : 1;
}
