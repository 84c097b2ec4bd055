// W3C Web Annotation JSON-LD: an AnnotationCollection with one Annotation per excerpt (TextQuote + TextPosition
// selectors, tags as tagging bodies, notes as commenting bodies).
#include "core/export/exportformat.h"
#include "core/export/exporttext.h"
#include "core/store/uid.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace dubao {

namespace {

// The namespace of Dubao's name-based UUIDs (a fixed random UUID).
const QUuid kDubaoNamespace(QStringLiteral("{6f4b0f7e-2f9c-4c1e-9a55-2b1d3c7e8a01}"));

QString annotationId(const Excerpt &e, qsizetype index)
{
    // The uids first: ids that survive a re-parse and a copy of the library.
    if (!e.highlightUid.isEmpty() && e.kind != Excerpt::Kind::Note)
        return QStringLiteral("urn:dubao:highlight:") + uid::toText(e.highlightUid);
    if (!e.noteUid.isEmpty() && e.kind == Excerpt::Kind::Note)
        return QStringLiteral("urn:dubao:note:") + uid::toText(e.noteUid);
    if (e.kind == Excerpt::Kind::Paragraph && !e.blockUid.isEmpty())
        return QStringLiteral("urn:dubao:paragraph:") + uid::toText(e.blockUid);
    if (e.kind == Excerpt::Kind::Article && !e.articleUid.isEmpty())
        return QStringLiteral("urn:dubao:article:") + uid::toText(e.articleUid);
    if (e.highlightId != 0 && e.kind != Excerpt::Kind::Note)
        return QStringLiteral("urn:dubao:highlight:%1").arg(e.highlightId);
    if (e.noteId != 0)
        return QStringLiteral("urn:dubao:note:%1").arg(e.noteId);
    if (e.kind == Excerpt::Kind::Paragraph && e.blockId != 0)
        return QStringLiteral("urn:dubao:paragraph:%1").arg(e.blockId);
    if (e.kind == Excerpt::Kind::Article && e.articleId != 0)
        return QStringLiteral("urn:dubao:article:%1").arg(e.articleId);
    return QStringLiteral("urn:dubao:excerpt:%1").arg(index + 1);
}

Result<void> writeWebAnnotations(const ExportDocument &document, const ExportOptions &, QIODevice &device,
                                 const ExportProgress &progress)
{
    QJsonArray items;
    const qsizetype total = document.excerpts.size();
    qsizetype done = 0;
    for (qsizetype i = 0; i < total; ++i) {
        const Excerpt &e = document.excerpts.at(i);
        if (Result<void> reported = exporttext::reportProgress(progress, ++done, total); !reported)
            return reported;
        if (e.isText())
            continue;
        QJsonArray body;
        for (const QString &t : e.tags)
            body.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("TextualBody")},
                                    {QStringLiteral("purpose"), QStringLiteral("tagging")},
                                    {QStringLiteral("value"), t}});
        for (const ExportNote &n : e.notes)
            body.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("TextualBody")},
                                    {QStringLiteral("purpose"), QStringLiteral("commenting")},
                                    {QStringLiteral("format"), QStringLiteral("text/markdown")},
                                    {QStringLiteral("value"), n.text}});
        QJsonObject quote{{QStringLiteral("type"), QStringLiteral("TextQuoteSelector")},
                          {QStringLiteral("exact"), e.quote}};
        if (!e.prefix.isEmpty())
            quote.insert(QStringLiteral("prefix"), e.prefix);
        if (!e.suffix.isEmpty())
            quote.insert(QStringLiteral("suffix"), e.suffix);
        QJsonArray selectors{quote};
        if (e.start >= 0 && e.end >= e.start)
            selectors.append(QJsonObject{{QStringLiteral("type"), QStringLiteral("TextPositionSelector")},
                                         {QStringLiteral("start"), e.start},
                                         {QStringLiteral("end"), e.end}});
        QString source = e.link();
        if (source.isEmpty())
            source = QStringLiteral("urn:dubao:orphan"); // the paragraph is gone: the quote still identifies it
        QJsonObject target{{QStringLiteral("source"), source}, {QStringLiteral("selector"), selectors}};
        const QString motivation = !e.notes.isEmpty() && e.kind == Excerpt::Kind::Note ? QStringLiteral("commenting")
                                   : e.kind == Excerpt::Kind::Highlight                ? QStringLiteral("highlighting")
                                                                                       : QStringLiteral("tagging");
        QJsonObject annotation{{QStringLiteral("id"), annotationId(e, i)},
                               {QStringLiteral("type"), QStringLiteral("Annotation")},
                               {QStringLiteral("motivation"), motivation},
                               {QStringLiteral("target"), target}};
        if (!body.isEmpty())
            annotation.insert(QStringLiteral("body"), body);
        if (e.createdAt.isValid())
            annotation.insert(QStringLiteral("created"), isoDateTime(e.createdAt));
        if (e.modifiedAt.isValid())
            annotation.insert(QStringLiteral("modified"), isoDateTime(e.modifiedAt));
        // Who made it (schema v15): an Agent of the model, a person known by a name, with no IRI.
        if (!e.createdBy.isEmpty())
            annotation.insert(QStringLiteral("creator"), QJsonObject{{QStringLiteral("type"), QStringLiteral("Person")},
                                                                     {QStringLiteral("name"), e.createdBy}});
        items.append(annotation);
    }
    // The model says a collection and its pages MUST have an IRI: a name-based UUID of what was exported, so the
    // same export of the same library gets the same ids.
    QStringList members;
    for (const QJsonValue &item : std::as_const(items))
        members.append(item.toObject().value(QStringLiteral("id")).toString());
    const QUuid collectionUuid = QUuid::createUuidV5(
        kDubaoNamespace, document.title + u'\n' + isoDateTime(document.generatedAt) + u'\n' + members.join(u' '));
    const QString collectionId = QStringLiteral("urn:uuid:") + collectionUuid.toString(QUuid::WithoutBraces);
    const QString pageId = QStringLiteral("urn:uuid:") +
                           QUuid::createUuidV5(collectionUuid, QStringLiteral("page 1")).toString(QUuid::WithoutBraces);
    const QJsonObject collection{
        {QStringLiteral("@context"), QStringLiteral("http://www.w3.org/ns/anno.jsonld")},
        {QStringLiteral("id"), collectionId},
        {QStringLiteral("type"), QStringLiteral("AnnotationCollection")},
        {QStringLiteral("label"), document.title},
        {QStringLiteral("total"), items.size()},
        {QStringLiteral("first"), QJsonObject{{QStringLiteral("id"), pageId},
                                              {QStringLiteral("type"), QStringLiteral("AnnotationPage")},
                                              {QStringLiteral("partOf"), collectionId},
                                              {QStringLiteral("startIndex"), 0},
                                              {QStringLiteral("items"), items}}},
        {QStringLiteral("last"), pageId}};
    exporttext::Utf8Sink out(device);
    out.writeBytes(QJsonDocument(collection).toJson(QJsonDocument::Indented));
    if (Result<void> finished = out.finish(); !finished)
        return finished;
    return exporttext::reportProgress(progress, total, total);
}

} // namespace

ExportFormat webAnnotationExportFormat()
{
    return {.name = QStringLiteral("webannotation"),
            .aliases = {QStringLiteral("jsonld"), QStringLiteral("web-annotation")},
            .suffix = QStringLiteral("jsonld"),
            .label = QT_TRANSLATE_NOOP("dubao::ExportFormat", "W3C Web Annotations, JSON-LD (.jsonld)"),
            .order = 90,
            .createWriter = makeExportWriter<writeWebAnnotations>};
}

} // namespace dubao
