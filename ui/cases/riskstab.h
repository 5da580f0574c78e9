// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/cases/casetab.h"

// The case file's "Assessment and safety" tab: the risk assessments, newest last, and the form
// that records a new one.
class RisksTab final : public RecordsTab
{
    Q_OBJECT

public:
    RisksTab(Core::Session &session, const QString &language, QWidget *parent);
};
