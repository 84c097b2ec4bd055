// The View menu's reading options: the original text (shown, and beside the article or instead of it), the text
// size, the theme and the language; remembered in the settings.
#pragma once

#include <QObject>

class QAction;
class QActionGroup;
class QSplitter;

namespace dubao {

class ActionRegistry;
class MainWindow;

class ViewOptions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ViewOptions)

public:
    /// `splitter` holds the reader's pane and the original text.
    ViewOptions(MainWindow &window, QSplitter *splitter, ActionRegistry &actions);

    QAction *showOriginalAction() const { return m_showOriginal; }
    void setShowOriginal(bool show);
    bool isOriginalShown() const;

    /// Applies the settings to the actions, the splitter and the reader's text size.
    void restore();
    void save() const;

private:
    void registerThemes(ActionRegistry &actions);
    void updateOriginalLayout();

    MainWindow &m_window;
    QSplitter *m_splitter;
    QAction *m_showOriginal;
    QAction *m_sideBySide;
    QActionGroup *m_themeGroup = nullptr;
    QActionGroup *m_languageGroup = nullptr;
};

} // namespace dubao
