// JSON in the schema of docs/export.md (format "dubao-export", version 1).
#include "core/export/exportformat.h"
#include "core/export/exporttext.h"
#include "core/store/uid.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace dubao {

namespace {

/// Canonical UUID text, or null.
QJsonValue uidOrNull(const QByteArray &uid)
{
    return uid.isEmpty() ? QJsonValue() : QJsonValue(uid::toText(uid));
}

QJsonValue idOrNull(qint64 id)
{
    return id > 0 ? QJsonValue(id) : QJsonValue(QJsonValue::Null);
}

QJsonValue stringOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonValue intOrNull(int value)
{
    return value >= 0 ? QJsonValue(value) : QJsonValue(QJsonValue::Null);
}

QJsonObject excerptJson(const Excerpt &e)
{
    QJsonObject o;
    o.insert(QStringLiteral("kind"), excerptKindName(e.kind));
    if (e.isText()) {
        o.insert(QStringLiteral("text"), e.text);
        o.insert(QStringLiteral("created"), stringOrNull(isoDateTime(e.createdAt)));
        o.insert(QStringLiteral("author"), stringOrNull(e.createdBy));
        o.insert(QStringLiteral("changedBy"), stringOrNull(e.changedBy));
        return o;
    }
    o.insert(QStringLiteral("quote"), e.quote);
    o.insert(QStringLiteral("tags"), QJsonArray::fromStringList(e.tags));
    QJsonArray notes;
    for (const ExportNote &n : e.notes)
        notes.append(QJsonObject{{QStringLiteral("id"), n.id},
                                 {QStringLiteral("uid"), uidOrNull(n.uid)},
                                 {QStringLiteral("text"), n.text},
                                 {QStringLiteral("created"), stringOrNull(isoDateTime(n.createdAt))},
                                 {QStringLiteral("author"), stringOrNull(n.createdBy)},
                                 {QStringLiteral("changedBy"), stringOrNull(n.changedBy)}});
    o.insert(QStringLiteral("notes"), notes);
    o.insert(QStringLiteral("author"), stringOrNull(e.createdBy));
    o.insert(QStringLiteral("changedBy"), stringOrNull(e.changedBy));
    o.insert(QStringLiteral("link"), stringOrNull(e.link()));
    o.insert(QStringLiteral("article"),
             QJsonObject{{QStringLiteral("id"), idOrNull(e.articleId)},
                         {QStringLiteral("uid"), uidOrNull(e.articleUid)},
                         {QStringLiteral("title"), e.articleTitle},
                         {QStringLiteral("reporters"), QJsonArray::fromStringList(e.reporters)},
                         {QStringLiteral("link"), stringOrNull(e.articleLink())},
                         {QStringLiteral("position"), intOrNull(e.articlePosition)},
                         {QStringLiteral("page"), stringOrNull(e.page)},
                         {QStringLiteral("pageName"), stringOrNull(e.pageName)}});
    o.insert(QStringLiteral("publication"), e.publication);
    o.insert(QStringLiteral("issueDate"), stringOrNull(isoDate(e.issueDate)));
    o.insert(QStringLiteral("dateInferred"), e.dateInferred);
    o.insert(QStringLiteral("dateUncertain"), e.dateUncertain());
    if (e.dateUncertain()) {
        QJsonArray years;
        for (int year : e.yearAlternatives)
            years.append(year);
        o.insert(QStringLiteral("yearAlternatives"), years);
    }
    o.insert(QStringLiteral("issueId"), idOrNull(e.issueId));
    o.insert(QStringLiteral("issueUid"), uidOrNull(e.issueUid));
    o.insert(QStringLiteral("highlightId"), idOrNull(e.highlightId));
    o.insert(QStringLiteral("highlightUid"), uidOrNull(e.highlightUid));
    o.insert(QStringLiteral("noteId"), idOrNull(e.noteId));
    o.insert(QStringLiteral("noteUid"), uidOrNull(e.noteUid));
    o.insert(QStringLiteral("blockId"), idOrNull(e.blockId));
    o.insert(QStringLiteral("blockUid"), uidOrNull(e.blockUid));
    o.insert(QStringLiteral("blockPosition"), intOrNull(e.blockPosition));
    o.insert(QStringLiteral("start"), intOrNull(e.start));
    o.insert(QStringLiteral("end"), intOrNull(e.end));
    o.insert(QStringLiteral("articleStart"), intOrNull(e.articleStart));
    o.insert(QStringLiteral("prefix"), e.prefix);
    o.insert(QStringLiteral("suffix"), e.suffix);
    o.insert(QStringLiteral("orphan"), e.orphan);
    o.insert(QStringLiteral("created"), stringOrNull(isoDateTime(e.createdAt)));
    o.insert(QStringLiteral("modified"), stringOrNull(isoDateTime(e.modifiedAt)));
    return o;
}

// The tags the entries carry, with their colours.
QJsonArray tagsJson(const ExportDocument &document)
{
    QSet<QString> used;
    for (const Excerpt &e : document.excerpts)
        used.unite(QSet<QString>(e.tags.begin(), e.tags.end()));
    QJsonArray tags;
    for (const ExportTag &t : document.tags) {
        if (used.contains(t.path))
            tags.append(QJsonObject{{QStringLiteral("path"), t.path}, {QStringLiteral("colour"), t.colour}});
    }
    return tags;
}

Result<void> writeJson(const ExportDocument &document, const ExportOptions &, QIODevice &device,
                       const ExportProgress &progress)
{
    QJsonArray entries;
    const qsizetype total = document.excerpts.size();
    qsizetype done = 0;
    for (const Excerpt &e : document.excerpts) {
        entries.append(excerptJson(e));
        if (Result<void> reported = exporttext::reportProgress(progress, ++done, total); !reported)
            return reported;
    }
    QJsonObject root{
        {QStringLiteral("format"), QStringLiteral("dubao-export")},
        {QStringLiteral("version"), 1},
        {QStringLiteral("title"), document.title},
        {QStringLiteral("kind"), document.isNotebook() ? QStringLiteral("notebook") : QStringLiteral("excerpts")},
        {QStringLiteral("notebookId"), idOrNull(document.notebookId)},
        {QStringLiteral("selection"), document.selectionSummary},
        {QStringLiteral("generated"), isoDateTime(document.generatedAt)},
        {QStringLiteral("tags"), tagsJson(document)},
        {QStringLiteral("entries"), entries}};
    exporttext::Utf8Sink out(device);
    out.writeBytes(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (Result<void> finished = out.finish(); !finished)
        return finished;
    return exporttext::reportProgress(progress, total, total);
}

} // namespace

ExportFormat jsonExportFormat()
{
    return {.name = QStringLiteral("json"),
            .suffix = QStringLiteral("json"),
            .label = QT_TRANSLATE_NOOP("dubao::ExportFormat", "JSON (.json)"),
            .order = 40,
            .createWriter = makeExportWriter<writeJson>};
}

} // namespace dubao
