// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QVariantHash>
#include <QWizardPage>

namespace Core {
class Session;
}

class IntakeChannelPage;
class IntakeFields;
class IntakeVictimPage;
class QCheckBox;
class QComboBox;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class RegionPicker;

// When and where it happened, what happened (at least one violence type, for the monthly
// SIMFONI-PPA recap), and the case typing, suggested from the victims until the user sets it.
class IntakeIncidentPage final : public QWizardPage
{
    // The intake's texts keep the wizard's translation context (and so the catalogue entries).
    Q_DECLARE_TR_FUNCTIONS(IntakeWizard)

public:
    // The incident date is checked against the report date on `report`.
    IntakeIncidentPage(IntakeFields &fields, Core::Session &session, const IntakeChannelPage &report,
                       QWidget *parent = nullptr);

    bool validatePage() override;

    // Ticks the typing that fits the victims; does nothing once the user has touched the boxes.
    void suggestTyping(const IntakeVictimPage &victims);
    // Sets the incident's village to the victim's `village` unless the caseworker chose one.
    void defaultVillage(const QString &village);
    void fillCase(QVariantHash &fields) const;

private:
    IntakeFields &m_fields;
    Core::Session &m_session;
    const IntakeChannelPage &m_report;
    QLineEdit *m_incidentOn = nullptr;
    RegionPicker *m_region = nullptr;
    QString m_defaultVillage; // the village set by defaultVillage(), while not changed by hand
    QLineEdit *m_place = nullptr;
    QComboBox *m_scene = nullptr;
    QListWidget *m_violenceTypes = nullptr;
    QList<QCheckBox *> m_typing;
    bool m_typingTouched = false;
    QPlainTextEdit *m_narrative = nullptr;
};
