// The people index on a big library (issue 16): what the People view's page of the most frequent person costs —
// every appearance without its sentence, the persons named with them, a page of sentences — against the old capped
// read, and the exports of the whole library. Prints wall and CPU time per step, peak RSS and bytes written.
//
//   bench_people LIBRARY [NAME] [OUTPUT_DIR]     (the library is migrated and extracted first when it needs to be)
#include "core/analysis/appearanceoutlines.h"
#include "core/analysis/peopleexport.h"
#include "core/analysis/peopleindex.h"
#include "core/search/searchschema.h"
#include "core/store/library.h"
#include "tests/support/procstats.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTextStream>

#include <ctime>

using namespace dubao;

namespace {

double cpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

template<typename Step>
void measure(QTextStream &out, const QString &what, Step step)
{
    QElapsedTimer wall;
    const double cpu = cpuSeconds();
    wall.start();
    const QString result = step();
    out << what.leftJustified(48) << QString::number(double(wall.nsecsElapsed()) / 1e9, 'f', 3).rightJustified(8)
        << " s wall " << QString::number(cpuSeconds() - cpu, 'f', 3).rightJustified(8) << " s CPU  " << result
        << "  (peak RSS " << test::peakRssKb() / 1024 << " MB)\n";
    out.flush();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = app.arguments().mid(1);
    if (args.isEmpty()) {
        out << "usage: bench_people LIBRARY [NAME] [OUTPUT_DIR]\n";
        return 2;
    }
    registerSearchSchema();
    registerAnalysisSchema();
    Library library;
    measure(out, QStringLiteral("open (and migrate)"), [&] {
        const Result<void> opened = library.open(args[0]);
        return opened ? QString() : opened.error().message();
    });
    PeopleIndex index(library);
    measure(out, QStringLiteral("extract what is waiting"), [&] {
        const Result<qint64> done = index.update();
        return done ? QStringLiteral("%1 articles").arg(*done) : done.error().message();
    });
    QList<PersonSummary> persons;
    measure(out, QStringLiteral("persons()"), [&] {
        persons = index.persons();
        return QStringLiteral("%1 persons").arg(persons.size());
    });
    if (persons.isEmpty())
        return 1;
    QString name = args.value(1);
    if (name.isEmpty()) // the persons come most appearances first
        name = persons.front().name;
    out << "person: " << name << "\n";
    measure(out, QStringLiteral("old page: appearances(name, 2000)"),
            [&] { return QStringLiteral("%1 rows").arg(index.appearances(name, 2000).size()); });
    AppearanceOutlines outlines;
    measure(out, QStringLiteral("page: appearanceOutlines(name)"), [&] {
        outlines = index.appearanceOutlines(name);
        return QStringLiteral("%1 rows").arg(outlines.size());
    });
    {
        // What the page held before AppearanceOutlines, measured after it (peak RSS only grows): the same rows as a
        // list of Appearance values, each with strings of its own.
        QList<Appearance> values;
        measure(out, QStringLiteral("page before: a list of Appearance values"), [&] {
            (void)index.forEachAppearance(
                name,
                [&values](const Appearance &a) {
                    values.append(a);
                    return true;
                },
                0, false);
            return QStringLiteral("%1 rows").arg(values.size());
        });
    }
    measure(out, QStringLiteral("page: coAppearances(name)"),
            [&] { return QStringLiteral("%1 persons").arg(index.coAppearances(name).size()); });
    measure(out, QStringLiteral("list: sentences() of the last 500 rows"), [&] {
        QList<qint64> ids;
        for (qsizetype k = std::max<qsizetype>(0, outlines.size() - 500); k < outlines.size(); ++k)
            ids.append(outlines.id(k));
        return QStringLiteral("%1 sentences").arg(index.sentences(ids).size());
    });
    const QString dir = args.value(2, QDir::tempPath());
    for (const PeopleExport::Table table : {PeopleExport::Table::Appearances, PeopleExport::Table::OfficeHolders}) {
        const QString path =
            QDir(dir).filePath(QStringLiteral("bench-people-%1.csv").arg(PeopleExport::tableName(table)));
        const qint64 written = test::writtenBytes();
        measure(out, QStringLiteral("export %1 csv").arg(PeopleExport::tableName(table)), [&] {
            const Result<qint64> rows =
                PeopleExport::writeFile(index, table, PeopleExport::Format::Csv, PeopleSelection{}, path);
            return rows ? QStringLiteral("%1 rows, %2 MB file, %3 MB written")
                              .arg(*rows)
                              .arg(QFileInfo(path).size() / 1e6, 0, 'f', 1)
                              .arg((test::writtenBytes() - written) / 1e6, 0, 'f', 1)
                        : rows.error().message();
        });
        QFile::remove(path);
    }
    return 0;
}
