#include "core/model/issuedate.h"

#include <QCoreApplication>
#include <QLocale>

namespace dubao {

QString monthDayText(int month, int day)
{
    if (month <= 0)
        return {};
    return QStringLiteral("%1-%2").arg(month, 2, 10, QLatin1Char('0')).arg(day, 2, 10, QLatin1Char('0'));
}

QString issueDateText(const QDate &date, int month, int day)
{
    if (date.isValid())
        return date.toString(Qt::ISODate);
    if (month > 0)
        return QStringLiteral("\?\?\?\?-") + monthDayText(month, day);
    return {};
}

QString issueDateDisplay(const IssueInfo &info, bool longDate)
{
    // The texts were the library tree's first: they keep its translation context.
    if (info.date.isValid())
        return longDate ? QLocale().toString(info.date, QLocale::LongFormat) : info.date.toString(Qt::ISODate);
    if (info.month > 0)
        return QCoreApplication::translate("dubao::LibraryTreeModel", "%1-%2, year unknown")
            .arg(info.month, 2, 10, QLatin1Char('0'))
            .arg(info.day, 2, 10, QLatin1Char('0'));
    return QCoreApplication::translate("dubao::LibraryTreeModel", "No date");
}

} // namespace dubao
