// The annotation window tests' fixture: a library of the corpus built once, and for each test a window on a fresh
// copy of it (with a recording feedback) showing an article with enough paragraphs. Used by
// tst_annotationwindow (annotating) and tst_issuechangeswindow (replace, re-parse, delete, links).
#pragma once

#include "app/annotations/annotationcontroller.h"
#include "app/annotations/annotationdocument.h"
#include "app/annotations/annotationspanel.h"
#include "app/annotations/notebookview.h"
#include "app/annotations/notespanel.h"
#include "app/annotations/orphanspanel.h"
#include "app/annotations/tagdock.h"
#include "app/reader/readerview.h"
#include "app/shell/actionregistry.h"
#include "app/shell/librarysession.h"
#include "app/shell/mainwindow.h"
#include "core/ingest/issuereplacer.h"
#include "core/jobs/reparsejob.h"
#include "core/store/issuerepository.h"
#include "core/store/linkresolver.h"
#include "core/store/sql.h"
#include "tests/support/corpuslibrary.h"
#include "tests/support/recordingfeedback.h"

#include <QAbstractTextDocumentLayout>
#include <QAction>
#include <QFile>
#include <QListView>
#include <QMenu>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextLayout>
#include <QThread>
#include <QTreeView>
#include <QUndoStack>

namespace dubao::test {

class AnnotationWindowFixture
{
protected:
    void setUpLibrary()
    {
        QVERIFY(m_dir.isValid());
        test::isolate(m_dir);
        m_corpusLibrary = m_dir.filePath(QStringLiteral("corpus.sqlite"));
        const QString error = test::buildCorpusLibrary(m_corpusLibrary);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    void tearDownWindow()
    {
        m_window.reset();
        m_blocks.clear();
    }
    /// A window on a fresh copy of the corpus library, showing an article with at least `minBlocks` paragraphs.
    void openWindow(int minBlocks = 3);
    /// Selects [start, end) of the paragraph in the reader.
    void select(qint64 blockId, int start, int end);
    /// Every row of the annotation tables, as text (`withTaggingTimes` false leaves out the created_at of
    /// article/block taggings, which a redo sets anew).
    QStringList rows(bool withTaggingTimes = true);
    AnnotationController *annotations() { return m_window->annotations(); }
    AnnotationDocument &document() { return m_window->annotations()->document(); }

    QTemporaryDir m_dir;
    QString m_corpusLibrary;
    int m_copies = 0;
    std::unique_ptr<MainWindow> m_window;
    test::RecordingFeedback *m_feedback = nullptr; ///< the window's
    QList<qint64> m_blocks;                        ///< the shown article's paragraphs
};

inline void AnnotationWindowFixture::openWindow(int minBlocks)
{
    const QString path = m_dir.filePath(QStringLiteral("copy%1.sqlite").arg(++m_copies));
    QVERIFY(QFile::copy(m_corpusLibrary, path));
    m_window = std::make_unique<MainWindow>();
    auto feedback = std::make_unique<test::RecordingFeedback>();
    m_feedback = feedback.get();
    m_window->setFeedback(std::move(feedback));
    m_window->resize(1300, 850);
    const Result<void> opened = m_window->openLibrary(path);
    QVERIFY2(opened.ok(), qPrintable(opened.error().message()));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    // An article with enough paragraphs of enough text.
    for (const IssueSummary &issue : m_window->session()->issues().listIssues()) {
        for (const ArticleSummary &summary : issue.articles) {
            const auto article = m_window->session()->issues().article(summary.id);
            int long_ = 0;
            for (const Block &block : article->blocks)
                long_ += block.text.size() >= 30 ? 1 : 0;
            if (long_ >= minBlocks) {
                QVERIFY(m_window->showArticle(summary.id));
                for (const Block &block : article->blocks)
                    if (block.text.size() >= 30)
                        m_blocks << block.id;
                return;
            }
        }
    }
    QFAIL("no article with enough paragraphs in the corpus");
}
inline void AnnotationWindowFixture::select(qint64 blockId, int start, int end)
{
    ReaderView *reader = m_window->reader();
    const QTextBlock block = reader->textBlock(blockId);
    QVERIFY(block.isValid());
    QTextCursor cursor(reader->document());
    cursor.setPosition(block.position() + start);
    cursor.setPosition(block.position() + end, QTextCursor::KeepAnchor);
    reader->setTextCursor(cursor);
}
inline QStringList AnnotationWindowFixture::rows(bool withTaggingTimes)
{
    QStringList result;
    const QSqlDatabase db = m_window->session()->library().database();
    for (const char *table : {"tags", "article_tags", "block_tags", "highlights", "highlight_tags", "notes",
                              "note_tags", "notebooks", "notebook_entries"}) {
        QSqlQuery query(db);
        if (!query.exec(QStringLiteral("SELECT * FROM %1 ORDER BY 1, 2").arg(QLatin1String(table)))) {
            result << QStringLiteral("error in ") + QLatin1String(table);
            continue;
        }
        const bool tagging = QByteArray(table).endsWith("_tags");
        while (query.next()) {
            QStringList values{QLatin1String(table)};
            const QSqlRecord record = query.record();
            for (int i = 0; i < record.count(); ++i)
                if (withTaggingTimes || !tagging || record.fieldName(i) != QLatin1String("created_at"))
                    values << query.value(i).toString();
            result << values.join(QLatin1Char('|'));
        }
    }
    return result;
}

} // namespace dubao::test
