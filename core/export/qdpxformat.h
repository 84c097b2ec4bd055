// What the REFI-QDA project exchange writer and reader share (qdpxwriter.cpp, qdpximporter.cpp): the article text
// a text source holds, code-point offsets, and how a selection says what kind of Dubao annotation it was.
#pragma once

#include <QString>
#include <QStringList>
#include <QUuid>

namespace dubao::qdpx {

inline const QString kNamespace = QStringLiteral("urn:QDA-XML:project:1.0");

/// A text source's plain text: the article's paragraphs separated by a blank line (UTF-8, LF).
inline QString articleText(const QStringList &paragraphs)
{
    return paragraphs.join(QStringLiteral("\n\n"));
}

/// The code-point offset of UTF-16 offset `utf16` in `text` (REFI-QDA counts characters, not UTF-16 units).
inline qsizetype codePoints(const QString &text, qsizetype utf16)
{
    qsizetype n = 0;
    for (qsizetype i = 0; i < utf16 && i < text.size(); ++i) {
        if (!text.at(i).isLowSurrogate())
            ++n;
    }
    return n;
}

/// The UTF-16 offset of code point `points` in `text`; -1 past the end.
inline qsizetype utf16Offset(const QString &text, qsizetype points)
{
    qsizetype i = 0;
    for (qsizetype n = 0; n < points; ++n) {
        if (i >= text.size())
            return -1;
        i += text.at(i).isHighSurrogate() && i + 1 < text.size() ? 2 : 1;
    }
    return i;
}

/// A name-based GUID: the same key gives the same GUID in every export.
inline QUuid guidOf(const QString &key)
{
    static const QUuid ns(QStringLiteral("{0b7e7b52-5d2a-4a49-8f0e-6a3f0a9d2c11}"));
    return QUuid::createUuidV5(ns, key);
}

/// guidOf() as the file writes it.
inline QString guid(const QString &key)
{
    return guidOf(key).toString(QUuid::WithoutBraces);
}

/// A selection's Description says which Dubao annotation it was, so Dubao reads it back as the same kind
/// (another tool's selections are highlights).
inline const QString kHighlight = QStringLiteral("dubao:highlight");
inline const QString kParagraph = QStringLiteral("dubao:paragraph");
inline const QString kArticle = QStringLiteral("dubao:article");
inline const QString kNote = QStringLiteral("dubao:note");

} // namespace dubao::qdpx
