// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;
class QSystemTrayIcon;

namespace Sync {
struct SyncSummary;
}

// The bar under the toolbar that says when a sync brought something only a person can settle:
// conflicts to review, changes the server refused. It says how many, leads to the home page's
// needs-attention list, and stays until the user opens that list or closes the bar (a later,
// quiet sync does not hide it). Where the desktop has a system tray, the same words arrive as a
// desktop notification, for a window that is minimised while a sync runs.
class SyncNoticeBar final : public QFrame
{
    Q_OBJECT

public:
    explicit SyncNoticeBar(QWidget *parent = nullptr);

    // Shows the notice when `summary` holds conflicts or refusals; otherwise leaves it as it is.
    void showFor(const Sync::SyncSummary &summary);
    // A clock far off, `skewMs` being the server's clock minus this laptop's at a sync: beyond
    // clockSkewLimitMs either way, the sentence of Reason::ClockSkew (what to do included), with
    // no button (nothing to open). The sync engine measures it (SyncSummary::clockSkewMs).
    void showClockSkew(qint64 skewMs);
    static constexpr qint64 clockSkewLimitMs = qint64(10) * 60 * 1000;
    // The sentence of the notice for a sync that brought `conflicts` and `refused`.
    static QString sentence(int conflicts, int refused);

signals:
    // "Show what needs attention": the shell opens the home page's needs-attention list.
    void attentionRequested();

private:
    void notifyDesktop(const QString &text);

    QLabel *m_text;
    QPushButton *m_open;
    QSystemTrayIcon *m_tray = nullptr; // made on the first notice, where a tray exists
};
