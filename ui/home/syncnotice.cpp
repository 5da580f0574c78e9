// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/home/syncnotice.h"

#include "core/cases/casesyncstate.h"
#include "sync/client/syncclient.h"
#include "ui/common/errortext.h"
#include "ui/common/syncstatetext.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QToolButton>

using namespace Qt::StringLiterals;

SyncNoticeBar::SyncNoticeBar(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
    , m_open(new QPushButton(tr("Show what needs attention"), this))
{
    setObjectName(u"syncNoticeBar"_s);
    // The colours of the case file's conflict button: the same matter, the same look.
    setStyleSheet(u"#syncNoticeBar { background: #fff1d6; border-bottom: 1px solid #e0b060; }"
                  "#syncNoticeBar QLabel { color: #8a4b00; font-weight: bold; }"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    auto *icon = new QLabel(this);
    icon->setPixmap(SyncStateText::icon(Core::CaseSyncState::Kind::Conflict).pixmap(20, 20));
    layout->addWidget(icon);
    m_text->setObjectName(u"syncNoticeLabel"_s);
    m_text->setWordWrap(true);
    layout->addWidget(m_text, 1);
    m_open->setObjectName(u"syncNoticeButton"_s);
    layout->addWidget(m_open);
    auto *close = new QToolButton(this);
    close->setObjectName(u"syncNoticeClose"_s);
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close->setAutoRaise(true);
    close->setToolTip(tr("Hide this notice (the items stay in the needs-attention list)"));
    close->setAccessibleName(close->toolTip());
    layout->addWidget(close);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    connect(m_open, &QPushButton::clicked, this, [this] {
        hide();
        emit attentionRequested();
    });
    hide();
}

QString SyncNoticeBar::sentence(int conflicts, int refused)
{
    // The case file's and the case list's words for the same things (SyncStateText).
    Core::CaseSyncState state;
    state.conflicts = conflicts;
    state.refused = refused;
    return tr("The last sync needs you: %1.").arg(SyncStateText::sentence(state));
}

void SyncNoticeBar::showFor(const Sync::SyncSummary &summary)
{
    // What needs a person first; a far-off clock (the sync went through) second.
    if (summary.conflicts <= 0 && summary.rejected <= 0)
        return showClockSkew(summary.clockSkewMs);
    const QString text = sentence(summary.conflicts, summary.rejected);
    m_text->setText(text);
    setAccessibleDescription(text);
    m_open->show();
    show();
    notifyDesktop(text);
}

void SyncNoticeBar::showClockSkew(qint64 skewMs)
{
    if (skewMs <= clockSkewLimitMs && skewMs >= -clockSkewLimitMs)
        return;
    const QString text = ErrorText::message(Core::Error{
        Core::Error::Code::Refused, u"clock skew %1 ms"_s.arg(skewMs), {}, Core::Error::Reason::ClockSkew});
    m_text->setText(text);
    setAccessibleDescription(text);
    m_open->hide();
    show();
}

void SyncNoticeBar::notifyDesktop(const QString &text)
{
    if (!QSystemTrayIcon::isSystemTrayAvailable())
        return;
    if (!m_tray) {
        m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
        m_tray->setToolTip(tr("Dampingi"));
        // Clicking the notification leads where the button does.
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [this] {
            hide();
            emit attentionRequested();
        });
    }
    m_tray->show();
    m_tray->showMessage(tr("Dampingi: something needs you"), text, QSystemTrayIcon::Warning);
}
