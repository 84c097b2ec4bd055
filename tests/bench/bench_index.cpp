// bench_index: what building the full-text index costs, in parts.
//
//   bench_index LIBRARY [--runs N] [--variants [--only NAME,...]]
//
// Works on a copy of LIBRARY (a library made by bench_import --library FILE or dubao-cli import). Prints
//   tokenize   the tokenizer alone over every paragraph's text, in memory (MB/s of UTF-8 text)
//   read       reading every paragraph's text from SQLite, in key order, without indexing it
//   rebuild    SearchIndex::rebuild(): the whole index made again, committed
// and the index's size afterwards. MB = 1,000,000 bytes. Medians of --runs (default 3) for tokenize.
// --variants also builds the paragraph index again in side tables with other FTS5 options and keys (docs/search.md,
// fifth round) and prints each one's size (dbstat) and build time.

#include "core/search/searchindex.h"
#include "core/search/tokenizer.h"
#include "core/store/library.h"
#include "core/store/sql.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QVariant>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace dubao;

namespace {

// The tokenizer as FTS5 calls it (found through the fts5_api of the library's connection), with a sink
// that only counts: the tokenizer's own cost, without FTS5's hash.
struct FtsTokenizer
{
    fts5_api *api = nullptr;
    fts5_tokenizer methods{};
    Fts5Tokenizer *instance = nullptr;

    explicit FtsTokenizer(sqlite3 *db)
    {
        sqlite3_stmt *stmt = nullptr;
        sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr);
        sqlite3_bind_pointer(stmt, 1, static_cast<void *>(&api), "fts5_api_ptr", nullptr);
        sqlite3_step(stmt);
        sqlite3_finalize(stmt);
        void *userData = nullptr;
        if (api && api->xFindTokenizer(api, search::kTokenizerName, &userData, &methods) == SQLITE_OK)
            methods.xCreate(userData, nullptr, 0, &instance);
    }
    ~FtsTokenizer()
    {
        if (instance)
            methods.xDelete(instance);
    }
    qint64 count(const QByteArray &text) const
    {
        qint64 n = 0;
        methods.xTokenize(instance, &n, FTS5_TOKENIZE_DOCUMENT, text.constData(), int(text.size()),
                          [](void *context, int, const char *, int, int, int) {
                              ++*static_cast<qint64 *>(context);
                              return SQLITE_OK;
                          });
        return n;
    }
};

qint64 tableBytes(QSqlDatabase db, const QString &prefix)
{
    QSqlQuery q(db);
    q.exec(QStringLiteral("SELECT sum(pgsize) FROM dbstat WHERE name LIKE '%1%'").arg(prefix));
    return q.next() ? q.value(0).toLongLong() : 0;
}

// The paragraph index built again as `name` (FTS5 `options`, rows keyed by `key`), in one transaction, then
// `optimize`d when asked; prints the size of its tables.
QStringList onlyVariants; // --only A,B: build only the variants whose name holds A or B

void buildVariant(QSqlDatabase db, const char *name, const char *options, const char *key, bool optimize,
                  qint64 textBytes, const char *config = nullptr)
{
    if (!onlyVariants.isEmpty() && std::none_of(onlyVariants.cbegin(), onlyVariants.cend(), [&](const QString &part) {
            return QString::fromLatin1(name).contains(part);
        }))
        return;
    QSqlQuery q(db);
    QElapsedTimer timer;
    timer.start();
    const QString table = QString::fromLatin1(name);
    q.exec(QStringLiteral("BEGIN"));
    if (!q.exec(QStringLiteral("CREATE VIRTUAL TABLE %1 USING fts5(text, content='', tokenize='dubao'%2)")
                    .arg(table, QString::fromLatin1(options)))) {
        std::fprintf(stderr, "bench_index: %s: cannot create\n", name);
        q.exec(QStringLiteral("ROLLBACK"));
        return;
    }
    q.exec(QStringLiteral("INSERT INTO %1 (%1, rank) VALUES ('hashsize', 33554432)").arg(table));
    if (config)
        q.exec(QStringLiteral("INSERT INTO %1 (%1, rank) VALUES ('%2)").arg(table, QString::fromLatin1(config)));
    q.exec(QStringLiteral("INSERT INTO %1 (rowid, text) SELECT %2, b.text FROM blocks b "
                          "JOIN search_block_keys k ON k.block_id = b.id ORDER BY 1")
               .arg(table, QString::fromLatin1(key)));
    if (optimize)
        q.exec(QStringLiteral("INSERT INTO %1 (%1) VALUES ('optimize')").arg(table));
    q.exec(QStringLiteral("COMMIT"));
    const double s = double(timer.nsecsElapsed()) / 1e9;
    const qint64 data = tableBytes(db, table + QStringLiteral("_data"));
    const qint64 all = tableBytes(db, table + QStringLiteral("_"));
    std::printf("%-22s data %8.1f MB  all %8.1f MB (%.3f x)  %7.2f s  (%s; key %s)\n", name, double(data) / 1e6,
                double(all) / 1e6, double(all) / std::max<double>(1, double(textBytes)), s, options, key);
    q.exec(QStringLiteral("DROP TABLE %1").arg(table));
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    QString source;
    int runs = 3;
    bool variants = false;
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--variants"))
            variants = true;
        else if (args.at(i) == QLatin1String("--only") && i + 1 < args.size())
            onlyVariants = args.at(++i).split(QLatin1Char(','), Qt::SkipEmptyParts);
        else if (args.at(i) == QLatin1String("--runs") && i + 1 < args.size())
            runs = std::max(1, args.at(++i).toInt());
        else if (source.isEmpty() && !args.at(i).startsWith(QLatin1Char('-')))
            source = args.at(i);
        else
            source.clear();
    }
    if (source.isEmpty() || !QFile::exists(source)) {
        std::fprintf(stderr, "usage: bench_index LIBRARY [--runs N] [--variants [--only NAME,...]]\n");
        return 2;
    }
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("library.sqlite"));
    if (!QFile::copy(source, path)) {
        std::fprintf(stderr, "bench_index: cannot copy %s\n", qPrintable(source));
        return 1;
    }
    Library library;
    if (const Result<void> opened = library.open(path); !opened) {
        std::fprintf(stderr, "bench_index: %s\n", qPrintable(opened.error().message()));
        return 1;
    }

    // The text, in memory.
    std::vector<QByteArray> texts;
    qint64 bytes = 0;
    {
        QElapsedTimer timer;
        timer.start();
        QSqlQuery q(library.database());
        q.setForwardOnly(true);
        q.exec(QStringLiteral("SELECT b.text FROM blocks b JOIN search_block_keys k ON k.block_id = b.id "
                              "ORDER BY k.key"));
        while (q.next()) {
            texts.push_back(q.value(0).toString().toUtf8());
            bytes += texts.back().size();
        }
        const double s = double(timer.nsecsElapsed()) / 1e9;
        std::printf("%-10s %8zu paragraphs  %8.1f MB  %7.2f s  %8.1f MB/s\n", "read", texts.size(), double(bytes) / 1e6,
                    s, double(bytes) / 1e6 / s);
    }
    const FtsTokenizer tokenizer(sql::handle(library.database()));
    if (!tokenizer.instance) {
        std::fprintf(stderr, "bench_index: the tokenizer is not registered\n");
        return 1;
    }
    {
        std::vector<double> seconds;
        qint64 tokens = 0;
        for (int r = 0; r < runs; ++r) {
            QElapsedTimer timer;
            timer.start();
            tokens = 0;
            for (const QByteArray &t : texts)
                tokens += tokenizer.count(t);
            seconds.push_back(double(timer.nsecsElapsed()) / 1e9);
        }
        std::sort(seconds.begin(), seconds.end());
        const double s = seconds[seconds.size() / 2];
        std::printf("%-10s %8lld tokens      %8.1f MB  %7.2f s  %8.1f MB/s\n", "tokenize",
                    static_cast<long long>(tokens), double(bytes) / 1e6, s, double(bytes) / 1e6 / s);
    }
    {
        QElapsedTimer timer;
        timer.start();
        if (const Result<void> rebuilt = SearchIndex::rebuild(library); !rebuilt) {
            std::fprintf(stderr, "bench_index: rebuild: %s\n", qPrintable(rebuilt.error().message()));
            return 1;
        }
        const double s = double(timer.nsecsElapsed()) / 1e9;
        std::printf("%-10s %8zu paragraphs  %8.1f MB  %7.2f s  %8.1f MB/s\n", "rebuild", texts.size(),
                    double(bytes) / 1e6, s, double(bytes) / 1e6 / s);
    }
    const SearchIndex::Stats stats = SearchIndex::stats(library);
    QSqlQuery q(library.database());
    q.exec(QStringLiteral("SELECT count(*) FROM search_blocks_data"));
    q.next();
    std::printf("index      %.1f MB for %.1f MB of text (%.2f x), search_blocks_data %lld rows\n",
                double(stats.indexBytes) / 1e6, double(stats.textBytes) / 1e6,
                double(stats.indexBytes) / std::max<double>(1, double(stats.textBytes)), q.value(0).toLongLong());
    if (variants) {
        QSqlDatabase db = library.database();
        buildVariant(db, "v_as_now", "", "k.key", false, stats.textBytes);
        buildVariant(db, "v_optimized", "", "k.key", true, stats.textBytes);
        buildVariant(db, "v_block_id_key", "", "b.id", false, stats.textBytes);
        buildVariant(db, "v_dense_key", "", "row_number() OVER (ORDER BY k.key)", false, stats.textBytes);
        buildVariant(db, "v_pgsz_16000", "", "k.key", false, stats.textBytes, "pgsz', 16000");
        buildVariant(db, "v_detail_column", ", detail=column", "k.key", false, stats.textBytes);
        buildVariant(db, "v_columnsize_0", ", columnsize=0", "k.key", false, stats.textBytes);
        // Sixth round: day << bits | the paragraph's ordinal within its day (date order kept, smaller gaps).
        for (const char *variant : {"v_day13_key", "v_day16_key", "v_day20_key"}) {
            const int bits = QByteArray(variant).mid(5, 2).toInt();
            const QByteArray key = QStringLiteral("((k.key >> 32) << %1) + row_number() OVER (PARTITION BY k.key >> "
                                                  "32 ORDER BY k.key) - 1")
                                       .arg(bits)
                                       .toUtf8();
            buildVariant(db, variant, "", key.constData(), false, stats.textBytes);
        }
    }
    return 0;
}
