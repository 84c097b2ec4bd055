// A team library in the app (issue 13), against a real PostgreSQL server the test starts: File → Open Team
// Library…'s dialog, the window's title and Open Recent (no password anywhere in the settings), and the editing
// actions following the user's role on the server (a reader's annotation actions off with a tooltip naming the
// role; an annotator annotates but does not import; an editor imports). A reader's annotation that gets through
// anyway is refused by the server, and the window says so naming the role.
#include "app/annotations/annotationcontroller.h"
#include "app/annotations/annotationdocument.h"
#include "app/annotations/annotationspanel.h"
#include "app/annotations/notebookview.h"
#include "app/annotations/notespanel.h"
#include "app/annotations/tagdock.h"
#include "app/shell/actionregistry.h"
#include "app/shell/appsettings.h"
#include "app/shell/mainwindow.h"
#include "app/shell/teamlibrarydialog.h"
#include "core/store/annotationrepository.h"
#include "core/store/library.h"
#include "core/store/notebookrepository.h"
#include "core/store/sql.h"
#include "core/store/tagrepository.h"
#include "core/store/teamroles.h"
#include "tests/support/isolatedsettings.h"
#include "tests/support/pgserver.h"
#include "tests/support/recordingfeedback.h"
#include "tests/support/sampleissue.h"
#include "tests/support/windowfixture.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDirIterator>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

#include <memory>

using namespace dubao;
using namespace Qt::StringLiterals;

class TestTeamLibrary : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void dialog_buildsTheAddress_rememberFollowsTheKeychain();
    void open_titleNamesUserHostDatabase_recentHoldsNoPassword();
    void reader_annotationActionsOff_tooltipNamesTheRole_serverRefusesTheRest();
    void annotator_annotationActionsOn_importOff();
    void editor_importOn();
    void annotator_colleaguesNoteAndNotebook_readOnlyWithWhy_ownNotebookSharedUndoably();
    void annotator_annotationsPanelMenu_colleaguesOffWithWhy_ownOn();
    void undo_highlightAColleagueChangedOrDeletedSince_refusedPlainly_nothingOverwritten();

private:
    QString url(const QString &user) const { return m_server->url(m_db, user); }
    QAction *action(MainWindow &window, const char *id) const
    {
        return window.actions().action(QString::fromLatin1(id));
    }

    QTemporaryDir m_dir;
    std::unique_ptr<test::PgServer> m_server;
    QString m_db;
    qint64 m_block = 0;
};

void TestTeamLibrary::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolate(m_dir);
    m_server = std::make_unique<test::PgServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
    const Result<QString> db = m_server->createDatabase(u"group"_s);
    QVERIFY2(db, qPrintable(db.error().message()));
    m_db = *db;
    Library owner;
    const Result<void> opened = owner.open(url(test::PgServer::superuser()));
    QVERIFY2(opened, qPrintable(opened.error().message()));
    QVERIFY(test::importSampleIssue(owner));
    QStringList done;
    const Result<void> roles = team::init(owner, &done);
    QVERIFY2(roles, qPrintable(roles.error().message()));
    QVERIFY(team::addUser(owner, u"rita"_s, team::Role::Reader, u"rita-pw"_s));
    QVERIFY(team::addUser(owner, u"anna"_s, team::Role::Annotator, u"anna-pw"_s));
    QVERIFY(team::addUser(owner, u"ed"_s, team::Role::Editor, u"ed-pw"_s));
    QVERIFY(team::addUser(owner, u"bo"_s, team::Role::Annotator, u"bo-pw"_s));
    m_block = m_server->psql(m_db, u"SELECT min(id) FROM blocks"_s).valueOr({}).toLongLong();
    QVERIFY(m_block > 0);
}

void TestTeamLibrary::cleanupTestCase()
{
    m_server.reset();
}

void TestTeamLibrary::dialog_buildsTheAddress_rememberFollowsTheKeychain()
{
    TeamLibraryDialog dialog(url(u"anna"_s));
    auto *host = dialog.findChild<QLineEdit *>(u"teamHost"_s);
    auto *port = dialog.findChild<QSpinBox *>(u"teamPort"_s);
    auto *database = dialog.findChild<QLineEdit *>(u"teamDatabase"_s);
    auto *user = dialog.findChild<QLineEdit *>(u"teamUser"_s);
    auto *password = dialog.findChild<QLineEdit *>(u"teamPassword"_s);
    auto *remember = dialog.findChild<QCheckBox *>(u"teamRememberPassword"_s);
    auto *open = dialog.findChild<QPushButton *>(u"teamOpen"_s);
    QVERIFY(host && port && database && user && password && remember && open);
    QCOMPARE(host->text(), u"127.0.0.1"_s);
    QCOMPARE(port->value(), m_server->port());
    QCOMPARE(database->text(), m_db);
    QCOMPARE(user->text(), u"anna"_s);
    QCOMPARE(password->echoMode(), QLineEdit::Password);
    QVERIFY(open->isEnabled());
    QTest::keyClicks(password, u"anna-pw"_s);
    QCOMPARE(dialog.password(), u"anna-pw"_s);
    QCOMPARE(dialog.url(), url(u"anna"_s)); // the password is never in the address
    // Without a Secret Service (as here) "Remember" is off and says why; with one it is offered.
    QCOMPARE(remember->isEnabled(), teamkeychain::isAvailable());
    if (!remember->isEnabled()) {
        QVERIFY(remember->toolTip().contains(u"No keychain is available"_s));
        QVERIFY(!dialog.rememberPassword());
    }
    database->clear();
    QVERIFY(!open->isEnabled());
}

void TestTeamLibrary::open_titleNamesUserHostDatabase_recentHoldsNoPassword()
{
    Library::setServerPassword(url(u"anna"_s), u"anna-pw-never-stored"_s);
    std::unique_ptr<MainWindow> window = test::openShownWindow(url(u"anna"_s));
    QCOMPARE(window->libraryPath(), url(u"anna"_s));
    QCOMPARE(window->windowTitle(), u"Dubao — anna@127.0.0.1/%1"_s.arg(m_db));
    QCOMPARE(AppSettings::recentLibraries().value(0), url(u"anna"_s));
    auto *feedback = static_cast<test::RecordingFeedback *>(&window->feedback());
    QVERIFY2(feedback->warnings.isEmpty(), qPrintable(feedback->warnings.join(u'\n')));
    window.reset();
    Library::setServerPassword(url(u"anna"_s), {});
    // No settings file holds the password.
    QDirIterator files(m_dir.path(), QDir::Files, QDirIterator::Subdirectories);
    int read = 0;
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains("anna-pw-never-stored"), qPrintable(file.fileName()));
        ++read;
    }
    QVERIFY(read > 0);
}

void TestTeamLibrary::reader_annotationActionsOff_tooltipNamesTheRole_serverRefusesTheRest()
{
    std::unique_ptr<MainWindow> window = test::openShownWindow(url(u"rita"_s));
    QCOMPARE(window->libraryPath(), url(u"rita"_s));
    for (const char *id : {"actionAddNote", "actionTagArticle", "actionTagParagraph", "actionNewTag",
                           "actionNewNotebook", "actionImportFiles", "actionCorrect"}) {
        QAction *a = action(*window, id);
        QVERIFY2(a, id);
        QVERIFY2(!a->isEnabled(), id);
        QVERIFY2(a->toolTip().contains(u"reader of this team library"_s), qPrintable(a->toolTip()));
    }
    auto *banner = window->findChild<QToolBar *>(u"readOnlyBanner"_s);
    QVERIFY(banner && banner->isVisible());
    // The Notes panel's own buttons too, with the role in their tooltip; its editor reads only.
    window->annotations()->notesPanel()->setContext(m_block);
    for (QPushButton *button : window->annotations()->notesPanel()->findChildren<QPushButton *>()) {
        QVERIFY2(!button->isEnabled(), qPrintable(button->text()));
        QVERIFY2(button->toolTip().contains(u"reader of this team library"_s), qPrintable(button->toolTip()));
    }
    QVERIFY(window->annotations()->notesPanel()->editor()->isReadOnly());
    // An annotation that gets through anyway (a script, a panel): the server refuses it, the window says why.
    auto *feedback = static_cast<test::RecordingFeedback *>(&window->feedback());
    QCOMPARE(window->annotations()->document().addNote(m_block, 0, u"sneaked"_s), qint64(0));
    QTRY_VERIFY(!feedback->warnings.isEmpty());
    QVERIFY2(feedback->warnings.join(u'\n').contains(u"rita is a reader of this team library"_s),
             qPrintable(feedback->warnings.join(u'\n')));
    QCOMPARE(m_server->psql(m_db, u"SELECT count(*) FROM notes"_s).valueOr({}), u"0"_s);
}

void TestTeamLibrary::annotator_annotationActionsOn_importOff()
{
    std::unique_ptr<MainWindow> window = test::openShownWindow(url(u"anna"_s));
    for (const char *id : {"actionImportFiles", "actionNewTag", "actionCorrect", "actionMarkHeading"}) {
        QAction *a = action(*window, id);
        QVERIFY2(!a->isEnabled(), id);
        QVERIFY2(a->toolTip().contains(u"annotator of this team library"_s), qPrintable(a->toolTip()));
    }
    for (const char *id : {"actionAddNote", "actionTagArticle", "actionNewNotebook"})
        QVERIFY2(!action(*window, id)->toolTip().contains(u"team library"_s), id); // not held off by the role
    QVERIFY(!window->findChild<QToolBar *>(u"readOnlyBanner"_s)->isVisible());
    // The Tags dock: defining tags is the editors'; its buttons and shortcuts are off and say so.
    TagDock *tags = window->findChild<TagDock *>();
    QVERIFY(tags);
    QCOMPARE(tags->editActions().size(), 8);
    for (QAction *action : tags->editActions()) {
        QVERIFY2(!action->isEnabled(), qPrintable(action->text()));
        QVERIFY2(action->toolTip().startsWith(u"Tag definitions are the editors' on a team library: anna is an "
                                              "annotator"_s),
                 qPrintable(action->toolTip()));
    }
    QCOMPARE(tags->tree()->dragDropMode(), QAbstractItemView::NoDragDrop);
    window->annotations()->notesPanel()->setContext(m_block);
    QPushButton *add = nullptr;
    for (QPushButton *button : window->annotations()->notesPanel()->findChildren<QPushButton *>())
        if (button->text() == u"&Add Note"_s)
            add = button;
    QVERIFY(add && add->isEnabled() && add->toolTip().isEmpty());
    const qint64 note = window->annotations()->document().addNote(m_block, 0, u"anna's"_s);
    QVERIFY(note > 0);
    QCOMPARE(m_server->psql(m_db, u"SELECT count(*) FROM notes WHERE text = 'anna''s'"_s).valueOr({}), u"1"_s);
}

void TestTeamLibrary::editor_importOn()
{
    std::unique_ptr<MainWindow> window = test::openShownWindow(url(u"ed"_s));
    TagDock *tags = window->findChild<TagDock *>();
    QVERIFY(tags && tags->editLimit().isEmpty());
    for (QAction *action : tags->editActions())
        QVERIFY2(action->isEnabled(), qPrintable(action->text()));
    QVERIFY(action(*window, "actionImportFiles")->isEnabled());
    QVERIFY(!action(*window, "actionImportFiles")->toolTip().contains(u"team library"_s));
    QVERIFY(action(*window, "actionNewTag")->isEnabled());
}

void TestTeamLibrary::annotator_colleaguesNoteAndNotebook_readOnlyWithWhy_ownNotebookSharedUndoably()
{
    // bo's note on the paragraph and bo's shared notebook.
    qint64 bosNote = 0;
    {
        Library bo;
        QVERIFY(bo.open(url(u"bo"_s)));
        const Result<qint64> note = AnnotationRepository(bo).addNote(m_block, 0, u"bo's note"_s);
        QVERIFY2(note, qPrintable(note.error().message()));
        bosNote = *note;
        NotebookRepository notebooks(bo);
        const Result<qint64> book = notebooks.create(u"bo's reading"_s);
        QVERIFY(book);
        QVERIFY(notebooks.addText(*book, u"shared thoughts"_s));
        QVERIFY(notebooks.setShared(*book, true));
        QVERIFY(notebooks.create(u"bo's diary"_s));
    }
    std::unique_ptr<MainWindow> window = test::openShownWindow(url(u"anna"_s));
    NotesPanel *notes = window->annotations()->notesPanel();
    notes->setContext(m_block);
    notes->selectNote(bosNote);
    QCOMPARE(notes->currentNoteId(), bosNote);
    const QString why = u"this note is bo's: an annotator changes only their own notes"_s;
    QCOMPARE(notes->ownershipLimit(), why);
    QVERIFY(notes->editor()->isReadOnly());
    for (QPushButton *button : notes->findChildren<QPushButton *>()) {
        if (button->text() == u"&Add Note"_s) {
            QVERIFY(button->isEnabled()); // a note of one's own on the same paragraph: yes
            continue;
        }
        QVERIFY2(!button->isEnabled(), qPrintable(button->text()));
        QCOMPARE(button->toolTip(), why);
    }
    notes->deleteCurrentNote(); // a shortcut that gets through anyway does nothing
    QCOMPARE(m_server->psql(m_db, u"SELECT count(*) FROM notes WHERE id = %1"_s.arg(bosNote)).valueOr({}), u"1"_s);
    // Her own note on the same paragraph: everything on.
    const qint64 own = window->annotations()->document().addNote(m_block, 0, u"anna's second"_s);
    QVERIFY(own > 0);
    notes->selectNote(own);
    QVERIFY(notes->ownershipLimit().isEmpty());
    QVERIFY(!notes->editor()->isReadOnly());

    // The notebook view: bo's private diary is not there; bo's shared notebook is, marked as bo's and read-only.
    NotebookView *view = window->annotations()->notebookView();
    QVERIFY(view);
    QStringList names;
    for (int i = 0; i < view->chooser()->count(); ++i)
        names << view->chooser()->itemText(i);
    QVERIFY2(!names.join(u'|').contains(u"diary"_s), qPrintable(names.join(u'|')));
    const int shared = int(names.indexOf(u"bo's reading (bo's)"_s));
    QVERIFY2(shared >= 0, qPrintable(names.join(u'|')));
    view->chooser()->setCurrentIndex(shared);
    QCOMPARE(view->readOnlyReason(), u"this notebook is bo's: an annotator changes only their own notebooks"_s);
    QVERIFY(!view->renameButton()->isEnabled());
    QCOMPARE(view->renameButton()->toolTip(), view->readOnlyReason());
    QVERIFY(view->shareButton()->isChecked());
    QVERIFY(!view->shareButton()->isEnabled());
    QVERIFY(view->shareButton()->toolTip().contains(u"only its creator shares it"_s));
    QCOMPARE(view->entryList()->editTriggers(), QAbstractItemView::NoEditTriggers);

    // Her own notebook: shared with a click, private again with Undo.
    const qint64 mine = view->createNotebook(u"anna's reading"_s);
    QVERIFY(mine > 0);
    QVERIFY(view->readOnlyReason().isEmpty());
    QVERIFY(view->shareButton()->isEnabled() && !view->shareButton()->isChecked());
    view->shareButton()->click();
    const QString sharedFlag = u"SELECT shared FROM notebooks WHERE id = %1"_s.arg(mine);
    QCOMPARE(m_server->psql(m_db, sharedFlag).valueOr({}), u"1"_s);
    QVERIFY(view->shareButton()->isChecked());
    window->undoStack()->undo();
    QCOMPARE(m_server->psql(m_db, sharedFlag).valueOr({}), u"0"_s);
    QTRY_VERIFY(!view->shareButton()->isChecked());
}

void TestTeamLibrary::annotator_annotationsPanelMenu_colleaguesOffWithWhy_ownOn()
{
    // bo's highlight and note, and anna's highlight, on the same paragraph.
    {
        Library bo;
        QVERIFY(bo.open(url(u"bo"_s)));
        AnnotationRepository annotations(bo);
        QVERIFY(annotations.addHighlight(m_block, 0, 2));
        QVERIFY(annotations.addNote(m_block, 0, u"bo's menu note"_s));
        Library anna;
        QVERIFY(anna.open(url(u"anna"_s)));
        QVERIFY(AnnotationRepository(anna).addHighlight(m_block, 3, 5));
    }
    std::unique_ptr<MainWindow> window = test::openShownWindow(url(u"anna"_s));
    AnnotationsPanel *panel = window->annotations()->annotationsPanel();
    panel->refresh();
    // The entries of the panel's context menu that change an annotation, by text.
    auto entries = [panel](const AnnotationItem &item) {
        auto menu = std::make_shared<QMenu>();
        emit panel->contextMenuRequested(menu.get(), item);
        QHash<QString, QAction *> byText;
        for (QAction *action : menu->actions())
            byText.insert(action->text().remove(u'&'), action);
        return std::pair{menu, byText};
    };
    int checked = 0;
    for (const AnnotationItem &item : panel->items()) {
        const bool highlight = item.kind == AnnotationItem::Kind::Highlight;
        const QString author = highlight ? item.highlight.createdBy : item.note.createdBy;
        if (author != u"bo"_s && author != u"anna"_s)
            continue;
        const auto [menu, byText] = entries(item);
        const QStringList changing = highlight ? QStringList{u"Tags…"_s, u"Remove Highlight"_s}
                                               : QStringList{u"Edit Note…"_s, u"Tags…"_s, u"Delete Note"_s};
        for (const QString &text : changing) {
            QAction *action = byText.value(text);
            QVERIFY2(action, qPrintable(text + u" in "_s + QStringList(byText.keys()).join(u", "_s)));
            if (author == u"anna"_s) {
                QVERIFY2(action->isEnabled(), qPrintable(text));
                continue;
            }
            QVERIFY2(!action->isEnabled(), qPrintable(text));
            QCOMPARE(action->toolTip(),
                     highlight ? u"this highlight is bo's: an annotator changes only their own highlights"_s
                               : u"this note is bo's: an annotator changes only their own notes"_s);
        }
        QVERIFY(menu->toolTipsVisible() || author == u"anna"_s);
        QVERIFY(byText.value(u"Add to Notebook"_s) && byText.value(u"Add to Notebook"_s)->isEnabled());
        ++checked;
    }
    QVERIFY2(checked >= 3, qPrintable(QString::number(checked)));
    // Anna's own highlight: Remove Highlight removes it.
    const QString annas = u"SELECT count(*) FROM highlights WHERE created_by = 'anna' AND start = 3"_s;
    QCOMPARE(m_server->psql(m_db, annas).valueOr({}), u"1"_s);
    for (const AnnotationItem &item : panel->items())
        if (item.kind == AnnotationItem::Kind::Highlight && item.highlight.createdBy == u"anna"_s &&
            item.highlight.start == 3)
            entries(item).second.value(u"Remove Highlight"_s)->trigger();
    QCOMPARE(m_server->psql(m_db, annas).valueOr({}), u"0"_s);
}

void TestTeamLibrary::undo_highlightAColleagueChangedOrDeletedSince_refusedPlainly_nothingOverwritten()
{
    std::unique_ptr<MainWindow> window = test::openShownWindow(url(u"anna"_s));
    AnnotationDocument &document = window->annotations()->document();
    QUndoStack *undo = window->undoStack();
    QSignalSpy errors(&document, &AnnotationDocument::errorOccurred);
    Library ed; // an editor, who may change anyone's highlights
    QVERIFY(ed.open(url(u"ed"_s)));
    auto count = [this](const QString &sql) {
        return m_server->psql(m_db, sql).valueOr({});
    };
    auto lastError = [&errors] {
        return errors.isEmpty() ? QString() : errors.last().at(0).toString();
    };

    // ed tags anna's new highlight: her undo would delete ed's tagging with it. Refused; both stay.
    const qint64 tagged = document.addHighlight(m_block, 6, 8);
    QVERIFY(tagged > 0);
    const Result<Tag> tag = TagRepository(ed).create(u"ed's code"_s);
    QVERIFY2(tag, qPrintable(tag.error().message()));
    QVERIFY(TagRepository(ed).addTagging(TagTarget::Highlight, tag->id, tagged));
    undo->undo();
    QVERIFY2(lastError().contains(u"someone else changed the tags of this highlight since (0 tags then, 1 now)"_s),
             qPrintable(lastError()));
    QCOMPARE(count(u"SELECT count(*) FROM highlights WHERE id = %1"_s.arg(tagged)), u"1"_s);
    QCOMPARE(count(u"SELECT count(*) FROM highlight_tags WHERE highlight_id = %1"_s.arg(tagged)), u"1"_s);

    // ed changes the highlight's row (its version goes up): refused, naming ed.
    const qint64 changed = document.addHighlight(m_block, 9, 11);
    QVERIFY(changed > 0);
    QVERIFY(
        sql::exec(ed.database(), u"UPDATE highlights SET modified_at = ? WHERE id = ?"_s, {sql::nowUtc(), changed}));
    const qsizetype before = errors.size();
    undo->undo();
    QCOMPARE(errors.size(), before + 1);
    QVERIFY2(lastError().contains(u"highlight %1 was changed by ed at "_s.arg(changed)) &&
                 lastError().contains(u"nothing was deleted"_s),
             qPrintable(lastError()));
    QCOMPARE(count(u"SELECT count(*) FROM highlights WHERE id = %1"_s.arg(changed)), u"1"_s);

    // ed deletes it: nothing to undo, said so; nothing else is touched.
    const qint64 deleted = document.addHighlight(m_block, 12, 14);
    QVERIFY(deleted > 0);
    QVERIFY(AnnotationRepository(ed).removeHighlight(deleted));
    undo->undo();
    QVERIFY2(lastError().contains(u"someone else deleted this highlight since"_s), qPrintable(lastError()));

    // Her own highlight nobody touched: undo and redo work as ever.
    const qint64 own = document.addHighlight(m_block, 15, 17);
    QVERIFY(own > 0);
    const qsizetype quiet = errors.size();
    undo->undo();
    QCOMPARE(count(u"SELECT count(*) FROM highlights WHERE id = %1"_s.arg(own)), u"0"_s);
    undo->redo();
    QCOMPARE(count(u"SELECT count(*) FROM highlights WHERE id = %1"_s.arg(own)), u"1"_s);
    QCOMPARE(errors.size(), quiet);
}

QTEST_MAIN(TestTeamLibrary)
#include "tst_teamlibrary.moc"
