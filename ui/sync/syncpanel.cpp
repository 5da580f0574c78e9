// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/sync/syncpanel.h"

#include "core/changelog/changelog.h"
#include "ui/common/logging.h"
#include "ui/sync/syncrunner.h"
#include "ui/sync/synctext.h"

#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

SyncPanel::SyncPanel(SyncRunner &runner, Core::ChangeLog &log, const Core::DistrictTime &time,
                     const QString &language, QWidget *parent)
    : QDialog(parent)
    , m_runner(runner)
    , m_log(log)
    , m_time(time)
    , m_locale(language == u"en" ? QLocale(QLocale::English, QLocale::UnitedStates)
                                 : QLocale(QLocale::Indonesian, QLocale::Indonesia))
{
    setObjectName(u"syncPanel"_s);
    setWindowTitle(tr("Sync with the district server"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildNow());
    layout->addWidget(buildHistory(), 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close")); // Qt ships no Indonesian
    buttons->button(QDialogButtonBox::Close)->setObjectName(u"closeSyncPanelButton"_s);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    layout->addWidget(buttons);
    resize(900, 560); // fits a 1366×768 screen with the window behind it

    connect(&m_runner, &SyncRunner::runningChanged, this, &SyncPanel::runningChanged);
    connect(&m_runner, &SyncRunner::progress, this, &SyncPanel::report);
    connect(&m_runner, &SyncRunner::finished, this, &SyncPanel::refreshHistory);
    connect(&m_runner, &SyncRunner::failed, this, &SyncPanel::refreshHistory);
    connect(m_syncNow, &QPushButton::clicked, this, &SyncPanel::syncRequested);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_runner.cancel();
        m_cancel->setEnabled(false);
        m_state->setText(tr("Stopping after the current step…"));
    });
    runningChanged(m_runner.running());
}

QWidget *SyncPanel::buildNow()
{
    auto *box = new QGroupBox(tr("Now"), this);
    auto *layout = new QVBoxLayout(box);
    const auto label = [box](const QString &name) {
        auto *l = new QLabel(box);
        l->setObjectName(name);
        l->setWordWrap(true);
        return l;
    };
    m_state = label(u"syncPanelState"_s);
    m_state->setStyleSheet(u"font-weight: bold"_s);
    layout->addWidget(m_state);
    m_bar = new QProgressBar(box);
    m_bar->setObjectName(u"syncPanelProgress"_s);
    layout->addWidget(m_bar);
    auto *facts = new QHBoxLayout;
    m_counts = label(u"syncPanelCounts"_s);
    m_bytes = label(u"syncPanelBytes"_s);
    m_remaining = label(u"syncPanelRemaining"_s);
    facts->addWidget(m_counts, 1);
    facts->addWidget(m_bytes, 1);
    facts->addWidget(m_remaining, 1);
    layout->addLayout(facts);
    auto *buttons = new QHBoxLayout;
    m_syncNow = new QPushButton(tr("Sync now"), box);
    m_syncNow->setObjectName(u"syncPanelSyncButton"_s);
    m_cancel = new QPushButton(tr("Cancel sync"), box);
    m_cancel->setObjectName(u"syncPanelCancelButton"_s);
    m_cancel->setToolTip(
        tr("Stops after the current step. Nothing is lost; the next sync goes on from there."));
    buttons->addWidget(m_syncNow);
    buttons->addWidget(m_cancel);
    buttons->addStretch();
    layout->addLayout(buttons);
    return box;
}

QWidget *SyncPanel::buildHistory()
{
    auto *box = new QGroupBox(tr("Last syncs"), this);
    auto *layout = new QVBoxLayout(box);
    m_history = new QTreeWidget(box);
    m_history->setObjectName(u"syncHistoryList"_s);
    m_history->setRootIsDecorated(false);
    m_history->setWordWrap(true);
    m_history->setUniformRowHeights(false);
    m_history->setHeaderLabels({tr("When"), tr("How"), tr("What moved"), tr("Result")});
    m_history->header()->setStretchLastSection(true);
    m_history->setColumnWidth(0, 150);
    m_history->setColumnWidth(1, 200);
    m_history->setColumnWidth(2, 280);
    layout->addWidget(m_history, 1);
    m_detail = new QLabel(box);
    m_detail->setObjectName(u"syncHistoryDetail"_s);
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setMinimumHeight(60);
    m_detail->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    layout->addWidget(m_detail);
    connect(m_history, &QTreeWidget::currentItemChanged, this, &SyncPanel::showDetail);
    return box;
}

void SyncPanel::runningChanged(bool running)
{
    // Cleared at both ends: the status bar reads progressLine() at the start before this slot
    // may have run.
    m_progress.reset();
    m_estimate.reset();
    if (running)
        m_clock.start();
    m_cancel->setEnabled(running);
    m_bar->setVisible(running);
    showProgress();
}

void SyncPanel::report(const Sync::SyncProgress &progress)
{
    if (!m_runner.running())
        return; // a late report of a run that has ended
    m_progress = progress;
    m_estimate.add(m_clock.elapsed(), progress.bytesDone);
    showProgress();
    emit progressChanged();
}

QString SyncPanel::progressLine() const
{
    if (!m_progress)
        return tr("Syncing…");
    return SyncText::line(*m_progress, m_estimate.remainingMs(m_progress->bytesTotal), m_locale);
}

void SyncPanel::fillBar(QProgressBar &bar) const
{
    const bool counted = m_progress && m_progress->total > 0;
    const bool sized = m_progress && m_progress->bytesTotal > 0;
    if (counted) {
        bar.setRange(0, 1000);
        bar.setValue(int(std::min<qint64>(1000, m_progress->done * 1000 / m_progress->total)));
    } else if (sized) {
        bar.setRange(0, 1000);
        bar.setValue(int(std::min<qint64>(1000, m_progress->bytesDone * 1000 / m_progress->bytesTotal)));
    } else {
        bar.setRange(0, 0); // busy: nothing to measure against yet
    }
}

void SyncPanel::setStatus(const QString &status)
{
    m_status = status;
    showProgress();
}

void SyncPanel::showProgress()
{
    const Core::Result<Sync::SyncConfig> config = Sync::SyncClient::config(m_log);
    m_syncNow->setEnabled(!m_runner.running() && config && config->enrolled());
    if (!m_runner.running()) {
        m_state->setText(m_status);
        m_counts->clear();
        m_bytes->clear();
        m_remaining->clear();
        return;
    }
    if (m_cancel->isEnabled())
        m_state->setText(m_progress ? SyncText::phase(m_progress->phase) : tr("Syncing…"));
    m_counts->setText(m_progress ? SyncText::counts(*m_progress, m_locale) : QString());
    m_bytes->setText(m_progress ? SyncText::bytes(*m_progress, m_locale) : QString());
    m_remaining->setText(m_progress ? SyncText::remaining(m_estimate.remainingMs(m_progress->bytesTotal))
                                    : QString());
    fillBar(*m_bar);
}

void SyncPanel::refreshHistory()
{
    m_history->clear();
    const Core::Result<QList<Sync::SyncRecord>> records = Sync::SyncClient::history(m_log);
    if (!records) {
        qCWarning(lcUi) << "sync history not readable:" << records.error().detail;
        return;
    }
    for (const Sync::SyncRecord &record : *records) {
        const QString outcome = SyncText::outcome(record);
        auto *item = new QTreeWidgetItem(m_history, {m_time.display(record.startedAt, m_locale),
                                                     SyncText::how(record.how),
                                                     SyncText::moved(record.summary, m_locale), outcome});
        item->setToolTip(3, outcome);
        if (!record.ok && !record.cancelled)
            item->setForeground(3, QColor(0xb0, 0x1c, 0x1c));
    }
    if (m_history->topLevelItemCount() > 0)
        m_history->setCurrentItem(m_history->topLevelItem(0));
    else
        m_detail->setText(tr("No sync yet on this laptop."));
}

void SyncPanel::showDetail()
{
    const QTreeWidgetItem *item = m_history->currentItem();
    if (!item)
        return;
    //: The selected sync in full: when, how; what moved; how it went.
    m_detail->setText(tr("%1 · %2\n%3\n%4").arg(item->text(0), item->text(1), item->text(2), item->text(3)));
}

void SyncPanel::showEvent(QShowEvent *event)
{
    refreshHistory();
    QDialog::showEvent(event);
}
