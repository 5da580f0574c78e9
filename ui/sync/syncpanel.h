// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/clock/districttime.h"
#include "sync/client/syncclient.h"
#include "ui/sync/syncestimate.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QLocale>

#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;
class SyncRunner;

namespace Core {
class ChangeLog;
}

// The sync window, opened from the status bar and the toolbar: where a running sync is (phase,
// changes and bytes done of total, a time estimate once the rate is known) with Cancel, and the
// last syncs (when, by network or USB stick, what moved, and why one failed) with "Sync now".
// It also keeps the running sync's words for the status bar (progressLine()).
class SyncPanel final : public QDialog
{
    Q_OBJECT

public:
    SyncPanel(SyncRunner &runner, Core::ChangeLog &log, const Core::DistrictTime &time,
              const QString &language, QWidget *parent = nullptr);

    // While a sync runs: its phase, counts, bytes and estimate on one line; "Syncing…" until
    // its first report.
    QString progressLine() const;
    // Shows the running sync's progress on a bar (the status bar's); busy while totals are unknown.
    void fillBar(QProgressBar &bar) const;
    // What the window's status bar says when no sync runs (the last outcome).
    void setStatus(const QString &status);
    // Re-reads the history from the profile (after a sync, a USB bundle, when shown).
    void refreshHistory();

signals:
    void syncRequested();
    // A new report of the running sync arrived (the status bar re-reads progressLine()).
    void progressChanged();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *buildNow();
    QWidget *buildHistory();
    void runningChanged(bool running);
    void report(const Sync::SyncProgress &progress);
    void showProgress();
    void showDetail();

    SyncRunner &m_runner;
    Core::ChangeLog &m_log;
    Core::DistrictTime m_time;
    QLocale m_locale;
    std::optional<Sync::SyncProgress> m_progress; // of the running sync; none when idle
    SyncEstimate m_estimate;
    QElapsedTimer m_clock;
    QString m_status;
    QLabel *m_state = nullptr;
    QLabel *m_counts = nullptr;
    QLabel *m_bytes = nullptr;
    QLabel *m_remaining = nullptr;
    QProgressBar *m_bar = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_syncNow = nullptr;
    QTreeWidget *m_history = nullptr;
    QLabel *m_detail = nullptr; // the selected sync in full: the list elides long sentences
};
