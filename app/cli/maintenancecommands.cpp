// dubao-cli's maintenance commands: backup, backups, restore, check. Also makes the daily backup before
// every command that writes (it wraps those entries of the command table; see addMaintenanceCommands).
#include "app/cli/commands.h"
#include "core/ingest/backuprestorer.h"
#include "core/ingest/librarycheck.h"
#include "core/search/searchindex.h"
#include "core/store/backup.h"
#include "core/store/backupobjects.h"
#include "core/store/dialect.h"
#include "core/store/library.h"
#include "core/store/librarycopy.h"
#include "core/store/librarymerge.h"
#include "core/store/teambackup.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QLockFile>

#include <unistd.h>

namespace dubao::cli {

namespace {

/// What a restore says on stderr: its failure ("nothing was restored"), its warnings, the annotations it orphaned.
/// False when it failed.
bool reportRestore(const Result<RestoreReport> &restored, Streams io)
{
    if (!restored) {
        io.err << "dubao-cli: " << restored.error().message() << "; nothing was restored" << Qt::endl;
        return false;
    }
    for (const QString &warning : restored->warnings)
        io.err << "dubao-cli: warning: " << warning << Qt::endl;
    if (restored->orphaned > 0)
        io.err << "dubao-cli: " << restored->orphaned << " annotations are orphans now: a newer parser reads "
               << restored->newShapes << " issues differently (dubao-cli orphans)" << Qt::endl;
    return true;
}

QString libraryPathOf(const Args &args)
{
    return args.library.isEmpty() ? Library::defaultPath() : args.library;
}

int keepOf(const Args &args, Streams io, bool *ok)
{
    *ok = true;
    if (!args.has(QStringLiteral("keep")))
        return Backup::kDefaultKeep;
    const int keep = args.option(QStringLiteral("keep")).toInt(ok);
    if (!*ok || keep < 0) {
        io.err << "dubao-cli: --keep takes a number (0: keep every backup)" << Qt::endl;
        *ok = false;
    }
    return keep;
}

/// Progress on standard error when it is a terminal: "restore: 1200/5000 issues".
std::function<void(qint64, qint64)> progressOnTerminal(Streams io, const char *what, const char *unit)
{
    if (!isatty(STDERR_FILENO))
        return {};
    auto last = std::make_shared<qint64>(0);
    return [io, what, unit, last](qint64 done, qint64 total) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (done < total && now - *last < 200)
            return;
        *last = now;
        io.err << "\r" << what << ": " << done << "/" << total << " " << unit << (done == total ? "\n" : "")
               << Qt::flush;
    };
}

/// A team library's backup (issue 13): one self-contained `.dubao-backup` on this computer (core/store/teambackup.h,
/// as File → Back Up Team Library…), which `restore` reads like any other.
bool isTeamAddress(const QString &location);

int backUpTeamLibrary(Library &team, const QString &to, const Args &args, Streams io)
{
    if (to.isEmpty()) {
        io.err << "dubao-cli: a team library is backed up into one file on this computer: backup --to FILE" << Qt::endl;
        return 2;
    }
    const bool force = args.flags.contains(QStringLiteral("--force"));
    if (QFileInfo::exists(to) && !force) {
        io.err << "dubao-cli: " << to << " already exists (--force writes over it)" << Qt::endl;
        return 1;
    }
    teambackup::Options options;
    const auto rows = progressOnTerminal(io, "backup", "rows");
    const auto lists = progressOnTerminal(io, "backup", "issue lists");
    if (rows)
        options.progress = [rows, lists](teambackup::Step step, qint64 done, qint64 total) {
            (step == teambackup::Step::CopyingRows ? rows : lists)(done, total);
        };
    const Result<BackupMade> made = teambackup::backUp(team, to, options, force);
    if (!made) {
        io.err << "dubao-cli: no backup was made: " << made.error().message() << Qt::endl;
        return 1;
    }
    const qint64 size = QFileInfo(made->path).size();
    if (args.json)
        printJson(io.out, QJsonDocument(QJsonObject{{QStringLiteral("path"), made->path},
                                                    {QStringLiteral("selfContained"), true},
                                                    {QStringLiteral("size"), size}}));
    else
        io.out << made->path << "\n"
               << "    a self-contained backup of the team library, " << QLocale::c().formattedDataSize(size)
               << "; restore it into a new library file or an empty team library with: dubao-cli restore " << made->path
               << " --library LIBRARY\n";
    return 0;
}

/// restore FILE --library postgresql://…: into an empty team library (BackupRestorer::restoreIntoTeam, as File →
/// Restore Team Library…).
int restoreIntoTeamLibrary(const QString &backup, const Args &args, Streams io)
{
    Library team;
    if (!openLibrary(team, args, io))
        return 1;
    RestoreOptions options;
    options.progress = progressOnTerminal(io, "restore", "issues");
    options.rowProgress = progressOnTerminal(io, "restore", "rows");
    if (!reportRestore(BackupRestorer::restoreIntoTeam(backup, team, options), io))
        return 1;
    io.out << "restored " << backup << " to " << team.path() << "\n";
    return 0;
}

int cmdBackup(const Args &args, Streams io)
{
    bool ok = false;
    const int keep = keepOf(args, io, &ok);
    if (!ok || !args.positional.isEmpty()) {
        if (ok)
            io.err << "dubao-cli: backup takes no arguments" << Qt::endl;
        return 2;
    }
    const QString to = args.option(QStringLiteral("to"));
    if (args.has(QStringLiteral("to")) && to.isEmpty()) {
        io.err << "dubao-cli: --to takes the name of the backup file to write" << Qt::endl;
        return 2;
    }
    Library library;
    if (!openLibrary(library, args, io))
        return 1;
    if (library.isTeamLibrary())
        return backUpTeamLibrary(library, to, args, io);
    Backup::Options options;
    options.keep = keep;
    options.progress = progressOnTerminal(io, "backup", "issue lists");
    Result<BackupMade> made = Error();
    if (to.isEmpty()) {
        made = Backup::make(library.path(), options);
    } else {
        // One file that holds everything, to copy or send: restored with `restore FILE` anywhere.
        options.reason = QStringLiteral("sent");
        made = Backup::makeSelfContained(library.path(), to, options, args.flags.contains(QStringLiteral("--force")));
    }
    if (!made) {
        io.err << "dubao-cli: " << made.error().message() << Qt::endl;
        return 1;
    }
    for (const QString &warning : made->write.warnings)
        io.err << "dubao-cli: warning: " << warning << Qt::endl;
    const qint64 size = QFileInfo(made->path).size();
    if (args.json)
        printJson(io.out, QJsonDocument(QJsonObject{{QStringLiteral("path"), made->path},
                                                    {QStringLiteral("selfContained"), !to.isEmpty()},
                                                    {QStringLiteral("size"), size},
                                                    {QStringLiteral("newObjects"), made->write.newObjects},
                                                    {QStringLiteral("newObjectBytes"), made->write.newObjectBytes}}));
    else if (!to.isEmpty())
        io.out << made->path << "\n"
               << "    self-contained, " << QLocale::c().formattedDataSize(size)
               << "; restore it anywhere with: dubao-cli restore " << made->path << "\n";
    else
        io.out << made->path << "\n";
    return 0;
}

/// "107603 issues, 20 highlights, 3 notes, 5 tags, 1 notebook" of a backup's counts.
QString holds(const BackupContents &contents)
{
    QStringList parts;
    for (const char *what : {"issues", "highlights", "notes", "tags", "notebooks"})
        parts << QStringLiteral("%1 %2").arg(contents.counts.value(QLatin1String(what))).arg(QLatin1String(what));
    return parts.join(QStringLiteral(", "));
}

/// A backup file given on the command line, described as the folder's are.
BackupInfo infoOf(const QString &file)
{
    BackupInfo info;
    info.path = QFileInfo(file).absoluteFilePath();
    info.size = QFileInfo(file).size();
    info.fullCopy = !Backup::isManifest(file);
    info.created = QFileInfo(file).lastModified().toUTC();
    if (const Result<BackupContents> c = info.fullCopy ? Error() : backupmanifest::contents(file); c) {
        info.created = c->created;
        info.reason = c->reason;
    }
    return info;
}

int cmdBackups(const Args &args, Streams io)
{
    const QString libraryPath = libraryPathOf(args);
    // A team library has no backups folder beside it: its backups are the self-contained files `backup --to FILE`
    // wrote, wherever its users keep them (and the server's own, such as pg_dump). Given, they are described as a
    // file's are; without them there is nothing to list, and the command says where they are.
    const bool team = dialect::isServerUrl(libraryPath);
    if (team && args.positional.isEmpty()) {
        if (args.json) {
            printJson(io.out, QJsonDocument(QJsonObject{{QStringLiteral("backups"), QJsonArray()},
                                                        {QStringLiteral("objects"), QJsonValue()},
                                                        {QStringLiteral("objectsSize"), 0}}));
            return 0;
        }
        io.out << "A team library keeps no backups folder: its backups are the files 'dubao-cli backup --to FILE' "
                  "wrote (and its server's own). Describe them with: dubao-cli backups FILE...\n";
        return 0;
    }
    QList<BackupInfo> backups;
    if (args.positional.isEmpty()) {
        backups = Backup::list(libraryPath);
    } else {
        for (const QString &file : args.positional) {
            if (!QFileInfo(file).isFile()) {
                io.err << "dubao-cli: " << file << ": no such backup file" << Qt::endl;
                return 1;
            }
            backups << infoOf(file);
        }
    }
    const QString objectsFile = team ? QString() : BackupObjects::fileIn(Backup::folderFor(libraryPath));
    const qint64 objectsSize = team ? 0 : QFileInfo(objectsFile).size();
    if (args.json) {
        QJsonArray array;
        for (const BackupInfo &b : backups) {
            QJsonObject entry{{QStringLiteral("path"), b.path},
                              {QStringLiteral("created"), b.created.toString(Qt::ISODate)},
                              {QStringLiteral("reason"), b.reason},
                              {QStringLiteral("size"), b.size},
                              {QStringLiteral("kind"), b.fullCopy ? QStringLiteral("copy") : QStringLiteral("backup")}};
            if (const Result<BackupContents> c = b.fullCopy ? Error() : backupmanifest::contents(b.path); c) {
                QJsonObject counts;
                for (auto it = c->counts.cbegin(); it != c->counts.cend(); ++it)
                    counts.insert(it.key(), it.value());
                entry.insert(QStringLiteral("holds"), counts);
                entry.insert(QStringLiteral("sourceBytes"), c->sourceBytes);
                entry.insert(QStringLiteral("addedBytes"), c->newBytes);
                entry.insert(QStringLiteral("selfContained"), c->selfContained);
            }
            array.append(entry);
        }
        printJson(io.out, QJsonDocument(QJsonObject{{QStringLiteral("backups"), array},
                                                    {QStringLiteral("objects"), team ? QJsonValue() : objectsFile},
                                                    {QStringLiteral("objectsSize"), objectsSize}}));
        return 0;
    }
    const QLocale c = QLocale::c();
    for (const BackupInfo &b : backups) {
        io.out << b.created.toString(Qt::ISODate) << "  " << b.reason << "  " << b.path << "\n";
        if (b.fullCopy) {
            io.out << "    a copy of the whole library file, " << c.formattedDataSize(b.size) << "\n";
        } else if (const Result<BackupContents> contents = backupmanifest::contents(b.path); !contents) {
            io.out << "    cannot be read: " << contents.error().message() << "\n";
        } else if (contents->selfContained) {
            io.out << "    " << holds(*contents) << "; " << c.formattedDataSize(contents->sourceBytes)
                   << " of issue files; self-contained (holds them itself), " << c.formattedDataSize(b.size) << "\n";
        } else {
            io.out << "    " << holds(*contents) << "; " << c.formattedDataSize(contents->sourceBytes)
                   << " of issue files in objects.sqlite; this file " << c.formattedDataSize(b.size)
                   << ", this backup added " << c.formattedDataSize(contents->newBytes) << "\n";
        }
    }
    if (!args.positional.isEmpty())
        return 0;
    if (backups.isEmpty())
        io.out << "No backups in " << Backup::folderFor(libraryPath) << "\n";
    else if (objectsSize > 0)
        io.out << "Shared by the backups: " << objectsFile << ", " << c.formattedDataSize(objectsSize) << "\n";
    return 0;
}

int cmdRestore(const Args &args, Streams io)
{
    bool ok = false;
    const int keep = keepOf(args, io, &ok);
    if (!ok)
        return 2;
    if (args.positional.size() != 1) {
        io.err << "dubao-cli: restore takes one backup FILE (see dubao-cli backups)" << Qt::endl;
        return 2;
    }
    if (isTeamAddress(args.library))
        return restoreIntoTeamLibrary(args.positional.front(), args, io);
    const QString libraryPath = libraryPathOf(args);
    if (QFileInfo::exists(libraryPath) && !QFileInfo(libraryPath).isWritable()) {
        io.err << "dubao-cli: " << libraryPath << ": the library is read-only; nothing was restored" << Qt::endl;
        return 1;
    }
    // The app holds "<library>.lock" (LibrarySession) while it has the library open: replacing the file under
    // it would lose its work. Held during the restore, so the app cannot open the library half-way.
    Backup::removeAbandonedLock(QFileInfo(libraryPath).absoluteFilePath() + QStringLiteral(".lock"));
    QLockFile lock(QFileInfo(libraryPath).absoluteFilePath() + QStringLiteral(".lock"));
    lock.setStaleLockTime(0);
    if (!lock.tryLock(0)) {
        io.err << "dubao-cli: " << libraryPath << ": the library is open in Dubao; close it there first (nothing "
               << "was restored)" << Qt::endl;
        return 1;
    }
    RestoreOptions options;
    options.keep = keep;
    options.progress = progressOnTerminal(io, "restore", "issues");
    const Result<RestoreReport> restored = BackupRestorer::restore(args.positional.front(), libraryPath, options);
    if (!reportRestore(restored, io))
        return 1;
    const QString *kept = &restored->keptCopy;
    // Open once so an older backup is upgraded (with its own migration backup) right away.
    Library library;
    if (!openLibrary(library, args, io))
        return 1;
    io.out << "restored " << args.positional.front() << " to " << libraryPath << "\n";
    if (!kept->isEmpty())
        io.out << "the replaced library is kept in " << *kept << "\n";
    return 0;
}

int cmdCheck(const Args &args, Streams io)
{
    if (!args.positional.isEmpty()) {
        io.err << "dubao-cli: check takes no arguments" << Qt::endl;
        return 2;
    }
    const bool repair = args.flags.contains(QStringLiteral("--repair"));
    Library library;
    if (!openLibrary(library, args, io, repair ? Library::OpenMode::SchemaRepair : Library::OpenMode::Normal))
        return 1;
    if (repair && library.isReadOnly()) {
        io.err << "dubao-cli: " << library.path() << ": the library is read-only; cannot repair" << Qt::endl;
        return 1;
    }
    CheckOptions options;
    options.full = args.flags.contains(QStringLiteral("--full"));
    // On a terminal: "check: 5/14 source_contents · 0:03", rewritten in place and cleared at the end.
    QElapsedTimer timer;
    timer.start();
    int lastWidth = 0;
    if (isatty(STDERR_FILENO) && !repair) {
        options.progress = [&](int done, int total, const QString &step) {
            const qint64 seconds = timer.elapsed() / 1000;
            const QString line = done == total ? QString()
                                               : QStringLiteral("check: %1/%2 %3 · %4:%5")
                                                     .arg(done + 1)
                                                     .arg(total)
                                                     .arg(step)
                                                     .arg(seconds / 60)
                                                     .arg(seconds % 60, 2, 10, QLatin1Char('0'));
            io.err << '\r' << line << QString(std::max(0, lastWidth - int(line.size())), u' ')
                   << (line.isEmpty() ? "\r" : "") << Qt::flush;
            lastWidth = int(line.size());
        };
    }
    const CheckReport report = repair ? LibraryCheck::repair(library) : LibraryCheck::check(library, options);
    if (args.json) {
        QJsonArray problems;
        for (const CheckProblem &p : report.problems)
            problems.append(QJsonObject{{QStringLiteral("code"), p.code},
                                        {QStringLiteral("message"), p.message},
                                        {QStringLiteral("repair"), p.repair},
                                        {QStringLiteral("repairable"), p.repairable}});
        printJson(io.out, QJsonDocument(
                              QJsonObject{{QStringLiteral("healthy"), report.healthy()},
                                          {QStringLiteral("problems"), problems},
                                          {QStringLiteral("full"), report.full},
                                          {QStringLiteral("scope"), report.scope},
                                          {QStringLiteral("seconds"), timer.elapsed() / 1000.0},
                                          {QStringLiteral("notices"), QJsonArray::fromStringList(report.notices)},
                                          {QStringLiteral("repaired"), QJsonArray::fromStringList(report.repaired)}}));
    } else {
        for (const QString &r : report.repaired)
            io.out << "repaired: " << r << "\n";
        for (const CheckProblem &p : report.problems)
            io.out << "problem: " << p.message << "\n  to repair: " << p.repair << "\n";
        for (const QString &n : report.notices)
            io.out << "note: " << n << "\n";
        if (!report.scope.isEmpty())
            io.out << report.scope << "\n";
        if (report.healthy())
            io.out << "The library is healthy.\n";
        else
            io.out << report.problems.size() << " problem(s) found.\n";
    }
    return report.healthy() ? 0 : 1;
}

bool isTeamAddress(const QString &location)
{
    return location.startsWith(QLatin1String("postgresql://")) || location.startsWith(QLatin1String("postgres://"));
}

/// copy SOURCE DEST: every row of the store from one library into a new or empty one (librarycopy.h). An SQLite
/// DEST is made under a temporary name beside it and renamed into place only when whole (with its search index);
/// a team DEST gets the rows in one transaction.
int cmdCopy(const Args &args, Streams io)
{
    if (args.positional.size() != 2) {
        io.err << "dubao-cli: copy takes a source and a destination library (a file or a postgresql:// address)"
               << Qt::endl;
        return 2;
    }
    const QString source = args.positional.at(0);
    const QString destination = args.positional.at(1);
    if (!isTeamAddress(destination) && QFileInfo::exists(destination)) {
        io.err << "dubao-cli: " << destination
               << " already exists; copy makes a new library file and never writes over one" << Qt::endl;
        return 1;
    }
    if (!isTeamAddress(source) && !QFileInfo::exists(source)) {
        io.err << "dubao-cli: " << source << ": no such library file" << Qt::endl;
        return 1;
    }
    Library from;
    if (const Result<void> opened = from.open(source); !opened) {
        io.err << "dubao-cli: " << opened.error().message() << Qt::endl;
        return 1;
    }
    const QString making = isTeamAddress(destination)
                               ? destination
                               : destination + QStringLiteral(".copying-%1").arg(QCoreApplication::applicationPid());
    auto removeMaking = [&] {
        if (making != destination)
            for (const char *side : {"", "-wal", "-shm", "-journal", ".lock"})
                QFile::remove(making + QLatin1String(side));
    };
    Library to;
    if (const Result<void> opened = to.open(making); !opened) {
        removeMaking();
        io.err << "dubao-cli: " << opened.error().message() << Qt::endl;
        return 1;
    }
    const Result<qint64> copied = librarycopy::copyRows(from, to, progressOnTerminal(io, "copy", "rows"));
    if (!copied) {
        to.close();
        removeMaking();
        io.err << "dubao-cli: nothing was copied: " << copied.error().message() << Qt::endl;
        return 1;
    }
    if (!to.isTeamLibrary() && SearchIndex::needsRebuild(to)) {
        if (const Result<void> indexed = SearchIndex::rebuild(to); !indexed) {
            to.close();
            removeMaking();
            io.err << "dubao-cli: nothing was copied: cannot build the search index: " << indexed.error().message()
                   << Qt::endl;
            return 1;
        }
    }
    to.close();
    if (making != destination && !QFile::rename(making, destination)) {
        removeMaking();
        io.err << "dubao-cli: cannot name the copy " << destination << Qt::endl;
        return 1;
    }
    io.out << "Copied " << *copied << " rows from " << source << " to " << destination << ".\n";
    return 0;
}

/// merge FROM [--into LIBRARY] [--dry-run] [--json]: the user's work of FROM (a personal library) carried into the
/// library (a team library, or another file) that holds the same issues (librarymerge.h), in one transaction.
int cmdMerge(const Args &args, Streams io)
{
    if (args.positional.size() != 1) {
        io.err << "dubao-cli: merge takes one library to merge from (a file or a postgresql:// address), and the "
                  "library to merge into as --into (default: --library)"
               << Qt::endl;
        return 2;
    }
    const QString source = args.positional.front();
    if (!isTeamAddress(source) && !QFileInfo::exists(source)) {
        io.err << "dubao-cli: " << source << ": no such library file" << Qt::endl;
        return 1;
    }
    Args target = args;
    if (args.has(QStringLiteral("into")))
        target.library = args.option(QStringLiteral("into"));
    if (!isTeamAddress(target.library) && !target.library.isEmpty() && !QFileInfo::exists(target.library)) {
        io.err << "dubao-cli: " << target.library << ": no such library file; merge adds to an existing library"
               << Qt::endl;
        return 1;
    }
    Library from;
    if (const Result<void> opened = from.open(source); !opened) {
        io.err << "dubao-cli: " << opened.error().message() << Qt::endl;
        return 1;
    }
    Library into;
    if (!openLibrary(into, target, io))
        return 1;
    if (!isTeamAddress(source) && !into.isTeamLibrary() &&
        QFileInfo(source).canonicalFilePath() == QFileInfo(into.path()).canonicalFilePath()) {
        io.err << "dubao-cli: " << source << " is the library to merge into" << Qt::endl;
        return 1;
    }
    const bool dryRun = args.flags.contains(QStringLiteral("--dry-run"));
    const Result<MergeReport> merged = librarymerge::merge(from, into, dryRun);
    if (!merged) {
        io.err << "dubao-cli: nothing was merged: " << merged.error().message() << Qt::endl;
        return 1;
    }
    const MergeReport &r = *merged;
    if (args.json) {
        printJson(io.out, QJsonDocument(QJsonObject{
                              {QStringLiteral("dryRun"), r.dryRun},
                              {QStringLiteral("issuesMatched"), r.issuesMatched},
                              {QStringLiteral("issuesUnmatched"), r.issuesUnmatched},
                              {QStringLiteral("tagsCreated"), r.tagsCreated},
                              {QStringLiteral("highlightsAdded"), r.highlightsAdded},
                              {QStringLiteral("notesAdded"), r.notesAdded},
                              {QStringLiteral("paragraphTagsAdded"), r.paragraphTagsAdded},
                              {QStringLiteral("articleTagsAdded"), r.articleTagsAdded},
                              {QStringLiteral("annotationTagsAdded"), r.annotationTagsAdded},
                              {QStringLiteral("notebooksCreated"), r.notebooksCreated},
                              {QStringLiteral("notebookEntriesAdded"), r.notebookEntriesAdded},
                              {QStringLiteral("alreadyThere"), r.alreadyThere},
                              {QStringLiteral("unmatched"), QJsonArray::fromStringList(r.unmatched)},
                          }));
        return 0;
    }
    io.out << (r.dryRun ? "Would merge" : "Merged") << " from " << source << ": issues matched by their source file "
           << r.issuesMatched << ", not in this library " << r.issuesUnmatched << "\n"
           << "  highlights added " << r.highlightsAdded << ", notes added " << r.notesAdded
           << ", paragraph tags added " << r.paragraphTagsAdded << ", article tags added " << r.articleTagsAdded
           << ", tags on annotations added " << r.annotationTagsAdded << "\n"
           << "  tags created " << r.tagsCreated << ", notebooks created " << r.notebooksCreated
           << ", notebook entries added " << r.notebookEntriesAdded << "\n"
           << "  already there " << r.alreadyThere << ", not matched " << r.unmatched.size() << "\n";
    for (const QString &line : r.unmatched)
        io.out << "not matched: " << line << "\n";
    if (r.dryRun)
        io.out << "Nothing was changed (--dry-run).\n";
    return 0;
}

/// Whether the command `name` writes with these arguments. Listing subcommands ("tag list", "notebook show") do
/// not; people writes only an edit (merge, split, office, false-hit, undo), reuse only a reference-collection mark
/// or a rebuild.
bool writes(const QString &name, const Args &args)
{
    const QString first = args.positional.isEmpty() ? QString() : args.positional.front();
    if (name == QLatin1String("people"))
        return QStringList{QStringLiteral("merge"), QStringLiteral("split"), QStringLiteral("office"),
                           QStringLiteral("false-hit"), QStringLiteral("undo")}
            .contains(first);
    if (name == QLatin1String("reuse"))
        return args.has(QStringLiteral("source")) || args.has(QStringLiteral("not-source")) ||
               args.flags.contains(QStringLiteral("--rebuild"));
    return name == QLatin1String("import") || (first != QLatin1String("list") && first != QLatin1String("show"));
}

/// Before a command that writes: a read-only library (file permissions) is refused with one clear line,
/// and the daily backup is made (Backup::ensureDaily; a failure to back up is reported but does not stop the
/// command). Commands that only read (writes()) pass straight through.
Command beforeWriting(const QString &name, Command command)
{
    return [name, command](const Args &args, Streams io) {
        const QString path = libraryPathOf(args);
        if (!args.flags.contains(QStringLiteral("--help")) && writes(name, args) && QFileInfo(path).size() > 0) {
            Library library;
            if (library.open(path)) {
                if (!library.schemaFindings().isEmpty()) {
                    io.err << "dubao-cli: " << path << ": the library holds database objects Dubao did not make ("
                           << SchemaVerifier::describe(library.schemaFindings())
                           << "); they could change or delete your work, so nothing was changed. Run dubao-cli "
                              "check --repair to remove them (a copy of the library is kept first)."
                           << Qt::endl;
                    return 1;
                }
                if (library.isReadOnly()) {
                    io.err << "dubao-cli: " << path
                           << ": the library is read-only (the file is not writable); nothing was changed. "
                              "Reading commands (list, show, search, export, check) still work."
                           << Qt::endl;
                    return 1;
                }
                if (const Result<QString> daily = Backup::ensureDaily(library, Backup::kDefaultKeep); !daily)
                    io.err << "dubao-cli: warning: no daily backup: " << daily.error().message() << Qt::endl;
            }
        }
        return command(args, io);
    };
}

} // namespace

void addMaintenanceCommands(CommandTable &table)
{
    // Called after every other table's commands are added (commands.cpp), so that it finds them all.
    for (const char *name : {"import", "tag", "highlight", "note", "notebook", "replace", "reparse", "reindex",
                             "correct", "uncorrect", "import-qdpx", "people", "reuse"}) {
        const auto it = table.find(QString::fromLatin1(name));
        if (it != table.end())
            it->second = beforeWriting(it->first, it->second);
    }
    table.emplace(QStringLiteral("backup"), cmdBackup);
    table.emplace(QStringLiteral("backups"), cmdBackups);
    table.emplace(QStringLiteral("restore"), cmdRestore);
    table.emplace(QStringLiteral("check"), cmdCheck);
    table.emplace(QStringLiteral("copy"), cmdCopy);
    table.emplace(QStringLiteral("merge"), cmdMerge);
}

} // namespace dubao::cli
