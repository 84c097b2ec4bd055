// Row-level security on a team library (issues 13 and 17, core/store/teampolicies.h), on a real PostgreSQL server
// the test starts: an annotator changes only their own highlights, notes, tags on text and notebooks, each refusal
// naming whose the row is and changing nothing; editors change anyone's (and re-anchor everyone's annotations by
// replace); readers change nothing; a notebook is its creator's alone until shared.
#include "core/store/annotationrepository.h"
#include "core/store/library.h"
#include "core/store/notebookrepository.h"
#include "core/store/tagrepository.h"
#include "tests/support/cliprocess.h"
#include "tests/support/pgserver.h"
#include "tests/support/sampleissue.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace dubao;
using namespace Qt::StringLiterals;
using dubao::test::runCli;

class TestCliTeamRows : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void init_installsThePolicies_statusSaysSo();
    void annotator_cannotChangeAColleaguesRows_eachRefusedAndUnchanged();
    void annotator_cliRefusal_namesWhoseItIs();
    void annotator_changesTheirOwnRows();
    void notebook_privateUntilShared();
    void editor_changesAnyonesRows();
    void reader_changesNothing();
    void undoByAnEditor_putsBackBosRowsAsBos();
    void replaceByAnEditor_reanchorsEveryonesAnnotations();
    void notebookShare_byItsCreatorOnly();
    void notebookShare_onAFile_storedAndCopiedIntoATeamLibrary();
    void highlightDelete_expectVersion_refusedOnceChangedSince();

private:
    QString url(const QString &user) const { return m_server->url(m_db, user); }
    test::CliRun as(const QString &user, const QStringList &args) const
    {
        return runCli(args + QStringList{u"--library"_s, url(user)});
    }
    QString psql(const QString &sql) const { return m_server->psql(m_db, sql).valueOr(u"(error)"_s); }
    /// Everything of bo's, as text: what a refused write must leave as it was.
    QString bosRows() const
    {
        return psql(
            u"SELECT (SELECT string_agg(concat_ws('|', id, text, row_version, modified_at), ';' ORDER BY id) "
            "FROM notes WHERE created_by = 'bo') || '/' || (SELECT string_agg(concat_ws('|', id, start, \"end\", "
            "row_version), ';' ORDER BY id) FROM highlights WHERE created_by = 'bo') || '/' || (SELECT "
            "count(*) FROM highlight_tags) || (SELECT count(*) FROM note_tags) || (SELECT count(*) FROM "
            "article_tags) || '/' || (SELECT string_agg(concat_ws('|', id, name, shared), ';' ORDER BY id) "
            "FROM notebooks) || '/' || (SELECT string_agg(concat_ws('|', id, position, text), ';' ORDER BY id) "
            "FROM notebook_entries)"_s);
    }
    std::unique_ptr<Library> open(const QString &user)
    {
        auto library = std::make_unique<Library>();
        const Result<void> opened = library->open(url(user));
        if (!opened)
            qWarning("%s", qPrintable(opened.error().message()));
        return opened ? std::move(library) : nullptr;
    }

    std::unique_ptr<test::PgServer> m_server;
    QTemporaryDir m_dir;
    QString m_db;
    qint64 m_block = 0;   ///< the paragraph "会上,白鹭镇…"
    qint64 m_article = 0; ///< its article
    qint64 m_tag = 0;
    qint64 m_bosNote = 0;
    qint64 m_bosHighlight = 0;
    qint64 m_bosShared = 0;  ///< bo's shared notebook
    qint64 m_bosPrivate = 0; ///< bo's private notebook
    qint64 m_bosEntry = 0;   ///< a text entry in the shared one
};

void TestCliTeamRows::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_server = std::make_unique<test::PgServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
    const Result<QString> db = m_server->createDatabase(u"rows"_s);
    QVERIFY2(db, qPrintable(db.error().message()));
    m_db = *db;
    const QString owner = test::PgServer::superuser();
    const test::CliRun imported = as(owner, {u"import"_s, test::sampleIssuePath()});
    QVERIFY2(imported.code == 0, imported.err.constData());
    QCOMPARE(as(owner, {u"tag"_s, u"add"_s, u"people"_s}).code, 0);
    const test::CliRun init = as(owner, {u"team"_s, u"init"_s});
    QVERIFY2(init.code == 0, init.err.constData());
    for (const auto &[user, role] : {std::pair{u"anna"_s, u"annotator"_s}, std::pair{u"bo"_s, u"annotator"_s},
                                     std::pair{u"ed"_s, u"editor"_s}, std::pair{u"rita"_s, u"reader"_s}}) {
        const test::CliRun added = test::runCliWith(
            {u"team"_s, u"add-user"_s, user, u"--role"_s, role, u"--library"_s, url(owner)}, {}, "pw\n");
        QVERIFY2(added.code == 0, added.err.constData());
    }
    m_block = psql(u"SELECT id FROM blocks WHERE text LIKE '会上%'"_s).toLongLong();
    m_article = psql(u"SELECT article_id FROM blocks WHERE id = %1"_s.arg(m_block)).toLongLong();
    m_tag = psql(u"SELECT id FROM tags WHERE name = 'people'"_s).toLongLong();
    QVERIFY(m_block > 0 && m_article > 0 && m_tag > 0);

    // bo's annotations, made through the store as bo.
    auto bo = open(u"bo"_s);
    QVERIFY(bo);
    QVERIFY(bo->teamAccess().ownRowsOnly);
    AnnotationRepository annotations(*bo);
    TagRepository tags(*bo);
    NotebookRepository notebooks(*bo);
    const Result<qint64> highlight = annotations.addHighlight(m_block, 0, 2, {m_tag});
    QVERIFY2(highlight, qPrintable(highlight.error().message()));
    m_bosHighlight = *highlight;
    const Result<qint64> note = annotations.addNote(m_block, 0, u"bo's thought"_s);
    QVERIFY2(note, qPrintable(note.error().message()));
    m_bosNote = *note;
    QVERIFY(tags.addTagging(TagTarget::Note, m_tag, m_bosNote));
    QVERIFY(tags.addTagging(TagTarget::Article, m_tag, m_article));
    const Result<qint64> shared = notebooks.create(u"bo-shared"_s);
    QVERIFY2(shared, qPrintable(shared.error().message()));
    m_bosShared = *shared;
    const Result<qint64> entry = notebooks.addText(m_bosShared, u"for everyone"_s);
    QVERIFY2(entry, qPrintable(entry.error().message()));
    m_bosEntry = *entry;
    const Result<qint64> mine = notebooks.create(u"bo-private"_s);
    QVERIFY2(mine, qPrintable(mine.error().message()));
    m_bosPrivate = *mine;
    QVERIFY(notebooks.addText(m_bosPrivate, u"for me"_s));
    QVERIFY(m_server->psql(m_db, u"UPDATE notebooks SET shared = 1 WHERE name = 'bo-shared'"_s));
    QCOMPARE(psql(u"SELECT count(*) FROM notes WHERE created_by = 'bo'"_s), u"1"_s);
}

void TestCliTeamRows::cleanupTestCase()
{
    m_server.reset();
}

void TestCliTeamRows::init_installsThePolicies_statusSaysSo()
{
    QCOMPARE(psql(u"SELECT count(*) FROM pg_policy WHERE polname LIKE 'dubao\\_%'"_s), u"32"_s);
    QCOMPARE(psql(u"SELECT count(*) FROM pg_class WHERE relrowsecurity AND NOT relforcerowsecurity"_s), u"8"_s);
    const test::CliRun again = as(test::PgServer::superuser(), {u"team"_s, u"init"_s});
    QVERIFY2(again.code == 0 && again.err.isEmpty(), again.err.constData());
    QCOMPARE(psql(u"SELECT count(*) FROM pg_policy WHERE polname LIKE 'dubao\\_%'"_s), u"32"_s);
    const test::CliRun status = as(u"anna"_s, {u"team"_s, u"status"_s});
    QVERIFY2(status.code == 0, status.err.constData());
    QVERIFY2(status.out.contains("anna is an annotator"), status.out.constData());
    QVERIFY2(status.out.contains("row-level security is on"), status.out.constData());

    // A team library whose roles predate the policies: status and check say so; init run again adds them.
    QVERIFY(m_server->psql(m_db, u"ALTER TABLE notes DISABLE ROW LEVEL SECURITY"_s));
    const test::CliRun partial = as(u"anna"_s, {u"team"_s, u"status"_s});
    QVERIFY2(partial.out.contains("row-level security is on only for some"), partial.out.constData());
    const test::CliRun checked = as(u"anna"_s, {u"check"_s});
    QCOMPARE(checked.code, 1);
    QVERIFY2(QByteArray(checked.out + checked.err).contains("row-level security is on only for some"),
             checked.out.constData());
    QVERIFY2(QByteArray(checked.out + checked.err).contains("team init"), checked.out.constData());
    const test::CliRun fixed = as(test::PgServer::superuser(), {u"team"_s, u"init"_s});
    QVERIFY2(fixed.code == 0, fixed.err.constData());
    QVERIFY2(as(u"anna"_s, {u"team"_s, u"status"_s}).out.contains("row-level security is on:"), "not fixed");
    const test::CliRun healthy = as(u"anna"_s, {u"check"_s});
    QVERIFY2(healthy.code == 0, healthy.err.constData());
    QVERIFY2(healthy.out.contains("row-level security is on:"), healthy.out.constData());
}

void TestCliTeamRows::annotator_cannotChangeAColleaguesRows_eachRefusedAndUnchanged()
{
    const QString before = bosRows();
    auto anna = open(u"anna"_s);
    QVERIFY(anna);
    AnnotationRepository annotations(*anna);
    TagRepository tags(*anna);
    NotebookRepository notebooks(*anna);
    const auto refused = [&](const Error &error, const QString &sentence) {
        return error.message().contains(sentence) ? QString()
                                                  : u"expected \"%1\" in: %2"_s.arg(sentence, error.message());
    };
    const QString note = u"this note is bo's: an annotator changes only their own notes"_s;
    const QString highlight = u"this highlight is bo's: an annotator changes only their own highlights"_s;
    const QString notebook = u"this notebook is bo's: an annotator changes only their own notebooks"_s;
    const QString tagging = u"this tag on the text is bo's: an annotator changes only their own tags on text"_s;

    const Result<QString> edited = annotations.editNote(m_bosNote, u"anna was here"_s);
    QVERIFY(!edited);
    QVERIFY2(refused(edited.error(), note).isEmpty(), qPrintable(refused(edited.error(), note)));
    const Result<NoteDeletion> noteGone = annotations.removeNote(m_bosNote);
    QVERIFY(!noteGone);
    QVERIFY2(refused(noteGone.error(), note).isEmpty(), qPrintable(refused(noteGone.error(), note)));
    const Result<HighlightDeletion> highlightGone = annotations.removeHighlight(m_bosHighlight);
    QVERIFY(!highlightGone);
    QVERIFY2(refused(highlightGone.error(), highlight).isEmpty(),
             qPrintable(refused(highlightGone.error(), highlight)));
    // Retagging: neither off nor on someone else's highlight or note, nor a colleague's tag on the text.
    for (const auto &[target, id, sentence] :
         {std::tuple{TagTarget::Highlight, m_bosHighlight, highlight}, std::tuple{TagTarget::Note, m_bosNote, note},
          std::tuple{TagTarget::Article, m_article, tagging}}) {
        const Result<bool> untagged = tags.removeTagging(target, m_tag, id);
        QVERIFY(!untagged);
        QVERIFY2(refused(untagged.error(), sentence).isEmpty(), qPrintable(refused(untagged.error(), sentence)));
    }
    QVERIFY(tags.create(u"anna-tag"_s, 0, {}).error().message().contains(u"permission denied for table tags"_s));
    const Result<bool> tagged = tags.addTagging(TagTarget::Note, m_tag + 0, m_bosNote);
    QVERIFY(!tagged || !*tagged); // already tagged: nothing to add; a tag bo's note lacks is refused:
    QCOMPARE(as(test::PgServer::superuser(), {u"tag"_s, u"add"_s, u"second"_s}).code, 0);
    const qint64 second = psql(u"SELECT id FROM tags WHERE name = 'second'"_s).toLongLong();
    const Result<bool> retagged = tags.addTagging(TagTarget::Note, second, m_bosNote);
    QVERIFY(!retagged);
    QVERIFY2(refused(retagged.error(), note).isEmpty(), qPrintable(refused(retagged.error(), note)));
    // bo's shared notebook: anna reads it, does not change it.
    QVERIFY(notebooks.findByName(u"bo-shared"_s));
    for (const Error &error :
         {notebooks.addText(m_bosShared, u"anna's"_s).error(), notebooks.editText(m_bosEntry, u"anna's"_s).error(),
          notebooks.removeEntry(m_bosEntry).error(), notebooks.rename(m_bosShared, u"anna's now"_s).error(),
          notebooks.setShared(m_bosShared, false).error(), notebooks.remove(m_bosShared).error()})
        QVERIFY2(refused(error, notebook).isEmpty(), qPrintable(refused(error, notebook)));
    QVERIFY(m_server->psql(m_db, u"DELETE FROM tags WHERE name = 'second'"_s));
    QCOMPARE(bosRows(), before);
}

void TestCliTeamRows::annotator_cliRefusal_namesWhoseItIs()
{
    const QString before = bosRows();
    for (const QStringList &write : {QStringList{u"note"_s, u"edit"_s, QString::number(m_bosNote), u"--text"_s, u"x"_s},
                                     QStringList{u"note"_s, u"delete"_s, QString::number(m_bosNote)},
                                     QStringList{u"highlight"_s, u"delete"_s, QString::number(m_bosHighlight)},
                                     QStringList{u"notebook"_s, u"append"_s, u"bo-shared"_s, u"--text"_s, u"x"_s}}) {
        const test::CliRun run = as(u"anna"_s, write);
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains("is bo's: an annotator changes only their own"), run.err.constData());
        QVERIFY2(!run.err.contains("QPSQL") && !run.err.contains("CONTEXT") && !run.err.contains("PL/pgSQL"),
                 run.err.constData());
        QVERIFY2(run.err.contains("dubao-cli: not allowed: this "), run.err.constData()); // the sentence alone
    }
    QCOMPARE(bosRows(), before);
}

void TestCliTeamRows::annotator_changesTheirOwnRows()
{
    auto anna = open(u"anna"_s);
    QVERIFY(anna);
    AnnotationRepository annotations(*anna);
    TagRepository tags(*anna);
    NotebookRepository notebooks(*anna);
    const Result<qint64> highlight = annotations.addHighlight(m_block, 3, 5, {m_tag});
    QVERIFY2(highlight, qPrintable(highlight.error().message()));
    const Result<qint64> note = annotations.addNote(m_block, *highlight, u"anna's"_s);
    QVERIFY2(note, qPrintable(note.error().message()));
    QVERIFY(annotations.editNote(*note, u"anna's, edited"_s));
    QVERIFY(tags.addTagging(TagTarget::Note, m_tag, *note));
    QVERIFY(tags.removeTagging(TagTarget::Note, m_tag, *note));
    QVERIFY(tags.removeTagging(TagTarget::Highlight, m_tag, *highlight));
    QVERIFY(tags.addTagging(TagTarget::Block, m_tag, m_block));
    QVERIFY(tags.removeTagging(TagTarget::Block, m_tag, m_block));
    const Result<qint64> book = notebooks.create(u"anna's"_s);
    QVERIFY2(book, qPrintable(book.error().message()));
    const Result<qint64> entry = notebooks.addNote(*book, m_bosNote); // a colleague's note in one's own notebook
    QVERIFY2(entry, qPrintable(entry.error().message()));
    QVERIFY(notebooks.rename(*book, u"anna's reading"_s));
    QVERIFY(notebooks.removeEntry(*entry));
    QVERIFY(notebooks.remove(*book));
    QVERIFY(annotations.removeNote(*note));
    QVERIFY(annotations.removeHighlight(*highlight));
    QCOMPARE(psql(u"SELECT count(*) FROM notes WHERE created_by = 'anna'"_s), u"0"_s);
    QCOMPARE(psql(u"SELECT count(*) FROM highlights WHERE created_by = 'anna'"_s), u"0"_s);
}

void TestCliTeamRows::notebook_privateUntilShared()
{
    auto anna = open(u"anna"_s);
    QVERIFY(anna);
    NotebookRepository notebooks(*anna);
    QVERIFY(!notebooks.findByName(u"bo-private"_s));
    QVERIFY(!notebooks.notebook(m_bosPrivate));
    QVERIFY(notebooks.entries(m_bosPrivate).isEmpty());
    QVERIFY(notebooks.findByName(u"bo-shared"_s));
    QCOMPARE(notebooks.entries(m_bosShared).size(), 1);
    // Writing into it blind changes nothing either.
    QVERIFY(!notebooks.addText(m_bosPrivate, u"sneaky"_s));
    QCOMPARE(psql(u"SELECT count(*) FROM notebook_entries WHERE notebook_id = %1"_s.arg(m_bosPrivate)), u"1"_s);
    const test::CliRun show = as(u"anna"_s, {u"notebook"_s, u"show"_s, u"bo-private"_s});
    QCOMPARE(show.code, 1);
    QVERIFY2(show.err.contains("no notebook named 'bo-private'"), show.err.constData());
}

void TestCliTeamRows::editor_changesAnyonesRows()
{
    auto ed = open(u"ed"_s);
    QVERIFY(ed);
    QVERIFY(!ed->teamAccess().ownRowsOnly);
    AnnotationRepository annotations(*ed);
    TagRepository tags(*ed);
    NotebookRepository notebooks(*ed);
    QVERIFY(annotations.editNote(m_bosNote, u"bo's thought, edited by ed"_s));
    QVERIFY(tags.removeTagging(TagTarget::Article, m_tag, m_article));
    QVERIFY(tags.addTagging(TagTarget::Article, m_tag, m_article));
    QVERIFY(notebooks.editText(m_bosEntry, u"for everyone (ed)"_s));
    // A private notebook is its creator's alone, even for an editor.
    QVERIFY(!notebooks.findByName(u"bo-private"_s));
    QCOMPARE(
        psql(u"SELECT created_by || ' ' || changed_by || ' ' || row_version FROM notes WHERE id = %1"_s.arg(m_bosNote)),
        u"bo ed 2"_s);
}

void TestCliTeamRows::reader_changesNothing()
{
    const QString before = bosRows();
    const test::CliRun run = as(u"rita"_s, {u"note"_s, u"edit"_s, QString::number(m_bosNote), u"--text"_s, u"x"_s});
    QCOMPARE(run.code, 1);
    QVERIFY2(run.err.contains("rita is a reader"), run.err.constData());
    QCOMPARE(bosRows(), before);
}

void TestCliTeamRows::undoByAnEditor_putsBackBosRowsAsBos()
{
    const QString before = bosRows();
    {
        auto ed = open(u"ed"_s);
        QVERIFY(ed);
        AnnotationRepository annotations(*ed);
        const Result<NoteDeletion> note = annotations.removeNote(m_bosNote);
        QVERIFY2(note, qPrintable(note ? QString() : note.error().message()));
        const Result<HighlightDeletion> highlight = annotations.removeHighlight(m_bosHighlight);
        QVERIFY2(highlight, qPrintable(highlight ? QString() : highlight.error().message()));
        QCOMPARE(psql(u"SELECT count(*) FROM notes WHERE id = %1"_s.arg(m_bosNote)), u"0"_s);
        // Undone in the opposite order, as the undo stack does.
        QVERIFY(annotations.restore(*highlight));
        QVERIFY(annotations.restore(*note));
    }
    // bo's again, with their versions and times: everything of bo's is as it was.
    QCOMPARE(bosRows(), before);
    QCOMPARE(psql(u"SELECT created_by FROM highlights WHERE id = %1"_s.arg(m_bosHighlight)), u"bo"_s);
    QCOMPARE(psql(u"SELECT string_agg(DISTINCT created_by, ',') FROM highlight_tags WHERE highlight_id = %1"_s.arg(
                 m_bosHighlight)),
             u"bo"_s);
    // So bo still changes them.
    {
        auto bo = open(u"bo"_s);
        QVERIFY(bo);
        const auto edited = AnnotationRepository(*bo).editNote(m_bosNote, u"bo's thought"_s);
        QVERIFY2(edited, qPrintable(edited ? QString() : edited.error().message()));
    }
    // An annotator who says the same thing by hand still writes in their own name.
    auto anna = open(u"anna"_s);
    QVERIFY(anna);
    QSqlDatabase db = anna->database();
    QVERIFY(db.transaction());
    QVERIFY(QSqlQuery(db).exec(u"SET LOCAL dubao.keep_authors = 'on'"_s));
    QSqlQuery forged(db);
    QVERIFY2(
        forged.exec(
            u"INSERT INTO notes (block_id, text, created_at, modified_at, created_by, changed_by) "
            "VALUES (%1, 'forged', '2020-01-01T00:00:00.000Z', '2020-01-01T00:00:00.000Z', 'bo', 'bo')"_s.arg(m_block)),
        qPrintable(forged.lastError().text()));
    QVERIFY(db.commit());
    QCOMPARE(psql(u"SELECT created_by FROM notes WHERE text = 'forged'"_s), u"anna"_s);
    QVERIFY(QSqlQuery(db).exec(u"DELETE FROM notes WHERE text = 'forged'"_s));
}

void TestCliTeamRows::replaceByAnEditor_reanchorsEveryonesAnnotations()
{
    QFile sample(test::sampleIssuePath());
    QVERIFY(sample.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(sample.readAll());
    QVERIFY(text.contains(u"\n会上,"_s));
    text.replace(u"\n会上,"_s, u"\n今天会上,"_s);
    const QString corrected = m_dir.filePath(u"corrected.txt"_s);
    QFile out(corrected);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(text.toUtf8());
    out.close();
    const QString issue = psql(u"SELECT min(id) FROM issues"_s);
    // bo tags the paragraph the corrected file changes: the editor's replace re-makes that tagging on the new
    // paragraph, and it stays bo's (schema v19), so bo can still take it off.
    const qint64 changedBlock = psql(u"SELECT min(id) FROM blocks WHERE text LIKE '会上%'"_s).toLongLong();
    QVERIFY(changedBlock > 0);
    {
        auto bo = open(u"bo"_s);
        QVERIFY(bo);
        QVERIFY(TagRepository(*bo).addTagging(TagTarget::Block, m_tag, changedBlock));
    }
    // An annotator may not: it is an editor's job.
    QCOMPARE(as(u"anna"_s, {u"replace"_s, issue, corrected}).code, 1);
    const test::CliRun replaced = as(u"ed"_s, {u"replace"_s, issue, corrected});
    QVERIFY2(replaced.code == 0, replaced.err.constData());
    QCOMPARE(psql(u"SELECT concat_ws(' ', start, \"end\", orphan, created_by) FROM highlights WHERE id = %1"_s.arg(
                 m_bosHighlight)),
             u"2 4 0 bo"_s);
    QCOMPARE(psql(u"SELECT orphan || created_by FROM notes WHERE id = %1"_s.arg(m_bosNote)), u"0bo"_s);
    const qint64 newBlock = psql(u"SELECT min(id) FROM blocks WHERE text LIKE '今天会上%'"_s).toLongLong();
    QVERIFY(newBlock > 0);
    QCOMPARE(psql(u"SELECT string_agg(created_by, ',') FROM block_tags WHERE block_id = %1"_s.arg(newBlock)), u"bo"_s);
    auto bo = open(u"bo"_s);
    QVERIFY(bo);
    const auto removed = TagRepository(*bo).removeTagging(TagTarget::Block, m_tag, newBlock);
    QVERIFY2(removed, qPrintable(removed ? QString() : removed.error().message()));
    QCOMPARE(psql(u"SELECT count(*) FROM block_tags WHERE block_id = %1"_s.arg(newBlock)), u"0"_s);
}

void TestCliTeamRows::notebookShare_byItsCreatorOnly()
{
    const auto listed = [&](const QString &user) {
        return QString::fromUtf8(as(user, {u"notebook"_s, u"list"_s}).out);
    };
    QVERIFY(!listed(u"anna"_s).contains(u"bo-private"_s));
    QVERIFY2(listed(u"bo"_s).contains(u"bo-private  (bo, private, 1 entries)"_s), qPrintable(listed(u"bo"_s)));
    // Only its creator shares it: anna cannot even name it, nor unshare bo's shared one.
    const test::CliRun blind = as(u"anna"_s, {u"notebook"_s, u"share"_s, u"bo-private"_s});
    QCOMPARE(blind.code, 1);
    QVERIFY2(blind.err.contains("no notebook named 'bo-private'"), blind.err.constData());
    const test::CliRun theirs = as(u"anna"_s, {u"notebook"_s, u"unshare"_s, u"bo-shared"_s});
    QCOMPARE(theirs.code, 1);
    QVERIFY2(theirs.err.contains("this notebook is bo's: only its creator shares it or makes it private"),
             theirs.err.constData());
    const test::CliRun shared = as(u"bo"_s, {u"notebook"_s, u"share"_s, u"bo-private"_s});
    QVERIFY2(shared.code == 0, shared.err.constData());
    QVERIFY2(listed(u"anna"_s).contains(u"bo-private  (bo, shared, 1 entries)"_s), qPrintable(listed(u"anna"_s)));
    const test::CliRun show = as(u"anna"_s, {u"notebook"_s, u"show"_s, u"bo-private"_s});
    QVERIFY2(show.code == 0 && show.out.contains("for me"), show.out.constData());
    // Making it private again is its creator's too (an editor would lose sight of it).
    const test::CliRun byEditor = as(u"ed"_s, {u"notebook"_s, u"unshare"_s, u"bo-private"_s});
    QCOMPARE(byEditor.code, 1);
    QVERIFY2(byEditor.err.contains("this notebook is bo's: only its creator shares it or makes it private"),
             byEditor.err.constData());
    QVERIFY(listed(u"anna"_s).contains(u"bo-private"_s));
    const test::CliRun unshared = as(u"bo"_s, {u"notebook"_s, u"unshare"_s, u"bo-private"_s});
    QVERIFY2(unshared.code == 0 && unshared.out.contains("private again: only bo sees it"), unshared.err.constData());
    QVERIFY(!listed(u"anna"_s).contains(u"bo-private"_s));
    QVERIFY(listed(u"bo"_s).contains(u"bo-private  (bo, private"_s));
    const test::CliRun json = as(u"anna"_s, {u"notebook"_s, u"list"_s, u"--json"_s});
    QVERIFY2(json.out.contains("\"owner\": \"bo\"") && json.out.contains("\"shared\": true"), json.out.constData());
}

void TestCliTeamRows::notebookShare_onAFile_storedAndCopiedIntoATeamLibrary()
{
    const QString file = m_dir.filePath(u"personal.sqlite"_s);
    const QStringList lib{u"--library"_s, file, u"--author"_s, u"uma"_s};
    QCOMPARE(runCli(QStringList{u"import"_s, test::sampleIssuePath()} + lib).code, 0);
    QCOMPARE(runCli(QStringList{u"notebook"_s, u"add"_s, u"field notes"_s} + lib).code, 0);
    QCOMPARE(runCli(QStringList{u"notebook"_s, u"add"_s, u"diary"_s} + lib).code, 0);
    const test::CliRun shared = runCli(QStringList{u"notebook"_s, u"share"_s, u"field notes"_s} + lib);
    QVERIFY2(shared.code == 0, shared.err.constData());
    const QString list = QString::fromUtf8(runCli(QStringList{u"notebook"_s, u"list"_s} + lib).out);
    QVERIFY2(list.contains(u"field notes  (uma, shared, 0 entries)"_s) && list.contains(u"diary  (uma, private"_s),
             qPrintable(list));
    const Result<QString> db = m_server->createDatabase(u"copied"_s);
    QVERIFY(db);
    const test::CliRun copied = runCli({u"copy"_s, file, m_server->url(*db)});
    QVERIFY2(copied.code == 0, copied.err.constData());
    QCOMPARE(m_server
                 ->psql(*db, u"SELECT string_agg(name || ':' || shared || ':' || created_by, ',' ORDER BY name) "
                             "FROM notebooks"_s)
                 .valueOr({}),
             u"diary:0:uma,field notes:1:uma"_s);
}

void TestCliTeamRows::highlightDelete_expectVersion_refusedOnceChangedSince()
{
    const test::CliRun added = as(u"anna"_s, {u"highlight"_s, u"add"_s, u"--block"_s, QString::number(m_block),
                                              u"--start"_s, u"3"_s, u"--end"_s, u"6"_s});
    QVERIFY2(added.code == 0, added.err.constData());
    const QString id = QString::fromUtf8(added.out).trimmed();
    const test::CliRun list = as(u"anna"_s, {u"highlight"_s, u"list"_s, u"--json"_s});
    QVERIFY2(list.out.contains("\"version\": 1") && list.out.contains("\"created_by\": \"anna\""),
             list.out.constData());
    // An editor changes it (a re-anchoring by hand): anna's delete naming version 1 is refused, nothing goes.
    QVERIFY(m_server->psql(m_db, u"SET ROLE ed; UPDATE highlights SET modified_at = 'now' WHERE id = %1"_s.arg(id)));
    QCOMPARE(psql(u"SELECT row_version || changed_by FROM highlights WHERE id = %1"_s.arg(id)), u"2ed"_s);
    const test::CliRun stale = as(u"anna"_s, {u"highlight"_s, u"delete"_s, id, u"--expect-version"_s, u"1"_s});
    QCOMPARE(stale.code, 1);
    QVERIFY2(stale.err.contains(u"highlight %1 was changed by ed at"_s.arg(id).toUtf8()) &&
                 stale.err.contains("(version 2); nothing was deleted"),
             stale.err.constData());
    QCOMPARE(psql(u"SELECT count(*) FROM highlights WHERE id = %1"_s.arg(id)), u"1"_s);
    const test::CliRun current = as(u"anna"_s, {u"highlight"_s, u"delete"_s, id, u"--expect-version"_s, u"2"_s});
    QVERIFY2(current.code == 0, current.err.constData());
    QCOMPARE(psql(u"SELECT count(*) FROM highlights WHERE id = %1"_s.arg(id)), u"0"_s);
}

QTEST_GUILESS_MAIN(TestCliTeamRows)
#include "tst_cli_teamrows.moc"
