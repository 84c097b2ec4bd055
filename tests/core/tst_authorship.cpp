// Authorship (schema v15, issue 13): who made and last changed highlights, notes, taggings and notebooks, on both
// engines; on a team library the server writes it, whatever the client sends.
#include "core/store/annotationrepository.h"
#include "core/store/authorship.h"
#include "core/store/library.h"
#include "core/store/notebookrepository.h"
#include "core/store/sql.h"
#include "core/store/tagrepository.h"
#include "tests/support/engines.h"
#include "tests/support/sampleissue.h"
#include "tests/support/schemaversions.h"
#include "tests/support/temporarylibrary.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace dubao;
using namespace Qt::StringLiterals;

class TestAuthorship : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void note_recordsWhoWroteAndChangedIt();
    void taggingsAndNotebooks_recordTheirAuthor();
    void restore_keepsTheAuthorship();
    void editNote_changedSinceRead_refusedNothingOverwritten();
    void forgedAuthorship_theServerWritesItsOwn();
    void migration_fromVersion14_recordsWhoUpgrades();

private:
    QString text(const QString &sql) const { return sql::scalar(m_library->database(), sql).toString(); }
    /// Who the library records as the author of this test's writes: the library user on SQLite, the login role on
    /// PostgreSQL (which ignores the library user's name).
    QString me() const { return test::onPostgres() ? text(u"SELECT current_user"_s) : u"rita"_s; }
    test::TemporaryLibrary m_library;
    qint64 m_block = 0;
};

void TestAuthorship::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestAuthorship::init()
{
    authorship::setUserName(u"rita"_s);
    QVERIFY(m_library.create());
    QVERIFY(test::importSampleIssue(*m_library));
    m_block = sql::scalar(m_library->database(), u"SELECT min(id) FROM blocks"_s).toLongLong();
    QVERIFY(m_block > 0);
}

void TestAuthorship::cleanup()
{
    m_library.reset();
    authorship::setUserName(QString());
}

void TestAuthorship::note_recordsWhoWroteAndChangedIt()
{
    AnnotationRepository annotations(*m_library);
    const Result<qint64> id = annotations.addNote(m_block, 0, u"first"_s);
    QVERIFY2(id, qPrintable(id ? QString() : id.error().message()));
    std::optional<Note> note = annotations.note(*id);
    QVERIFY(note);
    QCOMPARE(note->createdBy, me());
    QCOMPARE(note->changedBy, me());
    QCOMPARE(note->rowVersion, 1);

    if (!test::onPostgres())
        authorship::setUserName(u"  sam  "_s); // a personal library's user renamed in Preferences
    QVERIFY(annotations.editNote(*id, u"second"_s));
    note = annotations.note(*id);
    QVERIFY(note);
    QCOMPARE(note->text, u"second"_s);
    QCOMPARE(note->createdBy, test::onPostgres() ? me() : u"rita"_s);
    QCOMPARE(note->changedBy, test::onPostgres() ? me() : u"sam"_s);
    QCOMPARE(note->rowVersion, 2);
    QVERIFY(note->modifiedAt >= note->createdAt);

    // A change that is not an edit (a re-parse moving the note) is no new version.
    QVERIFY(sql::exec(m_library->database(), u"UPDATE notes SET orphan = 1 WHERE id = ?"_s, {*id}));
    QCOMPARE(annotations.note(*id)->rowVersion, 2);
}

void TestAuthorship::taggingsAndNotebooks_recordTheirAuthor()
{
    AnnotationRepository annotations(*m_library);
    TagRepository tags(*m_library);
    const Result<Tag> tag = tags.create(u"人物"_s);
    QVERIFY(tag);
    const Result<qint64> highlight = annotations.addHighlight(m_block, 0, 2, {tag->id});
    QVERIFY(highlight);
    QCOMPARE(annotations.highlight(*highlight)->createdBy, me());
    QVERIFY(tags.addTagging(TagTarget::Block, tag->id, m_block));
    const qint64 article = sql::scalar(m_library->database(), u"SELECT min(id) FROM articles"_s).toLongLong();
    QVERIFY(tags.addTagging(TagTarget::Article, tag->id, article));
    for (const QString &table : {u"highlight_tags"_s, u"block_tags"_s, u"article_tags"_s})
        QCOMPARE(text(u"SELECT created_by FROM %1"_s.arg(table)), me());
    QVERIFY(text(u"SELECT created_at FROM highlight_tags"_s).startsWith(QString::number(QDate::currentDate().year())));

    NotebookRepository notebooks(*m_library);
    const Result<qint64> book = notebooks.create(u"读书笔记"_s);
    QVERIFY(book);
    QCOMPARE(notebooks.notebook(*book)->createdBy, me());
    QCOMPARE(notebooks.notebook(*book)->shared, false);
    QVERIFY(notebooks.addText(*book, u"free"_s));
    QCOMPARE(notebooks.entries(*book).value(0).createdBy, me());
    QCOMPARE(notebooks.entries(*book).value(0).changedBy, me());
    QVERIFY(!notebooks.entries(*book).value(0).changedAt.isNull());
}

void TestAuthorship::restore_keepsTheAuthorship()
{
    AnnotationRepository annotations(*m_library);
    const Result<Tag> tag = TagRepository(*m_library).create(u"标签"_s);
    QVERIFY(tag);
    const Result<qint64> highlight = annotations.addHighlight(m_block, 0, 2, {tag->id});
    QVERIFY(highlight);
    const Result<qint64> note = annotations.addNote(m_block, *highlight, u"mine"_s);
    QVERIFY(note);
    QVERIFY(annotations.editNote(*note, u"mine, changed"_s));
    const QString taggedAt = text(u"SELECT created_at FROM highlight_tags"_s);
    const Note before = *annotations.note(*note);

    if (!test::onPostgres())
        authorship::setUserName(u"sam"_s); // someone else deletes and undoes
    const Result<NoteDeletion> removedNote = annotations.removeNote(*note);
    QVERIFY(removedNote);
    QVERIFY(annotations.restore(*removedNote));
    QCOMPARE(*annotations.note(*note), before);
    QCOMPARE(annotations.note(*note)->createdBy, test::onPostgres() ? me() : u"rita"_s);
    QCOMPARE(annotations.note(*note)->rowVersion, 2);

    const Result<HighlightDeletion> removed = annotations.removeHighlight(*highlight);
    QVERIFY(removed);
    QVERIFY(annotations.restore(*removed));
    QCOMPARE(annotations.highlight(*highlight)->createdBy, test::onPostgres() ? me() : u"rita"_s);
    QCOMPARE(text(u"SELECT created_at FROM highlight_tags"_s), taggedAt);
    QCOMPARE(text(u"SELECT created_by FROM highlight_tags"_s), test::onPostgres() ? me() : u"rita"_s);
}

void TestAuthorship::editNote_changedSinceRead_refusedNothingOverwritten()
{
    AnnotationRepository annotations(*m_library);
    const Result<qint64> id = annotations.addNote(m_block, 0, u"ours"_s);
    QVERIFY(id);
    const int read = annotations.note(*id)->rowVersion;
    // A colleague saves first, from what they read.
    QVERIFY(annotations.editNote(*id, u"theirs"_s, read));
    std::optional<Note> now;
    const Result<QString> mine = annotations.editNote(*id, u"mine"_s, read, &now);
    QVERIFY(!mine);
    QVERIFY2(mine.error().message().contains(u"changed by %1 at "_s.arg(me())), qPrintable(mine.error().message()));
    QVERIFY(now);
    QCOMPARE(now->text, u"theirs"_s);
    QCOMPARE(now->rowVersion, read + 1);
    QCOMPARE(annotations.note(*id)->text, u"theirs"_s);
    // Saving on top of theirs, having seen it, works.
    QVERIFY(annotations.editNote(*id, u"mine"_s, now->rowVersion));
    QCOMPARE(annotations.note(*id)->text, u"mine"_s);
    QCOMPARE(annotations.note(*id)->rowVersion, read + 2);
    // An unknown note is no conflict.
    QVERIFY(!annotations.editNote(*id + 100, u"x"_s, 1, &now));
    QVERIFY(!now);
}

void TestAuthorship::forgedAuthorship_theServerWritesItsOwn()
{
    AnnotationRepository annotations(*m_library);
    const Result<qint64> id = annotations.addNote(m_block, 0, u"text"_s);
    QVERIFY(id);
    QSqlDatabase db = m_library->database();
    QVERIFY(sql::exec(db,
                      u"UPDATE notes SET created_by = 'mallory', changed_by = 'mallory', row_version = 9 "
                      "WHERE id = ?"_s,
                      {*id}));
    QVERIFY(sql::exec(db,
                      u"INSERT INTO block_tags (block_id, tag_id, created_at, created_by) "
                      "SELECT ?, id, 'x', 'mallory' FROM tags WHERE 0 = 1"_s,
                      {m_block}));
    const Note note = *annotations.note(*id);
    if (!test::onPostgres()) {
        // A personal library is its user's file: what is written is kept (a copy or a restore writes it so).
        QCOMPARE(note.createdBy, u"mallory"_s);
        QCOMPARE(note.rowVersion, 9);
        return;
    }
    QCOMPARE(note.createdBy, me());
    QCOMPARE(note.changedBy, me());
    QCOMPARE(note.rowVersion, 1);
    // An insert naming someone else is recorded as the login's.
    QVERIFY(sql::exec(db,
                      u"INSERT INTO notes (block_id, text, created_at, modified_at, created_by, changed_by) "
                      "VALUES (?, 'forged', '2020-01-01T00:00:00.000Z', '2020-01-01T00:00:00.000Z', "
                      "'mallory', 'mallory')"_s,
                      {m_block}));
    QCOMPARE(text(u"SELECT created_by || '/' || changed_by FROM notes WHERE text = 'forged'"_s), me() + u'/' + me());
    // Only the tables' owner copying a library (dubao-cli copy) writes the columns as given.
    QVERIFY(db.transaction());
    QSqlQuery copying(db);
    QVERIFY2(copying.exec(u"SET LOCAL dubao.copy = 'on'"_s), qPrintable(copying.lastError().text()));
    QVERIFY(sql::exec(db, u"UPDATE notes SET created_by = 'rita' WHERE text = 'forged'"_s));
    QVERIFY(db.commit());
    QCOMPARE(text(u"SELECT created_by FROM notes WHERE text = 'forged'"_s), u"rita"_s);
}

void TestAuthorship::migration_fromVersion14_recordsWhoUpgrades()
{
    m_library.reset();
    QTemporaryDir dir;
    const QString path = dir.filePath(u"v14.sqlite"_s);
    QString highlightMade;
    {
        Library library;
        QVERIFY(library.open(path));
        QVERIFY(test::importSampleIssue(library));
        AnnotationRepository annotations(library);
        const Result<Tag> tag = TagRepository(library).create(u"旧"_s);
        QVERIFY(tag);
        const Result<qint64> highlight = annotations.addHighlight(m_block, 0, 2, {tag->id});
        QVERIFY(highlight);
        QVERIFY(annotations.addNote(m_block, 0, u"old note"_s));
        QVERIFY(NotebookRepository(library).create(u"旧本"_s));
        highlightMade = sql::scalar(library.database(), u"SELECT created_at FROM highlights"_s).toString();
        QVERIFY(test::dropSchemaVersion15(library.database()));
        QVERIFY(sql::exec(library.database(), u"PRAGMA user_version = 14"_s));
    }

    authorship::setUserName(u"upgrader"_s);
    Library library;
    const Result<void> opened = library.open(path);
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message()));
    QVERIFY(!library.isReadOnly());
    QSqlDatabase db = library.database();
    QCOMPARE(sql::scalar(db, u"PRAGMA user_version"_s).toInt(), Library::currentSchemaVersion());
    QCOMPARE(sql::scalar(db, u"SELECT group_concat(DISTINCT created_by) FROM (SELECT created_by FROM highlights "
                             "UNION ALL SELECT created_by FROM notes UNION ALL SELECT changed_by FROM notes "
                             "UNION ALL SELECT created_by FROM highlight_tags UNION ALL SELECT created_by FROM "
                             "notebooks)"_s)
                 .toString(),
             u"upgrader"_s);
    // A tag put on a highlight before v15 has no time of its own: the highlight's.
    QCOMPARE(sql::scalar(db, u"SELECT created_at FROM highlight_tags"_s).toString(), highlightMade);
    QCOMPARE(sql::scalar(db, u"SELECT changed_at = created_at FROM notebooks"_s).toInt(), 1);
}

DUBAO_TEST_MAIN_BOTH_ENGINES(TestAuthorship, {u"migration_fromVersion14_recordsWhoUpgrades"_s})
#include "tst_authorship.moc"
