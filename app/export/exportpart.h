// Where the window opens the export dialog: File → Export…, and the Export… buttons of the annotations panel (its
// current filter) and the notebook view (the open notebook). And the way back in: File → Import Annotations from
// REFI-QDA… reads a .qdpx (what QDA programs exchange) onto the articles it quotes, as one undo step.
#pragma once

#include <QObject>

namespace dubao {

class ActionRegistry;
class MainWindow;
struct AnnotationFilter;

class ExportPart final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportPart)

public:
    ExportPart(MainWindow &window, ActionRegistry &actions);

    /// Connects the annotations panel's and the notebook view's Export… (once the annotations part made them).
    void connectPanelExports();

    /// Reads the annotations of the REFI-QDA project at `path` into the open library and says what it added.
    void importQdpx(const QString &path);

private:
    MainWindow &m_window;
};

} // namespace dubao
