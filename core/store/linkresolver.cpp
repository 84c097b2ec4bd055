// Resolving dubao:// links through uids, ids and lineage (linkresolver.h).
#include "core/store/linkresolver.h"

#include "core/store/dialect.h"
#include "core/store/library.h"
#include "core/store/sql.h"
#include "core/store/uid.h"

#include <QSet>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>

namespace dubao {

using namespace sql;

std::optional<DubaoLink> DubaoLink::parse(QStringView text)
{
    const QUrl url(text.trimmed().toString());
    if (!url.isValid() || url.scheme() != QLatin1String("dubao"))
        return std::nullopt;
    DubaoLink link;
    if (url.host() == QLatin1String("block"))
        link.kind = Kind::Block;
    else if (url.host() == QLatin1String("article"))
        link.kind = Kind::Article;
    else
        return std::nullopt;
    QString key = url.path();
    if (key.startsWith(u'/'))
        key.remove(0, 1);
    if (key.isEmpty() || key.contains(u'/'))
        return std::nullopt;
    bool isNumber = false;
    const qint64 id = key.toLongLong(&isNumber);
    if (isNumber && id > 0 && key.size() < 19) {
        link.id = id;
    } else if (const auto uid = uid::fromText(key)) {
        link.uid = *uid;
    } else {
        return std::nullopt;
    }
    const QUrlQuery query(url);
    if (link.kind == Kind::Block && query.hasQueryItem(QStringLiteral("start"))) {
        bool okStart = false;
        bool okEnd = false;
        link.start = query.queryItemValue(QStringLiteral("start")).toInt(&okStart);
        link.end = query.queryItemValue(QStringLiteral("end")).toInt(&okEnd);
        if (!okStart || !okEnd || link.start < 0 || link.end < link.start)
            link.start = link.end = -1;
    }
    return link;
}

QString DubaoLink::blockLink(const QByteArray &uid)
{
    return QStringLiteral("dubao://block/") + uid::toText(uid);
}

QString DubaoLink::articleLink(const QByteArray &uid)
{
    return QStringLiteral("dubao://article/") + uid::toText(uid);
}

QString resolvedStatusName(ResolvedLink::Status status)
{
    switch (status) {
    case ResolvedLink::Status::Current:
        return QStringLiteral("current");
    case ResolvedLink::Status::Split:
        return QStringLiteral("split");
    case ResolvedLink::Status::Joined:
        return QStringLiteral("joined");
    case ResolvedLink::Status::Removed:
        return QStringLiteral("removed");
    case ResolvedLink::Status::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

LinkResolver::LinkResolver(Library &library)
    : m_library(library)
{}

Result<ResolvedLink> LinkResolver::resolve(QStringView text)
{
    const std::optional<DubaoLink> link = DubaoLink::parse(text);
    if (!link)
        return Error(tr("not a dubao:// link: %1").arg(text.toString()));
    return resolve(*link);
}

namespace {

struct Names
{
    const char *table;
    const char *lineage;
};

/// The row now: id, uid, and (for a block) its article and issue; (for an article) its issue.
bool currentRow(QSqlDatabase db, bool block, const QString &column, const QVariant &key, ResolvedLink &r)
{
    QSqlQuery q(db);
    const QString sql =
        block ? QStringLiteral("SELECT b.id, b.uid, a.id, a.uid, a.issue_id FROM blocks b JOIN articles a ON a.id = "
                               "b.article_id WHERE b.%1 = ?")
                    .arg(column)
              : QStringLiteral("SELECT NULL, NULL, a.id, a.uid, a.issue_id FROM articles a WHERE a.%1 = ?").arg(column);
    if (!select(q, sql, {key}) || !q.next())
        return false;
    r.blockId = q.value(0).toLongLong();
    r.blockUid = q.value(1).toByteArray();
    r.articleId = q.value(2).toLongLong();
    r.articleUid = q.value(3).toByteArray();
    r.issueId = q.value(4).toLongLong();
    return true;
}

} // namespace

Result<ResolvedLink> LinkResolver::resolve(const DubaoLink &link)
{
    QSqlDatabase db = m_library.database();
    if (!db.isOpen())
        return Error(Store::tr("the library is not open"));
    const bool block = link.kind == DubaoLink::Kind::Block;
    const QString lineage = block ? QStringLiteral("block_lineage") : QStringLiteral("article_lineage");
    ResolvedLink r;
    r.kind = link.kind;

    // The row itself, by uid (or by id: the older links).
    QByteArray key = link.uid;
    qint64 keyId = link.id;
    if (!key.isEmpty() ? currentRow(db, block, QStringLiteral("uid"), key, r)
                       : currentRow(db, block, QStringLiteral("id"), keyId, r)) {
        r.status = ResolvedLink::Status::Current;
        key = block ? r.blockUid : r.articleUid;
    } else {
        // Gone: follow its lineage (joined into another, split and later joined, removed), newest row first,
        // until a row that exists now.
        QSet<QByteArray> seen;
        for (int hop = 0; hop < 32; ++hop) {
            QSqlQuery q(db);
            const Result<void> read =
                !key.isEmpty()
                    ? select(q,
                             QStringLiteral("SELECT kind, new_uid, issue_id FROM %1 WHERE old_uid = ? "
                                            "ORDER BY kind = 'split', id DESC LIMIT 1")
                                 .arg(lineage),
                             {key})
                    : select(q,
                             QStringLiteral("SELECT kind, new_uid, issue_id, old_uid FROM %1 WHERE old_id = ? "
                                            "ORDER BY kind = 'split', id DESC LIMIT 1")
                                 .arg(lineage),
                             {keyId});
            if (!read)
                return read.error();
            if (!q.next())
                break;
            const QString kind = q.value(0).toString();
            const QByteArray next = q.value(1).toByteArray();
            r.issueId = q.value(2).toLongLong();
            if (key.isEmpty())
                key = q.value(3).toByteArray();
            ++r.hops;
            if (r.status == ResolvedLink::Status::Unknown || r.status == ResolvedLink::Status::Current)
                r.status =
                    kind == QLatin1String("removed") ? ResolvedLink::Status::Removed : ResolvedLink::Status::Joined;
            if (kind == QLatin1String("removed") || next.isEmpty() || seen.contains(next)) {
                r.status = ResolvedLink::Status::Removed;
                break;
            }
            seen.insert(key);
            key = next;
            const qint64 issueId = r.issueId;
            if (currentRow(db, block, QStringLiteral("uid"), key, r)) {
                if (r.status == ResolvedLink::Status::Removed)
                    r.status = ResolvedLink::Status::Joined;
                break;
            }
            r.issueId = issueId;
        }
        if (r.status == ResolvedLink::Status::Removed) {
            r.blockId = 0;
            r.blockUid.clear();
            if (block) {
                r.articleId = 0;
                r.articleUid.clear();
            }
        }
        if (r.status != ResolvedLink::Status::Joined || (block ? r.blockId : r.articleId) == 0) {
            if (r.status == ResolvedLink::Status::Joined)
                r.status = ResolvedLink::Status::Removed;
            if (r.hops == 0)
                r.status = ResolvedLink::Status::Unknown;
            return r;
        }
        key = block ? r.blockUid : r.articleUid;
    }

    // Parts split off the row that is there now.
    QSqlQuery parts(db);
    if (Result<void> read = select(parts,
                                   QStringLiteral("SELECT l.new_uid FROM %1 l WHERE l.old_uid = ? AND l.kind = 'split' "
                                                  "ORDER BY l.id")
                                       .arg(lineage),
                                   {key});
        !read)
        return read.error();
    QList<qint64> others;
    while (parts.next()) {
        const QVariant id = scalar(db,
                                   block ? QStringLiteral("SELECT id FROM blocks WHERE uid = ?")
                                         : QStringLiteral("SELECT id FROM articles WHERE uid = ?"),
                                   {parts.value(0)});
        if (id.isValid() && !others.contains(id.toLongLong()))
            others.append(id.toLongLong());
    }
    if (!others.isEmpty()) {
        (block ? r.otherBlockIds : r.otherArticleIds) = others;
        if (r.status == ResolvedLink::Status::Current)
            r.status = ResolvedLink::Status::Split;
    }
    return r;
}

QString LinkResolver::describe(const ResolvedLink &r)
{
    const bool block = r.kind == DubaoLink::Kind::Block;
    switch (r.status) {
    case ResolvedLink::Status::Current:
        return {};
    case ResolvedLink::Status::Split:
        return block ? tr("This paragraph was split; its other parts follow it.")
                     : tr("This article was split; its other parts are separate articles now.");
    case ResolvedLink::Status::Joined:
        return block ? tr("This paragraph was joined with another; showing the paragraph that holds its text.")
                     : tr("This article was joined with another; showing the article that holds its text.");
    case ResolvedLink::Status::Removed:
        return block ? tr("This paragraph is no longer in the issue.") : tr("This article is no longer in the issue.");
    case ResolvedLink::Status::Unknown:
        break;
    }
    return block ? tr("No such paragraph in this library.") : tr("No such article in this library.");
}

QHash<qint64, QByteArray> uidsOf(Library &library, const char *table, const QList<qint64> &ids)
{
    QHash<qint64, QByteArray> result;
    if (ids.isEmpty())
        return result;
    QString list;
    for (const qint64 id : ids) {
        if (!list.isEmpty())
            list += u',';
        list += QString::number(id);
    }
    QSqlQuery q(library.database());
    if (!select(q,
                QStringLiteral("SELECT id, uid FROM %1 WHERE id IN (%2)")
                    .arg(QLatin1String(table), dialect::idsFromJson(library.database())),
                {QVariant(QStringLiteral("[") + list + u']')}))
        return result;
    while (q.next())
        if (!q.value(1).isNull())
            result.insert(q.value(0).toLongLong(), q.value(1).toByteArray());
    return result;
}

} // namespace dubao
