// Schema v10 (text reuse) and its upkeep: the to-do list the block triggers
// fill, and the incremental computation — an article's fingerprints looked up
// in the index of the articles already there, the candidates aligned, the pairs
// stored. docs/reuse.md describes the method and the tables.
#include "core/reuse/reuseindex.h"

#include "core/reuse/reusealigner.h"
#include "core/reuse/reusearticles.h"
#include "core/store/library.h"
#include "core/store/schema.h"
#include "core/store/sql.h"

#include <QHash>
#include <QSqlQuery>

#include <algorithm>

namespace dubao {

namespace {

constexpr int kBatchArticles = 200;

// Written to run again on a file that has the tables (IF NOT EXISTS), like the
// people index's step.
Result<void> migrateTo10(QSqlDatabase &db) {
  static const char *const statements[] = {
      // An article's folded size and its fingerprints (8 bytes each,
      // little-endian), so that its rows in the
      // index can be taken out when its text changes. No foreign key: update()
      // drops a deleted article's rows.
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
      // Fingerprints found in more articles than the index keeps
      // (ReuseParameters::indexCap): boilerplate.
      "CREATE TABLE IF NOT EXISTS reuse_frequent (hash INTEGER PRIMARY KEY)",
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
      // The user's marks: publications whose articles are reference collections
      // (wire copy, another paper).
      R"(CREATE TABLE IF NOT EXISTS reuse_sources (
            publication_id INTEGER PRIMARY KEY REFERENCES publications(id) ON DELETE CASCADE
        ))",
      "CREATE TABLE IF NOT EXISTS reuse_pending (article_id INTEGER PRIMARY "
      "KEY)",
      R"(CREATE TRIGGER IF NOT EXISTS reuse_block_inserted AFTER INSERT ON blocks BEGIN
            INSERT OR IGNORE INTO reuse_pending(article_id) VALUES (NEW.article_id);
        END)",
      R"(CREATE TRIGGER IF NOT EXISTS reuse_block_changed AFTER UPDATE OF text, article_id ON blocks BEGIN
            INSERT OR IGNORE INTO reuse_pending(article_id) VALUES (NEW.article_id);
            INSERT OR IGNORE INTO reuse_pending(article_id) VALUES (OLD.article_id);
        END)",
      R"(CREATE TRIGGER IF NOT EXISTS reuse_block_deleted AFTER DELETE ON blocks BEGIN
            INSERT OR IGNORE INTO reuse_pending(article_id) VALUES (OLD.article_id);
        END)",
      // A library with articles gets them all on the to-do list; the first
      // update() compares them.
      "INSERT OR IGNORE INTO reuse_pending(article_id) SELECT id FROM articles",
  };
  for (const char *statement : statements)
    if (Result<void> done = sql::exec(db, QString::fromUtf8(statement)); !done)
      return done;
  return {};
}

QByteArray hashesToBlob(const std::vector<std::uint64_t> &hashes) {
  QByteArray blob(qsizetype(hashes.size() * 8), Qt::Uninitialized);
  for (std::size_t k = 0; k < hashes.size(); ++k)
    for (int byte = 0; byte < 8; ++byte)
      blob[qsizetype(k * 8 + byte)] = char((hashes[k] >> (8 * byte)) & 0xFF);
  return blob;
}

std::vector<std::uint64_t> hashesFromBlob(const QByteArray &blob) {
  std::vector<std::uint64_t> hashes(std::size_t(blob.size() / 8));
  for (std::size_t k = 0; k < hashes.size(); ++k)
    for (int byte = 0; byte < 8; ++byte)
      hashes[k] |= std::uint64_t(static_cast<unsigned char>(
                       blob[qsizetype(k * 8 + byte)]))
                   << (8 * byte);
  return hashes;
}

/// SQLite integers are signed: a hash is stored as the signed value of the same
/// bits.
qint64 asColumn(std::uint64_t hash) { return static_cast<qint64>(hash); }

Result<void> run(QSqlQuery &prepared, const QVariantList &values) {
  for (qsizetype k = 0; k < values.size(); ++k)
    prepared.bindValue(int(k), values[k]);
  if (!prepared.exec())
    return Error(
        sql::Store::tr("cannot store: %1").arg(prepared.lastError().text()));
  return {};
}

/// The statements one batch of the update runs, prepared once per batch.
struct Statements {
  explicit Statements(QSqlDatabase db)
      : oldFingerprints(db), removeFingerprint(db), removeArticle(db),
        removePairs(db), isFrequent(db), articlesWith(db), addFrequent(db),
        dropFrequent(db), addFingerprint(db), addArticle(db), addPair(db),
        done(db), dayOf(db) {
    dayOf.prepare(QStringLiteral("SELECT julianday(i.date) FROM articles a "
                                 "JOIN issues i ON i.id = a.issue_id "
                                 "WHERE a.id = ?"));
    oldFingerprints.prepare(QStringLiteral(
        "SELECT fingerprints FROM reuse_articles WHERE article_id = ?"));
    removeFingerprint.prepare(QStringLiteral(
        "DELETE FROM reuse_fingerprints WHERE hash = ? AND article_id = ?"));
    removeArticle.prepare(
        QStringLiteral("DELETE FROM reuse_articles WHERE article_id = ?"));
    removePairs.prepare(
        QStringLiteral("DELETE FROM reuse_pairs WHERE a = ? OR b = ?"));
    isFrequent.prepare(
        QStringLiteral("SELECT 1 FROM reuse_frequent WHERE hash = ?"));
    articlesWith.prepare(QStringLiteral(
        "SELECT article_id FROM reuse_fingerprints WHERE hash = ? LIMIT ?"));
    addFrequent.prepare(QStringLiteral(
        "INSERT OR IGNORE INTO reuse_frequent(hash) VALUES (?)"));
    dropFrequent.prepare(
        QStringLiteral("DELETE FROM reuse_fingerprints WHERE hash = ?"));
    addFingerprint.prepare(
        QStringLiteral("INSERT OR IGNORE INTO reuse_fingerprints(hash, "
                       "article_id) VALUES (?, ?)"));
    addArticle.prepare(
        QStringLiteral("INSERT OR REPLACE INTO reuse_articles(article_id, "
                       "characters, fingerprints) VALUES (?, ?, ?)"));
    addPair.prepare(
        QStringLiteral("INSERT OR REPLACE INTO reuse_pairs(a, b, shared_chars, "
                       "coverage_a, coverage_b, "
                       "boilerplate, fingerprints, formulas, passages) VALUES "
                       "(?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    done.prepare(
        QStringLiteral("DELETE FROM reuse_pending WHERE article_id = ?"));
  }
  QSqlQuery oldFingerprints, removeFingerprint, removeArticle, removePairs,
      isFrequent, articlesWith, addFrequent, dropFrequent, addFingerprint,
      addArticle, addPair, done, dayOf;
};

struct Candidate {
  int shared = 0;   ///< fingerprints in common
  int frequent = 0; ///< of which boilerplate
};

} // namespace

void registerReuseSchema() {
  schema::registerStep(10, "reuse", migrateTo10);
  // Computed from the blocks: a restore re-queues every article (the block
  // triggers). reuse_sources is the user's.
  schema::registerDerivedTables(
      {QStringLiteral("reuse_articles"), QStringLiteral("reuse_fingerprints"),
       QStringLiteral("reuse_frequent"), QStringLiteral("reuse_pairs"),
       QStringLiteral("reuse_pending")});
}

qint64 ReuseIndex::pendingArticles() const {
  return sql::scalar(m_library.database(),
                     QStringLiteral("SELECT count(*) FROM reuse_pending"))
      .toLongLong();
}

Result<qint64> ReuseIndex::rebuild(const std::atomic_bool *cancel) {
  {
    sql::WriteScope scope(m_library.database());
    if (!scope.isActive())
      return scope.error();
    if (Result<void> cleared = sql::exec(
            m_library.database(),
            {{QStringLiteral("DELETE FROM reuse_pairs"), {}},
             {QStringLiteral("DELETE FROM reuse_fingerprints"), {}},
             {QStringLiteral("DELETE FROM reuse_articles"), {}},
             {QStringLiteral("DELETE FROM reuse_frequent"), {}},
             {QStringLiteral("INSERT OR IGNORE INTO reuse_pending(article_id) "
                             "SELECT id FROM articles"),
              {}}});
        !cleared)
      return cleared.error();
    if (Result<void> committed = scope.commit(); !committed)
      return committed.error();
  }
  return update(cancel);
}

Result<qint64> ReuseIndex::update(const std::atomic_bool *cancel) {
  if (m_library.isReadOnly())
    return qint64(0); // a read-only library shows the pairs it has; the next
                      // writable open catches up
  QSqlDatabase db = m_library.database();
  const sql::CacheSizeScope cache(db, 64 * 1024); // KiB
  qint64 done = 0;
  for (;;) {
    if (cancel && cancel->load())
      return Error(tr("cancelled"));
    const QList<qint64> batch = sql::ids(
        db,
        QStringLiteral(
            "SELECT article_id FROM reuse_pending ORDER BY article_id LIMIT %1")
            .arg(kBatchArticles));
    if (batch.isEmpty())
      return done;
    const qint64 articles =
        sql::scalar(db, QStringLiteral("SELECT count(*) FROM articles"))
            .toLongLong();
    // The index keeps a fingerprint in at most indexCap articles, whatever the
    // library's size, so that the work per article is bounded; a fingerprint in
    // more than boilerplateAbove articles (at most the cap) is boilerplate.
    const int indexCap = m_parameters.indexCap;
    const int boilerplateAbove = std::min(
        indexCap - 1, std::max(m_parameters.boilerplateMin,
                               int(articles * m_parameters.boilerplateShare)));

    sql::WriteScope scope(db);
    if (!scope.isActive())
      return scope.error();
    Statements s(db);
    // The day of an article's issue (0: undated), read once per batch.
    QHash<qint64, int> days;
    auto dayOf = [&](qint64 article) {
      const auto it = days.constFind(article);
      if (it != days.cend())
        return *it;
      int day = 0;
      if (run(s.dayOf, {article}) && s.dayOf.next())
        day = int(s.dayOf.value(0).toDouble());
      s.dayOf.finish();
      days.insert(article, day);
      return day;
    };
    for (qint64 id : batch) {
      // Out with what the index held for the article.
      if (Result<void> read = run(s.oldFingerprints, {id}); !read)
        return read.error();
      const QByteArray oldBlob = s.oldFingerprints.next()
                                     ? s.oldFingerprints.value(0).toByteArray()
                                     : QByteArray();
      s.oldFingerprints.finish();
      for (std::uint64_t h : hashesFromBlob(oldBlob))
        if (Result<void> removed = run(s.removeFingerprint, {asColumn(h), id});
            !removed)
          return removed.error();
      for (QSqlQuery *q : {&s.removeArticle, &s.done})
        if (Result<void> removed = run(*q, {id}); !removed)
          return removed.error();
      if (Result<void> removed = run(s.removePairs, {id, id}); !removed)
        return removed.error();

      const Result<reuse::ArticleText> text = reuse::readArticleText(db, id);
      if (!text)
        return text.error();
      if (text->id == 0)
        continue; // deleted

      // Its fingerprints, looked up in the index: every article sharing some is
      // counted.
      std::vector<std::uint64_t> hashes;
      for (const reuse::Fingerprint &f :
           reuse::winnow(reuse::shingleHashes(text->folded.chars)))
        hashes.push_back(f.hash);
      std::sort(hashes.begin(), hashes.end());
      hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
      QHash<qint64, Candidate> candidates;
      for (std::uint64_t h : hashes) {
        if (Result<void> read = run(s.isFrequent, {asColumn(h)}); !read)
          return read.error();
        const bool frequent = s.isFrequent.next();
        s.isFrequent.finish();
        if (frequent)
          continue;
        if (Result<void> read = run(s.articlesWith, {asColumn(h), indexCap});
            !read)
          return read.error();
        QList<qint64> others;
        while (s.articlesWith.next())
          others.append(s.articlesWith.value(0).toLongLong());
        s.articlesWith.finish();
        if (others.size() >= indexCap) {
          // One more article makes it too common to index: boilerplate from now
          // on.
          for (QSqlQuery *q : {&s.addFrequent, &s.dropFrequent})
            if (Result<void> written = run(*q, {asColumn(h)}); !written)
              return written.error();
          continue;
        }
        // Boilerplate: in too many articles, or a formula — in several articles
        // far apart in time. Copies of one story run within days or weeks; a
        // template line or a slogan comes back year after year.
        auto isBoilerplate = [&](qint64 with) {
          const qsizetype n = others.size() + (with ? 1 : 0);
          if (n > boilerplateAbove)
            return true;
          if (n < m_parameters.formulaMinArticles)
            return false;
          int first = 0, last = 0;
          for (qint64 article : others + QList<qint64>{with}) {
            const int day = article ? dayOf(article) : 0;
            if (day == 0)
              continue;
            first = first == 0 ? day : std::min(first, day);
            last = std::max(last, day);
          }
          return first > 0 && last - first > m_parameters.formulaSpanDays;
        };
        const bool boilerplate = isBoilerplate(id);
        if (boilerplate && others.size() >= 2 && !isBoilerplate(0)) {
          // It has just become boilerplate: the pairs already stored between
          // the articles that have it counted it as text of their own. Count it
          // as a formula now.
          QVariantList in;
          QStringList marks;
          for (qint64 other : std::as_const(others)) {
            in.append(other);
            marks.append(QStringLiteral("?"));
          }
          const QString list = marks.join(u',');
          if (Result<void> recounted = sql::exec(
                  db,
                  QStringLiteral("UPDATE reuse_pairs SET formulas = formulas + "
                                 "1, boilerplate = "
                                 "fingerprints - (formulas + 1) < ? WHERE a IN "
                                 "(%1) AND b IN (%1)")
                      .arg(list),
                  QVariantList{m_parameters.minSharedFingerprints} + in + in);
              !recounted)
            return recounted.error();
        }
        for (qint64 other : std::as_const(others)) {
          Candidate &c = candidates[other];
          ++c.shared;
          c.frequent += boilerplate ? 1 : 0;
        }
        if (Result<void> added = run(s.addFingerprint, {asColumn(h), id});
            !added)
          return added.error();
      }
      if (Result<void> added = run(
              s.addArticle, {id, text->folded.size(), hashesToBlob(hashes)});
          !added)
        return added.error();

      // The candidates sharing most, aligned.
      QList<QPair<int, qint64>> ranked;
      for (auto it = candidates.cbegin(); it != candidates.cend(); ++it)
        if (it->shared >= m_parameters.minSharedFingerprints)
          ranked.append({it->shared, it.key()});
      std::sort(ranked.begin(), ranked.end(), [](const auto &x, const auto &y) {
        return x.first != y.first ? x.first > y.first : x.second < y.second;
      });
      if (ranked.size() > m_parameters.maxCandidates)
        ranked.resize(m_parameters.maxCandidates);
      const reuse::TextAligner aligner(text->folded.chars);
      for (const auto &[shared, other] : std::as_const(ranked)) {
        const Result<reuse::ArticleText> otherText =
            reuse::readArticleText(db, other);
        if (!otherText)
          return otherText.error();
        if (otherText->id == 0)
          continue;
        ReusePair pair = reuse::alignArticles(*text, *otherText, &aligner);
        if (other < id)
          pair = pair.swapped();
        if (pair.sharedChars < m_parameters.minChars)
          continue;
        const Candidate &c = candidates.value(other);
        // Boilerplate when what they share beyond formulas would not have made
        // them candidates.
        pair.boilerplate =
            c.shared - c.frequent < m_parameters.minSharedFingerprints;
        if (Result<void> added = run(
                s.addPair, {pair.a, pair.b, pair.sharedChars, pair.coverageA,
                            pair.coverageB, pair.boilerplate ? 1 : 0, c.shared,
                            c.frequent, reuse::passagesToJson(pair.passages)});
            !added)
          return added.error();
      }
    }
    if (Result<void> committed = scope.commit(); !committed)
      return committed.error();
    done += batch.size();
  }
}

} // namespace dubao
