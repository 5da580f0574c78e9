// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/subjecttext.h"

#include "core/cases/casesubject.h"

using namespace Qt::StringLiterals;

QString SubjectText::empty()
{
    return u"—"_s;
}

QString SubjectText::age(const Core::CaseSubject &subject)
{
    if (!subject.age)
        return {};
    const QString years = tr("%n yr(s)", nullptr, *subject.age);
    return subject.ageApproximate ? u"±"_s + years : years;
}

QString SubjectText::who(const Core::CaseSubject &subject)
{
    QString name = subject.shortName;
    if (name.isEmpty())
        name = subject.victims > 0 ? tr("victim, name unknown") : tr("no victim recorded");
    if (subject.victims > 1)
        name = tr("%1 and %n more", nullptr, subject.victims - 1).arg(name);
    const QString years = age(subject);
    return years.isEmpty() ? name : u"%1, %2"_s.arg(name, years);
}

QString SubjectText::where(const Core::CaseSubject &subject)
{
    if (!subject.village.isEmpty() && !subject.kecamatan.isEmpty())
        return u"%1, %2"_s.arg(subject.village, subject.kecamatan);
    if (!subject.village.isEmpty())
        return subject.village;
    if (!subject.kecamatan.isEmpty())
        return tr("Kec. %1").arg(subject.kecamatan);
    return empty();
}
