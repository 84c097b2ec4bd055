// The reader's corrections of the OCR (schema v9, docs/corrections.md): the rows only. Applying them to an issue's
// text is IssueReplacer's (core/ingest), which every correction goes through (core/ingest/corrector.h).
#pragma once

#include "core/model/correction.h"
#include "core/model/result.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace dubao {

class Library;

class CorrectionRepository final
{
public:
    explicit CorrectionRepository(Library &library);

    /// Inserts the correction (with its id when not 0: the undo of a removal) on the issue anchor.issueId; returns
    /// the id. Its placement (block, orphan) is IssueReplacer's to set.
    Result<qint64> insert(const Correction &correction);
    /// Deletes the row; returns it (for insert() to put back).
    Result<Correction> remove(qint64 id);
    Result<std::optional<Correction>> find(qint64 id) const;
    /// Every correction, by id.
    Result<QList<Correction>> list() const;
    /// The corrections of one issue (placed and orphans), by id: the order in which they are applied.
    Result<QList<Correction>> ofIssue(qint64 issueId) const;
    /// The placed corrections shown in these paragraphs, by id.
    Result<QList<Correction>> ofBlocks(const QList<qint64> &blockIds) const;
    /// Corrections that could not be placed, newest first.
    Result<QList<Correction>> orphans() const;
    /// Writes where a correction is now (blockId 0 and orphan: nowhere); only the columns that changed.
    Result<void> place(const Correction &correction);

    /// The placed corrections in a backup file (a `.dubao-backup`), by issue id: what a restore applies to each
    /// issue's parse before it inserts it, so the paragraphs get the ids they had. Empty for a backup without them.
    static QHash<qint64, QList<Correction>> inBackup(const QString &backupFile);

private:
    Library &m_library;
};

} // namespace dubao
