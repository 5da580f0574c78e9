// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDate>
#include <QHash>
#include <QList>
#include <QStringList>
#include <QWizard>

#include <memory>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTimer;
class RegionPicker;

namespace Core {
class NikValidator;
class Session;
struct NikCheck;
struct CaseDraft;
struct Error;
} // namespace Core

// The new-case intake (pengaduan): channel, reporter, victims, incident, perpetrators and a first
// risk level, stored as one action by CaseRepository::create. Pages check what they can before
// Next; an error from the store brings the user back to the field it names, with every input kept.
class IntakeWizard final : public QWizard
{
    Q_OBJECT

public:
    enum PageId { ChannelPage, ReporterPage, VictimPage, IncidentPage, PerpetratorPage, RiskPage };

    IntakeWizard(Core::Session &session, const QString &language, QWidget *parent = nullptr);
    ~IntakeWizard() override;

    bool validateCurrentPage() override;
    void done(int result) override;

signals:
    void caseCreated(const QString &caseId, const QString &number);

private:
    // How a message under a field reads: red (blocks Next or saving), amber, or a grey hint.
    enum class Tone { Error, Warning, Hint };
    // One input of the form and the label under it; `page` is where it lives.
    struct Slot
    {
        int page = -1;
        QWidget *input = nullptr;
        QLabel *error = nullptr;
    };
    struct VictimForm
    {
        QWidget *tab = nullptr;
        QLineEdit *name = nullptr;
        QLineEdit *nik = nullptr;
        QComboBox *sex = nullptr;
        QLineEdit *birthDate = nullptr;
        QLineEdit *age = nullptr;
        QComboBox *disability = nullptr;
        QComboBox *education = nullptr;
        RegionPicker *address = nullptr;
        QLineEdit *phone = nullptr;
        QLabel *match = nullptr;
        QTimer *matchTimer = nullptr;
    };
    struct PerpetratorForm
    {
        QWidget *tab = nullptr;
        QLineEdit *name = nullptr;
        QComboBox *relationship = nullptr;
        QComboBox *sex = nullptr;
        QLineEdit *age = nullptr;
    };

    QWizardPage *buildChannelPage();
    QWizardPage *buildReporterPage();
    QWizardPage *buildVictimPage();
    QWizardPage *buildIncidentPage();
    QWizardPage *buildPerpetratorPage();
    QWizardPage *buildRiskPage();
    void addVictim();
    void removeVictim();
    void addPerpetrator();
    void removePerpetrator();
    void suggestTyping();

    // Wraps `input` with a hidden message label named `<errorName>Error` under it, and remembers
    // both as `key` ("reported_on", "victim1.nik") for checks and for routing store errors.
    QWidget *field(int page, const QString &key, QWidget *input, const QString &errorName);
    void showError(const QString &key, const QString &message, Tone tone = Tone::Error);
    void clearErrors(int page);
    void clearError(const QString &key);
    // Shows the page, the tab and the input of `key`, going back as far as needed.
    void focusField(const QString &key);
    void goToPage(int page);

    // Shows the NIK's problem under it; false when the NIK cannot be saved. While digits are still
    // being typed (`finalCheck` false), a short NIK is progress, not an error.
    bool checkNik(int victim, bool finalCheck = false);
    // A translated sentence for the first problem of a NIK; `block` says whether it stops saving.
    QString nikProblem(const Core::NikCheck &check, const QString &typed, bool *block) const;
    void findMatches(int victim);

    bool validateChannel();
    bool validateVictims();
    bool validateIncident();
    bool validatePerpetrators();
    bool validateRisk();
    // Reads a date field; an invalid or future date shows its error and returns false.
    bool readDate(const QString &key, QLineEdit *edit, bool required, QString *iso);
    bool readAge(const QString &key, QLineEdit *edit, std::optional<int> *age);
    // A date typed in the UI language's short format (any of / . - between the parts) or ISO.
    std::optional<QDate> parseDate(const QString &text) const;

    Core::CaseDraft buildDraft(QStringList *partyKeys) const;
    bool save();
    void routeError(const Core::Error &error, const QStringList &partyKeys);

    Core::Session &m_session;
    const QString m_language;
    std::unique_ptr<Core::NikValidator> m_nik;
    QString m_scope; // the profile's regency: pickers start there
    QString m_dateFormat; // how dates are typed, from the UI language's locale
    QHash<QString, Slot> m_slots;

    QComboBox *m_channel = nullptr;
    QLineEdit *m_reportedOn = nullptr;
    QLineEdit *m_reporterName = nullptr;
    QLineEdit *m_reporterPhone = nullptr;
    QLineEdit *m_reporterNote = nullptr;
    QTabWidget *m_victimTabs = nullptr;
    QPushButton *m_removeVictim = nullptr;
    QList<VictimForm> m_victims;
    QLineEdit *m_incidentOn = nullptr;
    RegionPicker *m_incidentRegion = nullptr;
    QLineEdit *m_incidentPlace = nullptr;
    QComboBox *m_scene = nullptr;
    QListWidget *m_violenceTypes = nullptr;
    QList<QCheckBox *> m_typing;
    bool m_typingTouched = false;
    QPlainTextEdit *m_narrative = nullptr;
    QTabWidget *m_perpetratorTabs = nullptr;
    QPushButton *m_removePerpetrator = nullptr;
    QLabel *m_linkNote = nullptr;
    QList<PerpetratorForm> m_perpetrators;
    QComboBox *m_risk = nullptr;
    QPlainTextEdit *m_safetyNotes = nullptr;
    QCheckBox *m_doNotContact = nullptr;
    QLabel *m_saveError = nullptr;
    bool m_discardArmed = false;
};
