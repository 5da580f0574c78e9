// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/shell/unlockdialog.h"

#include "core/profile/profile.h"
#include "ui/common/errortext.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

QString UnlockDialog::introText(Mode mode)
{
    switch (mode) {
    case Mode::Lock:
        return tr("Locked. Your open work is kept; enter your passphrase to continue.");
    case Mode::IdleLock:
        return tr("Locked after a period of inactivity. Your open work is kept; enter your passphrase to "
                  "continue.");
    case Mode::Unlock:
        break;
    }
    return tr("Case data on this laptop is encrypted. Enter your passphrase to open it.");
}

UnlockDialog::UnlockDialog(Core::Profile &profile, Mode mode, QWidget *parent)
    : QDialog(parent)
    , m_profile(profile)
    , m_mode(mode)
    , m_login(new QLineEdit(this))
    , m_passphrase(new QLineEdit(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(mode == Mode::Unlock ? tr("Unlock Dampingi") : tr("Dampingi is locked"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(introText(mode), this);
    intro->setObjectName(u"unlockIntro"_s);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    if (profile.info().training) {
        auto *training = new QLabel(tr("Training profile: practice data only."), this);
        training->setObjectName(u"trainingLabel"_s);
        training->setStyleSheet(u"background:#8a4b00;color:white;padding:4px;font-weight:bold"_s);
        layout->addWidget(training);
    }
    auto *form = new QFormLayout;
    m_login->setObjectName(u"loginEdit"_s);
    m_login->setText(mode == Mode::Unlock ? profile.info().defaultUser : profile.actor().login);
    m_login->setEnabled(mode == Mode::Unlock);
    form->addRow(tr("User"), m_login);
    m_passphrase->setObjectName(u"passphraseEdit"_s);
    m_passphrase->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Passphrase"), m_passphrase);
    layout->addLayout(form);
    m_error->setObjectName(u"unlockError"_s);
    m_error->setStyleSheet(u"color: #b01c1c"_s);
    m_error->setWordWrap(true);
    m_error->hide();
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(this);
    auto *unlock = buttons->addButton(tr("Unlock"), QDialogButtonBox::AcceptRole);
    unlock->setObjectName(u"unlockButton"_s);
    unlock->setDefault(true);
    if (mode == Mode::Unlock) {
        auto *cancel = buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
        cancel->setObjectName(u"cancelButton"_s);
        connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    }
    layout->addWidget(buttons);
    connect(unlock, &QPushButton::clicked, this, &UnlockDialog::attempt);
    m_passphrase->setFocus();
    resize(420, sizeHint().height());
}

void UnlockDialog::attempt()
{
    const Core::Status status = m_mode == Mode::Unlock
                                  ? m_profile.unlock(m_login->text().trimmed(), m_passphrase->text())
                                  : m_profile.verifyPassphrase(m_passphrase->text());
    if (!status) {
        m_error->setText(ErrorText::message(status.error()));
        m_error->show();
        m_passphrase->selectAll();
        m_passphrase->setFocus();
        return;
    }
    m_passphrase->clear();
    accept();
}

void UnlockDialog::reject()
{
    if (m_mode == Mode::Unlock)
        QDialog::reject();
}
