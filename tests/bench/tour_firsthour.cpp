// tour_firsthour: takes the screenshots of issue 20 ("a researcher's first hour"), item by item, on a real X server.
//
//   DISPLAY=:102 tour_firsthour LIBRARY OUT_DIR [--size 1600x1000] [--language en|zh_CN]
//
// Opens LIBRARY (it writes to it: tags, highlights, a note; give it a copy) in the real main window at --size, in
// --language, walks the first hour (a search hit, `tag:` completing, `tag:` without its value, `tag:` alone,
// overlapping highlights, the note list, the note editor and the tag palette beside the selection, undo's message, the
// Concordance and back, the bottom docks, the export dialog, the Markdown export, the live language switch) and saves
// each step's screen as OUT_DIR/NN-step.png, the whole screen grabbed, so that pop-ups show. Prints one line per
// picture. Not run by ctest.
#include "app/annotations/annotationcontroller.h"
#include "app/annotations/annotationdocument.h"
#include "app/reader/readerview.h"
#include "app/render/exportwriters.h"
#include "app/search/concordanceview.h"
#include "app/search/querycompleter.h"
#include "app/search/searchpanel.h"
#include "app/search/searchresultsmodel.h"
#include "app/shell/appsettings.h"
#include "app/shell/language.h"
#include "app/shell/mainwindow.h"
#include "tests/support/recordingfeedback.h"
#include "tests/support/typing.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QScreen>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextCursor>
#include <QTimer>
#include <QToolTip>
#include <QUndoStack>

#include <cstdio>

using namespace dubao;

namespace {

QString g_out;
int g_step = 0;
MainWindow *g_window = nullptr;

void settle(int ms = 300)
{
    QTest::qWait(ms);
}

void shoot(const QString &name)
{
    settle(250);
    const QRect frame = g_window->frameGeometry();
    const QPixmap shot =
        QGuiApplication::primaryScreen()->grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height());
    const QString path =
        QDir(g_out).filePath(QStringLiteral("%1-%2.png").arg(++g_step, 2, 10, QLatin1Char('0')).arg(name));
    shot.save(path);
    std::printf("%s\n", qPrintable(path));
    std::fflush(stdout);
}

QAction *action(const char *id)
{
    auto *a = g_window->findChild<QAction *>(QLatin1String(id));
    if (!a)
        std::fprintf(stderr, "no action %s\n", id);
    return a;
}

qint64 tagNamed(AnnotationDocument &document, const QString &name, qint64 parent = 0)
{
    for (const Tag &tag : document.tagList())
        if (tag.name == name && tag.parentId == parent)
            return tag.id;
    return document.createTag(name, parent);
}

/// The first paragraph of the shown article with at least `length` characters, after `after`.
const Block *paragraph(const Article &article, int length, qint64 after = 0)
{
    bool past = after == 0;
    for (const Block &block : article.blocks) {
        if (past && block.text.size() >= length)
            return &block;
        if (block.id == after)
            past = true;
    }
    return nullptr;
}

/// Runs `inDialog` once a modal dialog is up (opened by `open`), then closes it.
void withDialog(const std::function<void()> &open, const std::function<void(QWidget *)> &inDialog)
{
    QTimer::singleShot(1200, [inDialog] {
        if (QWidget *dialog = QApplication::activeModalWidget()) {
            inDialog(dialog);
            dialog->close();
        }
    });
    open();
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: tour_firsthour LIBRARY OUT_DIR [--size 1600x1000] [--language en|zh_CN]\n");
        return 2;
    }
    registerDocumentExportFormats();
    QStandardPaths::setTestModeEnabled(true);
    QTemporaryDir settings;
    QCoreApplication::setOrganizationName(QStringLiteral("Dubao"));
    QCoreApplication::setApplicationName(QStringLiteral("DubaoTour"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings.filePath(QStringLiteral("settings")));
    QSize size(1600, 1000);
    QString language = QStringLiteral("en");
    for (qsizetype i = 3; i + 1 < args.size(); i += 2) {
        if (args.at(i) == QLatin1String("--size")) {
            const QStringList wh = args.at(i + 1).split(u'x');
            size = QSize(wh.value(0).toInt(), wh.value(1).toInt());
        } else if (args.at(i) == QLatin1String("--language")) {
            language = args.at(i + 1);
        }
    }
    g_out = args.at(2);
    QDir().mkpath(g_out);
    AppSettings::setLanguage(language);
    installTranslations(language);

    MainWindow window;
    g_window = &window;
    window.setFeedback(std::make_unique<test::RecordingFeedback>());
    window.setGeometry(QRect(QPoint(0, 0), size));
    if (const Result<void> opened = window.openLibrary(args.at(1)); !opened) {
        std::fprintf(stderr, "%s\n", qPrintable(opened.error().message()));
        return 1;
    }
    window.show();
    window.activateWindow();
    settle(800);
    window.showFirstArticle();
    settle();
    ReaderView *reader = window.reader();
    AnnotationDocument &document = window.annotations()->document();
    shoot(QStringLiteral("reading"));

    // 1. A search hit in another article opens at its match.
    SearchPanel *panel = window.searchPanel();
    action("actionFindInLibrary")->trigger();
    panel->setQuery(QStringLiteral("发展"));
    panel->refresh();
    (void)QTest::qWaitFor([panel] { return !panel->isBusy() && panel->model()->rowCount() > 5; }, 20000);
    const QModelIndex hit = panel->model()->index(std::min(7, panel->model()->rowCount() - 1));
    panel->resultsView()->setCurrentIndex(hit);
    emit panel->resultsView()->activated(hit);
    shoot(QStringLiteral("search-hit-opens-at-match"));

    // Tags, highlights (two overlapping with one tag) and a note in Markdown on the shown article.
    const Article article = reader->article();
    const qint64 policy = tagNamed(document, QStringLiteral("政策"));
    const qint64 economy = tagNamed(document, QStringLiteral("经济"), policy);
    tagNamed(document, QStringLiteral("人物"));
    const Block *first = paragraph(article, 40);
    const Block *second = first ? paragraph(article, 20, first->id) : nullptr;
    if (first) {
        document.tag(TagTarget::Block, first->id, policy);
        document.addHighlight(first->id, 2, 14, {policy});
        document.addHighlight(first->id, 9, 24, {policy});
        document.addNote(first->id, 0, QStringLiteral("## 导言\n\n**重点**：见 *第二段*。"));
    }
    if (second)
        document.addHighlight(second->id, 0, 10, {economy});
    settle();
    if (first)
        reader->scrollToBlock(first->id);
    shoot(QStringLiteral("overlapping-highlights-and-rendered-note"));
    // Hovering the overlap names each highlight: the tooltip event Qt sends after a hover, sent to the reader here
    // (with no window manager under Xvfb the window is never active, and Qt's own hover timer sends none).
    if (first && reader->selectSpan({first->id, 11, 12})) {
        QTextCursor cursor = reader->textCursor();
        cursor.clearSelection();
        reader->setTextCursor(cursor);
        const QPoint at = reader->cursorRect().center() - QPoint(reader->fontMetrics().averageCharWidth(), 0);
        QHelpEvent hover(QEvent::ToolTip, at, reader->viewport()->mapToGlobal(at));
        QCoreApplication::sendEvent(reader->viewport(), &hover);
        settle(500);
        std::printf("tooltip: %s\n", qPrintable(QToolTip::text().replace(u'\n', u' ')));
        shoot(QStringLiteral("overlapping-highlights-hover-names-each"));
        QToolTip::hideText();
    }

    // 2. `tag:` completes the tag names; `tag:政策` alone lists what it tags.
    QLineEdit *field = panel->queryField();
    field->clear();
    field->setFocus();
    test::type(field, QStringLiteral("tag:"));
    shoot(QStringLiteral("tag-completer"));
    // Esc closes the list: the message under the field says what the filter is missing.
    QTest::keyClick(panel->completer()->popup(), Qt::Key_Escape);
    (void)QTest::qWaitFor([panel] { return !panel->isBusy() && !panel->messageText().isEmpty(); }, 5000);
    std::printf("tag: alone says: %s\n", qPrintable(panel->messageText()));
    shoot(QStringLiteral("tag-incomplete-says-what-is-missing"));
    test::type(field, QStringLiteral("政"));
    settle();
    QTest::keyClick(panel->completer()->popup(), Qt::Key_Down);
    QTest::keyClick(panel->completer()->popup(), Qt::Key_Return);
    (void)QTest::qWaitFor([panel] { return !panel->isBusy(); }, 20000);
    shoot(QStringLiteral("tag-alone-lists"));

    // 3. The note editor opens beside the selection; Ctrl+Enter confirms it.
    if (second) {
        reader->selectSpan({second->id, 0, 8});
        withDialog([] { action("actionAddNote")->trigger(); },
                   [](QWidget *) { shoot(QStringLiteral("note-editor-beside-selection")); });
        settle();
        // The tag palette too opens beside the selection, not over it.
        reader->selectSpan({second->id, 0, 8});
        withDialog([] { action("actionTagPalette")->trigger(); },
                   [](QWidget *) { shoot(QStringLiteral("tag-palette-beside-selection")); });
        settle();
    }

    // 4. Undo says what it undid, and shows it.
    if (second) {
        document.addHighlight(second->id, 12, 18, {policy});
        window.showFirstArticle();
        settle();
        action("actionUndo")->trigger(); // Ctrl+Z
        shoot(QStringLiteral("undo-feedback"));
    }

    // 5. The Concordance and back keep the reading position (scrolled half way down first).
    reader->verticalScrollBar()->setValue(reader->verticalScrollBar()->maximum() / 2);
    settle();
    shoot(QStringLiteral("before-concordance"));
    action("actionConcordance")->trigger();
    if (auto *term = window.concordanceView()->findChild<QLineEdit *>(QStringLiteral("concordanceTerm")))
        term->setText(QStringLiteral("发展"));
    settle(1500);
    shoot(QStringLiteral("concordance"));
    if (auto *dock = window.findChild<QDockWidget *>(QStringLiteral("concordanceDock")))
        dock->hide();
    settle();
    shoot(QStringLiteral("concordance-and-back"));

    // 6. The bottom docks open: the side docks keep their height and their lists' rows.
    action("actionShow_annotationsDock")->trigger();
    settle();
    shoot(QStringLiteral("bottom-dock-annotations"));
    action("actionTrends")->trigger();
    settle();
    shoot(QStringLiteral("bottom-dock-trends"));
    for (const char *dock : {"annotationsDock", "trendsDock"})
        window.findChild<QDockWidget *>(QLatin1String(dock))->hide();

    // 7. The export dialog: labels, the library's dates, the default folder; the Markdown preview's citations.
    action("actionExport")->trigger();
    settle(800);
    for (QDialog *dialog : window.findChildren<QDialog *>()) {
        if (!dialog->isVisible())
            continue;
        if (auto *format = dialog->findChild<QComboBox *>(QStringLiteral("format"))) {
            const int md = format->findData(QStringLiteral("md"));
            if (md >= 0)
                format->setCurrentIndex(md);
        }
        settle(1500);
        shoot(QStringLiteral("export-dialog"));
        // Exported as it stands: into the default folder, which a fresh account does not have yet.
        const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        const bool existed = QFileInfo::exists(documents);
        if (auto *exportButton = dialog->findChild<QDialogButtonBox *>()) {
            for (QAbstractButton *button : exportButton->buttons())
                if (exportButton->buttonRole(button) == QDialogButtonBox::AcceptRole)
                    button->click();
        }
        (void)QTest::qWaitFor([dialog] { return !dialog->isVisible(); }, 20000);
        settle(1500);
        std::printf("export: %s existed before: %s; after: %s; status: %s\n", qPrintable(documents),
                    existed ? "yes" : "no", QFileInfo::exists(documents) ? "yes" : "no",
                    qPrintable(window.statusBar()->currentMessage()));
        shoot(QStringLiteral("export-into-missing-documents"));
        if (dialog->isVisible())
            dialog->reject();
    }
    settle();

    // 8. The language switches live.
    action(language == QLatin1String("zh_CN") ? "actionLanguage_en" : "actionLanguage_zh_CN")->trigger();
    settle();
    shoot(QStringLiteral("language-switched-live"));
    action(language == QLatin1String("zh_CN") ? "actionLanguage_zh_CN" : "actionLanguage_en")->trigger();
    settle();
    shoot(QStringLiteral("language-switched-back"));

    // 9. At the small size: the layout after all that.
    window.showFirstArticle();
    shoot(QStringLiteral("reading-after"));
    return 0;
}
