// REFI-QDA project exchange (.qdpx: a ZIP of project.qde and Sources/), the format NVivo, ATLAS.ti, MAXQDA and
// QualCoder exchange, valid against the REFI-QDA Project schema. Tags are the code book (hierarchy, colours); each
// article behind the excerpts is a text source (its paragraphs, UTF-8, LF); each excerpt a PlainTextSelection with
// code-point offsets, coded with its tags, its notes as project notes it refers to. Free-text notebook entries are
// project notes; a notebook is a set of its notes.
#include "core/export/exportformat.h"
#include "core/export/exporttext.h"
#include "core/export/qdpxformat.h"
#include "core/export/zipwriter.h"
#include "core/store/uid.h"

#include <QHash>
#include <QXmlStreamWriter>

namespace dubao {

namespace {

using namespace qdpx;

QString dateTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODate);
}

QString key(const QByteArray &uid, qint64 id)
{
    return uid.isEmpty() ? QString::number(id) : uid::toText(uid);
}

struct Selection
{
    const Excerpt *excerpt = nullptr;
    QString kind{};
    qsizetype start = 0; ///< code points in the source text
    qsizetype end = 0;
};

// Where an excerpt sits in its article's text, in code points; false when it cannot be placed (an orphan).
bool place(const Excerpt &e, const QStringList &paragraphs, Selection *s)
{
    const QString text = articleText(paragraphs);
    if (e.kind == Excerpt::Kind::Article) {
        s->kind = kArticle;
        s->start = 0;
        s->end = codePoints(text, text.size());
        return true;
    }
    if (e.blockPosition < 0 || e.blockPosition >= paragraphs.size())
        return false;
    qsizetype offset = 0;
    for (int i = 0; i < e.blockPosition; ++i)
        offset += paragraphs.at(i).size() + 2;
    const QString &paragraph = paragraphs.at(e.blockPosition);
    qsizetype from = 0;
    qsizetype to = paragraph.size();
    if (e.start >= 0) {
        from = e.start;
        to = e.end;
    }
    if (to > paragraph.size() || from > to || paragraph.mid(from, to - from) != e.quote)
        return false;
    s->kind = e.kind == Excerpt::Kind::Highlight ? kHighlight : e.kind == Excerpt::Kind::Paragraph ? kParagraph : kNote;
    s->start = codePoints(text, offset + from);
    s->end = codePoints(text, offset + to);
    return true;
}

class ProjectWriter
{
public:
    explicit ProjectWriter(const ExportDocument &document)
        : m_document(document)
        , m_xml(&m_bytes)
    {}

    QByteArray project(const QList<std::pair<qint64, QList<Selection>>> &sources, const QStringList &sourceGuids)
    {
        m_xml.setAutoFormatting(true);
        m_xml.setAutoFormattingIndent(1);
        m_xml.writeStartDocument();
        m_xml.writeDefaultNamespace(kNamespace);
        m_xml.writeStartElement(kNamespace, QStringLiteral("Project"));
        m_xml.writeAttribute(QStringLiteral("name"), exporttext::xmlSafe(m_document.title));
        m_xml.writeAttribute(QStringLiteral("origin"), QStringLiteral("Dubao"));
        if (m_document.generatedAt.isValid())
            m_xml.writeAttribute(QStringLiteral("creationDateTime"), dateTime(m_document.generatedAt));
        users();
        codeBook();
        if (!sources.isEmpty()) {
            m_xml.writeStartElement(QStringLiteral("Sources"));
            for (qsizetype i = 0; i < sources.size(); ++i)
                source(sources.at(i).first, sources.at(i).second, sourceGuids.at(i));
            m_xml.writeEndElement();
        }
        notes();
        m_xml.writeEndElement();
        m_xml.writeEndDocument();
        return m_bytes;
    }

private:
    // QDA-XML's users: everyone who made or changed an excerpt or a note (schema v15), each with a GUID made from the
    // name, which selections, codings and notes name as creatingUser / modifyingUser.
    void users()
    {
        QStringList names;
        auto add = [&](const QString &name) {
            if (!name.isEmpty() && !names.contains(name))
                names.append(name);
        };
        for (const Excerpt &e : m_document.excerpts) {
            for (const QString &name : e.createdBy.split(QStringLiteral(", "), Qt::SkipEmptyParts))
                add(name);
            add(e.changedBy);
            for (const ExportNote &n : e.notes) {
                add(n.createdBy);
                add(n.changedBy);
            }
        }
        if (names.isEmpty())
            return;
        names.sort();
        m_xml.writeStartElement(QStringLiteral("Users"));
        for (const QString &name : std::as_const(names)) {
            m_xml.writeEmptyElement(QStringLiteral("User"));
            m_xml.writeAttribute(QStringLiteral("guid"), userGuid(name));
            m_xml.writeAttribute(QStringLiteral("name"), exporttext::xmlSafe(name));
        }
        m_xml.writeEndElement();
    }

    // creatingUser (the first of several taggers) and modifyingUser, when known.
    void writeUsers(const QString &createdBy, const QString &changedBy)
    {
        const QString creator = createdBy.section(QStringLiteral(", "), 0, 0);
        if (!creator.isEmpty())
            m_xml.writeAttribute(QStringLiteral("creatingUser"), userGuid(creator));
        if (!changedBy.isEmpty())
            m_xml.writeAttribute(QStringLiteral("modifyingUser"), userGuid(changedBy));
    }

    void codeBook()
    {
        if (m_document.tags.isEmpty())
            return;
        m_xml.writeStartElement(QStringLiteral("CodeBook"));
        m_xml.writeStartElement(QStringLiteral("Codes"));
        // document.tags lists parents before children: a stack of open codes follows the paths.
        QStringList open;
        for (const ExportTag &t : m_document.tags) {
            while (!open.isEmpty() && !t.path.startsWith(open.last() + u'/')) {
                m_xml.writeEndElement();
                open.removeLast();
            }
            m_xml.writeStartElement(QStringLiteral("Code"));
            m_xml.writeAttribute(QStringLiteral("guid"), codeGuid(t.path));
            m_xml.writeAttribute(QStringLiteral("name"), exporttext::xmlSafe(t.name));
            m_xml.writeAttribute(QStringLiteral("isCodable"), QStringLiteral("true"));
            if (const QString colour = exporttext::safeColour(t.colour); !colour.isEmpty())
                m_xml.writeAttribute(QStringLiteral("color"), colour);
            open.append(t.path);
        }
        for (qsizetype i = 0; i < open.size(); ++i)
            m_xml.writeEndElement();
        m_xml.writeEndElement();
        m_xml.writeEndElement();
    }

    void source(qint64 articleId, const QList<Selection> &selections, const QString &guid)
    {
        const Excerpt &first = *selections.first().excerpt;
        m_xml.writeStartElement(QStringLiteral("TextSource"));
        m_xml.writeAttribute(QStringLiteral("guid"), guid);
        m_xml.writeAttribute(QStringLiteral("name"), exporttext::xmlSafe(exporttext::articleTitle(first)));
        m_xml.writeAttribute(QStringLiteral("plainTextPath"),
                             QStringLiteral("internal://") + guid + QStringLiteral(".txt"));
        m_xml.writeTextElement(QStringLiteral("Description"), exporttext::xmlSafe(exporttext::sourceLine(first)));
        Q_UNUSED(articleId);
        for (const Selection &s : selections) {
            const Excerpt &e = *s.excerpt;
            const QString selection = selectionGuid(e);
            m_xml.writeStartElement(QStringLiteral("PlainTextSelection"));
            m_xml.writeAttribute(QStringLiteral("guid"), selection);
            m_xml.writeAttribute(QStringLiteral("name"), exporttext::xmlSafe(e.quote.left(40)));
            m_xml.writeAttribute(QStringLiteral("startPosition"), QString::number(s.start));
            m_xml.writeAttribute(QStringLiteral("endPosition"), QString::number(s.end));
            writeUsers(e.createdBy, e.changedBy);
            if (e.createdAt.isValid())
                m_xml.writeAttribute(QStringLiteral("creationDateTime"), dateTime(e.createdAt));
            if (e.modifiedAt.isValid())
                m_xml.writeAttribute(QStringLiteral("modifiedDateTime"), dateTime(e.modifiedAt));
            m_xml.writeTextElement(QStringLiteral("Description"), s.kind);
            for (const QString &path : e.tags) {
                m_xml.writeStartElement(QStringLiteral("Coding"));
                m_xml.writeAttribute(QStringLiteral("guid"), qdpx::guid(selection + u'\n' + path));
                writeUsers(e.createdBy, QString());
                m_xml.writeEmptyElement(QStringLiteral("CodeRef"));
                m_xml.writeAttribute(QStringLiteral("targetGUID"), codeGuid(path));
                m_xml.writeEndElement();
            }
            for (const ExportNote &n : e.notes) {
                m_xml.writeEmptyElement(QStringLiteral("NoteRef"));
                m_xml.writeAttribute(QStringLiteral("targetGUID"), noteGuid(n));
                m_notes.append(&n);
            }
            m_xml.writeEndElement();
        }
        m_xml.writeEndElement();
    }

    void notes()
    {
        QList<std::pair<QString, const Excerpt *>> texts;
        for (const Excerpt &e : m_document.excerpts) {
            if (e.isText())
                texts.append(
                    {qdpx::guid(QStringLiteral("text\n%1\n%2").arg(m_document.notebookId).arg(texts.size())), &e});
        }
        if (m_notes.isEmpty() && texts.isEmpty())
            return;
        m_xml.writeStartElement(QStringLiteral("Notes"));
        for (const ExportNote *n : std::as_const(m_notes))
            note(noteGuid(*n), n->text, n->createdAt, n->createdBy, n->changedBy);
        for (const auto &[guid, e] : std::as_const(texts))
            note(guid, e->text, e->createdAt, e->createdBy, e->changedBy);
        m_xml.writeEndElement();
    }

    void note(const QString &guid, const QString &text, const QDateTime &created, const QString &createdBy,
              const QString &changedBy)
    {
        m_xml.writeStartElement(QStringLiteral("Note"));
        m_xml.writeAttribute(QStringLiteral("guid"), guid);
        m_xml.writeAttribute(QStringLiteral("name"), exporttext::xmlSafe(text.section(u'\n', 0, 0).left(40)));
        writeUsers(createdBy, changedBy);
        if (created.isValid())
            m_xml.writeAttribute(QStringLiteral("creationDateTime"), dateTime(created));
        m_xml.writeTextElement(QStringLiteral("PlainTextContent"), exporttext::xmlSafe(text));
        m_xml.writeEndElement();
    }

    static QString codeGuid(const QString &path) { return guid(QStringLiteral("tag\n") + path); }
    static QString userGuid(const QString &name) { return guid(QStringLiteral("user\n") + name); }
    static QString noteGuid(const ExportNote &n) { return guid(QStringLiteral("note\n") + key(n.uid, n.id)); }
    static QString selectionGuid(const Excerpt &e)
    {
        if (e.kind == Excerpt::Kind::Article)
            return guid(QStringLiteral("article\n") + key(e.articleUid, e.articleId));
        if (e.kind == Excerpt::Kind::Note)
            return guid(QStringLiteral("note-selection\n") + key(e.noteUid, e.noteId));
        if (e.highlightId != 0)
            return guid(QStringLiteral("highlight\n") + key(e.highlightUid, e.highlightId));
        return guid(QStringLiteral("paragraph\n") + key(e.blockUid, e.blockId));
    }

    const ExportDocument &m_document;
    QByteArray m_bytes;
    QXmlStreamWriter m_xml;
    QList<const ExportNote *> m_notes;
};

Result<void> writeQdpx(const ExportDocument &document, const ExportOptions &, QIODevice &device,
                       const ExportProgress &progress)
{
    // Sources in order of first appearance, each with its placed excerpts.
    QList<std::pair<qint64, QList<Selection>>> sources;
    QHash<qint64, qsizetype> sourceOf;
    const qsizetype total = document.excerpts.size();
    for (qsizetype i = 0; i < total; ++i) {
        const Excerpt &e = document.excerpts.at(i);
        if (Result<void> reported = exporttext::reportProgress(progress, i + 1, total); !reported)
            return reported;
        if (e.isText() || e.orphan || !document.articleParagraphs.contains(e.articleId))
            continue;
        Selection s{.excerpt = &e};
        if (!place(e, document.articleParagraphs.value(e.articleId), &s))
            continue;
        if (!sourceOf.contains(e.articleId)) {
            sourceOf.insert(e.articleId, sources.size());
            sources.append(std::pair<qint64, QList<Selection>>(e.articleId, {}));
        }
        sources[sourceOf.value(e.articleId)].second.append(s);
    }
    QStringList guids;
    for (const auto &[articleId, selections] : std::as_const(sources)) {
        const Excerpt &e = *selections.first().excerpt;
        guids.append(guid(QStringLiteral("source\n") + key(e.articleUid, articleId)));
    }
    ZipWriter zip(device);
    zip.addFile(QStringLiteral("project.qde"), ProjectWriter(document).project(sources, guids));
    for (qsizetype i = 0; i < sources.size(); ++i) {
        const QString text = articleText(document.articleParagraphs.value(sources.at(i).first));
        zip.addFile(QStringLiteral("Sources/") + guids.at(i) + QStringLiteral(".txt"), text.toUtf8());
    }
    return zip.finish();
}

} // namespace

ExportFormat qdpxExportFormat()
{
    return {.name = QStringLiteral("qdpx"),
            .aliases = {QStringLiteral("refi-qda")},
            .suffix = QStringLiteral("qdpx"),
            .label = QT_TRANSLATE_NOOP("dubao::ExportFormat", "REFI-QDA project for QDA software (.qdpx)"),
            .order = 100,
            .binary = true,
            .createWriter = makeExportWriter<writeQdpx>};
}

} // namespace dubao
