// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/entryform.h"

#include "core/cases/activityrepository.h"
#include "core/changelog/schema.h"
#include "core/clock/districttime.h"
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
            input = date;
        } else if (field->maxLength > Core::Schema::defaultTextLimit || name == u"safety_plan") {
            auto *text = new QPlainTextEdit(this);
            text->setMaximumHeight(80);
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
    auto *add = new QPushButton(tr("Add"), this);
    add->setObjectName(entity + u"AddButton"_s);
    layout->addWidget(add, 0, Qt::AlignRight);
    connect(add, &QPushButton::clicked, this, &EntryForm::save);
}

QVariant EntryForm::valueOf(const QString &field) const
{
    QWidget *input = m_inputs.value(field);
    if (auto *combo = qobject_cast<QComboBox *>(input)) {
        const QString code = combo->currentData().toString();
        return code.isEmpty() ? QVariant() : QVariant(code);
    }
    if (auto *date = qobject_cast<QDateEdit *>(input))
        return date->date().toString(Qt::ISODate);
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
    QVariantHash values;
    for (const QString &field : std::as_const(m_fields)) {
        const QVariant value = valueOf(field);
        if (value.isValid() && !(value.typeId() == QMetaType::QString && value.toString().isEmpty()))
            values.insert(field, value);
    }
    const Core::Result<Core::Record> added = m_session.activities().add(m_entity, m_caseId, values);
    if (!added) {
        QLabel *target = m_errors.value(added.error().field, m_formError);
        target->setText(ErrorText::message(added.error()));
        target->show();
        return false;
    }
    clear();
    emit saved(added->id);
    return true;
}
