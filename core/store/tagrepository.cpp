// SQL for tags and taggings (schema v2, docs/schema.md). Listing order is ICU's Chinese collation.
#include "core/store/tagrepository.h"

#include "core/store/annotationrows.h"
#include "core/store/authorship.h"
#include "core/store/changenotice.h"
#include "core/store/dialect.h"
#include "core/store/library.h"
#include "core/store/sql.h"
#include "core/store/taggingmakers.h"
#include "core/store/taggingtables.h"

#include <QHash>
#include <QMutex>
#include <QSet>

#include <unicode/ucol.h>

#include <algorithm>
#include <functional>
#include <memory>

namespace dubao {

using namespace sql;

namespace {

constexpr int kMaxTagName = 100;

const char *const kTagColumns = "id, name, parent_id, color, created_at";

Tag tagFromQuery(const QSqlQuery &query)
{
    Tag tag;
    tag.id = query.value(0).toLongLong();
    tag.name = query.value(1).toString();
    tag.parentId = query.value(2).isNull() ? 0 : query.value(2).toLongLong();
    tag.color = query.value(3).toString();
    tag.createdAt = timeFromText(query.value(4).toString());
    return tag;
}

/// Trimmed, NFC; an error when not acceptable.
Result<QString> cleanName(const QString &name)
{
    const QString clean = name.trimmed().normalized(QString::NormalizationForm_C);
    if (clean.isEmpty())
        return Error(Store::tr("a tag name cannot be empty"));
    if (clean.contains(u'/'))
        return Error(Store::tr("a tag name cannot contain '/' (it separates parent and child)"));
    if (clean.size() > kMaxTagName)
        return Error(Store::tr("a tag name can have at most %1 characters").arg(kMaxTagName));
    for (const QChar c : clean) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Separator_Line ||
            c.category() == QChar::Separator_Paragraph)
            return Error(Store::tr("a tag name cannot contain control characters or line breaks"));
    }
    return clean;
}

Error nameTaken(const QString &name)
{
    return Error(Store::tr("a tag named '%1' already exists there").arg(name));
}

Error notAColor(const QString &color)
{
    return Error(Store::tr("'%1' is not a colour (write #RRGGBB)").arg(color));
}

const QStringList &palette()
{
    static const QStringList colors{
        QStringLiteral("#E6B422"), QStringLiteral("#5B8FF9"), QStringLiteral("#5AD8A6"), QStringLiteral("#F6903D"),
        QStringLiteral("#E8684A"), QStringLiteral("#9270CA"), QStringLiteral("#6DC8EC"), QStringLiteral("#FF9D4D"),
    };
    return colors;
}

struct CollatorDeleter
{
    void operator()(UCollator *collator) const { ucol_close(collator); }
};

} // namespace

TagRepository::TagRepository(Library &library)
    : m_library(library)
{}

QByteArray TagRepository::sortKey(const QString &text)
{
    // ucol_getSortKey is thread-safe on a shared collator (ICU: "const" API); opening is guarded.
    static QMutex mutex;
    static std::unique_ptr<UCollator, CollatorDeleter> collator;
    {
        QMutexLocker lock(&mutex);
        if (!collator) {
            UErrorCode status = U_ZERO_ERROR;
            collator.reset(ucol_open("zh", &status));
            if (U_FAILURE(status))
                collator.reset();
        }
    }
    if (!collator)
        return text.toUtf8();
    const auto *chars = reinterpret_cast<const UChar *>(text.utf16());
    QByteArray key(64, Qt::Uninitialized);
    int32_t size = ucol_getSortKey(collator.get(), chars, int32_t(text.size()), reinterpret_cast<uint8_t *>(key.data()),
                                   int32_t(key.size()));
    if (size > key.size()) {
        key.resize(size);
        size = ucol_getSortKey(collator.get(), chars, int32_t(text.size()), reinterpret_cast<uint8_t *>(key.data()),
                               int32_t(key.size()));
    }
    key.resize(std::max(0, size - 1)); // without the terminating 0
    return key;
}

QString TagRepository::normalizeColor(const QString &color)
{
    const QString c = color.trimmed().toUpper();
    if (c.size() != 7 || c.front() != u'#')
        return {};
    for (qsizetype k = 1; k < 7; ++k) {
        const QChar ch = c.at(k);
        if (!((ch >= u'0' && ch <= u'9') || (ch >= u'A' && ch <= u'F')))
            return {};
    }
    return c;
}

Result<Tag> TagRepository::create(const QString &name, qint64 parentId, const QString &color)
{
    QSqlDatabase db = m_library.database();
    const Result<QString> clean = cleanName(name);
    if (!clean)
        return clean.error();
    QString hex = color.isEmpty() ? QString() : normalizeColor(color);
    if (!color.isEmpty() && hex.isNull())
        return notAColor(color);
    WriteScope scope(db);
    if (!scope.isActive())
        return scope.error();
    if (parentId != 0 && !tag(parentId))
        return noTag(parentId);
    if (scalar(db, QStringLiteral("SELECT count(*) FROM tags WHERE coalesce(parent_id, 0) = ? AND name = ?"),
               {parentId, *clean})
            .toInt() > 0)
        return nameTaken(*clean);
    if (hex.isNull())
        hex = palette().at(scalar(db, QStringLiteral("SELECT count(*) FROM tags")).toInt() % palette().size());
    QSqlQuery query(db);
    if (Result<void> inserted =
            exec(query,
                 QStringLiteral("INSERT INTO tags (name, parent_id, color, created_at) VALUES (?, ?, ?, ?)") +
                     dialect::returningId(db),
                 {*clean, idOrNull(parentId), hex, nowUtc()});
        !inserted)
        return inserted.error();
    const std::optional<Tag> created = tag(dialect::insertedId(query));
    if (!created)
        return Error(Store::tr("cannot read the new tag back"));
    if (Result<void> committed = scope.commit(); !committed)
        return committed.error();
    return *created;
}

std::optional<Tag> TagRepository::tag(qint64 id) const
{
    QSqlQuery query(m_library.database());
    if (!select(query, QStringLiteral("SELECT %1 FROM tags WHERE id = ?").arg(QLatin1String(kTagColumns)), {id}) ||
        !query.next())
        return std::nullopt;
    Tag result = tagFromQuery(query);
    query.finish();
    // The path, walking up (depth is small; a cycle cannot be stored, but stop anyway).
    QStringList parts{result.name};
    qint64 parent = result.parentId;
    for (int depth = 0; parent != 0 && depth < 64; ++depth) {
        QSqlQuery up(m_library.database());
        if (!select(up, QStringLiteral("SELECT name, parent_id FROM tags WHERE id = ?"), {parent}) || !up.next())
            break;
        parts.prepend(up.value(0).toString());
        parent = up.value(1).isNull() ? 0 : up.value(1).toLongLong();
    }
    result.path = parts.join(u'/');
    return result;
}

std::optional<Tag> TagRepository::findByPath(const QString &path) const
{
    qint64 parent = 0;
    std::optional<Tag> found;
    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    if (parts.isEmpty())
        return std::nullopt;
    for (const QString &part : parts) {
        const QString name = part.trimmed().normalized(QString::NormalizationForm_C);
        const QVariant id =
            scalar(m_library.database(),
                   QStringLiteral("SELECT id FROM tags WHERE coalesce(parent_id, 0) = ? AND name = ?"), {parent, name});
        if (!id.isValid())
            return std::nullopt;
        parent = id.toLongLong();
    }
    return tag(parent);
}

QList<Tag> TagRepository::list() const
{
    QList<Tag> all;
    QSqlQuery query(m_library.database());
    if (!select(query, QStringLiteral("SELECT %1 FROM tags").arg(QLatin1String(kTagColumns))))
        return all;
    while (query.next())
        all.append(tagFromQuery(query));
    QHash<qint64, QList<int>> childrenOf;
    QList<QByteArray> keys;
    keys.reserve(all.size());
    for (int k = 0; k < all.size(); ++k) {
        childrenOf[all.at(k).parentId].append(k);
        keys.append(sortKey(all.at(k).name));
    }
    for (auto &siblings : childrenOf) {
        std::sort(siblings.begin(), siblings.end(), [&](int a, int b) {
            if (keys.at(a) != keys.at(b))
                return keys.at(a) < keys.at(b);
            return all.at(a).id < all.at(b).id;
        });
    }
    QList<Tag> ordered;
    ordered.reserve(all.size());
    QSet<qint64> seen;
    std::function<void(qint64, const QString &)> walk = [&](qint64 parent, const QString &prefix) {
        for (const int k : childrenOf.value(parent)) {
            Tag t = all.at(k);
            if (seen.contains(t.id))
                continue;
            seen.insert(t.id);
            t.path = prefix.isEmpty() ? t.name : prefix + u'/' + t.name;
            ordered.append(t);
            walk(t.id, t.path);
        }
    };
    walk(0, QString());
    return ordered;
}

QList<Tag> TagRepository::children(qint64 parentId) const
{
    QList<Tag> result;
    for (const Tag &t : list()) {
        if (t.parentId == parentId)
            result.append(t);
    }
    return result;
}

QList<qint64> TagRepository::subtree(qint64 id) const
{
    QList<qint64> result = ids(m_library.database(),
                               QStringLiteral("WITH RECURSIVE sub(id) AS (SELECT CAST(? AS bigint) UNION "
                                              "SELECT t.id FROM tags t JOIN sub ON t.parent_id = sub.id) "
                                              "SELECT id FROM sub WHERE id IN (SELECT id FROM tags)"),
                               {id});
    return result;
}

Result<QString> TagRepository::rename(qint64 id, const QString &name)
{
    const Result<QString> clean = cleanName(name);
    if (!clean)
        return clean.error();
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    const std::optional<Tag> current = tag(id);
    if (!current)
        return noTag(id);
    if (*clean != current->name &&
        scalar(db,
               QStringLiteral("SELECT count(*) FROM tags WHERE coalesce(parent_id, 0) = ? AND name = ? AND id <> ?"),
               {current->parentId, *clean, id})
                .toInt() > 0)
        return nameTaken(*clean);
    return scope.commitAfter({QStringLiteral("UPDATE tags SET name = ? WHERE id = ?"), {*clean, id}}, current->name);
}

Result<QString> TagRepository::recolor(qint64 id, const QString &color)
{
    const QString hex = normalizeColor(color);
    if (hex.isNull())
        return notAColor(color);
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    const std::optional<Tag> current = tag(id);
    if (!current)
        return noTag(id);
    return scope.commitAfter({QStringLiteral("UPDATE tags SET color = ? WHERE id = ?"), {hex, id}}, current->color);
}

Result<qint64> TagRepository::move(qint64 id, qint64 parentId)
{
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    const std::optional<Tag> current = tag(id);
    if (!current)
        return noTag(id);
    if (parentId != 0) {
        if (!tag(parentId))
            return noTag(parentId);
        if (subtree(id).contains(parentId))
            return Error(Store::tr("cannot move a tag under itself or one of its children"));
    }
    if (scalar(db,
               QStringLiteral("SELECT count(*) FROM tags WHERE coalesce(parent_id, 0) = ? AND name = ? AND id <> ?"),
               {parentId, current->name, id})
            .toInt() > 0)
        return nameTaken(current->name);
    return scope.commitAfter({QStringLiteral("UPDATE tags SET parent_id = ? WHERE id = ?"), {idOrNull(parentId), id}},
                             current->parentId);
}

namespace {

using namespace taggingtables;

Error noTarget(TagTarget target, qint64 id)
{
    switch (target) {
    case TagTarget::Article:
        return Error(Store::tr("no article with id %1").arg(id));
    case TagTarget::Block:
        return Error(Store::tr("no block with id %1").arg(id));
    case TagTarget::Highlight:
        return noHighlight(id);
    case TagTarget::Note:
        break;
    }
    return noNote(id);
}

} // namespace

Taggings TagRepository::taggings(qint64 tagId) const
{
    Taggings t;
    for (const TaggingTable &table : kTaggingTables) {
        t.*(table.list) = ids(m_library.database(),
                              QStringLiteral("SELECT %1 FROM %2 WHERE tag_id = ? ORDER BY 1")
                                  .arg(QLatin1String(table.column), QLatin1String(table.table)),
                              {tagId});
    }
    return t;
}

namespace {

bool hasCreatedAt(const TaggingTable &table)
{
    return qstrcmp(table.table, "article_tags") == 0 || qstrcmp(table.table, "block_tags") == 0;
}

/// Inserts (tagId, each id) into one tagging table; `added` receives the ids that were not tagged yet.
Result<void> insertTaggings(QSqlDatabase db, const TaggingTable &table, qint64 tagId, const QList<qint64> &targets,
                            QList<qint64> *added = nullptr)
{
    const QString now = nowUtc();
    for (const qint64 target : targets) {
        QSqlQuery query(db);
        const QString sql = dialect::insertOrIgnore(db) +
                            (hasCreatedAt(table) ? QStringLiteral(" %1 (%2, tag_id, created_at) VALUES (?, ?, ?)")
                                                 : QStringLiteral(" %1 (%2, tag_id) VALUES (?, ?)")) +
                            dialect::onConflictIgnore(db);
        QVariantList values{target, tagId};
        if (hasCreatedAt(table))
            values.append(now);
        if (Result<void> inserted =
                exec(query, sql.arg(QLatin1String(table.table), QLatin1String(table.column)), values);
            !inserted)
            return inserted;
        if (added && query.numRowsAffected() > 0)
            added->append(target);
    }
    return {};
}

/// Puts a deleted or merged tag back with its id, its children under it again and its taggings, each by whoever had
/// put it on (`makers`; a tagging without one is recorded as the user's).
Result<void> restoreTag(QSqlDatabase db, const Tag &tag, const QList<qint64> &children, const Taggings &taggings,
                        const QList<TaggingMaker> &makers)
{
    if (Result<void> inserted =
            exec(db, QStringLiteral("INSERT INTO tags (id, name, parent_id, color, created_at) VALUES (?, ?, ?, ?, ?)"),
                 {tag.id, tag.name, idOrNull(tag.parentId), tag.color, timeToText(tag.createdAt)});
        !inserted)
        return inserted;
    for (const qint64 child : children) {
        if (Result<void> moved =
                exec(db, QStringLiteral("UPDATE tags SET parent_id = ? WHERE id = ?"), {tag.id, child});
            !moved)
            return moved;
    }
    QHash<QPair<int, qint64>, const TaggingMaker *> madeBy;
    for (const TaggingMaker &maker : makers)
        madeBy.insert({static_cast<int>(maker.target), maker.targetId}, &maker);
    // As they were, by whoever put them on (an editor may undo the deletion of a tag colleagues used).
    if (Result<void> keeping = authorship::keepGivenAuthors(db, true); !keeping)
        return keeping;
    for (const TaggingTable &table : kTaggingTables) {
        QList<qint64> unknown;
        for (const qint64 target : taggings.*(table.list)) {
            const TaggingMaker *maker = madeBy.value({static_cast<int>(table.target), target});
            if (!maker) {
                unknown.append(target);
                continue;
            }
            if (Result<bool> inserted =
                    taggingmakers::insert(db, table.target, tag.id, target, maker->createdBy, maker->createdAt);
                !inserted)
                return inserted.error();
        }
        if (Result<void> retagged = insertTaggings(db, table, tag.id, unknown); !retagged)
            return retagged;
    }
    return authorship::keepGivenAuthors(db, false);
}

} // namespace

Result<TagMerge> TagRepository::merge(qint64 from, qint64 into)
{
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    const std::optional<Tag> source = tag(from);
    const std::optional<Tag> target = tag(into);
    if (!source || !target)
        return noTag(source ? into : from);
    if (from == into)
        return Error(Store::tr("cannot merge a tag into itself"));
    if (subtree(from).contains(into))
        return Error(Store::tr("cannot merge a tag into one of its own children"));
    TagMerge merge;
    merge.from = *source;
    merge.fromUid = uidOf(db, "tags", from);
    merge.into = into;
    merge.children = ids(db, QStringLiteral("SELECT id FROM tags WHERE parent_id = ? ORDER BY id"), {from});
    if (const QVariant clash = scalar(db,
                                      QStringLiteral("SELECT a.name FROM tags a JOIN tags b ON a.name = b.name "
                                                     "WHERE a.parent_id = ? AND b.parent_id = ? LIMIT 1"),
                                      {from, into});
        clash.isValid())
        return Error(Store::tr("cannot merge: both tags have a child named '%1'").arg(clash.toString()));
    merge.fromTaggings = taggings(from);
    merge.fromMakers = taggingmakers::ofTag(db, from);
    for (const TaggingTable &table : kTaggingTables) {
        if (Result<void> added =
                insertTaggings(db, table, into, merge.fromTaggings.*(table.list), &(merge.addedInto.*(table.list)));
            !added)
            return added.error();
    }
    if (Result<void> merged =
            exec(db, {{QStringLiteral("UPDATE tags SET parent_id = ? WHERE parent_id = ?"), {into, from}},
                      {QStringLiteral("DELETE FROM tags WHERE id = ?"), {from}}});
        !merged)
        return merged.error();
    return scope.commit(merge);
}

Result<void> TagRepository::unmerge(const TagMerge &merge)
{
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    if (!scope.isActive())
        return scope.error();
    if (Result<void> restored = restoreTag(db, merge.from, merge.children, merge.fromTaggings, merge.fromMakers);
        !restored)
        return restored;
    if (Result<void> kept = restoreUid(db, "tags", merge.from.id, merge.fromUid); !kept)
        return kept;
    for (const TaggingTable &table : kTaggingTables) {
        for (const qint64 target : merge.addedInto.*(table.list)) {
            if (Result<void> removed = exec(db,
                                            QStringLiteral("DELETE FROM %1 WHERE %2 = ? AND tag_id = ?")
                                                .arg(QLatin1String(table.table), QLatin1String(table.column)),
                                            {target, merge.into});
                !removed)
                return removed;
        }
    }
    return scope.commit();
}

Result<TagDeletion> TagRepository::remove(qint64 id)
{
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    const std::optional<Tag> current = tag(id);
    if (!current)
        return noTag(id);
    TagDeletion deletion;
    deletion.tag = *current;
    deletion.uid = uidOf(db, "tags", id);
    deletion.children = ids(db, QStringLiteral("SELECT id FROM tags WHERE parent_id = ? ORDER BY id"), {id});
    deletion.taggings = taggings(id);
    deletion.makers = taggingmakers::ofTag(db, id);
    if (const QVariant clash = scalar(db,
                                      QStringLiteral("SELECT a.name FROM tags a JOIN tags b ON a.name = b.name "
                                                     "WHERE a.parent_id = ? AND coalesce(b.parent_id, 0) = ? "
                                                     "AND b.id <> ? LIMIT 1"),
                                      {id, current->parentId, id});
        clash.isValid())
        return Error(
            Store::tr("cannot delete: its child '%1' would clash with a tag of the same name").arg(clash.toString()));
    for (const TaggingTable &table : kTaggingTables) {
        if (Result<void> untagged =
                exec(db, QStringLiteral("DELETE FROM %1 WHERE tag_id = ?").arg(QLatin1String(table.table)), {id});
            !untagged)
            return untagged.error();
    }
    if (Result<void> removed = exec(db, {{QStringLiteral("UPDATE tags SET parent_id = ? WHERE parent_id = ?"),
                                          {idOrNull(current->parentId), id}},
                                         {QStringLiteral("DELETE FROM tags WHERE id = ?"), {id}}});
        !removed)
        return removed.error();
    return scope.commit(deletion);
}

Result<void> TagRepository::restore(const TagDeletion &deletion)
{
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    if (!scope.isActive())
        return scope.error();
    if (Result<void> restored = restoreTag(db, deletion.tag, deletion.children, deletion.taggings, deletion.makers);
        !restored)
        return restored;
    if (Result<void> kept = restoreUid(db, "tags", deletion.tag.id, deletion.uid); !kept)
        return kept;
    return scope.commit();
}

Result<bool> TagRepository::addTagging(TagTarget target, qint64 tagId, qint64 targetId)
{
    return setTagging(target, tagId, targetId, true);
}

Result<bool> TagRepository::removeTagging(TagTarget target, qint64 tagId, qint64 targetId)
{
    return setTagging(target, tagId, targetId, false);
}

Result<bool> TagRepository::setTagging(TagTarget target, qint64 tagId, qint64 targetId, bool tagged)
{
    const TaggingTable &table = tableOf(target);
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    if (!scope.isActive())
        return scope.error();
    if (!scalar(db, QStringLiteral("SELECT 1 FROM tags WHERE id = ?"), {tagId}).isValid())
        return noTag(tagId);
    if (!scalar(db, QStringLiteral("SELECT 1 FROM %1 WHERE id = ?").arg(QLatin1String(table.targetTable)), {targetId})
             .isValid())
        return noTarget(target, targetId);
    QList<qint64> changed;
    if (tagged) {
        if (Result<void> inserted = insertTaggings(db, table, tagId, {targetId}, &changed); !inserted)
            return inserted.error();
        changes::written(db, QLatin1String(table.table),
                         QStringLiteral("t.%1 = ? AND t.tag_id = ?").arg(QLatin1String(table.column)),
                         {targetId, tagId});
    } else {
        changes::deleting(db, QLatin1String(table.table),
                          QStringLiteral("t.%1 = ? AND t.tag_id = ?").arg(QLatin1String(table.column)),
                          {targetId, tagId});
        QSqlQuery query(db);
        if (Result<void> deleted = exec(query,
                                        QStringLiteral("DELETE FROM %1 WHERE %2 = ? AND tag_id = ?")
                                            .arg(QLatin1String(table.table), QLatin1String(table.column)),
                                        {targetId, tagId});
            !deleted)
            return deleted.error();
        if (query.numRowsAffected() > 0)
            changed.append(targetId);
    }
    return scope.commit(!changed.isEmpty());
}

QList<Tag> TagRepository::tagsOf(TagTarget target, qint64 targetId) const
{
    const TaggingTable &table = tableOf(target);
    const QList<qint64> tagIds = ids(m_library.database(),
                                     QStringLiteral("SELECT tag_id FROM %1 WHERE %2 = ?")
                                         .arg(QLatin1String(table.table), QLatin1String(table.column)),
                                     {targetId});
    QList<Tag> result;
    for (const Tag &t : list()) {
        if (tagIds.contains(t.id))
            result.append(t);
    }
    return result;
}

QList<Tag> TagRepository::tagsOfArticle(qint64 articleId) const
{
    return tagsOf(TagTarget::Article, articleId);
}
QList<Tag> TagRepository::tagsOfBlock(qint64 blockId) const
{
    return tagsOf(TagTarget::Block, blockId);
}
QHash<qint64, QList<Tag>> TagRepository::tagsOfBlocksOfArticle(qint64 articleId) const
{
    QHash<qint64, QList<qint64>> tagIds;
    QSqlQuery query(m_library.database());
    dialect::readForwardOnly(query);
    query.prepare(QStringLiteral("SELECT bt.block_id, bt.tag_id FROM block_tags bt "
                                 "JOIN blocks b ON b.id = bt.block_id WHERE b.article_id = ?"));
    query.addBindValue(articleId);
    if (!query.exec()) {
        qCWarning(lcStore).noquote() << "tagsOfBlocksOfArticle:" << query.lastError().text();
        return {};
    }
    while (query.next())
        tagIds[query.value(0).toLongLong()].append(query.value(1).toLongLong());
    QHash<qint64, QList<Tag>> result;
    if (tagIds.isEmpty())
        return result;
    for (const Tag &tag : list()) { // in list() order
        for (auto it = tagIds.cbegin(); it != tagIds.cend(); ++it) {
            if (it.value().contains(tag.id))
                result[it.key()].append(tag);
        }
    }
    return result;
}
QList<Tag> TagRepository::tagsOfHighlight(qint64 highlightId) const
{
    return tagsOf(TagTarget::Highlight, highlightId);
}
QList<Tag> TagRepository::tagsOfNote(qint64 noteId) const
{
    return tagsOf(TagTarget::Note, noteId);
}

} // namespace dubao
