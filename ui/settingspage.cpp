// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/settingspage.h"

#include "core/profile/settings.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

SettingsPage::SettingsPage(Core::Settings &settings, QWidget *parent)
    : QWidget(parent)
{
    auto *outer = new QVBoxLayout(this);
    auto *holder = new QWidget(this);
    holder->setMaximumWidth(720); // a readable column, not stretched across a wide screen
    auto *form = new QFormLayout(holder);
    outer->addWidget(holder);
    outer->addStretch();

    auto *language = new QComboBox(holder);
    language->setObjectName(u"languageCombo"_s);
    language->addItem(u"Bahasa Indonesia"_s, u"id"_s); // language names in their own language
    language->addItem(u"English"_s, u"en"_s);
    language->setCurrentIndex(language->findData(settings.language()));
    form->addRow(tr("Language"), language);
    auto *restart = new QLabel(tr("A new language applies when Dampingi starts again."), holder);
    restart->setWordWrap(true);
    form->addRow(QString(), restart);

    auto *idle = new QSpinBox(holder);
    idle->setObjectName(u"idleLockSpin"_s);
    idle->setRange(0, 240);
    idle->setSuffix(tr(" min"));
    idle->setSpecialValueText(tr("never"));
    idle->setValue(settings.idleLockMinutes());
    form->addRow(tr("Lock after inactivity"), idle);

    auto *gps = new QComboBox(holder);
    gps->setObjectName(u"gpsSourceCombo"_s);
    gps->setEditable(true);
    gps->addItem(tr("Laptop's own location service"), u"system"_s);
    gps->addItem(tr("GPS receiver on a serial port (e.g. serial:/dev/ttyUSB0)"), u"serial:/dev/ttyUSB0"_s);
    gps->addItem(tr("Recorded NMEA log (training, e.g. nmea:/path/track.nmea)"), u"nmea:"_s);
    const int known = gps->findData(settings.gpsSource());
    if (known >= 0)
        gps->setCurrentIndex(known);
    else
        gps->setEditText(settings.gpsSource());
    form->addRow(tr("GPS source"), gps);

    connect(language, &QComboBox::currentIndexChanged, this,
            [&settings, language] { settings.setLanguage(language->currentData().toString()); });
    connect(idle, &QSpinBox::valueChanged, this,
            [&settings](int minutes) { settings.setIdleLockMinutes(minutes); });
    connect(gps, &QComboBox::currentIndexChanged, this,
            [&settings, gps] { settings.setGpsSource(gps->currentData().toString()); });
}
