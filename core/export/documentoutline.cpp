#include "core/export/documentoutline.h"

#include "core/export/exporttext.h"

#include <QCoreApplication>

namespace dubao {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("dubao", text); // the context lupdate gives a free function in dubao
}

} // namespace

Result<void> walkOutline(const ExportDocument &document, const ExportOptions &options, const ExportProgress &progress,
                         const std::function<void(const OutlineItem &item)> &visit)
{
    using Role = OutlineItem::Role;
    const bool grouped = options.grouping != ExportOptions::Grouping::None;
    visit({.role = Role::Title, .text = document.title, .headingLevel = 1});
    visit({.role = Role::About, .text = exporttext::aboutLine(document)});
    return exporttext::forEachGrouped(
        document, options.grouping, progress,
        [&](const QString &heading) { visit({.role = Role::GroupHeading, .text = heading, .headingLevel = 2}); },
        [&](const Excerpt &e) {
            if (e.isText()) {
                visit({.role = Role::FreeText, .text = e.text});
                return;
            }
            visit({.role = Role::ArticleTitle, .text = exporttext::articleTitle(e), .headingLevel = grouped ? 3 : 2});
            const QString meta = exporttext::sourceLine(e);
            if (!meta.isEmpty())
                visit({.role = Role::Source, .text = meta});
            visit({.role = Role::Quote, .text = e.quote});
            if (!e.tags.isEmpty()) {
                const QString pattern = tr("Tags: %1");
                const qsizetype at = qMax(qsizetype(0), pattern.indexOf(QStringLiteral("%1")));
                QStringList colours;
                for (const QString &t : e.tags)
                    colours.append(exporttext::safeColour(document.tagColour(t)));
                visit({.role = Role::Tags,
                       .text = tr("Tags: %1").arg(e.tags.join(QStringLiteral(", "))),
                       .tags = e.tags,
                       .tagColours = colours,
                       .beforeTags = pattern.left(at),
                       .afterTags = pattern.mid(at + 2)});
            }
            for (const ExportNote &n : e.notes) {
                visit({.role = Role::Note, .text = n.text});
                // Who wrote it, in the small print of the source line.
                if (const QString by = exporttext::noteAuthorLine(e, n); !by.isEmpty())
                    visit({.role = Role::Source, .text = by});
            }
            // Where a reader finds the passage in the paper; Dubao's own link only when asked for (a private scheme).
            if (const QString cited = exporttext::citation(e); !cited.isEmpty())
                visit({.role = Role::Source, .text = cited});
            if (options.withLinks && !e.link().isEmpty())
                visit({.role = Role::Link, .text = e.link()});
            if (e.orphan)
                visit({.role = Role::Orphan, .text = exporttext::orphanNotice()});
        });
}

} // namespace dubao
