// Completes the filter under the cursor of a query field: typing `tag:` (or `tag:政`) offers the library's tag
// names, hierarchical ones as their paths ("政策/经济"), matched anywhere in the path; `author:` the names of the
// people who annotated the library; `own:` offers yes and no
// (the paper's own text or shared text, docs/reuse.md). Arrows walk the list, Enter
// (or Tab) puts the highlighted name in place of the value typed so far and keeps the rest of the query, Esc closes
// the list. Words that are not a filter with names to offer complete nothing.
#pragma once

#include "core/model/annotation.h"

#include <QCompleter>
#include <QStringList>

class QLineEdit;
class QStringListModel;

namespace dubao {

class QueryCompleter final : public QCompleter
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueryCompleter)

public:
    /// Completes in `field` (set as its completer; owned by it). `separators` end a query word besides white space
    /// (Trends takes several queries separated by ';').
    explicit QueryCompleter(QLineEdit *field, const QString &separators = {});

    /// The names `tag:` offers (the tags' paths).
    void setTagNames(const QStringList &paths);
    QStringList tagNames() const;
    /// The names `author:` offers (SearchService::authors()).
    void setAuthorNames(const QStringList &names);
    QStringList authorNames() const;
    /// The paths of `tags` ("parent/child"; a tag's name when the listing has no path).
    static QStringList tagPaths(const QList<Tag> &tags);

    QStringList splitPath(const QString &path) const override;
    QString pathFromIndex(const QModelIndex &index) const override;

private:
    /// Where the word before the cursor starts in `text`.
    qsizetype wordStart(const QString &text, qsizetype cursor) const;

    QLineEdit *m_field;
    QString m_separators;
    QStringListModel *m_names;
    QStringList m_tagNames;
    QStringList m_authorNames;
    /// What the list holds: the tag names, own:'s values or the authors (switched by splitPath() as the word under
    /// the cursor changes).
    enum class Offer
    {
        Tags,
        Own,
        Authors,
    };
    mutable Offer m_offering = Offer::Tags;
    QStringList namesOf(Offer offer) const;
};

} // namespace dubao
