// Scores text-reuse detection on a test set of real copies kept outside the project (DUBAO_REUSE_DIR, default
// ../reuse-data beside it): corpus.txt holds the documents ("=== ID DATE URL", then one paragraph a line),
// expected.txt the clusters of copies ("cluster ID ID..."), the hard negatives ("hard ID ID why") and related pairs
// ("related ID ID why": articles of different stories that share a passage, such as the same quotation: right when
// listed as a quotation, neither way when reported as a copy, and precision is also printed counting a related pair
// reported as a copy as false). Every pair inside a cluster is a copy; every other pair is not. Pairs marked
// boilerplate or quotation are not reported as copies. Prints pair precision and recall, passage coverage (the
// share of the characters a copy pair shares in runs of 12 or more folded characters that the passages cover), what
// happens to the hard negatives, and the same at other --min-chars. Not a ctest: CI has no such folder.
//
//   score_reuse [DIR] [--min-chars N] [--show] [--keep FILE]
//   --show: the passages of false positives and missed copies; --keep: the library is FILE (replaced), to open in
//   the app afterwards
#include "core/reuse/reuseindex.h"
#include "core/reuse/reusetext.h"
#include "core/store/library.h"
#include "tests/support/reusedocuments.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>
#include <unordered_set>

using namespace dubao;

namespace {

QString key(const QString &x, const QString &y)
{
    return x < y ? x + u'|' + y : y + u'|' + x;
}

struct Expected
{
    QList<QStringList> clusters;
    QList<QPair<QString, QString>> hard;
    QList<QPair<QString, QString>> related;
    QSet<QString> positives;
    QSet<QString> relatedKeys;
};

// Folded positions of `a` covered by a run of at least 12 folded characters that `b` also has.
QList<int> referenceShared(const reuse::FoldedText &a, const reuse::FoldedText &b)
{
    constexpr std::size_t k = 12;
    std::unordered_set<std::u32string> grams;
    for (std::size_t j = 0; j + k <= b.chars.size(); ++j)
        grams.insert(b.chars.substr(j, k));
    QList<bool> covered(a.size(), false);
    for (std::size_t i = 0; i + k <= a.chars.size(); ++i)
        if (grams.count(a.chars.substr(i, k)))
            for (std::size_t t = i; t < i + k; ++t)
                covered[qsizetype(t)] = true;
    QList<int> positions;
    for (int i = 0; i < a.size(); ++i)
        if (covered[i])
            positions.append(i);
    return positions;
}

// The text of a block's range [start, end) in code points.
QString blockText(Library &library, qint64 block, int start, int end)
{
    QSqlQuery q(library.database());
    q.prepare(QStringLiteral("SELECT text FROM blocks WHERE id = ?"));
    q.addBindValue(block);
    if (!q.exec() || !q.next())
        return {};
    const QList<uint> codePoints = q.value(0).toString().toUcs4();
    return QString::fromUcs4(reinterpret_cast<const char32_t *>(codePoints.constData()) + start, end - start);
}

// Prints each passage of a pair, both sides (--show).
void showPassages(Library &library, const ReusePair &pair)
{
    for (const ReusePassage &s : pair.passages)
        std::printf("        [%s]\n        [%s]\n", qPrintable(blockText(library, s.aBlock, s.aStart, s.aEnd)),
                    qPrintable(blockText(library, s.bBlock, s.bStart, s.bEnd)));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QString dir = QStringLiteral(DUBAO_REUSE_DIR);
    int minChars = 50;
    bool show = false;
    QString keep;
    const QStringList args = app.arguments().mid(1);
    for (qsizetype k = 0; k < args.size(); ++k) {
        if (args[k] == u"--min-chars" && k + 1 < args.size())
            minChars = args[++k].toInt();
        else if (args[k] == u"--show")
            show = true;
        else if (args[k] == u"--keep" && k + 1 < args.size())
            keep = args[++k];
        else
            dir = args[k];
    }
    QFile corpusFile(dir + u"/corpus.txt"), expectedFile(dir + u"/expected.txt");
    if (!corpusFile.open(QIODevice::ReadOnly) || !expectedFile.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "score_reuse: no corpus.txt and expected.txt in %s (DUBAO_REUSE_DIR)\n", qPrintable(dir));
        return 1;
    }
    QList<test::ReuseDocument> documents;
    for (const QString &line : QString::fromUtf8(corpusFile.readAll()).split(u'\n')) {
        if (line.startsWith(u'#') || line.trimmed().isEmpty())
            continue;
        if (line.startsWith(u"=== ")) {
            const QStringList f = line.mid(4).split(u' ');
            documents.append({f.value(0), QDate::fromString(f.value(1), Qt::ISODate), {}});
        } else if (!documents.isEmpty()) {
            documents.back().paragraphs.append(line);
        }
    }
    Expected expected;
    for (const QString &line : QString::fromUtf8(expectedFile.readAll()).split(u'\n')) {
        const QStringList f = line.split(u' ', Qt::SkipEmptyParts);
        if (f.value(0) == u"cluster") {
            expected.clusters.append(f.mid(1));
            for (qsizetype i = 1; i < f.size(); ++i)
                for (qsizetype j = i + 1; j < f.size(); ++j)
                    expected.positives.insert(key(f[i], f[j]));
        } else if (f.value(0) == u"hard") {
            expected.hard.append({f.value(1), f.value(2)});
        } else if (f.value(0) == u"related") {
            expected.related.append({f.value(1), f.value(2)});
            expected.relatedKeys.insert(key(f.value(1), f.value(2)));
        }
    }

    QTemporaryDir tmp;
    Library library;
    if (!keep.isEmpty())
        QFile::remove(keep);
    if (!library.open(keep.isEmpty() ? tmp.filePath(QStringLiteral("reuse.sqlite")) : keep)) {
        std::fprintf(stderr, "score_reuse: cannot open a library\n");
        return 1;
    }
    QHash<qint64, QString> names;
    QHash<QString, qint64> ids;
    for (const test::ReuseDocument &d : std::as_const(documents)) {
        const qint64 id = test::storeReuseDocument(library, d);
        names.insert(id, d.name);
        ids.insert(d.name, id);
    }
    ReuseIndex index(library);
    QElapsedTimer timer;
    timer.start();
    if (const Result<qint64> built = index.rebuild(); !built) {
        std::fprintf(stderr, "score_reuse: %s\n", qPrintable(built.error().message()));
        return 1;
    }
    std::printf("%lld documents, %lld expected copy pairs, %lld clusters; computed in %lld ms\n",
                qlonglong(documents.size()), qlonglong(expected.positives.size()), qlonglong(expected.clusters.size()),
                qlonglong(timer.elapsed()));
    const QList<ReusePair> all = *index.pairs(0);

    QList<int> thresholds{30, 50, 80};
    if (!thresholds.contains(minChars))
        thresholds.append(minChars);
    for (int threshold : std::as_const(thresholds)) {
        int reported = 0, truePositives = 0, boilerplate = 0, quotations = 0, related = 0;
        for (const ReusePair &p : all) {
            if (p.sharedChars < threshold)
                continue;
            if (p.boilerplate || p.quotation) { // listed, but not as a copy
                ++(p.boilerplate ? boilerplate : quotations);
                continue;
            }
            if (expected.relatedKeys.contains(key(names.value(p.a), names.value(p.b)))) {
                ++related; // shares a passage without being a copy of the story: counts neither way
                continue;
            }
            ++reported;
            truePositives += expected.positives.contains(key(names.value(p.a), names.value(p.b))) ? 1 : 0;
        }
        std::printf("%s--min-chars %d: reported %d as copies (and %d as boilerplate, %d as quotations; %d related "
                    "reported as copies), precision %.3f (%.3f with the related as false positives), recall %.3f\n",
                    threshold == minChars ? "* " : "  ", threshold, reported, boilerplate, quotations, related,
                    reported ? double(truePositives) / reported : 1.0,
                    reported + related ? double(truePositives) / (reported + related) : 1.0,
                    double(truePositives) / double(expected.positives.size()));
        if (threshold == minChars) {
            for (const ReusePair &p : all)
                if (p.sharedChars >= threshold && !p.boilerplate && !p.quotation &&
                    !expected.positives.contains(key(names.value(p.a), names.value(p.b))) &&
                    !expected.relatedKeys.contains(key(names.value(p.a), names.value(p.b)))) {
                    std::printf("    false positive: %s ~ %s, %d chars\n", qPrintable(names.value(p.a)),
                                qPrintable(names.value(p.b)), p.sharedChars);
                    if (show)
                        showPassages(library, p);
                }
        }
    }

    // Passage coverage and missed copies.
    long referenceTotal = 0, coveredTotal = 0;
    for (const QString &pairKey : std::as_const(expected.positives)) {
        const QStringList two = pairKey.split(u'|');
        const qint64 a = ids.value(two[0]), b = ids.value(two[1]);
        const Result<ReusePair> compared = index.compare(a, b);
        bool found = false;
        for (const ReusePair &p : all)
            found = found || (p.a == std::min(a, b) && p.b == std::max(a, b) && p.sharedChars >= minChars &&
                              !p.boilerplate && !p.quotation);
        // The folded text of a, with each position's block, to test it against the passages.
        QSqlQuery q(library.database());
        q.prepare(QStringLiteral("SELECT id, text FROM blocks WHERE article_id = ? ORDER BY position"));
        QList<qint64> blockIds;
        QList<QString> texts;
        auto fold = [&](qint64 article) {
            blockIds.clear();
            texts.clear();
            q.addBindValue(article);
            q.exec();
            while (q.next()) {
                blockIds.append(q.value(0).toLongLong());
                texts.append(q.value(1).toString());
            }
            return reuse::foldBlocks(texts);
        };
        const reuse::FoldedText fb = fold(b);
        const reuse::FoldedText fa = fold(a);
        const QList<int> reference = referenceShared(fa, fb);
        int covered = 0;
        for (int i : reference)
            for (const ReusePassage &s : compared->passages)
                if (s.aBlock == blockIds[fa.blocks[i]] && fa.starts[i] >= s.aStart && fa.starts[i] < s.aEnd) {
                    ++covered;
                    break;
                }
        referenceTotal += reference.size();
        coveredTotal += found ? covered : 0;
        if (!found) {
            std::printf("    missed: %s ~ %s (%d chars aligned now, %lld in runs of 12+)\n", qPrintable(two[0]),
                        qPrintable(two[1]), compared->sharedChars, qlonglong(reference.size()));
            if (show)
                showPassages(library, *compared);
        }
    }
    std::printf("passage coverage: %.3f of %ld characters shared in runs of 12+ (copy pairs found at --min-chars "
                "%d)\n",
                referenceTotal ? double(coveredTotal) / double(referenceTotal) : 1.0, referenceTotal, minChars);

    const auto verdicts = [&](const char *heading, const QList<QPair<QString, QString>> &list) {
        std::printf("%s\n", heading);
        for (const auto &[x, y] : list) {
            const qint64 a = ids.value(x), b = ids.value(y);
            QString verdict = QStringLiteral("not paired");
            for (const ReusePair &p : all)
                if (p.a == std::min(a, b) && p.b == std::max(a, b))
                    verdict = QStringLiteral("%1 chars%2%3")
                                  .arg(p.sharedChars)
                                  .arg(p.boilerplate ? QStringLiteral(", boilerplate")
                                       : p.quotation ? QStringLiteral(", quotation")
                                                     : QString())
                                  .arg(p.sharedChars >= minChars && !p.boilerplate && !p.quotation
                                           ? QStringLiteral(", REPORTED as a copy")
                                           : QString());
            std::printf("    %s ~ %s: %s\n", qPrintable(x), qPrintable(y), qPrintable(verdict));
        }
    };
    verdicts("hard negatives:", expected.hard);
    verdicts("related (a shared quotation, not one story's copies):", expected.related);
    return 0;
}
