#include "parse/issuefile.h"

#include "parse/issueparser.h"
#include "text/textdecoder.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

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

} // namespace

qint64 maxFileBytes()
{
    return qint64(64) * 1024 * 1024;
}

IssueFileResult parseIssueBytes(const QByteArray &bytes, const QString &path)
{
    DecodedText decoded = decodeText(bytes);
    if (!decoded.ok)
        return failure(decoded.error);

    QString text = std::move(decoded.text);
    normaliseLineEnds(text);
    text = text.normalized(QString::NormalizationForm_C);
    if (isBlank(text))
        return failure(QStringLiteral("empty file"));

    IssueFileResult result;
    result.issue = parseIssueText(text);
    if (result.issue.articles.isEmpty())
        return failure(QStringLiteral("no articles found"));
    result.issue.source.path = path;
    result.issue.source.sha256 =
        QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    result.issue.source.encoding = decoded.encoding;
    result.ok = true;
    return result;
}

IssueFileResult parseIssueFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return failure(QStringLiteral("no such file"));
    if (info.isDir())
        return failure(QStringLiteral("is a folder"));
    // Devices and pipes could be read forever; an issue is always a regular file.
    if (!info.isFile())
        return failure(QStringLiteral("not a regular file"));
    constexpr qint64 mebibyte = 1024 * 1024;
    const auto tooLarge = [](qint64 size) {
        return failure(QStringLiteral("file too large (%1 MB; the limit is %2 MB)")
                           .arg((size + mebibyte - 1) / mebibyte)
                           .arg(maxFileBytes() / mebibyte));
    };
    if (info.size() > maxFileBytes())
        return tooLarge(info.size());

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(QStringLiteral("cannot read: %1").arg(file.errorString()));
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return failure(QStringLiteral("cannot read: %1").arg(file.errorString()));
    if (bytes.size() > maxFileBytes()) // it grew since the check
        return tooLarge(bytes.size());
    return parseIssueBytes(bytes, path);
}

} // namespace dubao
