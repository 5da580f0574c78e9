// SPDX-License-Identifier: GPL-3.0-or-later
// The fixed keys of the bundle fuzz target and its seed generator: the seeds are bundles from
// this sender to this recipient, so the target's re-signing mode reaches every check after the
// signature.
#pragma once

#include "sync/bundle.h"

namespace Fuzz {

inline Sync::BundleKeys bundleKeys(char fill)
{
    return Sync::BundleKeys::fromSeeds(QByteArray(64, fill));
}

inline const Sync::BundleKeys &bundleSender()
{
    static const Sync::BundleKeys keys = bundleKeys('\x11');
    return keys;
}

inline const Sync::BundleKeys &bundleRecipient()
{
    static const Sync::BundleKeys keys = bundleKeys('\x22');
    return keys;
}

} // namespace Fuzz
