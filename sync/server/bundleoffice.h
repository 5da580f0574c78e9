// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace Core {
class Clock;
}

namespace Sync {

class ServerStore;

// What one office bundle operation did, for `dampingi-server admin bundle ...`.
struct BundleSummary
{
    QString device;
    int pushed = 0; // ops stored for the first time
    int duplicates = 0; // ops the office already had (a bundle imported twice)
    int rejected = 0; // refused ops (their verdicts travel back to the laptop)
    int pushPages = 0; // pages of the laptop's bundle
    int pages = 0; // pages of the office's reply (verdicts + pull pages)
    qint64 bytes = 0; // size of the reply bundle
};

struct OfficeBundle
{
    QByteArray file; // the bundle for the laptop, signed by the office and encrypted to it
    BundleSummary summary;
};

// The district office's side of USB bundles, for places with no connection at all: it runs a
// laptop's bundle through the same store push as HTTP sync and answers with the verdicts and the
// pull pages from the laptop's cursor, in one bundle for that laptop only. A bundle is checked
// whole (signature, checksums, every page decoded, every op of the device's site) before any op
// is stored; a second import of the same bundle stores nothing twice (push dedups on
// (site, seq)) and answers the same.
class BundleOffice final
{
public:
    // At most this many pull pages per reply; a laptop gets the rest with its next bundle.
    static constexpr int maxPullPages = 500;

    BundleOffice(ServerStore &store, const Core::Clock &clock);

    // Corrupt: the file is cut short, damaged or altered; Refused: unknown or revoked sender,
    // wrong signature, not a laptop bundle for this office, ops of another site.
    Core::Result<OfficeBundle> importLaptopBundle(const QByteArray &file);
    // An office-initiated bundle (pull pages only) for a device, from `cursor`, or when none is
    // given from the cursor of the device's last imported bundle (from the start if none).
    Core::Result<OfficeBundle> exportForDevice(const QString &deviceId,
                                               const std::optional<QByteArray> &cursor = std::nullopt);

private:
    ServerStore &m_store;
    const Core::Clock &m_clock;
};

} // namespace Sync
