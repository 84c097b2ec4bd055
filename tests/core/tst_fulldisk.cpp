// A full disk (simulated with PRAGMA max_page_count on the importer's own connection) and a read-only library
// file: a clear error per file, nothing partial, the library stays valid and usable; a read-only file opens
// read-only, reads work, writes fail with a clear message (also through dubao-cli).
#include "core/ingest/importer.h"
#include "core/ingest/librarycheck.h"
#include "core/parse/issuefile.h"
#include "core/store/library.h"
#include "core/store/tagrepository.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace dubao;
using namespace Qt::StringLiterals;

namespace {

qint64 scalar(Library &library, const QString &sql)
{
    QSqlQuery q(library.database());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

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
    void readOnlyFile_cli();

private:
    QTemporaryDir m_tmp;
    QString m_files;
    int m_fileCount = 0;
};

void TestFullDisk::initTestCase()
{
    m_files = m_tmp.filePath(u"issues"_s);
    QVERIFY(QDir().mkpath(m_files));
    const QFileInfoList corpus =
        QDir(QStringLiteral(DUBAO_CORPUS_DIR)).entryInfoList({u"*.txt"_s}, QDir::Files, QDir::Name);
    for (const QFileInfo &f : corpus) {
        QFile in(f.absoluteFilePath());
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QByteArray bytes = in.readAll();
        for (int k = 0; k < 6; ++k) {
            QFile out(QDir(m_files).filePath(u"%1-%2"_s.arg(k).arg(f.fileName())));
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(bytes + QByteArray(k + 1, '\n'));
            ++m_fileCount;
        }
    }
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

void TestFullDisk::readOnlyFile_cli()
{
    const QString path = m_tmp.filePath(u"ro cli.sqlite"_s);
    auto cli = [&](const QStringList &args, QString *out = nullptr, QString *err = nullptr) {
        QProcess p;
        p.start(QStringLiteral(DUBAO_CLI_PATH), args + QStringList{u"--library"_s, path});
        p.waitForFinished(60000);
        if (out)
            *out = QString::fromUtf8(p.readAllStandardOutput());
        if (err)
            *err = QString::fromUtf8(p.readAllStandardError());
        return p.exitCode();
    };
    QCOMPARE(cli({u"import"_s, QStringLiteral(DUBAO_CORPUS_DIR)}), 0);
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    QString out, err;
    QCOMPARE(cli({u"tag"_s, u"add"_s, u"x"_s}, &out, &err), 1);
    QVERIFY2(err.contains(u"read-only"_s), qPrintable(err));
    QCOMPARE(cli({u"note"_s, u"add"_s, u"--block"_s, u"1"_s, u"--text"_s, u"x"_s}, &out, &err), 1);
    QVERIFY2(err.contains(u"read-only"_s), qPrintable(err));
    QCOMPARE(cli({u"import"_s, m_files}, &out, &err), 1);
    QVERIFY(err.contains(u"read-only"_s));
    QCOMPARE(cli({u"list"_s}, &out), 0);
    QVERIFY(out.contains(u"issue"_s));
    QCOMPARE(cli({u"tag"_s, u"list"_s}, &out), 0);
    QCOMPARE(cli({u"check"_s}, &out), 0);
    QCOMPARE(cli({u"check"_s, u"--repair"_s}, &out, &err), 1);
    QVERIFY(err.contains(u"read-only"_s));
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

QTEST_GUILESS_MAIN(TestFullDisk)
#include "tst_fulldisk.moc"
