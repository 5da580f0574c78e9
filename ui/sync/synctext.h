// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sync/client/syncclient.h"

#include <QCoreApplication>
#include <QLocale>
#include <QString>

#include <optional>

// The words for a sync, the same in the status bar and the sync panel: where a running sync is
// ("Sending changes · 120 of 1,000 changes"), how much has moved, how long it still needs, and
// for a finished one how it went and what moved. Numbers and sizes in the given locale
// ("1.000", "1,2 MB" in Indonesian).
class SyncText final
{
    Q_DECLARE_TR_FUNCTIONS(SyncText)

public:
    static QString phase(Sync::SyncProgress::Phase phase);
    // "120 of 1,000 changes" (or files); only what is done while the total is unknown; empty for
    // the phases that count nothing.
    static QString counts(const Sync::SyncProgress &progress, const QLocale &locale);
    // "40 KB of 300 KB", or "40 KB" while the total is unknown.
    static QString bytes(const Sync::SyncProgress &progress, const QLocale &locale);
    // "about 3 minutes left"; empty without an estimate.
    static QString remaining(std::optional<qint64> ms);
    // All of it on one line for the status bar.
    static QString line(const Sync::SyncProgress &progress, std::optional<qint64> remainingMs,
                        const QLocale &locale);

    // "Network", "USB stick (sent to the office)", ...
    static QString how(const QString &how);
    // "5 sent · 12 received · 1 files": the parts that are not zero.
    static QString moved(const Sync::SyncSummary &summary, const QLocale &locale);
    // "Done", or why not (ErrorText's sentence for the stored error).
    static QString outcome(const Sync::SyncRecord &record);
};
