// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace Core {
class Session;
}

// The case's status: the next steps forward only, in workflow order with the usual next step
// preselected; going back (returning work, a refused closure, reopening) is a separate action
// that needs a reason. Every change is confirmed first by a question that names both statuses,
// and a closure says before the click that a supervisor must approve it.
class StatusControl final : public QWidget
{
    Q_OBJECT

public:
    // Asks the user to confirm `text`; true to go ahead. Tests answer it themselves.
    using Confirm = std::function<bool(const QString &text)>;

    StatusControl(Core::Session &session, const QString &language, QWidget *parent = nullptr);

    void setConfirm(Confirm confirm) { m_confirm = std::move(confirm); }
    // The case and its current status (empty: no case, nothing offered).
    void setCase(const QString &caseId, const QString &status);

signals:
    void statusChanged();

private:
    void buildForwardRow();
    void buildBackRow();
    void targetChosen();
    void moveForward();
    void moveBack();
    bool move(const QString &to, const QString &reason, const QString &question);
    QString statusLabel(const QString &code) const;
    bool askConfirmation(const QString &text);

    Core::Session &m_session;
    QString m_language;
    QString m_caseId;
    QString m_status;
    Confirm m_confirm;
    QComboBox *m_forward;
    QLineEdit *m_reason;
    QPushButton *m_apply;
    QPushButton *m_backToggle;
    QLabel *m_note;
    QWidget *m_backPanel;
    QComboBox *m_back;
    QLineEdit *m_backReason;
    QLabel *m_error;
};
