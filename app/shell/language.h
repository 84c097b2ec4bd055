// The user interface language: English in the code, Chinese (zh_CN) from the translation compiled into the app;
// switched live (switchLanguage), without a restart.
#pragma once

#include <QLocale>
#include <QString>

#include <functional>

class QWidget;

namespace dubao {

/// The locale the UI uses for a language setting ("system", "en", "zh_CN").
QLocale uiLocale(const QString &languageSetting);

/// Sets the default QLocale and installs Dubao's and Qt's translators for it (as children of the application),
/// in place of those of an earlier call. Returns true when a Dubao translation was loaded (false for English).
/// From the first call on, every translated text the program asks for is remembered (its context and source), so
/// that switchLanguage() can find the texts the widgets show.
bool installTranslations(const QString &languageSetting);

/// Switches the running program to `languageSetting`: installs its translators (installTranslations), then gives
/// every widget of every window, menu, action, dock title, label, button, field, tab and combo box item, and every
/// item view's header, the text its translation has in the new language; Qt sends each widget a
/// QEvent::LanguageChange, on which the parts with composed texts (counts, status fields) compose them again.
/// Texts composed with values before the switch and not composed again (a message already shown) keep their
/// language until they are next shown. Returns how many texts changed.
int switchLanguage(const QString &languageSetting);

/// Calls `follow` on each QEvent::LanguageChange `widget` gets (for the texts it composes with values), for as
/// long as the widget lives.
void followLanguageChanges(QWidget *widget, std::function<void()> follow);

} // namespace dubao
