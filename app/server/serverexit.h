// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QJsonValue>
#include <QString>

// Exit codes and the JSON error line of dampingi-server, shared by the server run and the admin
// verbs: data as JSON on stdout, one JSON error object on stderr, an exit code per kind.
namespace ServerExit {

enum Code {
    Ok = 0,
    Internal = 1,
    Usage = 2,
    Validation = 3,
    NotFound = 4,
    Locked = 5, // no office passphrase, or a wrong one (as dampingi-ctl's exit 5)
    Storage = 6,
    Conflict = 7,
    Listen = 8, // the address could not be bound (in use, not local, no permission)
    Refused = 9, // e.g. a USB bundle from an unknown or revoked device, or not for this office
};

int fail(const Core::Error &error);
int usageError(const QString &message);
int print(const QJsonValue &value);

} // namespace ServerExit
