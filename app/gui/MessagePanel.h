// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

#include <functional>

class QListWidget;
class QHBoxLayout;
class QLabel;
class QPushButton;

namespace tt {

//! The message area under the 3D view: errors, warnings and notices with the
//! file and feature they concern, newest first, and an optional action bar
//! for a question that must not block (e.g. "recover the autosave?").
class MessagePanel : public QWidget {
    Q_OBJECT
public:
    enum class Level { Info, Warning, Error };

    explicit MessagePanel(QWidget *parent = nullptr);

    void addMessage(Level level, const QString &text);
    //! Shows a question with buttons; each button runs its action and closes the bar.
    void ask(const QString &question, const QList<QPair<QString, std::function<void()>>> &actions);
    int messageCount() const;
    QString messageText(int row) const;
    void clearMessages();
    bool isAsking() const;
    //! Triggers the action of the open question by its button label (for tests and scripts).
    bool answer(const QString &buttonText);

private:
    void closeQuestion();

    QListWidget *m_list;
    QWidget *m_questionBar;
    QLabel *m_question;
    QHBoxLayout *m_buttons;
};

} // namespace tt
