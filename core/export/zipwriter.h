// A ZIP archive written to a device: what OpenDocument (.odt) and REFI-QDA (.qdpx) files are. Entries are
// deflated (zlib), or stored when asked (an ODF package's "mimetype" must be the first entry, stored).
#pragma once

#include "core/model/result.h"

#include <QByteArray>
#include <QList>
#include <QString>

class QIODevice;

namespace dubao {

class ZipWriter
{
public:
    explicit ZipWriter(QIODevice &device);

    /// Appends an entry named `name` (UTF-8, '/'-separated); `store` writes it uncompressed.
    void addFile(const QString &name, const QByteArray &data, bool store = false);
    /// Writes the central directory; an error when any write failed.
    Result<void> finish();

private:
    struct Entry
    {
        QByteArray name;
        quint32 crc = 0;
        quint32 compressedSize = 0;
        quint32 size = 0;
        quint16 method = 0;
        quint32 offset = 0;
    };
    void write(const QByteArray &bytes);

    QIODevice &m_device;
    QList<Entry> m_entries;
    quint32 m_offset = 0;
    bool m_ok = true;
};

/// The entries of a ZIP archive by name (stored or deflated entries; an error for anything else, a broken file or
/// one that unpacks to more than 1 GiB).
Result<QList<std::pair<QString, QByteArray>>> readZip(const QByteArray &archive);

} // namespace dubao
