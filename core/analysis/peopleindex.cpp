// The people index's upkeep: the to-do list the block triggers fill, extraction in batches (with the user's
// edits, personedits.cpp, applied to every extraction), and the queries of persons and appearances. Its schema
// steps are in peopleschema.cpp.
#include "core/analysis/peopleindex.h"

#include "core/analysis/appearanceoutlines.h"
#include "core/analysis/officialextractor.h"
#include "core/store/dialect.h"
#include "core/store/library.h"
#include "core/store/rowinserter.h"
#include "core/store/sql.h"

#include <QHash>
#include <QMap>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>
#include <future>

namespace dubao {

namespace {

constexpr int kBatchArticles = 400;

/// The sentence of an appearance: its range of the block's text (UTF-16 units), trimmed as the extractor trims it.
QString sentenceIn(const QString &blockText, int start, int length)
{
    return blockText.mid(start, length).trimmed();
}

std::optional<QDate> dateOrNone(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    const QDate d = QDate::fromString(value.toString(), Qt::ISODate);
    return d.isValid() ? std::optional<QDate>(d) : std::nullopt;
}

QString placeholders(qsizetype n)
{
    QString s;
    for (qsizetype k = 0; k < n; ++k)
        s += k ? QStringLiteral(",?") : QStringLiteral("?");
    return s;
}

/// Applies the user's edits to one article's mentions (the edits are few: a linear scan per mention).
void applyEdits(QList<OfficialMention> &mentions, const QList<qint64> &blockIds, const QList<PersonEdit> &edits)
{
    auto applies = [&](const PersonEdit &e, const OfficialMention &m) {
        return e.name == m.name && (e.blockId == 0 || e.blockId == blockIds.value(m.blockIndex));
    };
    QList<OfficialMention> kept;
    for (OfficialMention m : std::as_const(mentions)) {
        bool dropped = false;
        for (const PersonEdit &e : edits) {
            if (!applies(e, m))
                continue;
            switch (e.kind) {
            case PersonEdit::Kind::FalseHit:
                dropped = true;
                break;
            case PersonEdit::Kind::Office:
                m.offices = e.value.isEmpty() ? QStringList() : e.value.split(u'、');
                break;
            case PersonEdit::Kind::Merge:
            case PersonEdit::Kind::Split:
                break;
            }
        }
        // Renames last, so an office correction or a false hit is written against the name the text gives.
        for (const PersonEdit &e : edits)
            if ((e.kind == PersonEdit::Kind::Split || e.kind == PersonEdit::Kind::Merge) && applies(e, m))
                m.name = e.value;
        if (!dropped)
            kept.append(m);
    }
    mentions = kept;
}

} // namespace

qint64 PeopleIndex::pendingArticles() const
{
    return sql::scalar(m_library.database(), QStringLiteral("SELECT count(*) FROM analysis_pending")).toLongLong();
}

Result<qint64> PeopleIndex::rebuild(const std::atomic_bool *cancel)
{
    {
        sql::WriteScope scope(m_library.database());
        if (!scope.isActive())
            return scope.error();
        if (Result<void> done = sql::exec(m_library.database(),
                                          dialect::insertOrIgnore(m_library.database()) +
                                              QStringLiteral(" analysis_pending(article_id) SELECT id FROM articles") +
                                              dialect::onConflictIgnore(m_library.database()));
            !done)
            return done.error();
        if (Result<void> done = scope.commit(); !done)
            return done.error();
    }
    return update(cancel);
}

namespace {

// One batch of the to-do list: its articles as the extractor reads them (blocks in order, the byline's reporters).
struct PendingBatch
{
    QList<qint64> ids;
    QVariantList values;
    QMap<qint64, Article> articles;
    QHash<qint64, QList<qint64>> blockIds;
};

Result<PendingBatch> readPendingBatch(QSqlDatabase &db, qint64 after)
{
    PendingBatch batch;
    batch.ids = sql::ids(db,
                         QStringLiteral("SELECT article_id FROM analysis_pending WHERE article_id > ? "
                                        "ORDER BY article_id LIMIT %1")
                             .arg(kBatchArticles),
                         {after});
    if (batch.ids.isEmpty())
        return batch;
    for (qint64 id : std::as_const(batch.ids))
        batch.values.append(id);
    const QString in = placeholders(batch.ids.size());
    QSqlQuery q(db);
    if (Result<void> read = sql::select(q,
                                        QStringLiteral("SELECT article_id, id, kind, text FROM blocks "
                                                       "WHERE article_id IN (%1) ORDER BY article_id, position")
                                            .arg(in),
                                        batch.values);
        !read)
        return read.error();
    while (q.next()) {
        const qint64 articleId = q.value(0).toLongLong();
        Block b;
        b.id = q.value(1).toLongLong();
        b.kind = blockKindFromName(q.value(2).toString()).value_or(BlockKind::Body);
        b.text = q.value(3).toString();
        batch.articles[articleId].blocks.append(b);
        batch.blockIds[articleId].append(b.id);
    }
    if (Result<void> read = sql::select(q,
                                        QStringLiteral("SELECT ar.article_id, r.name FROM article_reporters ar "
                                                       "JOIN reporters r ON r.id = ar.reporter_id "
                                                       "WHERE ar.article_id IN (%1)")
                                            .arg(in),
                                        batch.values);
        !read)
        return read.error();
    while (q.next()) {
        Article &a = batch.articles[q.value(0).toLongLong()];
        if (!a.byline)
            a.byline = Byline{};
        a.byline->reporters.append(q.value(1).toString());
    }
    return batch;
}

using ExtractedBatch = QList<std::pair<qint64, QList<OfficialMention>>>;

// Pure: runs on a worker thread while the connection's thread reads the next batch and writes the one before.
ExtractedBatch extractBatch(const PendingBatch &batch, const QList<PersonEdit> &userEdits)
{
    ExtractedBatch result;
    result.reserve(batch.articles.size());
    for (auto it = batch.articles.cbegin(); it != batch.articles.cend(); ++it) {
        QList<OfficialMention> mentions = extractOfficials(*it);
        applyEdits(mentions, batch.blockIds.value(it.key()), userEdits);
        result.append({it.key(), std::move(mentions)});
    }
    return result;
}

} // namespace

Result<qint64> PeopleIndex::update(const std::atomic_bool *cancel)
{
    // A read-only library, or a team library's reader or annotator (the people index is the editors'), shows the
    // people it has; the next writer catches up.
    if (m_library.isReadOnly() || !m_library.teamAccess().mayEdit)
        return qint64(0);
    QSqlDatabase db = m_library.database();
    const QList<PersonEdit> userEdits = edits();
    QHash<QString, qint64> personIds;
    qint64 done = 0;
    // The extraction (two thirds of the update) runs on a worker thread, one batch ahead of the writes: while it
    // extracts batch k, this thread reads batch k + 1 and then writes batch k. The to-do list is walked in article
    // order; when the walk ends it starts once more from the beginning, for articles queued behind it meanwhile.
    Result<PendingBatch> next = readPendingBatch(db, 0);
    bool restarted = false;
    for (;;) {
        if (cancel && cancel->load())
            return Error(tr("cancelled"));
        if (!next)
            return next.error();
        PendingBatch batch = std::move(*next);
        if (batch.ids.isEmpty()) {
            if (restarted || done == 0)
                return done;
            restarted = true;
            next = readPendingBatch(db, 0);
            continue;
        }
        std::future<ExtractedBatch> extracted =
            std::async(std::launch::async, [&batch, &userEdits] { return extractBatch(batch, userEdits); });
        next = readPendingBatch(db, batch.ids.constLast());
        const ExtractedBatch mentionsByArticle = extracted.get();

        sql::WriteScope scope(db);
        if (!scope.isActive())
            return scope.error();
        const QString in = placeholders(batch.ids.size());
        if (Result<void> cleared = sql::exec(
                db, {{QStringLiteral("DELETE FROM appearances WHERE article_id IN (%1)").arg(in), batch.values},
                     {QStringLiteral("DELETE FROM analysis_pending WHERE article_id IN (%1)").arg(in), batch.values}});
            !cleared)
            return cleared.error();
        QSqlQuery insertPerson(db);
        insertPerson.prepare(QStringLiteral("INSERT INTO persons(name) VALUES (?)") + dialect::returningId(db));
        // Many to a statement: a statement per appearance was a good part of an import's on a team library.
        sql::RowInserter appearances(db,
                                     QStringLiteral("INSERT INTO appearances(person_id, article_id, block_id, offices, "
                                                    "role, rank, sentence_start, sentence_length)"),
                                     8);
        for (const auto &[articleId, mentions] : mentionsByArticle) {
            const QList<qint64> blockIds = batch.blockIds.value(articleId);
            for (const OfficialMention &m : mentions) {
                qint64 personId = personIds.value(m.name);
                if (personId == 0) {
                    personId =
                        sql::scalar(db, QStringLiteral("SELECT id FROM persons WHERE name = ?"), {m.name}).toLongLong();
                    if (personId == 0) {
                        if (Result<void> added = sql::execPrepared(insertPerson, {m.name}); !added)
                            return added.error();
                        personId = dialect::insertedId(insertPerson);
                    }
                    personIds.insert(m.name, personId);
                }
                if (Result<void> added = appearances.add({personId, articleId, blockIds.value(m.blockIndex),
                                                          sql::notNull(m.offices.join(u'、')), sql::textOrNull(m.role),
                                                          m.order > 0 ? QVariant(m.order) : QVariant(), m.sentenceStart,
                                                          m.sentenceLength});
                    !added)
                    return added.error();
            }
        }
        if (Result<void> written = appearances.flush(); !written)
            return written.error();
        if (Result<void> committed = scope.commit(); !committed)
            return committed.error();
        done += batch.ids.size();
    }
}

namespace {

QList<Appearance> collectAppearances(const PeopleIndex &index, const QString &name, int limit, bool withText)
{
    QList<Appearance> result;
    (void)index.forEachAppearance(
        name,
        [&result](const Appearance &a) {
            result.append(a);
            return true;
        },
        limit, withText);
    return result;
}

} // namespace

QList<Appearance> PeopleIndex::appearances(const QString &name, int limit) const
{
    return collectAppearances(*this, name, limit, true);
}

namespace {

bool hasReuseIndex(QSqlDatabase db)
{
    if (dialect::isPostgres(db)) // text reuse is not on a team library yet (issue 13)
        return false;
    return sql::scalar(db, QStringLiteral("SELECT 1 FROM sqlite_master WHERE name = 'reuse_paragraphs'")).isValid() &&
           sql::scalar(db, QStringLiteral("SELECT 1 FROM reuse_built LIMIT 1")).isValid();
}

} // namespace

Result<QList<PersonSummary>> PeopleIndex::ownPersons(Own own) const
{
    if (!hasReuseIndex(m_library.database()))
        return Error(tr("own: needs the text-reuse index, which this library does not have yet; build it with "
                        "Tools → Build Reuse Index or dubao-cli reuse --rebuild"));
    // The same rule as search's own: and ownAppearances() — shared when passages cover at least half of the
    // paragraph (one indexed lookup an appearance).
    return personsWhere(QStringLiteral("%1 EXISTS (SELECT 1 FROM reuse_paragraphs r WHERE r.block_id = a.block_id "
                                       "AND r.shared_chars * 2 >= r.characters)")
                            .arg(own == Own::Yes ? QStringLiteral("NOT") : QString()));
}

Result<QSet<qint64>> PeopleIndex::sharedAppearanceBlocks(const QString &name) const
{
    QSqlDatabase db = m_library.database();
    if (!hasReuseIndex(db))
        return Error(tr("own: needs the text-reuse index, which this library does not have yet; build it with "
                        "Tools → Build Reuse Index or dubao-cli reuse --rebuild"));
    // The same rule as search's own: — shared when passages cover at least half of the paragraph.
    const QList<qint64> shared =
        name.isEmpty()
            ? sql::ids(db, QStringLiteral("SELECT DISTINCT r.block_id FROM reuse_paragraphs r JOIN appearances a ON "
                                          "a.block_id = r.block_id WHERE r.shared_chars * 2 >= r.characters"))
            : sql::ids(db,
                       QStringLiteral("SELECT r.block_id FROM reuse_paragraphs r JOIN appearances a ON a.block_id = "
                                      "r.block_id JOIN persons p ON p.id = a.person_id WHERE p.name = ? AND "
                                      "r.shared_chars * 2 >= r.characters"),
                       {name});
    return QSet<qint64>(shared.cbegin(), shared.cend());
}

Result<QList<Appearance>> PeopleIndex::ownAppearances(const QString &name, Own own) const
{
    const Result<QSet<qint64>> sharedBlocks = sharedAppearanceBlocks(name);
    if (!sharedBlocks)
        return sharedBlocks.error();
    QList<Appearance> kept;
    for (const Appearance &a : appearances(name))
        if (sharedBlocks->contains(a.blockId) == (own == Own::No))
            kept.append(a);
    return kept;
}

AppearanceOutlines PeopleIndex::appearanceOutlines(const QString &name) const
{
    AppearanceOutlines outlines;
    QSqlQuery q(m_library.database());
    if (sql::select(q,
                    QStringLiteral("SELECT count(*) FROM appearances a JOIN persons p ON p.id = a.person_id "
                                   "WHERE p.name = ?"),
                    {name}) &&
        q.next())
        outlines.reserve(q.value(0).toLongLong());
    (void)forEachAppearance(
        name,
        [&outlines](const Appearance &a) {
            outlines.append(a);
            return true;
        },
        0, false);
    return outlines;
}

QHash<qint64, QString> PeopleIndex::sentences(const QList<qint64> &ids) const
{
    QHash<qint64, QString> result;
    QVariantList values;
    for (qint64 id : ids)
        values.append(id);
    QSqlQuery q(m_library.database());
    q.setForwardOnly(true);
    if (values.isEmpty() ||
        !sql::select(q,
                     QStringLiteral("SELECT a.id, a.sentence_start, a.sentence_length, b.text FROM appearances a "
                                    "JOIN blocks b ON b.id = a.block_id WHERE a.id IN (%1)")
                         .arg(placeholders(ids.size())),
                     values))
        return result;
    while (q.next())
        result.insert(q.value(0).toLongLong(),
                      sentenceIn(q.value(3).toString(), q.value(1).toInt(), q.value(2).toInt()));
    return result;
}

Result<void> PeopleIndex::forEachAppearance(const QString &name, const std::function<bool(const Appearance &)> &visit,
                                            int limit, bool withText) const
{
    QSqlQuery q(m_library.database());
    q.setForwardOnly(true);
    // The rows are sorted by date with their text: only the block's text up to the sentence's end goes into the sort
    // (its first start + length characters hold at least as many UTF-16 units).
    const QString where = name.isEmpty() ? QString() : QStringLiteral("WHERE p.name = ?");
    if (Result<void> read = sql::select(
            q,
            QStringLiteral("SELECT a.id, p.name, a.article_id, a.block_id, ar.issue_id, i.date, a.offices, a.role, "
                           "a.rank, a.sentence_start, a.sentence_length, %3 "
                           "FROM appearances a JOIN persons p ON p.id = a.person_id "
                           "JOIN articles ar ON ar.id = a.article_id JOIN issues i ON i.id = ar.issue_id %4 %1 "
                           "ORDER BY i.date IS NULL, i.date, i.month, i.day, ar.issue_id, ar.position, a.id%2")
                .arg(where, limit > 0 ? QStringLiteral(" LIMIT %1").arg(limit) : QString(),
                     withText ? QStringLiteral("substr(b.text, 1, a.sentence_start + a.sentence_length), ar.title")
                              : QStringLiteral("'', ''"),
                     withText ? QStringLiteral("JOIN blocks b ON b.id = a.block_id") : QString()),
            name.isEmpty() ? QVariantList() : QVariantList{name});
        !read)
        return read.error();
    while (q.next()) {
        Appearance a;
        a.id = q.value(0).toLongLong();
        a.name = q.value(1).toString();
        a.articleId = q.value(2).toLongLong();
        a.blockId = q.value(3).toLongLong();
        a.issueId = q.value(4).toLongLong();
        a.date = dateOrNone(q.value(5));
        const QString offices = q.value(6).toString();
        a.offices = offices.isEmpty() ? QStringList() : offices.split(u'、');
        a.role = q.value(7).toString();
        a.order = q.value(8).toInt();
        a.sentenceStart = q.value(9).toInt();
        a.sentenceLength = q.value(10).toInt();
        a.sentence = withText ? sentenceIn(q.value(11).toString(), a.sentenceStart, a.sentenceLength) : QString();
        a.headline = q.value(12).toString();
        if (!visit(a))
            break;
    }
    return {};
}

QList<PersonSummary> PeopleIndex::persons() const
{
    return personsWhere({});
}

QList<PersonSummary> PeopleIndex::personsWhere(const QString &condition) const
{
    // Counted in SQL, one row per person and spelling of offices, so no sentence is read (reading every
    // appearance took 17 s and 700 MB on the 1 GB library). The article's issue comes from article_sizes (schema v7),
    // a few bytes a row, rather than from the articles' rows with their titles. Offices are '、'-joined as written:
    // split here and merged per title.
    // A team library has no article_sizes (its trends read the articles), and PostgreSQL selects p.name only when
    // grouped by the key it depends on.
    QSqlQuery q(m_library.database());
    const bool postgres = dialect::isPostgres(m_library.database());
    QMap<QString, PersonSummary> byName;
    if (!sql::select(q, QStringLiteral("SELECT p.name, a.offices, count(*), min(i.date), max(i.date) "
                                       "FROM appearances a JOIN persons p ON p.id = a.person_id "
                                       "JOIN %2 JOIN issues i ON i.id = s.issue_id %1 GROUP BY %3, a.offices")
                            .arg(condition.isEmpty() ? QString() : QStringLiteral("WHERE ") + condition,
                                 postgres ? QStringLiteral("articles s ON s.id = a.article_id")
                                          : QStringLiteral("article_sizes s ON s.article_id = a.article_id"),
                                 postgres ? QStringLiteral("p.id") : QStringLiteral("a.person_id"))))
        return {};
    auto widen = [](std::optional<QDate> &first, std::optional<QDate> &last, const std::optional<QDate> &from,
                    const std::optional<QDate> &to) {
        if (from && (!first || *from < *first))
            first = from;
        if (to && (!last || *to > *last))
            last = to;
    };
    while (q.next()) {
        PersonSummary &p = byName[q.value(0).toString()];
        p.name = q.value(0).toString();
        p.appearances += q.value(2).toInt();
        const std::optional<QDate> from = dateOrNone(q.value(3));
        const std::optional<QDate> to = dateOrNone(q.value(4));
        widen(p.first, p.last, from, to);
        const QString offices = q.value(1).toString();
        if (offices.isEmpty())
            continue;
        for (const QString &title : offices.split(u'、')) {
            auto it = std::find_if(p.offices.begin(), p.offices.end(),
                                   [&](const PersonOffice &o) { return o.title == title; });
            if (it == p.offices.end()) {
                p.offices.append({title, from, to, q.value(2).toInt()});
            } else {
                widen(it->first, it->last, from, to);
                it->appearances += q.value(2).toInt();
            }
        }
    }
    QList<PersonSummary> result = byName.values();
    for (PersonSummary &p : result) // offices by first appearance, undated last
        std::stable_sort(p.offices.begin(), p.offices.end(), [](const PersonOffice &a, const PersonOffice &b) {
            return a.first && (!b.first || *a.first < *b.first);
        });
    std::stable_sort(result.begin(), result.end(),
                     [](const PersonSummary &a, const PersonSummary &b) { return a.appearances > b.appearances; });
    return result;
}

QList<QPair<QString, int>> PeopleIndex::coAppearances(const QString &name) const
{
    QList<QPair<QString, int>> result;
    QSqlQuery q(m_library.database());
    if (!sql::select(q,
                     QStringLiteral("SELECT p2.name, count(DISTINCT a2.article_id) AS n FROM persons p1 "
                                    "JOIN appearances a1 ON a1.person_id = p1.id "
                                    "JOIN appearances a2 ON a2.article_id = a1.article_id AND a2.person_id <> p1.id "
                                    "JOIN persons p2 ON p2.id = a2.person_id WHERE p1.name = ? "
                                    "GROUP BY p2.id ORDER BY n DESC, p2.name"),
                     {name}))
        return result;
    while (q.next())
        result.append({q.value(0).toString(), q.value(1).toInt()});
    return result;
}

} // namespace dubao
