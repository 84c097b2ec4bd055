// CSL-JSON citations, one article-newspaper item per article behind the excerpts (Zotero, Citation Style Language
// processors).
#include "core/export/exportformat.h"
#include "core/export/exporttext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace dubao {

namespace {

Result<void> writeCslJson(const ExportDocument &document, const ExportOptions &options, QIODevice &device,
                          const ExportProgress &progress)
{
    using namespace exporttext;
    QJsonArray items;
    const QList<CitedArticle> articles = citedArticles(document);
    const qsizetype total = articles.size();
    qsizetype done = 0;
    for (const CitedArticle &a : articles) {
        const Excerpt &s = *a.source;
        QJsonObject item{{QStringLiteral("id"), a.id},
                         {QStringLiteral("type"), QStringLiteral("article-newspaper")},
                         {QStringLiteral("title"), s.articleTitle}};
        if (!s.publication.isEmpty())
            item.insert(QStringLiteral("container-title"), s.publication);
        if (s.issueDate.isValid()) {
            QJsonObject issued{{QStringLiteral("date-parts"),
                                QJsonArray{QJsonArray{s.issueDate.year(), s.issueDate.month(), s.issueDate.day()}}}};
            if (s.dateInferred)
                issued.insert(QStringLiteral("circa"), true); // the year is Dubao's inference, not printed
            if (s.dateUncertain())
                item.insert(QStringLiteral("note"), inferredDateNote(s.issueDate, s.yearAlternatives));
            item.insert(QStringLiteral("issued"), issued);
        }
        if (!s.reporters.isEmpty()) {
            QJsonArray authors;
            for (const QString &r : s.reporters)
                authors.append(QJsonObject{{QStringLiteral("literal"), r}});
            item.insert(QStringLiteral("author"), authors);
        }
        if (options.withLinks && !s.articleLink().isEmpty())
            item.insert(QStringLiteral("URL"), s.articleLink());
        if (const QStringList tags = articleTags(document, a); !tags.isEmpty())
            item.insert(QStringLiteral("keyword"), tags.join(QStringLiteral(", ")));
        item.insert(QStringLiteral("language"), QStringLiteral("zh-CN"));
        // The page (版次) when the issue file names it: CSL's page, and its name as the paper's section.
        if (!s.page.isEmpty())
            item.insert(QStringLiteral("page"), citedPage(s.page));
        if (!s.pageName.isEmpty())
            item.insert(QStringLiteral("section"), s.pageName);
        if (options.excerptsAsNotes) {
            QStringList notes;
            for (const qsizetype i : a.excerpts)
                notes.append(excerptAsNote(document.excerpts.at(i)));
            item.insert(QStringLiteral("note"), notes.join(QStringLiteral("\n\n----\n\n")));
        }
        items.append(item);
        if (Result<void> reported = reportProgress(progress, ++done, total); !reported)
            return reported;
    }
    Utf8Sink out(device);
    out.writeBytes(QJsonDocument(items).toJson(QJsonDocument::Indented));
    if (Result<void> finished = out.finish(); !finished)
        return finished;
    return reportProgress(progress, total, total);
}

} // namespace

ExportFormat cslJsonExportFormat()
{
    return {.name = QStringLiteral("csljson"),
            .aliases = {QStringLiteral("csl-json")},
            .suffix = QStringLiteral("json"),
            .label = QT_TRANSLATE_NOOP("dubao::ExportFormat", "Citations: CSL-JSON for Zotero and others (.json)"),
            .order = 70,
            .entries = ExportFormat::Entries::Articles,
            .optionalLinks = true,
            .createWriter = makeExportWriter<writeCslJson>};
}

} // namespace dubao
