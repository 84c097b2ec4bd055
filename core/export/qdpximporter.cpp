#include "core/export/qdpximporter.h"

#include "core/export/qdpxformat.h"
#include "core/export/safemarkdown.h"
#include "core/export/zipwriter.h"
#include "core/store/annotationrepository.h"
#include "core/store/articlelookup.h"
#include "core/store/authorship.h"
#include "core/store/issuerepository.h"
#include "core/store/library.h"
#include "core/store/sql.h"
#include "core/store/tagrepository.h"
#include "core/store/uid.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QSet>
#include <QUuid>
#include <QXmlStreamReader>

#include <optional>

namespace dubao {

namespace {

using namespace qdpx;

struct Code
{
    QString guid{};
    QString name{};
    QString color{};
    QString parentGuid{};
};

struct Selection
{
    QString description{};
    qint64 start = -1; ///< code points
    qint64 end = -1;
    QStringList codeGuids{};
    QStringList noteGuids{};
    QString creatingUser{}; ///< user guids (QDA-XML <Users>)
    QString modifyingUser{};
    QHash<QString, QString> coders{}; ///< code guid → the user guid of the coding that applied it
};

struct Source
{
    QString guid{};
    QString name{};
    QString description{};
    QString plainTextPath{};
    QString inlineText{};
    bool hasInlineText = false;
    QList<Selection> selections{};
};

struct NoteAuthors
{
    QString creatingUser{}; ///< user guids
    QString modifyingUser{};
};

struct Project
{
    QList<Code> codes{}; ///< parents before children
    QList<Source> sources{};
    QHash<QString, QString> notes;           ///< guid → text
    QHash<QString, NoteAuthors> noteAuthors; ///< note guid → who wrote and changed it
    QHash<QString, QString> users;           ///< user guid → name
};

qint64 position(const QXmlStreamAttributes &a, const char *name)
{
    bool ok = false;
    const qint64 value = a.value(QLatin1String(name)).toLongLong(&ok);
    return ok && value >= 0 ? value : -1;
}

// project.qde, the parts Dubao reads: the code book, the text sources with their coded selections, the notes.
Result<Project> parseProject(const QByteArray &bytes)
{
    Project project;
    QXmlStreamReader xml(bytes);
    QStringList openCodes;
    Source *source = nullptr;
    Selection *selection = nullptr;
    bool inCoding = false;
    QString coder;
    bool sawProject = false;
    QString noteGuid;
    while (!xml.atEnd()) {
        const QXmlStreamReader::TokenType token = xml.readNext();
        if (token == QXmlStreamReader::EndElement) {
            const QStringView name = xml.name();
            if (name == u"Code" && !openCodes.isEmpty())
                openCodes.removeLast();
            else if (name == u"PlainTextSelection")
                selection = nullptr;
            else if (name == u"TextSource")
                source = nullptr;
            else if (name == u"Coding")
                inCoding = false;
            else if (name == u"Note")
                noteGuid.clear();
            continue;
        }
        if (token != QXmlStreamReader::StartElement)
            continue;
        const QStringView name = xml.name();
        const QXmlStreamAttributes a = xml.attributes();
        if (!sawProject) {
            if (name != u"Project" || xml.namespaceUri() != kNamespace)
                return Error(QdpxImporter::tr(
                    "project.qde is not a REFI-QDA project (its root element is not a QDA-XML Project)."));
            sawProject = true;
            continue;
        }
        if (name == u"Code") {
            const QString guid = a.value(QLatin1String("guid")).toString();
            project.codes.append({guid, a.value(QLatin1String("name")).toString(),
                                  a.value(QLatin1String("color")).toString(),
                                  openCodes.isEmpty() ? QString() : openCodes.last()});
            openCodes.append(guid);
        } else if (name == u"TextSource") {
            project.sources.append({.guid = a.value(QLatin1String("guid")).toString(),
                                    .name = a.value(QLatin1String("name")).toString(),
                                    .plainTextPath = a.value(QLatin1String("plainTextPath")).toString()});
            source = &project.sources.last();
            selection = nullptr;
        } else if (name == u"PlainTextSelection" && source) {
            source->selections.append({.start = position(a, "startPosition"),
                                       .end = position(a, "endPosition"),
                                       .creatingUser = a.value(QLatin1String("creatingUser")).toString(),
                                       .modifyingUser = a.value(QLatin1String("modifyingUser")).toString()});
            selection = &source->selections.last();
        } else if (name == u"Description") {
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (selection)
                selection->description = text.trimmed();
            else if (source)
                source->description = text.trimmed();
        } else if (name == u"PlainTextContent") {
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (!noteGuid.isEmpty())
                project.notes.insert(noteGuid, text);
            else if (source && !selection) {
                source->inlineText = text;
                source->hasInlineText = true;
            }
        } else if (name == u"Coding") {
            inCoding = true;
            coder = a.value(QLatin1String("creatingUser")).toString();
        } else if (name == u"CodeRef" && inCoding && selection) {
            selection->codeGuids.append(a.value(QLatin1String("targetGUID")).toString());
            if (!coder.isEmpty())
                selection->coders.insert(selection->codeGuids.last(), coder);
        } else if (name == u"NoteRef" && selection) {
            selection->noteGuids.append(a.value(QLatin1String("targetGUID")).toString());
        } else if (name == u"Note") {
            noteGuid = a.value(QLatin1String("guid")).toString();
            project.noteAuthors.insert(noteGuid, {a.value(QLatin1String("creatingUser")).toString(),
                                                  a.value(QLatin1String("modifyingUser")).toString()});
        } else if (name == u"User") {
            project.users.insert(a.value(QLatin1String("guid")).toString(), a.value(QLatin1String("name")).toString());
        }
    }
    if (xml.hasError()) {
        return Error(QdpxImporter::tr("project.qde is not well-formed XML: %1 (line %2, column %3).")
                         .arg(xml.errorString())
                         .arg(xml.lineNumber())
                         .arg(xml.columnNumber()));
    }
    if (!sawProject)
        return Error(QdpxImporter::tr("project.qde is empty."));
    return project;
}

/// A note of the library as it comes back from a .qdpx Dubao wrote: through the one sanitiser (every export runs it)
/// and with XML's line ends (a parser reads CR LF and CR as LF). So a project imported into the library it came from
/// finds the notes it already has.
QString noteAsExported(const QString &text)
{
    QString t = markdown::sanitize(text);
    t.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).replace(u'\r', u'\n');
    return t;
}

/// A code's name as a tag name: no '/', no control characters, at most 100 characters, never empty.
QString tagName(const QString &name)
{
    QString clean;
    for (const QChar c : name) {
        if (c == u'/')
            clean.append(u'／');
        else if (c.category() != QChar::Other_Control)
            clean.append(c);
    }
    clean = clean.trimmed().left(100).trimmed();
    return clean.isEmpty() ? QdpxImporter::tr("code") : clean;
}

/// One paragraph's part of a selection: UTF-16 offsets in that paragraph's text.
struct Piece
{
    int paragraph = 0;
    int start = 0;
    int end = 0;
};

class Run
{
public:
    Run(Library &library, const QHash<QString, QByteArray> &files)
        : m_library(library)
        , m_files(files)
        , m_tags(library)
        , m_annotations(library)
        , m_lookup(library)
    {}

    Result<QdpxImportReport> run(const Project &project, const ExportProgress &progress)
    {
        m_project = &project;
        const qsizetype total = project.sources.size();
        if (progress && !progress(0, total))
            return Error(QdpxImporter::cancelledMessage());
        if (Result<void> codes = importCodes(project.codes); !codes)
            return codes.error();
        for (const Source &source : project.sources) {
            ++m_report.sources;
            if (Result<void> done = importSource(source, project.notes); !done)
                return done.error();
            if (progress && !progress(m_report.sources, total))
                return Error(QdpxImporter::cancelledMessage());
        }
        return m_report;
    }

private:
    Result<void> importCodes(const QList<Code> &codes)
    {
        for (const Code &code : codes) {
            const qint64 parent = code.parentGuid.isEmpty() ? 0 : m_tagOfCode.value(code.parentGuid);
            const QString name = tagName(code.name);
            qint64 id = 0;
            for (const Tag &sibling : m_tags.children(parent)) {
                if (sibling.name == name.normalized(QString::NormalizationForm_C))
                    id = sibling.id;
            }
            if (id == 0) {
                const Result<Tag> created = m_tags.create(name, parent, TagRepository::normalizeColor(code.color));
                if (!created)
                    return Error(QdpxImporter::tr("The code “%1” cannot be a tag: %2")
                                     .arg(code.name, created.error().message()));
                id = created->id;
                ++m_report.tagsCreated;
                m_report.added.tags.append(id);
            }
            m_tagOfCode.insert(code.guid, id);
        }
        return {};
    }

    // Who made what the file names (QDA-XML <Users>), recorded where the library lets an import say so: a library
    // file. A team library's server records the importing user instead; the names it did not keep are reported.
    QString userName(const QString &guid) const { return guid.isEmpty() ? QString() : m_project->users.value(guid); }
    /// The name of who applied `tag` (a code of the selection).
    QString coderOf(const Selection &s, qint64 tag) const
    {
        for (const QString &guid : s.codeGuids) {
            if (m_tagOfCode.value(guid) == tag && s.coders.contains(guid))
                return userName(s.coders.value(guid));
        }
        return userName(s.creatingUser);
    }
    Result<void> authored(const Result<bool> &recorded, const QString &name)
    {
        if (!recorded)
            return recorded.error();
        if (*recorded)
            ++m_report.authorsKept;
        else if (!name.isEmpty() && name != m_library.teamAccess().user && !m_report.authorsNotKept.contains(name))
            m_report.authorsNotKept.append(name);
        return {};
    }

    QList<qint64> tagsOf(const Selection &s) const
    {
        QList<qint64> ids;
        for (const QString &guid : s.codeGuids) {
            if (const qint64 id = m_tagOfCode.value(guid); id != 0 && !ids.contains(id))
                ids.append(id);
        }
        return ids;
    }

    std::optional<QString> sourceText(const Source &source) const
    {
        if (source.hasInlineText)
            return source.inlineText;
        static const QString internal = QStringLiteral("internal://");
        if (!source.plainTextPath.startsWith(internal))
            return std::nullopt;
        const auto it = m_files.constFind(QStringLiteral("Sources/") + source.plainTextPath.mid(internal.size()));
        if (it == m_files.constEnd())
            return std::nullopt;
        return QString::fromUtf8(*it);
    }

    // The stored article with the source's text; when several have it, the one the source's GUID or description
    // names. Sets `why` when there is none.
    std::optional<ArticleCandidate> match(const Source &source, const QString &text, QString *why)
    {
        auto same = [&](QList<ArticleCandidate> candidates) {
            candidates.removeIf([&](const ArticleCandidate &c) { return articleText(c.paragraphs) != text; });
            return candidates;
        };
        // A source Dubao wrote is named after its article's uid: one look-up, where a headline can be shared by
        // thousands of articles of a big library (and has no index).
        if (!m_bySourceGuid) {
            m_bySourceGuid.emplace();
            for (const auto &[articleUid, id] : m_lookup.uids())
                m_bySourceGuid->insert(guidOf(QStringLiteral("source\n") + uid::toText(articleUid)), id);
        }
        if (const auto it = m_bySourceGuid->constFind(QUuid(source.guid)); it != m_bySourceGuid->constEnd()) {
            if (const QList<ArticleCandidate> named = same(m_lookup.byId(*it)); !named.isEmpty())
                return named.first();
        }
        QList<ArticleCandidate> candidates = same(m_lookup.byTitle(source.name));
        if (candidates.isEmpty())
            candidates = same(m_lookup.byOpeningParagraph(text.section(QStringLiteral("\n\n"), 0, 0)));
        if (candidates.isEmpty()) {
            *why = QdpxImporter::tr("no article in this library has its text");
            return std::nullopt;
        }
        if (candidates.size() == 1)
            return candidates.first();
        for (const ArticleCandidate &c : std::as_const(candidates)) {
            if (!c.uid.isEmpty() && guid(QStringLiteral("source\n") + uid::toText(c.uid)) == source.guid)
                return c;
        }
        if (m_issues.isEmpty()) {
            for (const IssueSummary &s : IssueRepository(m_library).issueDates())
                m_issues.insert(s.id, s.info);
        }
        QList<ArticleCandidate> described;
        for (const ArticleCandidate &c : std::as_const(candidates)) {
            const IssueInfo info = m_issues.value(c.issueId);
            if (!info.publication.isEmpty() && source.description.contains(info.publication) &&
                (!info.date.isValid() || source.description.contains(info.date.toString(Qt::ISODate))))
                described.append(c);
        }
        if (described.size() == 1)
            return described.first();
        *why = QdpxImporter::tr("%1 articles in this library have its text").arg(candidates.size());
        return std::nullopt;
    }

    Result<void> importSource(const Source &source, const QHash<QString, QString> &notes)
    {
        const std::optional<QString> text = sourceText(source);
        if (!text) {
            m_report.unmatched.append(QdpxImporter::tr("%1: its text is not in the file").arg(source.name));
            return {};
        }
        QString why;
        const std::optional<ArticleCandidate> article = match(source, *text, &why);
        if (!article) {
            m_report.unmatched.append(QStringLiteral("%1: %2").arg(source.name, why));
            return {};
        }
        ++m_report.matchedSources;
        for (const Selection &s : source.selections) {
            const QList<Piece> pieces = piecesOf(*article, *text, s);
            if (pieces.isEmpty() || article->blockIds.isEmpty()) {
                ++m_report.unplaced;
                continue;
            }
            if (Result<void> done = importSelection(*article, s, pieces, notes); !done)
                return done;
        }
        return {};
    }

    static QList<Piece> piecesOf(const ArticleCandidate &article, const QString &text, const Selection &s)
    {
        if (s.start < 0 || s.end <= s.start)
            return {};
        const qsizetype from = utf16Offset(text, s.start);
        const qsizetype to = utf16Offset(text, s.end);
        if (from < 0 || to < 0)
            return {};
        QList<Piece> pieces;
        qsizetype offset = 0;
        for (int i = 0; i < article.paragraphs.size(); ++i) {
            const qsizetype length = article.paragraphs.at(i).size();
            const qsizetype start = qMax(from, offset);
            const qsizetype end = qMin(to, offset + length);
            if (start < end)
                pieces.append({i, int(start - offset), int(end - offset)});
            offset += length + 2;
        }
        return pieces;
    }

    Result<void> importSelection(const ArticleCandidate &article, const Selection &s, const QList<Piece> &pieces,
                                 const QHash<QString, QString> &notes)
    {
        const QList<qint64> tags = tagsOf(s);
        const Piece &first = pieces.first();
        const qint64 block = article.blockIds.at(first.paragraph);
        const bool wholeParagraph =
            pieces.size() == 1 && first.start == 0 && first.end == article.paragraphs.at(first.paragraph).size();
        if (s.description == kArticle) {
            for (const qint64 tag : tags) {
                if (Result<void> done = tagging(TagTarget::Article, tag, article.articleId, &m_report.articleTagsAdded,
                                                coderOf(s, tag));
                    !done)
                    return done;
            }
            return addNotes(s, notes, article.blockIds.first(), 0, {});
        }
        if (s.description == kParagraph) {
            for (const qint64 tag : tags) {
                if (Result<void> done =
                        tagging(TagTarget::Block, tag, block, &m_report.paragraphTagsAdded, coderOf(s, tag));
                    !done)
                    return done;
            }
            return addNotes(s, notes, block, 0, {});
        }
        if (s.description == kNote) {
            qint64 highlight = 0;
            if (!wholeParagraph) {
                const Result<qint64> h = highlightAt(s, block, first, {});
                if (!h)
                    return h.error();
                highlight = *h;
            }
            return addNotes(s, notes, block, highlight, tags);
        }
        // A Dubao highlight, or another program's coded selection: a highlight per paragraph it covers.
        qint64 firstHighlight = 0;
        for (const Piece &piece : pieces) {
            const Result<qint64> h = highlightAt(s, article.blockIds.at(piece.paragraph), piece, tags);
            if (!h)
                return h.error();
            if (firstHighlight == 0)
                firstHighlight = *h;
        }
        return addNotes(s, notes, block, firstHighlight, {});
    }

    Result<void> tagging(TagTarget target, qint64 tag, qint64 id, int *added, const QString &coder)
    {
        const Result<bool> changed = m_tags.addTagging(target, tag, id);
        if (!changed)
            return changed.error();
        if (*changed)
            m_report.added.taggings.append({target, tag, id});
        ++(*changed ? *added : m_report.alreadyThere);
        if (!*changed)
            return {};
        const char kind = target == TagTarget::Article     ? 'a'
                          : target == TagTarget::Block     ? 'b'
                          : target == TagTarget::Highlight ? 'h'
                                                           : 'n';
        return authored(authorship::recordTagger(m_library.database(), kind, id, tag, coder), coder);
    }

    // The highlight at the piece (an existing one, or a new one), with `tags` on it.
    Result<qint64> highlightAt(const Selection &s, qint64 block, const Piece &piece, const QList<qint64> &tags)
    {
        for (const Highlight &h : m_annotations.highlightsOfBlock(block)) {
            if (h.orphan || h.start != piece.start || h.end != piece.end)
                continue;
            ++m_report.alreadyThere;
            int ignored = 0;
            for (const qint64 tag : tags) {
                if (Result<void> done = tagging(TagTarget::Highlight, tag, h.id, &ignored, coderOf(s, tag)); !done)
                    return done.error();
            }
            return h.id;
        }
        const Result<qint64> added = m_annotations.addHighlight(block, piece.start, piece.end, tags);
        if (!added)
            return added;
        ++m_report.highlightsAdded;
        m_report.added.highlights.append(*added);
        const QString creator = userName(s.creatingUser);
        if (Result<void> done = authored(authorship::recordAuthors(m_library.database(), QStringLiteral("highlights"),
                                                                   *added, creator, userName(s.modifyingUser)),
                                         creator);
            !done)
            return done.error();
        for (const qint64 tag : tags) {
            const QString coder = coderOf(s, tag);
            if (Result<void> done =
                    authored(authorship::recordTagger(m_library.database(), 'h', *added, tag, coder), coder);
                !done)
                return done.error();
        }
        return added;
    }

    // The selection's notes on `block` (on `highlight` when not 0), each once, with `tags` on them.
    Result<void> addNotes(const Selection &s, const QHash<QString, QString> &notes, qint64 block, qint64 highlight,
                          const QList<qint64> &tags)
    {
        for (const QString &guid : s.noteGuids) {
            const QString text = notes.value(guid);
            if (text.trimmed().isEmpty() || m_notesDone.contains(guid))
                continue;
            m_notesDone.insert(guid);
            qint64 id = 0;
            for (const Note &n : m_annotations.notesOfBlock(block)) {
                if (!n.orphan && n.highlightId == highlight && (n.text == text || noteAsExported(n.text) == text))
                    id = n.id;
            }
            if (id != 0) {
                ++m_report.alreadyThere;
            } else {
                const Result<qint64> added = m_annotations.addNote(block, highlight, text);
                if (!added)
                    return added.error();
                id = *added;
                ++m_report.notesAdded;
                m_report.added.notes.append(id);
                const NoteAuthors who = m_project->noteAuthors.value(guid);
                const QString creator = userName(who.creatingUser);
                if (Result<void> done =
                        authored(authorship::recordAuthors(m_library.database(), QStringLiteral("notes"), id, creator,
                                                           userName(who.modifyingUser)),
                                 creator);
                    !done)
                    return done;
            }
            int ignored = 0;
            for (const qint64 tag : tags) {
                if (Result<void> done = tagging(TagTarget::Note, tag, id, &ignored, coderOf(s, tag)); !done)
                    return done;
            }
        }
        return {};
    }

    Library &m_library;
    const QHash<QString, QByteArray> &m_files;
    const Project *m_project = nullptr;
    TagRepository m_tags;
    AnnotationRepository m_annotations;
    ArticleLookup m_lookup;
    QHash<QString, qint64> m_tagOfCode;
    QHash<qint64, IssueInfo> m_issues;
    std::optional<QHash<QUuid, qint64>> m_bySourceGuid; ///< built at the first source
    QSet<QString> m_notesDone;
    QdpxImportReport m_report;
};

} // namespace

Result<void> QdpxImporter::remove(const QdpxAdditions &added)
{
    sql::WriteScope scope(m_library.database(), "dubao_qdpx_remove");
    if (!scope.isActive())
        return scope.error();
    AnnotationRepository annotations(m_library);
    TagRepository tags(m_library);
    for (const qint64 id : added.notes) {
        if (const auto removed = annotations.removeNote(id); !removed)
            return removed.error();
    }
    for (const QdpxAdditions::Tagging &t : added.taggings) {
        if (t.target == TagTarget::Note && added.notes.contains(t.targetId))
            continue; // went with its note
        if (const auto removed = tags.removeTagging(t.target, t.tagId, t.targetId); !removed)
            return removed.error();
    }
    for (const qint64 id : added.highlights) {
        if (const auto removed = annotations.removeHighlight(id); !removed)
            return removed.error();
    }
    for (auto it = added.tags.crbegin(); it != added.tags.crend(); ++it) {
        if (const auto removed = tags.remove(*it); !removed)
            return removed.error();
    }
    return scope.commit();
}

QdpxImporter::QdpxImporter(Library &library)
    : m_library(library)
{}

Result<QdpxImportReport> QdpxImporter::importFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error(QdpxImporter::tr("Cannot read %1: %2").arg(path, file.errorString()));
    return importArchive(file.readAll());
}

QString QdpxImporter::cancelledMessage()
{
    return QdpxImporter::tr("The import was cancelled; nothing was added.");
}

Result<QdpxImportReport> QdpxImporter::importArchive(const QByteArray &archive, const ExportProgress &progress)
{
    const Result<QList<std::pair<QString, QByteArray>>> entries = readZip(archive);
    if (!entries)
        return Error(QdpxImporter::tr("This is not a REFI-QDA project file: %1.").arg(entries.error().message()));
    QHash<QString, QByteArray> files;
    for (const auto &[name, bytes] : *entries)
        files.insert(name, bytes);
    if (!files.contains(QStringLiteral("project.qde")))
        return Error(QdpxImporter::tr("This is not a REFI-QDA project file: it has no project.qde."));
    const Result<Project> project = parseProject(files.value(QStringLiteral("project.qde")));
    if (!project)
        return project.error();

    sql::WriteScope scope(m_library.database(), "dubao_qdpx_import");
    if (!scope.isActive())
        return scope.error();
    const Result<QdpxImportReport> report = Run(m_library, files).run(*project, progress);
    if (!report)
        return report.error(); // the scope rolls back
    if (progress && !progress(report->sources, report->sources))
        return Error(cancelledMessage()); // a cancel that came while the last source was read
    return scope.commit(*report);
}

} // namespace dubao
