// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/syncstatetext.h"

#include <QApplication>
#include <QStringList>
#include <QStyle>

using namespace Qt::StringLiterals;

QString SyncStateText::sentence(const Core::CaseSyncState &state)
{
    QStringList parts;
    if (state.refused > 0)
        parts << tr("%n change(s) refused by the server", nullptr, int(state.refused));
    if (state.conflicts > 0)
        parts << tr("%n conflict(s) to review", nullptr, int(state.conflicts));
    if (parts.isEmpty() && state.unsent > 0)
        parts << tr("%n change(s) not yet sent", nullptr, int(state.unsent));
    return parts.isEmpty() ? tr("synced") : parts.join(u" · "_s);
}

QString SyncStateText::name(Kind kind)
{
    switch (kind) {
    case Kind::Synced:
        return tr("Synced");
    case Kind::Pending:
        return tr("Not yet sent");
    case Kind::Conflict:
        return tr("Conflict");
    case Kind::Refused:
        return tr("Refused");
    }
    return {};
}

QIcon SyncStateText::icon(Kind kind)
{
    QStyle *style = QApplication::style();
    switch (kind) {
    case Kind::Synced:
        return QIcon::fromTheme(u"emblem-default"_s, style->standardIcon(QStyle::SP_DialogApplyButton));
    case Kind::Pending:
        return QIcon::fromTheme(u"mail-queue"_s, style->standardIcon(QStyle::SP_ArrowUp));
    case Kind::Conflict:
        return QIcon::fromTheme(u"dialog-warning"_s, style->standardIcon(QStyle::SP_MessageBoxWarning));
    case Kind::Refused:
        return QIcon::fromTheme(u"dialog-error"_s, style->standardIcon(QStyle::SP_MessageBoxCritical));
    }
    return {};
}
