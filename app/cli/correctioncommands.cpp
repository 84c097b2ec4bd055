// dubao-cli's corrections of the OCR (docs/corrections.md): correct, corrections, uncorrect, export-corrected.
#include "app/cli/clisupport.h"
#include "app/cli/commands.h"
#include "core/ingest/corrector.h"
#include "core/store/correctionrepository.h"
#include "core/store/library.h"
#include "core/store/sql.h"
#include "core/store/uid.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace dubao::cli {

namespace {

QString describe(const Correction &c)
{
    switch (c.kind) {
    case CorrectionKind::Text:
        return QStringLiteral("%1 → %2").arg(c.original, c.text);
    case CorrectionKind::Join:
        return QStringLiteral("joined with the next paragraph");
    case CorrectionKind::Split:
        return QStringLiteral("split at %1").arg(c.start);
    case CorrectionKind::Kind:
        break;
    }
    return QStringLiteral("a %1").arg(c.text);
}

} // namespace

int orphanCorrections(Library &library, Streams io, QJsonArray *json)
{
    const Result<QList<Correction>> orphans = CorrectionRepository(library).orphans();
    if (!orphans) {
        io.err << "dubao-cli: " << orphans.error().message() << Qt::endl;
        return -1;
    }
    for (const Correction &c : *orphans) {
        if (json) {
            json->append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("correction")},
                                     {QStringLiteral("id"), c.id},
                                     {QStringLiteral("correction_kind"), correctionKindName(c.kind)},
                                     {QStringLiteral("quote"), c.original},
                                     {QStringLiteral("correction"), c.text},
                                     {QStringLiteral("prefix"), c.anchor.prefix},
                                     {QStringLiteral("suffix"), c.anchor.suffix},
                                     {QStringLiteral("issue"), idOrNull(c.anchor.issueId)},
                                     {QStringLiteral("article_title"), c.anchor.articleTitle},
                                     {QStringLiteral("author"), c.author}});
        } else {
            io.out << "correction " << c.id << "  (" << c.anchor.articleTitle << ")  " << describe(c) << "\n";
        }
    }
    return int(orphans->size());
}

namespace {

int cmdCorrect(const Args &args, Streams io)
{
    if (args.positional.size() != 1)
        return usage(io, QStringLiteral("correct takes one paragraph id: correct BLOCK_ID --start N --end N --text T "
                                        "| --join | --split-at N | --kind KIND"));
    const std::optional<qint64> blockId = parseId(args.positional.first());
    if (!blockId)
        return usage(io, QStringLiteral("not a paragraph id: %1").arg(args.positional.first()));
    const bool join = args.flags.contains(QStringLiteral("--join"));
    const int forms = (args.has(QStringLiteral("text")) ? 1 : 0) + (join ? 1 : 0) +
                      (args.has(QStringLiteral("split-at")) ? 1 : 0) + (args.has(QStringLiteral("kind")) ? 1 : 0);
    if (forms != 1)
        return usage(io, QStringLiteral("correct takes one of --text (with --start and --end), --join, --split-at, "
                                        "--kind"));
    int start = -1;
    int end = -1;
    int at = -1;
    constexpr int kMax = 1 << 30;
    if (!intOption(args, QStringLiteral("start"), 0, kMax, &start, io) ||
        !intOption(args, QStringLiteral("end"), 0, kMax, &end, io) ||
        !intOption(args, QStringLiteral("split-at"), 1, kMax, &at, io))
        return kUsageError;
    std::optional<BlockKind> kind;
    if (args.has(QStringLiteral("kind"))) {
        kind = blockKindFromName(args.option(QStringLiteral("kind")));
        if (!kind)
            return usage(io, QStringLiteral("--kind takes body, heading, speaker, caption or note"));
    }
    if (args.has(QStringLiteral("text")) && (start < 0 || end < 0))
        return usage(io, QStringLiteral("--text needs --start and --end (code points in the paragraph's text)"));
    const QString author =
        args.has(QStringLiteral("author")) ? args.option(QStringLiteral("author")) : Corrector::defaultAuthor();

    Library library;
    if (!openLibrary(library, args, io))
        return 1;
    Corrector corrector(library);
    const Result<qint64> id =
        join               ? corrector.join(*blockId, author)
        : at > 0           ? corrector.split(*blockId, at, author)
        : kind.has_value() ? corrector.setKind(*blockId, *kind, author)
                           : corrector.correctText(*blockId, start, end, args.option(QStringLiteral("text")), author);
    if (!id)
        return failure(io, id);
    const Result<std::optional<Correction>> stored = CorrectionRepository(library).find(*id);
    if (args.json) {
        printJson(io.out, QJsonDocument(QJsonObject{{QStringLiteral("id"), *id}}));
        return 0;
    }
    io.out << "correction " << *id;
    if (stored && *stored)
        io.out << ": paragraph " << (*stored)->blockId << ", " << describe(**stored);
    io.out << "\n";
    return 0;
}

int cmdCorrections(const Args &args, Streams io)
{
    if (!args.positional.isEmpty())
        return usage(io, QStringLiteral("corrections takes no argument"));
    Library library;
    if (!openLibrary(library, args, io))
        return 1;
    const Result<QList<Correction>> list = CorrectionRepository(library).list();
    if (!list)
        return failure(io, list);
    if (args.json) {
        QJsonArray array;
        for (const Correction &c : *list) {
            const QByteArray uid = c.blockId > 0
                                       ? sql::scalar(library.database(),
                                                     QStringLiteral("SELECT uid FROM blocks WHERE id = ?"), {c.blockId})
                                             .toByteArray()
                                       : QByteArray();
            array.append(QJsonObject{
                {QStringLiteral("id"), c.id},
                {QStringLiteral("kind"), correctionKindName(c.kind)},
                {QStringLiteral("block"), idOrNull(c.blockId)},
                {QStringLiteral("blockUid"), uid.size() == 16 ? QJsonValue(uid::toText(uid)) : QJsonValue()},
                {QStringLiteral("issue"), idOrNull(c.anchor.issueId)},
                {QStringLiteral("start"), c.start},
                {QStringLiteral("end"), c.end},
                {QStringLiteral("original"), c.original},
                {QStringLiteral("correction"), c.text},
                {QStringLiteral("author"), c.author},
                {QStringLiteral("created"), c.createdAt},
                {QStringLiteral("orphan"), c.orphan},
            });
        }
        printJson(io.out, QJsonDocument(array));
        return 0;
    }
    for (const Correction &c : *list) {
        io.out << c.id << "  " << (c.orphan ? QStringLiteral("orphan") : QStringLiteral("paragraph %1").arg(c.blockId))
               << "  " << describe(c) << "  (" << c.author << ", " << c.createdAt.left(10) << ")\n";
    }
    if (list->isEmpty())
        io.out << "No corrections.\n";
    return 0;
}

int cmdUncorrect(const Args &args, Streams io)
{
    if (args.positional.size() != 1)
        return usage(io, QStringLiteral("uncorrect takes one correction id"));
    const std::optional<qint64> id = parseId(args.positional.first());
    if (!id)
        return usage(io, QStringLiteral("not a correction id: %1").arg(args.positional.first()));
    Library library;
    if (!openLibrary(library, args, io))
        return 1;
    const Result<Correction> removed = Corrector(library).uncorrect(*id);
    if (!removed)
        return failure(io, removed);
    io.out << "correction " << *id << " taken back: " << describe(*removed) << "\n";
    return 0;
}

int cmdExportCorrected(const Args &args, Streams io)
{
    if (args.positional.size() != 1)
        return usage(io, QStringLiteral("export-corrected takes one issue id: export-corrected ISSUE_ID [-o FILE]"));
    const std::optional<qint64> issueId = parseId(args.positional.first());
    if (!issueId)
        return usage(io, QStringLiteral("not an issue id: %1").arg(args.positional.first()));
    Library library;
    if (!openLibrary(library, args, io))
        return 1;
    const Result<QString> text = Corrector(library).correctedIssueText(*issueId);
    if (!text)
        return failure(io, text);
    const QString output = args.option(QStringLiteral("output")); // -o FILE or --output FILE
    if (output.isEmpty() || output == QLatin1String("-")) {
        io.out << *text;
        return 0;
    }
    // Written whole or not at all.
    QSaveFile file(output);
    if (!file.open(QIODevice::WriteOnly) || file.write(text->toUtf8()) < 0 || !file.commit())
        return failure(io, QStringLiteral("%1: cannot write: %2").arg(output, file.errorString()));
    io.out << "wrote " << output << "\n";
    return 0;
}

} // namespace

void addCorrectionCommands(CommandTable &table)
{
    table.emplace(QStringLiteral("export-corrected"), cmdExportCorrected);
    table.emplace(QStringLiteral("correct"), cmdCorrect);
    table.emplace(QStringLiteral("corrections"), cmdCorrections);
    table.emplace(QStringLiteral("uncorrect"), cmdUncorrect);
}

} // namespace dubao::cli
