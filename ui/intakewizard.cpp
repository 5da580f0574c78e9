// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/intakewizard.h"

#include "core/clock/clock.h"
#include "core/codes/codelists.h"
#include "core/domain/validator.h"
#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "core/store/caserepository.h"
#include "core/validation/nikvalidator.h"
#include "ui/codelabels.h"
#include "ui/errortext.h"
#include "ui/regionpicker.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

constexpr int maxVictims = 5;
constexpr int maxPerpetrators = 5;
constexpr int nikDigits = 16;

const QString errorStyle = u"color:#b00020"_s;
const QString warningStyle = u"color:#8a4b00"_s;
const QString hintStyle = u"color:#505050"_s;

// The second and later victims or perpetrators get a number after their object names
// ("victimNameEdit2"), so every widget has a unique name for tests and screenshots.
QString suffix(int index)
{
    return index == 0 ? QString() : QString::number(index + 1);
}

QLineEdit *lineEdit(const QString &name, QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(name);
    return edit;
}

QComboBox *codeCombo(const QString &name, const Core::CodeLists &codes, QStringView list,
                     const QString &language, const QString &emptyText, QWidget *parent)
{
    auto *box = new QComboBox(parent);
    box->setObjectName(name);
    CodeLabels::fill(box, codes, list, language, emptyText);
    return box;
}

QString code(const QComboBox *box)
{
    return box->currentData().toString();
}

// A single-column form with growing fields and compact rows, for 1366×768.
QFormLayout *formLayout()
{
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setVerticalSpacing(6);
    return form;
}

// Two label/field column pairs with the labels of each column aligned; fields share the width.
QGridLayout *gridLayout(QWidget *parent)
{
    auto *grid = new QGridLayout(parent);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    grid->setColumnMinimumWidth(2, 0);
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(6);
    return grid;
}

// A label beside `box`, level with its first line even when an error shows under it.
void gridRow(QGridLayout *grid, int row, int column, const QString &text, QWidget *box, int columnSpan = 1,
             int rowSpan = 1)
{
    auto *label = new QLabel(text); // the grid adopts it
    label->setBuddy(box);
    label->setMinimumHeight(QLineEdit().sizeHint().height());
    label->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    if (column > 0)
        label->setIndent(12);
    grid->addWidget(label, row, column, 1, 1, Qt::AlignTop);
    // Fields keep to the top of their row, so an error under a neighbour does not shift them;
    // a text area fills its row.
    const bool fills = box->focusProxy() && qobject_cast<QPlainTextEdit *>(box->focusProxy());
    grid->addWidget(box, row, column + 1, rowSpan, columnSpan, fills ? Qt::Alignment() : Qt::AlignTop);
}

// A whole number typed in an age field; nothing when it is empty or not a number.
std::optional<int> wholeNumber(const QLineEdit *edit)
{
    bool ok = false;
    const int n = edit->text().trimmed().toInt(&ok);
    return ok ? std::optional(n) : std::nullopt;
}

int digitCount(const QString &text)
{
    int n = 0;
    for (const QChar c : text)
        n += c.isDigit() ? 1 : 0;
    return n;
}

} // namespace

IntakeWizard::IntakeWizard(Core::Session &session, const QString &language, QWidget *parent)
    : QWizard(parent)
    , m_session(session)
    , m_language(language)
    , m_nik(std::make_unique<Core::NikValidator>(session.regions()))
    , m_scope(session.profile().info().districtCode)
{
    setObjectName(u"intakeWizard"_s);
    setWizardStyle(QWizard::ClassicStyle);
    // Pages are built once and keep their input when the user goes back (and when a store
    // error sends them back): nothing typed is reset.
    setOptions(QWizard::IndependentPages | QWizard::NoBackButtonOnStartPage);
    setWindowTitle(session.profile().info().training ? tr("New case — TRAINING profile") : tr("New case"));

    // Dates are typed in the UI language's short format, always with a four-digit year.
    m_dateFormat = QLocale(m_language).dateFormat(QLocale::ShortFormat);
    if (!m_dateFormat.contains(u"yyyy"))
        m_dateFormat.replace(u"yy"_s, u"yyyy"_s);

    setPage(ChannelPage, buildChannelPage());
    setPage(ReporterPage, buildReporterPage());
    setPage(VictimPage, buildVictimPage());
    setPage(IncidentPage, buildIncidentPage());
    setPage(PerpetratorPage, buildPerpetratorPage());
    setPage(RiskPage, buildRiskPage());
    setStartId(ChannelPage);

    // Qt ships no Indonesian catalogue: the wizard's own buttons get our texts.
    setButtonText(QWizard::BackButton, tr("< &Back"));
    setButtonText(QWizard::NextButton, tr("&Next >"));
    setButtonText(QWizard::FinishButton, tr("&Save case"));
    setButtonText(QWizard::CancelButton, tr("Cancel"));
    button(QWizard::BackButton)->setObjectName(u"backButton"_s);
    button(QWizard::NextButton)->setObjectName(u"nextButton"_s);
    button(QWizard::FinishButton)->setObjectName(u"finishButton"_s);
    button(QWizard::CancelButton)->setObjectName(u"cancelButton"_s);
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        m_discardArmed = false;
        setButtonText(QWizard::CancelButton, tr("Cancel"));
        // Victims may have changed since the page was last shown.
        if (id == IncidentPage)
            suggestTyping();
        if (id == PerpetratorPage)
            m_linkNote->setVisible(m_victims.size() > 1);
    });

    resize(1040, 680);
}

IntakeWizard::~IntakeWizard() = default;

// ---------------------------------------------------------------------------------------------
// Pages

QWidget *IntakeWizard::field(int page, const QString &key, QWidget *input, const QString &errorName)
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(input);
    auto *error = new QLabel(box);
    error->setObjectName(errorName + u"Error"_s);
    error->setWordWrap(true);
    error->setStyleSheet(errorStyle);
    error->hide();
    layout->addWidget(error);
    box->setFocusProxy(input); // the row label's mnemonic focuses the input
    m_slots.insert(key, Slot{page, input, error});
    // A message about a value goes once the value changes. The NIK's label is the live check's.
    if (!key.endsWith(u".nik")) {
        const auto clear = [this, key] { clearError(key); };
        if (auto *edit = qobject_cast<QLineEdit *>(input))
            connect(edit, &QLineEdit::textChanged, error, clear);
        else if (auto *combo = qobject_cast<QComboBox *>(input))
            connect(combo, &QComboBox::currentIndexChanged, error, clear);
        else if (auto *text = qobject_cast<QPlainTextEdit *>(input))
            connect(text, &QPlainTextEdit::textChanged, error, clear);
        else if (auto *list = qobject_cast<QListWidget *>(input))
            connect(list, &QListWidget::itemChanged, error, clear);
        else if (auto *picker = qobject_cast<RegionPicker *>(input))
            connect(picker, &RegionPicker::codeChanged, error, clear);
        else if (auto *check = qobject_cast<QCheckBox *>(input))
            connect(check, &QCheckBox::toggled, error, clear);
    }
    return box;
}

QWizardPage *IntakeWizard::buildChannelPage()
{
    auto *page = new QWizardPage;
    page->setTitle(tr("Report"));
    page->setSubTitle(tr("How and when the report reached the unit."));
    auto *form = formLayout();
    m_channel
        = codeCombo(u"channelCombo"_s, m_session.codes(), u"intake_channel", m_language, tr("Choose…"), page);
    form->addRow(tr("Report &channel:"), field(ChannelPage, u"intake_channel"_s, m_channel, u"channel"_s));
    m_reportedOn = lineEdit(u"reportedOnEdit"_s, page);
    const QDate today = QDateTime::fromMSecsSinceEpoch(m_session.profile().clock().nowMs()).date();
    m_reportedOn->setText(QLocale(m_language).toString(today, m_dateFormat));
    m_reportedOn->setPlaceholderText(tr("e.g. %1").arg(QLocale(m_language).toString(today, m_dateFormat)));
    m_reportedOn->setMaximumWidth(180);
    form->addRow(tr("&Reported on:"), field(ChannelPage, u"reported_on"_s, m_reportedOn, u"reportedOn"_s));
    page->setLayout(form);
    return page;
}

QWizardPage *IntakeWizard::buildReporterPage()
{
    auto *page = new QWizardPage;
    page->setTitle(tr("Reporter"));
    page->setSubTitle(
        tr("Optional. Leave empty when the reporter is the victim or wishes to stay anonymous."));
    auto *form = formLayout();
    m_reporterName = lineEdit(u"reporterNameEdit"_s, page);
    form->addRow(tr("Na&me:"), field(ReporterPage, u"reporter.name"_s, m_reporterName, u"reporterName"_s));
    m_reporterPhone = lineEdit(u"reporterPhoneEdit"_s, page);
    m_reporterPhone->setMaximumWidth(240);
    form->addRow(tr("&Phone:"),
                 field(ReporterPage, u"reporter.phone"_s, m_reporterPhone, u"reporterPhone"_s));
    m_reporterNote = lineEdit(u"reporterNoteEdit"_s, page);
    m_reporterNote->setPlaceholderText(tr("e.g. neighbour, teacher, head of the RT"));
    form->addRow(tr("&Relation to the victim:"),
                 field(ReporterPage, u"reporter.notes"_s, m_reporterNote, u"reporterNote"_s));
    page->setLayout(form);
    return page;
}

QWizardPage *IntakeWizard::buildVictimPage()
{
    auto *page = new QWizardPage;
    page->setTitle(tr("Victim"));
    page->setSubTitle(tr("Name or NIK is needed. Leave the NIK empty when it is unknown."));
    auto *layout = new QVBoxLayout(page);
    m_victimTabs = new QTabWidget(page);
    m_victimTabs->setObjectName(u"victimTabs"_s);
    layout->addWidget(m_victimTabs, 1);
    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("&Add another victim"), page);
    add->setObjectName(u"addVictimButton"_s);
    add->setAutoDefault(false);
    m_removeVictim = new QPushButton(tr("Remove the last victim"), page);
    m_removeVictim->setObjectName(u"removeVictimButton"_s);
    m_removeVictim->setAutoDefault(false);
    m_removeVictim->setEnabled(false);
    buttons->addWidget(add);
    buttons->addWidget(m_removeVictim);
    buttons->addStretch();
    layout->addLayout(buttons);
    connect(add, &QPushButton::clicked, this, [this, add] {
        addVictim();
        add->setEnabled(m_victims.size() < maxVictims);
    });
    connect(m_removeVictim, &QPushButton::clicked, this, [this, add] {
        removeVictim();
        add->setEnabled(true);
    });
    addVictim();
    return page;
}

void IntakeWizard::addVictim()
{
    const int index = int(m_victims.size());
    const QString n = suffix(index);
    const QString key = u"victim%1."_s.arg(index);
    VictimForm v;
    v.tab = new QWidget;
    v.tab->setObjectName(u"victimForm"_s + n);
    auto *grid = gridLayout(v.tab);

    v.name = lineEdit(u"victimNameEdit"_s + n, v.tab);
    gridRow(grid, 0, 0, tr("Na&me:"), field(VictimPage, key + u"name"_s, v.name, u"name"_s + n));
    v.nik = lineEdit(u"victimNikEdit"_s + n, v.tab);
    v.nik->setPlaceholderText(tr("16 digits; empty when unknown"));
    v.nik->setMaxLength(24); // room for spaces or dots as printed on a KTP
    gridRow(grid, 1, 0, tr("NI&K:"), field(VictimPage, key + u"nik"_s, v.nik, u"nik"_s + n));
    v.sex = codeCombo(u"victimSexCombo"_s + n, m_session.codes(), u"sex", m_language, tr("Not recorded"),
                      v.tab);
    gridRow(grid, 2, 0, tr("&Sex:"), field(VictimPage, key + u"sex"_s, v.sex, u"sex"_s + n));
    v.birthDate = lineEdit(u"victimBirthDateEdit"_s + n, v.tab);
    v.birthDate->setPlaceholderText(
        tr("e.g. %1").arg(QLocale(m_language).toString(QDate(2012, 7, 15), m_dateFormat)));
    gridRow(grid, 3, 0, tr("Bi&rth date:"),
            field(VictimPage, key + u"birth_date"_s, v.birthDate, u"birthDate"_s + n));
    v.age = lineEdit(u"victimAgeEdit"_s + n, v.tab);
    v.age->setValidator(new QIntValidator(0, 130, v.age));
    v.age->setPlaceholderText(tr("years, when the birth date is unknown"));
    gridRow(grid, 4, 0, tr("or estimated a&ge:"),
            field(VictimPage, key + u"age_estimate"_s, v.age, u"age"_s + n));

    v.disability = codeCombo(u"victimDisabilityCombo"_s + n, m_session.codes(), u"disability", m_language,
                             tr("Not recorded"), v.tab);
    gridRow(grid, 0, 2, tr("&Disability:"),
            field(VictimPage, key + u"disability"_s, v.disability, u"disability"_s + n));
    v.education = codeCombo(u"victimEducationCombo"_s + n, m_session.codes(), u"education", m_language,
                            tr("Not recorded"), v.tab);
    gridRow(grid, 1, 2, tr("&Education:"),
            field(VictimPage, key + u"education"_s, v.education, u"education"_s + n));
    v.phone = lineEdit(u"victimPhoneEdit"_s + n, v.tab);
    gridRow(grid, 2, 2, tr("&Phone:"), field(VictimPage, key + u"phone"_s, v.phone, u"phone"_s + n));
    // The picker's cascade needs the full width to show whole names.
    v.address = new RegionPicker(m_session.regions(), v.tab);
    v.address->setObjectName(u"victimRegionPicker"_s + n);
    v.address->setScope(m_scope);
    gridRow(grid, 5, 0, tr("&Village:"),
            field(VictimPage, key + u"address_region"_s, v.address, u"address"_s + n), 3);

    v.match = new QLabel(v.tab);
    v.match->setObjectName(u"victimMatchLabel"_s + n);
    v.match->setWordWrap(true);
    v.match->setStyleSheet(warningStyle);
    v.match->hide();
    grid->addWidget(v.match, 6, 0, 1, 4);
    grid->setRowStretch(7, 1);

    // Looking for earlier cases of the same person waits for a pause in typing.
    v.matchTimer = new QTimer(v.tab);
    v.matchTimer->setSingleShot(true);
    v.matchTimer->setInterval(300);
    connect(v.matchTimer, &QTimer::timeout, this, [this, index] { findMatches(index); });
    connect(v.name, &QLineEdit::textChanged, v.matchTimer, qOverload<>(&QTimer::start));
    connect(v.nik, &QLineEdit::textChanged, v.matchTimer, qOverload<>(&QTimer::start));
    // The NIK is checked as it is typed, and again when the sex or birth date beside it changes.
    connect(v.nik, &QLineEdit::textChanged, this, [this, index] { checkNik(index); });
    connect(v.sex, &QComboBox::currentIndexChanged, this, [this, index] { checkNik(index); });
    connect(v.birthDate, &QLineEdit::textChanged, this, [this, index] { checkNik(index); });

    m_victims.append(v);
    m_victimTabs->addTab(v.tab, tr("Victim %1").arg(index + 1));
    m_victimTabs->setCurrentWidget(v.tab);
    m_removeVictim->setEnabled(m_victims.size() > 1);
    if (index > 0)
        v.name->setFocus();
}

void IntakeWizard::removeVictim()
{
    if (m_victims.size() < 2)
        return;
    const int index = int(m_victims.size()) - 1;
    const QString prefix = u"victim%1."_s.arg(index);
    m_slots.removeIf(
        [&prefix](const QHash<QString, Slot>::iterator it) { return it.key().startsWith(prefix); });
    const VictimForm v = m_victims.takeLast();
    m_victimTabs->removeTab(m_victimTabs->indexOf(v.tab));
    v.tab->deleteLater();
    m_removeVictim->setEnabled(m_victims.size() > 1);
}

QWizardPage *IntakeWizard::buildIncidentPage()
{
    auto *page = new QWizardPage;
    page->setTitle(tr("Incident"));
    page->setSubTitle(tr("When and where it happened, and what happened."));
    auto *grid = gridLayout(page);

    m_incidentOn = lineEdit(u"incidentDateEdit"_s, page);
    m_incidentOn->setPlaceholderText(tr("empty when unknown"));
    gridRow(grid, 0, 0, tr("&Date:"), field(IncidentPage, u"incident_on"_s, m_incidentOn, u"incidentOn"_s));
    m_scene = codeCombo(u"sceneCombo"_s, m_session.codes(), u"scene", m_language, tr("Not recorded"), page);
    gridRow(grid, 1, 0, tr("S&cene:"), field(IncidentPage, u"incident_scene"_s, m_scene, u"scene"_s));
    m_incidentPlace = lineEdit(u"incidentPlaceEdit"_s, page);
    m_incidentPlace->setPlaceholderText(tr("e.g. the garden behind the house"));
    gridRow(grid, 2, 0, tr("P&lace:"),
            field(IncidentPage, u"incident_place"_s, m_incidentPlace, u"incidentPlace"_s));
    auto *typing = new QWidget(page);
    auto *typingLayout = new QVBoxLayout(typing);
    typingLayout->setContentsMargins(0, 0, 0, 0);
    typingLayout->setSpacing(2);
    for (const Core::CodeItem &item : m_session.codes().items(u"case_typing")) {
        auto *check = new QCheckBox(item.label(m_language), typing);
        check->setObjectName(item.code + u"TypingCheck"_s);
        check->setProperty("code", item.code);
        typingLayout->addWidget(check);
        m_typing << check;
        connect(check, &QCheckBox::clicked, this, [this] { m_typingTouched = true; });
    }
    if (!m_typing.isEmpty())
        typing->setFocusProxy(m_typing.first());
    gridRow(grid, 3, 0, tr("Case t&yping:"), field(IncidentPage, u"typing"_s, typing, u"typing"_s));

    m_violenceTypes = new QListWidget(page);
    m_violenceTypes->setObjectName(u"violenceTypeList"_s);
    m_violenceTypes->setSpacing(2);
    for (const Core::CodeItem &item : m_session.codes().items(u"violence_type")) {
        auto *row = new QListWidgetItem(item.label(m_language), m_violenceTypes);
        row->setData(Qt::UserRole, item.code);
        row->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        row->setCheckState(Qt::Unchecked);
    }
    // Tall enough for every type without a scroll bar.
    m_violenceTypes->setFixedHeight((m_violenceTypes->sizeHintForRow(0) + 4) * m_violenceTypes->count()
                                    + 2 * m_violenceTypes->frameWidth() + 4);
    gridRow(grid, 0, 2, tr("Violence &types:"),
            field(IncidentPage, u"violence_types"_s, m_violenceTypes, u"violenceTypes"_s), 1, 4);

    m_incidentRegion = new RegionPicker(m_session.regions(), page);
    m_incidentRegion->setObjectName(u"incidentRegionPicker"_s);
    m_incidentRegion->setScope(m_scope);
    gridRow(grid, 4, 0, tr("&Village:"),
            field(IncidentPage, u"incident_region"_s, m_incidentRegion, u"incidentRegion"_s), 3);
    m_narrative = new QPlainTextEdit(page);
    m_narrative->setObjectName(u"narrativeEdit"_s);
    m_narrative->setTabChangesFocus(true);
    m_narrative->setPlaceholderText(tr("What happened, in the words of the reporter or victim."));
    gridRow(grid, 5, 0, tr("Na&rrative:"), field(IncidentPage, u"narrative"_s, m_narrative, u"narrative"_s),
            3);
    grid->setRowStretch(5, 1);
    return page;
}

QWizardPage *IntakeWizard::buildPerpetratorPage()
{
    auto *page = new QWizardPage;
    page->setTitle(tr("Alleged perpetrator"));
    page->setSubTitle(tr("Optional. Leave empty when nothing is known yet."));
    auto *layout = new QVBoxLayout(page);
    m_perpetratorTabs = new QTabWidget(page);
    m_perpetratorTabs->setObjectName(u"perpetratorTabs"_s);
    m_perpetratorTabs->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    layout->addWidget(m_perpetratorTabs);
    m_linkNote = new QLabel(tr("With more than one victim, the relationship is saved without naming the "
                               "victim: say in the narrative whom it concerns."),
                            page);
    m_linkNote->setObjectName(u"victimLinkNote"_s);
    m_linkNote->setWordWrap(true);
    m_linkNote->setStyleSheet(hintStyle);
    m_linkNote->hide();
    layout->addWidget(m_linkNote);
    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("&Add another perpetrator"), page);
    add->setObjectName(u"addPerpetratorButton"_s);
    add->setAutoDefault(false);
    m_removePerpetrator = new QPushButton(tr("Remove the last perpetrator"), page);
    m_removePerpetrator->setObjectName(u"removePerpetratorButton"_s);
    m_removePerpetrator->setAutoDefault(false);
    m_removePerpetrator->setEnabled(false);
    buttons->addWidget(add);
    buttons->addWidget(m_removePerpetrator);
    buttons->addStretch();
    layout->addLayout(buttons);
    layout->addStretch();
    connect(add, &QPushButton::clicked, this, [this, add] {
        addPerpetrator();
        add->setEnabled(m_perpetrators.size() < maxPerpetrators);
    });
    connect(m_removePerpetrator, &QPushButton::clicked, this, [this, add] {
        removePerpetrator();
        add->setEnabled(true);
    });
    addPerpetrator();
    return page;
}

void IntakeWizard::addPerpetrator()
{
    const int index = int(m_perpetrators.size());
    const QString n = suffix(index);
    const QString key = u"perpetrator%1."_s.arg(index);
    PerpetratorForm p;
    p.tab = new QWidget;
    p.tab->setObjectName(u"perpetratorForm"_s + n);
    auto *form = formLayout();
    p.name = lineEdit(u"perpetratorNameEdit"_s + n, p.tab);
    p.name->setPlaceholderText(tr("empty when unknown"));
    form->addRow(tr("Na&me:"), field(PerpetratorPage, key + u"name"_s, p.name, u"perpetratorName"_s + n));
    p.relationship = codeCombo(u"relationshipCombo"_s + n, m_session.codes(), u"perpetrator_relationship",
                               m_language, tr("Not known"), p.tab);
    form->addRow(tr("&Relationship to the victim:"),
                 field(PerpetratorPage, key + u"relationship"_s, p.relationship, u"relationship"_s + n));
    p.sex = codeCombo(u"perpetratorSexCombo"_s + n, m_session.codes(), u"sex", m_language, tr("Not recorded"),
                      p.tab);
    form->addRow(tr("&Sex:"), field(PerpetratorPage, key + u"sex"_s, p.sex, u"perpetratorSex"_s + n));
    p.age = lineEdit(u"perpetratorAgeEdit"_s + n, p.tab);
    p.age->setValidator(new QIntValidator(0, 130, p.age));
    p.age->setMaximumWidth(120);
    form->addRow(tr("Estimated a&ge:"),
                 field(PerpetratorPage, key + u"age_estimate"_s, p.age, u"perpetratorAge"_s + n));
    p.tab->setLayout(form);
    m_perpetrators.append(p);
    m_perpetratorTabs->addTab(p.tab, tr("Perpetrator %1").arg(index + 1));
    m_perpetratorTabs->setCurrentWidget(p.tab);
    m_removePerpetrator->setEnabled(m_perpetrators.size() > 1);
    if (index > 0)
        p.name->setFocus();
}

void IntakeWizard::removePerpetrator()
{
    if (m_perpetrators.size() < 2)
        return;
    const int index = int(m_perpetrators.size()) - 1;
    const QString prefix = u"perpetrator%1."_s.arg(index);
    m_slots.removeIf(
        [&prefix](const QHash<QString, Slot>::iterator it) { return it.key().startsWith(prefix); });
    const PerpetratorForm p = m_perpetrators.takeLast();
    m_perpetratorTabs->removeTab(m_perpetratorTabs->indexOf(p.tab));
    p.tab->deleteLater();
    m_removePerpetrator->setEnabled(m_perpetrators.size() > 1);
}

QWizardPage *IntakeWizard::buildRiskPage()
{
    auto *page = new QWizardPage;
    page->setTitle(tr("Risk and safety"));
    page->setSubTitle(tr("A first judgement from the intake; the assessment will refine it."));
    auto *layout = new QVBoxLayout(page);
    auto *form = formLayout();
    m_risk = codeCombo(u"riskCombo"_s, m_session.codes(), u"risk_level", m_language, tr("Choose…"), page);
    m_risk->setMaximumWidth(240);
    form->addRow(tr("&Risk level:"), field(RiskPage, u"risk.level"_s, m_risk, u"riskLevel"_s));
    m_safetyNotes = new QPlainTextEdit(page);
    m_safetyNotes->setObjectName(u"safetyNotesEdit"_s);
    m_safetyNotes->setTabChangesFocus(true);
    m_safetyNotes->setPlaceholderText(tr("Immediate dangers and what keeps the victim safe now."));
    form->addRow(tr("Safety &notes:"),
                 field(RiskPage, u"risk.safety_plan"_s, m_safetyNotes, u"safetyNotes"_s));
    m_doNotContact = new QCheckBox(
        tr("&Do not contact the victim directly (contact could put her or him at risk)"), page);
    m_doNotContact->setObjectName(u"doNotContactCheck"_s);
    form->addRow(QString(), field(RiskPage, u"do_not_contact"_s, m_doNotContact, u"doNotContact"_s));
    layout->addLayout(form, 1);
    m_saveError = new QLabel(page);
    m_saveError->setObjectName(u"saveError"_s);
    m_saveError->setWordWrap(true);
    m_saveError->setStyleSheet(errorStyle);
    m_saveError->hide();
    layout->addWidget(m_saveError);
    return page;
}

void IntakeWizard::suggestTyping()
{
    // KtP for a woman, AMPK for a child: a suggestion the caseworker sees and may untick, made
    // only until they touch the boxes themselves.
    if (m_typingTouched)
        return;
    const QDate reference = parseDate(m_reportedOn->text()).value_or(m_session.validator().today());
    bool child = false;
    bool woman = false;
    for (const VictimForm &v : std::as_const(m_victims)) {
        std::optional<int> age;
        std::optional<QDate> birth = parseDate(v.birthDate->text());
        if (!birth && !v.nik->text().trimmed().isEmpty())
            birth = m_nik->check(v.nik->text(), m_session.validator().today()).birthDate;
        if (birth) {
            int years = reference.year() - birth->year();
            if (reference.month() < birth->month()
                || (reference.month() == birth->month() && reference.day() < birth->day()))
                --years;
            age = years;
        } else {
            age = wholeNumber(v.age);
        }
        if (age && *age < 18)
            child = true;
        else if (age && code(v.sex) == u"female")
            woman = true;
    }
    for (QCheckBox *check : std::as_const(m_typing)) {
        const QString typing = check->property("code").toString();
        check->setChecked((typing == u"ampk" && child) || (typing == u"ktp" && woman));
    }
}

// ---------------------------------------------------------------------------------------------
// Errors next to fields

void IntakeWizard::showError(const QString &key, const QString &message, Tone tone)
{
    const auto it = m_slots.constFind(key);
    if (it == m_slots.cend())
        return;
    it->error->setStyleSheet(tone == Tone::Error     ? errorStyle
                             : tone == Tone::Warning ? warningStyle
                                                     : hintStyle);
    it->error->setText(message);
    it->error->show();
}

void IntakeWizard::clearError(const QString &key)
{
    const auto it = m_slots.constFind(key);
    if (it == m_slots.cend())
        return;
    it->error->clear();
    it->error->hide();
}

void IntakeWizard::clearErrors(int page)
{
    for (auto it = m_slots.cbegin(); it != m_slots.cend(); ++it) {
        if (it->page == page) {
            it->error->clear();
            it->error->hide();
        }
    }
    if (page == RiskPage)
        m_saveError->hide();
}

void IntakeWizard::focusField(const QString &key)
{
    const auto it = m_slots.constFind(key);
    if (it == m_slots.cend())
        return;
    goToPage(it->page);
    // A field of a second victim or perpetrator sits on its own tab.
    for (QTabWidget *tabs : {m_victimTabs, m_perpetratorTabs}) {
        for (int i = 0; i < tabs->count(); ++i) {
            if (tabs->widget(i)->isAncestorOf(it->input))
                tabs->setCurrentIndex(i);
        }
    }
    it->input->setFocus();
}

void IntakeWizard::goToPage(int page)
{
    // Only backwards: every page before the current one has been validated already. Independent
    // pages keep their input on the way back.
    while (currentId() != page && visitedIds().contains(page))
        back();
}

// ---------------------------------------------------------------------------------------------
// Reading and checking input

std::optional<QDate> IntakeWizard::parseDate(const QString &input) const
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    const QDate iso = QDate::fromString(text, Qt::ISODate);
    if (iso.isValid() && text.size() == 10)
        return iso;
    // Accept any of / . - as the separator, and one-digit days and months.
    QString format = m_dateFormat;
    format.replace(u"dd"_s, u"d"_s).replace(u"MM"_s, u"M"_s);
    static const QRegularExpression separators(u"[./-]"_s);
    QString separator = u"/"_s;
    if (const QRegularExpressionMatch m = separators.match(m_dateFormat); m.hasMatch())
        separator = m.captured();
    QString normalised = text;
    normalised.replace(separators, separator);
    const QDate date = QLocale(m_language).toDate(normalised, format);
    if (date.isValid())
        return date;
    return std::nullopt;
}

bool IntakeWizard::readDate(const QString &key, QLineEdit *edit, bool required, QString *iso)
{
    iso->clear();
    if (edit->text().trimmed().isEmpty()) {
        if (required)
            showError(key, tr("Enter the date."));
        return !required;
    }
    const std::optional<QDate> date = parseDate(edit->text());
    if (!date) {
        showError(key, tr("This is not a date. Type it like %1.")
                           .arg(QLocale(m_language).toString(m_session.validator().today(), m_dateFormat)));
        return false;
    }
    if (*date > m_session.validator().today()) {
        showError(key, tr("This date is in the future."));
        return false;
    }
    if (date->year() < 1900) {
        showError(key, tr("This date is before 1900."));
        return false;
    }
    *iso = date->toString(Qt::ISODate);
    return true;
}

bool IntakeWizard::readAge(const QString &key, QLineEdit *edit, std::optional<int> *age)
{
    age->reset();
    if (edit->text().trimmed().isEmpty())
        return true;
    bool ok = false;
    const int years = edit->text().trimmed().toInt(&ok);
    if (!ok || years < 0 || years > 130) {
        showError(key, tr("Enter the age in whole years, from 0 to 130."));
        return false;
    }
    *age = years;
    return true;
}

QString IntakeWizard::nikProblem(const Core::NikCheck &check, const QString &typed, bool *block) const
{
    *block = true;
    if (!check.errors.isEmpty()) {
        switch (check.errors.first()) {
        case Core::NikIssue::Empty:
            *block = false;
            return {};
        case Core::NikIssue::NotDigits:
            return tr("A NIK has digits only.");
        case Core::NikIssue::WrongLength:
            return tr("A NIK has 16 digits; this one has %1.").arg(digitCount(typed));
        case Core::NikIssue::UnknownProvince:
            return tr("The first two digits are not a province code. Check the NIK.");
        case Core::NikIssue::UnknownRegency:
            return tr("Digits 1–4 are not a regency or city code. Check the NIK.");
        case Core::NikIssue::UnknownDistrict:
            break;
        case Core::NikIssue::InvalidBirthDate:
            return tr("Digits 7–12 are not a birth date (DDMMYY, with 40 added to the day for women). "
                      "Check the NIK.");
        case Core::NikIssue::BirthDateInFuture:
            return tr("The birth date in this NIK is in the future. Check the NIK.");
        case Core::NikIssue::ZeroSerial:
            return tr("The last four digits of a NIK are never 0000. Check the NIK.");
        case Core::NikIssue::SexMismatch:
        case Core::NikIssue::BirthDateMismatch:
            break;
        }
        return tr("This NIK is not valid. Check it.");
    }
    // Contradictions with the sex or birth date typed beside the NIK are refused by the store:
    // one of the two is a typo, and only the caseworker can tell which.
    if (check.warnings.contains(Core::NikIssue::SexMismatch)) {
        return check.sex == u"female"
                 ? tr("This NIK is a woman's (40 is added to her birth day), but the sex chosen is male. "
                      "Check both.")
                 : tr("This NIK is a man's, but the sex chosen is female. Check both.");
    }
    if (check.warnings.contains(Core::NikIssue::BirthDateMismatch) && check.birthDate) {
        return tr("This NIK gives the birth date %1, not the one entered. Check both.")
            .arg(QLocale(m_language).toString(*check.birthDate, m_dateFormat));
    }
    *block = false;
    if (check.warnings.contains(Core::NikIssue::UnknownRegency)
        || check.warnings.contains(Core::NikIssue::UnknownDistrict))
        return tr("The region code in this NIK is not in the current region list. It may be older than "
                  "the list: confirm the NIK with the person.");
    return {};
}

bool IntakeWizard::checkNik(int index, bool finalCheck)
{
    if (index >= m_victims.size())
        return true;
    const VictimForm &v = m_victims.at(index);
    const QString key = u"victim%1.nik"_s.arg(index);
    const QString typed = v.nik->text();
    if (typed.trimmed().isEmpty()) {
        clearError(key);
        return true;
    }
    const Core::NikCheck check
        = m_nik->check(typed, m_session.validator().today(), code(v.sex), parseDate(v.birthDate->text()));
    bool block = false;
    const QString problem = nikProblem(check, typed, &block);
    if (problem.isEmpty()) {
        clearError(key);
        return true;
    }
    // While digits are still being typed, the count is progress, not yet a mistake.
    const bool typing
        = !finalCheck && check.errors == QList{Core::NikIssue::WrongLength} && digitCount(typed) < nikDigits;
    if (typing) {
        showError(key, tr("%1 of 16 digits").arg(digitCount(typed)), Tone::Hint);
        return false;
    }
    showError(key, problem, block ? Tone::Error : Tone::Warning);
    return !block;
}

void IntakeWizard::findMatches(int index)
{
    if (index >= m_victims.size())
        return;
    const VictimForm &v = m_victims.at(index);
    QString nik = v.nik->text();
    nik.remove(u' ').remove(u'.').remove(u'-');
    const QString name = v.name->text().simplified();
    // A complete NIK is the sharper question; a name needs a few letters to mean anything.
    const QString query = nik.size() == nikDigits ? nik : (name.size() >= 3 ? name : QString());
    QStringList numbers;
    if (!query.isEmpty()) {
        Core::CaseFilter filter;
        filter.limit = 3;
        const Core::Result<QList<Core::CaseSummary>> hits = m_session.search(query, filter);
        if (hits) {
            for (const Core::CaseSummary &hit : *hits)
                numbers << hit.number;
        }
    }
    if (numbers.isEmpty()) {
        v.match->hide();
        v.match->clear();
        return;
    }
    v.match->setText(
        numbers.size() == 1
            ? tr("Possible match: case %1. Check it before going on; you may continue.").arg(numbers.first())
            : tr("Possible matches: cases %1. Check them before going on; you may continue.")
                  .arg(numbers.join(u", "_s)));
    v.match->show();
}

bool IntakeWizard::validateCurrentPage()
{
    const int page = currentId();
    clearErrors(page);
    switch (page) {
    case ChannelPage:
        return validateChannel();
    case ReporterPage:
        return true;
    case VictimPage:
        return validateVictims();
    case IncidentPage:
        return validateIncident();
    case PerpetratorPage:
        return validatePerpetrators();
    case RiskPage:
        return validateRisk() && save();
    default:
        return QWizard::validateCurrentPage();
    }
}

bool IntakeWizard::validateChannel()
{
    bool ok = true;
    QString first;
    if (code(m_channel).isEmpty()) {
        showError(u"intake_channel"_s, tr("Choose how the report came in."));
        first = u"intake_channel"_s;
        ok = false;
    }
    QString iso;
    if (!readDate(u"reported_on"_s, m_reportedOn, true, &iso)) {
        if (first.isEmpty())
            first = u"reported_on"_s;
        ok = false;
    }
    if (!first.isEmpty())
        focusField(first);
    return ok;
}

bool IntakeWizard::validateVictims()
{
    QString first;
    const auto failed = [&first](const QString &key) {
        if (first.isEmpty())
            first = key;
    };
    for (int i = 0; i < m_victims.size(); ++i) {
        const VictimForm &v = m_victims.at(i);
        const QString key = u"victim%1."_s.arg(i);
        if (v.name->text().trimmed().isEmpty() && v.nik->text().trimmed().isEmpty()) {
            showError(key + u"name"_s, tr("Enter the victim's name, or the NIK."));
            failed(key + u"name"_s);
        }
        if (!checkNik(i, true))
            failed(key + u"nik"_s);
        QString iso;
        if (!readDate(key + u"birth_date"_s, v.birthDate, false, &iso))
            failed(key + u"birth_date"_s);
        std::optional<int> age;
        if (!readAge(key + u"age_estimate"_s, v.age, &age))
            failed(key + u"age_estimate"_s);
    }
    if (!first.isEmpty())
        focusField(first);
    return first.isEmpty();
}

bool IntakeWizard::validateIncident()
{
    QString iso;
    if (!readDate(u"incident_on"_s, m_incidentOn, false, &iso)) {
        focusField(u"incident_on"_s);
        return false;
    }
    const std::optional<QDate> reported = parseDate(m_reportedOn->text());
    if (!iso.isEmpty() && reported && QDate::fromString(iso, Qt::ISODate) > *reported) {
        showError(u"incident_on"_s, tr("The incident date is after the report date (%1).")
                                        .arg(QLocale(m_language).toString(*reported, m_dateFormat)));
        focusField(u"incident_on"_s);
        return false;
    }
    bool anyType = false;
    for (int i = 0; i < m_violenceTypes->count(); ++i)
        anyType = anyType || m_violenceTypes->item(i)->checkState() == Qt::Checked;
    if (!anyType) {
        // The monthly SIMFONI-PPA recap counts cases by violence type.
        showError(u"violence_types"_s, tr("Tick at least one violence type (“Other” when unsure)."));
        focusField(u"violence_types"_s);
        return false;
    }
    return true;
}

bool IntakeWizard::validatePerpetrators()
{
    for (int i = 0; i < m_perpetrators.size(); ++i) {
        const QString key = u"perpetrator%1.age_estimate"_s.arg(i);
        std::optional<int> age;
        if (!readAge(key, m_perpetrators.at(i).age, &age)) {
            focusField(key);
            return false;
        }
    }
    return true;
}

bool IntakeWizard::validateRisk()
{
    if (code(m_risk).isEmpty()) {
        showError(u"risk.level"_s, tr("Choose a risk level."));
        focusField(u"risk.level"_s);
        return false;
    }
    return true;
}

// ---------------------------------------------------------------------------------------------
// Saving

Core::CaseDraft IntakeWizard::buildDraft(QStringList *partyKeys) const
{
    Core::CaseDraft draft;
    QVariantHash &f = draft.fields;
    const auto date = [this](const QLineEdit *edit) {
        const std::optional<QDate> d = parseDate(edit->text());
        return d ? d->toString(Qt::ISODate) : QString();
    };
    const auto put = [](QVariantHash &hash, const QString &name, const QString &value) {
        if (!value.trimmed().isEmpty())
            hash.insert(name, value.trimmed());
    };
    put(f, u"district_code"_s, m_scope);
    put(f, u"intake_channel"_s, code(m_channel));
    put(f, u"reported_on"_s, date(m_reportedOn));
    put(f, u"incident_on"_s, date(m_incidentOn));
    put(f, u"incident_region"_s, m_incidentRegion->code());
    put(f, u"incident_place"_s, m_incidentPlace->text());
    put(f, u"incident_scene"_s, code(m_scene));
    QStringList types;
    for (int i = 0; i < m_violenceTypes->count(); ++i) {
        if (m_violenceTypes->item(i)->checkState() == Qt::Checked)
            types << m_violenceTypes->item(i)->data(Qt::UserRole).toString();
    }
    if (!types.isEmpty())
        f.insert(u"violence_types"_s, types);
    QStringList typing;
    for (const QCheckBox *check : m_typing) {
        if (check->isChecked())
            typing << check->property("code").toString();
    }
    if (!typing.isEmpty())
        f.insert(u"typing"_s, typing);
    put(f, u"narrative"_s, m_narrative->toPlainText());
    if (m_doNotContact->isChecked())
        f.insert(u"do_not_contact"_s, true);

    // Parties in a fixed order; `partyKeys` says which form each one came from, so an error on
    // "people[2]..." finds its way back to the right field.
    for (int i = 0; i < m_victims.size(); ++i) {
        const VictimForm &v = m_victims.at(i);
        Core::PartyInput party;
        party.link = {{u"role"_s, u"victim"_s}};
        QVariantHash &p = party.person;
        put(p, u"name"_s, v.name->text().simplified());
        put(p, u"nik"_s, v.nik->text());
        put(p, u"sex"_s, code(v.sex));
        put(p, u"birth_date"_s, date(v.birthDate));
        if (const std::optional<int> age = wholeNumber(v.age))
            p.insert(u"age_estimate"_s, *age);
        put(p, u"disability"_s, code(v.disability));
        put(p, u"education"_s, code(v.education));
        put(p, u"address_region"_s, v.address->code());
        put(p, u"phone"_s, v.phone->text());
        draft.parties << party;
        *partyKeys << u"victim%1"_s.arg(i);
    }
    for (int i = 0; i < m_perpetrators.size(); ++i) {
        const PerpetratorForm &pf = m_perpetrators.at(i);
        Core::PartyInput party;
        party.link = {{u"role"_s, u"perpetrator"_s}};
        put(party.link, u"relationship"_s, code(pf.relationship));
        QVariantHash &p = party.person;
        put(p, u"name"_s, pf.name->text().simplified());
        put(p, u"sex"_s, code(pf.sex));
        if (const std::optional<int> age = wholeNumber(pf.age))
            p.insert(u"age_estimate"_s, *age);
        if (p.isEmpty() && party.link.size() == 1)
            continue; // nothing known about this one
        draft.parties << party;
        *partyKeys << u"perpetrator%1"_s.arg(i);
    }
    Core::PartyInput reporter;
    reporter.link = {{u"role"_s, u"reporter"_s}};
    put(reporter.link, u"notes"_s, m_reporterNote->text());
    put(reporter.person, u"name"_s, m_reporterName->text().simplified());
    put(reporter.person, u"phone"_s, m_reporterPhone->text());
    if (!reporter.person.isEmpty() || reporter.link.size() > 1) {
        draft.parties << reporter;
        *partyKeys << u"reporter"_s;
    }

    QVariantHash risk{{u"level"_s, code(m_risk)}};
    put(risk, u"safety_plan"_s, m_safetyNotes->toPlainText());
    draft.risk = risk;
    return draft;
}

bool IntakeWizard::save()
{
    QStringList partyKeys;
    const Core::Result<Core::Record> created = m_session.cases().create(buildDraft(&partyKeys));
    if (!created) {
        routeError(created.error(), partyKeys);
        return false;
    }
    const QString id = created->id;
    if (const Core::Status indexed = m_session.reindex(id); !indexed) {
        // The case is stored; only search misses it until the next unlock rebuilds the index.
        qWarning("intake: search index not refreshed: %s", qPrintable(indexed.error().detail));
    }
    emit caseCreated(id, created->text(u"number"_s));
    return true;
}

void IntakeWizard::routeError(const Core::Error &error, const QStringList &partyKeys)
{
    QString key;
    if (error.code == Core::Error::Code::InvalidInput) {
        // "people[1].person.nik" → the second party's form; "people[1].relationship" → its link.
        static const QRegularExpression people(u"^people\\[(\\d+)\\]\\.(?:person\\.)?(.+)$"_s);
        if (const QRegularExpressionMatch m = people.match(error.field); m.hasMatch()) {
            const int party = m.captured(1).toInt();
            if (party < partyKeys.size()) {
                key = partyKeys.at(party) + u'.' + m.captured(2);
                if (!m_slots.contains(key))
                    key = partyKeys.at(party) + u".name"_s;
            }
        } else if (error.field == u"risk_level") {
            key = u"risk.level"_s;
        } else {
            key = error.field;
        }
    }
    QString message = ErrorText::message(error);
    // A NIK refused by the store gets the same translated explanation as the live check.
    if (key.endsWith(u".nik") && key.startsWith(u"victim")) {
        const int index = key.mid(6, key.indexOf(u'.') - 6).toInt();
        const VictimForm &v = m_victims.at(index);
        bool block = false;
        const QString problem = nikProblem(m_nik->check(v.nik->text(), m_session.validator().today(),
                                                        code(v.sex), parseDate(v.birthDate->text())),
                                           v.nik->text(), &block);
        if (!problem.isEmpty())
            message = problem;
    }
    if (!m_slots.contains(key)) {
        // Not about one field (a full disk, a locked profile): say so on the last page.
        m_saveError->setText(message);
        m_saveError->show();
        return;
    }
    showError(key, message);
    focusField(key);
}

void IntakeWizard::done(int result)
{
    // Esc or Cancel on a started intake asks once more (on the button itself, without a modal
    // dialog), so an accidental key press never throws away what was typed.
    if (result == QDialog::Rejected && !m_discardArmed && visitedIds().size() > 1) {
        m_discardArmed = true;
        setButtonText(QWizard::CancelButton, tr("Discard the intake?"));
        button(QWizard::CancelButton)->setFocus();
        return;
    }
    QWizard::done(result);
}
