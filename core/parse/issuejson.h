// The JSON shapes `dubao-cli parse --json` and `dubao-cli show --json` print (documented in docs/cli.md).
#pragma once

#include "core/model/issue.h"

#include <QJsonObject>

namespace dubao {

enum class JsonIds
{
    Without,
    With
};

QJsonObject articleToJson(const Article &article, JsonIds ids = JsonIds::Without);
QJsonObject parsedIssueToJson(const ParsedIssue &issue);

} // namespace dubao
