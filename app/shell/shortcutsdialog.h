// Help → Keyboard Shortcuts: every menu action with a shortcut, read from the menus themselves so the list
// is never out of date.
#pragma once

#include <QDialog>

class QMenuBar;
class QTableWidget;

namespace dubao {

class ShortcutsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutsDialog)

public:
    explicit ShortcutsDialog(QMenuBar *menuBar, QWidget *parent = nullptr);

    /// Rows listed (menu path, shortcut), for tests.
    int rowCount() const;

private:
    QTableWidget *m_table;
};

} // namespace dubao
