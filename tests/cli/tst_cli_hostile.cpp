// Hostile strings (tests/support/hostilestrings.h) given to dubao-cli on its command line as notes, tag names,
// notebook names and search queries: each round-trips exactly or is refused (exit 1), never a crash; the library
// stays healthy and searches keep working. Through the repositories: tests/core/tst_hostile.cpp.
#include "core/store/library.h"
#include "tests/support/cliprocess.h"
#include "tests/support/corpuslibrary.h"
#include "tests/support/hostilestrings.h"
#include "tests/support/scalar.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace dubao;
using namespace Qt::StringLiterals;
using dubao::test::hostileStrings;

class TestCliHostile : public QObject
{
    Q_OBJECT

private slots:
    void notesTagsNotebooksSearches_roundTripOrRefused();
};

void TestCliHostile::notesTagsNotebooksSearches_roundTripOrRefused()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(u"lib.sqlite"_s);
    const QString error = test::buildCorpusLibrary(path);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    Library library;
    QVERIFY(library.open(path));
    const qint64 block = test::scalar(library, u"SELECT min(id) FROM blocks WHERE length(text) > 10"_s);
    QVERIFY(block > 0);
    library.close();
    auto cli = [&](const QStringList &args, QByteArray *out = nullptr) {
        const test::CliRun r = test::runCli(args + QStringList{u"--library"_s, path});
        if (out)
            *out = r.out;
        return r.code;
    };
    QByteArray out;
    QList<QPair<qint64, QString>> notes;
    for (const QString &s : hostileStrings(true)) {
        const int code = cli({u"note"_s, u"add"_s, u"--block"_s, QString::number(block), u"--text"_s, s}, &out);
        QVERIFY2(code == 0 || code == 1, qPrintable(s.left(40)));
        if (code == 0)
            notes.append({out.trimmed().toLongLong(), s});
        const int tag = cli({u"tag"_s, u"add"_s, s});
        QVERIFY(tag == 0 || tag == 1);
        const int nb = cli({u"notebook"_s, u"add"_s, s});
        QVERIFY(nb == 0 || nb == 1);
        const int search = cli({u"search"_s, u"--"_s, s});
        QVERIFY2(search == 0 || search == 1, qPrintable(s.left(40)));
    }
    QVERIFY(notes.size() >= hostileStrings(true).size() - 1);
    QCOMPARE(cli({u"note"_s, u"list"_s, u"--json"_s}, &out), 0);
    const QJsonArray list = QJsonDocument::fromJson(out).array();
    QHash<qint64, QString> texts;
    for (const QJsonValue &v : list)
        texts.insert(v[u"id"_s].toInteger(), v[u"text"_s].toString());
    for (const auto &[id, text] : std::as_const(notes))
        QCOMPARE(texts.value(id), text);
    QCOMPARE(cli({u"check"_s}, &out), 0);
    QVERIFY(cli({u"search"_s, u"中国"_s}, &out) == 0);
}

QTEST_GUILESS_MAIN(TestCliHostile)
#include "tst_cli_hostile.moc"
