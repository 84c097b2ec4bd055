// What the app cannot do on a team library yet says so where the user looks for it: a dock whose view needs tables
// a team library does not have (Reuse: issue 13) shows a plain message instead of an empty view while a team
// library is open, and its view again when a library file is.
#pragma once

#include <QString>

class QDockWidget;

namespace dubao {

class MainWindow;

/// Puts `dock`'s view and a message naming `what` in a stack and switches between them as libraries open.
void showUnavailableOnTeamLibrary(MainWindow &window, QDockWidget *dock, const QString &what);

} // namespace dubao
