// Tags: hierarchy, rename, recolour, move (no cycles), merge/unmerge, delete/restore, pinyin collation,
// hostile names.
#include "core/store/authorship.h"
#include "core/store/issuerepository.h"
#include "core/store/library.h"
#include "core/store/tagrepository.h"
#include "tests/support/sampleissue.h"
#include "tests/support/temporarylibrary.h"

#include <QSqlQuery>
#include <QStandardPaths>
#include <QTest>

using namespace dubao;
using namespace Qt::StringLiterals;

class TestTags : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void create_child_hasPath_andFindsByPath();
    void create_sameNameAmongSiblings_refused_elsewhereAllowed();
    void create_hostileNames_refusedOrStoredVerbatim();
    void create_color_normalisedOrRefused();
    void list_pinyinOrder_aBeforeBeforeZhong();
    void rename_returnsOldName_andClashRefused();
    void move_underOwnDescendant_refused();
    void move_toTopLevel_returnsOldParent();
    void merge_movesTaggingsAndChildren_unmergeRestoresExactly();
    void merge_intoOwnChild_refused();
    void remove_keepsTaggedThings_childrenGoUp_restoreSameId();
    void apply_articleAndBlock_twiceIsNoChange();
    void untagAndTagDeletion_putBackByTheirMaker_aLaterTaggingIsRefused();

private:
    test::TemporaryLibrary m_library;
    qint64 m_articleId = 0;
    qint64 m_blockId = 0;
};

void TestTags::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestTags::init()
{
    QVERIFY(m_library.create());
    const auto issue = test::importSampleIssue(*m_library);
    QVERIFY(issue);
    m_articleId = issue->parsed.articles.front().id;
    m_blockId = issue->parsed.articles.front().blocks.front().id;
}

void TestTags::cleanup()
{
    m_library.reset();
}

void TestTags::create_child_hasPath_andFindsByPath()
{
    TagRepository tags(*m_library);
    const auto parent = tags.create(u"人物"_s);
    QVERIFY(parent);
    const auto child = tags.create(u"官员"_s, parent->id);
    QVERIFY(child);
    QCOMPARE(child->parentId, parent->id);
    QCOMPARE(child->path, u"人物/官员"_s);
    QCOMPARE(tags.findByPath(u"人物/官员"_s)->id, child->id);
    QVERIFY(!tags.findByPath(u"官员"_s)); // not at the top level
    QCOMPARE(tags.subtree(parent->id).size(), 2);
}

void TestTags::create_sameNameAmongSiblings_refused_elsewhereAllowed()
{
    TagRepository tags(*m_library);
    const auto a = tags.create(u"甲"_s);
    QVERIFY(tags.create(u"乙"_s, a->id));
    const auto same = tags.create(u" 乙 "_s, a->id); // trimmed: the same name
    QVERIFY(!same);
    QVERIFY(same.error().message().contains(u"already exists"_s));
    QVERIFY(tags.create(u"乙"_s)); // at the top level it is another tag
    QVERIFY(!tags.create(u"甲"_s));
}

void TestTags::create_hostileNames_refusedOrStoredVerbatim()
{
    TagRepository tags(*m_library);
    for (const QString &bad : {u""_s, u"   "_s, u"a/b"_s, u"line\nbreak"_s, u"tab\there"_s, QString(101, u'x')}) {
        const auto refused = tags.create(bad);
        QVERIFY2(!refused, qPrintable(bad));
        QVERIFY(!refused.error().message().isEmpty());
    }
    const QString injection = u"x'); DROP TABLE tags; --"_s;
    const auto t = tags.create(injection);
    QVERIFY(t);
    QCOMPARE(tags.tag(t->id)->name, injection);
    QCOMPARE(tags.list().size(), 1);
    const auto percent = tags.create(u"100%_\""_s);
    QVERIFY(percent);
    QCOMPARE(tags.findByPath(u"100%_\""_s)->id, percent->id);
}

void TestTags::create_color_normalisedOrRefused()
{
    TagRepository tags(*m_library);
    QCOMPARE(tags.create(u"红"_s, 0, u"#ff00aa"_s)->color, u"#FF00AA"_s);
    const auto green = tags.create(u"绿"_s, 0, u"green"_s);
    QVERIFY(!green);
    QVERIFY(green.error().message().contains(u"#RRGGBB"_s));
    const auto defaulted = tags.create(u"蓝"_s);
    QVERIFY(!TagRepository::normalizeColor(defaulted->color).isNull());
    const auto old = tags.recolor(defaulted->id, u"#123abc"_s);
    QCOMPARE(*old, defaulted->color);
    QCOMPARE(tags.tag(defaulted->id)->color, u"#123ABC"_s);
}

void TestTags::list_pinyinOrder_aBeforeBeforeZhong()
{
    TagRepository tags(*m_library);
    // Inserted in the wrong order; code point order would be 中 (U+4E2D) < 北 (U+5317) < 阿 (U+963F).
    const auto zhong = tags.create(u"中"_s);
    QVERIFY(tags.create(u"北"_s));
    QVERIFY(tags.create(u"阿"_s));
    QVERIFY(tags.create(u"长江"_s, zhong->id));
    QVERIFY(tags.create(u"安徽"_s, zhong->id));
    QStringList paths;
    for (const Tag &t : tags.list())
        paths.append(t.path);
    QCOMPARE(paths, (QStringList{u"阿"_s, u"北"_s, u"中"_s, u"中/安徽"_s, u"中/长江"_s}));
}

void TestTags::rename_returnsOldName_andClashRefused()
{
    TagRepository tags(*m_library);
    const auto a = tags.create(u"旧名"_s);
    QVERIFY(tags.create(u"别的"_s));
    QCOMPARE(*tags.rename(a->id, u"新名"_s), u"旧名"_s);
    QCOMPARE(tags.tag(a->id)->name, u"新名"_s);
    QVERIFY(!tags.rename(a->id, u"别的"_s));
    QCOMPARE(tags.tag(a->id)->name, u"新名"_s);
}

void TestTags::move_underOwnDescendant_refused()
{
    TagRepository tags(*m_library);
    const auto a = tags.create(u"a"_s);
    const auto b = tags.create(u"b"_s, a->id);
    const auto c = tags.create(u"c"_s, b->id);
    const auto underItself = tags.move(a->id, c->id);
    QVERIFY(!underItself);
    QVERIFY(underItself.error().message().contains(u"under itself"_s));
    QVERIFY(!tags.move(a->id, a->id));
    QCOMPARE(tags.tag(a->id)->parentId, 0);
    QCOMPARE(tags.tag(c->id)->path, u"a/b/c"_s);
}

void TestTags::move_toTopLevel_returnsOldParent()
{
    TagRepository tags(*m_library);
    const auto a = tags.create(u"a"_s);
    const auto b = tags.create(u"b"_s, a->id);
    QCOMPARE(*tags.move(b->id, 0), a->id);
    QCOMPARE(tags.tag(b->id)->path, u"b"_s);
}

void TestTags::merge_movesTaggingsAndChildren_unmergeRestoresExactly()
{
    TagRepository tags(*m_library);
    const auto from = tags.create(u"经济"_s);
    const auto into = tags.create(u"产业"_s);
    const auto child = tags.create(u"制造业"_s, from->id);
    QVERIFY(tags.addTagging(TagTarget::Article, from->id, m_articleId).valueOr(false));
    QVERIFY(tags.addTagging(TagTarget::Block, from->id, m_blockId).valueOr(false));
    QVERIFY(tags.addTagging(TagTarget::Block, into->id, m_blockId).valueOr(false)); // already has both
    const auto merge = tags.merge(from->id, into->id);
    QVERIFY(merge);
    QVERIFY(!tags.tag(from->id));
    QCOMPARE(tags.tag(child->id)->path, u"产业/制造业"_s);
    QCOMPARE(tags.taggings(into->id).articles, QList<qint64>{m_articleId});
    QCOMPARE(tags.taggings(into->id).blocks, QList<qint64>{m_blockId});
    QCOMPARE(merge->addedInto.blocks.size(), 0); // it was there before

    QVERIFY(tags.unmerge(*merge));
    QCOMPARE(*tags.tag(from->id), (Tag{from->id, from->name, 0, from->color, from->createdAt, from->path}));
    QCOMPARE(tags.tag(child->id)->path, u"经济/制造业"_s);
    QCOMPARE(tags.taggings(from->id).blocks, QList<qint64>{m_blockId});
    QCOMPARE(tags.taggings(into->id).articles, QList<qint64>{});        // the merge had added it
    QCOMPARE(tags.taggings(into->id).blocks, QList<qint64>{m_blockId}); // this one it had not
}

void TestTags::merge_intoOwnChild_refused()
{
    TagRepository tags(*m_library);
    const auto a = tags.create(u"a"_s);
    const auto b = tags.create(u"b"_s, a->id);
    QVERIFY(!tags.merge(a->id, b->id));
    QVERIFY(!tags.merge(a->id, a->id));
    QVERIFY(tags.tag(a->id));
}

void TestTags::remove_keepsTaggedThings_childrenGoUp_restoreSameId()
{
    TagRepository tags(*m_library);
    const auto top = tags.create(u"top"_s);
    const auto mid = tags.create(u"mid"_s, top->id);
    const auto leaf = tags.create(u"leaf"_s, mid->id);
    QVERIFY(tags.addTagging(TagTarget::Article, mid->id, m_articleId).valueOr(false));
    const auto deletion = tags.remove(mid->id);
    QVERIFY(deletion);
    QVERIFY(!tags.tag(mid->id));
    QCOMPARE(tags.tag(leaf->id)->path, u"top/leaf"_s);
    QVERIFY(IssueRepository(*m_library).article(m_articleId)); // the article stays
    QVERIFY(tags.tagsOfArticle(m_articleId).isEmpty());

    QVERIFY(tags.restore(*deletion));
    QCOMPARE(tags.tag(mid->id)->createdAt, mid->createdAt);
    QCOMPARE(tags.tag(leaf->id)->path, u"top/mid/leaf"_s);
    QCOMPARE(tags.tagsOfArticle(m_articleId).front().id, mid->id);
}

void TestTags::apply_articleAndBlock_twiceIsNoChange()
{
    TagRepository tags(*m_library);
    const auto t = tags.create(u"t"_s);
    QVERIFY(tags.addTagging(TagTarget::Block, t->id, m_blockId).valueOr(false));
    const auto again = tags.addTagging(TagTarget::Block, t->id, m_blockId);
    QVERIFY(!again.valueOr(false));
    QVERIFY(again.error().message().isEmpty());
    const auto unknown = tags.addTagging(TagTarget::Block, t->id, 999999);
    QVERIFY(!unknown.valueOr(false));
    QVERIFY(unknown.error().message().contains(u"no block"_s));
    QCOMPARE(tags.tagsOfBlock(m_blockId).size(), 1);
    QVERIFY(tags.removeTagging(TagTarget::Block, t->id, m_blockId).valueOr(false));
    QVERIFY(tags.tagsOfBlock(m_blockId).isEmpty());
}

// Issue 13: an undo puts a tagging back under the name of whoever had put it on (not the undoer's), and an undo or
// redo that would take off a tagging someone put on again since is refused, naming who and when.
void TestTags::untagAndTagDeletion_putBackByTheirMaker_aLaterTaggingIsRefused()
{
    authorship::setUserName(u"anna"_s); // the undoer on a file (on a team library the login, the tables' owner)
    TagRepository tags(*m_library);
    const auto t = tags.create(u"coded"_s);
    QVERIFY(t);
    const TaggingStamp bos{t->id, u"bo"_s, u"2026-01-02T03:04:05.000Z"_s};
    const Result<TaggingStamp> put = tags.restoreTagging(TagTarget::Block, m_blockId, bos);
    QVERIFY2(put, qPrintable(put.error().message()));
    QCOMPARE(*put, bos);
    QCOMPARE(tags.tagging(TagTarget::Block, t->id, m_blockId), std::optional<TaggingStamp>(bos));

    // Untagged and put back (an undo of the untag): bo's again, at bo's time.
    const Result<std::optional<TaggingStamp>> removed = tags.untag(TagTarget::Block, t->id, m_blockId);
    QVERIFY(removed && removed->has_value());
    QCOMPARE(**removed, bos);
    QVERIFY(tags.tagsOfBlock(m_blockId).isEmpty());
    QCOMPARE(tags.restoreTagging(TagTarget::Block, m_blockId, **removed).valueOr({}), bos);

    // The tag deleted and its deletion undone (and a merge undone): its taggings are bo's again.
    const Result<TagDeletion> deletion = tags.remove(t->id);
    QVERIFY(deletion);
    QVERIFY(tags.restore(*deletion));
    QCOMPARE(tags.tagging(TagTarget::Block, t->id, m_blockId), std::optional<TaggingStamp>(bos));
    const auto into = tags.create(u"other"_s);
    const Result<TagMerge> merge = tags.merge(t->id, into->id);
    QVERIFY(merge);
    QVERIFY(tags.unmerge(*merge));
    QCOMPARE(tags.tagging(TagTarget::Block, t->id, m_blockId), std::optional<TaggingStamp>(bos));

    // An undo that expects anna's tagging finds bo's put on since: refused, naming bo and when; it stays.
    const TaggingStamp annas{t->id, u"anna"_s, u"2026-01-01T00:00:00.000Z"_s};
    const Result<std::optional<TaggingStamp>> refused = tags.untag(TagTarget::Block, t->id, m_blockId, annas);
    QVERIFY(!refused);
    QVERIFY2(refused.error().message().contains(u"was put on again by bo at 2026-01-02 03:04 UTC since"_s),
             qPrintable(refused.error().message()));
    QCOMPARE(tags.tagsOfBlock(m_blockId).size(), 1);
    // Putting anna's back over bo's: refused as well; bo's stays bo's.
    QVERIFY(!tags.restoreTagging(TagTarget::Block, m_blockId, annas));
    QCOMPARE(tags.tagging(TagTarget::Block, t->id, m_blockId)->createdBy, u"bo"_s);
    // Taken off by someone since: nothing to take off, said so.
    QVERIFY(tags.removeTagging(TagTarget::Block, t->id, m_blockId).valueOr(false));
    const Result<std::optional<TaggingStamp>> gone = tags.untag(TagTarget::Block, t->id, m_blockId, bos);
    QVERIFY(!gone);
    QVERIFY2(gone.error().message().contains(u"someone else took the tag “coded” off since"_s),
             qPrintable(gone.error().message()));
    authorship::setUserName({});
}

DUBAO_TEST_MAIN_BOTH_ENGINES(TestTags, {})
#include "tst_tags.moc"
