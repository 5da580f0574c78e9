// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/intake/intakevictimpage.h"

#include "core/cases/caserepository.h"
#include "core/domain/nikvalidator.h"
#include "core/domain/validator.h"
#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "ui/intake/intakeaddress.h"
#include "ui/intake/intakefields.h"
#include "ui/intake/intakeform.h"
#include "ui/intake/intakewizard.h"
#include "ui/widgets/regionpicker.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace IntakeForm;

namespace {

constexpr int maxVictims = 5;
constexpr int nikDigits = 16;

int digitCount(const QString &text)
{
    int n = 0;
    for (const QChar c : text)
        n += c.isDigit() ? 1 : 0;
    return n;
}

} // namespace

IntakeVictimPage::IntakeVictimPage(IntakeFields &fields, Core::Session &session, QWidget *parent)
    : QWizardPage(parent)
    , m_fields(fields)
    , m_session(session)
    , m_nik(std::make_unique<Core::NikValidator>(session.regions()))
    , m_scope(session.profile().info().districtCode)
{
    setTitle(tr("Victim"));
    setSubTitle(tr("Name or NIK is needed. Leave the NIK empty when it is unknown."));
    auto *layout = new QVBoxLayout(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(u"victimTabs"_s);
    layout->addWidget(m_tabs, 1);
    auto *buttons = new QHBoxLayout;
    auto *add = new QPushButton(tr("&Add another victim"), this);
    add->setObjectName(u"addVictimButton"_s);
    add->setAutoDefault(false);
    m_remove = new QPushButton(tr("Remove the last victim"), this);
    m_remove->setObjectName(u"removeVictimButton"_s);
    m_remove->setAutoDefault(false);
    m_remove->setEnabled(false);
    buttons->addWidget(add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    layout->addLayout(buttons);
    connect(add, &QPushButton::clicked, this, [this, add] {
        addVictim();
        add->setEnabled(m_victims.size() < maxVictims);
    });
    connect(m_remove, &QPushButton::clicked, this, [this, add] {
        removeVictim();
        add->setEnabled(true);
    });
    addVictim();
}

IntakeVictimPage::~IntakeVictimPage() = default;

QStringList IntakeVictimPage::names() const
{
    QStringList out;
    for (int i = 0; i < m_victims.size(); ++i) {
        const QString name = m_victims.at(i).name->text().simplified();
        out << (name.isEmpty() ? tr("Victim %1").arg(i + 1) : name);
    }
    return out;
}

void IntakeVictimPage::ensureCount(int n)
{
    while (count() < n && count() < maxVictims)
        addVictim();
}

void IntakeVictimPage::addVictim()
{
    const int index = int(m_victims.size());
    const QString n = suffix(index);
    const QString key = u"victim%1."_s.arg(index);
    const int page = IntakeWizard::VictimPage;
    const QString &language = m_fields.language();
    VictimForm v;
    v.tab = new QWidget;
    v.tab->setObjectName(u"victimForm"_s + n);
    auto *grid = gridLayout(v.tab);

    v.name = lineEdit(u"victimNameEdit"_s + n, v.tab);
    gridRow(grid, 0, 0, tr("Na&me:"), m_fields.field(page, key + u"name"_s, v.name, u"name"_s + n));
    v.nik = lineEdit(u"victimNikEdit"_s + n, v.tab);
    v.nik->setPlaceholderText(tr("16 digits; empty when unknown"));
    v.nik->setMaxLength(24); // room for spaces or dots as printed on a KTP
    gridRow(grid, 1, 0, tr("NI&K:"), m_fields.field(page, key + u"nik"_s, v.nik, u"nik"_s + n));
    v.sex
        = codeCombo(u"victimSexCombo"_s + n, m_session.codes(), u"sex", language, tr("Not recorded"), v.tab);
    gridRow(grid, 2, 0, tr("&Sex:"), m_fields.field(page, key + u"sex"_s, v.sex, u"sex"_s + n));
    v.birthDate = lineEdit(u"victimBirthDateEdit"_s + n, v.tab);
    v.birthDate->setPlaceholderText(tr("e.g. %1").arg(m_fields.formatDate(QDate(2012, 7, 15))));
    gridRow(grid, 3, 0, tr("Bi&rth date:"),
            m_fields.field(page, key + u"birth_date"_s, v.birthDate, u"birthDate"_s + n));
    v.age = lineEdit(u"victimAgeEdit"_s + n, v.tab);
    v.age->setValidator(new QIntValidator(0, 130, v.age));
    v.age->setPlaceholderText(tr("years, when the birth date is unknown"));
    gridRow(grid, 4, 0, tr("or estimated a&ge:"),
            m_fields.field(page, key + u"age_estimate"_s, v.age, u"age"_s + n));

    v.disability = codeCombo(u"victimDisabilityCombo"_s + n, m_session.codes(), u"disability", language,
                             tr("Not recorded"), v.tab);
    gridRow(grid, 0, 2, tr("&Disability:"),
            m_fields.field(page, key + u"disability"_s, v.disability, u"disability"_s + n));
    v.education = codeCombo(u"victimEducationCombo"_s + n, m_session.codes(), u"education", language,
                            tr("Not recorded"), v.tab);
    gridRow(grid, 1, 2, tr("&Education:"),
            m_fields.field(page, key + u"education"_s, v.education, u"education"_s + n));
    v.phone = lineEdit(u"victimPhoneEdit"_s + n, v.tab);
    gridRow(grid, 2, 2, tr("&Phone:"), m_fields.field(page, key + u"phone"_s, v.phone, u"phone"_s + n));
    // The picker's cascade needs the full width to show whole names.
    v.address = IntakeAddress(m_fields, m_session, page, key, u"victim"_s, n, u"address"_s + n, v.tab);
    gridRow(grid, 5, 0, tr("&Village:"), v.address.villageRow(), 3);
    gridRow(grid, 6, 0, tr("Address:"), v.address.detailRow(), 3);

    v.match = new QLabel(v.tab);
    v.match->setObjectName(u"victimMatchLabel"_s + n);
    v.match->setWordWrap(true);
    v.match->setStyleSheet(warningStyle);
    v.match->hide();
    grid->addWidget(v.match, 7, 0, 1, 4);
    grid->setRowStretch(8, 1);
    // Down the first column, down the second, then the address across the page.
    tabOrder({v.name, v.nik, v.sex, v.birthDate, v.age, v.disability, v.education, v.phone,
              v.address.region(), v.address.detailRow()});

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
    showAddedTab(m_tabs, v.tab, tr("Victim %1").arg(index + 1), m_remove, index + 1, v.name);
}

void IntakeVictimPage::removeVictim()
{
    if (m_victims.size() < 2)
        return;
    const int index = int(m_victims.size()) - 1;
    m_fields.removeFields(u"victim%1."_s.arg(index));
    dropLastTab(m_tabs, m_victims.takeLast().tab, m_remove, int(m_victims.size()));
}

bool IntakeVictimPage::validatePage()
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
            m_fields.showError(key + u"name"_s, tr("Enter the victim's name, or the NIK."));
            failed(key + u"name"_s);
        }
        if (!checkNik(i, true))
            failed(key + u"nik"_s);
        QString iso;
        if (!m_fields.readDate(key + u"birth_date"_s, v.birthDate, false, &iso))
            failed(key + u"birth_date"_s);
        std::optional<int> age;
        if (!m_fields.readAge(key + u"age_estimate"_s, v.age, &age))
            failed(key + u"age_estimate"_s);
    }
    if (!first.isEmpty())
        m_fields.focus(first);
    return first.isEmpty();
}

Core::PartyInput IntakeVictimPage::party(int index) const
{
    const VictimForm &v = m_victims.at(index);
    Core::PartyInput victim;
    victim.link = {{u"role"_s, u"victim"_s}};
    QVariantHash &p = victim.person;
    put(p, u"name"_s, v.name->text().simplified());
    put(p, u"nik"_s, v.nik->text());
    put(p, u"sex"_s, code(v.sex));
    put(p, u"birth_date"_s, m_fields.isoDate(v.birthDate->text()));
    if (const std::optional<int> age = wholeNumber(v.age))
        p.insert(u"age_estimate"_s, *age);
    put(p, u"disability"_s, code(v.disability));
    put(p, u"education"_s, code(v.education));
    v.address.fill(p);
    put(p, u"phone"_s, v.phone->text());
    return victim;
}

std::optional<int> IntakeVictimPage::ageOf(const VictimForm &v, QDate reference) const
{
    std::optional<QDate> birth = m_fields.parseDate(v.birthDate->text());
    if (!birth && !v.nik->text().trimmed().isEmpty())
        birth = m_nik->check(v.nik->text(), m_session.validator().today()).birthDate;
    if (!birth)
        return wholeNumber(v.age);
    int years = reference.year() - birth->year();
    if (reference.month() < birth->month()
        || (reference.month() == birth->month() && reference.day() < birth->day()))
        --years;
    return years;
}

IntakeVictimPage::Groups IntakeVictimPage::groups(QDate reference) const
{
    Groups found;
    for (const VictimForm &v : m_victims) {
        const std::optional<int> age = ageOf(v, reference);
        if (age && *age < 18)
            found.child = true;
        else if (age && code(v.sex) == u"female")
            found.woman = true;
    }
    return found;
}

int IntakeVictimPage::firstChild(QDate reference) const
{
    for (int i = 0; i < m_victims.size(); ++i) {
        const std::optional<int> age = ageOf(m_victims.at(i), reference);
        if (age && *age < 18)
            return i;
    }
    return -1;
}

QString IntakeVictimPage::village() const
{
    return m_victims.isEmpty() ? QString() : m_victims.first().address.region()->code();
}

// ---------------------------------------------------------------------------------------------
// The live NIK check and the hint about earlier cases

Core::NikCheck IntakeVictimPage::checkOf(const VictimForm &v) const
{
    return m_nik->check(v.nik->text(), m_session.validator().today(), code(v.sex),
                        m_fields.parseDate(v.birthDate->text()));
}

QString IntakeVictimPage::nikProblem(int index) const
{
    if (index >= m_victims.size())
        return {};
    const VictimForm &v = m_victims.at(index);
    bool block = false;
    return nikProblem(checkOf(v), v.nik->text(), &block);
}

QString IntakeVictimPage::nikProblem(const Core::NikCheck &check, const QString &typed, bool *block) const
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
            .arg(m_fields.formatDate(*check.birthDate));
    }
    *block = false;
    if (check.warnings.contains(Core::NikIssue::UnknownRegency)
        || check.warnings.contains(Core::NikIssue::UnknownDistrict))
        return tr("The region code in this NIK is not in the current region list. It may be older than "
                  "the list: confirm the NIK with the person.");
    return {};
}

bool IntakeVictimPage::checkNik(int index, bool finalCheck)
{
    if (index >= m_victims.size())
        return true;
    const VictimForm &v = m_victims.at(index);
    const QString key = u"victim%1.nik"_s.arg(index);
    const QString typed = v.nik->text();
    if (typed.trimmed().isEmpty()) {
        m_fields.clearError(key);
        return true;
    }
    const Core::NikCheck check = checkOf(v);
    bool block = false;
    const QString problem = nikProblem(check, typed, &block);
    if (problem.isEmpty()) {
        m_fields.clearError(key);
        return true;
    }
    // While digits are still being typed, the count is progress, not yet a mistake.
    const bool typing
        = !finalCheck && check.errors == QList{Core::NikIssue::WrongLength} && digitCount(typed) < nikDigits;
    if (typing) {
        m_fields.showError(key, tr("%1 of 16 digits").arg(digitCount(typed)), IntakeFields::Tone::Hint);
        return false;
    }
    m_fields.showError(key, problem, block ? IntakeFields::Tone::Error : IntakeFields::Tone::Warning);
    return !block;
}

void IntakeVictimPage::findMatches(int index)
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
