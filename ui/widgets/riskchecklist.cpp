// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/widgets/riskchecklist.h"

#include "core/domain/riskinstrument.h"

#include <QButtonGroup>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QRadioButton>

using namespace Qt::StringLiterals;

namespace {

QString answerText(const QString &answer)
{
    if (answer == u"yes")
        return RiskChecklist::tr("Yes");
    if (answer == u"no")
        return RiskChecklist::tr("No");
    return RiskChecklist::tr("Unknown");
}

} // namespace

RiskChecklist::RiskChecklist(const Core::RiskInstrument &instrument, const QString &language, Shape shape,
                             QWidget *parent)
    : QWidget(parent)
    , m_instrument(instrument)
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setVerticalSpacing(shape == Shape::Compact ? 2 : 6);
    const int columns = shape == Shape::Compact ? 2 : 1;
    const QStringList answers = Core::RiskInstrument::answerCodes();
    for (qsizetype i = 0; i < instrument.items().size(); ++i) {
        const Core::RiskItem &item = instrument.items().at(i);
        const int row = int(i) / columns;
        const int column = (int(i) % columns) * 2;
        auto *question = new QLabel(item.text(language), this);
        question->setObjectName(u"riskQuestion_"_s + item.code);
        question->setWordWrap(true);
        grid->addWidget(question, row, column);
        auto *choices = new QHBoxLayout;
        auto *group = new QButtonGroup(this);
        group->setObjectName(u"riskItem_"_s + item.code);
        for (qsizetype a = 0; a < answers.size(); ++a) {
            auto *radio = new QRadioButton(answerText(answers.at(a)), this);
            radio->setObjectName(u"riskItem_%1_%2"_s.arg(item.code, answers.at(a)));
            radio->setProperty("answer", answers.at(a));
            radio->setChecked(answers.at(a) == u"unknown");
            group->addButton(radio, int(a));
            choices->addWidget(radio);
        }
        grid->addLayout(choices, row, column + 1);
        m_groups << group;
        connect(group, &QButtonGroup::idToggled, this, [this](int, bool checked) {
            if (checked)
                emit answersChanged();
        });
    }
    for (int c = 0; c < columns; ++c)
        grid->setColumnStretch(c * 2, 1);
}

QVariantMap RiskChecklist::answers() const
{
    QVariantMap out;
    for (qsizetype i = 0; i < m_groups.size(); ++i) {
        const QAbstractButton *checked = m_groups.at(i)->checkedButton();
        out.insert(m_instrument.items().at(i).code,
                   checked ? checked->property("answer").toString() : u"unknown"_s);
    }
    return out;
}

void RiskChecklist::setAnswers(const QVariantMap &answers)
{
    const QStringList codes = Core::RiskInstrument::answerCodes();
    for (qsizetype i = 0; i < m_groups.size(); ++i) {
        const QString answer = answers.value(m_instrument.items().at(i).code, u"unknown"_s).toString();
        const qsizetype id = codes.indexOf(answer);
        if (QAbstractButton *button = m_groups.at(i)->button(int(id < 0 ? codes.indexOf(u"unknown"_s) : id)))
            button->setChecked(true);
    }
}

bool RiskChecklist::answered() const
{
    const QVariantMap all = answers();
    return std::any_of(all.cbegin(), all.cend(),
                       [](const QVariant &a) { return a.toString() != u"unknown"; });
}

void RiskChecklist::setReadOnly(bool readOnly)
{
    // Disabled radio buttons still show which answer was given.
    for (QButtonGroup *group : std::as_const(m_groups)) {
        for (QAbstractButton *button : group->buttons())
            button->setEnabled(!readOnly);
    }
}

int RiskChecklist::unknownCount() const
{
    const QVariantMap all = answers();
    return int(std::count_if(all.cbegin(), all.cend(),
                             [](const QVariant &a) { return a.toString() == u"unknown"; }));
}

QString RiskChecklist::suggestedLevel() const
{
    return answered() ? m_instrument.suggest(answers()) : QString();
}

QString RiskChecklist::suggestionText(const QString &levelLabel) const
{
    if (!answered())
        return tr("Nothing is answered yet, so no level is suggested. Answer what you know.");
    const QString suggested = tr("Suggested by the answers: <b>%1</b>").arg(levelLabel.toHtmlEscaped());
    const int unknown = unknownCount();
    return unknown == 0
             ? suggested
             : suggested + u' '
                   + tr("(%n question(s) still unknown: the risk may be higher)", nullptr, unknown);
}
