// Text reuse in the library (schema v10, docs/reuse.md): each article's fingerprints, the pairs of articles that
// share passages, with the passages, and the publications the user marks as reference collections. The index is
// built when the user asks (rebuild(), the full computation); from then on triggers on `blocks` put every article
// whose text is written (import, replace, re-parse, OCR corrections) on a to-do list, like the people index, and
// update() fingerprints the articles on it and compares each with the index of what is already there — never all
// pairs again. Fingerprints, pairs and the to-do list
// are derived (backups leave them out); the reference-collection marks are the user's.
#pragma once

#include "core/model/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

namespace dubao {

class Library;

/// Registers schema step 10 (text reuse) with the store. Every program that opens a library calls it once before it
/// does, beside registerSearchSchema(). Thread-safe; calling it again does nothing.
void registerReuseSchema();

/// A passage two articles share: a range of a block of each, in code points of the block's text, end exclusive.
struct ReusePassage
{
    qint64 aBlock = 0;
    int aStart = 0;
    int aEnd = 0;
    qint64 bBlock = 0;
    int bStart = 0;
    int bEnd = 0;
    /// The identical characters the alignment matched, as (offset in a's block, offset in b's block) in code points,
    /// in order: what is not listed inside the passage was inserted, cut or reworded. Only compare() fills it (the
    /// index does not store it).
    QList<QPair<int, int>> matched{};
};

/// Passages as JSON: an array of {a_block, a_start, a_end, b_block, b_start, b_end} (what the library stores and
/// dubao-cli prints).
QJsonArray reusePassagesJson(const QList<ReusePassage> &passages);

struct ReusePair
{
    qint64 a = 0;
    qint64 b = 0;
    int sharedChars = 0;  ///< folded characters the alignment matched
    double coverageA = 0; ///< sharedChars / a's folded characters
    double coverageB = 0;
    bool boilerplate = false; ///< most of what they share is in very many articles (formulas, slogans, templates)
    /// What they share is short, in sentence-long passages (ReuseParameters::quotationChars, quotationPassageChars):
    /// the same quotation or stock sentence in two different stories. Listed with its passages, but not a copy: it
    /// joins no cluster. Decided when the pair is read, from what is stored.
    bool quotation = false;
    int longestPassage = 0; ///< the most characters one aligned passage matched (computed, not stored)
    QList<ReusePassage> passages;

    /// The same pair seen from b.
    ReusePair swapped() const;
};

struct ReuseCluster
{
    QList<qint64> articles;       ///< ascending ids
    std::optional<qint64> source; ///< the earliest dated copy (a reference collection's first); none when undated
};

/// Another article that shares passages with an article (ReuseIndex::articleReuse()).
struct ReuseCopy
{
    qint64 article = 0;
    QString title;
    QString publication;
    QDate date;               ///< invalid when its issue is undated
    bool reference = false;   ///< its publication is a reference collection
    int sharedChars = 0;      ///< folded characters the two share
    double coverage = 0;      ///< of the article asked about
    double coverageOther = 0; ///< of this copy
};

/// A stretch of one paragraph of the article that other articles share: [start, end) in code points of the block's
/// text, with the copies whose passages overlap it (indexes into ArticleReuse::copies, earliest first).
struct ReuseMark
{
    qint64 blockId = 0;
    int start = 0;
    int end = 0;
    QList<int> copies;
};

/// What the index knows of one article: the copies that share passages with it, earliest first (reference
/// collections first among the same day; undated ones last), the marks of its shared passages in reading order, and
/// how much of its folded text is its own. Pairs marked boilerplate are left out.
struct ArticleReuse
{
    bool indexed = false; ///< false: the index was never built (nothing else is filled)
    QDate date;           ///< the article's own (its issue's)
    int foldedChars = 0;  ///< Han characters of the article
    int ownChars = 0;     ///< of those, the ones no passage covers
    QList<ReuseCopy> copies;
    QList<ReuseMark> marks;

    /// The share of the article's folded characters some copy shares (0..1).
    double sharedShare() const { return foldedChars > 0 ? 1.0 - double(ownChars) / foldedChars : 0; }
    /// The likely source: the earliest copy when it is dated no later than the article (a reference collection's
    /// first on that day); -1 when the article is itself the earliest (every copy is later) or undated.
    int sourceCopy() const;
};

/// One article of a cluster as the Reuse view lists it.
struct ReuseClusterCopy
{
    qint64 article = 0;
    QString title;
    QString publication;
    QDate date;                 ///< invalid when undated
    std::optional<int> lagDays; ///< days after the cluster's source; none for the source or when either is undated
    double shared = 0;          ///< the largest share of this article another article of the cluster shares (0..1)
};

/// A cluster with what the Reuse view shows of it: the source first, then the copies by date (undated last).
struct ReuseClusterDetails
{
    std::optional<qint64> source;
    QList<ReuseClusterCopy> copies;
};

struct ReuseParameters
{
    int minChars = 30;              ///< pairs sharing fewer folded characters are not stored
    int minSharedFingerprints = 2;  ///< candidates share at least this many fingerprints
    int maxCandidates = 50;         ///< aligned per article, those sharing most first
    int indexCap = 200;             ///< a fingerprint in more articles is boilerplate and no longer indexed
    int boilerplateMin = 5;         ///< a fingerprint in more articles than this and than
    double boilerplateShare = 0.01; ///< this share of them counts as boilerplate
    int formulaMinArticles = 3;     ///< a fingerprint in at least this many articles whose dates lie
    int formulaSpanDays = 180;      ///< further apart than this is a formula (a template line, a slogan)
    /// Two articles dated further apart than formulaSpanDays share a template, not a story, unless one passage
    /// matches at least this many characters (a document or a story reprinted years later).
    int templatePassageChars = 150;
    /// A pair sharing fewer folded characters than quotationChars, none of its passages as long as
    /// quotationPassageChars (a paragraph: a copy reprints at least one), is a shared quotation or stock sentence,
    /// not a copy (ReusePair::quotation). Measured on the real-copy set (docs/reuse.md): two agencies' reports of one
    /// letter share its quoted sentence and two facts (53-76 characters, no passage over 33); copies share 135 and
    /// more, with a passage of 52 or more.
    int quotationChars = 100;
    int quotationPassageChars = 50;
    /// Compared per write transaction; their index rows are written at its end. The fingerprint rows land at random
    /// places of reuse_fingerprints, so each batch rewrites pages all over it: on the 1 GB library a rebuild wrote
    /// 7.4 GB in batches of 200, 3.1 GB of 2,000, 1.4 GB of 10,000 (docs/reuse.md).
    int batchArticles = 5000;
    /// Inside a batch, read ahead together (their texts, days, old fingerprints and the index's counts of their
    /// fingerprints: four statements, not four per article; a team library pays a round trip for each).
    int windowArticles = 200;
};

/// Messages are English; an application that installs a translator gets them translated (context
/// "dubao::ReuseIndex").
class ReuseIndex final
{
    Q_DECLARE_TR_FUNCTIONS(dubao::ReuseIndex)

public:
    explicit ReuseIndex(Library &library, ReuseParameters parameters = {})
        : m_library(library)
        , m_parameters(parameters)
    {}

    /// True once the user has built the index (rebuild()). Until then nothing is queued or compared: an upgrade or
    /// an import costs nothing, and pairs() is empty.
    bool exists() const;
    /// Articles waiting to be fingerprinted and compared.
    qint64 pendingArticles() const;
    /// What update() and rebuild() report after each batch: articles done of those waiting when it began.
    using Progress = std::function<void(qint64 done, qint64 total)>;

    /// Fingerprints and compares the waiting articles, in write transactions of a few hundred articles each. Gives
    /// back how many it read; nothing when the index does not exist. `cancel` may be null; a cancelled update is
    /// continued by the next.
    Result<qint64> update(const std::atomic_bool *cancel = nullptr, const Progress &progress = {});
    /// Builds the index: forgets every fingerprint and pair, marks the index as existing (from then on import,
    /// replace, re-parse and corrections queue their articles) and computes everything. A cancelled build is
    /// continued by the next update().
    Result<qint64> rebuild(const std::atomic_bool *cancel = nullptr, const Progress &progress = {});
    /// Computes an existing index again without forgetting it first: every article is queued and compared again,
    /// its old rows replaced as update() replaces a changed article's, so the pairs stay readable meanwhile and a
    /// cancel leaves each article's pairs either as they were or computed again (the rest stay queued).
    Result<qint64> recompute(const std::atomic_bool *cancel = nullptr, const Progress &progress = {});
    /// Forgets the index: no fingerprint, pair or queued article, and no longer built (what a library had before
    /// its first rebuild()). The reference-collection marks stay.
    Result<void> forget();

    /// Every stored pair sharing at least `minChars` folded characters, by a then b.
    Result<QList<ReusePair>> pairs(int minChars = 0) const;
    /// The pairs of one article, each seen from it (a == article), most shared first.
    Result<QList<ReusePair>> pairsOf(qint64 article, int minChars = 0) const;
    /// Aligns two articles now, whether or not the index paired them (a == first, b == second), with the matched
    /// characters of each passage (ReusePassage::matched).
    Result<ReusePair> compare(qint64 first, qint64 second) const;
    /// One article's copies, the marks of its shared passages and its own text, from the stored pairs of at least
    /// `minChars` shared characters (what the reader's margin shows; a few indexed lookups, no alignment).
    Result<ArticleReuse> articleReuse(qint64 article, int minChars = 50) const;
    /// Connected articles over the pairs that are not boilerplate, biggest cluster first.
    QList<ReuseCluster> clusters(const QList<ReusePair> &pairs) const;
    /// The clusters of the pairs sharing at least `minChars` characters, with each article's title, publication,
    /// date, lag after the source and share shared (the Reuse view). `cancel` may be null.
    Result<QList<ReuseClusterDetails>> clusterDetails(int minChars = 50,
                                                      const std::atomic_bool *cancel = nullptr) const;

    /// Marks a publication's articles as a reference collection (wire copy, a provincial paper): when a cluster
    /// holds dated articles of a reference collection, its source is the earliest of those.
    Result<void> setReferenceCollection(const QString &publication, bool reference);
    QStringList referenceCollections() const;

private:
    /// Whether the index may be built or forgotten here: not on a library open read-only, and on a team library only
    /// by an editor (the index is the editors', like the people index; readers and annotators read it).
    Result<void> mayChange(bool building) const;
    /// A fingerprint in more articles than this is boilerplate (ReuseParameters::boilerplateMin, boilerplateShare).
    int boilerplateAbove() const;
    /// For a pair the index did not store: true when the fingerprints the two share are (nearly) all boilerplate.
    bool sharesOnlyBoilerplate(qint64 first, qint64 second) const;

    Library &m_library;
    ReuseParameters m_parameters;
};

} // namespace dubao
