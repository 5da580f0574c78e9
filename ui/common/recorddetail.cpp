// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/recorddetail.h"

#include "core/changelog/schema.h"
#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "ui/common/fieldlabels.h"
#include "ui/common/uitext.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

// Fields a person does not read: ids of other records and what only the system or server sets.
bool shown(const Core::FieldDef &field)
{
    return field.kind != Core::FieldKind::ServerOnly && field.type != Core::ValueType::Id
        && field.name != u"birth_year";
}

QLabel *valueLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    label->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    return label;
}

} // namespace

RecordDetail::RecordDetail(const Core::Session &session, const QList<Core::Record> &records,
                           const QString &language, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_language(language)
{
    setObjectName(u"recordDetail"_s);
    setWindowTitle(records.isEmpty() ? tr("Details") : FieldLabels::entity(records.first().entity));
    auto *content = new QWidget;
    auto *column = new QVBoxLayout(content);
    for (const Core::Record &record : records)
        column->addWidget(section(record));
    column->addStretch();
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"recordDetailScroll"_s);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // long text wraps instead
    scroll->setWidget(content);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    buttons->button(QDialogButtonBox::Close)->setObjectName(u"closeDetailButton"_s);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(buttons);
    const int character = fontMetrics().averageCharWidth();
    resize(character * 90, fontMetrics().height() * 34);
}

QWidget *RecordDetail::section(const Core::Record &record)
{
    auto *box = new QWidget;
    box->setObjectName(record.entity + u"Detail"_s);
    auto *form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    auto *title = new QLabel(u"<b>%1</b>"_s.arg(FieldLabels::entity(record.entity).toHtmlEscaped()), box);
    form->addRow(title);
    const Core::EntityDef *def = Core::Schema::entity(record.entity);
    if (!def)
        return box;
    for (const Core::FieldDef &field : def->fields) {
        if (!shown(field))
            continue;
        const QVariant value = record.value(field.name);
        const bool empty = !value.isValid() || value.isNull()
                        || (value.typeId() == QMetaType::QString && value.toString().isEmpty())
                        || (value.typeId() == QMetaType::QStringList && value.toStringList().isEmpty());
        const QString text
            = empty ? UiText::empty() : FieldLabels::shown(m_session, field, value, m_language);
        QLabel *shownValue = valueLabel(text, box);
        shownValue->setObjectName(record.entity + u'_' + field.name + u"Value"_s);
        const QString name = FieldLabels::known(QString(), field.name);
        form->addRow(name.isEmpty() ? field.name : name, shownValue);
    }
    if (record.createdAt > 0) {
        const QString by = record.createdBy.isEmpty() ? tr("—") : record.createdBy;
        form->addRow(tr("Recorded"), valueLabel(tr("%1 by %2")
                                                    .arg(m_session.profile().districtTime().display(
                                                             record.createdAt, QLocale(m_language)),
                                                         by),
                                                box));
    }
    return box;
}

QString RecordDetail::shownValue(const QString &entity, const QString &field) const
{
    const auto *label = findChild<QLabel *>(entity + u'_' + field + u"Value"_s);
    return label ? label->text() : QString();
}
