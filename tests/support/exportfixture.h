// A small library with annotations for the export tests (core and app): two issues of the sample text (the
// second re-dated and moved to another publication), hierarchical and hostile tags, highlights, notes (hostile,
// 100 kB), a tagged paragraph, a tagged article, and a notebook with free text.
#pragma once

#include "core/export/exportformat.h"
#include "core/ingest/importer.h"
#include "core/search/searchindex.h"
#include "core/store/annotationrepository.h"
#include "core/store/issuerepository.h"
#include "core/store/library.h"
#include "core/store/notebookrepository.h"
#include "core/store/tagrepository.h"
#include "tests/support/sampleissue.h"

#include <QBuffer>
#include <QDebug>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <memory>

namespace dubao::test {

/// `doc` written in `format` to memory (empty, with a warning, when the writer fails).
inline QByteArray writeToBytes(const QString &format, const ExportDocument &doc, const ExportOptions &options = {})
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const auto writer = createExportWriter(format);
    const Result<void> written = writer ? writer->write(doc, options, buffer) : Result<void>(Error());
    if (!written)
        qWarning() << "write failed" << written.error().message();
    return buffer.data();
}

inline QString hostileNote()
{
    return QStringLiteral("<script>alert('x')</script> \"quoted\", & =1+1\n-2\r\n@SUM(A1)\t"
                          "\u202Eevil\u202C \u200Fmark\u200E </li></ul><h1>x</h1>]]>");
}
inline QString formulaNote()
{
    return QStringLiteral("=HYPERLINK(\"http://evil.example\",\"click\")");
}
inline QString bigNote()
{
    return QString(100 * 1024, QChar(u'长')) + QStringLiteral("<b>end</b>");
}
/// Tag names that try quoting, markup and formula injection (a tag name may not contain '/' or controls).
inline QStringList hostileTagNames()
{
    return {QStringLiteral("\"引号\" & <b>粗"),
            QStringLiteral("=cmd|' calc'!A0"),
            QStringLiteral("+1"),
            QStringLiteral("-1"),
            QStringLiteral("@x"),
            QStringLiteral("\u202Eevil\u202C")};
}

struct ExportFixture
{
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<Library> library;
    /// Where the library lives when not in `dir`: a team library's address (tests/support/engines.h).
    QString location;
    qint64 issue1 = 0, issue2 = 0;
    StoredIssue stored1, stored2;
    qint64 farming = 0, spring = 0, wetland = 0; // 农业, 农业/春耕, 湿地
    QList<qint64> hostileTags;
    qint64 h1 = 0, h2 = 0, h3 = 0, n1 = 0, n2 = 0, n3 = 0;
    qint64 taggedBlock = 0, taggedArticle = 0;
    qint64 notebook = 0;

    QString path() const { return location.isEmpty() ? dir->filePath(QStringLiteral("lib.sqlite")) : location; }
    qint64 block(const StoredIssue &issue, int article, int block) const
    {
        return issue.parsed.articles.at(article).blocks.at(block).id;
    }

    /// Builds it all; false with `error` when anything fails.
    bool setUp(QString *error) { return setUpIssues(error) && setUpAnnotations(error); }

    /// Only the library with its two issues (dated, indexed), without annotations.
    bool setUpIssues(QString *error)
    {
        auto fail = [&](const QString &what) {
            *error = what;
            return false;
        };
        auto done = [&](const Result<void> &result) {
            if (!result)
                *error = result.error().message();
            return result.ok();
        };
        dir = std::make_unique<QTemporaryDir>();
        library = std::make_unique<Library>();
        if (!done(library->open(path())))
            return false;
        QFile sample(sampleIssuePath());
        if (!sample.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("no sample issue"));
        const QByteArray text = sample.readAll();
        const QString file1 = dir->filePath(QStringLiteral("one.txt")),
                      file2 = dir->filePath(QStringLiteral("two.txt"));
        for (const auto &[name, bytes] : {std::pair{file1, text}, std::pair{file2, QByteArray(text + "\n\n")}}) {
            QFile f(name);
            if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size())
                return fail(QStringLiteral("cannot write ") + name);
        }
        const ImportReport report = Importer(*library).importPaths({file1, file2});
        if (report.imported.size() != 2)
            return fail(QStringLiteral("import failed"));
        IssueRepository issues(*library);
        issue1 = report.imported.at(0).issueId;
        issue2 = report.imported.at(1).issueId;
        IssueInfo info2;
        info2.publication = QStringLiteral("山城晚报");
        info2.date = QDate(2023, 1, 10);
        info2.month = 1;
        info2.day = 10;
        info2.dateInferred = true; // as for every issue of the corpus: citations must flag it
        IssueInfo info1;
        info1.publication = QStringLiteral("滨江日报");
        info1.date = QDate(2024, 3, 5);
        info1.month = 3;
        info1.day = 5;
        if (!done(issues.updateIssueInfo(issue1, info1)) || !done(issues.updateIssueInfo(issue2, info2)))
            return false;
        stored1 = *issues.issue(issue1);
        stored2 = *issues.issue(issue2);
        return !SearchIndex::needsRebuild(*library) || done(SearchIndex::rebuild(*library));
    }

    /// The tags, highlights, notes, tagged paragraph and article and the notebook, on the issues.
    bool setUpAnnotations(QString *error)
    {
        auto fail = [&](const QString &what) {
            *error = what;
            return false;
        };
        // The value of a result, or a default one with `error` set.
        auto take = [&](const auto &result) {
            using Value = std::decay_t<decltype(*result)>;
            if (!result) {
                *error = result.error().message();
                return Value{};
            }
            return *result;
        };

        TagRepository tags(*library);
        farming = take(tags.create(QStringLiteral("农业"))).id;
        spring = take(tags.create(QStringLiteral("春耕"), farming)).id;
        wetland = take(tags.create(QStringLiteral("湿地"))).id;
        if (!farming || !spring || !wetland)
            return false;
        for (const QString &name : hostileTagNames()) {
            const auto t = tags.create(name);
            if (!t)
                return fail(t.error().message());
            hostileTags.append(t->id);
        }
        AnnotationRepository annotations(*library);
        h1 = take(annotations.addHighlight(block(stored1, 0, 0), 0, 10, {spring}));
        h2 = take(annotations.addHighlight(block(stored1, 0, 1), 3, 20, QList<qint64>{farming} + hostileTags));
        h3 = take(annotations.addHighlight(block(stored2, 0, 0), 0, 5, {farming, wetland}));
        if (!h1 || !h2 || !h3)
            return false;
        n1 = take(annotations.addNote(0, h2, hostileNote()));
        n2 = take(annotations.addNote(0, h2, bigNote()));
        n3 = take(annotations.addNote(block(stored1, 0, 2), 0, formulaNote()));
        if (!n1 || !n2 || !n3)
            return false;
        taggedBlock = block(stored1, 1, 0);
        taggedArticle = stored1.parsed.articles.at(2).id;
        if (!take(tags.addTagging(TagTarget::Block, wetland, taggedBlock)) ||
            !take(tags.addTagging(TagTarget::Article, farming, taggedArticle)))
            return false;
        NotebookRepository notebooks(*library);
        notebook = take(notebooks.create(QStringLiteral("读书笔记")));
        if (!notebook || !take(notebooks.addText(notebook, QStringLiteral("开头 <i>引言</i>"))) ||
            !take(notebooks.addHighlight(notebook, h2)) || !take(notebooks.addNote(notebook, n3)) ||
            !take(notebooks.addText(notebook, QStringLiteral("=结尾\n第二行"))))
            return false;
        return true;
    }
};

} // namespace dubao::test
