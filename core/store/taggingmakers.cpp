// Taggings with their makers: see taggingmakers.h. Also TagRepository's tagging(), untag() and restoreTagging(),
// which undo and redo use so that they neither take off a tag a colleague put on since nor record the undoer as the
// maker of a tagging they put back.
#include "core/store/taggingmakers.h"

#include "core/store/authorship.h"
#include "core/store/changenotice.h"
#include "core/store/dialect.h"
#include "core/store/library.h"
#include "core/store/sql.h"
#include "core/store/taggingtables.h"
#include "core/store/tagrepository.h"

namespace dubao {

using namespace sql;
using namespace taggingtables;

namespace taggingmakers {

QList<TaggingMaker> ofTag(const QSqlDatabase &db, qint64 tagId)
{
    QList<TaggingMaker> makers;
    for (const TaggingTable &table : kTaggingTables) {
        QSqlQuery q(db);
        if (!select(q,
                    QStringLiteral("SELECT %1, created_by, created_at FROM %2 WHERE tag_id = ? ORDER BY 1")
                        .arg(QLatin1String(table.column), QLatin1String(table.table)),
                    {tagId}))
            continue;
        while (q.next())
            makers.append({table.target, q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString()});
    }
    return makers;
}

std::optional<TaggingStamp> of(const QSqlDatabase &db, TagTarget target, qint64 tagId, qint64 targetId)
{
    const TaggingTable &table = tableOf(target);
    QSqlQuery q(db);
    if (!select(q,
                QStringLiteral("SELECT created_by, created_at FROM %1 WHERE %2 = ? AND tag_id = ?")
                    .arg(QLatin1String(table.table), QLatin1String(table.column)),
                {targetId, tagId}) ||
        !q.next())
        return std::nullopt;
    return TaggingStamp{tagId, q.value(0).toString(), q.value(1).toString()};
}

Result<bool> insert(const QSqlDatabase &db, TagTarget target, qint64 tagId, qint64 targetId, const QString &createdBy,
                    const QString &createdAt)
{
    const TaggingTable &table = tableOf(target);
    QSqlQuery query(db);
    const QString sql = dialect::insertOrIgnore(db) +
                        QStringLiteral(" %1 (%2, tag_id, created_by, created_at) VALUES (?, ?, ?, ?)")
                            .arg(QLatin1String(table.table), QLatin1String(table.column)) +
                        dialect::onConflictIgnore(db);
    const QString at = createdAt.isEmpty() ? nowUtc() : createdAt;
    if (Result<void> inserted = exec(query, sql, {targetId, tagId, notNull(createdBy), at}); !inserted)
        return inserted.error();
    return query.numRowsAffected() > 0;
}

} // namespace taggingmakers

namespace {

QString whenText(const QString &createdAt)
{
    const QDateTime time = timeFromText(createdAt);
    return time.isValid() ? time.toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'")) : Store::tr("an unknown time");
}

QString whoText(const QString &name)
{
    return name.isEmpty() ? Store::tr("an unknown author") : name;
}

} // namespace

std::optional<TaggingStamp> TagRepository::tagging(TagTarget target, qint64 tagId, qint64 targetId) const
{
    return taggingmakers::of(m_library.database(), target, tagId, targetId);
}

Result<std::optional<TaggingStamp>> TagRepository::untag(TagTarget target, qint64 tagId, qint64 targetId,
                                                         const std::optional<TaggingStamp> &expected)
{
    const TaggingTable &table = tableOf(target);
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    if (!scope.isActive())
        return scope.error();
    const std::optional<TaggingStamp> now = taggingmakers::of(db, target, tagId, targetId);
    const QString path = tag(tagId) ? tag(tagId)->path : QString::number(tagId);
    if (expected) {
        if (!now)
            return Error(
                Store::tr("someone else took the tag “%1” off since; there is nothing left to take off").arg(path));
        if (now->createdBy != expected->createdBy || now->createdAt != expected->createdAt)
            return Error(Store::tr("the tag “%1” was put on again by %2 at %3 since; it stays on as theirs")
                             .arg(path, whoText(now->createdBy), whenText(now->createdAt)));
    }
    if (!now)
        return scope.commit(std::optional<TaggingStamp>());
    const QString where = QStringLiteral("t.%1 = ? AND t.tag_id = ?").arg(QLatin1String(table.column));
    changes::deleting(db, QLatin1String(table.table), where, {targetId, tagId});
    if (Result<void> deleted = exec(db,
                                    QStringLiteral("DELETE FROM %1 WHERE %2 = ? AND tag_id = ?")
                                        .arg(QLatin1String(table.table), QLatin1String(table.column)),
                                    {targetId, tagId});
        !deleted)
        return deleted.error();
    return scope.commit(now);
}

Result<TaggingStamp> TagRepository::restoreTagging(TagTarget target, qint64 targetId, const TaggingStamp &stamp)
{
    const TaggingTable &table = tableOf(target);
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    if (!scope.isActive())
        return scope.error();
    const std::optional<Tag> tagged = tag(stamp.tagId);
    if (!tagged)
        return Error(Store::tr("no tag with id %1").arg(stamp.tagId));
    if (!scalar(db, QStringLiteral("SELECT 1 FROM %1 WHERE id = ?").arg(QLatin1String(table.targetTable)), {targetId})
             .isValid())
        return Error(Store::tr("what the tag “%1” was on is gone").arg(tagged->path));
    if (const std::optional<TaggingStamp> now = taggingmakers::of(db, target, stamp.tagId, targetId)) {
        if (now->createdBy == stamp.createdBy)
            return scope.commit(*now); // on again, by the same person: nothing to put back
        return Error(Store::tr("the tag “%1” was put on again by %2 at %3 since; it stays on as theirs")
                         .arg(tagged->path, whoText(now->createdBy), whenText(now->createdAt)));
    }
    // As it was, by whoever put it on (an editor may undo the untagging of a colleague's tag).
    if (Result<void> keeping = authorship::keepGivenAuthors(db, true); !keeping)
        return keeping.error();
    if (Result<bool> inserted =
            taggingmakers::insert(db, target, stamp.tagId, targetId, stamp.createdBy, stamp.createdAt);
        !inserted)
        return inserted.error();
    if (Result<void> kept = authorship::keepGivenAuthors(db, false); !kept)
        return kept.error();
    changes::written(db, QLatin1String(table.table),
                     QStringLiteral("t.%1 = ? AND t.tag_id = ?").arg(QLatin1String(table.column)),
                     {targetId, stamp.tagId});
    const std::optional<TaggingStamp> stored = taggingmakers::of(db, target, stamp.tagId, targetId);
    if (!stored)
        return Error(Store::tr("the tag “%1” could not be put back").arg(tagged->path));
    return scope.commit(*stored);
}

} // namespace dubao
