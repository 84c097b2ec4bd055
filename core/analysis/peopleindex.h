// The people index (schema v6): the officials every article names (officialextractor.h), kept in the library
// with the user's edits — merge two persons, split one, correct an office, mark a false hit — in their own table,
// so that re-extraction applies them again. Triggers on `blocks` put every article whose text is written (import,
// replace, re-parse, OCR corrections) on a to-do list; update() extracts the articles on it, outside the write
// that changed them. docs/people.md describes the tables and the rules.
#pragma once

#include "core/model/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QList>
#include <QPair>
#include <QSet>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

namespace dubao {

class AppearanceOutlines;
class Library;

/// Registers schema steps 6 (people) and 7 (article sizes, termtrends.h) with the store. Every program that opens a
/// library calls it once before it does, beside registerSearchSchema(). Thread-safe; calling it again does nothing.
void registerAnalysisSchema();

struct PersonOffice
{
    QString title;
    std::optional<QDate> first; ///< the earliest dated appearance with this office
    std::optional<QDate> last;
    int appearances = 0; ///< the appearances that give this office
};

struct PersonSummary
{
    QString name;
    QList<PersonOffice> offices; ///< by first appearance
    std::optional<QDate> first;  ///< the first and last dated appearance
    std::optional<QDate> last;
    int appearances = 0;
};

struct Appearance
{
    qint64 id = 0;
    QString name;
    qint64 articleId = 0;
    qint64 blockId = 0;
    qint64 issueId = 0;
    QString headline;          ///< the article's title
    std::optional<QDate> date; ///< the issue's date; none when the issue has no year
    QStringList offices;       ///< as written; the first is the appearance's office
    QString role;              ///< 主持, 出席, 列席, 讲话, 调研, 参加 or empty
    int order = 0;             ///< rank in the report's attendance order, 0 when unknown
    int sentenceStart = 0;     ///< in the block's text, UTF-16 units
    int sentenceLength = 0;
    QString sentence;

    QString office() const { return offices.isEmpty() ? QString() : offices.front(); }
};

/// A user's correction of the extraction. `blockId` 0: every appearance of `name`; else only those in that block.
struct PersonEdit
{
    enum class Kind
    {
        Merge,    ///< `name` is `value` (常晓勇 written two ways)
        Split,    ///< the appearances of `name` in `blockId` are another person, `value`
        Office,   ///< the offices of `name` (in `blockId`) are `value`, '、'-separated
        FalseHit, ///< `name` (in `blockId`) is not a person
    };
    qint64 id = 0;
    Kind kind = Kind::Merge;
    QString name;
    qint64 blockId = 0;
    QString value;
};

/// Messages are English; an application that installs a translator gets them translated (context
/// "dubao::PeopleIndex").
class PeopleIndex final
{
    Q_DECLARE_TR_FUNCTIONS(dubao::PeopleIndex)

public:
    explicit PeopleIndex(Library &library)
        : m_library(library)
    {}

    /// Articles waiting for extraction.
    qint64 pendingArticles() const;
    /// Extracts the waiting articles, in write transactions of a few hundred articles each (the UI reads on
    /// between them). Gives back how many articles it read. `cancel` may be null.
    Result<qint64> update(const std::atomic_bool *cancel = nullptr);
    /// Puts every article on the to-do list and extracts them all.
    Result<qint64> rebuild(const std::atomic_bool *cancel = nullptr);

    /// The persons of the whole library, by first appearance (undated last), then name.
    QList<PersonSummary> persons() const;
    /// One person's appearances in date order (undated last), or those of every person when `name` is empty.
    /// `limit` > 0: the first `limit` of them only (a person's page on a big library).
    QList<Appearance> appearances(const QString &name = {}, int limit = 0) const;
    /// Which appearances ownAppearances() keeps: in the paper's own text, or in text it shares with other articles
    /// (search's own:yes / own:no, docs/reuse.md).
    enum class Own
    {
        Yes,
        No,
    };
    /// One person's appearances (as appearances()) in paragraphs that are the paper's own or shared: what the
    /// text-reuse index says of the paragraph (reuse_paragraphs). An error when the index was never built.
    Result<QList<Appearance>> ownAppearances(const QString &name, Own own) const;
    /// The persons as persons() lists them, counting only their appearances in paragraphs that are the paper's own
    /// or shared (the rule of ownAppearances()): the counts, dates and offices of those; a person without such an
    /// appearance is left out. An error when the text-reuse index was never built.
    Result<QList<PersonSummary>> ownPersons(Own own) const;
    /// The blocks of `name`'s appearances (every person's when empty) whose paragraph is shared — the rule of
    /// ownAppearances(): an appearance is kept by own:yes when its block is not among them, by own:no when it is.
    /// An error when the text-reuse index was never built.
    Result<QSet<qint64>> sharedAppearanceBlocks(const QString &name = {}) const;
    /// The same appearances, in the same order, one at a time (an export of the whole library holds one row in
    /// memory); `visit` returning false stops; `withText` false leaves the sentence and the headline empty. An
    /// error when the query fails.
    Result<void> forEachAppearance(const QString &name, const std::function<bool(const Appearance &)> &visit,
                                   int limit = 0, bool withText = true) const;
    /// One person's appearances without their sentence and headline, held compactly (appearanceoutlines.h: a
    /// timeline of all of them, and a list that reads the sentences of the rows it shows with sentences()).
    AppearanceOutlines appearanceOutlines(const QString &name) const;
    /// The sentences of the appearances `ids`, by id (ids that are gone are left out).
    QHash<qint64, QString> sentences(const QList<qint64> &ids) const;

    /// The persons named in the same articles as `name`, with the number of such articles, most first.
    QList<QPair<QString, int>> coAppearances(const QString &name) const;

    QList<PersonEdit> edits() const;
    /// Records an edit and re-extracts the articles it touches. Gives back the edit's id (for undo).
    Result<qint64> addEdit(const PersonEdit &edit);
    /// Takes an edit back (undo) and re-extracts the articles it touched.
    Result<void> removeEdit(qint64 id);

private:
    Result<void> markArticlesOf(const PersonEdit &edit);
    /// persons() over the appearances `a` that satisfy `condition` (SQL; empty: all).
    QList<PersonSummary> personsWhere(const QString &condition) const;

    Library &m_library;
};

QString personEditKindName(PersonEdit::Kind kind);
std::optional<PersonEdit::Kind> personEditKindFromName(const QString &name);

} // namespace dubao
