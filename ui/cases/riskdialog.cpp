// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/cases/riskdialog.h"

#include "core/cases/activityrepository.h"
#include "core/domain/record.h"
#include "core/domain/riskinstrument.h"
#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "ui/common/codelabels.h"
#include "ui/common/errortext.h"
#include "ui/widgets/riskchecklist.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {

QLabel *wrapped(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    return label;
}

QLabel *errorLabel(const QString &objectName, QWidget *parent)
{
    QLabel *label = wrapped(objectName, parent);
    label->setStyleSheet(u"color: #b01c1c"_s);
    label->hide();
    return label;
}

QPlainTextEdit *textArea(const QString &objectName, QWidget *parent)
{
    auto *text = new QPlainTextEdit(parent);
    text->setObjectName(objectName);
    text->setTabChangesFocus(true);
    text->setMaximumHeight(70);
    return text;
}

} // namespace

RiskDialog::RiskDialog(Core::Session &session, const QString &language, const QString &caseId,
                       const QString &currentLevel, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_language(language)
    , m_caseId(caseId)
    , m_currentLevel(currentLevel)
{
    setWindowTitle(tr("New risk assessment"));
    build();
    if (!m_instrument)
        return;
    answersChanged(); // no suggestion while all is unknown; the level starts at the case's
}

RiskDialog::RiskDialog(Core::Session &session, const QString &language, const Core::Record &assessment,
                       QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_language(language)
    , m_caseId(assessment.caseId)
{
    setWindowTitle(tr("Risk assessment"));
    build();
    showRecord(assessment);
}

void RiskDialog::build()
{
    setObjectName(u"riskDialog"_s);
    resize(1080, 660);
    auto *layout = new QVBoxLayout(this);
    m_intro = wrapped(u"riskIntro"_s, this);
    layout->addWidget(m_intro);
    m_error = errorLabel(u"riskFormError"_s, this);
    const Core::Result<const Core::RiskInstrument *> instrument = m_session.riskInstrument();
    if (instrument)
        m_instrument = *instrument;
    auto *columns = new QHBoxLayout;
    layout->addLayout(columns, 1);
    if (m_instrument) {
        m_intro->setText(
            tr("Ask each question; answer \"Unknown\" when you do not know yet. Checklist version %1.")
                .arg(m_instrument->version()));
        m_checklist = new RiskChecklist(*m_instrument, m_language, RiskChecklist::Shape::Full, this);
        m_checklist->setObjectName(u"riskChecklist"_s);
        auto *scroll = new QScrollArea(this);
        scroll->setWidget(m_checklist);
        scroll->setWidgetResizable(true);
        columns->addWidget(scroll, 3);
        connect(m_checklist, &RiskChecklist::answersChanged, this, &RiskDialog::answersChanged);
    } else {
        m_error->setText(ErrorText::message(instrument.error()));
        m_error->show();
    }
    columns->addWidget(buildLevelPanel(), 2);
    layout->addWidget(m_error);
    auto *buttons = new QDialogButtonBox(this);
    m_save = buttons->addButton(tr("Save assessment"), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(u"riskSaveButton"_s);
    m_save->setEnabled(m_instrument != nullptr);
    buttons->addButton(tr("Cancel"), QDialogButtonBox::RejectRole)->setObjectName(u"riskCancelButton"_s);
    layout->addWidget(buttons);
    connect(m_save, &QPushButton::clicked, this, [this] {
        if (save())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QWidget *RiskDialog::buildLevelPanel()
{
    auto *panel = new QWidget(this);
    auto *column = new QVBoxLayout(panel);
    column->setContentsMargins(0, 0, 0, 0);
    auto *levels = new QGroupBox(tr("What the levels mean"), panel);
    auto *levelsLayout = new QVBoxLayout(levels);
    m_definitions = wrapped(u"levelDefinitions"_s, levels);
    m_definitions->setTextFormat(Qt::RichText);
    levelsLayout->addWidget(m_definitions);
    column->addWidget(levels);
    m_suggestion = wrapped(u"suggestedLevelLabel"_s, panel);
    m_suggestion->setStyleSheet(u"QLabel { background: #eef3f8; padding: 6px; border-radius: 4px; }"_s);
    column->addWidget(m_suggestion);
    auto *form = new QFormLayout;
    m_level = new QComboBox(panel);
    m_level->setObjectName(u"riskLevelCombo"_s);
    CodeLabels::fill(m_level, m_session.codes(), u"risk_level", m_language, {});
    form->addRow(tr("&Risk level:"), m_level);
    m_reasonHint = wrapped(u"overrideHint"_s, panel);
    m_reasonHint->setStyleSheet(u"color: #8a4b00"_s);
    m_reasonHint->hide();
    form->addRow(QString(), m_reasonHint);
    m_reason = new QLineEdit(panel);
    m_reason->setObjectName(u"overrideReasonEdit"_s);
    form->addRow(tr("Reason for this &level:"), m_reason);
    m_reasonError = errorLabel(u"overrideReasonError"_s, panel);
    form->addRow(QString(), m_reasonError);
    m_factors = textArea(u"riskFactorsEdit"_s, panel);
    form->addRow(tr("Risk &factors:"), m_factors);
    m_safetyPlan = textArea(u"safetyPlanEdit"_s, panel);
    form->addRow(tr("&Safety plan:"), m_safetyPlan);
    column->addLayout(form);
    column->addStretch(1);
    connect(m_level, &QComboBox::activated, this, [this] {
        m_levelChosen = true;
        showReasonHint();
    });
    m_definitions->setText(definitions());
    return panel;
}

QString RiskDialog::levelLabel(const QString &code) const
{
    return code.isEmpty() ? QString() : CodeLabels::label(m_session.codes(), u"risk_level", code, m_language);
}

QString RiskDialog::definitions() const
{
    if (!m_instrument)
        return {};
    QString html;
    for (const Core::RiskLevelDef &level : m_instrument->levels())
        html += u"<p><b>%1</b> — %2</p>"_s.arg(levelLabel(level.code).toHtmlEscaped(),
                                               level.definition(m_language).toHtmlEscaped());
    return html;
}

void RiskDialog::answersChanged()
{
    if (m_readOnly)
        return;
    const QString suggested = m_checklist->suggestedLevel();
    m_suggestion->setText(m_checklist->suggestionText(levelLabel(suggested)));
    m_suggestion->setProperty("level", suggested);
    // Until the caseworker chooses, the level follows the suggestion upwards from the case's
    // current level, and never below it.
    if (!m_levelChosen)
        m_level->setCurrentIndex(m_level->findData(
            suggested.isEmpty() ? m_currentLevel : m_instrument->higher(m_currentLevel, suggested)));
    showReasonHint();
}

void RiskDialog::showReasonHint()
{
    if (!m_instrument || m_readOnly)
        return;
    m_reasonError->hide();
    const QString level = m_level->currentData().toString();
    const QString suggested = m_checklist->suggestedLevel();
    QString hint;
    if (m_instrument->rank(level) < m_instrument->rank(m_currentLevel))
        hint = tr("%1 is lower than the case's current level (%2): write why the risk went down.")
                   .arg(levelLabel(level), levelLabel(m_currentLevel));
    else if (!suggested.isEmpty() && level != suggested)
        hint = tr("%1 is not the suggested level (%2): write why.")
                   .arg(levelLabel(level), levelLabel(suggested));
    m_reasonHint->setText(hint);
    m_reasonHint->setVisible(!hint.isEmpty());
}

bool RiskDialog::needsReason() const
{
    const QString level = m_level->currentData().toString();
    const QString suggested = m_checklist->suggestedLevel();
    return (!suggested.isEmpty() && level != suggested)
        || m_instrument->rank(level) < m_instrument->rank(m_currentLevel);
}

bool RiskDialog::save()
{
    m_error->hide();
    m_reasonError->hide();
    if (m_readOnly)
        return saveCorrection();
    if (!m_instrument)
        return false;
    const QString reason = m_reason->text().trimmed();
    if (needsReason() && reason.isEmpty()) {
        m_reasonError->setText(tr("Write the reason for choosing this level."));
        m_reasonError->show();
        m_reason->setFocus();
        return false;
    }
    QVariantHash values{{u"instrument"_s, m_instrument->version()},
                        {u"answers"_s, m_checklist->answers()},
                        {u"level"_s, m_level->currentData().toString()}};
    if (const QString suggested = m_checklist->suggestedLevel(); !suggested.isEmpty())
        values.insert(u"suggested_level"_s, suggested);
    if (!reason.isEmpty())
        values.insert(u"override_reason"_s, reason);
    if (const QString factors = m_factors->toPlainText().trimmed(); !factors.isEmpty())
        values.insert(u"factors"_s, factors);
    if (const QString plan = m_safetyPlan->toPlainText().trimmed(); !plan.isEmpty())
        values.insert(u"safety_plan"_s, plan);
    const Core::Result<Core::Record> added = m_session.activities().add(u"risk_assessment", m_caseId, values);
    if (!added) {
        QLabel *target = added.error().field == u"override_reason" ? m_reasonError : m_error;
        target->setText(ErrorText::message(added.error()));
        target->show();
        return false;
    }
    emit saved(added->id);
    return true;
}

void RiskDialog::showRecord(const Core::Record &assessment)
{
    m_readOnly = true;
    const QString when = m_session.profile().districtTime().display(
        assessment.value(u"assessed_at"_s).toLongLong(), QLocale(m_language));
    const QString version = assessment.text(u"instrument"_s);
    m_intro->setText(
        version.isEmpty()
            ? tr("Assessed %1 by %2, without the checklist.").arg(when, assessment.createdBy)
            : tr("Assessed %1 by %2, checklist version %3.").arg(when, assessment.createdBy, version));
    if (m_checklist) {
        m_checklist->setAnswers(assessment.value(u"answers"_s).toMap());
        m_checklist->setReadOnly(true);
        m_checklist->setVisible(!version.isEmpty());
    }
    const QString suggested = assessment.text(u"suggested_level"_s);
    m_suggestion->setText(
        suggested.isEmpty()
            ? tr("No suggestion was recorded.")
            : tr("Suggested by the answers: <b>%1</b>").arg(levelLabel(suggested).toHtmlEscaped()));
    m_level->setCurrentIndex(m_level->findData(assessment.text(u"level"_s)));
    m_level->setEnabled(false);
    m_reason->setText(assessment.text(u"override_reason"_s));
    m_reason->setReadOnly(true);
    // What was answered and the level stay as assessed (a changed risk is a new assessment);
    // the written factors and safety plan can be corrected.
    m_assessmentId = assessment.id;
    m_factors->setPlainText(assessment.text(u"factors"_s));
    m_safetyPlan->setPlainText(assessment.text(u"safety_plan"_s));
    m_save->setText(tr("Save corrections"));
    if (auto *cancel = findChild<QPushButton *>(u"riskCancelButton"_s))
        cancel->setText(tr("Close"));
}

bool RiskDialog::saveCorrection()
{
    const QString factors = m_factors->toPlainText().trimmed();
    const QString plan = m_safetyPlan->toPlainText().trimmed();
    const QVariantHash changes{{u"factors"_s, factors.isEmpty() ? QVariant() : QVariant(factors)},
                               {u"safety_plan"_s, plan.isEmpty() ? QVariant() : QVariant(plan)}};
    if (const Core::Status s = m_session.activities().update(u"risk_assessment", m_assessmentId, changes);
        !s) {
        m_error->setText(ErrorText::message(s.error()));
        m_error->show();
        return false;
    }
    emit saved(m_assessmentId);
    return true;
}
