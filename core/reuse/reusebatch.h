// Inside core/reuse: what one batch of the index's update (ReuseIndex::update()) reads ahead and writes in few
// statements. On a team library every statement is a round trip to the server (and an unprepared one three: QPSQL's
// PREPARE, EXECUTE and DEALLOCATE), so the batch reads its articles' texts, days, old fingerprints and the index's
// counts of their fingerprints a window of articles at a time, and writes its new rows as multi-row INSERTs prepared
// once (sql::RowInserter), where it ran about eight statements per article. On a file the same code runs (one copy for
// both engines).
#pragma once

#include "core/model/result.h"
#include "core/reuse/reusearticles.h"
#include "core/store/rowinserter.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

#include <cstdint>
#include <optional>
#include <vector>

namespace dubao::reuse {

/// What the index knows of one fingerprint (its row of reuse_hashes; all zero without one).
struct HashStats
{
    int articles = 0;
    std::optional<int> firstDay, lastDay;
    bool frequent = false;
};

/// SQLite integers are signed: a hash is stored as the signed value of the same bits.
inline qint64 asColumn(std::uint64_t hash)
{
    return static_cast<qint64>(hash);
}

QByteArray hashesToBlob(const std::vector<std::uint64_t> &hashes);
std::vector<std::uint64_t> hashesFromBlob(const QByteArray &blob);

/// Hashes as a JSON array of their column values: one bound parameter that the dialect's rows turn into rows, so
/// that a list of fingerprints is read or written by one prepared statement rather than one per fingerprint.
QString hashesJson(const std::vector<std::uint64_t> &hashes);
QString idsJson(const QList<qint64> &ids);

/// The articles' sorted, distinct fingerprints (winnowed shingles of their folded text).
std::vector<std::uint64_t> fingerprintsOf(const ArticleText &text);

/// Read ahead for a window of a batch's articles, in one statement each.
struct Window
{
    QHash<qint64, ArticleText> texts;       ///< the articles that exist (a deleted one is missing)
    QHash<qint64, QByteArray> oldBlobs;     ///< their fingerprints in the index before the update (reuse_articles)
    QHash<qint64, std::optional<int>> days; ///< the Julian day of their issue's date (none when undated)
    /// The index's rows (reuse_hashes) of every fingerprint of the window's articles as they were read; a fingerprint
    /// of theirs missing here has no row. The update counts its own changes down here (forgetHashes) so that it
    /// stays what the database holds.
    QHash<qint64, HashStats> stats;
    QHash<qint64, std::vector<std::uint64_t>> fingerprints; ///< fingerprintsOf() each existing article
};

Result<Window> readWindow(QSqlDatabase db, const QList<qint64> &articles);

/// The day of one article's issue (the statement `dayOf` of a candidate outside the window).
Result<std::optional<int>> dayOf(QSqlQuery &prepared, qint64 article);
QString dayOfSql(const QSqlDatabase &db);

/// The pairs a batch stores (reuse_pairs), kept by key until written: an upsert of a pair the batch stored already
/// replaces it, as ON CONFLICT would, and a multi-row INSERT never names one key twice (which PostgreSQL refuses).
class PairBuffer final
{
    Q_DISABLE_COPY_MOVE(PairBuffer)
public:
    explicit PairBuffer(QSqlDatabase db);
    /// a, b, shared_chars, coverage_a, coverage_b, boilerplate, fingerprints, formulas, passages
    void put(const QVariantList &row);
    /// The partners of `article`'s buffered pairs that count for its paragraphs (as the statement `partners` reads
    /// the stored ones), and those pairs forgotten (as `removePairs` deletes the stored ones).
    QList<qint64> takePairsOf(qint64 article, int minChars);
    Result<void> flush();

private:
    sql::RowInserter m_insert;
    QMap<std::pair<qint64, qint64>, QVariantList> m_rows;
};

} // namespace dubao::reuse
