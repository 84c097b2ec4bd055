// Concordance (KWIC) on the corpus: one line per occurrence with the right contexts, sorting, CSV.
#include "core/ingest/importer.h"
#include "core/search/concordance.h"
#include "core/store/library.h"
#include "core/text/chinesetext.h"

#include <QCollator>
#include <QLocale>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace dubao;
using namespace Qt::StringLiterals;

class TestConcordance : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Library m_library;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_library.open(m_dir.filePath(u"l.sqlite"_s)));
        QVERIFY(Importer(m_library).importPaths({QStringLiteral(DUBAO_CORPUS_DIR)}).allOk());
    }

    void lines_oneForEveryOccurrence()
    {
        // Brute force: occurrences of 永川 in the cleaned text.
        qint64 expected = 0;
        QSqlQuery q(m_library.database());
        QVERIFY(q.exec(u"SELECT text FROM blocks"_s));
        while (q.next())
            expected += text::foldToSimplified(q.value(0).toString()).count(u"永川"_s);
        QVERIFY(expected > 20);

        const ConcordanceResult result = Concordance(m_library).lines(u"永川"_s, {10, 0, ConcordanceSort::Date});
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.lines.size(), expected);
        for (const ConcordanceLine &line : result.lines) {
            QCOMPARE(line.keyword, u"永川"_s);
            QVERIFY(line.left.size() <= 10 && line.right.size() <= 10);
            QVERIFY(line.blockId > 0 && line.articleId > 0);
            // The line is the text around `offset` in its paragraph.
            QSqlQuery b(m_library.database());
            b.prepare(u"SELECT text FROM blocks WHERE id = ?"_s);
            b.addBindValue(line.blockId);
            QVERIFY(b.exec() && b.next());
            const QString text = b.value(0).toString();
            QCOMPARE(text.mid(line.offset - line.left.size(), line.left.size() + line.length + line.right.size()),
                     line.left + line.keyword + line.right);
            QVERIFY(line.left.size() == 10 || line.offset == line.left.size());
        }
        // Date order: oldest first.
        for (qsizetype k = 1; k < result.lines.size(); ++k)
            QVERIFY(!result.lines[k].date.isValid() || result.lines[k - 1].date <= result.lines[k].date ||
                    !result.lines[k - 1].date.isValid());
    }

    void sort_byLeftAndRightContext()
    {
        Concordance concordance(m_library);
        QList<ConcordanceLine> lines = concordance.lines(u"会议"_s, {8, 0, ConcordanceSort::RightContext}).lines;
        QVERIFY(lines.size() > 10);
        // Right: lines with the same right context are adjacent, and the order follows the collator.
        QCollator zh(QLocale(QLocale::Chinese, QLocale::China));
        for (qsizetype k = 1; k < lines.size(); ++k)
            QVERIFY(zh.compare(lines[k - 1].right, lines[k].right) <= 0);
        // Left: compared from the keyword leftwards, so the character just before it groups the lines.
        Concordance::sort(lines, ConcordanceSort::LeftContext);
        auto reversed = [](const QString &s) {
            QString r = s;
            std::reverse(r.begin(), r.end());
            return r;
        };
        for (qsizetype k = 1; k < lines.size(); ++k)
            QVERIFY(zh.compare(reversed(lines[k - 1].left), reversed(lines[k].left)) <= 0);
        QSet<QChar> seen;
        QChar previous;
        for (const ConcordanceLine &line : std::as_const(lines)) {
            if (line.left.isEmpty())
                continue;
            const QChar last = line.left.back();
            if (last != previous) {
                QVERIFY2(!seen.contains(last), "lines ending in the same character must be adjacent");
                seen.insert(last);
                previous = last;
            }
        }
    }

    void limit_andErrors()
    {
        Concordance concordance(m_library);
        const ConcordanceResult limited = concordance.lines(u"的"_s, {5, 7, ConcordanceSort::Date});
        QCOMPARE(limited.lines.size(), 7);
        QVERIFY(limited.truncated);
        QVERIFY(limited.paragraphs > 7);
        QVERIFY(!concordance.lines(u"，。"_s).ok());
        QVERIFY(!concordance.lines(u""_s).ok());
        QVERIFY(concordance.lines(u"\"永川"_s).ok()); // a stray quote is punctuation
        QVERIFY(concordance.lines(u"會議"_s).lines.size() == concordance.lines(u"会议"_s).lines.size());
    }

    void csv_rfc4180WithBom()
    {
        ConcordanceLine line;
        line.left = u"左,边"_s;
        line.keyword = u"永川"_s;
        line.right = u"有\"引号\"\n换行"_s;
        line.date = QDate(2023, 6, 14);
        line.articleId = 3;
        line.articleTitle = u"标题"_s;
        line.blockId = 17;
        line.offset = 5;
        const QByteArray csv = Concordance::toCsv({line});
        QVERIFY(csv.startsWith("\xEF\xBB\xBF"
                               "date,article_id,article_title,block_id,offset,left,keyword,right\r\n"));
        QCOMPARE(csv.mid(3).split('\n').size(), 4); // header, the row with an embedded LF, the final CRLF
        QVERIFY(
            csv.contains(QString(u"2023-06-14,3,标题,17,5,\"左,边\",永川,\"有\"\"引号\"\"\n换行\"\r\n"_s).toUtf8()));
    }
};

QTEST_GUILESS_MAIN(TestConcordance)
#include "tst_concordance.moc"
