// dubao-cli's analysis commands: people, person, and the edits of the extraction (people merge|split|office|
// false-hit|edits|undo); trend, the hits of queries over time. Also brings the people index up to date after every
// command that writes text (import, replace, reparse): it wraps those entries of the command table.
#include "app/cli/clisupport.h"
#include "app/cli/commands.h"
#include "core/analysis/peopleexport.h"
#include "core/analysis/peopleindex.h"
#include "core/analysis/termtrends.h"
#include "core/search/queryparser.h"
#include "core/store/library.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace dubao::cli {

namespace {

QJsonValue dateJson(const std::optional<QDate> &date)
{
    return date ? QJsonValue(date->toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QString dateText(const std::optional<QDate> &date)
{
    return date ? date->toString(Qt::ISODate) : QStringLiteral("undated");
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonObject appearanceJson(const Appearance &a)
{
    return QJsonObject{{QStringLiteral("article"), a.articleId},
                       {QStringLiteral("block"), a.blockId},
                       {QStringLiteral("date"), dateJson(a.date)},
                       {QStringLiteral("office"), textOrNull(a.office())},
                       {QStringLiteral("role"), textOrNull(a.role)},
                       {QStringLiteral("order"), a.order > 0 ? QJsonValue(a.order) : QJsonValue(QJsonValue::Null)},
                       {QStringLiteral("sentence"), a.sentence}};
}

QJsonObject personJson(const PersonSummary &person, const QList<Appearance> &appearances)
{
    QJsonArray offices;
    for (const PersonOffice &o : person.offices)
        offices.append(QJsonObject{{QStringLiteral("title"), o.title},
                                   {QStringLiteral("first"), dateJson(o.first)},
                                   {QStringLiteral("last"), dateJson(o.last)}});
    QJsonArray list;
    for (const Appearance &a : appearances)
        if (a.name == person.name)
            list.append(appearanceJson(a));
    return QJsonObject{{QStringLiteral("name"), person.name},
                       {QStringLiteral("offices"), offices},
                       {QStringLiteral("appearances"), list}};
}

/// Opens the library and extracts what is waiting (a read-only library is read as it is).
bool openUpToDate(Library &library, const Args &args, Streams io)
{
    if (!openLibrary(library, args, io))
        return false;
    if (library.isReadOnly())
        return true;
    if (const Result<qint64> updated = PeopleIndex(library).update(); !updated) {
        failure(io, updated);
        return false;
    }
    return true;
}

void printPerson(QTextStream &out, const PersonSummary &p)
{
    out << p.name << "  " << p.appearances << (p.appearances == 1 ? " appearance" : " appearances") << "  "
        << dateText(p.first) << " .. " << dateText(p.last) << "\n";
    for (const PersonOffice &o : p.offices)
        out << "    " << o.title << "  " << dateText(o.first) << " .. " << dateText(o.last) << "\n";
}

// people [own:yes|no] [--json]: with own:, the appearances in the paper's own text or in shared text only, as
// person NAME own:yes|no (docs/reuse.md).
int cmdPeopleList(const Args &args, Streams io)
{
    std::optional<PeopleIndex::Own> own;
    if (!args.positional.isEmpty()) {
        const SearchQuery::Own parsed = QueryParser::parse(args.positional.front()).own;
        if (args.positional.size() > 1 || parsed == SearchQuery::Own::Any)
            return usage(io, QStringLiteral("people takes own:yes or own:no, or a people command"));
        own = parsed == SearchQuery::Own::Own ? PeopleIndex::Own::Yes : PeopleIndex::Own::No;
    }
    Library library;
    if (!openUpToDate(library, args, io))
        return 1;
    PeopleIndex index(library);
    QList<PersonSummary> persons;
    if (own) {
        const Result<QList<PersonSummary>> kept = index.ownPersons(*own);
        if (!kept)
            return failure(io, kept);
        persons = *kept;
    } else {
        persons = index.persons();
    }
    if (args.json) {
        QJsonArray list;
        if (own) {
            for (const PersonSummary &p : std::as_const(persons)) {
                const Result<QList<Appearance>> appearances = index.ownAppearances(p.name, *own);
                if (!appearances)
                    return failure(io, appearances);
                list.append(personJson(p, *appearances));
            }
        } else {
            const QList<Appearance> appearances = index.appearances();
            for (const PersonSummary &p : std::as_const(persons))
                list.append(personJson(p, appearances));
        }
        printJson(io.out, QJsonDocument(list));
        return 0;
    }
    for (const PersonSummary &p : persons)
        printPerson(io.out, p);
    if (persons.isEmpty())
        io.out << "No officials found in this library.\n";
    return 0;
}

int cmdPerson(const Args &args, Streams io)
{
    // own:yes / own:no beside the name, as beside a kwic term: the appearances in the paper's own text or in shared
    // text (docs/reuse.md).
    SearchQuery::Own own = SearchQuery::Own::Any;
    if (args.positional.size() == 2) {
        own = QueryParser::parse(args.positional[1]).own;
        if (own == SearchQuery::Own::Any || !args.positional[1].startsWith(QLatin1String("own:")))
            return usage(io, QStringLiteral("person takes one NAME, then own:yes or own:no"));
    }
    if (args.positional.isEmpty() || args.positional.size() > 2)
        return usage(io, QStringLiteral("person takes one NAME"));
    const QString name = args.positional.front();
    Library library;
    if (!openUpToDate(library, args, io))
        return 1;
    PeopleIndex index(library);
    const QList<PersonSummary> persons = index.persons();
    const auto it =
        std::find_if(persons.cbegin(), persons.cend(), [&](const PersonSummary &p) { return p.name == name; });
    if (it == persons.cend())
        return failure(io, QStringLiteral("no person named %1").arg(name));
    QList<Appearance> appearances;
    if (own != SearchQuery::Own::Any) {
        const Result<QList<Appearance>> kept =
            index.ownAppearances(name, own == SearchQuery::Own::Own ? PeopleIndex::Own::Yes : PeopleIndex::Own::No);
        if (!kept)
            return failure(io, kept);
        appearances = *kept;
    } else {
        appearances = index.appearances(name);
    }
    if (args.json) {
        printJson(io.out, QJsonDocument(personJson(*it, appearances)));
        return 0;
    }
    printPerson(io.out, *it);
    for (const Appearance &a : appearances)
        io.out << "  " << dateText(a.date) << "  article " << a.articleId << "  block " << a.blockId << "  "
               << (a.office().isEmpty() ? QStringLiteral("-") : a.office()) << "  "
               << (a.role.isEmpty() ? QStringLiteral("-") : a.role) << "  #" << a.order << "  " << a.sentence << "\n";
    return 0;
}

int cmdPeopleEdit(const Args &args, Streams io)
{
    const QString verb = args.positional.front();
    if (verb == QLatin1String("edits") || verb == QLatin1String("undo")) {
        Library library;
        if (!openLibrary(library, args, io))
            return 1;
        PeopleIndex index(library);
        if (verb == QLatin1String("undo")) {
            const std::optional<qint64> id = args.positional.size() == 2 ? parseId(args.positional[1]) : std::nullopt;
            if (!id)
                return usage(io, QStringLiteral("people undo takes one EDIT_ID"));
            if (const Result<void> removed = index.removeEdit(*id); !removed)
                return failure(io, removed);
            return 0;
        }
        QJsonArray list;
        for (const PersonEdit &e : index.edits()) {
            list.append(QJsonObject{{QStringLiteral("id"), e.id},
                                    {QStringLiteral("kind"), personEditKindName(e.kind)},
                                    {QStringLiteral("name"), e.name},
                                    {QStringLiteral("block"), idOrNull(e.blockId)},
                                    {QStringLiteral("value"), e.value}});
            if (!args.json)
                io.out << e.id << "  " << personEditKindName(e.kind) << "  " << e.name << "  "
                       << (e.blockId > 0 ? QStringLiteral("block %1").arg(e.blockId) : QStringLiteral("everywhere"))
                       << "  " << e.value << "\n";
        }
        if (args.json)
            printJson(io.out, QJsonDocument(list));
        return 0;
    }
    PersonEdit edit;
    const qsizetype wanted = (verb == QLatin1String("false-hit")) ? 2 : 3;
    if (verb == QLatin1String("merge"))
        edit.kind = PersonEdit::Kind::Merge;
    else if (verb == QLatin1String("split"))
        edit.kind = PersonEdit::Kind::Split;
    else if (verb == QLatin1String("office"))
        edit.kind = PersonEdit::Kind::Office;
    else if (verb == QLatin1String("false-hit"))
        edit.kind = PersonEdit::Kind::FalseHit;
    else
        return usage(io, QStringLiteral("unknown people command '%1'").arg(verb));
    if (args.positional.size() != wanted)
        return usage(io, QStringLiteral("see dubao-cli --help for people %1").arg(verb));
    edit.name = args.positional[1];
    edit.value = wanted == 3 ? args.positional[2] : QString();
    if (args.has(QStringLiteral("block"))) {
        const std::optional<qint64> block = parseId(args.option(QStringLiteral("block")));
        if (!block)
            return usage(io, QStringLiteral("--block takes a block id"));
        edit.blockId = *block;
    }
    if (edit.kind == PersonEdit::Kind::Split && edit.blockId == 0)
        return usage(io, QStringLiteral("people split needs --block ID"));
    Library library;
    if (!openUpToDate(library, args, io))
        return 1;
    const Result<qint64> id = PeopleIndex(library).addEdit(edit);
    if (!id)
        return failure(io, id);
    io.out << "edit " << *id << "\n";
    return 0;
}

/// An optional --NAME date; `ok` false when it is given and is not YYYY-MM-DD.
QDate dateOption(const Args &args, const QString &name, bool *ok)
{
    if (!args.has(name))
        return QDate();
    const QDate date = QDate::fromString(args.option(name), Qt::ISODate);
    *ok = *ok && date.isValid();
    return date;
}

// people export appearances|office-holders [own:yes|no] --format csv|json -o FILE [--contains TEXT] [--from DATE]
// [--to DATE]
int cmdPeopleExport(const Args &args, Streams io)
{
    const std::optional<PeopleExport::Table> table = args.positional.size() == 2 || args.positional.size() == 3
                                                         ? PeopleExport::tableFromName(args.positional[1])
                                                         : std::nullopt;
    if (!table)
        return usage(io, QStringLiteral("people export takes appearances or office-holders"));
    PeopleSelection selection;
    if (args.positional.size() == 3) {
        const SearchQuery::Own own = QueryParser::parse(args.positional[2]).own;
        if (own == SearchQuery::Own::Any)
            return usage(io, QStringLiteral("people export takes own:yes or own:no after the table"));
        selection.own = own == SearchQuery::Own::Own ? PeopleIndex::Own::Yes : PeopleIndex::Own::No;
    }
    const std::optional<PeopleExport::Format> format = PeopleExport::formatFromName(
        args.has(QStringLiteral("format")) ? args.option(QStringLiteral("format")) : QStringLiteral("csv"));
    if (!format)
        return usage(io, QStringLiteral("--format takes csv or json"));
    if (!args.has(QStringLiteral("output")))
        return usage(io, QStringLiteral("people export needs -o FILE"));
    selection.text = args.option(QStringLiteral("contains"));
    bool ok = true;
    selection.from = dateOption(args, QStringLiteral("from"), &ok);
    selection.to = dateOption(args, QStringLiteral("to"), &ok);
    if (!ok)
        return usage(io, QStringLiteral("--from and --to take a date, YYYY-MM-DD"));
    Library library;
    if (!openUpToDate(library, args, io))
        return 1;
    const Result<qint64> rows = PeopleExport::writeFile(PeopleIndex(library), *table, *format, selection,
                                                        args.option(QStringLiteral("output")));
    if (!rows)
        return failure(io, rows);
    io.err << *rows << (*rows == 1 ? " row" : " rows") << " written to " << args.option(QStringLiteral("output"))
           << Qt::endl;
    return 0;
}

int cmdPeople(const Args &args, Streams io)
{
    // own:yes / own:no, spelled as search takes it (any case, a full-width colon too).
    const QString first = args.positional.isEmpty() ? QString() : args.positional.front();
    if (first.isEmpty() || (first.size() > 3 && first.startsWith(QLatin1String("own"), Qt::CaseInsensitive) &&
                            (first[3] == u':' || first[3] == u'\uFF1A')))
        return cmdPeopleList(args, io);
    if (args.positional.front() == QLatin1String("export"))
        return cmdPeopleExport(args, io);
    return cmdPeopleEdit(args, io);
}

QJsonValue valueJson(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

// trend QUERY... [--by month|quarter|year] [--per issue|10k] [--own] [--csv FILE] [--json]
int cmdTrend(const Args &args, Streams io)
{
    if (args.positional.isEmpty())
        return usage(io, QStringLiteral("trend takes one or more QUERY"));
    const std::optional<TrendPeriod> period = TermTrends::periodFromName(
        args.has(QStringLiteral("by")) ? args.option(QStringLiteral("by")) : QStringLiteral("month"));
    if (!period)
        return usage(io, QStringLiteral("--by takes month, quarter or year"));
    const std::optional<TrendMeasure> measure = TermTrends::measureFromName(
        args.has(QStringLiteral("per")) ? args.option(QStringLiteral("per")) : QStringLiteral("issue"));
    if (!measure)
        return usage(io, QStringLiteral("--per takes issue or 10k"));
    Library library;
    if (!openLibrary(library, args, io))
        return 1;
    const QStringList queries =
        args.flags.contains(QStringLiteral("--own")) ? TermTrends::withOwnText(args.positional) : args.positional;
    const Result<Trend> trend = TermTrends(library).compute(queries, *period, *measure);
    if (!trend)
        return failure(io, trend);
    if (args.has(QStringLiteral("csv"))) {
        const QString path = args.option(QStringLiteral("csv"));
        if (path == QLatin1String("-")) {
            io.out << QString::fromUtf8(TermTrends::toCsv(*trend).mid(3)); // no BOM on a terminal
            return 0;
        }
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(TermTrends::toCsv(*trend)) < 0)
            return failure(io, QStringLiteral("%1: %2").arg(file.fileName(), file.errorString()));
    }
    if (args.json) {
        QJsonArray periods;
        for (const TrendBucket &b : trend->buckets)
            periods.append(QJsonObject{{QStringLiteral("period"), b.label(trend->period)},
                                       {QStringLiteral("start"), b.start.toString(Qt::ISODate)},
                                       {QStringLiteral("end"), b.end.toString(Qt::ISODate)},
                                       {QStringLiteral("issues"), b.issues},
                                       {QStringLiteral("characters"), trend->measure == TrendMeasure::Per10k
                                                                          ? QJsonValue(b.characters)
                                                                          : QJsonValue(QJsonValue::Null)}});
        QJsonArray terms;
        for (const TrendSeries &series : trend->series) {
            QJsonArray hits;
            QJsonArray values;
            for (qsizetype k = 0; k < series.hits.size(); ++k) {
                hits.append(series.hits[k]);
                values.append(valueJson(series.values[k]));
            }
            terms.append(QJsonObject{{QStringLiteral("query"), series.query},
                                     {QStringLiteral("hits"), hits},
                                     {QStringLiteral("values"), values},
                                     {QStringLiteral("undated_hits"), series.undatedHits}});
        }
        printJson(io.out, QJsonDocument(QJsonObject{{QStringLiteral("by"), TermTrends::periodName(trend->period)},
                                                    {QStringLiteral("per"), TermTrends::measureName(trend->measure)},
                                                    {QStringLiteral("periods"), periods},
                                                    {QStringLiteral("terms"), terms}}));
        return 0;
    }
    if (args.has(QStringLiteral("csv")))
        return 0;
    const QString per = *measure == TrendMeasure::PerIssue ? QStringLiteral("/issue") : QStringLiteral("/10k");
    io.out << "period     issues";
    for (const TrendSeries &series : trend->series)
        io.out << "  " << series.query << " (hits, " << per << ")";
    io.out << "\n";
    for (qsizetype b = 0; b < trend->buckets.size(); ++b) {
        const TrendBucket &bucket = trend->buckets[b];
        io.out << bucket.label(trend->period).leftJustified(9) << "  "
               << QString::number(bucket.issues).rightJustified(6);
        for (const TrendSeries &series : trend->series) {
            const std::optional<double> value = series.values[b];
            io.out << "  " << QString::number(series.hits[b]).rightJustified(8) << " "
                   << (value ? QString::number(*value, 'f', 3) : QStringLiteral("-")).rightJustified(9);
        }
        io.out << "\n";
    }
    for (const TrendSeries &series : trend->series)
        if (series.undatedHits > 0)
            io.out << series.query << ": " << series.undatedHits << " hits in undated issues, not counted\n";
    return 0;
}

} // namespace

void addAnalysisCommands(CommandTable &table)
{
    for (const char *name : {"import", "replace", "reparse"}) {
        const auto it = table.find(QString::fromLatin1(name));
        if (it != table.end())
            it->second = thenUpdate(it->second, [](Library &library) { return PeopleIndex(library).update(); });
    }
    table.emplace(QStringLiteral("people"), cmdPeople);
    table.emplace(QStringLiteral("person"), cmdPerson);
    table.emplace(QStringLiteral("trend"), cmdTrend);
}

} // namespace dubao::cli
