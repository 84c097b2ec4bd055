// Tests decodeText(): every supported encoding with and without BOM, generated at test time from the real corpus,
// and the ways a file can fail to be text (empty, binary, NUL bytes, control characters, damaged UTF-8).
#include "core/text/textdecoder.h"
#include "tests/support/encodingvariants.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QStringDecoder>
#include <QStringEncoder>
#include <QTest>

using namespace dubao;
using dubao::test::big5EncodableTraditional;
using dubao::test::encodeWith;

namespace {

QStringList corpusFiles()
{
    return QDir(QStringLiteral(DUBAO_CORPUS_DIR)).entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name);
}

QByteArray readCorpus(const QString &name)
{
    QFile file(QDir(QStringLiteral(DUBAO_CORPUS_DIR)).filePath(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read corpus file %s", qPrintable(file.fileName()));
    return file.readAll();
}

const QByteArray kUtf8Bom("\xEF\xBB\xBF");
const QByteArray kUtf16LeBom("\xFF\xFE");
const QByteArray kUtf16BeBom("\xFE\xFF");

// A line of ordinary Chinese text with many multi-byte sequences, to embed damaged bytes in.
QByteArray chineseLine()
{
    return QStringLiteral("本报讯(渝西都市报记者 彭禹乔)6月14日,永川区委常委会召开会议,研究部署相关工作。").toUtf8();
}

} // namespace

class TestTextDecoder : public QObject
{
    Q_OBJECT

private slots:
    void decode_corpusVariant_detectedAndDecoded_data();
    void decode_corpusVariant_detectedAndDecoded();
    void decode_utf16LeWithoutBom_detected();
    void decode_emptyOrBlank_reportsEmptyFile_data();
    void decode_emptyOrBlank_reportsEmptyFile();
    void decode_binaryGarbage_rejected_data();
    void decode_binaryGarbage_rejected();
    void decode_nulBytesInUtf8_rejected();
    void decode_controlCharacters_rejected_data();
    void decode_controlCharacters_rejected();
    void decode_allowedControls_accepted_data();
    void decode_allowedControls_accepted();
    void decode_corruptedCorpusUtf8_reportsFirstBadByte_data();
    void decode_corruptedCorpusUtf8_reportsFirstBadByte();
    void decode_utf8Boundaries_strictlyValidated_data();
    void decode_utf8Boundaries_strictlyValidated();
    void decode_randomUtf8Damage_agreesWithQtStrictDecoder();
    void decode_brokenUtf16_rejected_data();
    void decode_brokenUtf16_rejected();
    void decode_latin1Text_notAKnownEncoding();
    void decode_50MbSingleLineUtf8_fast();
    void decode_gb18030_throughput();
};

void TestTextDecoder::decode_corpusVariant_detectedAndDecoded_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QString>("text");

    const QStringList files = corpusFiles();
    QVERIFY2(files.size() >= 5,
             qPrintable(QStringLiteral("corpus not found in %1").arg(QStringLiteral(DUBAO_CORPUS_DIR))));
    for (const QString &name : files) {
        const QByteArray original = readCorpus(name);
        const QString text = QString::fromUtf8(original);
        const QByteArray le = encodeWith("UTF-16LE", text);
        const QByteArray be = encodeWith("UTF-16BE", text);
        const QString traditional = big5EncodableTraditional(text);
        const QByteArray row = name.left(3).toLatin1();
        QTest::addRow("%s utf-8", row.constData()) << original << QStringLiteral("UTF-8") << text;
        QTest::addRow("%s utf-8 bom", row.constData()) << kUtf8Bom + original << QStringLiteral("UTF-8") << text;
        QTest::addRow("%s utf-16le bom", row.constData()) << kUtf16LeBom + le << QStringLiteral("UTF-16LE") << text;
        QTest::addRow("%s utf-16be bom", row.constData()) << kUtf16BeBom + be << QStringLiteral("UTF-16BE") << text;
        QTest::addRow("%s utf-16le", row.constData()) << le << QStringLiteral("UTF-16LE") << text;
        QTest::addRow("%s utf-16be", row.constData()) << be << QStringLiteral("UTF-16BE") << text;
        QTest::addRow("%s gb18030", row.constData())
            << encodeWith("GB18030", text) << QStringLiteral("GB18030") << text;
        QTest::addRow("%s big5", row.constData())
            << encodeWith("Big5", traditional) << QStringLiteral("Big5") << traditional;
    }
}

void TestTextDecoder::decode_corpusVariant_detectedAndDecoded()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, encoding);
    QFETCH(QString, text);

    const DecodedText decoded = decodeText(bytes);
    QVERIFY2(decoded.ok, qPrintable(decoded.error));
    QCOMPARE(decoded.encoding, encoding);
    QCOMPARE(decoded.text.size(), text.size());
    QVERIFY(decoded.text == text);
    QVERIFY(decoded.error.isEmpty());
}

void TestTextDecoder::decode_utf16LeWithoutBom_detected()
{
    // Mostly CJK, few ASCII characters: the zero bytes still give it away (one line end per paragraph).
    QString text;
    for (int i = 0; i < 50; ++i)
        text += QStringLiteral(
            "永川区委常委会召开会议优化产业体系和产业布局高水平建设现代制造业基地在推动制造业高质量发展中\n");
    const DecodedText decoded = decodeText(encodeWith("UTF-16LE", text));
    QVERIFY2(decoded.ok, qPrintable(decoded.error));
    QCOMPARE(decoded.encoding, QStringLiteral("UTF-16LE"));
    QCOMPARE(decoded.text, text);
}

void TestTextDecoder::decode_emptyOrBlank_reportsEmptyFile_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("no bytes") << QByteArray();
    QTest::newRow("spaces and line ends") << QByteArray(" \n\t\r\n  \n");
    QTest::newRow("utf-8 bom only") << kUtf8Bom;
    QTest::newRow("utf-8 bom and line ends") << kUtf8Bom + "\n\n";
    QTest::newRow("ideographic spaces") << QStringLiteral("\u3000\u3000\n").toUtf8();
    QTest::newRow("utf-16le bom only") << kUtf16LeBom;
    QTest::newRow("utf-16be bom and blanks") << kUtf16BeBom + QByteArray("\x00 \x00\n\x00\t", 6);
    QTest::newRow("utf-16le blanks without bom") << QByteArray(" \x00\n\x00 \x00\n\x00", 8);
}

void TestTextDecoder::decode_emptyOrBlank_reportsEmptyFile()
{
    QFETCH(QByteArray, bytes);
    const DecodedText decoded = decodeText(bytes);
    QVERIFY(!decoded.ok);
    QCOMPARE(decoded.error, QStringLiteral("empty file"));
}

void TestTextDecoder::decode_binaryGarbage_rejected_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("error"); // empty: any of the "not text" errors

    QRandomGenerator random(20240601);
    const auto randomBytes = [&random](qsizetype size, bool allowNul) {
        QByteArray bytes(size, Qt::Uninitialized);
        for (char &byte : bytes)
            byte = char(allowNul ? random.bounded(256) : 1 + random.bounded(255));
        return bytes;
    };
    const QString nul = QStringLiteral("not a text file: contains NUL bytes");
    QTest::newRow("random 4 KiB") << randomBytes(4096, true) << nul;
    QTest::newRow("random 1 MiB") << randomBytes(1024 * 1024, true) << nul;
    QTest::newRow("random 4 KiB without NUL") << randomBytes(4096, false) << QString();
    QTest::newRow("random 64 KiB without NUL") << randomBytes(64 * 1024, false) << QString();
    QTest::newRow("random 17 bytes without NUL") << randomBytes(17, false) << QString();
    QByteArray elf("\x7F"
                   "ELF\x02\x01\x01",
                   7);
    elf += QByteArray(9, '\0') + randomBytes(2000, true);
    QTest::newRow("elf header") << elf << nul;
    QByteArray png("\x89PNG\r\n\x1A\n", 8);
    png += randomBytes(3000, false);
    QTest::newRow("png header without NUL") << png << QString();
}

void TestTextDecoder::decode_binaryGarbage_rejected()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, error);
    const DecodedText decoded = decodeText(bytes);
    QVERIFY2(!decoded.ok, qPrintable(decoded.encoding));
    QVERIFY(decoded.text.isEmpty());
    if (!error.isEmpty()) {
        QCOMPARE(decoded.error, error);
    } else {
        const QStringList expected{QStringLiteral("not a text file: contains control characters"),
                                   QStringLiteral("not text in a known encoding (UTF-8, UTF-16, GB18030, Big5)")};
        QVERIFY2(expected.contains(decoded.error), qPrintable(decoded.error));
    }
}

void TestTextDecoder::decode_nulBytesInUtf8_rejected()
{
    QByteArray bytes = readCorpus(corpusFiles().value(0));
    QVERIFY(!bytes.isEmpty());
    // At line starts, so that the rest stays valid UTF-8.
    bytes.insert(bytes.indexOf('\n', bytes.size() / 2) + 1, '\0');
    bytes.insert(bytes.indexOf('\n', bytes.size() / 3) + 1, QByteArray(3, '\0'));
    bytes.append('\0');
    const DecodedText decoded = decodeText(bytes);
    QVERIFY(!decoded.ok);
    QCOMPARE(decoded.error, QStringLiteral("not a text file: contains NUL bytes"));
    // With a UTF-8 BOM the NUL is a control character of a UTF-8 text.
    const DecodedText withBom = decodeText(kUtf8Bom + bytes);
    QVERIFY(!withBom.ok);
    QCOMPARE(withBom.error, QStringLiteral("not a text file: contains control characters"));
}

void TestTextDecoder::decode_controlCharacters_rejected_data()
{
    QTest::addColumn<QByteArray>("control");
    QTest::newRow("SOH") << QByteArray("\x01");
    QTest::newRow("backspace") << QByteArray("\x08");
    QTest::newRow("escape sequence") << QByteArray("\x1B[0m");
    QTest::newRow("DOS end of file") << QByteArray("\x1A");
    QTest::newRow("DEL") << QByteArray("\x7F");
}

void TestTextDecoder::decode_controlCharacters_rejected()
{
    QFETCH(QByteArray, control);
    const QByteArray bytes = chineseLine() + control + "\n" + chineseLine() + "\n";
    const DecodedText decoded = decodeText(bytes);
    QVERIFY(!decoded.ok);
    QCOMPARE(decoded.error, QStringLiteral("not a text file: contains control characters"));
    // The same in UTF-16 with a BOM.
    const DecodedText utf16 = decodeText(kUtf16LeBom + encodeWith("UTF-16LE", QString::fromUtf8(bytes)));
    QVERIFY(!utf16.ok);
    QCOMPARE(utf16.error, QStringLiteral("not a text file: contains control characters"));
}

void TestTextDecoder::decode_allowedControls_accepted_data()
{
    QTest::addColumn<QByteArray>("control");
    QTest::newRow("tab") << QByteArray("\t");
    QTest::newRow("form feed") << QByteArray("\f");
    QTest::newRow("vertical tab") << QByteArray("\v");
    QTest::newRow("CRLF") << QByteArray("\r\n");
    QTest::newRow("lone CR") << QByteArray("\r");
}

void TestTextDecoder::decode_allowedControls_accepted()
{
    QFETCH(QByteArray, control);
    const QByteArray bytes = chineseLine() + control + chineseLine();
    const DecodedText decoded = decodeText(bytes);
    QVERIFY2(decoded.ok, qPrintable(decoded.error));
    QCOMPARE(decoded.encoding, QStringLiteral("UTF-8"));
    QCOMPARE(decoded.text, QString::fromUtf8(bytes)); // line ends are left to the caller
}

void TestTextDecoder::decode_corruptedCorpusUtf8_reportsFirstBadByte_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("error");

    for (const QString &name : corpusFiles()) {
        const QByteArray original = readCorpus(name);
        // Three bytes in the middle of the text replaced, as a damaged download or disk would.
        QByteArray damaged = original;
        const qsizetype damagedByte = damaged.size() / 3;
        damaged[damagedByte] = char(0xFF);
        damaged[damaged.size() / 2] = char(0xC0);
        damaged[2 * damaged.size() / 3] = 'x';
        // 'x' may land on an ASCII byte and damage nothing, the two others always do. The error names the
        // first byte of the character the damage is in.
        qsizetype first = damagedByte;
        while (first > 0 && (uchar(original.at(first)) & 0xC0) == 0x80)
            --first;
        const int line = int(original.left(first).count('\n')) + 1;
        const QByteArray row = name.left(3).toLatin1();
        QTest::addRow("%s three bytes", row.constData())
            << damaged << QStringLiteral("invalid UTF-8 at byte %1 (line %2)").arg(first).arg(line);
        QTest::addRow("%s three bytes, bom", row.constData())
            << kUtf8Bom + damaged << QStringLiteral("invalid UTF-8 at byte %1 (line %2)").arg(first + 3).arg(line);
        // The file cut in the middle of a character (the first two bytes of 中).
        QTest::addRow("%s cut in a character", row.constData())
            << original + "\xE4\xB8"
            << QStringLiteral("invalid UTF-8 at byte %1 (line %2)").arg(original.size()).arg(original.count('\n') + 1);
    }
}

void TestTextDecoder::decode_corruptedCorpusUtf8_reportsFirstBadByte()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, error);
    const DecodedText decoded = decodeText(bytes);
    QVERIFY2(!decoded.ok, qPrintable(decoded.encoding));
    QCOMPARE(decoded.error, error);
}

void TestTextDecoder::decode_utf8Boundaries_strictlyValidated_data()
{
    QTest::addColumn<QByteArray>("sequence");
    QTest::addColumn<bool>("valid");

    QTest::newRow("U+0080") << QByteArray("\xC2\x80") << true;
    QTest::newRow("U+07FF") << QByteArray("\xDF\xBF") << true;
    QTest::newRow("U+0800") << QByteArray("\xE0\xA0\x80") << true;
    QTest::newRow("U+D7FF") << QByteArray("\xED\x9F\xBF") << true;
    QTest::newRow("U+E000") << QByteArray("\xEE\x80\x80") << true;
    QTest::newRow("U+FFFF") << QByteArray("\xEF\xBF\xBF") << true;
    QTest::newRow("U+10000") << QByteArray("\xF0\x90\x80\x80") << true;
    QTest::newRow("U+10FFFF") << QByteArray("\xF4\x8F\xBF\xBF") << true;
    QTest::newRow("U+FFFD in the file") << QByteArray("\xEF\xBF\xBD") << true;

    QTest::newRow("overlong NUL") << QByteArray("\xC0\x80") << false;
    QTest::newRow("overlong 2-byte") << QByteArray("\xC1\xBF") << false;
    QTest::newRow("overlong 3-byte") << QByteArray("\xE0\x9F\xBF") << false;
    QTest::newRow("overlong 4-byte") << QByteArray("\xF0\x8F\xBF\xBF") << false;
    QTest::newRow("high surrogate") << QByteArray("\xED\xA0\x80") << false;
    QTest::newRow("low surrogate") << QByteArray("\xED\xBF\xBF") << false;
    QTest::newRow("above U+10FFFF") << QByteArray("\xF4\x90\x80\x80") << false;
    QTest::newRow("F5 lead") << QByteArray("\xF5\x80\x80\x80") << false;
    QTest::newRow("5-byte form") << QByteArray("\xF8\x88\x80\x80\x80") << false;
    QTest::newRow("FF") << QByteArray("\xFF") << false;
    QTest::newRow("lone continuation") << QByteArray("\x80") << false;
    QTest::newRow("truncated 3-byte") << QByteArray("\xE4\xB8") << false;
    QTest::newRow("truncated 4-byte") << QByteArray("\xF0\x9F\x98") << false;
}

void TestTextDecoder::decode_utf8Boundaries_strictlyValidated()
{
    QFETCH(QByteArray, sequence);
    QFETCH(bool, valid);
    const QByteArray prefix = chineseLine().repeated(3);
    const QByteArray bytes = prefix + sequence + "ab" + chineseLine().repeated(3);
    const DecodedText decoded = decodeText(bytes);
    if (valid) {
        QVERIFY2(decoded.ok, qPrintable(decoded.error));
        QCOMPARE(decoded.encoding, QStringLiteral("UTF-8"));
        QCOMPARE(decoded.text, QString::fromUtf8(bytes));
    } else {
        QVERIFY(!decoded.ok);
        QCOMPARE(decoded.error, QStringLiteral("invalid UTF-8 at byte %1 (line 1)").arg(prefix.size()));
    }
}

void TestTextDecoder::decode_randomUtf8Damage_agreesWithQtStrictDecoder()
{
    // Damage short UTF-8 snippets at random (bytes 80..FF only, so no control characters appear) and check that
    // the decoder calls a snippet UTF-8 exactly when Qt's own decoder finds no error, and then decodes it alike.
    const QString text = QString::fromUtf8(readCorpus(corpusFiles().value(2)));
    QRandomGenerator random(7);
    int validSeen = 0;
    int invalidSeen = 0;
    for (int round = 0; round < 3000; ++round) {
        const qsizetype start = random.bounded(int(text.size() - 60));
        QByteArray bytes = text.mid(start, 40).toUtf8();
        const int damage = 1 + random.bounded(3);
        for (int i = 0; i < damage; ++i)
            bytes[random.bounded(int(bytes.size()))] = char(0x80 + random.bounded(0x80));
        if (random.bounded(4) == 0) // sometimes put the damage at the very end
            bytes.append(char(0xC2 + random.bounded(0x33)));

        QStringDecoder qtDecoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString qtText = qtDecoder.decode(bytes);
        const bool qtValid = !qtDecoder.hasError();
        const DecodedText decoded = decodeText(bytes);
        const bool asUtf8 = decoded.ok && decoded.encoding == QLatin1StringView("UTF-8");
        if (asUtf8 != qtValid || (qtValid && decoded.text != qtText))
            QFAIL(qPrintable(QStringLiteral("disagreement on %1: %2 / %3")
                                 .arg(QString::fromLatin1(bytes.toHex(' ')), decoded.encoding, decoded.error)));
        if (!decoded.ok)
            QVERIFY(!decoded.error.isEmpty() && !decoded.error.contains(u'\n'));
        (qtValid ? validSeen : invalidSeen)++;
    }
    QVERIFY(validSeen > 0);
    QVERIFY(invalidSeen > 1000);
}

void TestTextDecoder::decode_brokenUtf16_rejected_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("error");
    const QByteArray le = encodeWith("UTF-16LE", QString::fromUtf8(chineseLine() + "\n").repeated(4));
    const QByteArray be = encodeWith("UTF-16BE", QString::fromUtf8(chineseLine() + "\n").repeated(4));

    QTest::newRow("le bom, lone low surrogate") << kUtf16LeBom + le + QByteArray("\x00\xDC", 2) + le
                                                << QStringLiteral("invalid UTF-16LE at byte %1").arg(2 + le.size());
    QTest::newRow("be bom, high surrogate at the end")
        << kUtf16BeBom + be + QByteArray("\xD8\x3D", 2)
        << QStringLiteral("invalid UTF-16BE at byte %1").arg(2 + be.size());
    QTest::newRow("le bom, odd byte count")
        << kUtf16LeBom + le + "x" << QStringLiteral("invalid UTF-16LE: the file has an odd number of bytes");
    QTest::newRow("le without bom, lone high surrogate")
        << le + QByteArray("\x3D\xD8", 2) + le << QStringLiteral("invalid UTF-16LE at byte %1").arg(le.size());
    QTest::newRow("le bom, NUL character") << kUtf16LeBom + le + QByteArray(2, '\0') + le
                                           << QStringLiteral("not a text file: contains control characters");
}

void TestTextDecoder::decode_brokenUtf16_rejected()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, error);
    const DecodedText decoded = decodeText(bytes);
    QVERIFY(!decoded.ok);
    QCOMPARE(decoded.error, error);
}

void TestTextDecoder::decode_latin1Text_notAKnownEncoding()
{
    const QByteArray latin1 = QStringLiteral("Le café est très bon à la française, dit-il. Crème brûlée à volonté.\n")
                                  .repeated(20)
                                  .toLatin1();
    const DecodedText decoded = decodeText(latin1);
    QVERIFY2(!decoded.ok, qPrintable(decoded.encoding));
    QCOMPARE(decoded.error, QStringLiteral("not text in a known encoding (UTF-8, UTF-16, GB18030, Big5)"));
}

void TestTextDecoder::decode_50MbSingleLineUtf8_fast()
{
    QByteArray line = readCorpus(corpusFiles().value(0));
    line.replace('\n', ' ');
    constexpr qsizetype size = 50 * 1024 * 1024;
    const QByteArray bytes = line.repeated(size / line.size() + 1);
    // Against Qt's own decoding of the same bytes, timed beside it, so that a loaded machine slows both: what this
    // guards against is work that grows faster than the text (a scan per line, a copy per chunk), which on one
    // 50 MB line costs minutes, not a constant factor.
    QElapsedTimer timer;
    timer.start();
    const QString expected = QString::fromUtf8(bytes);
    const qint64 baselineMs = timer.restart();
    const DecodedText decoded = decodeText(bytes);
    const qint64 ms = timer.elapsed();

    QVERIFY2(decoded.ok, qPrintable(decoded.error));
    QCOMPARE(decoded.encoding, QStringLiteral("UTF-8"));
    QVERIFY(decoded.text == expected);
    qInfo("UTF-8: %.1f MB in %lld ms (%.0f MB/s); QString::fromUtf8: %lld ms", bytes.size() / 1e6, ms,
          bytes.size() / 1e3 / qMax<qint64>(ms, 1), baselineMs);
    QVERIFY2(ms < 1000 + 40 * baselineMs, qPrintable(QStringLiteral("%1 ms against %2 ms").arg(ms).arg(baselineMs)));
}

void TestTextDecoder::decode_gb18030_throughput()
{
    const QString text = QString::fromUtf8(readCorpus(corpusFiles().value(1))).repeated(1000);
    const QByteArray bytes = encodeWith("GB18030", text);

    QElapsedTimer timer;
    timer.start();
    const DecodedText decoded = decodeText(bytes);
    const qint64 ms = timer.elapsed();

    QVERIFY2(decoded.ok, qPrintable(decoded.error));
    QCOMPARE(decoded.encoding, QStringLiteral("GB18030"));
    QVERIFY(decoded.text == text);
    qInfo("GB18030: %.1f MB in %lld ms (%.0f MB/s)", bytes.size() / 1e6, ms, bytes.size() / 1e3 / qMax<qint64>(ms, 1));
    QVERIFY2(ms < 5000, qPrintable(QStringLiteral("%1 ms").arg(ms)));
}

QTEST_GUILESS_MAIN(TestTextDecoder)
#include "tst_textdecoder.moc"
