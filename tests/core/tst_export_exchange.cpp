// The exchange formats read back as their consumers read them: REFI-QDA (.qdpx) valid against the REFI-QDA Project
// schema with xmllint and its selections at the right code points; Web Annotation ids and selectors that resolve
// to their text in their source paragraph; citations that flag inferred dates, keep private links out unless asked
// and carry tags.
#include "core/export/excerptcollector.h"
#include "core/export/exportformat.h"
#include "core/export/qdpxformat.h"
#include "core/export/zipwriter.h"
#include "core/store/sql.h"
#include "core/store/uid.h"
#include "tests/support/exportfixture.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace dubao;
using namespace Qt::StringLiterals;
using test::writeToBytes;

class TestExportExchange : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void qdpx_validAgainstTheSchema_selectionsAtTheirText();
    void webAnnotation_idsAndSelectorsResolve();
    void citations_inferredDatesFlagged_noPrivateLinks_tags();

private:
    /// The text of the paragraph a dubao://block/<uid> link names, by the fixture's issues.
    QString blockText(const QString &link) const;

    test::ExportFixture m_fx;
    ExportDocument m_all;
};

void TestExportExchange::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QString error;
    QVERIFY2(m_fx.setUp(&error), qPrintable(error));
    const Result<ExportDocument> all = ExcerptCollector(*m_fx.library).collect({});
    QVERIFY2(all.ok(), qPrintable(all.error().message()));
    m_all = *all;
}

void TestExportExchange::cleanupTestCase()
{
    m_fx.library.reset();
    m_fx.dir.reset();
}

QString TestExportExchange::blockText(const QString &link) const
{
    for (const StoredIssue *issue : {&m_fx.stored1, &m_fx.stored2}) {
        for (const Article &a : issue->parsed.articles) {
            for (const Block &b : a.blocks) {
                if (link == u"dubao://block/"_s + uid::toText(sql::uidOf(m_fx.library->database(), "blocks", b.id)))
                    return b.text;
            }
        }
    }
    return {};
}

void TestExportExchange::qdpx_validAgainstTheSchema_selectionsAtTheirText()
{
    // scripts/setup.sh installs libxml2-utils: a missing tool is a failure, never a silent skip.
    QVERIFY2(QFile::exists(u"/usr/bin/xmllint"_s), "xmllint is not installed (scripts/setup.sh installs it)");
    const Result<QList<std::pair<QString, QByteArray>>> entries = readZip(writeToBytes(u"qdpx"_s, m_all));
    QVERIFY2(entries.ok(), qPrintable(entries.error().message()));
    QHash<QString, QByteArray> files;
    for (const auto &[name, bytes] : *entries)
        files.insert(name, bytes);
    QVERIFY(files.contains(u"project.qde"_s));
    QTemporaryDir dir;
    const QString project = dir.filePath(u"project.qde"_s);
    QFile out(project);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(files.value(u"project.qde"_s));
    out.close();
    QProcess xmllint;
    xmllint.setProcessChannelMode(QProcess::MergedChannels);
    xmllint.start(u"/usr/bin/xmllint"_s, {u"--noout"_s, u"--schema"_s,
                                          QStringLiteral(DUBAO_SCHEMA_DIR "/refi-qda-Project-mrt2019.xsd"), project});
    QVERIFY(xmllint.waitForFinished(60000));
    QVERIFY2(xmllint.exitCode() == 0, xmllint.readAll().left(3000).constData());

    // Every selection's code points, in its source's text, are the excerpt's quote; codes carry the tag colours.
    QXmlStreamReader xml(files.value(u"project.qde"_s));
    QString sourceText;
    int selections = 0;
    int colouredCodes = 0;
    QHash<QString, QString> users; // <Users>: guid → name (written before everything that names them)
    QStringList creators;
    QStringList quotes;
    for (const Excerpt &e : std::as_const(m_all.excerpts))
        quotes.append(e.quote);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QXmlStreamAttributes a = xml.attributes();
        if (xml.name() == u"Code" && a.hasAttribute(u"color"_s))
            ++colouredCodes;
        if (xml.name() == u"User")
            users.insert(a.value(u"guid"_s).toString(), a.value(u"name"_s).toString());
        if ((xml.name() == u"PlainTextSelection" || xml.name() == u"Coding" || xml.name() == u"Note") &&
            a.hasAttribute(u"creatingUser"_s))
            creators.append(users.value(a.value(u"creatingUser"_s).toString(), u"(not among the users)"_s));
        if (xml.name() == u"TextSource") {
            const QString path = a.value(u"plainTextPath"_s).toString();
            QVERIFY(path.startsWith(u"internal://"_s));
            const QByteArray bytes = files.value(u"Sources/"_s + path.mid(11));
            QVERIFY(!bytes.contains('\r'));
            sourceText = QString::fromUtf8(bytes);
            QVERIFY(!sourceText.isEmpty());
        }
        if (xml.name() == u"PlainTextSelection") {
            const qsizetype start = qdpx::utf16Offset(sourceText, a.value(u"startPosition"_s).toLongLong());
            const qsizetype end = qdpx::utf16Offset(sourceText, a.value(u"endPosition"_s).toLongLong());
            QVERIFY(start >= 0 && end >= start);
            QVERIFY2(quotes.contains(sourceText.mid(start, end - start)), qPrintable(sourceText.mid(start, 20)));
            ++selections;
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(selections, int(std::count_if(m_all.excerpts.begin(), m_all.excerpts.end(),
                                           [](const Excerpt &e) { return !e.isText() && !e.orphan; })));
    QVERIFY(colouredCodes >= 3);
    // Who made each selection, coding and note: QDA-XML users (issue 13), one per name.
    const QString author = m_all.excerpts.constFirst().createdBy;
    QVERIFY(!author.isEmpty());
    QCOMPARE(users.values(), QStringList{author});
    QVERIFY(creators.size() > selections);
    QCOMPARE(QSet<QString>(creators.begin(), creators.end()), QSet<QString>{author});
}

void TestExportExchange::webAnnotation_idsAndSelectorsResolve()
{
    const QJsonObject collection = QJsonDocument::fromJson(writeToBytes(u"webannotation"_s, m_all)).object();
    static const QRegularExpression urn(u"^urn:uuid:[0-9a-f-]{36}$"_s);
    QVERIFY(urn.match(collection.value(u"id"_s).toString()).hasMatch());
    const QJsonObject page = collection.value(u"first"_s).toObject();
    QVERIFY(urn.match(page.value(u"id"_s).toString()).hasMatch());
    QCOMPARE(page.value(u"partOf"_s).toString(), collection.value(u"id"_s).toString());
    // The same export gets the same ids.
    QCOMPARE(QJsonDocument::fromJson(writeToBytes(u"webannotation"_s, m_all)).object().value(u"id"_s),
             collection.value(u"id"_s));
    int resolved = 0;
    for (const QJsonValue &value : page.value(u"items"_s).toArray()) {
        const QJsonObject target = value.toObject().value(u"target"_s).toObject();
        const QString source = target.value(u"source"_s).toString();
        if (!source.startsWith(u"dubao://block/"_s))
            continue;
        const QString text = blockText(source);
        QVERIFY2(!text.isEmpty(), qPrintable(source));
        QString exact, prefix, suffix;
        int start = -1, end = -1;
        for (const QJsonValue &s : target.value(u"selector"_s).toArray()) {
            const QJsonObject selector = s.toObject();
            if (selector.value(u"type"_s) == u"TextQuoteSelector"_s) {
                exact = selector.value(u"exact"_s).toString();
                prefix = selector.value(u"prefix"_s).toString();
                suffix = selector.value(u"suffix"_s).toString();
            } else {
                start = selector.value(u"start"_s).toInt();
                end = selector.value(u"end"_s).toInt();
            }
        }
        if (start >= 0) {
            // The position selects the quote; the quote selector's context is exactly what surrounds it.
            QCOMPARE(text.mid(start, end - start), exact);
            QVERIFY(text.left(start).endsWith(prefix));
            QVERIFY(text.mid(end).startsWith(suffix));
            QCOMPARE(prefix.size(), qMin(start, anchorContextLength()));
        } else {
            QCOMPARE(exact, text); // a whole paragraph: no context
            QVERIFY(prefix.isEmpty() && suffix.isEmpty());
        }
        QVERIFY(text.count(prefix + exact + suffix) == 1 || prefix.isEmpty());
        ++resolved;
    }
    QVERIFY(resolved >= 4);
    // JSON: offsets only for spans (docs/export.md: null when not a span).
    const QJsonArray entries =
        QJsonDocument::fromJson(writeToBytes(u"json"_s, m_all)).object().value(u"entries"_s).toArray();
    for (const QJsonValue &v : entries) {
        const QJsonObject o = v.toObject();
        if (o.value(u"kind"_s) == u"paragraph"_s || o.value(u"kind"_s) == u"article"_s)
            QVERIFY(o.value(u"start"_s).isNull() && o.value(u"end"_s).isNull());
    }
}

void TestExportExchange::citations_inferredDatesFlagged_noPrivateLinks_tags()
{
    // Issue 2's year is inferred (the fixture says so, as the corpus's issues do).
    const QJsonArray items = QJsonDocument::fromJson(writeToBytes(u"csljson"_s, m_all)).array();
    int circa = 0;
    for (const QJsonValue &v : items) {
        const QJsonObject issued = v.toObject().value(u"issued"_s).toObject();
        const int year = issued.value(u"date-parts"_s).toArray().at(0).toArray().at(0).toInt();
        QCOMPARE(issued.value(u"circa"_s).toBool(), year == 2023);
        circa += issued.value(u"circa"_s).toBool() ? 1 : 0;
        QVERIFY(!v.toObject().contains(u"URL"_s));
    }
    QVERIFY(circa >= 1);
    const QString ris = QString::fromUtf8(writeToBytes(u"ris"_s, m_all));
    QVERIFY(!ris.contains(u"UR  - "_s));
    QVERIFY(!ris.contains(u"dubao://"_s));
    QVERIFY(ris.contains(u"KW  - 农业/春耕\r\n"_s));
    QVERIFY(ris.contains(u"DA  - 2024/03/05\r\n"_s));
    QVERIFY(!ris.contains(u"DA  - 2023/01/10"_s));
    QVERIFY(ris.contains(u"PY  - 2023\r\n"_s));
    QVERIFY(ris.contains(u"N1  - Issue date 2023-01-10: the year is inferred"_s));
    ExportOptions links;
    links.withLinks = true;
    QVERIFY(QString::fromUtf8(writeToBytes(u"ris"_s, m_all, links)).contains(u"UR  - dubao://article/"_s));
    const QJsonArray entries =
        QJsonDocument::fromJson(writeToBytes(u"json"_s, m_all)).object().value(u"entries"_s).toArray();
    for (const QJsonValue &v : entries) {
        const QJsonObject o = v.toObject();
        if (o.value(u"kind"_s) != u"text"_s)
            QCOMPARE(o.value(u"dateInferred"_s).toBool(), o.value(u"issueDate"_s).toString() == u"2023-01-10"_s);
    }
}

QTEST_GUILESS_MAIN(TestExportExchange)
#include "tst_export_exchange.moc"
