// The issue parser. Each heuristic is a named rule with the corpus example that motivates it; the rules are
// tested one by one in tests/core/tst_issueparser.cpp. The byline rules are in bylineparser.cpp, the date
// rules in issuedate.cpp.
//
// The parse runs in three steps:
//   1. split the text into chunks: runs of non-blank lines (a picture's place or a column break shows up as
//      one or more blank lines);
//   2. classify each chunk (headline-like, byline, speaker line, caption, note, body) and walk them in order,
//      building articles, joining paragraphs the OCR cut;
//   3. per article: restore the speeches of a compiled feature to their headings; per issue: publication and
//      date.
#include "core/parse/issueparser.h"

#include "core/parse/bylineparser.h"
#include "core/parse/issuedate.h"
#include "core/parse/pageheader.h"
#include "core/parse/paragraphends.h"
#include "core/text/chinesetext.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace dubao {

using namespace parse;
using namespace text;

namespace {

struct Chunk
{
    int firstLine = 0; // 1-based
    int lastLine = 0;
    QStringList lines;           // exactly as in the file
    QString content;             // lines joined for classification: "## " stripped, hard breaks as one space
    QString folded;              // content with Traditional folded to Simplified, same positions: what rules match on
    bool marked = false;         // had a Markdown "## " marker
    bool paragraphStart = false; // a wrapped line the layout shows begins a paragraph (rule "wrapped-lines")
};

enum class ChunkKind
{
    Headline,
    Byline,
    Speaker,
    Caption,
    Note,
    Body
};

// ---- Rules on a single chunk ----------------------------------------------------------------------------

// Rule "markdown-headline": some files mark headlines with "## " (000: "## 永川区委常委会召开会议").
QString stripMarker(const QString &line, bool *marked)
{
    qsizetype k = 0;
    while (k < line.size() && isOcrSpace(line[k]))
        ++k;
    qsizetype hashes = k;
    while (hashes < line.size() && line[hashes] == u'#')
        ++hashes;
    if (hashes > k && hashes < line.size() && isOcrSpace(line[hashes])) {
        *marked = true;
        return line.mid(hashes + 1);
    }
    return line;
}

// Rule "speaker-line": in a compiled feature each speech is introduced by a line naming the speaker's post
// and name, the name after a space (002: "永川区发展改革委党组书记、主任 邓正军").
const QRegularExpression &speakerRe()
{
    static const QRegularExpression re(QStringLiteral(
        u"^[^。；;！？!?]{2,60}?(?:书记|主任|局长|区长|县长|市长|镇长|乡长|部长|主席|院长|校长|所长|处长|厅长|经理|"
        u"董事长|负责人|委员|秘书长|会长|馆长|队长|站长)\\s+(\\p{Han}{2,4})\\s*$"));
    return re;
}

// Rule "caption": a picture's caption ends with its credit (003: "永川区水美乡村项目效果图。 重庆市水利局供图"),
// or says what the picture shows (图为…).
const QRegularExpression &captionRe()
{
    static const QRegularExpression re(
        QStringLiteral(u"(?:供图|摄|图片来源\\S*|资料图)\\s*$|^\\s*[(（]?图为|效果图\\s*$"));
    return re;
}

// Only a text ending in a closing parenthesis can carry a note; checked before any regex runs.
bool mayEndWithNote(QStringView text)
{
    qsizetype k = text.size() - 1;
    while (k >= 0 && isOcrSpace(text[k]))
        --k;
    return k >= 0 && (text[k] == u')' || text[k] == u'）');
}

// Rule "editor-note": (本报有删节) on its own or at the end of the last paragraph (003, line 65).
const QRegularExpression &trailingNoteRe()
{
    static const QRegularExpression re(
        QStringLiteral(u"\\s*([(（]\\s*(?:本报有删节|有删节|略有删节|编者注[^)）]*)\\s*[)）])\\s*$"));
    return re;
}

// Rule "headline-like": headlines are short and have no sentence punctuation; the spaces inside them separate
// phrases (000: "优化产业体系和产业布局 高水平建设现代制造业基地"). Body text, even a short line, has a comma
// or a full stop somewhere ("会议还研究了其他事项。").
bool isHeadlineLike(const Chunk &chunk)
{
    const QString &t = chunk.content;
    if (chunk.marked)
        return true;
    int visible = 0;
    for (QChar c : t) {
        switch (c.unicode()) {
        case u'，':
        case u',':
        case u'。':
        case u'；':
        case u';':
        case u'：':
        case u':':
        case u'？':
        case u'?':
        case u'！':
        case u'!':
            return false;
        default:
            break;
        }
        if (!isOcrSpace(c))
            ++visible;
    }
    return visible > 0 && visible <= 48;
}

// Rule "paragraph-opener": a chunk that opens with the formula of a new paragraph is not the second half of a
// cut one, even when the previous chunk lost its full stop (003: "…积极营造良好氛围" then "会议强调,要…";
// "…创造有利条 件" then "区领导宋文、…等参加调研。").
bool opensParagraph(const QString &original)
{
    const QString content = foldToSimplified(QStringView(original).left(24)); // openers are short
    static const QRegularExpression re(
        QStringLiteral(u"^\\s*(?:(?:会议|会上)(?:指出|强调|要求|认为|决定|还|以|听取|传达|审议|研究|通报|明确|提出)"
                       u"|[他她]?(?:强调|指出|表示|说|要求|认为)[，,：:]"
                       u"|\\p{Han}{2,4}(?:强调|指出|表示|要求|认为|说)[，,：:]"
                       u"|(?:区|市|县|镇|省)领导"
                       u"|(?:据悉|据介绍|据了解|是日|当天|当日|此外|另悉|近日)[，,]"
                       u")"));
    return re.match(content).hasMatch();
}

// A speaker line ends in a space and a name of 2-4 Han characters.
bool mayBeSpeaker(QStringView t)
{
    qsizetype k = t.size() - 1;
    while (k >= 0 && isOcrSpace(t[k]))
        --k;
    int han = 0;
    while (k >= 0 && isHan(t[k])) {
        ++han;
        --k;
    }
    return han >= 2 && han <= 4 && k >= 0 && isOcrSpace(t[k]);
}

bool mayBeCaption(QStringView t)
{
    const QStringView trimmed = t.trimmed();
    return trimmed.endsWith(u'图') || trimmed.endsWith(u'摄') || trimmed.contains(u"图为") ||
           trimmed.contains(u"图片来源");
}

ChunkKind classify(const Chunk &chunk)
{
    const QString &t = chunk.folded;
    if (!chunk.marked) {
        if (isByline(t))
            return ChunkKind::Byline;
        if (mayEndWithNote(t)) {
            if (const auto note = trailingNoteRe().match(t); note.hasMatch() && note.capturedStart(0) == 0)
                return ChunkKind::Note;
        }
        if (t.size() <= 80 && mayBeSpeaker(t) && speakerRe().match(t).hasMatch())
            return ChunkKind::Speaker;
        if (t.size() <= 80 && mayBeCaption(t) && captionRe().match(t).hasMatch())
            return ChunkKind::Caption;
    }
    return isHeadlineLike(chunk) ? ChunkKind::Headline : ChunkKind::Body;
}

// ---- Headline blocks ------------------------------------------------------------------------------------

// Rule "subtitle": a line after the title that names who chaired, attended or spoke (000: "## 区委书记张智奎主持",
// "永川区政府召开第35次常务会议 常晓勇主持", "## 许德志率队"), or begins with a dash (001: "——提速建设…之二").
bool isSubtitleLike(const QString &original)
{
    const QString line = foldToSimplified(original);
    static const QRegularExpression re(QStringLiteral(
        u"(?:^\\s*(?:——|─|--|－－)|(?:主持|出席|参加|率队|讲话|致辞|陪同|调研|作报告|列席|指出|强调)\\s*$)"));
    return re.match(line).hasMatch();
}

// Rule "kicker": a line above the title that reports who said it (003: "常晓勇在调研疫情防控和企业生产工作时强调").
bool isKickerLike(const QString &original)
{
    const QString line = foldToSimplified(original);
    static const QRegularExpression re(QStringLiteral(u"(?:时强调|时指出|时表示|时要求|上强调|上指出|时说|上说)\\s*$"));
    return re.match(line).hasMatch();
}

void assignHeadline(Article &article, const QStringList &parts)
{
    if (parts.isEmpty())
        return;
    if (parts.size() == 1) {
        article.title = parts[0];
    } else if (parts.size() == 2) {
        if (isKickerLike(parts[0]) && !isSubtitleLike(parts[1])) {
            article.kicker = parts[0];
            article.title = parts[1];
        } else {
            article.title = parts[0];
            article.subtitles = {parts[1]};
        }
    } else {
        // Rule "three-line-headline": kicker, title, subtitle(s) (000, 001, 003, 004).
        article.kicker = parts[0];
        article.title = parts[1];
        article.subtitles = parts.mid(2);
    }
}

// ---- Building articles ----------------------------------------------------------------------------------

// A block under construction: its chunks (for raw text and line numbers) and text pieces (for cleaning).
struct Draft
{
    BlockKind kind = BlockKind::Body;
    QList<const Chunk *> chunks;
    QStringList pieces; // body: the content of each chunk (byline prefix removed), joined at the end
    QString fixedText;  // non-body kinds: already cleaned
    bool open = false;  // body whose last piece did not end a sentence
};

struct ArticleDraft
{
    Article article;
    QList<Draft> blocks;
    bool hasBody() const
    {
        return std::any_of(blocks.cbegin(), blocks.cend(), [](const Draft &d) { return d.kind == BlockKind::Body; });
    }
    int openBody() const
    {
        for (qsizetype k = blocks.size() - 1; k >= 0; --k) {
            if (blocks[k].kind == BlockKind::Body)
                return blocks[k].open ? int(k) : -1;
            if (blocks[k].kind != BlockKind::Caption) // a caption can sit between the halves of a cut paragraph
                return -1;
        }
        return -1;
    }
};

QString rawOf(const QStringList &fileLines, const QList<const Chunk *> &chunks)
{
    QString raw;
    for (qsizetype k = 0; k < chunks.size(); ++k) {
        const Chunk *c = chunks[k];
        if (k > 0) {
            const Chunk *p = chunks[k - 1];
            // Adjacent pieces keep the blank lines between them exactly; pieces with another block between
            // them (a caption) are separated by one blank line.
            bool foreignBetween = false;
            for (int line = p->lastLine + 1; line < c->firstLine; ++line) {
                if (!fileLines[line - 1].trimmed().isEmpty()) {
                    foreignBetween = true;
                    break;
                }
            }
            raw += foreignBetween ? QStringLiteral("\n\n") : QString(c->firstLine - p->lastLine, u'\n');
        }
        raw += c->lines.join(u'\n');
    }
    return raw;
}

Block finish(const Draft &draft, const QStringList &fileLines)
{
    Block block;
    block.kind = draft.kind;
    block.raw = rawOf(fileLines, draft.chunks);
    block.firstLine = draft.chunks.front()->firstLine;
    block.lastLine = draft.chunks.back()->lastLine;
    if (draft.kind == BlockKind::Body)
        block.text = cleanBodyText(draft.pieces.join(QString()));
    else
        block.text = draft.fixedText;
    return block;
}

// Rule "compiled-feature": one headline over several speeches, each a heading, a speaker line and the speech.
// The OCR put some speeches before their headings (002: the speech beginning "永川区经济信息委…" stands
// before "聚焦高质量 锚定新跨越…" / "永川区经济信息委党组书记、主任 李国材"). A speech that names the unit of
// another section's speaker, where that section has no speech of its own, is moved under it. Speeches whose
// headings the OCR lost stay where they are.
QString unitOfSpeaker(const QString &speakerLine)
{
    QString post = speakerLine;
    static const QRegularExpression nameRe(QStringLiteral(u"\\s+\\p{Han}{2,4}\\s*$"));
    post.remove(nameRe);
    // "永川区委常委、区政府副区长,永川高新区党工委书记": the unit is in the part naming the secretary post.
    static const QRegularExpression separators(QStringLiteral(u"[、，,]"));
    const QStringList parts = post.split(separators, Qt::SkipEmptyParts);
    QString unit = parts.isEmpty() ? post : parts.back();
    for (const QString &part : parts) {
        if (part.contains(QStringLiteral(u"书记")))
            unit = part;
    }
    static const QRegularExpression postRe(QStringLiteral(
        u"(?:党组|党委|党工委|党总支|党支部)?(?:副)?(?:书记|主任|局长|区长|镇长|乡长|部长|主席|院长|校长|所长|处长|"
        u"厅长|经理|董事长|负责人|委员|秘书长|会长|馆长|队长|站长)$"));
    unit.remove(postRe);
    static const QRegularExpression placeRe(QStringLiteral(u"^\\p{Han}{2}[区县市](?=\\p{Han}{2})"));
    unit.remove(placeRe);
    return removeSpaces(unit);
}

void restoreCompiledFeature(QList<Draft> &blocks)
{
    int speakers = 0;
    for (const Draft &d : blocks)
        speakers += d.kind == BlockKind::Speaker;
    if (speakers < 2)
        return;

    // Sections: [heading] speaker body*; blocks before the first section stay as the introduction.
    struct Section
    {
        QString unit;
        QList<Draft> head; // heading (if any) and speaker
        QList<Draft> body;
    };
    QList<Draft> intro;
    QList<Section> sections;
    for (qsizetype k = 0; k < blocks.size(); ++k) {
        Draft &d = blocks[k];
        if (d.kind == BlockKind::Speaker) {
            Section s;
            if (!sections.isEmpty() && !sections.back().body.isEmpty() &&
                sections.back().body.back().kind == BlockKind::Heading) {
                s.head.append(sections.back().body.takeLast());
            } else if (sections.isEmpty() && !intro.isEmpty() && intro.back().kind == BlockKind::Heading) {
                s.head.append(intro.takeLast());
            }
            s.unit = unitOfSpeaker(foldToSimplified(d.fixedText));
            s.head.append(d);
            sections.append(s);
        } else if (sections.isEmpty()) {
            intro.append(d);
        } else {
            sections.back().body.append(d);
        }
    }

    auto speechOpening = [](const Draft &d) {
        return foldToSimplified(cleanBodyText(d.pieces.join(QString())).left(40));
    };
    auto ownsSpeech = [&](const Section &s) {
        return std::any_of(s.body.cbegin(), s.body.cend(), [&](const Draft &d) {
            return d.kind == BlockKind::Body && !s.unit.isEmpty() && speechOpening(d).contains(s.unit);
        });
    };
    auto firstBodyOwnsPlace = [](const Section &s) {
        return !s.body.isEmpty() && s.body.front().kind == BlockKind::Body;
    };

    for (qsizetype si = 0; si < sections.size(); ++si) {
        for (qsizetype bi = 0; bi < sections[si].body.size(); ++bi) {
            const Draft &d = sections[si].body[bi];
            if (d.kind != BlockKind::Body)
                continue;
            const QString opening = speechOpening(d);
            if (sections[si].unit.size() >= 2 && opening.contains(sections[si].unit))
                continue; // its own section's speech
            qsizetype target = -1;
            for (qsizetype ti = 0; ti < sections.size(); ++ti) {
                if (ti == si || sections[ti].unit.size() < 2 || !opening.contains(sections[ti].unit))
                    continue;
                if (firstBodyOwnsPlace(sections[ti]) && ownsSpeech(sections[ti]))
                    continue; // that section already has its speech
                target = ti;
                break;
            }
            if (target < 0)
                continue;
            Draft moved = sections[si].body.takeAt(bi);
            --bi;
            // After the target's speaker, after any speech pieces already moved there.
            qsizetype at = 0;
            while (at < sections[target].body.size() && sections[target].body[at].kind == BlockKind::Body &&
                   speechOpening(sections[target].body[at]).contains(sections[target].unit))
                ++at;
            sections[target].body.insert(at, moved);
        }
    }

    QList<Draft> out = intro;
    for (const Section &s : sections) {
        out += s.head;
        out += s.body;
    }
    blocks = out;
}

} // namespace

ParsedIssue parseIssueText(const QString &text)
{
    const QStringList fileLines = text.split(u'\n');

    // Step 1: chunks. A page header (rule "page-header", pageheader.h) is no text: it ends a chunk as a blank line
    // does, and the articles after it are on its page.
    QList<Chunk> chunks;
    QList<std::pair<int, PageHeader>> pages;
    for (int k = 0; k < fileLines.size(); ++k) {
        const QString &line = fileLines[k];
        const bool blank = std::all_of(line.cbegin(), line.cend(), [](QChar c) { return isOcrSpace(c) || c == u'\r'; });
        if (blank)
            continue;
        if (auto header = parsePageHeader(line)) {
            pages.append({k + 1, *header});
            continue;
        }
        bool marked = false;
        const QString stripped = stripMarker(line, &marked);
        const bool continues = !chunks.isEmpty() && chunks.back().lastLine == k; // previous line non-blank
        if (continues && !marked && !chunks.back().marked) {
            Chunk &c = chunks.back();
            c.lastLine = k + 1;
            c.lines.append(line);
            c.content += u' ' + stripped;
        } else if (continues && marked) {
            // A marked line right below another line still starts its own chunk.
            chunks.append(Chunk{k + 1, k + 1, {line}, stripped, {}, true});
        } else {
            chunks.append(Chunk{k + 1, k + 1, {line}, stripped, {}, marked});
        }
    }

    // Rule "wrapped-lines": some OCRs wrap every line at the column and leave no blank line between paragraphs; a
    // line short of the column, or an indented one, begins a new paragraph.
    {
        QList<QStringList> chunkLines;
        for (const Chunk &c : std::as_const(chunks))
            chunkLines.append(c.lines);
        if (const int width = wrappedLineWidth(chunkLines); width > 0) {
            QList<Chunk> split;
            for (const Chunk &c : std::as_const(chunks)) {
                if (c.marked || c.lines.size() < 2) {
                    split.append(c);
                    continue;
                }
                const QList<int> starts = wrappedParagraphStarts(c.lines, width);
                int from = 0;
                for (int k = 0; k <= starts.size(); ++k) {
                    const int to = k < starts.size() ? starts[k] : int(c.lines.size());
                    Chunk part{c.firstLine + from, c.firstLine + to - 1, c.lines.mid(from, to - from), {}, {}, false};
                    part.content = part.lines.join(QString()); // a wrap is no space
                    part.paragraphStart = k > 0;
                    split.append(part);
                    from = to;
                }
                if (starts.isEmpty() && !isWrappedRun(c.lines, width))
                    split.back() = c; // lines that are no column's (a headline's hard breaks) keep their spaces
            }
            chunks = split;
        }
    }
    // Rule "masthead": a first line naming the page, the issue number or the weekday and the date is the paper's
    // masthead, not a headline (德州晚报: "今日16版 总第3640期 星期三 2024年1月31日"); the date rules read it.
    if (!chunks.isEmpty()) {
        static const QRegularExpression mastheadRe(
            QStringLiteral(u"(?:\\d+\\s*版|第\\s*\\d+\\s*期|星期[一二三四五六日天]).*(?:19|20)\\d{2}\\s*年|"
                           u"(?:19|20)\\d{2}\\s*年.*(?:\\d+\\s*版|第\\s*\\d+\\s*期|星期[一二三四五六日天])"));
        const QString folded = foldToSimplified(chunks.front().content);
        if (chunks.front().lines.size() == 1 && folded.size() <= 60 && mastheadRe.match(folded).hasMatch())
            chunks.removeFirst();
    }
    QList<QStringView> texts;
    for (const Chunk &c : std::as_const(chunks))
        texts.append(c.content);
    const int spacedWidth = spacedColumnWidth(texts);

    QList<ChunkKind> kinds;
    kinds.reserve(chunks.size());
    for (Chunk &c : chunks) {
        c.folded = foldToSimplified(c.content);
        kinds.append(classify(c));
    }

    // Step 2: articles.
    ParsedIssue issue;
    QList<ArticleDraft> drafts;
    QHash<QString, int> publications;
    int issueMonth = 0;
    int issueDay = 0;

    auto current = [&]() -> ArticleDraft & {
        if (drafts.isEmpty())
            drafts.append(ArticleDraft{});
        return drafts.back();
    };
    auto appendBody = [&](const Chunk &chunk, const QString &piece) {
        ArticleDraft &a = current();
        const int open = a.openBody();
        // Rule "paragraph-end": a paragraph that lost its full stop ended all the same when its last column line is
        // short (the file's column width, from the spaces the OCR put at the wraps).
        if (open >= 0 && !chunk.paragraphStart && !opensParagraph(piece) &&
            !endsShortOfColumn(a.blocks[open].pieces.back(), spacedWidth) &&
            !opensSentence(a.blocks[open].pieces.back(), piece)) {
            // Rule "cut-paragraph": the OCR cut a paragraph where it crossed a column or a picture; the first
            // half does not end a sentence (000: "…市委书记袁家军在市“两会”期" / "间参加永川代表团时…").
            Draft &d = a.blocks[open];
            d.chunks.append(&chunk);
            d.pieces.append(piece);
            d.open = !endsSentence(piece);
            return;
        }
        Draft d;
        d.kind = BlockKind::Body;
        d.chunks = {&chunk};
        d.pieces = {piece};
        d.open = !endsSentence(piece);
        a.blocks.append(d);
    };
    auto appendFixed = [&](const Chunk &chunk, BlockKind kind, const QString &text) {
        Draft d;
        d.kind = kind;
        d.chunks = {&chunk};
        d.fixedText = text;
        current().blocks.append(d);
    };
    auto appendBodyWithNote = [&](const Chunk &chunk, const QString &piece) {
        const auto note =
            mayEndWithNote(piece) ? trailingNoteRe().match(foldToSimplified(piece)) : QRegularExpressionMatch();
        if (note.hasMatch() && note.capturedStart(0) > 0) {
            appendBody(chunk, piece.left(note.capturedStart(0)));
            appendFixed(chunk, BlockKind::Note,
                        cleanBodyText(piece.mid(note.capturedStart(1), note.capturedLength(1))));
        } else {
            appendBody(chunk, piece);
        }
    };

    for (qsizetype i = 0; i < chunks.size(); ++i) {
        const Chunk &chunk = chunks[i];
        const ChunkKind kind = kinds[i];

        if (kind == ChunkKind::Headline) {
            qsizetype end = i;
            while (end + 1 < chunks.size() && kinds[end + 1] == ChunkKind::Headline)
                ++end;
            const bool beforeSpeaker = end + 1 < chunks.size() && kinds[end + 1] == ChunkKind::Speaker;
            // Rule "cut-paragraph" (short second half): after an unfinished paragraph, a short unmarked line
            // continues it unless it starts a headline block that leads to a byline or a speaker.
            if (!drafts.isEmpty() && current().openBody() >= 0 && !chunk.marked && end == i &&
                !(end + 1 < chunks.size() &&
                  (kinds[end + 1] == ChunkKind::Byline || kinds[end + 1] == ChunkKind::Speaker))) {
                appendBodyWithNote(chunk, chunk.content);
                continue;
            }
            // Rule "cut-paragraph" (short first half): in an article with a byline and a body, a short unmarked
            // line followed by a body chunk that goes on with it (not a date-line, nor an opening formula) is the
            // first half of a paragraph the OCR cut, not a headline (other papers: "来自13家中央主要媒体和重庆市属
            // 媒" / "体的近百名记者将赴…").
            if (!drafts.isEmpty() && current().article.byline && current().hasBody() && !chunk.marked && end == i &&
                end + 1 < chunks.size() && kinds[end + 1] == ChunkKind::Body &&
                continuesCutPiece(chunk.content, chunks[end + 1].content, opensParagraph)) {
                appendBodyWithNote(chunk, chunk.content);
                continue;
            }
            QStringList parts;
            for (qsizetype k = i; k <= end; ++k)
                parts.append(cleanHeadlineText(chunks[k].content));

            if (beforeSpeaker) {
                // Rule "section-heading": a headline-like line right above a speaker line heads a speech.
                if (end > i) {
                    ArticleDraft a;
                    assignHeadline(a.article, parts.mid(0, parts.size() - 1));
                    a.article.firstLine = chunk.firstLine;
                    drafts.append(a);
                }
                appendFixed(chunks[end], BlockKind::Heading, parts.back());
            } else if (!drafts.isEmpty() && current().article.byline && !current().hasBody()) {
                // Rule "heading-after-byline": a headline-like line between the byline and the first paragraph
                // is a heading inside the article (001: the series banner "提速建设“两双”大城“两高”强区 /
                // 加快建设双城经济圈桥头堡城市" under 本报评论员).
                for (qsizetype k = i; k <= end; ++k)
                    appendFixed(chunks[k], BlockKind::Heading, parts[k - i]);
            } else {
                ArticleDraft a;
                assignHeadline(a.article, parts);
                a.article.firstLine = chunk.firstLine;
                drafts.append(a);
            }
            i = end;
            continue;
        }

        if (kind == ChunkKind::Byline) {
            const auto byline = parseByline(chunk.content, chunk.folded);
            ArticleDraft &a = current();
            if (!byline || a.article.byline || a.hasBody()) {
                appendBodyWithNote(chunk, chunk.content);
                continue;
            }
            a.article.byline = byline->byline;
            if (!byline->publication.isEmpty())
                ++publications[byline->publication];
            if (issueMonth == 0 && byline->month > 0) {
                issueMonth = byline->month;
                issueDay = byline->day;
            }
            if (byline->bodyStart >= 0)
                appendBodyWithNote(chunk, chunk.content.mid(byline->bodyStart));
            else if (a.blocks.isEmpty() && a.article.firstLine == 0)
                a.article.firstLine = chunk.firstLine;
            continue;
        }

        switch (kind) {
        case ChunkKind::Speaker:
            appendFixed(chunk, BlockKind::Speaker, cleanHeadlineText(chunk.content));
            break;
        case ChunkKind::Caption:
            appendFixed(chunk, BlockKind::Caption, cleanCaptionText(chunk.content));
            break;
        case ChunkKind::Note:
            appendFixed(chunk, BlockKind::Note, cleanBodyText(chunk.content));
            break;
        default:
            // Rule "date-line": an article without a byline may open with the date (002: "7月28日,永川区召开…").
            if (issueMonth == 0) {
                if (const auto d = monthDayRe().match(chunk.content); d.hasMatch()) {
                    issueMonth = spacedNumber(d.captured(1));
                    issueDay = spacedNumber(d.captured(2));
                    if (issueMonth < 1 || issueMonth > 12 || issueDay < 1 || issueDay > 31)
                        issueMonth = issueDay = 0;
                }
            }
            appendBodyWithNote(chunk, chunk.content);
            break;
        }
    }

    // Step 3: finish.
    for (ArticleDraft &a : drafts) {
        if (a.blocks.isEmpty() && a.article.title.isEmpty())
            continue;
        restoreCompiledFeature(a.blocks);
        Article article = a.article;
        int first = article.firstLine > 0 ? article.firstLine : INT_MAX;
        int last = article.firstLine;
        for (const Draft &d : a.blocks) {
            Block b = finish(d, fileLines);
            if (b.text.isEmpty())
                continue;
            first = std::min(first, b.firstLine);
            last = std::max(last, b.lastLine);
            article.blocks.append(b);
        }
        article.firstLine = first == INT_MAX ? 0 : first;
        article.lastLine = std::max(last, article.firstLine);
        for (const auto &[line, header] : std::as_const(pages)) {
            if (line < article.firstLine) {
                article.page = header.page;
                article.pageName = header.name;
            }
        }
        takeSignature(article);
        issue.articles.append(article);
    }

    // Rule "publication": the name most bylines give (本报讯(渝西都市报记者 …)).
    int best = 0;
    for (auto it = publications.cbegin(); it != publications.cend(); ++it) {
        if (it.value() > best || (it.value() == best && it.key() < issue.issue.publication)) {
            best = it.value();
            issue.issue.publication = it.key();
        }
    }
    inferDate(issue, text, issueMonth, issueDay);
    return issue;
}

} // namespace dubao
