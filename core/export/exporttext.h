// What the writers share: escaping for each format, the texts every document format says the same way, a buffered
// UTF-8 sink that reports write errors and progress, and the grouping of excerpts by tag or date. Internal to the
// writers (core/export, app/render).
#pragma once

#include "core/export/exportdocument.h"
#include "core/model/article.h"
#include "core/model/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

class QIODevice;

namespace dubao::exporttext {

/// & < > " ' escaped for HTML/XML text and double- or single-quoted attributes.
QString escapeHtml(const QString &text);
/// Markdown inline text that renders as exactly `text`: ASCII punctuation with a meaning escaped with a
/// backslash (so "<script>" is text, not HTML), newlines kept as hard line breaks.
QString escapeMarkdown(const QString &text);
/// A CSV cell neutralised against formula injection (a cell starting with = + - @ tab or CR gets a leading
/// apostrophe) and quoted per RFC 4180 (always quoted; " doubled).
QString csvCell(const QString &text);
/// RIS values are one line: CR/LF and other control characters become spaces.
QString risValue(const QString &text);

/// The line under a document's title: "6 excerpt(s) · <selection> · exported 2023-06-14T08:00:00.000Z" (no count
/// for a notebook). Every format that has a title writes this.
QString aboutLine(const ExportDocument &document);
/// The excerpt's article title, or "(untitled article)".
QString articleTitle(const Excerpt &excerpt);
/// What an orphan says under it: its paragraph is no longer in the library.
QString orphanNotice();
/// The line under an excerpt's title: "publication · 2023-06-14 · 记者 A、B".
QString sourceLine(const Excerpt &excerpt);
/// Who made the excerpt ("excerpt by rita", "…, changed by sam"), part of sourceLine(); empty when unknown.
QString authorLine(const Excerpt &excerpt);
/// Who wrote a note of the excerpt ("note by bo", "note by bo, changed by sam"), written under it; empty when
/// unknown, and for the note that is the excerpt itself (authorLine() names its author).
QString noteAuthorLine(const Excerpt &excerpt, const ExportNote &note);
/// The page an excerpt's article is on, as a citation gives it: "p. 3", "p. 3 (要闻)" (第3版 in Chinese); empty when
/// the issue file names no page.
QString pageLabel(const Excerpt &excerpt);
/// A citation any reader can follow to the paper: "Cited from: publication, 2023-06-14, p. 3, “headline”,
/// paragraph 3" (the page when the file names it; no paragraph for a whole article); empty for free text and an orphan
/// without a remembered source. The documents write it in place of the private dubao:// link, which they add only with
/// ExportOptions::withLinks.
QString citation(const Excerpt &excerpt);

/// A section of a grouped document: its heading and the excerpts under it (indices into the document).
struct Group
{
    QString heading; ///< empty for the single group of an ungrouped document
    QList<qsizetype> excerpts;
};
/// Groups in display order: by tag (tag order; excerpts without tags last; an excerpt under each of its tags),
/// by date (oldest first, undated last), or one group holding everything in document order.
QList<Group> groupExcerpts(const ExportDocument &document, ExportOptions::Grouping grouping);
/// Goes through the groups of groupExcerpts(): `heading` for each group that has one, then `excerpt` for each of its
/// excerpts, reporting progress after each (an excerpt under two tags counts twice). An error when `progress`
/// cancelled.
Result<void> forEachGrouped(const ExportDocument &document, ExportOptions::Grouping grouping,
                            const ExportProgress &progress, const std::function<void(const QString &heading)> &heading,
                            const std::function<void(const Excerpt &excerpt)> &excerpt);

/// An article behind some excerpts, for the citation formats.
struct CitedArticle
{
    QString id; ///< "dubao-article-<UUID>" (<ID> without a uid), or for an orphan "dubao-orphan-<n>"
    const Excerpt *source = nullptr; ///< the first excerpt: title, publication, date, reporters, article id
    QList<qsizetype> excerpts;       ///< indices into the document, in document order
};
/// One entry per article (orphans of one remembered title/publication/date share one), in order of first
/// appearance; free-text entries skipped.
QList<CitedArticle> citedArticles(const ExportDocument &document);
/// An excerpt as a note for a reference manager: the quote in 「」, then its notes, then its dubao: link.
QString excerptAsNote(const Excerpt &excerpt);
/// The tags of an article's excerpts, each once, in the order they first appear.
QStringList articleTags(const ExportDocument &document, const CitedArticle &article);
/// Text XML 1.0 can hold: C0 controls (but tab and line feed) become spaces, CR is dropped, U+FFFE/U+FFFF and lone
/// surrogates become U+FFFD.
QString xmlSafe(const QString &text);
/// `colour` when it is "#RRGGBB" (safe in a style attribute), otherwise empty.
QString safeColour(const QString &colour);
/// "#000000" or "#FFFFFF", whichever reads better on the "#RRGGBB" `background`.
QString textColourOn(const QString &background);
/// "Issue date 2024-03-05: the year is inferred from the text, not printed in the issue."
QString inferredDateNote(const QDate &date, const QList<int> &alternatives = {});
/// The issue date as the source lines give it: ISO, and "(year inferred)" or "(year uncertain: also 2022)".
QString flaggedDate(const Excerpt &excerpt);

/// Collects text and writes it to a device as UTF-8 in large chunks; remembers the first write error.
class Utf8Sink
{
public:
    explicit Utf8Sink(QIODevice &device);
    Utf8Sink &operator<<(const QString &text);
    Utf8Sink &operator<<(QLatin1StringView text);
    Utf8Sink &operator<<(char16_t c);
    void writeBytes(const QByteArray &bytes);
    /// Writes what is buffered; an error if any write failed.
    Result<void> finish();
    bool ok() const { return m_ok; }

private:
    void flush();
    void flushIfFull();
    QIODevice &m_device;
    QString m_buffer;
    bool m_ok = true;
    QString m_error;
};

/// Calls `progress` every 256 excerpts and at the end; an error when the user cancelled.
Result<void> reportProgress(const ExportProgress &progress, qsizetype done, qsizetype total);

} // namespace dubao::exporttext
