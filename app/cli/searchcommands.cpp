// dubao-cli's search commands: search, kwic, reindex.
#include "app/cli/clisupport.h"
#include "app/cli/commands.h"
#include "core/search/concordance.h"
#include "core/search/searchindex.h"
#include "core/search/searchservice.h"
#include "core/store/library.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace dubao::cli {

namespace {

QJsonArray rangesToJson(const QList<TextRange> &ranges)
{
    QJsonArray list;
    for (const TextRange &r : ranges)
        list.append(QJsonArray{qint64(r.start), qint64(r.end())});
    return list;
}

// Display width in a terminal: East Asian wide characters take two columns.
int displayWidth(QStringView s)
{
    int w = 0;
    for (QChar c : s) {
        if (c.isLowSurrogate())
            continue;
        const char16_t u = c.unicode();
        w += (u >= 0x1100 && (u <= 0x115F || (u >= 0x2E80 && u <= 0xA4CF) || (u >= 0xAC00 && u <= 0xD7A3) ||
                              (u >= 0xF900 && u <= 0xFAFF) || (u >= 0xFE30 && u <= 0xFE4F) ||
                              (u >= 0xFF00 && u <= 0xFF60) || (u >= 0xFFE0 && u <= 0xFFE6) || c.isHighSurrogate()))
                 ? 2
                 : 1;
    }
    return w;
}

/// Rebuilds the index first when it needs it (made by an older version, or a rebuild was interrupted), as the
/// app does on open: searching it as it is could miss text. Progress goes to stderr.
bool ensureIndex(Library &library, Streams io)
{
    if (library.isReadOnly() || !SearchIndex::needsRebuild(library))
        return true;
    io.err << "dubao-cli: note: the search index is out of date; rebuilding it first" << Qt::endl;
    if (const Result<void> rebuilt = SearchIndex::rebuild(library, {}, nullptr); !rebuilt) {
        io.err << "dubao-cli: cannot rebuild the search index: " << rebuilt.error().message() << Qt::endl;
        return false;
    }
    return true;
}

QString orderName(SearchOrder order)
{
    switch (order) {
    case SearchOrder::Newest:
        return QStringLiteral("newest");
    case SearchOrder::Oldest:
        return QStringLiteral("oldest");
    case SearchOrder::Relevance:
        break;
    }
    return QStringLiteral("relevance");
}

int cmdSearch(const Args &args, Streams io)
{
    if (args.positional.isEmpty()) {
        io.err << "dubao-cli: search needs a QUERY (quote it: dubao-cli search '永川 会议')" << Qt::endl;
        return 2;
    }
    SearchOptions options;
    if (!intOption(args, QStringLiteral("limit"), 0, 100000, &options.limit, io) ||
        !intOption(args, QStringLiteral("offset"), 0, 1 << 30, &options.offset, io))
        return 2;
    if (args.has(QStringLiteral("order"))) {
        const QString order = args.option(QStringLiteral("order"));
        if (order == QLatin1String("relevance"))
            options.order = SearchOrder::Relevance;
        else if (order == QLatin1String("newest"))
            options.order = SearchOrder::Newest;
        else if (order == QLatin1String("oldest"))
            options.order = SearchOrder::Oldest;
        else {
            io.err << "dubao-cli: --order is relevance, newest or oldest" << Qt::endl;
            return 2;
        }
    }
    Library library;
    if (!openLibrary(library, args, io) || !ensureIndex(library, io))
        return 1;
    SearchService service(library);
    // The text output says "more than N hits" for a very common term rather than counting every hit before the
    // page; --json keeps the exact total (counted before the page).
    options.exactTotal = args.json;
    const SearchResult result = service.search(args.positional.join(u' '), options);
    for (const QString &message : result.query.messages)
        io.err << "dubao-cli: note: " << message << Qt::endl;
    if (!result.error.isEmpty()) {
        io.err << "dubao-cli: " << result.error << Qt::endl;
        return 1;
    }

    if (args.json) {
        QJsonArray hits;
        for (const SearchHit &hit : result.hits) {
            QJsonObject o{
                {QStringLiteral("kind"), hit.kind == SearchHit::Kind::Paragraph ? QStringLiteral("paragraph")
                                         : hit.kind == SearchHit::Kind::Note    ? QStringLiteral("note")
                                                                                : QStringLiteral("headline")},
                {QStringLiteral("article"), hit.articleId},
                {QStringLiteral("block"), hit.blockId},
                {QStringLiteral("date"),
                 hit.dateText().isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(hit.dateText())},
                {QStringLiteral("publication"), hit.publication},
                {QStringLiteral("title"), hit.articleTitle},
                {QStringLiteral("snippet"), hit.snippet.text},
                {QStringLiteral("snippet_highlights"), rangesToJson(hit.snippet.ranges)},
                {QStringLiteral("matches"), rangesToJson(hit.matches)},
            };
            if (hit.kind == SearchHit::Kind::Note)
                o.insert(QStringLiteral("note"), hit.noteId);
            hits.append(o);
        }
        printJson(io.out, QJsonDocument(QJsonObject{
                              {QStringLiteral("query"), args.positional.join(u' ')},
                              {QStringLiteral("match"), result.query.matchExpression()},
                              {QStringLiteral("order"), orderName(result.order)},
                              {QStringLiteral("rank_capped"), result.rankCapped},
                              {QStringLiteral("total"), result.total},
                              {QStringLiteral("offset"), result.offset},
                              {QStringLiteral("messages"), QJsonArray::fromStringList(result.query.messages)},
                              {QStringLiteral("hits"), hits},
                          }));
        return 0;
    }

    if (result.totalIsLowerBound)
        io.out << "more than ";
    io.out << result.total << (result.total == 1 && !result.totalIsLowerBound ? " hit" : " hits");
    if (!result.hits.isEmpty()) {
        io.out << ", " << result.offset + 1 << "-" << result.offset + result.hits.size() << " by "
               << orderName(result.order);
        if (result.rankCapped && result.order == SearchOrder::Relevance)
            io.out << " (the newest " << SearchService::kRankedHits << " ranked)";
    }
    io.out << "\n";
    for (const SearchHit &hit : result.hits) {
        io.out << "\n";
        if (hit.kind == SearchHit::Kind::Note)
            io.out << "note " << hit.noteId << "  ";
        io.out << "article " << hit.articleId << "  paragraph " << hit.blockId << "  "
               << (hit.dateText().isEmpty() ? QStringLiteral("undated") : hit.dateText()) << "  " << hit.articleTitle
               << "\n";
        io.out << "    " << hit.snippet.markedUp(u"[", u"]") << "\n";
    }
    return 0;
}

int cmdKwic(const Args &args, Streams io)
{
    if (args.positional.isEmpty()) {
        io.err << "dubao-cli: kwic needs a TERM" << Qt::endl;
        return 2;
    }
    ConcordanceOptions options;
    if (!intOption(args, QStringLiteral("width"), 1, 500, &options.width, io) ||
        !intOption(args, QStringLiteral("limit"), 0, 10000000, &options.limit, io))
        return 2;
    if (args.has(QStringLiteral("sort"))) {
        const QString sort = args.option(QStringLiteral("sort"));
        if (sort == QLatin1String("date"))
            options.sort = ConcordanceSort::Date;
        else if (sort == QLatin1String("left"))
            options.sort = ConcordanceSort::LeftContext;
        else if (sort == QLatin1String("right"))
            options.sort = ConcordanceSort::RightContext;
        else {
            io.err << "dubao-cli: --sort is date, left or right" << Qt::endl;
            return 2;
        }
    }
    Library library;
    if (!openLibrary(library, args, io) || !ensureIndex(library, io))
        return 1;
    const QString term = args.positional.join(u' ');
    const ConcordanceResult result = Concordance(library).lines(term, options);
    if (!result.error.isEmpty()) {
        io.err << "dubao-cli: " << result.error << Qt::endl;
        return 1;
    }
    if (args.has(QStringLiteral("csv"))) {
        QFile file(args.option(QStringLiteral("csv")));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            file.write(Concordance::toCsv(result.lines)) < 0) {
            io.err << "dubao-cli: " << file.fileName() << ": " << file.errorString() << Qt::endl;
            return 1;
        }
    }
    if (args.json) {
        QJsonArray lines;
        for (const ConcordanceLine &line : result.lines) {
            lines.append(QJsonObject{
                {QStringLiteral("left"), line.left},
                {QStringLiteral("keyword"), line.keyword},
                {QStringLiteral("right"), line.right},
                {QStringLiteral("date"),
                 line.dateText().isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(line.dateText())},
                {QStringLiteral("article"), line.articleId},
                {QStringLiteral("title"), line.articleTitle},
                {QStringLiteral("block"), line.blockId},
                {QStringLiteral("offset"), qint64(line.offset)},
            });
        }
        printJson(io.out, QJsonDocument(QJsonObject{{QStringLiteral("term"), term},
                                                    {QStringLiteral("paragraphs"), result.paragraphs},
                                                    {QStringLiteral("truncated"), result.truncated},
                                                    {QStringLiteral("lines"), lines}}));
        return 0;
    }
    const int leftColumns = options.width * 2;
    for (const ConcordanceLine &line : result.lines) {
        const QString date = line.dateText().isEmpty() ? QStringLiteral("undated") : line.dateText();
        io.out << date.leftJustified(10) << "  " << QStringLiteral("%1").arg(line.blockId, 7) << "  "
               << QString(std::max(0, leftColumns - displayWidth(line.left)), u' ') << line.left << " [" << line.keyword
               << "] " << line.right << "\n";
    }
    io.out << result.lines.size() << " lines in " << result.paragraphs << " paragraphs"
           << (result.truncated ? " (cut by --limit)" : "") << "\n";
    return 0;
}

int cmdReindex(const Args &args, Streams io)
{
    Library library;
    if (!openLibrary(library, args, io))
        return 1;
    QElapsedTimer timer;
    timer.start();
    qint64 lastPercent = -10;
    const Result<void> rebuilt = SearchIndex::rebuild(
        library,
        [&](const SearchIndex::Progress &p) {
            const qint64 percent = p.total > 0 ? p.done * 100 / p.total : 100;
            if (percent / 10 != lastPercent / 10 && !args.json) {
                io.err << "indexing: " << percent << "%" << Qt::endl;
                lastPercent = percent;
            }
        },
        nullptr);
    if (!rebuilt) {
        io.err << "dubao-cli: cannot rebuild the search index: " << rebuilt.error().message() << Qt::endl;
        return 1;
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const SearchIndex::Stats s = SearchIndex::stats(library);
    if (args.json) {
        printJson(io.out, QJsonDocument(QJsonObject{{QStringLiteral("paragraphs"), s.blocks},
                                                    {QStringLiteral("headlines"), s.articles},
                                                    {QStringLiteral("notes"), s.notes},
                                                    {QStringLiteral("text_bytes"), s.textBytes},
                                                    {QStringLiteral("index_bytes"), s.indexBytes},
                                                    {QStringLiteral("seconds"), seconds}}));
    } else {
        io.out << "indexed " << s.blocks << " paragraphs, " << s.articles << " headlines, " << s.notes << " notes in "
               << QString::number(seconds, 'f', 2) << " s; index "
               << QString::number(double(s.indexBytes) / 1e6, 'f', 1) << " MB for "
               << QString::number(double(s.textBytes) / 1e6, 'f', 1) << " MB of text\n";
    }
    return 0;
}

} // namespace

void addSearchCommands(CommandTable &table)
{
    // search QUERY [--limit N] [--offset N] [--order relevance|newest|oldest] [--json]
    table.emplace(QStringLiteral("search"), cmdSearch);
    // kwic TERM [--width N] [--sort date|left|right] [--limit N] [--csv FILE] [--json]
    table.emplace(QStringLiteral("kwic"), cmdKwic);
    // reindex [--json]
    table.emplace(QStringLiteral("reindex"), cmdReindex);
}

} // namespace dubao::cli
