#include "app/shell/appsettings.h"

#include "core/ingest/corrector.h"
#include "core/store/authorship.h"
#include "core/store/dialect.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QFileInfo>
#include <QPalette>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace dubao {

namespace {

const QString kTextSize = QStringLiteral("reader/textSize");
const QString kTheme = QStringLiteral("view/theme");
const QString kLanguage = QStringLiteral("view/language");
const QString kRecent = QStringLiteral("libraries/recent");
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kSplitter = QStringLiteral("window/splitter");
const QString kShowOriginal = QStringLiteral("view/showOriginal");
const QString kSideBySide = QStringLiteral("view/sideBySide");
const QString kCorrectionAuthor = QStringLiteral("corrections/author");

QString positionGroup(const QString &libraryPath)
{
    // One group per library file; the path is hashed because QSettings keys cannot hold every path character.
    const QByteArray key = QFileInfo(libraryPath).absoluteFilePath().toUtf8();
    return QStringLiteral("positions/") +
           QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex().left(16));
}

} // namespace

namespace AppSettings {

QString correctionAuthor()
{
    const QString set = correctionAuthorSetting();
    return set.isEmpty() ? Corrector::defaultAuthor() : set;
}

QString correctionAuthorSetting()
{
    return QSettings().value(kCorrectionAuthor).toString().trimmed();
}

void setCorrectionAuthor(const QString &author)
{
    if (author.trimmed().isEmpty())
        QSettings().remove(kCorrectionAuthor);
    else
        QSettings().setValue(kCorrectionAuthor, author.trimmed());
    applyAuthor();
}

void applyAuthor()
{
    // The same name is the author of the annotations a personal library records (schema v15), as of corrections.
    authorship::setUserName(correctionAuthor());
}

int textSize()
{
    return QSettings().value(kTextSize, 0).toInt();
}

void setTextSize(int points)
{
    QSettings().setValue(kTextSize, points);
}

Theme theme()
{
    const QString value = QSettings().value(kTheme).toString();
    if (value == QLatin1String("light"))
        return Theme::Light;
    if (value == QLatin1String("dark"))
        return Theme::Dark;
    return Theme::System;
}

void setTheme(Theme theme)
{
    QSettings().setValue(kTheme, theme == Theme::Light  ? QStringLiteral("light")
                                 : theme == Theme::Dark ? QStringLiteral("dark")
                                                        : QStringLiteral("system"));
}

QString language()
{
    const QString value = QSettings().value(kLanguage).toString();
    return value == QLatin1String("en") || value == QLatin1String("zh_CN") ? value : QStringLiteral("system");
}

void setLanguage(const QString &language)
{
    QSettings().setValue(kLanguage, language);
}

QStringList recentLibraries()
{
    return QSettings().value(kRecent).toStringList();
}

namespace {

/// A file's absolute path; a team library's address as it is (it holds no password: Library refuses one).
QString recentEntry(const QString &path)
{
    return dialect::isServerUrl(path) ? path : QFileInfo(path).absoluteFilePath();
}

} // namespace

void addRecentLibrary(const QString &path)
{
    const QString absolute = recentEntry(path);
    QStringList recent = recentLibraries();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > MaxRecentLibraries)
        recent.removeLast();
    QSettings().setValue(kRecent, recent);
}

void removeRecentLibrary(const QString &path)
{
    QStringList recent = recentLibraries();
    recent.removeAll(recentEntry(path));
    QSettings().setValue(kRecent, recent);
}

QString lastLibrary()
{
    const QStringList recent = recentLibraries();
    return recent.isEmpty() ? QString() : recent.front();
}

ReadingPosition readingPosition(const QString &libraryPath)
{
    QSettings settings;
    settings.beginGroup(positionGroup(libraryPath));
    return ReadingPosition{settings.value(QStringLiteral("article")).toLongLong(),
                           settings.value(QStringLiteral("topBlock")).toLongLong()};
}

void setReadingPosition(const QString &libraryPath, const ReadingPosition &position)
{
    QSettings settings;
    settings.beginGroup(positionGroup(libraryPath));
    settings.setValue(QStringLiteral("article"), position.articleId);
    settings.setValue(QStringLiteral("topBlock"), position.topBlockId);
}

QByteArray windowGeometry()
{
    return QSettings().value(kGeometry).toByteArray();
}

QByteArray windowState()
{
    return QSettings().value(kState).toByteArray();
}

QByteArray splitterState()
{
    return QSettings().value(kSplitter).toByteArray();
}

void setWindowLayout(const QByteArray &geometry, const QByteArray &state, const QByteArray &splitter)
{
    QSettings settings;
    settings.setValue(kGeometry, geometry);
    settings.setValue(kState, state);
    settings.setValue(kSplitter, splitter);
}

bool showOriginal()
{
    return QSettings().value(kShowOriginal, false).toBool();
}

bool sideBySide()
{
    return QSettings().value(kSideBySide, true).toBool();
}

void setOriginalView(bool show, bool sideBySide)
{
    QSettings settings;
    settings.setValue(kShowOriginal, show);
    settings.setValue(kSideBySide, sideBySide);
}

} // namespace AppSettings

void applyTheme(Theme theme)
{
    // The platform's own style, remembered the first time so System can go back to it.
    static const QString platformStyle = QApplication::style()->name();
    static const QPalette platformPalette = QApplication::palette();
    if (theme == Theme::System) {
        if (QApplication::style()->name() != platformStyle)
            QApplication::setStyle(QStyleFactory::create(platformStyle));
        QApplication::setPalette(platformPalette);
        return;
    }
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    if (theme == Theme::Light) {
        QApplication::setPalette(QApplication::style()->standardPalette());
        return;
    }
    QPalette dark;
    const QColor window(0x2b, 0x2b, 0x2e);
    const QColor base(0x1f, 0x1f, 0x22);
    const QColor text(0xdc, 0xdc, 0xd8);
    const QColor disabled(0x80, 0x80, 0x80);
    dark.setColor(QPalette::Window, window);
    dark.setColor(QPalette::WindowText, text);
    dark.setColor(QPalette::Base, base);
    dark.setColor(QPalette::AlternateBase, QColor(0x27, 0x27, 0x2a));
    dark.setColor(QPalette::ToolTipBase, window);
    dark.setColor(QPalette::ToolTipText, text);
    dark.setColor(QPalette::PlaceholderText, QColor(0x8a, 0x8a, 0x88));
    dark.setColor(QPalette::Text, text);
    dark.setColor(QPalette::Button, window);
    dark.setColor(QPalette::ButtonText, text);
    dark.setColor(QPalette::BrightText, Qt::white);
    dark.setColor(QPalette::Link, QColor(0x6c, 0xa8, 0xf0));
    dark.setColor(QPalette::Highlight, QColor(0x3d, 0x6f, 0xb0));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::Light, QColor(0x3a, 0x3a, 0x3e));
    dark.setColor(QPalette::Midlight, QColor(0x33, 0x33, 0x36));
    dark.setColor(QPalette::Mid, QColor(0x24, 0x24, 0x26));
    dark.setColor(QPalette::Dark, QColor(0x18, 0x18, 0x1a));
    dark.setColor(QPalette::Shadow, Qt::black);
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        dark.setColor(QPalette::Disabled, role, disabled);
    QApplication::setPalette(dark);
}

} // namespace dubao
