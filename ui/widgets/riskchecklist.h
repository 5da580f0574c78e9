// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QVariantMap>
#include <QWidget>

class QButtonGroup;

namespace Core {
class RiskInstrument;
}

// The risk instrument's questions, each answered Yes, No or Unknown (unknown until the
// caseworker says otherwise). One widget for the case file's assessment dialog (Full: one
// question a row) and the intake's risk page (Compact: two columns). The radio buttons are named
// riskItem_<code>_<answer> for tests and drafts.
class RiskChecklist final : public QWidget
{
    Q_OBJECT

public:
    enum class Shape { Full, Compact };

    RiskChecklist(const Core::RiskInstrument &instrument, const QString &language, Shape shape,
                  QWidget *parent = nullptr);

    // Every item of the instrument → "yes", "no" or "unknown".
    QVariantMap answers() const;
    // Items missing from `answers` read unknown.
    void setAnswers(const QVariantMap &answers);
    // True once any item is answered yes or no.
    bool answered() const;
    // How many items are still unknown: the suggestion is a floor while any is.
    int unknownCount() const;
    void setReadOnly(bool readOnly);
    // The instrument's suggestion for the current answers; empty while nothing is answered (all
    // unknown is no evidence of a low risk).
    QString suggestedLevel() const;
    // "Suggested by the answers: <b>High</b>", with how many items are still unknown, or a line
    // saying nothing is suggested yet; `levelLabel` is the level's name in the UI language.
    QString suggestionText(const QString &levelLabel) const;

signals:
    void answersChanged();

private:
    const Core::RiskInstrument &m_instrument;
    QList<QButtonGroup *> m_groups; // one per item, in the instrument's order
};
