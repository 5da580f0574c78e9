// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/entryform.h"

#include "core/cases/activityrepository.h"
#include "core/changelog/schema.h"
#include "core/clock/districttime.h"
#include "core/domain/record.h"
#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "ui/common/codelabels.h"
#include "ui/common/errortext.h"
#include "ui/common/uitext.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <optional>

using namespace Qt::StringLiterals;

namespace {

QString fieldTitle(const QString &field)
{
    // Field titles for the entry forms; the keys are schema names.
    static const QHash<QString, const char *> titles = {
        {u"level"_s, QT_TRANSLATE_NOOP("EntryForm", "Risk level")},
        {u"factors"_s, QT_TRANSLATE_NOOP("EntryForm", "Risk factors")},
        {u"safety_plan"_s, QT_TRANSLATE_NOOP("EntryForm", "Safety plan")},
        {u"service_type"_s, QT_TRANSLATE_NOOP("EntryForm", "Service")},
        {u"description"_s, QT_TRANSLATE_NOOP("EntryForm", "What will be done")},
        {u"due_on"_s, QT_TRANSLATE_NOOP("EntryForm", "Due")},
        {u"provider"_s, QT_TRANSLATE_NOOP("EntryForm", "Provider")},
        {u"notes"_s, QT_TRANSLATE_NOOP("EntryForm", "Notes")},
        {u"outcome"_s, QT_TRANSLATE_NOOP("EntryForm", "Outcome")},
        {u"status"_s, QT_TRANSLATE_NOOP("EntryForm", "Status")},
        {u"body"_s, QT_TRANSLATE_NOOP("EntryForm", "Note")},
    };
    const auto it = titles.constFind(field);
    return it != titles.cend() ? QCoreApplication::translate("EntryForm", *it) : field;
}

QLabel *errorLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setStyleSheet(u"color: #b01c1c"_s);
    label->setWordWrap(true);
    label->hide();
    return label;
}

} // namespace

EntryForm::EntryForm(Core::Session &session, const QString &entity, const QStringList &fields,
                     const QString &language, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_entity(entity)
    , m_fields(fields)
    , m_formError(errorLabel(this))
{
    const Core::EntityDef &def = *Core::Schema::entity(entity);
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    layout->addLayout(form);
    for (const QString &name : fields) {
        const Core::FieldDef *field = def.field(name);
        Q_ASSERT(field);
        QWidget *input = nullptr;
        if (field->type == Core::ValueType::Code) {
            auto *combo = new QComboBox(this);
            CodeLabels::fill(combo, session.codes(), field->codeList, language,
                             field->required ? QString() : UiText::empty());
            input = combo;
        } else if (field->type == Core::ValueType::Date) {
            // Today in the district, not in the zone the laptop's system happens to be set to.
            auto *date
                = new QDateEdit(session.profile().districtTime().today(session.profile().clock()), this);
            date->setCalendarPopup(true);
            date->setDisplayFormat(Core::DistrictTime::dateFormat(QLocale(language)));
            if (!field->required) { // the earliest date stands for "no date"
                date->setMinimumDate(QDate(1900, 1, 1));
                date->setSpecialValueText(UiText::empty());
            }
            input = date;
        } else if (field->maxLength > Core::Schema::defaultTextLimit || name == u"safety_plan"
                   || name == u"notes" || name == u"outcome") {
            auto *text = new QPlainTextEdit(this);
            text->setMaximumHeight(80);
            text->setTabChangesFocus(true);
            input = text;
        } else {
            input = new QLineEdit(this);
        }
        input->setObjectName(entity + u'_' + name);
        m_inputs.insert(name, input);
        auto *cell = new QWidget(this);
        auto *cellLayout = new QVBoxLayout(cell);
        cellLayout->setContentsMargins(0, 0, 0, 0);
        cellLayout->addWidget(input);
        QLabel *error = errorLabel(cell);
        error->setObjectName(entity + u'_' + name + u"Error"_s);
        cellLayout->addWidget(error);
        m_errors.insert(name, error);
        form->addRow(fieldTitle(name), cell);
    }
    m_formError->setObjectName(entity + u"FormError"_s);
    layout->addWidget(m_formError);
    m_save = new QPushButton(tr("Add"), this);
    m_save->setObjectName(entity + u"AddButton"_s);
    layout->addWidget(m_save, 0, Qt::AlignRight);
    connect(m_save, &QPushButton::clicked, this, &EntryForm::save);
}

void EntryForm::edit(const Core::Record &record)
{
    Q_ASSERT(record.entity == m_entity);
    m_recordId = record.id;
    m_caseId = record.caseId;
    for (const QString &field : std::as_const(m_fields))
        setValue(field, record.value(field));
    m_save->setText(tr("Save changes"));
    m_save->setObjectName(m_entity + u"SaveButton"_s);
}

void EntryForm::addGuard(QWidget *widget, std::function<bool()> check)
{
    auto *column = static_cast<QVBoxLayout *>(layout());
    column->insertWidget(column->indexOf(m_formError), widget);
    m_guards << std::move(check);
}

void EntryForm::setValue(const QString &field, const QVariant &value)
{
    QWidget *input = m_inputs.value(field);
    if (auto *combo = qobject_cast<QComboBox *>(input)) {
        const int index = combo->findData(value.toString());
        combo->setCurrentIndex(index >= 0 ? index : 0);
    } else if (auto *date = qobject_cast<QDateEdit *>(input)) {
        const QDate day = QDate::fromString(value.toString(), Qt::ISODate);
        date->setDate(day.isValid() ? day : date->minimumDate());
    } else if (auto *text = qobject_cast<QPlainTextEdit *>(input)) {
        text->setPlainText(value.toString());
    } else if (auto *line = qobject_cast<QLineEdit *>(input)) {
        line->setText(value.toString());
    }
}

QVariant EntryForm::valueOf(const QString &field) const
{
    QWidget *input = m_inputs.value(field);
    if (auto *combo = qobject_cast<QComboBox *>(input)) {
        const QString code = combo->currentData().toString();
        return code.isEmpty() ? QVariant() : QVariant(code);
    }
    if (auto *date = qobject_cast<QDateEdit *>(input)) {
        if (!date->specialValueText().isEmpty() && date->date() == date->minimumDate())
            return {};
        return date->date().toString(Qt::ISODate);
    }
    if (auto *text = qobject_cast<QPlainTextEdit *>(input))
        return text->toPlainText();
    if (auto *line = qobject_cast<QLineEdit *>(input))
        return line->text();
    return {};
}

void EntryForm::clear()
{
    for (QWidget *input : std::as_const(m_inputs)) {
        if (auto *text = qobject_cast<QPlainTextEdit *>(input))
            text->clear();
        else if (auto *line = qobject_cast<QLineEdit *>(input))
            line->clear();
    }
}

bool EntryForm::save()
{
    for (QLabel *error : std::as_const(m_errors))
        error->hide();
    m_formError->hide();
    for (const std::function<bool()> &guard : std::as_const(m_guards)) {
        if (!guard())
            return false;
    }
    const bool editing = !m_recordId.isEmpty();
    QVariantHash values;
    for (const QString &field : std::as_const(m_fields)) {
        const QVariant value = valueOf(field);
        if (value.isValid() && !(value.typeId() == QMetaType::QString && value.toString().isEmpty()))
            values.insert(field, value);
        else if (editing) // emptied: cleared, or refused when the field is required
            values.insert(field, QVariant());
    }
    QString id = m_recordId;
    std::optional<Core::Error> error;
    if (editing) {
        if (const Core::Status s = m_session.activities().update(m_entity, m_recordId, values); !s)
            error = s.error();
    } else {
        const Core::Result<Core::Record> added = m_session.activities().add(m_entity, m_caseId, values);
        if (added)
            id = added->id;
        else
            error = added.error();
    }
    if (error) {
        QLabel *target = m_errors.value(error->field, m_formError);
        target->setText(ErrorText::message(*error));
        target->show();
        return false;
    }
    if (!editing)
        clear();
    emit saved(id);
    return true;
}
