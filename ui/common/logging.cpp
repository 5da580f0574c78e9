// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/logging.h"

Q_LOGGING_CATEGORY(lcUi, "dampingi.ui", QtInfoMsg)
