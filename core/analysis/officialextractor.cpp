// The rules that find officials in an article. A sentence is cut into segments at `，、：` and the like; each
// segment is read as an office followed by a name, a bare name continuing a list, an office alone (the first of
// two offices of one person), or none of these. The role is the first role verb after the names, which it
// applies to every name still waiting for one in that sentence.
#include "core/analysis/officialextractor.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <array>
#include <optional>

namespace dubao {

namespace {

bool isHan(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0x3400 && u <= 0x4DBF);
}

// Rule "surname": a name starts with a common surname. `全区各级各部门` starts with 全, which is a surname too
// rare to be worth the false hits (全区, 全市): left out, as are 区 and 党 (区领导, 党外人士).
const QString &surnames()
{
    static const QString s = QStringLiteral(
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
        "姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤常温康施"
        "文牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂苗谷盛曲"
        "翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤穆农卓古吉缪简车项连芦麦褚娄窦戚岑景宫费卜冷晏席卫米柏"
        "宗瞿桂佟臧闵苟邬边卞姬仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝谈匡鞠惠荆乐冀郁胥班储栗燕楚鄢劳"
        "谌奚皮粟冼蔺楼闻厉伊郜阎漆");
    return s;
}
// Rule "common-word": a two-character name whose second character ends common words rather than given names is a
// word that starts with a surname character: 项目, 农业, 严肃 (found on the generated 1 GB library, where splices put
// them after a role: `…参加项目…`, `区领导…农业…`). Longer names keep these characters (e.g. 周明远 keeps 明).
const QString &wordEndings()
{
    static const QString s = QStringLiteral("业目肃格厉面案式件度效域题施策划设产品场济营续辆态务");
    return s;
}

const std::array<QStringView, 6> kCompoundSurnames{u"欧阳", u"司马", u"上官", u"诸葛", u"皇甫", u"令狐"};

// Rule "not-a-given-name": characters of offices, places and running text that a given name does not contain, so
// that `区委常委会` or `重要讲话` after an office is not read as a name.
const QString &notInGivenName()
{
    static const QString s = QStringLiteral(
        "区市县镇乡村街委局部办会厅院司处科所组队站省党政府协等的及与在对是为了要主副长书记员务领导各级有关议说");
    return s;
}

// Rule "office-suffix": an office ends with one of these, and a name follows it (`区委书记张智奎`,
// `水利部农水水司副司长许德志`, `四川省发展改革委总经济师傅倩倩`). 领导 is a group (`区领导邓文、陈小东`): the
// names after it get no office. 记者 is not here: reporters are no officials.
const QList<QStringView> &officeSuffixes()
{
    static const QList<QStringView> s{
        u"书记",   u"区长",   u"市长",   u"县长",   u"镇长",   u"乡长",     u"省长",   u"州长", u"主任",   u"主席",
        u"部长",   u"司长",   u"局长",   u"厅长",   u"处长",   u"科长",     u"所长",   u"院长", u"校长",   u"董事长",
        u"总经理", u"经济师", u"工程师", u"会计师", u"秘书长", u"常委",     u"委员",   u"组长", u"指挥长", u"政委",
        u"检察长", u"庭长",   u"站长",   u"队长",   u"行长",   u"社长",     u"理事长", u"会长", u"领导",   u"台长",
        u"馆长",   u"总监",   u"巡视员", u"调研员", u"专员",   u"党组成员", u"村长",   u"主委", u"州长"};
    return s;
}

// Rule "not-an-office": words of running text, which an office does not contain. `习近平总书记` writes the name
// before the office, and `学习贯彻习近平总书记` ends with 书记 without being one: neither is read as an office.
bool looksLikeOffice(QStringView text)
{
    if (text.isEmpty() || text.size() > 30 || text.endsWith(u"总书记"))
        return false;
    static const std::array<QStringView, 14> running{u"的",   u"要",   u"学习", u"贯彻", u"了", u"是", u"指出",
                                                     u"强调", u"召开", u"会议", u"精神", u"与", u"“",  u"\""};
    for (QStringView w : running)
        if (text.contains(w))
            return false;
    for (QChar c : text)
        if (!isHan(c))
            return false;
    return true;
}

/// The length of the office suffix `text` ends with, or 0.
int officeSuffixAt(QStringView text)
{
    // Most characters end no suffix: one lookup instead of fifty comparisons (the loop runs at every character).
    static const QSet<QChar> lastChars = [] {
        QSet<QChar> chars;
        for (QStringView s : officeSuffixes())
            chars.insert(s.back());
        return chars;
    }();
    if (text.isEmpty() || !lastChars.contains(text.back()))
        return 0;
    for (QStringView s : officeSuffixes())
        if (text.endsWith(s))
            return int(s.size());
    return 0;
}

// Rule "name-continuation": what follows a name in the same run of characters: a role, a verb of speech or of
// movement, 等 closing a list (`李世红等参加调研`), 率 leading a delegation (`许德志率水利部`), 专题
// (`常晓勇专题调研`).
const QList<QStringView> &continuations()
{
    static const QList<QStringView> s{u"主持", u"出席", u"列席", u"讲话", u"调研", u"参加", u"专题", u"陪同", u"强调",
                                      u"指出", u"表示", u"要求", u"作为", u"认真", u"同志", u"一行", u"先后", u"代表",
                                      u"应邀", u"分别", u"带队", u"前往", u"深入", u"会见", u"检查", u"督导", u"看望",
                                      u"宣布", u"通报", u"介绍", u"听取", u"指挥", u"部署", u"来到", u"走进", u"发言",
                                      u"致辞", u"出任", u"说",   u"在",   u"就",   u"到",   u"等",   u"率",   u"对",
                                      u"与",   u"和",   u"同",   u"向",   u"为",   u"在"};
    return s;
}

bool continuationAt(QStringView s, qsizetype at)
{
    const QStringView rest = s.mid(at);
    for (QStringView c : continuations())
        if (rest.startsWith(c))
            return true;
    return false;
}

/// The length of the personal name at `at` in `s`, or 0 (Rule "name-length": two or three characters, ended by
/// the end of the run of Han characters or by a continuation).
int nameLengthAt(QStringView s, qsizetype at)
{
    qsizetype run = 0;
    while (at + run < s.size() && isHan(s[at + run]))
        ++run;
    if (run < 2)
        return 0;
    auto fits = [&](qsizetype n) {
        return looksLikePersonalName(s.mid(at, n));
    };
    if (run == 2)
        return fits(2) ? 2 : 0;
    if (run == 3) {
        // `邓文等`: a list's last name and 等
        if (continuationAt(s, at + 2) && fits(2) && !fits(3))
            return 2;
        if (fits(3))
            return 3;
        return continuationAt(s, at + 2) && fits(2) ? 2 : 0;
    }
    for (qsizetype n : {2, 3})
        if (continuationAt(s, at + n) && fits(n))
            return int(n);
    return 0;
}

// Rule "inherited-organisation": `永川区发展改革委党组书记、主任 邓正军` — the second office is the organisation's
// 主任, written without the organisation: it is taken from the party post before it.
void completeOffices(QStringList &offices)
{
    static const std::array<QStringView, 4> partyPosts{u"党组副书记", u"党组书记", u"党工委书记", u"党委书记"};
    static const QSet<QString> bare{QStringLiteral("主任"), QStringLiteral("副主任"), QStringLiteral("局长"),
                                    QStringLiteral("副局长")};
    for (qsizetype k = 1; k < offices.size(); ++k) {
        if (!bare.contains(offices[k]))
            continue;
        for (QStringView post : partyPosts)
            if (offices[k - 1].endsWith(post) && offices[k - 1].size() > post.size()) {
                offices[k] = offices[k - 1].chopped(post.size()) + offices[k];
                break;
            }
    }
}

QString cleanOffice(QStringView office)
{
    // `中共重庆市永川区委`: the party's name is not part of the office
    if (office.startsWith(u"中共"))
        office = office.mid(2);
    return office.toString();
}

bool isSeparator(QChar c)
{
    static const QString s = QStringLiteral("，、,：:（）()《》 \t");
    return s.contains(c);
}

bool isSentenceEnd(QChar c)
{
    // A switch, not a search of a string: it runs for every character around every name.
    switch (c.unicode()) {
    case u'。':
    case u'！':
    case u'？':
    case u'；':
    case u'!':
    case u'?':
    case u';':
    case u'\n':
        return true;
    default:
        return false;
    }
}

/// The first role verb in `text`, or empty.
QString firstRole(QStringView text)
{
    qsizetype best = -1;
    QString role;
    for (const QString &r : officialRoles()) {
        const qsizetype at = text.indexOf(r);
        if (at >= 0 && (best < 0 || at < best)) {
            best = at;
            role = r;
        }
    }
    return role;
}

/// A mention of `name` in the sentence [start, end) of a block's `text`.
OfficialMention mentionIn(int blockIndex, const QString &text, const QString &name, qsizetype start, qsizetype end)
{
    OfficialMention m;
    m.blockIndex = blockIndex;
    m.name = name;
    m.sentenceStart = int(start);
    m.sentenceLength = int(end - start);
    m.sentence = text.mid(start, end - start).trimmed();
    return m;
}

/// Reads one sentence of a body block (Rules "office-then-name", "list-continuation", "office-alone").
class SentenceReader
{
public:
    SentenceReader(int blockIndex, const QString &block, qsizetype start, qsizetype end, QList<OfficialMention> &out)
        : m_blockIndex(blockIndex)
        , m_block(block)
        , m_start(start)
        , m_end(end)
        , m_out(out)
    {}

    void read(const QSet<QString> &reporters)
    {
        qsizetype k = m_start;
        QChar separator;
        while (k < m_end) {
            qsizetype e = k;
            while (e < m_end && !isSeparator(m_block[e]))
                ++e;
            readSegment(QStringView(m_block).mid(k, e - k), separator, reporters);
            separator = e < m_end ? m_block[e] : QChar();
            k = e + 1;
        }
    }

private:
    void readSegment(QStringView seg, QChar separator, const QSet<QString> &reporters)
    {
        qsizetype restStart = 0;
        bool person = false;
        // Rule "office-then-name": the first place where an office ends and a name begins.
        for (qsizetype e = 2; e < seg.size() && !person; ++e) {
            const int suffix = officeSuffixAt(seg.left(e));
            if (suffix == 0 || !looksLikeOffice(seg.left(e)))
                continue;
            const int n = nameLengthAt(seg, e);
            if (n == 0)
                continue;
            const QStringView office = seg.left(e);
            QStringList offices = m_pendingOffices;
            if (!office.endsWith(u"领导")) // Rule "group-label": 区领导邓文 — no office
                offices.append(cleanOffice(office));
            add(seg.mid(e, n).toString(), offices, reporters);
            restStart = e + n;
            person = true;
        }
        // Rule "list-continuation": `区领导邓文、陈小东参加会议` — a bare name after a name and `、` or `，`.
        if (!person && m_lastWasPerson && (separator == u'、' || separator == u'，' || separator == u',')) {
            if (const int n = nameLengthAt(seg, 0); n > 0) {
                add(seg.left(n).toString(), {}, reporters);
                restStart = n;
                person = true;
            }
        }
        if (person) {
            m_pendingOffices.clear();
        } else if (officeSuffixAt(seg) > 0 && looksLikeOffice(seg)) {
            // Rule "office-alone": `区委副书记、区长常晓勇` — two offices, one person.
            m_pendingOffices.append(cleanOffice(seg));
            restStart = seg.size();
        } else {
            m_pendingOffices.clear();
        }
        m_lastWasPerson = person;
        // Rule "role-after-names": `区委副书记、区长常晓勇，区委副书记蔡焱，区委常委出席` — 出席 for both.
        if (const QString role = firstRole(seg.mid(restStart)); !role.isEmpty()) {
            for (const qsizetype index : std::as_const(m_awaitingRole))
                m_out[index].role = role;
            m_awaitingRole.clear();
        }
    }

    void add(const QString &name, QStringList offices, const QSet<QString> &reporters)
    {
        if (reporters.contains(name)) // Rule "reporters-apart"
            return;
        completeOffices(offices);
        OfficialMention m = mentionIn(m_blockIndex, m_block, name, m_start, m_end);
        m.offices = offices;
        m_awaitingRole.append(m_out.size());
        m_out.append(m);
    }

    int m_blockIndex;
    const QString &m_block;
    qsizetype m_start;
    qsizetype m_end;
    QList<OfficialMention> &m_out;
    QStringList m_pendingOffices;
    QList<qsizetype> m_awaitingRole;
    bool m_lastWasPerson = false;
};

// Rule "speaker-line": `永川区委常委、区政府副区长，永川高新区党工委书记 宋文` — the offices, a space, the name; who
// is named there speaks.
std::optional<OfficialMention> readSpeakerLine(int blockIndex, const QString &text)
{
    const QString line = text.trimmed();
    const qsizetype space = line.lastIndexOf(u' ');
    if (space <= 0)
        return std::nullopt;
    const QString name = line.mid(space + 1);
    if (!looksLikePersonalName(name))
        return std::nullopt;
    QStringList offices;
    for (const QString &part :
         line.left(space).split(QRegularExpression(QStringLiteral("[、，,]")), Qt::SkipEmptyParts))
        if (looksLikeOffice(part.trimmed()))
            offices.append(cleanOffice(part.trimmed()));
    completeOffices(offices);
    OfficialMention m;
    m.blockIndex = blockIndex;
    m.name = name;
    m.offices = offices;
    m.role = QString::fromUtf16(role::kSpeaks);
    m.sentenceStart = 0;
    m.sentenceLength = int(text.size());
    m.sentence = line;
    return m;
}

// Rule "known-name-with-role": `会议由唐大军主持` — a name the article gave with an office before, written bare
// and followed by a role, appears again in that role.
void addBareMentions(const Article &article, QList<OfficialMention> &out)
{
    QSet<QString> known;
    for (const OfficialMention &m : std::as_const(out))
        if (!m.offices.isEmpty())
            known.insert(m.name);
    if (known.isEmpty())
        return;
    QList<OfficialMention> added;
    for (int b = 0; b < article.blocks.size(); ++b) {
        const Block &block = article.blocks[b];
        if (block.kind != BlockKind::Body)
            continue;
        for (const QString &name : std::as_const(known)) {
            for (qsizetype at = block.text.indexOf(name); at >= 0; at = block.text.indexOf(name, at + 1)) {
                const QString role = officialRoles().contains(block.text.mid(at + name.size(), 2))
                                         ? block.text.mid(at + name.size(), 2)
                                         : QString();
                if (role.isEmpty())
                    continue;
                qsizetype s = at;
                while (s > 0 && !isSentenceEnd(block.text[s - 1]))
                    --s;
                qsizetype e = at;
                while (e < block.text.size() && !isSentenceEnd(block.text[e]))
                    ++e;
                const bool already = std::any_of(out.cbegin(), out.cend(), [&](const OfficialMention &m) {
                    return m.blockIndex == b && m.name == name && m.sentenceStart == int(s);
                });
                if (already)
                    continue;
                OfficialMention m = mentionIn(b, block.text, name, s, e);
                m.role = role;
                added.append(m);
            }
        }
    }
    out.append(added);
    std::stable_sort(out.begin(), out.end(), [](const OfficialMention &a, const OfficialMention &b) {
        return std::pair(a.blockIndex, a.sentenceStart) < std::pair(b.blockIndex, b.sentenceStart);
    });
}

} // namespace

const QStringList &officialRoles()
{
    // Built once: the extractor asks for it for every sentence (5 % of an import's writing thread when it was made
    // on every call).
    static const QStringList roles{QString::fromUtf16(role::kPresides), QString::fromUtf16(role::kAttends),
                                   QString::fromUtf16(role::kSitsIn),   QString::fromUtf16(role::kSpeaks),
                                   QString::fromUtf16(role::kInspects), QString::fromUtf16(role::kTakesPart)};
    return roles;
}

bool looksLikePersonalName(QStringView text)
{
    if (text.size() < 2 || text.size() > 4)
        return false;
    for (QChar c : text)
        if (!isHan(c))
            return false;
    qsizetype given = 1;
    if (std::any_of(kCompoundSurnames.cbegin(), kCompoundSurnames.cend(),
                    [&](QStringView s) { return text.startsWith(s); }))
        given = 2;
    else if (!surnames().contains(text[0]) || text.size() == 4)
        return false;
    if (text.size() - given < 1 || text.size() - given > 2)
        return false;
    if (text.size() == 2 && given == 1 && wordEndings().contains(text[1]))
        return false;
    for (qsizetype k = given; k < text.size(); ++k)
        if (notInGivenName().contains(text[k]))
            return false;
    return true;
}

QList<OfficialMention> extractOfficials(const Article &article)
{
    QSet<QString> reporters;
    if (article.byline)
        for (const QString &r : article.byline->reporters)
            reporters.insert(r);
    QList<OfficialMention> out;
    for (int b = 0; b < article.blocks.size(); ++b) {
        const Block &block = article.blocks[b];
        if (block.kind == BlockKind::Speaker) {
            if (auto m = readSpeakerLine(b, block.text); m && !reporters.contains(m->name))
                out.append(*m);
            continue;
        }
        if (block.kind != BlockKind::Body)
            continue;
        const QString &text = block.text;
        qsizetype start = 0;
        for (qsizetype k = 0; k <= text.size(); ++k) {
            if (k < text.size() && !isSentenceEnd(text[k]))
                continue;
            if (k > start)
                SentenceReader(b, text, start, k, out).read(reporters);
            start = k + 1;
        }
    }
    addBareMentions(article, out);
    // Rule "attendance-order": a person's rank is the place of their first mention in the report.
    QHash<QString, int> rank;
    for (OfficialMention &m : out) {
        auto it = rank.find(m.name);
        if (it == rank.end())
            it = rank.insert(m.name, int(rank.size()) + 1);
        m.order = *it;
    }
    return out;
}

} // namespace dubao
