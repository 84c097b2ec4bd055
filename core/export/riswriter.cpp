// RIS citations (TY  - NEWS ... ER  - ), one record per article behind the excerpts.
#include "core/export/exportformat.h"
#include "core/export/exporttext.h"

namespace dubao {

namespace {

Result<void> writeRis(const ExportDocument &document, const ExportOptions &options, QIODevice &device,
                      const ExportProgress &progress)
{
    using namespace exporttext;
    Utf8Sink out(device);
    auto line = [&](const char *tag, const QString &value) {
        const QString v = risValue(value);
        if (!v.isEmpty())
            out << QLatin1String(tag) << QLatin1String("  - ") << v << QLatin1String("\r\n");
    };
    const QList<CitedArticle> articles = citedArticles(document);
    const qsizetype total = articles.size();
    qsizetype done = 0;
    for (const CitedArticle &a : articles) {
        const Excerpt &s = *a.source;
        out << QLatin1String("TY  - NEWS\r\n");
        line("ID", a.id);
        line("TI", s.articleTitle);
        line("T2", s.publication);
        for (const QString &r : s.reporters)
            line("AU", r);
        if (s.issueDate.isValid()) {
            line("PY", QString::number(s.issueDate.year()));
            if (s.dateInferred) // the year is a guess: the year alone, and a note saying so
                line("N1", inferredDateNote(s.issueDate, s.yearAlternatives));
            else
                line("DA", s.issueDate.toString(QStringLiteral("yyyy/MM/dd")));
        }
        for (const QString &tag : articleTags(document, a))
            line("KW", tag);
        if (options.withLinks)
            line("UR", s.articleLink());
        if (!s.page.isEmpty())
            line("SP", citedPage(s.page)); // the page (版次); its name in SE, RIS's section
        if (!s.pageName.isEmpty())
            line("SE", s.pageName);
        line("LA", QStringLiteral("zh-CN"));
        if (options.excerptsAsNotes) {
            for (const qsizetype i : a.excerpts)
                line("N1", excerptAsNote(document.excerpts.at(i)));
        }
        out << QLatin1String("ER  - \r\n\r\n");
        if (Result<void> reported = reportProgress(progress, ++done, total); !reported)
            return reported;
    }
    if (Result<void> finished = out.finish(); !finished)
        return finished;
    return reportProgress(progress, total, total);
}

} // namespace

ExportFormat risExportFormat()
{
    return {.name = QStringLiteral("ris"),
            .suffix = QStringLiteral("ris"),
            .label = QT_TRANSLATE_NOOP("dubao::ExportFormat", "Citations: RIS (.ris)"),
            .order = 80,
            .entries = ExportFormat::Entries::Articles,
            .optionalLinks = true,
            .createWriter = makeExportWriter<writeRis>};
}

} // namespace dubao
