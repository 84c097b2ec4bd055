// Replays every input in tests/core/data/fuzz-regressions/ through the checks of its libFuzzer harness, so an
// input that once crashed or broke an invariant stays fixed (and is checked under ASan/UBSan in build-asan/).
#include "tests/fuzz/fuzztargets.h"

#include <QDir>
#include <QFile>
#include <QTest>

#include <functional>

using namespace dubao;

namespace {

using Target = std::function<QString(const QByteArray &)>;

const QString kDataDir = QStringLiteral(DUBAO_SOURCE_DIR "/tests/core/data/fuzz-regressions");

// The harnesses by folder name; a new harness (e.g. the search query parser's) adds its folder here.
const QList<std::pair<QString, Target>> &targets()
{
    static const QList<std::pair<QString, Target>> list{
        {QStringLiteral("issueparser"), fuzz::issueParserTarget},
        {QStringLiteral("textdecoder"), fuzz::textDecoderTarget},
        {QStringLiteral("issuefile"), fuzz::issueFileTarget},
    };
    return list;
}

} // namespace

class TestFuzzRegressions : public QObject
{
    Q_OBJECT

private slots:
    void replay_everyInput_passesItsHarnessChecks_data()
    {
        QTest::addColumn<QString>("harness");
        QTest::addColumn<QString>("path");
        for (const auto &[harness, target] : targets()) {
            const QDir dir(kDataDir + u'/' + harness);
            const QStringList names = dir.entryList(QDir::Files, QDir::Name);
            QVERIFY2(!names.isEmpty(), qPrintable(dir.path() + QStringLiteral(" holds no inputs")));
            for (const QString &name : names) {
                const QByteArray tag = (harness + u'/' + name).toUtf8();
                QTest::newRow(tag.constData()) << harness << dir.filePath(name);
            }
        }
    }

    void replay_everyInput_passesItsHarnessChecks()
    {
        QFETCH(QString, harness);
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.errorString()));
        const QByteArray bytes = file.readAll();
        for (const auto &[name, target] : targets()) {
            if (name == harness) {
                const QString failure = target(bytes);
                QVERIFY2(failure.isEmpty(), qPrintable(failure));
                return;
            }
        }
        QFAIL("no harness for this folder");
    }

    // The checks themselves must be able to fail: a parse whose lines lie outside the text is reported.
    void checkLineNumbers_articleBeyondText_isReported()
    {
        ParsedIssue issue;
        Article article;
        article.firstLine = 3;
        article.lastLine = 9;
        issue.articles.append(article);
        QVERIFY(!fuzz::checkLineNumbers(issue, 5).isEmpty());
        issue.articles[0].lastLine = 5;
        QVERIFY(fuzz::checkLineNumbers(issue, 5).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzzregressions.moc"
