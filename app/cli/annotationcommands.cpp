// dubao-cli's annotation commands: tag, highlight, note, notebook, orphans.
#include "app/cli/clisupport.h"
#include "app/cli/commands.h"
#include "core/ingest/issuereplacer.h"
#include "core/store/annotationrepository.h"
#include "core/store/issuerepository.h"
#include "core/store/library.h"
#include "core/store/linkresolver.h"
#include "core/store/notebookrepository.h"
#include "core/store/tagrepository.h"
#include "core/store/teamroles.h"
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

std::optional<int> parseOffset(const QString &text)
{
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < 0)
        return std::nullopt;
    return value;
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
                                         {QStringLiteral("orphan"), h.orphan},
                                         {QStringLiteral("created_by"), h.createdBy},
                                         {QStringLiteral("changed_by"), h.changedBy},
                                         {QStringLiteral("version"), h.rowVersion}});
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
            return usage(io, QStringLiteral("highlight delete takes one ID [--expect-version N]"));
        int version = 0;
        if (args.has(QStringLiteral("expect-version"))) {
            bool ok = false;
            version = args.option(QStringLiteral("expect-version")).toInt(&ok);
            if (!ok || version < 1)
                return usage(io, QStringLiteral("--expect-version takes the highlight's version, a number from 1"));
        }
        Library library;
        if (!openLibrary(library, args, io))
            return 1;
        if (const Result<HighlightDeletion> removed = AnnotationRepository(library).removeHighlight(*id, version);
            !removed)
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
                                         {QStringLiteral("orphan"), n.orphan},
                                         {QStringLiteral("created_by"), n.createdBy},
                                         {QStringLiteral("created_at"), n.createdAt.toString(Qt::ISODateWithMs)},
                                         {QStringLiteral("changed_by"), n.changedBy},
                                         {QStringLiteral("changed_at"), n.modifiedAt.toString(Qt::ISODateWithMs)},
                                         {QStringLiteral("version"), n.rowVersion}});
            }
            printJson(io.out, QJsonDocument(array));
            return 0;
        }
        for (const AnnotationItem &item : items) {
            const Note &n = item.note;
            io.out << n.id << "  " << (n.orphan ? QStringLiteral("orphan") : QStringLiteral("block %1").arg(n.blockId));
            if (n.highlightId != 0)
                io.out << " highlight " << n.highlightId;
            io.out << "  " << QString(n.text).replace(u'\n', u' ') << "  ("
                   << (n.createdBy.isEmpty() ? QStringLiteral("unknown") : n.createdBy) << ", "
                   << n.createdAt.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
            if (n.rowVersion > 1)
                io.out << "; changed by " << (n.changedBy.isEmpty() ? QStringLiteral("unknown") : n.changedBy) << ", "
                       << n.modifiedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
            io.out << "; version " << n.rowVersion << ")\n";
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
            int version = 0;
            if (args.has(QStringLiteral("expect-version"))) {
                bool ok = false;
                version = args.option(QStringLiteral("expect-version")).toInt(&ok);
                if (!ok || version < 1)
                    return usage(io, QStringLiteral("--expect-version takes the note's version, a number from 1"));
            }
            if (const Result<QString> edited = notes.editNote(*id, args.option(QStringLiteral("text")), version);
                !edited)
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
    static const QStringList named{QStringLiteral("add"), QStringLiteral("append"), QStringLiteral("show"),
                                   QStringLiteral("share"), QStringLiteral("unshare")};
    if (!(args.positional.size() == 2 && named.contains(sub)) &&
        !(args.positional.size() == 1 && sub == QLatin1String("list")))
        return usage(io, QStringLiteral("notebook needs: add NAME | append NAME ... | show NAME | share NAME | "
                                        "unshare NAME | list"));
    const QString name = args.positional.value(1);
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
    if (sub == QLatin1String("list")) {
        // On a team library only the notebooks the user may see: their own and the shared ones.
        const QList<Notebook> list = notebooks.list();
        if (args.json) {
            QJsonArray array;
            for (const Notebook &n : list)
                array.append(QJsonObject{{QStringLiteral("id"), n.id},
                                         {QStringLiteral("name"), n.name},
                                         {QStringLiteral("owner"), n.createdBy},
                                         {QStringLiteral("shared"), n.shared},
                                         {QStringLiteral("entries"), int(notebooks.entries(n.id).size())}});
            printJson(io.out, QJsonDocument(array));
            return 0;
        }
        for (const Notebook &n : list)
            io.out << n.name << "  (" << (n.createdBy.isEmpty() ? QStringLiteral("unknown") : n.createdBy) << ", "
                   << (n.shared ? "shared" : "private") << ", " << notebooks.entries(n.id).size() << " entries)\n";
        if (list.isEmpty())
            io.out << "No notebooks.\n";
        return 0;
    }
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
    if (sub == QLatin1String("share") || sub == QLatin1String("unshare")) {
        const bool share = sub == QLatin1String("share");
        // Sharing is the creator's: the server would refuse a colleague (an annotator by its policy; an editor
        // because a row it updates must stay visible to it, and a private notebook is not).
        const team::Access access = library.teamAccess();
        if (library.isTeamLibrary() && notebook->createdBy != access.user && access.role != QLatin1String("owner"))
            return failure(
                io, QStringLiteral("this notebook is %1's: only its creator shares it or makes it private")
                        .arg(notebook->createdBy.isEmpty() ? QStringLiteral("nobody known") : notebook->createdBy));
        const Result<bool> was = notebooks.setShared(notebook->id, share);
        if (!was)
            return failure(io, was);
        if (*was == share)
            io.out << "The notebook " << notebook->name << " was already " << (share ? "shared" : "private") << ".\n";
        else if (share)
            io.out << "Shared the notebook " << notebook->name
                   << (library.isTeamLibrary() ? ": everyone of the team library reads it now.\n"
                                               : " (a team library it is copied into shows it to everyone).\n");
        else
            io.out << "The notebook " << notebook->name << " is private again: only "
                   << (notebook->createdBy.isEmpty() ? QStringLiteral("its creator") : notebook->createdBy)
                   << " sees it.\n";
        return 0;
    }
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
        if (orphanCorrections(library, io, &array) < 0)
            return 1;
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
    const int corrections = orphanCorrections(library, io, nullptr);
    if (corrections < 0)
        return 1;
    if (items.isEmpty() && corrections == 0)
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
    table.emplace(QStringLiteral("orphans"), cmdOrphans);
}

} // namespace dubao::cli
