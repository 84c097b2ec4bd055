// The query language: what each construct parses to, the MATCH strings built from tokens only, and hostile
// input (a fuzz loop over operators, quotes, CJK and punctuation) run against a real index: no crash, no SQL
// error, every failure a message.
#include "core/ingest/importer.h"
#include "core/search/queryparser.h"
#include "core/search/searchservice.h"
#include "core/store/library.h"

#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace dubao;
using namespace Qt::StringLiterals;

namespace {

QStringList termTexts(const QList<QueryTerm> &terms)
{
    QStringList out;
    for (const QueryTerm &t : terms)
        out.append(t.text);
    return out;
}

} // namespace

class TestQueryParser : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void words_areAndedPhrases()
    {
        const SearchQuery q = QueryParser::parse(u"永川  会议"_s);
        QVERIFY(q.isValid());
        QCOMPARE(q.clauses.size(), 2);
        QCOMPARE(q.matchExpression(), u"\"永川\" AND \"会议\""_s);
        QCOMPARE(QueryParser::parse(u"常委会"_s).matchExpression(), u"\"常委\" + \"委会\""_s);
        QCOMPARE(QueryParser::parse(u"会"_s).matchExpression(), u"\"会\" *"_s);
    }

    void quotes_makeOnePhrase_unbalancedRunsToEnd()
    {
        SearchQuery q = QueryParser::parse(u"\"永 川区\" 发展"_s);
        QCOMPARE(q.clauses.size(), 2);
        QCOMPARE(q.clauses[0][0].text, u"永 川区"_s);
        QVERIFY(q.clauses[0][0].quoted);
        QCOMPARE(q.clauses[0][0].tokens, (QList<QByteArray>{"永川", "川区"}));
        q = QueryParser::parse(u"发展 \"高质量"_s);
        QVERIFY(q.isValid());
        QCOMPARE(termTexts(q.clauses.back()), QStringList{u"高质量"_s});
        QCOMPARE(q.messages.size(), 1);
        q = QueryParser::parse(u"“永川区”"_s); // Chinese quotes too
        QCOMPARE(q.clauses.size(), 1);
        QVERIFY(q.clauses[0][0].quoted);
    }

    void or_and_not()
    {
        SearchQuery q = QueryParser::parse(u"永川 OR 江津 会议 -常委会 NOT 人大"_s);
        QCOMPARE(q.clauses.size(), 2);
        QCOMPARE(termTexts(q.clauses[0]), (QStringList{u"永川"_s, u"江津"_s}));
        QCOMPARE(termTexts(q.excluded), (QStringList{u"常委会"_s, u"人大"_s}));
        QCOMPARE(q.matchExpression(), u"((\"永川\" OR \"江津\") AND \"会议\") NOT (\"常委\" + \"委会\" OR \"人大\")"_s);
        q = QueryParser::parse(u"OR 永川 OR OR"_s);
        QVERIFY(q.isValid());
        QCOMPARE(q.clauses.size(), 1);
        QVERIFY(!q.messages.isEmpty());
        QVERIFY(!QueryParser::parse(u"-永川"_s).isValid()); // only exclusions: a message, no search
        QVERIFY(QueryParser::parse(u"-永川"_s).error.contains(u"excluded"_s));
    }

    void filters()
    {
        const SearchQuery q = QueryParser::parse(
            u"发展 title:\"常委会 会议\" reporter:彭 禹乔 tag:经济 publication:渝西 from:2023-06 to:2023 in:notes"_s);
        QVERIFY(q.isValid());
        QCOMPARE(termTexts(q.titleTerms), QStringList{u"常委会 会议"_s});
        QCOMPARE(q.reporters, QStringList{u"彭"_s});
        QCOMPARE(termTexts(q.clauses.back()), QStringList{u"禹乔"_s}); // a space ends the value
        QCOMPARE(q.tags, QStringList{u"经济"_s});
        QCOMPARE(q.publications, QStringList{u"渝西"_s});
        QCOMPARE(q.from, QDate(2023, 6, 1));
        QCOMPARE(q.to, QDate(2023, 12, 31));
        QCOMPARE(q.scope, SearchQuery::Scope::Notes);

        SearchQuery bad = QueryParser::parse(u"发展 from:2023-13-01 to:昨天 in:nowhere title:"_s);
        QVERIFY(bad.isValid());
        QVERIFY(!bad.from.isValid() && !bad.to.isValid());
        QCOMPARE(bad.messages.size(), 4);

        QVERIFY(QueryParser::parse(u"title:常委会"_s).isTitleOnly());
        QVERIFY(!QueryParser::parse(u"reporter:彭禹乔"_s).isValid()); // filters only narrow
        QVERIFY(!QueryParser::parse(u"-title:x 发展"_s).messages.isEmpty());
    }

    void peopleFilters_standAlone()
    {
        const SearchQuery q = QueryParser::parse(u"会议 person:张 智奎 office：区长 person:常晓勇"_s);
        QVERIFY(q.isValid());
        QCOMPARE(q.persons, QStringList({u"张"_s, u"常晓勇"_s})); // a space ends the value, as for reporter:
        QCOMPARE(q.offices, QStringList{u"区长"_s});
        QVERIFY(q.hasArticleFilters());
        QVERIFY(!q.isPeopleOnly());
        QCOMPARE(QueryParser::parse(u"person:\"张 智奎\""_s).persons, QStringList{u"张智奎"_s}); // OCR space

        const SearchQuery alone = QueryParser::parse(u"person:张智奎 from:2023"_s);
        QVERIFY2(alone.isValid(), qPrintable(alone.error));
        QVERIFY(alone.isPeopleOnly());
        QVERIFY(alone.matchExpression().isEmpty());
        QVERIFY(QueryParser::parse(u"office:书记"_s).isPeopleOnly());
        QVERIFY(!QueryParser::parse(u"office:书记 in:notes"_s).isValid()); // notes need a word
        QVERIFY(!QueryParser::parse(u"person:张智奎 -会议"_s).isValid());  // an exclusion alone matches nothing
        QVERIFY(!QueryParser::parse(u"person:"_s).isValid());
        QVERIFY(QueryParser::parse(u"person:"_s).error.contains(u"person:张智奎"_s)); // the error says what is missing
        const SearchQuery negated = QueryParser::parse(u"发展 -office:区长"_s);
        QVERIFY(negated.offices.isEmpty());
        QVERIFY(!negated.messages.isEmpty());
    }

    void tagFilter_standsAlone()
    {
        const SearchQuery alone = QueryParser::parse(u"tag:政法 from:2023"_s);
        QVERIFY2(alone.isValid(), qPrintable(alone.error));
        QVERIFY(alone.isTagsOnly());
        QVERIFY(alone.matchExpression().isEmpty());
        QVERIFY(!QueryParser::parse(u"会议 tag:政法"_s).isTagsOnly());
        QVERIFY(!QueryParser::parse(u"tag:政法 person:张智奎"_s).isTagsOnly()); // the articles that name him
        QVERIFY(!QueryParser::parse(u"tag:政法 in:notes"_s).isValid());         // notes need a word
        QVERIFY(!QueryParser::parse(u"tag:政法 -会议"_s).isValid());            // an exclusion alone matches nothing
        const SearchQuery empty = QueryParser::parse(u"tag:"_s);
        QVERIFY(!empty.isValid());
        // The error itself says what is missing, not "type a word" (issue 20): the search panel shows only the error.
        QVERIFY2(empty.error.contains(u"tag: needs a value"_s), qPrintable(empty.error));
        QVERIFY(empty.messages.isEmpty()); // said once, in the error
        QVERIFY(QueryParser::parse(u"-tag:政策"_s).error.contains(u"cannot be excluded"_s));
        QVERIFY(QueryParser::parse(u"会"_s).messages.isEmpty());
        QVERIFY(QueryParser::parse(u"，。"_s).error.contains(u"no characters, letters or digits"_s)); // the note's
        QVERIFY(QueryParser::parse(u"\"\""_s).error.contains(u"Nothing to search for"_s)); // no note: as before
    }

    void authorFilter_standsAlone_andNarrows()
    {
        const SearchQuery alone = QueryParser::parse(u"author:rita from:2023"_s);
        QVERIFY2(alone.isValid(), qPrintable(alone.error));
        QCOMPARE(alone.authors, QStringList{u"rita"_s});
        QVERIFY(alone.isAnnotatedOnly());
        QVERIFY(!alone.isTagsOnly()); // no tag to list
        QVERIFY(alone.hasArticleFilters());
        const SearchQuery quoted = QueryParser::parse(u"会议 author:\"Rita Chen\" author：sam"_s);
        QCOMPARE(quoted.authors, (QStringList{u"Rita Chen"_s, u"sam"_s}));
        QVERIFY(!quoted.isAnnotatedOnly());
        QVERIFY(QueryParser::parse(u"tag:政法 author:rita"_s).isTagsOnly());
        QVERIFY(!QueryParser::parse(u"author:rita in:notes"_s).isValid());     // notes need a word
        QVERIFY(QueryParser::parse(u"-author:rita 会议"_s).authors.isEmpty()); // filters cannot be excluded
    }

    void nothingToSearch_givesAMessage_data()
    {
        QTest::addColumn<QString>("input");
        for (const QString &s : {u""_s, u"   "_s, u"*"_s, u"\""_s, u"\"\""_s, u"-"_s, u"OR"_s, u"NOT"_s, u"，。！"_s,
                                 u"()"_s, u"AND OR NOT"_s, u"--"_s, u"：："_s})
            QTest::newRow(qPrintable(s.isEmpty() ? u"empty"_s : s)) << s;
    }

    void nothingToSearch_givesAMessage()
    {
        QFETCH(QString, input);
        const SearchQuery q = QueryParser::parse(input);
        QVERIFY(!q.isValid());
        QVERIFY(!q.error.isEmpty());
        QVERIFY(q.matchExpression().isEmpty());
    }

    void matchExpression_isBuiltFromTokensOnly()
    {
        // FTS5 syntax typed by the user is never passed through: NEAR, column filters, ^, *, quotes.
        const SearchQuery q = QueryParser::parse(u"NEAR(永川 会议) text:永川 ^永川 永川* \"a\"\"b\" {text}:x"_s);
        QVERIFY(q.isValid());
        const QString m = q.matchExpression();
        QVERIFY2(!m.contains(u"NEAR("_s) && !m.contains(u'^') && !m.contains(u'{') && !m.contains(u':'), qPrintable(m));
    }

    void longInput_isCutWithAMessage()
    {
        // A pasted article: its first kMaxQueryLength characters are the search, and the user is told.
        QString pasted;
        while (pasted.size() < 3 * QueryParser::kMaxQueryLength)
            pasted += u"永川区委常委会召开会议 "_s;
        const SearchQuery query = QueryParser::parse(pasted);
        QVERIFY(query.error.isEmpty());
        QVERIFY(query.messages.join(u' ').contains(u"cut to its first 1000 characters"_s));
        const SearchQuery first = QueryParser::parse(QStringView(pasted).first(QueryParser::kMaxQueryLength));
        QCOMPARE(query.matchExpression(), first.matchExpression());
        // Never half a surrogate pair.
        QString astral(QueryParser::kMaxQueryLength - 1, u'会');
        astral += QString::fromUcs4(U"\U00020000"); // a CJK Extension B character at the cut
        astral += u"议"_s;
        const SearchQuery cut = QueryParser::parse(astral);
        QVERIFY(!cut.matchExpression().contains(QChar(0xFFFD)));
        QVERIFY(QueryParser::parse(QString(QueryParser::kMaxQueryLength, u'会')).messages.isEmpty());
    }

    void fuzz_noCrashNoSqlError()
    {
        QTemporaryDir dir;
        Library library;
        QVERIFY(library.open(dir.filePath(u"l.sqlite"_s)));
        QVERIFY(Importer(library).importPaths({QStringLiteral(DUBAO_CORPUS_DIR)}).allOk());
        SearchService service(library);
        const QStringList alphabet{u"\""_s,
                                   u"“"_s,
                                   u"”"_s,
                                   u"-"_s,
                                   u"－"_s,
                                   u"OR"_s,
                                   u"NOT"_s,
                                   u"AND"_s,
                                   u"*"_s,
                                   u"("_s,
                                   u")"_s,
                                   u":"_s,
                                   u"："_s,
                                   u"^"_s,
                                   u"{"_s,
                                   u"}"_s,
                                   u"+"_s,
                                   u"NEAR"_s,
                                   u"永"_s,
                                   u"川"_s,
                                   u"会议"_s,
                                   u"會"_s,
                                   u"，"_s,
                                   u"。"_s,
                                   u" "_s,
                                   u"  "_s,
                                   u"\u3000"_s,
                                   u"title:"_s,
                                   u"tag:"_s,
                                   u"author:"_s,
                                   u"from:"_s,
                                   u"to:"_s,
                                   u"in:notes"_s,
                                   u"reporter:"_s,
                                   u"publication:"_s,
                                   u"2023-06-14"_s,
                                   u"gdp"_s,
                                   u"ＧＤＰ"_s,
                                   u"'"_s,
                                   u"\\"_s,
                                   u"\n"_s,
                                   u"\t"_s,
                                   u"\uFFFD"_s,
                                   QString::fromUcs4(U"𠀀"),
                                   u"|"_s,
                                   u"&"_s,
                                   u"%"_s,
                                   u"_"_s,
                                   u";"_s,
                                   u"--"_s,
                                   u"/*"_s,
                                   u"0"_s,
                                   u"é"_s};
        QRandomGenerator random(20240614);
        int searched = 0;
        for (int round = 0; round < 1500; ++round) {
            QString input;
            const int pieces = random.bounded(1, 12);
            for (int k = 0; k < pieces; ++k)
                input += alphabet.at(random.bounded(alphabet.size()));
            const SearchQuery query = QueryParser::parse(input);
            QVERIFY(query.isValid() || !query.error.isEmpty());
            if (!query.isValid())
                continue;
            ++searched;
            const SearchResult result = service.search(query, {SearchOrder::Relevance, 0, 5});
            QVERIFY2(result.error.isEmpty() || !result.error.startsWith(u"database error"_s),
                     qPrintable(input + u" → "_s + query.matchExpression() + u": "_s + result.error));
            // The fuzzed library has no annotations: every author: is unknown.
            QVERIFY2(result.error.isEmpty() || result.error.contains(u"tag"_s) || result.error.contains(u"notes"_s) ||
                         result.error.contains(u"nobody has annotated"_s),
                     qPrintable(input + u": "_s + result.error));
        }
        QVERIFY(searched > 500);
    }
};

QTEST_GUILESS_MAIN(TestQueryParser)
#include "tst_queryparser.moc"
