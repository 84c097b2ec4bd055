// Settings of a test's own: QSettings and QStandardPaths kept away from the real user's files (widget tests).
#pragma once

#include <QCoreApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace dubao::test {

/// Keeps QSettings and QStandardPaths away from the real user's files, for the whole test run.
inline void isolate(const QTemporaryDir &dir)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Dubao"));
    QCoreApplication::setApplicationName(QStringLiteral("DubaoTest"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.filePath(QStringLiteral("settings")));
    QSettings().clear();
}

} // namespace dubao::test
