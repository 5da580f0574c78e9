// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/cases/casetab.h"

class QComboBox;
class QLabel;

// Layanan dan rujukan: the services and referrals, the form for a new one, and moving the
// selected referral along referred → accepted → completed (or declined).
class ServicesTab final : public RecordsTab
{
    Q_OBJECT

public:
    ServicesTab(Core::Session &session, const QString &language, QWidget *parent);

private:
    void updateStatus();

    QComboBox *m_status;
    QLabel *m_error;
};
