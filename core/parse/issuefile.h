// From a file's bytes to a ParsedIssue: hash, decode, normalise (line ends, NFC), parse.
#pragma once

#include "core/model/issue.h"
#include "core/text/textdecoder.h"

#include <QByteArray>
#include <QString>

namespace dubao {

struct IssueFileResult
{
    bool ok = false;
    ParsedIssue issue;
    QString error; ///< one line, without the path, when !ok
};

/// Parses an issue from bytes already read; `path` is recorded in the result's source. Decodes (see decodeText()),
/// turns CRLF and lone CR into LF, normalises to NFC, then parses. Errors: decodeText()'s, "empty file" and
/// "no articles found". `sha256` is the bytes' hash when the caller has computed it already (sha256Hex()).
IssueFileResult parseIssueBytes(const QByteArray &bytes, const QString &path = {}, const QString &sha256 = {});

/// The text parseIssueBytes() parses: decoded (decodeText()), CRLF and lone CR turned into LF, NFC. Its lines,
/// split at '\n', are the lines Block::firstLine/lastLine count.
DecodedText decodeIssueBytes(const QByteArray &bytes);

/// Reads and parses a file. Files over maxFileBytes() are refused before reading.
/// Errors besides decodeText()'s and parseIssueBytes()'s: "no such file", "is a folder", "not a regular file",
/// "cannot read: <reason>", "file too large (N MB; the limit is 64 MB)" (N rounded up).
IssueFileResult parseIssueFile(const QString &path);

struct IssueFileBytes
{
    bool ok = false;
    QByteArray bytes;
    QString error; ///< one line, without the path, when !ok
};

/// Reads a file with the same checks parseIssueFile() makes (exists, regular, size limit), without parsing.
IssueFileBytes readIssueFile(const QString &path);

/// Lowercase hex SHA-256, as stored in SourceFile::sha256.
QString sha256Hex(const QByteArray &bytes);

/// The largest file accepted as an issue (64 MiB).
qint64 maxFileBytes();

} // namespace dubao
