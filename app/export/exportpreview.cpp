#include "app/export/exportpreview.h"

#include "core/export/documentoutline.h"
#include "core/export/safemarkdown.h"
#include "core/export/zipwriter.h"

#include <QStringList>
#include <QXmlStreamReader>

namespace dubao {

namespace {

QString indented(const QString &text, const QString &indent)
{
    QStringList lines = text.split(u'\n');
    for (QString &line : lines)
        line.prepend(indent);
    return lines.join(u'\n');
}

// A note's Markdown as the writers render it, as plain text.
QString renderedMarkdown(const QString &markdownText)
{
    QStringList blocks;
    for (const markdown::Block &block : markdown::render(markdownText)) {
        blocks.append(block.listMarker() + block.plainText()); // a table: a line per row, its cells between " | "
    }
    return blocks.join(u'\n');
}

} // namespace

QString ExportPreview::outline(const ExportDocument &document, const ExportOptions &options)
{
    using Role = OutlineItem::Role;
    QStringList lines;
    QString indent;
    (void)walkOutline(document, options, {}, [&](const OutlineItem &item) {
        switch (item.role) {
        case Role::Title:
        case Role::GroupHeading:
        case Role::ArticleTitle:
            indent = QString(2 * (item.headingLevel - 1), u' ');
            if (item.role != Role::Title)
                lines.append(QString());
            lines.append(indent + tr("Heading %1 · %2").arg(item.headingLevel).arg(item.text));
            indent += QStringLiteral("    ");
            break;
        case Role::About:
        case Role::Source:
        case Role::Link:
        case Role::Orphan:
            lines.append(indent + item.text);
            break;
        case Role::Quote:
            lines.append(indented(item.text.split(QStringLiteral("\n\n")).join(u'\n'), indent + QStringLiteral("│ ")));
            break;
        case Role::Tags:
            lines.append(indent + item.beforeTags + item.tags.join(tr(", ")) + item.afterTags);
            break;
        case Role::Note:
            lines.append(indented(renderedMarkdown(item.text), indent + tr("Note: ")));
            break;
        case Role::FreeText:
            lines.append(indented(renderedMarkdown(item.text), indent));
            break;
        }
    });
    return lines.join(u'\n');
}

QString ExportPreview::projectSummary(const QByteArray &qdpx)
{
    const Result<QList<std::pair<QString, QByteArray>>> entries = readZip(qdpx);
    if (!entries)
        return {};
    QByteArray project;
    for (const auto &[name, bytes] : *entries) {
        if (name == QLatin1String("project.qde"))
            project = bytes;
    }
    QXmlStreamReader xml(project);
    QStringList codes;
    QStringList sources;
    int depth = 0;
    int selections = 0;
    int codings = 0;
    int notes = 0;
    while (!xml.atEnd()) {
        const QXmlStreamReader::TokenType token = xml.readNext();
        if (token == QXmlStreamReader::EndElement && xml.name() == QLatin1String("Code"))
            --depth;
        if (token != QXmlStreamReader::StartElement)
            continue;
        const QStringView element = xml.name();
        if (element == QLatin1String("Code")) {
            codes.append(QString(2 * depth + 2, u' ') + xml.attributes().value(QLatin1String("name")).toString());
            ++depth;
        } else if (element == QLatin1String("TextSource")) {
            sources.append(QStringLiteral("  • ") + xml.attributes().value(QLatin1String("name")).toString());
        } else if (element == QLatin1String("PlainTextSelection")) {
            ++selections;
        } else if (element == QLatin1String("Coding")) {
            ++codings;
        } else if (element == QLatin1String("Note")) {
            ++notes;
        }
    }
    if (xml.hasError())
        return {};
    QStringList lines;
    lines.append(tr("Code book: %n code(s)", nullptr, int(codes.size())));
    lines += codes;
    lines.append(tr("Text sources: %n article(s)", nullptr, int(sources.size())));
    lines += sources;
    lines.append(tr("Coded selections: %1, codings: %2").arg(selections).arg(codings));
    lines.append(tr("Notes: %1").arg(notes));
    return lines.join(u'\n');
}

} // namespace dubao
