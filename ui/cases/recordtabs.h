// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/cases/casetab.h"

#include <QCoreApplication>

// The case file's table tabs: who the case is about, the case plan and visits. Each is a
// RecordsTab configured with its columns and rows.
class RecordTabs
{
    Q_DECLARE_TR_FUNCTIONS(RecordTabs)

public:
    static RecordsTab *people(Core::Session &session, const QString &language, QWidget *parent);
    static RecordsTab *plan(Core::Session &session, const QString &language, QWidget *parent);
    static RecordsTab *visits(Core::Session &session, const QString &language, QWidget *parent);
};
