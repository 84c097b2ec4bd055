// bench_notices: what the change notices cost per commit on a team library (issue 13). On the library at URL (a
// postgresql:// address; import a generated corpus into it first: make_corpus DIR --mb 100, dubao-cli import DIR
// --library URL), it first gives the library `--annotations N` notes, article taggings and paragraph taggings (default
// 20,000 each, in one transaction; the annotation tables are what the notice reads), then times, each RUNS times
// (default 100): a note added, that note edited, an article tagged, a paragraph tagged, the note deleted —
//
//   with:    the repository's own write scope: its commit runs the layers' before-commit steps and the notice
//   without: the same call inside a transaction of the bench's, committed after the same before-commit steps but
//            without the notice (changes::announce)
//
//   bench_notices URL [--runs N] [--annotations N]
//
// Prints per kind and mode the median and total client wall milliseconds and the process's CPU milliseconds, and the
// server backend's CPU milliseconds (its /proc/PID/stat; the server must run on this machine).
#include "core/store/annotationrepository.h"
#include "core/store/dialect.h"
#include "core/store/library.h"
#include "core/store/schema.h"
#include "core/store/sql.h"
#include "core/store/tagrepository.h"
#include "tests/support/procstats.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>

using namespace dubao;
using test::processCpuMs;

namespace {

struct Timing
{
    QList<double> wall;
    double cpu = 0;
    double server = 0;
};

void print(const char *kind, const char *mode, Timing &t)
{
    std::sort(t.wall.begin(), t.wall.end());
    double total = 0;
    for (const double w : std::as_const(t.wall))
        total += w;
    std::printf("%-16s %-8s median %7.2f ms  total %8.1f ms  client CPU %7.1f ms  server CPU %7.1f ms  (%lld runs)\n",
                kind, mode, t.wall.isEmpty() ? 0.0 : t.wall.at(t.wall.size() / 2), total, t.cpu, t.server,
                qint64(t.wall.size()));
    std::fflush(stdout);
}

/// Runs `write` (which must succeed) `runs` times, with or without the notice at its commit.
Timing measure(Library &library, int runs, bool notices, const std::function<bool(int)> &write)
{
    Timing timing;
    QSqlDatabase db = library.database();
    const qint64 pid = dialect::backendPid(db);
    const double cpu0 = processCpuMs();
    const double server0 = processCpuMs(pid);
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer clock;
        clock.start();
        if (notices) {
            if (!write(i))
                std::fprintf(stderr, "a write failed\n");
        } else {
            QSqlQuery(db).exec(QStringLiteral("BEGIN"));
            const bool ok = write(i); // a savepoint inside the bench's transaction: no notice of its own
            for (const schema::Step step : schema::beforeCommitSteps())
                if (!step(db))
                    std::fprintf(stderr, "a before-commit step failed\n");
            QSqlQuery(db).exec(ok ? QStringLiteral("COMMIT") : QStringLiteral("ROLLBACK"));
        }
        timing.wall.append(double(clock.nsecsElapsed()) / 1e6);
    }
    timing.cpu = processCpuMs() - cpu0;
    timing.server = processCpuMs(pid) - server0;
    return timing;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments().mid(1);
    if (args.isEmpty() || !dialect::isServerUrl(args.front())) {
        std::fprintf(stderr, "usage: bench_notices postgresql://USER@HOST:PORT/DB [--runs N] [--annotations N]\n");
        return 2;
    }
    const auto option = [&args](const char *name, int fallback) {
        const qsizetype at = args.indexOf(QLatin1String(name));
        return at >= 0 && at + 1 < args.size() ? args.at(at + 1).toInt() : fallback;
    };
    const int runs = std::max(1, option("--runs", 100));
    const int annotations = std::max(0, option("--annotations", 20000));
    Library library;
    if (Result<void> opened = library.open(args.front()); !opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message()));
        return 1;
    }
    QSqlDatabase db = library.database();
    TagRepository tags(library);
    Result<Tag> tag = tags.create(QStringLiteral("bench-notices-%1").arg(QDateTime::currentMSecsSinceEpoch()));
    if (!tag) {
        std::fprintf(stderr, "%s\n", qPrintable(tag.error().message()));
        return 1;
    }
    const qint64 articles = sql::scalar(db, QStringLiteral("SELECT count(*) FROM articles")).toLongLong();
    const QList<qint64> blocks =
        sql::ids(db, QStringLiteral("SELECT id FROM blocks ORDER BY id LIMIT %1").arg(std::max(annotations, runs * 4)));
    std::printf("library: %lld articles, %lld paragraphs used\n", articles, qint64(blocks.size()));
    if (annotations > 0) {
        QElapsedTimer clock;
        clock.start();
        // Raw rows in one transaction of the bench's (a savepoint-free bulk write: not what is measured).
        const QString filler = QStringLiteral("bench filler");
        sql::WriteScope scope(db);
        const bool ok =
            sql::exec(db,
                      QStringLiteral("INSERT INTO notes (block_id, text, created_at, modified_at, quote, prefix, "
                                     "suffix, issue_id, article_position, article_title, block_position, "
                                     "article_start) SELECT b.id, ?, now()::text, now()::text, '', '', '', "
                                     "a.issue_id, a.position, a.title, b.position, 0 FROM blocks b JOIN articles "
                                     "a ON a.id = b.article_id ORDER BY b.id LIMIT %1")
                          .arg(annotations),
                      {filler}) &&
            sql::exec(
                db,
                QStringLiteral("INSERT INTO article_tags (article_id, tag_id, created_at) SELECT id, ?, now()::text "
                               "FROM articles ORDER BY id LIMIT %1 ON CONFLICT DO NOTHING")
                    .arg(annotations),
                {tag->id}) &&
            sql::exec(db,
                      QStringLiteral("INSERT INTO block_tags (block_id, tag_id, created_at) SELECT id, ?, now()::text "
                                     "FROM blocks ORDER BY id LIMIT %1 ON CONFLICT DO NOTHING")
                          .arg(annotations),
                      {tag->id}) &&
            scope.commit();
        std::printf("filled %d notes and taggings each in %.1f s: %s\n", annotations, clock.elapsed() / 1000.0,
                    ok ? "ok" : "FAILED");
        if (!ok)
            return 1;
        QSqlQuery(db).exec(QStringLiteral("ANALYZE"));
    }
    std::printf("notes %s, article_tags %s, block_tags %s\n",
                qPrintable(sql::scalar(db, QStringLiteral("SELECT count(*) FROM notes")).toString()),
                qPrintable(sql::scalar(db, QStringLiteral("SELECT count(*) FROM article_tags")).toString()),
                qPrintable(sql::scalar(db, QStringLiteral("SELECT count(*) FROM block_tags")).toString()));
    Result<Tag> other = tags.create(QStringLiteral("bench-notices-other-%1").arg(QDateTime::currentMSecsSinceEpoch()));
    if (!other)
        return 1;
    const QList<qint64> articleIds =
        sql::ids(db, QStringLiteral("SELECT id FROM articles ORDER BY id DESC LIMIT %1").arg(runs * 2));

    AnnotationRepository notes(library);
    for (const bool notices : {false, true}) {
        const char *mode = notices ? "with" : "without";
        const int offset = notices ? runs : 0;
        QList<qint64> added;
        Timing t = measure(library, runs, notices, [&](int i) {
            const Result<qint64> id = notes.addNote(blocks.at(blocks.size() - 1 - offset - i), 0, QStringLiteral("b"));
            if (id)
                added.append(*id);
            return bool(id);
        });
        print("note added", mode, t);
        t = measure(library, runs, notices,
                    [&](int i) { return bool(notes.editNote(added.at(i), QStringLiteral("edited"))); });
        print("note edited", mode, t);
        t = measure(library, runs, notices, [&](int i) {
            return tags.addTagging(TagTarget::Article, other->id, articleIds.at(offset + i)).valueOr(false);
        });
        print("article tagged", mode, t);
        t = measure(library, runs, notices, [&](int i) {
            return tags.addTagging(TagTarget::Block, other->id, blocks.at(blocks.size() - 1 - offset - i))
                .valueOr(false);
        });
        print("paragraph tagged", mode, t);
        t = measure(library, runs, notices, [&](int i) { return bool(notes.removeNote(added.at(i))); });
        print("note deleted", mode, t);
    }
    return 0;
}
