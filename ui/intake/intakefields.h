// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QString>

#include <optional>

namespace Core {
class Validator;
}

class QLabel;
class QLineEdit;
class QWidget;

// The inputs of the intake, each with the message label under it, by key ("reported_on",
// "victim1.nik"): page checks and errors from the store reach a field the same way. Dates are typed
// and shown in the UI language's short format, always with a four-digit year.
class IntakeFields final
{
    // The intake's messages keep the wizard's translation context, wherever they are checked.
    Q_DECLARE_TR_FUNCTIONS(IntakeWizard)

public:
    // How a message under a field reads: red (blocks Next or saving), amber, or a grey hint.
    enum class Tone { Error, Warning, Hint };

    IntakeFields(const Core::Validator &validator, const QString &language);

    const QString &language() const { return m_language; }

    // Wraps `input` with a hidden message label named `<errorName>Error` under it, and remembers
    // both as `key` on wizard page `page`, for checks and for routing store errors.
    QWidget *field(int page, const QString &key, QWidget *input, const QString &errorName);
    // Forgets every field whose key starts with `prefix` ("victim2."), when its form goes away.
    void removeFields(const QString &prefix);
    bool contains(const QString &key) const { return m_slots.contains(key); }
    // The wizard page of `key`, or -1.
    int page(const QString &key) const;

    void showError(const QString &key, const QString &message, Tone tone = Tone::Error);
    void clearError(const QString &key);
    void clearErrors(int page);
    // Shows the tab that holds `key` and focuses its input; the page must be showing already.
    void focus(const QString &key) const;

    // A date typed in the UI language's short format (any of / . - between the parts) or ISO.
    std::optional<QDate> parseDate(const QString &text) const;
    // The typed date in ISO form for the store; empty when there is none.
    QString isoDate(const QString &text) const;
    QString formatDate(QDate date) const;
    // Reads a date field; an invalid or future date shows its error and returns false.
    bool readDate(const QString &key, const QLineEdit *edit, bool required, QString *iso);
    bool readAge(const QString &key, const QLineEdit *edit, std::optional<int> *age);

private:
    // One input of the form and the label under it; `page` is where it lives.
    struct Slot
    {
        int page = -1;
        QWidget *input = nullptr;
        QLabel *error = nullptr;
    };

    const Core::Validator &m_validator;
    const QString m_language;
    QString m_dateFormat; // how dates are typed, from the UI language's locale
    QHash<QString, Slot> m_slots;
};
