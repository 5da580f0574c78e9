// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/visits/visitdialog.h"

#include "core/cases/activityrepository.h"
#include "core/cases/caserepository.h"
#include "core/clock/clock.h"
#include "core/clock/districttime.h"
#include "core/profile/profile.h"
#include "core/profile/session.h"
#include "core/regions/regionindex.h"
#include "ui/common/codelabels.h"
#include "ui/common/errortext.h"
#include "ui/visits/positionprovider.h"
#include "ui/widgets/regionpicker.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QGeoPositionInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QTimer>
#include <QVBoxLayout>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {

// The red message under a field, named "<field>Error"; hidden until save() reports a problem.
QLabel *errorLabel(const QString &field, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(field + u"Error"_s);
    label->setWordWrap(true);
    label->setStyleSheet(u"color:#b00020"_s);
    label->hide();
    return label;
}

QString degrees(const QLocale &locale, double value)
{
    return locale.toString(value, 'f', 5);
}

} // namespace

VisitDialog::VisitDialog(Core::Session &session, const QString &caseId, const QString &language,
                         PositionProvider *gps, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_caseId(caseId)
    , m_language(language)
    , m_gps(gps)
{
    setObjectName(u"visitDialog"_s);
    setWindowTitle(tr("Record a visit"));
    QFormLayout *form = buildFields();
    QWidget *locationPanel = buildLocationPanel();
    QFormLayout *texts = buildTexts();
    m_formError = errorLabel(u"form"_s, this);
    QHBoxLayout *buttons = buildButtons();

    // Room for a village path and four cascade combos side by side with whole names, in the font's
    // own units: the fields take the dialog's whole width and the location sits below them, so
    // the region boxes are not cut at 1366×768.
    const int character = fontMetrics().averageCharWidth();
    m_place->setMinimumWidth(character * 44);
    m_region->setMinimumWidth(character * 130);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(locationPanel);
    layout->addLayout(texts, 1);
    layout->addWidget(m_formError);
    layout->addLayout(buttons);

    connect(m_region, &RegionPicker::codeChanged, this, &VisitDialog::onRegionChanged);
    if (m_gps) {
        connect(m_gps, &PositionProvider::fixReceived, this, &VisitDialog::showFix);
        connect(m_gps, &PositionProvider::failed, this, &VisitDialog::showFix);
    }
    showFix();
    showChoice();
    if (m_gps && !m_gps->isActive()) {
        m_startedGps = true;
        m_gps->start();
    }
}

QFormLayout *VisitDialog::buildFields()
{
    const QLocale locale(m_language);
    m_visitedAt = new QDateTimeEdit(this);
    m_visitedAt->setObjectName(u"visitedAtEdit"_s);
    m_visitedAt->setLocale(locale);
    // The district's wall time, whatever zone the laptop's system is set to. Qt 6.4's
    // QDateTimeEdit knows only local time and UTC, so it holds the district's wall time as if it
    // were UTC, and save() reads that wall time back in the district's zone.
    const Core::DistrictTime &time = m_session.profile().districtTime();
    m_visitedAt->setDisplayFormat(Core::DistrictTime::dateTimeFormat(locale) + u" '"_s + time.label()
                                  + u'\'');
    m_visitedAt->setCalendarPopup(true);
    m_visitedAt->setTimeSpec(Qt::UTC);
    const QDateTime now = time.dateTime(m_session.profile().clock().nowMs());
    m_visitedAt->setDateTime(QDateTime(now.date(), now.time(), Qt::UTC));

    m_region = new RegionPicker(m_session.regions(), this);
    m_region->setObjectName(u"regionPicker"_s);
    m_region->setScope(defaultScope(m_caseId));
    if (const QString village = victimVillage(m_caseId); !village.isEmpty())
        m_region->setCode(village);

    m_place = new QLineEdit(this);
    m_place->setObjectName(u"placeEdit"_s);
    m_place->setPlaceholderText(tr("e.g. grandmother's house, RT 05"));

    m_participants = new QLineEdit(this);
    m_participants->setObjectName(u"participantsEdit"_s);
    m_participants->setPlaceholderText(tr("Who took part in the visit"));

    m_purpose = new QComboBox(this);
    m_purpose->setObjectName(u"purposeCombo"_s);
    CodeLabels::fill(m_purpose, m_session.codes(), u"visit_purpose", m_language, tr("Not stated"));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const auto addRow = [this, form](const QString &label, const QString &field, QWidget *editor) {
        auto *caption = new QLabel(label, this);
        caption->setBuddy(editor);
        form->addRow(caption, withErrorLabel(field, editor));
    };
    addRow(tr("&Visited at"), u"visited_at"_s, m_visitedAt);
    addRow(tr("Vi&llage"), u"region_code"_s, m_region);
    addRow(tr("&Place"), u"place_text"_s, m_place);
    addRow(tr("P&articipants"), u"participants"_s, m_participants);
    addRow(tr("P&urpose"), u"purpose"_s, m_purpose);
    return form;
}

QFormLayout *VisitDialog::buildTexts()
{
    m_notes = new QPlainTextEdit(this);
    m_notes->setObjectName(u"notesEdit"_s);
    m_notes->setTabChangesFocus(true);
    m_notes->setPlaceholderText(tr("What happened during the visit, what the victim said and needs"));
    m_nextSteps = new QPlainTextEdit(this);
    m_nextSteps->setObjectName(u"nextStepsEdit"_s);
    m_nextSteps->setTabChangesFocus(true);
    m_nextSteps->setPlaceholderText(tr("What the team will do next, and by when"));
    const int line = m_notes->fontMetrics().lineSpacing();
    m_notes->setMinimumHeight(line * 6);
    m_nextSteps->setFixedHeight(line * 3 + 2 * m_nextSteps->frameWidth() + 8);

    auto *texts = new QFormLayout;
    texts->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    texts->setRowWrapPolicy(QFormLayout::WrapAllRows);
    auto *notesCaption = new QLabel(tr("&Notes"), this);
    notesCaption->setBuddy(m_notes);
    texts->addRow(notesCaption, withErrorLabel(u"notes"_s, m_notes));
    auto *nextCaption = new QLabel(tr("Ne&xt steps"), this);
    nextCaption->setBuddy(m_nextSteps);
    texts->addRow(nextCaption, withErrorLabel(u"next_steps"_s, m_nextSteps));
    return texts;
}

QHBoxLayout *VisitDialog::buildButtons()
{
    // No default button (a QDialogButtonBox would make its accept button one): Enter in a field, or
    // after picking a village, must not save a half-typed visit. Saving is Ctrl+S, Alt+S, or Space
    // on the focused button.
    m_save = new QPushButton(tr("&Save visit"), this);
    m_save->setObjectName(u"saveButton"_s);
    auto *cancel = new QPushButton(tr("Cancel"), this);
    cancel->setObjectName(u"cancelButton"_s);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    for (QPushButton *button : {m_save, cancel}) {
        button->setAutoDefault(false);
        buttons->addWidget(button);
    }
    connect(m_save, &QPushButton::clicked, this, &VisitDialog::save);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    auto *saveShortcut = new QShortcut(QKeySequence::Save, this);
    connect(saveShortcut, &QShortcut::activated, this, &VisitDialog::save);
    return buttons;
}

VisitDialog::~VisitDialog()
{
    if (m_startedGps && m_gps)
        m_gps->stop();
}

QWidget *VisitDialog::withErrorLabel(const QString &field, QWidget *editor)
{
    auto *box = new QWidget(this);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(editor);
    QLabel *error = errorLabel(field, box);
    layout->addWidget(error);
    m_errorLabels.insert(field, error);
    m_editors.insert(field, editor);
    return box;
}

QWidget *VisitDialog::buildLocationPanel()
{
    auto *group = new QGroupBox(tr("Location"), this);
    group->setObjectName(u"locationGroup"_s);
    auto *layout = new QVBoxLayout(group);

    m_fixLabel = new QLabel(group);
    m_fixLabel->setObjectName(u"fixLabel"_s);
    m_fixLabel->setWordWrap(true);
    m_fixLabel->setTextFormat(Qt::PlainText);
    layout->addWidget(m_fixLabel);

    m_useGps = new QPushButton(tr("Use &GPS fix"), group);
    m_useGps->setObjectName(u"useGpsButton"_s);
    m_useCentroid = new QPushButton(tr("Use village &centroid"), group);
    m_useCentroid->setObjectName(u"useCentroidButton"_s);
    m_useCentroid->setToolTip(tr("The centre point of the chosen village, from the region list"));
    m_clearLocation = new QPushButton(tr("N&o location"), group);
    m_clearLocation->setObjectName(u"clearLocationButton"_s);
    auto *choices = new QHBoxLayout;
    for (QPushButton *button : {m_useGps, m_useCentroid, m_clearLocation}) {
        button->setAutoDefault(false);
        choices->addWidget(button);
    }
    choices->addStretch(1);
    layout->addLayout(choices);
    connect(m_useGps, &QPushButton::clicked, this, &VisitDialog::useGpsFix);
    connect(m_useCentroid, &QPushButton::clicked, this, &VisitDialog::useCentroid);
    connect(m_clearLocation, &QPushButton::clicked, this, &VisitDialog::clearLocation);

    m_choiceLabel = new QLabel(group);
    m_choiceLabel->setObjectName(u"locationChoiceLabel"_s);
    m_choiceLabel->setWordWrap(true);
    m_choiceLabel->setTextFormat(Qt::PlainText);
    layout->addWidget(m_choiceLabel);

    for (const QString &field : {u"location"_s, u"location_source"_s}) {
        QLabel *error = errorLabel(field, group);
        layout->addWidget(error);
        m_errorLabels.insert(field, error);
        m_editors.insert(field, m_useCentroid);
    }
    layout->addStretch(1);

    m_ageTimer = new QTimer(this);
    m_ageTimer->setInterval(1000);
    connect(m_ageTimer, &QTimer::timeout, this, &VisitDialog::showFix);
    return group;
}

QString VisitDialog::defaultScope(const QString &caseId) const
{
    // Visits mostly happen where the incident did: start the village search in that regency.
    if (const Core::Result<Core::CaseFile> file = m_session.cases().load(caseId)) {
        const QString incident = file->kase.text(u"incident_region"_s);
        for (const Core::Region &region : m_session.regions().ancestry(incident)) {
            if (region.level == Core::RegionLevel::Regency)
                return region.code;
        }
    }
    return m_session.profile().info().districtCode;
}

QString VisitDialog::victimVillage(const QString &caseId) const
{
    // A first visit is mostly to the victim's home: the first victim's village, when recorded.
    const Core::Result<Core::CaseFile> file = m_session.cases().load(caseId);
    if (!file)
        return {};
    for (const Core::CaseParty &party : file->parties) {
        if (party.link.text(u"role"_s) != u"victim")
            continue;
        const std::optional<Core::Region> region
            = m_session.regions().find(party.person.text(u"address_region"_s));
        if (region && region->level == Core::RegionLevel::Village)
            return region->code;
    }
    return {};
}

void VisitDialog::showFix()
{
    if (!m_gps) {
        m_fixLabel->setText(tr("No GPS is set up. You can use the village centroid, or save without a "
                               "location."));
        m_useGps->setEnabled(false);
        return;
    }
    const QGeoPositionInfo fix = m_gps->lastFix();
    if (!fix.isValid()) {
        const QString failure = m_gps->lastFailure();
        m_fixLabel->setText(failure.isEmpty()
                                ? tr("Waiting for a GPS fix…")
                                : tr("%1\nYou can still save without a location.").arg(failure));
        m_useGps->setEnabled(false);
        m_ageTimer->stop();
        return;
    }
    m_useGps->setEnabled(true);
    if (!m_ageTimer->isActive())
        m_ageTimer->start();

    const QLocale locale(m_language);
    const QGeoCoordinate coordinate = fix.coordinate();
    const QString position
        = tr("Latitude %1 · Longitude %2")
              .arg(degrees(locale, coordinate.latitude()), degrees(locale, coordinate.longitude()));
    const double accuracy = fix.attribute(QGeoPositionInfo::HorizontalAccuracy);
    const QString accuracyText
        = fix.hasAttribute(QGeoPositionInfo::HorizontalAccuracy) && std::isfinite(accuracy)
            ? tr("±%1 m").arg(locale.toString(qRound(accuracy)))
            : tr("accuracy unknown");
    const qint64 ageS = std::max<qint64>(
        0, (m_session.profile().clock().nowMs() - fix.timestamp().toMSecsSinceEpoch()) / 1000);
    QString ageText;
    if (ageS < 120)
        ageText = tr("%n s ago", nullptr, int(ageS));
    else if (ageS < 120 * 60)
        ageText = tr("%n min ago", nullptr, int(ageS / 60));
    else if (ageS < 48 * 3600)
        ageText = tr("%n h ago", nullptr, int(ageS / 3600));
    else
        ageText = tr("%n day(s) ago", nullptr, int(ageS / 86400));
    m_fixLabel->setText(position + u'\n'
                        + tr("%1, %2", "GPS accuracy, age of the fix").arg(accuracyText, ageText));
}

void VisitDialog::showChoice()
{
    const QLocale locale(m_language);
    const QString lat = degrees(locale, m_location.value(u"lat"_s).toDouble());
    const QString lng = degrees(locale, m_location.value(u"lng"_s).toDouble());
    switch (m_choice) {
    case Choice::None:
        m_choiceLabel->setText(tr("No location will be saved."));
        break;
    case Choice::Gps:
        m_choiceLabel->setText(
            tr("Location to save: %1 (%2 · %3)")
                .arg(CodeLabels::label(m_session.codes(), u"location_source", m_locationSource, m_language),
                     lat, lng));
        break;
    case Choice::Centroid: {
        const std::optional<Core::Region> village = m_session.regions().find(m_centroidCode);
        m_choiceLabel->setText(tr("Location to save: centre of %1 (%2 · %3)")
                                   .arg(village ? village->name : m_centroidCode, lat, lng));
        break;
    }
    }
    m_clearLocation->setEnabled(m_choice != Choice::None);
}

void VisitDialog::useGpsFix()
{
    if (!m_gps)
        return;
    const QGeoPositionInfo fix = m_gps->lastFix();
    if (!fix.isValid())
        return;
    // Numbers only: the validator refuses anything else inside "location".
    QVariantMap location{{u"lat"_s, fix.coordinate().latitude()}, {u"lng"_s, fix.coordinate().longitude()}};
    const double accuracy = fix.attribute(QGeoPositionInfo::HorizontalAccuracy);
    if (fix.hasAttribute(QGeoPositionInfo::HorizontalAccuracy) && std::isfinite(accuracy) && accuracy >= 0)
        location.insert(u"accuracy_m"_s, std::round(accuracy * 10) / 10);
    if (fix.timestamp().isValid())
        location.insert(u"fix_time"_s, fix.timestamp().toMSecsSinceEpoch());
    m_location = location;
    m_locationSource = m_gps->locationSource();
    m_centroidCode.clear();
    m_choice = Choice::Gps;
    m_errorLabels.value(u"location"_s)->hide();
    showChoice();
}

void VisitDialog::useCentroid()
{
    const QString code = m_region->code();
    const std::optional<Core::Region> village
        = code.isEmpty() ? std::nullopt : m_session.regions().find(code);
    if (!village || village->level != Core::RegionLevel::Village) {
        showError(u"location"_s, tr("Choose a village first: its centre point is used as the location."));
        return;
    }
    if (!village->lat || !village->lng) {
        showError(u"location"_s,
                  tr("No centre point is known for %1. Use a GPS fix or save without a location.")
                      .arg(village->name));
        return;
    }
    m_location = QVariantMap{{u"lat"_s, *village->lat}, {u"lng"_s, *village->lng}};
    m_locationSource = u"village_centroid"_s;
    m_centroidCode = village->code;
    m_choice = Choice::Centroid;
    m_errorLabels.value(u"location"_s)->hide();
    showChoice();
}

void VisitDialog::clearLocation()
{
    m_choice = Choice::None;
    m_location.clear();
    m_locationSource.clear();
    m_centroidCode.clear();
    showChoice();
}

void VisitDialog::onRegionChanged()
{
    // A centroid belongs to the village it was taken from: another village drops it.
    if (m_choice == Choice::Centroid && Core::RegionIndex::normaliseCode(m_region->code()) != m_centroidCode)
        clearLocation();
}

void VisitDialog::clearErrors()
{
    for (QLabel *label : std::as_const(m_errorLabels))
        label->hide();
    m_formError->hide();
}

void VisitDialog::showError(const QString &field, const QString &message)
{
    QLabel *label = m_errorLabels.value(field, m_formError);
    label->setText(message);
    label->show();
    if (QWidget *editor = m_editors.value(field))
        editor->setFocus(Qt::OtherFocusReason);
}

void VisitDialog::save()
{
    clearErrors();
    QVariantHash values;
    const QDateTime wall = m_visitedAt->dateTime();
    values.insert(u"visited_at"_s,
                  QDateTime(wall.date(), wall.time(), m_session.profile().districtTime().timeZone())
                      .toMSecsSinceEpoch());
    const auto putText = [&values](const QString &field, const QString &text) {
        if (!text.trimmed().isEmpty())
            values.insert(field, text);
    };
    putText(u"region_code"_s, m_region->code());
    putText(u"place_text"_s, m_place->text());
    putText(u"participants"_s, m_participants->text());
    putText(u"purpose"_s, m_purpose->currentData().toString());
    putText(u"notes"_s, m_notes->toPlainText());
    putText(u"next_steps"_s, m_nextSteps->toPlainText());
    // Without a fix or a centroid the visit is saved without a location, never refused.
    if (m_choice != Choice::None) {
        values.insert(u"location"_s, m_location);
        values.insert(u"location_source"_s, m_locationSource);
    }

    const Core::Result<Core::Record> added = m_session.activities().add(u"visit", m_caseId, values);
    if (!added) {
        // The dialog stays open with everything as typed; the message sits under the field.
        showError(added.error().field, ErrorText::message(added.error()));
        return;
    }
    emit visitSaved(added->id);
    accept();
}
