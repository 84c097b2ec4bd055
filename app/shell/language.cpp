#include "app/shell/language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace dubao {

QLocale uiLocale(const QString &languageSetting)
{
    if (languageSetting == QLatin1String("en"))
        return QLocale(QLocale::English, QLocale::UnitedStates);
    if (languageSetting == QLatin1String("zh_CN"))
        return QLocale(QLocale::Chinese, QLocale::SimplifiedChineseScript, QLocale::China);
    return QLocale::system();
}

bool installTranslations(const QString &languageSetting)
{
    const QLocale locale = uiLocale(languageSetting);
    QLocale::setDefault(locale);
    if (locale.language() != QLocale::Chinese)
        return false;
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    auto *app = new QTranslator(QCoreApplication::instance());
    // Compiled from translations/dubao_zh_CN.ts by qt_add_translations into the :/i18n resource.
    if (app->load(locale, QStringLiteral("dubao"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(app);
        return true;
    }
    delete app;
    return false;
}

} // namespace dubao
