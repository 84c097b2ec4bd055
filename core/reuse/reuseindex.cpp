// Schema v10 (text reuse) and its upkeep: the to-do list the block triggers fill, and the incremental computation —
// an article's fingerprints looked up in the index of the articles already there, the candidates aligned, the
// pairs stored. docs/reuse.md describes the method and the tables.
#include "core/reuse/reuseindex.h"

#include "core/reuse/reusealigner.h"
#include "core/reuse/reusearticles.h"
#include "core/reuse/reusebatch.h"
#include "core/reuse/reusepostgres.h"
#include "core/store/dialect.h"
#include "core/store/library.h"
#include "core/store/schema.h"
#include "core/store/sql.h"
#include "core/store/teamroles.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>
#include <iterator>

namespace dubao {

namespace {

// Written to run again on a file that has the tables (IF NOT EXISTS), like the people index's step. It queues
// nothing: on an upgrade the tables are empty and the index is built when the user asks (ReuseIndex::rebuild()).
Result<void> migrateTo10(QSqlDatabase &db)
{
    static const char *const statements[] = {
        // An article's folded size and its fingerprints (8 bytes each, little-endian), so that its rows in the
        // index can be taken out when its text changes. No foreign key: update() drops a deleted article's rows.
        R"(CREATE TABLE IF NOT EXISTS reuse_articles (
            article_id   INTEGER PRIMARY KEY,
            characters   INTEGER NOT NULL,
            fingerprints BLOB NOT NULL
        ))",
        R"(CREATE TABLE IF NOT EXISTS reuse_fingerprints (
            hash       INTEGER NOT NULL,
            article_id INTEGER NOT NULL,
            PRIMARY KEY (hash, article_id)
        ) WITHOUT ROWID)",
        // Per fingerprint: in how many articles, the first and last day of their issues (NULL: none dated), and
        // whether it reached more articles than the index keeps (ReuseParameters::indexCap; its rows in
        // reuse_fingerprints are then dropped). What boilerplate is decided from, without reading the articles.
        R"(CREATE TABLE IF NOT EXISTS reuse_hashes (
            hash      INTEGER PRIMARY KEY,
            articles  INTEGER NOT NULL,
            first_day INTEGER,
            last_day  INTEGER,
            frequent  INTEGER NOT NULL DEFAULT 0
        ))",
        R"(CREATE TABLE IF NOT EXISTS reuse_pairs (
            a            INTEGER NOT NULL,
            b            INTEGER NOT NULL,
            shared_chars INTEGER NOT NULL,
            coverage_a   REAL NOT NULL,
            coverage_b   REAL NOT NULL,
            boilerplate  INTEGER NOT NULL DEFAULT 0,
            fingerprints INTEGER NOT NULL DEFAULT 0,
            formulas     INTEGER NOT NULL DEFAULT 0,
            passages     TEXT NOT NULL,
            PRIMARY KEY (a, b),
            CHECK (a < b)
        ) WITHOUT ROWID)",
        "CREATE INDEX IF NOT EXISTS reuse_pairs_b ON reuse_pairs(b)",
        // The user's marks: publications whose articles are reference collections (wire copy, another paper).
        R"(CREATE TABLE IF NOT EXISTS reuse_sources (
            publication_id INTEGER PRIMARY KEY REFERENCES publications(id) ON DELETE CASCADE
        ))",
        // One row once the user has built the index: from then on the triggers queue every changed article.
        "CREATE TABLE IF NOT EXISTS reuse_built (built_at TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS reuse_pending (article_id INTEGER PRIMARY KEY)",
        R"(CREATE TRIGGER IF NOT EXISTS reuse_block_inserted AFTER INSERT ON blocks
            WHEN EXISTS (SELECT 1 FROM reuse_built) BEGIN
            INSERT OR IGNORE INTO reuse_pending(article_id) VALUES (NEW.article_id);
        END)",
        R"(CREATE TRIGGER IF NOT EXISTS reuse_block_changed AFTER UPDATE OF text, article_id ON blocks
            WHEN EXISTS (SELECT 1 FROM reuse_built) BEGIN
            INSERT OR IGNORE INTO reuse_pending(article_id) VALUES (NEW.article_id);
            INSERT OR IGNORE INTO reuse_pending(article_id) VALUES (OLD.article_id);
        END)",
        R"(CREATE TRIGGER IF NOT EXISTS reuse_block_deleted AFTER DELETE ON blocks
            WHEN EXISTS (SELECT 1 FROM reuse_built) BEGIN
            INSERT OR IGNORE INTO reuse_pending(article_id) VALUES (OLD.article_id);
        END)",
    };
    for (const char *statement : statements)
        if (Result<void> done = sql::exec(db, QString::fromUtf8(statement)); !done)
            return done;
    return {};
}

using reuse::asColumn;
using reuse::hashesFromBlob;
using reuse::hashesJson;
using reuse::HashStats;

Result<void> run(QSqlQuery &prepared, const QVariantList &values)
{
    for (qsizetype k = 0; k < values.size(); ++k)
        prepared.bindValue(int(k), values[k]);
    if (!prepared.exec())
        return Error(sql::Store::tr("cannot store: %1").arg(prepared.lastError().text()));
    return {};
}

/// The statements one batch of the update runs per article, prepared once per batch (reusebatch.h reads the rest a
/// window of articles at a time, and writes the new rows of reuse_articles and reuse_pairs by many at once). One copy
/// for both engines: upserts are written as ON CONFLICT (SQLite 3.24 and PostgreSQL), flags compared with 0, and what
/// differs (a JSON list of hashes, a date's day) asked of the dialect.
struct Statements
{
    explicit Statements(QSqlDatabase db)
        : removeFingerprints(db)
        , forgetHashes(db)
        , removeArticle(db)
        , removePairs(db)
        , partners(db)
        , articlesWith(db)
        , candidates(db)
        , dropRows(db)
        , dayOf(db)
    {
        const QString each = u'(' + dialect::idsFromJson(db) + u')';
        dayOf.prepare(reuse::dayOfSql(db));
        removeFingerprints.prepare(
            QStringLiteral("DELETE FROM reuse_fingerprints WHERE article_id = ? AND hash IN %1").arg(each));
        forgetHashes.prepare(
            QStringLiteral("UPDATE reuse_hashes SET articles = articles - 1 WHERE hash IN %1").arg(each));
        removeArticle.prepare(QStringLiteral("DELETE FROM reuse_articles WHERE article_id = ?"));
        removePairs.prepare(QStringLiteral("DELETE FROM reuse_pairs WHERE a = ? OR b = ?"));
        // The articles whose paragraphs' summary (reuse_paragraphs) changes when the article's pairs go.
        partners.prepare(QStringLiteral("SELECT b FROM reuse_pairs WHERE a = ? AND shared_chars >= ? AND "
                                        "boilerplate = 0 UNION ALL SELECT a FROM reuse_pairs WHERE b = ? AND "
                                        "shared_chars >= ? AND boilerplate = 0"));
        articlesWith.prepare(QStringLiteral("SELECT article_id FROM reuse_fingerprints WHERE hash = ?"));
        candidates.prepare(QStringLiteral("SELECT article_id, count(*) AS shared FROM reuse_fingerprints WHERE hash "
                                          "IN %1 GROUP BY article_id HAVING count(*) >= ? ORDER BY shared DESC, "
                                          "article_id LIMIT ?")
                               .arg(each));
        dropRows.prepare(QStringLiteral("DELETE FROM reuse_fingerprints WHERE hash = ?"));
    }
    QSqlQuery removeFingerprints, forgetHashes, removeArticle, removePairs, partners, articlesWith, candidates,
        dropRows, dayOf;
};

/// What a batch adds to the index, kept in memory until the batch ends and then written sorted: each article's
/// fingerprints went into two B-trees (reuse_fingerprints, reuse_hashes) at about 90 random places, which was most
/// of the incremental cost; a batch's rows written in key order touch each page once, and a fingerprint several
/// articles of the batch share gets one row in reuse_hashes. The articles later in the batch see the earlier ones
/// through it (their fingerprints' counts and days, and as candidates). An article's rows are either all here (it
/// was compared in this batch) or all in the database, so the candidates of both sides are counted apart.
struct BatchIndex
{
    /// The state after the batch's articles so far of every fingerprint they touched (the rows of reuse_hashes).
    QHash<qint64, HashStats> hashes;
    /// The batch's rows of reuse_fingerprints: the batch's articles indexed under each fingerprint.
    QHash<qint64, QList<qint64>> rows;

    QString hashesJson() const
    {
        QList<qint64> keys = hashes.keys();
        std::sort(keys.begin(), keys.end());
        const auto day = [](const std::optional<int> &d) {
            return d ? QByteArray::number(*d) : QByteArrayLiteral("null");
        };
        QByteArray json;
        json.reserve(keys.size() * 48 + 2);
        json.append('[');
        for (qint64 key : std::as_const(keys)) {
            const HashStats &h = hashes[key];
            if (json.size() > 1)
                json.append(',');
            json.append('[').append(QByteArray::number(key)).append(',').append(QByteArray::number(h.articles));
            json.append(',').append(day(h.firstDay)).append(',').append(day(h.lastDay));
            json.append(h.frequent ? ",1]" : ",0]");
        }
        json.append(']');
        return QString::fromLatin1(json);
    }

    QString rowsJson() const
    {
        std::vector<std::pair<qint64, qint64>> sorted;
        for (auto it = rows.cbegin(); it != rows.cend(); ++it)
            for (qint64 article : it.value())
                sorted.emplace_back(it.key(), article);
        std::sort(sorted.begin(), sorted.end());
        QByteArray json;
        json.reserve(qsizetype(sorted.size() * 30 + 2));
        json.append('[');
        for (const auto &[hash, article] : sorted) {
            if (json.size() > 1)
                json.append(',');
            json.append('[').append(QByteArray::number(hash)).append(',').append(QByteArray::number(article));
            json.append(']');
        }
        json.append(']');
        return QString::fromLatin1(json);
    }

    /// Writes what the batch added, in key order, and forgets it.
    Result<void> write(QSqlDatabase db)
    {
        const auto at = [&db](int k) {
            return reuse::jsonInteger(db, k);
        };
        if (Result<void> written = sql::exec(
                db, {{QStringLiteral("INSERT INTO reuse_fingerprints(hash, article_id) SELECT %1, %2 FROM %3 WHERE "
                                     "true ON CONFLICT DO NOTHING")
                          .arg(at(0), at(1), reuse::jsonRows(db)),
                      {rowsJson()}},
                     {QStringLiteral("INSERT INTO reuse_hashes(hash, articles, first_day, last_day, frequent) SELECT "
                                     "%1, %2, %3, %4, %5 FROM %6 WHERE true ON CONFLICT(hash) DO UPDATE SET articles = "
                                     "excluded.articles, first_day = excluded.first_day, last_day = excluded.last_day, "
                                     "frequent = excluded.frequent")
                          .arg(at(0), at(1), at(2), at(3), at(4), reuse::jsonRows(db)),
                      {hashesJson()}}});
            !written)
            return written;
        hashes.clear();
        rows.clear();
        return {};
    }
};

} // namespace

void registerReuseSchema()
{
    schema::registerStep(10, "reuse", migrateTo10);
    schema::registerStep(12, "reuse", reuse::migrateTo12);
    registerReusePostgres(); // v18: the same tables on a team library
    // Computed from the blocks: a restore leaves the index out (the user builds it again). reuse_sources is the
    // user's.
    schema::registerDerivedTables({QStringLiteral("reuse_articles"), QStringLiteral("reuse_fingerprints"),
                                   QStringLiteral("reuse_hashes"), QStringLiteral("reuse_pairs"),
                                   QStringLiteral("reuse_built"), QStringLiteral("reuse_pending"),
                                   QStringLiteral("reuse_paragraphs")});
}

Result<void> ReuseIndex::mayChange(bool building) const
{
    if (m_library.isReadOnly())
        return Error(building ? tr("the library is open read-only: the text-reuse index cannot be built")
                              : tr("the library is open read-only: the text-reuse index cannot be changed"));
    if (const team::Access access = m_library.teamAccess(); !access.mayEdit)
        return Error(tr("only an editor of this team library may build its text-reuse index (%1 is %2 here); its "
                        "editors' imports keep it up to date")
                         .arg(access.user, access.role.isEmpty() ? tr("no member") : access.role));
    return {};
}

qint64 ReuseIndex::pendingArticles() const
{
    return sql::scalar(m_library.database(), QStringLiteral("SELECT count(*) FROM reuse_pending")).toLongLong();
}

bool ReuseIndex::exists() const
{
    return sql::scalar(m_library.database(), QStringLiteral("SELECT 1 FROM reuse_built LIMIT 1")).isValid();
}

int ReuseIndex::boilerplateAbove() const
{
    const qint64 articles =
        sql::scalar(m_library.database(), QStringLiteral("SELECT count(*) FROM articles")).toLongLong();
    return std::min(m_parameters.indexCap - 1,
                    std::max(m_parameters.boilerplateMin, int(articles * m_parameters.boilerplateShare)));
}

bool ReuseIndex::sharesOnlyBoilerplate(qint64 first, qint64 second) const
{
    QSqlDatabase db = m_library.database();
    std::vector<std::uint64_t> shared;
    {
        const auto blobOf = [&](qint64 article) {
            return hashesFromBlob(
                sql::scalar(db, QStringLiteral("SELECT fingerprints FROM reuse_articles WHERE article_id = ?"),
                            {article})
                    .toByteArray());
        };
        const std::vector<std::uint64_t> a = blobOf(first), b = blobOf(second); // each sorted
        std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(shared));
    }
    if (std::ssize(shared) < m_parameters.minSharedFingerprints)
        return false; // not a candidate at all: what they share is too short to say
    const QVariant own = sql::scalar(
        db,
        QStringLiteral("SELECT count(*) FROM reuse_hashes WHERE hash IN (%1) AND NOT (frequent <> 0 OR articles > ? "
                       "OR (articles >= ? AND last_day - first_day > ?))")
            .arg(dialect::idsFromJson(db)),
        {hashesJson(shared), boilerplateAbove(), m_parameters.formulaMinArticles, m_parameters.formulaSpanDays});
    return own.toInt() < m_parameters.minSharedFingerprints;
}

Result<void> ReuseIndex::forget()
{
    if (Result<void> allowed = mayChange(false); !allowed)
        return allowed;
    sql::WriteScope scope(m_library.database());
    if (!scope.isActive())
        return scope.error();
    if (Result<void> cleared = sql::exec(m_library.database(), {{QStringLiteral("DELETE FROM reuse_built"), {}},
                                                                {QStringLiteral("DELETE FROM reuse_pending"), {}},
                                                                {QStringLiteral("DELETE FROM reuse_pairs"), {}},
                                                                {QStringLiteral("DELETE FROM reuse_paragraphs"), {}},
                                                                {QStringLiteral("DELETE FROM reuse_fingerprints"), {}},
                                                                {QStringLiteral("DELETE FROM reuse_articles"), {}},
                                                                {QStringLiteral("DELETE FROM reuse_hashes"), {}}});
        !cleared)
        return cleared.error();
    return scope.commit();
}

Result<qint64> ReuseIndex::recompute(const std::atomic_bool *cancel, const Progress &progress)
{
    if (!exists())
        return rebuild(cancel, progress);
    if (Result<void> allowed = mayChange(true); !allowed)
        return allowed.error();
    if (Result<void> queued =
            sql::exec(m_library.database(),
                      QStringLiteral("INSERT INTO reuse_pending(article_id) SELECT id FROM articles WHERE true ON "
                                     "CONFLICT DO NOTHING"));
        !queued)
        return queued.error();
    return update(cancel, progress);
}

Result<qint64> ReuseIndex::rebuild(const std::atomic_bool *cancel, const Progress &progress)
{
    if (Result<void> allowed = mayChange(true); !allowed)
        return allowed.error();
    {
        sql::WriteScope scope(m_library.database());
        if (!scope.isActive())
            return scope.error();
        if (Result<void> cleared = sql::exec(
                m_library.database(),
                {{QStringLiteral("DELETE FROM reuse_pairs"), {}},
                 {QStringLiteral("DELETE FROM reuse_paragraphs"), {}},
                 {QStringLiteral("DELETE FROM reuse_fingerprints"), {}},
                 {QStringLiteral("DELETE FROM reuse_articles"), {}},
                 {QStringLiteral("DELETE FROM reuse_hashes"), {}},
                 {QStringLiteral("DELETE FROM reuse_built"), {}},
                 {QStringLiteral("INSERT INTO reuse_built(built_at) VALUES (?)"),
                  {QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-dd HH:mm:ss")}},
                 {QStringLiteral("INSERT INTO reuse_pending(article_id) SELECT id FROM articles WHERE true ON "
                                 "CONFLICT DO NOTHING"),
                  {}}});
            !cleared)
            return cleared.error();
        if (Result<void> committed = scope.commit(); !committed)
            return committed.error();
    }
    return update(cancel, progress);
}

Result<qint64> ReuseIndex::update(const std::atomic_bool *cancel, const Progress &progress)
{
    // A read-only library, or a team library's reader or annotator (the index is the editors', like the people
    // index), shows the pairs it has; the next writer catches up.
    if (m_library.isReadOnly() || !m_library.teamAccess().mayEdit)
        return qint64(0);
    QSqlDatabase db = m_library.database();
    if (!exists())
        return qint64(0);                           // no index yet: nothing is queued, nothing to compare
    const sql::CacheSizeScope cache(db, 64 * 1024); // KiB
    const sql::TempStoreInMemoryScope journals(db); // BatchIndex::write's statement journals
    qint64 done = 0;
    const qint64 total = progress ? pendingArticles() : 0;
    for (;;) {
        if (cancel && cancel->load())
            return Error(tr("cancelled"));
        const QList<qint64> batch =
            sql::ids(db, QStringLiteral("SELECT article_id FROM reuse_pending ORDER BY article_id LIMIT %1")
                             .arg(std::max(1, m_parameters.batchArticles)));
        if (batch.isEmpty())
            return done;
        // The index keeps a fingerprint in at most indexCap articles, whatever the library's size, so that the work
        // per article is bounded; a fingerprint in more than boilerplateAbove articles (at most the cap) is
        // boilerplate.
        const int indexCap = m_parameters.indexCap;
        const int above = boilerplateAbove();
        // Boilerplate: in too many articles, or a formula — in several articles far apart in time. Copies of one
        // story run within days or weeks; a template line or a slogan comes back year after year.
        auto isBoilerplate = [&](const HashStats &h) {
            if (h.frequent || h.articles > above)
                return true;
            return h.articles >= m_parameters.formulaMinArticles && h.firstDay && h.lastDay &&
                   *h.lastDay - *h.firstDay > m_parameters.formulaSpanDays;
        };

        sql::WriteScope scope(db);
        if (!scope.isActive())
            return scope.error();
        Statements s(db);
        // The batch's new rows of reuse_articles and reuse_pairs, written many to a statement: nothing in the batch
        // reads an article's row back (an article comes once a batch), and the pairs are written before anything
        // reads reuse_pairs (the recount below, refreshParagraphs) — the partners and removal of an article's pairs
        // look in the buffer as well.
        sql::RowInserter articles(
            db, QStringLiteral("INSERT INTO reuse_articles(article_id, characters, fingerprints)"), 3,
            QStringLiteral("ON CONFLICT (article_id) DO UPDATE SET characters = excluded.characters, fingerprints = "
                           "excluded.fingerprints"));
        reuse::PairBuffer pairs(db);
        // Out of the queue in one statement: the batch is one transaction, so a cancel or a failure puts them back.
        if (Result<void> removed = sql::exec(
                db, QStringLiteral("DELETE FROM reuse_pending WHERE article_id IN (%1)").arg(dialect::idsFromJson(db)),
                {reuse::idsJson(batch)});
            !removed)
            return removed.error();
        // The articles whose rows in reuse_paragraphs (search's own:) are written again before the batch commits: a
        // changed or deleted article, the partners of its old pairs, both sides of a new pair that counts, and the
        // articles whose pairs a fingerprint turned boilerplate. A new article without such a pair costs nothing.
        QSet<qint64> touched;
        BatchIndex added;
        QHash<qint64, std::optional<int>> days; // the days of the candidates outside the window, read once a batch
        qint64 inBatch = 0;
        const qsizetype windowArticles = std::max(1, m_parameters.windowArticles);
        for (qsizetype first = 0; first < batch.size(); first += windowArticles) {
            if (cancel && cancel->load())
                return Error(tr("cancelled"));
            Result<reuse::Window> window = reuse::readWindow(db, batch.mid(first, windowArticles));
            if (!window)
                return window.error();
            days.insert(window->days);
            // The index's state of a fingerprint before the article: the batch's own in memory, else its row as the
            // window read it (counted down below as the database is), else none.
            const auto statsOf = [&](std::uint64_t h) -> std::optional<HashStats> {
                if (const auto it = added.hashes.constFind(asColumn(h)); it != added.hashes.cend())
                    return *it;
                if (const auto it = window->stats.constFind(asColumn(h)); it != window->stats.cend())
                    return *it;
                return std::nullopt;
            };
            for (qint64 id : batch.mid(first, windowArticles)) {
                // A batch is seconds of work on a large library: a cancel ends it at the next article (the batch's
                // transaction rolls back), and progress moves inside it.
                if (cancel && cancel->load())
                    return Error(tr("cancelled"));
                if (progress && ++inBatch % 250 == 0)
                    progress(std::min(done + inBatch, total), total);
                // Out with what the index held for the article.
                const QByteArray oldBlob = window->oldBlobs.value(id);
                if (!oldBlob.isEmpty()) {
                    // Its rows are in the database (an article comes once a batch); a fingerprint the batch touched
                    // already is counted down in memory, where its row is.
                    const std::vector<std::uint64_t> oldHashes = hashesFromBlob(oldBlob);
                    std::vector<std::uint64_t> stored;
                    for (std::uint64_t h : oldHashes) {
                        if (const auto it = added.hashes.find(asColumn(h)); it != added.hashes.end()) {
                            --it->articles;
                        } else {
                            stored.push_back(h);
                            if (const auto read = window->stats.find(asColumn(h)); read != window->stats.end())
                                --read->articles;
                        }
                    }
                    if (Result<void> removed = run(s.removeFingerprints, {id, hashesJson(oldHashes)}); !removed)
                        return removed.error();
                    if (!stored.empty())
                        if (Result<void> removed = run(s.forgetHashes, {hashesJson(stored)}); !removed)
                            return removed.error();
                    // A new article has no row and no pair yet.
                    touched.insert(id);
                    if (Result<void> removed = run(s.removeArticle, {id}); !removed)
                        return removed.error();
                    if (Result<void> read =
                            run(s.partners, {id, reuse::kParagraphMinChars, id, reuse::kParagraphMinChars});
                        !read)
                        return read.error();
                    while (s.partners.next())
                        touched.insert(s.partners.value(0).toLongLong());
                    s.partners.finish();
                    for (qint64 partner : pairs.takePairsOf(id, reuse::kParagraphMinChars))
                        touched.insert(partner);
                    if (Result<void> removed = run(s.removePairs, {id, id}); !removed)
                        return removed.error();
                }

                const auto textIt = window->texts.constFind(id);
                if (textIt == window->texts.cend())
                    continue; // deleted
                const reuse::ArticleText &text = *textIt;
                const std::optional<int> day = window->days.value(id);
                const std::vector<std::uint64_t> &hashes = window->fingerprints[id];

                // Only fingerprints that are not boilerplate (with this article counted) seed candidates: a pair
                // that shares nothing else is boilerplate, and is neither aligned nor stored.
                std::vector<std::uint64_t> seeding, indexed;
                for (std::uint64_t h : hashes) {
                    const std::optional<HashStats> known = statsOf(h);
                    const HashStats before = known.value_or(HashStats{});
                    HashStats &after = added.hashes[asColumn(h)];
                    after = before;
                    ++after.articles;
                    if (day) {
                        after.firstDay = before.firstDay ? std::min(*before.firstDay, *day) : *day;
                        after.lastDay = before.lastDay ? std::max(*before.lastDay, *day) : *day;
                    }
                    if (before.frequent)
                        continue;
                    if (after.articles > indexCap) {
                        // One more article makes it too common to index: boilerplate from now on.
                        if (Result<void> written = run(s.dropRows, {asColumn(h)}); !written)
                            return written.error();
                        added.rows.remove(asColumn(h));
                        after.frequent = known.has_value(); // as an UPDATE of its row would
                        continue;
                    }
                    const bool boilerplate = isBoilerplate(after);
                    if (boilerplate && before.articles >= 2 && !isBoilerplate(before)) {
                        // It has just become boilerplate: the pairs already stored between the articles that have
                        // it counted it as text of their own. Count it as a formula now (the batch's pairs
                        // written first).
                        if (Result<void> written = pairs.flush(); !written)
                            return written.error();
                        if (Result<void> read = run(s.articlesWith, {asColumn(h)}); !read)
                            return read.error();
                        QVariantList in;
                        QStringList marks;
                        while (s.articlesWith.next()) {
                            in.append(s.articlesWith.value(0).toLongLong());
                            touched.insert(s.articlesWith.value(0).toLongLong());
                            marks.append(QStringLiteral("?"));
                        }
                        s.articlesWith.finish();
                        for (qint64 article : added.rows.value(asColumn(h))) {
                            in.append(article);
                            touched.insert(article);
                            marks.append(QStringLiteral("?"));
                        }
                        const QString list = marks.join(u',');
                        if (Result<void> recounted = sql::exec(
                                db,
                                QStringLiteral("UPDATE reuse_pairs SET formulas = formulas + 1, boilerplate = CASE "
                                               "WHEN fingerprints - (formulas + 1) < ? THEN 1 ELSE 0 END WHERE a IN "
                                               "(%1) AND b IN (%1)")
                                    .arg(list),
                                QVariantList{m_parameters.minSharedFingerprints} + in + in);
                            !recounted)
                            return recounted.error();
                    }
                    if (!boilerplate)
                        seeding.push_back(h);
                    indexed.push_back(h);
                }

                // The candidates sharing most fingerprints of their own, found before the article's rows are added.
                QList<QPair<int, qint64>> ranked;
                if (std::ssize(seeding) >= m_parameters.minSharedFingerprints) {
                    if (Result<void> read = run(s.candidates, {hashesJson(seeding), m_parameters.minSharedFingerprints,
                                                               m_parameters.maxCandidates});
                        !read)
                        return read.error();
                    while (s.candidates.next())
                        ranked.append({s.candidates.value(1).toInt(), s.candidates.value(0).toLongLong()});
                    s.candidates.finish();
                    // The batch's earlier articles, counted in memory: none of them has a row in the database, so
                    // the two lists are disjoint and the best of both are the best of all.
                    QHash<qint64, int> earlier;
                    for (std::uint64_t h : seeding)
                        for (qint64 article : added.rows.value(asColumn(h)))
                            ++earlier[article];
                    for (auto it = earlier.cbegin(); it != earlier.cend(); ++it)
                        if (it.value() >= m_parameters.minSharedFingerprints)
                            ranked.append({it.value(), it.key()});
                    if (!earlier.isEmpty()) {
                        std::sort(ranked.begin(), ranked.end(), [](const auto &x, const auto &y) {
                            return x.first != y.first ? x.first > y.first : x.second < y.second;
                        });
                        if (ranked.size() > m_parameters.maxCandidates)
                            ranked.resize(m_parameters.maxCandidates);
                    }
                }

                for (std::uint64_t h : indexed)
                    added.rows[asColumn(h)].append(id);
                if (Result<void> stored = articles.add({id, text.folded.size(), reuse::hashesToBlob(hashes)}); !stored)
                    return stored.error();

                if (ranked.isEmpty())
                    continue;
                const reuse::TextAligner aligner(text.folded.chars);
                for (const auto &[shared, other] : std::as_const(ranked)) {
                    // A candidate of the window was read with it; one outside is read alone (it is in a pair).
                    std::optional<reuse::ArticleText> readAlone;
                    const reuse::ArticleText *otherText = nullptr;
                    if (const auto it = window->texts.constFind(other); it != window->texts.cend()) {
                        otherText = &*it;
                    } else {
                        Result<reuse::ArticleText> read = reuse::readArticleText(db, other);
                        if (!read)
                            return read.error();
                        readAlone = std::move(*read);
                        otherText = &*readAlone;
                    }
                    if (otherText->id == 0)
                        continue;
                    ReusePair pair = reuse::alignArticles(text, *otherText, &aligner);
                    if (other < id)
                        pair = pair.swapped();
                    if (pair.sharedChars < m_parameters.minChars)
                        continue;
                    auto otherDay = days.constFind(other);
                    if (otherDay == days.cend()) {
                        const Result<std::optional<int>> read = reuse::dayOf(s.dayOf, other);
                        if (!read)
                            return read.error();
                        otherDay = days.insert(other, *read);
                    }
                    const bool isTemplate = reuse::isTemplatePair(pair, day, *otherDay, m_parameters);
                    // `fingerprints` counts the shared ones that were not boilerplate when the pair was made;
                    // `formulas` those of them that became boilerplate since (above). A template pair (years apart,
                    // no long passage) counts all of them as formulas: it stays boilerplate whatever is recounted.
                    pairs.put({pair.a, pair.b, pair.sharedChars, pair.coverageA, pair.coverageB, isTemplate ? 1 : 0,
                               shared, isTemplate ? shared : 0, reuse::passagesToJson(pair.passages)});
                    if (!isTemplate && pair.sharedChars >= reuse::kParagraphMinChars)
                        touched.unite({id, other});
                }
            }
        }
        if (Result<void> written = articles.flush(); !written)
            return written.error();
        if (Result<void> written = pairs.flush(); !written)
            return written.error();
        if (Result<void> written = added.write(db); !written)
            return written.error();
        if (Result<void> refreshed = reuse::refreshParagraphs(db, touched); !refreshed)
            return refreshed.error();
        if (Result<void> committed = scope.commit(); !committed)
            return committed.error();
        done += batch.size();
        if (progress)
            progress(std::min(done, total), total);
    }
}

} // namespace dubao
