#include "app/search/querycompleter.h"

#include <QAbstractItemView>
#include <QLineEdit>
#include <QStringListModel>

#include <algorithm>

namespace dubao {

namespace {

// The filters that complete their value: `tag:` the library's tag paths, `own:` yes and no, `author:` the people
// who annotated.
enum class Filter
{
    None,
    Tag,
    Own,
    Author,
};

// Where the value of a `tag:`, `own:` or `author:` word starts (the parser takes a full-width colon too), or -1;
// `filter` says which.
qsizetype valueStart(QStringView word, Filter *filter = nullptr)
{
    qsizetype key = word.startsWith(u'-') ? 1 : 0; // -tag:… excludes, and completes the same
    for (const auto &[name, which] :
         {std::pair{QStringView(u"tag"), Filter::Tag}, std::pair{QStringView(u"own"), Filter::Own},
          std::pair{QStringView(u"author"), Filter::Author}}) {
        const qsizetype colonAt = key + name.size();
        if (!word.mid(key).startsWith(name, Qt::CaseInsensitive) || word.size() < colonAt + 1)
            continue;
        const QChar colon = word.at(colonAt);
        if (colon != u':' && colon != QChar(0xFF1A))
            continue;
        if (filter)
            *filter = which;
        return colonAt + 1;
    }
    return -1;
}

// A prefix no tag path contains: the popup stays closed for a word that is not a filter.
const QString kNothing = QString(QChar(0xFFFF));

bool needsQuotes(const QString &value)
{
    for (const QChar c : value)
        if (c.isSpace() || c == u';')
            return true;
    return false;
}

} // namespace

QueryCompleter::QueryCompleter(QLineEdit *field, const QString &separators)
    : QCompleter(field)
    , m_field(field)
    , m_separators(separators)
    , m_names(new QStringListModel(this))
{
    setObjectName(field->objectName() + QStringLiteral("Completer"));
    setModel(m_names);
    setCaseSensitivity(Qt::CaseInsensitive);
    setFilterMode(Qt::MatchContains); // "tag:经济" finds "政策/经济"
    setCompletionMode(QCompleter::PopupCompletion);
    setMaxVisibleItems(10);
    popup()->setObjectName(objectName() + QStringLiteral("Popup"));
    field->setCompleter(this);
}

void QueryCompleter::setTagNames(const QStringList &paths)
{
    m_tagNames = paths;
    if (m_offering == Offer::Tags)
        m_names->setStringList(paths);
}

void QueryCompleter::setAuthorNames(const QStringList &names)
{
    m_authorNames = names;
    if (m_offering == Offer::Authors)
        m_names->setStringList(names);
}

QStringList QueryCompleter::authorNames() const
{
    return m_authorNames;
}

QStringList QueryCompleter::namesOf(Offer offer) const
{
    switch (offer) {
    case Offer::Own:
        return {QStringLiteral("yes"), QStringLiteral("no")};
    case Offer::Authors:
        return m_authorNames;
    case Offer::Tags:
        break;
    }
    return m_tagNames;
}

QStringList QueryCompleter::tagPaths(const QList<Tag> &tags)
{
    QStringList paths;
    paths.reserve(tags.size());
    for (const Tag &tag : tags)
        paths.append(tag.path.isEmpty() ? tag.name : tag.path);
    return paths;
}

QStringList QueryCompleter::tagNames() const
{
    return m_tagNames;
}

qsizetype QueryCompleter::wordStart(const QString &text, qsizetype cursor) const
{
    qsizetype start = std::clamp<qsizetype>(cursor, 0, text.size());
    while (start > 0 && !text.at(start - 1).isSpace() && !m_separators.contains(text.at(start - 1)))
        --start;
    return start;
}

// QLineEdit hands the whole text; the completer matches the value of the `tag:`, `own:` or `author:` word before the
// cursor,
// against the names of that filter.
QStringList QueryCompleter::splitPath(const QString &path) const
{
    const qsizetype cursor = path == m_field->text() ? m_field->cursorPosition() : path.size();
    const qsizetype start = wordStart(path, cursor);
    const QString word = path.mid(start, cursor - start);
    Filter filter = Filter::None;
    const qsizetype at = valueStart(word, &filter);
    if (at < 0)
        return {kNothing};
    const Offer offer = filter == Filter::Own ? Offer::Own : filter == Filter::Author ? Offer::Authors : Offer::Tags;
    if (offer != m_offering) {
        m_offering = offer;
        m_names->setStringList(namesOf(offer));
    }
    QString value = word.mid(at);
    if (value.startsWith(u'"'))
        value.remove(0, 1);
    return {value};
}

// The field's text with the word's value replaced by the chosen path (quoted when it holds a space).
QString QueryCompleter::pathFromIndex(const QModelIndex &index) const
{
    const QString text = m_field->text();
    const qsizetype cursor = m_field->cursorPosition();
    const qsizetype start = wordStart(text, cursor);
    const qsizetype at = valueStart(QStringView(text).mid(start, cursor - start));
    if (at < 0)
        return text;
    QString value = index.data(Qt::DisplayRole).toString();
    if (needsQuotes(value))
        value = u'"' + value + u'"';
    return text.left(start + at) + value + text.mid(cursor);
}

} // namespace dubao
