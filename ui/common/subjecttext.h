// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace Core {
struct CaseSubject;
}

// Who a case is about and where, as every list, line and header writes it: "Putri A., 9 yrs"
// ("±9 yrs" when the age comes from a year or an estimate) and "Sedulang, Muara Kaman".
class SubjectText final
{
    Q_DECLARE_TR_FUNCTIONS(SubjectText)

public:
    static QString who(const Core::CaseSubject &subject);
    static QString age(const Core::CaseSubject &subject); // empty when unknown
    static QString where(const Core::CaseSubject &subject);
    // The word for an empty value, the same everywhere.
    static QString empty();
};
