// The people index as tables (peopleexport.h). Rows are written as they are read, through a buffer flushed every
// 64 KiB, so an export of the whole 1 GB library (1.5 million appearances) holds one appearance in memory.
#include "core/analysis/peopleexport.h"

#include "core/search/concordance.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

#include <algorithm>

namespace dubao {

namespace {

constexpr qsizetype kFlushBytes = 64 * 1024;

QByteArray dateCell(const std::optional<QDate> &date)
{
    return date ? date->toString(Qt::ISODate).toLatin1() : QByteArray();
}

QJsonValue dateJson(const std::optional<QDate> &date)
{
    return date ? QJsonValue(date->toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

/// Rows into a device: the header (a BOM and the CSV header, or "["), the rows, the end; a write error is kept.
class TableSink
{
public:
    TableSink(QIODevice &device, PeopleExport::Format format, const QByteArray &csvHeader)
        : m_device(device)
        , m_format(format)
    {
        if (format == PeopleExport::Format::Csv)
            m_buffer = QByteArray("\xEF\xBB\xBF") + csvHeader + "\r\n";
        else
            m_buffer = "[";
    }

    void csvRow(const QList<QByteArray> &cells)
    {
        for (qsizetype k = 0; k < cells.size(); ++k) {
            if (k > 0)
                m_buffer += ',';
            m_buffer += cells[k];
        }
        m_buffer += "\r\n";
        added();
    }

    void jsonRow(const QJsonObject &object)
    {
        m_buffer += m_rows == 0 ? "\n" : ",\n";
        m_buffer += QJsonDocument(object).toJson(QJsonDocument::Compact);
        added();
    }

    Result<qint64> finish()
    {
        if (m_format == PeopleExport::Format::Json)
            m_buffer += m_rows == 0 ? "]\n" : "\n]\n";
        if (!flush())
            return Error(m_device.errorString());
        return m_rows;
    }

    bool ok() const { return m_ok; }

private:
    void added()
    {
        ++m_rows;
        if (m_buffer.size() >= kFlushBytes)
            flush();
    }

    bool flush()
    {
        if (m_ok && !m_buffer.isEmpty() && m_device.write(m_buffer) != m_buffer.size())
            m_ok = false;
        m_buffer.clear();
        return m_ok;
    }

    QIODevice &m_device;
    PeopleExport::Format m_format;
    QByteArray m_buffer;
    qint64 m_rows = 0;
    bool m_ok = true;
};

QByteArray field(const QString &text)
{
    return Concordance::csvField(text);
}

} // namespace

bool PeopleSelection::acceptsPerson(const PersonSummary &person) const
{
    if (!text.isEmpty() && !person.name.contains(text) &&
        std::none_of(person.offices.cbegin(), person.offices.cend(),
                     [&](const PersonOffice &o) { return o.title.contains(text); }))
        return false;
    if (from.isValid() && (!person.last || *person.last < from))
        return false;
    if (to.isValid() && (!person.first || *person.first > to))
        return false;
    return true;
}

bool PeopleSelection::acceptsDate(const std::optional<QDate> &date) const
{
    if (!from.isValid() && !to.isValid())
        return true;
    return date && (!from.isValid() || *date >= from) && (!to.isValid() || *date <= to);
}

QString PeopleExport::tableName(Table table)
{
    return table == Table::Appearances ? QStringLiteral("appearances") : QStringLiteral("office-holders");
}

std::optional<PeopleExport::Table> PeopleExport::tableFromName(const QString &name)
{
    for (Table t : {Table::Appearances, Table::OfficeHolders})
        if (tableName(t) == name)
            return t;
    return std::nullopt;
}

QString PeopleExport::formatName(Format format)
{
    return format == Format::Csv ? QStringLiteral("csv") : QStringLiteral("json");
}

std::optional<PeopleExport::Format> PeopleExport::formatFromName(const QString &name)
{
    for (Format f : {Format::Csv, Format::Json})
        if (formatName(f) == name)
            return f;
    return std::nullopt;
}

QList<OfficeHolder> PeopleExport::officeHolders(const QList<PersonSummary> &persons, const PeopleSelection &selection)
{
    QList<OfficeHolder> result;
    for (const PersonSummary &p : persons) {
        if (!selection.acceptsPerson(p))
            continue;
        for (const PersonOffice &o : p.offices) {
            if (!selection.text.isEmpty() && !p.name.contains(selection.text) && !o.title.contains(selection.text))
                continue;
            if (selection.from.isValid() && (!o.last || *o.last < selection.from))
                continue;
            if (selection.to.isValid() && (!o.first || *o.first > selection.to))
                continue;
            result.append({o.title, p.name, o.first, o.last, o.appearances});
        }
    }
    std::sort(result.begin(), result.end(), [](const OfficeHolder &a, const OfficeHolder &b) {
        if (a.office != b.office)
            return a.office < b.office;
        if (a.first != b.first)
            return a.first && (!b.first || *a.first < *b.first);
        return a.person < b.person;
    });
    return result;
}

Result<qint64> PeopleExport::write(const PeopleIndex &index, Table table, Format format,
                                   const PeopleSelection &selection, QIODevice &device, const std::atomic_bool *cancel)
{
    // With own:, the persons as their own (or shared) appearances count them, and those appearances only.
    QList<PersonSummary> persons;
    QSet<qint64> sharedBlocks;
    if (selection.own) {
        Result<QList<PersonSummary>> kept = index.ownPersons(*selection.own);
        if (!kept)
            return kept.error();
        persons = std::move(*kept);
        Result<QSet<qint64>> shared = index.sharedAppearanceBlocks();
        if (!shared)
            return shared.error();
        sharedBlocks = std::move(*shared);
    } else {
        persons = index.persons();
    }
    if (table == Table::OfficeHolders) {
        TableSink sink(device, format, "office,person,first,last,appearances");
        for (const OfficeHolder &h : officeHolders(persons, selection)) {
            if (format == Format::Csv)
                sink.csvRow({field(h.office), field(h.person), dateCell(h.first), dateCell(h.last),
                             QByteArray::number(h.appearances)});
            else
                sink.jsonRow(QJsonObject{{QStringLiteral("office"), h.office},
                                         {QStringLiteral("person"), h.person},
                                         {QStringLiteral("first"), dateJson(h.first)},
                                         {QStringLiteral("last"), dateJson(h.last)},
                                         {QStringLiteral("appearances"), h.appearances}});
        }
        return sink.finish();
    }

    QSet<QString> names;
    for (const PersonSummary &p : persons)
        if (selection.acceptsPerson(p))
            names.insert(p.name);
    TableSink sink(device, format, "person,office,offices,role,order,date,article_id,headline,block_id,sentence");
    bool cancelled = false;
    const Result<void> read = index.forEachAppearance({}, [&](const Appearance &a) {
        if (cancel && cancel->load()) {
            cancelled = true;
            return false;
        }
        if (!names.contains(a.name) || !selection.acceptsDate(a.date))
            return true;
        if (selection.own && sharedBlocks.contains(a.blockId) != (*selection.own == PeopleIndex::Own::No))
            return true;
        if (format == Format::Csv) {
            sink.csvRow({field(a.name), field(a.office()), field(a.offices.join(u'、')), field(a.role),
                         a.order > 0 ? QByteArray::number(a.order) : QByteArray(), dateCell(a.date),
                         QByteArray::number(a.articleId), field(a.headline), QByteArray::number(a.blockId),
                         field(a.sentence)});
        } else {
            sink.jsonRow(
                QJsonObject{{QStringLiteral("person"), a.name},
                            {QStringLiteral("office"), textOrNull(a.office())},
                            {QStringLiteral("offices"), QJsonArray::fromStringList(a.offices)},
                            {QStringLiteral("role"), textOrNull(a.role)},
                            {QStringLiteral("order"), a.order > 0 ? QJsonValue(a.order) : QJsonValue(QJsonValue::Null)},
                            {QStringLiteral("date"), dateJson(a.date)},
                            {QStringLiteral("article"), a.articleId},
                            {QStringLiteral("headline"), a.headline},
                            {QStringLiteral("block"), a.blockId},
                            {QStringLiteral("sentence"), a.sentence}});
        }
        return sink.ok();
    });
    if (!read)
        return read.error();
    if (cancelled)
        return Error(tr("cancelled"));
    return sink.finish();
}

Result<qint64> PeopleExport::writeFile(const PeopleIndex &index, Table table, Format format,
                                       const PeopleSelection &selection, const QString &path,
                                       const std::atomic_bool *cancel)
{
    auto fail = [&](const QString &reason) {
        return Error(tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), reason));
    };
    if (path.isEmpty())
        return fail(tr("no file name given"));
    if (QFileInfo(path).isDir())
        return fail(tr("it is a folder"));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    const Result<qint64> written = write(index, table, format, selection, file, cancel);
    if (!written) {
        file.cancelWriting();
        return fail(written.error().message());
    }
    if (!file.commit())
        return fail(file.errorString());
    return written;
}

} // namespace dubao
