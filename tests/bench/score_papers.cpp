// Scores the parser on a held-out set of other papers' issues: every FILE.txt under the folder given (recursively)
// with a FILE.expected.json beside it (the clean reading: per article its title, byline source, reporters and
// month-day, and paragraphs; per issue the year and whether the issue states it). Prints the checks passed per
// category and in all. The set itself is kept outside the project (docs/parser.md, "Measuring the parser").
//
//   score_papers FOLDER [--verbose]
#include "core/parse/issuefile.h"
#include "core/text/chinesetext.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTextStream>

#include <cstdio>

using namespace dubao;

namespace {

// Compared without spaces, with punctuation folded to one width and quotes to one form, Traditional to Simplified.
QString norm(const QString &s, bool paragraph = false)
{
    if (paragraph && s.endsWith(u'。')) // a lost full stop is the OCR's: the paragraph's bounds are what count
        return norm(s.chopped(1));
    QString out;
    for (QChar c : text::foldToSimplified(s)) {
        if (c.isSpace() || c == QChar(0x3000))
            continue;
        switch (c.unicode()) {
        case u',':
            c = u'，';
            break;
        case u'(':
            c = u'（';
            break;
        case u')':
            c = u'）';
            break;
        case u';':
            c = u'；';
            break;
        case u':':
            c = u'：';
            break;
        case u'!':
            c = u'！';
            break;
        case u'?':
            c = u'？';
            break;
        case u'“':
        case u'”':
            c = u'"';
            break;
        default:
            break;
        }
        out += c;
    }
    return out;
}

struct Score
{
    QMap<QString, QPair<int, int>> byCategory; // passed, total
    bool verbose = false;
    QString file;
    void check(const QString &category, bool ok, const QString &what)
    {
        auto &s = byCategory[category];
        s.second += 1;
        s.first += ok ? 1 : 0;
        if (!ok && verbose)
            std::printf("  FAIL %s %s: %s\n", qPrintable(file), qPrintable(category), qPrintable(what));
    }
};

void scoreIssue(Score &score, const ParsedIssue &got, const QJsonObject &expected)
{
    const QJsonArray articles = expected.value(u"articles").toArray();
    score.check(QStringLiteral("articles"), got.articles.size() == articles.size(),
                QStringLiteral("%1 articles, expected %2").arg(got.articles.size()).arg(articles.size()));
    for (qsizetype k = 0; k < articles.size(); ++k) {
        const QJsonObject e = articles[k].toObject();
        const Article *a = k < got.articles.size() ? &got.articles[k] : nullptr;
        score.check(QStringLiteral("headlines"), a && norm(a->title) == norm(e.value(u"title").toString()),
                    a ? a->title : QStringLiteral("(no article)"));
        const bool hasByline = a && a->byline;
        score.check(QStringLiteral("byline source"),
                    hasByline && norm(a->byline->source) == norm(e.value(u"source").toString()),
                    hasByline ? a->byline->source : QStringLiteral("(no byline)"));
        QStringList expectedReporters;
        for (const QJsonValue &r : e.value(u"reporters").toArray())
            expectedReporters.append(norm(r.toString()));
        QStringList gotReporters;
        if (hasByline) {
            for (const QString &r : a->byline->reporters)
                gotReporters.append(norm(r));
        }
        score.check(QStringLiteral("byline reporters"), hasByline && gotReporters == expectedReporters,
                    gotReporters.join(u'/') + QStringLiteral(" vs ") + expectedReporters.join(u'/'));
        score.check(QStringLiteral("byline date"), hasByline && a->byline->date == e.value(u"date").toString(),
                    hasByline ? a->byline->date : QString());
        QStringList paragraphs;
        if (a) {
            for (const Block &b : a->blocks) {
                if (b.kind == BlockKind::Body)
                    paragraphs.append(norm(b.text, true));
            }
        }
        const QJsonArray expectedParagraphs = e.value(u"paragraphs").toArray();
        score.check(QStringLiteral("paragraph count"), paragraphs.size() == expectedParagraphs.size(),
                    QStringLiteral("%1 paragraphs, expected %2").arg(paragraphs.size()).arg(expectedParagraphs.size()));
        for (const QJsonValue &p : expectedParagraphs) {
            const QString want = norm(p.toString(), true);
            score.check(QStringLiteral("paragraphs"), paragraphs.contains(want), want.left(24));
        }
    }
    // The year: a stated year must be found as stated; an unstated one must not be stated, and when a year is
    // given, the expected one must be it or among the alternatives the parser names.
    const QJsonValue year = expected.value(u"year");
    const bool stated = expected.value(u"stated").toBool();
    const IssueInfo &info = got.issue;
    bool ok = false;
    if (stated)
        ok = info.date.isValid() && info.date.year() == year.toInt() && !info.dateInferred;
    else if (!info.date.isValid())
        ok = true;
    else
        ok = info.dateInferred &&
             (year.isNull() || info.date.year() == year.toInt() || info.yearAlternatives.contains(year.toInt()));
    score.check(QStringLiteral("year"), ok,
                info.date.toString(Qt::ISODate) + (info.dateInferred ? QStringLiteral("?") : QString()));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: score_papers FOLDER [--verbose]\n");
        return 2;
    }
    Score score;
    score.verbose = args.contains(QStringLiteral("--verbose"));
    int files = 0;
    QDirIterator it(args[1], {QStringLiteral("*.txt")}, QDir::Files, QDirIterator::Subdirectories);
    QStringList paths;
    while (it.hasNext())
        paths.append(it.next());
    paths.sort();
    for (const QString &path : paths) {
        QFile expectedFile(path.chopped(4) + QStringLiteral(".expected.json"));
        if (!expectedFile.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject expected = QJsonDocument::fromJson(expectedFile.readAll()).object();
        const IssueFileResult parsed = parseIssueFile(path);
        score.file = QDir(args[1]).relativeFilePath(path);
        ++files;
        scoreIssue(score, parsed.issue, expected);
    }
    int passed = 0;
    int total = 0;
    std::printf("%d issues\n", files);
    for (auto it = score.byCategory.cbegin(); it != score.byCategory.cend(); ++it) {
        std::printf("%-18s %3d/%3d\n", qPrintable(it.key()), it.value().first, it.value().second);
        passed += it.value().first;
        total += it.value().second;
    }
    std::printf("%-18s %3d/%3d = %.1f%%\n", "all", passed, total, total ? 100.0 * passed / total : 0.0);
    return files > 0 ? 0 : 1;
}
