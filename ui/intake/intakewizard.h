// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QStringList>
#include <QWizard>

#include <memory>

class IntakeChannelPage;
class IntakeFields;
class IntakeGuardianPage;
class IntakeIncidentPage;
class IntakePerpetratorPage;
class IntakeReporterPage;
class IntakeReviewPage;
class IntakeRiskPage;
class IntakeVictimPage;

namespace Core {
class Session;
struct CaseDraft;
struct Error;
} // namespace Core

// The new-case intake (pengaduan): channel, reporter, victims, a child's guardian and consent,
// incident, perpetrators and a first risk level, then a review of it all, stored as one action by
// CaseRepository::create. Pages check what they can before
// Next; an error from the store brings the user back to the field it names, with every input kept.
class IntakeWizard final : public QWizard
{
    Q_OBJECT

public:
    enum PageId {
        ChannelPage,
        ReporterPage,
        VictimPage,
        GuardianPage,
        IncidentPage,
        PerpetratorPage,
        RiskPage,
        ReviewPage,
    };

    IntakeWizard(Core::Session &session, const QString &language, QWidget *parent = nullptr);
    ~IntakeWizard() override;

    bool validateCurrentPage() override;
    void done(int result) override;

    // Continues an unfinished intake saved as a draft.
    void resumeDraft(const QString &draftId, const QJsonObject &content);
    const QString &draftId() const { return m_draftId; }

signals:
    void caseCreated(const QString &caseId, const QString &number);

private:
    // Shows the page, the tab and the input of `key`, going back as far as needed.
    void focusField(const QString &key);
    void goToPage(int page);
    // Brings a page up to date with the pages before it, as it is shown.
    void pageShown(int id);

    Core::CaseDraft buildDraft(QStringList *partyKeys) const;
    QJsonObject draftContent() const;
    void saveDraft();
    bool save();
    void removeDraft();
    void routeError(const Core::Error &error, const QStringList &partyKeys);

    Core::Session &m_session;
    const QString m_scope; // the profile's regency: the case belongs to it
    std::unique_ptr<IntakeFields> m_fields; // every page's inputs and messages, by key
    IntakeChannelPage *m_channelPage = nullptr;
    IntakeReporterPage *m_reporterPage = nullptr;
    IntakeVictimPage *m_victimPage = nullptr;
    IntakeIncidentPage *m_incidentPage = nullptr;
    IntakePerpetratorPage *m_perpetratorPage = nullptr;
    IntakeRiskPage *m_riskPage = nullptr;
    IntakeGuardianPage *m_guardianPage = nullptr;
    IntakeReviewPage *m_reviewPage = nullptr;
    bool m_discardArmed = false;
    QString m_draftId;
    QJsonObject m_blank; // the form as opened: not worth a draft
    QJsonObject m_lastSaved; // what the draft holds now
    class QTimer *m_autosave = nullptr;
    bool m_draftClosed = false; // finished or discarded: no more saving
};
