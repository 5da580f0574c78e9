// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/domain/workflow.h"

#include <QList>
#include <QString>
#include <QStyle>

#include <functional>

class PositionProvider;
class QWidget;
class SyncRunner;

namespace Core {
class Session;
class Settings;
} // namespace Core

// What a page may use when the shell builds it.
struct PageServices
{
    Core::Session &session;
    Core::Settings &settings;
    QString language;
    PositionProvider *gps = nullptr;
    SyncRunner &sync;
};

// One area in the main window's navigation. A new area (the supervisor's review queue, reports,
// the workshop) adds one entry to Navigation::entries() and a folder under ui/.
struct NavigationEntry
{
    QString id; // stable, for showPage() and tests: "home", "cases", ...
    const char *title = nullptr; // source text, translated in the "Navigation" context
    QStyle::StandardPixmap icon = QStyle::SP_FileIcon;
    QList<Core::Role> roles; // who sees it; empty: every role
    bool onDemand = false; // listed only once opened (the open case file)
    std::function<QWidget *(const PageServices &, QWidget *parent)> make;
};

namespace Navigation {

inline const QString home = QStringLiteral("home");
inline const QString cases = QStringLiteral("cases");
inline const QString caseFile = QStringLiteral("case");
inline const QString settings = QStringLiteral("settings");

// Every area, in the order the navigation lists them.
const QList<NavigationEntry> &entries();
bool visibleTo(const NavigationEntry &entry, Core::Role role);
QString title(const NavigationEntry &entry);

} // namespace Navigation
