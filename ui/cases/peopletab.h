// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ui/cases/casetab.h"

class QLabel;

namespace Core {
struct CaseParty;
}

// Para pihak: who the case is about (victims, alleged perpetrators, reporters, guardians), each
// with their part in the case. A person is added, corrected (double-click shows the details) or
// their role taken out of the case; the person stays on record, and the last victim stays.
class PeopleTab final : public RecordsTab
{
    Q_OBJECT

public:
    PeopleTab(Core::Session &session, const QString &language, QWidget *parent);

    RecordDetail *showDetail(const QString &linkId) override;
    QDialog *editEntry(const QString &linkId) override;
    QDialog *addPerson();
    // Asks before taking the role out of the case; the answer's dialog is returned.
    QDialog *removeRole(const QString &linkId);

private:
    std::optional<Core::CaseParty> party(const QString &linkId) const;

    QLabel *m_error;
};
