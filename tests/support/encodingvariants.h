// Test helpers shared by tst_textdecoder and tst_issuefile: the corpus re-encoded at test time (the project
// never stores copies of it), with ICU making a Traditional text that Big5 can hold.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QStringView>

#include <unicode/utrans.h>

namespace dubao::test {

// Simplified → Traditional with ICU's "Hans-Hant" transliterator, then without the characters Big5 cannot
// round-trip (Big5 has no simplified forms, and not every traditional one).
inline QString big5EncodableTraditional(const QString &simplified)
{
    UErrorCode status = U_ZERO_ERROR;
    UTransliterator *transliterator = utrans_openU(u"Hans-Hant", -1, UTRANS_FORWARD, nullptr, 0, nullptr, &status);
    if (U_FAILURE(status))
        qFatal("cannot open the Hans-Hant transliterator: %s", u_errorName(status));
    const auto capacity = int32_t(simplified.size() * 2 + 16);
    QString traditional = simplified;
    traditional.resize(capacity);
    int32_t length = int32_t(simplified.size());
    int32_t limit = length;
    utrans_transUChars(transliterator, reinterpret_cast<UChar *>(traditional.data()), &length, capacity, 0, &limit,
                       &status);
    utrans_close(transliterator);
    if (U_FAILURE(status))
        qFatal("Hans-Hant failed: %s", u_errorName(status));
    traditional.truncate(length);

    QString result;
    result.reserve(traditional.size());
    QStringEncoder encoder("Big5");
    QStringDecoder decoder("Big5");
    for (qsizetype i = 0; i < traditional.size();) {
        const qsizetype width = traditional.at(i).isHighSurrogate() && i + 1 < traditional.size() ? 2 : 1;
        const QStringView character = QStringView(traditional).mid(i, width);
        i += width;
        if (character.at(0).unicode() < 0x80) {
            result += character;
            continue;
        }
        encoder.resetState();
        decoder.resetState();
        const QByteArray bytes = encoder.encode(character);
        const QString back = decoder.decode(bytes);
        if (!encoder.hasError() && !decoder.hasError() && back == character)
            result += character;
    }
    return result;
}

inline QByteArray encodeWith(const char *encoding, const QString &text)
{
    QStringEncoder encoder(encoding);
    if (!encoder.isValid())
        qFatal("Qt has no %s encoder", encoding);
    const QByteArray bytes = encoder.encode(text);
    if (encoder.hasError())
        qFatal("cannot encode the test text as %s", encoding);
    return bytes;
}

} // namespace dubao::test
