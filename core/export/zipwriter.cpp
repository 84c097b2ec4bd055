#include "core/export/zipwriter.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QtEndian>

#include <zlib.h>

namespace dubao {

namespace {

void put16(QByteArray &out, quint16 value)
{
    char bytes[2];
    qToLittleEndian(value, bytes);
    out.append(bytes, 2);
}

void put32(QByteArray &out, quint32 value)
{
    char bytes[4];
    qToLittleEndian(value, bytes);
    out.append(bytes, 4);
}

quint16 get16(const QByteArray &in, qsizetype at)
{
    return qFromLittleEndian<quint16>(in.constData() + at);
}

quint32 get32(const QByteArray &in, qsizetype at)
{
    return qFromLittleEndian<quint32>(in.constData() + at);
}

// Raw deflate (no zlib header), as ZIP's method 8 wants it.
QByteArray deflateRaw(const QByteArray &data)
{
    z_stream stream{};
    deflateInit2(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(qsizetype(deflateBound(&stream, uLong(data.size()))), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    deflate(&stream, Z_FINISH);
    out.resize(qsizetype(stream.total_out));
    deflateEnd(&stream);
    return out;
}

bool inflateRaw(const QByteArray &data, quint32 size, QByteArray *out)
{
    out->resize(size);
    z_stream stream{};
    if (inflateInit2(&stream, -MAX_WBITS) != Z_OK)
        return false;
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    stream.next_out = reinterpret_cast<Bytef *>(out->data());
    stream.avail_out = uInt(out->size());
    const int status = inflate(&stream, Z_FINISH);
    const bool ok = status == Z_STREAM_END && stream.total_out == size;
    inflateEnd(&stream);
    return ok;
}

QString tr(const char *text)
{
    return QCoreApplication::translate("dubao", text); // the context lupdate gives a free function in dubao
}

constexpr quint16 kDosTime = 0;            // 00:00:00: the same bytes for the same content
constexpr quint16 kDosDate = (1 << 5) | 1; // 1980-01-01
constexpr quint16 kUtf8Names = 1 << 11;

} // namespace

ZipWriter::ZipWriter(QIODevice &device)
    : m_device(device)
{}

void ZipWriter::write(const QByteArray &bytes)
{
    if (m_ok && m_device.write(bytes) != bytes.size())
        m_ok = false;
    m_offset += quint32(bytes.size());
}

void ZipWriter::addFile(const QString &name, const QByteArray &data, bool store)
{
    Entry entry;
    entry.name = name.toUtf8();
    entry.crc = quint32(crc32(0, reinterpret_cast<const Bytef *>(data.constData()), uInt(data.size())));
    entry.size = quint32(data.size());
    entry.offset = m_offset;
    const QByteArray body = store ? data : deflateRaw(data);
    entry.method = store ? 0 : 8;
    entry.compressedSize = quint32(body.size());
    QByteArray header;
    put32(header, 0x04034b50);
    put16(header, 20);
    put16(header, kUtf8Names);
    put16(header, entry.method);
    put16(header, kDosTime);
    put16(header, kDosDate);
    put32(header, entry.crc);
    put32(header, entry.compressedSize);
    put32(header, entry.size);
    put16(header, quint16(entry.name.size()));
    put16(header, 0);
    header += entry.name;
    write(header);
    write(body);
    m_entries.append(entry);
}

Result<void> ZipWriter::finish()
{
    const quint32 start = m_offset;
    QByteArray directory;
    for (const Entry &e : std::as_const(m_entries)) {
        put32(directory, 0x02014b50);
        put16(directory, 20);
        put16(directory, 20);
        put16(directory, kUtf8Names);
        put16(directory, e.method);
        put16(directory, kDosTime);
        put16(directory, kDosDate);
        put32(directory, e.crc);
        put32(directory, e.compressedSize);
        put32(directory, e.size);
        put16(directory, quint16(e.name.size()));
        put16(directory, 0); // extra
        put16(directory, 0); // comment
        put16(directory, 0); // disk
        put16(directory, 0); // internal attributes
        put32(directory, 0); // external attributes
        put32(directory, e.offset);
        directory += e.name;
    }
    write(directory);
    QByteArray end;
    put32(end, 0x06054b50);
    put16(end, 0);
    put16(end, 0);
    put16(end, quint16(m_entries.size()));
    put16(end, quint16(m_entries.size()));
    put32(end, quint32(directory.size()));
    put32(end, start);
    put16(end, 0);
    write(end);
    if (!m_ok)
        return Error(m_device.errorString());
    return {};
}

Result<QList<std::pair<QString, QByteArray>>> readZip(const QByteArray &archive)
{
    const Error broken(tr("not a ZIP archive, or a damaged one"));
    // The end of central directory record: the last signature in the final 64 kB + 22 bytes.
    qsizetype end = -1;
    for (qsizetype at = archive.size() - 22; at >= 0 && at >= archive.size() - 65557; --at) {
        if (get32(archive, at) == 0x06054b50) {
            end = at;
            break;
        }
    }
    if (end < 0)
        return broken;
    const quint16 count = get16(archive, end + 10);
    qsizetype at = get32(archive, end + 16);
    // A file's entries must fit in memory: a damaged or hostile header claiming gigabytes is refused, not allocated.
    constexpr qsizetype kMaxTotal = qsizetype(1) << 30;
    qsizetype total = 0;
    QList<std::pair<QString, QByteArray>> entries;
    for (int i = 0; i < count; ++i) {
        if (at + 46 > archive.size() || get32(archive, at) != 0x02014b50)
            return broken;
        const quint16 method = get16(archive, at + 10);
        const quint32 crc = get32(archive, at + 16);
        const quint32 compressedSize = get32(archive, at + 20);
        const quint32 size = get32(archive, at + 24);
        const quint16 nameLength = get16(archive, at + 28);
        const quint16 extraLength = get16(archive, at + 30);
        const quint16 commentLength = get16(archive, at + 32);
        const quint32 local = get32(archive, at + 42);
        if (at + 46 + nameLength > archive.size())
            return broken;
        const QString name = QString::fromUtf8(archive.mid(at + 46, nameLength));
        at += 46 + nameLength + extraLength + commentLength;
        if (qsizetype(local) + 30 > archive.size() || get32(archive, local) != 0x04034b50)
            return broken;
        const qsizetype data = qsizetype(local) + 30 + get16(archive, local + 26) + get16(archive, local + 28);
        if (data + qsizetype(compressedSize) > archive.size())
            return broken;
        total += qsizetype(size);
        if (total > kMaxTotal)
            return Error(tr("the ZIP archive unpacks to more than 1 GiB"));
        const QByteArray body = archive.mid(data, compressedSize);
        QByteArray content;
        if (method == 0)
            content = body;
        else if (method != 8 || !inflateRaw(body, size, &content))
            return Error(tr("the ZIP entry %1 cannot be read").arg(name));
        if (quint32(crc32(0, reinterpret_cast<const Bytef *>(content.constData()), uInt(content.size()))) != crc)
            return Error(tr("the ZIP entry %1 is damaged").arg(name));
        entries.append({name, content});
    }
    return entries;
}

} // namespace dubao
