// Text reuse for other programs (R, Stata, pandas, a spreadsheet): the pairs and clusters as JSON — exactly what
// dubao-cli reuse --json prints — and as CSV, one table of pairs and one of the clusters' articles. CSV is RFC 4180
// in UTF-8 with a byte-order mark (so LibreOffice and Excel read the Chinese), CRLF line ends, every text field
// quoted when it holds a comma, a quote or a line break. docs/reuse.md, "Export".
#pragma once

#include "core/model/result.h"
#include "core/reuse/reuseindex.h"

#include <QByteArray>
#include <QJsonObject>

namespace dubao {

class Library;

/// One pair as dubao-cli prints it: {a, b, shared_chars, coverage_a, coverage_b, boilerplate, passages}.
QJsonObject reusePairJson(const ReusePair &pair);
/// {"pairs": [...], "clusters": [{"articles": [...], "source": ID | null}]} (dubao-cli reuse --json).
QJsonObject reuseJson(const QList<ReusePair> &pairs, const QList<ReuseCluster> &clusters);

/// The pairs, one row each: a, b, each side's date, publication and title, shared_chars, coverage_a, coverage_b,
/// boilerplate (0/1), passages (how many) and the passages themselves as JSON (the offsets of reuse --json). The
/// articles' dates, publications and titles are read from `library` in one statement.
Result<QByteArray> reusePairsCsv(Library &library, const QList<ReusePair> &pairs);
/// The clusters' articles, one row each: cluster (1, 2, … in the order given), article, source (1 for the cluster's
/// source), publication, date, title, lag_days (empty for the source or undated), shared (0..1).
QByteArray reuseClustersCsv(const QList<ReuseClusterDetails> &clusters);

} // namespace dubao
