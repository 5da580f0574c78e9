// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shell/settingspage.h"

#include "core/domain/workflow.h"
#include "core/profile/profile.h"
#include "core/profile/settings.h"
#include "sync/client/syncclient.h"
#include "sync/enrollmentcode.h"
#include "ui/common/errortext.h"
#include "ui/sync/autosync.h"
#include "ui/sync/syncrunner.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

SettingsPage::SettingsPage(Core::Settings &settings, Core::Profile &profile, SyncRunner &sync,
                           QWidget *parent)
    : QWidget(parent)
    , m_profile(profile)
    , m_sync(sync)
{
    auto *outer = new QVBoxLayout(this);
    outer->addWidget(buildPreferences(settings));
    outer->addWidget(buildServerGroup());
    outer->addWidget(buildSyncOptions(settings));
    outer->addStretch();
    connectServer();
    refreshServer();
}

QWidget *SettingsPage::buildPreferences(Core::Settings &settings)
{
    auto *holder = new QWidget(this);
    holder->setMaximumWidth(720); // a readable column, not stretched across a wide screen
    auto *form = new QFormLayout(holder);

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
    return holder;
}

QWidget *SettingsPage::buildServerGroup()
{
    // The district server: a one-time enrollment code from the office, then read-only facts.
    auto *server = new QGroupBox(tr("District server"), this);
    server->setObjectName(u"serverGroup"_s);
    server->setMaximumWidth(720);
    auto *serverLayout = new QVBoxLayout(server);
    serverLayout->addWidget(buildEnrollForm(server));
    serverLayout->addWidget(buildEnrolledInfo(server));
    return server;
}

QWidget *SettingsPage::buildEnrollForm(QWidget *parent)
{
    m_enrollForm = new QWidget(parent);
    auto *enrollForm = new QFormLayout(m_enrollForm);
    enrollForm->setContentsMargins(0, 0, 0, 0);
    auto *help = new QLabel(tr("Ask the district office for the server address and a one-time enrollment "
                               "code for this laptop."),
                            m_enrollForm);
    help->setWordWrap(true);
    enrollForm->addRow(help);
    m_serverEdit = new QLineEdit(m_enrollForm);
    m_serverEdit->setObjectName(u"serverUrlEdit"_s);
    m_serverEdit->setPlaceholderText(u"https://dp3a.example.go.id:8443"_s);
    enrollForm->addRow(tr("Server address"), m_serverEdit);
    m_codeEdit = new QLineEdit(m_enrollForm);
    m_codeEdit->setObjectName(u"enrollCodeEdit"_s);
    m_codeEdit->setPlaceholderText(u"DMP1-XXXXX-XXXXX-…"_s);
    enrollForm->addRow(tr("Enrollment code"), m_codeEdit);
    m_enrollButton = new QPushButton(tr("Enroll this laptop"), m_enrollForm);
    m_enrollButton->setObjectName(u"enrollButton"_s);
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_enrollButton);
    buttonRow->addStretch(); // a button of its own size, not a bar across the form
    enrollForm->addRow(QString(), buttonRow);
    m_enrollError = new QLabel(m_enrollForm);
    m_enrollError->setObjectName(u"enrollError"_s);
    m_enrollError->setStyleSheet(u"color: #b01c1c"_s);
    m_enrollError->setWordWrap(true);
    m_enrollError->hide();
    enrollForm->addRow(QString(), m_enrollError);
    return m_enrollForm;
}

QWidget *SettingsPage::buildEnrolledInfo(QWidget *parent)
{
    m_enrolledInfo = new QWidget(parent);
    auto *info = new QFormLayout(m_enrolledInfo);
    info->setContentsMargins(0, 0, 0, 0);
    const auto readOnly = [this](const QString &objectName) {
        auto *label = new QLabel(m_enrolledInfo);
        label->setObjectName(objectName);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return label;
    };
    m_server = readOnly(u"enrolledServerLabel"_s);
    m_login = readOnly(u"enrolledLoginLabel"_s);
    m_device = readOnly(u"enrolledDeviceLabel"_s);
    m_fingerprint = readOnly(u"certificateLabel"_s);
    info->addRow(tr("Server address"), m_server);
    info->addRow(tr("Signed in at the server as"), m_login);
    info->addRow(tr("This laptop"), m_device);
    info->addRow(tr("Server certificate"), m_fingerprint);
    return m_enrolledInfo;
}

QWidget *SettingsPage::buildSyncOptions(Core::Settings &settings)
{
    auto *group = new QGroupBox(tr("Automatic sync"), this);
    group->setObjectName(u"autoSyncGroup"_s);
    group->setMaximumWidth(720);
    auto *layout = new QVBoxLayout(group);
    auto *automatic = new QCheckBox(tr("Sync automatically"), group);
    automatic->setObjectName(u"autoSyncCheck"_s);
    automatic->setChecked(settings.autoSync());
    layout->addWidget(automatic);
    auto *help = new QLabel(tr("When the district server can be reached, a few minutes after your last "
                               "change and every 15 minutes while connected. Turn it off on a link paid "
                               "by the megabyte; \"Sync now\" always works."),
                            group);
    help->setWordWrap(true);
    layout->addWidget(help);
    auto *wifiOnly = new QCheckBox(tr("Only over Wi-Fi or a cable, not mobile data"), group);
    wifiOnly->setObjectName(u"wifiOnlyCheck"_s);
    wifiOnly->setChecked(settings.syncWifiOnly());
    layout->addWidget(wifiOnly);
    const bool canTell = AutoSync::canTellTransport();
    wifiOnly->setEnabled(canTell && settings.autoSync());
    if (!canTell) {
        auto *note = new QLabel(tr("This laptop does not tell which connection is in use, so this option "
                                   "is not available."),
                                group);
        note->setObjectName(u"wifiOnlyNote"_s);
        note->setWordWrap(true);
        layout->addWidget(note);
    }
    connect(automatic, &QCheckBox::toggled, this, [&settings, wifiOnly, canTell](bool on) {
        settings.setAutoSync(on);
        wifiOnly->setEnabled(canTell && on);
    });
    connect(wifiOnly, &QCheckBox::toggled, this, [&settings](bool on) { settings.setSyncWifiOnly(on); });
    return group;
}

void SettingsPage::connectServer()
{
    connect(m_enrollButton, &QPushButton::clicked, this, &SettingsPage::enroll);
    connect(m_codeEdit, &QLineEdit::returnPressed, this, &SettingsPage::enroll);
    connect(&m_sync, &SyncRunner::runningChanged, this,
            [this](bool running) { m_enrollButton->setEnabled(!running); });
    connect(&m_sync, &SyncRunner::enrolled, this, [this] {
        m_enrolling = false;
        m_codeEdit->clear();
        refreshServer();
    });
    connect(&m_sync, &SyncRunner::failed, this, [this](const QString &message) {
        if (!m_enrolling)
            return; // a sync's failure is shown in the status bar
        m_enrolling = false;
        m_enrollError->setText(message);
        m_enrollError->show();
    });
}

void SettingsPage::refreshServer()
{
    const Core::Result<Sync::SyncConfig> config = Sync::SyncClient::config(m_profile.changeLog());
    const bool enrolled = config && config->enrolled();
    m_enrollForm->setVisible(!enrolled);
    m_enrolledInfo->setVisible(enrolled);
    if (!enrolled)
        return;
    m_server->setText(config->serverUrl);
    QString role = config->role; // as the server says it, when this build does not know it
    const std::optional<Core::Role> known = Core::roleFromName(config->role);
    switch (known.value_or(Core::Role::Caseworker)) {
    case Core::Role::Caseworker:
        if (known)
            role = tr("caseworker");
        break;
    case Core::Role::Supervisor:
        role = tr("supervisor");
        break;
    case Core::Role::Trainer:
        role = tr("trainer");
        break;
    case Core::Role::Admin:
        role = tr("administrator");
        break;
    }
    //: A login and its role at the district server, e.g. "siti (caseworker)".
    m_login->setText(tr("%1 (%2)").arg(config->login, role));
    m_device->setText(config->deviceId);
    const QByteArray &pin = config->certificateSha256;
    m_fingerprint->setText(pin.isEmpty() || pin == QByteArray(pin.size(), '\0')
                               ? tr("none (test server without encryption)")
                               //: The first 16 hex digits of the server certificate's SHA-256.
                               : tr("SHA-256 %1…").arg(QString::fromLatin1(pin.toHex().left(16))));
}

void SettingsPage::enroll()
{
    m_enrollError->hide();
    const QString server = m_serverEdit->text().trimmed();
    if (server.isEmpty()) {
        m_enrollError->setText(tr("Enter the server address from the district office."));
        m_enrollError->show();
        return;
    }
    if (!Sync::EnrollmentCode::parse(m_codeEdit->text().trimmed())) {
        m_enrollError->setText(
            tr("This enrollment code is not valid. Check it for typos, or ask the district "
               "office for a new one."));
        m_enrollError->show();
        return;
    }
    if (m_sync.enroll(server, m_codeEdit->text()))
        m_enrolling = true;
}
