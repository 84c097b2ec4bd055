// Text reuse on a team library (schema v18) computes what it computes in a file: the same issue files imported into
// an SQLite file and into a team library on a real PostgreSQL server, the index built, then kept up to date through
// an import, an OCR correction, a replacement and a re-parse — and after each step the pairs (with their passages),
// the clusters, the own-text paragraphs and the index's own rows are the same on both engines. Also: who may build it
// (an editor; a reader reads it) on the team library.
#include "core/ingest/corrector.h"
#include "core/ingest/importer.h"
#include "core/ingest/issuereplacer.h"
#include "core/reuse/reuseindex.h"
#include "core/store/library.h"
#include "core/store/sql.h"
#include "core/store/teamroles.h"
#include "tests/support/corpus.h"
#include "tests/support/pgserver.h"
#include "tests/support/reusedocuments.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace dubao;
using namespace Qt::StringLiterals;

using test::hanText;

namespace {

/// A table's rows as text, sorted (reals to 9 digits, byte arrays in hex): equal on both engines or not.
QStringList rows(Library &library, const QString &sql)
{
    QStringList rows;
    QSqlQuery q(library.database());
    if (!q.exec(sql))
        return {u"cannot read: %1"_s.arg(q.lastError().text())};
    while (q.next()) {
        QStringList values;
        for (int column = 0; column < q.record().count(); ++column) {
            const QVariant v = q.value(column);
            if (v.isNull())
                values.append(u"NULL"_s);
            else if (v.typeId() == QMetaType::Double)
                values.append(QString::number(v.toDouble(), 'g', 9));
            else if (v.typeId() == QMetaType::QByteArray)
                values.append(QString::fromLatin1(v.toByteArray().toHex()));
            else
                values.append(v.toString());
        }
        rows.append(values.join(u'|'));
    }
    rows.sort();
    return rows;
}

/// Everything the index tells a user, as text: every pair with its passages and marks, and the clusters.
QStringList reuseOf(Library &library)
{
    ReuseIndex index(library);
    QStringList out;
    const Result<QList<ReusePair>> pairs = index.pairs(1);
    if (!pairs)
        return {pairs.error().message()};
    for (const ReusePair &p : *pairs)
        out.append(
            u"pair %1 %2 %3 %4 %5 b%6 q%7 %8"_s.arg(p.a)
                .arg(p.b)
                .arg(p.sharedChars)
                .arg(p.coverageA, 0, 'g', 9)
                .arg(p.coverageB, 0, 'g', 9)
                .arg(p.boilerplate)
                .arg(p.quotation)
                .arg(QString::fromUtf8(QJsonDocument(reusePassagesJson(p.passages)).toJson(QJsonDocument::Compact))));
    for (const ReuseCluster &c : index.clusters(*pairs)) {
        QStringList ids;
        for (qint64 id : c.articles)
            ids.append(QString::number(id));
        out.append(u"cluster %1 source %2"_s.arg(ids.join(u','), c.source ? QString::number(*c.source) : u"-"_s));
    }
    return out;
}

const QStringList kTables{
    u"SELECT article_id, characters, fingerprints FROM reuse_articles"_s,
    u"SELECT hash, article_id FROM reuse_fingerprints"_s,
    u"SELECT hash, articles, first_day, last_day, frequent FROM reuse_hashes"_s,
    u"SELECT a, b, shared_chars, coverage_a, coverage_b, boilerplate, fingerprints, formulas, passages FROM "
    u"reuse_pairs"_s,
    u"SELECT block_id, article_id, characters, shared_chars, copies FROM reuse_paragraphs"_s,
    u"SELECT article_id FROM reuse_pending"_s,
    // The libraries themselves: the same ids for the same articles, or the comparison above means nothing.
    u"SELECT b.id, b.article_id, b.text FROM blocks b"_s,
};

} // namespace

class TestReuseEngines : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(m_server.isRunning(), qPrintable(m_server.error()));
        const Result<QString> db = m_server.createDatabase(u"reuse"_s);
        QVERIFY2(db, qPrintable(db ? QString() : db.error().message()));
        m_database = *db;
        m_libraries[0] = std::make_unique<Library>();
        QVERIFY(m_libraries[0]->open(m_dir.filePath(u"file.sqlite"_s)));
        m_libraries[1] = std::make_unique<Library>();
        const Result<void> opened = m_libraries[1]->open(m_server.url(m_database));
        QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message()));
    }

    void sameFiles_sameReuse_throughImportCorrectionReplaceAndReparse()
    {
        const QStringList corpus = test::corpusFiles();
        QVERIFY(corpus.size() >= 4);
        const QStringList copies = test::writeCorpusCopies(m_dir.filePath(u"copies"_s), 1);
        QCOMPARE(copies.size(), corpus.size());
        // A story run years apart with a short passage (a template: boilerplate), a quoted sentence, and a slogan.
        const QString story = hanText(7, 160), quote = hanText(8, 40), slogan = hanText(9, 36);
        const QList<test::ReuseDocument> made{
            {u"early"_s, QDate(2019, 3, 1), {hanText(10, 80), story.left(70)}},
            {u"late"_s, QDate(2023, 3, 1), {hanText(11, 80), story.left(70)}},
            {u"q1"_s, QDate(2023, 5, 1), {hanText(12, 90), quote, slogan}},
            {u"q2"_s, QDate(2023, 5, 2), {hanText(13, 90), quote, slogan}},
            {u"s3"_s, QDate(2021, 5, 2), {hanText(14, 90), slogan}},
        };
        for (auto &library : m_libraries) {
            QCOMPARE(Importer(*library).importPaths(corpus.mid(0, 3)).imported.size(), 3);
            for (const test::ReuseDocument &document : made)
                QVERIFY(test::storeReuseDocument(*library, document));
            QVERIFY(ReuseIndex(*library).setReferenceCollection(u"测试日报"_s, true));
            QVERIFY(ReuseIndex(*library).rebuild());
        }
        compare(u"rebuilt"_s);

        // An import is compared on the next update, as dubao-cli import and the import job run it.
        for (auto &library : m_libraries) {
            QCOMPARE(Importer(*library).importPaths(corpus.mid(3) + copies).imported.size(),
                     corpus.size() - 3 + copies.size());
            QVERIFY(sql::scalar(library->database(), u"SELECT count(*) FROM reuse_pending"_s).toInt() > 0);
            QVERIFY(ReuseIndex(*library).update());
        }
        compare(u"imported"_s);
        QVERIFY(
            rows(*m_libraries[0], u"SELECT a FROM reuse_pairs WHERE boilerplate = 0 AND shared_chars >= 50"_s).size() >=
            5);

        // An OCR correction in a paragraph that a copy shares, and a replacement of a copy's file with a changed text.
        const qint64 block = sql::scalar(m_libraries[0]->database(),
                                         u"SELECT min(block_id) FROM reuse_paragraphs WHERE shared_chars > 20"_s)
                                 .toLongLong();
        QVERIFY(block > 0);
        const qint64 lastIssue = sql::scalar(m_libraries[0]->database(), u"SELECT max(id) FROM issues"_s).toLongLong();
        QFile original(copies.last());
        QVERIFY(original.open(QIODevice::ReadOnly));
        QString changed = QString::fromUtf8(original.readAll());
        for (int k = 0, at = 0; k < 20 && (at = int(changed.indexOf(u'的', at))) >= 0; ++k)
            changed[at] = u'之';
        const QString replacement = m_dir.filePath(u"replacement.txt"_s);
        QFile out(replacement);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(changed.toUtf8());
        out.close();
        for (auto &library : m_libraries) {
            QVERIFY(Corrector(*library).correctText(block, 2, 6, u"改正文字"_s, u"tester"_s));
            QVERIFY(sql::scalar(library->database(), u"SELECT count(*) FROM reuse_pending"_s).toInt() > 0);
            QVERIFY(ReuseIndex(*library).update());
            QVERIFY(IssueReplacer(*library).replace(lastIssue, replacement));
            QVERIFY(IssueReplacer(*library).reparse(1));
            QVERIFY(ReuseIndex(*library).update());
        }
        compare(u"corrected, replaced and re-parsed"_s);

        // A full computation in place (Tools → Build Reuse Index on a built index) too.
        for (auto &library : m_libraries)
            QVERIFY(ReuseIndex(*library).recompute());
        compare(u"recomputed"_s);
    }

    void teamLibrary_anEditorBuildsTheIndex_aReaderReadsIt()
    {
        Library &owner = *m_libraries[1];
        QStringList done;
        QVERIFY(team::init(owner, &done));
        QVERIFY(team::addUser(owner, u"rita"_s, team::Role::Reader, u"pw-rita"_s));
        QVERIFY(team::addUser(owner, u"ed"_s, team::Role::Editor, u"pw-ed"_s));
        const auto openAs = [&](const QString &user, const QString &password) {
            const QString url = m_server.url(m_database, user);
            Library::setServerPassword(url, password);
            auto library = std::make_unique<Library>();
            const Result<void> opened = library->open(url);
            return opened ? std::move(library) : nullptr;
        };
        const std::unique_ptr<Library> reader = openAs(u"rita"_s, u"pw-rita"_s);
        QVERIFY(reader);
        const QStringList before = reuseOf(owner);
        QVERIFY(!before.isEmpty());
        QCOMPARE(reuseOf(*reader), before); // a reader reads the pairs and clusters
        const Result<qint64> refused = ReuseIndex(*reader).rebuild();
        QVERIFY(!refused);
        QVERIFY2(refused.error().message().contains(u"only an editor"_s), qPrintable(refused.error().message()));
        QCOMPARE(*ReuseIndex(*reader).update(), qint64(0)); // nothing to do for a reader, no error
        QVERIFY(ReuseIndex(*reader).exists());

        // An editor rebuilds it: the tables of v18 are the editors' by the default privileges of team init.
        const std::unique_ptr<Library> editor = openAs(u"ed"_s, u"pw-ed"_s);
        QVERIFY(editor);
        const Result<qint64> built = ReuseIndex(*editor).rebuild();
        QVERIFY2(built, qPrintable(built ? QString() : built.error().message()));
        QCOMPARE(reuseOf(*reader), before);
    }

private:
    void compare(const QString &step)
    {
        for (const QString &table : kTables) {
            const QStringList a = rows(*m_libraries[0], table), b = rows(*m_libraries[1], table);
            QVERIFY2(a == b, qPrintable(u"%1, %2: %3 rows in the file, %4 on the server; first difference: %5"_s
                                            .arg(step, table)
                                            .arg(a.size())
                                            .arg(b.size())
                                            .arg(firstDifference(a, b))));
        }
        const QStringList a = reuseOf(*m_libraries[0]), b = reuseOf(*m_libraries[1]);
        QVERIFY(!a.isEmpty());
        QVERIFY2(a == b, qPrintable(u"%1: the pairs and clusters differ: %2"_s.arg(step, firstDifference(a, b))));
    }

    static QString firstDifference(const QStringList &a, const QStringList &b)
    {
        for (qsizetype k = 0; k < std::max(a.size(), b.size()); ++k)
            if (a.value(k) != b.value(k))
                return u"file \"%1\" / server \"%2\""_s.arg(a.value(k).left(200), b.value(k).left(200));
        return {};
    }

    test::PgServer m_server;
    QString m_database;
    QTemporaryDir m_dir;
    std::unique_ptr<Library> m_libraries[2];
};

QTEST_GUILESS_MAIN(TestReuseEngines)
#include "tst_reuseengines.moc"
