// SPDX-License-Identifier: GPL-3.0-or-later
// Whether what the server holds under a site is what the laptop presenting it wrote (a copy of
// a laptop's database writes other actions under the same seqs; see HandshakeRequest::marks).
#include "sync/server/serverstore.h"
#include "sync/server/serverstore_p.h"

#include <algorithm>

using namespace Qt::StringLiterals;
using Core::Result;

namespace Sync {

Result<qint64> ServerStore::agreedThrough(const QString &site, const QList<SiteMark> &marks)
{
    Result<qint64> acked = ackedThrough(site);
    if (!acked || marks.isEmpty())
        return acked;
    QList<SiteMark> sorted = marks;
    std::sort(sorted.begin(), sorted.end(),
              [](const SiteMark &a, const SiteMark &b) { return a.seq < b.seq; });
    // Lowest first: the first mark that disagrees is where the two histories part, and the
    // last one that agreed before it is as far as this laptop's acknowledgement still holds.
    qint64 agreed = 0;
    for (const SiteMark &mark : std::as_const(sorted)) {
        if (mark.seq <= 0 || mark.seq > *acked)
            continue;
        const auto held = d->scalar(u"SELECT txn FROM ops WHERE site = :site AND site_seq = :seq"_s,
                                    {{u"site"_s, site}, {u"seq"_s, mark.seq}});
        if (!held)
            return held.error();
        if (!held->has_value())
            continue; // refused then: its verdict is kept, not its action
        if ((*held)->toString() != mark.txn)
            return agreed;
        agreed = mark.seq;
    }
    return acked;
}

} // namespace Sync
