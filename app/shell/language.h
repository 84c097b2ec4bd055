// The user interface language: English in the code, Chinese (zh_CN) from the translation compiled into the app.
#pragma once

#include <QLocale>
#include <QString>

namespace dubao {

/// The locale the UI uses for a language setting ("system", "en", "zh_CN").
QLocale uiLocale(const QString &languageSetting);

/// Sets the default QLocale and installs Dubao's and Qt's translators for it (as children of the application).
/// Returns true when a Dubao translation was loaded (false for English).
bool installTranslations(const QString &languageSetting);

} // namespace dubao
