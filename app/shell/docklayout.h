// How the docks share the window's height: the side docks (Library and Search, Tags; Notes and Notebook) run from
// the tool bar to the status bar, beside the bottom docks (Annotations, Concordance, Trends, People), so opening
// one at the bottom takes height from the reading pane, not from them; docks one above the other share a side so
// that each list shows kDockListRows rows; and when the side has no room for that, the lower dock is tabbed with the
// one above (QMainWindow::saveState remembers it, and the user can drag them apart again).
#pragma once

class QDockWidget;
class QMainWindow;

namespace dubao {

/// The rows of a list a dock always shows (its minimum height holds them).
inline constexpr int kDockListRows = 4;

/// Gives the side dock areas the bottom corners.
void giveSideDocksFullHeight(QMainWindow &window);
/// Sets the minimum height of each list (item view) in `dock` to two rows.
void keepDockListsReadable(QDockWidget &dock);
/// Gives side docks one above the other the height for kDockListRows rows of each list, or, when the side is too
/// low for that, tabs the lowest with the one above it (one a call: the window calls again once the layout has
/// placed them). Returns how many docks were tabbed.
int tabifyCrowdedSides(QMainWindow &window);
/// Narrows the side docks by up to `deficit` pixels (what the reading pane lacks of its readable width), one dock
/// per side (resizing it resizes its side), each side by its share of the room it has above its minimum width.
void narrowSideDocks(QMainWindow &window, int deficit);

} // namespace dubao
