// Undo undoes only one's own actions on a team library (issue 13), against a real PostgreSQL server the test starts:
// an undo or redo in a window that would take off a tag, delete or overwrite a note, or delete, rename or empty a
// notebook a colleague changed since is refused with a plain message naming who and when, and nothing of the
// colleague's is touched; an undo that puts back a colleague's tagging (an editor's undo of an untag or of a tag's
// deletion) records the colleague as its maker, not the undoer.
#include "app/annotations/annotationcontroller.h"
#include "app/annotations/annotationdocument.h"
#include "app/annotations/orphanspanel.h"
#include "app/shell/mainwindow.h"
#include "core/store/annotationrepository.h"
#include "core/store/library.h"
#include "core/store/notebookrepository.h"
#include "core/store/tagrepository.h"
#include "core/store/teamroles.h"
#include "tests/support/isolatedsettings.h"
#include "tests/support/pgserver.h"
#include "tests/support/sampleissue.h"
#include "tests/support/windowfixture.h"

#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace dubao;
using namespace Qt::StringLiterals;

class TestTeamUndo : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void undoRedo_taggingAColleagueChangedSince_refusedNamingThem_theirsKept();
    void editorsUndo_ofUntagAndTagDeletion_putsBackTheMakersName();
    void undoRedo_noteAColleagueChangedSince_refusedNamingThem_theirsKept();
    void undoRedo_notebookAColleagueChangedSince_refusedNamingThem_theirsKept();
    void orphansPanel_annotator_colleaguesOrphanNotReattachable_saysWhy();

private:
    QString url(const QString &user) const { return m_server->url(m_db, user); }
    QString value(const QString &sql) const { return m_server->psql(m_db, sql).valueOr({}); }

    QTemporaryDir m_dir;
    std::unique_ptr<test::PgServer> m_server;
    QString m_db;
    qint64 m_article = 0;
    qint64 m_block = 0;
    qint64 m_tag = 0;
};

void TestTeamUndo::initTestCase()
{
    QVERIFY(m_dir.isValid());
    test::isolate(m_dir);
    m_server = std::make_unique<test::PgServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
    const Result<QString> db = m_server->createDatabase(u"undo"_s);
    QVERIFY2(db, qPrintable(db.error().message()));
    m_db = *db;
    Library owner;
    const Result<void> opened = owner.open(url(test::PgServer::superuser()));
    QVERIFY2(opened, qPrintable(opened.error().message()));
    QVERIFY(test::importSampleIssue(owner));
    QStringList done;
    const Result<void> roles = team::init(owner, &done);
    QVERIFY2(roles, qPrintable(roles.error().message()));
    QVERIFY(team::addUser(owner, u"anna"_s, team::Role::Annotator, u"anna-pw"_s));
    QVERIFY(team::addUser(owner, u"bo"_s, team::Role::Annotator, u"bo-pw"_s));
    QVERIFY(team::addUser(owner, u"ed"_s, team::Role::Editor, u"ed-pw"_s));
    const Result<Tag> tag = TagRepository(owner).create(u"coded"_s);
    QVERIFY(tag);
    m_tag = tag->id;
    m_block = value(u"SELECT min(id) FROM blocks"_s).toLongLong();
    m_article = value(u"SELECT article_id FROM blocks WHERE id = %1"_s.arg(m_block)).toLongLong();
    QVERIFY(m_block > 0 && m_article > 0);
}

void TestTeamUndo::cleanupTestCase()
{
    m_server.reset();
}

void TestTeamUndo::undoRedo_taggingAColleagueChangedSince_refusedNamingThem_theirsKept()
{
    std::unique_ptr<MainWindow> window = test::openShownWindow(url(u"anna"_s));
    AnnotationDocument &document = window->annotations()->document();
    QUndoStack *undo = window->undoStack();
    QSignalSpy errors(&document, &AnnotationDocument::errorOccurred);
    auto lastError = [&errors] {
        return errors.isEmpty() ? QString() : errors.last().at(0).toString();
    };
    Library ed; // an editor, who may take off and put on anyone's tags
    QVERIFY(ed.open(url(u"ed"_s)));
    TagRepository edsTags(ed);
    const QString articleTag = u"SELECT created_by FROM article_tags WHERE article_id = %1 AND tag_id = %2"_s.arg(
        QString::number(m_article), QString::number(m_tag));

    // anna tags the article; ed takes the tag off and puts it on again: it is ed's now. anna's undo would take off
    // ed's tagging: refused, naming ed; ed's stays.
    QVERIFY(document.tag(TagTarget::Article, m_article, m_tag));
    QCOMPARE(value(articleTag), u"anna"_s);
    QVERIFY(edsTags.removeTagging(TagTarget::Article, m_tag, m_article).valueOr(false));
    QVERIFY(edsTags.addTagging(TagTarget::Article, m_tag, m_article).valueOr(false));
    undo->undo();
    QVERIFY2(lastError().contains(u"the tag “coded” was put on again by ed at "_s) &&
                 lastError().contains(u"it stays on as theirs"_s),
             qPrintable(lastError()));
    QCOMPARE(value(articleTag), u"ed"_s);

    // anna untags her paragraph tag; ed puts the tag on the paragraph meanwhile: anna's undo does not make it hers.
    const QString blockTag = u"SELECT created_by FROM block_tags WHERE block_id = %1 AND tag_id = %2"_s.arg(
        QString::number(m_block), QString::number(m_tag));
    QVERIFY(document.tag(TagTarget::Block, m_block, m_tag));
    QVERIFY(document.untag(TagTarget::Block, m_block, m_tag));
    QCOMPARE(value(blockTag), QString());
    QVERIFY(edsTags.addTagging(TagTarget::Block, m_tag, m_block).valueOr(false));
    const qsizetype before = errors.size();
    undo->undo();
    QCOMPARE(errors.size(), before + 1);
    QVERIFY2(lastError().contains(u"was put on again by ed at "_s), qPrintable(lastError()));
    QCOMPARE(value(blockTag), u"ed"_s);

    // ed takes a tag of anna's off: her redo has nothing left to take off, and says so.
    const qint64 highlight = document.addHighlight(m_block, 20, 22);
    QVERIFY(highlight > 0);
    QVERIFY(document.tag(TagTarget::Highlight, highlight, m_tag));
    undo->undo(); // the tag off, by anna
    undo->redo(); // on again, as hers
    QCOMPARE(value(u"SELECT created_by FROM highlight_tags WHERE highlight_id = %1"_s.arg(highlight)), u"anna"_s);
    QVERIFY(edsTags.removeTagging(TagTarget::Highlight, m_tag, highlight).valueOr(false));
    undo->undo();
    QVERIFY2(lastError().contains(u"someone else took the tag “coded” off since"_s), qPrintable(lastError()));

    // Her own tagging nobody touched: undo and redo as ever, without a word.
    QVERIFY(document.tag(TagTarget::Note, document.addNote(m_block, 0, u"anna's"_s), m_tag));
    const qsizetype quiet = errors.size();
    undo->undo();
    QCOMPARE(value(u"SELECT count(*) FROM note_tags WHERE created_by = 'anna'"_s), u"0"_s);
    undo->redo();
    QCOMPARE(value(u"SELECT count(*) FROM note_tags WHERE created_by = 'anna'"_s), u"1"_s);
    QCOMPARE(errors.size(), quiet);
}

void TestTeamUndo::editorsUndo_ofUntagAndTagDeletion_putsBackTheMakersName()
{
    // bo tags a paragraph and an article.
    const qint64 block = m_block + 1;
    {
        Library bo;
        QVERIFY(bo.open(url(u"bo"_s)));
        QVERIFY(TagRepository(bo).addTagging(TagTarget::Block, m_tag, block).valueOr(false));
    }
    const QString maker = u"SELECT created_by FROM block_tags WHERE block_id = %1 AND tag_id = %2"_s.arg(
        QString::number(block), QString::number(m_tag));
    QCOMPARE(value(maker), u"bo"_s);
    std::unique_ptr<MainWindow> window = test::openShownWindow(url(u"ed"_s));
    AnnotationDocument &document = window->annotations()->document();
    QSignalSpy errors(&document, &AnnotationDocument::errorOccurred);
    // ed takes bo's tag off and undoes it: bo's again (it used to become ed's, and bo could no longer take it off).
    QVERIFY(document.untag(TagTarget::Block, block, m_tag));
    QCOMPARE(value(maker), QString());
    window->undoStack()->undo();
    QCOMPARE(value(maker), u"bo"_s);
    // ed deletes the tag and undoes that: its taggings come back under their makers' names.
    QVERIFY(document.deleteTag(m_tag));
    QCOMPARE(value(maker), QString());
    window->undoStack()->undo();
    QCOMPARE(value(maker), u"bo"_s);
    QVERIFY2(errors.isEmpty(), qPrintable(errors.isEmpty() ? QString() : errors.last().at(0).toString()));
    {
        Library bo; // and bo may take it off again (row-level security goes by the maker's name)
        QVERIFY(bo.open(url(u"bo"_s)));
        QVERIFY(TagRepository(bo).removeTagging(TagTarget::Block, m_tag, block).valueOr(false));
    }
}

void TestTeamUndo::undoRedo_noteAColleagueChangedSince_refusedNamingThem_theirsKept()
{
    // ed is an editor: the server lets ed delete anyone's note, so only the undo's own check keeps a colleague's work.
    std::unique_ptr<MainWindow> window = test::openShownWindow(url(u"ed"_s));
    AnnotationDocument &document = window->annotations()->document();
    QUndoStack *undo = window->undoStack();
    QSignalSpy errors(&document, &AnnotationDocument::errorOccurred);
    auto lastError = [&errors] {
        return errors.isEmpty() ? QString() : errors.last().at(0).toString();
    };
    // ed's note, which ed's colleague (an editor too: the owner here) edits; ed's undo of adding it would delete the
    // colleague's text: refused, naming them.
    Library owner;
    QVERIFY(owner.open(url(test::PgServer::superuser())));
    const qint64 note = document.addNote(m_block, 0, u"ed's first"_s);
    QVERIFY(note > 0);
    QVERIFY(AnnotationRepository(owner).editNote(note, u"the owner's better text"_s));
    undo->undo();
    QVERIFY2(lastError().contains(u"note %1 was changed by %2 at "_s.arg(note).arg(test::PgServer::superuser())) &&
                 lastError().contains(u"nothing was deleted"_s),
             qPrintable(lastError()));
    QCOMPARE(value(u"SELECT text FROM notes WHERE id = %1"_s.arg(note)), u"the owner's better text"_s);

    // A note ed deleted and put back with undo, then tagged by the owner: ed's redo (deleting it again) is refused.
    const qint64 second = document.addNote(m_block, 0, u"ed's second"_s);
    QVERIFY(document.removeNote(second));
    undo->undo();
    QCOMPARE(value(u"SELECT count(*) FROM notes WHERE id = %1"_s.arg(second)), u"1"_s);
    QVERIFY(TagRepository(owner).addTagging(TagTarget::Note, m_tag, second).valueOr(false));
    undo->redo();
    QVERIFY2(lastError().contains(u"someone else changed the tags of this note since (0 tags then, 1 now)"_s),
             qPrintable(lastError()));
    QCOMPARE(value(u"SELECT count(*) FROM notes WHERE id = %1"_s.arg(second)), u"1"_s);

    // ed's own note, which ed edits and then undoes everything: no refusal, the note goes.
    const qint64 own = document.addNote(m_block, 0, u"ed's third"_s);
    QVERIFY(document.editNote(own, u"ed's third, changed"_s, 1));
    const qsizetype quiet = errors.size();
    undo->undo(); // the edit
    undo->undo(); // the note
    QCOMPARE(value(u"SELECT count(*) FROM notes WHERE id = %1"_s.arg(own)), u"0"_s);
    QCOMPARE(errors.size(), quiet);
}

void TestTeamUndo::undoRedo_notebookAColleagueChangedSince_refusedNamingThem_theirsKept()
{
    std::unique_ptr<MainWindow> window = test::openShownWindow(url(u"ed"_s));
    AnnotationDocument &document = window->annotations()->document();
    QUndoStack *undo = window->undoStack();
    QSignalSpy errors(&document, &AnnotationDocument::errorOccurred);
    auto lastError = [&errors] {
        return errors.isEmpty() ? QString() : errors.last().at(0).toString();
    };
    Library owner;
    QVERIFY(owner.open(url(test::PgServer::superuser())));
    NotebookRepository colleague(owner);

    // ed's shared notebook, to which the owner adds an entry: ed's undo of its creation would delete it. Refused.
    const qint64 book = document.createNotebook(u"group reading"_s);
    QVERIFY(book > 0);
    QVERIFY(document.setNotebookShared(book, true));
    QVERIFY(colleague.addText(book, u"the owner's thought"_s));
    undo->undo(); // shared → private: ed's own change, fine
    undo->undo(); // the creation
    QVERIFY2(lastError().contains(u"%1 at "_s.arg(test::PgServer::superuser())) &&
                 lastError().contains(u"added an entry to notebook “group reading” since"_s),
             qPrintable(lastError()));
    QCOMPARE(value(u"SELECT count(*) FROM notebook_entries WHERE notebook_id = %1"_s.arg(book)), u"1"_s);

    // A rename undone after the owner renamed it again: refused, the owner's name stays.
    const qint64 second = document.createNotebook(u"second book"_s);
    QVERIFY(document.setNotebookShared(second, true));
    QVERIFY(document.renameNotebook(second, u"second book, renamed"_s));
    QVERIFY(colleague.rename(second, u"the owner's title"_s));
    undo->undo();
    QVERIFY2(lastError().contains(u"notebook “second book, renamed” was renamed “the owner's title” by "_s),
             qPrintable(lastError()));
    QCOMPARE(value(u"SELECT name FROM notebooks WHERE id = %1"_s.arg(second)), u"the owner's title"_s);

    // A text entry ed added and the owner rewrote: ed's undo (removing it) and an undo of ed's edit are refused.
    const qint64 entry = document.addTextToNotebook(second, u"ed's line"_s);
    QVERIFY(entry > 0);
    QVERIFY(colleague.editText(entry, u"the owner's line"_s));
    undo->undo();
    QVERIFY2(lastError().contains(u"this notebook entry was changed by %1 at "_s.arg(test::PgServer::superuser())),
             qPrintable(lastError()));
    QCOMPARE(value(u"SELECT text FROM notebook_entries WHERE id = %1"_s.arg(entry)), u"the owner's line"_s);
    const qint64 edited = document.addTextToNotebook(second, u"ed's other line"_s);
    QVERIFY(document.editNotebookText(edited, u"ed's other line, better"_s));
    QVERIFY(colleague.editText(edited, u"the owner's other line"_s));
    undo->undo();
    QVERIFY2(lastError().contains(u"this notebook text was changed by %1 at "_s.arg(test::PgServer::superuser())),
             qPrintable(lastError()));
    QCOMPARE(value(u"SELECT text FROM notebook_entries WHERE id = %1"_s.arg(edited)), u"the owner's other line"_s);

    // ed's own notebook nobody touched: undone and redone without a word.
    const qint64 own = document.createNotebook(u"ed's own"_s);
    QVERIFY(document.addTextToNotebook(own, u"mine"_s) > 0);
    const qsizetype quiet = errors.size();
    undo->undo();
    undo->undo();
    QCOMPARE(value(u"SELECT count(*) FROM notebooks WHERE id = %1"_s.arg(own)), u"0"_s);
    undo->redo();
    undo->redo();
    QCOMPARE(value(u"SELECT count(*) FROM notebook_entries WHERE notebook_id = %1"_s.arg(own)), u"1"_s);
    QCOMPARE(errors.size(), quiet);
}

void TestTeamUndo::orphansPanel_annotator_colleaguesOrphanNotReattachable_saysWhy()
{
    // bo's and anna's highlights, both orphaned (as a re-parse leaves what it cannot place).
    qint64 bos = 0;
    qint64 annas = 0;
    {
        Library bo;
        QVERIFY(bo.open(url(u"bo"_s)));
        bos = AnnotationRepository(bo).addHighlight(m_block, 0, 2).valueOr(0);
        Library anna;
        QVERIFY(anna.open(url(u"anna"_s)));
        annas = AnnotationRepository(anna).addHighlight(m_block, 2, 4).valueOr(0);
    }
    QVERIFY(bos > 0 && annas > 0);
    QVERIFY(m_server->psql(m_db, u"UPDATE highlights SET orphan = 1, block_id = NULL WHERE id IN (%1, %2)"_s.arg(
                                     QString::number(bos), QString::number(annas))));
    std::unique_ptr<MainWindow> window = test::openShownWindow(url(u"anna"_s));
    OrphansPanel *orphans = window->annotations()->orphansPanel();
    orphans->refresh();
    int checked = 0;
    for (int row = 0; row < orphans->items().size(); ++row) {
        const AnnotationItem item = orphans->items().at(row);
        if (item.kind != AnnotationItem::Kind::Highlight || (item.highlight.id != bos && item.highlight.id != annas))
            continue;
        orphans->selectRow(row);
        QCOMPARE(orphans->currentItem()->highlight.id, item.highlight.id);
        if (item.highlight.id == bos) {
            QVERIFY(!orphans->reattachButton()->isEnabled());
            QCOMPARE(orphans->reattachButton()->toolTip(),
                     u"this highlight is bo's: an annotator changes only their own highlights"_s);
            QCOMPARE(orphans->changeLimit(), orphans->reattachButton()->toolTip());
            // Re-attach asked for anyway (the Annotate menu's entry): refused before the server is asked.
            QVERIFY(!window->annotations()->reattach(item));
        } else {
            QVERIFY(orphans->reattachButton()->isEnabled());
            QVERIFY(orphans->changeLimit().isEmpty());
        }
        ++checked;
    }
    QCOMPARE(checked, 2);
    QCOMPARE(value(u"SELECT orphan FROM highlights WHERE id = %1"_s.arg(bos)), u"1"_s);
}

QTEST_MAIN(TestTeamUndo)
#include "tst_teamundo.moc"
