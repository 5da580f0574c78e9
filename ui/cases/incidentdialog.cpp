// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/cases/incidentdialog.h"

#include "core/cases/caserepository.h"
#include "core/codes/codelists.h"
#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "ui/common/errortext.h"
#include "ui/intake/intakefields.h"
#include "ui/intake/intakeform.h"
#include "ui/widgets/regionpicker.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace IntakeForm;

IncidentDialog::IncidentDialog(Core::Session &session, const Core::Record &kase, const QString &language,
                               QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_caseId(kase.id)
    , m_fields(std::make_unique<IntakeFields>(session.validator(), language))
{
    setObjectName(u"incidentDialog"_s);
    setWindowTitle(tr("Correct the incident"));
    build(language);
    fill(kase);
    const int character = fontMetrics().averageCharWidth();
    resize(character * 120, fontMetrics().height() * 36);
}

IncidentDialog::~IncidentDialog() = default;

QListWidget *IncidentDialog::codeList(const QString &name, QStringView list, const QString &language)
{
    auto *box = new QListWidget(this);
    box->setObjectName(name);
    for (const Core::CodeItem &item : m_session.codes().items(list)) {
        auto *row = new QListWidgetItem(item.label(language), box);
        row->setData(Qt::UserRole, item.code);
        row->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        row->setCheckState(Qt::Unchecked);
    }
    box->setFixedHeight((box->sizeHintForRow(0) + 2) * box->count() + 2 * box->frameWidth() + 4);
    return box;
}

void IncidentDialog::build(const QString &language)
{
    auto *page = new QWidget(this);
    auto *grid = gridLayout(page);
    m_incidentOn = lineEdit(u"incidentDateEdit"_s, page);
    m_incidentOn->setPlaceholderText(tr("empty when unknown"));
    gridRow(grid, 0, 0, tr("&Date:"), m_fields->field(0, u"incident_on"_s, m_incidentOn, u"incidentOn"_s));
    m_scene = codeCombo(u"sceneCombo"_s, m_session.codes(), u"scene", language, tr("Not recorded"), page);
    gridRow(grid, 1, 0, tr("S&cene:"), m_fields->field(0, u"incident_scene"_s, m_scene, u"scene"_s));
    m_place = lineEdit(u"incidentPlaceEdit"_s, page);
    gridRow(grid, 2, 0, tr("P&lace:"), m_fields->field(0, u"incident_place"_s, m_place, u"incidentPlace"_s));
    m_typing = codeList(u"typingList"_s, u"case_typing", language);
    gridRow(grid, 3, 0, tr("Case t&yping:"), m_fields->field(0, u"typing"_s, m_typing, u"typing"_s));
    m_violenceTypes = codeList(u"violenceTypeList"_s, u"violence_type", language);
    gridRow(grid, 0, 2, tr("Violence &types:"),
            m_fields->field(0, u"violence_types"_s, m_violenceTypes, u"violenceTypes"_s), 1, 4);
    m_region = new RegionPicker(m_session.regions(), page);
    m_region->setObjectName(u"incidentRegionPicker"_s);
    m_region->setScope(m_session.profile().info().districtCode);
    gridRow(grid, 4, 0, tr("&Village:"),
            m_fields->field(0, u"incident_region"_s, m_region, u"incidentRegion"_s), 3);
    m_narrative = new QPlainTextEdit(page);
    m_narrative->setObjectName(u"narrativeEdit"_s);
    m_narrative->setTabChangesFocus(true);
    gridRow(grid, 5, 0, tr("Na&rrative:"), m_fields->field(0, u"narrative"_s, m_narrative, u"narrative"_s),
            3);
    grid->setRowStretch(5, 1);

    m_formError = new QLabel(this);
    m_formError->setObjectName(u"incidentFormError"_s);
    m_formError->setWordWrap(true);
    m_formError->setStyleSheet(errorStyle);
    m_formError->hide();
    auto *save = new QPushButton(tr("&Save"), this);
    save->setObjectName(u"saveIncidentButton"_s);
    save->setAutoDefault(false);
    auto *cancel = new QPushButton(tr("Cancel"), this);
    cancel->setObjectName(u"cancelIncidentButton"_s);
    cancel->setAutoDefault(false);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(save);
    buttons->addWidget(cancel);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(page, 1);
    layout->addWidget(m_formError);
    layout->addLayout(buttons);
    connect(save, &QPushButton::clicked, this, &IncidentDialog::save);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
}

void IncidentDialog::fill(const Core::Record &kase)
{
    const QDate on = QDate::fromString(kase.text(u"incident_on"_s), Qt::ISODate);
    m_incidentOn->setText(on.isValid() ? m_fields->formatDate(on) : QString());
    const int scene = m_scene->findData(kase.text(u"incident_scene"_s));
    m_scene->setCurrentIndex(scene >= 0 ? scene : 0);
    m_place->setText(kase.text(u"incident_place"_s));
    m_region->setCode(kase.text(u"incident_region"_s));
    const auto check = [](QListWidget *list, const QStringList &codes) {
        for (int i = 0; i < list->count(); ++i) {
            QListWidgetItem *item = list->item(i);
            item->setCheckState(codes.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked
                                                                                    : Qt::Unchecked);
        }
    };
    check(m_violenceTypes, kase.value(u"violence_types"_s).toStringList());
    check(m_typing, kase.value(u"typing"_s).toStringList());
    m_narrative->setPlainText(kase.text(u"narrative"_s));
}

QStringList IncidentDialog::checkedCodes(const QListWidget *list)
{
    QStringList codes;
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->checkState() == Qt::Checked)
            codes << list->item(i)->data(Qt::UserRole).toString();
    }
    return codes;
}

void IncidentDialog::showError(const Core::Error &error)
{
    const QString key = error.field.section(u'.', -1);
    if (m_fields->contains(key)) {
        m_fields->showError(key, ErrorText::message(error));
        m_fields->focus(key);
        return;
    }
    m_formError->setText(ErrorText::message(error));
    m_formError->show();
}

bool IncidentDialog::save()
{
    m_fields->clearErrors(0);
    m_formError->hide();
    QString on;
    if (!m_fields->readDate(u"incident_on"_s, m_incidentOn, false, &on))
        return false;
    const QStringList types = checkedCodes(m_violenceTypes);
    if (types.isEmpty()) { // as at intake: the monthly recap counts cases by violence type
        m_fields->showError(u"violence_types"_s,
                            tr("Tick at least one violence type (“Other” when unsure)."));
        return false;
    }
    const auto orNull = [](const QString &text) {
        return text.trimmed().isEmpty() ? QVariant() : QVariant(text.trimmed());
    };
    Core::CaseDraft patch;
    patch.fields = {
        {u"incident_on"_s, orNull(on)},
        {u"incident_scene"_s, orNull(code(m_scene))},
        {u"incident_place"_s, orNull(m_place->text())},
        {u"incident_region"_s, orNull(m_region->code())},
        {u"violence_types"_s, types},
        {u"typing"_s, checkedCodes(m_typing)},
        {u"narrative"_s,
         m_narrative->toPlainText().trimmed().isEmpty() ? QVariant() : QVariant(m_narrative->toPlainText())},
    };
    if (const Core::Status s = m_session.cases().update(m_caseId, patch); !s) {
        showError(s.error());
        return false;
    }
    emit incidentSaved();
    accept();
    return true;
}
