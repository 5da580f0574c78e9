// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

class QDate;
class QLocale;

// What every screen writes the same way: a missing value, a date, the UI language's locale.
// Times of day come from Core::DistrictTime (the district's zone); formats of date editors too.
class UiText final
{
    Q_DECLARE_TR_FUNCTIONS(UiText)

public:
    // A value that was never recorded, or was cleared: "—" in every language and on every screen.
    static QString empty();
    // `value`, or empty() when it is blank.
    static QString orEmpty(const QString &value);
    // A date in the locale's short form with a four-digit year ("03/12/2026"), or empty().
    static QString date(const QDate &date, const QLocale &locale);
    // Makes the UI language's locale the default (Indonesian unless "en"), so calendars, date
    // editors and numbers created afterwards speak it: month and day names in a calendar popup.
    static void useLocale(const QString &language);
};
