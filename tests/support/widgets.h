// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QListWidget>
#include <QString>

namespace Test {

// The row of a navigation area (Navigation::home, ...) in the main window's list, -1 if absent.
inline int navRow(const QListWidget *nav, const QString &id)
{
    for (int row = 0; row < nav->count(); ++row) {
        if (nav->item(row)->data(Qt::UserRole).toString() == id)
            return row;
    }
    return -1;
}

} // namespace Test
