// CSV per RFC 4180 (CRLF, every cell quoted), UTF-8 with a BOM so spreadsheet programs read Chinese; one row per
// excerpt; cells neutralised against formula injection.
#include "core/export/exportformat.h"
#include "core/export/exporttext.h"

namespace dubao {

namespace {

using namespace exporttext;

// "stated", "inferred" or "uncertain:2022" (the other years the evidence points at); empty without a date.
QString dateCertainty(const Excerpt &e)
{
    if (!e.issueDate.isValid())
        return {};
    if (!e.dateInferred)
        return QStringLiteral("stated");
    if (e.yearAlternatives.isEmpty())
        return QStringLiteral("inferred");
    QStringList years;
    for (int year : e.yearAlternatives)
        years.append(QString::number(year));
    return QStringLiteral("uncertain:") + years.join(u' ');
}

QString id(qint64 value)
{
    return value > 0 ? QString::number(value) : QString();
}

Result<void> writeCsv(const ExportDocument &document, const ExportOptions &, QIODevice &device,
                      const ExportProgress &progress)
{
    Utf8Sink out(device);
    out << QChar(0xFEFF);
    static const QStringList header{
        QStringLiteral("kind"),           QStringLiteral("quote"),         QStringLiteral("tags"),
        QStringLiteral("notes"),          QStringLiteral("article_title"), QStringLiteral("publication"),
        QStringLiteral("issue_date"),     QStringLiteral("reporters"),     QStringLiteral("link"),
        QStringLiteral("highlight_id"),   QStringLiteral("note_id"),       QStringLiteral("block_id"),
        QStringLiteral("article_id"),     QStringLiteral("created"),       QStringLiteral("orphan"),
        QStringLiteral("date_certainty"), QStringLiteral("author"),        QStringLiteral("changed_by"),
        QStringLiteral("page"),           QStringLiteral("page_name")};
    QStringList cells;
    for (const QString &h : header)
        cells.append(csvCell(h));
    out << cells.join(u',') << QLatin1String("\r\n");
    const qsizetype total = document.excerpts.size();
    qsizetype done = 0;
    for (const Excerpt &e : document.excerpts) {
        QStringList notes;
        for (const ExportNote &n : e.notes)
            notes.append(n.text);
        out << csvCell(excerptKindName(e.kind)) << u',' << csvCell(e.isText() ? e.text : e.quote) << u','
            << csvCell(e.tags.join(u'\n')) << u',' << csvCell(notes.join(QStringLiteral("\n---\n"))) << u','
            << csvCell(e.articleTitle) << u',' << csvCell(e.publication) << u',' << csvCell(isoDate(e.issueDate))
            << u',' << csvCell(e.reporters.join(QStringLiteral("、"))) << u',' << csvCell(e.link()) << u','
            << csvCell(id(e.highlightId)) << u',' << csvCell(id(e.noteId)) << u',' << csvCell(id(e.blockId)) << u','
            << csvCell(id(e.articleId)) << u',' << csvCell(isoDateTime(e.createdAt)) << u','
            << csvCell(e.orphan ? QStringLiteral("1") : QStringLiteral("0")) << u',' << csvCell(dateCertainty(e))
            << u',' << csvCell(e.createdBy) << u',' << csvCell(e.changedBy) << u',' << csvCell(e.page) << u','
            << csvCell(e.pageName) << QLatin1String("\r\n");
        if (Result<void> reported = reportProgress(progress, ++done, total); !reported)
            return reported;
    }
    if (Result<void> finished = out.finish(); !finished)
        return finished;
    return reportProgress(progress, total, total);
}

} // namespace

ExportFormat csvExportFormat()
{
    return {.name = QStringLiteral("csv"),
            .suffix = QStringLiteral("csv"),
            .label = QT_TRANSLATE_NOOP("dubao::ExportFormat", "CSV spreadsheet, UTF-8 (.csv)"),
            .order = 30,
            .createWriter = makeExportWriter<writeCsv>};
}

} // namespace dubao
