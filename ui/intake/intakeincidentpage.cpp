// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/intake/intakeincidentpage.h"

#include "core/codes/codelists.h"
#include "core/domain/validator.h"
#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "ui/intake/intakechannelpage.h"
#include "ui/intake/intakefields.h"
#include "ui/intake/intakeform.h"
#include "ui/intake/intakevictimpage.h"
#include "ui/intake/intakewizard.h"
#include "ui/widgets/regionpicker.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace IntakeForm;

IntakeIncidentPage::IntakeIncidentPage(IntakeFields &fields, Core::Session &session,
                                       const IntakeChannelPage &report, QWidget *parent)
    : QWizardPage(parent)
    , m_fields(fields)
    , m_session(session)
    , m_report(report)
{
    setTitle(tr("Incident"));
    setSubTitle(tr("When and where it happened, and what happened."));
    const int page = IntakeWizard::IncidentPage;
    const QString &language = m_fields.language();
    auto *grid = gridLayout(this);

    m_incidentOn = lineEdit(u"incidentDateEdit"_s, this);
    m_incidentOn->setPlaceholderText(tr("empty when unknown"));
    gridRow(grid, 0, 0, tr("&Date:"), m_fields.field(page, u"incident_on"_s, m_incidentOn, u"incidentOn"_s));
    m_scene = codeCombo(u"sceneCombo"_s, m_session.codes(), u"scene", language, tr("Not recorded"), this);
    gridRow(grid, 1, 0, tr("S&cene:"), m_fields.field(page, u"incident_scene"_s, m_scene, u"scene"_s));
    m_place = lineEdit(u"incidentPlaceEdit"_s, this);
    m_place->setPlaceholderText(tr("e.g. the garden behind the house"));
    gridRow(grid, 2, 0, tr("P&lace:"),
            m_fields.field(page, u"incident_place"_s, m_place, u"incidentPlace"_s));
    auto *typing = new QWidget(this);
    auto *typingLayout = new QVBoxLayout(typing);
    typingLayout->setContentsMargins(0, 0, 0, 0);
    typingLayout->setSpacing(2);
    for (const Core::CodeItem &item : m_session.codes().items(u"case_typing")) {
        auto *check = new QCheckBox(item.label(language), typing);
        check->setObjectName(item.code + u"TypingCheck"_s);
        check->setProperty("code", item.code);
        typingLayout->addWidget(check);
        m_typing << check;
        connect(check, &QCheckBox::clicked, this, [this] { m_typingTouched = true; });
    }
    if (!m_typing.isEmpty())
        typing->setFocusProxy(m_typing.first());
    gridRow(grid, 3, 0, tr("Case t&yping:"), m_fields.field(page, u"typing"_s, typing, u"typing"_s));

    m_violenceTypes = new QListWidget(this);
    m_violenceTypes->setObjectName(u"violenceTypeList"_s);
    m_violenceTypes->setSpacing(2);
    for (const Core::CodeItem &item : m_session.codes().items(u"violence_type")) {
        auto *row = new QListWidgetItem(item.label(language), m_violenceTypes);
        row->setData(Qt::UserRole, item.code);
        row->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        row->setCheckState(Qt::Unchecked);
    }
    // Tall enough for every type without a scroll bar.
    m_violenceTypes->setFixedHeight((m_violenceTypes->sizeHintForRow(0) + 4) * m_violenceTypes->count()
                                    + 2 * m_violenceTypes->frameWidth() + 4);
    gridRow(grid, 0, 2, tr("Violence &types:"),
            m_fields.field(page, u"violence_types"_s, m_violenceTypes, u"violenceTypes"_s), 1, 4);

    m_region = new RegionPicker(m_session.regions(), this);
    m_region->setObjectName(u"incidentRegionPicker"_s);
    m_region->setScope(m_session.profile().info().districtCode);
    gridRow(grid, 4, 0, tr("&Village:"),
            m_fields.field(page, u"incident_region"_s, m_region, u"incidentRegion"_s), 3);
    m_narrative = new QPlainTextEdit(this);
    m_narrative->setObjectName(u"narrativeEdit"_s);
    m_narrative->setTabChangesFocus(true);
    m_narrative->setPlaceholderText(tr("What happened, in the words of the reporter or victim."));
    gridRow(grid, 5, 0, tr("Na&rrative:"), m_fields.field(page, u"narrative"_s, m_narrative, u"narrative"_s),
            3);
    grid->setRowStretch(5, 1);
}

bool IntakeIncidentPage::validatePage()
{
    QString iso;
    if (!m_fields.readDate(u"incident_on"_s, m_incidentOn, false, &iso)) {
        m_fields.focus(u"incident_on"_s);
        return false;
    }
    const std::optional<QDate> reported = m_report.reportedOn();
    if (!iso.isEmpty() && reported && QDate::fromString(iso, Qt::ISODate) > *reported) {
        m_fields.showError(
            u"incident_on"_s,
            tr("The incident date is after the report date (%1).").arg(m_fields.formatDate(*reported)));
        m_fields.focus(u"incident_on"_s);
        return false;
    }
    bool anyType = false;
    for (int i = 0; i < m_violenceTypes->count(); ++i)
        anyType = anyType || m_violenceTypes->item(i)->checkState() == Qt::Checked;
    if (!anyType) {
        // The monthly SIMFONI-PPA recap counts cases by violence type.
        m_fields.showError(u"violence_types"_s, tr("Tick at least one violence type (“Other” when unsure)."));
        m_fields.focus(u"violence_types"_s);
        return false;
    }
    return true;
}

void IntakeIncidentPage::suggestTyping(const IntakeVictimPage &victims)
{
    // KtP for a woman, AMPK for a child: a suggestion the caseworker sees and may untick, made
    // only until they touch the boxes themselves.
    if (m_typingTouched)
        return;
    const IntakeVictimPage::Groups groups
        = victims.groups(m_report.reportedOn().value_or(m_session.validator().today()));
    for (QCheckBox *check : std::as_const(m_typing)) {
        const QString typing = check->property("code").toString();
        check->setChecked((typing == u"ampk" && groups.child) || (typing == u"ktp" && groups.woman));
    }
}

void IntakeIncidentPage::defaultVillage(const QString &village)
{
    // Where the victim lives, until the caseworker picks another village: a village they chose
    // (anything but the last default) stays.
    const QString current = m_region->code();
    if (village.isEmpty() || (!current.isEmpty() && current != m_defaultVillage))
        return;
    m_defaultVillage = village;
    m_region->setCode(village);
}

void IntakeIncidentPage::fillCase(QVariantHash &fields) const
{
    put(fields, u"incident_on"_s, m_fields.isoDate(m_incidentOn->text()));
    put(fields, u"incident_region"_s, m_region->code());
    put(fields, u"incident_place"_s, m_place->text());
    put(fields, u"incident_scene"_s, code(m_scene));
    QStringList types;
    for (int i = 0; i < m_violenceTypes->count(); ++i) {
        if (m_violenceTypes->item(i)->checkState() == Qt::Checked)
            types << m_violenceTypes->item(i)->data(Qt::UserRole).toString();
    }
    if (!types.isEmpty())
        fields.insert(u"violence_types"_s, types);
    QStringList typing;
    for (const QCheckBox *check : m_typing) {
        if (check->isChecked())
            typing << check->property("code").toString();
    }
    if (!typing.isEmpty())
        fields.insert(u"typing"_s, typing);
    put(fields, u"narrative"_s, m_narrative->toPlainText());
}
