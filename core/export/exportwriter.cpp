#include "core/export/exportwriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace dubao {

ExportWriter::~ExportWriter() = default;

Result<void> exportToFile(const ExportWriter &writer, const ExportDocument &document, const ExportOptions &options,
                          const QString &path, const ExportProgress &progress)
{
    auto fail = [&](const QString &reason) {
        return Error(QCoreApplication::translate("dubao::ExportWriter", "Could not write %1: %2")
                         .arg(QDir::toNativeSeparators(path), reason));
    };
    if (path.isEmpty())
        return fail(QCoreApplication::translate("dubao::ExportWriter", "no file name given"));
    if (QFileInfo(path).isDir())
        return fail(QCoreApplication::translate("dubao::ExportWriter", "it is a folder"));
    // QSaveFile writes "<path>.XXXXXX" next to the target and renames it over the target on commit(); on any
    // failure the temporary file is removed and an existing target is left untouched.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(file.errorString());
    if (const Result<void> written = writer.write(document, options, file, progress); !written) {
        file.cancelWriting();
        const QString &reason = written.error().message();
        return fail(reason.isEmpty() ? file.errorString() : reason);
    }
    if (!file.commit())
        return fail(file.errorString());
    return {};
}

QString safeExportFileName(const QString &title, const QString &suffix)
{
    QString name;
    for (const QChar c : title.normalized(QString::NormalizationForm_C)) {
        const ushort u = c.unicode();
        if (u < 0x20 || u == 0x7f || QStringLiteral("<>:\"/\\|?*").contains(c) ||
            c.category() == QChar::Other_Format) // RTL/LTR marks and the like
            name += u'_';
        else if (c.isSpace())
            name += u' ';
        else
            name += c;
    }
    name = name.simplified();
    while (name.startsWith(u'.') || name.startsWith(u' ') || name.startsWith(u'-'))
        name.remove(0, 1);
    if (name.size() > 120) {
        name.truncate(120);
        if (name.back().isHighSurrogate())
            name.chop(1);
    }
    while (name.endsWith(u'.') || name.endsWith(u' '))
        name.chop(1);
    static const QStringList reserved{QStringLiteral("CON"), QStringLiteral("PRN"), QStringLiteral("AUX"),
                                      QStringLiteral("NUL")};
    const QString upper = name.section(u'.', 0, 0).toUpper();
    if (reserved.contains(upper) ||
        ((upper.startsWith(QLatin1String("COM")) || upper.startsWith(QLatin1String("LPT"))) && upper.size() == 4 &&
         upper.back().isDigit()))
        name.prepend(u'_');
    if (name.isEmpty() || name == QLatin1String("_"))
        name = QStringLiteral("dubao-export");
    return name + u'.' + suffix;
}

} // namespace dubao
