// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/intake/intakeaddress.h"

#include "core/domain/record.h"
#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "ui/intake/intakefields.h"
#include "ui/intake/intakeform.h"
#include "ui/widgets/regionpicker.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>

using namespace Qt::StringLiterals;

IntakeAddress::IntakeAddress(IntakeFields &fields, Core::Session &session, int page, const QString &key,
                             const QString &prefix, const QString &suffix, const QString &regionError,
                             QWidget *parent)
{
    m_region = new RegionPicker(session.regions(), parent);
    m_region->setObjectName(prefix + u"RegionPicker"_s + suffix);
    m_region->setScope(session.profile().info().districtCode);
    m_villageRow = fields.field(page, key + u"address_region"_s, m_region, regionError);

    m_text = IntakeForm::lineEdit(prefix + u"AddressEdit"_s + suffix, parent);
    m_text->setPlaceholderText(tr("street, house, landmark"));
    m_hamlet = IntakeForm::lineEdit(prefix + u"HamletEdit"_s + suffix, parent);
    m_hamlet->setMaxLength(100);
    m_rt = IntakeForm::lineEdit(prefix + u"RtEdit"_s + suffix, parent);
    m_rt->setMaxLength(20);
    m_rt->setPlaceholderText(tr("e.g. 003/001"));

    m_detailRow = new QWidget(parent);
    auto *row = new QHBoxLayout(m_detailRow);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(fields.field(page, key + u"address_text"_s, m_text, prefix + u"AddressText"_s + suffix),
                   3);
    auto *hamletLabel = new QLabel(tr("D&usun:"), m_detailRow);
    hamletLabel->setBuddy(m_hamlet);
    hamletLabel->setMinimumHeight(m_hamlet->sizeHint().height()); // level with the input's text
    row->addWidget(hamletLabel, 0, Qt::AlignTop);
    row->addWidget(fields.field(page, key + u"address_hamlet"_s, m_hamlet, prefix + u"Hamlet"_s + suffix), 2);
    auto *rtLabel = new QLabel(tr("RT/R&W:"), m_detailRow);
    rtLabel->setBuddy(m_rt);
    rtLabel->setMinimumHeight(m_rt->sizeHint().height());
    row->addWidget(rtLabel, 0, Qt::AlignTop);
    row->addWidget(fields.field(page, key + u"address_rt"_s, m_rt, prefix + u"Rt"_s + suffix), 1);
    m_detailRow->setFocusProxy(m_text);
}

QWidget *IntakeAddress::lastInput() const
{
    return m_rt;
}

void IntakeAddress::show(const Core::Record &person) const
{
    m_region->setCode(person.text(u"address_region"_s));
    m_text->setText(person.text(u"address_text"_s));
    m_hamlet->setText(person.text(u"address_hamlet"_s));
    m_rt->setText(person.text(u"address_rt"_s));
}

void IntakeAddress::fill(QVariantHash &person) const
{
    IntakeForm::put(person, u"address_region"_s, m_region->code());
    IntakeForm::put(person, u"address_text"_s, m_text->text());
    IntakeForm::put(person, u"address_hamlet"_s, m_hamlet->text());
    IntakeForm::put(person, u"address_rt"_s, m_rt->text());
}
