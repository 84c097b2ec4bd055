// The UserFeedback the widget tests give a window: no message box ever opens; what the window said is kept for
// the test to assert on, and questions get the answer the test chose. Progress dialogs are left out unless the test
// asks for them (`dialogs`).
#pragma once

#include "app/shell/userfeedback.h"

#include <QStringList>
#include <QWidget>

#include <functional>

namespace dubao::test {

class RecordingFeedback final : public UserFeedback
{
public:
    void warn(QWidget *, const QString &title, const QString &message) override
    {
        warnings << title + QStringLiteral(": ") + message;
    }
    void inform(QWidget *, const QString &title, const QString &message) override
    {
        information << title + QStringLiteral(": ") + message;
    }
    bool confirm(QWidget *, const QString &title, const QString &question, bool) override
    {
        questions << title + QStringLiteral(": ") + question;
        if (beforeAnswer)
            beforeAnswer();
        return answer;
    }
    void show(QWidget *dialog) override
    {
        shown << dialog->objectName();
        delete dialog;
    }
    bool showsDialogs() const override { return dialogs; }

    bool answer = true;                 ///< what confirm() answers
    std::function<void()> beforeAnswer; ///< run by confirm() before it answers (a test acts in between)
    bool dialogs = false;               ///< what showsDialogs() answers: true makes long work show its progress dialog
    QStringList warnings;
    QStringList information;
    QStringList questions;
    QStringList shown; ///< object names of the dialogs show() was given
};

} // namespace dubao::test
