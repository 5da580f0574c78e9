// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class RiskChecklist;

namespace Core {
class RiskInstrument;
class Session;
struct Record;
} // namespace Core

// One risk assessment: the instrument's checklist, the four levels and what each means, the
// level the answers suggest, and the caseworker's level. A new assessment starts at the case's
// current level, never lower, and follows the suggestion upwards until the caseworker chooses;
// a level other than the suggestion, or below the current one, needs a reason. The same dialog
// shows a saved assessment: what was answered, the suggestion and the reason, read-only; its
// written factors and safety plan can be corrected.
class RiskDialog final : public QDialog
{
    Q_OBJECT

public:
    // A new assessment of `caseId`, whose current level is `currentLevel` (may be empty).
    RiskDialog(Core::Session &session, const QString &language, const QString &caseId,
               const QString &currentLevel, QWidget *parent = nullptr);
    // A saved assessment, read-only.
    RiskDialog(Core::Session &session, const QString &language, const Core::Record &assessment,
               QWidget *parent = nullptr);

    // Saves the new assessment, or a saved one's corrected factors and safety plan (its answers
    // and level stay as assessed); false (with the problem shown) when it was refused.
    bool save();

signals:
    void saved(const QString &assessmentId);

private:
    void build();
    QWidget *buildLevelPanel();
    void answersChanged();
    void showReasonHint();
    bool needsReason() const;
    QString levelLabel(const QString &code) const;
    QString definitions() const;
    void showRecord(const Core::Record &assessment);
    bool saveCorrection();

    Core::Session &m_session;
    QString m_language;
    QString m_caseId;
    QString m_currentLevel;
    QString m_assessmentId; // the saved assessment shown (read-only but for its texts)
    const Core::RiskInstrument *m_instrument = nullptr;
    bool m_readOnly = false;
    bool m_levelChosen = false; // the caseworker picked the level; it no longer follows the answers
    RiskChecklist *m_checklist = nullptr;
    QLabel *m_intro = nullptr;
    QLabel *m_definitions = nullptr;
    QLabel *m_suggestion = nullptr;
    QComboBox *m_level = nullptr;
    QLabel *m_reasonHint = nullptr;
    QLineEdit *m_reason = nullptr;
    QLabel *m_reasonError = nullptr;
    QPlainTextEdit *m_factors = nullptr;
    QPlainTextEdit *m_safetyPlan = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_save = nullptr;
};
