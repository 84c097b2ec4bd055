#include "core/text/chinesetext.h"

#include "core/text/chartables.h"

#include <QStringList>

namespace dubao::text {

bool isCjkPunctuation(QChar c)
{
    switch (c.unicode()) {
    case u'。':
    case u'，':
    case u'、':
    case u'；':
    case u'：':
    case u'？':
    case u'！':
    case u'“':
    case u'”':
    case u'‘':
    case u'’':
    case u'（':
    case u'）':
    case u'《':
    case u'》':
    case u'〈':
    case u'〉':
    case u'【':
    case u'】':
    case u'「':
    case u'」':
    case u'『':
    case u'』':
    case u'—':
    case u'…':
    case u'·':
    case u'～':
    case u'〔':
    case u'〕':
        return true;
    default:
        return false;
    }
}

bool isLatinOrDigit(QChar c)
{
    const char16_t u = c.unicode();
    if ((u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z'))
        return true;
    if ((u >= 0xFF10 && u <= 0xFF19) || (u >= 0xFF21 && u <= 0xFF3A) || (u >= 0xFF41 && u <= 0xFF5A))
        return true;                                                 // full-width forms
    return u >= 0x00C0 && u <= 0x024F && u != 0x00D7 && u != 0x00F7; // Latin-1 supplement / Extended letters
}

namespace {

bool isSentenceFinal(QChar c)
{
    switch (c.unicode()) {
    case u'。':
    case u'！':
    case u'？':
    case u'!':
    case u'?':
    case u'…':
        return true;
    default:
        return false;
    }
}

bool isClosingMark(QChar c)
{
    switch (c.unicode()) {
    case u'”':
    case u'’':
    case u'"':
    case u'\'':
    case u'）':
    case u')':
    case u'」':
    case u'』':
    case u'》':
        return true;
    default:
        return false;
    }
}

// A character that makes a neighbouring half-width mark "Chinese context".
bool isCjkContext(QChar c)
{
    return isHan(c) || isCjkPunctuation(c);
}

enum class SpaceMode
{
    Body,
    Caption
};

// The core of the repairs. One pass for spaces, one for punctuation; both linear.
QString clean(QStringView raw, SpaceMode mode)
{
    // Pass 1: whitespace. A run of whitespace is kept (as one space) only between two Latin letters or
    // digits, or (captions) after a sentence-final mark; otherwise the OCR put it there.
    QString spaced(raw.size(), Qt::Uninitialized);
    QChar *out = spaced.data();
    qsizetype size = 0;
    const qsizetype n = raw.size();
    qsizetype i = 0;
    while (i < n && (isOcrSpace(raw[i]) || raw[i] == u'\n'))
        ++i;
    while (i < n) {
        const QChar c = raw[i];
        if (isOcrSpace(c) || c == u'\n' || c == u'\r') {
            qsizetype j = i;
            while (j < n && (isOcrSpace(raw[j]) || raw[j] == u'\n' || raw[j] == u'\r'))
                ++j;
            if (j >= n)
                break; // trailing whitespace
            const QChar before = size == 0 ? QChar() : out[size - 1];
            const QChar after = raw[j];
            const bool keep = (isLatinOrDigit(before) && isLatinOrDigit(after)) ||
                              (mode == SpaceMode::Caption && isSentenceFinal(before)) ||
                              (!isCjkContext(before) && !isCjkContext(after) && !before.isDigit() && !after.isDigit() &&
                               !before.isNull() && !(before.isPunct() && after.isPunct()));
            if (keep)
                out[size++] = u' ';
            i = j;
            continue;
        }
        out[size++] = c;
        ++i;
    }
    spaced.truncate(size);

    // Pass 2: punctuation. Only when the paragraph is Chinese at all.
    const QChar *chars = spaced.constData();
    const qsizetype m = spaced.size();
    bool chinese = false;
    bool halfWidth = false;
    for (qsizetype k = 0; k < m; ++k) {
        const char16_t u = chars[k].unicode();
        chinese = chinese || isHan(chars[k]);
        halfWidth = halfWidth || (u < 0x80 && (u == u',' || u == u';' || u == u':' || u == u'?' || u == u'!' ||
                                               u == u'(' || u == u')' || u == u'"' || u == u'\''));
    }
    if (!chinese || !halfWidth)
        return spaced;

    QString result(m, Qt::Uninitialized);
    QChar *dst = result.data();
    bool doubleOpen = false;
    bool singleOpen = false;
    auto inNumber = [&](qsizetype k) {
        return k > 0 && k + 1 < m && chars[k - 1].isDigit() && chars[k + 1].isDigit();
    };
    for (qsizetype k = 0; k < m; ++k) {
        const QChar c = chars[k];
        QChar o = c;
        switch (c.unicode()) {
        case u',':
            o = inNumber(k) ? c : QChar(u'，');
            break;
        case u';':
            o = QChar(u'；');
            break;
        case u':':
            o = inNumber(k) ? c : QChar(u'：');
            break;
        case u'?':
            o = QChar(u'？');
            break;
        case u'!':
            o = QChar(u'！');
            break;
        case u'(':
            o = QChar(u'（');
            break;
        case u')':
            o = QChar(u'）');
            break;
        case u'"':
            o = doubleOpen ? QChar(u'”') : QChar(u'“');
            doubleOpen = !doubleOpen;
            break;
        case u'\'': {
            // An apostrophe between Latin letters (it's) stays.
            const QChar prev = k > 0 ? chars[k - 1] : QChar();
            const QChar next = k + 1 < m ? chars[k + 1] : QChar();
            if (!(prev.isLetter() && next.isLetter() && !isHan(prev) && !isHan(next))) {
                o = singleOpen ? QChar(u'’') : QChar(u'‘');
                singleOpen = !singleOpen;
            }
            break;
        }
        default:
            break;
        }
        dst[k] = o;
    }
    return result;
}

} // namespace

bool endsSentence(QStringView text)
{
    qsizetype k = text.size() - 1;
    while (k >= 0 && (isOcrSpace(text[k]) || text[k] == u'\n'))
        --k;
    // Skip closing quotes/brackets: “……。” is complete, “压 is not.
    while (k >= 0 && isClosingMark(text[k]))
        --k;
    return k >= 0 && isSentenceFinal(text[k]);
}

QString cleanBodyText(QStringView raw)
{
    return clean(raw, SpaceMode::Body);
}

QString cleanCaptionText(QStringView raw)
{
    return clean(raw, SpaceMode::Caption);
}

QString cleanHeadlineText(QStringView raw)
{
    QString folded;
    folded.reserve(raw.size());
    bool pendingSpace = false;
    for (QChar c : raw) {
        if (isOcrSpace(c) || c == u'\n' || c == u'\r') {
            pendingSpace = !folded.isEmpty();
            continue;
        }
        if (pendingSpace)
            folded.append(u' ');
        pendingSpace = false;
        folded.append(c);
    }
    // Punctuation as in body text; spaces are already as wanted, and clean() keeps single spaces only
    // between Latin words, so normalise punctuation piece by piece.
    const QStringList parts = folded.split(u' ');
    QStringList cleaned;
    cleaned.reserve(parts.size());
    for (const QString &part : parts)
        cleaned.append(clean(part, SpaceMode::Body));
    return cleaned.join(u' ');
}

QString foldToSimplified(QStringView text)
{
    QString out(text.size(), Qt::Uninitialized);
    QChar *dst = out.data();
    for (qsizetype k = 0; k < text.size(); ++k)
        dst[k] = QChar(simplified(text[k].unicode()));
    return out;
}

QString removeSpaces(QStringView raw)
{
    QString out;
    out.reserve(raw.size());
    for (QChar c : raw) {
        if (!isOcrSpace(c) && c != u'\n' && c != u'\r')
            out.append(c);
    }
    return out;
}

} // namespace dubao::text
