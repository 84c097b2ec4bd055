// Hostile strings, shared by the core's tst_hostile and tst_cli_hostile: what a user could type or import into a
// tag name, a note, a notebook or a search — spaces, quotes, newlines, RTL marks, control characters (no NUL), SQL
// and FTS syntax, characters outside the BMP, format strings, markup and 100 kB.
#pragma once

#include <QChar>
#include <QString>
#include <QStringList>

namespace dubao::test {

/// With `cliSafe`, the 100 kB string is ASCII, which one command-line argument can hold.
inline QStringList hostileStrings(bool cliSafe)
{
    using namespace Qt::StringLiterals;
    QString controls;
    for (char16_t c = 1; c < 32; ++c)
        controls += QChar(c);
    controls += QChar(0x7F);
    QStringList list{
        u"with spaces  and   runs"_s,
        u"  leading and trailing  "_s,
        u"\"double\" 'single' `back`"_s,
        u"line one\nline two\r\nline three\r"_s,
        u"tab\there"_s,
        u"\u200F\u05E9\u05DC\u05D5\u05DD\u200E mixed \u202Eright-to-left override\u202C"_s,
        u"zero\u200Bwidth\uFEFFjoiner\u200D"_s,
        controls,
        u"'); DROP TABLE notes; --"_s,
        u"\" OR 1=1 --"_s,
        u"NEAR(\"a\" b) AND OR NOT * ^ : ( ) { } -"_s,
        u"\"unclosed"_s,
        u"𠀀𠀁 emoji 😀👍🏽 e\u0301 ＡＢＣ"_s,
        u"%s %n %x {0} $(rm -rf /) ${HOME} \\ \\\\"_s,
        u"<script>alert(1)</script> &amp; &#0;"_s,
        u"中文 笔记 「引号」《书名》"_s,
    };
    // 100 kB: ASCII through the command line (one argument may not exceed 128 KiB), Chinese otherwise.
    list << (cliSafe ? QString(100 * 1024, u'x') : QString(100 * 1024 / 3, u'字'));
    return list;
}

} // namespace dubao::test
