// What a team library tells its other clients when a transaction commits (issue 13): one
// pg_notify('dubao_changes', payload) sent inside every committed write transaction on PostgreSQL, so that it is
// delivered only if the commit happens. The payload is a small JSON object:
//
//     {"kinds":["note","tag"],"added":["note"],"articles":[12,40],"issues":[3],"pid":4711,"user":"rita"}
//     {"kinds":["note"],"deleted":["note"],"rows":[{"kind":"note","id":5,"article":12}],"articles":[12],...}
//
// `kinds` says what changed (note, highlight, tag, notebook, correction, issue), `added` those of them of which rows
// were only inserted (a note added, not edited or deleted), `deleted` those of which rows were deleted, `articles`
// and `issues` the ids whose rows the transaction inserted, updated or deleted, or the string "many" when they are not
// known (more than maxIds(), rows of an import, or too costly to find), `rows` the annotation rows deleted — each
// note, highlight, correction and tagging (a tagging's id is its tag's), with its article — as the server recorded
// them (schema v21, changedeletions.h: whoever deleted them and however), `pid` the sender's server backend (a listener
// ignores its own) and `user` the server role that wrote. SQLite libraries send nothing.
#pragma once

#include "core/model/result.h"
#include "core/store/changedeletions.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace dubao::changes {

/// The notification channel every team library client listens to.
inline constexpr const char *channel = "dubao_changes";

/// The most ids a payload lists per kind of id; more are sent as "many".
constexpr int maxIds()
{
    return 64;
}

struct ChangeNotice
{
    QStringList kinds;
    /// The kinds of which rows were only inserted (a note added, an issue imported), not changed or deleted.
    QStringList added;
    /// The kinds of which rows were deleted (a note deleted, a tag taken off).
    QStringList deleted;
    QList<qint64> articleIds;
    QList<qint64> issueIds;
    /// True when the articles (issues) changed are not all listed: whatever is shown may have changed.
    bool manyArticles = false;
    bool manyIssues = false;
    /// The annotation rows deleted (at most maxIds(); none listed when there were more).
    QList<DeletedRow> deletedRows;
    qint64 pid = 0;
    QString user;

    bool isValid() const { return pid > 0 && !kinds.isEmpty(); }
    bool touchesArticle(qint64 articleId) const { return manyArticles || articleIds.contains(articleId); }
    bool has(const QString &kind) const { return kinds.contains(kind); }
    QByteArray toJson() const;
    /// The notice a payload describes; an invalid one (isValid() false) for anything else.
    static ChangeNotice fromJson(const QByteArray &payload);
};

/// On a team library, right after its outermost transaction began (sql::WriteScope): remembers the connection's
/// write counts, so that announce() tells what this transaction wrote from what earlier ones did.
void begin(QSqlDatabase db);

/// On a team library, inside a write transaction, just before it deletes rows of `table` (notes, highlights,
/// corrections or a tagging table: article_tags, block_tags, note_tags, highlight_tags): the rows `where` selects
/// (a condition on the table as `t`, its '?' bound to `values`). Their articles and issues are looked up now (they
/// are gone at the commit), so that the notice names them; deletions of a table that were not all declared so make
/// the notice say "many". Nothing on SQLite.
void deleting(QSqlDatabase db, const QString &table, const QString &where, const QVariantList &values);

/// The same just after it inserted or updated rows of such a table (a note added or edited, a tagging added): a
/// table whose rows written by the transaction were all declared so is not searched at the commit, a search whose
/// cost grows with the table (the rows' transaction ids are not indexed: issue 13's bench_notices).
void written(QSqlDatabase db, const QString &table, const QString &where, const QVariantList &values);

/// On a team library, inside the outermost transaction just before it commits: finds what the transaction wrote
/// and sends one notification on channel(). Nothing when it wrote nothing (no transaction id assigned) and on
/// SQLite. Called by sql::beforeCommit(), the store's one commit seam.
Result<void> announce(QSqlDatabase db);

/// What announce() would send for the open transaction, without sending it (for tests and the bench).
Result<ChangeNotice> pending(QSqlDatabase db);

} // namespace dubao::changes
