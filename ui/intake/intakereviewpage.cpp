// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/intake/intakereviewpage.h"

#include "core/cases/caserepository.h"
#include "core/changelog/schema.h"
#include "ui/common/fieldlabels.h"
#include "ui/intake/intakeform.h"
#include "ui/intake/intakewizard.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

// Fields of the case record shown with their own page; the rest of the case belongs to the risk page.
const QStringList channelFields = {u"intake_channel"_s, u"reported_on"_s, u"received_at"_s};
const QStringList incidentFields
    = {u"incident_on"_s,    u"incident_region"_s, u"incident_place"_s, u"incident_scene"_s,
       u"violence_types"_s, u"typing"_s,          u"narrative"_s};
// Never entered by hand, or shown another way.
const QStringList linkSkip = {u"person_id"_s, u"role"_s, u"victim_person_id"_s};

} // namespace

IntakeReviewPage::IntakeReviewPage(const Core::Session &session, const QString &language,
                                   std::function<void(int)> edit, QWidget *parent)
    : QWizardPage(parent)
    , m_session(session)
    , m_language(language)
    , m_edit(std::move(edit))
{
    setTitle(tr("Check and save"));
    setSubTitle(tr("Everything entered, page by page. “Change” goes back to a page; “Save case” stores it."));
    auto *layout = new QVBoxLayout(this);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"reviewScroll"_s);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_content = new QWidget(scroll);
    m_content->setObjectName(u"reviewContent"_s);
    m_sections = new QVBoxLayout(m_content);
    scroll->setWidget(m_content);
    layout->addWidget(scroll, 1);
    m_saveError = new QLabel(this);
    m_saveError->setObjectName(u"reviewSaveError"_s);
    m_saveError->setWordWrap(true);
    m_saveError->setStyleSheet(IntakeForm::errorStyle);
    m_saveError->hide();
    layout->addWidget(m_saveError);
}

void IntakeReviewPage::showSaveError(const QString &message)
{
    m_saveError->setText(message);
    m_saveError->show();
}

void IntakeReviewPage::showDraft(const Core::CaseDraft &draft, const Context &context)
{
    m_saveError->hide();
    while (QLayoutItem *item = m_sections->takeAt(0)) {
        // Out of the page at once (tests and the eye read the new list only), deleted later.
        if (QWidget *w = item->widget()) {
            w->hide();
            w->setParent(nullptr);
            w->deleteLater();
        }
        delete item;
    }
    m_buttonCount.clear();
    addSection(IntakeWizard::ChannelPage, tr("Report"), caseRows(draft, channelFields), u"Channel"_s);

    const auto parties = [&draft](const QString &role) {
        QList<const Core::PartyInput *> out;
        for (const Core::PartyInput &party : draft.parties) {
            if (party.link.value(u"role"_s).toString() == role)
                out << &party;
        }
        return out;
    };
    const QList<const Core::PartyInput *> reporters = parties(u"reporter"_s);
    addSection(IntakeWizard::ReporterPage, tr("Reporter"),
               reporters.isEmpty() ? Rows{} : partyRows(*reporters.first(), context), u"Reporter"_s);
    const QList<const Core::PartyInput *> victims = parties(u"victim"_s);
    for (int i = 0; i < victims.size(); ++i)
        addSection(IntakeWizard::VictimPage, tr("Victim %1").arg(i + 1), partyRows(*victims.at(i), context),
                   u"Victim"_s);
    const QList<const Core::PartyInput *> guardians = parties(u"guardian"_s);
    Rows guardian = guardians.isEmpty() ? Rows{} : partyRows(*guardians.first(), context);
    if (context.guardianUnknown)
        guardian.append({tr("Guardian (wali)"), tr("not known yet")});
    addSection(IntakeWizard::GuardianPage, tr("Guardian and consent"), guardian, u"Guardian"_s);
    addSection(IntakeWizard::IncidentPage, tr("Incident"), caseRows(draft, incidentFields), u"Incident"_s);
    const QList<const Core::PartyInput *> perpetrators = parties(u"perpetrator"_s);
    for (int i = 0; i < perpetrators.size(); ++i)
        addSection(IntakeWizard::PerpetratorPage, tr("Perpetrator %1").arg(i + 1),
                   partyRows(*perpetrators.at(i), context), u"Perpetrator"_s);
    if (perpetrators.isEmpty())
        addSection(IntakeWizard::PerpetratorPage, tr("Alleged perpetrator"), {}, u"Perpetrator"_s);

    QStringList riskFields;
    for (auto it = draft.fields.cbegin(); it != draft.fields.cend(); ++it) {
        if (!channelFields.contains(it.key()) && !incidentFields.contains(it.key())
            && it.key() != u"district_code")
            riskFields << it.key();
    }
    Rows risk = draft.risk ? entityRows(u"risk_assessment"_s, *draft.risk, {}) : Rows{};
    risk << caseRows(draft, riskFields);
    addSection(IntakeWizard::RiskPage, tr("Risk and safety"), risk, u"Risk"_s);
    m_sections->addStretch();
}

void IntakeReviewPage::addSection(int page, const QString &title, const Rows &rows, const QString &buttonName)
{
    auto *box = new QGroupBox(title, m_content);
    auto *layout = new QHBoxLayout(box);
    auto *form = IntakeForm::formLayout();
    for (const auto &[label, value] : rows) {
        auto *shown = new QLabel(value, box);
        shown->setWordWrap(true);
        shown->setTextInteractionFlags(Qt::TextSelectableByMouse);
        form->addRow(label + u':', shown);
    }
    if (rows.isEmpty())
        form->addRow(new QLabel(tr("Nothing entered."), box));
    layout->addLayout(form, 1);
    const int n = m_buttonCount[buttonName]++;
    auto *change = new QPushButton(tr("Change"), box);
    change->setObjectName(u"reviewEdit%1Button%2"_s.arg(buttonName, IntakeForm::suffix(n)));
    change->setAutoDefault(false);
    connect(change, &QPushButton::clicked, this, [this, page] { m_edit(page); });
    layout->addWidget(change, 0, Qt::AlignTop);
    m_sections->addWidget(box);
}

IntakeReviewPage::Rows IntakeReviewPage::caseRows(const Core::CaseDraft &draft,
                                                  const QStringList &fields) const
{
    QVariantHash values;
    for (const QString &field : fields) {
        if (draft.fields.contains(field))
            values.insert(field, draft.fields.value(field));
    }
    return entityRows(u"case"_s, values, {});
}

IntakeReviewPage::Rows IntakeReviewPage::partyRows(const Core::PartyInput &party,
                                                   const Context &context) const
{
    Rows rows = entityRows(u"person"_s, party.person, {u"birth_year"_s});
    const bool reporter = party.link.value(u"role"_s).toString() == u"reporter";
    for (const auto &[label, value] : entityRows(u"case_person"_s, party.link, linkSkip))
        rows.append(
            {reporter && label == FieldLabels::field({}, u"notes"_s) ? tr("Relation to the victim") : label,
             value});
    if (party.victimIndex >= 0 && party.victimIndex < context.victimNames.size()
        && party.link.value(u"role"_s).toString() == u"perpetrator")
        rows.append({tr("Victim it concerns"), context.victimNames.at(party.victimIndex)});
    return rows;
}

IntakeReviewPage::Rows IntakeReviewPage::entityRows(const QString &entity, const QVariantHash &values,
                                                    const QStringList &skip) const
{
    // In the schema's order, which is the order the case file shows them in.
    Rows rows;
    const Core::EntityDef *def = Core::Schema::entity(entity);
    if (!def)
        return rows;
    for (const Core::FieldDef &field : def->fields) {
        if (!values.contains(field.name) || skip.contains(field.name))
            continue;
        rows.append({FieldLabels::field({}, field.name),
                     FieldLabels::shown(m_session, field, values.value(field.name), m_language)});
    }
    return rows;
}
