// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// The desktop's own log category: what a screen could not do and why, in technical English for
// whoever reads the log (never case content). Users see sentences from ErrorText instead.
Q_DECLARE_LOGGING_CATEGORY(lcUi)
