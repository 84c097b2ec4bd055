// The per-paragraph summary of the stored pairs that search's own:yes / own:no reads by SQL (schema v12): the search
// layer may not link the reuse layer, so the reuse layer keeps this table current wherever the pairs change
// (update(), rebuild(), recompute(), forget()). docs/reuse.md, "Own text in search".
#include "core/reuse/reusearticles.h"
#include "core/store/sql.h"

#include <QHash>
#include <QSqlQuery>

#include <algorithm>

namespace dubao::reuse {

namespace {

// The passages of an article's pairs that count, seen from the article: (block, start, end, the other article).
struct Range
{
    qint64 block = 0;
    int start = 0;
    int end = 0;
    qint64 other = 0;
};

Result<QList<Range>> sharedRanges(QSqlDatabase db, qint64 article)
{
    QList<Range> ranges;
    QSqlQuery q(db);
    // Two indexed lookups (the primary key by a, reuse_pairs_b by b).
    if (Result<void> read = sql::select(
            q,
            QStringLiteral("SELECT 1, b, passages FROM reuse_pairs WHERE a = ? AND shared_chars >= ? AND "
                           "boilerplate = 0 UNION ALL SELECT 0, a, passages FROM reuse_pairs WHERE b = ? AND "
                           "shared_chars >= ? AND boilerplate = 0"),
            {article, kParagraphMinChars, article, kParagraphMinChars});
        !read)
        return read.error();
    while (q.next()) {
        const bool asA = q.value(0).toInt() == 1;
        const qint64 other = q.value(1).toLongLong();
        for (const ReusePassage &p : passagesFromJson(q.value(2).toString()))
            ranges.append(asA ? Range{p.aBlock, p.aStart, p.aEnd, other} : Range{p.bBlock, p.bStart, p.bEnd, other});
    }
    return ranges;
}

} // namespace

Result<void> migrateTo12(QSqlDatabase &db)
{
    // Rows only for paragraphs some passage reaches: the table stays as small as the reuse it describes.
    static const char *const statements[] = {
        R"(CREATE TABLE IF NOT EXISTS reuse_paragraphs (
            block_id     INTEGER PRIMARY KEY,
            article_id   INTEGER NOT NULL,
            characters   INTEGER NOT NULL,
            shared_chars INTEGER NOT NULL,
            copies       INTEGER NOT NULL
        ))",
        "CREATE INDEX IF NOT EXISTS reuse_paragraphs_article ON reuse_paragraphs(article_id)",
    };
    for (const char *statement : statements)
        if (Result<void> done = sql::exec(db, QString::fromUtf8(statement)); !done)
            return done;
    if (!sql::scalar(db, QStringLiteral("SELECT 1 FROM reuse_built LIMIT 1")).isValid())
        return {}; // no index: nothing to summarise, and own: says so
    // An index built before: the articles of its pairs that count (a few on an archive full of boilerplate).
    const QList<qint64> articles =
        sql::ids(db,
                 QStringLiteral("SELECT a FROM reuse_pairs WHERE shared_chars >= ? AND NOT boilerplate UNION "
                                "SELECT b FROM reuse_pairs WHERE shared_chars >= ? AND NOT boilerplate"),
                 {kParagraphMinChars, kParagraphMinChars});
    return refreshParagraphs(db, QSet<qint64>(articles.cbegin(), articles.cend()));
}

Result<void> refreshParagraphs(QSqlDatabase db, const QSet<qint64> &articles)
{
    QSqlQuery remove(db), add(db);
    remove.prepare(QStringLiteral("DELETE FROM reuse_paragraphs WHERE article_id = ?"));
    add.prepare(QStringLiteral("INSERT INTO reuse_paragraphs(block_id, article_id, characters, shared_chars, copies) "
                               "VALUES (?, ?, ?, ?, ?) ON CONFLICT (block_id) DO UPDATE SET article_id = "
                               "excluded.article_id, characters = excluded.characters, shared_chars = "
                               "excluded.shared_chars, copies = excluded.copies"));
    QList<qint64> sorted(articles.cbegin(), articles.cend());
    std::sort(sorted.begin(), sorted.end());
    for (const qint64 article : std::as_const(sorted)) {
        if (Result<void> removed = sql::execPrepared(remove, {article}); !removed)
            return removed;
        const Result<QList<Range>> ranges = sharedRanges(db, article);
        if (!ranges)
            return ranges.error();
        if (ranges->isEmpty())
            continue; // its own text only: no row (the text is not even read)
        const Result<ArticleText> text = readArticleText(db, article);
        if (!text)
            return text.error();
        if (text->id == 0)
            continue; // deleted
        QHash<qint64, QList<Range>> byBlock;
        for (const Range &r : std::as_const(*ranges))
            byBlock[r.block].append(r);
        // Per block: its folded characters and those inside some passage.
        QList<int> characters(text->blockIds.size(), 0), shared(text->blockIds.size(), 0);
        for (int i = 0; i < text->folded.size(); ++i) {
            const int blockIndex = text->folded.blocks[std::size_t(i)];
            ++characters[blockIndex];
            const int offset = text->folded.starts[std::size_t(i)];
            const QList<Range> inBlock = byBlock.value(text->blockIds[blockIndex]);
            if (std::any_of(inBlock.cbegin(), inBlock.cend(),
                            [&](const Range &r) { return offset >= r.start && offset < r.end; }))
                ++shared[blockIndex];
        }
        for (int b = 0; b < text->blockIds.size(); ++b) {
            if (shared[b] == 0)
                continue;
            QList<qint64> copies;
            for (const Range &r : byBlock.value(text->blockIds[b]))
                if (!copies.contains(r.other))
                    copies.append(r.other);
            if (Result<void> added = sql::execPrepared(
                    add, {text->blockIds[b], article, characters[b], shared[b], qint64(copies.size())});
                !added)
                return added;
        }
    }
    return {};
}

} // namespace dubao::reuse
