// dubao-cli's annotation commands: tag, highlight, note, notebook, replace, reparse, orphans.
#include "app/cli/commands.h"
#include "core/ingest/issuereplacer.h"
#include "core/store/annotationrepository.h"
#include "core/store/issuerepository.h"
#include "core/store/library.h"
#include "core/store/linkresolver.h"
#include "core/store/notebookrepository.h"
#include "core/store/tagrepository.h"
#include "core/store/uid.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>
#include <optional>
#include <unistd.h>

namespace dubao::cli {

namespace {

constexpr int kUsageError = 2;

int usage(Streams io, const QString &message)
{
    io.err << "dubao-cli: " << message << Qt::endl;
    return kUsageError;
}

int failure(Streams io, const QString &message)
{
    io.err << "dubao-cli: " << message << Qt::endl;
    return 1;
}

/// The error of a failed result: `if (!done) return failure(io, done);`
template<typename T>
int failure(Streams io, const Result<T> &result)
{
    return failure(io, result.error().message());
}

std::optional<qint64> parseId(const QString &text)
{
    bool ok = false;
    const qint64 id = text.toLongLong(&ok);
    if (!ok || id <= 0)
        return std::nullopt;
    return id;
}

std::optional<int> parseOffset(const QString &text)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < 0)
        return std::nullopt;
    return value;
}

QJsonValue idOrNull(qint64 id)
{
    return id > 0 ? QJsonValue(id) : QJsonValue(QJsonValue::Null);
}

QHash<qint64, QString> tagPaths(Library &library)
{
    QHash<qint64, QString> paths;
    for (const Tag &t : TagRepository(library).list())
        paths.insert(t.id, t.path);
    return paths;
}

QJsonArray tagArray(const QList<qint64> &ids, const QHash<qint64, QString> &paths)
{
    QJsonArray array;
    for (const qint64 id : ids)
        array.append(paths.value(id));
    return array;
}

// ---- tag ----

int cmdTag(const Args &args, Streams io)
{
    const QString sub = args.positional.value(0);
    const QStringList rest = args.positional.mid(1);
    static const QStringList subs{QStringLiteral("add"),   QStringLiteral("list"),   QStringLiteral("rename"),
                                  QStringLiteral("merge"), QStringLiteral("delete"), QStringLiteral("apply"),
                                  QStringLiteral("color"), QStringLiteral("move")};
    if (!subs.contains(sub))
        return usage(io, QStringLiteral("tag needs one of: %1").arg(subs.join(QStringLiteral(", "))));
    const QHash<QString, int> arity{{QStringLiteral("add"), 1},    {QStringLiteral("list"), 0},
                                    {QStringLiteral("rename"), 2}, {QStringLiteral("merge"), 2},
                                    {QStringLiteral("delete"), 1}, {QStringLiteral("apply"), 1},
                                    {QStringLiteral("color"), 2},  {QStringLiteral("move"), 2}};
    if (rest.size() != arity.value(sub))
        return usage(io, QStringLiteral("tag %1 takes %2 argument(s)").arg(sub).arg(arity.value(sub)));
    if (sub == QLatin1String("apply") && args.has(QStringLiteral("article")) == args.has(QStringLiteral("block")))
        return usage(io, QStringLiteral("tag apply needs --article ID or --block ID"));

    Library library;
    if (!openLibrary(library, args, io))
        return 1;
    TagRepository tags(library);
    auto find = [&](const QString &path) -> std::optional<Tag> {
        const auto tag = tags.findByPath(path);
        if (!tag)
            io.err << "dubao-cli: no tag named '" << path << "'" << Qt::endl;
        return tag;
    };

    if (sub == QLatin1String("add")) {
        QString path = rest.front();
        if (args.has(QStringLiteral("parent")))
            path = args.option(QStringLiteral("parent")) + u'/' + path;
        QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
        if (parts.isEmpty())
            return failure(io, QStringLiteral("a tag name cannot be empty"));
        const QString name = parts.takeLast();
        qint64 parentId = 0;
        if (!parts.isEmpty()) {
            const auto parent = find(parts.join(u'/'));
            if (!parent)
                return 1;
            parentId = parent->id;
        }
        const Result<Tag> tag = tags.create(name, parentId, args.option(QStringLiteral("color")));
        if (!tag)
            return failure(io, tag);
        io.out << tag->id << "\n";
        return 0;
    }
    if (sub == QLatin1String("list")) {
        const QList<Tag> list = tags.list();
        if (args.json) {
            QJsonArray array;
            for (const Tag &t : list)
                array.append(QJsonObject{{QStringLiteral("id"), t.id},
                                         {QStringLiteral("name"), t.name},
                                         {QStringLiteral("path"), t.path},
                                         {QStringLiteral("parent"), idOrNull(t.parentId)},
                                         {QStringLiteral("color"), t.color}});
            printJson(io.out, QJsonDocument(array));
            return 0;
        }
        for (const Tag &t : list)
            io.out << QString(t.path.count(u'/') * 2, u' ') << t.name << "  " << t.color << "  (" << t.id << ")\n";
        return 0;
    }
    const auto tag = find(rest.front());
    if (!tag)
        return 1;
    if (sub == QLatin1String("rename")) {
        if (const Result<QString> renamed = tags.rename(tag->id, rest.at(1)); !renamed)
            return failure(io, renamed);
    } else if (sub == QLatin1String("color")) {
        if (const Result<QString> recolored = tags.recolor(tag->id, rest.at(1)); !recolored)
            return failure(io, recolored);
    } else if (sub == QLatin1String("move")) {
        qint64 parentId = 0;
        if (!rest.at(1).isEmpty() && rest.at(1) != QLatin1String("/")) {
            const auto parent = find(rest.at(1));
            if (!parent)
                return 1;
            parentId = parent->id;
        }
        if (const Result<qint64> moved = tags.move(tag->id, parentId); !moved)
            return failure(io, moved);
    } else if (sub == QLatin1String("merge")) {
        const auto into = find(rest.at(1));
        if (!into)
            return 1;
        if (const Result<TagMerge> merged = tags.merge(tag->id, into->id); !merged)
            return failure(io, merged);
    } else if (sub == QLatin1String("delete")) {
        if (const Result<TagDeletion> removed = tags.remove(tag->id); !removed)
            return failure(io, removed);
    } else if (sub == QLatin1String("apply")) {
        const bool article = args.has(QStringLiteral("article"));
        const auto id = parseId(args.option(article ? QStringLiteral("article") : QStringLiteral("block")));
        if (!id)
            return usage(io, QStringLiteral("--article/--block takes a positive id"));
        const Result<bool> changed = tags.addTagging(article ? TagTarget::Article : TagTarget::Block, tag->id, *id);
        if (!changed)
            return failure(io, changed);
    }
    return 0;
}

// ---- highlight ----

int cmdHighlight(const Args &args, Streams io)
{
    const QString sub = args.positional.value(0);
    if (sub == QLatin1String("add")) {
        if (args.positional.size() != 1)
            return usage(io, QStringLiteral("highlight add takes no positional argument"));
        const auto block = parseId(args.option(QStringLiteral("block")));
        const auto start = parseOffset(args.option(QStringLiteral("start")));
        const auto end = parseOffset(args.option(QStringLiteral("end")));
        if (!block || !start || !end)
            return usage(io, QStringLiteral("highlight add needs --block ID --start N --end N"));
        Library library;
        if (!openLibrary(library, args, io))
            return 1;
        TagRepository tags(library);
        QList<qint64> tagIds;
        for (const QString &path : args.all(QStringLiteral("tag"))) {
            const auto tag = tags.findByPath(path);
            if (!tag)
                return failure(io, QStringLiteral("no tag named '%1'").arg(path));
            tagIds.append(tag->id);
        }
        const Result<qint64> id = AnnotationRepository(library).addHighlight(*block, *start, *end, tagIds);
        if (!id)
            return failure(io, id);
        io.out << *id << "\n";
        return 0;
    }
    if (sub == QLatin1String("list")) {
        Library library;
        if (!openLibrary(library, args, io))
            return 1;
        AnnotationFilter filter;
        filter.notes = false;
        filter.orphans = AnnotationFilter::Orphans::Include;
        const QList<AnnotationItem> items = AnnotationRepository(library).list(filter);
        const auto paths = tagPaths(library);
        if (args.json) {
            QJsonArray array;
            for (const AnnotationItem &item : items) {
                const Highlight &h = item.highlight;
                array.append(QJsonObject{{QStringLiteral("id"), h.id},
                                         {QStringLiteral("block"), idOrNull(h.blockId)},
                                         {QStringLiteral("start"), h.start},
                                         {QStringLiteral("end"), h.end},
                                         {QStringLiteral("quote"), h.anchor.quote},
                                         {QStringLiteral("tags"), tagArray(h.tagIds, paths)},
                                         {QStringLiteral("orphan"), h.orphan}});
            }
            printJson(io.out, QJsonDocument(array));
            return 0;
        }
        for (const AnnotationItem &item : items) {
            const Highlight &h = item.highlight;
            QStringList tagNames;
            for (const qint64 t : h.tagIds)
                tagNames.append(paths.value(t));
            io.out << h.id << "  " << (h.orphan ? QStringLiteral("orphan") : QStringLiteral("block %1").arg(h.blockId))
                   << " " << h.start << ".." << h.end << "  " << h.anchor.quote;
            if (!tagNames.isEmpty())
                io.out << "  [" << tagNames.join(QStringLiteral(", ")) << "]";
            io.out << "\n";
        }
        return 0;
    }
    if (sub == QLatin1String("delete")) {
        const auto id = args.positional.size() == 2 ? parseId(args.positional.at(1)) : std::nullopt;
        if (!id)
            return usage(io, QStringLiteral("highlight delete takes one ID"));
        Library library;
        if (!openLibrary(library, args, io))
            return 1;
        if (const Result<HighlightDeletion> removed = AnnotationRepository(library).removeHighlight(*id); !removed)
            return failure(io, removed);
        return 0;
    }
    return usage(io, QStringLiteral("highlight needs one of: add, list, delete"));
}

// ---- note ----

int cmdNote(const Args &args, Streams io)
{
    const QString sub = args.positional.value(0);
    if (sub == QLatin1String("add")) {
        const auto block = parseId(args.option(QStringLiteral("block")));
        const bool hasHighlight = args.has(QStringLiteral("highlight"));
        const auto highlight =
            hasHighlight ? parseId(args.option(QStringLiteral("highlight"))) : std::optional<qint64>(0);
        if (args.positional.size() != 1 || !block || !highlight || !args.has(QStringLiteral("text")))
            return usage(io, QStringLiteral("note add needs --block ID [--highlight ID] --text TEXT"));
        Library library;
        if (!openLibrary(library, args, io))
            return 1;
        const Result<qint64> id =
            AnnotationRepository(library).addNote(*block, *highlight, args.option(QStringLiteral("text")));
        if (!id)
            return failure(io, id);
        io.out << *id << "\n";
        return 0;
    }
    if (sub == QLatin1String("list")) {
        Library library;
        if (!openLibrary(library, args, io))
            return 1;
        AnnotationFilter filter;
        filter.highlights = false;
        filter.orphans = AnnotationFilter::Orphans::Include;
        const QList<AnnotationItem> items = AnnotationRepository(library).list(filter);
        if (args.json) {
            QJsonArray array;
            for (const AnnotationItem &item : items) {
                const Note &n = item.note;
                array.append(QJsonObject{{QStringLiteral("id"), n.id},
                                         {QStringLiteral("block"), idOrNull(n.blockId)},
                                         {QStringLiteral("highlight"), idOrNull(n.highlightId)},
                                         {QStringLiteral("text"), n.text},
                                         {QStringLiteral("orphan"), n.orphan}});
            }
            printJson(io.out, QJsonDocument(array));
            return 0;
        }
        for (const AnnotationItem &item : items) {
            const Note &n = item.note;
            io.out << n.id << "  " << (n.orphan ? QStringLiteral("orphan") : QStringLiteral("block %1").arg(n.blockId));
            if (n.highlightId != 0)
                io.out << " highlight " << n.highlightId;
            io.out << "  " << QString(n.text).replace(u'\n', u' ') << "\n";
        }
        return 0;
    }
    if (sub == QLatin1String("edit") || sub == QLatin1String("delete")) {
        const auto id = args.positional.size() == 2 ? parseId(args.positional.at(1)) : std::nullopt;
        const bool edit = sub == QLatin1String("edit");
        if (!id || (edit && !args.has(QStringLiteral("text"))))
            return usage(io, edit ? QStringLiteral("note edit takes ID --text TEXT")
                                  : QStringLiteral("note delete takes one ID"));
        Library library;
        if (!openLibrary(library, args, io))
            return 1;
        AnnotationRepository notes(library);
        if (edit) {
            if (const Result<QString> edited = notes.editNote(*id, args.option(QStringLiteral("text"))); !edited)
                return failure(io, edited);
        } else if (const Result<NoteDeletion> removed = notes.removeNote(*id); !removed) {
            return failure(io, removed);
        }
        return 0;
    }
    return usage(io, QStringLiteral("note needs one of: add, list, edit, delete"));
}

// ---- notebook ----

QJsonObject sourceJson(const AnnotationSource &s)
{
    return QJsonObject{{QStringLiteral("publication"), s.publication},
                       {QStringLiteral("date"), s.issueDate.isValid() ? QJsonValue(s.issueDate.toString(Qt::ISODate))
                                                                      : QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("issue"), idOrNull(s.issueId)},
                       {QStringLiteral("article_title"), s.articleTitle},
                       {QStringLiteral("article"), idOrNull(s.articleId)},
                       {QStringLiteral("block"), idOrNull(s.blockId)}};
}

int cmdNotebook(const Args &args, Streams io)
{
    const QString sub = args.positional.value(0);
    if (args.positional.size() != 2 ||
        !(sub == QLatin1String("add") || sub == QLatin1String("append") || sub == QLatin1String("show")))
        return usage(io, QStringLiteral("notebook needs: add NAME | append NAME ... | show NAME"));
    const QString name = args.positional.at(1);
    int kinds = 0;
    if (sub == QLatin1String("append")) {
        for (const char *k : {"highlight", "note", "text"})
            kinds += args.has(QString::fromLatin1(k)) ? 1 : 0;
        if (kinds != 1)
            return usage(io, QStringLiteral("notebook append needs one of --highlight ID, --note ID, --text TEXT"));
    }
    Library library;
    if (!openLibrary(library, args, io))
        return 1;
    NotebookRepository notebooks(library);
    if (sub == QLatin1String("add")) {
        const Result<qint64> id = notebooks.create(name);
        if (!id)
            return failure(io, id);
        io.out << *id << "\n";
        return 0;
    }
    const auto notebook = notebooks.findByName(name);
    if (!notebook)
        return failure(io, QStringLiteral("no notebook named '%1'").arg(name));
    if (sub == QLatin1String("append")) {
        Result<qint64> id = Error();
        if (args.has(QStringLiteral("text"))) {
            id = notebooks.addText(notebook->id, args.option(QStringLiteral("text")));
        } else {
            const bool highlight = args.has(QStringLiteral("highlight"));
            const auto target = parseId(args.option(highlight ? QStringLiteral("highlight") : QStringLiteral("note")));
            if (!target)
                return usage(io, QStringLiteral("--highlight/--note takes a positive id"));
            id = highlight ? notebooks.addHighlight(notebook->id, *target) : notebooks.addNote(notebook->id, *target);
        }
        if (!id)
            return failure(io, id);
        io.out << *id << "\n";
        return 0;
    }
    const QList<NotebookItem> items = notebooks.document(notebook->id);
    if (args.json) {
        QJsonArray entries;
        for (const NotebookItem &item : items) {
            QJsonObject entry{{QStringLiteral("id"), item.entry.id}, {QStringLiteral("position"), item.entry.position}};
            if (item.entry.isFreeText()) {
                entry.insert(QStringLiteral("kind"), QStringLiteral("text"));
                entry.insert(QStringLiteral("text"), item.text);
            } else {
                const bool isHighlight = item.entry.highlightId != 0;
                entry.insert(QStringLiteral("kind"),
                             isHighlight ? QStringLiteral("highlight") : QStringLiteral("note"));
                entry.insert(isHighlight ? QStringLiteral("highlight") : QStringLiteral("note"),
                             isHighlight ? item.entry.highlightId : item.entry.noteId);
                entry.insert(QStringLiteral("quote"), item.quote);
                entry.insert(QStringLiteral("orphan"), item.orphan);
                entry.insert(QStringLiteral("source"), sourceJson(item.source));
                QJsonArray notes;
                for (const Note &n : item.notes)
                    notes.append(QJsonObject{{QStringLiteral("id"), n.id}, {QStringLiteral("text"), n.text}});
                entry.insert(QStringLiteral("notes"), notes);
                QJsonArray tagList;
                for (const Tag &t : item.tags)
                    tagList.append(t.path);
                entry.insert(QStringLiteral("tags"), tagList);
            }
            entries.append(entry);
        }
        printJson(io.out, QJsonDocument(QJsonObject{{QStringLiteral("id"), notebook->id},
                                                    {QStringLiteral("name"), notebook->name},
                                                    {QStringLiteral("entries"), entries}}));
        return 0;
    }
    io.out << "# " << notebook->name << "\n\n";
    for (const NotebookItem &item : items) {
        if (item.entry.isFreeText()) {
            io.out << item.text << "\n\n";
            continue;
        }
        io.out << "> " << item.quote << "\n";
        const AnnotationSource &s = item.source;
        io.out << "— " << s.publication << " "
               << (s.issueDate.isValid() ? s.issueDate.toString(Qt::ISODate) : QStringLiteral("undated")) << ", "
               << s.articleTitle << (item.orphan ? QStringLiteral(" (orphan)") : QString()) << "\n";
        for (const Note &n : item.notes)
            io.out << "\n" << n.text << "\n";
        io.out << "\n";
    }
    return 0;
}

// ---- replace, reparse, orphans ----

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

int cmdOrphans(const Args &args, Streams io)
{
    if (!args.positional.isEmpty())
        return usage(io, QStringLiteral("orphans takes no argument"));
    Library library;
    if (!openLibrary(library, args, io))
        return 1;
    AnnotationRepository annotations(library);
    const QList<AnnotationItem> items = annotations.orphans();
    const auto paths = tagPaths(library);
    if (args.json) {
        QJsonArray array;
        for (const AnnotationItem &item : items) {
            const bool isNote = item.kind == AnnotationItem::Kind::Note;
            const TextAnchor &anchor = isNote ? item.note.anchor : item.highlight.anchor;
            QJsonObject o{{QStringLiteral("kind"), isNote ? QStringLiteral("note") : QStringLiteral("highlight")},
                          {QStringLiteral("id"), isNote ? item.note.id : item.highlight.id},
                          {QStringLiteral("quote"), anchor.quote},
                          {QStringLiteral("prefix"), anchor.prefix},
                          {QStringLiteral("suffix"), anchor.suffix},
                          {QStringLiteral("issue"), idOrNull(anchor.issueId)},
                          {QStringLiteral("article_title"), anchor.articleTitle},
                          {QStringLiteral("tags"), tagArray(isNote ? item.note.tagIds : item.highlight.tagIds, paths)}};
            if (isNote) {
                o.insert(QStringLiteral("text"), item.note.text);
                o.insert(QStringLiteral("highlight"), idOrNull(item.note.highlightId));
            } else {
                QJsonArray notes;
                for (const Note &n : annotations.notesOfHighlight(item.highlight.id))
                    notes.append(QJsonObject{{QStringLiteral("id"), n.id}, {QStringLiteral("text"), n.text}});
                o.insert(QStringLiteral("notes"), notes);
                o.insert(QStringLiteral("origin"),
                         item.highlight.origin == HighlightOrigin::Highlight  ? QStringLiteral("highlight")
                         : item.highlight.origin == HighlightOrigin::BlockTag ? QStringLiteral("block_tag")
                                                                              : QStringLiteral("article_tag"));
            }
            array.append(o);
        }
        printJson(io.out, QJsonDocument(array));
        return 0;
    }
    for (const AnnotationItem &item : items) {
        const bool isNote = item.kind == AnnotationItem::Kind::Note;
        const TextAnchor &anchor = isNote ? item.note.anchor : item.highlight.anchor;
        io.out << (isNote ? "note " : "highlight ") << (isNote ? item.note.id : item.highlight.id) << "  ("
               << anchor.articleTitle << ")  " << anchor.quote.left(60);
        if (isNote)
            io.out << "  — " << QString(item.note.text).replace(u'\n', u' ');
        io.out << "\n";
    }
    if (items.isEmpty())
        io.out << "No orphans.\n";
    return 0;
}

} // namespace

void addAnnotationCommands(CommandTable &table)
{
    table.emplace(QStringLiteral("tag"), cmdTag);
    table.emplace(QStringLiteral("highlight"), cmdHighlight);
    table.emplace(QStringLiteral("note"), cmdNote);
    table.emplace(QStringLiteral("notebook"), cmdNotebook);
    table.emplace(QStringLiteral("replace"), cmdReplace);
    table.emplace(QStringLiteral("reparse"), cmdReparse);
    table.emplace(QStringLiteral("resolve"), cmdResolve);
    table.emplace(QStringLiteral("orphans"), cmdOrphans);
}

} // namespace dubao::cli
