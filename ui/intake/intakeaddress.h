// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QVariantHash>

namespace Core {
class Session;
struct Record;
} // namespace Core

class IntakeFields;
class QLineEdit;
class QWidget;
class RegionPicker;

// Where a person lives, as the intake asks it for the victim, the guardian and the perpetrator:
// the village (region picker), then the street or house, the hamlet (dusun) and the RT/RW, on
// one line below it. Object names start with `prefix` ("victim" → victimRegionPicker,
// victimAddressEdit, victimHamletEdit, victimRtEdit) and end with the form's suffix.
class IntakeAddress final
{
    Q_DECLARE_TR_FUNCTIONS(IntakeWizard)

public:
    IntakeAddress() = default;
    // `key` is the form's field key prefix ("victim0."); `regionError` names the village's message.
    IntakeAddress(IntakeFields &fields, Core::Session &session, int page, const QString &key,
                  const QString &prefix, const QString &suffix, const QString &regionError, QWidget *parent);

    // The two rows a page places under its own labels: the village, and the address line.
    QWidget *villageRow() const { return m_villageRow; }
    QWidget *detailRow() const { return m_detailRow; }
    RegionPicker *region() const { return m_region; }
    // The last input of the address, for a page's tab order.
    QWidget *lastInput() const;

    void fill(QVariantHash &person) const;
    // Shows a saved person's address, for a correction.
    void show(const Core::Record &person) const;

private:
    RegionPicker *m_region = nullptr;
    QLineEdit *m_text = nullptr;
    QLineEdit *m_hamlet = nullptr;
    QLineEdit *m_rt = nullptr;
    QWidget *m_villageRow = nullptr;
    QWidget *m_detailRow = nullptr;
};
