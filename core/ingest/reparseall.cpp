// Re-parsing every issue (or a chosen set) in batches: the stored bytes parsed on a thread of their own a few issues
// ahead of the writer, each issue updated and re-anchored as IssueReplacer::reparse does, progress and cancel
// between issues. See issuereplacer.h.
#include "core/ingest/issuereplacer.h"
#include "core/parse/issuefile.h"
#include "core/search/searchindex.h"
#include "core/store/library.h"
#include "core/store/sql.h"

#include <QElapsedTimer>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace dubao {

using namespace sql;

namespace {

/// Parses the issues on a thread of its own, a few ahead of the writer (as the importer's FilePreparer does). The
/// writer hands in the bytes in order and takes the parses back in the same order.
class ParseAhead final
{
    Q_DISABLE_COPY_MOVE(ParseAhead)

public:
    struct Item
    {
        qint64 issueId = 0;
        QString path;
        QByteArray bytes;
        QString error; ///< reading the source failed: not parsed
        IssueFileResult parsed;
    };

    explicit ParseAhead(IssueReplacer::ParseFunction parse)
        : m_parse(std::move(parse))
        , m_thread([this] { run(); })
    {}
    ~ParseAhead()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_changed.notify_all();
        m_thread.join();
    }

    // Bounded by count and bytes, like the importer's read-ahead.
    static constexpr int kMaxItems = 32;
    static constexpr qint64 kMaxBytes = 32 * 1024 * 1024;

    bool hasRoom() const
    {
        const std::lock_guard lock(m_mutex);
        return m_queued < kMaxItems && m_queuedBytes < kMaxBytes;
    }
    void push(Item item)
    {
        {
            const std::lock_guard lock(m_mutex);
            ++m_queued;
            m_queuedBytes += item.bytes.size();
            m_input.push_back(std::move(item));
        }
        m_changed.notify_all();
    }
    Item next()
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_output.empty(); });
        Item item = std::move(m_output.front());
        m_output.pop_front();
        --m_queued;
        m_queuedBytes -= item.bytes.size();
        return item;
    }

private:
    void run()
    {
        for (;;) {
            Item item;
            {
                std::unique_lock lock(m_mutex);
                m_changed.wait(lock, [this] { return m_stop || !m_input.empty(); });
                if (m_stop)
                    return;
                item = std::move(m_input.front());
                m_input.pop_front();
            }
            if (item.error.isEmpty())
                item.parsed = m_parse(item.bytes, item.path);
            {
                const std::lock_guard lock(m_mutex);
                m_output.push_back(std::move(item));
            }
            m_changed.notify_all();
        }
    }

    IssueReplacer::ParseFunction m_parse;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<Item> m_input;
    std::deque<Item> m_output;
    int m_queued = 0;
    qint64 m_queuedBytes = 0;
    bool m_stop = false;
    std::thread m_thread; // last: starts once everything above is constructed
};

} // namespace

ReparseReport IssueReplacer::reparseAll(const std::function<void(int, int)> &progress, const std::atomic_bool *cancel)
{
    ReparseOptions options;
    options.all = true;
    if (progress)
        options.progress = [&progress](const ReparseProgress &p) {
            if (p.done > 0)
                progress(p.done, p.total);
        };
    options.cancel = cancel;
    return reparseAll(options);
}

ReparseReport IssueReplacer::reparseAll(const ReparseOptions &options)
{
    ReparseReport report;
    QSqlDatabase db = m_library.database();
    const sql::CacheSizeScope cache(db, 64 * 1024); // KiB
    const QList<qint64> issueIds =
        options.all
            ? ids(db, QStringLiteral("SELECT id FROM issues ORDER BY id"))
            : ids(db, QStringLiteral("SELECT id FROM issues WHERE parser_version <> ? ORDER BY id"), {m_parserVersion});
    const QVariant all = scalar(db, QStringLiteral("SELECT count(*) FROM issues"));
    report.skipped = all.toInt() - int(issueIds.size());

    ReparseProgress state;
    state.total = int(issueIds.size());
    state.skipped = report.skipped;
    if (options.progress)
        options.progress(state);
    if (m_library.isReadOnly()) {
        for (const qint64 id : issueIds)
            report.failed.append({id, tr("the library is read-only")});
        return report;
    }

    // Transactions of about a second by default, as the importer's: a savepoint per issue inside.
    const qint64 batchMilliseconds = std::max(0, options.transactionMilliseconds);
    std::unique_ptr<sql::WriteScope> batch;
    QElapsedTimer batchTimer;
    struct Pending
    {
        qint64 issueId = 0;
        IssueUpdate update;
    };
    QList<Pending> pending;
    QList<qint64> changedInBatch;
    auto commitBatch = [&]() {
        if (!batch)
            return;
        Result<void> committed = m_batchDeferred ? SearchIndex::indexDeferred(db, changedInBatch) : Result<void>{};
        if (committed)
            committed = batch->commit();
        for (const Pending &p : std::as_const(pending)) {
            if (!committed) {
                report.failed.append({p.issueId, committed.error().message()});
                continue;
            }
            ++report.issues;
            ++(p.update.changed ? report.changed : report.unchanged);
            report.counts += p.update.counts;
            report.ids += p.update.ids;
        }
        batch.reset();
        m_inBatch = false;
        m_batchDeferred = false;
        pending.clear();
        changedInBatch.clear();
    };

    ParseAhead ahead(m_parse);
    qsizetype fed = 0;
    auto feed = [&]() {
        while (fed < issueIds.size() && ahead.hasRoom()) {
            ParseAhead::Item item;
            item.issueId = issueIds.at(fed++);
            if (const Result<SourceBytes> source = storedSource(item.issueId)) {
                item.path = source->path;
                item.bytes = source->bytes;
            } else {
                item.error = source.error().message();
            }
            ahead.push(std::move(item));
        }
    };

    for (qsizetype k = 0; k < issueIds.size(); ++k) {
        if (options.cancel && options.cancel->load()) {
            report.cancelled = true;
            break;
        }
        feed();
        ParseAhead::Item item = ahead.next();
        feed();
        state.bytes += item.bytes.size();
        bool ok = false;
        if (!item.error.isEmpty()) {
            report.failed.append({item.issueId, item.error});
        } else if (!item.parsed.ok) {
            report.failed.append({item.issueId, Error(item.parsed.error).prefixed(item.path).message()});
        } else {
            if (!batch) {
                batch = std::make_unique<sql::WriteScope>(db);
                batchTimer.start();
                if (!batch->isActive())
                    batch.reset();
                m_inBatch = batch != nullptr;
                m_batchDeferred = false;
            }
            if (!batch) {
                report.failed.append({item.issueId, tr("cannot start a transaction")});
            } else {
                sql::WriteScope issueScope(db, "reparse_issue");
                Result<IssueUpdate> updated =
                    issueScope.isActive() ? updateIssue(item.issueId, item.parsed.issue, item.bytes, item.path, false)
                                          : Result<IssueUpdate>(issueScope.error());
                if (updated)
                    updated = issueScope.commit(*updated);
                if (updated) {
                    ok = true;
                    if (updated->changed)
                        changedInBatch.append(item.issueId);
                    pending.append({item.issueId, *updated});
                    ++(updated->changed ? state.changed : state.unchanged);
                } else {
                    qCWarning(lcStore).noquote() << "re-parse issue" << item.issueId << updated.error().message();
                    report.failed.append({item.issueId, updated.error().message()});
                }
            }
            if (batch && batchTimer.elapsed() >= batchMilliseconds)
                commitBatch();
        }
        if (!ok)
            ++state.failed;
        ++state.done;
        if (options.progress)
            options.progress(state);
    }
    commitBatch();
    return report;
}

} // namespace dubao
