// How the window speaks to the user when something needs saying or asking: message boxes and dialogs in the app.
// The parts of the window never decide for themselves whether to show a dialog; they ask this. Tests give the
// window their own UserFeedback (tests/support), which answers as the test decides and keeps what was said, so no
// production class carries a switch for tests.
#pragma once

#include <QString>
#include <QtGlobal>

class QWidget;

namespace dubao {

class UserFeedback
{
public:
    virtual ~UserFeedback();

    /// Something went wrong that the user must know (a warning box; in a window not yet shown, where no box can
    /// appear, the status bar).
    virtual void warn(QWidget *parent, const QString &title, const QString &message) = 0;
    /// Something worth knowing that needs no answer.
    virtual void inform(QWidget *parent, const QString &title, const QString &message) = 0;
    /// A yes/no question (yes is the default button when `yesIsDefault`); true for yes.
    virtual bool confirm(QWidget *parent, const QString &title, const QString &question, bool yesIsDefault = false) = 0;
    /// Shows a window that does not block (a progress dialog, an import report). The feedback takes ownership:
    /// the dialog is deleted when closed (or at once by a feedback that does not show dialogs).
    virtual void show(QWidget *dialog) = 0;
    /// Whether show() really shows: a part need not build a progress dialog nobody will see.
    virtual bool showsDialogs() const = 0;
};

/// The app's feedback: message boxes, dialogs shown window-modal where they belong to the window.
class DialogFeedback final : public UserFeedback
{
public:
    void warn(QWidget *parent, const QString &title, const QString &message) override;
    void inform(QWidget *parent, const QString &title, const QString &message) override;
    bool confirm(QWidget *parent, const QString &title, const QString &question, bool yesIsDefault = false) override;
    void show(QWidget *dialog) override;
    bool showsDialogs() const override { return true; }
};

} // namespace dubao
