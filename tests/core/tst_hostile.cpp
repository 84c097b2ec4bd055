// Hostile strings everywhere a user can type or import text: tag names, notes, notebook names and entries,
// search queries and file names with spaces, quotes, newlines, RTL marks, control characters (no NUL),
// SQL and FTS syntax, characters outside the BMP and 100 kB strings. Each either round-trips exactly or is
// refused with a clear error; the database stays healthy and searches keep working. Through the repositories
// (through dubao-cli: tests/cli/tst_cli_hostile.cpp).
#include "core/ingest/importer.h"
#include "core/ingest/librarycheck.h"
#include "core/search/searchservice.h"
#include "core/store/annotationrepository.h"
#include "core/store/library.h"
#include "core/store/notebookrepository.h"
#include "core/store/tagrepository.h"
#include "tests/support/hostilestrings.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace dubao;
using namespace Qt::StringLiterals;
using dubao::test::hostileStrings;

namespace {

bool healthy(Library &library)
{
    const CheckReport report = LibraryCheck::check(library);
    for (const CheckProblem &p : report.problems)
        qWarning() << p.message;
    return report.healthy();
}

qint64 firstBlock(Library &library)
{
    QSqlQuery q(library.database());
    q.exec(u"SELECT min(id) FROM blocks WHERE length(text) > 10"_s);
    return q.next() ? q.value(0).toLongLong() : 0;
}

} // namespace

class TestHostile : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void notes_roundTrip_andSearchable();
    void tags_roundTripOrRefused();
    void notebooks_roundTripOrRefused();
    void search_neverBreaks();
    void fileNames_import();

private:
    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_path;
    Library m_library;
};

void TestHostile::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    m_path = m_tmp->filePath(u"lib.sqlite"_s);
    QVERIFY(m_library.open(m_path));
    QVERIFY(Importer(m_library).importPaths({QStringLiteral(DUBAO_CORPUS_DIR)}).allOk());
}

void TestHostile::cleanup()
{
    m_library.close();
    m_tmp.reset();
}

void TestHostile::notes_roundTrip_andSearchable()
{
    AnnotationRepository repo(m_library);
    const qint64 block = firstBlock(m_library);
    for (const QString &s : hostileStrings(false)) {
        const auto added = repo.addNote(block, 0, s);
        const qint64 id = added.valueOr(0);
        if (id <= 0) {
            QVERIFY2(!added.error().message().isEmpty(), "a refusal says why");
            continue;
        }
        const auto note = repo.note(id);
        QVERIFY(note);
        QCOMPARE(note->text, s);
        QVERIFY(repo.editNote(id, s + u"!"_s));
        QCOMPARE(repo.note(id)->text, s + u"!"_s);
    }
    QVERIFY(healthy(m_library));
    const SearchResult r = SearchService(m_library).search(u"笔记"_s);
    QVERIFY(r.total >= 0);
}

void TestHostile::tags_roundTripOrRefused()
{
    TagRepository tags(m_library);
    int created = 0;
    for (const QString &s : hostileStrings(false)) {
        const auto tag = tags.create(s);
        if (!tag) {
            const QString error = tag.error().message();
            QVERIFY2(!error.isEmpty() && !error.contains(u'\n'), qPrintable(error));
            continue;
        }
        ++created;
        const auto again = tags.tag(tag->id);
        QVERIFY(again);
        QCOMPARE(again->name, tag->name);
        QCOMPARE(tags.findByPath(again->path)->id, tag->id);
        QVERIFY(tags.rename(tag->id, tag->name + u"2"_s));
    }
    QVERIFY(created >= 8);
    QVERIFY(healthy(m_library));
}

void TestHostile::notebooks_roundTripOrRefused()
{
    NotebookRepository notebooks(m_library);
    for (const QString &s : hostileStrings(false)) {
        const auto created = notebooks.create(s);
        const qint64 id = created.valueOr(0);
        if (id <= 0) {
            QVERIFY2(!created.error().message().isEmpty(), "a refusal says why");
        } else {
            QCOMPARE(notebooks.notebook(id)->name.isEmpty(), false);
            QCOMPARE(notebooks.findByName(notebooks.notebook(id)->name)->id, id);
        }
        const qint64 nb = id > 0 ? id : notebooks.create(u"nb"_s + QString::number(qHash(s))).valueOr(0);
        QVERIFY(nb > 0);
        const auto added = notebooks.addText(nb, s, -1);
        const qint64 entry = added.valueOr(0);
        QVERIFY2(entry > 0, qPrintable(added.error().message()));
        QCOMPARE(notebooks.entry(entry)->text, s);
    }
    QVERIFY(healthy(m_library));
}

void TestHostile::search_neverBreaks()
{
    SearchService service(m_library);
    for (const QString &s : hostileStrings(false)) {
        const SearchResult r = service.search(s);
        Q_UNUSED(r);
    }
    // Still searches afterwards.
    QVERIFY(service.search(u"中国"_s).total > 0);
    QVERIFY(healthy(m_library));
}

void TestHostile::fileNames_import()
{
    const QString dir = m_tmp->filePath(u"files"_s);
    QVERIFY(QDir().mkpath(dir));
    const QFileInfoList corpus =
        QDir(QStringLiteral(DUBAO_CORPUS_DIR)).entryInfoList({u"*.txt"_s}, QDir::Files, QDir::Name);
    const QStringList names{u"with spaces.txt"_s, u"\"quoted\" 'name'.txt"_s, u"new\nline.txt"_s,
                            u"\u202Eevil\u202C.txt"_s, u"控制\u0001字符.txt"_s};
    for (qsizetype k = 0; k < names.size(); ++k) {
        QFile in(corpus.at(k % corpus.size()).absoluteFilePath());
        QVERIFY(in.open(QIODevice::ReadOnly));
        QFile out(QDir(dir).filePath(names[k]));
        QVERIFY2(out.open(QIODevice::WriteOnly), qPrintable(names[k]));
        out.write(in.readAll() + "\n\n");
    }
    const ImportReport report = Importer(m_library).importPaths({dir});
    QVERIFY(report.allOk());
    QCOMPARE(report.imported.size(), names.size());
    QSqlQuery q(m_library.database());
    for (const QString &n : names) {
        q.prepare(u"SELECT count(*) FROM source_files WHERE path = ?"_s);
        q.addBindValue(QDir(dir).filePath(n));
        QVERIFY(q.exec() && q.next());
        QVERIFY2(q.value(0).toInt() == 1, qPrintable(n));
    }
    QVERIFY(healthy(m_library));
}

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
