// Issues built by hand, for the store's tests (tst_library, tst_issuerepository): no file, no parser.
#pragma once

#include "core/model/issue.h"

#include <QDate>
#include <QString>

namespace dubao::test {

inline Block makeBlock(BlockKind kind, const QString &text, int line)
{
    Block block;
    block.kind = kind;
    block.text = text;
    block.raw = text + QStringLiteral("  ");
    block.firstLine = line;
    block.lastLine = line + 1;
    return block;
}

/// A hand-built issue with every feature the schema stores: kicker, subtitles, bylines with and without
/// reporters and date, an article without byline, every block kind.
inline ParsedIssue makeIssue(const QString &sha256, const QDate &date = QDate(2023, 6, 15), int month = 6, int day = 15,
                             bool inferred = false)
{
    ParsedIssue issue;
    issue.source.path = QStringLiteral("/nowhere/%1.txt").arg(sha256.left(8));
    issue.source.sha256 = sha256;
    issue.source.encoding = QStringLiteral("UTF-8");
    issue.issue.publication = QStringLiteral("渝西都市报");
    issue.issue.date = date;
    issue.issue.dateInferred = inferred;
    issue.issue.month = month;
    issue.issue.day = day;

    Article first;
    first.kicker = QStringLiteral("优化产业体系和产业布局");
    first.title = QStringLiteral("永川区委常委会召开会议");
    first.subtitles = {QStringLiteral("区委书记张智奎主持"), QStringLiteral("第二个副题")};
    first.byline = Byline{QStringLiteral("本报讯"),
                          {QStringLiteral("彭禹乔"), QStringLiteral("潘文峰")},
                          QStringLiteral("06-14"),
                          QStringLiteral("本报讯(渝西都市报记者 彭禹乔 潘 文峰)6月14日")};
    first.blocks = {makeBlock(BlockKind::Body, QStringLiteral("会议指出,实行垃圾分类。"), 5),
                    makeBlock(BlockKind::Heading, QStringLiteral("一、小标题"), 8),
                    makeBlock(BlockKind::Speaker, QStringLiteral("区委书记 张智奎"), 10),
                    makeBlock(BlockKind::Caption, QStringLiteral("图为会议现场。"), 12),
                    makeBlock(BlockKind::Note, QStringLiteral("(本报有删节)"), 14)};
    first.firstLine = 1;
    first.lastLine = 15;

    Article second;
    second.title = QStringLiteral("没有署名的文章");
    second.blocks = {makeBlock(BlockKind::Body, QStringLiteral("正文。"), 18)};
    second.firstLine = 17;
    second.lastLine = 19;

    Article third;
    third.title = QStringLiteral("评论员文章");
    third.byline = Byline{QStringLiteral("本报评论员"), {}, {}, QStringLiteral("本报评论员")};
    third.blocks = {makeBlock(BlockKind::Body, QStringLiteral("评论。"), 22),
                    makeBlock(BlockKind::Body, QStringLiteral("又一段。"), 24)};
    third.firstLine = 21;
    third.lastLine = 25;

    Article fourth; // shares a reporter with the first: one row in reporters
    fourth.title = QStringLiteral("第四篇");
    fourth.byline = Byline{QStringLiteral("本报讯"),
                           {QStringLiteral("彭禹乔")},
                           QStringLiteral("12-19"),
                           QStringLiteral("本报讯(记者 彭禹乔)12 月19日")};
    fourth.firstLine = 27;
    fourth.lastLine = 27;

    issue.articles = {first, second, third, fourth};
    return issue;
}

/// A made-up SHA-256 for a made-up file: 64 times `c`.
inline QString sha(char c)
{
    return QString(64, QLatin1Char(c));
}

} // namespace dubao::test
