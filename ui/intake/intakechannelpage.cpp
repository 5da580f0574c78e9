// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/intake/intakechannelpage.h"

#include "core/clock/clock.h"
#include "core/domain/validator.h"
#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "ui/intake/intakefields.h"
#include "ui/intake/intakeform.h"
#include "ui/intake/intakewizard.h"

#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using namespace IntakeForm;

IntakeChannelPage::IntakeChannelPage(IntakeFields &fields, Core::Session &session, QWidget *parent)
    : QWizardPage(parent)
    , m_fields(fields)
    , m_time(session.profile().districtTime())
    , m_clock(session.profile().clock())
{
    setTitle(tr("Report"));
    setSubTitle(tr("How and when the report reached the unit."));
    auto *form = formLayout();
    m_channel = codeCombo(u"channelCombo"_s, session.codes(), u"intake_channel", m_fields.language(),
                          tr("Choose…"), this);
    form->addRow(tr("Report &channel:"),
                 m_fields.field(IntakeWizard::ChannelPage, u"intake_channel"_s, m_channel, u"channel"_s));
    m_reportedOn = lineEdit(u"reportedOnEdit"_s, this);
    const QDate today = session.validator().today(); // the district's, as the validator checks it
    m_reportedOn->setText(m_fields.formatDate(today));
    m_reportedOn->setPlaceholderText(tr("e.g. %1").arg(m_fields.formatDate(today)));
    m_reportedOn->setMaximumWidth(180);
    // The time the report came in starts the response clock; now, in the district, unless changed.
    m_receivedTime = lineEdit(u"receivedTimeEdit"_s, this);
    m_receivedTime->setText(m_time.dateTime(session.profile().clock().nowMs()).time().toString(u"HH:mm"_s));
    m_receivedTime->setPlaceholderText(tr("e.g. 14:30"));
    m_receivedTime->setMaximumWidth(90);
    auto *when = new QWidget(this);
    auto *row = new QHBoxLayout(when);
    row->setContentsMargins(0, 0, 0, 0);
    // Each box is as wide as its input: the date, the time and the zone read as one line.
    QWidget *date
        = m_fields.field(IntakeWizard::ChannelPage, u"reported_on"_s, m_reportedOn, u"reportedOn"_s);
    date->setMaximumWidth(m_reportedOn->maximumWidth());
    row->addWidget(date, 0, Qt::AlignTop);
    auto *at = new QLabel(tr("at"), when);
    at->setBuddy(m_receivedTime);
    at->setMinimumHeight(m_receivedTime->sizeHint().height());
    row->addWidget(at, 0, Qt::AlignTop);
    QWidget *time
        = m_fields.field(IntakeWizard::ChannelPage, u"received_at"_s, m_receivedTime, u"receivedTime"_s);
    time->setMaximumWidth(m_receivedTime->maximumWidth());
    row->addWidget(time, 0, Qt::AlignTop);
    auto *zone = new QLabel(m_time.label(), when);
    zone->setMinimumHeight(m_receivedTime->sizeHint().height());
    row->addWidget(zone, 0, Qt::AlignTop);
    row->addStretch();
    when->setFocusProxy(m_reportedOn);
    form->addRow(tr("&Reported on:"), when);
    auto *hint = new QLabel(tr("The day and time the report reached the unit: the response time counts from "
                               "here."),
                            this);
    hint->setWordWrap(true);
    hint->setStyleSheet(hintStyle);
    form->addRow(QString(), hint);
    setLayout(form);
}

bool IntakeChannelPage::validatePage()
{
    bool ok = true;
    QString first;
    if (code(m_channel).isEmpty()) {
        m_fields.showError(u"intake_channel"_s, tr("Choose how the report came in."));
        first = u"intake_channel"_s;
        ok = false;
    }
    QString iso;
    if (!m_fields.readDate(u"reported_on"_s, m_reportedOn, true, &iso)) {
        if (first.isEmpty())
            first = u"reported_on"_s;
        ok = false;
    }
    if (ok && !readReceivedAt()) {
        first = u"received_at"_s;
        ok = false;
    }
    if (!first.isEmpty())
        m_fields.focus(first);
    return ok;
}

std::optional<QTime> IntakeChannelPage::receivedTime() const
{
    // 14:30, 14.30 (as Indonesians write it) or 1430; an hour alone is on the hour.
    static const QRegularExpression time(u"^(\\d{1,2})(?:[:.]?(\\d{2}))?$"_s);
    const QRegularExpressionMatch m = time.match(m_receivedTime->text().trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    const QTime t(m.captured(1).toInt(), m.captured(2).isEmpty() ? 0 : m.captured(2).toInt());
    return t.isValid() ? std::optional(t) : std::nullopt;
}

std::optional<qint64> IntakeChannelPage::receivedAtMs() const
{
    const std::optional<QDate> day = reportedOn();
    const std::optional<QTime> time = receivedTime();
    if (!day || !time)
        return std::nullopt;
    return QDateTime(*day, *time, m_time.timeZone()).toMSecsSinceEpoch();
}

bool IntakeChannelPage::readReceivedAt()
{
    // Empty is allowed (the time is not known): the response clock then starts with the day.
    if (m_receivedTime->text().trimmed().isEmpty())
        return true;
    const std::optional<qint64> ms = receivedAtMs();
    if (!ms) {
        m_fields.showError(u"received_at"_s, tr("This is not a time. Type it like 14:30."));
        return false;
    }
    if (*ms > m_clock.nowMs()) {
        m_fields.showError(u"received_at"_s, tr("This time is in the future."));
        return false;
    }
    return true;
}

std::optional<QDate> IntakeChannelPage::reportedOn() const
{
    return m_fields.parseDate(m_reportedOn->text());
}

void IntakeChannelPage::fillCase(QVariantHash &fields) const
{
    put(fields, u"intake_channel"_s, code(m_channel));
    put(fields, u"reported_on"_s, m_fields.isoDate(m_reportedOn->text()));
    if (const std::optional<qint64> ms = receivedAtMs())
        fields.insert(u"received_at"_s, *ms);
}
