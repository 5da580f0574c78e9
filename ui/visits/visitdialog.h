// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QHash>
#include <QPointer>
#include <QVariantMap>

class PositionProvider;
class QComboBox;
class QFormLayout;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTimer;
class RegionPicker;

namespace Core {
class Session;
}

// Records one visit to a case: when, where (village, place, and optionally a GPS fix or the
// village centroid), who took part, why, notes and next steps. A missing fix never blocks
// saving. On a validation error the message appears under the field and the input stays.
class VisitDialog final : public QDialog
{
    Q_OBJECT

public:
    // `gps` may be null (no GPS set up). The dialog starts it if it is not running, and stops it
    // again on close only in that case. It must outlive the dialog or be destroyed by its owner
    // (the dialog watches it).
    VisitDialog(Core::Session &session, const QString &caseId, const QString &language, PositionProvider *gps,
                QWidget *parent = nullptr);
    ~VisitDialog() override;

    void save();

signals:
    void visitSaved(const QString &visitId);

private:
    QFormLayout *buildFields();
    QFormLayout *buildTexts();
    class QHBoxLayout *buildButtons();
    enum class Choice { None, Gps, Centroid };

    QWidget *withErrorLabel(const QString &field, QWidget *editor);
    QWidget *buildLocationPanel();
    QString defaultScope(const QString &caseId) const;
    // The case's first victim's village, or empty: the visit's village starts there.
    QString victimVillage(const QString &caseId) const;
    void showFix();
    void showChoice();
    void useGpsFix();
    void useCentroid();
    void clearLocation();
    void onRegionChanged();
    void clearErrors();
    void showError(const QString &field, const QString &message);

    Core::Session &m_session;
    const QString m_caseId;
    const QString m_language;
    QPointer<PositionProvider> m_gps;
    bool m_startedGps = false;

    QDateTimeEdit *m_visitedAt = nullptr;
    RegionPicker *m_region = nullptr;
    QLineEdit *m_place = nullptr;
    QLineEdit *m_participants = nullptr;
    QComboBox *m_purpose = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QPlainTextEdit *m_nextSteps = nullptr;
    QLabel *m_fixLabel = nullptr;
    QLabel *m_choiceLabel = nullptr;
    QPushButton *m_useGps = nullptr;
    QPushButton *m_useCentroid = nullptr;
    QPushButton *m_clearLocation = nullptr;
    QPushButton *m_save = nullptr;
    QLabel *m_formError = nullptr;
    QTimer *m_ageTimer = nullptr;

    QHash<QString, QLabel *> m_errorLabels; // field name → the red label under its editor
    QHash<QString, QWidget *> m_editors; // field name → the widget to focus on an error

    Choice m_choice = Choice::None;
    QVariantMap m_location; // what will be saved as "location"
    QString m_locationSource;
    QString m_centroidCode; // the village whose centroid was chosen
};
