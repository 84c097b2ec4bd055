// dubao-cli's issue commands: replace (an issue with a corrected file), reparse (every issue with the current
// parser, keeping ids), resolve (what a dubao:// link points at now).
#include "app/cli/clisupport.h"
#include "app/cli/commands.h"
#include "core/ingest/issuereplacer.h"
#include "core/store/issuerepository.h"
#include "core/store/library.h"
#include "core/store/linkresolver.h"
#include "core/store/uid.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <optional>
#include <unistd.h>

namespace dubao::cli {

namespace {

QString countsText(const ReanchorCounts &c)
{
    QString text = QStringLiteral("%1 stayed, %2 moved, %3 orphaned").arg(c.stayed).arg(c.moved).arg(c.orphaned);
    if (c.reattached + c.stillOrphan > 0)
        text +=
            QStringLiteral(" (%1 earlier orphans re-attached, %2 still orphans)").arg(c.reattached).arg(c.stillOrphan);
    return text;
}

QJsonObject countsJson(const ReanchorCounts &c)
{
    return QJsonObject{{QStringLiteral("stayed"), c.stayed},
                       {QStringLiteral("moved"), c.moved},
                       {QStringLiteral("orphaned"), c.orphaned},
                       {QStringLiteral("reattached"), c.reattached},
                       {QStringLiteral("still_orphan"), c.stillOrphan},
                       {QStringLiteral("clipped"), c.clipped}};
}

int cmdReplace(const Args &args, Streams io)
{
    const auto issue = args.positional.size() == 2 ? parseId(args.positional.at(0)) : std::nullopt;
    if (!issue)
        return usage(io, QStringLiteral("replace takes ISSUE_ID FILE"));
    Library library;
    if (!openLibrary(library, args, io))
        return 1;
    const Result<ReanchorCounts> counts = IssueReplacer(library).replace(*issue, args.positional.at(1));
    if (!counts)
        return failure(io, counts);
    if (args.json)
        printJson(io.out, QJsonDocument(countsJson(*counts)));
    else
        io.out << "issue " << *issue << " replaced: " << countsText(*counts) << "\n";
    return 0;
}

/// write_bytes of /proc/self/io: what this process made the kernel write to disk so far (0 when unknown).
qint64 writtenBytes()
{
    QFile io(QStringLiteral("/proc/self/io"));
    if (!io.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : io.readAll().split('\n'))
        if (line.startsWith("write_bytes:"))
            return line.mid(12).trimmed().toLongLong();
    return 0;
}

QString clock(double seconds)
{
    const qint64 s = qint64(seconds + 0.5);
    return s >= 3600 ? QStringLiteral("%1:%2:%3")
                           .arg(s / 3600)
                           .arg(s / 60 % 60, 2, 10, QChar(u'0'))
                           .arg(s % 60, 2, 10, QChar(u'0'))
                     : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QChar(u'0'));
}

int cmdReparse(const Args &args, Streams io)
{
    if (!args.positional.isEmpty())
        return usage(io, QStringLiteral("reparse takes no argument"));
    Library library;
    if (!openLibrary(library, args, io))
        return 1;
    const qint64 writtenBefore = writtenBytes();
    QElapsedTimer timer;
    timer.start();

    // A progress line on a terminal only (\r-updated, at most a few times a second); nothing in a pipe or a file.
    const bool terminal = isatty(STDERR_FILENO) != 0;
    qint64 lastShown = -1000;
    int lastWidth = 0;
    ReparseOptions options;
    options.all = args.flags.contains(QStringLiteral("--all"));
    if (!intOption(args, QStringLiteral("transaction-ms"), 0, 3600000, &options.transactionMilliseconds, io))
        return 2;
    if (terminal) {
        options.progress = [&](const ReparseProgress &p) {
            const qint64 now = timer.elapsed();
            if (p.done != p.total && now - lastShown < 250)
                return;
            lastShown = now;
            const double seconds = now / 1000.0;
            const double rate = seconds > 0 ? p.done / seconds : 0;
            QString line = QStringLiteral("reparse: %1/%2 issues, %3 changed").arg(p.done).arg(p.total).arg(p.changed);
            if (p.failed > 0)
                line += QStringLiteral(", %1 failed").arg(p.failed);
            if (p.done > 0 && rate > 0)
                line += QStringLiteral(" · %1 issues/s · %2 left")
                            .arg(rate, 0, 'f', rate < 10 ? 1 : 0)
                            .arg(clock((p.total - p.done) / rate));
            const int width = int(line.size());
            io.err << '\r' << line << QString(std::max(0, lastWidth - width), u' ') << Qt::flush;
            lastWidth = width;
        };
    }
    const ReparseReport report = IssueReplacer(library).reparseAll(options);
    if (terminal && lastWidth > 0)
        io.err << '\r' << QString(lastWidth, u' ') << '\r' << Qt::flush;
    const double seconds = timer.elapsed() / 1000.0;
    const qint64 written = writtenBytes() - writtenBefore;

    for (const auto &f : report.failed)
        io.err << "dubao-cli: " << f.reason << Qt::endl;
    if (args.json) {
        QJsonObject object = countsJson(report.counts);
        object.insert(QStringLiteral("issues"), report.issues);
        object.insert(QStringLiteral("unchanged"), report.unchanged);
        object.insert(QStringLiteral("changed"), report.changed);
        object.insert(QStringLiteral("skipped"), report.skipped);
        object.insert(QStringLiteral("failed"), int(report.failed.size()));
        object.insert(QStringLiteral("cancelled"), report.cancelled);
        object.insert(QStringLiteral("blocks_kept"), report.ids.blocksKept);
        object.insert(QStringLiteral("blocks_new"), report.ids.blocksNew);
        object.insert(QStringLiteral("blocks_updated"), report.ids.blocksUpdated);
        object.insert(QStringLiteral("blocks_removed"), report.ids.blocksRemoved);
        object.insert(QStringLiteral("articles_kept"), report.ids.articlesKept);
        object.insert(QStringLiteral("articles_new"), report.ids.articlesNew);
        object.insert(QStringLiteral("articles_removed"), report.ids.articlesRemoved);
        object.insert(QStringLiteral("lineage_rows"), report.ids.lineageRows);
        object.insert(QStringLiteral("parser_version"), kParserVersion);
        object.insert(QStringLiteral("seconds"), std::round(seconds * 1000) / 1000);
        object.insert(QStringLiteral("bytes_written"), written);
        printJson(io.out, QJsonDocument(object));
    } else {
        io.out << report.issues << " issues re-parsed, " << report.failed.size()
               << " failed: " << countsText(report.counts) << "\n";
        io.out << report.changed << " changed, " << report.unchanged << " unchanged, " << report.skipped
               << " skipped (already parsed by parser version " << kParserVersion
               << "); blocks: " << report.ids.blocksKept << " kept, " << report.ids.blocksNew << " new, "
               << report.ids.blocksRemoved << " removed; " << report.ids.lineageRows << " lineage rows\n";
    }
    return report.failed.isEmpty() ? 0 : 1;
}

int cmdResolve(const Args &args, Streams io)
{
    if (args.positional.size() != 1)
        return usage(io,
                     QStringLiteral("resolve takes one LINK (dubao://block/ID or UUID, dubao://article/ID or UUID)"));
    Library library;
    if (!openLibrary(library, args, io))
        return 1;
    const Result<ResolvedLink> resolved = LinkResolver(library).resolve(args.positional.at(0));
    if (!resolved)
        return failure(io, resolved);
    const ResolvedLink &r = *resolved;
    const bool block = r.kind == DubaoLink::Kind::Block;
    IssueRepository issues(library);
    const std::optional<Article> article = r.articleId != 0 ? issues.article(r.articleId) : std::nullopt;
    QString text;
    int position = -1;
    if (article && block) {
        for (int b = 0; b < article->blocks.size(); ++b)
            if (article->blocks.at(b).id == r.blockId) {
                text = article->blocks.at(b).text;
                position = b;
            }
    }
    if (args.json) {
        auto idOrNull = [](qint64 id) {
            return id != 0 ? QJsonValue(id) : QJsonValue();
        };
        auto uidOrNull = [](const QByteArray &u) {
            return u.isEmpty() ? QJsonValue() : QJsonValue(uid::toText(u));
        };
        QJsonArray others;
        for (const qint64 id : block ? r.otherBlockIds : r.otherArticleIds)
            others.append(id);
        QJsonObject object{{QStringLiteral("link"), args.positional.at(0)},
                           {QStringLiteral("kind"), block ? QStringLiteral("block") : QStringLiteral("article")},
                           {QStringLiteral("status"), resolvedStatusName(r.status)},
                           {QStringLiteral("message"), LinkResolver::describe(r)},
                           {QStringLiteral("blockId"), idOrNull(r.blockId)},
                           {QStringLiteral("blockUid"), uidOrNull(r.blockUid)},
                           {QStringLiteral("blockPosition"), position >= 0 ? QJsonValue(position) : QJsonValue()},
                           {QStringLiteral("articleId"), idOrNull(r.articleId)},
                           {QStringLiteral("articleUid"), uidOrNull(r.articleUid)},
                           {QStringLiteral("articleTitle"), article ? QJsonValue(article->title) : QJsonValue()},
                           {QStringLiteral("issueId"), idOrNull(r.issueId)},
                           {QStringLiteral("others"), others},
                           {QStringLiteral("text"), block && !text.isNull() ? QJsonValue(text) : QJsonValue()}};
        printJson(io.out, QJsonDocument(object));
    } else {
        io.out << resolvedStatusName(r.status);
        if (block && r.blockId != 0)
            io.out << ": block " << r.blockId << " (" << uid::toText(r.blockUid) << ")";
        if (r.articleId != 0)
            io.out << (block && r.blockId != 0 ? ", article " : ": article ") << r.articleId << " ("
                   << uid::toText(r.articleUid) << ")"
                   << (article ? QStringLiteral(" 「%1」").arg(article->title) : QString());
        if (r.issueId != 0)
            io.out << ", issue " << r.issueId;
        io.out << "\n";
        if (const QString message = LinkResolver::describe(r); !message.isEmpty())
            io.out << message << "\n";
        const QList<qint64> &others = block ? r.otherBlockIds : r.otherArticleIds;
        if (!others.isEmpty()) {
            QStringList list;
            for (const qint64 id : others)
                list.append(QString::number(id));
            io.out << (block ? "other parts: blocks " : "other parts: articles ") << list.join(QStringLiteral(", "))
                   << "\n";
        }
        if (!text.isEmpty())
            io.out << text << "\n";
    }
    return r.found() ? 0 : 1;
}

} // namespace

void addIssueCommands(CommandTable &table)
{
    table.emplace(QStringLiteral("replace"), cmdReplace);
    table.emplace(QStringLiteral("reparse"), cmdReparse);
    table.emplace(QStringLiteral("resolve"), cmdResolve);
}

} // namespace dubao::cli
