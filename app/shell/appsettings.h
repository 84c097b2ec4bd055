// What the desktop app remembers between runs (QSettings under organisation and application "Dubao").
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace dubao {

enum class Theme
{
    System,
    Light,
    Dark
};

namespace AppSettings {

constexpr int MaxRecentLibraries = 8;

int textSize();
void setTextSize(int points);

Theme theme();
void setTheme(Theme theme);

/// "system", "en" or "zh_CN"; applied at the next start.
QString language();
void setLanguage(const QString &language);

QStringList recentLibraries();
/// Moves `path` to the front of the recent list.
void addRecentLibrary(const QString &path);
void removeRecentLibrary(const QString &path);
QString lastLibrary();

/// Where the reader was in a library: the article and the paragraph at the top of the pane.
struct ReadingPosition
{
    qint64 articleId = 0;
    qint64 topBlockId = 0;
};
ReadingPosition readingPosition(const QString &libraryPath);
void setReadingPosition(const QString &libraryPath, const ReadingPosition &position);

QByteArray windowGeometry();
QByteArray windowState();
QByteArray splitterState();
void setWindowLayout(const QByteArray &geometry, const QByteArray &state, const QByteArray &splitter);

/// The author name the reader's corrections of the OCR record: the one set in Preferences, else the system's name
/// for the user (Corrector::defaultAuthor()).
QString correctionAuthor();
/// The name set in Preferences; empty when none is.
QString correctionAuthorSetting();
/// Spaces around it are dropped; empty goes back to the login name. Also applies it (applyAuthor()).
void setCorrectionAuthor(const QString &author);
/// Makes the name set in Preferences the author of what this process writes to a personal library: its
/// corrections and, from schema v15, its annotations (authorship::setUserName()). A team library records the
/// server login instead.
void applyAuthor();

bool showOriginal();
bool sideBySide();
void setOriginalView(bool show, bool sideBySide);

} // namespace AppSettings

/// Applies a theme to the application: System restores the platform's style and palette, Light and Dark use
/// Fusion with a light or dark palette.
void applyTheme(Theme theme);

} // namespace dubao
