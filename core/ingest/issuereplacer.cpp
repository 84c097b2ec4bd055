// Replace and re-parse an issue, re-anchoring its annotations (design in docs/schema.md, "Re-anchoring").
#include "core/ingest/issuereplacer.h"

#include "core/annotate/anchoring.h"
#include "core/annotate/blockmatching.h"
#include "core/ingest/correctionplacement.h"
#include "core/ingest/reanchorer.h"
#include "core/parse/issuefile.h"
#include "core/parse/yearevidence.h"
#include "core/search/searchindex.h"
#include "core/store/annotationrows.h"
#include "core/store/issuerepository.h"
#include "core/store/issuerows.h"
#include "core/store/library.h"
#include "core/store/sourcebytes.h"
#include "core/store/sql.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QHash>

namespace dubao {

using namespace sql;

ReanchorCounts &ReanchorCounts::operator+=(const ReanchorCounts &o)
{
    stayed += o.stayed;
    moved += o.moved;
    orphaned += o.orphaned;
    reattached += o.reattached;
    stillOrphan += o.stillOrphan;
    clipped += o.clipped;
    return *this;
}

IdentityCounts &IdentityCounts::operator+=(const IdentityCounts &o)
{
    blocksKept += o.blocksKept;
    blocksNew += o.blocksNew;
    blocksUpdated += o.blocksUpdated;
    blocksRemoved += o.blocksRemoved;
    articlesKept += o.articlesKept;
    articlesNew += o.articlesNew;
    articlesRemoved += o.articlesRemoved;
    lineageRows += o.lineageRows;
    return *this;
}

namespace {

using reanchoring::Reanchorer;
using reanchoring::Texts;

QString contentSha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

} // namespace

IssueReplacer::IssueReplacer(Library &library, ParseFunction parse, int parserVersion)
    : m_library(library)
    , m_parse(parse ? std::move(parse) : ParseFunction([](const QByteArray &bytes, const QString &path) {
        return parseIssueBytes(bytes, path);
    }))
    , m_parserVersion(parserVersion)
    , m_rows(std::make_unique<IssueRowStore>(library))
{}

IssueReplacer::~IssueReplacer() = default;

Result<ReanchorCounts> IssueReplacer::replace(qint64 issueId, const QString &filePath)
{
    const QFileInfo info(filePath);
    if (!info.exists())
        return Error(tr("no such file")).prefixed(filePath);
    if (!info.isFile())
        return Error(tr("not a regular file")).prefixed(filePath);
    if (info.size() > maxFileBytes())
        return Error(tr("file too large")).prefixed(filePath);
    QFile file(filePath);
    if (!file.open(QIODevice::ReadOnly))
        return Error(tr("cannot read: %1").arg(file.errorString())).prefixed(filePath);
    const QByteArray bytes = file.readAll();
    const Result<IssueUpdate> done = replaceWith(issueId, bytes, info.absoluteFilePath(), true);
    if (!done)
        return done.error();
    return done->counts;
}

Result<ReanchorCounts> IssueReplacer::replaceBytes(qint64 issueId, const QByteArray &bytes, const QString &path)
{
    const Result<IssueUpdate> done = replaceWith(issueId, bytes, path, true);
    if (!done)
        return done.error();
    return done->counts;
}

Result<IssueUpdate> IssueReplacer::replaceIssue(qint64 issueId, const QByteArray &bytes, const QString &path)
{
    return replaceWith(issueId, bytes, path, true);
}

Result<IssueUpdate> IssueReplacer::replaceWith(qint64 issueId, const QByteArray &bytes, const QString &path,
                                               bool replacing)
{
    const Result<IssueUpdate> replaced = [&]() -> Result<IssueUpdate> {
        if (m_library.isReadOnly())
            return Error(tr("the library is read-only"));
        const IssueFileResult parsed = m_parse(bytes, path);
        if (!parsed.ok)
            return Error(parsed.error).prefixed(path);
        sql::WriteScope transaction(m_library.database());
        if (!transaction.isActive())
            return transaction.error();
        const Result<IssueUpdate> updated = updateIssue(issueId, parsed.issue, bytes, path, replacing);
        if (!updated)
            return updated;
        return transaction.commit(*updated);
    }();
    if (!replaced)
        qCWarning(lcStore).noquote() << (replacing ? "replace issue" : "re-parse issue") << issueId
                                     << replaced.error().message();
    return replaced;
}

Result<IssueUpdate> IssueReplacer::updateIssue(qint64 issueId, const ParsedIssue &pristine, const QByteArray &bytes,
                                               const QString &path, bool replacing)
{
    QSqlDatabase db = m_library.database();
    // The reader's corrections are applied to every parse (docs/corrections.md): what is compared and written.
    const Result<correctionplacement::Applied> corrected = correctionplacement::applyTo(m_library, issueId, pristine);
    if (!corrected)
        return corrected.error();
    const ParsedIssue &parsed = corrected->parsed;
    const Result<IssueRows> before = m_rows->read(issueId);
    if (!before)
        return before.error();
    IssueRows after = IssueRowStore::fromParse(parsed);
    const QString sha = parsed.source.sha256.toLower();
    const bool sourceChanged = sha != before->sha256;
    if (replacing && sourceChanged) {
        if (const auto other = IssueRepository(m_library).findBySha256(sha); other && *other != issueId)
            return Error(tr("%1 is already in the library as issue %2").arg(path).arg(*other));
    }

    // The date the new parse worked out, with how sure it is, unless the user (or the text) stated the year. The
    // neighbouring issues' year, which the import worked out and no parse of one file sees, is kept.
    IssueInfo info = parsed.issue;
    const QList<YearEvidence> stored =
        yearEvidenceFrom(scalar(db, QStringLiteral("SELECT date_evidence FROM issues WHERE id = ?"), {issueId}));
    if (const auto neighbours =
            std::find_if(stored.cbegin(), stored.cend(),
                         [](const YearEvidence &e) { return e.kind == YearEvidence::Kind::Neighbours; });
        neighbours != stored.cend() && info.month > 0 && (!info.date.isValid() || info.dateInferred)) {
        info.yearEvidence.append(*neighbours);
        parse::decideYear(info);
    }
    if (Result<void> dated = IssueRepository(m_library).refreshParsedDate(issueId, info); !dated)
        return dated.error();

    IssueUpdate result;
    if (before->sameContent(after)) {
        // Nothing to write but the stamp (and, for a replace, the new source).
        result.counts.stayed = m_rows->annotationsOn(issueId);
        if (sourceChanged) {
            const QVariant sourceId =
                scalar(db, QStringLiteral("SELECT source_file_id FROM issues WHERE id = ?"), {issueId});
            Result<void> stored =
                exec(db,
                     QStringLiteral("UPDATE source_files SET path = ?, sha256 = ?, encoding = ?, "
                                    "size = ?, imported_at = ? WHERE id = ?"),
                     {notNull(path), sha, notNull(parsed.source.encoding), qint64(bytes.size()), nowUtc(), sourceId});
            if (stored)
                stored = storeSourceBytes(db, sourceId.toLongLong(), bytes);
            if (!stored)
                return stored.error();
        }
        if (before->parserVersion != m_parserVersion)
            if (Result<void> stamped = m_rows->stamp(issueId, m_parserVersion); !stamped)
                return stamped.error();
        if (Result<void> placed =
                correctionplacement::place(m_library, issueId, *corrected, pristine,
                                           [&](int a, int b) { return before->articles.value(a).blocks.value(b).id; });
            !placed)
            return placed.error();
        return result;
    }
    result.changed = true;
    if (m_inBatch && !m_batchDeferred) {
        Result<void> deferred = SearchIndex::deferIndexing(db);
        if (deferred)
            deferred = SearchIndex::allowManySegments(db);
        if (!deferred)
            return deferred.error();
        m_batchDeferred = true;
    }

    // Which new rows are which old ones (core/annotate/blockmatching.h).
    Texts texts;
    for (int a = 0; a < before->articles.size(); ++a) {
        const ArticleRow &article = before->articles.at(a);
        anchoring::ArticleText t{article.title, {}};
        texts.oldArticles.insert(article.id, a);
        for (int b = 0; b < article.blocks.size(); ++b) {
            t.blocks.append(article.blocks.at(b).text);
            texts.oldBlocks.insert(article.blocks.at(b).id, {a, b});
        }
        texts.oldTexts.append(t);
    }
    for (const ArticleRow &article : std::as_const(after.articles)) {
        anchoring::ArticleText t{article.title, {}};
        for (const BlockRow &block : article.blocks)
            t.blocks.append(block.text);
        texts.newTexts.append(t);
    }
    const matching::IssueMatching match = matching::matchIssue(texts.oldTexts, texts.newTexts);

    IssueRowsUpdate update;
    update.parserVersion = m_parserVersion;
    for (int a = 0; a < after.articles.size(); ++a) {
        ArticleRow &article = after.articles[a];
        if (const int from = match.articleFrom.at(a); from >= 0) {
            article.id = before->articles.at(from).id;
            texts.keptArticles.insert(article.id);
            ++result.ids.articlesKept;
        } else {
            ++result.ids.articlesNew;
        }
        for (int b = 0; b < article.blocks.size(); ++b) {
            BlockRow &block = article.blocks[b];
            if (const matching::BlockRef from = match.blockFrom.at(a).at(b); from.isValid()) {
                const BlockRow &old = before->articles.at(from.article).blocks.at(from.block);
                block.id = old.id;
                if (old.text == block.text)
                    texts.untouched.insert(block.id);
                ++result.ids.blocksKept;
            } else {
                ++result.ids.blocksNew;
            }
        }
    }
    auto kindName = [](matching::LineageKind kind) {
        switch (kind) {
        case matching::LineageKind::Split:
            return QStringLiteral("split");
        case matching::LineageKind::Joined:
            return QStringLiteral("joined");
        case matching::LineageKind::Removed:
            break;
        }
        return QStringLiteral("removed");
    };
    for (const matching::BlockLineage &l : match.blockLineage) {
        const BlockRow &old = before->articles.at(l.old.article).blocks.at(l.old.block);
        update.lineage.append({false, old.id, old.uid, l.now.article, l.now.block, kindName(l.kind)});
    }
    for (const matching::ArticleLineage &l : match.articleLineage) {
        const ArticleRow &old = before->articles.at(l.old);
        update.lineage.append({true, old.id, old.uid, l.now, -1, kindName(l.kind)});
    }
    update.after = after.articles;

    // The annotations of what changed are read against the old text before the rows change.
    const int attachedBefore = m_rows->annotationsOn(issueId);
    Reanchorer reanchorer(db, issueId, texts);
    if (Result<void> loaded = reanchorer.load(); !loaded)
        return loaded.error();

    if (m_batchDeferred) {
        // The paragraphs whose text or article changes, and those that go, leave the search index with the rest of
        // the batch's index writes (SearchIndex::deferRemoval): no FTS5 segment per issue.
        QHash<qint64, const BlockRow *> oldBlocks;
        QHash<qint64, qint64> oldArticleOf;
        for (const ArticleRow &article : std::as_const(before->articles)) {
            for (const BlockRow &block : article.blocks) {
                oldBlocks.insert(block.id, &block);
                oldArticleOf.insert(block.id, article.id);
            }
        }
        QList<qint64> leaving;
        for (const ArticleRow &article : std::as_const(update.after)) {
            for (const BlockRow &block : article.blocks) {
                if (block.id == 0)
                    continue;
                const BlockRow *old = oldBlocks.take(block.id);
                if (!old || article.id == 0 || oldArticleOf.value(block.id) != article.id || old->text != block.text)
                    leaving.append(block.id);
            }
        }
        for (auto it = oldBlocks.cbegin(); it != oldBlocks.cend(); ++it)
            leaving.append(it.key());
        if (Result<void> deferred = SearchIndex::deferRemoval(db, leaving); !deferred)
            return deferred.error();
    }
    const Result<RowCounts> written = m_rows->write(*before, update);
    if (!written)
        return written.error();
    result.ids.blocksUpdated = written->blocksUpdated;
    result.ids.blocksRemoved = written->blocksDeleted;
    result.ids.articlesRemoved = written->articlesDeleted;
    result.ids.lineageRows = written->lineageRows;

    if (sourceChanged) {
        const QVariant sourceId =
            scalar(db, QStringLiteral("SELECT source_file_id FROM issues WHERE id = ?"), {issueId});
        Result<void> stored =
            exec(db,
                 QStringLiteral("UPDATE source_files SET path = ?, sha256 = ?, encoding = ?, size = ?, "
                                "imported_at = ? WHERE id = ?"),
                 {notNull(path), sha, notNull(parsed.source.encoding), qint64(bytes.size()), nowUtc(), sourceId});
        if (stored)
            stored = storeSourceBytes(db, sourceId.toLongLong(), bytes);
        if (!stored)
            return stored.error();
    }

    // The new rows' ids, where the re-anchoring puts the annotations.
    texts.newIssue.id = issueId;
    for (const ArticleRow &row : std::as_const(update.after)) {
        Article article;
        article.id = row.id;
        article.title = row.title;
        for (const BlockRow &blockRow : row.blocks) {
            Block block;
            block.id = blockRow.id;
            article.blocks.append(block);
        }
        texts.newIssue.parsed.articles.append(article);
    }
    if (Result<void> applied = reanchorer.apply(result.counts); !applied)
        return applied.error();
    if (Result<void> placed =
            correctionplacement::place(m_library, issueId, *corrected, pristine,
                                       [&](int a, int b) { return update.after.value(a).blocks.value(b).id; });
        !placed)
        return placed.error();
    result.counts.stayed += std::max(0, attachedBefore - reanchorer.attached());
    qCInfo(lcStore).noquote() << "updated issue" << issueId << "blocks kept" << result.ids.blocksKept << "new"
                              << result.ids.blocksNew << "removed" << result.ids.blocksRemoved;
    return result;
}

Result<IssueReplacer::SourceBytes> IssueReplacer::storedSource(qint64 issueId)
{
    QSqlDatabase db = m_library.database();
    QSqlQuery q(db);
    if (Result<void> read =
            select(q,
                   QStringLiteral("SELECT s.path, s.sha256, c.bytes, c.codec FROM issues i JOIN source_files s "
                                  "ON s.id = i.source_file_id LEFT JOIN source_contents c "
                                  "ON c.source_file_id = s.id WHERE i.id = ?"),
                   {issueId});
        !read)
        return read.error();
    if (!q.next())
        return Error(tr("no issue with id %1").arg(issueId));
    SourceBytes source{q.value(0).toString(), {}};
    const QString sha = q.value(1).toString();
    // Damaged stored bytes count as none: the file itself may still serve.
    const std::optional<QByteArray> original =
        q.value(2).isNull() ? std::nullopt : sourcebytes::unpack(q.value(3), q.value(2).toByteArray());
    const bool stored = original.has_value();
    if (stored)
        source.bytes = *original;
    q.finish();
    if (!stored) {
        // Imported before the library kept originals: the file itself, if it is still the same content.
        QFile file(source.path);
        if (QFileInfo(source.path).isFile() && QFileInfo(source.path).size() <= maxFileBytes() &&
            file.open(QIODevice::ReadOnly))
            source.bytes = file.readAll();
        if (source.bytes.isEmpty() || contentSha256(source.bytes) != sha)
            return Error(tr("issue %1: the original text is not stored and %2 is missing or changed")
                             .arg(issueId)
                             .arg(source.path));
    }
    return source;
}

Result<ParsedIssue> IssueReplacer::parseStored(qint64 issueId)
{
    const Result<SourceBytes> source = storedSource(issueId);
    if (!source)
        return source.error();
    IssueFileResult parsed = m_parse(source->bytes, source->path);
    if (!parsed.ok)
        return Error(parsed.error).prefixed(source->path);
    return std::move(parsed.issue);
}

Result<ReanchorCounts> IssueReplacer::reparse(qint64 issueId)
{
    const Result<IssueUpdate> done = reparseIssue(issueId);
    if (!done)
        return done.error();
    return done->counts;
}

Result<IssueUpdate> IssueReplacer::reparseIssue(qint64 issueId)
{
    const Result<SourceBytes> source = storedSource(issueId);
    if (!source)
        return source.error();
    return replaceWith(issueId, source->bytes, source->path, false);
}

AnnotationCounts IssueReplacer::annotationsOfIssue(qint64 issueId) const
{
    return AnnotationRepository(m_library).countsForIssue(issueId);
}

Result<void> IssueReplacer::deleteIssue(qint64 issueId)
{
    QSqlDatabase db = m_library.database();
    sql::WriteScope transaction(db);
    if (!transaction.isActive())
        return transaction.error();
    if (!scalar(db, QStringLiteral("SELECT 1 FROM issues WHERE id = ?"), {issueId}).isValid())
        return Error(tr("no issue with id %1").arg(issueId));
    const QString highlights =
        QStringLiteral("SELECT h.id FROM highlights h LEFT JOIN blocks b ON b.id = h.block_id LEFT JOIN articles a "
                       "ON a.id = b.article_id WHERE a.issue_id = %1 OR (h.block_id IS NULL AND h.issue_id = %1)")
            .arg(issueId);
    const QString notes =
        QStringLiteral("SELECT n.id FROM notes n LEFT JOIN blocks b ON b.id = n.block_id LEFT JOIN articles a "
                       "ON a.id = b.article_id WHERE a.issue_id = %1 OR (n.block_id IS NULL AND n.issue_id = %1) "
                       "OR n.highlight_id IN (%2)")
            .arg(issueId)
            .arg(highlights);
    const QList<NotebookEntry> entries =
        notebookEntries(db, QStringLiteral("highlight_id IN (%1) OR note_id IN (%2)").arg(highlights, notes), {});
    const QList<qint64> noteIds = ids(db, notes);
    const QList<qint64> highlightIds = ids(db, highlights);
    if (Result<void> removed = removeNotebookEntries(db, entries); !removed)
        return removed;
    for (const qint64 id : noteIds) {
        if (Result<void> removed = exec(db, QStringLiteral("DELETE FROM notes WHERE id = ?"), {id}); !removed)
            return removed;
    }
    for (const qint64 id : highlightIds) {
        if (Result<void> removed = exec(db, QStringLiteral("DELETE FROM highlights WHERE id = ?"), {id}); !removed)
            return removed;
    }
    if (Result<void> removed = exec(
            db, QStringLiteral("DELETE FROM source_files WHERE id = (SELECT source_file_id FROM issues WHERE id = ?)"),
            {issueId});
        !removed)
        return removed;
    return transaction.commit();
}

} // namespace dubao
