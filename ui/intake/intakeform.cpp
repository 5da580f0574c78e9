// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/intake/intakeform.h"

#include "ui/common/codelabels.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>

using namespace Qt::StringLiterals;

namespace IntakeForm {

const QString errorStyle = u"color:#b00020"_s;
const QString warningStyle = u"color:#8a4b00"_s;
const QString hintStyle = u"color:#505050"_s;

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

QFormLayout *formLayout()
{
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setVerticalSpacing(6);
    return form;
}

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

void gridRow(QGridLayout *grid, int row, int column, const QString &text, QWidget *box, int columnSpan,
             int rowSpan)
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

void tabOrder(const QList<QWidget *> &widgets)
{
    QList<QWidget *> inputs;
    for (QWidget *w : widgets) {
        if (w->focusPolicy() & Qt::TabFocus) {
            inputs << w;
            continue;
        }
        // Popups (a completer's list) live in windows of their own and stay out of the chain.
        // An input's own parts (a date edit's line edit) go with it.
        const auto insideInput = [w](const QWidget *child) {
            for (const QWidget *p = child->parentWidget(); p && p != w; p = p->parentWidget()) {
                if (p->focusPolicy() & Qt::TabFocus)
                    return true;
            }
            return false;
        };
        for (QWidget *child : w->findChildren<QWidget *>()) {
            if ((child->focusPolicy() & Qt::TabFocus) && !child->isWindow() && !insideInput(child))
                inputs << child;
        }
    }
    for (qsizetype i = 1; i < inputs.size(); ++i)
        QWidget::setTabOrder(inputs.at(i - 1), inputs.at(i));
}

std::optional<int> wholeNumber(const QLineEdit *edit)
{
    bool ok = false;
    const int n = edit->text().trimmed().toInt(&ok);
    return ok ? std::optional(n) : std::nullopt;
}

void put(QVariantHash &hash, const QString &name, const QString &value)
{
    if (!value.trimmed().isEmpty())
        hash.insert(name, value.trimmed());
}

void showAddedTab(QTabWidget *tabs, QWidget *tab, const QString &title, QPushButton *remove, int count,
                  QWidget *focus)
{
    tabs->addTab(tab, title);
    tabs->setCurrentWidget(tab);
    remove->setEnabled(count > 1);
    if (count > 1)
        focus->setFocus();
}

void dropLastTab(QTabWidget *tabs, QWidget *tab, QPushButton *remove, int remaining)
{
    tabs->removeTab(tabs->indexOf(tab));
    tab->deleteLater();
    remove->setEnabled(remaining > 1);
}

} // namespace IntakeForm
