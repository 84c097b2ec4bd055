// Encoding detection and strict decoding of issue files. The order of the checks matters:
// BOM, then strict UTF-8 (the common case, kept fast), then UTF-16 without BOM recognised by its zero bytes,
// then the legacy Chinese encodings ICU's detector proposes. No decoder here ever substitutes U+FFFD.
#include "core/text/textdecoder.h"

#include <QCoreApplication>
#include <QStringDecoder>
#include <QStringList>
#include <QtEndian>

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include <cstring>
#include <memory>
#include <optional>

namespace dubao {

namespace {

const QString kUtf8 = QStringLiteral("UTF-8");
const QString kUtf16Le = QStringLiteral("UTF-16LE");
const QString kUtf16Be = QStringLiteral("UTF-16BE");
const QString kGb18030 = QStringLiteral("GB18030");
const QString kBig5 = QStringLiteral("Big5");

DecodedText failure(const QString &error)
{
    DecodedText result;
    result.error = error;
    return result;
}

// Length of the well-formed UTF-8 sequence at p (Unicode 15, table 3-7), or 0 when it is ill-formed:
// overlong forms (C0, C1, E0 80..9F, F0 80..8F), surrogates (ED A0..BF) and code points above U+10FFFF
// (F4 90.., F5..FF) are all rejected.
inline int utf8SequenceLength(const uchar *p, const uchar *end)
{
    const uchar lead = p[0];
    if (lead < 0x80)
        return 1;
    const qsizetype left = end - p;
    auto cont = [](uchar c) {
        return (c & 0xC0) == 0x80;
    };
    if (lead >= 0xC2 && lead <= 0xDF)
        return left >= 2 && cont(p[1]) ? 2 : 0;
    if (lead >= 0xE0 && lead <= 0xEF) {
        if (left < 3)
            return 0;
        const uchar lo = lead == 0xE0 ? 0xA0 : 0x80;
        const uchar hi = lead == 0xED ? 0x9F : 0xBF;
        return p[1] >= lo && p[1] <= hi && cont(p[2]) ? 3 : 0;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        if (left < 4)
            return 0;
        const uchar lo = lead == 0xF0 ? 0x90 : 0x80;
        const uchar hi = lead == 0xF4 ? 0x8F : 0xBF;
        return p[1] >= lo && p[1] <= hi && cont(p[2]) && cont(p[3]) ? 4 : 0;
    }
    return 0;
}

// A forbidden control character: C0 controls other than tab, line feed, vertical tab, form feed and carriage
// return, and DEL. They do not occur in text; a file containing them is binary or damaged.
constexpr bool isForbiddenControl(char16_t u)
{
    return u < 0x20 ? (u < 0x09 || u > 0x0D) : u == 0x7F;
}

// Whether any of eight ASCII bytes is below 0x20 or is 0x7F (exact when no byte has its high bit set).
constexpr bool asciiWordHasControl(quint64 word)
{
    constexpr quint64 ones = 0x0101010101010101ULL;
    constexpr quint64 high = 0x8080808080808080ULL;
    return ((((word - 0x20 * ones) & ~word) | (word + ones)) & high) != 0;
}

struct Utf8Scan
{
    qsizetype firstInvalid = -1; ///< offset of the first byte starting no well-formed sequence, -1 if none
    bool control = false;        ///< a forbidden control character occurs (before firstInvalid)
};

// Validates UTF-8 and looks for control characters in one pass, so that the fast path needs no second scan of
// the decoded text. ASCII runs go eight bytes at a time; CJK text (three-byte sequences) takes the scalar path.
Utf8Scan scanUtf8(const char *data, qsizetype size)
{
    Utf8Scan scan;
    const auto *begin = reinterpret_cast<const uchar *>(data);
    const uchar *p = begin;
    const uchar *end = begin + size;
    while (p < end) {
        const uchar c = *p;
        if (c < 0x80) {
            scan.control = scan.control || isForbiddenControl(c);
            ++p;
            while (end - p >= 8) {
                quint64 word;
                std::memcpy(&word, p, sizeof word);
                if (word & 0x8080808080808080ULL)
                    break;
                if (asciiWordHasControl(word)) {
                    for (int i = 0; i < 8; ++i)
                        scan.control = scan.control || isForbiddenControl(p[i]);
                }
                p += 8;
            }
            continue;
        }
        const int length = utf8SequenceLength(p, end);
        if (length == 0) {
            scan.firstInvalid = p - begin;
            return scan;
        }
        p += length;
    }
    return scan;
}

struct Utf8Census
{
    qsizetype validMultiByte = 0; ///< well-formed sequences of two to four bytes
    qsizetype invalid = 0;        ///< bytes that start no well-formed sequence
};

// Counts well-formed multi-byte sequences and ill-formed bytes; only run on input already known not to be UTF-8.
Utf8Census utf8Census(const char *data, qsizetype size)
{
    Utf8Census census;
    const auto *p = reinterpret_cast<const uchar *>(data);
    const uchar *end = p + size;
    while (p < end) {
        const int length = utf8SequenceLength(p, end);
        if (length == 0) {
            ++census.invalid;
            ++p;
        } else {
            census.validMultiByte += length > 1;
            p += length;
        }
    }
    return census;
}

// A UTF-8 file with a few damaged bytes, as opposed to text in a legacy encoding. Legacy Chinese text also
// forms valid UTF-8 sequences by chance (a GBK lead byte C2..DF followed by a trail byte A1..BF), but then
// there are several ill-formed bytes for each accidental sequence, whereas damaged UTF-8 has many well-formed
// sequences for each damaged byte.
bool looksLikeDamagedUtf8(const Utf8Census &census)
{
    return census.validMultiByte >= 3 && census.validMultiByte >= 8 * census.invalid;
}

int lineAt(const QByteArray &bytes, qsizetype offset)
{
    return int(QByteArrayView(bytes.constData(), offset).count('\n')) + 1;
}

QString invalidUtf8Error(const QByteArray &bytes, qsizetype offset)
{
    return QStringLiteral("invalid UTF-8 at byte %1 (line %2)").arg(offset).arg(lineAt(bytes, offset));
}

bool hasForbiddenControl(QStringView text)
{
    bool found = false;
    for (const QChar c : text)
        found |= isForbiddenControl(c.unicode());
    return found;
}

bool isBlank(QStringView text)
{
    for (const QChar c : text) {
        if (!c.isSpace() && c != QChar::ByteOrderMark)
            return false;
    }
    return true;
}

// The checks every successful decode goes through; `controlsChecked` when the caller already looked for controls.
DecodedText finish(QString text, const QString &encoding, bool controlsChecked = false)
{
    if (isBlank(text))
        return failure(QCoreApplication::translate("dubao::Import", "empty file"));
    if (!controlsChecked && hasForbiddenControl(text))
        return failure(QCoreApplication::translate("dubao::Import", "not a text file: contains control characters"));
    DecodedText result;
    result.ok = true;
    result.text = std::move(text);
    result.encoding = encoding;
    return result;
}

// The UTF-8 outcome of a scan of bytes[start..].
DecodedText decodeUtf8(const QByteArray &bytes, qsizetype start, const Utf8Scan &scan)
{
    if (scan.firstInvalid >= 0)
        return failure(invalidUtf8Error(bytes, start + scan.firstInvalid));
    if (scan.control)
        return failure(QCoreApplication::translate("dubao::Import", "not a text file: contains control characters"));
    // QString::fromUtf8() would drop a U+FEFF at the start of what it is given (a second BOM): keep it.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    QString text = decoder.decode(QByteArrayView(bytes.constData() + start, bytes.size() - start));
    return finish(std::move(text), kUtf8, true);
}

// Strict UTF-16: an odd byte count or an unpaired surrogate is an error. `start` skips the BOM.
DecodedText decodeUtf16(const QByteArray &bytes, qsizetype start, bool bigEndian)
{
    const QString &name = bigEndian ? kUtf16Be : kUtf16Le;
    const qsizetype byteCount = bytes.size() - start;
    if (byteCount % 2 != 0)
        return failure(
            QCoreApplication::translate("dubao::Import", "invalid %1: the file has an odd number of bytes").arg(name));
    QString text(byteCount / 2, Qt::Uninitialized);
    if (bigEndian)
        qFromBigEndian<char16_t>(bytes.constData() + start, text.size(), text.data());
    else
        qFromLittleEndian<char16_t>(bytes.constData() + start, text.size(), text.data());
    const char16_t *units = reinterpret_cast<const char16_t *>(text.constData());
    const qsizetype count = text.size();
    for (qsizetype i = 0; i < count; ++i) {
        const char16_t u = units[i];
        if (!QChar::isSurrogate(u))
            continue;
        if (QChar::isHighSurrogate(u) && i + 1 < count && QChar::isLowSurrogate(units[i + 1])) {
            ++i;
            continue;
        }
        return failure(
            QCoreApplication::translate("dubao::Import", "invalid %1 at byte %2").arg(name).arg(start + 2 * i));
    }
    return finish(std::move(text), name);
}

struct ConverterCloser
{
    void operator()(UConverter *converter) const { ucnv_close(converter); }
};

// Decodes with an ICU converter that stops at the first illegal, unmappable or truncated sequence.
std::optional<QString> decodeWithIcu(const QByteArray &bytes, const char *charset)
{
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, ConverterCloser> converter(ucnv_open(charset, &status));
    if (U_FAILURE(status))
        return std::nullopt;
    ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    if (U_FAILURE(status))
        return std::nullopt;
    // GB18030 and Big5 never produce more UTF-16 units than they consume bytes (a four-byte GB18030 sequence
    // is at most a surrogate pair), so one allocation is enough.
    QString text(bytes.size() + 1, Qt::Uninitialized);
    auto *target = reinterpret_cast<UChar *>(text.data());
    UChar *const targetBegin = target;
    const char *source = bytes.constData();
    ucnv_toUnicode(converter.get(), &target, targetBegin + text.size(), &source, source + bytes.size(), nullptr, true,
                   &status);
    if (U_FAILURE(status))
        return std::nullopt;
    text.truncate(target - targetBegin);
    return text;
}

struct DetectorCloser
{
    void operator()(UCharsetDetector *detector) const { ucsdet_close(detector); }
};

// ICU's detector only studies the start of its input, so it is given no more than this.
constexpr qsizetype kDetectorSampleBytes = 64 * 1024;

// The encodings ICU's detector proposes, best first, restricted to those Dubao reads without a BOM.
QStringList detectorCandidates(const QByteArray &bytes)
{
    QStringList candidates;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, DetectorCloser> detector(ucsdet_open(&status));
    if (U_FAILURE(status))
        return candidates;
    ucsdet_setText(detector.get(), bytes.constData(), int32_t(qMin(bytes.size(), kDetectorSampleBytes)), &status);
    int32_t count = 0;
    const UCharsetMatch **matches = ucsdet_detectAll(detector.get(), &count, &status);
    if (U_FAILURE(status))
        return candidates;
    for (int32_t i = 0; i < count; ++i) {
        const char *name = ucsdet_getName(matches[i], &status);
        const int32_t confidence = ucsdet_getConfidence(matches[i], &status);
        if (U_FAILURE(status) || !name || confidence <= 0)
            continue;
        const QLatin1StringView latin(name);
        // GBK and GB2312 text is valid GB18030; ICU reports all three as GB18030.
        if (latin == QLatin1StringView("GB18030") || latin == QLatin1StringView("GBK") ||
            latin == QLatin1StringView("GB2312")) {
            if (!candidates.contains(kGb18030))
                candidates.append(kGb18030);
        } else if (latin == QLatin1StringView("Big5")) {
            if (!candidates.contains(kBig5))
                candidates.append(kBig5);
        } else if ((latin == QLatin1StringView("UTF-16LE") || latin == QLatin1StringView("UTF-16BE")) &&
                   confidence >= 50) {
            // Without zero bytes ICU can only guess UTF-16 from the first few code units; trust it when sure.
            candidates.append(latin == QLatin1StringView("UTF-16LE") ? kUtf16Le : kUtf16Be);
        }
    }
    return candidates;
}

// Whether a code unit belongs to a script or block a newspaper text plausibly uses: Latin, Greek, Cyrillic,
// punctuation and symbols, CJK (with kana and bopomofo), full-width forms, and surrogates (already checked to pair
// up). Text in a wrong byte order mostly lands elsewhere (川 U+5DDD read in the other order is U+DD5D).
bool isPlausibleUnit(char16_t u)
{
    return u < 0x0250 || (u >= 0x0370 && u <= 0x052F) || (u >= 0x2000 && u <= 0x27BF) || (u >= 0x2E80 && u <= 0x9FFF) ||
           (u >= 0xD800 && u <= 0xDFFF) || (u >= 0xF900 && u <= 0xFAFF) || (u >= 0xFE30 && u <= 0xFE4F) ||
           (u >= 0xFF00 && u <= 0xFFEF) || u == 0xFEFF;
}

bool isPlausibleText(QStringView text)
{
    qsizetype plausible = 0;
    for (const QChar c : text)
        plausible += isPlausibleUnit(c.unicode());
    return plausible * 10 >= text.size() * 8;
}

// UTF-16 without a BOM must also read as plausible text, since most byte pairs are some UTF-16 code unit.
DecodedText decodeUtf16WithoutBom(const QByteArray &bytes, bool bigEndian)
{
    DecodedText decoded = decodeUtf16(bytes, 0, bigEndian);
    if (decoded.ok && !isPlausibleText(decoded.text))
        return failure(QCoreApplication::translate("dubao::Import", "implausible %1").arg(decoded.encoding));
    return decoded;
}

// Input with zero bytes is UTF-16 without a BOM or not text. ASCII characters (line ends, digits, half-width
// punctuation, all frequent in the corpus) have a zero high byte, which falls on odd offsets in UTF-16LE and on
// even offsets in UTF-16BE; CJK characters add a few zeros on the other side (开 U+5F00 is 00 5F in UTF-16LE).
// Enough zeros are required that a stray NUL in a UTF-8 file does not count, and the byte order with more
// ASCII-side zeros is tried first; the other is tried too, and each must decode cleanly to plausible text.
DecodedText decodeWithNul(const QByteArray &bytes)
{
    const DecodedText notText =
        failure(QCoreApplication::translate("dubao::Import", "not a text file: contains NUL bytes"));
    if (bytes.size() % 2 != 0)
        return notText;
    qsizetype evenZeros = 0;
    qsizetype oddZeros = 0;
    const char *data = bytes.constData();
    const qsizetype units = bytes.size() / 2;
    for (qsizetype i = 0; i < units; ++i) {
        evenZeros += data[2 * i] == 0;
        oddZeros += data[2 * i + 1] == 0;
    }
    if ((evenZeros + oddZeros) * 100 < units)
        return notText;
    const bool bigEndianFirst = evenZeros > oddZeros;
    const bool clearPattern = qMax(evenZeros, oddZeros) > 4 * qMin(evenZeros, oddZeros);
    DecodedText preferred = decodeUtf16WithoutBom(bytes, bigEndianFirst);
    if (preferred.ok || preferred.error == QLatin1StringView("empty file"))
        return preferred;
    DecodedText other = decodeUtf16WithoutBom(bytes, !bigEndianFirst);
    if (other.ok)
        return other;
    // A clear pattern of zero bytes is UTF-16: report its damage as such.
    if (clearPattern && preferred.error.startsWith(QLatin1StringView("invalid UTF-16")))
        return preferred;
    return notText;
}

DecodedText decodeWithoutBom(const QByteArray &bytes)
{
    if (std::memchr(bytes.constData(), 0, bytes.size()))
        return decodeWithNul(bytes);

    const Utf8Scan scan = scanUtf8(bytes.constData(), bytes.size());
    const qsizetype bad = scan.firstInvalid;
    if (bad < 0)
        return decodeUtf8(bytes, 0, scan);
    if (looksLikeDamagedUtf8(utf8Census(bytes.constData(), bytes.size())))
        return failure(invalidUtf8Error(bytes, bad));

    bool controlCharacters = false;
    for (const QString &candidate : detectorCandidates(bytes)) {
        DecodedText decoded;
        if (candidate == kUtf16Le || candidate == kUtf16Be) {
            decoded = decodeUtf16WithoutBom(bytes, candidate == kUtf16Be);
        } else {
            std::optional<QString> text = decodeWithIcu(bytes, candidate == kGb18030 ? "GB18030" : "Big5");
            if (!text)
                continue;
            decoded = finish(std::move(*text), candidate);
        }
        if (decoded.ok || decoded.error == QLatin1StringView("empty file"))
            return decoded;
        controlCharacters = controlCharacters || decoded.error.contains(QLatin1StringView("control characters"));
    }
    if (controlCharacters)
        return failure(QCoreApplication::translate("dubao::Import", "not a text file: contains control characters"));
    return failure(QStringLiteral("not text in a known encoding (UTF-8, UTF-16, GB18030, Big5)"));
}

} // namespace

DecodedText decodeText(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return failure(QCoreApplication::translate("dubao::Import", "empty file"));
    const auto *b = reinterpret_cast<const uchar *>(bytes.constData());
    if (bytes.size() >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
        return decodeUtf8(bytes, 3, scanUtf8(bytes.constData() + 3, bytes.size() - 3));
    if (bytes.size() >= 2 && b[0] == 0xFF && b[1] == 0xFE)
        return decodeUtf16(bytes, 2, false);
    if (bytes.size() >= 2 && b[0] == 0xFE && b[1] == 0xFF)
        return decodeUtf16(bytes, 2, true);
    return decodeWithoutBom(bytes);
}

} // namespace dubao
