// dubao:// links and what they point at now. A link names a block or an article by its uid (dubao://block/<UUID>,
// the stable form every export writes) or by its integer id (dubao://block/5, the older form, valid only in the
// library that made it). The resolver follows the lineage a re-parse or replace recorded, so a link to a paragraph
// that was split, joined or removed still says where its text went (docs/schema.md, "Stable identities").
#pragma once

#include "core/model/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace dubao {

class Library;

struct DubaoLink
{
    enum class Kind
    {
        Block,
        Article,
    };
    Kind kind = Kind::Block;
    qint64 id = 0;  ///< the integer form, or 0
    QByteArray uid; ///< the uid form (16 bytes), or empty
    int start = -1; ///< ?start=N&end=M on a block link (a span), or -1
    int end = -1;

    /// Parses dubao://block/ID, dubao://block/UUID, dubao://article/ID and dubao://article/UUID, with an optional
    /// ?start=N&end=M; nullopt for anything else.
    static std::optional<DubaoLink> parse(QStringView link);
    /// dubao://block/<uuid> (canonical lowercase UUID text).
    static QString blockLink(const QByteArray &uid);
    static QString articleLink(const QByteArray &uid);
};

struct ResolvedLink
{
    enum class Status
    {
        Current, ///< the block or article is there, as it was
        Split,   ///< it is there, but a re-parse split part of it off into `otherBlockIds` / `otherArticleIds`
        Joined,  ///< it was joined into another: blockId/articleId is the one holding its text now
        Removed, ///< no longer in the issue (issueId says which issue it was in, when that is still there)
        Unknown, ///< not in this library
    };
    DubaoLink::Kind kind = DubaoLink::Kind::Block;
    Status status = Status::Unknown;
    qint64 blockId = 0; ///< the block now (block links; 0 when removed or unknown)
    QByteArray blockUid;
    qint64 articleId = 0; ///< the article now (of the block, for a block link)
    QByteArray articleUid;
    qint64 issueId = 0;
    QList<qint64> otherBlockIds;   ///< Split: the parts split off
    QList<qint64> otherArticleIds; ///< Split (article links)
    int hops = 0;                  ///< lineage rows followed

    bool found() const { return status != Status::Unknown && status != Status::Removed; }
};

/// "current", "split", "joined", "removed", "unknown" (the JSON of dubao-cli resolve).
QString resolvedStatusName(ResolvedLink::Status status);

/// Messages are English; an application that installs a translator gets them translated (context
/// "dubao::LinkResolver").
class LinkResolver final
{
    Q_DECLARE_TR_FUNCTIONS(dubao::LinkResolver)

public:
    explicit LinkResolver(Library &library);

    /// What `link` points at now. Fails only for text that is not a dubao:// link or when the library cannot be
    /// read; a link to something not in this library is Status::Unknown.
    Result<ResolvedLink> resolve(QStringView link);
    Result<ResolvedLink> resolve(const DubaoLink &link);

    /// A sentence for the user about a resolved link that is not Current: "This paragraph was split; ...".
    static QString describe(const ResolvedLink &resolved);

private:
    Library &m_library;
};

/// The uids of rows by id, for the exports: `table` is one of issues, articles, blocks, tags, highlights, notes,
/// notebooks. Ids without a row (or a uid) are left out.
QHash<qint64, QByteArray> uidsOf(Library &library, const char *table, const QList<qint64> &ids);

} // namespace dubao
