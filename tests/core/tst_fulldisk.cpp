// A full disk (simulated with PRAGMA max_page_count on the importer's own connection) and a read-only library
// file: a clear error per file, nothing partial, the library stays valid and usable; a read-only file opens
// read-only, reads work, writes fail with a clear message (through dubao-cli: tests/cli/tst_cli_maintenance.cpp).
#include "core/ingest/importer.h"
#include "core/ingest/librarycheck.h"
#include "core/parse/issuefile.h"
#include "core/store/library.h"
#include "core/store/tagrepository.h"
#include "tests/support/corpus.h"
#include "tests/support/scalar.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace dubao;
using namespace Qt::StringLiterals;
using dubao::test::scalar;

namespace {

/// Every issue has as many articles as its file parses into.
bool issuesWhole(Library &library)
{
    QSqlQuery q(library.database());
    q.exec(u"SELECT s.path, (SELECT count(*) FROM articles a WHERE a.issue_id = i.id) FROM issues i "
           "JOIN source_files s ON s.id = i.source_file_id"_s);
    while (q.next()) {
        const IssueFileResult parsed = parseIssueFile(q.value(0).toString());
        if (!parsed.ok || parsed.issue.articles.size() != q.value(1).toInt()) {
            qWarning() << "partial issue from" << q.value(0).toString();
            return false;
        }
    }
    return true;
}

} // namespace

class TestFullDisk : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fullDuringImport_clearErrorsNothingPartial_usableAfter();
    void readOnlyFile_opensReadOnly_readsWork_writesFailClearly();

private:
    QTemporaryDir m_tmp;
    QString m_files;
    int m_fileCount = 0;
};

void TestFullDisk::initTestCase()
{
    m_files = m_tmp.filePath(u"issues"_s);
    m_fileCount = int(test::writeCorpusCopies(m_files, 6).size());
    QCOMPARE(m_fileCount, 6 * test::corpusFileCount());
}

void TestFullDisk::fullDuringImport_clearErrorsNothingPartial_usableAfter()
{
    const QString path = m_tmp.filePath(u"full.sqlite"_s);
    Library library;
    QVERIFY(library.open(path));
    // Room for the empty library and a little more: the disk fills up a few files into the import.
    const qint64 pages = scalar(library, u"PRAGMA page_count"_s);
    QVERIFY(pages > 0);
    QSqlQuery q(library.database());
    QVERIFY(q.exec(u"PRAGMA max_page_count = %1"_s.arg(pages + 150)));

    ImportReport report = Importer(library).importPaths({m_files});
    qInfo("with the disk full: %lld imported, %lld failed", qint64(report.imported.size()),
          qint64(report.failed.size()));
    QVERIFY(!report.failed.isEmpty());
    qInfo() << "the error:" << report.failed.front().reason;
    for (const auto &f : std::as_const(report.failed)) {
        QVERIFY2(f.reason.contains(u"full"_s, Qt::CaseInsensitive), qPrintable(f.reason));
        QVERIFY(!f.reason.contains(u'\n'));
    }
    QCOMPARE(scalar(library, u"SELECT count(*) FROM issues"_s), qint64(report.imported.size()));
    QVERIFY(issuesWhole(library));
    QVERIFY(LibraryCheck::check(library).healthy());
    // Still usable for small writes that fit, and reads.
    QVERIFY(scalar(library, u"SELECT count(*) FROM blocks"_s) >= 0);

    // Space again: the rest imports, the library is whole and healthy.
    QVERIFY(q.exec(u"PRAGMA max_page_count = 1073741823"_s));
    report = Importer(library).importPaths({m_files});
    QVERIFY(report.allOk());
    QCOMPARE(scalar(library, u"SELECT count(*) FROM issues"_s), qint64(m_fileCount));
    QVERIFY(issuesWhole(library));
    const CheckReport after = LibraryCheck::repair(library);
    QVERIFY(after.healthy());
    library.close();
    QVERIFY(library.open(path));
    QCOMPARE(scalar(library, u"SELECT count(*) FROM issues"_s), qint64(m_fileCount));
}

void TestFullDisk::readOnlyFile_opensReadOnly_readsWork_writesFailClearly()
{
    const QString path = m_tmp.filePath(u"ro.sqlite"_s);
    {
        Library library;
        QVERIFY(library.open(path));
        QVERIFY(Importer(library).importPaths({QStringLiteral(DUBAO_CORPUS_DIR)}).allOk());
    }
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    Library library;
    const Result<void> opened = library.open(path);
    QVERIFY2(opened, qPrintable(opened.error().message()));
    QVERIFY(library.isReadOnly());
    QVERIFY(scalar(library, u"SELECT count(*) FROM issues"_s) > 0);
    const auto refused = TagRepository(library).create(u"新标签"_s);
    QVERIFY(!refused);
    QVERIFY(!refused.error().message().isEmpty());
    const ImportReport report = Importer(library).importPaths({m_files});
    QVERIFY(!report.failed.isEmpty());
    QVERIFY2(report.failed.front().reason.contains(u"read-only"_s), qPrintable(report.failed.front().reason));
    QVERIFY(LibraryCheck::check(library).healthy());
    library.close();
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

QTEST_GUILESS_MAIN(TestFullDisk)
#include "tst_fulldisk.moc"
