#include "core/parse/issuefile.h"

#include "core/parse/issueparser.h"
#include "core/parse/yearevidence.h"
#include "core/text/textdecoder.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

#include <unicode/unorm2.h>

#include <algorithm>

namespace dubao {

namespace {

IssueFileResult failure(const QString &error)
{
    IssueFileResult result;
    result.error = error;
    return result;
}

// CRLF and lone CR become LF, in place; the parser counts lines by '\n' only.
void normaliseLineEnds(QString &text)
{
    const qsizetype firstCr = text.indexOf(u'\r');
    if (firstCr < 0)
        return;
    QChar *data = text.data();
    const qsizetype size = text.size();
    qsizetype out = firstCr;
    for (qsizetype in = firstCr; in < size; ++in) {
        if (data[in] == u'\r') {
            data[out++] = u'\n';
            if (in + 1 < size && data[in + 1] == u'\n')
                ++in;
        } else {
            data[out++] = data[in];
        }
    }
    text.truncate(out);
}

bool isBlank(QStringView text)
{
    for (const QChar c : text) {
        if (!c.isSpace())
            return false;
    }
    return true;
}

// NFC through ICU's quick check: text that is already NFC (nearly every OCR file) is only scanned, not
// copied; otherwise only the part from the first character that may change is normalised.
void normaliseToNfc(QString &text)
{
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&status);
    if (U_FAILURE(status)) {
        text = text.normalized(QString::NormalizationForm_C);
        return;
    }
    const auto *chars = reinterpret_cast<const UChar *>(text.constData());
    const int32_t length = int32_t(text.size());
    const int32_t span = unorm2_spanQuickCheckYes(nfc, chars, length, &status);
    if (U_FAILURE(status)) {
        text = text.normalized(QString::NormalizationForm_C);
        return;
    }
    if (span >= length)
        return;
    // Normalise the rest from the start of its line: a line break is a normalisation boundary.
    const qsizetype from = std::max<qsizetype>(0, text.lastIndexOf(u'\n', span) + 1);
    text = text.left(from) + text.mid(from).normalized(QString::NormalizationForm_C);
}

} // namespace

qint64 maxFileBytes()
{
    return qint64(64) * 1024 * 1024;
}

DecodedText decodeIssueBytes(const QByteArray &bytes)
{
    DecodedText decoded = decodeText(bytes);
    if (decoded.ok) {
        normaliseLineEnds(decoded.text);
        normaliseToNfc(decoded.text);
    }
    return decoded;
}

IssueFileResult parseIssueBytes(const QByteArray &bytes, const QString &path, const QString &sha256)
{
    DecodedText decoded = decodeIssueBytes(bytes);
    if (!decoded.ok)
        return failure(decoded.error);

    const QString &text = decoded.text;
    if (isBlank(text))
        return failure(QCoreApplication::translate("dubao::Import", "empty file"));

    IssueFileResult result;
    result.issue = parseIssueText(text);
    if (result.issue.articles.isEmpty())
        return failure(QCoreApplication::translate("dubao::Import", "no articles found"));
    result.issue.source.text = text;
    result.issue.source.path = path;
    if (!path.isEmpty())
        parse::addPathEvidence(result.issue.issue, path); // rule "path-date" (yearevidence.cpp)
    result.issue.source.sha256 = sha256.isEmpty() ? sha256Hex(bytes) : sha256;
    result.issue.source.bytes = bytes;
    result.issue.source.encoding = decoded.encoding;
    result.ok = true;
    return result;
}

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

IssueFileBytes readIssueFile(const QString &path)
{
    IssueFileBytes out;
    const QFileInfo info(path);
    if (!info.exists()) {
        out.error = QCoreApplication::translate("dubao::Import", "no such file");
        return out;
    }
    if (info.isDir()) {
        out.error = QCoreApplication::translate("dubao::Import", "is a folder");
        return out;
    }
    // Devices and pipes could be read forever; an issue is always a regular file.
    if (!info.isFile()) {
        out.error = QCoreApplication::translate("dubao::Import", "not a regular file");
        return out;
    }
    constexpr qint64 mebibyte = 1024 * 1024;
    const auto tooLarge = [](qint64 size) {
        return QCoreApplication::translate("dubao::Import", "file too large (%1 MB; the limit is %2 MB)")
            .arg((size + mebibyte - 1) / mebibyte)
            .arg(maxFileBytes() / mebibyte);
    };
    if (info.size() > maxFileBytes()) {
        out.error = tooLarge(info.size());
        return out;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        out.error = QCoreApplication::translate("dubao::Import", "cannot read: %1").arg(file.errorString());
        return out;
    }
    out.bytes = file.readAll();
    if (file.error() != QFileDevice::NoError) {
        out.error = QCoreApplication::translate("dubao::Import", "cannot read: %1").arg(file.errorString());
        out.bytes.clear();
        return out;
    }
    if (out.bytes.size() > maxFileBytes()) { // it grew since the check
        out.error = tooLarge(out.bytes.size());
        out.bytes.clear();
        return out;
    }
    out.ok = true;
    return out;
}

IssueFileResult parseIssueFile(const QString &path)
{
    const IssueFileBytes file = readIssueFile(path);
    if (!file.ok)
        return failure(file.error);
    return parseIssueBytes(file.bytes, path);
}

} // namespace dubao
