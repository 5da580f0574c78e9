// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/intake/intakeperpetratorpage.h"

#include "core/cases/caserepository.h"
#include "core/profile/session.h"
#include "ui/intake/intakeaddress.h"
#include "ui/intake/intakefields.h"
#include "ui/intake/intakeform.h"
#include "ui/intake/intakewizard.h"
#include "ui/widgets/regionpicker.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace IntakeForm;

namespace {

constexpr int maxPerpetrators = 5;

} // namespace

IntakePerpetratorPage::IntakePerpetratorPage(IntakeFields &fields, Core::Session &session, QWidget *parent)
    : QWizardPage(parent)
    , m_fields(fields)
    , m_session(session)
{
    setTitle(tr("Alleged perpetrator"));
    setSubTitle(tr("Optional. Leave empty when nothing is known yet."));
    auto *layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"perpetratorTabs"_s);
    m_tabs->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    layout->addWidget(m_tabs);
    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("&Add another perpetrator"), this);
    add->setObjectName(u"addPerpetratorButton"_s);
    add->setAutoDefault(false);
    m_remove = new QPushButton(tr("Remove the last perpetrator"), this);
    m_remove->setObjectName(u"removePerpetratorButton"_s);
    m_remove->setAutoDefault(false);
    m_remove->setEnabled(false);
    buttons->addWidget(add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    layout->addLayout(buttons);
    layout->addStretch();
    connect(add, &QPushButton::clicked, this, [this, add] {
        addPerpetrator();
        add->setEnabled(m_perpetrators.size() < maxPerpetrators);
    });
    connect(m_remove, &QPushButton::clicked, this, [this, add] {
        removePerpetrator();
        add->setEnabled(true);
    });
    addPerpetrator();
}

void IntakePerpetratorPage::ensureCount(int n)
{
    while (count() < n && count() < maxPerpetrators)
        addPerpetrator();
}

void IntakePerpetratorPage::addPerpetrator()
{
    const int index = int(m_perpetrators.size());
    const QString n = suffix(index);
    const QString key = u"perpetrator%1."_s.arg(index);
    const int page = IntakeWizard::PerpetratorPage;
    PerpetratorForm p;
    p.tab = new QWidget;
    p.tab->setObjectName(u"perpetratorForm"_s + n);
    auto *form = formLayout();
    p.name = lineEdit(u"perpetratorNameEdit"_s + n, p.tab);
    p.name->setPlaceholderText(tr("empty when unknown"));
    form->addRow(tr("Na&me:"), m_fields.field(page, key + u"name"_s, p.name, u"perpetratorName"_s + n));
    p.relationship = codeCombo(u"relationshipCombo"_s + n, m_session.codes(), u"perpetrator_relationship",
                               m_fields.language(), tr("Not known"), p.tab);
    form->addRow(tr("&Relationship to the victim:"),
                 m_fields.field(page, key + u"relationship"_s, p.relationship, u"relationship"_s + n));
    // With several victims, the relationship names which one (by position in the intake).
    p.victim = new QComboBox(p.tab);
    p.victim->setObjectName(u"perpetratorVictimCombo"_s + n);
    form->addRow(tr("Victim it concerns:"), p.victim);
    p.form = form;
    fillVictims(p);
    p.sex = codeCombo(u"perpetratorSexCombo"_s + n, m_session.codes(), u"sex", m_fields.language(),
                      tr("Not recorded"), p.tab);
    form->addRow(tr("&Sex:"), m_fields.field(page, key + u"sex"_s, p.sex, u"perpetratorSex"_s + n));
    p.age = lineEdit(u"perpetratorAgeEdit"_s + n, p.tab);
    p.age->setValidator(new QIntValidator(0, 130, p.age));
    p.age->setMaximumWidth(120);
    form->addRow(tr("Estimated a&ge:"),
                 m_fields.field(page, key + u"age_estimate"_s, p.age, u"perpetratorAge"_s + n));
    // Whether the alleged perpetrator can still reach the victim: the first safety question.
    p.access = new QComboBox(p.tab);
    p.access->setObjectName(u"perpetratorAccessCombo"_s + n);
    p.access->addItem(tr("Not known"));
    p.access->addItem(tr("Yes"), u"yes"_s);
    p.access->addItem(tr("No"), u"no"_s);
    p.access->setMaximumWidth(240);
    form->addRow(tr("Still has a&ccess to the victim?"),
                 m_fields.field(page, key + u"has_access"_s, p.access, u"perpetratorAccess"_s + n));
    p.address = IntakeAddress(m_fields, m_session, page, key, u"perpetrator"_s, n, u"perpetratorRegion"_s + n,
                              p.tab);
    form->addRow(tr("&Village:"), p.address.villageRow());
    form->addRow(tr("Address:"), p.address.detailRow());
    p.tab->setLayout(form);
    tabOrder({p.name, p.relationship, p.victim, p.sex, p.age, p.access, p.address.region(),
              p.address.detailRow()});
    m_perpetrators.append(p);
    showAddedTab(m_tabs, p.tab, tr("Perpetrator %1").arg(index + 1), m_remove, index + 1, p.name);
}

void IntakePerpetratorPage::removePerpetrator()
{
    if (m_perpetrators.size() < 2)
        return;
    const int index = int(m_perpetrators.size()) - 1;
    m_fields.removeFields(u"perpetrator%1."_s.arg(index));
    dropLastTab(m_tabs, m_perpetrators.takeLast().tab, m_remove, int(m_perpetrators.size()));
}

bool IntakePerpetratorPage::validatePage()
{
    for (int i = 0; i < m_perpetrators.size(); ++i) {
        const QString key = u"perpetrator%1.age_estimate"_s.arg(i);
        std::optional<int> age;
        if (!m_fields.readAge(key, m_perpetrators.at(i).age, &age)) {
            m_fields.focus(key);
            return false;
        }
    }
    return true;
}

void IntakePerpetratorPage::setVictims(const QStringList &names)
{
    m_victimNames = names;
    for (PerpetratorForm &p : m_perpetrators)
        fillVictims(p);
}

void IntakePerpetratorPage::fillVictims(PerpetratorForm &p)
{
    const int chosen = p.victim->currentIndex();
    p.victim->clear();
    for (const QString &name : std::as_const(m_victimNames))
        p.victim->addItem(name, int(p.victim->count()));
    p.victim->setCurrentIndex(chosen >= 0 && chosen < p.victim->count() ? chosen : 0);
    p.form->setRowVisible(p.victim, m_victimNames.size() > 1);
}

std::optional<Core::PartyInput> IntakePerpetratorPage::party(int index) const
{
    const PerpetratorForm &pf = m_perpetrators.at(index);
    Core::PartyInput perpetrator;
    perpetrator.link = {{u"role"_s, u"perpetrator"_s}};
    // Victims come first in the draft, in their tab order (IntakeWizard::buildDraft).
    if (m_victimNames.size() > 1)
        perpetrator.victimIndex = pf.victim->currentIndex();
    put(perpetrator.link, u"relationship"_s, code(pf.relationship));
    QVariantHash &p = perpetrator.person;
    put(p, u"name"_s, pf.name->text().simplified());
    put(p, u"sex"_s, code(pf.sex));
    if (const std::optional<int> age = wholeNumber(pf.age))
        p.insert(u"age_estimate"_s, *age);
    pf.address.fill(p);
    if (const QString access = pf.access->currentData().toString(); !access.isEmpty())
        perpetrator.link.insert(u"has_access"_s, access == u"yes");
    if (p.isEmpty() && perpetrator.link.size() == 1)
        return std::nullopt; // nothing known about this one
    return perpetrator;
}
