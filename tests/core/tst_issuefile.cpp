// Tests parseIssueFile()/parseIssueBytes(): every corpus file re-encoded (GB18030, UTF-16, BOMs, Big5, CRLF and
// CR line ends, compatibility ideographs) parses like the original, and files that are no issue fail with a
// one-line error that does not repeat the path.
#include "core/parse/issuefile.h"
#include "tests/support/encodingvariants.h"
#include "tests/support/filepermissions.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QRandomGenerator>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QTest>

using namespace dubao;
using dubao::test::big5EncodableTraditional;
using dubao::test::encodeWith;
using dubao::test::FilePermissionsApply;

namespace {

QString corpusPath(const QString &name)
{
    return QDir(QStringLiteral(DUBAO_CORPUS_DIR)).filePath(name);
}

QStringList corpusFiles()
{
    return QDir(QStringLiteral(DUBAO_CORPUS_DIR)).entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name);
}

QByteArray readCorpus(const QString &name)
{
    QFile file(corpusPath(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read corpus file %s", qPrintable(file.fileName()));
    return file.readAll();
}

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString describeBlock(const Block &block)
{
    return QStringLiteral("%1 lines %2-%3 \"%4\"")
        .arg(blockKindName(block.kind))
        .arg(block.firstLine)
        .arg(block.lastLine)
        .arg(block.text.left(20));
}

// The first difference between two parses, or an empty string. Structure: articles, their line ranges, each
// block's kind and lines. With `compareText` also the issue's details, headlines, bylines and block texts.
QString firstDifference(const ParsedIssue &expected, const ParsedIssue &actual, bool compareText)
{
    if (compareText && !(expected.issue == actual.issue))
        return QStringLiteral("issue details differ (publication \"%1\" vs \"%2\", %3-%4 vs %5-%6)")
            .arg(expected.issue.publication, actual.issue.publication)
            .arg(expected.issue.month)
            .arg(expected.issue.day)
            .arg(actual.issue.month)
            .arg(actual.issue.day);
    if (expected.articles.size() != actual.articles.size())
        return QStringLiteral("%1 articles instead of %2").arg(actual.articles.size()).arg(expected.articles.size());
    for (qsizetype a = 0; a < expected.articles.size(); ++a) {
        const Article &want = expected.articles.at(a);
        const Article &got = actual.articles.at(a);
        const QString where =
            QStringLiteral("article %1 (\"%2\", line %3): ").arg(a).arg(want.title).arg(want.firstLine);
        if (want.firstLine != got.firstLine || want.lastLine != got.lastLine)
            return where + QStringLiteral("lines %1-%2 instead of %3-%4")
                               .arg(got.firstLine)
                               .arg(got.lastLine)
                               .arg(want.firstLine)
                               .arg(want.lastLine);
        if (compareText) {
            if (want.kicker != got.kicker || want.title != got.title || want.subtitles != got.subtitles)
                return where + QStringLiteral("headline \"%1\" / \"%2\" / \"%3\" instead of \"%4\" / \"%5\" / \"%6\"")
                                   .arg(got.kicker, got.title, got.subtitles.join(u'|'), want.kicker, want.title,
                                        want.subtitles.join(u'|'));
            if (want.byline != got.byline)
                return where +
                       QStringLiteral("bylines differ: \"%1\" instead of \"%2\"")
                           .arg(got.byline ? got.byline->raw : QString(), want.byline ? want.byline->raw : QString());
        }
        if (want.blocks.size() != got.blocks.size())
            return where + QStringLiteral("%1 blocks instead of %2").arg(got.blocks.size()).arg(want.blocks.size());
        for (qsizetype b = 0; b < want.blocks.size(); ++b) {
            const Block &wantBlock = want.blocks.at(b);
            const Block &gotBlock = got.blocks.at(b);
            const bool sameShape = wantBlock.kind == gotBlock.kind && wantBlock.firstLine == gotBlock.firstLine &&
                                   wantBlock.lastLine == gotBlock.lastLine;
            const bool sameText = !compareText || (wantBlock.text == gotBlock.text && wantBlock.raw == gotBlock.raw);
            if (!sameShape || !sameText)
                return where + QStringLiteral("block %1 is %2 instead of %3")
                                   .arg(b)
                                   .arg(describeBlock(gotBlock), describeBlock(wantBlock));
        }
    }
    return {};
}

// Articles whose byline was found in one parse and not in the other, or an empty string.
QString bylinePresenceDifference(const ParsedIssue &expected, const ParsedIssue &actual)
{
    QStringList differences;
    for (qsizetype a = 0; a < qMin(expected.articles.size(), actual.articles.size()); ++a) {
        const Article &want = expected.articles.at(a);
        if (want.byline.has_value() != actual.articles.at(a).byline.has_value())
            differences << QStringLiteral("article %1 (line %2) byline %3")
                               .arg(a)
                               .arg(want.firstLine)
                               .arg(want.byline ? QStringLiteral("\"%1\" missing").arg(want.byline->raw.left(12))
                                                : QStringLiteral("found where there is none"));
    }
    return differences.join(QStringLiteral("; "));
}

// The corpus text with some characters written as CJK compatibility ideographs, which NFC maps back
// (U+F967 → 不, U+F9F7 → 立).
QString withCompatibilityIdeographs(QString text)
{
    text.replace(u'不', QChar(0xF967));
    text.replace(u'立', QChar(0xF9F7));
    return text;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

} // namespace

class TestIssueFile : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void parse_corpusFile_succeeds_data();
    void parse_corpusFile_succeeds();
    void parse_encodedVariant_sameAsOriginal_data();
    void parse_encodedVariant_sameAsOriginal();
    void parse_bytes_recordsPathHashAndEncoding();
    void parse_notAnIssue_failsWithOneLineError_data();
    void parse_notAnIssue_failsWithOneLineError();
    void parse_fileOverLimit_refusedBeforeReading();
    void parse_unreadableFile_reportsReason();

private:
    QTemporaryDir m_dir;
};

void TestIssueFile::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(corpusFiles().size() >= 5,
             qPrintable(QStringLiteral("corpus not found in %1").arg(QStringLiteral(DUBAO_CORPUS_DIR))));
    QVERIFY(QStringEncoder("Big5").isValid());
    QVERIFY(QStringEncoder("GB18030").isValid());
}

void TestIssueFile::parse_corpusFile_succeeds_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : corpusFiles())
        QTest::newRow(qPrintable(name)) << name;
}

void TestIssueFile::parse_corpusFile_succeeds()
{
    QFETCH(QString, name);
    const QString path = corpusPath(name);
    const IssueFileResult result = parseIssueFile(path);
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(result.error.isEmpty());
    QVERIFY(!result.issue.articles.isEmpty());
    QCOMPARE(result.issue.source.path, path);
    QCOMPARE(result.issue.source.encoding, QStringLiteral("UTF-8"));
    QCOMPARE(result.issue.source.sha256, sha256(readCorpus(name)));
    QCOMPARE(result.issue.source.sha256.size(), 64);
    QCOMPARE(result.issue.source.sha256, result.issue.source.sha256.toLower());
}

void TestIssueFile::parse_encodedVariant_sameAsOriginal_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<bool>("sameText");       // titles and block texts equal the original's too
    QTest::addColumn<QByteArray>("textTwin"); // when not empty: UTF-8 bytes of the same text, to compare in full

    const QByteArray utf8Bom("\xEF\xBB\xBF");
    const QByteArray utf16LeBom("\xFF\xFE");
    const QByteArray utf16BeBom("\xFE\xFF");
    for (const QString &name : corpusFiles()) {
        const QByteArray original = readCorpus(name);
        const QString text = QString::fromUtf8(original);
        const QByteArray id = name.left(3).toLatin1();
        QByteArray crlf = original;
        crlf.replace("\n", "\r\n");
        QByteArray cr = original;
        cr.replace('\n', '\r');
        const QString traditional = big5EncodableTraditional(text);
        QTest::addRow("%s gb18030", id.constData())
            << name << encodeWith("GB18030", text) << QStringLiteral("GB18030") << true << QByteArray();
        QTest::addRow("%s utf-16le bom", id.constData())
            << name << utf16LeBom + encodeWith("UTF-16LE", text) << QStringLiteral("UTF-16LE") << true << QByteArray();
        QTest::addRow("%s utf-16be bom", id.constData())
            << name << utf16BeBom + encodeWith("UTF-16BE", text) << QStringLiteral("UTF-16BE") << true << QByteArray();
        QTest::addRow("%s utf-16le", id.constData())
            << name << encodeWith("UTF-16LE", text) << QStringLiteral("UTF-16LE") << true << QByteArray();
        QTest::addRow("%s utf-16be", id.constData())
            << name << encodeWith("UTF-16BE", text) << QStringLiteral("UTF-16BE") << true << QByteArray();
        QTest::addRow("%s utf-8 bom", id.constData())
            << name << utf8Bom + original << QStringLiteral("UTF-8") << true << QByteArray();
        QTest::addRow("%s crlf", id.constData()) << name << crlf << QStringLiteral("UTF-8") << true << QByteArray();
        QTest::addRow("%s cr", id.constData()) << name << cr << QStringLiteral("UTF-8") << true << QByteArray();
        QTest::addRow("%s gb18030 crlf", id.constData()) << name << encodeWith("GB18030", QString::fromUtf8(crlf))
                                                         << QStringLiteral("GB18030") << true << QByteArray();
        QTest::addRow("%s compatibility ideographs", id.constData())
            << name << withCompatibilityIdeographs(text).toUtf8() << QStringLiteral("UTF-8") << true << QByteArray();
        QTest::addRow("%s big5", id.constData())
            << name << encodeWith("Big5", traditional) << QStringLiteral("Big5") << false << traditional.toUtf8();
    }
}

void TestIssueFile::parse_encodedVariant_sameAsOriginal()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, encoding);
    QFETCH(bool, sameText);
    QFETCH(QByteArray, textTwin);

    const IssueFileResult original = parseIssueFile(corpusPath(name));
    QVERIFY2(original.ok, qPrintable(original.error));

    const QString path =
        m_dir.filePath(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'_') + QStringLiteral(".txt"));
    QVERIFY(writeFile(path, bytes));
    const IssueFileResult variant = parseIssueFile(path);
    QVERIFY2(variant.ok, qPrintable(variant.error));
    QCOMPARE(variant.issue.source.encoding, encoding);
    QCOMPARE(variant.issue.source.path, path);
    QCOMPARE(variant.issue.source.sha256, sha256(bytes));
    QVERIFY(variant.issue.source.sha256 != original.issue.source.sha256);

    // Traditional text (the Big5 variants, made with ICU's Hans-Hant) parses to the same structure: the
    // parser's rules match on text folded to Simplified.
    const QString difference = firstDifference(original.issue, variant.issue, sameText);
    QVERIFY2(difference.isEmpty(), qPrintable(difference));

    const QString bylines = bylinePresenceDifference(original.issue, variant.issue);
    QVERIFY2(bylines.isEmpty(), qPrintable(bylines));

    if (!textTwin.isEmpty()) {
        // The same (traditional) text in UTF-8 parses to exactly the same issue.
        const IssueFileResult twin = parseIssueBytes(textTwin, path);
        QVERIFY2(twin.ok, qPrintable(twin.error));
        const QString twinDifference = firstDifference(twin.issue, variant.issue, true);
        QVERIFY2(twinDifference.isEmpty(), qPrintable(twinDifference));
        QVERIFY(twin.issue.articles == variant.issue.articles);
    }
}

void TestIssueFile::parse_bytes_recordsPathHashAndEncoding()
{
    const QByteArray bytes = readCorpus(corpusFiles().value(0));
    const IssueFileResult withPath = parseIssueBytes(bytes, QStringLiteral("/somewhere/issue.txt"));
    QVERIFY2(withPath.ok, qPrintable(withPath.error));
    QCOMPARE(withPath.issue.source.path, QStringLiteral("/somewhere/issue.txt"));
    QCOMPARE(withPath.issue.source.encoding, QStringLiteral("UTF-8"));
    QCOMPARE(withPath.issue.source.sha256, sha256(bytes));

    const IssueFileResult withoutPath = parseIssueBytes(bytes);
    QVERIFY2(withoutPath.ok, qPrintable(withoutPath.error));
    QVERIFY(withoutPath.issue.source.path.isEmpty());
    QVERIFY(withoutPath.issue.articles == withPath.issue.articles);

    // One byte more (a trailing line end) changes the hash but not the articles.
    const IssueFileResult longer = parseIssueBytes(bytes + '\n');
    QVERIFY2(longer.ok, qPrintable(longer.error));
    QVERIFY(longer.issue.source.sha256 != withPath.issue.source.sha256);
    QCOMPARE(longer.issue.articles.size(), withPath.issue.articles.size());
}

void TestIssueFile::parse_notAnIssue_failsWithOneLineError_data()
{
    QTest::addColumn<QString>("fileName"); // in the temporary folder; empty: the folder itself
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("create");
    QTest::addColumn<QString>("error");

    QRandomGenerator random(42);
    QByteArray binary(8192, Qt::Uninitialized);
    for (char &byte : binary)
        byte = char(random.bounded(256));
    QByteArray withNul = readCorpus(corpusFiles().value(1));
    withNul.insert(withNul.indexOf('\n', withNul.size() / 2) + 1, QByteArray(2, '\0'));
    const QByteArray latin1 = QStringLiteral("Le café est très bon à la française, dit-il. Crème brûlée à volonté.\n")
                                  .repeated(30)
                                  .toLatin1();
    QByteArray damaged = readCorpus(corpusFiles().value(2));
    const qsizetype damagedAt = damaged.indexOf('\n', 1000) + 1; // a line start: the damaged byte starts no character
    damaged[damagedAt] = char(0xFF);

    QTest::newRow("missing") << QStringLiteral("missing.txt") << QByteArray() << false
                             << QStringLiteral("no such file");
    QTest::newRow("folder") << QString() << QByteArray() << false << QStringLiteral("is a folder");
    QTest::newRow("device") << QStringLiteral("/dev/null") << QByteArray() << false
                            << QStringLiteral("not a regular file");
    QTest::newRow("empty") << QStringLiteral("empty.txt") << QByteArray() << true << QStringLiteral("empty file");
    QTest::newRow("blank") << QStringLiteral("blank.txt") << QByteArray("\xEF\xBB\xBF \r\n\t\r\n\r\n") << true
                           << QStringLiteral("empty file");
    QTest::newRow("headline markers only")
        << QStringLiteral("markers.txt") << QByteArray("## \n\n##\n") << true << QStringLiteral("no articles found");
    QTest::newRow("binary") << QStringLiteral("binary.bin") << binary << true
                            << QStringLiteral("not a text file: contains NUL bytes");
    QTest::newRow("NUL bytes in UTF-8") << QStringLiteral("nul.txt") << withNul << true
                                        << QStringLiteral("not a text file: contains NUL bytes");
    QTest::newRow("control characters") << QStringLiteral("controls.txt")
                                        << readCorpus(corpusFiles().value(3)).replace('\n', "\n\x1B[1m") << true
                                        << QStringLiteral("not a text file: contains control characters");
    QTest::newRow("latin-1 text") << QStringLiteral("latin1.txt") << latin1 << true
                                  << QStringLiteral("not text in a known encoding (UTF-8, UTF-16, GB18030, Big5)");
    QTest::newRow("damaged UTF-8") << QStringLiteral("damaged.txt") << damaged << true
                                   << QStringLiteral("invalid UTF-8 at byte %1 (line %2)")
                                          .arg(damagedAt)
                                          .arg(damaged.left(damagedAt).count('\n') + 1);
}

void TestIssueFile::parse_notAnIssue_failsWithOneLineError()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, bytes);
    QFETCH(bool, create);
    QFETCH(QString, error);

    const QString path = fileName.isEmpty()               ? m_dir.path()
                         : QDir::isAbsolutePath(fileName) ? fileName
                                                          : m_dir.filePath(fileName);
    if (create)
        QVERIFY(writeFile(path, bytes));
    const IssueFileResult result = parseIssueFile(path);
    QVERIFY(!result.ok);
    QCOMPARE(result.error, error);
    QVERIFY(!result.error.contains(u'\n'));
    QVERIFY(!result.error.contains(m_dir.path()));
    QVERIFY(result.issue.articles.isEmpty());
    if (create) {
        // parseIssueBytes gives the same answer for the same bytes.
        QCOMPARE(parseIssueBytes(bytes, path).error, error);
    }
}

void TestIssueFile::parse_fileOverLimit_refusedBeforeReading()
{
    QCOMPARE(maxFileBytes(), qint64(64) * 1024 * 1024);
    const QString path = m_dir.filePath(QStringLiteral("huge.txt"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.write("## title\n") > 0);
        QVERIFY(file.resize(maxFileBytes() + 1)); // sparse: nothing is written
    }
    const IssueFileResult result = parseIssueFile(path);
    QVERIFY(!result.ok);
    QCOMPARE(result.error, QStringLiteral("file too large (65 MB; the limit is 64 MB)"));

    QVERIFY(QFile::resize(path, 200 * 1024 * 1024));
    QCOMPARE(parseIssueFile(path).error, QStringLiteral("file too large (200 MB; the limit is 64 MB)"));
}

void TestIssueFile::parse_unreadableFile_reportsReason()
{
    const QString path = m_dir.filePath(QStringLiteral("unreadable.txt"));
    QVERIFY(writeFile(path, readCorpus(corpusFiles().value(0))));
    QVERIFY(QFile::setPermissions(path, QFileDevice::WriteOwner));
    QVERIFY(FilePermissionsApply::openToEveryone(m_dir.path()));
    IssueFileResult result;
    {
        const FilePermissionsApply permissionsApply;
        QVERIFY(permissionsApply.ok());
        QVERIFY2(!QFile(path).open(QIODevice::ReadOnly), "a write-only file is still readable");
        result = parseIssueFile(path);
    }
    QVERIFY(!result.ok);
    QVERIFY2(result.error.startsWith(QStringLiteral("cannot read: ")), qPrintable(result.error));
    QVERIFY(result.error.size() > QStringLiteral("cannot read: ").size());
    QVERIFY(!result.error.contains(path));
}

QTEST_GUILESS_MAIN(TestIssueFile)
#include "tst_issuefile.moc"
