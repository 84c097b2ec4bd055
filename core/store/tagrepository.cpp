// SQL for tags and taggings (schema v2, docs/schema.md). Listing order is ICU's Chinese collation.
#include "core/store/tagrepository.h"

#include "core/store/library.h"
#include "core/store/sql.h"

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

/// Trimmed, NFC; a null QString with `error` set when not acceptable.
QString cleanName(const QString &name, QString *error)
{
    const QString clean = name.trimmed().normalized(QString::NormalizationForm_C);
    auto refuse = [&](const QString &why) {
        if (error)
            *error = why;
        return QString();
    };
    if (clean.isEmpty())
        return refuse(QStringLiteral("a tag name cannot be empty"));
    if (clean.contains(u'/'))
        return refuse(QStringLiteral("a tag name cannot contain '/' (it separates parent and child)"));
    if (clean.size() > kMaxTagName)
        return refuse(QStringLiteral("a tag name can have at most %1 characters").arg(kMaxTagName));
    for (const QChar c : clean) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Separator_Line ||
            c.category() == QChar::Separator_Paragraph)
            return refuse(QStringLiteral("a tag name cannot contain control characters or line breaks"));
    }
    return clean;
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

std::optional<Tag> TagRepository::create(const QString &name, qint64 parentId, const QString &color, QString *error)
{
    QSqlDatabase db = m_library.database();
    const QString clean = cleanName(name, error);
    if (clean.isNull())
        return std::nullopt;
    QString hex = color.isEmpty() ? QString() : normalizeColor(color);
    if (!color.isEmpty() && hex.isNull()) {
        fail(error, QStringLiteral("'%1' is not a colour (write #RRGGBB)").arg(color));
        return std::nullopt;
    }
    WriteScope scope(db);
    if (!scope.isActive()) {
        fail(error, scope.error());
        return std::nullopt;
    }
    if (parentId != 0 && !tag(parentId)) {
        fail(error, QStringLiteral("no tag with id %1").arg(parentId));
        return std::nullopt;
    }
    if (scalar(db, QStringLiteral("SELECT count(*) FROM tags WHERE ifnull(parent_id, 0) = ? AND name = ?"),
               {parentId, clean})
            .toInt() > 0) {
        fail(error, QStringLiteral("a tag named '%1' already exists there").arg(clean));
        return std::nullopt;
    }
    if (hex.isNull())
        hex = palette().at(scalar(db, QStringLiteral("SELECT count(*) FROM tags")).toInt() % palette().size());
    QSqlQuery query(db);
    const QString now = nowUtc();
    if (!exec(query, QStringLiteral("INSERT INTO tags (name, parent_id, color, created_at) VALUES (?, ?, ?, ?)"),
              {clean, idOrNull(parentId), hex, now}, error) ||
        !scope.commit(error))
        return std::nullopt;
    return tag(query.lastInsertId().toLongLong());
}

std::optional<Tag> TagRepository::tag(qint64 id) const
{
    QSqlQuery query(m_library.database());
    query.setForwardOnly(true);
    if (!exec(query, QStringLiteral("SELECT %1 FROM tags WHERE id = ?").arg(QLatin1String(kTagColumns)), {id},
              nullptr) ||
        !query.next())
        return std::nullopt;
    Tag result = tagFromQuery(query);
    query.finish();
    // The path, walking up (depth is small; a cycle cannot be stored, but stop anyway).
    QStringList parts{result.name};
    qint64 parent = result.parentId;
    for (int depth = 0; parent != 0 && depth < 64; ++depth) {
        QSqlQuery up(m_library.database());
        if (!exec(up, QStringLiteral("SELECT name, parent_id FROM tags WHERE id = ?"), {parent}, nullptr) || !up.next())
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
                   QStringLiteral("SELECT id FROM tags WHERE ifnull(parent_id, 0) = ? AND name = ?"), {parent, name});
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
    query.setForwardOnly(true);
    if (!exec(query, QStringLiteral("SELECT %1 FROM tags").arg(QLatin1String(kTagColumns)), {}, nullptr))
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
                               QStringLiteral("WITH RECURSIVE sub(id) AS (SELECT ? UNION "
                                              "SELECT t.id FROM tags t JOIN sub ON t.parent_id = sub.id) "
                                              "SELECT id FROM sub WHERE id IN (SELECT id FROM tags)"),
                               {id});
    return result;
}

std::optional<QString> TagRepository::rename(qint64 id, const QString &name, QString *error)
{
    const QString clean = cleanName(name, error);
    if (clean.isNull())
        return std::nullopt;
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    const std::optional<Tag> current = tag(id);
    if (!current) {
        fail(error, QStringLiteral("no tag with id %1").arg(id));
        return std::nullopt;
    }
    if (clean != current->name &&
        scalar(db, QStringLiteral("SELECT count(*) FROM tags WHERE ifnull(parent_id, 0) = ? AND name = ? AND id <> ?"),
               {current->parentId, clean, id})
                .toInt() > 0) {
        fail(error, QStringLiteral("a tag named '%1' already exists there").arg(clean));
        return std::nullopt;
    }
    if (!exec(db, QStringLiteral("UPDATE tags SET name = ? WHERE id = ?"), {clean, id}, error) || !scope.commit(error))
        return std::nullopt;
    return current->name;
}

std::optional<QString> TagRepository::recolor(qint64 id, const QString &color, QString *error)
{
    const QString hex = normalizeColor(color);
    if (hex.isNull()) {
        fail(error, QStringLiteral("'%1' is not a colour (write #RRGGBB)").arg(color));
        return std::nullopt;
    }
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    const std::optional<Tag> current = tag(id);
    if (!current) {
        fail(error, QStringLiteral("no tag with id %1").arg(id));
        return std::nullopt;
    }
    if (!exec(db, QStringLiteral("UPDATE tags SET color = ? WHERE id = ?"), {hex, id}, error) || !scope.commit(error))
        return std::nullopt;
    return current->color;
}

std::optional<qint64> TagRepository::move(qint64 id, qint64 parentId, QString *error)
{
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    const std::optional<Tag> current = tag(id);
    if (!current) {
        fail(error, QStringLiteral("no tag with id %1").arg(id));
        return std::nullopt;
    }
    if (parentId != 0) {
        if (!tag(parentId)) {
            fail(error, QStringLiteral("no tag with id %1").arg(parentId));
            return std::nullopt;
        }
        if (subtree(id).contains(parentId)) {
            fail(error, QStringLiteral("cannot move a tag under itself or one of its children"));
            return std::nullopt;
        }
    }
    if (scalar(db, QStringLiteral("SELECT count(*) FROM tags WHERE ifnull(parent_id, 0) = ? AND name = ? AND id <> ?"),
               {parentId, current->name, id})
            .toInt() > 0) {
        fail(error, QStringLiteral("a tag named '%1' already exists there").arg(current->name));
        return std::nullopt;
    }
    if (!exec(db, QStringLiteral("UPDATE tags SET parent_id = ? WHERE id = ?"), {idOrNull(parentId), id}, error) ||
        !scope.commit(error))
        return std::nullopt;
    return current->parentId;
}

Taggings TagRepository::taggings(qint64 tagId) const
{
    QSqlDatabase db = m_library.database();
    Taggings t;
    t.articles = ids(db, QStringLiteral("SELECT article_id FROM article_tags WHERE tag_id = ? ORDER BY 1"), {tagId});
    t.blocks = ids(db, QStringLiteral("SELECT block_id FROM block_tags WHERE tag_id = ? ORDER BY 1"), {tagId});
    t.highlights =
        ids(db, QStringLiteral("SELECT highlight_id FROM highlight_tags WHERE tag_id = ? ORDER BY 1"), {tagId});
    t.notes = ids(db, QStringLiteral("SELECT note_id FROM note_tags WHERE tag_id = ? ORDER BY 1"), {tagId});
    return t;
}

namespace {

struct TaggingTable
{
    const char *table;
    const char *column;
    QList<qint64> Taggings::*list;
};

const TaggingTable kTaggingTables[] = {
    {"article_tags", "article_id", &Taggings::articles},
    {"block_tags", "block_id", &Taggings::blocks},
    {"highlight_tags", "highlight_id", &Taggings::highlights},
    {"note_tags", "note_id", &Taggings::notes},
};

bool hasCreatedAt(const TaggingTable &table)
{
    return qstrcmp(table.table, "article_tags") == 0 || qstrcmp(table.table, "block_tags") == 0;
}

/// Inserts (tagId, each id) into one tagging table; `added` receives the ids that were not tagged yet.
bool insertTaggings(QSqlDatabase db, const TaggingTable &table, qint64 tagId, const QList<qint64> &targets,
                    QList<qint64> *added, QString *error)
{
    const QString now = nowUtc();
    for (const qint64 target : targets) {
        QSqlQuery query(db);
        const QString sql = hasCreatedAt(table)
                                ? QStringLiteral("INSERT OR IGNORE INTO %1 (%2, tag_id, created_at) VALUES (?, ?, ?)")
                                : QStringLiteral("INSERT OR IGNORE INTO %1 (%2, tag_id) VALUES (?, ?)");
        QVariantList values{target, tagId};
        if (hasCreatedAt(table))
            values.append(now);
        if (!exec(query, sql.arg(QLatin1String(table.table), QLatin1String(table.column)), values, error))
            return false;
        if (added && query.numRowsAffected() > 0)
            added->append(target);
    }
    return true;
}

} // namespace

std::optional<TagMerge> TagRepository::merge(qint64 from, qint64 into, QString *error)
{
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    const std::optional<Tag> source = tag(from);
    const std::optional<Tag> target = tag(into);
    if (!source || !target) {
        fail(error, QStringLiteral("no tag with id %1").arg(source ? into : from));
        return std::nullopt;
    }
    if (from == into) {
        fail(error, QStringLiteral("cannot merge a tag into itself"));
        return std::nullopt;
    }
    if (subtree(from).contains(into)) {
        fail(error, QStringLiteral("cannot merge a tag into one of its own children"));
        return std::nullopt;
    }
    TagMerge merge;
    merge.from = *source;
    merge.into = into;
    merge.children = ids(db, QStringLiteral("SELECT id FROM tags WHERE parent_id = ? ORDER BY id"), {from});
    if (const QVariant clash = scalar(db,
                                      QStringLiteral("SELECT a.name FROM tags a JOIN tags b ON a.name = b.name "
                                                     "WHERE a.parent_id = ? AND b.parent_id = ? LIMIT 1"),
                                      {from, into});
        clash.isValid()) {
        fail(error, QStringLiteral("cannot merge: both tags have a child named '%1'").arg(clash.toString()));
        return std::nullopt;
    }
    merge.fromTaggings = taggings(from);
    for (const TaggingTable &table : kTaggingTables) {
        if (!insertTaggings(db, table, into, merge.fromTaggings.*(table.list), &(merge.addedInto.*(table.list)), error))
            return std::nullopt;
    }
    if (!exec(db, QStringLiteral("UPDATE tags SET parent_id = ? WHERE parent_id = ?"), {into, from}, error) ||
        !exec(db, QStringLiteral("DELETE FROM tags WHERE id = ?"), {from}, error) || !scope.commit(error))
        return std::nullopt;
    return merge;
}

bool TagRepository::unmerge(const TagMerge &merge, QString *error)
{
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    if (!scope.isActive())
        return fail(error, scope.error());
    if (!exec(db, QStringLiteral("INSERT INTO tags (id, name, parent_id, color, created_at) VALUES (?, ?, ?, ?, ?)"),
              {merge.from.id, merge.from.name, idOrNull(merge.from.parentId), merge.from.color,
               timeToText(merge.from.createdAt)},
              error))
        return false;
    for (const qint64 child : merge.children) {
        if (!exec(db, QStringLiteral("UPDATE tags SET parent_id = ? WHERE id = ?"), {merge.from.id, child}, error))
            return false;
    }
    for (const TaggingTable &table : kTaggingTables) {
        if (!insertTaggings(db, table, merge.from.id, merge.fromTaggings.*(table.list), nullptr, error))
            return false;
        for (const qint64 target : merge.addedInto.*(table.list)) {
            if (!exec(db,
                      QStringLiteral("DELETE FROM %1 WHERE %2 = ? AND tag_id = ?")
                          .arg(QLatin1String(table.table), QLatin1String(table.column)),
                      {target, merge.into}, error))
                return false;
        }
    }
    return scope.commit(error);
}

std::optional<TagDeletion> TagRepository::remove(qint64 id, QString *error)
{
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    const std::optional<Tag> current = tag(id);
    if (!current) {
        fail(error, QStringLiteral("no tag with id %1").arg(id));
        return std::nullopt;
    }
    TagDeletion deletion;
    deletion.tag = *current;
    deletion.children = ids(db, QStringLiteral("SELECT id FROM tags WHERE parent_id = ? ORDER BY id"), {id});
    deletion.taggings = taggings(id);
    if (const QVariant clash = scalar(db,
                                      QStringLiteral("SELECT a.name FROM tags a JOIN tags b ON a.name = b.name "
                                                     "WHERE a.parent_id = ? AND ifnull(b.parent_id, 0) = ? "
                                                     "AND b.id <> ? LIMIT 1"),
                                      {id, current->parentId, id});
        clash.isValid()) {
        fail(error, QStringLiteral("cannot delete: its child '%1' would clash with a tag of the same name")
                        .arg(clash.toString()));
        return std::nullopt;
    }
    for (const TaggingTable &table : kTaggingTables) {
        if (!exec(db, QStringLiteral("DELETE FROM %1 WHERE tag_id = ?").arg(QLatin1String(table.table)), {id}, error))
            return std::nullopt;
    }
    if (!exec(db, QStringLiteral("UPDATE tags SET parent_id = ? WHERE parent_id = ?"),
              {idOrNull(current->parentId), id}, error) ||
        !exec(db, QStringLiteral("DELETE FROM tags WHERE id = ?"), {id}, error) || !scope.commit(error))
        return std::nullopt;
    return deletion;
}

bool TagRepository::restore(const TagDeletion &deletion, QString *error)
{
    QSqlDatabase db = m_library.database();
    WriteScope scope(db);
    if (!scope.isActive())
        return fail(error, scope.error());
    const Tag &t = deletion.tag;
    if (!exec(db, QStringLiteral("INSERT INTO tags (id, name, parent_id, color, created_at) VALUES (?, ?, ?, ?, ?)"),
              {t.id, t.name, idOrNull(t.parentId), t.color, timeToText(t.createdAt)}, error))
        return false;
    for (const qint64 child : deletion.children) {
        if (!exec(db, QStringLiteral("UPDATE tags SET parent_id = ? WHERE id = ?"), {t.id, child}, error))
            return false;
    }
    for (const TaggingTable &table : kTaggingTables) {
        if (!insertTaggings(db, table, t.id, deletion.taggings.*(table.list), nullptr, error))
            return false;
    }
    return scope.commit(error);
}

namespace {

bool applyTag(Library &library, const TaggingTable &table, const char *targetTable, qint64 tagId, qint64 targetId,
              bool add, QString *error)
{
    QSqlDatabase db = library.database();
    WriteScope scope(db);
    if (!scope.isActive())
        return fail(error, scope.error());
    if (!scalar(db, QStringLiteral("SELECT 1 FROM tags WHERE id = ?"), {tagId}).isValid())
        return fail(error, QStringLiteral("no tag with id %1").arg(tagId));
    if (!scalar(db, QStringLiteral("SELECT 1 FROM %1 WHERE id = ?").arg(QLatin1String(targetTable)), {targetId})
             .isValid()) {
        QString what = QString::fromLatin1(targetTable);
        what.chop(1);
        return fail(error, QStringLiteral("no %1 with id %2").arg(what).arg(targetId));
    }
    QList<qint64> added;
    if (add) {
        if (!insertTaggings(db, table, tagId, {targetId}, &added, error))
            return false;
    } else {
        QSqlQuery query(db);
        if (!exec(query,
                  QStringLiteral("DELETE FROM %1 WHERE %2 = ? AND tag_id = ?")
                      .arg(QLatin1String(table.table), QLatin1String(table.column)),
                  {targetId, tagId}, error))
            return false;
        if (query.numRowsAffected() > 0)
            added.append(targetId);
    }
    if (error)
        error->clear();
    return scope.commit(error) && !added.isEmpty();
}

QList<Tag> tagsOf(const TagRepository &repository, Library &library, const char *table, const char *column, qint64 id)
{
    QList<Tag> result;
    const QList<qint64> tagIds = ids(
        library.database(),
        QStringLiteral("SELECT tag_id FROM %1 WHERE %2 = ?").arg(QLatin1String(table), QLatin1String(column)), {id});
    for (const Tag &t : repository.list()) {
        if (tagIds.contains(t.id))
            result.append(t);
    }
    return result;
}

} // namespace

bool TagRepository::tagArticle(qint64 tagId, qint64 articleId, QString *error)
{
    return applyTag(m_library, kTaggingTables[0], "articles", tagId, articleId, true, error);
}
bool TagRepository::untagArticle(qint64 tagId, qint64 articleId, QString *error)
{
    return applyTag(m_library, kTaggingTables[0], "articles", tagId, articleId, false, error);
}
bool TagRepository::tagBlock(qint64 tagId, qint64 blockId, QString *error)
{
    return applyTag(m_library, kTaggingTables[1], "blocks", tagId, blockId, true, error);
}
bool TagRepository::untagBlock(qint64 tagId, qint64 blockId, QString *error)
{
    return applyTag(m_library, kTaggingTables[1], "blocks", tagId, blockId, false, error);
}
bool TagRepository::tagHighlight(qint64 tagId, qint64 highlightId, QString *error)
{
    return applyTag(m_library, kTaggingTables[2], "highlights", tagId, highlightId, true, error);
}
bool TagRepository::untagHighlight(qint64 tagId, qint64 highlightId, QString *error)
{
    return applyTag(m_library, kTaggingTables[2], "highlights", tagId, highlightId, false, error);
}
bool TagRepository::tagNote(qint64 tagId, qint64 noteId, QString *error)
{
    return applyTag(m_library, kTaggingTables[3], "notes", tagId, noteId, true, error);
}
bool TagRepository::untagNote(qint64 tagId, qint64 noteId, QString *error)
{
    return applyTag(m_library, kTaggingTables[3], "notes", tagId, noteId, false, error);
}

QList<Tag> TagRepository::tagsOfArticle(qint64 articleId) const
{
    return tagsOf(*this, m_library, "article_tags", "article_id", articleId);
}
QList<Tag> TagRepository::tagsOfBlock(qint64 blockId) const
{
    return tagsOf(*this, m_library, "block_tags", "block_id", blockId);
}
QHash<qint64, QList<Tag>> TagRepository::tagsOfBlocksOfArticle(qint64 articleId) const
{
    QHash<qint64, QList<qint64>> tagIds;
    QSqlQuery query(m_library.database());
    query.setForwardOnly(true);
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
    return tagsOf(*this, m_library, "highlight_tags", "highlight_id", highlightId);
}
QList<Tag> TagRepository::tagsOfNote(qint64 noteId) const
{
    return tagsOf(*this, m_library, "note_tags", "note_id", noteId);
}

} // namespace dubao
