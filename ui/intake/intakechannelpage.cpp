// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/intake/intakechannelpage.h"

#include "core/domain/validator.h"
#include "core/profile/session.h"
#include "ui/intake/intakefields.h"
#include "ui/intake/intakeform.h"
#include "ui/intake/intakewizard.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>

using namespace Qt::StringLiterals;
using namespace IntakeForm;

IntakeChannelPage::IntakeChannelPage(IntakeFields &fields, Core::Session &session, QWidget *parent)
    : QWizardPage(parent)
    , m_fields(fields)
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
    form->addRow(tr("&Reported on:"),
                 m_fields.field(IntakeWizard::ChannelPage, u"reported_on"_s, m_reportedOn, u"reportedOn"_s));
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
    if (!first.isEmpty())
        m_fields.focus(first);
    return ok;
}

std::optional<QDate> IntakeChannelPage::reportedOn() const
{
    return m_fields.parseDate(m_reportedOn->text());
}

void IntakeChannelPage::fillCase(QVariantHash &fields) const
{
    put(fields, u"intake_channel"_s, code(m_channel));
    put(fields, u"reported_on"_s, m_fields.isoDate(m_reportedOn->text()));
}
