// The issue parser's year rules: what an issue's text (and its file's path) says about the year it was printed
// in, and the year decided from that evidence, with how sure it is (IssueInfo::dateInferred, yearAlternatives).
#pragma once

#include "core/model/issue.h"

#include <QString>

namespace dubao::parse {

/// Collects the evidence the text gives for the issue's year (the issue's month and day already set) into
/// `info.yearEvidence`, then decides. A masthead's full date also sets the month and day.
void collectYearEvidence(IssueInfo &info, const QString &text);

/// Adds the evidence of a date in a file's name or folder ("2022-11-13", "20221113", "2022/11/13", "2022年"),
/// then decides again.
void addPathEvidence(IssueInfo &info, const QString &path);

/// Adds the evidence of the issues imported before and after this one (of the same publication; either may be null):
/// when those that state their dates agree on the one year that puts this issue's month and day within 45 days of
/// them, that year. Then decides again. Changes nothing for an issue whose date is stated or has no month and day.
void addNeighbourEvidence(IssueInfo &info, const IssueInfo *previous, const IssueInfo *next);

/// Decides the year from `info.yearEvidence`: a stated date is the date; otherwise the file's path, else the
/// neighbouring issues' year, else the years the text names, else a weekday or the terms of an era that leave one year.
/// Evidence that points at other years fills `yearAlternatives` (the date is uncertain).
void decideYear(IssueInfo &info);

} // namespace dubao::parse
