// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/common/formstate.h"

#include "ui/widgets/regionpicker.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QJsonArray>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>

using namespace Qt::StringLiterals;

namespace FormState {

namespace {

// Inputs of a region picker are the picker's business: only its code is kept.
bool insidePicker(const QWidget *widget, const QWidget *form)
{
    for (const QWidget *w = widget->parentWidget(); w && w != form; w = w->parentWidget()) {
        if (qobject_cast<const RegionPicker *>(w))
            return true;
    }
    return false;
}

template <typename Visit> void forEachInput(QWidget *form, Visit visit)
{
    const QList<QWidget *> widgets = form->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        const QString name = widget->objectName();
        if (name.isEmpty() || name.startsWith(u"qt_") || insidePicker(widget, form))
            continue;
        visit(name, widget);
    }
}

} // namespace

QJsonObject capture(const QWidget *form)
{
    QJsonObject state;
    forEachInput(const_cast<QWidget *>(form), [&](const QString &name, QWidget *widget) {
        if (auto *picker = qobject_cast<RegionPicker *>(widget)) {
            state.insert(name, picker->code());
        } else if (auto *edit = qobject_cast<QLineEdit *>(widget)) {
            if (!edit->isReadOnly())
                state.insert(name, edit->text());
        } else if (auto *text = qobject_cast<QPlainTextEdit *>(widget)) {
            state.insert(name, text->toPlainText());
        } else if (auto *combo = qobject_cast<QComboBox *>(widget)) {
            state.insert(name, combo->currentData().isValid() ? combo->currentData().toString()
                                                              : combo->currentText());
        } else if (auto *date = qobject_cast<QDateTimeEdit *>(widget)) {
            state.insert(name, date->dateTime().toString(Qt::ISODate));
        } else if (auto *list = qobject_cast<QListWidget *>(widget)) {
            QJsonArray checked;
            for (int i = 0; i < list->count(); ++i) {
                const QListWidgetItem *item = list->item(i);
                if ((item->flags() & Qt::ItemIsUserCheckable) && item->checkState() == Qt::Checked)
                    checked.append(item->data(Qt::UserRole).isValid() ? item->data(Qt::UserRole).toString()
                                                                      : item->text());
            }
            state.insert(name, checked);
        } else if (auto *button = qobject_cast<QAbstractButton *>(widget); button && button->isCheckable()) {
            state.insert(name, button->isChecked());
        }
    });
    return state;
}

void restore(QWidget *form, const QJsonObject &state)
{
    forEachInput(form, [&](const QString &name, QWidget *widget) {
        const auto it = state.constFind(name);
        if (it == state.constEnd())
            return;
        if (auto *picker = qobject_cast<RegionPicker *>(widget)) {
            picker->setCode(it->toString());
        } else if (auto *edit = qobject_cast<QLineEdit *>(widget)) {
            if (!edit->isReadOnly())
                edit->setText(it->toString());
        } else if (auto *text = qobject_cast<QPlainTextEdit *>(widget)) {
            text->setPlainText(it->toString());
        } else if (auto *combo = qobject_cast<QComboBox *>(widget)) {
            const int byData = combo->findData(it->toString());
            combo->setCurrentIndex(byData >= 0 ? byData : combo->findText(it->toString()));
        } else if (auto *date = qobject_cast<QDateTimeEdit *>(widget)) {
            date->setDateTime(QDateTime::fromString(it->toString(), Qt::ISODate));
        } else if (auto *list = qobject_cast<QListWidget *>(widget)) {
            const QJsonArray checked = it->toArray();
            for (int i = 0; i < list->count(); ++i) {
                QListWidgetItem *item = list->item(i);
                if (!(item->flags() & Qt::ItemIsUserCheckable))
                    continue;
                const QString key
                    = item->data(Qt::UserRole).isValid() ? item->data(Qt::UserRole).toString() : item->text();
                item->setCheckState(checked.contains(QJsonValue(key)) ? Qt::Checked : Qt::Unchecked);
            }
        } else if (auto *button = qobject_cast<QAbstractButton *>(widget); button && button->isCheckable()) {
            button->setChecked(it->toBool());
        }
    });
}

} // namespace FormState
