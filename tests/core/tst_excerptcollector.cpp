// What an export gathers (ExcerptCollector): the selection (tags any/all, child tags, dates, publication, query,
// the annotations panel's filter, a notebook), the order, and what each excerpt carries. The formats that write
// it: tst_export. On both engines (an SQLite file and a team library: the lead of a group exports the coded
// excerpts).
#include "core/export/excerptcollector.h"
#include "core/export/exportformat.h"
#include "core/export/safemarkdown.h"
#include "core/store/linkresolver.h"
#include "core/store/sql.h"
#include "tests/support/engines.h"
#include "tests/support/exportfixture.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

using namespace dubao;
using namespace Qt::StringLiterals;

namespace {

QString key(const Excerpt &e)
{
    switch (e.kind) {
    case Excerpt::Kind::Highlight:
        return u"h"_s + QString::number(e.highlightId);
    case Excerpt::Kind::Note:
        return u"n"_s + QString::number(e.noteId);
    case Excerpt::Kind::Paragraph:
        return u"p"_s + QString::number(e.blockId);
    case Excerpt::Kind::Article:
        return u"a"_s + QString::number(e.articleId);
    case Excerpt::Kind::Text:
        return u"t:"_s + e.text;
    }
    return {};
}

} // namespace

class TestExcerptCollector : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void selection_noFilter_everyExcerptOnce();
    void selection_anyTag_includesChildTags();
    void selection_noChildren_onlyTheTag();
    void selection_allTags_needsEvery();
    void selection_dateRange_andPublication();
    void selection_query_onlyMatchingParagraphs();
    void selection_annotationFilter_matchesPanel();
    void excerpt_carriesQuoteSourceReportersLink();
    void notebook_inItsOrderWithFreeText();
    void selection_authors_theirExcerptsOnly_andEveryFormatNamesThem();

private:
    /// Records who made rows as a copy of a library writes them (a team library's server otherwise writes the login).
    bool setCreatedBy(const QString &sql, const QVariantList &binds)
    {
        QSqlDatabase db = m_fx.library->database();
        if (!db.transaction())
            return false;
        QSqlQuery copying(db);
        if ((test::onPostgres() && !copying.exec(u"SET LOCAL dubao.copy = 'on'"_s)) || !sql::exec(db, sql, binds)) {
            db.rollback();
            return false;
        }
        return db.commit();
    }
    ExportDocument collect(const ExportSelection &s)
    {
        const Result<ExportDocument> doc = ExcerptCollector(*m_fx.library).collect(s);
        if (!doc)
            qWarning() << doc.error().message();
        return doc.valueOr({});
    }
    QStringList keys(const ExportDocument &doc)
    {
        QStringList k;
        for (const Excerpt &e : doc.excerpts)
            k.append(key(e));
        return k;
    }
    const Excerpt *find(const ExportDocument &doc, const QString &k)
    {
        for (const Excerpt &e : doc.excerpts) {
            if (key(e) == k)
                return &e;
        }
        return nullptr;
    }

    test::ExportFixture m_fx;
    ExportDocument m_all;
};

void TestExcerptCollector::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    if (test::onPostgres()) {
        m_fx.location = test::libraryLocation(u"excerpts"_s);
        QVERIFY2(!m_fx.location.isEmpty(), qPrintable(test::engineRun().lastError));
    }
    QString error;
    QVERIFY2(m_fx.setUp(&error), qPrintable(error));
    m_all = collect({});
    QVERIFY(!m_all.excerpts.isEmpty());
}

void TestExcerptCollector::cleanupTestCase()
{
    m_fx.library.reset();
    m_fx.dir.reset();
}

void TestExcerptCollector::selection_noFilter_everyExcerptOnce()
{
    const QStringList k = keys(m_all);
    // by issue date: issue 2 (2023) first; the notes on h2 go with it, n3 (a paragraph note) on its own.
    const QStringList expected{
        u"h"_s + QString::number(m_fx.h3),          u"h"_s + QString::number(m_fx.h1),
        u"h"_s + QString::number(m_fx.h2),          u"n"_s + QString::number(m_fx.n3),
        u"p"_s + QString::number(m_fx.taggedBlock), u"a"_s + QString::number(m_fx.taggedArticle)};
    QCOMPARE(k, expected);
    const Excerpt *h2 = find(m_all, expected.at(2));
    QVERIFY(h2);
    QCOMPARE(h2->notes.size(), 2);
    // The notes through the one sanitiser (every format gets them so): the raw HTML is gone, the rest as written.
    QCOMPARE(h2->notes.at(0).text, markdown::sanitize(test::hostileNote()));
    QVERIFY(h2->notes.at(0).text.contains(u"@SUM(A1)"_s) && !h2->notes.at(0).text.contains(u'<'));
    QCOMPARE(h2->notes.at(1).text, QString(100 * 1024, QChar(u'长')) + u"end"_s);
}

void TestExcerptCollector::selection_anyTag_includesChildTags()
{
    ExportSelection s;
    s.tagIds = {m_fx.farming};
    QCOMPARE(keys(collect(s)),
             (QStringList{u"h"_s + QString::number(m_fx.h3), u"h"_s + QString::number(m_fx.h1),
                          u"h"_s + QString::number(m_fx.h2), u"a"_s + QString::number(m_fx.taggedArticle)}));
    s.tagIds = {m_fx.spring, m_fx.wetland};
    QCOMPARE(keys(collect(s)), (QStringList{u"h"_s + QString::number(m_fx.h3), u"h"_s + QString::number(m_fx.h1),
                                            u"p"_s + QString::number(m_fx.taggedBlock)}));
}

void TestExcerptCollector::selection_noChildren_onlyTheTag()
{
    ExportSelection s;
    s.tagIds = {m_fx.farming};
    s.includeChildTags = false;
    QCOMPARE(keys(collect(s)), (QStringList{u"h"_s + QString::number(m_fx.h3), u"h"_s + QString::number(m_fx.h2),
                                            u"a"_s + QString::number(m_fx.taggedArticle)}));
}

void TestExcerptCollector::selection_allTags_needsEvery()
{
    ExportSelection s;
    s.tagIds = {m_fx.farming, m_fx.wetland};
    s.allTags = true;
    QCOMPARE(keys(collect(s)), QStringList{u"h"_s + QString::number(m_fx.h3)});
    s.tagIds = {m_fx.farming, m_fx.hostileTags.at(0)};
    QCOMPARE(keys(collect(s)), QStringList{u"h"_s + QString::number(m_fx.h2)});
    s.tagIds = {m_fx.spring, m_fx.wetland};
    QVERIFY(collect(s).excerpts.isEmpty());
}

void TestExcerptCollector::selection_dateRange_andPublication()
{
    ExportSelection s;
    s.tagIds = {m_fx.farming};
    s.from = QDate(2024, 1, 1);
    s.to = QDate(2024, 12, 31);
    QVERIFY(!keys(collect(s)).contains(u"h"_s + QString::number(m_fx.h3)));
    QCOMPARE(collect(s).excerpts.size(), 3);
    s = {};
    s.publication = u"山城晚报"_s;
    QCOMPARE(keys(collect(s)), QStringList{u"h"_s + QString::number(m_fx.h3)});
    s.to = QDate(2022, 12, 31);
    QVERIFY(collect(s).excerpts.isEmpty());
}

void TestExcerptCollector::selection_query_onlyMatchingParagraphs()
{
    // The tagged paragraph (article 2, paragraph 1) is the only one of issue 1 about the wetland park's north part.
    const QString text = m_fx.stored1.parsed.articles.at(1).blocks.at(0).text;
    ExportSelection s;
    s.query = text.left(6);
    const ExportDocument doc = collect(s);
    QVERIFY2(!doc.excerpts.isEmpty(), qPrintable(s.query));
    QVERIFY(keys(doc).contains(u"p"_s + QString::number(m_fx.taggedBlock)));
    QVERIFY(!keys(doc).contains(u"h"_s + QString::number(m_fx.h1)));
    s.query = u"\"\""_s;
    const Result<ExportDocument> bad = ExcerptCollector(*m_fx.library).collect(s);
    QVERIFY(!bad || bad->excerpts.isEmpty());
}

void TestExcerptCollector::selection_annotationFilter_matchesPanel()
{
    AnnotationFilter f;
    f.tagIds = {m_fx.wetland};
    f.issueId = m_fx.issue2;
    const ExportSelection s = ExportSelection::fromFilter(f);
    QCOMPARE(s.issueId, m_fx.issue2);
    QCOMPARE(keys(collect(s)), QStringList{u"h"_s + QString::number(m_fx.h3)});
}

void TestExcerptCollector::excerpt_carriesQuoteSourceReportersLink()
{
    const Excerpt *h2 = find(m_all, u"h"_s + QString::number(m_fx.h2));
    QVERIFY(h2);
    const Article &article = m_fx.stored1.parsed.articles.at(0);
    QCOMPARE(h2->quote, article.blocks.at(1).text.mid(3, 17));
    QCOMPARE(h2->articleTitle, article.title);
    QCOMPARE(h2->publication, u"滨江日报"_s);
    QCOMPARE(h2->issueDate, QDate(2024, 3, 5));
    QVERIFY(article.byline);
    QCOMPARE(h2->reporters, article.byline->reporters);
    QVERIFY(!h2->reporters.isEmpty());
    QCOMPARE(h2->link(), DubaoLink::blockLink(sql::uidOf(m_fx.library->database(), "blocks", article.blocks.at(1).id)));
    QCOMPARE(h2->blockId, article.blocks.at(1).id);
    QVERIFY(h2->tags.contains(u"农业"_s));
    QCOMPARE(h2->tags.size(), 1 + test::hostileTagNames().size());
    QCOMPARE(h2->start, 3);
    QCOMPARE(h2->end, 20);

    const Excerpt *a = find(m_all, u"a"_s + QString::number(m_fx.taggedArticle));
    QVERIFY(a);
    QCOMPARE(a->link(), DubaoLink::articleLink(sql::uidOf(m_fx.library->database(), "articles", m_fx.taggedArticle)));
    QStringList texts;
    for (const Block &b : m_fx.stored1.parsed.articles.at(2).blocks)
        texts.append(b.text);
    QCOMPARE(a->quote, texts.join(u"\n\n"_s));
    QCOMPARE(a->publication, u"滨江日报"_s);

    const Excerpt *p = find(m_all, u"p"_s + QString::number(m_fx.taggedBlock));
    QVERIFY(p);
    QCOMPARE(p->quote, m_fx.stored1.parsed.articles.at(1).blocks.at(0).text);
    QCOMPARE(p->tags, QStringList{u"湿地"_s});
    QCOMPARE(p->issueDate, QDate(2024, 3, 5));

    const Excerpt *n3 = find(m_all, u"n"_s + QString::number(m_fx.n3));
    QVERIFY(n3);
    QCOMPARE(n3->quote, article.blocks.at(2).text); // a paragraph note quotes its paragraph
    QCOMPARE(n3->notes.size(), 1);
    QCOMPARE(n3->notes.at(0).text, test::formulaNote());
}

void TestExcerptCollector::notebook_inItsOrderWithFreeText()
{
    const ExportDocument doc = collect(ExportSelection::forNotebook(m_fx.notebook));
    QCOMPARE(doc.title, u"读书笔记"_s);
    QVERIFY(doc.isNotebook());
    QCOMPARE(keys(doc),
             (QStringList{u"t:开头 引言"_s /* sanitised: "开头 <i>引言</i>" */, u"h"_s + QString::number(m_fx.h2),
                          u"n"_s + QString::number(m_fx.n3), u"t:=结尾\n第二行"_s}));
    QCOMPARE(doc.excerpts.at(1).notes.size(), 2);
    const Result<ExportDocument> unknown = ExcerptCollector(*m_fx.library).collect(ExportSelection::forNotebook(9999));
    QVERIFY(!unknown);
    QVERIFY(!unknown.error().message().isEmpty());
    // as a readable Markdown document: the free text first, then the quote.
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(createExportWriter(u"md"_s)->write(doc, {}, buffer));
    const QString md = QString::fromUtf8(buffer.data());
    QVERIFY(md.indexOf(u"开头"_s) < md.indexOf(doc.excerpts.at(1).quote));
    QVERIFY(md.indexOf(doc.excerpts.at(1).quote) < md.indexOf(u"结尾"_s));
}

void TestExcerptCollector::selection_authors_theirExcerptsOnly_andEveryFormatNamesThem()
{
    // Everything in the fixture is by the library's user (a team library's login).
    const QString me = find(m_all, u"h"_s + QString::number(m_fx.h1))->createdBy;
    QVERIFY(!me.isEmpty());
    for (const Excerpt &e : std::as_const(m_all.excerpts)) {
        QVERIFY2(e.createdBy == me, qPrintable(key(e) + u": "_s + e.createdBy)); // the taggers of p and a too
        for (const ExportNote &n : e.notes)
            QCOMPARE(n.createdBy, me);
    }
    // sam wrote the paragraph note n3 and tagged the article.
    QVERIFY(setCreatedBy(u"UPDATE notes SET created_by = 'sam' WHERE id = ?"_s, {m_fx.n3}));
    QVERIFY(setCreatedBy(u"UPDATE article_tags SET created_by = 'sam' WHERE article_id = ?"_s, {m_fx.taggedArticle}));

    ExportSelection s;
    s.authors = {u"SAM"_s}; // ASCII folded
    const ExportDocument sams = collect(s);
    QCOMPARE(keys(sams),
             (QStringList{u"n"_s + QString::number(m_fx.n3), u"a"_s + QString::number(m_fx.taggedArticle)}));
    QCOMPARE(sams.excerpts.at(0).createdBy, u"sam"_s);
    QCOMPARE(sams.excerpts.at(1).createdBy, u"sam"_s);
    QVERIFY(sams.selectionSummary.contains(u"SAM"_s));
    s.authors = {me};
    QCOMPARE(keys(collect(s)),
             (QStringList{u"h"_s + QString::number(m_fx.h3), u"h"_s + QString::number(m_fx.h1),
                          u"h"_s + QString::number(m_fx.h2), u"p"_s + QString::number(m_fx.taggedBlock)}));
    s.authors = {me, u"sam"_s};
    QCOMPARE(keys(collect(s)), keys(m_all));
    s.authors = {u"nobody"_s};
    QVERIFY(collect(s).excerpts.isEmpty());

    // CSV and JSON carry the author (and who changed it); the reading formats name them beside the source.
    const QString csv = QString::fromUtf8(test::writeToBytes(u"csv"_s, sams));
    QVERIFY(csv.section(u"\r\n"_s, 0, 0).endsWith(u"\"author\",\"changed_by\",\"page\",\"page_name\""_s));
    QVERIFY(csv.section(u"\r\n"_s, 1, 1).contains(u"\"sam\",\""_s));
    const QJsonArray entries =
        QJsonDocument::fromJson(test::writeToBytes(u"json"_s, sams)).object().value(u"entries"_s).toArray();
    QCOMPARE(entries.size(), 2);
    QCOMPARE(entries.at(0).toObject().value(u"author"_s).toString(), u"sam"_s);
    QCOMPARE(entries.at(0).toObject().value(u"notes"_s).toArray().at(0).toObject().value(u"author"_s).toString(),
             u"sam"_s);
    const QJsonDocument annotations = QJsonDocument::fromJson(test::writeToBytes(u"webannotation"_s, sams));
    QVERIFY(QString::fromUtf8(annotations.toJson(QJsonDocument::Compact))
                .contains(u"\"creator\":{\"name\":\"sam\",\"type\":\"Person\"}"_s));
    for (const QString &format : {u"md"_s, u"html"_s})
        QVERIFY2(QString::fromUtf8(test::writeToBytes(format, sams)).contains(u"excerpt by sam"_s), qPrintable(format));

    QVERIFY(setCreatedBy(u"UPDATE notes SET created_by = ? WHERE id = ?"_s, {me, m_fx.n3}));
    QVERIFY(setCreatedBy(u"UPDATE article_tags SET created_by = ? WHERE article_id = ?"_s, {me, m_fx.taggedArticle}));
}

DUBAO_TEST_MAIN_BOTH_ENGINES(TestExcerptCollector, {})
#include "tst_excerptcollector.moc"
