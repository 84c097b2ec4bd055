#include "app/cli/cliprogram.h"

#include "app/cli/commands.h"
#include "core/export/exportformat.h"

#include <QByteArray>
#include <QFileInfo>
#include <QStringList>
#include <QTextStream>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace dubao::cli {

namespace {

constexpr const char *kHelperName = "dubao-cli-render";

Result<void> writeWithoutHelper(const ExportDocument &, const ExportOptions &, QIODevice &, const ExportProgress &)
{
    return Error(QStringLiteral("this format is written by %1, which dubao-cli could not run")
                     .arg(QString::fromLatin1(kHelperName)));
}

ExportFormat helperFormat(const char *name, int order)
{
    return {.name = QString::fromLatin1(name),
            .suffix = QString::fromLatin1(name),
            .order = order,
            .grouping = true,
            .needsGui = true,
            .createWriter = makeExportWriter<writeWithoutHelper>};
}

} // namespace

void registerHelperDocumentFormats()
{
    registerExportFormat(helperFormat("odt", 50)); // as app/render/odtwriter.cpp and pdfwriter.cpp describe them
    registerExportFormat(helperFormat("pdf", 60));
}

int execRenderHelper(char *argv[])
{
    const QString dir = QFileInfo(QStringLiteral("/proc/self/exe")).canonicalPath();
    const QString name = QString::fromLatin1(kHelperName);
    const QStringList candidates{dir + u'/' + name, dir + QStringLiteral("/../libexec/dubao/") + name};
    for (const QString &candidate : candidates) {
        const QByteArray path = QFile::encodeName(candidate);
        if (::access(path.constData(), X_OK) != 0)
            continue;
        std::fflush(stdout);
        ::execv(path.constData(), argv);
        std::fprintf(stderr, "dubao-cli: cannot run %s: %s\n", path.constData(), std::strerror(errno));
        return 1;
    }
    std::fprintf(stderr, "dubao-cli: ODT and PDF are written by %s, which is not installed beside dubao-cli\n",
                 kHelperName);
    return 1;
}

int runApplication(const QCoreApplication &app)
{
    QCoreApplication::setOrganizationName(QStringLiteral("Dubao"));
    QCoreApplication::setApplicationName(QStringLiteral("Dubao"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DUBAO_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    const int code = run(app.arguments().mid(1), {out, err});
    out.flush();
    err.flush();
    return code;
}

} // namespace dubao::cli
