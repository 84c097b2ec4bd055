// Help → Keyboard Shortcuts: every action with a shortcut, read from the window's action registry (its menus, in
// their order) so the list is never out of date.
#pragma once

#include <QDialog>

class QTableWidget;

namespace dubao {

class ActionRegistry;

class ShortcutsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutsDialog)

public:
    explicit ShortcutsDialog(const ActionRegistry &actions, QWidget *parent = nullptr);

    /// Rows listed (menu path, shortcut), for tests.
    int rowCount() const;

private:
    QTableWidget *m_table;
};

} // namespace dubao
