// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/intake/intakewizard.h"

#include "core/cases/caserepository.h"
#include "core/cases/draftstore.h"
#include "core/clock/clock.h"
#include "core/domain/validator.h"
#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "core/util/uuid.h"
#include "ui/common/errortext.h"
#include "ui/common/formstate.h"
#include "ui/common/logging.h"
#include "ui/intake/intakechannelpage.h"
#include "ui/intake/intakefields.h"
#include "ui/intake/intakeform.h"
#include "ui/intake/intakeguardianpage.h"
#include "ui/intake/intakeincidentpage.h"
#include "ui/intake/intakeperpetratorpage.h"
#include "ui/intake/intakereporterpage.h"
#include "ui/intake/intakereviewpage.h"
#include "ui/intake/intakeriskpage.h"
#include "ui/intake/intakevictimpage.h"

#include <QAbstractButton>
#include <QRegularExpression>
#include <QTimer>

using namespace Qt::StringLiterals;

IntakeWizard::IntakeWizard(Core::Session &session, const QString &language, QWidget *parent)
    : QWizard(parent)
    , m_session(session)
    , m_scope(session.profile().info().districtCode)
    , m_fields(std::make_unique<IntakeFields>(session.validator(), language))
{
    setObjectName(u"intakeWizard"_s);
    setWizardStyle(QWizard::ClassicStyle);
    // Pages are built once and keep their input when the user goes back (and when a store
    // error sends them back): nothing typed is reset.
    setOptions(QWizard::IndependentPages | QWizard::NoBackButtonOnStartPage);
    setWindowTitle(session.profile().info().training ? tr("New case — TRAINING profile") : tr("New case"));

    m_channelPage = new IntakeChannelPage(*m_fields, session, this);
    m_reporterPage = new IntakeReporterPage(*m_fields, this);
    m_victimPage = new IntakeVictimPage(*m_fields, session, this);
    m_incidentPage = new IntakeIncidentPage(*m_fields, session, *m_channelPage, this);
    m_perpetratorPage = new IntakePerpetratorPage(*m_fields, session, this);
    m_riskPage = new IntakeRiskPage(*m_fields, session, this);
    m_guardianPage = new IntakeGuardianPage(*m_fields, session, this);
    m_reviewPage = new IntakeReviewPage(
        session, language, [this](int page) { goToPage(page); }, this);
    setPage(ChannelPage, m_channelPage);
    setPage(ReporterPage, m_reporterPage);
    setPage(VictimPage, m_victimPage);
    setPage(GuardianPage, m_guardianPage);
    setPage(IncidentPage, m_incidentPage);
    setPage(PerpetratorPage, m_perpetratorPage);
    setPage(RiskPage, m_riskPage);
    setPage(ReviewPage, m_reviewPage);
    setStartId(ChannelPage);

    // Qt ships no Indonesian catalogue: the wizard's own buttons get our texts.
    setButtonText(QWizard::BackButton, tr("< &Back"));
    setButtonText(QWizard::NextButton, tr("&Next >"));
    setButtonText(QWizard::FinishButton, tr("&Save case"));
    setButtonText(QWizard::CancelButton, tr("Cancel"));
    button(QWizard::BackButton)->setObjectName(u"backButton"_s);
    button(QWizard::NextButton)->setObjectName(u"nextButton"_s);
    button(QWizard::FinishButton)->setObjectName(u"finishButton"_s);
    button(QWizard::CancelButton)->setObjectName(u"cancelButton"_s);
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        m_discardArmed = false;
        setButtonText(QWizard::CancelButton, tr("Cancel"));
        pageShown(id);
    });

    // Drafts: what is typed is saved (sealed) every few seconds and on every page change, so a
    // crash or a flat battery loses nothing; the home screen offers unfinished intakes.
    m_draftId = Core::newUuidV7(m_session.profile().clock().nowMs());
    m_blank = FormState::capture(this);
    m_autosave = new QTimer(this);
    m_autosave->setInterval(3000);
    connect(m_autosave, &QTimer::timeout, this, &IntakeWizard::saveDraft);
    connect(this, &QWizard::currentIdChanged, this, &IntakeWizard::saveDraft);
    m_autosave->start();

    resize(1040, 680);
}

QJsonObject IntakeWizard::draftContent() const
{
    return QJsonObject{{u"page"_s, currentId()},
                       {u"victims"_s, m_victimPage->count()},
                       {u"perpetrators"_s, m_perpetratorPage->count()},
                       {u"fields"_s, FormState::capture(this)}};
}

void IntakeWizard::saveDraft()
{
    // After Finish or Discard nothing is saved again (QWizard resets its pages while closing).
    if (m_draftClosed || currentId() < 0)
        return;
    const QJsonObject content = draftContent();
    // Nothing typed yet is not a draft; an unchanged draft is not written again.
    if (content.value(u"fields"_s).toObject() == m_blank || content == m_lastSaved)
        return;
    if (m_session.drafts().save(m_draftId, u"intake"_s, m_session.profile().actor().login, content))
        m_lastSaved = content;
}

void IntakeWizard::resumeDraft(const QString &draftId, const QJsonObject &content)
{
    m_draftId = draftId;
    m_victimPage->ensureCount(content.value(u"victims"_s).toInt(1));
    m_perpetratorPage->ensureCount(content.value(u"perpetrators"_s).toInt(1));
    FormState::restore(this, content.value(u"fields"_s).toObject());
    m_lastSaved = content;
    // Walk forward to where the user was; a page whose input is incomplete stops the walk there.
    const int page = content.value(u"page"_s).toInt();
    if (currentId() < 0)
        restart(); // not shown yet: start at the first page, then walk
    while (currentId() < page) {
        const int before = currentId();
        next();
        if (currentId() == before)
            break;
    }
}

IntakeWizard::~IntakeWizard() = default;

void IntakeWizard::pageShown(int id)
{
    // Victims may have changed since the page was last shown.
    const QDate reported = m_channelPage->reportedOn().value_or(m_session.validator().today());
    if (id == GuardianPage) {
        const int child = m_victimPage->firstChild(reported);
        const QStringList names = m_victimPage->names();
        m_guardianPage->setChild(child, names.value(child < 0 ? 0 : child));
    }
    if (id == IncidentPage) {
        m_incidentPage->suggestTyping(*m_victimPage);
        m_incidentPage->defaultVillage(m_victimPage->village());
    }
    if (id == PerpetratorPage)
        m_perpetratorPage->setVictims(m_victimPage->names());
    if (id == ReviewPage) {
        QStringList partyKeys;
        m_reviewPage->showDraft(buildDraft(&partyKeys),
                                {m_guardianPage->guardianUnknown(), m_victimPage->names()});
    }
}

bool IntakeWizard::validateCurrentPage()
{
    // Each page checks its own input; after the last one, the case is saved.
    const int page = currentId();
    m_fields->clearErrors(page);
    if (!QWizard::validateCurrentPage())
        return false;
    return page != ReviewPage || save();
}

void IntakeWizard::focusField(const QString &key)
{
    const int page = m_fields->page(key);
    if (page < 0)
        return;
    goToPage(page);
    m_fields->focus(key);
}

void IntakeWizard::goToPage(int page)
{
    // Only backwards: every page before the current one has been validated already. Independent
    // pages keep their input on the way back.
    while (currentId() != page && visitedIds().contains(page))
        back();
}

// ---------------------------------------------------------------------------------------------
// Saving

Core::CaseDraft IntakeWizard::buildDraft(QStringList *partyKeys) const
{
    Core::CaseDraft draft;
    IntakeForm::put(draft.fields, u"district_code"_s, m_scope);
    m_channelPage->fillCase(draft.fields);
    m_incidentPage->fillCase(draft.fields);
    m_riskPage->fillCase(draft.fields);

    // Parties in a fixed order; `partyKeys` says which form each one came from, so an error on
    // "people[2]..." finds its way back to the right field.
    for (int i = 0; i < m_victimPage->count(); ++i) {
        draft.parties << m_victimPage->party(i);
        *partyKeys << u"victim%1"_s.arg(i);
    }
    // Consent on the victim's own row: an adult's, or "not yet asked" for a child without a known
    // guardian. A known guardian's consent is on the guardian's row.
    const QVariantHash consent = m_guardianPage->victimConsent();
    if (const int v = m_guardianPage->consentVictim(); v >= 0 && v < draft.parties.size())
        draft.parties[v].link.insert(consent);
    if (const std::optional<Core::PartyInput> guardian = m_guardianPage->party()) {
        draft.parties << *guardian;
        *partyKeys << u"guardian"_s;
    }
    for (int i = 0; i < m_perpetratorPage->count(); ++i) {
        if (const std::optional<Core::PartyInput> perpetrator = m_perpetratorPage->party(i)) {
            draft.parties << *perpetrator;
            *partyKeys << u"perpetrator%1"_s.arg(i);
        }
    }
    if (const std::optional<Core::PartyInput> reporter = m_reporterPage->party()) {
        draft.parties << *reporter;
        *partyKeys << u"reporter"_s;
    }

    draft.risk = m_riskPage->risk();
    return draft;
}

bool IntakeWizard::save()
{
    QStringList partyKeys;
    const Core::Result<Core::Record> created = m_session.cases().create(buildDraft(&partyKeys));
    if (!created) {
        routeError(created.error(), partyKeys);
        return false;
    }
    const QString id = created->id;
    if (const Core::Status indexed = m_session.reindex(id); !indexed) {
        // The case is stored; only search misses it until the next unlock rebuilds the index.
        qCWarning(lcUi) << "intake: search index not refreshed:" << indexed.error().detail;
    }
    m_draftClosed = true;
    m_autosave->stop();
    removeDraft(); // the case is stored: the draft has served
    emit caseCreated(id, created->text(u"number"_s));
    return true;
}

void IntakeWizard::removeDraft()
{
    // The case (or the decision to discard) is what counts; a draft that cannot be removed stays
    // listed under unfinished intakes, where it can be discarded by hand, so it is only logged.
    if (const Core::Status removed = m_session.drafts().remove(m_draftId); !removed)
        qCWarning(lcUi) << "intake: the draft could not be removed:" << removed.error().detail;
}

void IntakeWizard::routeError(const Core::Error &error, const QStringList &partyKeys)
{
    QString key;
    if (error.code == Core::Error::Code::InvalidInput) {
        // "people[1].person.nik" → the second party's form; "people[1].relationship" → its link.
        static const QRegularExpression people(u"^people\\[(\\d+)\\]\\.(?:person\\.)?(.+)$"_s);
        if (const QRegularExpressionMatch m = people.match(error.field); m.hasMatch()) {
            const int party = m.captured(1).toInt();
            if (party < partyKeys.size()) {
                key = partyKeys.at(party) + u'.' + m.captured(2);
                if (!m_fields->contains(key))
                    key = partyKeys.at(party) + u".name"_s;
            }
        } else if (error.field == u"risk_level") {
            key = u"risk.level"_s;
        } else {
            key = error.field;
        }
    }
    QString message = ErrorText::message(error);
    // A NIK refused by the store gets the same translated explanation as the live check.
    if (key.endsWith(u".nik") && key.startsWith(u"victim")) {
        const int index = key.mid(6, key.indexOf(u'.') - 6).toInt();
        if (const QString problem = m_victimPage->nikProblem(index); !problem.isEmpty())
            message = problem;
    }
    if (!m_fields->contains(key)) {
        // Not about one field (a full disk, a locked profile): say so on the last page.
        m_reviewPage->showSaveError(message);
        return;
    }
    m_fields->showError(key, message);
    focusField(key);
}

void IntakeWizard::done(int result)
{
    if (result == QDialog::Rejected && (m_discardArmed || visitedIds().size() <= 1)) {
        // Discarded on purpose: the draft goes too.
        m_draftClosed = true;
        m_autosave->stop();
        removeDraft();
    }
    // Esc or Cancel on a started intake asks once more (on the button itself, without a modal
    // dialog), so an accidental key press never throws away what was typed.
    if (result == QDialog::Rejected && !m_discardArmed && visitedIds().size() > 1) {
        m_discardArmed = true;
        setButtonText(QWizard::CancelButton, tr("Discard the intake?"));
        button(QWizard::CancelButton)->setFocus();
        return;
    }
    QWizard::done(result);
}
