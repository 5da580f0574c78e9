// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QWidget>

class QLabel;

namespace Core {
class Session;
}

// A form for adding one entry to a case (a risk assessment, a case-plan item, a service or
// referral), built from the entity's schema: code lists become combo boxes, dates date edits,
// long texts text areas. Saving goes through ActivityRepository; a refusal is shown next to the
// field it names and the input stays.
class EntryForm final : public QWidget
{
    Q_OBJECT

public:
    EntryForm(Core::Session &session, const QString &entity, const QStringList &fields,
              const QString &language, QWidget *parent = nullptr);

    void setCaseId(const QString &caseId) { m_caseId = caseId; }
    bool save();

signals:
    void saved(const QString &entryId);

private:
    QVariant valueOf(const QString &field) const;
    void clear();

    Core::Session &m_session;
    QString m_entity;
    QString m_caseId;
    QStringList m_fields;
    QHash<QString, QWidget *> m_inputs;
    QHash<QString, QLabel *> m_errors;
    QLabel *m_formError;
};
