// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/sync/synctext.h"

#include "ui/common/errortext.h"

#include <QStringList>

using namespace Qt::StringLiterals;
using Phase = Sync::SyncProgress::Phase;

QString SyncText::phase(Phase phase)
{
    switch (phase) {
    case Phase::Connecting:
        return tr("Connecting to the district server");
    case Phase::Sending:
        return tr("Sending changes");
    case Phase::Files:
        return tr("Moving files");
    case Phase::Receiving:
        return tr("Receiving changes");
    case Phase::Finishing:
        return tr("Finishing");
    }
    return {};
}

QString SyncText::counts(const Sync::SyncProgress &progress, const QLocale &locale)
{
    const bool files = progress.phase == Phase::Files;
    if (progress.phase != Phase::Sending && progress.phase != Phase::Receiving && !files)
        return {};
    const QString done = locale.toString(progress.done);
    if (progress.total < 0) {
        //: How many changes (or files) a running sync has moved, its total not known yet.
        return files ? tr("%1 files").arg(done) : tr("%1 changes").arg(done);
    }
    const QString total = locale.toString(progress.total);
    //: e.g. "120 of 1,000 changes" while a sync runs.
    return files ? tr("%1 of %2 files").arg(done, total) : tr("%1 of %2 changes").arg(done, total);
}

QString SyncText::bytes(const Sync::SyncProgress &progress, const QLocale &locale)
{
    const auto size
        = [&locale](qint64 n) { return locale.formattedDataSize(n, 1, QLocale::DataSizeTraditionalFormat); };
    if (progress.bytesTotal < 0)
        return size(progress.bytesDone);
    //: Bytes a running sync has moved of its estimated total, e.g. "40 KB of 300 KB".
    return tr("%1 of %2")
        .arg(size(progress.bytesDone), size(std::max(progress.bytesTotal, progress.bytesDone)));
}

QString SyncText::remaining(std::optional<qint64> ms)
{
    if (!ms)
        return {};
    if (*ms < 60'000)
        return tr("less than a minute left");
    const int minutes = int((*ms + 59'999) / 60'000);
    if (minutes < 120)
        return tr("about %n minute(s) left", nullptr, minutes);
    return tr("about %n hour(s) left", nullptr, (minutes + 59) / 60);
}

QString SyncText::line(const Sync::SyncProgress &progress, std::optional<qint64> remainingMs,
                       const QLocale &locale)
{
    QStringList parts{phase(progress.phase)};
    if (const QString c = counts(progress, locale); !c.isEmpty())
        parts << c;
    if (progress.bytesDone > 0 || progress.bytesTotal > 0)
        parts << bytes(progress, locale);
    if (const QString r = remaining(remainingMs); !r.isEmpty())
        parts << r;
    return parts.join(u" · "_s);
}

QString SyncText::how(const QString &how)
{
    if (how == u"network")
        return tr("Network");
    if (how == u"usb-export")
        return tr("USB stick (to the office)");
    if (how == u"usb-import")
        return tr("USB stick (from the office)");
    return how; // a kind this build does not know: as stored
}

QString SyncText::moved(const Sync::SyncSummary &summary, const QLocale &locale)
{
    // Only what moved: a quiet sync on a slow link is the common case, and reads shortest.
    QStringList parts;
    const auto add = [&parts, &locale](qint64 n, const QString &words) {
        if (n > 0)
            parts << words.arg(locale.toString(n));
    };
    //: What one sync moved, one part each, joined with " · ": "5 sent · 12 received · 1 files".
    add(summary.pushed, tr("%1 sent"));
    add(summary.pulled, tr("%1 received"));
    add(qint64(summary.filesSent) + summary.filesReceived, tr("%1 files"));
    add(summary.conflicts, tr("%1 conflicts"));
    add(summary.rejected, tr("%1 refused"));
    return parts.isEmpty() ? tr("nothing to move") : parts.join(u" · "_s);
}

QString SyncText::outcome(const Sync::SyncRecord &record)
{
    if (record.ok)
        return tr("Done");
    return ErrorText::message(record.error);
}
