// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/logging.h"

Q_LOGGING_CATEGORY(lcStore, "dampingi.core.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCrypto, "dampingi.core.crypto", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSearch, "dampingi.core.search", QtInfoMsg)
Q_LOGGING_CATEGORY(lcProfile, "dampingi.core.profile", QtInfoMsg)
