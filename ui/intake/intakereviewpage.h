// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QStringList>
#include <QVariantHash>
#include <QWizardPage>

#include <functional>
#include <utility>

namespace Core {
class Session;
struct CaseDraft;
struct PartyInput;
} // namespace Core

class QLabel;
class QVBoxLayout;

// The intake's last page: everything entered, page by page, as the caseworker will read it in the
// case file (field labels, code labels, dates and times in the district), each group with a button
// back to its page. "Save case" is pressed here; an error from saving that names no field shows here.
class IntakeReviewPage final : public QWizardPage
{
    // The intake's texts keep the wizard's translation context (and so the catalogue entries).
    Q_DECLARE_TR_FUNCTIONS(IntakeWizard)

public:
    // `edit` goes back to a page of the wizard (IntakeWizard::PageId).
    IntakeReviewPage(const Core::Session &session, const QString &language, std::function<void(int)> edit,
                     QWidget *parent = nullptr);

    // What the guardian page said besides the draft: a child's guardian not known yet.
    struct Context
    {
        bool guardianUnknown = false;
        QStringList victimNames; // in tab order, for the perpetrator's "victim it concerns"
    };
    // Lists `draft` (as IntakeWizard::buildDraft makes it) from scratch.
    void showDraft(const Core::CaseDraft &draft, const Context &context);
    void showSaveError(const QString &message);

private:
    using Rows = QList<std::pair<QString, QString>>;

    // One group: a title, label/value rows and the button back to `page`.
    void addSection(int page, const QString &title, const Rows &rows, const QString &buttonName);
    Rows caseRows(const Core::CaseDraft &draft, const QStringList &fields) const;
    Rows partyRows(const Core::PartyInput &party, const Context &context) const;
    Rows entityRows(const QString &entity, const QVariantHash &values, const QStringList &skip) const;

    const Core::Session &m_session;
    const QString m_language;
    std::function<void(int)> m_edit;
    QWidget *m_content = nullptr;
    QVBoxLayout *m_sections = nullptr;
    QLabel *m_saveError = nullptr;
    QHash<QString, int> m_buttonCount; // per page: the second victim's button gets a number
};
