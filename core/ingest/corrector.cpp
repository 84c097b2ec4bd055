// See corrector.h.
#include "core/ingest/corrector.h"

#include "core/ingest/correctionplacement.h"
#include "core/ingest/issuereplacer.h"
#include "core/store/correctionrepository.h"
#include "core/store/library.h"
#include "core/store/sql.h"

#include <QDir>
#include <QRegularExpression>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace dubao {

using namespace sql;

/// A paragraph as shown, and the parse behind it.
struct Corrector::Target
{
    qint64 issueId = 0;
    int article = -1;
    int block = -1;
    QString text; ///< as shown
    ParsedIssue pristine;
    correctionplacement::Applied applied;
};

Corrector::Corrector(Library &library)
    : m_library(library)
{}

QString Corrector::defaultAuthor()
{
#ifdef Q_OS_UNIX
    // The user's full name as the system knows it (the GECOS field's first part), when there is one.
    const passwd *user = getpwuid(getuid());
    if (user && user->pw_gecos) {
        const QString fullName = QString::fromLocal8Bit(user->pw_gecos).section(u',', 0, 0).trimmed();
        if (!fullName.isEmpty())
            return fullName;
    }
#endif
    for (const char *variable : {"USER", "LOGNAME", "USERNAME"}) {
        const QString name = qEnvironmentVariable(variable);
        if (!name.isEmpty())
            return name;
    }
#ifdef Q_OS_UNIX
    if (user && user->pw_name && *user->pw_name)
        return QString::fromLocal8Bit(user->pw_name);
#endif
    return QDir::home().dirName(); // a session without the variables or an entry of its own (a container)
}

Result<Corrector::Target> Corrector::target(qint64 blockId)
{
    auto where = [&]() -> Result<Target> {
        QSqlQuery q(m_library.database());
        if (Result<void> read = select(q,
                                       QStringLiteral("SELECT a.issue_id, a.position, b.position, b.text FROM blocks b "
                                                      "JOIN articles a ON a.id = b.article_id WHERE b.id = ?"),
                                       {blockId});
            !read)
            return read.error();
        if (!q.next())
            return Error(tr("no paragraph with id %1").arg(blockId));
        Target t;
        t.issueId = q.value(0).toLongLong();
        t.article = q.value(1).toInt();
        t.block = q.value(2).toInt();
        t.text = q.value(3).toString();
        return t;
    };
    IssueReplacer replacer(m_library);
    for (int attempt = 0; attempt < 2; ++attempt) {
        Result<Target> t = where();
        if (!t)
            return t;
        Result<ParsedIssue> parsed = replacer.parseStored(t->issueId);
        if (!parsed)
            return parsed.error();
        t->pristine = std::move(*parsed);
        Result<correctionplacement::Applied> applied = correctionplacement::applyTo(m_library, t->issueId, t->pristine);
        if (!applied)
            return applied.error();
        t->applied = std::move(*applied);
        const QList<Article> &articles = t->applied.parsed.articles;
        if (t->article < articles.size() && t->block < articles.at(t->article).blocks.size() &&
            articles.at(t->article).blocks.at(t->block).text == t->text) {
            if (t->applied.issue.segments.isEmpty())
                t->applied.issue = correcting::apply(t->pristine.articles, {});
            return t;
        }
        // Stored by an older parser: the issue is first made what this parser and its corrections give.
        if (attempt == 0)
            if (Result<ReanchorCounts> reparsed = replacer.reparse(t->issueId); !reparsed)
                return reparsed.error();
    }
    return Error(tr("paragraph %1 is not what its issue's text gives; re-parse the issue first").arg(blockId));
}

Result<qint64> Corrector::store(Correction correction)
{
    WriteScope transaction(m_library.database());
    if (!transaction.isActive())
        return transaction.error();
    CorrectionRepository repository(m_library);
    const Result<qint64> id = repository.insert(correction);
    if (!id)
        return id;
    if (Result<ReanchorCounts> reparsed = IssueReplacer(m_library).reparse(correction.anchor.issueId); !reparsed)
        return reparsed.error();
    const Result<std::optional<Correction>> stored = repository.find(*id);
    if (!stored)
        return stored.error();
    if (!*stored || (*stored)->orphan)
        return Error(tr("the correction cannot be applied to the issue's text"));
    return transaction.commit(*id);
}

Result<qint64> Corrector::correctText(qint64 blockId, int start, int end, const QString &text, const QString &author)
{
    if (m_library.isReadOnly())
        return Error(tr("the library is read-only"));
    const QString corrected = text.normalized(QString::NormalizationForm_C);
    for (const QChar c : corrected)
        if (c.category() == QChar::Other_Control || c == QChar::LineSeparator || c == QChar::ParagraphSeparator)
            return Error(tr("a correction cannot hold a line break or a control character (split the paragraph "
                            "instead)"));
    Result<Target> t = target(blockId);
    if (!t)
        return t.error();
    const int length = correcting::codePoints(t->text, int(t->text.size()));
    if (start < 0 || end > length || start >= end)
        return Error(tr("%1–%2 is not a span of paragraph %3 (it has %4 characters)")
                         .arg(start)
                         .arg(end)
                         .arg(blockId)
                         .arg(length));
    const int from = correcting::utf16Offset(t->text, start);
    const int to = correcting::utf16Offset(t->text, end);
    if (t->text.mid(from, to - from) == corrected)
        return Error(tr("the correction is what the paragraph already says"));
    int touches = -1;
    const std::optional<correcting::ParseSpan> span =
        correcting::toParse(t->applied.issue, t->article, t->block, from, to, &touches);
    if (!span) {
        if (touches >= 0)
            return Error(tr("the span overlaps correction %1; take that one back first")
                             .arg(t->applied.corrections.at(touches).id));
        return Error(tr("the span crosses a paragraph's split or join; correct each part on its own"));
    }
    Correction c;
    c.kind = CorrectionKind::Text;
    c.text = corrected;
    c.author = author;
    c.anchor.issueId = t->issueId;
    correctionplacement::anchorTo(c, t->pristine, t->article, span->parseBlock, span->start, span->end);
    return store(c);
}

Result<qint64> Corrector::join(qint64 blockId, const QString &author)
{
    if (m_library.isReadOnly())
        return Error(tr("the library is read-only"));
    Result<Target> t = target(blockId);
    if (!t)
        return t.error();
    if (t->block + 1 >= t->applied.parsed.articles.at(t->article).blocks.size())
        return Error(tr("paragraph %1 is its article's last: there is no next paragraph to join").arg(blockId));
    const correcting::Segment last = t->applied.issue.segments.at(t->article).at(t->block).last();
    if (last.parseEnd != t->pristine.articles.at(t->article).blocks.at(last.parseBlock).text.size())
        return Error(tr("paragraph %1 ends where a correction split it; take that split back instead").arg(blockId));
    Correction c;
    c.kind = CorrectionKind::Join;
    c.author = author;
    c.anchor.issueId = t->issueId;
    correctionplacement::anchorTo(c, t->pristine, t->article, last.parseBlock, 0, 0);
    return store(c);
}

Result<qint64> Corrector::split(qint64 blockId, int at, const QString &author)
{
    if (m_library.isReadOnly())
        return Error(tr("the library is read-only"));
    Result<Target> t = target(blockId);
    if (!t)
        return t.error();
    const int length = correcting::codePoints(t->text, int(t->text.size()));
    if (at <= 0 || at >= length)
        return Error(tr("a paragraph is split inside it: between 1 and %1").arg(length - 1));
    const int cut = correcting::utf16Offset(t->text, at);
    int touches = -1;
    const std::optional<correcting::ParseSpan> span =
        correcting::toParse(t->applied.issue, t->article, t->block, cut, cut, &touches);
    if (!span)
        return Error(tr("the place is inside a correction; split before or after it"));
    const int parsedLength = int(t->pristine.articles.at(t->article).blocks.at(span->parseBlock).text.size());
    if (span->start <= 0 || span->start >= parsedLength)
        return Error(tr("the paragraph was joined there; take that join back instead"));
    Correction c;
    c.kind = CorrectionKind::Split;
    c.author = author;
    c.anchor.issueId = t->issueId;
    correctionplacement::anchorTo(c, t->pristine, t->article, span->parseBlock, span->start, span->start);
    return store(c);
}

Result<qint64> Corrector::setKind(qint64 blockId, BlockKind kind, const QString &author)
{
    if (m_library.isReadOnly())
        return Error(tr("the library is read-only"));
    Result<Target> t = target(blockId);
    if (!t)
        return t.error();
    if (t->applied.parsed.articles.at(t->article).blocks.at(t->block).kind == kind)
        return Error(tr("paragraph %1 is already a %2").arg(blockId).arg(blockKindName(kind)));
    const correcting::Segment first = t->applied.issue.segments.at(t->article).at(t->block).first();
    Correction c;
    c.kind = CorrectionKind::Kind;
    c.text = blockKindName(kind);
    c.author = author;
    c.anchor.issueId = t->issueId;
    correctionplacement::anchorTo(c, t->pristine, t->article, first.parseBlock, 0, 0);
    return store(c);
}

Result<Correction> Corrector::uncorrect(qint64 id)
{
    if (m_library.isReadOnly())
        return Error(tr("the library is read-only"));
    WriteScope transaction(m_library.database());
    if (!transaction.isActive())
        return transaction.error();
    const Result<Correction> removed = CorrectionRepository(m_library).remove(id);
    if (!removed)
        return removed;
    const qint64 issueId = removed->anchor.issueId;
    if (issueId != 0 &&
        scalar(m_library.database(), QStringLiteral("SELECT count(*) FROM issues WHERE id = ?"), {issueId}).toInt() >
            0) {
        if (Result<ReanchorCounts> reparsed = IssueReplacer(m_library).reparse(issueId); !reparsed)
            return reparsed.error();
    }
    return transaction.commit(*removed);
}

Result<void> Corrector::restore(const Correction &correction)
{
    if (m_library.isReadOnly())
        return Error(tr("the library is read-only"));
    if (correction.anchor.issueId == 0 || correction.orphan) {
        const Result<qint64> id = CorrectionRepository(m_library).insert(correction);
        if (!id)
            return id.error();
        return {};
    }
    const Result<qint64> id = store(correction);
    if (!id)
        return id.error();
    return {};
}

namespace {

/// The OCR's text as a pattern over the file's lines: spaces and line breaks may stand between its characters.
QRegularExpression linePattern(const QString &original)
{
    QString pattern;
    for (const QChar c : original) {
        if (c.isSpace())
            continue;
        if (!pattern.isEmpty())
            pattern += QStringLiteral("\\s*");
        // The parser made the file's half-width punctuation full-width and its straight quotes curly: either is
        // the OCR's.
        static const QString fullWidth = QStringLiteral("，。：；！？（）");
        static const QString halfWidth = QStringLiteral(",.:;!?()");
        const qsizetype punctuation = fullWidth.indexOf(c);
        if (punctuation >= 0)
            pattern += QStringLiteral("[%1%2]").arg(c, QRegularExpression::escape(halfWidth.at(punctuation)));
        else if (c == u'“' || c == u'”' || c == u'"')
            pattern += QStringLiteral("[“”\"]");
        else if (c == u'‘' || c == u'’' || c == u'\'')
            pattern += QStringLiteral("[‘’']");
        else
            pattern += QRegularExpression::escape(QString(c));
    }
    return QRegularExpression(pattern);
}

/// What the lines of rewritten paragraphs (`region`) hold on their first line before the first paragraph's text and
/// on their last line after the last one's — a byline opening the line (本报讯(记者 …)3月5日,…), an editor's note or a
/// signature closing it (…空间。(本报有删节)) — kept around `paragraphs`: they are not the paragraphs' text, and
/// the file must not lose them. `head` is the start of the first paragraph's parsed text, `tail` the end of the
/// last one's; where either is not found on its line, nothing is kept on that side.
QString keepAround(const QString &region, const QString &head, const QString &tail, const QString &paragraphs)
{
    constexpr qsizetype probe = 12; // characters: enough to be found once on a line, few enough to survive the OCR
    QString before;
    QString after;
    qsizetype headEnd = 0;
    if (!head.trimmed().isEmpty()) {
        const QRegularExpressionMatch first = linePattern(head.left(probe)).match(region);
        if (first.hasMatch() && !region.left(first.capturedStart()).contains(u'\n')) {
            before = region.left(first.capturedStart());
            headEnd = first.capturedEnd();
        }
    }
    if (!tail.trimmed().isEmpty()) {
        qsizetype end = -1;
        QRegularExpressionMatchIterator matches = linePattern(tail.right(probe)).globalMatch(region, headEnd);
        while (matches.hasNext())
            end = matches.next().capturedEnd();
        if (end >= 0 && !region.mid(end).contains(u'\n'))
            after = region.mid(end);
    }
    return before + paragraphs + after;
}

} // namespace

Result<QString> Corrector::correctedIssueText(qint64 issueId)
{
    const Result<ParsedIssue> parsed = IssueReplacer(m_library).parseStored(issueId);
    if (!parsed)
        return parsed.error();
    const Result<correctionplacement::Applied> applied = correctionplacement::applyTo(m_library, issueId, *parsed);
    if (!applied)
        return applied.error();
    QStringList lines = parsed->source.text.split(u'\n');
    if (applied->corrections.isEmpty())
        return lines.join(u'\n');

    // The changed paragraphs, as line ranges (1-based, inclusive) and what goes there; merged where they overlap.
    struct Change
    {
        int first = 0;
        int last = 0;
        QStringList texts;                   ///< the corrected paragraphs
        QList<correcting::Segment> segments; ///< of a paragraph with only text corrections: what to substitute
        bool inPlace = true;
        QString head; ///< the parsed text where the first paragraph begins, and where the last one ends
        QString tail;
    };
    QList<Change> changes;
    for (int a = 0; a < applied->issue.articles.size(); ++a) {
        const QList<Block> &blocks = applied->issue.articles.at(a).blocks;
        for (int f = 0; f < blocks.size(); ++f) {
            const QList<correcting::Segment> &segments = applied->issue.segments.at(a).at(f);
            const Block &parsedBlock = parsed->articles.at(a).blocks.at(segments.first().parseBlock);
            const bool sameParagraph = std::all_of(segments.cbegin(), segments.cend(),
                                                   [&](const correcting::Segment &s) {
                                                       return s.parseBlock == segments.first().parseBlock;
                                                   }) &&
                                       segments.first().parseStart == 0 &&
                                       segments.last().parseEnd == parsedBlock.text.size();
            const bool corrected = std::any_of(segments.cbegin(), segments.cend(),
                                               [](const correcting::Segment &s) { return s.correction >= 0; });
            if (sameParagraph && !corrected)
                continue;
            const QString &lastParsed = parsed->articles.at(a).blocks.at(segments.last().parseBlock).text;
            Change change{blocks.at(f).firstLine,
                          blocks.at(f).lastLine,
                          {blocks.at(f).text},
                          {},
                          sameParagraph,
                          parsedBlock.text.mid(segments.first().parseStart),
                          lastParsed.left(segments.last().parseEnd)};
            if (sameParagraph)
                change.segments = segments;
            if (!changes.isEmpty() && change.first <= changes.last().last) {
                Change &previous = changes.last();
                previous.last = std::max(previous.last, change.last);
                previous.texts += change.texts;
                previous.inPlace = false;
                previous.tail = change.tail;
                continue;
            }
            changes.append(change);
        }
    }
    // From the end, so that the line numbers above stay right.
    for (auto it = changes.crbegin(); it != changes.crend(); ++it) {
        const int first = std::clamp(it->first, 1, int(lines.size())) - 1;
        const int count = std::clamp(it->last - it->first + 1, 1, int(lines.size()) - first);
        QString region = lines.mid(first, count).join(u'\n');
        bool done = it->inPlace;
        for (qsizetype k = it->segments.size() - 1; done && k >= 0; --k) {
            const correcting::Segment &s = it->segments.at(k);
            if (s.correction < 0)
                continue;
            const Block &parsedBlock =
                parsed->articles.value(applied->issue.placements.at(s.correction).article).blocks.value(s.parseBlock);
            const QRegularExpressionMatch match =
                linePattern(parsedBlock.text.mid(s.parseStart, s.parseEnd - s.parseStart)).match(region);
            // Only where the place is unambiguous: the first match, and no second one.
            done = match.hasMatch() && !linePattern(parsedBlock.text.mid(s.parseStart, s.parseEnd - s.parseStart))
                                            .match(region, match.capturedEnd())
                                            .hasMatch();
            if (done)
                region.replace(match.capturedStart(), match.capturedLength(),
                               applied->corrections.at(s.correction).text);
        }
        if (!done)
            region = keepAround(region, it->head, it->tail, it->texts.join(QStringLiteral("\n\n")));
        lines.remove(first, count);
        lines.insert(first, region);
    }
    return lines.join(u'\n');
}

} // namespace dubao
