#include "app/cli/commands.h"

#include "app/cli/exportcommands.h"
#include "core/ingest/importer.h"
#include "core/parse/issuefile.h"
#include "core/parse/issuejson.h"
#include "core/store/authorship.h"
#include "core/store/dialect.h"
#include "core/store/issuerepository.h"
#include "core/store/library.h"
#include "core/store/upgradeprogress.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace dubao::cli {

using namespace Qt::StringLiterals;

namespace {

const char *const kUsage = R"(Usage: dubao-cli COMMAND [ARGS] [--library FILE]

Issues:
  parse FILE [--json]            parse an issue file and print its articles (no library needed)
  import PATH... [--json]        import issue files and folders (recursively, *.txt) into the library
  list [--json]                  list issues by date with their articles
  show ARTICLE_ID [--raw] [--json]
                                 print an article (--raw: the original OCR text with line numbers)
  replace ISSUE_ID FILE          replace an issue's text with a corrected file; re-anchor its annotations
  reparse [--all] [--json] [--transaction-ms N]
                                 re-parse the issues an older parser made (--all: every issue); ids are kept,
                                 only what changed is written and re-anchored; progress on a terminal
  resolve LINK [--json]          what a dubao://block/… or dubao://article/… link (UUID or ID) points at now

Annotations:
  tag add NAME [--color #RRGGBB] [--parent NAME] | tag list [--json] | tag rename OLD NEW
  tag merge FROM INTO | tag delete NAME | tag color NAME #RRGGBB | tag move NAME PARENT
  tag apply NAME --article ID | --block ID          (NAME may be a path: parent/child)
  highlight add --block ID --start N --end N [--tag NAME]... | highlight list [--json]
  highlight delete ID [--expect-version N]   (refused when someone changed it since version N)
  note add --block ID [--highlight ID] --text TEXT | note list [--json] | note delete ID
  note edit ID --text TEXT [--expect-version N]
                                 with --expect-version (the version note list showed): refused, exit 1, naming who
                                 changed the note and when, if anyone changed it since
  notebook add NAME | notebook append NAME --highlight ID | --note ID | --text TEXT
  notebook show NAME [--json] | notebook list [--json]   (list: owner, shared or private, entries)
  notebook share NAME | notebook unshare NAME
                                 on a team library a notebook is its creator's alone until shared; then all
                                 read it, its creator (and editors) change it;
                                 only its creator shares or unshares it
  orphans [--json]               annotations and corrections that could not be placed after a change of text
  correct BLOCK_ID --start N --end N --text T [--author A]
                                 correct the OCR: code points N..N of the paragraph's text read T
  correct BLOCK_ID --join | --split-at N | --kind body|heading|caption|speaker|note
                                 join the paragraph with the next, split it before code point N, set its kind
  corrections [--json]           the corrections (original, correction, paragraph, position, author, date)
  uncorrect ID                   take a correction back
  export-corrected ISSUE_ID [-o FILE]
                                 the issue's file with the corrections written in (stdout without -o)

Search:
  search QUERY [--limit N] [--offset N] [--order relevance|newest|oldest] [--json]
                                 words, "phrases", OR, -word, title: reporter: tag: publication:
                                 from:YYYY-MM-DD to:YYYY-MM-DD in:notes person: office: ocr:
                                 author:NAME (what that person tagged, highlighted or noted)
                                 own:yes|no (the paper's own text or text shared with other
                                 articles; needs the text-reuse index)
                                 (tag:, author:, person:, office:, ocr: and title: also alone)
  kwic TERM [own:yes|no] [--width N] [--sort date|left|right] [--limit N] [--csv FILE] [--json]
  reindex                        rebuild the full-text index

People:
  people [own:yes|no] [--json]   the officials the articles name, with their offices, first and last appearance
                                 (own:yes|no: counting only their appearances in own or in shared text)
  person NAME [own:yes|no] [--json]
                                 one person's appearances: date, article, block, office, role, order, sentence
                                 (own:yes|no: only those in the paper's own or in shared text)
  people merge NAME INTO | people split NAME NEW --block ID | people office NAME OFFICES [--block ID]
  people false-hit NAME [--block ID] | people edits [--json] | people undo EDIT_ID
                                 correct the extraction; the edits survive re-extraction
  people export appearances|office-holders [own:yes|no] [--format csv|json] -o FILE [--contains TEXT] [--from DATE] [--to DATE]
                                 the appearances, or the office holders (office, person, first, last), for Stata/R
  trend QUERY... [--by month|quarter|year] [--per issue|10k] [--own] [--csv FILE|-] [--json]
                                 the hits of each query per period, per issue or per 10,000 characters

Text reuse:
  reuse [--json] [--min-chars N] the pairs of articles that share passages, and their clusters
  reuse ARTICLE_ID [--json]      one article's shared passages, with the other copies
  reuse --rebuild                build the index (the first time) or compute every pair again
  reuse --source PUBLICATION | --not-source PUBLICATION   mark a reference collection (wire copy)
  compare ARTICLE_ID ARTICLE_ID [--json]   align two articles now

Export:
  export --format %1 -o FILE
         [--tag T]... [--all-tags] [--no-children] [--from DATE] [--to DATE] [--publication P]
         [--query Q] [--author NAME]... [--notebook N] [--group-by tag|date] [--with-notes-as-citations]
         [--with-links]                (--author: what those people made; NAME,NAME or repeated)
  import-qdpx FILE [--json]      read a REFI-QDA project (.qdpx) back: its codes as tags, its coded selections
                                 as highlights and tags, its notes as notes, on the articles whose text it holds

Safety:
  backup                         back up what cannot be rebuilt into the backups folder now
  backup --to FILE [--force]     back up into one self-contained file (it holds the issue files too) to copy
                                 or send; restore FILE rebuilds a library from it anywhere (--force: overwrite)
  backups [FILE...] [--json]     list the backups (or describe the given files): when, why, what each holds,
                                 their size, whether self-contained; a team library keeps no backups
                                 folder: give it the files backup --to made
  restore FILE                   rebuild the library from a backup (keeps a backup of the current one);
                                 into a team library (postgresql://...) only when it is empty
  copy SOURCE DEST               copy a library (file or postgresql://...) into a new file or an empty team
                                 library: issues, annotations, ids and uids; DEST must be new or empty
  merge FROM [--into LIBRARY] [--dry-run] [--json]  merge the annotations, tags and notebooks of library FROM
                                 (e.g. a personal file) into LIBRARY (e.g. a team library; default:
                                 --library) in one transaction: issues matched by their source file,
                                 paragraphs by their text, tags by name, notebooks by name; lists what
                                 did not match; a second merge adds nothing; --dry-run changes nothing
  check [--full] [--repair] [--json]  check the library: quick (what cannot be rebuilt, page by page; the
                                 rest by counts); --full: every page, reference and the search index's check;
                                 --repair removes database objects Dubao did not make
                                 (after a copy) and rebuilds what is derived; never deletes your work

Team library (on a PostgreSQL server; --library postgresql://USER@HOST:PORT/DB):
  team init                      make the database's roles (its owner, who may create roles): DB_reader (read,
                                 search, export), DB_annotator (also tags on text, highlights, notes, notebooks),
                                 DB_editor (also import, replace, re-parse, corrections, tag definitions); the
                                 server enforces them; PUBLIC gets no access; row-level security lets an
                                 annotator change only their own annotations. Idempotent: run it again after an
                                 upgrade
  team add-user NAME --role reader|annotator|editor
                                 a new user in that role; the password is read from standard input (asked twice
                                 on a terminal), never given as an argument
  team remove-user NAME          take a user out of the library (what they made keeps their name)
  team list-users [--json]       the users of the library's roles
  team status [--json]           your role, and whether the library has row-level security (an annotator
                                 changes only their own annotations; notebooks are private until shared)

Options:
  --library FILE   the library file (default: the embedded default library), or
                   postgresql://USER@HOST:PORT/DB: a team library on a PostgreSQL server (search
                   with own:, kwic, trend, reindex, export, export-corrected, import-qdpx,
                   merge, people, person, reuse, compare, backup --to, backups FILE and restore
                   work there; an editor builds the reuse index, everyone reads it)
  --author NAME    who a personal library records as the author of what the command writes
                   (default: the login name; a team library records the server login)
  --json           print JSON
  -h, --help       show this help
  --version        show the version

Exit status: 0 when everything succeeded, 1 when anything failed (one line per failure on stderr),
2 for a usage error.
)";

/// kUsage with the export formats this program has registered.
QString usage()
{
    return QString::fromUtf8(kUsage).arg(exportFormatNames());
}

} // namespace

// Flags take no value; every other --option takes the next argument (or --option=value).
static const QSet<QString> kFlags{u"--json"_s,        u"--raw"_s,
                                  u"--help"_s,        u"-h"_s,
                                  u"--version"_s,     u"--all-tags"_s,
                                  u"--repair"_s,      u"--force"_s,
                                  u"--no-children"_s, u"--with-notes-as-citations"_s, // these three: export
                                  u"--with-links"_s,  u"--all"_s,                     // --all: reparse
                                  u"--full"_s,        u"--join"_s,
                                  u"--rebuild"_s,     u"--own"_s, // check; correct; reuse; trend
                                  u"--dry-run"_s};                // merge

Args parseArgs(const QStringList &arguments)
{
    Args args;
    for (qsizetype k = 0; k < arguments.size(); ++k) {
        const QString &a = arguments[k];
        if (a == QLatin1String("--")) {
            args.positional += arguments.mid(k + 1);
            break;
        }
        if (a.startsWith(u'-') && a.size() > 1 && !(a.size() > 1 && a[1].isDigit())) {
            QString name = a;
            QString value;
            bool hasValue = false;
            if (const qsizetype eq = a.indexOf(u'='); eq > 0 && a.startsWith(QLatin1String("--"))) {
                name = a.left(eq);
                value = a.mid(eq + 1);
                hasValue = true;
            }
            if (kFlags.contains(name)) {
                if (hasValue) {
                    args.error = QStringLiteral("%1 takes no value").arg(name);
                    return args;
                }
                args.flags.insert(name == QLatin1String("-h") ? QStringLiteral("--help") : name);
                continue;
            }
            if (name == QLatin1String("-o"))
                name = QStringLiteral("--output"); // export -o FILE
            if (!name.startsWith(QLatin1String("--"))) {
                args.error = QStringLiteral("unknown option %1").arg(a);
                return args;
            }
            if (!hasValue) {
                if (k + 1 >= arguments.size()) {
                    args.error = QStringLiteral("%1 needs a value").arg(name);
                    return args;
                }
                value = arguments[++k];
            }
            args.options.insert(name.mid(2), value);
        } else if (args.command.isEmpty()) {
            args.command = a;
        } else {
            args.positional.append(a);
        }
    }
    args.library = args.options.value(u"library"_s);
    args.json = args.flags.contains(u"--json"_s);
    args.raw = args.flags.contains(u"--raw"_s);
    return args;
}

namespace {

/// The commands that work on a team library on PostgreSQL (issue 13): every other one says so and does nothing.
// clang-format off
const QSet<QString> kTeamCommands{
    u"parse"_s,    u"import"_s,      u"list"_s,    u"show"_s,    u"tag"_s,     u"highlight"_s,   u"note"_s,
    u"notebook"_s, u"resolve"_s,     u"replace"_s, u"reparse"_s, u"correct"_s, u"corrections"_s, u"uncorrect"_s,
    u"orphans"_s,  u"search"_s,      u"kwic"_s,    u"reindex"_s, u"trend"_s,   u"check"_s,       u"team"_s,
    u"export"_s,   u"import-qdpx"_s, u"merge"_s,   u"people"_s,  u"person"_s,  u"backup"_s,      u"restore"_s,
    u"reuse"_s,    u"compare"_s,     u"export-corrected"_s,      u"backups"_s};
// clang-format on

} // namespace

void printJson(QTextStream &out, const QJsonDocument &doc)
{
    out << QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
}

namespace {} // namespace

bool openLibrary(Library &library, const Args &args, Streams io, Library::OpenMode mode)
{
    const QString path = args.library.isEmpty() ? Library::defaultPath() : args.library;
    // Who an SQLite library records as the author of what this command writes (a team library records the login).
    if (args.has(QStringLiteral("author")))
        authorship::setUserName(args.option(QStringLiteral("author")));
    // An upgrade of a big library's schema takes minutes: say how far it is, a line a step of its work.
    const UpgradeProgress progress([&io](const QString &what, qint64 done, qint64 total) {
        io.err << "dubao-cli: " << what << ": " << done << "/" << total << Qt::endl;
    });
    if (const Result<void> opened = library.open(path, mode); !opened) {
        io.err << "dubao-cli: " << opened.error().message() << Qt::endl;
        return false;
    }
    return true;
}

namespace {

QString issueDateText(const IssueInfo &info)
{
    if (info.date.isValid())
        return info.date.toString(Qt::ISODate) + (info.dateInferred ? QStringLiteral("?") : QString());
    if (info.month > 0)
        return QStringLiteral("\?\?\?\?-%1-%2")
            .arg(info.month, 2, 10, QLatin1Char('0'))
            .arg(info.day, 2, 10, QLatin1Char('0'));
    return QStringLiteral("undated");
}

void printArticleText(QTextStream &out, const Article &article, bool raw)
{
    if (raw) {
        for (const Block &b : article.blocks) {
            const QStringList lines = b.raw.split(u'\n');
            for (qsizetype k = 0; k < lines.size(); ++k)
                out << QStringLiteral("%1  ").arg(b.firstLine + k, 5) << lines[k] << '\n';
            out << '\n';
        }
        return;
    }
    if (!article.kicker.isEmpty())
        out << article.kicker << '\n';
    out << article.title << '\n';
    for (const QString &s : article.subtitles)
        out << s << '\n';
    if (article.byline) {
        out << article.byline->source;
        if (!article.byline->reporters.isEmpty())
            out << " " << article.byline->reporters.join(QStringLiteral("、"));
        if (!article.byline->date.isEmpty())
            out << " " << article.byline->date;
        out << '\n';
    }
    out << '\n';
    for (const Block &b : article.blocks) {
        switch (b.kind) {
        case BlockKind::Heading:
            out << "## " << b.text << "\n\n";
            break;
        case BlockKind::Speaker:
            out << "— " << b.text << "\n\n";
            break;
        case BlockKind::Caption:
            out << "[" << b.text << "]\n\n";
            break;
        default:
            out << b.text << "\n\n";
        }
    }
}

int cmdParse(const Args &args, Streams io)
{
    if (args.positional.size() != 1) {
        io.err << "dubao-cli: parse takes one FILE" << Qt::endl;
        return 2;
    }
    const QString path = args.positional.front();
    const IssueFileResult result = parseIssueFile(path);
    if (!result.ok) {
        io.err << "dubao-cli: " << path << ": " << result.error << Qt::endl;
        return 1;
    }
    if (args.json) {
        printJson(io.out, QJsonDocument(parsedIssueToJson(result.issue)));
        return 0;
    }
    io.out << result.issue.source.path << " (" << result.issue.source.encoding
           << "): " << result.issue.issue.publication << " " << issueDateText(result.issue.issue) << ", "
           << result.issue.articles.size() << " articles\n\n";
    for (const Article &a : result.issue.articles) {
        printArticleText(io.out, a, args.raw);
        io.out << "----\n\n";
    }
    return 0;
}

int cmdImport(const Args &args, Streams io)
{
    if (args.positional.isEmpty()) {
        io.err << "dubao-cli: import needs at least one PATH" << Qt::endl;
        return 2;
    }
    Library library;
    if (!openLibrary(library, args, io))
        return 1;
    Importer importer(library);
    const ImportReport report = importer.importPaths(args.positional);
    for (const auto &f : report.failed)
        io.err << "dubao-cli: " << f.path << ": " << f.reason << Qt::endl;
    if (args.json) {
        QJsonArray imported;
        for (const auto &i : report.imported)
            imported.append(QJsonObject{{QStringLiteral("path"), i.path},
                                        {QStringLiteral("issue"), i.issueId},
                                        {QStringLiteral("articles"), i.articleCount}});
        QJsonArray present;
        for (const auto &p : report.alreadyPresent)
            present.append(QJsonObject{{QStringLiteral("path"), p.path}, {QStringLiteral("issue"), p.issueId}});
        QJsonArray failed;
        for (const auto &f : report.failed)
            failed.append(QJsonObject{{QStringLiteral("path"), f.path}, {QStringLiteral("reason"), f.reason}});
        printJson(io.out, QJsonDocument(QJsonObject{{QStringLiteral("imported"), imported},
                                                    {QStringLiteral("already_present"), present},
                                                    {QStringLiteral("failed"), failed}}));
    } else {
        for (const auto &i : report.imported)
            io.out << "imported " << i.path << ": issue " << i.issueId << ", " << i.articleCount << " articles\n";
        for (const auto &p : report.alreadyPresent)
            io.out << "already present " << p.path << ": issue " << p.issueId << "\n";
        io.out << report.imported.size() << " imported, " << report.alreadyPresent.size() << " already present, "
               << report.failed.size() << " failed\n";
    }
    return report.allOk() ? 0 : 1;
}

int cmdList(const Args &args, Streams io)
{
    Library library;
    if (!openLibrary(library, args, io))
        return 1;
    const QList<IssueSummary> issues = IssueRepository(library).listIssues();
    if (args.json) {
        QJsonArray list;
        for (const IssueSummary &s : issues) {
            QJsonArray articles;
            for (const ArticleSummary &a : s.articles)
                articles.append(QJsonObject{{QStringLiteral("id"), a.id}, {QStringLiteral("title"), a.title}});
            list.append(QJsonObject{
                {QStringLiteral("id"), s.id},
                {QStringLiteral("date"),
                 s.info.date.isValid() ? QJsonValue(s.info.date.toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null)},
                {QStringLiteral("date_inferred"), s.info.date.isValid() && s.info.dateInferred},
                {QStringLiteral("publication"),
                 s.info.publication.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s.info.publication)},
                {QStringLiteral("articles"), articles}});
        }
        printJson(io.out, QJsonDocument(list));
        return 0;
    }
    for (const IssueSummary &s : issues) {
        io.out << "issue " << s.id << "  " << issueDateText(s.info) << "  "
               << (s.info.publication.isEmpty() ? QStringLiteral("(unknown publication)") : s.info.publication) << "\n";
        for (const ArticleSummary &a : s.articles)
            io.out << QStringLiteral("  %1  ").arg(a.id, 6) << a.title << "\n";
    }
    if (issues.isEmpty())
        io.out << "The library is empty. Import issues with: dubao-cli import PATH...\n";
    return 0;
}

int cmdShow(const Args &args, Streams io)
{
    bool ok = false;
    const qint64 id = args.positional.size() == 1 ? args.positional.front().toLongLong(&ok) : 0;
    if (!ok || id <= 0) {
        io.err << "dubao-cli: show takes one ARTICLE_ID (a positive number)" << Qt::endl;
        return 2;
    }
    Library library;
    if (!openLibrary(library, args, io))
        return 1;
    const std::optional<Article> article = IssueRepository(library).article(id);
    if (!article) {
        io.err << "dubao-cli: no article with id " << id << Qt::endl;
        return 1;
    }
    if (args.json)
        printJson(io.out, QJsonDocument(articleToJson(*article, JsonIds::With)));
    else
        printArticleText(io.out, *article, args.raw);
    return 0;
}

} // namespace

int run(const QStringList &arguments, Streams io)
{
    const Args args = parseArgs(arguments);
    if (!args.error.isEmpty()) {
        io.err << "dubao-cli: " << args.error << "\n" << usage();
        return 2;
    }
    if (args.flags.contains(u"--version"_s)) {
        io.out << "dubao-cli " << QCoreApplication::applicationVersion() << "\n";
        return 0;
    }
    const bool help = args.flags.contains(u"--help"_s);
    if (help || args.command.isEmpty()) {
        (help ? io.out : io.err) << usage();
        return help ? 0 : 2;
    }
    static const CommandTable commands = [] {
        CommandTable table{
            {QStringLiteral("parse"), cmdParse},
            {QStringLiteral("import"), cmdImport},
            {QStringLiteral("list"), cmdList},
            {QStringLiteral("show"), cmdShow},
        };
        addAnnotationCommands(table);
        addIssueCommands(table);
        addSearchCommands(table);
        addExportCommands(table);
        addAnalysisCommands(table);
        addReuseCommands(table);
        addCorrectionCommands(table);
        addTeamCommands(table);
        addMaintenanceCommands(table); // last: it wraps the commands that write
        return table;
    }();
    const auto it = commands.find(args.command);
    if (it == commands.end()) {
        io.err << "dubao-cli: unknown command '" << args.command << "'\n" << usage();
        return 2;
    }
    if (dialect::isServerUrl(args.library) && !kTeamCommands.contains(args.command)) {
        io.err << "dubao-cli: " << args.command << " is not supported on a team library (PostgreSQL) yet; it works on "
               << "an SQLite library file" << Qt::endl;
        return 1;
    }
    return it->second(args, io);
}

} // namespace dubao::cli
