// One self-contained HTML file (CSS inline, no scripts, no external resources) styled for reading on screen and for
// printing; every text escaped, notes rendered from their Markdown by the one sanitiser (core/export/safemarkdown.h).
#include "core/export/exportformat.h"
#include "core/export/exporttext.h"
#include "core/export/safemarkdown.h"

namespace dubao {

namespace {

using namespace exporttext;

const char kStyle[] = R"(
:root { color-scheme: light; }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, serif; line-height: 1.8;
       max-width: 42em; margin: 2em auto; padding: 0 1em; color: #222; background: #fff; }
h1 { font-size: 1.6em; border-bottom: 2px solid #444; padding-bottom: .3em; }
h2 { font-size: 1.3em; margin-top: 2em; border-bottom: 1px solid #bbb; }
h3 { font-size: 1.1em; margin-bottom: .2em; }
.about, .source { color: #666; font-size: .9em; }
.excerpt { margin: 1.5em 0; padding-bottom: 1em; border-bottom: 1px dotted #ccc; break-inside: avoid; }
blockquote { margin: .6em 0; padding: .2em 1em; border-left: 4px solid #c33; background: #faf7f2; white-space: pre-wrap; }
.tags span { display: inline-block; font-size: .85em; background: #eee; border-radius: 3px; padding: 0 .4em; margin-right: .3em;
             border-left: .5em solid #ccc; }
.notes { margin: .4em 0; padding-left: 1.2em; }
.notes li p, .freetext p { margin: .2em 0; }
.notes li p.by { color: #666; font-size: .9em; }
.freetext { margin: 1em 0; }
pre { white-space: pre-wrap; background: #f2f2f2; padding: .3em .6em; }
table { border-collapse: collapse; margin: .4em 0; }
th, td { border: 1px solid #bbb; padding: .1em .5em; vertical-align: top; }
th { background: #f2f2f2; }
.cite, .link { font-size: .8em; }
.cite { color: #555; font-style: italic; }
.link a { color: #36c; }
.orphan { color: #a60; font-size: .85em; }
@media print {
  body { max-width: none; margin: 0; font-size: 11pt; }
  blockquote { background: none; }
  .link a { color: #000; text-decoration: none; }
  h2 { break-before: auto; break-after: avoid; }
  h3 { break-after: avoid; }
}
)";

QString text(const QString &value)
{
    return escapeHtml(value);
}

void writeExcerpt(Utf8Sink &out, const ExportDocument &document, const Excerpt &e, const ExportOptions &options)
{
    if (e.isText()) {
        out << QLatin1String("<div class=\"freetext\">") << markdown::toHtml(e.text) << QLatin1String("</div>\n");
        return;
    }
    out << QLatin1String("<section class=\"excerpt\">\n<h3>") << text(articleTitle(e)) << QLatin1String("</h3>\n");
    const QString meta = sourceLine(e);
    if (!meta.isEmpty())
        out << QLatin1String("<div class=\"source\">") << text(meta) << QLatin1String("</div>\n");
    out << QLatin1String("<blockquote>") << text(e.quote) << QLatin1String("</blockquote>\n");
    if (!e.tags.isEmpty()) {
        out << QLatin1String("<div class=\"tags\">");
        for (const QString &t : e.tags) {
            const QString colour = safeColour(document.tagColour(t));
            if (colour.isEmpty())
                out << QLatin1String("<span>");
            else
                out << QLatin1String("<span style=\"border-left-color: ") << colour << QLatin1String("\">");
            out << text(t) << QLatin1String("</span>");
        }
        out << QLatin1String("</div>\n");
    }
    if (!e.notes.isEmpty()) {
        out << QLatin1String("<ul class=\"notes\">");
        for (const ExportNote &n : e.notes) {
            out << QLatin1String("<li>") << markdown::toHtml(n.text);
            if (const QString by = noteAuthorLine(e, n); !by.isEmpty())
                out << QLatin1String("<p class=\"by\">") << text(by) << QLatin1String("</p>");
            out << QLatin1String("</li>");
        }
        out << QLatin1String("</ul>\n");
    }
    // Where a reader finds the passage in the paper; Dubao's own link only when asked for (a private scheme).
    const QString cited = citation(e);
    if (!cited.isEmpty())
        out << QLatin1String("<div class=\"cite\">") << text(cited) << QLatin1String("</div>\n");
    const QString link = e.link();
    if (options.withLinks && !link.isEmpty())
        out << QLatin1String("<div class=\"link\"><a href=\"") << text(link) << QLatin1String("\">") << text(link)
            << QLatin1String("</a></div>\n");
    if (e.orphan)
        out << QLatin1String("<div class=\"orphan\">") << text(orphanNotice()) << QLatin1String("</div>\n");
    out << QLatin1String("</section>\n");
}

Result<void> writeHtml(const ExportDocument &document, const ExportOptions &options, QIODevice &device,
                       const ExportProgress &progress)
{
    Utf8Sink out(device);
    out << QLatin1String("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                         "<meta name=\"generator\" content=\"Dubao\">\n<title>")
        << text(document.title) << QLatin1String("</title>\n<style>") << QLatin1String(kStyle)
        << QLatin1String("</style>\n</head>\n<body>\n<h1>") << text(document.title) << QLatin1String("</h1>\n");
    out << QLatin1String("<p class=\"about\">") << text(aboutLine(document)) << QLatin1String("</p>\n");
    const Result<void> grouped = forEachGrouped(
        document, options.grouping, progress,
        [&](const QString &heading) { out << QLatin1String("<h2>") << text(heading) << QLatin1String("</h2>\n"); },
        [&](const Excerpt &e) { writeExcerpt(out, document, e, options); });
    if (!grouped)
        return grouped;
    out << QLatin1String("</body>\n</html>\n");
    const qsizetype total = document.excerpts.size();
    if (Result<void> finished = out.finish(); !finished)
        return finished;
    return reportProgress(progress, total, total);
}

} // namespace

ExportFormat htmlExportFormat()
{
    return {.name = QStringLiteral("html"),
            .suffix = QStringLiteral("html"),
            .label = QT_TRANSLATE_NOOP("dubao::ExportFormat", "HTML, one file for reading and printing (.html)"),
            .order = 20,
            .grouping = true,
            .optionalLinks = true,
            .createWriter = makeExportWriter<writeHtml>};
}

} // namespace dubao
