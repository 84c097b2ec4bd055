// How source_contents keeps the original bytes of an imported file (schema v10): zlib-compressed when that makes
// them smaller (the OCR'd text shrinks 2.2–2.4×), else as they are, with a `codec` column saying which. Whoever
// reads them gets back exactly the bytes that were imported (their SHA-256 is source_files.sha256) or nothing.
#pragma once

#include "core/model/result.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QVariant>

#include <optional>

namespace dubao::sourcebytes {

enum Codec : int
{
    Plain = 0, ///< the bytes as read
    Zlib = 1,  ///< qCompress(): the size (4 bytes, big-endian), then a zlib stream
};

struct Packed
{
    QByteArray bytes;
    int codec = Plain;
};

/// The form to store `original` in: compressed when that is smaller and inflates back to exactly `original`.
/// Thread-safe.
Packed pack(const QByteArray &original);

/// For a writer that reads files on one thread and stores them on another (the importer): packs `original`
/// now, so that pack() of the same bytes (the same shared QByteArray data) on the writing thread takes the result
/// instead of compressing again. Thread-safe. Each prepared result is taken once; forgetPrepared() drops those
/// never taken (files that were not stored).
void prepare(const QByteArray &original);
void forgetPrepared();

/// The original bytes from a source_contents row's `codec` and `bytes`; nullopt for an unknown codec or damaged
/// data. A null `codec` (a library before v10 that lacks the column) is Plain.
std::optional<QByteArray> unpack(const QVariant &codec, const QByteArray &stored);

/// The original bytes of source file `sourceId` as stored in `db`, in any schema version from 2 on (before v10
/// without the codec column); nullopt when none are stored or they are damaged.
std::optional<QByteArray> read(QSqlDatabase &db, qint64 sourceId);

/// Schema version 10: the `codec` column, and the table `source_packing` whose one row says that the stored files
/// from `after_id` on are still to be compressed (none in a new library). Self-contained so that it can be
/// renumbered.
Result<void> migrateTo11(QSqlDatabase &db);

/// The rest of the v10 migration, run by Library::open() after the steps and again on every open until it is
/// done: compresses the files `source_packing` names, a batch per transaction (a kill loses one batch; the next
/// open goes on from there), reading and writing on this thread and compressing on another. Reports its progress
/// through schema::reportProgress() and the log (dubao.core.store). Nothing to do costs one query.
Result<void> packPending(QSqlDatabase &db);

} // namespace dubao::sourcebytes
