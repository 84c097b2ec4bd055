// The fuzz targets: what each libFuzzer harness does with one input and which invariants it checks. Shared by
// the harnesses (fuzz_*.cpp) and tests/core/tst_fuzzregressions.cpp, which replays every input that ever failed.
// Each target returns an empty string when the input passed, else a one-line description of what went wrong
// (memory errors and undefined behaviour are the sanitizers' to report).
#pragma once

#include "core/parse/issuefile.h"
#include "core/parse/issueparser.h"
#include "core/text/textdecoder.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <cstdio>
#include <cstdlib>

namespace dubao::fuzz {

/// Every article and block must lie within the text's lines (1-based, firstLine <= lastLine <= lineCount).
inline QString checkLineNumbers(const ParsedIssue &issue, qsizetype lineCount)
{
    const auto outside = [lineCount](int first, int last) {
        return first < 1 || first > last || last > lineCount;
    };
    for (qsizetype a = 0; a < issue.articles.size(); ++a) {
        const Article &article = issue.articles[a];
        if (outside(article.firstLine, article.lastLine))
            return QStringLiteral("article %1 spans lines %2-%3 of %4")
                .arg(a)
                .arg(article.firstLine)
                .arg(article.lastLine)
                .arg(lineCount);
        for (qsizetype b = 0; b < article.blocks.size(); ++b) {
            const Block &block = article.blocks[b];
            if (outside(block.firstLine, block.lastLine))
                return QStringLiteral("article %1, block %2 spans lines %3-%4 of %5")
                    .arg(a)
                    .arg(b)
                    .arg(block.firstLine)
                    .arg(block.lastLine)
                    .arg(lineCount);
        }
    }
    return {};
}

/// parseIssueText() on the bytes read two ways: as UTF-8 (bad sequences become U+FFFD) and as raw UTF-16 code
/// units (lone surrogates, NULs, any control character). The parser must stay within the text's lines and, being
/// pure, give the same result twice.
inline QString issueParserTarget(const QByteArray &bytes)
{
    const QString texts[] = {
        QString::fromUtf8(bytes),
        QString(reinterpret_cast<const QChar *>(bytes.constData()), bytes.size() / 2),
    };
    for (const QString &text : texts) {
        const ParsedIssue issue = parseIssueText(text);
        if (QString failure = checkLineNumbers(issue, text.count(u'\n') + 1); !failure.isEmpty())
            return failure;
        if (!(parseIssueText(text) == issue))
            return QStringLiteral("parseIssueText() gave a different result for the same text");
    }
    return {};
}

/// decodeText() on arbitrary bytes: ok exactly when there is no error, a known encoding, and for the Unicode
/// encodings the text turns back into exactly the bytes after the BOM (nothing substituted, nothing dropped).
inline QString textDecoderTarget(const QByteArray &bytes)
{
    const DecodedText decoded = decodeText(bytes);
    if (decoded.ok != decoded.error.isEmpty())
        return QStringLiteral("ok is %1 but the error is '%2'").arg(decoded.ok).arg(decoded.error);
    if (!decoded.ok)
        return decoded.error.contains(u'\n') ? QStringLiteral("the error is not one line") : QString();
    static const QStringList encodings{QStringLiteral("UTF-8"), QStringLiteral("UTF-16LE"), QStringLiteral("UTF-16BE"),
                                       QStringLiteral("GB18030"), QStringLiteral("Big5")};
    if (!encodings.contains(decoded.encoding))
        return QStringLiteral("unknown encoding '%1'").arg(decoded.encoding);

    QByteArray encoded;
    QByteArray bom;
    if (decoded.encoding == QLatin1StringView("UTF-8")) {
        encoded = decoded.text.toUtf8();
        bom = QByteArray("\xEF\xBB\xBF");
    } else if (decoded.encoding.startsWith(QLatin1StringView("UTF-16"))) {
        const bool bigEndian = decoded.encoding.endsWith(QLatin1StringView("BE"));
        for (const QChar c : decoded.text) {
            const char16_t u = c.unicode();
            const char hi = char(u >> 8);
            const char lo = char(u & 0xFF);
            encoded.append(bigEndian ? hi : lo).append(bigEndian ? lo : hi);
        }
        bom = bigEndian ? QByteArray("\xFE\xFF") : QByteArray("\xFF\xFE");
    } else {
        return {}; // GB18030 and Big5 map some characters many-to-one: no round trip to check
    }
    if (encoded == bytes || (bytes.startsWith(bom) && encoded == bytes.mid(bom.size())))
        return {};
    return QStringLiteral("%1 text does not re-encode to the input's bytes").arg(decoded.encoding);
}

/// parseIssueBytes(), the whole way from a file's bytes to its articles. A success has articles, a SHA-256 and an
/// encoding, and its line numbers lie within the decoded text's lines; a failure says why.
inline QString issueFileTarget(const QByteArray &bytes)
{
    const IssueFileResult result = parseIssueBytes(bytes, QStringLiteral("fuzz.txt"));
    if (!result.ok)
        return result.error.isEmpty() ? QStringLiteral("failed without an error") : QString();
    if (!result.error.isEmpty())
        return QStringLiteral("succeeded with the error '%1'").arg(result.error);
    if (result.issue.articles.isEmpty())
        return QStringLiteral("succeeded without articles");
    if (result.issue.source.sha256.size() != 64 || result.issue.source.encoding.isEmpty())
        return QStringLiteral("succeeded without a SHA-256 or an encoding");
    // CRLF and lone CR become LF, so the decoded text's LFs plus CRs bound the number of lines.
    const DecodedText decoded = decodeText(bytes);
    if (!decoded.ok)
        return QStringLiteral("parseIssueBytes() succeeded where decodeText() failed: %1").arg(decoded.error);
    return checkLineNumbers(result.issue, decoded.text.count(u'\n') + decoded.text.count(u'\r') + 1);
}

/// For the harnesses: a failed check is a crash, with the reason on stderr.
inline void abortOnFailure(const char *harness, const QString &failure)
{
    if (failure.isEmpty())
        return;
    std::fprintf(stderr, "%s: %s\n", harness, failure.toUtf8().constData());
    std::abort();
}

} // namespace dubao::fuzz
