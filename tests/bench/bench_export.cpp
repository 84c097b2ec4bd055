// bench_export: exporting 10,000 excerpts, per format.
//
//   bench_export [--excerpts N] [--runs R] [--library FILE]
//
// --library keeps the generated library (a new file) for timing `dubao-cli export --format pdf|odt` on it.
// 1. Collection: a library made from the sample issue (copied into 50 issues) with N highlights (two tags each,
//    every fifth with a note) is read back by ExcerptCollector (all of them, then by one tag).
// 2. Writing: each text format (Markdown, HTML, CSV, JSON, CSL-JSON with excerpts as notes, RIS, Web
//    Annotation) writes the collected document through exportToFile (QSaveFile, a real file), median of R runs.
// The goal (issue 6): collection + writing of 10,000 excerpts under 2 s for every text format.
//
//   bench_export --annotate COPY.sqlite [--excerpts N]
//
// annotates an existing library instead (give it a copy: it writes), for timing `dubao-cli export` of every format
// on a big one: N highlights spread evenly over its body paragraphs (two of four tags each, every fifth with a
// note), in one transaction, then exits.

#include "core/export/excerptcollector.h"
#include "core/export/exportformat.h"
#include "core/ingest/importer.h"
#include "core/store/annotationrepository.h"
#include "core/store/issuerepository.h"
#include "core/store/library.h"
#include "core/store/sql.h"
#include "core/store/tagrepository.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace dubao;

namespace {

double medianMs(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

// N highlights spread evenly over the body paragraphs of an existing library: the first long enough body paragraph
// at or after each of N evenly spaced block ids (N look-ups, no scan of the blocks).
int annotate(const QString &path, int excerpts)
{
    Library library;
    if (const Result<void> opened = library.open(path); !opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message()));
        return 1;
    }
    QElapsedTimer timer;
    timer.start();
    QSqlQuery q(library.database());
    if (!q.exec(QStringLiteral("SELECT max(id) FROM blocks")) || !q.next())
        return 1;
    const qint64 maxId = q.value(0).toLongLong();
    TagRepository tags(library);
    const qint64 parent = tags.create(QStringLiteral("基准"))->id;
    const QList<qint64> tagIds{parent, tags.create(QStringLiteral("会议"), parent)->id,
                               tags.create(QStringLiteral("人物"))->id, tags.create(QStringLiteral("=公式"))->id};
    AnnotationRepository annotations(library);
    sql::WriteScope scope(library.database());
    q.prepare(
        QStringLiteral("SELECT id, length(text) FROM blocks WHERE id >= ? AND kind = 'body' AND length(text) > 60 "
                       "ORDER BY id LIMIT 1"));
    int added = 0;
    qint64 last = 0;
    for (int k = 0; k < excerpts; ++k) {
        q.addBindValue(std::max(last + 1, maxId * k / excerpts + 1));
        if (!q.exec() || !q.next())
            break;
        last = q.value(0).toLongLong();
        const int length = q.value(1).toInt();
        const int start = (added * 7) % (length - 40);
        const Result<qint64> h = annotations.addHighlight(last, start, start + 20 + added % 20,
                                                          {tagIds.at(added % 4), tagIds.at((added + 1) % 4)});
        if (!h) {
            std::fprintf(stderr, "%s\n", qPrintable(h.error().message()));
            return 1;
        }
        if (added % 5 == 0)
            (void)annotations.addNote(0, *h, QStringLiteral("笔记 %1：**重点**、<b>、=1+1\n第二行").arg(added));
        ++added;
    }
    if (const Result<void> committed = scope.commit(); !committed)
        return 1;
    std::printf("annotated %s: %d highlights in %.1f s\n", qPrintable(path), added, timer.elapsed() / 1000.0);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    int excerpts = 10000;
    int runs = 5;
    QString libraryPath;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QLatin1String("--excerpts"))
            excerpts = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--runs"))
            runs = std::max(1, args[i + 1].toInt());
        else if (args[i] == QLatin1String("--library"))
            libraryPath = args[i + 1];
    }

    if (const qsizetype at = args.indexOf(QStringLiteral("--annotate")); at > 0 && at + 1 < args.size())
        return annotate(args[at + 1], excerpts);

    QTemporaryDir dir;
    Library library;
    if (const Result<void> opened =
            library.open(libraryPath.isEmpty() ? dir.filePath(QStringLiteral("bench.sqlite")) : libraryPath);
        !opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message()));
        return 1;
    }
    QFile sample(QStringLiteral(DUBAO_SOURCE_DIR "/resources/sample/sample-issue.txt"));
    if (!sample.open(QIODevice::ReadOnly))
        return 1;
    const QByteArray text = sample.readAll();
    QStringList files;
    for (int i = 0; i < 50; ++i) {
        const QString path = dir.filePath(QStringLiteral("issue%1.txt").arg(i));
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(text + QByteArray(i + 1, '\n'));
        files.append(path);
    }
    QElapsedTimer timer;
    timer.start();
    const ImportReport report = Importer(library).importPaths(files);
    IssueRepository issues(library);
    QList<Block> blocks;
    for (const auto &imported : report.imported) {
        const auto issue = issues.issue(imported.issueId);
        for (const Article &a : issue->parsed.articles)
            blocks += a.blocks;
    }
    TagRepository tags(library);
    const qint64 parent = tags.create(QStringLiteral("农业"))->id;
    const QList<qint64> tagIds{parent, tags.create(QStringLiteral("春耕"), parent)->id,
                               tags.create(QStringLiteral("湿地"))->id, tags.create(QStringLiteral("=公式"))->id};
    AnnotationRepository annotations(library);
    {
        sql::WriteScope t(library.database());
        for (int i = 0; i < excerpts; ++i) {
            const Block &b = blocks.at(i % blocks.size());
            const int len = int(b.text.size());
            const int start = (i / int(blocks.size()) * 7) % std::max(1, len - 40);
            const int end = std::min(len, start + 20 + i % 60);
            const qint64 h =
                annotations.addHighlight(b.id, start, end, {tagIds.at(i % 4), tagIds.at((i + 1) % 4)}).valueOr(0);
            if (i % 5 == 0)
                (void)annotations.addNote(0, h, QStringLiteral("笔记 %1：\"引号\"、<b>、=1+1\n第二行").arg(i));
        }
        (void)t.commit();
    }
    std::printf("setup: %d issues, %lld blocks, %d highlights in %.0f ms\n", int(report.imported.size()),
                qlonglong(blocks.size()), excerpts, double(timer.elapsed()));

    ExcerptCollector collector(library);
    std::vector<double> collectAll, collectTag;
    ExportDocument document;
    for (int r = 0; r < runs; ++r) {
        timer.restart();
        const Result<ExportDocument> collected = collector.collect({});
        collectAll.push_back(timer.nsecsElapsed() / 1e6);
        document = collected.valueOr({});
        ExportSelection byTag;
        byTag.tagIds = {parent};
        timer.restart();
        const Result<ExportDocument> tagged = collector.collect(byTag);
        collectTag.push_back(timer.nsecsElapsed() / 1e6);
    }
    std::printf("collect: %lld excerpts, all %.0f ms, by tag 农业 (with children) %.0f ms (median of %d)\n",
                qlonglong(document.excerpts.size()), medianMs(collectAll), medianMs(collectTag), runs);

    std::printf("%-14s %10s %10s %12s %8s\n", "format", "write ms", "MB", "total ms", "< 2 s");
    bool allOk = true;
    for (const ExportFormat &f : exportFormats()) {
        if (f.needsGui)
            continue;
        const auto writer = f.createWriter();
        ExportOptions options;
        options.excerptsAsNotes = f.listsArticles();
        const QString path = dir.filePath(QStringLiteral("out.") + f.suffix);
        std::vector<double> times;
        for (int r = 0; r < runs; ++r) {
            timer.restart();
            if (const Result<void> written = exportToFile(*writer, document, options, path); !written) {
                std::fprintf(stderr, "%s\n", qPrintable(written.error().message()));
                return 1;
            }
            times.push_back(timer.nsecsElapsed() / 1e6);
        }
        const double write = medianMs(times);
        const double total = write + medianMs(collectAll);
        allOk = allOk && total < 2000;
        std::printf("%-14s %10.0f %10.2f %12.0f %8s\n", qPrintable(f.name), write, QFileInfo(path).size() / 1e6, total,
                    total < 2000 ? "yes" : "NO");
    }
    return allOk ? 0 : 1;
}
