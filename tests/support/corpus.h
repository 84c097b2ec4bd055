// The real corpus, for the test programs labelled `corpus` (dubao_add_test(... CORPUS)): only they are compiled
// with DUBAO_CORPUS_DIR, and corpuscheck.cpp fails them at start when the folder holds no issue files.
#pragma once

#ifndef DUBAO_CORPUS_DIR
#error "this test reads the real corpus: give it CORPUS in its dubao_add_test() line"
#endif

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QStringList>

namespace dubao::test {

inline QString corpusDir()
{
    return QDir::cleanPath(QStringLiteral(DUBAO_CORPUS_DIR));
}

/// The corpus's issue files (*.txt), absolute paths in name order.
inline QStringList corpusFiles()
{
    QStringList files;
    const QDir dir(corpusDir());
    for (const QString &name : dir.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name))
        files.append(dir.absoluteFilePath(name));
    return files;
}

inline int corpusFileCount()
{
    return int(corpusFiles().size());
}

/// The one corpus file named "PREFIX_*.txt" (the corpus's files are numbered: "000_…"), empty when there is
/// not exactly one.
inline QString corpusFile(const QString &prefix)
{
    const QDir dir(corpusDir());
    const QStringList files = dir.entryList({prefix + QStringLiteral("_*.txt")}, QDir::Files);
    return files.size() == 1 ? dir.filePath(files.front()) : QString();
}

/// Writes `copies` copies of every corpus file into `folder` (made when missing), named "PREFIX K NAME", each
/// new content with the articles of its original: its bytes and then `salt + k + 1` line ends (a salt keeps
/// batches of copies apart). Returns their paths; fewer than expected when a file could not be written.
inline QStringList writeCorpusCopies(const QString &folder, int copies, const QString &prefix = QStringLiteral("copy"),
                                     int salt = 0)
{
    QDir().mkpath(folder);
    QStringList made;
    for (const QString &original : corpusFiles()) {
        QFile in(original);
        if (!in.open(QIODevice::ReadOnly))
            continue;
        const QByteArray bytes = in.readAll();
        for (int k = 0; k < copies; ++k) {
            const QString name = QDir(folder).filePath(QStringLiteral("%1 %2 %3")
                                                           .arg(prefix)
                                                           .arg(k, 3, 10, QLatin1Char('0'))
                                                           .arg(QFileInfo(original).fileName()));
            QFile out(name);
            const QByteArray content = bytes + QByteArray(salt + k + 1, '\n');
            if (out.open(QIODevice::WriteOnly) && out.write(content) == content.size())
                made << name;
        }
    }
    return made;
}

} // namespace dubao::test
