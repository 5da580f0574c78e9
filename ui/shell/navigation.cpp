// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shell/navigation.h"

#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "ui/cases/caselistpage.h"
#include "ui/cases/caseworkspace.h"
#include "ui/home/homepage.h"
#include "ui/shell/settingspage.h"

#include <QCoreApplication>

namespace Navigation {

const QList<NavigationEntry> &entries()
{
    static const QList<NavigationEntry> all{
        {home,
         QT_TRANSLATE_NOOP("Navigation", "Home"),
         QStyle::SP_DirHomeIcon,
         {},
         false,
         [](const PageServices &s, QWidget *parent) -> QWidget * {
             return new HomePage(s.session, s.language, parent);
         }},
        {cases,
         QT_TRANSLATE_NOOP("Navigation", "Cases"),
         QStyle::SP_FileDialogDetailedView,
         {},
         false,
         [](const PageServices &s, QWidget *parent) -> QWidget * {
             return new CaseListPage(s.session, s.language, parent);
         }},
        {caseFile,
         QT_TRANSLATE_NOOP("Navigation", "Open case"),
         QStyle::SP_FileDialogContentsView,
         {},
         true,
         [](const PageServices &s, QWidget *parent) -> QWidget * {
             return new CaseWorkspace(s.session, s.language, s.gps, parent);
         }},
        {settings,
         QT_TRANSLATE_NOOP("Navigation", "Settings"),
         QStyle::SP_FileDialogInfoView,
         {},
         false,
         [](const PageServices &s, QWidget *parent) -> QWidget * {
             return new SettingsPage(s.settings, s.session.profile(), s.sync, parent);
         }},
    };
    return all;
}

bool visibleTo(const NavigationEntry &entry, Core::Role role)
{
    return entry.roles.isEmpty() || entry.roles.contains(role);
}

QString title(const NavigationEntry &entry)
{
    return QCoreApplication::translate("Navigation", entry.title);
}

} // namespace Navigation
