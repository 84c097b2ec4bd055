// The search tokenizer as a pure function, and as the FTS5 tokenizer on a real connection: 1/2/3+-character
// queries, phrases, Latin, full-width, Traditional, OCR spaces, byte offsets.
#include "core/search/matchhighlighter.h"
#include "core/search/queryparser.h"
#include "core/search/tokenizer.h"
#include "core/store/library.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace dubao;
using search::TokenizeMode;
using namespace Qt::StringLiterals;

namespace {

QStringList texts(const QList<search::Token> &tokens)
{
    QStringList out;
    for (const auto &t : tokens)
        out.append(QString::fromUtf8(t.text) + u'@' + QString::number(t.position));
    return out;
}

QStringList queryTexts(const QString &s)
{
    QStringList out;
    for (const QByteArray &t : search::queryTokens(s))
        out.append(QString::fromUtf8(t));
    return out;
}

} // namespace

class TestTokenizer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void document_hanRun_bigramsThenLastUnigram()
    {
        const auto tokens = search::tokenize(QStringView(u"永川区"), TokenizeMode::Document);
        QCOMPARE(texts(tokens), (QStringList{u"永川@0"_s, u"川区@1"_s, u"区@2"_s}));
        QCOMPARE(texts(search::tokenize(QStringView(u"会"), TokenizeMode::Document)), QStringList{u"会@0"_s});
    }

    void highlight_hanRun_unigramsAndColocatedBigrams()
    {
        const auto tokens = search::tokenize(QStringView(u"永川区"), TokenizeMode::Highlight);
        QCOMPARE(texts(tokens), (QStringList{u"永@0"_s, u"永川@0"_s, u"川@1"_s, u"川区@1"_s, u"区@2"_s}));
        QVERIFY(!tokens[0].colocated);
        QVERIFY(tokens[1].colocated);
        QVERIFY(!tokens[2].colocated);
    }

    void query_lengths_oneTwoThreeAndMore()
    {
        QCOMPARE(queryTexts(u"会"_s), QStringList{u"会*"_s}); // prefix: 会议, 会上, … and 会 ending a run
        QCOMPARE(queryTexts(u"会议"_s), QStringList{u"会议"_s});
        QCOMPARE(queryTexts(u"常委会"_s), (QStringList{u"常委"_s, u"委会"_s}));
        QCOMPARE(queryTexts(u"高质量发展"_s), (QStringList{u"高质"_s, u"质量"_s, u"量发"_s, u"发展"_s}));
    }

    void query_runFollowedByWord_keepsPositionsAligned()
    {
        // 会议 covers two document positions; "2023" must come after both.
        QCOMPARE(queryTexts(u"会议2023"_s), (QStringList{u"会议"_s, u"议*"_s, u"2023"_s}));
        QCOMPARE(queryTexts(u"2023年"_s), (QStringList{u"2023"_s, u"年*"_s}));
    }

    void ocrSpaces_insideHanRun_ignored()
    {
        QCOMPARE(queryTexts(u"永 川"_s), QStringList{u"永川"_s});
        QCOMPARE(queryTexts(u"永\u3000川"_s), QStringList{u"永川"_s});
        const auto tokens = search::tokenize(QStringView(u"永 川"), TokenizeMode::Document);
        QCOMPARE(texts(tokens), (QStringList{u"永川@0"_s, u"川@1"_s}));
        // The bigram spans the space: bytes 0..7 (永 3 bytes, space 1, 川 3).
        QCOMPARE(tokens[0].start, 0);
        QCOMPARE(tokens[0].end, 7);
    }

    void punctuation_endsRun()
    {
        const auto tokens = search::tokenize(QStringView(u"永，川"), TokenizeMode::Document);
        QCOMPARE(texts(tokens), (QStringList{u"永@0"_s, u"川@1"_s}));
        QVERIFY(queryTexts(u"，。！*\"()"_s).isEmpty());
    }

    void latin_lowercasedAndWidthFolded()
    {
        QCOMPARE(queryTexts(u"ＧＤＰ"_s), QStringList{u"gdp"_s});
        QCOMPARE(queryTexts(u"２０２３年"_s), (QStringList{u"2023"_s, u"年*"_s}));
        QCOMPARE(queryTexts(u"COVID-19"_s), (QStringList{u"covid"_s, u"19"_s}));
        QCOMPARE(queryTexts(u"Apple Inc."_s), (QStringList{u"apple"_s, u"inc"_s}));
    }

    void traditional_foldedToSimplified()
    {
        QCOMPARE(queryTexts(u"會議"_s), QStringList{u"会议"_s});
        QCOMPARE(queryTexts(u"本報訊"_s), (QStringList{u"本报"_s, u"报讯"_s}));
        QCOMPARE(queryTexts(u"共贏"_s), QStringList{u"共赢"_s});
        // Idempotent: a folded token re-tokenizes to itself (FTS5 tokenizes our quoted tokens again).
        for (const QString &s : {u"會議"_s, u"乾隆"_s, u"後來"_s, u"髮"_s}) {
            for (const QByteArray &t : search::queryTokens(s))
                QCOMPARE(search::queryTokens(QString::fromUtf8(t)), QList<QByteArray>{t});
        }
    }

    void byteOffsets_pointIntoUtf8Input()
    {
        const QString text = u"a永川 GDP，２０２３"_s;
        const QByteArray utf8 = text.toUtf8();
        const auto tokens = search::tokenize(QStringView(text), TokenizeMode::Document);
        for (const auto &t : tokens) {
            QVERIFY(t.start >= 0 && t.end <= utf8.size() && t.start < t.end);
            // The UTF-16 range and the byte range cover the same characters.
            QCOMPARE(QString::fromUtf8(utf8.mid(t.start, t.end - t.start)),
                     text.mid(t.utf16Start, t.utf16End - t.utf16Start));
        }
        const auto it = std::find_if(tokens.begin(), tokens.end(), [](const auto &t) { return t.text == "2023"; });
        QVERIFY(it != tokens.end());
        QCOMPARE(it->start, int(utf8.indexOf("\xEF\xBC\x92"))); // the full-width ２
        QCOMPARE(it->end, int(utf8.size()));
    }

    void supplementaryHan_isOneCharacter()
    {
        const QString text = QString::fromUcs4(U"𠀀永");
        const auto tokens = search::tokenize(QStringView(text), TokenizeMode::Document);
        QCOMPARE(tokens.size(), 2);
        QCOMPARE(tokens[0].utf16End, 3); // the bigram
        QCOMPARE(tokens[1].utf16Start, 2);
        QCOMPARE(tokens[1].utf16End, 3);
    }

    void invalidUtf8_isSkipped()
    {
        const auto tokens = search::tokenize(std::string_view("ab\xff\xfe"
                                                              "cd\xe6\xb0",
                                                              8),
                                             TokenizeMode::Document);
        QCOMPARE(tokens.size(), 2);
        QCOMPARE(tokens[0].text, QByteArray("ab"));
        QCOMPARE(tokens[1].text, QByteArray("cd"));
    }

    // The registered tokenizer inside FTS5: substring semantics through MATCH.
    void fts5_substringSemantics_data()
    {
        QTest::addColumn<QString>("document");
        QTest::addColumn<QString>("phrase");
        QTest::addColumn<bool>("matches");
        QTest::newRow("1 char") << u"永川区委常委会"_s << u"委"_s << true;
        QTest::newRow("1 char, last of run") << u"常委会。"_s << u"会"_s << true;
        QTest::newRow("1 char, first of run") << u"会议"_s << u"会"_s << true;
        QTest::newRow("1 char, alone") << u"，会，"_s << u"会"_s << true;
        QTest::newRow("1 char, absent") << u"常委会"_s << u"议"_s << false;
        QTest::newRow("char then word") << u"年12月"_s << u"年12"_s << true;
        QTest::newRow("word then char mid-run") << u"2023年会"_s << u"2023年"_s << true;
        QTest::newRow("2 chars") << u"永川区委常委会"_s << u"区委"_s << true;
        QTest::newRow("3 chars") << u"永川区委常委会"_s << u"常委会"_s << true;
        QTest::newRow("last 2 chars") << u"永川区委常委会"_s << u"委会"_s << true;
        QTest::newRow("whole run") << u"永川区委常委会"_s << u"永川区委常委会"_s << true;
        QTest::newRow("not adjacent") << u"中华人民共和国国歌"_s << u"中华国歌"_s << false;
        QTest::newRow("reversed") << u"永川"_s << u"川永"_s << false;
        QTest::newRow("across punctuation") << u"永，川"_s << u"永川"_s << false;
        QTest::newRow("OCR space in text") << u"永 川区"_s << u"永川区"_s << true;
        QTest::newRow("OCR space in query") << u"永川区"_s << u"永 川"_s << true;
        QTest::newRow("Traditional text") << u"會議強調"_s << u"会议"_s << true;
        QTest::newRow("Traditional query") << u"会议强调"_s << u"會議"_s << true;
        QTest::newRow("full-width digits") << u"２０２３年"_s << u"2023年"_s << true;
        QTest::newRow("full-width Latin") << u"ＧＤＰ增长"_s << u"gdp增长"_s << true;
        QTest::newRow("Latin is words") << u"gdpr"_s << u"gdp"_s << false;
        QTest::newRow("run then word") << u"会议2023年"_s << u"会议2023"_s << true;
        QTest::newRow("run then word, gap") << u"会议在2023年"_s << u"会议2023"_s << false;
        QTest::newRow("phrase over punctuation") << u"会议，发展"_s << u"会议发展"_s << false;
    }

    void fts5_substringSemantics()
    {
        QFETCH(QString, document);
        QFETCH(QString, phrase);
        QFETCH(bool, matches);
        Library library;
        QVERIFY(library.open(QStringLiteral(":memory:")));
        QSqlDatabase db = library.database();
        QSqlQuery q(db);
        QVERIFY2(q.exec(QStringLiteral("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='dubao')")),
                 qPrintable(q.lastError().text()));
        q.prepare(QStringLiteral("INSERT INTO t (x) VALUES (?)"));
        q.addBindValue(document);
        QVERIFY(q.exec());
        q.prepare(QStringLiteral("SELECT count(*) FROM t WHERE t MATCH ?"));
        q.addBindValue(QueryParser::phraseExpression(search::queryTokens(phrase)));
        QVERIFY2(q.exec() && q.next(), qPrintable(q.lastError().text()));
        QCOMPARE(q.value(0).toInt() == 1, matches);
        // The highlighter agrees with FTS5.
        QCOMPARE(!MatchHighlighter({search::queryTokens(phrase)}).matches(document).isEmpty(), matches);
    }

    void fts5_everyConnection_hasTheTokenizer()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("l.sqlite"));
        Library a;
        QVERIFY(a.open(path));
        Library b; // a second connection on the same file
        QVERIFY(b.open(path));
        QSqlQuery q(b.database());
        QVERIFY2(q.exec(QStringLiteral("SELECT count(*) FROM search_blocks WHERE search_blocks MATCH '\"永川\"'")),
                 qPrintable(q.lastError().text()));
    }
};

QTEST_GUILESS_MAIN(TestTokenizer)
#include "tst_tokenizer.moc"
