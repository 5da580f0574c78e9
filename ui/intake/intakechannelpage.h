// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/clock/districttime.h"

#include <QCoreApplication>
#include <QDate>
#include <QVariantHash>
#include <QWizardPage>

#include <optional>

namespace Core {
class Clock;
class Session;
} // namespace Core

class IntakeFields;
class QComboBox;
class QLineEdit;

// The intake's first page: how the report came in, on which day and at what time (now, in the
// district, unless changed).
class IntakeChannelPage final : public QWizardPage
{
    // The intake's texts keep the wizard's translation context (and so the catalogue entries).
    Q_DECLARE_TR_FUNCTIONS(IntakeWizard)

public:
    IntakeChannelPage(IntakeFields &fields, Core::Session &session, QWidget *parent = nullptr);

    bool validatePage() override;

    // The report date as typed, when it is one.
    std::optional<QDate> reportedOn() const;
    // The day and time the report was received, in UTC milliseconds, when both are given.
    std::optional<qint64> receivedAtMs() const;
    void fillCase(QVariantHash &fields) const;

private:
    std::optional<QTime> receivedTime() const;
    // Shows a time that is not one, or in the future; false then.
    bool readReceivedAt();

    IntakeFields &m_fields;
    const Core::DistrictTime m_time;
    const Core::Clock &m_clock;
    QComboBox *m_channel = nullptr;
    QLineEdit *m_reportedOn = nullptr;
    QLineEdit *m_receivedTime = nullptr;
};
