// Markdown, one file; a section per tag or per date when grouped. Plain text (quotes, titles, tags) is
// backslash-escaped so it renders as itself; notes and free text are the user's Markdown as written, through the
// one sanitiser (core/export/safemarkdown.h: no raw HTML, no script or data links, no remote images).
#include "core/export/exportformat.h"
#include "core/export/exporttext.h"
#include "core/export/safemarkdown.h"

#include <QCoreApplication>

namespace dubao {

namespace {

using namespace exporttext;

/// The user's Markdown (notes, free text) as written, minus raw HTML and unsafe links and images.
QString userMarkdown(const QString &text)
{
    QString out = markdown::sanitize(text);
    out.remove(u'\r');
    return out;
}

/// Every line prefixed (a blockquote, or a list item's continuation).
QString prefixLines(const QString &text, const QString &first, const QString &rest)
{
    QString out = first;
    for (const QChar c : text) {
        out += c;
        if (c == u'\n')
            out += rest;
    }
    return out;
}

void writeExcerpt(Utf8Sink &out, const Excerpt &e, const ExportOptions &options)
{
    if (e.isText()) {
        out << userMarkdown(e.text) << QLatin1String("\n\n");
        return;
    }
    out << QLatin1String("### ") << escapeMarkdown(articleTitle(e)).replace(u'\n', u' ') << QLatin1String("\n\n");
    const QString meta = sourceLine(e);
    if (!meta.isEmpty())
        out << u'*' << escapeMarkdown(meta) << QLatin1String("*\n\n");
    // Quote: each paragraph a blockquote line; a blank "> " line between paragraphs.
    QString quote = escapeMarkdown(e.quote);
    quote.replace(QLatin1String("  \n  \n"), QLatin1String("\n\n"));
    out << prefixLines(quote, QStringLiteral("> "), QStringLiteral("> ")) << QLatin1String("\n\n");
    if (!e.tags.isEmpty()) {
        QStringList tags;
        for (const QString &t : e.tags)
            tags.append(escapeMarkdown(t));
        out << QLatin1String("**") << QCoreApplication::translate("dubao::MarkdownWriter", "Tags")
            << QLatin1String(":** ") << tags.join(QStringLiteral(", ")) << QLatin1String("\n\n");
    }
    if (!e.notes.isEmpty()) {
        out << QLatin1String("**") << QCoreApplication::translate("dubao::MarkdownWriter", "Notes")
            << QLatin1String(":**\n\n");
        for (const ExportNote &n : e.notes) {
            out << prefixLines(userMarkdown(n.text), QStringLiteral("- "), QStringLiteral("  ")) << u'\n';
            // Who wrote it, as a paragraph of its own in the item.
            if (const QString by = noteAuthorLine(e, n); !by.isEmpty())
                out << QLatin1String("\n  *") << escapeMarkdown(by) << QLatin1String("*\n");
        }
        out << u'\n';
    }
    // Where a reader finds the passage in the paper; Dubao's own link only when asked for (a private scheme).
    const QString cited = citation(e);
    if (!cited.isEmpty())
        out << u'*' << escapeMarkdown(cited) << QLatin1String("*\n\n");
    const QString link = e.link();
    if (options.withLinks && !link.isEmpty())
        out << u'<' << link << QLatin1String(">\n\n");
    if (e.orphan)
        out << u'*' << orphanNotice() << QLatin1String("*\n\n");
}

Result<void> writeMarkdown(const ExportDocument &document, const ExportOptions &options, QIODevice &device,
                           const ExportProgress &progress)
{
    Utf8Sink out(device);
    out << QLatin1String("# ") << escapeMarkdown(document.title).replace(u'\n', u' ') << QLatin1String("\n\n");
    out << u'*' << escapeMarkdown(aboutLine(document)) << QLatin1String("*\n\n");
    const Result<void> grouped = forEachGrouped(
        document, options.grouping, progress,
        [&](const QString &heading) {
            out << QLatin1String("## ") << escapeMarkdown(heading) << QLatin1String("\n\n");
        },
        [&](const Excerpt &e) {
            writeExcerpt(out, e, options);
            if (!e.isText())
                out << QLatin1String("---\n\n");
        });
    const qsizetype total = document.excerpts.size();
    if (!grouped)
        return grouped;
    if (Result<void> finished = out.finish(); !finished)
        return finished;
    return reportProgress(progress, total, total);
}

} // namespace

ExportFormat markdownExportFormat()
{
    return {.name = QStringLiteral("md"),
            .aliases = {QStringLiteral("markdown")},
            .suffix = QStringLiteral("md"),
            .label = QT_TRANSLATE_NOOP("dubao::ExportFormat", "Markdown (.md)"),
            .order = 10,
            .grouping = true,
            .optionalLinks = true,
            .createWriter = makeExportWriter<writeMarkdown>};
}

} // namespace dubao
