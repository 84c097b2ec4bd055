// make_corpus: writes synthetic issue files for the benchmarks, recombined from the real corpus.
//
//   make_corpus OUT_DIR [--mb 100] [--seed 1] [--corpus DIR]
//
// Every file (10-20 KB) holds a few articles, each a headline block taken from the corpus, a byline recombined
// from the corpus's bylines (agency, reporters and opening sentence from different ones) with a random date,
// and corpus paragraphs in random order. The output depends only on the corpus and the seed; no two files
// have the same content. Earlier issue-*.txt files in OUT_DIR are removed first. MB = 1,000,000 bytes.

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>

#include <cstdio>
#include <cstdlib>
#include <random>

namespace {

struct Material
{
    QStringList headlineBlocks; ///< one to four headline lines, blank-line separated as in the files
    QStringList agencies;       ///< e.g. the "…记者" part of a byline
    QStringList reporters;      ///< the names after it, OCR spaces kept
    QStringList openings;       ///< what follows the byline's date: the article's first paragraph
    QStringList paragraphs;
};

void usage()
{
    std::fprintf(stderr, "usage: make_corpus OUT_DIR [--mb 100] [--seed 1] [--corpus DIR]\n");
}

// The 本报讯 bylines of the corpus: 本报讯(<agency>记者 <names>)<M>月<D>日<opening>, with the OCR's stray spaces
// (记 者, 12 月19日) tolerated.
const QRegularExpression &bylinePattern()
{
    static const QRegularExpression pattern(
        QStringLiteral(R"(^本报讯[((]\s*(\S+?记\s*者)\s+([^))]+?)\s*[))]\s*\d{1,2}\s*月\s*\d{1,2}\s*日(.+)$)"));
    return pattern;
}

bool isHeadlineLine(const QString &line)
{
    if (line.startsWith(QStringLiteral("## ")))
        return true;
    if (line.startsWith(QStringLiteral("本报")))
        return false;
    static const QRegularExpression sentencePunctuation(QStringLiteral("[,,。;;::!!??]"));
    return line.size() <= 36 && !line.contains(sentencePunctuation);
}

// Splits a file into groups of non-blank lines and sorts each group into headline runs, bylines and paragraphs.
void collect(const QString &text, Material &material)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    QStringList groups;
    QStringList current;
    for (const QString &rawLine : lines) {
        const QString line = rawLine.endsWith(QLatin1Char('\r')) ? rawLine.chopped(1) : rawLine;
        if (line.trimmed().isEmpty()) {
            if (!current.isEmpty())
                groups.append(current.join(QLatin1Char('\n')));
            current.clear();
        } else {
            current.append(line);
        }
    }
    if (!current.isEmpty())
        groups.append(current.join(QLatin1Char('\n')));

    QStringList headlineRun;
    const auto flushHeadlines = [&] {
        if (!headlineRun.isEmpty() && headlineRun.size() <= 4)
            material.headlineBlocks.append(headlineRun.join(QStringLiteral("\n\n")));
        headlineRun.clear();
    };
    for (const QString &group : groups) {
        const QStringList groupLines = group.split(QLatin1Char('\n'));
        bool allHeadline = true;
        for (const QString &line : groupLines)
            allHeadline = allHeadline && isHeadlineLine(line.trimmed());
        if (allHeadline) {
            headlineRun.append(group);
            continue;
        }
        flushHeadlines();
        const QRegularExpressionMatch byline = bylinePattern().match(group);
        if (byline.hasMatch()) {
            material.agencies.append(byline.captured(1));
            material.reporters.append(byline.captured(2));
            material.openings.append(byline.captured(3));
        } else {
            material.paragraphs.append(group);
        }
    }
    flushHeadlines();
}

class Generator
{
public:
    Generator(const Material &material, quint64 seed)
        : m_material(material)
        , m_random(seed)
    {}

    QByteArray issue()
    {
        const qsizetype target = 10'000 + qsizetype(below(10'001));
        QString text = QStringLiteral("\n\n");
        while (text.toUtf8().size() < target) {
            text += article();
        }
        return text.toUtf8();
    }

    QString paragraph() { return pick(m_material.paragraphs) + QStringLiteral("\n\n"); }

private:
    QString article()
    {
        QString text = pick(m_material.headlineBlocks) + QStringLiteral("\n\n");
        text += QStringLiteral("本报讯(") + pick(m_material.agencies) + QLatin1Char(' ') + pick(m_material.reporters) +
                QStringLiteral(")") + QString::number(1 + below(12)) + QStringLiteral("月") +
                QString::number(1 + below(28)) + QStringLiteral("日") + pick(m_material.openings) +
                QStringLiteral("\n\n");
        const quint64 paragraphs = 3 + below(6);
        for (quint64 i = 0; i < paragraphs; ++i)
            text += paragraph();
        return text;
    }

    // Modulo rather than std::uniform_int_distribution, whose output differs between standard libraries.
    quint64 below(quint64 n) { return m_random() % n; }
    const QString &pick(const QStringList &list) { return list.at(qsizetype(below(quint64(list.size())))); }

    const Material &m_material;
    std::mt19937_64 m_random;
};

} // namespace

int main(int argc, char **argv)
{
    QString outDir;
    QString corpusDir = QStringLiteral(DUBAO_CORPUS_DIR);
    double megabytes = 100;
    quint64 seed = 1;
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        const bool hasValue = i + 1 < argc;
        if (arg == QStringLiteral("--mb") && hasValue) {
            megabytes = std::atof(argv[++i]);
        } else if (arg == QStringLiteral("--seed") && hasValue) {
            seed = std::strtoull(argv[++i], nullptr, 10);
        } else if (arg == QStringLiteral("--corpus") && hasValue) {
            corpusDir = QString::fromLocal8Bit(argv[++i]);
        } else if (!arg.startsWith(QLatin1Char('-')) && outDir.isEmpty()) {
            outDir = arg;
        } else {
            usage();
            return 2;
        }
    }
    if (outDir.isEmpty() || megabytes <= 0) {
        usage();
        return 2;
    }

    QElapsedTimer timer;
    timer.start();

    Material material;
    const QDir corpus(corpusDir);
    const QStringList corpusFiles = corpus.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name);
    for (const QString &name : corpusFiles) {
        QFile file(corpus.filePath(name));
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "make_corpus: cannot read %s: %s\n", qPrintable(file.fileName()),
                         qPrintable(file.errorString()));
            return 1;
        }
        collect(QString::fromUtf8(file.readAll()), material);
    }
    if (material.headlineBlocks.isEmpty() || material.openings.isEmpty() || material.paragraphs.isEmpty()) {
        std::fprintf(stderr, "make_corpus: no headlines, bylines or paragraphs found in %s\n", qPrintable(corpusDir));
        return 1;
    }

    QDir out(outDir);
    if (!out.mkpath(QStringLiteral("."))) {
        std::fprintf(stderr, "make_corpus: cannot create %s\n", qPrintable(outDir));
        return 1;
    }
    for (const QString &old : out.entryList({QStringLiteral("issue-*.txt")}, QDir::Files)) {
        if (!out.remove(old)) {
            std::fprintf(stderr, "make_corpus: cannot remove %s\n", qPrintable(out.filePath(old)));
            return 1;
        }
    }

    Generator generator(material, seed);
    QSet<QByteArray> seen;
    const qint64 targetBytes = qint64(megabytes * 1e6);
    qint64 written = 0;
    int files = 0;
    while (written < targetBytes) {
        QByteArray bytes = generator.issue();
        QByteArray digest = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
        while (seen.contains(digest)) {
            bytes += generator.paragraph().toUtf8();
            digest = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256);
        }
        seen.insert(digest);

        QFile file(out.filePath(QStringLiteral("issue-%1.txt").arg(files, 6, 10, QLatin1Char('0'))));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size()) {
            std::fprintf(stderr, "make_corpus: cannot write %s: %s\n", qPrintable(file.fileName()),
                         qPrintable(file.errorString()));
            return 1;
        }
        written += bytes.size();
        ++files;
    }

    std::printf("make_corpus: %d files, %.1f MB in %.2f s into %s (seed %llu; from %lld corpus files: %lld headline "
                "blocks, %lld bylines, %lld paragraphs)\n",
                files, double(written) / 1e6, double(timer.elapsed()) / 1000.0, qPrintable(outDir),
                static_cast<unsigned long long>(seed), static_cast<long long>(corpusFiles.size()),
                static_cast<long long>(material.headlineBlocks.size()),
                static_cast<long long>(material.openings.size()), static_cast<long long>(material.paragraphs.size()));
    return 0;
}
