// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/intake/intakefields.h"

#include "core/clock/districttime.h"
#include "core/domain/validator.h"
#include "ui/intake/intakeform.h"
#include "ui/widgets/regionpicker.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

IntakeFields::IntakeFields(const Core::Validator &validator, const QString &language)
    : m_validator(validator)
    , m_language(language)
    , m_dateFormat(Core::DistrictTime::dateFormat(QLocale(language)))
{ }

// ---------------------------------------------------------------------------------------------
// Fields and the messages under them

QWidget *IntakeFields::field(int page, const QString &key, QWidget *input, const QString &errorName)
{
    auto *box = new QWidget;
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(input);
    auto *error = new QLabel(box);
    error->setObjectName(errorName + u"Error"_s);
    error->setWordWrap(true);
    error->setStyleSheet(IntakeForm::errorStyle);
    error->hide();
    layout->addWidget(error);
    box->setFocusProxy(input); // the row label's mnemonic focuses the input
    m_slots.insert(key, Slot{page, input, error});
    // A message about a value goes once the value changes. The NIK's label is the live check's.
    if (!key.endsWith(u".nik")) {
        const auto clear = [this, key] { clearError(key); };
        if (auto *edit = qobject_cast<QLineEdit *>(input))
            QObject::connect(edit, &QLineEdit::textChanged, error, clear);
        else if (auto *combo = qobject_cast<QComboBox *>(input))
            QObject::connect(combo, &QComboBox::currentIndexChanged, error, clear);
        else if (auto *text = qobject_cast<QPlainTextEdit *>(input))
            QObject::connect(text, &QPlainTextEdit::textChanged, error, clear);
        else if (auto *list = qobject_cast<QListWidget *>(input))
            QObject::connect(list, &QListWidget::itemChanged, error, clear);
        else if (auto *picker = qobject_cast<RegionPicker *>(input))
            QObject::connect(picker, &RegionPicker::codeChanged, error, clear);
        else if (auto *check = qobject_cast<QCheckBox *>(input))
            QObject::connect(check, &QCheckBox::toggled, error, clear);
    }
    return box;
}

void IntakeFields::removeFields(const QString &prefix)
{
    m_slots.removeIf(
        [&prefix](const QHash<QString, Slot>::iterator it) { return it.key().startsWith(prefix); });
}

int IntakeFields::page(const QString &key) const
{
    const auto it = m_slots.constFind(key);
    return it == m_slots.cend() ? -1 : it->page;
}

void IntakeFields::showError(const QString &key, const QString &message, Tone tone)
{
    const auto it = m_slots.constFind(key);
    if (it == m_slots.cend())
        return;
    it->error->setStyleSheet(tone == Tone::Error     ? IntakeForm::errorStyle
                             : tone == Tone::Warning ? IntakeForm::warningStyle
                                                     : IntakeForm::hintStyle);
    it->error->setText(message);
    it->error->show();
}

void IntakeFields::clearError(const QString &key)
{
    const auto it = m_slots.constFind(key);
    if (it == m_slots.cend())
        return;
    it->error->clear();
    it->error->hide();
}

void IntakeFields::clearErrors(int page)
{
    for (auto it = m_slots.cbegin(); it != m_slots.cend(); ++it) {
        if (it->page == page) {
            it->error->clear();
            it->error->hide();
        }
    }
}

void IntakeFields::focus(const QString &key) const
{
    const auto it = m_slots.constFind(key);
    if (it == m_slots.cend())
        return;
    // A field of a second victim or perpetrator sits on its own tab.
    for (QWidget *w = it->input->parentWidget(); w; w = w->parentWidget()) {
        if (auto *tabs = qobject_cast<QTabWidget *>(w)) {
            for (int i = 0; i < tabs->count(); ++i) {
                if (tabs->widget(i)->isAncestorOf(it->input))
                    tabs->setCurrentIndex(i);
            }
        }
    }
    it->input->setFocus();
}

// ---------------------------------------------------------------------------------------------
// Reading and checking input

std::optional<QDate> IntakeFields::parseDate(const QString &input) const
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

QString IntakeFields::isoDate(const QString &text) const
{
    const std::optional<QDate> date = parseDate(text);
    return date ? date->toString(Qt::ISODate) : QString();
}

QString IntakeFields::formatDate(QDate date) const
{
    return QLocale(m_language).toString(date, m_dateFormat);
}

bool IntakeFields::readDate(const QString &key, const QLineEdit *edit, bool required, QString *iso)
{
    iso->clear();
    if (edit->text().trimmed().isEmpty()) {
        if (required)
            showError(key, tr("Enter the date."));
        return !required;
    }
    const std::optional<QDate> date = parseDate(edit->text());
    if (!date) {
        showError(key, tr("This is not a date. Type it like %1.").arg(formatDate(m_validator.today())));
        return false;
    }
    if (*date > m_validator.today()) {
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

bool IntakeFields::readAge(const QString &key, const QLineEdit *edit, std::optional<int> *age)
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
