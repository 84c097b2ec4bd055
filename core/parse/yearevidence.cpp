// The year rules: see yearevidence.h. Each rule names the example that motivates it; tests/core/tst_yearevidence.cpp
// tests them one by one.
#include "core/parse/yearevidence.h"

#include "core/text/chinesetext.h"

#include <QRegularExpression>

#include <algorithm>

namespace dubao::parse {

using namespace text;
using Kind = YearEvidence::Kind;

namespace {

constexpr int kFirstYear = 1949;
constexpr int kLastYear = 2099;

int weekdayOf(QStringView name)
{
    static const QString days = QStringLiteral(u"一二三四五六日天");
    const qsizetype k = days.indexOf(name.back());
    return k < 0 ? 0 : std::min<int>(int(k) + 1, 7);
}

// Rule "era-term": terms used only in some years. The pandemic's terms (003: 动态清零, 二十条措施, 新冠肺炎疫情防控
// 指挥部, November 2022) and the five-year plans (十四五 is spoken of from its drafting in 2020, and looked back on
// for some years after its end: 000, June 2023, names 十三五).
struct EraTerm
{
    const char16_t *term;
    int first;
    int last;
};
constexpr EraTerm kEraTerms[] = {
    {u"动态清零", 2020, 2022}, {u"二十条措施", 2022, 2022}, {u"新冠肺炎", 2020, 2022}, {u"十二五", 2010, 2015},
    {u"十三五", 2015, 2020},   {u"十四五", 2020, 2025},     {u"十五五", 2025, 2030},   {u"二十届三中全会", 2024, 2029},
};

void add(IssueInfo &info, Kind kind, int year, int lastYear, const QString &text)
{
    info.yearEvidence.append(YearEvidence{kind, year, lastYear, text});
}

bool validDay(int year, int month, int day)
{
    return month >= 1 && month <= 12 && day >= 1 && QDate(year, month, day).isValid();
}

} // namespace

void collectYearEvidence(IssueInfo &info, const QString &text)
{
    info.yearEvidence.clear();
    const QString compact = removeSpaces(foldToSimplified(text));
    static const QRegularExpression fullRe(QStringLiteral(u"((?:19|20)\\d{2})年(\\d{1,2})月(\\d{1,2})日"));

    // Rule "masthead": a full date in the first lines of the file is the issue's (德州晚报: "今日16版 总第3640期
    // 星期三 2024年1月31日"), even when the first report is dated the day before.
    const QString head = removeSpaces(foldToSimplified(text.left(200).section(u'\n', 0, 2)));
    if (const auto m = fullRe.match(head); m.hasMatch()) {
        const int year = m.captured(1).toInt();
        if (validDay(year, m.captured(2).toInt(), m.captured(3).toInt())) {
            info.month = m.captured(2).toInt();
            info.day = m.captured(3).toInt();
            add(info, Kind::StatedDate, year, year, m.captured(0));
        }
    }
    if (info.month == 0 || info.day == 0) {
        decideYear(info);
        return;
    }
    const int month = info.month;
    const int day = info.day;

    // Rule "stated-date": a full date in the text matching the byline's month and day states the year.
    if (info.yearEvidence.isEmpty()) {
        for (auto it = fullRe.globalMatch(compact); it.hasNext();) {
            const auto m = it.next();
            if (m.captured(2).toInt() == month && m.captured(3).toInt() == day &&
                validDay(m.captured(1).toInt(), month, day)) {
                add(info, Kind::StatedDate, m.captured(1).toInt(), m.captured(1).toInt(), m.captured(0));
                break;
            }
        }
    }

    // Rule "weekday": the weekday printed with the issue's date or in the masthead (11月13日(星期日), 星期三).
    static const QRegularExpression weekdayRe(QStringLiteral(u"(?:星期|周)[一二三四五六日天]"));
    const QString date = QStringLiteral(u"%1月%2日").arg(month).arg(day);
    for (auto it = weekdayRe.globalMatch(compact); it.hasNext();) {
        const auto m = it.next();
        const qsizetype at = compact.lastIndexOf(date, m.capturedStart());
        const bool besideDate = at >= 0 && m.capturedStart() - (at + date.size()) <= 2;
        const qsizetype afterDate = compact.indexOf(date, m.capturedEnd());
        const bool beforeDate = afterDate >= 0 && afterDate - m.capturedEnd() <= 1;
        if (besideDate || beforeDate || head.contains(m.captured(0))) {
            add(info, Kind::Weekday, 0, 0, m.captured(0));
            break;
        }
    }

    // Rule "year-mention": the latest year the text names; "2022年度" mentioned in the first quarter speaks of the
    // year before (001: a 民主生活会 "2022年度" held on 2月20日 is in 2023); of a range only the first year counts
    // ("2023年—2024年"), and a range named late in a year names the coming years (003, November:
    // "2023年—2024年水系连通及水美乡村建设县名单" was published in 2022).
    static const QRegularExpression yearRe(
        QStringLiteral(u"((?:19|20)\\d{2})年(度)?(?:[—\\-－~～至到]+((?:19|20)\\d{2})年)?"));
    int best = 0;
    QString bestText;
    for (auto it = yearRe.globalMatch(compact); it.hasNext();) {
        const auto m = it.next();
        int year = m.captured(1).toInt();
        const bool review = !m.captured(2).isEmpty() && month <= 3;
        if (review)
            ++year;
        if (!m.captured(3).isEmpty() && month >= 10 && m.captured(3).toInt() > year)
            add(info, Kind::PlanRange, year - 1, year - 1, m.captured(0));
        if (year > best) {
            best = year;
            bestText = m.captured(0);
        }
    }
    if (best > 0) {
        add(info, bestText.contains(u'度') && month <= 3 ? Kind::AnnualReview : Kind::YearMention, best, best,
            bestText);
    }

    for (const EraTerm &era : kEraTerms) {
        const QString term = QString::fromUtf16(era.term);
        if (compact.contains(term))
            add(info, Kind::EraTerm, era.first, era.last, term);
    }
    decideYear(info);
}

void addPathEvidence(IssueInfo &info, const QString &path)
{
    // Rule "path-date": a date in the file's name or folder (2022-11-13/…, 20221113.txt, 2022/11/13, 2022年11月).
    static const QRegularExpression fullRe(QStringLiteral(
        u"(?<![\\dA-Za-z])((?:19|20)\\d{2})[-_./年]?(0[1-9]|1[0-2])[-_./月]?(0[1-9]|[12]\\d|3[01])(?!\\d)"));
    // A folder named for its year alone ("2022/", "2022年"), not one whose name holds a number ("set-2000/").
    static const QRegularExpression yearRe(
        QStringLiteral(u"(?:^|[/\\\\])((?:19|20)\\d{2})(?:年[^/\\\\]*)?(?=[/\\\\])"));
    QRegularExpressionMatch best;
    for (auto it = fullRe.globalMatch(path); it.hasNext();)
        best = it.next(); // the last one: the file's own name rather than a folder
    info.yearEvidence.removeIf([](const YearEvidence &e) { return e.kind == Kind::Path; });
    if (best.hasMatch()) {
        const int year = best.captured(1).toInt();
        const int month = best.captured(2).toInt();
        const int day = best.captured(3).toInt();
        // The path names the issue's date; its month and day are the issue's only when the text gives none, and
        // within a few days of the text's (a report is dated the day before the paper).
        const QDate pathDate(year, month, day);
        const QDate textDate = info.month > 0 ? QDate(year, info.month, info.day) : QDate();
        if (pathDate.isValid() && (!textDate.isValid() || std::abs(textDate.daysTo(pathDate)) <= 7)) {
            if (info.month == 0) {
                info.month = month;
                info.day = day;
            }
            add(info, Kind::Path, year, year, best.captured(0));
        } else if (pathDate.isValid() && textDate.isValid() && info.month == 1 && month == 12) {
            add(info, Kind::Path, year + 1, year + 1, best.captured(0)); // a January report in a December folder
        }
    } else if (const auto y = yearRe.match(path); y.hasMatch() && info.month > 0) {
        add(info, Kind::Path, y.captured(1).toInt(), y.captured(1).toInt(), y.captured(0));
    }
    decideYear(info);
}

void addNeighbourEvidence(IssueInfo &info, const IssueInfo *previous, const IssueInfo *next)
{
    // Rule "neighbours": a daily's issues imported together are consecutive; the ones beside an issue whose year its
    // text does not state, when they print theirs, give it (an import of 2022-11-12.txt, 1113.txt, 2022-11-14.txt).
    if (info.month == 0 || info.day == 0 ||
        std::any_of(info.yearEvidence.cbegin(), info.yearEvidence.cend(),
                    [](const YearEvidence &e) { return e.kind == Kind::StatedDate || e.kind == Kind::User; }))
        return;
    info.yearEvidence.removeIf([](const YearEvidence &e) { return e.kind == Kind::Neighbours; });
    int year = 0;
    bool conflict = false;
    QStringList dates;
    for (const IssueInfo *neighbour : {previous, next}) {
        if (!neighbour || !neighbour->date.isValid() || neighbour->dateInferred)
            continue;
        // The year that puts this month and day nearest the neighbour's date (across a new year too), if near.
        int best = 0;
        qint64 bestDays = 46;
        for (int y = neighbour->date.year() - 1; y <= neighbour->date.year() + 1; ++y) {
            const QDate candidate(y, info.month, info.day);
            if (candidate.isValid() && std::abs(candidate.daysTo(neighbour->date)) < bestDays) {
                bestDays = std::abs(candidate.daysTo(neighbour->date));
                best = y;
            }
        }
        if (best == 0)
            continue;
        conflict = conflict || (year != 0 && best != year);
        year = best;
        dates.append(neighbour->date.toString(Qt::ISODate));
    }
    if (year != 0 && !conflict)
        add(info, Kind::Neighbours, year, year, dates.join(QStringLiteral(", ")));
    decideYear(info);
}

void decideYear(IssueInfo &info)
{
    info.date = {};
    info.dateInferred = false;
    info.yearAlternatives.clear();
    if (info.month == 0 || info.day == 0)
        return;
    auto find = [&](Kind kind) {
        return std::find_if(info.yearEvidence.cbegin(), info.yearEvidence.cend(),
                            [kind](const YearEvidence &e) { return e.kind == kind; });
    };
    if (const auto stated = find(Kind::StatedDate); stated != info.yearEvidence.cend()) {
        info.date = QDate(stated->year, info.month, info.day);
        return;
    }
    // The years every era term allows, and the weekday's years within them.
    int eraFirst = kFirstYear;
    int eraLast = kLastYear;
    for (const YearEvidence &e : info.yearEvidence) {
        if (e.kind == Kind::EraTerm) {
            eraFirst = std::max(eraFirst, e.year);
            eraLast = std::min(eraLast, e.lastYear);
        }
    }
    if (eraFirst > eraLast) { // the terms disagree among themselves: they tell nothing
        eraFirst = kFirstYear;
        eraLast = kLastYear;
    }
    int weekday = 0;
    if (const auto w = find(Kind::Weekday); w != info.yearEvidence.cend())
        weekday = weekdayOf(w->text);
    auto weekdayFits = [&](int year) {
        return weekday == 0 || QDate(year, info.month, info.day).dayOfWeek() == weekday;
    };

    int year = 0;
    Kind decidedBy = Kind::Path;
    for (Kind kind : {Kind::Path, Kind::Neighbours, Kind::AnnualReview, Kind::YearMention}) {
        if (const auto e = find(kind); e != info.yearEvidence.cend()) {
            year = e->year;
            decidedBy = kind;
            break;
        }
    }
    // A year the text names but a narrow era excludes, while a range the text names as coming (a plan published
    // late in the year before it starts) falls inside that era: the two agreeing pieces of evidence outweigh the
    // one mention, which is the range's own first year (003, November 2022: "2023年—2024年…名单" beside 动态清零 and
    // 二十条措施). The mention stays as the alternative.
    int overruled = 0;
    if (year != 0 && decidedBy != Kind::Path && decidedBy != Kind::Neighbours && eraLast - eraFirst <= 3 &&
        (year < eraFirst || year > eraLast)) {
        if (const auto plan = find(Kind::PlanRange); plan != info.yearEvidence.cend() && plan->year >= eraFirst &&
                                                     plan->year <= eraLast && weekdayFits(plan->year) &&
                                                     QDate(plan->year, info.month, info.day).isValid()) {
            overruled = year;
            year = plan->year;
        }
    }
    if (year == 0 && eraLast - eraFirst <= 10) {
        // No year named: the era's years, narrowed by the weekday; one left is the year.
        QList<int> fits;
        for (int y = eraFirst; y <= eraLast; ++y) {
            if (weekdayFits(y) && QDate(y, info.month, info.day).isValid())
                fits.append(y);
        }
        if (fits.size() == 1)
            year = fits.front();
    }
    if (year == 0 || !QDate(year, info.month, info.day).isValid())
        return;
    info.date = QDate(year, info.month, info.day);
    info.dateInferred = true;

    // Evidence against the year: other years it allows become the alternatives.
    QList<int> alternatives;
    auto alternative = [&](int y) {
        if (y != year && y >= kFirstYear && y <= kLastYear && !alternatives.contains(y))
            alternatives.append(y);
    };
    // The neighbours' year stands against era terms and plan ranges (they date what the text speaks of, not the
    // issue); only a year the text names and nothing explains, or a weekday, speaks against it.
    const bool byNeighbours = decidedBy == Kind::Neighbours;
    const bool mentionExplained = std::any_of(info.yearEvidence.cbegin(), info.yearEvidence.cend(), [&](const auto &e) {
        return (e.kind == Kind::PlanRange || e.kind == Kind::AnnualReview) && e.year == year;
    });
    if (byNeighbours) {
        for (const YearEvidence &e : info.yearEvidence) {
            if ((e.kind == Kind::YearMention || e.kind == Kind::AnnualReview) && !mentionExplained)
                alternative(e.year);
        }
    } else if ((year < eraFirst || year > eraLast) && eraLast - eraFirst <= 3) {
        for (int y = eraFirst; y <= eraLast; ++y) {
            if (weekdayFits(y))
                alternative(y);
        }
    }
    for (const YearEvidence &e : info.yearEvidence) {
        if (byNeighbours)
            break;
        if (e.kind == Kind::PlanRange || (e.kind == Kind::Path && e.year != year) ||
            (e.kind != Kind::Path && e.kind != Kind::EraTerm && e.kind != Kind::Weekday && e.year != year &&
             find(Kind::Path) != info.yearEvidence.cend()))
            alternative(e.year);
    }
    if (!weekdayFits(year)) {
        for (int d = 1; d <= 6; ++d) { // the nearest years on that weekday
            if (weekdayFits(year - d) || weekdayFits(year + d)) {
                if (weekdayFits(year - d))
                    alternative(year - d);
                if (weekdayFits(year + d))
                    alternative(year + d);
                break;
            }
        }
    }
    if (overruled != 0)
        alternative(overruled);
    std::sort(alternatives.begin(), alternatives.end());
    info.yearAlternatives = alternatives;
}

} // namespace dubao::parse
