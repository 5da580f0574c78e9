// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;

namespace Core {
class Session;
struct Record;
} // namespace Core

// A form for adding one entry to a case (a risk assessment, a case-plan item, a service or
// referral), built from the entity's schema: code lists become combo boxes, dates date edits,
// long texts text areas. Saving goes through ActivityRepository; a refusal is shown next to the
// field it names and the input stays. In edit mode (edit()) the form shows a stored entry and
// saving updates it through the same validation; a field emptied there is cleared.
class EntryForm final : public QWidget
{
    Q_OBJECT

public:
    EntryForm(Core::Session &session, const QString &entity, const QStringList &fields,
              const QString &language, QWidget *parent = nullptr);

    void setCaseId(const QString &caseId) { m_caseId = caseId; }
    // Shows `record` (an entry of this form's entity) for correcting; save() then updates it.
    void edit(const Core::Record &record);
    const QString &recordId() const { return m_recordId; }
    // The input of a field, for a tab that reacts to what is chosen (the mediation warning).
    QWidget *input(const QString &field) const { return m_inputs.value(field); }
    // A widget shown above the save button, and a check it makes before every save (false: the
    // form is not saved; the widget says why).
    void addGuard(QWidget *widget, std::function<bool()> check);
    bool save();

signals:
    void saved(const QString &entryId);

private:
    QVariant valueOf(const QString &field) const;
    void setValue(const QString &field, const QVariant &value);
    void clear();

    Core::Session &m_session;
    QString m_entity;
    QString m_caseId;
    QStringList m_fields;
    QHash<QString, QWidget *> m_inputs;
    QHash<QString, QLabel *> m_errors;
    QLabel *m_formError;
    QPushButton *m_save;
    QString m_recordId; // the entry being corrected; empty when adding
    QList<std::function<bool()>> m_guards;
};
