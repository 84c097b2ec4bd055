// The issue parser: a pure function from an issue's text to its articles and blocks.
#pragma once

#include "core/model/issue.h"

#include <QString>

namespace dubao {

/// The version of the parser's rules. Raise it with every change that can give a stored issue other articles or
/// blocks: `dubao-cli reparse` then re-parses the issues stamped with an older version (issues.parser_version).
inline constexpr int kParserVersion = 5;

/// Parses decoded, NFC-normalised text with '\n' line ends. Pure: no I/O, no globals, thread-safe.
/// The returned issue's `source` is left empty for the caller to fill.
ParsedIssue parseIssueText(const QString &text);

} // namespace dubao
