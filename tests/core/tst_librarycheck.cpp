// LibraryCheck (core/ingest/librarycheck.h): a healthy library passes; each kind of damage is found and
// described; repair rebuilds the search index and turns annotations that lost their anchor into orphans, deleting
// nothing. `dubao-cli check [--repair] [--json]`: tests/cli/tst_cli_maintenance.cpp.
#include "core/ingest/importer.h"
#include "core/ingest/librarycheck.h"
#include "core/store/annotationrepository.h"
#include "core/store/library.h"
#include "core/store/tagrepository.h"
#include "tests/support/scalar.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace dubao;
using namespace Qt::StringLiterals;
using dubao::test::scalar;

namespace {

bool has(const CheckReport &report, const QString &code)
{
    return std::any_of(report.problems.cbegin(), report.problems.cend(),
                       [&](const CheckProblem &p) { return p.code == code; });
}

} // namespace

class TestLibraryCheck : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void healthyLibrary_passes();
    void cancelled_reportsNothing();
    void movedQuote_reported_repairMakesOrphanKeepsIt();
    void damagedSearchIndex_reported_repairRebuilds();
    void tagCycle_reported_notRepairable();
    void strayBlock_reported();
    void quick_readsWhatCannotBeRebuilt_saysWhatItLeftOut();
    void full_readsEverything_progressToTheEnd();

private:
    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_path;
    Library m_library;
    qint64 m_highlight = 0;
    qint64 m_note = 0;
};

void TestLibraryCheck::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    m_path = m_tmp->filePath(u"library.sqlite"_s);
    QVERIFY(m_library.open(m_path));
    QVERIFY(Importer(m_library).importPaths({QStringLiteral(DUBAO_CORPUS_DIR)}).allOk());
    const qint64 block = scalar(m_library, u"SELECT min(id) FROM blocks WHERE length(text) > 20"_s);
    const auto highlight = AnnotationRepository(m_library).addHighlight(block, 2, 10);
    m_highlight = highlight.valueOr(0);
    QVERIFY2(m_highlight > 0, qPrintable(highlight.error().message()));
    const auto note = AnnotationRepository(m_library).addNote(block, m_highlight, u"一条笔记"_s);
    m_note = note.valueOr(0);
    QVERIFY2(m_note > 0, qPrintable(note.error().message()));
}

void TestLibraryCheck::cleanup()
{
    m_library.close();
    m_tmp.reset();
}

void TestLibraryCheck::healthyLibrary_passes()
{
    const CheckReport report = LibraryCheck::check(m_library);
    for (const CheckProblem &p : report.problems)
        qWarning() << p.code << p.message;
    QVERIFY(report.healthy());
}

void TestLibraryCheck::cancelled_reportsNothing()
{
    // Set before the first statement: SQLite interrupts it, and a report of interrupted statements would be
    // nonsense, so it is empty and marked cancelled (not healthy).
    const std::atomic_bool cancel{true};
    const CheckReport report = LibraryCheck::check(m_library, &cancel);
    QVERIFY(report.cancelled);
    QVERIFY(!report.healthy());
    QVERIFY(report.problems.isEmpty());
    // The connection works normally afterwards.
    QVERIFY(LibraryCheck::check(m_library).healthy());
}

void TestLibraryCheck::movedQuote_reported_repairMakesOrphanKeepsIt()
{
    QSqlQuery q(m_library.database());
    QVERIFY(q.exec(u"UPDATE highlights SET quote = 'not the text' WHERE id = %1"_s.arg(m_highlight)));
    CheckReport report = LibraryCheck::check(m_library);
    QVERIFY(has(report, u"anchor"_s));
    const CheckProblem p = report.problems.front();
    QVERIFY(p.message.contains(QString::number(m_highlight)));
    QVERIFY(p.repairable);
    QVERIFY(p.repair.contains(u"--repair"_s));

    report = LibraryCheck::repair(m_library);
    QVERIFY(report.healthy());
    QVERIFY(!report.repaired.isEmpty());
    const auto h = AnnotationRepository(m_library).highlight(m_highlight);
    QVERIFY(h);
    QVERIFY(h->orphan || h->blockId == 0);
    QCOMPARE(h->anchor.quote, u"not the text"_s);
    const auto n = AnnotationRepository(m_library).note(m_note);
    QVERIFY(n);
    QCOMPARE(n->text, u"一条笔记"_s);
    QCOMPARE(AnnotationRepository(m_library).orphans().size() >= 1, true);
}

void TestLibraryCheck::damagedSearchIndex_reported_repairRebuilds()
{
    QSqlQuery q(m_library.database());
    QVERIFY(q.exec(u"DELETE FROM search_block_keys WHERE block_id IN (SELECT id FROM blocks LIMIT 5)"_s));
    CheckReport report = LibraryCheck::check(m_library);
    QVERIFY(has(report, u"search-index"_s));
    report = LibraryCheck::repair(m_library);
    QVERIFY2(report.healthy(), qPrintable(report.problems.value(0).message));
    QVERIFY(report.repaired.join(u' ').contains(u"search index"_s));
}

void TestLibraryCheck::tagCycle_reported_notRepairable()
{
    TagRepository tags(m_library);
    const auto a = tags.create(u"甲"_s);
    QVERIFY(a);
    const auto b = tags.create(u"乙"_s, a->id);
    QVERIFY(b);
    QSqlQuery q(m_library.database());
    QVERIFY(q.exec(u"UPDATE tags SET parent_id = %1 WHERE id = %2"_s.arg(b->id).arg(a->id)));
    const CheckReport report = LibraryCheck::repair(m_library);
    QVERIFY(has(report, u"tags"_s));
    QCOMPARE(scalar(m_library, u"SELECT count(*) FROM tags"_s), 2); // nothing deleted
}

void TestLibraryCheck::strayBlock_reported()
{
    QSqlQuery q(m_library.database());
    QVERIFY(q.exec(u"PRAGMA foreign_keys = OFF"_s));
    QVERIFY(q.exec(u"UPDATE blocks SET article_id = 999999 WHERE id = (SELECT max(id) FROM blocks)"_s));
    QVERIFY(q.exec(u"PRAGMA foreign_keys = ON"_s));
    // The quick check finds it by the structure probe; the full one by the foreign keys of every table as well.
    const CheckReport report = LibraryCheck::check(m_library);
    QVERIFY(has(report, u"structure"_s));
    QVERIFY(!has(report, u"foreign-key"_s));
    for (const CheckProblem &p : report.problems)
        QVERIFY(!p.repair.isEmpty());
    const CheckReport full = LibraryCheck::check(m_library, nullptr, true);
    QVERIFY(has(full, u"structure"_s));
    QVERIFY(has(full, u"foreign-key"_s));
}

void TestLibraryCheck::quick_readsWhatCannotBeRebuilt_saysWhatItLeftOut()
{
    QStringList steps;
    int last = -1;
    CheckOptions options;
    options.progress = [&](int done, int total, const QString &step) {
        QVERIFY(done > last && done <= total);
        last = done;
        if (done == total)
            QVERIFY(step.isEmpty());
        else
            steps << step;
    };
    const CheckReport report = LibraryCheck::check(m_library, options);
    QVERIFY(report.healthy());
    QVERIFY(!report.full);
    QCOMPARE(last, int(steps.size()));
    // Page by page: the original bytes, the issues and the user's work; not the parse nor the indexes.
    for (const QString &table : {u"source_contents"_s, u"issues"_s, u"highlights"_s, u"notes"_s, u"tags"_s,
                                 u"notebook_entries"_s, u"person_edits"_s})
        QVERIFY2(steps.contains(table), qPrintable(steps.join(u", "_s)));
    for (const QString &table : {u"blocks"_s, u"articles"_s, u"search_blocks_data"_s, u"persons"_s})
        QVERIFY2(!steps.contains(table), qPrintable(table));
    QVERIFY(report.scope.contains(u"--full"_s));
    QVERIFY(report.scope.contains(u"search"_s));
}

void TestLibraryCheck::full_readsEverything_progressToTheEnd()
{
    QStringList steps;
    int total = 0;
    CheckOptions options;
    options.full = true;
    options.progress = [&](int done, int all, const QString &step) {
        total = all;
        if (done < all)
            steps << step;
    };
    const CheckReport report = LibraryCheck::check(m_library, options);
    QVERIFY(report.healthy());
    QVERIFY(report.full);
    QCOMPARE(int(steps.size()), total);
    QVERIFY(steps.contains(u"every page of the file"_s));
    QVERIFY(steps.contains(u"the search index (search_blocks)"_s));
    QVERIFY(!steps.contains(u"source_contents"_s)); // read with every page, not on its own
    QVERIFY(report.scope.startsWith(u"Full check"_s));
}

QTEST_GUILESS_MAIN(TestLibraryCheck)
#include "tst_librarycheck.moc"
