// ActionRegistry: menus in their order, actions in their sections with separators between, ids, and editing
// actions held off while the library is read-only.
#include "app/shell/actionregistry.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QTest>

using namespace dubao;
using Menu = ActionRegistry::Menu;
using Section = ActionRegistry::Section;
using Kind = ActionRegistry::Kind;

namespace {

QStringList names(std::initializer_list<const char *> items)
{
    QStringList result;
    for (const char *item : items)
        result << QString::fromLatin1(item);
    return result;
}

} // namespace

class TestActionRegistry : public QObject
{
    Q_OBJECT

private:
    /// The menu's entries as text: action ids, "-" for a separator.
    static QStringList entries(QMenu *menu)
    {
        QStringList result;
        for (QAction *action : menu->actions())
            result << (action->isSeparator() ? QStringLiteral("-") : action->objectName());
        return result;
    }

private slots:
    void add_placesBySectionThenOrder()
    {
        QMainWindow window;
        ActionRegistry registry(&window);
        registry.add(Menu::File, Section::FileQuit, QStringLiteral("quit"), QStringLiteral("Quit"));
        registry.add(Menu::File, Section::FileLibrary, QStringLiteral("open"), QStringLiteral("Open"));
        registry.add(Menu::File, Section::FileBackup, QStringLiteral("backUp"), QStringLiteral("Back Up"));
        registry.add(Menu::File, Section::FileLibrary, QStringLiteral("new"), QStringLiteral("New"));
        registry.add(Menu::File, Section::FileBackup, QStringLiteral("restore"), QStringLiteral("Restore"));
        QCOMPARE(entries(registry.menu(Menu::File)), names({"open", "new", "-", "backUp", "restore", "-", "quit"}));
        QCOMPARE(registry.action(QStringLiteral("restore"))->text(), QStringLiteral("Restore"));
        QCOMPARE(registry.action(QStringLiteral("nothing")), nullptr);
    }

    void addMenu_isPlacedLikeAnAction()
    {
        QMainWindow window;
        ActionRegistry registry(&window);
        registry.add(Menu::View, Section::ViewLook, QStringLiteral("fullScreen"), QStringLiteral("Full Screen"));
        QMenu *panels =
            registry.addMenu(Menu::View, Section::ViewPanels, QStringLiteral("menuPanels"), QStringLiteral("Panels"));
        panels->addAction(QStringLiteral("Notes"));
        QCOMPARE(entries(registry.menu(Menu::View)), names({"menuPanels", "-", "fullScreen"}));
        QCOMPARE(registry.menu(Menu::View)->actions().front()->menu(), panels);
    }

    void populate_addsMenusThatHoldSomethingInOrder()
    {
        QMainWindow window;
        ActionRegistry registry(&window);
        registry.add(Menu::Help, Section::HelpAbout, QStringLiteral("about"), QStringLiteral("About"));
        registry.add(Menu::File, Section::FileQuit, QStringLiteral("quit"), QStringLiteral("Quit"));
        registry.add(Menu::Go, Section::GoArticles, QStringLiteral("next"), QStringLiteral("Next"));
        registry.populate(window.menuBar());
        QStringList menus;
        for (QAction *action : window.menuBar()->actions())
            menus << action->menu()->objectName();
        QCOMPARE(menus, names({"menuFile", "menuGo", "menuHelp"}));
        QCOMPARE(registry.actions().size(), 3);
    }

    void readOnly_keepsEditingActionsOffAndRestoresWhatTheOwnerWanted()
    {
        QMainWindow window;
        ActionRegistry registry(&window);
        QAction *read = registry.add(Menu::Edit, Section::EditFind, QStringLiteral("find"), QStringLiteral("Find"));
        QAction *import = registry.add(Menu::File, Section::FileImport, QStringLiteral("import"),
                                       QStringLiteral("Import"), {}, Kind::Editing);
        QAction *note = registry.add(Menu::Annotate, Section::AnnotateNote, QStringLiteral("note"),
                                     QStringLiteral("Note"), {}, Kind::Editing);
        note->setEnabled(false); // its owner: no paragraph under the cursor
        QVERIFY(registry.isEditing(import));
        QVERIFY(!registry.isEditing(read));

        registry.setReadOnly(true);
        QVERIFY(read->isEnabled());
        QVERIFY(!import->isEnabled());
        import->setEnabled(true); // an owner updating its actions cannot turn it back on
        QVERIFY(!import->isEnabled());
        note->setEnabled(true); // ... but what it asked for is remembered

        registry.setReadOnly(false);
        QVERIFY(import->isEnabled());
        QVERIFY(note->isEnabled());
        note->setEnabled(false);
        registry.setReadOnly(true);
        registry.setReadOnly(false);
        QVERIFY(!note->isEnabled());
    }

    void readOnly_appliesToActionsRegisteredLater()
    {
        QMainWindow window;
        ActionRegistry registry(&window);
        registry.setReadOnly(true);
        QAction *tag = registry.add(Menu::Annotate, Section::AnnotateHighlight, QStringLiteral("tag"),
                                    QStringLiteral("Tag"), {}, Kind::Editing);
        QVERIFY(!tag->isEnabled());
        registry.setReadOnly(false);
        QVERIFY(tag->isEnabled());
    }
};

QTEST_MAIN(TestActionRegistry)
#include "tst_actionregistry.moc"
