// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shell/createprofiledialog.h"

#include "core/profile/profile.h"
#include "core/regions/regionindex.h"
#include "ui/common/errortext.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

CreateProfileDialog::CreateProfileDialog(const QString &directory, const Core::RegionIndex &regions,
                                         const Core::Clock &clock, QWidget *parent)
    : QDialog(parent)
    , m_directory(directory)
    , m_regions(regions)
    , m_clock(clock)
    , m_province(new QComboBox(this))
    , m_regency(new QComboBox(this))
    , m_login(new QLineEdit(this))
    , m_role(new QComboBox(this))
    , m_passphrase(new QLineEdit(this))
    , m_repeat(new QLineEdit(this))
    , m_training(new QCheckBox(tr("Training profile (practice data for workshops, never real cases)"), this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("New Dampingi profile"));
    auto *layout = new QVBoxLayout(this);
    auto *intro
        = new QLabel(tr("A profile keeps the cases of one district on this laptop, encrypted with a key "
                        "that only your passphrase opens. There is no way to recover a forgotten "
                        "passphrase: keep it safe."),
                     this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto *form = new QFormLayout;
    m_province->setObjectName(u"provinceCombo"_s);
    for (const Core::Region &province : regions.children({}))
        m_province->addItem(province.name, province.code);
    m_province->setCurrentIndex(m_province->findData(u"64"_s)); // Kalimantan Timur, where we started
    form->addRow(tr("Province"), m_province);
    m_regency->setObjectName(u"regencyCombo"_s);
    form->addRow(tr("District (kabupaten/kota)"), m_regency);
    m_login->setObjectName(u"loginEdit"_s);
    m_login->setPlaceholderText(tr("e.g. siti.rahma"));
    form->addRow(tr("User name"), m_login);
    m_role->setObjectName(u"roleCombo"_s);
    m_role->addItem(tr("Caseworker"), u"caseworker"_s);
    m_role->addItem(tr("Supervisor"), u"supervisor"_s);
    m_role->addItem(tr("Trainer"), u"trainer"_s);
    form->addRow(tr("Role"), m_role);
    m_passphrase->setObjectName(u"passphraseEdit"_s);
    m_passphrase->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Passphrase"), m_passphrase);
    m_repeat->setObjectName(u"repeatEdit"_s);
    m_repeat->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Passphrase again"), m_repeat);
    m_training->setObjectName(u"trainingCheck"_s);
    form->addRow(QString(), m_training);
    layout->addLayout(form);
    m_error->setObjectName(u"createError"_s);
    m_error->setStyleSheet(u"color: #b01c1c"_s);
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(this);
    auto *create = buttons->addButton(tr("Create profile"), QDialogButtonBox::AcceptRole);
    create->setObjectName(u"createButton"_s);
    auto *cancel = buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    layout->addWidget(buttons);
    connect(create, &QPushButton::clicked, this, &CreateProfileDialog::create);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_province, &QComboBox::currentIndexChanged, this, &CreateProfileDialog::fillRegencies);
    fillRegencies();
    m_regency->setCurrentIndex(m_regency->findData(u"64.02"_s));
    resize(520, sizeHint().height());
}

CreateProfileDialog::~CreateProfileDialog() = default;

std::unique_ptr<Core::Profile> CreateProfileDialog::takeProfile()
{
    return std::move(m_profile);
}

void CreateProfileDialog::fillRegencies()
{
    m_regency->clear();
    for (const Core::Region &regency : m_regions.children(m_province->currentData().toString()))
        m_regency->addItem(regency.name, regency.code);
}

void CreateProfileDialog::create()
{
    m_error->hide();
    if (m_passphrase->text() != m_repeat->text()) {
        m_error->setText(tr("The two passphrases differ."));
        m_error->show();
        return;
    }
    Core::ProfileOptions options;
    options.districtCode = m_regency->currentData().toString();
    options.login = m_login->text().trimmed();
    options.role = Core::roleFromName(m_role->currentData().toString()).value_or(Core::Role::Caseworker);
    options.passphrase = m_passphrase->text();
    options.training = m_training->isChecked();
    Core::Result<std::unique_ptr<Core::Profile>> created
        = Core::Profile::create(m_directory, options, m_clock);
    if (!created) {
        m_error->setText(ErrorText::message(created.error()));
        m_error->show();
        return;
    }
    if (Core::Status s = (*created)->unlock(options.login, options.passphrase); !s) {
        m_error->setText(ErrorText::message(s.error()));
        m_error->show();
        return;
    }
    m_profile = std::move(*created);
    m_passphrase->clear();
    m_repeat->clear();
    accept();
}
