// Every row of a library that a restore must give back (issues, articles, reporters, blocks, tags, highlights,
// notes, notebooks, lineage) and the results of a few searches, as text in a stable order: two libraries whose lists
// are equal hold the same things with the same ids. For the backup tests (tst_backup, tst_backup_sent).
#pragma once

#include "core/search/searchservice.h"
#include "core/store/library.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>

namespace dubao::test {

/// Every row of what a restore must give back, as text, in a stable order.
inline QStringList libraryRows(Library &library)
{
    static const char *const queries[] = {
        "SELECT i.id, hex(i.uid), p.name, i.date, i.month, i.day, i.date_inferred, i.created_at, i.parser_version, "
        "i.date_alternatives, i.date_evidence, "
        "s.path, s.sha256, s.encoding, s.size, s.imported_at FROM issues i JOIN source_files s ON s.id = "
        "i.source_file_id LEFT JOIN publications p ON p.id = i.publication_id ORDER BY i.id",
        "SELECT id, issue_id, position, kicker, title, subtitles, has_byline, byline_source, byline_date, byline_raw, "
        "first_line, last_line, hex(uid) FROM articles ORDER BY id",
        "SELECT ar.article_id, ar.position, r.name FROM article_reporters ar JOIN reporters r ON r.id = "
        "ar.reporter_id ORDER BY 1, 2",
        "SELECT id, article_id, position, kind, text, raw, first_line, last_line, hex(uid) FROM blocks ORDER BY id",
        "SELECT id, name, parent_id, color, created_at, hex(uid) FROM tags ORDER BY id",
        "SELECT * FROM article_tags ORDER BY 1, 2",
        "SELECT * FROM block_tags ORDER BY 1, 2",
        "SELECT h.id, h.block_id, h.start, h.\"end\", h.quote, substr(b.text, h.start + 1, h.\"end\" - h.start), "
        "h.prefix, h.suffix, h.issue_id, h.orphan, h.created_at, hex(h.uid), h.created_by, h.changed_by, h.row_version "
        "FROM highlights h "
        "LEFT JOIN blocks b ON b.id = h.block_id ORDER BY h.id",
        "SELECT * FROM highlight_tags ORDER BY 1, 2",
        "SELECT id, block_id, highlight_id, text, orphan, quote, hex(uid), created_by, changed_by, row_version FROM "
        "notes "
        "ORDER BY id",
        "SELECT * FROM note_tags ORDER BY 1, 2",
        "SELECT id, name, hex(uid), created_by, changed_by, changed_at, shared FROM notebooks ORDER BY id",
        "SELECT * FROM notebook_entries ORDER BY id",
        "SELECT issue_id, old_id, hex(old_uid), new_id, hex(new_uid), kind FROM block_lineage ORDER BY id",
    };
    QStringList rows;
    QSqlQuery q(library.database());
    for (const char *sql : queries) {
        if (!q.exec(QString::fromUtf8(sql))) {
            rows << QStringLiteral("error: ") + q.lastError().text();
            continue;
        }
        while (q.next()) {
            QStringList values;
            for (int c = 0; c < q.record().count(); ++c)
                values << (q.value(c).isNull() ? QStringLiteral("NULL") : q.value(c).toString());
            rows << values.join(QLatin1Char('|'));
        }
    }
    SearchService search(library);
    for (const QString &term :
         {QStringLiteral("会议"), QStringLiteral("重庆"), QStringLiteral("农业 OR 湿地"), QStringLiteral("长长")}) {
        SearchOptions options;
        options.order = SearchOrder::Newest;
        options.limit = 1000;
        const SearchResult result = search.search(term, options);
        rows << term + QStringLiteral(": ") + QString::number(result.total);
        for (const SearchHit &hit : result.hits)
            rows << QStringLiteral("%1 %2 %3").arg(hit.blockId).arg(hit.noteId).arg(hit.articleId);
    }
    return rows;
}

} // namespace dubao::test
