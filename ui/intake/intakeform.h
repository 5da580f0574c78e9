// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringView>
#include <QVariantHash>

#include <optional>

namespace Core {
class CodeLists;
}

class QComboBox;
class QFormLayout;
class QGridLayout;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QWidget;

// Building blocks shared by the intake's pages, so every page lays out, names and reads its
// widgets the same way.
namespace IntakeForm {

// How a message reads: red (blocks Next or saving), amber, or a grey hint.
extern const QString errorStyle;
extern const QString warningStyle;
extern const QString hintStyle;

// The second and later victims or perpetrators get a number after their object names
// ("victimNameEdit2"), so every widget has a unique name for tests and screenshots.
QString suffix(int index);

QLineEdit *lineEdit(const QString &name, QWidget *parent);
QComboBox *codeCombo(const QString &name, const Core::CodeLists &codes, QStringView list,
                     const QString &language, const QString &emptyText, QWidget *parent);
// The code chosen in a combo filled by codeCombo(); empty for the "not recorded" item.
QString code(const QComboBox *box);

// A single-column form with growing fields and compact rows, for 1366×768.
QFormLayout *formLayout();
// Two label/field column pairs with the labels of each column aligned; fields share the width.
QGridLayout *gridLayout(QWidget *parent);
// A label beside `box`, level with its first line even when an error shows under it.
void gridRow(QGridLayout *grid, int row, int column, const QString &text, QWidget *box, int columnSpan = 1,
             int rowSpan = 1);

// Tab goes through `widgets` in this order, each compound input (a region picker, an address
// line) through its own inputs in turn: the focus chain otherwise follows the order in which
// the field wrappers were added, not the one the eye reads.
void tabOrder(const QList<QWidget *> &widgets);

// A whole number typed in an age field; nothing when it is empty or not a number.
std::optional<int> wholeNumber(const QLineEdit *edit);
// Puts `value`, trimmed, into `hash`; an empty value leaves `name` out of the draft.
void put(QVariantHash &hash, const QString &name, const QString &value);

// Repeated forms (victims, perpetrators) live in tabs: show a newly added one, or drop the last.
// The remove button is enabled while more than one form remains.
void showAddedTab(QTabWidget *tabs, QWidget *tab, const QString &title, QPushButton *remove, int count,
                  QWidget *focus);
void dropLastTab(QTabWidget *tabs, QWidget *tab, QPushButton *remove, int remaining);

} // namespace IntakeForm
