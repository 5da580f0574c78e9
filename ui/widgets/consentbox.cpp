// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/consentbox.h"

#include "core/clock/districttime.h"
#include "ui/common/codelabels.h"

#include <QComboBox>
#include <QDateEdit>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace {

const QString notAsked = u"not_asked"_s;
const QString given = u"given"_s;
const QString refused = u"refused"_s;

QLabel *buddyLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

} // namespace

ConsentBox::ConsentBox(const Core::CodeLists &codes, const QString &language, QDate today, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"consentBox"_s);
    m_status = new QComboBox(this);
    m_status->setObjectName(u"consentStatusCombo"_s);
    CodeLabels::fill(m_status, codes, u"consent_status", language);
    m_status->setCurrentIndex(m_status->findData(notAsked));
    m_givenBy = new QLabel(this);
    m_givenBy->setObjectName(u"consentGivenByLabel"_s);
    m_givenBy->setWordWrap(true);

    const QLocale locale(language);
    m_on = new QDateEdit(today, this);
    m_on->setObjectName(u"consentDateEdit"_s);
    m_on->setLocale(locale);
    m_on->setDisplayFormat(Core::DistrictTime::dateFormat(locale));
    m_on->setCalendarPopup(true);
    m_on->setMaximumDate(today);
    m_method = new QComboBox(this);
    m_method->setObjectName(u"consentMethodCombo"_s);
    CodeLabels::fill(m_method, codes, u"consent_method", language, tr("Choose…"));

    m_error = new QLabel(this);
    m_error->setObjectName(u"consentError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color:#b00020"_s);
    m_error->hide();

    // Visual order is tab order: status, date, method (the "given by" line is not an input).
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    grid->addWidget(buddyLabel(tr("C&onsent:"), m_status, this), 0, 0);
    grid->addWidget(m_status, 0, 1);
    grid->addWidget(new QLabel(tr("Given by:"), this), 0, 2);
    grid->addWidget(m_givenBy, 0, 3);
    grid->addWidget(buddyLabel(tr("Consent da&te:"), m_on, this), 1, 0);
    grid->addWidget(m_on, 1, 1);
    grid->addWidget(buddyLabel(tr("&How:"), m_method, this), 1, 2);
    grid->addWidget(m_method, 1, 3);
    grid->addWidget(m_error, 2, 0, 1, 4);
    setTabOrder(m_status, m_on);
    setTabOrder(m_on, m_method);
    setFocusProxy(m_status);

    connect(m_status, &QComboBox::currentIndexChanged, this, &ConsentBox::statusChanged);
    connect(m_method, &QComboBox::currentIndexChanged, m_error, &QLabel::hide);
    statusChanged();
}

void ConsentBox::setGivenBy(const QString &who)
{
    m_givenBy->setText(who);
}

void ConsentBox::setNotAskedOnly(bool notAskedOnly)
{
    if (notAskedOnly)
        m_status->setCurrentIndex(m_status->findData(notAsked));
    m_status->setEnabled(!notAskedOnly);
}

QString ConsentBox::status() const
{
    return m_status->currentData().toString();
}

void ConsentBox::statusChanged()
{
    // A day for an answer given or refused; a way only for consent given.
    const QString s = status();
    m_on->setEnabled(s == given || s == refused);
    m_method->setEnabled(s == given);
    m_error->hide();
}

bool ConsentBox::check()
{
    if (status() == given && m_method->currentData().toString().isEmpty()) {
        m_error->setText(tr("Choose how the consent was given."));
        m_error->show();
        m_method->setFocus();
        return false;
    }
    m_error->hide();
    return true;
}

void ConsentBox::fill(QVariantHash &link) const
{
    const QString s = status();
    if (s.isEmpty())
        return;
    link.insert(u"consent"_s, s);
    if (s == given || s == refused)
        link.insert(u"consent_on"_s, m_on->date().toString(Qt::ISODate));
    if (s == given)
        link.insert(u"consent_method"_s, m_method->currentData().toString());
}

void ConsentBox::showValues(const QVariantHash &link)
{
    const auto select = [](QComboBox *box, const QString &code) {
        if (const int index = box->findData(code); index >= 0)
            box->setCurrentIndex(index);
    };
    select(m_status, link.value(u"consent"_s).toString());
    if (const QDate on = QDate::fromString(link.value(u"consent_on"_s).toString(), Qt::ISODate); on.isValid())
        m_on->setDate(on);
    select(m_method, link.value(u"consent_method"_s).toString());
    statusChanged();
}
