// A held-out check of the quotation rule (docs/reuse.md, rule 6: a pair sharing fewer than quotationChars folded
// characters, none of its passages as long as quotationPassageChars code points, is a shared quotation, not a copy).
// The thresholds were chosen on the real-copy set after seeing it; this set was not used to choose them. It is made
// at run time from the corpus's own paragraphs and sentences (DUBAO_CORPUS_DIR, read, never copied) with own text of
// random Han characters, each pair in a library of its own so that pairs cannot see each other:
//   copies (a later article reprints text of an earlier one): one whole paragraph; two or three paragraphs; one
//   paragraph with OCR noise (spaces, two changed characters); the first 60-90 % of a paragraph;
//   quotations (two different stories share quoted sentences): one sentence; two sentences of one paragraph apart;
//   one long sentence (the longest of the corpus); two sentences of two different paragraphs.
// Dates lie 0-10 days apart (no template rule). Prints, for a grid of both thresholds, how many copies and quotations
// are reported as copies at the CLI's default --min-chars 50: precision and recall of "copy".
//
//   score_quotations [--pairs N] [--seed S]
#include "core/ingest/importer.h"
#include "core/reuse/reuseindex.h"
#include "core/reuse/reusetext.h"
#include "core/store/library.h"
#include "core/store/sql.h"
#include "tests/support/reusedocuments.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <cstdio>
#include <random>

using namespace dubao;

namespace {

int foldedSize(const QString &text)
{
    return reuse::foldBlocks({text}).size();
}

enum class Kind
{
    Paragraph,
    Paragraphs,
    NoisyParagraph,
    CutParagraph,
    Sentence,
    TwoSentences,
    LongSentence,
    SentencesOfTwoParagraphs,
};

const char *kindName(Kind kind)
{
    switch (kind) {
    case Kind::Paragraph:
        return "copy: one paragraph";
    case Kind::Paragraphs:
        return "copy: 2-3 paragraphs";
    case Kind::NoisyParagraph:
        return "copy: one paragraph, OCR noise";
    case Kind::CutParagraph:
        return "copy: 60-90 % of a paragraph";
    case Kind::Sentence:
        return "quotation: one sentence";
    case Kind::TwoSentences:
        return "quotation: two sentences apart";
    case Kind::LongSentence:
        return "quotation: one long sentence";
    case Kind::SentencesOfTwoParagraphs:
        return "quotation: sentences of two paragraphs";
    }
    return "";
}

bool isCopy(Kind kind)
{
    return kind <= Kind::CutParagraph;
}

struct Material
{
    QStringList paragraphs; ///< body paragraphs of 40 folded characters or more
    QStringList sentences;  ///< their sentences of 12-60 folded characters
    QStringList long_;      ///< sentences of 40 folded characters or more
};

Material readCorpus()
{
    Material m;
    QTemporaryDir dir;
    Library library;
    if (!library.open(dir.filePath(QStringLiteral("corpus.sqlite"))))
        return m;
    Importer(library).importPaths({QStringLiteral(DUBAO_CORPUS_DIR)});
    QSqlQuery q(library.database());
    q.exec(QStringLiteral("SELECT DISTINCT text FROM blocks ORDER BY text"));
    while (q.next()) {
        const QString text = q.value(0).toString();
        if (foldedSize(text) < 40)
            continue;
        m.paragraphs.append(text);
        for (const QString &s : text.split(QRegularExpression(QStringLiteral("(?<=[。！？；])")), Qt::SkipEmptyParts)) {
            const int n = foldedSize(s);
            if (n >= 12 && n <= 60)
                m.sentences.append(s);
            if (n >= 40)
                m.long_.append(s);
        }
    }
    return m;
}

struct Outcome
{
    Kind kind;
    bool stored = false;
    ReusePair pair; ///< as stored (quotation decided when read)
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int perKind =
        args.contains(QStringLiteral("--pairs")) ? args.value(args.indexOf(QStringLiteral("--pairs")) + 1).toInt() : 25;
    const quint32 seed =
        args.contains(QStringLiteral("--seed")) ? args.value(args.indexOf(QStringLiteral("--seed")) + 1).toUInt() : 7;
    const Material m = readCorpus();
    if (m.paragraphs.size() < 10 || m.sentences.size() < 10 || m.long_.isEmpty()) {
        std::fprintf(stderr, "score_quotations: too little material in %s\n", DUBAO_CORPUS_DIR);
        return 1;
    }
    std::printf("material: %lld paragraphs, %lld sentences (%lld long) from %s\n",
                static_cast<long long>(m.paragraphs.size()), static_cast<long long>(m.sentences.size()),
                static_cast<long long>(m.long_.size()), DUBAO_CORPUS_DIR);
    std::mt19937 random(seed);
    const auto below = [&](int n) {
        return int(random() % quint32(n));
    };
    const auto own = [&](int n) {
        return test::hanText(random(), n);
    };
    const auto pick = [&](const QStringList &list) {
        return list.at(below(int(list.size())));
    };

    QList<Outcome> outcomes;
    QTemporaryDir dir;
    int made = 0;
    for (int k = 0; k <= int(Kind::SentencesOfTwoParagraphs); ++k) {
        const Kind kind = Kind(k);
        for (int n = 0; n < perKind; ++n) {
            // Each article: own paragraphs of 60-200 random Han characters around what it shares.
            QStringList a{own(60 + below(140))}, b{own(60 + below(140))};
            switch (kind) {
            case Kind::Paragraph: {
                const QString p = pick(m.paragraphs);
                a << p << own(80);
                b << p;
                break;
            }
            case Kind::Paragraphs: {
                const int count = 2 + below(2);
                for (int i = 0; i < count; ++i) {
                    const QString p = pick(m.paragraphs);
                    a << p;
                    b << p;
                }
                break;
            }
            case Kind::NoisyParagraph: {
                const QString p = pick(m.paragraphs);
                QString noisy = p;
                for (int i = 0; i < 2; ++i)
                    noisy[below(int(noisy.size()))] = QChar(char16_t(0x4E00 + below(0x5000)));
                for (int i = 0; i < 4; ++i)
                    noisy.insert(below(int(noisy.size())), QLatin1Char(' '));
                a << p << own(80);
                b << noisy;
                break;
            }
            case Kind::CutParagraph: {
                const QString p = pick(m.paragraphs);
                a << p;
                b << p.left(int(p.size() * (60 + below(31)) / 100));
                break;
            }
            case Kind::Sentence: {
                const QString s = pick(m.sentences);
                a << own(40) + s + own(60);
                b << own(50) + s + own(40);
                break;
            }
            case Kind::TwoSentences: {
                const QString s = pick(m.sentences), t = pick(m.sentences);
                a << own(40) + s + own(60) << own(70) + t + own(30);
                b << own(50) + s + own(40) << own(90) << t + own(50);
                break;
            }
            case Kind::LongSentence: {
                const QString s = pick(m.long_);
                a << own(40) + s + own(60);
                b << own(50) + s + own(40);
                break;
            }
            case Kind::SentencesOfTwoParagraphs: {
                QString s = pick(m.sentences), t = pick(m.sentences);
                for (int tries = 0; tries < 10 && t == s; ++tries)
                    t = pick(m.sentences);
                a << own(30) + s + own(20) + t + own(40);
                b << own(60) + t << own(40) + s + own(30);
                break;
            }
            }
            b << own(60 + below(140));
            Library library;
            if (!library.open(dir.filePath(QStringLiteral("pair%1.sqlite").arg(made++))))
                return 1;
            const QDate day = QDate(2023, 1, 1).addDays(below(300));
            const qint64 first = test::storeReuseDocument(library, {QStringLiteral("a%1").arg(made), day, a});
            const qint64 second =
                test::storeReuseDocument(library, {QStringLiteral("b%1").arg(made), day.addDays(below(11)), b});
            ReuseIndex index(library);
            if (!first || !second || !index.rebuild())
                return 1;
            Outcome outcome{kind, false, {}};
            if (const Result<QList<ReusePair>> pairs = index.pairs(1); pairs && !pairs->isEmpty()) {
                outcome.stored = true;
                outcome.pair = pairs->front();
            }
            outcomes.append(outcome);
            const QString path = library.path();
            library.close();
            QFile::remove(path);
        }
    }

    // What each kind shares, as the index stores it.
    std::printf("\n%-40s %5s %7s %13s %15s\n", "kind", "pairs", "stored", "shared chars", "longest passage");
    for (int k = 0; k <= int(Kind::SentencesOfTwoParagraphs); ++k) {
        int count = 0, stored = 0, minShared = 1 << 30, maxShared = 0, minLongest = 1 << 30, maxLongest = 0;
        for (const Outcome &o : outcomes) {
            if (int(o.kind) != k)
                continue;
            ++count;
            if (!o.stored)
                continue;
            ++stored;
            int longest = 0;
            for (const ReusePassage &p : o.pair.passages)
                longest = std::max(longest, p.aEnd - p.aStart);
            minShared = std::min(minShared, o.pair.sharedChars);
            maxShared = std::max(maxShared, o.pair.sharedChars);
            minLongest = std::min(minLongest, longest);
            maxLongest = std::max(maxLongest, longest);
        }
        std::printf("%-40s %5d %7d %6d-%-6d %7d-%-7d\n", kindName(Kind(k)), count, stored, stored ? minShared : 0,
                    maxShared, stored ? minLongest : 0, maxLongest);
    }

    // Per kind: reported as a copy without the rule and with its thresholds (100 characters, 50 code points).
    const auto reportedAsCopy = [](const Outcome &o, int chars, int passage) {
        if (!o.stored || o.pair.boilerplate || o.pair.sharedChars < 50)
            return false;
        int longest = 0;
        for (const ReusePassage &p : o.pair.passages)
            longest = std::max(longest, p.aEnd - p.aStart);
        return !(chars > 0 && o.pair.sharedChars < chars && longest < passage);
    };
    std::printf("\n%-40s %18s %18s\n", "kind", "copy, no rule", "copy, 100 / 50");
    for (int k = 0; k <= int(Kind::SentencesOfTwoParagraphs); ++k) {
        int count = 0, bare = 0, ruled = 0;
        for (const Outcome &o : outcomes)
            if (int(o.kind) == k) {
                ++count;
                bare += reportedAsCopy(o, 0, 0) ? 1 : 0;
                ruled += reportedAsCopy(o, 100, 50) ? 1 : 0;
            }
        std::printf("%-40s %11d of %-4d %11d of %-4d\n", kindName(Kind(k)), bare, count, ruled, count);
    }

    // The rule is applied when a pair is read: the same stored pairs under other thresholds.
    std::printf("\nat --min-chars 50: a pair is reported as a copy when stored, >= 50 shared, not boilerplate, not a "
                "quotation\n%-14s %-14s %8s %8s %10s %8s %11s %11s\n",
                "quotationChars", "passageChars", "copies", "found", "quotations", "as copy", "precision", "recall");
    const int copies =
        int(std::count_if(outcomes.cbegin(), outcomes.cend(), [](const Outcome &o) { return isCopy(o.kind); }));
    const int quotations = int(outcomes.size()) - copies;
    for (int chars : {0, 60, 80, 100, 120, 150, 200}) {
        for (int passage : {30, 40, 50, 60, 80}) {
            if (chars == 0 && passage != 30)
                continue; // no rule: one row
            int truePositives = 0, falsePositives = 0;
            for (const Outcome &o : outcomes)
                if (reportedAsCopy(o, chars, passage))
                    (isCopy(o.kind) ? truePositives : falsePositives) += 1;
            const int reported = truePositives + falsePositives;
            std::printf("%-14s %-14s %8d %8d %10d %8d %11.3f %11.3f%s\n",
                        chars ? qPrintable(QString::number(chars)) : "(no rule)",
                        chars ? qPrintable(QString::number(passage)) : "", copies, truePositives, quotations,
                        falsePositives, reported ? double(truePositives) / reported : 1.0,
                        copies ? double(truePositives) / copies : 0.0,
                        chars == 100 && passage == 50 ? "   <- the rule's thresholds" : "");
        }
    }
    return 0;
}
