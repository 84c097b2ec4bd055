// Who put each tag on what (schema v15), read before a tagging goes and written back when an undo puts it back, so
// that the tagging keeps its maker (on a team library through schema v19's dubao.keep_authors: docs/schema.md).
// Internal to the store: TagRepository's untag(), restoreTagging(), remove()/restore() and merge()/unmerge() use it.
#pragma once

#include "core/model/annotationsnapshots.h"
#include "core/model/result.h"

#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace dubao::taggingmakers {

/// Who put tag `tagId` on each thing it is on, and when.
QList<TaggingMaker> ofTag(const QSqlDatabase &db, qint64 tagId);
/// Who put tag `tagId` on `targetId`, and when; nullopt when it is not on it.
std::optional<TaggingStamp> of(const QSqlDatabase &db, TagTarget target, qint64 tagId, qint64 targetId);
/// Puts tag `tagId` on `targetId` as made by `createdBy` at `createdAt` (nothing when it is on already; the caller's
/// transaction says authorship::keepGivenAuthors() on a team library). True when a row was inserted.
Result<bool> insert(const QSqlDatabase &db, TagTarget target, qint64 tagId, qint64 targetId, const QString &createdBy,
                    const QString &createdAt);

} // namespace dubao::taggingmakers
