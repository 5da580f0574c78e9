// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/uitext.h"

#include "core/clock/districttime.h"

#include <QDate>
#include <QLocale>

using namespace Qt::StringLiterals;

QString UiText::empty()
{
    //: Shown for any value that was never recorded. The glossary (translations/glossary.tsv)
    //: keeps it the only way to say so.
    return tr("—");
}

QString UiText::orEmpty(const QString &value)
{
    return value.trimmed().isEmpty() ? empty() : value;
}

QString UiText::date(const QDate &date, const QLocale &locale)
{
    return date.isValid() ? locale.toString(date, Core::DistrictTime::dateFormat(locale)) : empty();
}

void UiText::useLocale(const QString &language)
{
    QLocale::setDefault(language == u"en" ? QLocale(QLocale::English, QLocale::UnitedStates)
                                          : QLocale(QLocale::Indonesian, QLocale::Indonesia));
}
