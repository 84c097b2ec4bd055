// Rule "page-header": the line a paper prints at the top of a page, or an OCR puts between the pages' articles,
// naming the page (版次) and often its name: 第3版, 第03版, A3版, 3版, 第三版, 第2版：要闻, 第4版 综合新闻.
#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace dubao::parse {

struct PageHeader
{
    QString page; ///< the number as printed, without 第 and 版 ("3", "03", "A3", "三")
    QString name; ///< the page's name, or empty
};

/// The page a line names when the whole line is a page header (Traditional folded, OCR spaces allowed); nullopt
/// for any other line, such as a masthead that counts the pages (今日16版) or text that mentions a page.
std::optional<PageHeader> parsePageHeader(QStringView line);

} // namespace dubao::parse
