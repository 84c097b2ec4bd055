// Export with Qt Gui (offscreen): the nine formats once dubao_render registered PDF, ODT (valid ODF read
// back with QXmlStreamReader), PDF (page count, embedded CJK font), the export job on a worker thread, and the
// export dialog (its list of formats, preset filter, notebook, preview, run).
#include "app/annotations/annotationcontroller.h"
#include "app/annotations/annotationdocument.h"
#include "app/export/exportdialog.h"
#include "app/export/exportpart.h"
#include "app/render/exportwriters.h"
#include "app/shell/mainwindow.h"
#include "core/export/excerptcollector.h"
#include "core/export/exportformat.h"
#include "core/export/exporttext.h"
#include "core/export/qdpximporter.h"
#include "core/jobs/exportjob.h"
#include "core/store/linkresolver.h"
#include "core/store/sql.h"
#include "tests/support/exportfixture.h"
#include "tests/support/recordingfeedback.h"

#include <QAction>
#include <QBuffer>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QProcess>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>
#include <QXmlStreamReader>

using namespace dubao;
using namespace Qt::StringLiterals;

namespace {

int pdfPageCount(const QByteArray &pdf)
{
    static const QRegularExpression page(u"/Type\\s*/Page(?![s\\w])"_s);
    return int(QString::fromLatin1(pdf).count(page));
}

/// A .qdpx of the fixture's annotations at `qdpx`, and in `target` a library of the same issues without them
/// (closed, for the window to open).
bool writeQdpxBeside(const QByteArray &bytes, const QString &qdpx, test::ExportFixture &target, QString *error)
{
    QFile file(qdpx);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) {
        *error = file.errorString();
        return false;
    }
    file.close();
    if (!target.setUpIssues(error))
        return false;
    target.library.reset();
    return true;
}

} // namespace

class TestExportGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void formats_allNine_inTheDialogsOrder();
    void odt_contentXml_readBack();
    void pdf_pageCountAndEmbeddedCjkFont();
    void pdf_textLayer_isTheExcerptText();
    void job_onWorkerThread_reportsProgressAndWrites();
    void job_cancelled_keepsOldFile();
    void dialog_presetFilter_previewAndExport();
    void dialog_notebook_andOptions();
    void dialog_binaryFormats_previewWhatTheFileHolds();
    void mainWindow_fileExport_opensDialog();
    void mainWindow_importQdpx_onAWorker_cancelRollsBack_oneUndoStep();
    void mainWindow_importQdpx_progressDialog_showsAndCancels();

private:
    test::ExportFixture m_fx;
    ExportDocument m_all;
};

void TestExportGui::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    registerDocumentExportFormats(); // as dubao's main() does
    QString error;
    QVERIFY2(m_fx.setUp(&error), qPrintable(error));
    const Result<ExportDocument> all = ExcerptCollector(*m_fx.library).collect({});
    QVERIFY(all.ok());
    m_all = *all;
    QVERIFY(m_all.excerpts.size() >= 6);
}

void TestExportGui::cleanupTestCase()
{
    m_fx.library.reset();
    m_fx.dir.reset();
}

void TestExportGui::formats_allNine_inTheDialogsOrder()
{
    // The nine user-visible formats in the dialog's order; a new format may be registered anywhere among them.
    const QStringList expected{u"md"_s,  u"html"_s,    u"csv"_s, u"json"_s,         u"odt"_s,
                               u"pdf"_s, u"csljson"_s, u"ris"_s, u"webannotation"_s};
    auto known = [&](QStringList names) {
        names.removeIf([&](const QString &name) { return !expected.contains(name); });
        return names;
    };
    QStringList names;
    for (const ExportFormat &f : exportFormats()) {
        QCOMPARE(findExportFormat(f.name)->name, f.name);
        QVERIFY(createExportWriter(f.name) != nullptr);
        if (expected.contains(f.name))
            QCOMPARE(f.binary, f.name == u"odt"_s || f.name == u"pdf"_s);
        names.append(f.name);
    }
    QCOMPARE(known(names), expected);
    const qsizetype registered = exportFormats().size();
    QVERIFY(registered >= 9);
    registerDocumentExportFormats(); // again: nothing changes
    QCOMPARE(exportFormats().size(), registered);

    ExportDialog dialog(*m_fx.library);
    auto *format = dialog.findChild<QComboBox *>(u"format"_s);
    QVERIFY(format);
    QStringList listed;
    for (int i = 0; i < format->count(); ++i)
        listed.append(format->itemData(i).toString());
    QCOMPARE(listed, names);
    QCOMPARE(format->itemText(format->findData(u"odt"_s)), u"OpenDocument Text (.odt)"_s);
    dialog.setFormat(u"markdown"_s); // an alias
    QCOMPARE(dialog.format(), u"md"_s);
}

void TestExportGui::odt_contentXml_readBack()
{
    // scripts/setup.sh installs unzip and jing: a missing tool is a failure, never a silent skip.
    QVERIFY2(QFile::exists(u"/usr/bin/unzip"_s), "unzip is not installed (scripts/setup.sh installs it)");
    QVERIFY2(QFile::exists(u"/usr/bin/jing"_s), "jing is not installed (scripts/setup.sh installs it)");
    QTemporaryDir dir;
    const QString path = dir.filePath(u"out.odt"_s);
    const Result<void> written = exportToFile(*createExportWriter(u"odt"_s), m_all, {}, path);
    QVERIFY2(written.ok(), qPrintable(written.error().message()));
    QProcess unzip;
    unzip.start(u"/usr/bin/unzip"_s, {u"-q"_s, path, u"-d"_s, dir.filePath(u"odt"_s)});
    QVERIFY(unzip.waitForFinished(30000));
    QCOMPARE(unzip.exitCode(), 0);
    // Valid ODF 1.2: every XML part against the OASIS schema, the manifest against its own.
    const QString schemas = QStringLiteral(DUBAO_SCHEMA_DIR "/");
    auto jing = [&](const QString &schema, const QStringList &files) {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        // -i: the ODF schema's ID types are not DTD-compatible (a known property of it), so no ID checking.
        p.start(u"/usr/bin/jing"_s, QStringList{u"-i"_s, schemas + schema} + files);
        QVERIFY(p.waitForFinished(120000));
        QVERIFY2(p.exitCode() == 0, p.readAll().left(2000).constData());
    };
    jing(u"OpenDocument-v1.2-os-schema.rng"_s,
         {dir.filePath(u"odt/content.xml"_s), dir.filePath(u"odt/styles.xml"_s), dir.filePath(u"odt/meta.xml"_s)});
    jing(u"OpenDocument-v1.2-os-manifest-schema.rng"_s, {dir.filePath(u"odt/META-INF/manifest.xml"_s)});
    QFile mimetype(dir.filePath(u"odt/mimetype"_s));
    QVERIFY(mimetype.open(QIODevice::ReadOnly));
    QCOMPARE(mimetype.readAll(), QByteArray("application/vnd.oasis.opendocument.text"));

    QFile content(dir.filePath(u"odt/content.xml"_s));
    QVERIFY(content.open(QIODevice::ReadOnly));
    const QByteArray xml = content.readAll();
    QXmlStreamReader reader(xml);
    QString text;
    int headings = 0;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isCharacters())
            text += reader.text();
        if (reader.isStartElement()) {
            const QXmlStreamAttributes attributes = reader.attributes();
            if (reader.qualifiedName() == u"text:h"_s) {
                QVERIFY(attributes.hasAttribute(u"text:outline-level"_s));
                ++headings;
            }
            if (reader.qualifiedName() == u"text:s"_s)
                text += QString(qMax(1, attributes.value(u"text:c"_s).toInt()), u' ');
            if (reader.qualifiedName() == u"text:tab"_s)
                text += u'\t';
            if (reader.name() == u"p"_s || reader.name() == u"h"_s || reader.name() == u"line-break"_s)
                text += u'\n';
        }
    }
    QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
    QVERIFY(headings > m_all.excerpts.size() / 2); // the title and every excerpt's article title
    // Everything is there as text; a note's raw HTML is not (the one sanitiser took it out: the <script> line is an
    // HTML block), the rest of the note is.
    QVERIFY(!text.contains(u"alert("_s));
    QVERIFY(text.contains(u"@SUM(A1)"_s));
    QVERIFY(text.contains(test::formulaNote()));
    QVERIFY(text.contains(QString(100 * 1024, QChar(u'长'))));
    for (const Excerpt &e : std::as_const(m_all.excerpts)) {
        QVERIFY(text.contains(e.articleTitle));
        // A citation a reader can follow, not the private link (that only with --with-links).
        if (!e.isText() && !(e.orphan && e.articleTitle.isEmpty()))
            QVERIFY2(text.contains(exporttext::citation(e)), qPrintable(exporttext::citation(e)));
        if (!e.link().isEmpty())
            QVERIFY(!text.contains(e.link()));
        for (const QString &paragraph : e.quote.split(u"\n\n"_s))
            QVERIFY2(text.contains(paragraph), qPrintable(paragraph.left(20)));
    }
    QVERIFY(!xml.contains("<script")); // escaped in the file
    // Chinese is set as Chinese: Asian font properties and the zh-CN language in the styles.
    QFile styles(dir.filePath(u"odt/styles.xml"_s));
    QVERIFY(styles.open(QIODevice::ReadOnly));
    const QByteArray styleXml = styles.readAll();
    QVERIFY(styleXml.contains("svg:font-family=\"'Noto Serif CJK SC'\""));
    QVERIFY(styleXml.contains("style:font-name-asian=\"CJK\""));
    QVERIFY(styleXml.contains("style:font-weight-asian=\"bold\""));
    QVERIFY(styleXml.contains("style:language-asian=\"zh\" style:country-asian=\"CN\""));
}

void TestExportGui::pdf_pageCountAndEmbeddedCjkFont()
{
    QTemporaryDir dir;
    ExportDocument small = m_all;
    small.excerpts = {m_all.excerpts.first()};
    const QString one = dir.filePath(u"one.pdf"_s);
    const Result<void> writtenOne = exportToFile(*createExportWriter(u"pdf"_s), small, {}, one);
    QVERIFY2(writtenOne.ok(), qPrintable(writtenOne.error().message()));
    QFile f1(one);
    QVERIFY(f1.open(QIODevice::ReadOnly));
    const QByteArray pdf1 = f1.readAll();
    QVERIFY(pdf1.startsWith("%PDF-"));
    QCOMPARE(pdfPageCount(pdf1), 1);
    QCOMPARE(pdfExportPageCount(small, {}), 1);
    // The CJK font's glyphs are embedded (a font file stream), not referenced by name only.
    QVERIFY(pdf1.contains("/FontFile"));
    QVERIFY(pdf1.contains("NotoSerifCJK") || pdf1.contains("Noto"));

    ExportDocument big = m_all;
    for (int i = 0; i < 5; ++i)
        big.excerpts += m_all.excerpts;
    const int expected = pdfExportPageCount(big, {});
    QVERIFY(expected > 3);
    const QString many = dir.filePath(u"many.pdf"_s);
    const Result<void> writtenMany = exportToFile(*createExportWriter(u"pdf"_s), big, {}, many);
    QVERIFY2(writtenMany.ok(), qPrintable(writtenMany.error().message()));
    QFile f2(many);
    QVERIFY(f2.open(QIODevice::ReadOnly));
    const QByteArray pdf2 = f2.readAll();
    QCOMPARE(pdfPageCount(pdf2), expected);
    const QByteArray count = QStringLiteral("/Count %1").arg(expected).toLatin1();
    QVERIFY(pdf2.contains(count));
    // scripts/setup.sh installs poppler-utils: a missing tool is a failure, never a silent skip.
    QVERIFY2(QFile::exists(u"/usr/bin/pdfinfo"_s), "pdfinfo is not installed (scripts/setup.sh installs it)");
    QProcess info;
    info.start(u"/usr/bin/pdfinfo"_s, {many});
    QVERIFY(info.waitForFinished(30000));
    const QString report = QString::fromUtf8(info.readAllStandardOutput());
    const QRegularExpressionMatch pages =
        QRegularExpression(u"^Pages:\\s+(\\d+)$"_s, QRegularExpression::MultilineOption).match(report);
    QVERIFY2(pages.hasMatch(), qPrintable(report));
    QCOMPARE(pages.captured(1).toInt(), expected);
}

void TestExportGui::pdf_textLayer_isTheExcerptText()
{
    // What a reader copies out of the PDF is what the paper says: pdftotext gives every excerpt's text (no Kangxi
    // radicals for ideographs, digits kept on lines without Chinese).
    QVERIFY2(QFile::exists(u"/usr/bin/pdftotext"_s), "pdftotext is not installed (scripts/setup.sh installs it)");
    QTemporaryDir dir;
    const QString path = dir.filePath(u"text.pdf"_s);
    const Result<void> written = exportToFile(*createExportWriter(u"pdf"_s), m_all, {}, path);
    QVERIFY2(written.ok(), qPrintable(written.error().message()));
    QProcess pdftotext;
    pdftotext.start(u"/usr/bin/pdftotext"_s, {u"-enc"_s, u"UTF-8"_s, path, u"-"_s});
    QVERIFY(pdftotext.waitForFinished(60000));
    QCOMPARE(pdftotext.exitCode(), 0);
    const QString extracted = QString::fromUtf8(pdftotext.readAllStandardOutput());
    // Lines wrap where the layout wrapped them: compare without white space.
    auto squeezed = [](QString s) {
        s.remove(QRegularExpression(u"\\s+"_s));
        return s;
    };
    const QString all = squeezed(extracted);
    for (const QChar c : extracted)
        QVERIFY2(c.unicode() < 0x2e80 || c.unicode() > 0x2fdf, "a CJK radical in the text layer");
    QVERIFY2(all.contains(squeezed(exporttext::aboutLine(m_all))), qPrintable(extracted.left(300)));
    for (const Excerpt &e : std::as_const(m_all.excerpts)) {
        QVERIFY2(all.contains(squeezed(e.isText() ? e.text : e.quote)), qPrintable(e.quote.left(40)));
        if (!e.isText())
            QVERIFY(all.contains(squeezed(e.articleTitle)));
    }
    QVERIFY(all.contains(squeezed(test::formulaNote())));
}

void TestExportGui::job_onWorkerThread_reportsProgressAndWrites()
{
    QTemporaryDir dir;
    ExportRequest request;
    request.libraryPath = m_fx.path();
    request.format = u"pdf"_s;
    request.outputPath = dir.filePath(u"job.pdf"_s);
    request.selection.tagIds = {m_fx.farming};
    ExportJob job(request);
    QSignalSpy finished(&job, &ExportJob::finished);
    QSignalSpy progress(&job, &ExportJob::progress);
    job.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QCOMPARE(finished.at(0).at(2).value<qsizetype>(), 4);
    QVERIFY(progress.count() >= 1);
    QVERIFY(QFile::exists(request.outputPath));
}

void TestExportGui::job_cancelled_keepsOldFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"old.md"_s);
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old");
    }
    ExportRequest request;
    request.libraryPath = m_fx.path();
    request.format = u"md"_s;
    request.outputPath = path;
    ExportJob job(request);
    job.cancel();
    QVERIFY(!job.run());
    QVERIFY(!job.errorString().isEmpty());
    QFile old(path);
    QVERIFY(old.open(QIODevice::ReadOnly));
    QCOMPARE(old.readAll(), QByteArray("old"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
}

void TestExportGui::dialog_presetFilter_previewAndExport()
{
    AnnotationFilter filter;
    filter.tagIds = {m_fx.wetland};
    filter.includeChildTags = false;
    ExportDialog dialog(*m_fx.library, filter);
    QCOMPARE(dialog.selection().tagIds, QList<qint64>{m_fx.wetland});
    QVERIFY(!dialog.selection().includeChildTags);
    dialog.setFormat(u"md"_s);
    dialog.updatePreview();
    const QString preview = dialog.previewText();
    QVERIFY2(preview.contains(u"湿地"_s), qPrintable(preview));
    // Links name paragraphs by their uid (schema v4).
    auto link = [&](qint64 block) {
        return DubaoLink::blockLink(sql::uidOf(m_fx.library->database(), "blocks", block));
    };
    QVERIFY2(!preview.contains(u"dubao://"_s), qPrintable(preview)); // private links only when asked for
    QVERIFY2(preview.contains(u"Cited from: "_s), qPrintable(preview));
    auto *withLinks = dialog.findChild<QCheckBox *>(u"withLinks"_s);
    QVERIFY(withLinks && withLinks->isEnabled());
    withLinks->setChecked(true);
    dialog.updatePreview();
    const QString linked = dialog.previewText();
    QVERIFY(linked.contains(link(m_fx.taggedBlock)));
    QVERIFY(!linked.contains(link(m_fx.block(m_fx.stored1, 0, 0)) + u'>'));
    withLinks->setChecked(false);

    // The Author choice: the library's authors; the panel's author comes preset, "All authors" exports everyone's.
    auto *author = dialog.findChild<QComboBox *>(u"author"_s);
    QVERIFY(author && author->isEnabled());
    QCOMPARE(author->currentData().toString(), QString());
    QVERIFY(author->count() >= 2);
    const QString someone = author->itemData(1).toString();
    AnnotationFilter byAuthor = filter;
    byAuthor.author = someone;
    dialog.setFilter(byAuthor);
    QCOMPARE(author->currentData().toString(), someone);
    QCOMPARE(dialog.selection().authors, QStringList{someone});
    dialog.updatePreview();
    QVERIFY2(dialog.previewText().contains(u"excerpt by "_s + someone), qPrintable(dialog.previewText()));
    author->setCurrentIndex(0);
    QVERIFY(dialog.selection().authors.isEmpty());

    QTemporaryDir dir;
    dialog.setFormat(u"csv"_s);
    dialog.setOutputPath(dir.filePath(u"panel.csv"_s));
    QSignalSpy finished(&dialog, &ExportDialog::exportFinished);
    QVERIFY(dialog.startExport());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QFile csv(dir.filePath(u"panel.csv"_s));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QByteArray bytes = csv.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF\"kind\""));
    QCOMPARE(bytes.count("\r\n\"highlight\"") + bytes.count("\r\n\"paragraph\""), 2); // h3 and the paragraph

    dialog.setOutputPath(u"/proc/dubao-dialog.csv"_s);
    QVERIFY(dialog.startExport());
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 60000);
    QVERIFY(!finished.at(1).at(0).toBool());
    QVERIFY(finished.at(1).at(1).toString().contains(u"/proc/dubao-dialog.csv"_s));
    dialog.setOutputPath(QString());
    QVERIFY(!dialog.startExport());
}

void TestExportGui::dialog_notebook_andOptions()
{
    ExportDialog dialog(*m_fx.library);
    dialog.setNotebook(m_fx.notebook);
    QCOMPARE(dialog.selection().notebookId, m_fx.notebook);
    QVERIFY(dialog.outputPath().endsWith(u"读书笔记.md"_s));
    dialog.setFormat(u"pdf"_s);
    QVERIFY(dialog.outputPath().endsWith(u"读书笔记.pdf"_s));
    dialog.updatePreview();
    QVERIFY(dialog.previewText().contains(u"开头"_s));
    QVERIFY(dialog.previewText().indexOf(u"开头"_s) < dialog.previewText().indexOf(u"结尾"_s));
    dialog.setFormat(u"csljson"_s);
    auto *asNotes = dialog.findChild<QCheckBox *>(u"excerptsAsNotes"_s);
    QVERIFY(asNotes && asNotes->isEnabled());
    asNotes->setChecked(true);
    QVERIFY(dialog.options().excerptsAsNotes);
    dialog.updatePreview();
    QVERIFY(dialog.previewText().contains(u"article-newspaper"_s));
    QVERIFY(dialog.previewText().contains(u"\"note\""_s));
}

void TestExportGui::dialog_binaryFormats_previewWhatTheFileHolds()
{
    ExportDialog dialog(*m_fx.library);
    // PDF: the first page as the PDF writer lays it out, text on white.
    dialog.setFormat(u"pdf"_s);
    dialog.updatePreview();
    const QImage page = dialog.previewImage();
    QVERIFY(!page.isNull());
    QVERIFY(page.height() > page.width()); // A4, upright
    int inked = 0;
    for (int y = 0; y < page.height(); y += 4)
        for (int x = 0; x < page.width(); x += 4)
            inked += qGray(page.pixel(x, y)) < 128 ? 1 : 0;
    QVERIFY2(inked > 100, qPrintable(QString::number(inked)));
    QVERIFY(dialog.findChild<QLabel *>(u"previewStatus"_s)->text().contains(u"Page 1"_s));
    // ODT: the outline the writer walks, headings with their levels, the quotes under them.
    dialog.setFormat(u"odt"_s);
    dialog.updatePreview();
    QVERIFY(dialog.previewImage().isNull());
    QString text = dialog.previewText();
    QVERIFY2(text.startsWith(u"Heading 1 · "_s), qPrintable(text));
    QVERIFY(text.contains(u"Heading 2 · "_s) || text.contains(u"Heading 3 · "_s));
    QVERIFY(text.contains(u"│ "_s));
    QVERIFY(text.contains(u"湿地"_s));
    QVERIFY(!text.contains(u"**"_s)); // notes rendered, as the document shows them
    // REFI-QDA: what a QDA program finds in the project: the code book (the tags), the sources, codings and notes.
    dialog.setFormat(u"qdpx"_s);
    dialog.updatePreview();
    text = dialog.previewText();
    QVERIFY2(text.startsWith(u"Code book: "_s), qPrintable(text));
    QVERIFY(text.contains(u"湿地"_s));
    QVERIFY(text.contains(u"Text sources: "_s));
    QVERIFY(text.contains(u"codings: "_s));
    QVERIFY(!text.contains(u"<?xml"_s));
}

void TestExportGui::mainWindow_fileExport_opensDialog()
{
    QSettings().clear();
    MainWindow window;
    window.setFeedback(std::make_unique<test::RecordingFeedback>());
    auto *action = window.findChild<QAction *>(u"actionExport"_s);
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));
    QVERIFY(!action->isEnabled());
    const Result<void> opened = window.openLibrary(m_fx.path());
    QVERIFY2(opened.ok(), qPrintable(opened.error().message()));
    QVERIFY(action->isEnabled());
    action->trigger();
    auto *dialog = window.findChild<ExportDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    dialog->updatePreview();
    QVERIFY(!dialog->previewText().isEmpty());
    dialog->close();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);

    // The annotations panel's Export… opens the dialog too (with the panel's filter).
    auto *fromPanel = window.findChild<QToolButton *>(u"exportFiltered"_s);
    QVERIFY(fromPanel);
    QVERIFY(window.findChildren<ExportDialog *>().isEmpty());
    fromPanel->click();
    QCOMPARE(window.findChildren<ExportDialog *>().size(), 1);
    QVERIFY(window.findChild<QToolButton *>(u"exportNotebook"_s));
}

void TestExportGui::mainWindow_importQdpx_onAWorker_cancelRollsBack_oneUndoStep()
{
    // A .qdpx of the fixture's annotations, read into a library of the same issues through File → Import
    // Annotations from REFI-QDA: one undo step that takes it all back, and redo that brings it back.
    QTemporaryDir dir;
    const QString qdpx = dir.filePath(u"project.qdpx"_s);
    test::ExportFixture target;
    QString error;
    QVERIFY2(writeQdpxBeside(test::writeToBytes(u"qdpx"_s, m_all), qdpx, target, &error), qPrintable(error));

    QSettings().clear();
    MainWindow window;
    auto feedback = std::make_unique<test::RecordingFeedback>();
    test::RecordingFeedback *said = feedback.get();
    window.setFeedback(std::move(feedback));
    auto *action = window.findChild<QAction *>(u"actionImportQdpx"_s);
    QVERIFY(action);
    QVERIFY(!action->isEnabled());
    const Result<void> opened = window.openLibrary(target.path());
    QVERIFY2(opened.ok(), qPrintable(opened.error().message()));
    QVERIFY(action->isEnabled());
    auto *part = window.findChild<ExportPart *>();
    QVERIFY(part);
    auto annotationCount = [&] {
        return window.findChild<AnnotationController *>()->document().annotations().list().size();
    };
    // On a worker: the window goes on while it reads; Cancel rolls it all back and says so.
    QVERIFY(part->importQdpx(qdpx));
    QVERIFY(part->isImportingQdpx());
    QVERIFY(!part->importQdpx(qdpx)); // one at a time
    part->cancelQdpxImport();
    QTRY_VERIFY(!part->isImportingQdpx());
    QCOMPARE(said->information.size(), 1);
    QVERIFY2(said->information.first().endsWith(QdpxImporter::cancelledMessage()),
             qPrintable(said->information.first()));
    QCOMPARE(annotationCount(), 0);
    QVERIFY(window.findChild<AnnotationController *>()->document().tagList().isEmpty());
    QCOMPARE(window.undoStack()->count(), 0);
    said->information.clear();

    QVERIFY(part->importQdpx(qdpx));
    QTRY_VERIFY(!part->isImportingQdpx());
    QVERIFY(!window.pollExternalChanges()); // the window knows the import was its own, not another program's
    QVERIFY2(said->warnings.isEmpty(), qPrintable(said->warnings.join(u'\n')));
    QCOMPARE(said->information.size(), 1);
    QVERIFY2(said->information.first().contains(u"Found 4 of the 4 articles"_s), qPrintable(said->information.first()));
    QVERIFY(said->information.first().contains(u"highlights: 3"_s));
    QCOMPARE(annotationCount(), 6); // three highlights and three notes
    QCOMPARE(window.undoStack()->undoText(), u"Import Annotations from “project.qdpx”"_s);
    window.undoStack()->undo();
    QCOMPARE(annotationCount(), 0);
    QVERIFY(window.findChild<AnnotationController *>()->document().tagList().isEmpty());
    window.undoStack()->redo();
    QCOMPARE(annotationCount(), 6);

    // Read again: nothing new, nothing to undo; a file that is no project: a warning, the library unchanged.
    const int steps = window.undoStack()->count();
    QVERIFY(part->importQdpx(qdpx));
    QTRY_VERIFY(!part->isImportingQdpx());
    QCOMPARE(window.undoStack()->count(), steps);
    QVERIFY(said->information.last().contains(u"Nothing new was added."_s));
    QVERIFY(part->importQdpx(target.path()));
    QTRY_VERIFY(!part->isImportingQdpx());
    QCOMPARE(said->warnings.size(), 1);
    QVERIFY2(said->warnings.first().contains(u"not a REFI-QDA project file"_s), qPrintable(said->warnings.first()));
    QCOMPARE(annotationCount(), 6);
}

void TestExportGui::mainWindow_importQdpx_progressDialog_showsAndCancels()
{
    // The progress dialog of File → Import Annotations from REFI-QDA, as the user sees it. Another program holds the
    // library's write lock meanwhile (the worker queues on SQLite's busy timeout), so the import is still running
    // when the dialog appears: its Cancel rolls everything back; without Cancel its bar runs to the last source.
    QTemporaryDir dir;
    const QString qdpx = dir.filePath(u"project.qdpx"_s);
    test::ExportFixture target;
    QString error;
    QVERIFY2(writeQdpxBeside(test::writeToBytes(u"qdpx"_s, m_all), qdpx, target, &error), qPrintable(error));

    QSettings().clear();
    MainWindow window;
    auto feedback = std::make_unique<test::RecordingFeedback>();
    test::RecordingFeedback *said = feedback.get();
    window.setFeedback(std::move(feedback));
    const Result<void> opened = window.openLibrary(target.path());
    QVERIFY2(opened.ok(), qPrintable(opened.error().message()));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    said->dialogs = true;
    auto *part = window.findChild<ExportPart *>();
    QVERIFY(part);
    auto annotationCount = [&] {
        return window.findChild<AnnotationController *>()->document().annotations().list().size();
    };
    auto writeLock = [&](Library &other) -> std::unique_ptr<sql::WriteScope> {
        if (!other.open(target.path()))
            return {};
        auto scope = std::make_unique<sql::WriteScope>(other.database(), "test_other_program");
        return scope->isActive() ? std::move(scope) : nullptr;
    };

    // 1. Cancel while it waits: the dialog says what it reads, Cancel says it undoes it, nothing is added.
    {
        Library other;
        std::unique_ptr<sql::WriteScope> lock = writeLock(other);
        QVERIFY(lock);
        QVERIFY(part->importQdpx(qdpx));
        QProgressDialog *progress = nullptr;
        QTRY_VERIFY((progress = window.findChild<QProgressDialog *>()) && progress->isVisible());
        QVERIFY(progress->windowModality() == Qt::WindowModal);
        QCOMPARE(progress->windowTitle(), u"Import Annotations from REFI-QDA"_s);
        QVERIFY2(progress->labelText().contains(u"“project.qdpx”"_s), qPrintable(progress->labelText()));
        auto *cancel = progress->findChild<QPushButton *>();
        QVERIFY(cancel);
        QCOMPARE(cancel->text(), u"Cancel"_s);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(part->isImportingQdpx()); // still waiting for the lock: it stops at its first step
        lock.reset();
    }
    QTRY_VERIFY(!part->isImportingQdpx());
    QTRY_VERIFY(window.findChildren<QProgressDialog *>().isEmpty());
    QVERIFY2(said->warnings.isEmpty(), qPrintable(said->warnings.join(u'\n')));
    QCOMPARE(said->information.size(), 1);
    QVERIFY(said->information.first().endsWith(QdpxImporter::cancelledMessage()));
    QCOMPARE(annotationCount(), 0);
    QVERIFY(window.findChild<AnnotationController *>()->document().tagList().isEmpty());
    QCOMPARE(window.undoStack()->count(), 0);
    said->information.clear();

    // 2. Left to run: the bar reaches the last source (the fixture's four articles), then the dialog closes.
    {
        Library other;
        std::unique_ptr<sql::WriteScope> lock = writeLock(other);
        QVERIFY(lock);
        QVERIFY(part->importQdpx(qdpx));
        QProgressDialog *progress = nullptr;
        QTRY_VERIFY((progress = window.findChild<QProgressDialog *>()) && progress->isVisible());
        auto *bar = progress->findChild<QProgressBar *>();
        QVERIFY(bar);
        QSignalSpy values(bar, &QProgressBar::valueChanged);
        QSignalSpy closed(progress, &QObject::destroyed);
        lock.reset();
        QTRY_COMPARE(closed.size(), 1);
        QVERIFY(!values.isEmpty()); // the runner may deliver only the latest of reports that come fast
        QCOMPARE(values.last().at(0).toInt(), 4);
    }
    QTRY_VERIFY(!part->isImportingQdpx());
    QVERIFY2(said->warnings.isEmpty(), qPrintable(said->warnings.join(u'\n')));
    QCOMPARE(said->information.size(), 1);
    QVERIFY2(said->information.first().contains(u"Found 4 of the 4 articles"_s), qPrintable(said->information.first()));
    QCOMPARE(annotationCount(), 6);
    QCOMPARE(window.undoStack()->count(), 1);
}

QTEST_MAIN(TestExportGui)
#include "tst_export_gui.moc"
