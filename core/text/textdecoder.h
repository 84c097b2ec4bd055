// Turns the bytes of an issue file into text: detects the encoding (BOM, strict UTF-8, ICU's charset
// detector), decodes without ever substituting characters, and rejects what is not text.
#pragma once

#include <QByteArray>
#include <QString>

namespace dubao {

struct DecodedText
{
    bool ok = false;
    QString text;     ///< decoded text, BOM removed; line ends and normalisation untouched
    QString encoding; ///< "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030", "Big5"
    QString error;    ///< one line, e.g. "not a text file: contains NUL bytes", when !ok
};

/// Detects and decodes. Never throws; never returns text with U+FFFD the file did not contain.
/// Thread-safe (no shared state).
///
/// Order: a BOM decides (UTF-8, UTF-16LE, UTF-16BE); else strict UTF-8 without NUL bytes; else UTF-16 without BOM
/// when zero bytes show the pattern of ASCII in UTF-16 and the text decodes cleanly and plausibly; else GB18030 or
/// Big5 as ICU's detector ranks them, the first that decodes without an illegal or unmappable sequence.
/// Errors: "empty file" (nothing but whitespace and BOMs), "not a text file: contains NUL bytes",
/// "not a text file: contains control characters" (C0 other than \t \n \v \f \r, or DEL),
/// "invalid UTF-8 at byte N (line L)" (N is the 0-based offset of the first byte that starts no well-formed
/// sequence; given for UTF-8 with a BOM and for text that is mostly well-formed UTF-8),
/// "invalid UTF-16LE at byte N", "invalid UTF-16LE: the file has an odd number of bytes" (and BE alike),
/// "not text in a known encoding (UTF-8, UTF-16, GB18030, Big5)".
DecodedText decodeText(const QByteArray &bytes);

} // namespace dubao
