// dubao-cli's export command: excerpts (by tags, dates, publication, articles, a search query) or a notebook, to
// any export format, written atomically (QSaveFile).
#include "app/cli/exportcommands.h"

#include "app/cli/clisupport.h"
#include "app/cli/commands.h"
#include "core/export/excerptcollector.h"
#include "core/export/exportformat.h"
#include "core/export/qdpximporter.h"
#include "core/search/searchservice.h"
#include "core/store/library.h"
#include "core/store/notebookrepository.h"
#include "core/store/tagrepository.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace dubao::cli {

namespace {

const char *const kExportUsage =
    R"(Usage: dubao-cli export [--tag T]... [--all-tags] [--no-children] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                        [--publication P] [--article ID]... [--query Q] [--text T] [--author NAME]...
                        [--notebook N] --format %1 -o FILE
                        [--group-by tag|date] [--with-notes-as-citations] [--with-links] [--library FILE] [--json]
)";

int exportUsage(Streams io, const QString &message)
{
    io.err << "dubao-cli: " << message << "\n" << QString::fromUtf8(kExportUsage).arg(exportFormatNames());
    io.err.flush();
    return kUsageError;
}

/// What `text` names: what `byName` finds, else, when `text` is a number, what `byId` finds.
template<class ByName, class ById>
auto findByNameOrId(const QString &text, ByName byName, ById byId)
{
    auto found = byName(text);
    bool isId = false;
    const qint64 id = text.toLongLong(&isId);
    if (!found && isId)
        found = byId(id);
    return found;
}

QString formatOption(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QString a = QString::fromLocal8Bit(argv[i]);
        if (a == QLatin1String("--format") && i + 1 < argc)
            return QString::fromLocal8Bit(argv[i + 1]);
        if (a.startsWith(QLatin1String("--format=")))
            return a.mid(9);
    }
    return {};
}

int cmdExport(const Args &args, Streams io)
{
    if (!args.positional.isEmpty())
        return exportUsage(io, QStringLiteral("export takes no arguments, only options"));
    const QString formatName = args.option(QStringLiteral("format"));
    if (formatName.isEmpty())
        return exportUsage(io, QStringLiteral("export needs --format"));
    const auto format = findExportFormat(formatName);
    if (!format)
        return exportUsage(io, QStringLiteral("unknown format '%1'").arg(formatName));
    QString output = args.option(QStringLiteral("o"));
    if (output.isEmpty())
        output = args.option(QStringLiteral("output"));
    if (output.isEmpty())
        return exportUsage(io, QStringLiteral("export needs -o FILE"));
    if (format->needsGui && !QCoreApplication::instance()->inherits("QGuiApplication")) // dubao-cli-render
        return failure(io, QStringLiteral("the %1 format needs a QGuiApplication").arg(formatName));

    ExportOptions options;
    const QString groupBy = args.option(QStringLiteral("group-by"));
    if (groupBy == QLatin1String("tag"))
        options.grouping = ExportOptions::Grouping::Tag;
    else if (groupBy == QLatin1String("date"))
        options.grouping = ExportOptions::Grouping::Date;
    else if (!groupBy.isEmpty() && groupBy != QLatin1String("none"))
        return exportUsage(io, QStringLiteral("--group-by takes tag or date"));
    options.excerptsAsNotes = args.flags.contains(QStringLiteral("--with-notes-as-citations"));
    options.withLinks = args.flags.contains(QStringLiteral("--with-links"));

    ExportSelection selection;
    for (const char *name : {"from", "to"}) {
        const QString text = args.option(QLatin1String(name));
        if (text.isEmpty())
            continue;
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (!date.isValid())
            return exportUsage(io,
                               QStringLiteral("--%1 takes a date YYYY-MM-DD, not '%2'").arg(QLatin1String(name), text));
        (qstrcmp(name, "from") == 0 ? selection.from : selection.to) = date;
    }
    for (const QString &id : args.all(QStringLiteral("article"))) {
        bool ok = false;
        const qint64 value = id.toLongLong(&ok);
        if (!ok || value <= 0)
            return exportUsage(io, QStringLiteral("--article takes an article id, not '%1'").arg(id));
        selection.articleIds.append(value);
    }
    selection.allTags = args.flags.contains(QStringLiteral("--all-tags"));
    selection.includeChildTags = !args.flags.contains(QStringLiteral("--no-children"));
    selection.publication = args.option(QStringLiteral("publication")).trimmed();
    selection.query = args.option(QStringLiteral("query"));
    selection.text = args.option(QStringLiteral("text"));
    // --author NAME (repeatable, or NAME,NAME): what those people made; the names are checked once the library is open.
    for (const QString &value : args.all(QStringLiteral("author"))) {
        for (const QString &name : value.split(u',', Qt::SkipEmptyParts)) {
            if (!name.trimmed().isEmpty())
                selection.authors.append(name.trimmed());
        }
    }
    if (args.has(QStringLiteral("author")) && selection.authors.isEmpty())
        return exportUsage(io, QStringLiteral("--author takes a name"));

    Library library;
    if (!openLibrary(library, args, io))
        return 1;
    if (!selection.authors.isEmpty()) {
        const Result<QStringList> known = SearchService(library).authors();
        if (!known)
            return failure(io, known.error().message());
        for (const QString &name : std::as_const(selection.authors)) {
            // ASCII letters folded, as the collector and the search's author: compare names
            const auto fold = [](QString n) {
                for (QChar &c : n) {
                    if (c >= u'A' && c <= u'Z')
                        c = QChar(c.unicode() + 32);
                }
                return n;
            };
            const bool found =
                std::any_of(known->cbegin(), known->cend(), [&](const QString &k) { return fold(k) == fold(name); });
            if (!found)
                return failure(
                    io, QStringLiteral("nobody named '%1' has annotated this library (authors: %2)")
                            .arg(name, known->isEmpty() ? QStringLiteral("none") : known->join(QStringLiteral(", "))));
        }
    }
    TagRepository tags(library);
    for (const QString &t : args.all(QStringLiteral("tag"))) {
        const auto tag = findByNameOrId(
            t, [&](const QString &path) { return tags.findByPath(path); }, [&](qint64 id) { return tags.tag(id); });
        if (!tag)
            return failure(io, QStringLiteral("no tag '%1'").arg(t));
        selection.tagIds.append(tag->id);
    }
    if (args.has(QStringLiteral("notebook"))) {
        const QString n = args.option(QStringLiteral("notebook"));
        NotebookRepository notebooks(library);
        const auto notebook = findByNameOrId(
            n, [&](const QString &name) { return notebooks.findByName(name); },
            [&](qint64 id) { return notebooks.notebook(id); });
        if (!notebook)
            return failure(io, QStringLiteral("no notebook '%1'").arg(n));
        selection.notebookId = notebook->id;
    }

    const Result<ExportDocument> collected = ExcerptCollector(library).collect(selection);
    if (!collected)
        return failure(io, collected.error().message());
    const ExportDocument &document = *collected;
    const auto writer = format->createWriter();
    if (const Result<void> written = exportToFile(*writer, document, options, output); !written)
        return failure(io, written.error().message());
    const qsizetype count = document.excerpts.size();
    if (args.json) {
        printJson(io.out, QJsonDocument(QJsonObject{{QStringLiteral("file"), QFileInfo(output).absoluteFilePath()},
                                                    {QStringLiteral("format"), format->name},
                                                    {QStringLiteral("entries"), count}}));
    } else {
        io.out << "exported " << count << (document.isNotebook() ? " notebook entries" : " excerpts") << " to "
               << output << Qt::endl;
    }
    return 0;
}

// import-qdpx FILE: a REFI-QDA project's codes, coded selections and notes back onto the articles they quote.
int cmdImportQdpx(const Args &args, Streams io)
{
    if (args.positional.size() != 1)
        return usage(io, QStringLiteral("import-qdpx takes one .qdpx file"));
    Library library;
    if (!openLibrary(library, args, io))
        return 1;
    const Result<QdpxImportReport> imported = QdpxImporter(library).importFile(args.positional.first());
    if (!imported)
        return failure(io, imported);
    const QdpxImportReport &r = *imported;
    if (args.json) {
        printJson(io.out, QJsonDocument(QJsonObject{
                              {QStringLiteral("sources"), r.sources},
                              {QStringLiteral("matchedSources"), r.matchedSources},
                              {QStringLiteral("unmatched"), QJsonArray::fromStringList(r.unmatched)},
                              {QStringLiteral("tagsCreated"), r.tagsCreated},
                              {QStringLiteral("highlightsAdded"), r.highlightsAdded},
                              {QStringLiteral("paragraphTagsAdded"), r.paragraphTagsAdded},
                              {QStringLiteral("articleTagsAdded"), r.articleTagsAdded},
                              {QStringLiteral("notesAdded"), r.notesAdded},
                              {QStringLiteral("alreadyThere"), r.alreadyThere},
                              {QStringLiteral("unplaced"), r.unplaced},
                              {QStringLiteral("authorsKept"), r.authorsKept},
                              {QStringLiteral("authorsNotKept"), QJsonArray::fromStringList(r.authorsNotKept)}}));
    } else {
        io.out << "found " << r.matchedSources << " of " << r.sources << " sources; added " << r.tagsCreated
               << " tags, " << r.highlightsAdded << " highlights, " << r.paragraphTagsAdded << " paragraph tags, "
               << r.articleTagsAdded << " article tags, " << r.notesAdded << " notes (" << r.alreadyThere
               << " already there";
        if (r.unplaced > 0)
            io.out << ", " << r.unplaced << " selections outside their text";
        io.out << ")" << Qt::endl;
        for (const QString &line : r.unmatched)
            io.out << "not found: " << line << Qt::endl;
        if (!r.authorsNotKept.isEmpty())
            io.out << "recorded as yours (a team library records who imports): the work of "
                   << r.authorsNotKept.join(QStringLiteral(", ")) << Qt::endl;
    }
    return 0;
}

} // namespace

QString exportFormatNames()
{
    QStringList names;
    for (const ExportFormat &format : exportFormats())
        names.append(format.name);
    return names.join(u'|');
}

bool needsGuiApplication(int argc, char *argv[])
{
    bool isExport = false;
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "export") == 0) {
            isExport = true;
            break;
        }
    }
    if (!isExport)
        return false;
    const auto format = findExportFormat(formatOption(argc, argv));
    return format && format->needsGui;
}

void addExportCommands(CommandTable &table)
{
    table.emplace(QStringLiteral("export"), cmdExport);
    table.emplace(QStringLiteral("import-qdpx"), cmdImportQdpx);
}

} // namespace dubao::cli
