// The user's corrections of the people index (person_edits): merge, split, office, false hit. Adding or removing
// one queues the articles it touches and re-extracts them; the extraction applies every edit (peopleindex.cpp).
#include "core/analysis/peopleindex.h"
#include "core/store/dialect.h"
#include "core/store/library.h"
#include "core/store/sql.h"

#include <QSqlQuery>

#include <algorithm>

namespace dubao {

QString personEditKindName(PersonEdit::Kind kind)
{
    switch (kind) {
    case PersonEdit::Kind::Merge:
        return QStringLiteral("merge");
    case PersonEdit::Kind::Split:
        return QStringLiteral("split");
    case PersonEdit::Kind::Office:
        return QStringLiteral("office");
    case PersonEdit::Kind::FalseHit:
        return QStringLiteral("false_hit");
    }
    return {};
}

std::optional<PersonEdit::Kind> personEditKindFromName(const QString &name)
{
    for (auto kind :
         {PersonEdit::Kind::Merge, PersonEdit::Kind::Split, PersonEdit::Kind::Office, PersonEdit::Kind::FalseHit})
        if (personEditKindName(kind) == name)
            return kind;
    return std::nullopt;
}

QList<PersonEdit> PeopleIndex::edits() const
{
    QList<PersonEdit> result;
    QSqlQuery q(m_library.database());
    if (!sql::select(q, QStringLiteral("SELECT id, kind, name, block_id, value FROM person_edits ORDER BY id")))
        return result;
    while (q.next()) {
        PersonEdit e;
        e.id = q.value(0).toLongLong();
        e.kind = personEditKindFromName(q.value(1).toString()).value_or(PersonEdit::Kind::Merge);
        e.name = q.value(2).toString();
        e.blockId = q.value(3).toLongLong();
        e.value = q.value(4).toString();
        result.append(e);
    }
    return result;
}

Result<void> PeopleIndex::markArticlesOf(const PersonEdit &edit)
{
    // The articles where the name appears now, under the name the text gives or the one an edit gave it.
    const QVariantList names{edit.name, edit.value};
    QSqlDatabase db = m_library.database();
    const QString sql =
        dialect::insertOrIgnore(db) +
        (edit.blockId > 0 ? QStringLiteral(" analysis_pending(article_id) SELECT article_id FROM blocks WHERE id = ?")
                          : QStringLiteral(" analysis_pending(article_id) "
                                           "SELECT DISTINCT a.article_id FROM appearances a JOIN persons p "
                                           "ON p.id = a.person_id JOIN blocks b ON b.id = a.block_id "
                                           "WHERE p.name IN (?, ?) OR %1(substr(b.text, a.sentence_start + 1, "
                                           "a.sentence_length), ?) > 0")
                                .arg(dialect::substringPosition(db))) +
        dialect::onConflictIgnore(db);
    return sql::exec(db, sql,
                     edit.blockId > 0 ? QVariantList{edit.blockId} : QVariantList{edit.name, edit.value, edit.name});
}

Result<qint64> PeopleIndex::addEdit(const PersonEdit &edit)
{
    if (edit.name.trimmed().isEmpty())
        return Error(tr("a person needs a name"));
    if ((edit.kind == PersonEdit::Kind::Merge || edit.kind == PersonEdit::Kind::Split) &&
        edit.value.trimmed().isEmpty())
        return Error(tr("a merge or a split needs the other name"));
    qint64 id = 0;
    {
        QSqlDatabase db = m_library.database();
        sql::WriteScope scope(db);
        if (!scope.isActive())
            return scope.error();
        QSqlQuery q(db);
        if (Result<void> added = sql::exec(
                q,
                QStringLiteral(
                    "INSERT INTO person_edits(kind, name, block_id, value, created_at) VALUES (?, ?, ?, ?, ?)") +
                    dialect::returningId(db),
                {personEditKindName(edit.kind), edit.name.trimmed(), sql::idOrNull(edit.blockId),
                 sql::notNull(edit.value.trimmed()), sql::nowUtc()});
            !added)
            return added.error();
        id = dialect::insertedId(q);
        if (Result<void> marked = markArticlesOf(edit); !marked)
            return marked.error();
        if (Result<void> committed = scope.commit(); !committed)
            return committed.error();
    }
    if (Result<qint64> updated = update(); !updated)
        return updated.error();
    return id;
}

Result<void> PeopleIndex::removeEdit(qint64 id)
{
    const QList<PersonEdit> all = edits();
    const auto it = std::find_if(all.cbegin(), all.cend(), [&](const PersonEdit &e) { return e.id == id; });
    if (it == all.cend())
        return Error(tr("no edit with id %1").arg(id));
    {
        QSqlDatabase db = m_library.database();
        sql::WriteScope scope(db);
        if (!scope.isActive())
            return scope.error();
        if (Result<void> marked = markArticlesOf(*it); !marked)
            return marked.error();
        if (Result<void> removed = sql::exec(db, QStringLiteral("DELETE FROM person_edits WHERE id = ?"), {id});
            !removed)
            return removed.error();
        if (Result<void> committed = scope.commit(); !committed)
            return committed.error();
    }
    if (Result<qint64> updated = update(); !updated)
        return updated.error();
    return {};
}

} // namespace dubao
