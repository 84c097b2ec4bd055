// dubao-cli's text-reuse commands: reuse (the pairs and clusters, one article's passages, the full computation,
// reference collections) and compare (two articles aligned now). Also brings the reuse index up to date after every
// command that writes text (import, replace, reparse): it wraps those entries of the command table.
#include "app/cli/clisupport.h"
#include "app/cli/commands.h"
#include "core/reuse/reuseexport.h"
#include "core/reuse/reuseindex.h"
#include "core/store/library.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace dubao::cli {

namespace {

constexpr int kDefaultMinChars = 50;

void printPair(QTextStream &out, const ReusePair &p)
{
    out << p.a << " ~ " << p.b << "  " << p.sharedChars << " chars  " << QString::number(100 * p.coverageA, 'f', 0)
        << "% / " << QString::number(100 * p.coverageB, 'f', 0) << "%" << (p.boilerplate ? "  boilerplate" : "")
        << (p.quotation ? "  quotation" : "") << "\n";
    for (const ReusePassage &s : p.passages)
        out << "    block " << s.aBlock << " [" << s.aStart << ", " << s.aEnd << ")  ~  block " << s.bBlock << " ["
            << s.bStart << ", " << s.bEnd << ")\n";
}

/// Opens the library and compares what is waiting (a read-only library is read as it is).
bool openUpToDate(Library &library, const Args &args, Streams io)
{
    if (!openLibrary(library, args, io))
        return false;
    if (library.isReadOnly())
        return true;
    if (const Result<qint64> updated = ReuseIndex(library).update(); !updated) {
        failure(io, updated);
        return false;
    }
    return true;
}

int cmdReuse(const Args &args, Streams io)
{
    int minChars = kDefaultMinChars;
    if (!intOption(args, QStringLiteral("min-chars"), 1, 1000000, &minChars, io))
        return kUsageError;
    if (args.positional.size() > 1)
        return usage(io, QStringLiteral("reuse takes at most one article id"));
    Library library;
    if (!openLibrary(library, args, io))
        return 1;
    ReuseIndex index(library);
    const bool rebuild = args.flags.contains(QStringLiteral("--rebuild"));
    for (const QString &name : {QStringLiteral("source"), QStringLiteral("not-source")})
        for (const QString &publication : args.all(name))
            if (const Result<void> marked = index.setReferenceCollection(publication, name == u"source"); !marked)
                return failure(io, marked);
    if (rebuild || !library.isReadOnly()) {
        const Result<qint64> updated = rebuild ? index.rebuild() : index.update();
        if (!updated)
            return failure(io, updated);
        if (rebuild && !args.json)
            io.out << "reuse: " << *updated << " articles compared\n";
    }
    const bool marked = args.has(QStringLiteral("source")) || args.has(QStringLiteral("not-source"));
    if (args.positional.isEmpty() && (rebuild || marked) && !args.json)
        return 0;
    if (!index.exists()) {
        // Built only when asked: at a million articles it is minutes of work the user may not want.
        io.err << "reuse: this library has no text-reuse index yet; build it with: dubao-cli reuse --rebuild"
               << (args.library.isEmpty() ? QString() : QStringLiteral(" --library ") + args.library) << "\n";
        return 1;
    }

    if (!args.positional.isEmpty()) {
        const std::optional<qint64> id = parseId(args.positional.front());
        if (!id)
            return usage(io, QStringLiteral("not an article id: %1").arg(args.positional.front()));
        const Result<QList<ReusePair>> pairs = index.pairsOf(*id, args.has(QStringLiteral("min-chars")) ? minChars : 0);
        if (!pairs)
            return failure(io, pairs);
        if (args.json) {
            QJsonArray list;
            for (const ReusePair &p : *pairs)
                list.append(reusePairJson(p));
            printJson(io.out,
                      QJsonDocument(QJsonObject{{QStringLiteral("article"), *id}, {QStringLiteral("pairs"), list}}));
            return 0;
        }
        if (pairs->isEmpty())
            io.out << "article " << *id << " shares no passage with another\n";
        for (const ReusePair &p : *pairs)
            printPair(io.out, p);
        return 0;
    }

    const Result<QList<ReusePair>> pairs = index.pairs(minChars);
    if (!pairs)
        return failure(io, pairs);
    const QList<ReuseCluster> clusters = index.clusters(*pairs);
    if (args.json) {
        printJson(io.out, QJsonDocument(reuseJson(*pairs, clusters)));
        return 0;
    }
    for (const ReusePair &p : *pairs)
        printPair(io.out, p);
    for (const ReuseCluster &c : clusters) {
        QStringList ids;
        for (qint64 id : c.articles)
            ids << QString::number(id);
        io.out << "cluster: " << ids.join(u' ')
               << "  source: " << (c.source ? QString::number(*c.source) : QStringLiteral("unknown")) << "\n";
    }
    io.out << pairs->size() << (pairs->size() == 1 ? " pair" : " pairs") << ", " << clusters.size()
           << (clusters.size() == 1 ? " cluster" : " clusters") << "\n";
    return 0;
}

int cmdCompare(const Args &args, Streams io)
{
    if (args.positional.size() != 2)
        return usage(io, QStringLiteral("compare takes two article ids"));
    const std::optional<qint64> a = parseId(args.positional[0]);
    const std::optional<qint64> b = parseId(args.positional[1]);
    if (!a || !b)
        return usage(io, QStringLiteral("not an article id: %1").arg(args.positional[a ? 1 : 0]));
    Library library;
    if (!openUpToDate(library, args, io))
        return 1;
    const Result<ReusePair> pair = ReuseIndex(library).compare(*a, *b);
    if (!pair)
        return failure(io, pair);
    if (args.json)
        printJson(io.out, QJsonDocument(reusePairJson(*pair)));
    else
        printPair(io.out, *pair);
    return 0;
}

} // namespace

void addReuseCommands(CommandTable &table)
{
    for (const char *name : {"import", "replace", "reparse"}) {
        const auto it = table.find(QString::fromLatin1(name));
        if (it != table.end())
            it->second = thenUpdate(it->second, [](Library &library) { return ReuseIndex(library).update(); });
    }
    table.emplace(QStringLiteral("reuse"), cmdReuse);
    table.emplace(QStringLiteral("compare"), cmdCompare);
}

} // namespace dubao::cli
