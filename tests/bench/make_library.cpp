// make_library: writes a big library for the reader's benchmarks, recombined from the real corpus.
//
//   make_library OUT_FILE [--issues 20000] [--articles 100000] [--seed 1] [--corpus DIR]
//
// Parses the corpus files and stores --issues issues holding --articles articles in all (3 to 7 per issue, 5 on
// average), through IssueRepository::insert as an import would (and indexed for search as it does). Each article takes
// its headline and byline from a corpus article and 4 to 12 corpus paragraphs in random order (mostly body text, now
// and then a caption, heading or note). Issues of three publications are spread over 1995-2024, more of them in recent
// years (the largest year holds about a tenth of them); one in a hundred has no known year. OUT_FILE must not
// exist. The output depends only on the corpus and the seed.

#include "core/parse/issuefile.h"
#include "core/search/searchindex.h"
#include "core/store/issuerepository.h"
#include "core/store/library.h"
#include "core/store/sql.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include <algorithm>
#include <cstdio>
#include <random>

namespace {

using namespace dubao;

void usage()
{
    std::fprintf(stderr, "usage: make_library OUT_FILE [--issues 20000] [--articles 100000] [--seed 1] "
                         "[--corpus DIR]\n");
}

struct Material
{
    QList<Article> headlines; ///< corpus articles without their blocks: kicker, title, subtitles, byline
    QList<Block> paragraphs;  ///< every block of the corpus
};

Material collect(const QString &corpusDir)
{
    Material material;
    const QDir dir(corpusDir);
    for (const QString &name : dir.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name)) {
        const IssueFileResult result = parseIssueFile(dir.filePath(name));
        if (!result.ok) {
            std::fprintf(stderr, "skipping %s: %s\n", qPrintable(name), qPrintable(result.error));
            continue;
        }
        for (Article article : result.issue.articles) {
            for (const Block &block : std::as_const(article.blocks))
                if (!block.text.isEmpty())
                    material.paragraphs.append(block);
            article.blocks.clear();
            material.headlines.append(article);
        }
    }
    return material;
}

// Issues per year grow linearly from 1995 to 2024 (the newest year has about 2,000 of 20,000).
int pickYear(std::mt19937 &rng)
{
    static const std::vector<double> weights = [] {
        std::vector<double> w;
        for (int year = 1995; year <= 2024; ++year)
            w.push_back(1.0 + (year - 1995));
        return w;
    }();
    std::discrete_distribution<int> distribution(weights.begin(), weights.end());
    return 1995 + distribution(rng);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2 || args.at(1).startsWith(QLatin1Char('-'))) {
        usage();
        return 2;
    }
    const QString out = args.at(1);
    int issueCount = 20000;
    int articleCount = 100000;
    unsigned seed = 1;
    QString corpusDir = QStringLiteral(DUBAO_CORPUS_DIR);
    for (int i = 2; i + 1 < args.size(); i += 2) {
        const QString &option = args.at(i);
        const QString &value = args.at(i + 1);
        if (option == QLatin1String("--issues"))
            issueCount = value.toInt();
        else if (option == QLatin1String("--articles"))
            articleCount = value.toInt();
        else if (option == QLatin1String("--seed"))
            seed = value.toUInt();
        else if (option == QLatin1String("--corpus"))
            corpusDir = value;
        else {
            usage();
            return 2;
        }
    }
    if (issueCount <= 0 || articleCount < issueCount) {
        usage();
        return 2;
    }
    if (QFileInfo::exists(out)) {
        std::fprintf(stderr, "%s exists; not overwriting\n", qPrintable(out));
        return 1;
    }

    const Material material = collect(corpusDir);
    if (material.headlines.isEmpty() || material.paragraphs.isEmpty()) {
        std::fprintf(stderr, "no articles in the corpus at %s\n", qPrintable(corpusDir));
        return 1;
    }

    Library library;
    if (const Result<void> opened = library.open(out); !opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message()));
        return 1;
    }
    IssueRepository repository(library);

    std::mt19937 rng(seed);
    auto pick = [&rng](qsizetype size) {
        return qsizetype(std::uniform_int_distribution<qsizetype>(0, size - 1)(rng));
    };

    // Articles per issue: the average is articleCount / issueCount, each issue within ±2 of it, the total exact.
    std::vector<int> perIssue(size_t(issueCount), articleCount / issueCount);
    for (int extra = articleCount % issueCount, i = 0; extra > 0; --extra, ++i)
        ++perIssue[size_t(i)];
    for (size_t i = 0; i + 1 < perIssue.size(); i += 2) {
        const int shift = std::min(int(std::uniform_int_distribution<int>(0, 2)(rng)), perIssue[i] - 1);
        perIssue[i] -= shift;
        perIssue[i + 1] += shift;
    }
    std::shuffle(perIssue.begin(), perIssue.end(), rng);

    const QStringList publications{QStringLiteral("渝西都市报"), QStringLiteral("永川日报"),
                                   QStringLiteral("重庆晚报")};
    QElapsedTimer timer;
    timer.start();
    qint64 blocks = 0;
    constexpr int kBatch = 500;
    std::unique_ptr<sql::WriteScope> transaction;
    QList<qint64> batchIssues;
    for (int i = 0; i < issueCount; ++i) {
        if (!transaction) {
            transaction = std::make_unique<sql::WriteScope>(library.database());
            // Indexed for search once per batch, as the importer does (SearchIndex::deferIndexing).
            QSqlDatabase db = library.database();
            if (const Result<void> deferred = SearchIndex::deferIndexing(db); !deferred) {
                std::fprintf(stderr, "deferIndexing: %s\n", qPrintable(deferred.error().message()));
                return 1;
            }
        }
        ParsedIssue issue;
        issue.source.path = QStringLiteral("/generated/issue-%1.txt").arg(i, 5, 10, QLatin1Char('0'));
        issue.source.sha256 =
            QString::fromLatin1(QCryptographicHash::hash(QStringLiteral("make_library %1 %2").arg(seed).arg(i).toUtf8(),
                                                         QCryptographicHash::Sha256)
                                    .toHex());
        issue.source.encoding = QStringLiteral("UTF-8");
        issue.issue.publication = publications.at(pick(publications.size()));
        const QDate date(pickYear(rng), 1, 1);
        const QDate day = date.addDays(pick(date.daysInYear()));
        issue.issue.month = day.month();
        issue.issue.day = day.day();
        if (pick(100) != 0) {
            issue.issue.date = day;
            issue.issue.dateInferred = pick(10) == 0;
        }
        int line = 1;
        for (int a = 0; a < perIssue[size_t(i)]; ++a) {
            Article article = material.headlines.at(pick(material.headlines.size()));
            article.firstLine = line;
            line += 2 + int(article.subtitles.size()) + (article.kicker.isEmpty() ? 0 : 1);
            const int paragraphs = 4 + int(pick(9));
            for (int p = 0; p < paragraphs; ++p) {
                Block block = material.paragraphs.at(pick(material.paragraphs.size()));
                const int lines = std::max(1, block.lastLine - block.firstLine + 1);
                block.firstLine = line;
                block.lastLine = line + lines - 1;
                line += lines + 1;
                article.blocks.append(block);
            }
            blocks += article.blocks.size();
            article.lastLine = line - 1;
            issue.articles.append(article);
        }
        const Result<qint64> issueId = repository.insert(issue);
        if (!issueId) {
            std::fprintf(stderr, "issue %d: %s\n", i, qPrintable(issueId.error().message()));
            return 1;
        }
        batchIssues.append(*issueId);
        if ((i + 1) % kBatch == 0 || i + 1 == issueCount) {
            QSqlDatabase db = library.database();
            if (const Result<void> indexed = SearchIndex::indexDeferred(db, batchIssues); !indexed) {
                std::fprintf(stderr, "indexDeferred: %s\n", qPrintable(indexed.error().message()));
                return 1;
            }
            batchIssues.clear();
            if (const Result<void> committed = transaction->commit(); !committed) {
                std::fprintf(stderr, "commit: %s\n", qPrintable(committed.error().message()));
                return 1;
            }
            transaction.reset();
            std::fprintf(stderr, "\r%d issues", i + 1);
        }
    }
    std::fprintf(stderr, "\n");
    library.close();
    std::printf("%s: %d issues, %d articles, %lld blocks, %.1f MB, %.1f s\n", qPrintable(out), issueCount, articleCount,
                static_cast<long long>(blocks), double(QFileInfo(out).size()) / 1e6, double(timer.elapsed()) / 1000.0);
    return 0;
}
