// What a team library tells its other clients when a transaction commits (issue 13): one
// pg_notify('dubao_changes', payload) sent inside every committed write transaction on PostgreSQL, so that it is
// delivered only if the commit happens. The payload is a small JSON object:
//
//     {"kinds":["note","tag"],"added":["note"],"articles":[12,40],"issues":[3],"pid":4711,"user":"rita"}
//
// `kinds` says what changed (note, highlight, tag, notebook, correction, issue), `added` those of them of which rows
// were only inserted (a note added, not edited or deleted), `articles` and `issues` the ids
// whose rows the transaction inserted or updated, or the string "many" when they are not known (a deletion, more
// than maxIds(), or too costly to find), `pid` the sender's server backend (a listener ignores its own) and `user`
// the server role that wrote. SQLite libraries send nothing.
#pragma once

#include "core/model/result.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

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
    QList<qint64> articleIds;
    QList<qint64> issueIds;
    /// True when the articles (issues) changed are not all listed: whatever is shown may have changed.
    bool manyArticles = false;
    bool manyIssues = false;
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

/// On a team library, inside the outermost transaction just before it commits: finds what the transaction wrote
/// and sends one notification on channel(). Nothing when it wrote nothing (no transaction id assigned) and on
/// SQLite. Called by sql::beforeCommit(), the store's one commit seam.
Result<void> announce(QSqlDatabase db);

/// What announce() would send for the open transaction, without sending it (for tests and the bench).
Result<ChangeNotice> pending(QSqlDatabase db);

} // namespace dubao::changes
