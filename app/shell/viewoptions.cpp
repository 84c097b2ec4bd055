#include "app/shell/viewoptions.h"

#include "app/reader/originalview.h"
#include "app/reader/readerview.h"
#include "app/shell/actionregistry.h"
#include "app/shell/appsettings.h"
#include "app/shell/language.h"
#include "app/shell/mainwindow.h"

#include <QAction>
#include <QActionGroup>
#include <QCoreApplication>
#include <QMenu>
#include <QSplitter>
#include <QStatusBar>

namespace dubao {

using Menu = ActionRegistry::Menu;
using Section = ActionRegistry::Section;

ViewOptions::ViewOptions(MainWindow &window, QSplitter *splitter, ActionRegistry &actions)
    : QObject(&window)
    , m_window(window)
    , m_splitter(splitter)
{
    ReaderView *reader = window.reader();
    m_showOriginal = actions.add(Menu::View, Section::ViewText, QStringLiteral("actionShowOriginal"),
                                 QCoreApplication::translate("dubao::MainWindow", "Show &Original Text"),
                                 QKeySequence(Qt::CTRL | Qt::Key_U));
    m_showOriginal->setCheckable(true);
    m_showOriginal->setIconText(QCoreApplication::translate("dubao::MainWindow", "Original Text"));
    connect(m_showOriginal, &QAction::toggled, this, &ViewOptions::setShowOriginal);
    m_sideBySide = actions.add(Menu::View, Section::ViewText, QStringLiteral("actionSideBySide"),
                               QCoreApplication::translate("dubao::MainWindow", "Original &Beside the Article"));
    m_sideBySide->setCheckable(true);
    m_sideBySide->setChecked(true);
    connect(m_sideBySide, &QAction::toggled, this, &ViewOptions::updateOriginalLayout);

    QAction *zoomIn = actions.add(Menu::View, Section::ViewTextSize, QStringLiteral("actionZoomIn"),
                                  QCoreApplication::translate("dubao::MainWindow", "&Larger Text"));
    zoomIn->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_Equal), QKeySequence::ZoomIn});
    connect(zoomIn, &QAction::triggered, reader, &ReaderView::zoomInText);
    QAction *zoomOut = actions.add(Menu::View, Section::ViewTextSize, QStringLiteral("actionZoomOut"),
                                   QCoreApplication::translate("dubao::MainWindow", "&Smaller Text"),
                                   QKeySequence(Qt::CTRL | Qt::Key_Minus));
    connect(zoomOut, &QAction::triggered, reader, &ReaderView::zoomOutText);
    QAction *zoomReset = actions.add(Menu::View, Section::ViewTextSize, QStringLiteral("actionZoomReset"),
                                     QCoreApplication::translate("dubao::MainWindow", "&Default Text Size"),
                                     QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(zoomReset, &QAction::triggered, reader, &ReaderView::resetTextSize);
    registerThemes(actions);
}

// Theme and Language sit with the panels, after the Library Panel, as the View menu always had them.
void ViewOptions::registerThemes(ActionRegistry &actions)
{
    QMenu *theme = actions.addMenu(Menu::View, Section::ViewPanels, QStringLiteral("menuTheme"),
                                   QCoreApplication::translate("dubao::MainWindow", "&Theme"));
    m_themeGroup = new QActionGroup(this);
    const std::pair<Theme, QString> themes[] = {
        {Theme::System, QCoreApplication::translate("dubao::MainWindow", "&System")},
        {Theme::Light, QCoreApplication::translate("dubao::MainWindow", "&Light")},
        {Theme::Dark, QCoreApplication::translate("dubao::MainWindow", "&Dark")}};
    for (const auto &[value, text] : themes) {
        QAction *action = theme->addAction(text);
        action->setCheckable(true);
        action->setData(int(value));
        action->setObjectName(QStringLiteral("actionTheme%1").arg(int(value)));
        m_themeGroup->addAction(action);
        connect(action, &QAction::triggered, this, [value] {
            AppSettings::setTheme(value);
            applyTheme(value);
        });
    }

    QMenu *language = actions.addMenu(Menu::View, Section::ViewPanels, QStringLiteral("menuLanguage"),
                                      QCoreApplication::translate("dubao::MainWindow", "&Language"));
    m_languageGroup = new QActionGroup(this);
    const std::pair<QString, QString> languages[] = {
        {QStringLiteral("system"), QCoreApplication::translate("dubao::MainWindow", "&System")},
        {QStringLiteral("en"), QStringLiteral("English")},
        {QStringLiteral("zh_CN"), QStringLiteral("中文（简体）")}};
    for (const auto &[value, text] : languages) {
        QAction *action = language->addAction(text);
        action->setCheckable(true);
        action->setData(value);
        action->setObjectName(QStringLiteral("actionLanguage_%1").arg(value));
        m_languageGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, value] {
            if (value == AppSettings::language())
                return;
            AppSettings::setLanguage(value);
            // Live: every window, menu, dock and dialog follows at once (language.h says how).
            switchLanguage(value);
            m_window.statusBar()->showMessage(
                QCoreApplication::translate("dubao::MainWindow",
                                            "The language is switched. A message shown before the switch keeps its "
                                            "language until it is shown again."),
                8000);
        });
    }
}

void ViewOptions::restore()
{
    ReaderView *reader = m_window.reader();
    const QByteArray splitter = AppSettings::splitterState();
    if (!splitter.isEmpty())
        m_splitter->restoreState(splitter);
    if (const int size = AppSettings::textSize(); size > 0)
        reader->setTextSize(size);
    m_window.originalView()->setTextSize(std::max(8, reader->textSize() - 3));
    m_sideBySide->setChecked(AppSettings::sideBySide());
    m_showOriginal->setChecked(AppSettings::showOriginal());
    const Theme theme = AppSettings::theme();
    for (QAction *action : m_themeGroup->actions())
        action->setChecked(action->data().toInt() == int(theme));
    const QString language = AppSettings::language();
    for (QAction *action : m_languageGroup->actions())
        action->setChecked(action->data().toString() == language);
    m_window.originalView()->setVisible(isOriginalShown());
    updateOriginalLayout();
}

void ViewOptions::save() const
{
    AppSettings::setTextSize(m_window.reader()->textSize());
    AppSettings::setOriginalView(isOriginalShown(), m_sideBySide->isChecked());
}

void ViewOptions::setShowOriginal(bool show)
{
    if (m_showOriginal->isChecked() != show) {
        m_showOriginal->setChecked(show); // re-enters through toggled
        return;
    }
    OriginalView *original = m_window.originalView();
    original->setVisible(show);
    updateOriginalLayout();
    if (show)
        original->highlightBlock(m_window.reader()->blockIdAt(m_window.reader()->textCursor()));
}

bool ViewOptions::isOriginalShown() const
{
    return m_showOriginal->isChecked();
}

void ViewOptions::updateOriginalLayout()
{
    const bool show = isOriginalShown();
    const bool sideBySide = m_sideBySide->isChecked();
    m_window.originalView()->setVisible(show);
    m_window.reader()->setVisible(!show || sideBySide);
    // A pane that was hidden when the splitter last laid out (or saved its state) comes back a few pixels
    // wide: give the original text a readable share again (3 : 2, as the stretch factors say).
    if (show && sideBySide) {
        const QList<int> sizes = m_splitter->sizes();
        const int total = sizes.value(0) + sizes.value(1);
        if (total > 0 && sizes.value(1) < total / 4)
            m_splitter->setSizes({total * 3 / 5, total - total * 3 / 5});
    }
}

} // namespace dubao
