// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/cases/casetab.h"

class QComboBox;
class QLabel;

// Layanan dan rujukan: the services and referrals, the form for a new one, moving the selected
// referral along referred → accepted → completed (or declined), and correcting one. Mediation for
// sexual violence against a child is not allowed (UU TPKS pasal 23): choosing it for such a case
// shows why and needs a confirmation before anything is saved.
class ServicesTab final : public RecordsTab
{
    Q_OBJECT

public:
    ServicesTab(Core::Session &session, const QString &language, QWidget *parent);

    void fill(const Core::CaseFile &file) override;

private:
    void updateStatus();
    // Adds the mediation warning to a service form (the new-referral form or an editor's).
    void guardMediation(EntryForm *form);

    QComboBox *m_status;
    QLabel *m_error;
    bool m_childSexualViolence = false; // the open case: sexual violence and a child victim
};
